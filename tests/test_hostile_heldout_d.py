"""Held-out hostile-input tests, set D.

Written blind from README.md only (exit codes, input error codes, assessment,
limits).  Every hostile input is generated at test time under tmp_path.

First run, blind: 34 passed, 4 failed, each a file whose content was not read reported clean: a
PDF portfolio (only its cover page read), an XFA-only form (only its placeholder page), a PDF
whose Type 3 glyphs map to no letters (gibberish linted), a Word web archive (MHTML) named
.docx. Fixed after: a PDF's attachments are read as files of the pack; an XFA-only form and
undecodable text are refused or warned; MHTML is named for what it is.
"""
from __future__ import annotations

import base64
import csv
import io
import json
import os
import re
import resource
import sqlite3
import subprocess
import sys
import time
import zipfile
import zlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python")
if not Path(PY).exists():
    PY = sys.executable

TIMEOUT = 240

DOCUMENTED_CODES = {
    "not-found", "unreadable", "empty", "unsupported-format", "encrypted",
    "no-text-layer", "corrupt", "too-large", "too-many-pages", "too-many-chars",
    "not-a-tender", "too-complex", "zip-too-many-members", "zip-too-large",
    "zip-bomb", "zip-nested-too-deep", "unsafe-path", "symlink", "timeout",
    "out-of-memory",
}
DOCUMENTED_WARNINGS = {"page-no-text-layer", "page-too-complex", "page-unreadable", "analysis-time"}

TURNOVER = "Bidders must have a minimum annual turnover of £5 million. The contract value is £200,000 per year."
TRADING = "Bidders must have been trading for at least five years."
GOOD_RULES = {"TL102", "TL103"}

SECRET = "ZQX-SECRET-MARKER-"  # every planted secret starts with this


# --------------------------------------------------------------------------- runner

def _limit():
    gib4 = 4 * 1024 ** 3
    resource.setrlimit(resource.RLIMIT_AS, (gib4, gib4))


def _session_members(sid: int) -> list[int]:
    found = []
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            stat = Path(f"/proc/{d}/stat").read_text()
        except OSError:
            continue
        rest = stat[stat.rfind(")") + 2:].split()
        # fields after comm: state ppid pgrp session
        try:
            if int(rest[3]) == sid and rest[0] != "Z":
                found.append(int(d))
        except (IndexError, ValueError):
            pass
    return found


class Result:
    def __init__(self, rc, out, err, orphans):
        self.rc, self.out, self.err, self.orphans = rc, out, err, orphans

    @property
    def json(self):
        return json.loads(self.out)


def run(args, cwd, timeout=TIMEOUT) -> Result:
    p = subprocess.Popen(
        [PY, "-m", "tenderlint", *map(str, args)], cwd=str(cwd),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        preexec_fn=_limit, start_new_session=True,
    )
    try:
        out, err = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, 9)
        p.communicate()
        pytest.fail(f"tenderlint did not finish within {timeout}s: {args}")
    orphans = []
    for _ in range(20):
        orphans = _session_members(p.pid)
        if not orphans:
            break
        time.sleep(0.1)
    for pid in orphans:
        try:
            os.kill(pid, 9)
        except OSError:
            pass
    return Result(p.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"), orphans)


def check(paths, cwd, fmt="json", extra=()) -> Result:
    r = run(["check", *paths, "--format", fmt, "--isolated", *extra], cwd)
    common(r)
    return r


def common(r: Result):
    both = r.out + r.err
    assert "Traceback" not in both, both[-3000:]
    assert SECRET not in both, "planted secret leaked: " + both[both.find(SECRET) - 200: both.find(SECRET) + 100]
    assert not r.orphans, f"orphaned child processes left running: {r.orphans}"


def tender_for(r: Result, name: str):
    data = r.json
    for t in data["tenders"]:
        if Path(str(t["source"])).name == name or str(t["source"]).endswith(name):
            return t
    raise AssertionError(f"no tender reported for {name}: {[t['source'] for t in data['tenders']]}")


def rules_of(t) -> set[str]:
    return {f["rule"] for f in t["findings"]}


def assert_error(r: Result, t, name: str, codes):
    codes = set(codes)
    assert codes <= DOCUMENTED_CODES
    errs = [e for e in t["errors"] if name in str(e.get("path", "")) or name in str(e.get("message", ""))]
    assert errs, f"no errors entry naming {name}: {t['errors']}"
    assert any(e["code"] in codes for e in errs), f"{name}: error codes {[e['code'] for e in errs]}, expected one of {codes}"
    lines = [ln for ln in r.err.splitlines() if ln.startswith("tenderlint: ") and name in ln]
    assert lines, f"no stderr line naming {name}: {r.err[-2000:]}"
    assert any(re.search(rf": ({'|'.join(map(re.escape, codes))}): ", ln) for ln in lines), lines
    assert t["assessment"] != "assessed", t["assessment"]


def assert_good_findings(t):
    assert GOOD_RULES <= rules_of(t), f"good tender's findings missing: {rules_of(t)} errors={t['errors']}"


def assert_read_or_error(r: Result, name: str, want_findings=True):
    """For an input the README leaves open: either it is read (and its tender text yields
    findings) or it gets a documented error code; never a silent clean 'assessed' report."""
    t = tender_for(r, name)
    assert r.rc in (1, 2), f"{name}: exit {r.rc}, assessment {t['assessment']}, findings {rules_of(t)}, errors {t['errors']}"
    if r.rc == 1:
        if want_findings:
            assert GOOD_RULES & rules_of(t), f"{name}: exit 1 but the tender's barriers not found: {rules_of(t)}"
    else:
        assert t["errors"], f"{name}: exit 2 with no errors entry"
        assert_error(r, t, name, {e["code"] for e in t["errors"]} & DOCUMENTED_CODES or {"corrupt"})
    if t["assessment"] == "assessed":
        assert t["findings"], f"{name}: clean 'assessed' report"
    return t


# --------------------------------------------------------------------------- builders

def good_docx(path: Path, extra_paras=(), ref="HD/2027/001") -> Path:
    import docx
    d = docx.Document()
    d.add_paragraph(f"Tender reference: {ref}")
    d.add_paragraph(TURNOVER)
    d.add_paragraph(TRADING)
    for p in extra_paras:
        d.add_paragraph(p)
    d.save(str(path))
    return path


def pdf_str(s: str) -> bytes:
    b = s.encode("cp1252")
    out = bytearray(b"(")
    for c in b:
        if c in b"()\\":
            out += b"\\" + bytes([c])
        elif c > 126 or c < 32:
            out += b"\\%03o" % c
        else:
            out.append(c)
    return bytes(out + b")")


def text_content(lines, size=8, x=40, y=740) -> bytes:
    parts = [b"BT /F1 %d Tf %d %d Td %d TL" % (size, x, y, size + 4)]
    for ln in lines:
        parts.append(pdf_str(ln) + b" '")
    parts.append(b"ET")
    return b"\n".join(parts)


def stream_obj(data: bytes, dict_extra: bytes = b"", compress=True) -> bytes:
    if compress:
        data = zlib.compress(data)
        dict_extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), dict_extra) + data + b"\nendstream"


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"


