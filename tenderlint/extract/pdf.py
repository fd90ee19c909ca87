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
from tenderlint.extract.blocks import BULLET_GLYPHS, CLAUSE_NUMBER_RE, BlockBuilder
from tenderlint.extract.pdf_tables import PdfTable, find_tables, stitch
from tenderlint.model import Document, InputError

_MARGIN = 0.09  # share of the page height at top and bottom where running heads live
_HEAD_BAND = 0.065  # above the body's usual top margin (1 inch): where a one-off header sits
_PAGE_NO_RE = re.compile(r"^\s*(?:page\s*)?\d+\s*(?:(?:of|/)\s*\d+)?\s*$", re.I)
_BULLET_RE = re.compile(rf"^\s*(?:[{BULLET_GLYPHS}\-–]|\(?[a-z]\)|\(?[ivx]+\)|\d+[.)])\s", re.I)
_TERMINAL = (".", ";", ":", "!", "?", ")", "”", '"')
_TOC_LINE = re.compile(r"(?:\.\s?){5,}\s*\d{1,4}\s*$|…{2,}\s*\d{1,4}\s*$")  # "2.1 Eligibility........ 4"


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    top: float  # distance from the top of the page
    bottom: float
    size: float
    bold: bool
    col: int = 0  # reading flow of the page (a column, or a full-width band)


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
    part: str | None = None
    in_margin: bool = False  # starts in the top or bottom margin band (a one-off header or footer)


def read_pdf(path: str, name: str, data: bytes, limits) -> Document:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        msg = str(exc).lower()
        if "password" in msg:
            raise ReadError("encrypted", "the PDF is encrypted with a password; save an unprotected copy") from None
        if "success" in msg:  # PDFium opened the file but found no page tree to read
            raise ReadError("corrupt", "the PDF has no pages (its page tree is empty or missing)") from None
        raise ReadError("corrupt", f"the PDF could not be parsed ({exc})") from None
    doc = Document(path=name, format="pdf")
    try:
        n_pages = len(pdf)
        doc.pages = n_pages
        if n_pages == 0:
            raise ReadError("corrupt", "the PDF has no pages (its page tree is empty or missing)")
        if limits and n_pages > limits.max_pages:
            raise ReadError("too-many-pages", f"{n_pages} pages exceeds the limit of {limits.max_pages}")
        pages = [_page_lines(pdf, i, limits) for i in range(n_pages)]
        _attachments(pdf, doc, name, limits)
    finally:
        pdf.close()
    xfa = b"/XFA" in data and _xfa_form(data)
    suspect = [i for i, p in enumerate(pages)  # letters that make no words: glyph ids passed off as text?
               if not p.get("skipped") and not p.get("undecodable") and _no_words(p["lines"])]
    for i in _unmapped(data, suspect):
        pages[i]["undecodable"] = True
    undecodable = [i for i, p in enumerate(pages) if p.get("undecodable") and not p.get("skipped")]
    for i in undecodable:
        pages[i]["skipped"] = (f"page {i + 1}'s text cannot be decoded (its fonts map no glyph to a letter); "
                               "it was not read; run OCR on the page and try again")
        pages[i]["lines"] = []
    if undecodable and len(undecodable) == n_pages:
        raise ReadError("no-text-layer", "the PDF's text cannot be decoded (its fonts map no glyph to a letter); "
                        "run OCR and try again")
    for i, p in enumerate(pages):
        if p.get("skipped"):
            code = "page-unreadable" if p.get("broken") or p.get("undecodable") else "page-too-complex"
            doc.warnings.append(InputError(name, code, p["skipped"]))
            doc.unread_pages.append(i + 1)
    tables = find_tables(data, pages)
    heads = _running_heads(pages)
    head_cells = _take_head_rows(tables, pages, heads)
    stitch(tables, pages)
    paras = _paragraphs(pages, tables, heads, head_cells)
    body = [p for p in paras if p.kind not in ("header", "footer")]
    textless = [i + 1 for i, p in enumerate(pages)
                if not p.get("skipped") and p["images"] and not any(q.page == i + 1 for q in body)]
    if not body and doc.unread_pages and all(w.code == "page-unreadable" for w in doc.warnings):
        raise ReadError("corrupt", "no page of the PDF could be loaded (" + doc.warnings[0].message + ")")
    if not body and doc.unread_pages:
        raise ReadError("too-complex", doc.warnings[0].message.replace("; it was not read", "")
                        + (f" (and {len(doc.unread_pages) - 1} more pages like it)" if len(doc.unread_pages) > 1 else ""))
    if not body:
        raise ReadError("no-text-layer", "the PDF has no text layer (scanned?); run OCR and try again")
    if xfa:
        words = sum(len(p.text.split()) for p in body)
        if words < 120:  # only the page shown to readers that cannot open the form
            raise ReadError("unsupported-format", "the PDF is an XFA form: its content lives in the form, which "
                            "only Adobe Reader shows; save it as a flattened PDF and try again")
        doc.warnings.append(InputError(name, "form-not-read", "the PDF is also an XFA form whose fields were not "
                                       "read; only its pages were; save it as a flattened PDF to check the form"))
    for page in textless:
        doc.warnings.append(InputError(name, "page-no-text-layer",
                                       f"page {page} is an image with no text layer (scanned?); it was not read"))
        doc.unread_pages.append(page)
    doc.unread_pages.sort()
    builder = BlockBuilder(doc, limits.max_chars if limits else None)
    for p in _dehyphenate(paras):
        builder.add(p.text, p.kind, page=p.page, end_page=p.end_page, number=p.number, cells=p.cells,
                    table=p.table, row=p.row, part=p.part)
    return doc


