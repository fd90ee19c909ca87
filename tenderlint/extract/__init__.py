"""Read a tender (one file, a folder or a .zip pack) into Documents with provenance."""

from __future__ import annotations

import hashlib
import io
import os
import re
import stat
import zipfile
from pathlib import Path, PurePosixPath

from tenderlint.errors import ReadError
from tenderlint.extract.isolate import read_isolated
from tenderlint.extract.limits import Limits
from tenderlint.model import Document, InputError

SUPPORTED = {".pdf": "pdf", ".docx": "docx", ".txt": "txt", ".text": "txt", ".md": "txt", ".html": "html",
             ".htm": "html", ".xhtml": "html"}
_CONVERT = {
    ".doc": "legacy Word .doc is not supported; save it as .docx or PDF",
    ".odt": "OpenDocument .odt is not supported; save it as .docx or PDF",
    ".rtf": "RTF is not supported; save it as .docx or PDF",
    ".xls": "spreadsheets are not supported; save the sheet as PDF",
    ".xlsx": "spreadsheets are not supported; save the sheet as PDF",
    ".png": "images are not supported; run OCR and save as PDF with a text layer",
    ".jpg": "images are not supported; run OCR and save as PDF with a text layer",
    ".jpeg": "images are not supported; run OCR and save as PDF with a text layer",
    ".tif": "images are not supported; run OCR and save as PDF with a text layer",
    ".tiff": "images are not supported; run OCR and save as PDF with a text layer",
}
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")  # a zip's first member, or the end record of a zip with none
_OTHER_OFFICE = {
    "xlsx": "spreadsheets are not supported; save the sheet as PDF",
    "ods": "spreadsheets are not supported; save the sheet as PDF",
    "pptx": "presentations are not supported; save the slides as PDF",
    "odp": "presentations are not supported; save the slides as PDF",
}
_OFFICE_NAMES = {"xlsx": "an Excel workbook", "ods": "an OpenDocument spreadsheet", "pptx": "a PowerPoint file",
                 "odp": "an OpenDocument presentation"}
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")  # the stream a password-protected DOCX is kept in
_IGNORED_NAMES = {".ds_store", "thumbs.db", "desktop.ini"}


def sniff(data: bytes, name: str) -> str | None:
    """The real format from the content; falls back to the extension for text."""
    head = data[:1024].lstrip()
    if data[:5] == b"%PDF-" or (b"%PDF-" in data[:1024] and data[:4] not in _ZIP_MAGIC):
        return "pdf"
    if re.match(rb"(?is)\s*(?:from:[^\n]*\n)?(?:[a-z-]+:[^\n]*\n){0,8}?mime-version:", data[:2048]) and \
            re.search(rb"(?i)content-type:\s*multipart/related", data[:4096]):
        return "mhtml"
    if data[:8] == b"\x89PNG\r\n\x1a\n" or data[:3] == b"\xff\xd8\xff" or data[:4] in (b"II*\x00", b"MM\x00*") \
            or data[:6] in (b"GIF87a", b"GIF89a"):
        return "image"
    if data[:2] == b"\x1f\x8b":
        return "gzip"
    if data[257:262] == b"ustar":
        return "tar"
    if data[:4] in _ZIP_MAGIC:
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                names = zf.namelist()
        except zipfile.BadZipFile:
            return "docx" if name.lower().endswith(".docx") and data[:4] == _ZIP_MAGIC[0] else "zip"
        if "word/document.xml" in names or "[Content_Types].xml" in names and (
                any(n.startswith("word/") for n in names) or _declares_word(data)):
            return "docx"
        if "xl/workbook.xml" in names or "[Content_Types].xml" in names and any(n.startswith("xl/") for n in names):
            return "xlsx"
        if "ppt/presentation.xml" in names:
            return "pptx"
        if "mimetype" in names or ("content.xml" in names and "META-INF/manifest.xml" in names):
            # the first member of an OpenDocument file is its mimetype, stored uncompressed
            kind = data[30:140]
            if b"opendocument.spreadsheet" in kind:
                return "ods"
            if b"opendocument.presentation" in kind:
                return "odp"
            return "odt"
        return "docx" if name.lower().endswith(".docx") else "zip"
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return "ole"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    low = head[:200].lower()
    if low.startswith((b"<!doctype html", b"<html")) or b"<html" in low:
        return "html"
    ext = Path(name).suffix.lower()
    if SUPPORTED.get(ext) in ("pdf", "docx") and _texty(data):
        return "txt"  # a text file given a document's name is read as what it is
    if ext in SUPPORTED:
        return SUPPORTED[ext]
    return None