def build_pdf(objs: dict, root=1, header=b"%PDF-1.7", trailer_extra=b"") -> bytes:
    out = bytearray(header + b"\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    n = max(objs)
    for i in range(1, n + 1):
        if i not in objs:
            continue
        offsets[i] = len(out)
        out += b"%d 0 obj\n" % i + objs[i] + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (n + 1)
    for i in range(1, n + 1):
        if i in offsets:
            out += b"%010d 00000 n \n" % offsets[i]
        else:
            out += b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root %d 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (n + 1, root, trailer_extra, xref)
    return bytes(out)


def simple_pdf_objs(content: bytes, page_extra=b"", catalog_extra=b"", resources_extra=b"") -> dict:
    return {
        1: b"<< /Type /Catalog /Pages 2 0 R%s >>" % catalog_extra,
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >>%s >> /Contents 4 0 R%s >>"
           % (resources_extra, page_extra),
        4: stream_obj(content),
        5: FONT,
    }


def text_pdf(path: Path, lines=(TURNOVER, TRADING), **kw) -> Path:
    path.write_bytes(build_pdf(simple_pdf_objs(text_content(lines), **kw)))
    return path


def zip_bytes(members, comment=b"") -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            z.writestr(name, data)
        z.comment = comment
    return buf.getvalue()


def rewrite_docx(src: Path, dst: Path, replace=None, add=(), content_type_sub=None):
    zin = zipfile.ZipFile(src)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if replace and info.filename in replace:
                data = replace[info.filename](data)
            if content_type_sub and info.filename == "[Content_Types].xml":
                for a, b in content_type_sub:
                    data = data.replace(a, b)
            z.writestr(info.filename, data)
        for name, data, *method in add:
            z.writestr(zipfile.ZipInfo(name), data, compress_type=method[0] if method else zipfile.ZIP_DEFLATED)
    dst.write_bytes(buf.getvalue())
    return dst


@pytest.fixture
def good(tmp_path) -> Path:
    return good_docx(tmp_path / "good-itt.docx")


# --------------------------------------------------------------------------- the good tender alone

def test_good_tender_alone_yields_findings(tmp_path, good):
    r = check([good], tmp_path)
    assert r.rc == 1, r.err
    t = tender_for(r, good.name)
    assert_good_findings(t)
    assert t["assessment"] == "assessed" and not t["errors"]


def test_good_text_pdf_alone_yields_findings(tmp_path):
    p = text_pdf(tmp_path / "plain.pdf")
    r = check([p], tmp_path)
    assert r.rc == 1, r.err
    assert_good_findings(tender_for(r, p.name))


# --------------------------------------------------------------------------- encrypted

def _encrypt_pdf(src: Path, dst: Path, user: str, owner: str, permissions=None):
    import pypdf
    rd = pypdf.PdfReader(str(src))
    w = pypdf.PdfWriter()
    for pg in rd.pages:
        w.add_page(pg)
    w.add_metadata({"/Title": "Invitation to Tender", "/Author": "Procurement"})
    kw = {"algorithm": "AES-256"}
    if permissions is not None:
        kw["permissions_flag"] = permissions
    w.encrypt(user, owner, **kw)
    with open(dst, "wb") as f:
        w.write(f)
    return dst


def test_aes256_user_password_pdf_named_docx_is_encrypted(tmp_path, good):
    """An AES-256 (R6) encrypted PDF whose name says .docx: sniffed, then 'encrypted'."""
    plain = text_pdf(tmp_path / "src.pdf", lines=(TURNOVER, TRADING, SECRET + "AES256"))
    bad = _encrypt_pdf(plain, tmp_path / "Specification-v3.docx", "s3cr3t-ünïcode", "owner")
    plain.unlink()
    r = check([good, bad], tmp_path)
    assert r.rc == 2
    assert_error(r, tender_for(r, bad.name), bad.name, {"encrypted"})
    assert_good_findings(tender_for(r, good.name))


def test_owner_password_only_aes256_no_copy_permission_is_read(tmp_path):
    """Empty user password, owner password, every permission withheld: README says read."""
    plain = text_pdf(tmp_path / "src.pdf")
    bad = _encrypt_pdf(plain, tmp_path / "restricted-itt.pdf", "", "owner-only-pw", permissions=0)
    r = check([bad], tmp_path)
    assert r.rc == 1, (r.rc, r.err)
    t = tender_for(r, bad.name)
    assert_good_findings(t)
    assert not t["errors"]


def _aes_zip_member(name: bytes, payload: bytes) -> tuple[bytes, bytes]:
    """A WinZip AES (method 99, flag bit 0) member: local header+data, central header."""
    extra = b"\x01\x99" + (7).to_bytes(2, "little") + b"\x02\x00AE\x03" + (8).to_bytes(2, "little")
    data = os.urandom(16) + payload + os.urandom(10)  # salt+pv, ciphertext, auth code
    crc = 0
    local = (b"PK\x03\x04" + (51).to_bytes(2, "little") + (1).to_bytes(2, "little") + (99).to_bytes(2, "little")
             + b"\x00\x00\x21\x00" + crc.to_bytes(4, "little") + len(data).to_bytes(4, "little")
             + (len(payload) * 3).to_bytes(4, "little") + len(name).to_bytes(2, "little")
             + len(extra).to_bytes(2, "little") + name + extra + data)
    return local, extra, data, crc, len(payload) * 3


def _splice_aes_member(zbytes: bytes, name: bytes, payload: bytes) -> bytes:
    """Append a WinZip-AES encrypted member to an existing zip (rewriting the central directory)."""
    zf = zipfile.ZipFile(io.BytesIO(zbytes))
    eocd = zbytes.rfind(b"PK\x05\x06")
    cd_size = int.from_bytes(zbytes[eocd + 12:eocd + 16], "little")
    cd_off = int.from_bytes(zbytes[eocd + 16:eocd + 20], "little")
    count = int.from_bytes(zbytes[eocd + 10:eocd + 12], "little")
    body = zbytes[:cd_off]
    cd = zbytes[cd_off:cd_off + cd_size]
    local, extra, data, crc, usize = _aes_zip_member(name, payload)
    off = len(body)
    body += local
    central = (b"PK\x01\x02" + (51).to_bytes(2, "little") + (51).to_bytes(2, "little") + (1).to_bytes(2, "little")
               + (99).to_bytes(2, "little") + b"\x00\x00\x21\x00" + crc.to_bytes(4, "little")
               + len(data).to_bytes(4, "little") + usize.to_bytes(4, "little") + len(name).to_bytes(2, "little")
               + len(extra).to_bytes(2, "little") + b"\x00\x00" * 3 + b"\x00\x00\x00\x00"
               + off.to_bytes(4, "little") + name + extra)
    cd += central
    new_eocd = (b"PK\x05\x06\x00\x00\x00\x00" + (count + 1).to_bytes(2, "little") * 2 + len(cd).to_bytes(4, "little")
                + len(body).to_bytes(4, "little") + b"\x00\x00")
    del zf
    return body + cd + new_eocd


def test_zip_pack_with_winzip_aes_member_is_encrypted(tmp_path, good):
    """A pack whose pricing schedule was AES-encrypted by 7-Zip/WinZip (method 99)."""
    z = zip_bytes([("01-ITT.docx", good.read_bytes())])
    z = _splice_aes_member(z, b"02-Pricing-Schedule.pdf", SECRET.encode() + b"AESZIP" * 50)
    p = tmp_path / "pack-aes.zip"
    p.write_bytes(z)
    r = check([p], tmp_path)
    assert r.rc == 2, (r.rc, r.err)
    t = tender_for(r, p.name)
    assert_error(r, t, "02-Pricing-Schedule.pdf", {"encrypted"})
    assert_good_findings(t)
    assert t["assessment"] == "partly-assessed"


def test_smime_enveloped_der_saved_as_pdf(tmp_path, good):
    """An S/MIME enveloped-data (PKCS#7 DER) e-mail attachment saved as ITT.pdf."""
    oid = bytes.fromhex("06092a864886f70d010703")
    inner = oid + b"\xa0\x82\x04\x00" + os.urandom(1024) + (SECRET + "SMIME").encode()
    der = b"\x30\x82" + len(inner).to_bytes(2, "big") + inner
    bad = tmp_path / "ITT-encrypted-email.pdf"
    bad.write_bytes(der)
    r = check([bad, good], tmp_path)
    assert r.rc == 2, (r.rc, r.err)
    assert_error(r, tender_for(r, bad.name), bad.name, {"encrypted", "corrupt", "unsupported-format"})
    assert_good_findings(tender_for(r, good.name))


def test_openpgp_binary_message_saved_as_pdf(tmp_path):
    """A binary OpenPGP message (PKESK + SEIPD packets) saved under a .pdf name."""
    pkesk = b"\x85\x01\x0c\x03" + os.urandom(8) + b"\x01" + os.urandom(256)
    seipd = b"\xd2" + b"\xff" + (2048).to_bytes(4, "big") + b"\x01" + os.urandom(2047)
    bad = tmp_path / "Tender-Response.pdf"
    bad.write_bytes(pkesk[:3] + pkesk[3:] + seipd + (SECRET + "PGP").encode())
    r = check([bad], tmp_path, fmt="letter")
    assert r.rc == 2, (r.rc, r.err)
    lines = [ln for ln in r.err.splitlines() if bad.name in ln]
    assert any(re.search(r": (encrypted|corrupt|unsupported-format): ", ln) for ln in lines), r.err
    low = r.out.lower()
    assert "could not assess" in low or "could not be assessed" in low, r.out[:2000]


def test_docx_with_document_protection_is_read(tmp_path):
    """w:documentProtection (read-only, hashed password) is not encryption: the text is readable."""
    import docx
    from docx.oxml.ns import qn
    from lxml import etree
    src = good_docx(tmp_path / "src.docx")
    d = docx.Document(str(src))
    prot = etree.SubElement(d.settings.element, qn("w:documentProtection"))
    for k, v in {"w:edit": "readOnly", "w:enforcement": "1", "w:cryptProviderType": "rsaAES",
                 "w:cryptAlgorithmClass": "hash", "w:cryptAlgorithmType": "typeAny", "w:cryptAlgorithmSid": "14",
                 "w:cryptSpinCount": "100000", "w:hash": base64.b64encode(os.urandom(64)).decode(),
                 "w:salt": base64.b64encode(os.urandom(16)).decode()}.items():
        prot.set(qn(k), v)
    p = tmp_path / "protected-itt.docx"
    d.save(str(p))
    r = check([p], tmp_path)
    assert r.rc == 1, (r.rc, r.err)
    t = tender_for(r, p.name)
    assert_good_findings(t)
    assert not t["errors"]


# --------------------------------------------------------------------------- scanned / textless PDFs

def test_pdf_portfolio_with_embedded_files_only(tmp_path, good):
    """A PDF Portfolio (/Collection): the cover page only says to open it in Acrobat; the tender
    is an embedded DOCX. Either the attachment is read or it is an error: never a clean pass."""
    cover = text_content(["This PDF Portfolio contains the tender documents.",
                          "For the best experience, open this PDF portfolio in Acrobat X or Adobe Reader X, or later."])
    objs = simple_pdf_objs(cover, catalog_extra=b" /Collection << /Type /Collection /View /D >> /PageMode /UseAttachments"
                                                b" /Names << /EmbeddedFiles << /Names [(ITT.docx) 6 0 R] >> >>")
    objs[6] = b"<< /Type /Filespec /F (ITT.docx) /UF (ITT.docx) /EF << /F 7 0 R >> >>"
    objs[7] = stream_obj(good.read_bytes(), b" /Type /EmbeddedFile /Subtype /application#2Fvnd.openxmlformats-officedocument.wordprocessingml.document")
    p = tmp_path / "tender-portfolio.pdf"
    p.write_bytes(build_pdf(objs))
    r = check([p], tmp_path)
    assert_read_or_error(r, p.name)


def test_xfa_only_form_pdf_placeholder_page(tmp_path):
    """A LiveCycle dynamic XFA form: the real content is in the XFA stream; the only page is
    Adobe's 'Please wait...' placeholder. Not a readable tender text layer."""
    placeholder = text_content([
        "Please wait...",
        "If this message is not eventually replaced by the proper contents of the document, your PDF",
        "viewer may not be able to display this type of document.",
        "You can upgrade to the latest version of Adobe Reader for Windows, Mac, or Linux.",
    ])
    xfa = ("<?xml version='1.0'?><xdp:xdp xmlns:xdp='http://ns.adobe.com/xdp/'><template xmlns='http://www.xfa.org/schema/xfa-template/3.3/'>"
           f"<subform name='ITT'><draw><value><text>{TURNOVER}</text></value></draw>"
           f"<draw><value><text>{TRADING}</text></value></draw></subform></template></xdp:xdp>").encode()
    objs = simple_pdf_objs(placeholder, catalog_extra=b" /AcroForm << /Fields [] /XFA 6 0 R /NeedsRendering true >> /NeedsRendering true")
    objs[6] = stream_obj(xfa)
    p = tmp_path / "selection-questionnaire.pdf"
    p.write_bytes(build_pdf(objs))
    r = check([p], tmp_path)
    assert_read_or_error(r, p.name)


def test_incremental_update_that_blanks_the_only_page(tmp_path):
    """Original revision has text; an incremental update replaces the page's content with a
    full-page image-like fill. The current document has no text: must not be 'assessed'."""
    base = build_pdf(simple_pdf_objs(text_content([SECRET + "OLDREVISION " + TURNOVER, TRADING])))
    startxref = int(base.rsplit(b"startxref", 1)[1].split()[0])
    upd = bytearray(base)
    off4 = len(upd)
    upd += b"4 0 obj\n" + stream_obj(b"q 0.9 g 0 0 612 792 re f Q") + b"\nendobj\n"
    xref = len(upd)
    upd += b"xref\n0 1\n0000000000 65535 f \n4 1\n%010d 00000 n \n" % off4
    upd += b"trailer\n<< /Size 6 /Root 1 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (startxref, xref)
    p = tmp_path / "redacted-itt.pdf"
    p.write_bytes(bytes(upd))
    r = check([p], tmp_path)
    assert r.rc == 2, (r.rc, r.err, r.out[:1500])
    assert_error(r, tender_for(r, p.name), p.name, {"no-text-layer"})


def test_type3_outline_glyphs_without_tounicode(tmp_path):
    """Text drawn with a Type3 font whose glyphs are outlines named /g0../gN, codes assigned in
    order of appearance, no ToUnicode: the text layer cannot be turned into words. The tender
    must not be reported clean and 'assessed'."""
    text = TURNOVER + " " + TRADING
    codes: dict[str, int] = {}
    for ch in text:
        codes.setdefault(ch, 33 + len(codes))
    n = len(codes)
    procs = {}
    objs = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
    }
    nxt = 6
    for _ch, c in codes.items():
        procs[c] = nxt
        objs[nxt] = stream_obj(b"500 0 0 0 450 700 d1 %d 0 %d 600 re f" % (c % 7 * 10, 300 + c % 5 * 20))
        nxt += 1
    diffs = b" ".join(b"/g%d" % (c - 33) for c in range(33, 33 + n))
    charprocs = b" ".join(b"/g%d %d 0 R" % (c - 33, procs[c]) for c in range(33, 33 + n))
    objs[5] = (b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0]"
               b" /CharProcs << %s >> /Encoding << /Type /Encoding /Differences [33 %s] >> /FirstChar 33 /LastChar %d"
               b" /Widths [%s] /Resources << >> >>" % (charprocs, diffs, 32 + n, b" ".join([b"520"] * n)))
    enc = bytes(codes[ch] for ch in text)
    lines = [enc[i:i + 90] for i in range(0, len(enc), 90)]
    content = b"BT /F1 9 Tf 30 740 Td 13 TL\n" + b"\n".join(
        b"(" + ln.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b") '" for ln in lines) + b"\nET"
    objs[4] = stream_obj(content)
    p = tmp_path / "outlined-itt.pdf"
    p.write_bytes(build_pdf(objs))
    r = check([p], tmp_path)
    t = tender_for(r, p.name)
    assert r.rc in (1, 2), (r.rc, t["assessment"], t["errors"], t["warnings"])
    if r.rc == 2:
        assert_error(r, t, p.name, DOCUMENTED_CODES)