def _page_lines(pdf, index: int, limits) -> dict:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        page = pdf[index]
    except pdfium.PdfiumError as exc:  # a broken page (a cycle in the page tree, a missing object): skip it
        return {"lines": [], "height": 0.0, "width": 0.0, "paths": 0, "images": 0,
                "skipped": f"page {index + 1} could not be loaded ({exc}); it was not read", "broken": True}
    width, height = page.get_size()
    out = {"lines": [], "height": height, "width": width, "paths": 0, "images": 0}
    n_objects = raw.FPDFPage_CountObjects(page.raw)
    max_objects = limits.max_page_objects if limits else 50_000
    if n_objects > max_objects:
        page.close()
        out["skipped"] = (f"page {index + 1} draws {n_objects} objects, over the per-page budget of {max_objects}; "
                          "it was not read")
        return out
    tp = page.get_textpage()
    n_chars = tp.count_chars()
    max_chars = limits.max_page_chars if limits else 60_000
    if n_chars > max_chars:
        tp.close()
        page.close()
        out["skipped"] = (f"page {index + 1} holds {n_chars} characters, over the per-page budget of {max_chars}; "
                          "it was not read")
        return out
    strikes = []
    for obj in page.get_objects(max_depth=2):
        if obj.type == raw.FPDF_PAGEOBJ_PATH:
            out["paths"] += 1
            left, bottom, right, top = obj.get_bounds()
            if top - bottom < 1.6 and right - left > 3:
                strikes.append((left, right, (top + bottom) / 2))
        elif obj.type == raw.FPDF_PAGEOBJ_IMAGE:
            out["images"] += 1
    segs = []
    boxes: list = []  # every character's box, read only if a line is letter-spaced
    for i in range(tp.count_rects()):
        left, bottom, right, top = tp.get_rect(i)
        text = _unstruck(tp, left, bottom, right, top, strikes)
        if not text.strip():
            continue
        if _SPACED.search(text):
            text = _respaced(tp, (left, bottom, right, top), boxes) or text
        size, bold = 0.0, False
        ci = tp.get_index(left + 1, (top + bottom) / 2, 2, 2)
        if isinstance(ci, int) and ci >= 0:
            size = raw.FPDFText_GetFontSize(tp.raw, ci)
            bold = raw.FPDFText_GetFontWeight(tp.raw, ci) >= 600
        segs.append(_Line(text.replace("\r", "").replace("\n", " "), left, right, height - top, height - bottom,
                          size, bold))
    if _layered(segs):  # text drawn over other text (a shape behind the words): read glyph by glyph
        segs = _runs_of_glyphs(tp, height, strikes, boxes) or segs
    tp.close()
    page.close()
    segs = _with_drop_caps(_without_note_marks(_without_line_numbers(segs)))
    chunks = _merge_segments(segs, near=True)
    lines: list[_Line] = []
    for col, flow in enumerate(_flows(chunks, width, height)):
        for ln in _merge_segments(flow):
            ln.col = col
            lines.append(ln)
    out["lines"] = lines
    out["undecodable"] = _undecodable(lines)
    return out


def _undecodable(lines: list[_Line]) -> bool:
    """Text whose glyphs map to no letters (Type 3 or subset fonts without a Unicode map): PDFium
    gives punctuation and symbols in their place ('!\"##$%&'), which would be linted as if read."""
    chars = "".join(ln.text for ln in lines).replace(" ", "").replace("\t", "")
    if len(chars) < 40:
        return False
    letters = sum(1 for c in chars if c.isalpha())
    layout = sum(1 for c in chars if c.isdigit() or c in "._-–—…|•·£€$%/")  # numbers, leaders, form lines
    return letters < 0.15 * len(chars) and letters + layout < 0.5 * len(chars)


_COMMON = frozenset(
    "the of and to a in for is be will must shall or by with on as are this that any not an at from it all "
    "may which their its have has been other such each than these under should can if who per services service "
    "contract council bidders supplier provider tender y yn a ac i o ar am gan le la les des et du en de het een "
    "van der die und das ist el los las del que por para il di che non".split())


def _no_words(lines: list[_Line]) -> bool:
    """A page of letters that make almost none of the commonest words: the cheap sign that PDFium may
    have passed glyph ids off as letters (a font with no Unicode map, like 'LGGHUV' for 'Bidders')."""
    text = " ".join(ln.text for ln in lines)
    tokens = re.findall(r"[^\W\d_]+", text.lower())
    letters = sum(len(t) for t in tokens)
    if letters < 60:
        return False
    common = sum(1 for t in tokens if t in _COMMON)
    return common < 0.03 * len(tokens) or (len(tokens) < 8 and letters > 120)


def _unmapped(data: bytes, indices: list[int]) -> list[int]:
    """The pages among `indices` whose characters pdfminer cannot map to Unicode either: it writes
    them '(cid:N)'. One pass of pdfminer over the document reads them all."""
    if not indices:
        return []
    import io

    try:
        from pdfminer.high_level import extract_pages
        from pdfminer.layout import LTTextContainer

        out = []
        for i, layout in zip(indices, extract_pages(io.BytesIO(data), page_numbers=set(indices)), strict=False):
            text = "".join(el.get_text() for el in layout if isinstance(el, LTTextContainer))
            cids = text.count("(cid:")
            if cids >= 10 and cids * 6 > 0.3 * len(text.strip() or "x"):
                out.append(i)
        return out
    except Exception:  # noqa: BLE001 - cannot tell: the pages stay read
        return []