def _declares_word(data: bytes) -> bool:
    """The package's content types declare a Word main document, wherever the part is kept."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            info = zf.getinfo("[Content_Types].xml")
            return info.file_size < 1 << 20 and b"wordprocessingml.document.main" in zf.read(info)
    except (KeyError, zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError):
        return False


def _texty(data: bytes) -> bool:
    """Plain text: no NUL bytes and almost no control characters in the first few kilobytes."""
    sample = data[:4096]
    if not sample or b"\x00" in sample:
        return False
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 13))
    return controls < len(sample) * 0.01


def read_file_bytes(name: str, data: bytes, limits: Limits) -> Document:
    """One file's bytes into a Document (in this process); raises ReadError with a stable code."""
    from tenderlint.extract.docx import read_docx
    from tenderlint.extract.html import read_html
    from tenderlint.extract.pdf import read_pdf
    from tenderlint.extract.text import read_text

    ext = PurePosixPath(name).suffix.lower()
    if not data:
        raise ReadError("empty", "the file is empty")
    if len(data) > limits.max_file_bytes:
        raise ReadError("too-large", f"{len(data)} bytes exceeds the limit of {limits.max_file_bytes}")
    kind = sniff(data, name)
    if ext in _CONVERT and kind in (None, "ole", "odt", "zip", "txt", "rtf", "image"):
        raise ReadError("unsupported-format", _CONVERT[ext])
    if kind == "ole" and _ENCRYPTED_PACKAGE in data[:1 << 20]:
        raise ReadError("encrypted", "the Office document is protected with a password; save an unprotected copy")
    if kind == "ole":
        raise ReadError("unsupported-format", "legacy Word .doc is not supported; save it as .docx or PDF")
    if kind == "image":
        what = ("PNG" if data[:4] == b"\x89PNG" else "JPEG" if data[:3] == b"\xff\xd8\xff"
                else "GIF" if data[:3] == b"GIF" else "TIFF")
        raise ReadError("unsupported-format", f"this file is a {what} image" + (f" named '{ext}'" if ext else "")
                        + "; images are not supported: run OCR and save as PDF with a text layer")
    if kind == "mhtml":
        raise ReadError("unsupported-format", "this file is a web archive (MHTML, as Word's 'Single File Web Page' "
                        "saves it)" + (f" named '{ext}'" if ext else "") + "; open it in Word and save it as .docx or PDF")
    if kind in ("gzip", "tar"):
        raise ReadError("unsupported-format", f"this file is a {'gzip' if kind == 'gzip' else 'tar'} archive"
                        + (f" named '{ext}'" if ext else "") + "; unpack it, or give its files as a folder or a .zip")
    if kind in _OTHER_OFFICE:
        raise ReadError("unsupported-format", _OTHER_OFFICE[kind] + ("" if ext == "." + kind else
                        f" (this file is named '{ext or 'none'}' but is {_OFFICE_NAMES[kind]})"))
    if kind == "odt":
        raise ReadError("unsupported-format", _CONVERT[".odt"] + ("" if ext == ".odt" else
                        f" (this file is named '{ext}' but is an OpenDocument text)"))
    if kind == "rtf":
        raise ReadError("unsupported-format", _CONVERT[".rtf"] + ("" if ext == ".rtf" else
                        f" (this file is named '{ext or 'none'}' but is RTF)"))
    if kind is None or kind == "zip":
        raise ReadError("unsupported-format", f"unsupported file type '{ext or 'none'}'; "
                        "tenderlint reads PDF, DOCX, TXT and HTML")
    if kind == "docx":
        check_zip_container(data, limits, what="DOCX")
    reader = {"pdf": read_pdf, "docx": read_docx, "txt": read_text, "html": read_html}[kind]
    doc = reader(name, name, data, limits)
    chars = sum(len(b.text) for b in doc.blocks)
    if chars > limits.max_chars:
        raise ReadError("too-many-chars", f"{chars} characters of text exceeds the limit of {limits.max_chars}")
    _check_tender_content(doc)
    doc.sha256 = hashlib.sha256(data).hexdigest()
    return doc