def test_rotated_page_is_read(tmp_path):
    p = text_pdf(tmp_path / "landscape-itt.pdf", page_extra=b" /Rotate 90")
    r = check([p], tmp_path)
    assert r.rc == 1, (r.rc, r.err)
    assert_good_findings(tender_for(r, p.name))


def test_pdf20_object_streams_and_xref_stream_only(tmp_path):
    """PDF 2.0 with every dictionary in an object stream and a cross-reference stream (no
    classic xref table, no trailer dictionary)."""
    content = zlib.compress(text_content([TURNOVER, TRADING]))
    inner = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        5: FONT,
    }
    hdr, body = b"", b""
    for num, data in inner.items():
        hdr += b"%d %d " % (num, len(body))
        body += data + b"\n"
    objstm = hdr + body
    out = bytearray(b"%PDF-2.0\n%\xe2\xe3\xcf\xd3\n")
    off = {}
    off[4] = len(out)
    out += b"4 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream\nendobj\n"
    comp = zlib.compress(objstm)
    off[6] = len(out)
    out += (b"6 0 obj\n<< /Type /ObjStm /N %d /First %d /Length %d /Filter /FlateDecode >>\nstream\n"
            % (len(inner), len(hdr), len(comp)) + comp + b"\nendstream\nendobj\n")
    off[7] = len(out)
    rows = []
    idx = {n: i for i, n in enumerate(inner)}
    for n in range(8):
        if n == 0:
            rows.append(b"\x00" + (0).to_bytes(4, "big") + b"\xff\xff")
        elif n in inner:
            rows.append(b"\x02" + (6).to_bytes(4, "big") + idx[n].to_bytes(2, "big"))
        else:
            rows.append(b"\x01" + off[n].to_bytes(4, "big") + b"\x00\x00")
    xs = zlib.compress(b"".join(rows))
    out += (b"7 0 obj\n<< /Type /XRef /Size 8 /W [1 4 2] /Root 1 0 R /ID [<%s> <%s>] /Length %d /Filter /FlateDecode >>\nstream\n"
            % (os.urandom(16).hex().encode(), os.urandom(16).hex().encode(), len(xs)) + xs + b"\nendstream\nendobj\n")
    out += b"startxref\n%d\n%%%%EOF\n" % off[7]
    p = tmp_path / "pdf20-itt.pdf"
    p.write_bytes(bytes(out))
    r = check([p], tmp_path)
    assert r.rc == 1, (r.rc, r.err)
    assert_good_findings(tender_for(r, p.name))