def _attachments(pdf, doc: Document, name: str, limits) -> None:
    """Files attached to the PDF (a portfolio's documents, the source of a PDF/A-3): kept to be read
    as files of the pack, so a portfolio's cover page is never all that is read."""
    try:
        n = pdf.count_attachments()
    except Exception:  # noqa: BLE001 - a damaged name tree: the pages are still read
        return
    cap = limits.max_file_bytes if limits else 100 << 20
    for k in range(min(n, 50)):
        try:
            att = pdf.get_attachment(k)
            aname = att.get_name() or f"attachment-{k + 1}"
            data = bytes(att.get_data())
        except Exception:  # noqa: BLE001
            doc.warnings.append(InputError(name, "attachment-not-read", f"attachment {k + 1} could not be "
                                           "extracted; it was not read"))
            continue
        if len(data) > cap:
            doc.warnings.append(InputError(name, "attachment-not-read", f"the attachment {aname} is {len(data)} "
                                           f"bytes, over the limit of {cap}; it was not read"))
            continue
        doc.attachments.append((aname.replace("/", "_"), data))
    if n > 50:
        doc.warnings.append(InputError(name, "attachment-not-read", f"the PDF has {n} attachments; only the "
                                       "first 50 were read"))


def _xfa_form(data: bytes) -> bool:
    """A dynamic XFA form: an /XFA entry in the document's AcroForm (pdfminer reads the catalogue)."""
    import io

    try:
        from pdfminer.pdfdocument import PDFDocument
        from pdfminer.pdfparser import PDFParser
        from pdfminer.pdftypes import resolve1

        form = resolve1(PDFDocument(PDFParser(io.BytesIO(data))).catalog.get("AcroForm"))
        return isinstance(form, dict) and form.get("XFA") is not None
    except Exception:  # noqa: BLE001 - cannot tell: say nothing
        return False


def _layered(segs: list[_Line]) -> bool:
    """Two boxes of text that lie over each other (not side by side on a line, not one line above the
    next): a text box or watermark drawn behind the words, whose letters PDFium's boxes interleave."""
    rows = sorted(segs, key=lambda s: s.top)
    for k, a in enumerate(rows):
        for b in rows[k + 1:k + 12]:
            if b.top >= a.bottom:
                break
            h = min(a.bottom - a.top, b.bottom - b.top)
            dy = min(a.bottom, b.bottom) - max(a.top, b.top)
            dx = min(a.x1, b.x1) - max(a.x0, b.x0)
            if dy > 0.5 * h and dx > 2 * h:  # overlapping boxes, not two words side by side
                return True
    return False


def _runs_of_glyphs(tp, height: float, strikes: list, boxes: list) -> list[_Line]:
    """Segments rebuilt from the glyphs in the order they are drawn: a run goes on while each glyph
    follows the last on its baseline, so text drawn in one layer never mixes with another's."""
    import pypdfium2.raw as raw

    if not boxes:
        boxes.extend((tp.get_text_range(k, 1), tp.get_charbox(k)) for k in range(tp.count_chars()))
    out: list[_Line] = []
    run: list[tuple[int, str, tuple]] = []

    def close() -> None:
        glyphs = [(k, c, bx) for k, c, bx in run if bx[2] > bx[0] or c == " "]
        text = "".join(c for _, c, _ in run).replace("\r", "").replace("\n", " ")
        if glyphs and text.strip():
            xs0 = [bx[0] for _, c, bx in glyphs if c.strip()] or [glyphs[0][2][0]]
            xs1 = [bx[2] for _, c, bx in glyphs if c.strip()] or [glyphs[-1][2][2]]
            tops = [bx[3] for _, c, bx in glyphs if c.strip()] or [glyphs[0][2][3]]
            bots = [bx[1] for _, c, bx in glyphs if c.strip()] or [glyphs[0][2][1]]
            k0 = next(k for k, c, _ in run if c.strip())
            size = raw.FPDFText_GetFontSize(tp.raw, k0)
            bold = raw.FPDFText_GetFontWeight(tp.raw, k0) >= 600
            out.append(_Line(text, min(xs0), max(xs1), height - max(tops), height - min(bots), size, bold))
        run.clear()

    last = None
    for k, (c, bx) in enumerate(boxes):
        if c in ("\r", "\n"):
            close()
            last = None
            continue
        if not c.strip():
            if run:
                run.append((k, c, bx))
            continue
        if any(x0 <= (bx[0] + bx[2]) / 2 <= x1 and _through_middle(bx[1], bx[3], y) for x0, x1, y in strikes):
            continue  # struck through
        h = max(bx[3] - bx[1], 1.0)
        if last is not None:
            same_line = abs((bx[1] + bx[3]) / 2 - (last[1] + last[3]) / 2) < 0.5 * max(h, last[3] - last[1])
            gap = bx[0] - last[2]
            if not same_line or gap < -h or gap > 3 * h:
                close()
        run.append((k, c, bx))
        last = bx
    close()
    return out


_SPACED = re.compile(r"(?:(?<!\S)\w ){5,}\w(?!\S)")  # "T h e C u c k o o": expanded letter spacing


def _respaced(tp, rect: tuple, boxes: list) -> str | None:
    """Rebuild a letter-spaced line from its glyphs' positions: with every letter a space apart,
    PDFium's text has lost the word breaks, but a word break is still a wider gap than the
    spacing between letters."""
    if not boxes:
        boxes.extend((tp.get_text_range(k, 1), tp.get_charbox(k)) for k in range(tp.count_chars()))
    left, bottom, right, top = rect
    chars = [(c, bx) for c, bx in boxes if c.strip() and left - 1 <= bx[0] and bx[2] <= right + 1
             and bottom - 1 <= (bx[1] + bx[3]) / 2 <= top + 1]
    if len(chars) < 6:
        return None
    gaps = [b[1][0] - a[1][2] for a, b in zip(chars, chars[1:], strict=False)]
    typical = statistics.median(gaps)
    out = [chars[0][0]]
    for (c, _bx), gap in zip(chars[1:], gaps, strict=True):
        out.append((" " if gap > max(typical * 1.8, typical + 1.5) else "") + c)
    return "".join(out)


