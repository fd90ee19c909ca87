"""Held-out hostile-input tests (set E), written blind against the README.

Every input is generated at test time in tmp_path.  Each test runs the CLI in a
subprocess (own session, RLIMIT_AS ~4 GiB, 240 s timeout) and asserts what the
README promises: documented error / warning codes, one stderr line per unreadable
input, exit code 2 when an input is unreadable, nothing lost in a batch, no clean
'assessed' report for content that was not read, no traceback, no orphaned
worker processes, no leak of local files, valid JSON/CSV/SARIF/HTML/letter.

First run, blind: 43 passed, 2 failed: a PDF in a CID font with no Unicode map (PDFium passed its
glyph ids off as letters) was reported clean; a PNG named .pdf was called a damaged PDF. Fixed after.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import random
import resource
import socket
import sqlite3
import struct
import subprocess
import sys
import tarfile
import time
import zipfile
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PY = str(ROOT / ".venv" / "bin" / "python")
if not Path(PY).exists():
    PY = sys.executable

TIMEOUT = 240
MEM = 4 * 1024 ** 3

TURNOVER = "Bidders must have a minimum annual turnover of £5 million. The contract value is £200,000 per year."
TRADING = "Bidders must have been trading for at least five years."

INPUT_CODES = {
    "not-found", "unreadable", "empty", "unsupported-format", "encrypted", "no-text-layer",
    "corrupt", "too-large", "too-many-pages", "too-many-chars", "not-a-tender", "too-complex",
    "zip-too-many-members", "zip-too-large", "zip-bomb", "zip-nested-too-deep", "unsafe-path",
    "symlink", "timeout", "out-of-memory",
}
WARNING_CODES = {
    "page-no-text-layer", "page-too-complex", "page-unreadable", "form-not-read",
    "attachment-not-read", "analysis-time",
}
ALL_CODES = INPUT_CODES | WARNING_CODES


# --------------------------------------------------------------------------- running


def _limits():
    resource.setrlimit(resource.RLIMIT_AS, (MEM, MEM))


def _session_members(sid: int) -> list[int]:
    out = []
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            stat = Path(f"/proc/{d}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rfind(")") + 2:].split()
        # fields[0]=state, [1]=ppid, [2]=pgrp, [3]=session
        if int(fields[3]) == sid and fields[0] != "Z":
            out.append(int(d))
    return out


class Run:
    def __init__(self, rc, out, err, seconds):
        self.rc, self.out, self.err, self.seconds = rc, out, err, seconds

    @property
    def json(self):
        return json.loads(self.out)

    @property
    def tenders(self):
        return self.json["tenders"]


def tl(*args, cwd=None, check_tb=True, max_seconds=TIMEOUT) -> Run:
    cmd = [PY, "-m", "tenderlint", *map(str, args)]
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         stdin=subprocess.DEVNULL, preexec_fn=_limits, start_new_session=True)
    try:
        out, err = p.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, 9)
        p.communicate()
        pytest.fail(f"tenderlint did not finish within {TIMEOUT}s: {cmd}")
    secs = time.monotonic() - t0
    # no orphaned worker processes left in the run's session
    deadline = time.monotonic() + 5
    left = _session_members(p.pid)
    while left and time.monotonic() < deadline:
        time.sleep(0.2)
        left = _session_members(p.pid)
    if left:
        try:
            os.killpg(p.pid, 9)
        except OSError:
            pass
        pytest.fail(f"orphaned processes after run: {left} ({cmd})")
    r = Run(p.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"), secs)
    if check_tb:
        assert "Traceback (most recent call last)" not in r.err, r.err[-3000:]
        assert "Traceback (most recent call last)" not in r.out, r.out[-3000:]
    assert secs < max_seconds, f"run took {secs:.0f}s, over {max_seconds}s"
    return r


def check_json(*paths, cwd=None, extra=(), max_seconds=TIMEOUT) -> Run:
    r = tl("check", *paths, "--format", "json", *extra, cwd=cwd, max_seconds=max_seconds)
    assert r.json is not None  # valid JSON
    assert len(r.tenders) >= 1
    return r


def codes(t) -> set[str]:
    return {e["code"] for e in t.get("errors", [])} | {w["code"] for w in t.get("warnings", [])}


def rules(t) -> set[str]:
    return {f["rule"] for f in t.get("findings", [])}


def has_good_findings(t) -> bool:
    return {"TL102", "TL103"} <= rules(t)


def assert_documented(t):
    for e in t.get("errors", []):
        assert e["code"] in INPUT_CODES, e
        assert e.get("message"), e
    for w in t.get("warnings", []):
        assert w["code"] in ALL_CODES, w


def assert_not_clean(t):
    """Part of this tender was not read: never a clean 'assessed' report."""
    assert_documented(t)
    assert t["assessment"] != "assessed" or t.get("errors") or t.get("warnings"), t
    assert t["assessment"] != "assessed", (t["assessment"], t.get("errors"), t.get("warnings"))


def assert_unreadable(r: Run, t, code: str | set[str], name: str):
    """One documented error for the file, a one-line stderr message naming it, exit 2."""
    want = {code} if isinstance(code, str) else set(code)
    assert_documented(t)
    got = {e["code"] for e in t["errors"]}
    assert got & want, (want, t["errors"], t.get("warnings"))
    assert r.rc == 2, (r.rc, r.err[-2000:])
    lines = [ln for ln in r.err.splitlines() if ln.startswith("tenderlint: ") and name in ln
             and any(f": {c}: " in ln for c in want)]
    assert lines, f"no 'tenderlint: PATH: CODE: message' line naming {name} with {want} in:\n{r.err}"
    assert t["assessment"] != "assessed"


def read_or_flagged(t):
    """Inputs the README leaves open: read with findings, or a documented code and not clean."""
    assert_documented(t)
    if has_good_findings(t):
        return
    assert codes(t), f"neither findings nor a documented code: {t}"
    assert t["assessment"] != "assessed"


def no_leak(r: Run, secret: str, *files: Path):
    assert secret not in r.out and secret not in r.err
    for f in files:
        if f.exists():
            assert secret not in f.read_text("utf-8", "replace")


# --------------------------------------------------------------------------- builders


def make_docx(path: Path, paras=(TURNOVER, TRADING), title="Invitation to Tender: Community Support Services"):
    import docx
    d = docx.Document()
    d.add_paragraph(title)
    for p in paras:
        d.add_paragraph(p)
    d.save(str(path))
    return path


def good_text() -> str:
    return "Invitation to Tender: Community Support Services\n\n" + TURNOVER + "\n\n" + TRADING + "\n"


def pdf_escape(s: str) -> bytes:
    b = s.encode("cp1252")
    return b.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def text_content(lines, y0=720, mode=None) -> bytes:
    out = [b"BT /F1 11 Tf 72 %d Td 14 TL" % y0]
    if mode is not None:
        out.append(b"%d Tr" % mode)
    for ln in lines:
        out.append(b"(" + pdf_escape(ln) + b") Tj T*")
    out.append(b"ET")
    return b"\n".join(out)


def build_pdf(objs: dict[int, bytes], root: int = 1, trailer_extra=b"", truncate_at=None) -> bytes:
    """objs: number -> body (without 'n 0 obj'/'endobj')."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for n in sorted(objs):
        offsets[n] = len(out)
        out += b"%d 0 obj\n" % n + objs[n] + b"\nendobj\n"
    xref = len(out)
    size = max(objs) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for n in range(1, size):
        if n in offsets:
            out += b"%010d 00000 n \n" % offsets[n]
        else:
            out += b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (size, root, trailer_extra, xref)
    return bytes(out)