def test_linearized_pdf_with_broken_hint_table(tmp_path):
    objs = simple_pdf_objs(text_content([TURNOVER, TRADING]))
    objs[6] = b"<< /Linearized 1 /L 99999999 /H [ 7777777 4242 ] /O 3 /E 123 /N 1 /T 88888888 >>"
    objs[7] = stream_obj(os.urandom(300), b" /S 9999", compress=False)
    # put the linearization dictionary first, as linearizers do
    order = [6, 1, 2, 3, 4, 5, 7]
    out = bytearray(b"%PDF-1.6\n%\xe2\xe3\xcf\xd3\n")
    offs = {}
    for n in order:
        offs[n] = len(out)
        out += b"%d 0 obj\n" % n + objs[n] + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 8\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % offs[n] for n in range(1, 8))
    out += b"trailer\n<< /Size 8 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    p = tmp_path / "linearized-itt.pdf"
    p.write_bytes(bytes(out))
    r = check([p], tmp_path)
    assert_read_or_error(r, p.name)


def test_pdfa_with_attached_docx_reads_the_page(tmp_path, good):
    objs = simple_pdf_objs(text_content([TURNOVER, TRADING]),
                           catalog_extra=b" /Names << /EmbeddedFiles << /Names [(source.docx) 6 0 R] >> >> /AF [6 0 R]"
                                         b" /Metadata 8 0 R")
    objs[6] = b"<< /Type /Filespec /F (source.docx) /UF (source.docx) /AFRelationship /Source /EF << /F 7 0 R >> >>"
    objs[7] = stream_obj(good_docx(tmp_path / "att.docx", ref="ATT/1").read_bytes(), b" /Type /EmbeddedFile")
    objs[8] = stream_obj(b"<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
                         b"<rdf:Description xmlns:pdfaid='http://www.aiim.org/pdfa/ns/id/' pdfaid:part='3' pdfaid:conformance='B'/>"
                         b"</rdf:RDF></x:xmpmeta>", b" /Type /Metadata /Subtype /XML", compress=False)
    p = tmp_path / "pdfa3-itt.pdf"
    p.write_bytes(build_pdf(objs))
    r = check([p], tmp_path)
    assert r.rc == 1, (r.rc, r.err)
    assert_good_findings(tender_for(r, p.name))


