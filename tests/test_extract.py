"""Readers on real files: LibreOffice PDFs and python-docx DOCX from the corpus, text encodings, HTML, packs."""

from __future__ import annotations

import zipfile

import docx

from tenderlint.extract import load_tender

from .conftest import CORPUS

T = CORPUS / "tenders"


def _body(doc):
    return [b for b in doc.blocks if b.kind not in ("header", "footer")]


def test_pdf_running_heads_are_not_body_text():
    (doc,), errors = load_tender(str(T / "westshire-homecare-itt.pdf"))
    assert not errors and doc.format == "pdf" and doc.pages >= 2
    heads = [b for b in doc.blocks if b.kind in ("header", "footer")]
    assert heads, "the running header is kept, to be checked"
    texts = [b.text for b in heads]
    assert len(texts) == len(set(texts)), "each running head once, not once a page"
    assert all(b.page == 1 and b.end_page == doc.pages and b.part.startswith("running") for b in heads)
    head_texts = {b.text for b in heads}
    assert not any(b.text in head_texts for b in _body(doc))
    assert not any("Page " in b.text and " of " in b.text and len(b.text) < 15 for b in _body(doc))


def test_pdf_clause_split_by_page_break_is_joined():
    (doc,), _ = load_tender(str(T / "westbury-cleaning-short-term.pdf"))
    joined = [b for b in _body(doc) if b.end_page and b.end_page == b.page + 1]
    assert any("further period of up to six (6) months" in b.text and "extend the Contract for a single" in b.text
               for b in joined)


def test_pdf_tables_are_rows_with_cells():
    (doc,), _ = load_tender(str(T / "westshire-homecare-itt.pdf"))
    rows = [b for b in doc.blocks if b.kind == "table-row"]
    assert rows and all(len(b.cells) >= 2 for b in rows)
    assert any("5%" in b.cells[-1] for b in rows)


def test_docx_order_numbering_and_headers():
    path = T / "eastmere-youth-services.docx"
    (doc,), _ = load_tender(str(path))
    original = docx.Document(str(path))
    paras = [p.text.strip() for p in original.paragraphs if p.text.strip()]
    body_text = " ".join(b.text for b in _body(doc))
    assert all(p in body_text for p in paras)
    assert any(b.kind == "header" for b in doc.blocks)
    numbered = [b for b in doc.blocks if b.kind == "list-item" and b.number]
    assert numbered and numbered[0].text.startswith(numbered[0].number)


def test_text_encodings():
    (u16,), _ = load_tender(str(T / "dwp-employability-pilot.txt"))
    assert (T / "dwp-employability-pilot.txt").read_bytes()[:2] in (b"\xff\xfe", b"\xfe\xff")
    assert any("£" in b.text for b in u16.blocks)
    (cp,), _ = load_tender(str(T / "norbridge-council-domestic-abuse.txt"))
    assert any("£" in b.text for b in cp.blocks)
    assert not any("\ufffd" in b.text for b in cp.blocks)


def test_html_reader():
    (doc,), _ = load_tender(str(T / "tidewater-council-carers-support.html"))
    assert doc.format == "html" and any(b.kind == "heading" for b in doc.blocks)
    assert any(b.kind == "table-row" and len(b.cells) >= 2 for b in doc.blocks)


def test_folder_and_zip_packs_read_every_file():
    folder = T / "pack-stourvale-adult-social-care"
    docs, errors = load_tender(str(folder))
    assert not errors and len(docs) == len([p for p in folder.iterdir() if p.is_file()])
    z = T / "pack-meridian-nhs-mental-health.zip"
    docs, errors = load_tender(str(z))
    with zipfile.ZipFile(z) as zf:
        assert len(docs) == len([i for i in zf.infolist() if not i.is_dir()])
    assert not errors


def test_bad_inputs_give_error_entries(tmp_path):
    (tmp_path / "empty.pdf").write_bytes(b"")
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<>>\ngarbage")
    (tmp_path / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    codes = {}
    for name in ("empty.pdf", "old.doc", "broken.pdf", "scan.png", "missing.pdf"):
        docs, errors = load_tender(str(tmp_path / name))
        assert not docs and len(errors) == 1
        codes[name] = errors[0].code
    assert codes == {"empty.pdf": "empty", "old.doc": "unsupported-format", "broken.pdf": "corrupt",
                     "scan.png": "unsupported-format", "missing.pdf": "not-found"}


def test_wrong_extension_is_read_by_content(tmp_path):
    src = T / "westbury-cleaning-short-term.pdf"
    renamed = tmp_path / "tender.txt"
    renamed.write_bytes(src.read_bytes())
    (doc,), errors = load_tender(str(renamed))
    assert not errors and doc.format == "pdf"
