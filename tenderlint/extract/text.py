"""Plain-text reader: decodes UTF-8, UTF-16 (with BOM) or Windows-1252; paragraphs by blank lines."""

from __future__ import annotations

import re

from tenderlint.errors import ReadError
from tenderlint.extract.blocks import CLAUSE_NUMBER_RE, BlockBuilder
from tenderlint.model import Document

_HEADING_RE = re.compile(r"^(?:[A-Z0-9][A-Z0-9 ,&'’()\-–/:]{3,80}|(?:section|part|schedule|annex|appendix)\s+\w+.*)$")


def decode_text(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if _looks_utf16(data):
        return data.decode("utf-16-le" if data[1:2] == b"\x00" else "utf-16-be", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _looks_utf16(data: bytes) -> bool:
    sample = data[:2000]
    return len(sample) >= 8 and (sample[1::2].count(0) > len(sample) * 0.4 or sample[0::2].count(0) > len(sample) * 0.4)


def read_text(path: str, name: str, data: bytes, limits) -> Document:
    if limits and len(data) > 4 * limits.max_chars:
        raise ReadError("too-many-chars", f"the text is longer than the limit of {limits.max_chars} characters")
    text = decode_text(data)
    if limits and len(text) > limits.max_chars:
        raise ReadError("too-many-chars", f"the text is longer than the limit of {limits.max_chars} characters")
    if "\x00" in text or _binary(text):
        raise ReadError("corrupt", "the file is binary, not text")
    doc = Document(path=name, format="txt", pages=None)
    builder = BlockBuilder(doc, limits.max_chars if limits else None)
    page = 1 if "\f" in text else None
    for chunk in re.split(r"(\f)", text):
        if chunk == "\f":
            page = (page or 1) + 1
            continue
        _chunk(builder, chunk, page)
    return doc


_RULE_ROW = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$")  # "|---|---|" under a header row


def _cells(line: str) -> tuple[str, ...] | None:
    """The cells of a table line: tab-separated, or pipe-separated ("Social value | 10%") with no
    sentence running through the pipes."""
    if "\t" in line:
        return tuple(c.strip() for c in line.split("\t"))
    if "|" in line:
        cells = tuple(c.strip() for c in line.strip().strip("|").split("|"))
        if len(cells) >= 2 and all(len(c) <= 200 for c in cells):
            return cells
    return None


_SCORE_HEAD = re.compile(r"^(?P<label>[A-Za-z][\w /&()-]{0,40}?)\s+(?P<col>points|weight(?:ing)?s?|score|marks|%|percentage)\s*:?$", re.I)
_SCORE_ROW = re.compile(r"^(?P<label>[A-Za-z][\w ,/&()'’-]{1,60}?)\s*[:-]?\s+(?P<num>\d{1,3}(?:[.,]\d{1,2})?)\s*(?:%|points?|marks?)?$",
                        re.I)


def _scored_lists(lines: list[str]) -> dict[int, tuple[str, ...]]:
    """A list of criteria with their points or weights, one a line under a header naming the column
    ("Criteria Points" / "Price 5" / "Quality 95", as notices print them): a two-column table."""
    out: dict[int, tuple[str, ...]] = {}
    i = 0
    while i < len(lines):
        head = _SCORE_HEAD.match(lines[i].strip())
        if head:
            j, found = i + 1, []
            while j < len(lines) and (m := _SCORE_ROW.match(lines[j].strip())):
                found.append((j, (m.group("label").strip(), m.group("num"))))
                j += 1
            if len(found) >= 2:
                out[i] = (head.group("label").strip(), head.group("col"))
                out.update(found)
                i = j
                continue
        i += 1
    return out


def _table_lines(lines: list[str]) -> set[int]:
    """Lines that are table rows: tab-separated ones, and pipe-separated ones that have a neighbour
    (over blank lines) with as many cells; a lone "Technical 60% | Commercial 40%" is prose."""
    found = [(i, _cells(x.strip())) for i, x in enumerate(lines) if x.strip() and not _RULE_ROW.match(x.strip())]
    out = set()
    for k, (i, cells) in enumerate(found):
        if cells is None:
            continue
        if "\t" in lines[i]:
            out.add(i)
            continue
        near = [found[j][1] for j in (k - 1, k + 1) if 0 <= j < len(found)]
        if any(c is not None and len(c) == len(cells) for c in near):
            out.add(i)
    return out


def _chunk(builder: BlockBuilder, chunk: str, page: int | None) -> None:
    """One page of text: paragraphs split at blank lines and clause numbers; consecutive tab- or
    pipe-separated lines are one table, its first line the header row (as a Word table's is)."""
    para: list[str] = []
    table: int | None = None  # a table goes on over blank lines while its rows keep their column count
    row = cols = 0
    lines = chunk.splitlines()
    rows = _table_lines(lines)
    scored = _scored_lists(lines)
    for n, line in enumerate(lines):
        s = line.strip()
        if n in scored and para:  # a list of criteria and their points, straight after other lines
            _emit(builder, para, page)
            para = []
        cells = scored.get(n) or (_cells(s) if s and not para and n in rows else None)
        if s and _RULE_ROW.match(s) and table is not None:
            continue
        if s and table is not None and (cells is None or len(cells) != cols):
            table = None
        if not s:
            _emit(builder, para, page)
            para = []
            continue
        if cells is not None:
            if table is None:
                table, row, cols = builder.next_table(), 0, len(cells)
            builder.add(" | ".join(c for c in cells if c), "table-row", page=page, cells=cells, table=table, row=row)
            row += 1
            continue
        if para and (CLAUSE_NUMBER_RE.match(s) or s.startswith(("- ", "• ", "* "))):
            _emit(builder, para, page)
            para = []
        para.append(s)
    _emit(builder, para, page)


def _emit(builder: BlockBuilder, lines: list[str], page: int | None) -> None:
    if not lines:
        return
    text = " ".join(lines)
    is_heading = len(lines) == 1 and len(text) < 90 and ":" not in text[:-1] and (
        _HEADING_RE.match(text) or (text[-1:] not in ".;:,)" and len(text.split()) <= 10 and text[:1].isupper()
                                    and not CLAUSE_NUMBER_RE.match(text)))
    builder.add(text, "heading" if is_heading else "paragraph", page=page)


def _binary(text: str) -> bool:
    sample = text[:4000]
    if not sample:
        return False
    bad = sum(1 for c in sample if (ord(c) < 32 and c not in "\t\n\r\f") or c == "\ufffd")
    return bad > len(sample) * 0.05