# --------------------------------------------------------------------------- huge / complex

def test_page_with_a_million_tiny_text_runs_then_a_normal_page(tmp_path):
    runs = b"".join(b"1 0 0 1 %d %d Tm (.) Tj\n" % (i % 600, (i // 600) % 790) for i in range(1_200_000))
    objs = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        4: stream_obj(b"BT /F1 1 Tf\n" + runs + b"ET"),
        5: FONT,
        6: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 7 0 R >>",
        7: stream_obj(text_content([TURNOVER, TRADING])),
    }
    p = tmp_path / "dense-itt.pdf"
    p.write_bytes(build_pdf(objs))
    r = check([p], tmp_path)
    t = tender_for(r, p.name)
    if r.rc == 2:
        assert_error(r, t, p.name, {"too-complex", "timeout", "too-many-chars", "out-of-memory"})
    else:
        assert r.rc == 1, (r.rc, t["assessment"], t["warnings"])
        assert_good_findings(t)
        if t["assessment"] == "partly-assessed":
            assert any(w.get("code") in DOCUMENTED_WARNINGS for w in t["warnings"]), t["warnings"]


def test_page_with_huge_freeform_shading(tmp_path):
    """A Type 4 free-form shading with 400,000 triangles painted with `sh` behind the text."""
    tri = bytearray()
    for i in range(400_000):
        for k in range(3):
            tri += bytes([0]) + ((i * 7 + k * 13) % 65536).to_bytes(2, "big") + ((i * 3 + k * 29) % 65536).to_bytes(2, "big") + bytes([i % 256, k * 80, 200])
    objs = simple_pdf_objs(b"q /Sh0 sh Q\n" + text_content([TURNOVER, TRADING]),
                           resources_extra=b" /Shading << /Sh0 6 0 R >>")
    objs[6] = stream_obj(bytes(tri), b" /ShadingType 4 /ColorSpace /DeviceRGB /BitsPerCoordinate 16 /BitsPerComponent 8"
                                     b" /BitsPerFlag 8 /Decode [0 612 0 792 0 1 0 1 0 1]")
    p = tmp_path / "shaded-itt.pdf"
    p.write_bytes(build_pdf(objs))
    r = check([p], tmp_path)
    t = tender_for(r, p.name)
    if r.rc == 2:
        assert_error(r, t, p.name, {"timeout", "too-complex", "out-of-memory"})
    else:
        assert r.rc == 1, (r.rc, t)
        assert_good_findings(t)


def test_txt_over_max_file_bytes_in_a_batch(tmp_path, good):
    big = tmp_path / "bill-of-quantities.txt"
    line = ("Item 4.2.1 Supply and fix 150mm softwood skirting, primed, to all rooms; rate per linear metre. " * 10 + "\n").encode()
    with open(big, "wb") as f:
        f.write((TURNOVER + "\n").encode())
        total = 0
        while total <= 209_715_200 + 1_000_000:
            f.write(line * 1000)
            total += len(line) * 1000
    r = check([good, big], tmp_path)
    assert r.rc == 2
    assert_error(r, tender_for(r, big.name), big.name, {"too-large"})
    assert_good_findings(tender_for(r, good.name))
    big.unlink()


def test_txt_over_max_chars(tmp_path):
    p = tmp_path / "specification.txt"
    para = "The provider shall maintain records of every visit, in line with the schedule. "
    with open(p, "w", encoding="utf-8") as f:
        f.write(TURNOVER + "\n" + TRADING + "\n")
        f.write((para * 1000 + "\n") * 260)  # ~21 million characters
    r = check([p], tmp_path)
    assert r.rc == 2, (r.rc, r.err)
    assert_error(r, tender_for(r, p.name), p.name, {"too-many-chars"})


def test_html_with_50000_nested_divs(tmp_path):
    n = 50_000
    html = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>ITT</title></head><body>"
            + "<div>" * n + f"<p>{TURNOVER}</p><p>{TRADING}</p>" + "</div>" * n + "</body></html>")
    p = tmp_path / "nested-itt.html"
    p.write_text(html, encoding="utf-8")
    r = check([p], tmp_path)
    assert_read_or_error(r, p.name)


def test_html_with_10mb_data_uri_image(tmp_path):
    img = base64.b64encode(b"\x89PNG\r\n\x1a\n" + os.urandom(7_600_000)).decode()
    html = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Invitation to Tender</title></head><body>"
            f"<h1>Invitation to Tender</h1><p><img alt='Council logo' src='data:image/png;base64,{img}'></p>"
            f"<p>{TURNOVER}</p><p>{TRADING}</p></body></html>")
    p = tmp_path / "itt-with-logo.html"
    p.write_text(html, encoding="utf-8")
    r = check([p], tmp_path)
    assert r.rc == 1, (r.rc, r.err)
    assert_good_findings(tender_for(r, p.name))
    assert len(r.out) < 2_000_000, "the data URI was copied into the report"