def stream(data: bytes, dict_extra=b"", compress=False) -> bytes:
    if compress:
        data = zlib.compress(data)
        dict_extra += b" /Filter /FlateDecode"
    return b"<< /Length %d %s >>\nstream\n" % (len(data), dict_extra) + data + b"\nendstream"


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"


def pdf_pages(page_contents: list[bytes], extra_objs=None, catalog_extra=b"", page_res_extra=b"", fonts=b"") -> bytes:
    """A simple PDF: 1 catalog, 2 pages, 3 font, then page/content pairs."""
    objs = {3: FONT}
    kids = []
    n = 10
    for c in page_contents:
        objs[n] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R %s >> %s >> /Contents %d 0 R >>"
                   % (fonts, page_res_extra, n + 1))
        objs[n + 1] = stream(c)
        kids.append(b"%d 0 R" % n)
        n += 2
    objs[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    objs[1] = b"<< /Type /Catalog /Pages 2 0 R %s >>" % catalog_extra
    if extra_objs:
        objs.update(extra_objs)
    return build_pdf(objs)


def good_pdf_bytes() -> bytes:
    return pdf_pages([text_content(["Invitation to Tender: Community Support Services", "", TURNOVER, "", TRADING])])


def image_obj(w=120, h=160, seed=1) -> bytes:
    rnd = random.Random(seed)
    data = bytes(rnd.choice((0, 255, 200, 30)) for _ in range(w * h))
    return stream(data, b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8" % (w, h),
                  compress=True)


SCAN_CONTENT = b"q 500 0 0 760 45 40 cm /Im0 Do Q"
IMG_RES = b"/XObject << /Im0 90 0 R >>"


def cfb(streams: dict[str, bytes]) -> bytes:
    """A minimal OLE2 compound file (v3, 512-byte sectors; every stream >= 4096 bytes)."""
    ENDC, FREE, FATS, NOS = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    names = sorted(streams, key=lambda s: (len(s), s.upper()))
    data_sectors = []
    fat = [FATS, ENDC]  # sector 0: FAT, sector 1: directory
    starts = {}
    next_sec = 2
    for nm in names:
        d = streams[nm]
        if len(d) < 4096:
            d = d + b"\0" * (4096 - len(d))
            streams[nm] = d
        nsec = (len(d) + 511) // 512
        starts[nm] = next_sec
        for i in range(nsec):
            fat.append(next_sec + i + 1 if i < nsec - 1 else ENDC)
        data_sectors.append(d + b"\0" * (nsec * 512 - len(d)))
        next_sec += nsec
    assert len(fat) <= 128
    fat += [FREE] * (128 - len(fat))

    def entry(name, typ, child=NOS, left=NOS, right=NOS, start=ENDC, size=0):
        enc = (name + "\0").encode("utf-16-le") if name else b""
        return (enc.ljust(64, b"\0") + struct.pack("<HBB", len(enc), typ, 1)
                + struct.pack("<III", left, right, child) + b"\0" * 16 + b"\0" * 4 + b"\0" * 16
                + struct.pack("<IQ", start, size))

    # root's child is the last name; each entry's left sibling is the previous one (a chain)
    ents = [entry("Root Entry", 5, child=len(names))]
    for i, nm in enumerate(names, start=1):
        ents.append(entry(nm, 2, left=i - 1 if i > 1 else NOS, start=starts[nm], size=len(streams[nm])))
    while len(ents) % 4:
        ents.append(b"\0" * 64 + struct.pack("<HBB", 0, 0, 0) + struct.pack("<III", NOS, NOS, NOS) + b"\0" * 52)
    assert len(ents) == 4
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
              + b"\0" * 6 + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, ENDC, 0, ENDC, 0))
    header += struct.pack("<I", 0) + struct.pack("<I", FREE) * 108
    assert len(header) == 512
    return header + struct.pack("<128I", *fat) + b"".join(ents) + b"".join(data_sectors)


