"""The tables of a PDF: pdfplumber's cells, with a table nested in a cell read once and a table
that runs over a page break read as one.

Word and LibreOffice repeat a table's header rows on each page it runs onto and may split a row
at the page break, leaving its first cells empty on the next page; a table nested in a cell is
drawn inside the outer cell's box, so pdfplumber finds it both as its own table and as the
outer cell's text.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from tenderlint.extract.blocks import BULLET_GLYPHS, PARA_MARK

_TERMINAL = (".", ";", ":", "!", "?")


@dataclass
class PdfTable:
    bbox: tuple[float, float, float, float]  # x0, top, x1, bottom
    rows: list[list[str]]
    number: int = -1  # the table's number in the document: a table continued from the page before keeps it
    first_row: int = 0  # the number of this page's first row within the whole table
    ends: dict[int, int] = field(default_factory=dict)  # row -> the page a row split by a page break ends on
    spans: list[tuple[float, float]] = field(default_factory=list)  # each row's top and bottom on the page


def find_tables(data: bytes, pages: list[dict]) -> dict[int, list[PdfTable]]:
    """Ask pdfplumber for tables only on pages that draw enough lines to hold one."""
    wanted = [i for i, p in enumerate(pages) if p["paths"] >= 4]
    if not wanted:
        return {}
    import pdfplumber

    found: dict[int, list[PdfTable]] = {}
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for i in wanted:
                page = pdf.pages[i]
                tables = [t for t in _unnested(page, page.find_tables()) if t.rows]
                if tables:
                    found[i] = sorted(tables, key=lambda t: (t.bbox[1], t.bbox[0]))
                page.close()
    except Exception:  # noqa: BLE001 - a table we cannot read falls back to plain lines
        pass
    return found


def _inside(inner: tuple, outer: tuple, slack: float = 1.0) -> bool:
    return (inner[0] >= outer[0] - slack and inner[1] >= outer[1] - slack and inner[2] <= outer[2] + slack
            and inner[3] <= outer[3] + slack and inner != outer)


def _char_in(char: dict, box: tuple) -> bool:
    x, y = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
    return box[0] <= x < box[2] and box[1] <= y < box[3]


def _unnested(page, tables: list) -> list[PdfTable]:
    """Each table once: a table inside another's cell is read as rows of its own, set after the row
    that holds it, and the outer cell keeps only its own words."""
    from pdfplumber.utils import extract_text

    inner_of: dict[int, list] = {}
    for t in tables:
        outers = [o for o in tables if o is not t and _inside(t.bbox, o.bbox)]
        if outers:  # the innermost table that holds it
            host = min(outers, key=lambda o: (o.bbox[2] - o.bbox[0]) * (o.bbox[3] - o.bbox[1]))
            inner_of.setdefault(id(host), []).append(t)
    nested = {id(t) for ts in inner_of.values() for t in ts}
    if not tables:
        return []
    struck = _struck(page)
    out = []
    for t in tables:
        if id(t) in nested:
            continue
        rows = _rows(t, inner_of, page, extract_text, struck)
        out.append(PdfTable(t.bbox, [r for r, _ in rows], spans=[span for _, span in rows]))
    return out


def _struck(page) -> set[int]:
    """The characters a line is drawn through (a deletion shown struck through): the line runs through
    the middle of the glyph, where an underline or a cell border never does."""
    strikes = [(o["x0"], o["x1"], (o["top"] + o["bottom"]) / 2) for o in list(page.lines) + list(page.rects)
               if o["bottom"] - o["top"] < 1.6 and o["x1"] - o["x0"] > 3]
    if not strikes:
        return set()
    out = set()
    for c in page.chars:
        h = c["bottom"] - c["top"]
        mid_x = (c["x0"] + c["x1"]) / 2
        # (pdfplumber's box is the font's full height, so the glyphs' middle sits low in it)
        if any(x0 <= mid_x <= x1 and c["top"] + 0.3 * h <= y <= c["bottom"] - 0.2 * h for x0, x1, y in strikes):
            out.add(id(c))
    return out


def _rows(t, inner_of: dict, page, extract_text, struck: set[int] = frozenset()) -> list[tuple[list[str], tuple]]:
    inners = inner_of.get(id(t), [])
    rows: list[tuple[list[str], tuple]] = []
    boxes = [c for row in t.rows for c in row.cells if c is not None]
    # a cell lies inside its row and a row inside its table: each narrows the characters to look at
    table_chars = [c for c in page.chars if id(c) not in struck and _char_in(c, t.bbox)]
    for row in t.rows:
        per_cell: list[list[dict] | None] = []
        after = []
        row_chars = [c for c in table_chars if _char_in(c, row.bbox)]
        for cell in row.cells:
            if cell is None:
                per_cell.append(None)
                continue
            held = [i for i in inners if _inside(i.bbox, cell, 2.0)]
            # a cell drawn round other cells (a framed box holding a table): only its own words
            within = [b for b in boxes if b is not cell and _inside(b, cell, 1.0)]
            per_cell.append(_without_note_marks([c for c in row_chars if _char_in(c, cell)
                                                 and not any(_char_in(c, i.bbox) for i in held)
                                                 and not any(_char_in(c, b) for b in within)]))
            for i in sorted(held, key=lambda i: i.bbox[1]):
                after.extend(_rows(i, inner_of, page, extract_text, struck))
        _rejoin_cut_lines(per_cell)
        cells = [_flat(extract_text(chars)) if chars else "" for chars in per_cell]
        if any(cells):
            rows.append((cells, (row.bbox[1], row.bbox[3])))
        rows.extend(after)
    if not rows or max(len(r) for r, _ in rows) < 2:
        return []
    return rows


def _rejoin_cut_lines(per_cell: list) -> None:
    """A line of text cut by a cell border it runs across (a text box in a cell that reaches past the
    cell's edge draws a border of its own): when the words either side of a border sit on one line a
    word space apart, the cell to the right gives its words to the cell on the left."""
    for k in range(len(per_cell) - 1):
        a, b = per_cell[k], per_cell[k + 1]
        if not a or not b:
            continue
        cut = False
        for c in b:
            h = c["bottom"] - c["top"]
            left = [x for x in a if abs(x["top"] - c["top"]) < 1 and 0 <= c["x0"] - x["x1"] < 0.6 * h]
            if left:
                cut = True
                break
        if cut:
            a.extend(b)
            per_cell[k + 1] = []


def _without_note_marks(chars: list[dict]) -> list[dict]:
    """Drop footnote reference marks: a digit or dagger smaller than the words beside it and raised."""
    if len(chars) < 3:
        return chars
    sizes = sorted(c["size"] for c in chars)
    body = sizes[len(sizes) // 2]
    out = []
    for c in chars:
        if c["size"] < body * 0.8 and (c["text"].isdigit() or c["text"] in "*\u2020\u2021\u00a7"):
            beside = [o for o in chars if o["size"] >= body * 0.95 and o["top"] < c["bottom"] and c["top"] < o["bottom"]]
            if beside and max(o["bottom"] for o in beside) > c["bottom"] + 1:
                continue
        out.append(c)
    return out


_ITEM = re.compile(rf"^\s*(?:[{BULLET_GLYPHS}\-–]|\(?[a-z]\)|\d{{1,2}}[.)])\s+", re.I)
_GLYPH = re.compile(rf"^\s*[{BULLET_GLYPHS}]\s+")


def _flat(text: str) -> str:
    """A cell's lines as one text; a line that starts a list item (a bullet, "a)", "2.") starts a new
    paragraph of the cell, and a bullet glyph is dropped (Word's bullets are not part of the text)."""
    out: list[str] = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        if out and _ITEM.match(line):
            out.append(PARA_MARK)
        out.append(_GLYPH.sub("", line).strip())
    return re.sub(r"\s*\u2029\s*", PARA_MARK, " ".join(out)).strip()


def _norm(row: list[str]) -> tuple[str, ...]:
    return tuple(re.sub(r"\s+", " ", c).strip().lower() for c in row)


def stitch(found: dict[int, list[PdfTable]], pages: list[dict]) -> None:
    """Number the tables, carrying a table's number over a page break when the first table of a page
    continues the last one of the page before: the same columns at the same place, with no text
    above it but the running header. Its repeated header rows are dropped, and a row the break
    split (its first cells empty on the new page, the cell it carries on not finished) is joined."""
    number = 0
    last: PdfTable | None = None
    head: list[tuple[str, ...]] = []  # the header rows of the table being continued
    last_page = -2
    for pi in sorted(found):
        for k, t in enumerate(found[pi]):
            if k == 0 and last is not None and last_page == pi - 1 and _continues(last, t, pages[pi]):
                t.number = last.number
                while t.rows and head and _norm(t.rows[0]) in head:
                    _pop_first(t)
                if t.rows and last.rows and _split_row(last.rows[-1], t.rows[0]):
                    last.rows[-1] = [(a + " " + b).strip() for a, b in zip(last.rows[-1], _pop_first(t), strict=True)]
                    last.ends[len(last.rows) - 1] = pi + 1
                t.first_row = last.first_row + len(last.rows)
            else:
                t.number = number
                number += 1
                head = [_norm(r) for r in t.rows[:2]]
            last = t
        last_page = pi
    # a table emptied (only its repeated header row on this page) keeps its place: its lines are
    # not body text


def _pop_first(t: PdfTable) -> list[str]:
    if t.spans:
        t.spans.pop(0)
    return t.rows.pop(0)


def _continues(prev: PdfTable, t: PdfTable, page: dict) -> bool:
    width = max(len(r) for r in prev.rows) if prev.rows else 0
    if not t.rows or max(len(r) for r in t.rows) != width:
        return False
    if abs(prev.bbox[0] - t.bbox[0]) > 3 or abs(prev.bbox[2] - t.bbox[2]) > 3:
        return False
    band = page["height"] * 0.09
    return not any(band < ln.top and ln.bottom < t.bbox[1] for ln in page["lines"])


def _split_row(before: list[str], after: list[str]) -> bool:
    """The second half of a row cut by a page break: same columns, its first cell empty where the row
    had one, and each cell it carries on either unfinished or carried on in lower case."""
    if len(before) != len(after) or after[0] or not before[0]:
        return False
    carried = [(a, b) for a, b in zip(before, after, strict=True) if b]
    return bool(carried) and all(a and (not a.rstrip().endswith(_TERMINAL) or b[:1].islower()) for a, b in carried)