_ERROR_PAGE = re.compile(r"(?<![£$€\d,.])\b(?:40[0134]|50[0234])\b(?![,.]?\d)|not found|access denied|forbidden|page (?:cannot|can't) be|"
                         r"unauthori[sz]ed|service unavailable|bad gateway|sign in|log ?in required|session (?:has )?"
                         r"expired", re.I)


def _check_tender_content(doc: Document) -> None:
    """A web error page saved under a tender's name is not a tender: refused, so it is never called clean."""
    words = sum(len(b.text.split()) for b in doc.blocks)
    posing = doc.format == "txt" and (PurePosixPath(doc.path).suffix.lower() in (".pdf", ".docx", ".doc")
                                      or (doc.blocks and doc.blocks[0].text.lstrip().startswith("<")))
    if (doc.format == "html" or posing) and words < 300:
        head = " ".join([doc.title or ""] + [b.text for b in doc.blocks[:3]])
        if _ERROR_PAGE.search(head):
            raise ReadError("not-a-tender", f"the file is a web page that reports an error ('{head[:80].strip()}'), "
                            "not a tender document; download the document again")
    if words == 0:
        raise ReadError("empty", "the document holds no text")


def check_zip_container(data: bytes, limits: Limits, what: str) -> None:
    """A DOCX is a zip: refuse bombs before python-docx inflates it (member count, sizes, ratios)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            if len(infos) > limits.max_zip_members:
                raise ReadError("zip-too-many-members",
                                f"the {what} holds {len(infos)} parts, over the limit of {limits.max_zip_members}")
            total = 0
            for info in infos:
                if info.compress_size and not _lies(info) and info.file_size / info.compress_size > limits.max_zip_ratio:
                    raise ReadError("zip-bomb", f"the {what} part {info.filename} has a compression ratio over "
                                    f"{limits.max_zip_ratio:g}")
                total += _bound(info)  # zipfile never inflates past it, so it bounds the work below
                if total > limits.max_zip_total_bytes:
                    raise ReadError("zip-too-large", f"the {what} inflates to more than "
                                    f"{limits.max_zip_total_bytes} bytes")
            main = main_part(zf) if what == "DOCX" else None
            if main is not None and main not in {i.filename for i in infos}:
                raise ReadError("corrupt", f"not a Word document: its main part ({main}) is missing")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, NotImplementedError) as exc:
        raise ReadError("corrupt", f"the {what} archive is damaged ({exc})") from None


def _bound(info: zipfile.ZipInfo) -> int:
    """What a member can really inflate to. zipfile never inflates past the header's size, so the header
    bounds the work; but a header can claim more than its compressed data could ever hold (deflate
    expands at most about 1,032 times), and such a claim is not believed."""
    if info.compress_type == zipfile.ZIP_STORED:
        return min(info.file_size, info.compress_size)
    if info.compress_type == zipfile.ZIP_DEFLATED:
        return min(info.file_size, info.compress_size * 1100 + 1024)
    return info.file_size


def _lies(info: zipfile.ZipInfo) -> bool:
    """The header claims more than the member's compressed data can hold: measure it instead."""
    return info.file_size > _bound(info)


