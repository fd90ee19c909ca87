"""PDF reader: PDFium's text layer for speed, pdfplumber only on pages that draw tables.

PDFium gives the text of each line with its box in a fraction of pdfminer's time; pdfplumber is
asked only where a page has ruling lines, to recover the table's rows and cells. Lines are grouped
into paragraphs by spacing and clause numbers, running headers and footers are recognised by
repetition across pages, and a paragraph cut by a page break is joined to its continuation.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from tenderlint.errors import ReadError
from tenderlint.extract.blocks import CLAUSE_NUMBER_RE, BlockBuilder
from tenderlint.model import Document

_MARGIN = 0.09  # share of the page height at top and bottom where running heads live
_PAGE_NO_RE = re.compile(r"^\s*(?:page\s*)?\d+\s*(?:(?:of|/)\s*\d+)?\s*$", re.I)
_BULLET_RE = re.compile(r"^\s*(?:[•●▪◦‣∙·\-–]|\(?[a-z]\)|\(?[ivx]+\)|\d+[.)])\s", re.I)
_TERMINAL = (".", ";", ":", "!", "?", ")", "”", '"')


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    top: float  # distance from the top of the page
    bottom: float
    size: float
    bold: bool


@dataclass
class _Para:
    text: str
    kind: str
    page: int
    top: float
    number: str | None = None
    cells: tuple[str, ...] = ()
    table: int | None = None
    row: int | None = None
    end_page: int | None = None


def read_pdf(path: str, name: str, data: bytes, limits) -> Document:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        msg = str(exc).lower()
        if "password" in msg:
            raise ReadError("encrypted", "the PDF is encrypted with a password; save an unprotected copy") from None
        raise ReadError("corrupt", f"the PDF could not be parsed ({exc})") from None
    try:
        n_pages = len(pdf)
        if limits and n_pages > limits.max_pages:
            raise ReadError("too-many-pages", f"{n_pages} pages exceeds the limit of {limits.max_pages}")
        pages = [_page_lines(pdf, i) for i in range(n_pages)]
    finally:
        pdf.close()
    tables = _tables(data, pages)
    doc = Document(path=name, format="pdf", pages=n_pages)
    paras = _paragraphs(pages, tables)
    if not any(p.text.strip() for p in paras if p.kind not in ("header", "footer")):
        raise ReadError("no-text-layer", "the PDF has no text layer (scanned?); run OCR and try again")
    builder = BlockBuilder(doc, limits.max_chars if limits else None)
    for p in paras:
        builder.add(p.text, p.kind, page=p.page, end_page=p.end_page, number=p.number, cells=p.cells,
                    table=p.table, row=p.row)
    return doc


def _page_lines(pdf, index: int) -> dict:
    import pypdfium2.raw as raw

    page = pdf[index]
    width, height = page.get_size()
    tp = page.get_textpage()
    segs = []
    for i in range(tp.count_rects()):
        left, bottom, right, top = tp.get_rect(i)
        text = tp.get_text_bounded(left, bottom, right, top)
        if not text.strip():
            continue
        size, bold = 0.0, False
        ci = tp.get_index(left + 1, (top + bottom) / 2, 2, 2)
        if isinstance(ci, int) and ci >= 0:
            size = raw.FPDFText_GetFontSize(tp.raw, ci)
            bold = raw.FPDFText_GetFontWeight(tp.raw, ci) >= 600
        segs.append(_Line(text.replace("\r", "").replace("\n", " "), left, right, height - top, height - bottom,
                          size, bold))
    n_paths = sum(1 for _ in page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH], max_depth=1))
    tp.close()
    page.close()
    return {"lines": _merge_segments(segs), "height": height, "width": width, "paths": n_paths}


def _merge_segments(segs: list[_Line]) -> list[_Line]:
    """Segments on the same baseline make one line; a wide gap between them is kept as a tab."""
    segs.sort(key=lambda s: (round(s.top / 3), s.x0))
    lines: list[_Line] = []
    for s in segs:
        if lines:
            last = lines[-1]
            mid_s, mid_l = (s.top + s.bottom) / 2, (last.top + last.bottom) / 2
            if abs(mid_s - mid_l) < max(2.5, (last.bottom - last.top) * 0.45) and s.x0 >= last.x0:
                gap = s.x0 - last.x1
                sep = "\t" if gap > 18 else ("" if last.text.endswith(" ") else " ")
                last.text = last.text + sep + s.text
                last.x1 = max(last.x1, s.x1)
                last.top, last.bottom = min(last.top, s.top), max(last.bottom, s.bottom)
                continue
        lines.append(_Line(s.text, s.x0, s.x1, s.top, s.bottom, s.size, s.bold))
    return [ln for ln in lines if ln.text.strip()]


def _tables(data: bytes, pages: list[dict]) -> dict[int, list[tuple[tuple, list[list[str]]]]]:
    """Ask pdfplumber for tables only on pages that draw enough lines to hold one."""
    wanted = [i for i, p in enumerate(pages) if p["paths"] >= 4]
    if not wanted:
        return {}
    import io

    import pdfplumber

    found: dict[int, list] = {}
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for i in wanted:
                page = pdf.pages[i]
                for t in page.find_tables():
                    rows = [[(c or "").replace("\n", " ").strip() for c in r] for r in t.extract()]
                    rows = [r for r in rows if any(r)]
                    if len(rows) >= 1 and max(len(r) for r in rows) >= 2:
                        found.setdefault(i, []).append((t.bbox, rows))
                page.close()
    except Exception:  # noqa: BLE001 - a table we cannot read falls back to plain lines
        return found
    return found


def _running_heads(pages: list[dict]) -> set[tuple[int, int]]:
    """(page, line) pairs that are running headers or footers."""
    out: set[tuple[int, int]] = set()
    counts: dict[str, int] = {}
    cands = []
    for pi, p in enumerate(pages):
        h = p["height"]
        for li, ln in enumerate(p["lines"]):
            if ln.bottom < h * _MARGIN or ln.top > h * (1 - _MARGIN):
                key = re.sub(r"\d+", "#", ln.text.strip().lower())
                cands.append((pi, li, key, ln.text))
    for _pi, _li, key, _t in cands:
        counts[key] = counts.get(key, 0) + 1
    n = len(pages)
    for pi, li, key, text in cands:
        if _PAGE_NO_RE.match(text) or (n >= 2 and counts[key] >= max(2, n // 2)):
            out.add((pi, li))
    return out


def _paragraphs(pages: list[dict], tables: dict) -> list[_Para]:
    heads = _running_heads(pages)
    sizes = [ln.size for p in pages for ln in p["lines"] if ln.size]
    body_size = statistics.median(sizes) if sizes else 0.0
    paras: list[_Para] = []
    tcount = 0
    for pi, p in enumerate(pages):
        h = p["height"]
        page_tables = tables.get(pi, [])
        items: list[tuple[float, str, object]] = []
        for bbox, rows in page_tables:
            items.append((bbox[1], "table", (tcount, rows)))
            tcount += 1
        for li, ln in enumerate(p["lines"]):
            mid = (ln.top + ln.bottom) / 2
            if any(b[1] - 1 <= mid <= b[3] + 1 and b[0] - 2 <= ln.x0 <= b[2] for b, _ in page_tables):
                continue
            kind = "body"
            if (pi, li) in heads:
                kind = "header" if ln.bottom < h * 0.5 else "footer"
            items.append((ln.top, kind, ln))
        items.sort(key=lambda it: it[0])
        current: _Para | None = None
        prev: _Line | None = None
        pitch = _line_pitch(p["lines"])
        for _top, kind, obj in items:
            if kind == "table":
                current, prev = None, None
                ti, rows = obj
                for ri, row in enumerate(rows):
                    cells = tuple(c for c in row)
                    paras.append(_Para(" | ".join(c for c in cells if c), "table-row", pi + 1, _top, table=ti,
                                       row=ri, cells=cells))
                continue
            ln = obj
            if kind in ("header", "footer"):
                paras.append(_Para(ln.text.strip(), kind, pi + 1, ln.top))
                continue
            is_heading = bool(body_size and ln.size >= body_size * 1.15) or (
                ln.bold and len(ln.text) < 90 and not ln.text.rstrip().endswith(_TERMINAL[:2]))
            starts_item = bool(CLAUSE_NUMBER_RE.match(ln.text) or _BULLET_RE.match(ln.text))
            new = (
                current is None
                or prev is None
                or is_heading
                or current.kind == "heading"
                or starts_item
                or (ln.top - prev.bottom) > pitch * 0.75
                or (ln.x0 - prev.x0 > 25 and not _BULLET_RE.match(current.text))
            )
            if new:
                current = _Para(ln.text.strip(), "heading" if is_heading else "paragraph", pi + 1, ln.top)
                paras.append(current)
            else:
                current.text = _join(current.text, ln.text)
            prev = ln
    return _join_across_pages(paras)


def _line_pitch(lines: list[_Line]) -> float:
    gaps = [b.top - a.bottom for a, b in zip(lines, lines[1:], strict=False) if 0 <= b.top - a.bottom < 40]
    heights = [ln.bottom - ln.top for ln in lines] or [10.0]
    base = statistics.median(heights)
    if not gaps:
        return base
    return max(statistics.median(gaps), 1.0) + base * 0.5


def _join(a: str, b: str) -> str:
    a = a.rstrip()
    b = b.strip()
    if a.endswith("-") and b[:1].islower() and not a.endswith(" -"):
        return a[:-1] + b
    return a + " " + b


def _join_across_pages(paras: list[_Para]) -> list[_Para]:
    """A clause cut by a page break is one paragraph, reported at the page where it starts."""
    out: list[_Para] = []
    last_body: _Para | None = None
    for p in paras:
        if p.kind in ("header", "footer"):
            out.append(p)
            continue
        if (
            last_body is not None
            and p.kind == "paragraph"
            and last_body.kind == "paragraph"
            and p.page == (last_body.end_page or last_body.page) + 1
            and not last_body.text.rstrip().endswith(_TERMINAL)
            and not CLAUSE_NUMBER_RE.match(p.text)
            and not _BULLET_RE.match(p.text)
            and _is_first_body(out, p.page)
        ):
            last_body.text = _join(last_body.text, p.text)
            last_body.end_page = p.page
            continue
        out.append(p)
        last_body = p
    return out


def _is_first_body(out: list[_Para], page: int) -> bool:
    return not any(q.page == page and q.kind not in ("header", "footer") for q in out)
