"""A copy of a PDF tender with a highlight annotation, carrying a note, over the words of each finding.

PDFium (pypdfium2, already used to read PDFs) finds the evidence on its page and writes standard
Highlight annotations with the finding as their contents, so any PDF reader shows them.
"""

from __future__ import annotations

import ctypes
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from tenderlint.model import Finding, TenderReport
from tenderlint.report.annotate_docx import comment_text


def _wide(text: str):
    data = (text + "\0").encode("utf-16-le")
    buf = ctypes.create_string_buffer(data, len(data))
    return ctypes.cast(buf, ctypes.POINTER(raw.FPDF_WCHAR)), buf


def _find(textpage, text: str) -> tuple[int, int] | None:
    """Where the evidence starts on the page, and how many characters: the whole quote, else its opening words."""
    if " | " in text:  # a table row: its cells are apart on the page; find the first cell with words
        text = next((c for c in text.split(" | ") if c.strip()), text)
    words = text.split()
    tries = [" ".join(words)] + [" ".join(words[:n]) for n in (12, 8, 5) if n < len(words)]
    for probe in tries:
        searcher = textpage.search(probe, match_case=False, match_whole_word=False)
        hit = searcher.get_next()
        if hit:
            start, count = hit
            return start, count
    return None


def _highlight(page, textpage, start: int, count: int, note: str, author: str) -> bool:
    n = textpage.count_rects(start, count)
    rects = [textpage.get_rect(i) for i in range(n)]
    if not rects:
        return False
    annot = raw.FPDFPage_CreateAnnot(page.raw, raw.FPDF_ANNOT_HIGHLIGHT)
    if not annot:
        return False
    try:
        for left, bottom, right, top in rects:
            quad = raw.FS_QUADPOINTSF(left, top, right, top, left, bottom, right, bottom)
            raw.FPDFAnnot_AppendAttachmentPoints(annot, ctypes.byref(quad))
        box = raw.FS_RECTF(min(r[0] for r in rects), max(r[3] for r in rects), max(r[2] for r in rects),
                           min(r[1] for r in rects))
        raw.FPDFAnnot_SetRect(annot, ctypes.byref(box))
        raw.FPDFAnnot_SetColor(annot, raw.FPDFANNOT_COLORTYPE_Color, 255, 221, 0, 255)
        for key, value in ((b"Contents", note), (b"T", author)):
            ptr, _keep = _wide(value)
            raw.FPDFAnnot_SetStringValue(annot, key, ptr)
    finally:
        raw.FPDFPage_CloseAnnot(annot)
    return True


def annotate_pdf(source: str | Path, report: TenderReport, out: str | Path, rationales: dict[str, str] | None = None,
                 author: str = "tenderlint") -> tuple[int, list[Finding]]:
    """Write `out` with one highlight per finding; return (annotations added, findings not found on the page)."""
    pdf = pdfium.PdfDocument(str(source))
    added, missed = 0, []
    try:
        for f in report.findings:
            page_no = f.evidence.page
            if not page_no or page_no > len(pdf):
                missed.append(f)
                continue
            page = pdf[page_no - 1]
            textpage = page.get_textpage()
            where = _find(textpage, f.evidence.text)
            if where is None or not _highlight(page, textpage, *where, comment_text(f, (rationales or {}).get(
                    f.rule, "")), author):
                missed.append(f)
            else:
                added += 1
        pdf.save(str(out))
    finally:
        pdf.close()
    return added, missed