def main_part(zf: zipfile.ZipFile) -> str:
    """The DOCX main document part: where the package's relationships point (Word writes
    word/document.xml, other tools may not)."""
    try:
        info = zf.getinfo("_rels/.rels")
        if info.file_size > 1 << 20:
            return "word/document.xml"
        rels = zf.read(info).decode("utf-8", "replace")
    except (KeyError, zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError):
        return "word/document.xml"
    for m in re.finditer(r"<Relationship\b[^>]*>", rels):
        tag = m.group(0)
        if re.search(r'Type="[^"]*/officeDocument"', tag):
            target = re.search(r'Target="([^"]+)"', tag)
            if target and "://" not in target.group(1):
                return target.group(1).lstrip("/")
    return "word/document.xml"


def _read_capped(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, max_ratio: float | None = None) -> bytes:
    """A member's bytes, refused up front when it would inflate past `limit`, and never inflated past it.
    A member whose header lies is measured as it inflates (its real size and compression ratio)."""
    if _bound(info) > limit:
        raise ReadError("too-large", f"it inflates to {_bound(info)} bytes, over the limit of {limit}")
    with zf.open(info) as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise ReadError("too-large", f"it inflates to more than {limit} bytes")
    if max_ratio and _lies(info) and info.compress_size and len(data) / info.compress_size > max_ratio:
        raise ReadError("zip-bomb", f"compression ratio over {max_ratio:g}")
    return data


def load_tender(path: str, limits: Limits | None = None) -> tuple[list[Document], list[InputError]]:
    """All documents of one tender, in name order, and an error entry for each file that failed.

    Never raises for a user's file: every problem becomes an InputError with a stable code and a
    one-line message.
    """
    docs, errors = _load_tender(path, limits or Limits())
    for e in errors:
        e.message = " ".join(e.message.split())[:300]
    return docs, errors


def _load_tender(path: str, limits: Limits) -> tuple[list[Document], list[InputError]]:
    p = Path(path)
    docs: list[Document] = []
    errors: list[InputError] = []
    if not p.exists() and not p.is_symlink():
        return [], [InputError(path, "not-found", "no such file or folder")]
    if p.is_symlink() and not p.exists():
        return [], [InputError(path, "not-found", "a broken symbolic link")]
    if p.is_dir():
        return _load_folder(path, p, limits)
    odd = _not_regular(p)
    if odd:
        return [], [InputError(path, "unreadable", odd)]
    try:
        size = p.stat().st_size
        if size > limits.max_file_bytes:
            return [], [InputError(path, "too-large", f"{size} bytes exceeds the limit of {limits.max_file_bytes}")]
        data = p.read_bytes()
    except OSError as exc:
        return [], [InputError(path, "unreadable", f"cannot read the file ({exc.strerror or exc})")]
    if sniff(data, p.name) == "zip" and p.suffix.lower() != ".docx":
        _load_zip(path, data, limits, docs, errors, prefix_name="", depth=1)
        if not docs and not errors:
            errors.append(InputError(path, "empty", "the zip archive holds no files"))
        return docs, errors
    _read_member(p.name, lambda: data, len(data), docs, errors, limits, report_as=path)
    return docs, errors


def load_files(paths: list[str], limits: Limits | None = None) -> tuple[list[Document], list[InputError]]:
    """Several files read as one tender (a manifest's pack); each keeps its own name."""
    limits = limits or Limits()
    docs: list[Document] = []
    errors: list[InputError] = []
    for path in paths:
        d, e = load_tender(path, limits)
        docs += d
        errors += e
    return docs, errors