def test_docx_with_40mb_embedded_font_part(tmp_path, good):
    p = rewrite_docx(good, tmp_path / "embedded-fonts-itt.docx",
                     add=[("word/fonts/font1.odttf", os.urandom(40 * 1024 * 1024), zipfile.ZIP_STORED)],
                     content_type_sub=[(b"<Default Extension=\"xml\"",
                                        b"<Default Extension=\"odttf\" ContentType=\"application/vnd.openxmlformats-officedocument.obfuscatedFont\"/><Default Extension=\"xml\"")])
    r = check([p], tmp_path)
    assert r.rc == 1, (r.rc, r.err)
    assert_good_findings(tender_for(r, p.name))


# --------------------------------------------------------------------------- mislabelled DOCX family

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _strict_docx(path: Path):
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main" '
           'xmlns:r="http://purl.oclc.org/ooxml/officeDocument/relationships" w:conformance="strict"><w:body>'
           f'<w:p><w:r><w:t>{TURNOVER}</w:t></w:r></w:p><w:p><w:r><w:t>{TRADING}</w:t></w:r></w:p>'
           '<w:sectPr/></w:body></w:document>')
    path.write_bytes(zip_bytes([("[Content_Types].xml", ct), ("_rels/.rels", rels), ("word/document.xml", doc)]))
    return path


def test_strict_ooxml_docx(tmp_path):
    p = _strict_docx(tmp_path / "strict-itt.docx")
    r = check([p], tmp_path)
    assert_read_or_error(r, p.name)


def test_flat_opc_xml_named_docx(tmp_path):
    xml = ('<?xml version="1.0" standalone="yes"?><?mso-application progid="Word.Document"?>'
           '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">'
           '<pkg:part pkg:name="/_rels/.rels" pkg:contentType="application/vnd.openxmlformats-package.relationships+xml"><pkg:xmlData>'
           '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
           'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
           '</pkg:xmlData></pkg:part><pkg:part pkg:name="/word/document.xml" '
           'pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"><pkg:xmlData>'
           f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>{TURNOVER}</w:t></w:r></w:p><w:p><w:r><w:t>{TRADING}</w:t></w:r></w:p>'
           '</w:body></w:document></pkg:xmlData></pkg:part></pkg:package>')
    p = tmp_path / "flat-opc-itt.docx"
    p.write_text(xml, encoding="utf-8")
    r = check([p], tmp_path)
    assert_read_or_error(r, p.name)


