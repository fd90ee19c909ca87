"""Turn a reader's paragraphs into Blocks with provenance (index, offsets, heading path)."""

from __future__ import annotations

import re

from tenderlint.errors import ReadError
from tenderlint.model import Block, Document

# "3.2 ", "3.2.1. ", "12) ", "(a) ", "A1. " at the start of a paragraph
CLAUSE_NUMBER_RE = re.compile(
    r"^\s*(?P<num>(?:\d{1,3}(?:\.\d{1,3}){1,4}\.?|\d{1,3}[.)]|\([a-z]{1,3}\)|[a-z][.)]|[A-Z]\d{1,2}\.?))\s+(?=\S)",
    re.I,
)


class BlockBuilder:
    """Appends blocks to a document, tracking offsets and the section each block sits under."""

    def __init__(self, doc: Document, max_chars: int | None = None):
        self.doc = doc
        self.max_chars = max_chars  # stop reading as soon as a document's text passes the limit
        self.chars = 0
        self.offset = 0
        self.index = 0
        self.headings: list[tuple[int, str]] = []
        self.tables = 0

    def next_table(self) -> int:
        """A new table number for readers that find tables themselves (text, HTML)."""
        self.tables += 1
        return self.tables - 1

    def add(self, text: str, kind: str, *, page: int | None = None, end_page: int | None = None,
            number: str | None = None, level: int | None = None, cells: tuple[str, ...] = (),
            table: int | None = None, row: int | None = None, part: str | None = None,
            hidden: bool = False) -> Block | None:
        breaks: tuple[int, ...] = ()
        if PARA_MARK in text:  # paragraphs inside a table cell: one text, with where each starts
            text, breaks = _with_breaks(text)
            cells = tuple(_clean(c.replace(PARA_MARK, " ")) for c in cells)
        else:
            text = _clean(text)
        if not text:
            return None
        if len(text) > MAX_BLOCK_CHARS:  # one enormous paragraph: keep the NLP stage's work per block bounded
            last = None
            for piece in _pieces(text):
                last = self.add(piece, kind, page=page, end_page=end_page, level=level, cells=cells, table=table,
                                row=row, part=part, hidden=hidden)
            return last
        if number is None and kind in ("paragraph", "list-item", "heading"):
            m = CLAUSE_NUMBER_RE.match(text)
            if m:
                number = m.group("num").rstrip(".")
        if kind == "heading":
            lvl = level or (number.count(".") + 1 if number else 1)
            self.headings = [h for h in self.headings if h[0] < lvl] + [(lvl, text)]
        self.chars += len(text)
        if self.max_chars is not None and self.chars > self.max_chars:
            raise ReadError("too-many-chars", f"the text is longer than the limit of {self.max_chars} characters")
        outside = kind in OUTSIDE_BODY
        block = Block(
            text=text, kind=kind, document=self.doc.path, index=-1 if outside else self.index,
            page=page, end_page=end_page, number=number, heading_path=tuple(h[1] for h in self.headings),
            table=table, row=row, cells=cells, start=self.offset, end=self.offset + len(text), part=part,
            hidden=hidden, breaks=breaks,
        )
        self.offset += len(text) + 1
        if not outside:
            self.index += 1
        self.doc.blocks.append(block)
        return block


MAX_BLOCK_CHARS = 100_000
# the glyphs a bullet is drawn with, Word's Symbol and Wingdings bullets included
BULLET_GLYPHS = "•●▪◦‣∙·\u25aa\u25cf\u25e6\u2023\u2043\u2219\uf0b7\uf0a7"
PARA_MARK = "\u2029"  # readers put it between the paragraphs (or list items) of one table cell


def _with_breaks(text: str) -> tuple[str, tuple[int, ...]]:
    out, breaks = "", []
    for piece in (_clean(p) for p in text.split(PARA_MARK)):
        if not piece:
            continue
        if out:
            out += " "
            if not piece.startswith("|"):
                breaks.append(len(out))
        out += piece
    return out, tuple(breaks)
OUTSIDE_BODY = ("header", "footer", "footnote", "endnote")  # not counted as body paragraphs


def _pieces(text: str) -> list[str]:
    """Cut a very long paragraph after a sentence end (or a space) near every MAX_BLOCK_CHARS."""
    out, start = [], 0
    while len(text) - start > MAX_BLOCK_CHARS:
        window = text[start:start + MAX_BLOCK_CHARS]
        cut = max(window.rfind(". "), window.rfind("; "))
        if cut < MAX_BLOCK_CHARS // 2:
            cut = window.rfind(" ")
        cut = cut + 1 if cut > 0 else MAX_BLOCK_CHARS
        out.append(text[start:start + cut])
        start += cut
    out.append(text[start:])
    return out


_WS = re.compile(r"[ \t\u00a0\u2007\u202f]+")


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u00ad\ufeff\u200b]")


def _clean(text: str) -> str:
    text = _CONTROL.sub("", text)
    text = text.replace("Â£", "£").replace("\uf0b7", "•").replace("\uf0a7", "▪")  # Symbol/Wingdings bullets
    return _WS.sub(" ", text.replace("\r", " ").replace("\n", " ")).strip()