def _load_folder(path: str, p: Path, limits: Limits) -> tuple[list[Document], list[InputError]]:
    docs: list[Document] = []
    errors: list[InputError] = []
    members = []
    for root, dirs, files in os.walk(p, followlinks=False):  # symbolic links are never followed
        for d in sorted(dirs):
            rel = Path(root, d).relative_to(p)
            if Path(root, d).is_symlink() and not _hidden(rel):
                errors.append(InputError(f"{path}/{rel.as_posix()}", "symlink",
                                         "a symbolic link to a folder in a pack is not followed"))
        dirs[:] = sorted(d for d in dirs if not Path(root, d).is_symlink())
        for f in sorted(files):
            full = Path(root, f)
            rel = full.relative_to(p)
            if _hidden(rel):
                continue
            if full.is_symlink():
                errors.append(InputError(f"{path}/{rel.as_posix()}", "symlink",
                                         "a symbolic link in a pack is not followed"))
                continue
            odd = _not_regular(full)
            if odd:
                errors.append(InputError(f"{path}/{rel.as_posix()}", "unreadable", odd))
                continue
            members.append(full)
    members.sort(key=lambda f: f.relative_to(p).as_posix())
    if not members and not errors:
        return [], [InputError(path, "empty", "the folder holds no files")]
    if len(members) > limits.max_zip_members:
        return [], [InputError(path, "zip-too-many-members",
                               f"{len(members)} files exceeds the limit of {limits.max_zip_members}")]
    for f in members:
        rel = f.relative_to(p).as_posix()
        try:
            size = f.stat().st_size
        except OSError as exc:
            errors.append(InputError(f"{path}/{rel}", "unreadable", f"cannot read the file ({exc.strerror or exc})"))
            continue
        if f.suffix.lower() != ".docx" and _head(f) in _ZIP_MAGIC and sniff(f.read_bytes(), f.name) == "zip":
            _load_zip(f"{path}/{rel}", f.read_bytes(), limits, docs, errors, prefix_name=rel + "/", depth=1)
            continue
        _read_member(rel, lambda f=f: f.read_bytes(), size, docs, errors, limits, report_as=f"{path}/{rel}")
    return docs, errors