_NOTE_MARK = re.compile(r"^\s*(?:\d{1,3}|[ivx]{1,4}|[*\u2020\u2021\u00a7])\s*$")


def _without_note_marks(segs: list[_Line]) -> list[_Line]:
    """Drop footnote and endnote reference marks: in the text, a short mark smaller than the words
    beside it and raised; at the head of a note, a mark set tight against the note's first word."""
    out = []
    for s in segs:
        if s.size and _NOTE_MARK.match(s.text) and any(_marks(s, o, segs) for o in segs if o is not s):
            # the word it hangs on takes its place, so "lot¹)" reads "lot)", not "lot )"
            left = [o for o in segs if o is not s and o.top < s.bottom and s.top < o.bottom and 0 <= s.x0 - o.x1 < 3]
            if left:
                left[0].x1 = max(left[0].x1, s.x1)
            continue
        out.append(s)
    return out


def _without_line_numbers(segs: list[_Line]) -> list[_Line]:
    """Drop Word's line numbering: a column of bare numbers in the margin, left of where any text
    starts, right-aligned under each other and counting up down the page."""
    nums = [s for s in segs if re.fullmatch(r"\s*\d{1,4}\s*", s.text)]
    if len(nums) < 5:
        return segs
    numeric = {id(s) for s in nums}
    text_left = min((s.x0 for s in segs if id(s) not in numeric), default=0.0)
    margin = [s for s in nums if s.x1 < text_left - 3]
    if len(margin) < 5:
        return segs
    right = statistics.median(s.x1 for s in margin)
    column = sorted((s for s in margin if abs(s.x1 - right) < 3), key=lambda s: s.top)
    values = [int(s.text) for s in column]
    rising = sum(1 for a, b in zip(values, values[1:], strict=False) if b > a)
    if len(column) < 5 or rising < 0.8 * (len(column) - 1):
        return segs
    drop = {id(s) for s in column}
    return [s for s in segs if id(s) not in drop]


