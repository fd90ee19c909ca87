"""Held-out fidelity set D (tests/fidelity/heldout_d.py): one barrier sentence in each tricky spot
of real Word output and its LibreOffice PDF export, reported exactly once, with a clean quote
holding the whole sentence, the right DOCX part, hidden flag and PDF page; text that is not live
(comments, field instructions, deleted text, core properties, alt text, glossary, unchosen list
items) never.

The criteria are those of tests/test_fidelity.py, checked one spot at a time. A quote's
whitespace is compared collapsed (a line break or a non-breaking space inside a sentence may be
quoted as a plain space). A harness check proves, by PDFium's own text, that the export really
prints each live spot on the page expected, so the PDF checks are not vacuous.

Written by a helper who read neither the reader nor sets A-C. First run, blind: DOCX 59/60, PDF
54/60 (113/120, 94.2%). Fixed after, as mechanisms: the paragraphs and list items of one table cell
are sentences of their own (both formats; bullets in PDF cells); table-of-contents lines (PDF);
struck-through text in PDF table cells; a table laid out in the running header; text drawn over
other text (a shape behind the words) read glyph by glyph in drawing order; a heading set on two
lines.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from tenderlint.api import lint

from .fidelity import heldout_d as H
from .fidelity import spots as S

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is needed to export PDFs")
_DIRTY = re.compile(r"[\x00-\x08\x0b-\x1f\u00ad\ufffe\ufeff]")


def _spot_table() -> list[tuple[str, H.DSpot]]:
    """The spots, for parametrizing: the builders are run once into a scratch folder."""
    with tempfile.TemporaryDirectory() as d:
        return [(path.stem, spot) for make in H.BUILDERS for path, spots in [make(Path(d))] for spot in spots]


SPOTS = _spot_table()
STEMS = sorted({stem for stem, _ in SPOTS})
_IDS = [f"{stem}-{spot.name}" for stem, spot in SPOTS]


_to_pdf = S.to_pdf  # its own LibreOffice profile, with retries


class _Built:
    def __init__(self, folder: Path):
        self.folder = folder
        self.docs: dict[str, tuple[Path, list[H.DSpot]]] = {}
        for make in H.BUILDERS:
            path, spots = make(folder)
            self.docs[path.stem] = (path, spots)
        self._pdfs: dict[str, Path] = {}
        self._reports: dict[tuple[str, str], object] = {}

    def pdf(self, stem: str) -> Path:
        if stem not in self._pdfs:
            self._pdfs[stem] = _to_pdf(self.docs[stem][0], self.folder)
        return self._pdfs[stem]

    def report(self, stem: str, fmt: str):
        key = (stem, fmt)
        if key not in self._reports:
            path = self.docs[stem][0] if fmt == "docx" else self.pdf(stem)
            (report,) = lint([str(path)])
            self._reports[key] = report
        return self._reports[key]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return _Built(tmp_path_factory.mktemp("fidelity-d"))


def _norm(text: str) -> str:
    return " ".join(text.split())


def _findings(report, name: str):
    return [f for f in report.findings if f"{name} lot" in _norm(f.evidence.text)]


def _pages(pdf_path: Path) -> list[str]:
    """What the PDF prints, page by page, by PDFium's own text (independent of tenderlint)."""
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        return [_norm(pdf[i].get_textpage().get_text_range()) for i in range(len(pdf))]
    finally:
        pdf.close()


def _clean(f, spot) -> None:
    q = f.evidence.text
    assert not _DIRTY.search(q), f"{spot.name}: control characters in the quote {q!r}"
    assert _norm(q).count(f"{spot.name} lot") == 1, f"{spot.name}: the quote repeats the words: {q!r}"
    assert _norm(spot.sentence) in _norm(q), f"{spot.name}: quote {q!r} is not the sentence {spot.sentence!r}"


@pytest.mark.parametrize(("stem", "spot"), SPOTS, ids=_IDS)
def test_spot_in_the_docx(built, stem, spot):
    if not spot.docx:
        pytest.skip("checked in the PDF only")
    report = built.report(stem, "docx")
    assert report.assessment == "assessed"
    got = _findings(report, spot.name)
    if not spot.present:
        assert not got, f"{spot.name}: reported from text that is not live: {got[0].evidence.text!r}"
        return
    assert len(got) == 1, f"{spot.name}: reported {len(got)} times"
    _clean(got[0], spot)
    assert got[0].evidence.part == spot.part, f"{spot.name}: part {got[0].evidence.part!r}, not {spot.part!r}"
    assert got[0].evidence.hidden == spot.hidden, f"{spot.name}: hidden {got[0].evidence.hidden!r}"


@pytest.mark.parametrize(("stem", "spot"), SPOTS, ids=_IDS)
def test_spot_in_the_pdf_export(built, stem, spot):
    report = built.report(stem, "pdf")
    assert report.assessment == "assessed"
    got = _findings(report, spot.name)
    if not H.live_in_pdf(spot):
        assert not got, f"{spot.name}: reported from text that is not live: {got[0].evidence.text!r}"
        return
    assert len(got) == 1, f"{spot.name}: reported {len(got)} times"
    _clean(got[0], spot)
    if spot.page is not None:
        assert got[0].evidence.page == spot.page, f"{spot.name}: page {got[0].evidence.page}, not {spot.page}"


@pytest.mark.parametrize("stem", STEMS)
def test_the_export_prints_each_spot_where_expected(built, stem):
    """Harness self-check: each live spot is printed (on its page), deleted text is printed struck
    through, and text that is hidden or not live is not printed at all."""
    pages = _pages(built.pdf(stem))
    _path, spots = built.docs[stem]
    for spot in spots:
        on = [i + 1 for i, text in enumerate(pages) if f"{spot.name} lot" in text]
        if H.printed(spot):
            assert on, f"{spot.name}: not printed in the export"
        else:
            assert not on, f"{spot.name}: printed on page(s) {on} though it should not be"
        if H.live_in_pdf(spot) and spot.page is not None:
            assert spot.page in on, f"{spot.name}: printed on pages {on}, not on page {spot.page}"


def test_the_traps_are_real(built):
    """The copies a reader must not double-count are really in the export."""
    def count(stem, name):
        return sum(text.count(f"{name} lot") for text in _pages(built.pdf(stem)))
    assert count("clauses", "Skye") == 2, "the TOC repeats the heading"
    assert count("schedule", "Grasmere") == 2, "the header row repeats on the next page"
    assert count("review", "Lunga") == 2, "the moved paragraph is printed at both places"
    assert count("layout", "Gigha") >= 4, "the running header is on every page of its section"
    assert count("shapes", "Sanday") == 2 and count("shapes", "Westray") == 2
    layout = _pages(built.pdf("layout"))
    devoke = next(s for s in built.docs["layout"][1] if s.name == "Devoke")
    assert "Devoke lot" in layout[1] and _norm(devoke.sentence) not in layout[1], "the sentence straddles pages"
    esthwaite = next(s for s in built.docs["layout"][1] if s.name == "Esthwaite")
    assert "Esthwaite lot" in layout[2] and _norm(esthwaite.sentence) not in layout[2], \
        "the page break cuts the sentence"