def test_word2003_xml_named_docx(tmp_path):
    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><?mso-application progid="Word.Document"?>'
           '<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml" '
           'xmlns:wx="http://schemas.microsoft.com/office/word/2003/auxHint"><w:body><wx:sect>'
           f'<w:p><w:r><w:t>{TURNOVER}</w:t></w:r></w:p><w:p><w:r><w:t>{TRADING}</w:t></w:r></w:p>'
           '</wx:sect></w:body></w:wordDocument>')
    p = tmp_path / "word2003-itt.docx"
    p.write_text(xml, encoding="utf-8")
    r = check([p], tmp_path)
    assert_read_or_error(r, p.name)


def test_mhtml_word_web_archive_named_docx(tmp_path):
    html = (f'<html xmlns:w="urn:schemas-microsoft-com:office:word"><head><meta charset="utf-8"></head><body>'
            f'<p class=MsoNormal>{TURNOVER}</p><p class=MsoNormal>{TRADING}</p></body></html>')
    qp = __import__("quopri").encodestring(html.encode("utf-8")).decode("ascii")
    mht = ("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"----=_NextPart_01DA0000.12345678\"\r\n\r\n"
           "This document is a Single File Web Page, also known as a Web Archive file.\r\n\r\n"
           "------=_NextPart_01DA0000.12345678\r\nContent-Location: file:///C:/ITT.htm\r\n"
           "Content-Transfer-Encoding: quoted-printable\r\nContent-Type: text/html; charset=\"utf-8\"\r\n\r\n"
           + qp + "\r\n------=_NextPart_01DA0000.12345678--\r\n")
    p = tmp_path / "web-archive-itt.docx"
    p.write_text(mht, encoding="ascii")
    r = check([p], tmp_path)
    assert_read_or_error(r, p.name)


def test_docm_with_macros(tmp_path, good):
    vba = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + (
        "Attribute VB_Name = \"ThisDocument\"\r\nSub AutoOpen()\r\n Shell \"cmd /c " + SECRET + "VBA\"\r\nEnd Sub\r\n").encode()
    p = rewrite_docx(
        good, tmp_path / "itt-macro.docm",
        replace={"word/_rels/document.xml.rels": lambda d: d.replace(
            b"</Relationships>",
            b'<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>')},
        add=[("word/vbaProject.bin", vba)],
        content_type_sub=[(b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                           b"application/vnd.ms-word.document.macroEnabled.main+xml"),
                          (b"<Default Extension=\"xml\"",
                           b"<Default Extension=\"bin\" ContentType=\"application/vnd.ms-office.vbaProject\"/><Default Extension=\"xml\"")])
    r = check([p], tmp_path)
    assert_read_or_error(r, p.name)