def _with_drop_caps(segs: list[_Line]) -> list[_Line]:
    """A drop cap (an initial several lines tall) rejoins the first line of its paragraph: the line
    that starts just right of it, level with its top."""
    heights = sorted(s.bottom - s.top for s in segs)
    if not heights:
        return segs
    body = heights[len(heights) // 2]
    out = list(segs)
    for cap in segs:
        h = cap.bottom - cap.top
        if not (len(cap.text.strip()) <= 2 and cap.text.strip().isalpha() and h > 2.5 * max(body, 1.0)):
            continue
        beside = [s for s in out if s is not cap and 0 <= s.x0 - cap.x1 < 15
                  and cap.top - 3 <= s.top <= cap.top + h * 0.4]
        if not beside:
            continue
        first = min(beside, key=lambda s: (s.top, s.x0))
        first.text = cap.text.strip() + first.text.lstrip()
        first.x0 = cap.x0
        out.remove(cap)
    return out


def _marks(s: _Line, o: _Line, segs: list[_Line]) -> bool:
    same_line = o.top < s.bottom and s.top < o.bottom
    if not same_line:
        return False
    if (o.size >= s.size * 1.2 and s.bottom < o.bottom - 0.5
            and (abs(o.x0 - s.x1) < 4 or abs(s.x0 - o.x1) < 4)):
        return True
    first_on_line = not any(q.x1 <= s.x0 + 0.5 and q.top < s.bottom and s.top < q.bottom for q in segs if q is not s)
    text = o.text.lstrip()
    return (first_on_line and 0 <= o.x0 - s.x1 < 3 and len(text) > 1 and text[0].isupper()
            and (text[1].islower() or text[1] == " "))


def _unstruck(tp, left: float, bottom: float, right: float, top: float, strikes: list) -> str:
    """The text of a box without the words a line is drawn through (a deletion shown as strikethrough).

    A strike runs through the middle of the glyphs; an underline sits under the baseline and a
    table rule at the box's edge, so neither is taken for one.
    """
    cuts = sorted((max(sl, left), min(sr, right)) for sl, sr, y in strikes
                  if _through_middle(bottom, top, y) and min(sr, right) - max(sl, left) > 2)
    if not cuts:
        return _bounded(tp, left, bottom, right, top)
    parts, x = [], left
    for a, b in cuts:
        if a > x + 1:
            parts.append(_bounded(tp, x, bottom, a, top))
        x = max(x, b)
    if right > x + 1:
        parts.append(_bounded(tp, x, bottom, right, top))
    return " ".join(p.strip() for p in parts if p.strip())


def _through_middle(bottom: float, top: float, y: float) -> bool:
    """A line at height y strikes through a glyph box (PDFium's): it runs through the box's middle,
    where an underline (below) or a table rule (at the edge) never does."""
    h = top - bottom
    return bottom + 0.3 * h <= y <= top - 0.3 * h


def _bounded(tp, left: float, bottom: float, right: float, top: float) -> str:
    """The text inside a box. PDFium counts a glyph that touches the box, so the letter either side of a
    change of font (italic overhangs by a fraction of a point) would be read twice, once with each
    box: the box is narrowed by half a point each side first."""
    pad = min(0.5, (right - left) * 0.1)
    return tp.get_text_bounded(left + pad, bottom, right - pad, top)


def _merge_segments(segs: list[_Line], near: bool = False) -> list[_Line]:
    """Segments on the same baseline make one line; a wide gap between them is kept as a tab.

    Segments are grouped by their vertical middle, not by a rounded top, so a word set a fraction of
    a point lower (a hyphenated word's second half, a change of font) stays on its line. With
    ``near`` only segments a word space apart are joined, so that the two columns of a page stay
    apart until the columns are known.
    """
    groups: list[list[_Line]] = []
    for s in sorted(segs, key=lambda s: (s.top, s.x0)):
        mid, h = (s.top + s.bottom) / 2, s.bottom - s.top
        for g in reversed(groups[-3:]):
            top, bottom = min(x.top for x in g), max(x.bottom for x in g)
            # a letter several lines tall (a drop cap: its font, not just its box, is that big) is not
            # one line with each line beside it
            sizes = [x.size for x in g if x.size]
            span = min(h, bottom - top) if s.size and sizes and (
                max(s.size, *sizes) > 2.5 * min(s.size, *sizes)) else bottom - top
            if abs(mid - (top + bottom) / 2) < max(2.5, span * 0.45):
                g.append(s)
                break
        else:
            groups.append([s])
    lines: list[_Line] = []
    for g in groups:
        current: _Line | None = None
        open_lines: list[_Line] = []  # this group's lines: two layers of text at one height stay apart
        for s in sorted(g, key=lambda s: s.x0):
            if current is not None and s.x0 - current.x1 < -max(2.0, (s.bottom - s.top) * 0.3):
                # it overlaps the line so far (text drawn over text): carry on the line it follows
                after = [ln for ln in open_lines if s.x0 - ln.x1 >= -max(2.0, (s.bottom - s.top) * 0.3)]
                current = max(after, key=lambda ln: (abs(ln.size - s.size) < 0.5, ln.x1)) if after else None
                if current is None:
                    current = _Line(s.text, s.x0, s.x1, s.top, s.bottom, s.size, s.bold)
                    lines.append(current)
                    open_lines.append(current)
                    continue
            if current is not None:
                gap = s.x0 - current.x1
                height = max(current.bottom - current.top, 1.0)
                if not near or gap <= max(8.0, height * 0.8):
                    if gap > 18:
                        sep = "\t"
                    elif gap < height * 0.12 or current.text.endswith((" ", "\x02", "\ufffe")):
                        sep = ""  # a word split into two boxes (soft hyphen, kerning, a change of font)
                    elif gap < height * 0.35 and (
                            s.text[:1] in ".,;:!?)" or (  # small capitals: a full-size initial, then the rest
                                re.search(r"(?:^|\s)[A-Z]$", current.text) and s.text[:1].isupper()
                                and 0 < s.size < current.size * 0.9)):
                        sep = ""
                    else:
                        sep = " "
                    current.text = current.text + sep + s.text
                    current.x1 = max(current.x1, s.x1)
                    current.top, current.bottom = min(current.top, s.top), max(current.bottom, s.bottom)
                    continue
            current = _Line(s.text, s.x0, s.x1, s.top, s.bottom, s.size, s.bold)
            lines.append(current)
            open_lines.append(current)
    return [ln for ln in lines if ln.text.strip()]


def _flows(chunks: list[_Line], width: float, height: float) -> list[list[_Line]]:
    """Split a page into reading flows, in reading order. Lines that run across most of the text width
    make one running flow; between them, a band of narrower lines may be set in two or three columns
    (a section that changes its column count mid-page, a frame beside the text): each column of the
    band is a flow, left to right. A band is taken for columns only if no line crosses its gutters,
    lines sit side by side across them and fill their columns (so a label and its value are not two
    columns)."""
    body = [c for c in chunks if c.top >= height * _MARGIN and c.bottom <= height * (1 - _MARGIN)]
    if len(body) < 6:
        return [chunks]
    x0, x1 = min(c.x0 for c in body), max(c.x1 for c in body)
    wide = max(x1 - x0, 1.0) * 0.62
    flows: list[list[_Line]] = [[]]
    band: list[_Line] = []

    def close(after: _Line | None = None) -> None:
        parts = _sub_bands(band)
        for k, part in enumerate(parts):
            cols = _band_columns(part)
            if cols is None:
                flows[-1].extend(part)
            else:
                flows.extend(_wrapped_last(cols, after if k == len(parts) - 1 else None))
                flows.append([])
        band.clear()

    for c in sorted(chunks, key=lambda c: (c.top, c.x0)):
        if c.x1 - c.x0 >= wide or c.top < height * _HEAD_BAND or c.bottom > height * (1 - _HEAD_BAND):
            close(c)
            flows[-1].append(c)
        else:
            band.append(c)
    close()
    return [f for f in flows if f]


def _wrapped_last(cols: list[list[_Line]], after: _Line | None) -> list[list[_Line]]:
    """Columns in reading order, with the text a frame or text box interrupts read after it: when one
    column's last sentence is unfinished and carries on in the full-width line right below it, that
    column is the paragraph wrapping around the others, so it is read last, next to its end."""
    if after is None:
        return cols
    def wraps(col: list[_Line]) -> bool:
        last = max(col, key=lambda c: c.bottom)
        first = min(col, key=lambda c: c.top)
        return (not last.text.rstrip().endswith(_TERMINAL) and abs(after.x0 - first.x0) < 3
                and 0 <= after.top - last.bottom < (last.bottom - last.top) * 1.2)
    wrapping = [col for col in cols if wraps(col)]
    if len(wrapping) != 1:
        return cols
    return [col for col in cols if col is not wrapping[0]] + wrapping


_GUTTER = 14.0  # the narrowest white gap between two columns (a word space or a list number's gap is less)


def _edges(lines: list[_Line], gap: float) -> list[list[float]]:
    """The x-extents of the text of some lines, split where a white gap runs through all of them."""
    edges: list[list[float]] = []
    for a, b in sorted((c.x0, c.x1) for c in lines):
        if edges and a <= edges[-1][1] + gap:
            edges[-1][1] = max(edges[-1][1], b)
        else:
            edges.append([a, b])
    return edges


def _sub_bands(band: list[_Line]) -> list[list[_Line]]:
    """Cut a band of narrow lines where its column layout changes (three columns, then two, then one:
    continuous sections in one page). The band is cut into strips at each white gap across it, and
    neighbouring strips stay together while their columns line up; a strip only one column wide
    joins the columns above it only when it follows on with no more than line spacing (the longer
    column's last lines), not after a paragraph's space."""
    if len(band) < 6:
        return [band]
    strips: list[list[_Line]] = []
    bottom = None
    for c in sorted(band, key=lambda c: (c.top, c.x0)):
        if bottom is None or c.top > bottom:
            strips.append([])
        strips[-1].append(c)
        bottom = c.bottom if bottom is None or c.top > bottom else max(bottom, c.bottom)
    out: list[list[_Line]] = []
    layout: list[list[float]] = []
    last_bottom = 0.0
    for strip in strips:
        edges = _edges(strip, _GUTTER)
        height = statistics.median(c.bottom - c.top for c in strip)
        top = min(c.top for c in strip)
        if out and _lines_up(layout, edges, top - last_bottom, height):
            out[-1].extend(strip)
            layout = _edges(out[-1], _GUTTER)
        else:
            out.append(list(strip))
            layout = edges
        last_bottom = max(c.bottom for c in strip)
    return out


def _lines_up(layout: list[list[float]], edges: list[list[float]], gap: float, height: float) -> bool:
    """Whether a strip's column extents fit the columns above it, each within one of them."""
    def fits(inner: list[list[float]], outer: list[list[float]]) -> bool:
        return all(sum(1 for lo, hi in outer if a < hi and lo < b) == 1 for a, b in inner)

    if len(edges) == len(layout):
        return fits(edges, layout) and fits(layout, edges)
    if len(edges) < len(layout):
        return gap < height * 0.6 and fits(edges, layout)
    return len(layout) == 1 and gap < height * 0.6 and fits(layout, edges)


def _band_columns(band: list[_Line]) -> list[list[_Line]] | None:
    """The columns of a band of lines, or None when it is not set in columns."""
    if len(band) < 6:
        return None
    spans = sorted((c.x0, c.x1) for c in band)
    edges: list[list[float]] = []
    for a, b in spans:
        if edges and a <= edges[-1][1] + 5:
            edges[-1][1] = max(edges[-1][1], b)
        else:
            edges.append([a, b])
    if not 2 <= len(edges) <= 4:
        return None
    cols = [[c for c in band if lo - 0.5 <= c.x0 and c.x1 <= hi + 0.5] for lo, hi in edges]
    for (lo, hi), col in zip(edges, cols, strict=True):
        if len(col) < 3 or statistics.median(c.x1 - c.x0 for c in col) / max(hi - lo, 1) < 0.5:
            return None
    for left, right in zip(cols, cols[1:], strict=False):
        if sum(1 for r in right if any(r.top < lf.bottom and lf.top < r.bottom for lf in left)) < 2:
            return None
        if sum(1 for lf in left if lf.text.rstrip().endswith(":")) * 2 >= len(left):
            return None  # labels and their values
    return cols


def _head_key(text: str) -> str:
    """A running line's identity across pages: its words, whatever its numbers and spacing."""
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", text.strip().lower()))


def _running_heads(pages: list[dict]) -> set[tuple[int, int]]:
    """(page, line) pairs that are running headers or footers.

    A line in the top or bottom margin band that recurs on at least half the pages (or a page
    number) is one; so is a line just beyond the band that carries on such a line and recurs at the
    same height on as many pages (a header several lines deep, a text box in the header)."""
    def key(ln: _Line) -> str:
        return _head_key(ln.text)

    n = len(pages)
    counts: dict[str, int] = {}
    placed: dict[tuple[str, int], int] = {}
    for p in pages:
        h = p["height"]
        for k in {key(ln) for ln in p["lines"] if ln.bottom < h * _MARGIN or ln.top > h * (1 - _MARGIN)}:
            counts[k] = counts.get(k, 0) + 1
        for k in {(key(ln), round(ln.top)) for ln in p["lines"]}:
            placed[k] = placed.get(k, 0) + 1
    need = max(2, n // 2)

    def recurs(ln: _Line) -> bool:
        return n >= 2 and sum(placed.get((key(ln), round(ln.top) + d), 0) for d in (-1, 0, 1)) >= need

    out: set[tuple[int, int]] = set()
    for pi, p in enumerate(pages):
        h = p["height"]
        lines = p["lines"]
        for li, ln in enumerate(lines):
            if (ln.bottom < h * _MARGIN or ln.top > h * (1 - _MARGIN)) and (
                    _PAGE_NO_RE.match(ln.text) or (n >= 2 and counts[key(ln)] >= need)):
                out.add((pi, li))
        for order, near in ((sorted(range(len(lines)), key=lambda i: lines[i].top), lambda a, b: b.top - a.bottom),
                            (sorted(range(len(lines)), key=lambda i: -lines[i].bottom), lambda a, b: a.top - b.bottom)):
            last = None
            for li in order:
                ln = lines[li]
                if (pi, li) in out:
                    last = ln
                    continue
                if last is None or not (0 <= near(last, ln) < (ln.bottom - ln.top) * 1.2) or not recurs(ln):
                    break
                out.add((pi, li))
                last = ln
    return out


def _take_head_rows(tables: dict, pages: list[dict], heads: set[tuple[int, int]]) -> dict[int, list[tuple]]:
    """Rows of a table laid out in the header or footer (a logo beside the title, a text box in the
    header drawn as a frame): their lines recur on every page, so they are read as the running
    header they are, cell by cell, once; the table keeps its body rows."""
    out: dict[int, list[tuple]] = {}
    for pi, page_tables in tables.items():
        h = pages[pi]["height"]
        lines = pages[pi]["lines"]
        for t in page_tables:
            keep_rows, keep_spans = [], []
            for row, (top, bottom) in zip(t.rows, t.spans or [(None, None)] * len(t.rows), strict=True):
                inside = [li for li, ln in enumerate(lines) if top is not None and top - 1 <= (ln.top + ln.bottom) / 2
                          <= bottom + 1 and t.bbox[0] - 2 <= ln.x0 <= t.bbox[2]]
                in_band = top is not None and (top < h * _MARGIN or bottom > h * (1 - _MARGIN))
                if in_band and inside and all((pi, li) in heads for li in inside):
                    kind = "header" if top < h * 0.5 else "footer"
                    out.setdefault(pi, []).extend((c, top, kind) for c in row if c.strip())
                    continue
                if in_band and not any(c.strip() for c in row):
                    continue
                keep_rows.append(row)
                keep_spans.append((top, bottom))
            t.rows, t.spans = keep_rows, keep_spans
    return out


def _paragraphs(pages: list[dict], tables: dict, heads: set[tuple[int, int]],
                head_cells: dict[int, list[tuple]] | None = None) -> list[_Para]:
    sizes = [ln.size for p in pages for ln in p["lines"] if ln.size]
    body_size = statistics.median(sizes) if sizes else 0.0
    paras: list[_Para] = []
    for pi, p in enumerate(pages):
        h = p["height"]
        lines = p["lines"]
        page_tables = tables.get(pi, [])
        items: list[tuple[tuple, str, object]] = []
        for li, ln in enumerate(lines):
            mid = (ln.top + ln.bottom) / 2
            if any(t.bbox[1] - 1 <= mid <= t.bbox[3] + 1 and t.bbox[0] - 2 <= ln.x0 <= t.bbox[2] for t in page_tables):
                continue
            if _TOC_LINE.search(ln.text):
                continue  # a table of contents entry: a copy of a heading read where it stands
            kind = "body"
            if (pi, li) in heads:
                kind = "header" if ln.bottom < h * 0.5 else "footer"
            items.append(((ln.col, ln.top), kind, ln))
        for t in page_tables:
            col = next((ln.col for ln in lines if ln.top >= t.bbox[1] - 1), lines[-1].col if lines else 0)
            items.append(((col, t.bbox[1]), "table", t))
        for text, top, kind in (head_cells or {}).get(pi, []):
            items.append(((-1, top), kind + "-cell", text))
        items.sort(key=lambda it: it[0])
        current: _Para | None = None
        prev: _Line | None = None
        pitch = _line_pitch(lines)
        right: dict[int, float] = {}  # the right edge of each flow's text: where full lines end
        head_last: dict[str, tuple[_Para, _Line]] = {}  # the running header/footer paragraph being read
        for ln in lines:
            right[ln.col] = max(right.get(ln.col, 0.0), ln.x1)
        for (_col, _top), kind, obj in items:
            if kind.endswith("-cell"):  # a cell of a table in the running header or footer
                kind = kind[:-5]
                paras.append(_Para(obj.strip(), kind, pi + 1, _top, part=f"running {kind}"))
                continue
            if kind == "table":
                current, prev = None, None
                table: PdfTable = obj
                for ri, row in enumerate(table.rows):
                    cells = tuple(row)
                    paras.append(_Para(" | ".join(c for c in cells if c), "table-row", pi + 1, _top,
                                       table=table.number, row=table.first_row + ri, cells=cells,
                                       end_page=table.ends.get(ri)))
                continue
            ln = obj
            if kind in ("header", "footer"):
                text = ln.text.strip()
                if _PAGE_NO_RE.match(text):
                    continue
                last = head_last.get(kind)
                if last is not None and 0 <= ln.top - last[1].bottom < (ln.bottom - ln.top) * 0.6 \
                        and not last[0].text.rstrip().endswith(_TERMINAL[:2]):
                    last[0].text = _join(last[0].text, text)  # a header set on several lines
                    head_last[kind] = (last[0], ln)
                else:
                    para = _Para(text, kind, pi + 1, ln.top, part=f"running {kind}")
                    paras.append(para)
                    head_last[kind] = (para, ln)
                continue
            is_heading = bool(body_size and ln.size >= body_size * 1.15) or (
                ln.bold and len(ln.text) < 90 and not ln.text.rstrip().endswith(_TERMINAL[:2]))
            starts_item = bool(CLAUSE_NUMBER_RE.match(ln.text) or _BULLET_RE.match(ln.text))
            if prev is not None and ln.col != prev.col and current is not None and current.kind == "paragraph":
                # the flow moved to the next column: a sentence cut at the column foot carries on
                new = is_heading or starts_item or current.text.rstrip().endswith(_TERMINAL)
            else:
                new = (
                    current is None
                    or prev is None
                    or (is_heading and not _heading_goes_on(current, prev, ln, pitch))
                    or (current.kind == "heading" and not _heading_goes_on(current, prev, ln, pitch))
                    or starts_item
                    or ((ln.top - prev.bottom) > pitch * 0.75 and not _sentence_goes_on(current, prev, ln))
                    or (ln.x0 - prev.x0 > 25 and not _BULLET_RE.match(current.text)
                        and current.text.rstrip().endswith(_TERMINAL))  # a hanging indent carries on
                    or _ended_short(prev, ln, right.get(ln.col, 0.0))
                )
            if new:
                current = _Para(ln.text.strip(), "heading" if is_heading else "paragraph", pi + 1, ln.top,
                                in_margin=ln.top < h * _HEAD_BAND or ln.top > h * (1 - _HEAD_BAND))
                paras.append(current)
            else:
                current.text = _join(current.text, ln.text)
            prev = ln
    return _join_across_pages(_once(paras))


def _once(paras: list[_Para]) -> list[_Para]:
    """A running header or footer is checked once, at the first page it runs on."""
    first: dict[str, _Para] = {}
    out = []
    for p in paras:
        if p.kind in ("header", "footer"):
            key = p.kind + _head_key(p.text)
            # the same header read as lines on one page and as a table's cells on another: words
            # already checked in a fuller copy are not checked again (a fuller copy is: it says more)
            key = next((k for k in first if k.startswith(p.kind) and len(key) > len(p.kind) + 20
                        and key[len(p.kind):] in k), key)
            if key in first:
                head = first[key]
                head.end_page = p.page
                head.part = f"running {p.kind}, pages {head.page}-{p.page}"
                continue
            first[key] = p
        out.append(p)
    return out


def _sentence_goes_on(current: _Para, prev: _Line, ln: _Line) -> bool:
    """A space between two lines that still falls inside a sentence (a deleted paragraph mark shown in
    an export, a blank line typed mid-sentence): the first stops without ending its sentence and the
    next carries on in lower case at the same indent."""
    return (current.kind == "paragraph" and not current.text.rstrip().endswith(_TERMINAL)
            and ln.text.lstrip()[:1].islower() and abs(ln.x0 - prev.x0) < 3
            and not CLAUSE_NUMBER_RE.match(ln.text) and not _BULLET_RE.match(ln.text))


def _heading_goes_on(current: _Para, prev: _Line, ln: _Line, pitch: float) -> bool:
    """A heading set on two lines: the next line is the same size, close below, and the heading so far
    does not end a sentence."""
    return (current.kind == "heading" and bool(ln.size) and abs(ln.size - prev.size) < 0.5
            and 0 <= ln.top - prev.bottom < pitch and not current.text.rstrip().endswith(_TERMINAL)
            and not CLAUSE_NUMBER_RE.match(ln.text))


def _ended_short(prev: _Line, ln: _Line, right: float) -> bool:
    """A paragraph set with no space after it still shows where it ends: its last line stops at a full
    stop well short of the margin, with room for the next line's first word."""
    if not prev.text.rstrip().endswith(_TERMINAL) or not right:
        return False
    words = ln.text.split()
    if not words or not ln.text.strip():
        return False
    per_char = (ln.x1 - ln.x0) / max(len(ln.text), 1)
    return right - prev.x1 > per_char * (len(words[0]) + 2) and right - prev.x1 > (right - prev.x0) * 0.08


def _line_pitch(lines: list[_Line]) -> float:
    gaps = [b.top - a.bottom for a, b in zip(lines, lines[1:], strict=False) if 0 <= b.top - a.bottom < 40]
    heights = [ln.bottom - ln.top for ln in lines] or [10.0]
    base = statistics.median(heights)
    if not gaps:
        return base
    return max(statistics.median(gaps), 1.0) + base * 0.5


_SOFT = ("\x02", "\ufffe", "\u00ad")
_HYPHEN_MARK = "\x1e"  # a hyphen at a line end, resolved once the whole document's words are known
_COMPOUND_PREFIXES = {"non", "self", "co", "sub", "pre", "post", "multi", "cross", "well", "long", "short", "full",
                      "part", "inter", "intra", "over", "under", "re", "anti", "pro", "semi", "ex", "e", "in-house",
                      "high", "low", "small", "medium", "large", "third", "first", "second", "year", "value", "user",
                      "cost", "time", "fixed", "place", "person", "community", "evidence", "outcome", "risk"}
_WORD = re.compile(r"[A-Za-z]+")


def _join(a: str, b: str) -> str:
    a = a.rstrip()
    b = b.strip()
    if a.endswith(_SOFT) and not a.endswith(" \x02"):
        a = a.rstrip("".join(_SOFT))
        return a + _HYPHEN_MARK + b if b[:1].isalpha() else a + b
    if a.endswith("-") and b[:1].isalpha() and not a.endswith(" -"):
        return a[:-1] + _HYPHEN_MARK + b
    return a + " " + b


def _dehyphenate(paras: list[_Para]) -> list[_Para]:
    """A word broken at a line end is joined; a true compound ("non-renewable") keeps its hyphen.

    Decided from the document's own words: the joined form used elsewhere wins, then the
    hyphenated form; failing both, a known compound prefix keeps the hyphen.
    """
    if not any(_HYPHEN_MARK in p.text for p in paras):
        return paras
    words: set[str] = set()
    pairs: set[str] = set()
    for p in paras:
        clean = p.text.replace(_HYPHEN_MARK, " ")
        words.update(w.lower() for w in _WORD.findall(clean))
        pairs.update(m.lower() for m in re.findall(r"[A-Za-z]+-[A-Za-z]+", clean))

    def resolve(m: re.Match) -> str:
        left, right = m.group(1), m.group(2)
        joined = (left + right).lower()
        if joined in words:
            return left + right
        if f"{left}-{right}".lower() in pairs or left.lower() in _COMPOUND_PREFIXES or left[-1:].isdigit() \
                or (left.isupper() and len(left) > 1) or right[:1].isupper():
            return f"{left}-{right}"
        return left + right

    for p in paras:
        if _HYPHEN_MARK in p.text:
            p.text = re.sub(r"([A-Za-z0-9]+)" + _HYPHEN_MARK + r"([A-Za-z]+)", resolve, p.text)
            p.text = p.text.replace(_HYPHEN_MARK, "")
    return paras


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
            and not p.in_margin and not last_body.in_margin
            and (not last_body.text.rstrip().endswith(_TERMINAL)
                 or (p.text.lstrip()[:1].islower() and not last_body.text.rstrip().endswith(_TERMINAL[:5])))
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