def zip_bytes(members: dict[str, bytes], method=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as z:
        for n, d in members.items():
            z.writestr(n, d)
    return buf.getvalue()


@pytest.fixture
def good_docx(tmp_path) -> Path:
    return make_docx(tmp_path / "itt-good.docx")


def cfg(tmp_path: Path, body: str) -> Path:
    p = tmp_path / "limits.toml"
    p.write_text(body)
    return p


# --------------------------------------------------------------------------- baseline


def test_good_tender_alone_has_findings(good_docx):
    r = check_json(good_docx)
    (t,) = r.tenders
    assert has_good_findings(t), rules(t)
    assert t["assessment"] == "assessed" and not t["errors"]
    assert r.rc == 1


# --------------------------------------------------------------------------- encrypted


def test_pdf_user_password_aes256_in_batch(tmp_path, good_docx):
    from pypdf import PdfReader, PdfWriter
    src = tmp_path / "plain.pdf"
    src.write_bytes(good_pdf_bytes())
    w = PdfWriter(clone_from=PdfReader(str(src)))
    w.encrypt(user_password="tender2026", owner_password="council-owner", algorithm="AES-256")
    enc = tmp_path / "ITT-Volume-1-protected.pdf"
    with open(enc, "wb") as f:
        w.write(f)
    src.unlink()
    r = check_json(enc, good_docx)
    t_enc, t_good = r.tenders
    assert_unreadable(r, t_enc, "encrypted", enc.name)
    assert t_enc["assessment"] == "not-assessed"
    assert not t_enc["findings"]
    assert has_good_findings(t_good)


def test_pdf_owner_password_only_is_read(tmp_path):
    from pypdf import PdfReader, PdfWriter
    src = tmp_path / "plain.pdf"
    src.write_bytes(good_pdf_bytes())
    w = PdfWriter(clone_from=PdfReader(str(src)))
    w.encrypt(user_password="", owner_password="no-copy-no-print", algorithm="AES-128",
              permissions_flag=0)
    out = tmp_path / "itt-print-restricted.pdf"
    with open(out, "wb") as f:
        w.write(f)
    r = check_json(out)
    (t,) = r.tenders
    assert has_good_findings(t), (t["errors"], rules(t))


def test_password_protected_word_file(tmp_path, good_docx):
    # Office "Encrypt with password" produces an OLE2 container, not a zip.
    info = struct.pack("<HHI", 4, 4, 0x40) + b'<?xml version="1.0"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"><keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/></encryption>'
    pkg = struct.pack("<Q", 30000) + random.Random(5).randbytes(8192)
    enc = tmp_path / "Specification-FINAL.docx"
    enc.write_bytes(cfb({"EncryptionInfo": info, "EncryptedPackage": pkg}))
    r = check_json(enc, good_docx)
    t_enc, t_good = r.tenders
    assert_unreadable(r, t_enc, "encrypted", enc.name)
    assert has_good_findings(t_good)


def test_zip_pack_with_password_protected_member(tmp_path):
    raw = bytearray(zip_bytes({"01-ITT.txt": good_text().encode(),
                               "02-pricing-schedule.txt": random.Random(3).randbytes(3000)},
                              method=zipfile.ZIP_STORED))
    # set the "encrypted" flag of the second member, in its local header and central entry
    lh = raw.find(b"PK\x03\x04", 10)
    raw[lh + 6] |= 1
    cd = raw.find(b"PK\x01\x02")
    cd2 = raw.find(b"PK\x01\x02", cd + 4)
    raw[cd2 + 8] |= 1
    pack = tmp_path / "tender-pack-2026-014.zip"
    pack.write_bytes(bytes(raw))
    r = check_json(pack)
    (t,) = r.tenders
    assert_unreadable(r, t, "encrypted", "02-pricing-schedule.txt")
    assert has_good_findings(t)
    assert t["assessment"] == "partly-assessed"


# --------------------------------------------------------------------------- scanned / textless


def test_scanned_pdf_without_text(tmp_path, good_docx):
    p = tmp_path / "ITT-signed-scan.pdf"
    p.write_bytes(pdf_pages([SCAN_CONTENT], extra_objs={90: image_obj()}, page_res_extra=IMG_RES))
    r = check_json(p, good_docx)
    t, t_good = r.tenders
    assert_unreadable(r, t, "no-text-layer", p.name)
    assert t["assessment"] == "not-assessed"
    assert has_good_findings(t_good)


def test_scanned_page_inside_text_pdf(tmp_path):
    p = tmp_path / "itt-with-scanned-appendix.pdf"
    p.write_bytes(pdf_pages([text_content([TURNOVER, TRADING]), SCAN_CONTENT, SCAN_CONTENT],
                            extra_objs={90: image_obj()}, page_res_extra=IMG_RES))
    r = check_json(p)
    (t,) = r.tenders
    assert has_good_findings(t)
    assert "page-no-text-layer" in codes(t), t["warnings"]
    assert t["assessment"] == "partly-assessed"


def test_ocr_layer_invisible_text_is_read(tmp_path):
    # a scanned page with an OCR text layer drawn invisibly (Tr 3) over the image
    content = SCAN_CONTENT + b"\n" + text_content([TURNOVER, TRADING], mode=3)
    p = tmp_path / "itt-ocr.pdf"
    p.write_bytes(pdf_pages([content], extra_objs={90: image_obj()}, page_res_extra=IMG_RES))
    r = check_json(p)
    read_or_flagged(r.tenders[0])


def test_pdf_font_without_unicode_mapping(tmp_path):
    # Identity-H CID font, no ToUnicode, no embedded font: glyph ids only
    gids = "".join("%04X" % (ord(c) - 29 if ord(c) > 40 else 3) for c in TURNOVER + " " + TRADING)
    content = b"BT /F2 11 Tf 72 720 Td <" + gids.encode() + b"> Tj ET"
    objs = {
        91: b"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Calibri /Encoding /Identity-H /DescendantFonts [92 0 R] >>",
        92: b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Calibri /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 93 0 R /CIDToGIDMap /Identity /DW 500 >>",
        93: b"<< /Type /FontDescriptor /FontName /ABCDEF+Calibri /Flags 32 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 750 /Descent -250 /CapHeight 700 /StemV 80 >>",
    }
    p = tmp_path / "itt-subset-fonts.pdf"
    p.write_bytes(pdf_pages([content], extra_objs=objs, fonts=b"/F2 91 0 R"))
    r = check_json(p)
    (t,) = r.tenders
    # the glyphs decode to no letters of the clause: never a clean report
    assert_documented(t)
    if not has_good_findings(t):
        assert_not_clean(t)
        assert codes(t) & {"no-text-layer", "page-unreadable"}, codes(t)


def test_docx_that_is_only_a_pasted_scan(tmp_path, good_docx):
    import docx
    from docx.shared import Inches
    png = tmp_path / "scan.png"
    # a tiny valid PNG
    w, h = 40, 40
    raw = b"".join(b"\0" + bytes((x * y) % 256 for x in range(w)) for y in range(h))
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
                    + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    d = docx.Document()
    d.add_picture(str(png), width=Inches(6))
    d.add_picture(str(png), width=Inches(6))
    p = tmp_path / "ITT-scanned-into-word.docx"
    d.save(str(p))
    r = check_json(p, good_docx)
    t, t_good = r.tenders
    assert has_good_findings(t_good)
    # nothing readable in the document: it must not come out as a clean assessed tender
    assert_not_clean(t)


# --------------------------------------------------------------------------- huge


def test_file_over_max_file_bytes_in_batch(tmp_path, good_docx):
    c = cfg(tmp_path, "[limits]\nmax-file-bytes = 60000\n")
    big = tmp_path / "specification.html"
    body = "".join(f"<p>Clause {i}. The provider shall deliver the service described in Schedule {i}.</p>\n" for i in range(3000))
    big.write_text(f"<html><body><h1>Specification</h1>{body}</body></html>")
    assert big.stat().st_size > 60000 and good_docx.stat().st_size < 60000
    r = check_json(big, good_docx, extra=("--config", c))
    t, t_good = r.tenders
    assert_unreadable(r, t, "too-large", big.name)
    assert has_good_findings(t_good)


def test_pdf_over_max_pages(tmp_path):
    c = cfg(tmp_path, "[limits]\nmax-pages = 10\n")
    pages = [text_content([TURNOVER, TRADING])] + [text_content([f"Schedule page {i}."]) for i in range(11)]
    p = tmp_path / "framework-lots-1-12.pdf"
    p.write_bytes(pdf_pages(pages))
    r = check_json(p, extra=("--config", c))
    (t,) = r.tenders
    assert_unreadable(r, t, "too-many-pages", p.name)


def test_text_over_max_chars(tmp_path, good_docx):
    c = cfg(tmp_path, "[limits]\nmax-chars = 20000\n")
    p = tmp_path / "terms-and-conditions.txt"
    p.write_text(good_text() + "\n".join(f"{i}. The Supplier shall comply with all applicable law." for i in range(2000)))
    r = check_json(p, good_docx, extra=("--config", c))
    t, t_good = r.tenders
    assert_unreadable(r, t, "too-many-chars", p.name)
    assert has_good_findings(t_good)


def test_single_line_multi_megabyte_text_dump(tmp_path):
    # a pdftotext dump with no line breaks at all, 4 MB long
    c = cfg(tmp_path, "[limits]\nanalysis-seconds = 60\ntimeout-seconds = 60\n")
    filler = "The Service Provider shall maintain records in accordance with Schedule 7 and the Data Protection Act 2018. "
    p = tmp_path / "itt-export.txt"
    p.write_text(TURNOVER + " " + TRADING + " " + filler * (4_000_000 // len(filler)))
    r = check_json(p, extra=("--config", c))
    (t,) = r.tenders
    assert has_good_findings(t) or codes(t), t
    if "analysis-time" in codes(t) or t["errors"]:
        assert t["assessment"] != "assessed"
    assert_documented(t)


def test_page_over_object_budget_is_skipped(tmp_path):
    c = cfg(tmp_path, "[limits]\nmax-page-objects = 500\n")
    plan = b"\n".join(b"%d %d 2 2 re f" % (40 + (i % 250) * 2, 40 + (i // 250) * 2) for i in range(20000))
    p = tmp_path / "itt-with-site-plan.pdf"
    p.write_bytes(pdf_pages([text_content([TURNOVER, TRADING]), plan]))
    r = check_json(p, extra=("--config", c))
    (t,) = r.tenders
    assert has_good_findings(t)
    assert "page-too-complex" in codes(t), (t["errors"], t["warnings"])
    assert t["assessment"] == "partly-assessed"


def test_pdf_all_pages_over_budget(tmp_path, good_docx):
    c = cfg(tmp_path, "[limits]\nmax-page-objects = 500\n")
    plan = b"\n".join(b"%d %d 2 2 re f" % (40 + (i % 250) * 2, 40 + (i // 250) * 2) for i in range(20000))
    p = tmp_path / "site-drawings.pdf"
    p.write_bytes(pdf_pages([plan, plan]))
    r = check_json(p, good_docx, extra=("--config", c))
    t, t_good = r.tenders
    assert_unreadable(r, t, "too-complex", p.name)
    assert has_good_findings(t_good)


def test_flate_bomb_content_stream_bounded(tmp_path, good_docx):
    c = cfg(tmp_path, "[limits]\ntimeout-seconds = 20\nmax-memory-mb = 300\n")
    bomb = zlib.compress(b"0 0 m\n" * (1200 * 1024 * 1024 // 6), 9)
    objs = {3: FONT,
            10: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents [11 0 R 12 0 R] >>",
            11: stream(text_content([TURNOVER, TRADING])),
            12: b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(bomb) + bomb + b"\nendstream",
            2: b"<< /Type /Pages /Kids [10 0 R] /Count 1 >>",
            1: b"<< /Type /Catalog /Pages 2 0 R >>"}
    p = tmp_path / "itt-compressed.pdf"
    p.write_bytes(build_pdf(objs))
    r = check_json(p, good_docx, extra=("--config", c), max_seconds=150)
    t, t_good = r.tenders
    assert has_good_findings(t_good)
    assert_documented(t)
    if not has_good_findings(t):
        assert_not_clean(t)
    if t["errors"]:
        assert r.rc == 2


# --------------------------------------------------------------------------- malicious


def test_docx_xxe_does_not_leak_local_file(tmp_path):
    secret = tmp_path / "secret.txt"
    token = f"S3CR3T-TOKEN-{random.Random(7).randint(10 ** 8, 10 ** 9)}"
    secret.write_text(token)
    src = make_docx(tmp_path / "src.docx")
    with zipfile.ZipFile(src) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    doc = parts["word/document.xml"].decode()
    doc = doc.replace('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>', "", 1)
    doctype = f'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    doc = doctype + doc.replace("Invitation to Tender", "Invitation to Tender &xxe;", 1)
    parts["word/document.xml"] = doc.encode()
    p = tmp_path / "ITT-portal-download.docx"
    p.write_bytes(zip_bytes(parts))
    src.unlink()
    out = tmp_path / "report.html"
    r = check_json(p)
    no_leak(r, token)
    read_or_flagged(r.tenders[0]) if not r.tenders[0]["errors"] else assert_unreadable(r, r.tenders[0], "corrupt", p.name)
    r2 = tl("check", p, "--format", "html", "-o", out)
    no_leak(r2, token, out)


def test_docx_entity_expansion_bomb_refused(tmp_path, good_docx):
    src = make_docx(tmp_path / "src.docx")
    with zipfile.ZipFile(src) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    ents = '<!ENTITY a0 "LOL-LOL-LOL-LOL">' + "".join(
        f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10))
    doc = parts["word/document.xml"].decode().split("?>", 1)[1]
    doc = f'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE w:document [{ents}]>' + doc.replace(
        "Invitation to Tender", "Invitation to Tender &a9;", 1)
    parts["word/document.xml"] = doc.encode()
    p = tmp_path / "clarifications.docx"
    p.write_bytes(zip_bytes(parts))
    src.unlink()
    r = check_json(p, good_docx)
    t, t_good = r.tenders
    assert_unreadable(r, t, "corrupt", p.name)
    assert has_good_findings(t_good)
    assert "LOL-LOL" not in r.out


def test_zip_pack_path_traversal_members(tmp_path):
    pack = tmp_path / "tender-pack.zip"
    pack.write_bytes(zip_bytes({"ITT.txt": good_text().encode(),
                                "../../../../tmp/evil-pricing.txt": b"Price per hour: 18.50",
                                "/etc/cron.d/tender-schedule.txt": b"Schedule 2: timetable"}))
    r = check_json(pack)
    (t,) = r.tenders
    assert has_good_findings(t)
    errs = [e for e in t["errors"] if e["code"] == "unsafe-path"]
    assert len(errs) == 2, t["errors"]
    assert_unreadable(r, t, "unsafe-path", "evil-pricing.txt")
    assert t["assessment"] == "partly-assessed"
    assert not Path("/tmp/evil-pricing.txt").exists()


def test_zip_pack_member_bomb(tmp_path):
    members = {"ITT.txt": good_text().encode(), "appendix-data.txt": b"\0" * (80 * 1024 * 1024)}
    pack = tmp_path / "tender-with-data.zip"
    pack.write_bytes(zip_bytes(members))
    del members
    r = check_json(pack)
    (t,) = r.tenders
    assert has_good_findings(t)
    assert_unreadable(r, t, "zip-bomb", "appendix-data.txt")
    assert t["assessment"] == "partly-assessed"


def test_zip_nested_too_deep(tmp_path):
    inner = zip_bytes({"lot-3-spec.txt": b"Lot 3 specification"})
    for i in range(4):
        inner = zip_bytes({f"level{i}.zip": inner})
    pack = tmp_path / "archive-export.zip"
    pack.write_bytes(zip_bytes({"ITT.txt": good_text().encode(), "lots.zip": inner}))
    r = check_json(pack)
    (t,) = r.tenders
    assert has_good_findings(t)
    assert_unreadable(r, t, "zip-nested-too-deep", pack.name)
    assert t["assessment"] == "partly-assessed"


def test_zip_member_symlink_and_folder_symlink_not_followed(tmp_path):
    secret = tmp_path / "outside" / "credentials.txt"
    secret.parent.mkdir()
    token = f"AKIA-FAKE-SECRET-{random.Random(11).randint(10 ** 8, 10 ** 9)}"
    secret.write_text(f"Bidders must have a minimum annual turnover of £9 million. {token}")
    # zip with a symlink member
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("ITT.txt", good_text())
        zi = zipfile.ZipInfo("pricing.txt")
        zi.create_system = 3
        zi.external_attr = (0o120777 << 16)
        z.writestr(zi, str(secret))
    pack = tmp_path / "pack.zip"
    pack.write_bytes(buf.getvalue())
    # folder pack with symlinks to a file and a folder outside
    folder = tmp_path / "tender-folder"
    folder.mkdir()
    (folder / "ITT.txt").write_text(good_text())
    (folder / "annex-a.txt").symlink_to(secret)
    (folder / "shared").symlink_to(secret.parent, target_is_directory=True)
    r = check_json(pack, folder)
    t_zip, t_dir = r.tenders
    no_leak(r, token)
    assert_unreadable(r, t_zip, "symlink", "pricing.txt")
    assert_unreadable(r, t_dir, "symlink", "annex-a.txt")
    assert sum(e["code"] == "symlink" for e in t_dir["errors"]) == 2, t_dir["errors"]
    for t in (t_zip, t_dir):
        assert has_good_findings(t)
        assert t["assessment"] == "partly-assessed"
        assert t["facts"]["min_turnover"] == 5_000_000


def test_html_with_scripts_and_local_references(tmp_path):
    secret = tmp_path / "private.txt"
    token = f"PRIVATE-{random.Random(13).randint(10 ** 8, 10 ** 9)}"
    secret.write_text(token)
    p = tmp_path / "itt.html"
    p.write_text(f"""<!DOCTYPE html><html><head><base href="file://{tmp_path}/">
<script>document.write('{"x" * 10}'); fetch('file://{secret}')</script>
<link rel="stylesheet" href="file://{secret}"><style>body{{background:url(file://{secret})}}</style></head>
<body onload="alert(1)"><h1>Invitation to Tender</h1>
<iframe src="file://{secret}"></iframe><img src="private.txt"><object data="file://{secret}"></object>
<p>{TURNOVER}</p><p>{TRADING}</p>
<svg><script>alert(2)</script></svg>
</body></html>""")
    r = check_json(p)
    (t,) = r.tenders
    no_leak(r, token)
    assert has_good_findings(t)
    out = tmp_path / "r.html"
    r2 = tl("check", p, "--format", "html", "-o", out)
    no_leak(r2, token, out)
    assert "<script>alert" not in out.read_text()


def test_pdf_with_javascript_launch_and_script_attachment(tmp_path):
    js = b"app.launchURL('http://example.invalid/x'); this.exportDataObject({cName: 'macro.js', nLaunch: 2});"
    objs = {
        80: b"<< /S /JavaScript /JS 81 0 R >>",
        81: stream(js),
        82: b"<< /S /Launch /F (cmd.exe) /Win << /F (cmd.exe) /P (/c calc) >> >>",
        83: b"<< /Type /Filespec /F (macro.js) /UF (macro.js) /EF << /F 84 0 R >> >>",
        84: stream(b"var shell = new ActiveXObject('WScript.Shell'); shell.Run('calc');", b"/Type /EmbeddedFile /Subtype /application#2Fjavascript"),
        85: b"<< /Names [(macro.js) 83 0 R] >>",
    }
    p = tmp_path / "ITT-interactive.pdf"
    p.write_bytes(pdf_pages([text_content([TURNOVER, TRADING])], extra_objs=objs,
                            catalog_extra=b"/OpenAction 80 0 R /AA << /WC 82 0 R >> /Names << /EmbeddedFiles 85 0 R /JavaScript << /Names [(a) 80 0 R] >> >>"))
    r = check_json(p)
    (t,) = r.tenders
    assert has_good_findings(t)
    assert "attachment-not-read" in codes(t), (t["errors"], t["warnings"])
    assert t["assessment"] != "assessed"


def test_pdf_portfolio_cover_plus_attached_docx(tmp_path):
    att = make_docx(tmp_path / "a.docx").read_bytes()
    objs = {
        83: b"<< /Type /Filespec /F (ITT-main.docx) /UF (ITT-main.docx) /EF << /F 84 0 R >> >>",
        84: stream(att, b"/Type /EmbeddedFile /Params << /Size %d >>" % len(att)),
        85: b"<< /Names [(ITT-main.docx) 83 0 R] >>",
    }
    p = tmp_path / "tender-portfolio.pdf"
    p.write_bytes(pdf_pages([text_content(["This document is a PDF Portfolio.",
                                           "Open it in Adobe Acrobat to view the files it contains."])],
                            extra_objs=objs,
                            catalog_extra=b"/Names << /EmbeddedFiles 85 0 R >> /Collection << /View /D >>"))
    (tmp_path / "a.docx").unlink()
    r = check_json(p)
    (t,) = r.tenders
    assert has_good_findings(t), (t["documents"], t["errors"], t["warnings"])
    assert any("#" in d["path"] and d["path"].endswith("ITT-main.docx") for d in t["documents"]), t["documents"]


def test_pdf_circular_page_tree(tmp_path):
    objs = {
        3: FONT,
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [10 0 R 4 0 R] /Count 3 >>",
        4: b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 4 0 R] /Count 2 >>",
        10: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 11 0 R >>",
        11: stream(text_content([TURNOVER, TRADING])),
    }
    p = tmp_path / "itt-loop.pdf"
    p.write_bytes(build_pdf(objs))
    r = check_json(p)
    (t,) = r.tenders
    read_or_flagged(t)
    if t["errors"]:
        assert r.rc == 2


# --------------------------------------------------------------------------- unreadable


def test_fifo_socket_and_device_never_opened(tmp_path, good_docx):
    fifo = tmp_path / "ITT-upload.pdf"
    os.mkfifo(fifo)
    sock_path = tmp_path / "portal.sock"
    s = socket.socket(socket.AF_UNIX)
    s.bind(str(sock_path))
    try:
        r = check_json(fifo, sock_path, good_docx, max_seconds=120)
    finally:
        s.close()
    t_fifo, t_sock, t_good = r.tenders
    assert_unreadable(r, t_fifo, "unreadable", fifo.name)
    assert_unreadable(r, t_sock, "unreadable", sock_path.name)
    assert has_good_findings(t_good)


def test_folder_pack_with_fifo_and_empty_file(tmp_path):
    folder = tmp_path / "ITT-2026-07"
    folder.mkdir()
    (folder / "01-ITT.txt").write_text(good_text())
    os.mkfifo(folder / "02-pricing.xlsx.part")
    (folder / "03-specification.docx").write_bytes(b"")
    r = check_json(folder, max_seconds=120)
    (t,) = r.tenders
    assert has_good_findings(t)
    got = {e["code"] for e in t["errors"]}
    assert {"unreadable", "empty"} <= got, t["errors"]
    assert_unreadable(r, t, "unreadable", "02-pricing.xlsx.part")
    assert_unreadable(r, t, "empty", "03-specification.docx")
    assert t["assessment"] == "partly-assessed"


def test_truncated_download_pdf(tmp_path):
    full = pdf_pages([text_content([TURNOVER]), text_content([TRADING] + ["Schedule of rates."] * 40)])
    cut = full.rfind(b"stream\n") + 60  # inside the last page's content stream; no xref, no trailer
    p = tmp_path / "ITT-partial-download.pdf"
    p.write_bytes(full[:cut])
    r = check_json(p)
    (t,) = r.tenders
    assert_documented(t)
    if t["errors"] and not t["findings"]:
        assert_unreadable(r, t, "corrupt", p.name)
    elif not has_good_findings(t):
        # page 2 was lost: the report must say so
        assert_not_clean(t)


def test_truncated_docx_and_not_found_in_batch(tmp_path, good_docx):
    raw = good_docx.read_bytes()
    bad = tmp_path / "ITT-Appendix-B.docx"
    bad.write_bytes(raw[: len(raw) // 2])
    missing = tmp_path / "ITT-Appendix-C.pdf"
    r = check_json(bad, missing, good_docx)
    t_bad, t_missing, t_good = r.tenders
    assert_unreadable(r, t_bad, "corrupt", bad.name)
    assert_unreadable(r, t_missing, "not-found", missing.name)
    assert has_good_findings(t_good)
    assert [t["source"] for t in r.tenders] == [str(bad), str(missing), str(good_docx)]


def test_empty_zip_and_zip_of_folders(tmp_path, good_docx):
    empty = tmp_path / "pack-empty.zip"
    empty.write_bytes(zip_bytes({}))
    dirs = tmp_path / "pack-folders-only.zip"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(zipfile.ZipInfo("ITT/"), b"")
        z.writestr(zipfile.ZipInfo("ITT/appendices/"), b"")
    dirs.write_bytes(buf.getvalue())
    r = check_json(empty, dirs, good_docx)
    t1, t2, t_good = r.tenders
    assert_unreadable(r, t1, "empty", empty.name)
    assert_unreadable(r, t2, "empty", dirs.name)
    assert has_good_findings(t_good)


# --------------------------------------------------------------------------- mislabelled


def test_extension_lies_pdf_as_docx_and_docx_as_pdf(tmp_path, good_docx):
    a = tmp_path / "ITT-main.docx"
    a.write_bytes(good_pdf_bytes())
    b = tmp_path / "ITT-schedule.pdf"
    b.write_bytes(good_docx.read_bytes())
    r = check_json(a, b)
    for t in r.tenders:
        assert has_good_findings(t), (t["source"], t["errors"])
    assert r.tenders[0]["documents"][0]["format"] == "pdf"
    assert r.tenders[1]["documents"][0]["format"] == "docx"


def test_legacy_doc_named_docx(tmp_path, good_docx):
    wd = struct.pack("<HH", 0xA5EC, 0x00C1) + b"\0" * 1000 + TURNOVER.encode("cp1252")
    p = tmp_path / "ITT-2009-template.docx"
    p.write_bytes(cfb({"WordDocument": wd, "1Table": b"\0" * 4096}))
    r = check_json(p, good_docx)
    t, t_good = r.tenders
    assert_unreadable(r, t, "unsupported-format", p.name)
    assert has_good_findings(t_good)


def test_web_error_pages_saved_as_tender_documents(tmp_path, good_docx):
    a = tmp_path / "ITT-Part-2.pdf"
    a.write_text("<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1>"
                 "<p>The requested URL /tenders/download/ITT-Part-2.pdf was not found on this server.</p>"
                 "<hr><address>Apache/2.4.41 (Ubuntu) Server at tenders.example.gov.uk Port 443</address></body></html>")
    b = tmp_path / "specification.docx"
    b.write_text("<!DOCTYPE html><html><head><title>Sign in - e-Tendering Portal</title></head><body>"
                 "<h1>Sign in</h1><p>Your session has expired. Please sign in to continue.</p>"
                 "<form action='/login' method='post'><label>Username</label><input name='u'>"
                 "<label>Password</label><input type='password' name='p'><button>Sign in</button></form></body></html>")
    c = tmp_path / "pricing.html"
    c.write_text("<html><head><title>403 Forbidden</title></head><body><h1>Access Denied</h1>"
                 "<p>You don't have permission to access this resource.</p>"
                 "<p>Reference #18.2f3c1b17.1767225600.9a8b7c</p></body></html>")
    r = check_json(a, b, c, good_docx)
    *bad, t_good = r.tenders
    for t, f in zip(bad, (a, b, c), strict=True):
        assert_unreadable(r, t, "not-a-tender", f.name)
        assert t["assessment"] == "not-assessed"
    assert has_good_findings(t_good)


def test_image_gzip_tar_named_as_documents(tmp_path, good_docx):
    png = tmp_path / "ITT-signed.pdf"
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 20, 20, 8, 0, 0, 0, 0))
                    + chunk(b"IDAT", zlib.compress(b"".join(b"\0" + bytes(20) for _ in range(20)))) + chunk(b"IEND", b""))
    gz = tmp_path / "ITT.txt"
    gz.write_bytes(gzip.compress(good_text().encode()))
    tb = io.BytesIO()
    with tarfile.open(fileobj=tb, mode="w") as tf:
        data = good_text().encode()
        ti = tarfile.TarInfo("ITT.txt")
        ti.size = len(data)
        tf.addfile(ti, io.BytesIO(data))
    tar = tmp_path / "tender-pack.zip"
    tar.write_bytes(tb.getvalue())
    r = check_json(png, gz, tar, good_docx)
    t_png, t_gz, t_tar, t_good = r.tenders
    assert_unreadable(r, t_png, "unsupported-format", png.name)
    msg = t_png["errors"][0]["message"].lower()
    assert "png" in msg or "image" in msg, msg
    assert_unreadable(r, t_gz, "unsupported-format", gz.name)
    assert_unreadable(r, t_tar, "unsupported-format", tar.name)
    assert has_good_findings(t_good)


def test_odt_xlsx_rtf_mhtml_renamed(tmp_path, good_docx):
    odt = tmp_path / "ITT-libreoffice.docx"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", '<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text><text:p>' + TURNOVER + '</text:p></office:text></office:body></office:document-content>')
        z.writestr("META-INF/manifest.xml", '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>')
    odt.write_bytes(buf.getvalue())
    xlsx = tmp_path / "pricing-schedule.docx"
    xlsx.write_bytes(zip_bytes({
        "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        "_rels/.rels": b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": b'<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Prices" sheetId="1"/></sheets></workbook>',
    }))
    rtf = tmp_path / "ITT-wordpad.txt"
    rtf.write_text(r"{\rtf1\ansi\deff0{\fonttbl{\f0 Arial;}}\f0\fs22 " + TURNOVER.replace("£", r"\'a3") + r"\par " + TRADING + r"\par}")
    mht = tmp_path / "notice.html"
    mht.write_text("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"----=_NextPart_000\"\r\n\r\n"
                   "------=_NextPart_000\r\nContent-Type: text/html; charset=\"utf-8\"\r\nContent-Location: file:///C:/notice.htm\r\n\r\n"
                   f"<html><body><p>{TURNOVER}</p></body></html>\r\n------=_NextPart_000--\r\n")
    r = check_json(odt, xlsx, rtf, mht, good_docx)
    *bad, t_good = r.tenders
    for t, f in zip(bad, (odt, xlsx, rtf, mht), strict=True):
        if has_good_findings(t) or t["findings"]:
            continue  # read by its real content: acceptable
        assert_unreadable(r, t, "unsupported-format", f.name)
    assert has_good_findings(t_good)


def test_binary_posing_as_text_and_cp1252_utf16_text(tmp_path, good_docx):
    elf = tmp_path / "ITT-readme.txt"
    elf.write_bytes(b"\x7fELF\x02\x01\x01\0" + random.Random(17).randbytes(20000))
    w1252 = tmp_path / "itt-windows.txt"
    w1252.write_bytes(("\u201cInvitation to Tender\u201d\r\n" + TURNOVER + "\r\n" + TRADING + "\r\n").encode("cp1252"))
    u16 = tmp_path / "itt-unicode.txt"
    u16.write_bytes(good_text().encode("utf-16"))
    r = check_json(elf, w1252, u16, good_docx)
    t_elf, t_w, t_u, t_good = r.tenders
    assert_unreadable(r, t_elf, "corrupt", elf.name)
    for t in (t_w, t_u, t_good):
        assert has_good_findings(t), (t["source"], t["errors"], rules(t))
        assert t["facts"]["min_turnover"] == 5_000_000


def test_xfa_only_form(tmp_path, good_docx):
    xfa = stream(b'<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/"><template xmlns="http://www.xfa.org/schema/xfa-template/3.3/"><subform name="form1"><field name="Turnover"/></subform></template></xdp:xdp>')
    objs = {70: b"<< /Fields [] /XFA 71 0 R /NeedsRendering true >>", 71: xfa}
    p = tmp_path / "SQ-response-form.pdf"
    p.write_bytes(pdf_pages([text_content(["Please wait...", "",
                                           "If this message is not eventually replaced by the proper contents of the document, your PDF",
                                           "viewer may not be able to display this type of document."])],
                            extra_objs=objs, catalog_extra=b"/AcroForm 70 0 R /NeedsRendering true"))
    r = check_json(p, good_docx)
    t, t_good = r.tenders
    assert_unreadable(r, t, "unsupported-format", p.name)
    assert has_good_findings(t_good)


def test_docx_with_too_many_parts(tmp_path):
    c = cfg(tmp_path, "[limits]\nmax-zip-members = 100\n")
    src = make_docx(tmp_path / "src.docx")
    with zipfile.ZipFile(src) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    for i in range(300):
        parts[f"customXml/item{i}.xml"] = b"<x/>"
    p = tmp_path / "ITT-many-parts.docx"
    p.write_bytes(zip_bytes(parts))
    src.unlink()
    r = check_json(p, extra=("--config", c))
    assert_unreadable(r, r.tenders[0], "zip-too-many-members", p.name)


# --------------------------------------------------------------------------- packs mixing classes + formats


def _mixed_pack(tmp_path: Path) -> Path:
    from pypdf import PdfReader, PdfWriter
    good = make_docx(tmp_path / "g.docx").read_bytes()
    plain = tmp_path / "plain.pdf"
    plain.write_bytes(pdf_pages([text_content(["Schedule 4: Pricing. Rates are fixed for the first year."])]))
    w = PdfWriter(clone_from=PdfReader(str(plain)))
    w.encrypt(user_password="pw", algorithm="AES-128")
    enc = io.BytesIO()
    w.write(enc)
    scan = pdf_pages([SCAN_CONTENT], extra_objs={90: image_obj()}, page_res_extra=IMG_RES)
    err404 = b"<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1><p>The requested URL was not found on this server.</p></body></html>"
    pack = tmp_path / "tender-pack-mixed.zip"
    pack.write_bytes(zip_bytes({
        "01-ITT.docx": good,
        "02-pricing-schedule.pdf": enc.getvalue(),
        "03-signed-declaration.pdf": scan,
        "04-specification.pdf": err404,
        "05-bomb.txt": b"\0" * (40 * 1024 * 1024),
        "../06-escape.txt": b"x",
    }))
    (tmp_path / "g.docx").unlink()
    plain.unlink()
    return pack


def test_mixed_pack_json(tmp_path):
    pack = _mixed_pack(tmp_path)
    r = check_json(pack)
    (t,) = r.tenders
    assert has_good_findings(t)
    got = {e["code"] for e in t["errors"]}
    want = {"encrypted", "no-text-layer", "not-a-tender", "zip-bomb", "unsafe-path"}
    assert want <= got, (want - got, t["errors"])
    assert t["assessment"] == "partly-assessed"
    assert r.rc == 2
    for name, code in [("02-pricing-schedule.pdf", "encrypted"), ("03-signed-declaration.pdf", "no-text-layer"),
                       ("04-specification.pdf", "not-a-tender"), ("05-bomb.txt", "zip-bomb")]:
        assert_unreadable(r, t, code, name)


def test_mixed_pack_csv_sarif_html_letter(tmp_path):
    pack = _mixed_pack(tmp_path)
    # CSV per finding: unread files are rows with status not-read
    out = tmp_path / "r.csv"
    r = tl("check", pack, "--format", "csv", "-o", out)
    assert r.rc == 2
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows and "status" in rows[0]
    assert sum(row["status"] == "not-read" for row in rows) >= 4, rows
    assert {"TL102", "TL103"} <= {row.get("rule") for row in rows}
    # CSV summary
    out_s = tmp_path / "s.csv"
    tl("check", pack, "--format", "csv", "--summary", "-o", out_s)
    srows = list(csv.DictReader(io.StringIO(out_s.read_bytes().decode("utf-8-sig"))))
    assert len(srows) == 1
    assert "partly-assessed" in srows[0].values(), srows[0]
    # SARIF
    out_j = tmp_path / "r.sarif"
    tl("check", pack, "--format", "sarif", "-o", out_j)
    sarif = json.loads(out_j.read_text())
    assert sarif["version"] == "2.1.0" and sarif["runs"]
    results = [res["ruleId"] for run in sarif["runs"] for res in run.get("results", [])]
    assert {"TL102", "TL103"} <= set(results)
    tenders = [tt for run in sarif["runs"] for tt in run.get("properties", {}).get("tenders", [])]
    assert tenders and all(tt["assessment"] == "partly-assessed" for tt in tenders), tenders
    # HTML: well-formed enough to parse, a banner naming what was not read
    out_h = tmp_path / "r.html"
    tl("check", pack, "--format", "html", "-o", out_h)
    html = out_h.read_text()
    p = HTMLParser()
    p.feed(html)
    p.close()
    assert "02-pricing-schedule.pdf" in html and "03-signed-declaration.pdf" in html
    assert "no barriers found" not in html.lower() and "nothing of concern" not in html.lower()
    assert "http://" not in html.replace("http://www.w3.org", "") or "<link" not in html
    # letter
    out_l = tmp_path / "r.md"
    tl("check", pack, "--format", "letter", "-o", out_l)
    letter = out_l.read_text()
    assert "02-pricing-schedule.pdf" in letter
    assert "nothing of concern" not in letter.lower() and "no barriers found" not in letter.lower()


def test_not_assessed_letter_and_html(tmp_path):
    from pypdf import PdfReader, PdfWriter
    plain = tmp_path / "plain.pdf"
    plain.write_bytes(good_pdf_bytes())
    w = PdfWriter(clone_from=PdfReader(str(plain)))
    w.encrypt(user_password="pw", algorithm="RC4-128")
    enc = tmp_path / "ITT.pdf"
    with open(enc, "wb") as f:
        w.write(f)
    plain.unlink()
    out_l = tmp_path / "letter.md"
    r = tl("check", enc, "--format", "letter", "-o", out_l)
    assert r.rc == 2
    letter = out_l.read_text().lower()
    assert ("could not be assessed" in letter or "not be assessed" in letter
            or "could not assess" in letter), letter[:2000]
    assert "no barriers found" not in letter and "nothing of concern" not in letter
    out_h = tmp_path / "r.html"
    tl("check", enc, "--format", "html", "-o", out_h)
    html = out_h.read_text().lower()
    assert "no barriers found" not in html and "nothing of concern" not in html
    r = check_json(enc)
    t = r.tenders[0]
    assert t["assessment"] == "not-assessed" and not t["findings"]
    assert t["facts"]["min_turnover"] is None


def test_folder_of_hostile_files_split_and_batch(tmp_path, good_docx):
    # a folder pack mixing a good tender text, a legacy doc, an ELF binary and an HTML error page
    folder = tmp_path / "ITT-folder"
    folder.mkdir()
    (folder / "ITT.txt").write_text(good_text())
    (folder / "old-template.doc").write_bytes(cfb({"WordDocument": struct.pack("<HH", 0xA5EC, 0xC1) + b"\0" * 4000}))
    (folder / "tool.txt").write_bytes(b"\x7fELF\x02\x01\x01\0" + bytes(range(256)) * 40)
    (folder / "annex.html").write_text("<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>")
    r = check_json(folder, good_docx)
    t, t_good = r.tenders
    assert has_good_findings(t)
    got = {e["code"] for e in t["errors"]}
    assert {"unsupported-format", "corrupt", "not-a-tender"} <= got, t["errors"]
    assert t["assessment"] == "partly-assessed"
    assert has_good_findings(t_good)
    assert r.rc == 2


def test_audit_archive_of_hostile_tenders(tmp_path):
    from pypdf import PdfReader, PdfWriter
    arch = tmp_path / "archive"
    arch.mkdir()
    make_docx(arch / "T001-good.docx")
    plain = tmp_path / "plain.pdf"
    plain.write_bytes(good_pdf_bytes())
    w = PdfWriter(clone_from=PdfReader(str(plain)))
    w.encrypt(user_password="pw", algorithm="AES-256")
    with open(arch / "T002-encrypted.pdf", "wb") as f:
        w.write(f)
    (arch / "T003-scan.pdf").write_bytes(pdf_pages([SCAN_CONTENT], extra_objs={90: image_obj()}, page_res_extra=IMG_RES))
    (arch / "T004-pack.zip").write_bytes(zip_bytes({"ITT.txt": good_text().encode(), "../x.txt": b"x"}))
    (arch / "T005-empty.docx").write_bytes(b"")
    os.mkfifo(arch / "T006-pipe.pdf")
    (arch / "T007-partial.pdf").write_bytes(pdf_pages([text_content([TURNOVER, TRADING]), SCAN_CONTENT],
                                                      extra_objs={90: image_obj()}, page_res_extra=IMG_RES))
    db = tmp_path / "audit.sqlite"
    r = tl("audit", arch, "--db", db, "--workers", "2", "--no-progress", max_seconds=200)
    assert r.rc == 0, r.err[-3000:]
    con = sqlite3.connect(db)
    st = dict(con.execute("SELECT key, status FROM tenders"))
    con.close()
    def status(prefix):
        ks = [k for k in st if prefix in k]
        assert ks, (prefix, st)
        return st[ks[0]]
    assert len(st) == 7, st
    assert status("T001") == "done"
    assert status("T002") == "failed"
    assert status("T003") == "failed"
    assert status("T004") == "partial"
    assert status("T005") == "failed"
    assert status("T006") == "failed"
    assert status("T007") == "partial"
    con = sqlite3.connect(db)
    errs = {(k, c) for k, c in con.execute("SELECT tender_key, code FROM errors")}
    nf = dict(con.execute("SELECT key, n_findings FROM tenders"))
    con.close()
    codes_by = {}
    for k, c in errs:
        codes_by.setdefault(k, set()).add(c)
    assert any("encrypted" in v for k, v in codes_by.items() if "T002" in k), codes_by
    assert any("unsafe-path" in v for k, v in codes_by.items() if "T004" in k), codes_by
    assert any("page-no-text-layer" in v for k, v in codes_by.items() if "T007" in k), codes_by
    assert [v for k, v in nf.items() if "T001" in k][0] >= 2
    # audit-report writes valid tables
    rep = tmp_path / "rep"
    tl("audit-report", db, "-o", rep)
    for name in ("tenders.csv", "findings.csv", "errors.csv", "summary.html"):
        assert (rep / name).exists(), name
    rows = list(csv.DictReader(io.StringIO((rep / "errors.csv").read_bytes().decode("utf-8-sig"))))
    assert len(rows) >= 6