def test_dotx_template(tmp_path, good):
    p = rewrite_docx(good, tmp_path / "itt-template.dotx", content_type_sub=[
        (b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
         b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml")])
    r = check([p], tmp_path)
    assert_read_or_error(r, p.name)


def test_250_character_file_name(tmp_path):
    name = ("Invitation-to-Tender-" + "Adult-Social-Care-Homecare-Framework-Lot-" * 6)[:245] + ".docx"
    assert len(name) == 250
    p = good_docx(tmp_path / name)
    r = check([p], tmp_path, fmt="sarif")
    assert r.rc == 1, (r.rc, r.err)
    sarif = json.loads(r.out)
    assert sarif.get("version") == "2.1.0"
    rules = {res.get("ruleId") for run_ in sarif["runs"] for res in run_.get("results", [])}
    assert GOOD_RULES <= rules, rules


# --------------------------------------------------------------------------- zips

def test_zip_made_on_windows_with_backslash_separators(tmp_path, good):
    z = zip_bytes([("Tender Pack\\01 ITT\\ITT.docx", good.read_bytes()),
                   ("Tender Pack\\02 Spec\\specification.txt", "The service covers the whole county.\n")])
    p = tmp_path / "windows-pack.zip"
    p.write_bytes(z)
    r = check([p], tmp_path)
    assert r.rc == 1, (r.rc, r.err)
    t = tender_for(r, p.name)
    assert_good_findings(t)
    assert not t["errors"]


def test_zip_backslash_traversal_and_drive_letter_members(tmp_path, good):
    """'..\\..\\' and 'C:\\' member names (Windows separators) point outside the pack."""
    z = zip_bytes([("ITT.docx", good.read_bytes()),
                   ("..\\..\\evil-notes.txt", SECRET + "BACKSLASH " + TURNOVER),
                   ("C:\\Users\\Public\\drive-notes.txt", SECRET + "DRIVE " + TRADING)])
    p = tmp_path / "traversal-pack.zip"
    p.write_bytes(z)
    r = check([p], tmp_path)
    assert r.rc == 2, (r.rc, r.err)
    t = tender_for(r, p.name)
    assert_error(r, t, "evil-notes.txt", {"unsafe-path"})
    assert_error(r, t, "drive-notes.txt", {"unsafe-path"})
    assert_good_findings(t)


def test_zip_with_cp437_member_names(tmp_path, good):
    placeholder = "ITT_Xbersicht_Ausschreibung_X.docx"
    z = bytearray(zip_bytes([(placeholder, good.read_bytes())]))
    cp = "ITT_Übersicht_Ausschreibung_é.docx".encode("cp437")
    assert len(cp) == len(placeholder)
    z = bytes(z).replace(placeholder.encode(), cp)
    p = tmp_path / "cp437-pack.zip"
    p.write_bytes(z)
    r = check([p], tmp_path)
    assert r.rc == 1, (r.rc, r.err)
    t = tender_for(r, p.name)
    assert_good_findings(t)
    assert not t["errors"]


def test_zip_with_64kb_comment(tmp_path, good):
    comment = (SECRET + "COMMENT ").encode() + b"A" * (65535 - len(SECRET) - 8)
    comment += b""
    z = zip_bytes([("ITT.docx", good.read_bytes())], comment=comment[:65535])
    p = tmp_path / "commented-pack.zip"
    p.write_bytes(z)
    r = check([p], tmp_path)
    assert r.rc == 1, (r.rc, r.err)
    assert_good_findings(tender_for(r, p.name))


def test_spanned_zip_part_named_zip_in_a_batch_with_csv(tmp_path, good):
    """The first volume of a split archive (.z01) saved as .zip: spanning signature, a local
    header, truncated data, no central directory."""
    whole = zip_bytes([("ITT.docx", good.read_bytes()), ("Spec.docx", good.read_bytes())])
    part = b"PK\x07\x08" + whole[: len(whole) // 2]
    bad = tmp_path / "tender-pack.z01.zip"
    bad.write_bytes(part)
    r = run(["check", good, bad, "--format", "csv", "--isolated"], tmp_path)
    common(r)
    assert r.rc == 2, (r.rc, r.err)
    lines = [ln for ln in r.err.splitlines() if bad.name in ln]
    assert any(re.search(r": (corrupt|unsupported-format): ", ln) for ln in lines), r.err
    rows = list(csv.DictReader(io.StringIO(r.out.lstrip("\ufeff"))))
    assert any(bad.name in " ".join(str(v) for v in row.values()) and row.get("status") == "not-read" for row in rows), rows[:5]
    good_rules = {row.get("rule") for row in rows if good.name in " ".join(str(v) for v in row.values())}
    assert GOOD_RULES <= good_rules, good_rules


def test_zip_pack_with_user_password_pdf_and_textless_pdf_member(tmp_path, good):
    plain = text_pdf(tmp_path / "src.pdf", lines=(SECRET + "INZIP",))
    enc = _encrypt_pdf(plain, tmp_path / "enc.pdf", "pw", "ow")
    blank = build_pdf(simple_pdf_objs(b"q 0 0 612 792 re f Q"))
    z = zip_bytes([("a-ITT.docx", good.read_bytes()), ("b-Pricing.pdf", enc.read_bytes()),
                   ("c-Signed-Form-scan.pdf", blank)])
    p = tmp_path / "mixed-pack.zip"
    p.write_bytes(z)
    plain.unlink()
    enc.unlink()
    r = check([p], tmp_path)
    assert r.rc == 2, (r.rc, r.err)
    t = tender_for(r, p.name)
    assert_error(r, t, "b-Pricing.pdf", {"encrypted"})
    assert_error(r, t, "c-Signed-Form-scan.pdf", {"no-text-layer"})
    assert_good_findings(t)
    assert t["assessment"] == "partly-assessed"


# --------------------------------------------------------------------------- folder batch + audit

def test_folder_pack_mixing_good_and_hostile_files(tmp_path, good):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "01-ITT.docx").write_bytes(good.read_bytes())
    (pack / "02-encrypted-email.pdf").write_bytes(b"\x30\x82\x01\x00\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x07\x03" + os.urandom(300))
    (pack / "03-split.zip").write_bytes(b"PK\x07\x08PK\x03\x04" + os.urandom(200))
    (pack / "04-blank-scan.pdf").write_bytes(build_pdf(simple_pdf_objs(b"q 0 0 612 792 re f Q")))
    r = check([pack], tmp_path, fmt="json")
    assert r.rc == 2, (r.rc, r.err)
    t = tender_for(r, "pack")
    assert_good_findings(t)
    for n in ("02-encrypted-email.pdf", "03-split.zip", "04-blank-scan.pdf"):
        assert_error(r, t, n, DOCUMENTED_CODES - {"not-found"})
    assert t["assessment"] == "partly-assessed"
    h = run(["check", pack, "--format", "html", "--isolated"], tmp_path)
    common(h)
    assert h.rc == 2
    for n in ("02-encrypted-email.pdf", "03-split.zip", "04-blank-scan.pdf"):
        assert n in h.out, n
    assert "nothing of concern" not in h.out.lower()


def test_audit_archive_with_hostile_tenders(tmp_path, good):
    arch = tmp_path / "archive"
    arch.mkdir()
    (arch / "good-itt.docx").write_bytes(good.read_bytes())
    (arch / "pgp-itt.pdf").write_bytes(b"\x85\x01\x0c\x03" + os.urandom(400))
    (arch / "flatopc.docx").write_text(
        '<?xml version="1.0"?><?mso-application progid="Word.Document"?><w:wordDocument '
        'xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"><w:body>'
        f'<w:p><w:r><w:t>{TURNOVER}</w:t></w:r></w:p><w:p><w:r><w:t>{TRADING}</w:t></w:r></w:p></w:body></w:wordDocument>')
    db = tmp_path / "audit.sqlite"
    r = run(["audit", arch, "--db", db, "--workers", "1", "--no-progress", "--isolated"], tmp_path)
    common(r)
    assert r.rc == 0, (r.rc, r.err)
    con = sqlite3.connect(str(db))
    status = dict(con.execute("SELECT key, status FROM tenders"))
    assert len(status) == 3, status
    g = [k for k in status if "good-itt" in k][0]
    assert status[g] == "done"
    rules = {row[0] for row in con.execute("SELECT rule FROM findings WHERE tender_key = ?", (g,))}
    assert GOOD_RULES <= rules
    pgp = [k for k in status if "pgp-itt" in k][0]
    assert status[pgp] == "failed"
    codes = {row[0] for row in con.execute("SELECT code FROM errors WHERE tender_key = ?", (pgp,))}
    assert codes and codes <= DOCUMENTED_CODES, codes
    flat = [k for k in status if "flatopc" in k][0]
    n_err = con.execute("SELECT COUNT(*) FROM errors WHERE tender_key=?", (flat,)).fetchone()[0]
    n_find = con.execute("SELECT COUNT(*) FROM findings WHERE tender_key=? AND rule IN ('TL102','TL103')", (flat,)).fetchone()[0]
    assert (status[flat] == "failed" and n_err) or n_find, (status[flat], n_err, n_find)
