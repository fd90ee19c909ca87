"""Held-out fidelity set C: each spot of tests/fidelity/heldout_c.py, in the DOCX and in its
LibreOffice PDF export, reported exactly once with a clean quote and the right place; text that
is not live (comments, field instructions, deletions, unreferenced parts, glossary, alt text,
hidden text in the PDF) never. A harness check proves the export prints every live spot on the
page the set expects, so the PDF half cannot pass vacuously.

Written by a helper who read neither the reader nor sets A and B. First run, blind: DOCX 57/60,
PDF 53/60 (110/120, 91.7%). Fixed after, as mechanisms: a footnote nothing cites is not read; text
hidden through a character or paragraph style, and hidden words in a table cell, are read as hidden;
a letter either side of a change of font is read once (PDF); a page whose column layout changes
within a band (three columns, then two) and a frame beside a paragraph (PDF).
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from tenderlint.api import lint

from .fidelity import heldout_c as C
from .fidelity import spots as S

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is needed to export PDFs")
_DIRTY = re.compile(r"[\x00-\x08\x0b-\x1f\u00ad\ufffe\ufeff]")


def _catalogue() -> list[tuple[str, str]]:
    """(builder, spot) pairs, from a throwaway build (writing the DOCX files is cheap)."""
    with tempfile.TemporaryDirectory() as tmp:
        return [(b.__name__, spot.name) for b in C.BUILDERS for spot in b(Path(tmp))[1]]


CATALOGUE = _catalogue()
IDS = [f"{b.removeprefix('docx_')}-{n}" for b, n in CATALOGUE]


_to_pdf = S.to_pdf  # its own LibreOffice profile, with retries


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fidelity-c")
    out = {}
    for make in C.BUILDERS:
        path, spots = make(folder)
        out[make.__name__] = (path, _to_pdf(path, folder), {s.name: s for s in spots})
    return out


@pytest.fixture(scope="module")
def reports(built):
    cache = {}

    def get(builder: str, fmt: str):
        if (builder, fmt) not in cache:
            path, pdf, _ = built[builder]
            (report,) = lint([str(path if fmt == "docx" else pdf)])
            cache[builder, fmt] = report
        return cache[builder, fmt]
    return get


def _ws(text: str) -> str:
    return " ".join(text.split())


def _findings(report, name: str):
    return [f for f in report.findings if f"{name} lot" in f.evidence.text or f"{name.upper()} LOT" in f.evidence.text]


def _clean(f, spot, sentences: list[str]) -> None:
    q = f.evidence.text
    assert not _DIRTY.search(q), f"{spot.name}: control characters in the quote {q!r}"
    assert q.count(f"{spot.name} lot") + q.count(f"{spot.name.upper()} LOT") == 1, \
        f"{spot.name}: the quote repeats the words: {q!r}"
    assert any(_ws(s) in _ws(q) for s in sentences), f"{spot.name}: quote {q!r} is not the sentence {sentences[0]!r}"


@pytest.mark.parametrize(("builder", "name"), CATALOGUE, ids=IDS)
def test_docx_spot(built, reports, builder, name):
    spot = built[builder][2][name]
    if not spot.docx:
        pytest.skip("checked in the PDF only")
    report = reports(builder, "docx")
    assert report.assessment == "assessed"
    got = _findings(report, spot.name)
    if not spot.present:
        assert not got, f"{spot.name}: reported from text that is not live: {got[0].evidence.text!r}"
        return
    assert len(got) == 1, f"{spot.name}: reported {len(got)} times"
    _clean(got[0], spot, [spot.sentence] + ([spot.pdf_sentence] if spot.pdf_sentence else []))
    assert got[0].evidence.part == spot.part, f"{spot.name}: part {got[0].evidence.part!r}, not {spot.part!r}"
    assert got[0].evidence.hidden == spot.hidden, f"{spot.name}: hidden {got[0].evidence.hidden}"


@pytest.mark.parametrize(("builder", "name"), CATALOGUE, ids=IDS)
def test_pdf_spot(built, reports, builder, name):
    spot = built[builder][2][name]
    report = reports(builder, "pdf")
    assert report.assessment == "assessed"
    expected = spot.present if spot.pdf is None else spot.pdf
    got = _findings(report, spot.name)
    if not expected:
        assert not got, f"{spot.name}: reported from text that is not live: {got[0].evidence.text!r}"
        return
    assert len(got) == 1, f"{spot.name}: reported {len(got)} times"
    _clean(got[0], spot, [spot.pdf_sentence or spot.sentence])
    if spot.page is not None:
        assert got[0].evidence.page == spot.page, f"{spot.name}: page {got[0].evidence.page}, not {spot.page}"


def _pages(pdf_path) -> list[str]:
    """What each page prints, by PDFium's own text (independent of tenderlint's reader), with
    line-end hyphens joined and whitespace collapsed."""
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        texts = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()
    return [_ws(re.sub(r"[\x02\ufffe]\s*", "", t).replace("\u00ad", "")) for t in texts]


@pytest.mark.parametrize("builder", [b.__name__ for b in C.BUILDERS])
def test_harness_the_export_prints_each_spot_where_expected(built, builder):
    _path, pdf, spots = built[builder]
    pages = _pages(pdf)
    whole = " ".join(pages)
    problems = []
    for spot in spots.values():
        live = spot.present if spot.pdf is None else spot.pdf
        printed = live if spot.printed is None else spot.printed
        key = (spot.pdf_sentence or spot.sentence)
        name_key = f"{spot.name} lot" if f"{spot.name} lot" in key else f"{spot.name.upper()} LOT"
        if not printed:
            if name_key in whole:
                problems.append(f"{spot.name}: printed, though the set says it is not")
            continue
        if spot.page is not None:
            on = [i + 1 for i, p in enumerate(pages) if name_key in p]
            if spot.page not in on or (on[0] != spot.page and not spot.moved):
                problems.append(f"{spot.name}: first printed on pages {on}, not {spot.page}")
        shown = _ws(spot.shown or key)
        if spot.tail:
            head = _ws(shown[: shown.index(spot.tail)])
            p = spot.page
            if not (p and head in pages[p - 1] and spot.tail in pages[p]):
                problems.append(f"{spot.name}: does not straddle pages {p}-{p and p + 1}")
        elif live and spot.shown is None and shown not in whole:
            problems.append(f"{spot.name}: the export does not print the sentence {shown!r}")
        elif spot.shown is not None and shown not in whole:
            problems.append(f"{spot.name}: the export does not print {shown!r}")
        elif not live and name_key not in whole:
            problems.append(f"{spot.name}: the export does not print {shown!r}")
    assert not problems, "\n".join(problems)


def test_harness_names_are_unique_and_in_their_sentences_only():
    names = [n for _b, n in CATALOGUE]
    assert len(names) == len(set(names))
    with tempfile.TemporaryDirectory() as tmp:
        import zipfile

        for make in C.BUILDERS:
            path, spots = make(Path(tmp))
            with zipfile.ZipFile(path) as zf:
                xml = re.sub(r"<[^>]+>", "", " ".join(zf.read(n).decode("utf-8") for n in zf.namelist()))
            for spot in spots:
                assert f"{spot.name} lot" in spot.sentence
                assert xml.count(spot.name) == xml.count(f"{spot.name} lot"), f"{spot.name} is used outside its sentence"
                for other in names:
                    if other != spot.name:
                        assert f"{other} lot" not in spot.sentence
