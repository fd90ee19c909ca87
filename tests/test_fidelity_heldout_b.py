"""Held-out fidelity, second set: each barrier in tests/fidelity/heldout_b.py reported exactly once,
with a clean quote and the right DOCX part / PDF page; placeholder building blocks, field codes and
deleted text never. Same criteria as test_fidelity.py, one test per spot and format.

`test_the_export_prints_the_spot_where_designed` checks the harness, not the reader: that
LibreOffice's export prints each live spot on the page the spot expects (and the page-break spots
really straddle or end their page), by PDFium's own text.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from tenderlint.api import lint

from .fidelity import heldout_b as H
from .fidelity import spots as S

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is needed to export PDFs")
_DIRTY = re.compile(r"[\x00-\x08\x0b-\x1f\u00ad\ufffe\ufeff]")


def _catalogue() -> list[tuple[str, S.Spot]]:
    """The spots of every builder (the documents are cheap to write; the export happens in `built`)."""
    with tempfile.TemporaryDirectory() as tmp:
        return [(make.__name__, spot) for make in H.BUILDERS for spot in make(Path(tmp))[1]]


CATALOGUE = _catalogue()
DOCX_SPOTS = [(b, s) for b, s in CATALOGUE if s.docx]
PDF_SPOTS = CATALOGUE
LIVE_PDF = [(b, s) for b, s in CATALOGUE if (s.present if s.pdf is None else s.pdf)]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fidelity-heldout-b")
    out = {}
    for make in H.BUILDERS:
        path, spots = make(folder)
        pdf = S.to_pdf(path, folder)
        (docx_report,) = lint([str(path)])
        (pdf_report,) = lint([str(pdf)])
        out[make.__name__] = {"docx": path, "pdf": pdf, "spots": spots,
                              "docx_report": docx_report, "pdf_report": pdf_report}
    return out


def _findings(report, name: str):
    return [f for f in report.findings if f"{name} lot" in f.evidence.text]


def _pages(pdf_path) -> list[str]:
    """What each page prints, by PDFium's own text (independent of tenderlint's reader), with runs of
    white space as one space."""
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        return [re.sub(r"\s+", " ", pdf[i].get_textpage().get_text_range()) for i in range(len(pdf))]
    finally:
        pdf.close()


def _clean(f, spot) -> None:
    q = f.evidence.text
    assert not _DIRTY.search(q), f"{spot.name}: control characters in the quote {q!r}"
    assert q.count(f"{spot.name} lot") == 1, f"{spot.name}: the quote repeats the words: {q!r}"
    assert spot.sentence in q, f"{spot.name}: quote {q!r} is not the sentence {spot.sentence!r}"


def _id(item) -> str:
    return item[1].name


@pytest.mark.parametrize("item", DOCX_SPOTS, ids=_id)
def test_docx_spot(built, item):
    builder, spot = item
    report = built[builder]["docx_report"]
    assert report.assessment == "assessed"
    got = _findings(report, spot.name)
    if not spot.present:
        assert not got, f"{spot.name}: reported from text that is not live: {got[0].evidence.text!r}"
        return
    assert len(got) == 1, f"{spot.name}: reported {len(got)} times" + "".join(
        f"\n  {f.evidence.part!r}: {f.evidence.text!r}" for f in got)
    _clean(got[0], spot)
    assert got[0].evidence.part == spot.part, f"{spot.name}: part {got[0].evidence.part!r}, not {spot.part!r}"
    assert got[0].evidence.hidden == spot.hidden, spot.name


# The PDF reader scored 42/47 on this set when first run, blind (DOCX 46/47). Fixed after: the drop
# cap (both formats), letter spacing, a drop cap three lines high (PDF), a table nested in a merged
# cell, a table row cut by a page break under a repeated header row, a header text box that reaches
# past the margin band. Strict: a spot that regresses fails; one listed here that passes fails too.
PDF_GAPS: dict[str, str] = {}


def _pdf_param(item):
    reason = PDF_GAPS.get(item[1].name)
    return pytest.param(item, marks=pytest.mark.xfail(reason=reason, strict=True)) if reason else item


@pytest.mark.parametrize("item", [_pdf_param(i) for i in PDF_SPOTS], ids=_id)
def test_pdf_spot(built, item):
    builder, spot = item
    report = built[builder]["pdf_report"]
    assert report.assessment == "assessed"
    expected = spot.present if spot.pdf is None else spot.pdf
    got = _findings(report, spot.name)
    if not expected:
        assert not got, f"{spot.name}: reported from text that is not live: {got[0].evidence.text!r}"
        return
    assert len(got) == 1, f"{spot.name}: reported {len(got)} times" + "".join(
        f"\n  page {f.evidence.page}: {f.evidence.text!r}" for f in got)
    _clean(got[0], spot)
    if spot.page is not None:
        assert got[0].evidence.page == spot.page, f"{spot.name}: page {got[0].evidence.page}, not {spot.page}"


@pytest.mark.parametrize("item", LIVE_PDF, ids=_id)
def test_the_export_prints_the_spot_where_designed(built, item):
    """Harness self-check: the PDF really prints the spot, on the expected page (and not earlier)."""
    builder, spot = item
    # Compared without white space: letter-spaced text is printed with a space between letters.
    pages = [re.sub(r"\s+", "", text) for text in _pages(built[builder]["pdf"])]
    where = [i + 1 for i, text in enumerate(pages) if f"{spot.name}lot" in text]
    assert where, f"{spot.name}: not printed in the export"
    if spot.page is not None and spot.name not in H.STRADDLES:
        assert where[0] == spot.page, f"{spot.name}: first printed on page {where[0]}, not {spot.page}"
    words = spot.sentence.split()
    head, tail = "".join(words[:6]), "".join(words[-3:])
    if spot.name in H.STRADDLES:
        first, last = H.STRADDLES[spot.name]
        assert head in pages[first - 1], f"{spot.name}: does not start on page {first}"
        assert f"{spot.name}lot" not in pages[first - 1], f"{spot.name}: not cut by the page break"
        assert tail in pages[last - 1], f"{spot.name}: does not end on page {last}"
    if spot.name in H.ENDS_PAGE:
        text = pages[H.ENDS_PAGE[spot.name] - 1]
        assert tail in text, f"{spot.name}: does not end on its page"
        after = text[text.rindex(tail) + len(tail):]
        footer = next(s.sentence for b, s in CATALOGUE if s.part == "footer" and b == builder)
        assert after.replace(footer.replace(" ", ""), "") == "", f"{spot.name}: text follows it on the page: {after!r}"
        assert head not in pages[H.ENDS_PAGE[spot.name]], spot.name


def test_not_live_text_is_really_in_the_files(built):
    """The negative spots are not vacuous: the field code and the building block hold their sentences."""
    import zipfile

    with zipfile.ZipFile(built["docx_markup"]["docx"]) as zf:
        assert "Hornbeam lot" in zf.read("word/document.xml").decode()
        assert "Hoopoe lot" in zf.read("word/glossary/document.xml").decode()
    printed = " ".join(_pages(built["docx_markup"]["pdf"]))
    assert "Hoopoe lot" not in printed and "Hornbeam lot" not in printed
    assert "threefive" in printed.replace(" ", ""), "the export shows the tracked deletion beside the insertion"