def _not_regular(p: Path) -> str | None:
    """Why a path that is neither a folder nor a regular file is not read (opening a named pipe would
    wait for a writer forever), or None."""
    try:
        mode = p.stat().st_mode
    except OSError:
        return None  # reported when it is read
    if stat.S_ISREG(mode):
        return None
    what = ("a named pipe" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file")
    return f"{what}, not a document; it was not read"


def _head(f: Path) -> bytes:
    """The first four bytes, to spot a zip without reading the whole file."""
    try:
        with f.open("rb") as fh:
            return fh.read(4)
    except OSError:
        return b""


def _hidden(rel: Path) -> bool:
    return any(part.startswith((".", "~$")) for part in rel.parts) or rel.name.lower() in _IGNORED_NAMES


def _read_member(name, get_bytes, size, docs, errors, limits, report_as=None) -> None:
    """Read one file in an isolated worker; add its Document, or an error entry naming it."""
    shown = report_as or name
    try:
        if size > limits.max_file_bytes:
            raise ReadError("too-large", f"{size} bytes exceeds the limit of {limits.max_file_bytes}")
        doc = read_isolated(name, get_bytes(), limits)
        docs.append(doc)
        attached, doc.attachments = doc.attachments, []
        for aname, adata in attached:  # a PDF's attachments are files of the pack (never nested further)
            if "#" in name:
                doc.warnings.append(InputError(shown, "attachment-not-read",
                                               f"{aname} is attached to an attachment; it was not read"))
                continue
            if sniff(adata, aname) not in ("pdf", "docx", "txt", "html"):  # a picture, a script, a spreadsheet
                doc.warnings.append(InputError(shown, "attachment-not-read", f"the attached file {aname} is not a "
                                               "document tenderlint reads (PDF, DOCX, TXT, HTML); it was not read"))
                continue
            _read_member(f"{name}#{aname}", lambda adata=adata: adata, len(adata), docs, errors, limits,
                         report_as=f"{shown}#{aname}")
    except ReadError as exc:
        errors.append(InputError(shown, exc.code, exc.message))
    except MemoryError:
        errors.append(InputError(shown, "out-of-memory", "the file needs more memory than is available"))
    except Exception as exc:  # noqa: BLE001 - a parser bug on one file must not lose the others
        errors.append(InputError(shown, "corrupt", f"the file could not be parsed ({type(exc).__name__}: {exc})"))


def _unsafe(member: str) -> bool:
    """A member name that would escape the pack if extracted: absolute, drive-qualified or with '..'."""
    norm = member.replace("\\", "/")
    return norm.startswith("/") or (len(norm) > 1 and norm[1] == ":") or ".." in PurePosixPath(norm).parts


def _load_zip(path: str, data: bytes, limits: Limits, docs: list[Document], errors: list[InputError],
              prefix_name: str, depth: int) -> None:
    """A zip pack read in memory (nothing is extracted to disk); nested zips are read up to max_zip_depth."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        errors.append(InputError(path, "corrupt", "the zip archive is damaged"))
        return
    with zf:
        try:
            infos = [i for i in zf.infolist() if not i.is_dir()]
        except (zipfile.BadZipFile, ValueError):
            errors.append(InputError(path, "corrupt", "the zip archive is damaged"))
            return
        if len(infos) > limits.max_zip_members:
            errors.append(InputError(path, "zip-too-many-members",
                                     f"{len(infos)} members exceeds the limit of {limits.max_zip_members}"))
            return
        total = sum(_bound(i) for i in infos)
        if total > limits.max_zip_total_bytes:
            errors.append(InputError(path, "zip-too-large",
                                     f"{total} uncompressed bytes exceeds the limit of {limits.max_zip_total_bytes}"))
            return
        for info in [i for i in infos if _unsafe(i.filename)]:
            errors.append(InputError(f"{path}:{info.filename}", "unsafe-path", "a member name that points outside "
                                     "the pack ('..' or an absolute path) is not read"))
        infos = [i for i in infos if not _unsafe(i.filename) and not _hidden(Path(i.filename))
                 and not i.filename.startswith("__MACOSX/")]
        prefix = os.path.commonprefix([i.filename.split("/")[0] + "/" for i in infos]) if infos and all(
            "/" in i.filename for i in infos) else ""
        for info in sorted(infos, key=lambda i: i.filename):
            name = prefix_name + (info.filename[len(prefix):] if prefix else info.filename)
            where = f"{path}:{info.filename}"
            if stat.S_ISLNK(info.external_attr >> 16):
                errors.append(InputError(where, "symlink", "a symbolic link in a pack is not followed"))
                continue
            if info.compress_size and not _lies(info) and info.file_size / info.compress_size > limits.max_zip_ratio:
                errors.append(InputError(where, "zip-bomb", f"compression ratio over {limits.max_zip_ratio:g}"))
                continue
            if info.flag_bits & 0x1:
                errors.append(InputError(where, "encrypted", "the zip member is protected with a password; "
                                         "unpack it with the password and try again"))
                continue
            if info.filename.lower().endswith(".zip"):
                if depth >= limits.max_zip_depth:
                    errors.append(InputError(where, "zip-nested-too-deep",
                                             f"zips nested more than {limits.max_zip_depth} deep are not read"))
                    continue
                try:
                    inner = _read_capped(zf, info, limits.max_file_bytes, limits.max_zip_ratio)
                except ReadError as exc:
                    errors.append(InputError(where, exc.code, exc.message))
                    continue
                except (zipfile.BadZipFile, ValueError, EOFError, OSError):
                    errors.append(InputError(where, "corrupt", "the zip archive is damaged"))
                    continue
                _load_zip(where, inner, limits, docs, errors, prefix_name=name + "/", depth=depth + 1)
                continue
            _read_member(name, lambda info=info: _read_capped(zf, info, limits.max_file_bytes, limits.max_zip_ratio),
                         _bound(info),
                         docs, errors, limits, report_as=where)
