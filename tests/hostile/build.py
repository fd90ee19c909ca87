"""Build the hostile corpus at test time: broken, enormous and malicious files (nothing large is committed).

`build(out, secret)` writes every file into `out` and returns, for each input path, the outcomes
that are acceptable: "report" (read and linted) and/or the error codes that may explain it.
`secret` is a local file the malicious inputs try to read; its content must never appear in output.
"""

from __future__ import annotations

import io
import os
import random
import stat
import zipfile
import zlib
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "tenders"
CLEAN_PDF = CORPUS / "westshire-homecare-itt.pdf"
CLEAN_DOCX = CORPUS / "cabinet-office-learning-framework.docx"

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TENDER_TEXT = ("Bidders must have a minimum annual turnover of £3,000,000. The estimated annual contract value is "
               "£400,000. The contract will run for two years.")


# --------------------------------------------------------------------------- PDF by hand

def pdf(objects: list[bytes], root: int = 1, trailer_extra: bytes = b"") -> bytes:
    """A PDF from numbered objects (1-based) with a correct cross-reference table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, root, trailer_extra, xref))
    return out.getvalue()


def stream(data: bytes, extra: bytes = b"", compress: bool = False) -> bytes:
    if compress:
        data = zlib.compress(data)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def text_pdf(text: str = TENDER_TEXT) -> bytes:
    content = b"BT /F1 11 Tf 50 750 Td (" + text.replace("£", "GBP ").encode("latin-1") + b") Tj ET"
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        stream(content),
        FONT,
    ])


def image_only_pdf() -> bytes:
    pixels = random.Random(1).randbytes(64 * 64)
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>",
        stream(b"q 400 0 0 400 100 200 cm /Im1 Do Q"),
        stream(pixels, b" /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray /BitsPerComponent 8"),
    ])


def page_tree_cycle_pdf() -> bytes:
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        stream(b"BT /F1 11 Tf 50 750 Td (A page in a cyclic page tree.) Tj ET"),
        FONT,
    ])


def many_pages_pdf(n: int) -> bytes:
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(n))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % n,
        stream(b"BT /F1 11 Tf 50 750 Td (Page.) Tj ET"),
        FONT,
    ]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R "
                b"/Resources << /Font << /F1 4 0 R >> >> >>"] * n
    return pdf(objects)


def many_text_objects_pdf(n: int) -> bytes:
    ops = b"".join(b"BT /F1 4 Tf %d %d Td (x) Tj ET\n" % (i % 600, (i // 600) % 780) for i in range(n))
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        stream(ops, compress=True),
        FONT,
    ])


def flate_bomb_pdf(inflated_mb: int) -> bytes:
    comp = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    body = b"".join(comp.compress(chunk) for _ in range(inflated_mb)) + comp.flush()
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(body) + body + b"\nendstream",
        FONT,
    ])


def encrypted_pdf(user_password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf())))
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# --------------------------------------------------------------------------- DOCX by hand

CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                 'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
                 'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/'
                 'document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.'
                 'main+xml"/></Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="word/document.xml"/></Relationships>')


def docx(document_xml: str | bytes, extra: dict[str, bytes] | None = None, with_document: bool = True) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", RELS)
        if with_document:
            zf.writestr("word/document.xml", document_xml)
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return out.getvalue()


def body(paragraphs: list[str], doctype: str = "") -> str:
    ps = "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{p}</w:t></w:r></w:p>" for p in paragraphs)
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{doctype}<w:document xmlns:w="{W}"><w:body>{ps}</w:body></w:document>'


def xxe_docx(secret: Path) -> bytes:
    doctype = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret.resolve().as_uri()}">]>'
    return docx(body(["Bidders must read this: &xxe; and then tender.", TENDER_TEXT], doctype))


def billion_laughs_docx() -> bytes:
    ents = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
    return docx(body(["&lol9;", TENDER_TEXT], f"<!DOCTYPE w:document [{ents}]>"))


def docx_bomb(inflated_mb: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", RELS)
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>'.encode())
            chunk = b" " * (1 << 20)
            for _ in range(inflated_mb):
                fh.write(chunk)
            fh.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return out.getvalue()


def docx_many_parts(n: int) -> bytes:
    return docx(body([TENDER_TEXT]), extra={f"word/media/part{i}.xml": b"<x/>" for i in range(n)})


# --------------------------------------------------------------------------- packs

def zip_of(members: dict[str, bytes], symlinks: dict[str, str] | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
        for name, target in (symlinks or {}).items():
            info = zipfile.ZipInfo(name)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            info.create_system = 3
            zf.writestr(info, target)
    return out.getvalue()


def nested_zip(depth: int) -> bytes:
    inner = zip_of({"tender.txt": TENDER_TEXT.encode()})
    for i in range(depth):
        inner = zip_of({f"level{i}.zip": inner})
    return inner


# --------------------------------------------------------------------------- the corpus

def build(out: Path, secret: Path) -> dict[str, set[str]]:
    """Write every hostile input into `out`; return {path: acceptable outcomes}."""
    out.mkdir(parents=True, exist_ok=True)
    expect: dict[str, set[str]] = {}

    def put(name: str, data: bytes, outcomes: set[str]) -> None:
        (out / name).write_bytes(data)
        expect[str(out / name)] = outcomes

    clean_pdf = CLEAN_PDF.read_bytes()
    put("truncated.pdf", clean_pdf[: len(clean_pdf) // 2], {"report", "corrupt", "no-text-layer"})
    damaged = bytearray(clean_pdf)
    x = bytes(damaged).rfind(b"startxref")
    damaged[x + 10:x + 16] = b"999999"
    put("xref-damaged.pdf", bytes(damaged), {"report", "corrupt"})
    put("xref-garbage.pdf", clean_pdf.replace(b" 0 obj", b" 0 jbo", 40), {"report", "corrupt", "no-text-layer"})
    put("page-tree-cycle.pdf", page_tree_cycle_pdf(), {"report"})  # the page that loads is read
    put("huge-page-count.pdf", many_pages_pdf(2500), {"too-many-pages"})
    put("many-text-objects.pdf", many_text_objects_pdf(200_000), {"too-complex"})
    put("flate-bomb.pdf", flate_bomb_pdf(1024), {"no-text-layer", "out-of-memory", "timeout", "corrupt"})
    put("encrypted-user-password.pdf", encrypted_pdf("user-secret"), {"encrypted"})
    put("encrypted-owner-only.pdf", encrypted_pdf(""), {"report"})
    put("image-only.pdf", image_only_pdf(), {"no-text-layer"})
    put("empty.pdf", b"", {"empty"})
    put("not-really.pdf", b"%PDF-1.7\n" + random.Random(3).randbytes(4096), {"corrupt"})
    put("docx-bomb.docx", docx_bomb(600), {"zip-bomb", "zip-too-large"})
    put("docx-many-parts.docx", docx_many_parts(800), {"zip-too-many-members"})
    put("xxe.docx", xxe_docx(secret), {"report"})
    put("billion-laughs.docx", billion_laughs_docx(), {"report", "corrupt"})
    put("no-document-xml.docx", docx("", with_document=False), {"corrupt"})
    put("docx-named-pdf.pdf", docx(body([TENDER_TEXT])), {"report"})
    put("legacy.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4096, {"unsupported-format"})
    put("password-protected.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024
        + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 1024, {"encrypted"})
    put("minutes.odt", zip_of({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"}),
        {"unsupported-format"})
    expect[str(out / "missing.pdf")] = {"not-found"}
    put("scan.png", b"\x89PNG\r\n\x1a\n" + random.Random(4).randbytes(512), {"unsupported-format"})
    put("binary.txt", random.Random(7).randbytes(8192), {"corrupt"})
    put("utf16.txt", ("\ufeff" + TENDER_TEXT).encode("utf-16-le"), {"report"})
    put("windows-1252.txt", TENDER_TEXT.encode("cp1252"), {"report"})
    put("big-paragraph.txt", ((TENDER_TEXT + " ") * (50 * 1024 * 1024 // (len(TENDER_TEXT) + 1))).encode(),
        {"too-many-chars"})
    put("deep.html", ("<html><body>" + "<div>" * 100_000 + TENDER_TEXT + "</div>" * 100_000 + "</body></html>").encode(),
        {"report"})
    slip = zip_of({"../../evil.txt": b"written outside", "Xabs/evil2.txt": b"absolute",
                   "..\\..\\evil3.txt": b"windows-style", "itt.txt": TENDER_TEXT.encode()})
    put("zip-slip.zip", slip.replace(b"Xabs/evil2.txt", b"/abs/evil2.txt"), {"report", "unsafe-path"})
    put("zip-symlink.zip", zip_of({"itt.txt": TENDER_TEXT.encode()}, symlinks={"secret.txt": str(secret.resolve())}),
        {"report", "symlink"})
    put("nested-zips.zip", nested_zip(6), {"zip-nested-too-deep"})
    put("zip-bomb.zip", zip_of({"itt.txt": TENDER_TEXT.encode(), "bomb.txt": b" " * (64 * 1024 * 1024)}),
        {"report", "zip-bomb"})
    folder = out / "symlink-folder"
    folder.mkdir(exist_ok=True)
    (folder / "itt.txt").write_text(TENDER_TEXT, encoding="utf-8")
    link = folder / "secret.txt"
    if not link.exists():
        os.symlink(secret.resolve(), link)
    expect[str(folder)] = {"report", "symlink"}
    return expect
