"""HTML reader: block elements in order (headings, paragraphs, list items, table rows)."""

from __future__ import annotations

from html.parser import HTMLParser

from tenderlint.extract.blocks import BlockBuilder
from tenderlint.extract.text import decode_text
from tenderlint.model import Document

_BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "blockquote", "pre", "section",
           "article", "caption", "br", "td", "th", "tr", "table", "ul", "ol", "header", "footer", "title"}
_SKIP = {"script", "style", "noscript", "template", "svg", "head"}


class _Parser(HTMLParser):
    def __init__(self, builder: BlockBuilder):
        super().__init__(convert_charrefs=True)
        self.b = builder
        self.buf: list[str] = []
        self.skip = 0
        self.tag_stack: list[str] = []
        self.row: list[str] | None = None
        self.cell: list[str] | None = None
        self.table = -1
        self.row_index = 0
        self.title: str | None = None
        self.in_title = False
        self.ol_counters: list[int] = []

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP and tag != "head":
            self.skip += 1
            return
        if tag == "title":
            self.in_title = True
            return
        if tag == "table":
            self.table += 1
            self.row_index = 0
        if tag == "tr":
            self.flush()
            self.row = []
            return
        if tag in ("td", "th") and self.row is not None:
            self.cell = []
            return
        if tag == "ol":
            self.ol_counters.append(0)
        if tag in _BLOCKS and self.cell is None:
            self.flush()
        if tag == "li" and self.ol_counters and self.cell is None:
            self.ol_counters[-1] += 1
            self.buf.append(f"{self.ol_counters[-1]}. ")
        self.tag_stack.append(tag)

    def handle_endtag(self, tag):
        if tag in _SKIP and tag != "head":
            self.skip = max(0, self.skip - 1)
            return
        if tag == "title":
            self.in_title = False
            return
        if tag in ("td", "th") and self.row is not None and self.cell is not None:
            self.row.append(" ".join("".join(self.cell).split()))
            self.cell = None
            return
        if tag == "tr" and self.row is not None:
            if any(self.row):
                self.b.add(" | ".join(c for c in self.row if c), "table-row", cells=tuple(self.row),
                           table=self.table, row=self.row_index)
                self.row_index += 1
            self.row = None
            return
        if tag == "ol" and self.ol_counters:
            self.ol_counters.pop()
        if tag in _BLOCKS and self.cell is None:
            kind = "heading" if tag in ("h1", "h2", "h3", "h4", "h5", "h6") else (
                "list-item" if tag == "li" else "paragraph")
            self.flush(kind, int(tag[1]) if kind == "heading" else None)

    def handle_data(self, data):
        if self.skip:
            return
        if self.in_title:
            self.title = (self.title or "") + data
            return
        if self.cell is not None:
            self.cell.append(data)
        else:
            self.buf.append(data)

    def flush(self, kind: str = "paragraph", level: int | None = None):
        text = " ".join("".join(self.buf).split())
        self.buf = []
        if text:
            self.b.add(text, kind, level=level)


def read_html(path: str, name: str, data: bytes, limits) -> Document:
    doc = Document(path=name, format="html", pages=None)
    parser = _Parser(BlockBuilder(doc, limits.max_chars if limits else None))
    parser.feed(decode_text(data))
    parser.close()
    parser.flush()
    doc.title = parser.title.strip() if parser.title else None
    return doc
