"""Fidelity: one barrier sentence in each tricky spot of real Word and PDF output, reported exactly
once, with a clean quote and the right place; deleted, comment and field-code text never.

The documents are written fresh at test time (raw OOXML and python-docx, exported to PDF by
LibreOffice), see tests/fidelity/spots.py.
"""

from __future__ import annotations

import re
import shutil

import pypdfium2 as pdfium
import pytest

from tenderlint.api import lint

from .fidelity import spots as S

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is needed to export PDFs")
BUILDERS = (S.docx_parts, S.docx_columns, S.docx_hyphen_strike, S.docx_running_head)
_DIRTY = re.compile(r"[\x00-\x08\x0b-\x1f\u00ad\ufffe\ufeff]")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fidelity")
    out = {}
    for make in BUILDERS:
        path, spots = make(folder)
        out[path.stem] = (path, S.to_pdf(path, folder), spots)
    return out


def _findings(report, name: str):
    return [f for f in report.findings if f"{name} lot" in f.evidence.text]


def _printed(pdf_path) -> str:
    """What the PDF prints, by PDFium's own text (independent of tenderlint's reader)."""
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        return " ".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()


def _clean(f, spot) -> None:
    q = f.evidence.text
    assert not _DIRTY.search(q), f"{spot.name}: control characters in the quote {q!r}"
    assert q.count(f"{spot.name} lot") == 1, f"{spot.name}: the quote repeats the words: {q!r}"
    assert spot.sentence in q, f"{spot.name}: quote {q!r} is not the sentence {spot.sentence!r}"


@pytest.mark.parametrize("stem", [b.__name__.removeprefix("docx_") for b in BUILDERS])
def test_every_spot_of_the_docx(built, stem):
    stem = {"parts": "parts", "columns": "columns", "hyphen_strike": "hyphen", "running_head": "running"}[stem]
    path, _pdf, spots = built[stem]
    (report,) = lint([str(path)])
    assert report.assessment == "assessed"
    for spot in spots:
        if not spot.docx:
            continue
        got = _findings(report, spot.name)
        if not spot.present:
            assert not got, f"{spot.name}: reported from text that is not live: {got[0].evidence.text!r}"
            continue
        assert len(got) == 1, f"{spot.name}: reported {len(got)} times"
        _clean(got[0], spot)
        assert got[0].evidence.part == spot.part, f"{spot.name}: part {got[0].evidence.part!r}"
        assert got[0].evidence.hidden == spot.hidden, spot.name


@pytest.mark.parametrize("stem", ["parts", "columns", "hyphen", "running"])
def test_every_spot_of_the_pdf_export(built, stem):
    _path, pdf, spots = built[stem]
    printed = _printed(pdf)
    (report,) = lint([str(pdf)])
    assert report.assessment == "assessed"
    live = [s for s in spots if (s.present if s.pdf is None else s.pdf)]
    assert all(f"{s.name} lot" in printed for s in live), "every live spot is printed in the export"
    for spot in spots:
        expected = spot.present if spot.pdf is None else spot.pdf
        got = _findings(report, spot.name)
        if not expected:
            assert not got, f"{spot.name}: reported from text that is not live: {got[0].evidence.text!r}"
            continue
        assert len(got) == 1, f"{spot.name}: reported {len(got)} times"
        _clean(got[0], spot)
        if spot.page is not None:
            assert got[0].evidence.page == spot.page, f"{spot.name}: page {got[0].evidence.page}, not {spot.page}"


def test_struck_and_moved_text_is_printed_but_not_reported(built):
    """The export really shows the deleted words (struck through), so the PDF test is not vacuous."""
    _path, pdf, _spots = built["parts"]
    printed = _printed(pdf)
    assert "Pine lot" in printed and printed.count("Quince lot") == 2
    _path, pdf, _spots = built["hyphen"]
    assert "Xanthe lot" in _printed(pdf)


def test_line_end_hyphens_are_joined_and_true_compounds_kept(built):
    _path, pdf, _spots = built["hyphen"]
    assert "con\ufffe" in _printed(pdf) or "con\x02" in _printed(pdf), "the export has a line-end hyphen"
    (report,) = lint([str(pdf)])
    text = " ".join(b.text for d in report.documents for b in d.blocks)
    assert "contract value" in text and "well-known" in text and "non-renewable" in text
    assert report.facts.min_turnover == 10_000_000


def test_running_heads_are_checked_once_with_their_pages(built):
    _path, pdf, _spots = built["running"]
    (report,) = lint([str(pdf)])
    (doc,) = report.documents
    heads = [b for b in doc.blocks if b.kind in ("header", "footer")]
    assert sorted(b.kind for b in heads) == ["footer", "header"]
    assert all(b.page == 1 and b.end_page == doc.pages == 4 for b in heads)
    assert all(b.part == f"running {b.kind}, pages 1-4" for b in heads)


def test_two_columns_are_read_column_by_column(built):
    _path, pdf, spots = built["columns"]
    (report,) = lint([str(pdf)])
    for spot in spots:
        (f,) = _findings(report, spot.name)
        assert f.evidence.text == spot.sentence


def test_a_scanned_page_inside_a_text_pdf_is_reported_by_page(tmp_path):
    pdf = S.to_pdf(S.docx_scanned_page(tmp_path), tmp_path)
    (report,) = lint([str(pdf)])
    assert report.assessment == "partly-assessed"
    assert [(w.code, w.path) for w in report.warnings] == [("page-no-text-layer", "scanned-page.pdf")]
    assert "page 2" in report.warnings[0].message
    assert report.documents[0].unread_pages == [2]
    assert len(_findings(report, "Catkin")) == 1, "the pages with text are still checked"


def test_files_are_read_by_their_real_type(tmp_path):
    rtf = tmp_path / "itt.txt"
    rtf.write_bytes(b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} Bidders must have traded for five years.\\par }")
    text_as_pdf = tmp_path / "itt.pdf"
    text_as_pdf.write_text(S.barrier("Damson", 0) + "\n", encoding="utf-8")
    error_page = tmp_path / "specification.pdf"
    error_page.write_text("<!DOCTYPE html><html><head><title>403 Forbidden</title></head><body><h1>Access denied"
                          "</h1><p>You do not have permission to view this document.</p></body></html>")
    odt_src = tmp_path / "src.docx"
    S.write_docx(odt_src, S.para(S.INTRO))
    import subprocess

    subprocess.run(["soffice", "--headless", "--convert-to", "odt", "--outdir", str(tmp_path), str(odt_src)],
                   check=True, capture_output=True, timeout=180)
    odt_as_docx = tmp_path / "renamed.docx"
    (tmp_path / "src.odt").rename(odt_as_docx)
    r_rtf, r_txt, r_err, r_odt = lint([str(rtf), str(text_as_pdf), str(error_page), str(odt_as_docx)])
    assert [e.code for e in r_rtf.errors] == ["unsupported-format"] and "RTF" in r_rtf.errors[0].message
    assert r_txt.documents[0].format == "txt" and len(_findings(r_txt, "Damson")) == 1
    assert [e.code for e in r_err.errors] == ["not-a-tender"] and r_err.assessment == "not-assessed"
    assert [e.code for e in r_odt.errors] == ["unsupported-format"] and "OpenDocument" in r_odt.errors[0].message
