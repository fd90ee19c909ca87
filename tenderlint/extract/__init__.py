"""Read a tender (one file, a folder or a .zip pack) into Documents with provenance."""

from __future__ import annotations

import hashlib
import io
import os
import zipfile
from pathlib import Path, PurePosixPath

from tenderlint.errors import ReadError
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
_IGNORED_NAMES = {".ds_store", "thumbs.db", "desktop.ini"}


def sniff(data: bytes, name: str) -> str | None:
    """The real format from the content; falls back to the extension for text."""
    head = data[:1024].lstrip()
    if data[:5] == b"%PDF-" or b"%PDF-" in data[:1024]:
        return "pdf"
    if data[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                names = zf.namelist()
        except zipfile.BadZipFile:
            return "docx" if name.lower().endswith(".docx") else "zip"
        if "word/document.xml" in names or "[Content_Types].xml" in names and any(n.startswith("word/") for n in names):
            return "docx"
        if "mimetype" in names and name.lower().endswith(".odt"):
            return "odt"
        return "docx" if name.lower().endswith(".docx") else "zip"
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return "ole"
    low = head[:200].lower()
    if low.startswith((b"<!doctype html", b"<html")) or b"<html" in low:
        return "html"
    ext = Path(name).suffix.lower()
    if ext in SUPPORTED:
        return SUPPORTED[ext]
    return None


def read_file_bytes(name: str, data: bytes, limits: Limits) -> Document:
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
    if ext in _CONVERT and kind in (None, "ole", "odt", "zip", "txt"):
        raise ReadError("unsupported-format", _CONVERT[ext])
    if kind == "ole":
        raise ReadError("unsupported-format", "legacy Word .doc (or an encrypted Office file) is not supported; "
                        "save it as an unprotected .docx or PDF")
    if kind == "odt":
        raise ReadError("unsupported-format", _CONVERT[".odt"])
    if kind is None or kind == "zip":
        raise ReadError("unsupported-format", f"unsupported file type '{ext or 'none'}'; "
                        "tenderlint reads PDF, DOCX, TXT and HTML")
    reader = {"pdf": read_pdf, "docx": read_docx, "txt": read_text, "html": read_html}[kind]
    doc = reader(name, name, data, limits)
    doc.sha256 = hashlib.sha256(data).hexdigest()
    return doc


def load_tender(path: str, limits: Limits | None = None) -> tuple[list[Document], list[InputError]]:
    """All documents of one tender, in name order, and an error entry for each file that failed."""
    limits = limits or Limits()
    p = Path(path)
    docs: list[Document] = []
    errors: list[InputError] = []
    if not p.exists():
        return [], [InputError(path, "not-found", "no such file or folder")]
    if p.is_dir():
        members = sorted(
            (f for f in p.rglob("*") if f.is_file() and not f.is_symlink() and not _hidden(f.relative_to(p))),
            key=lambda f: f.relative_to(p).as_posix(),
        )
        if not members:
            return [], [InputError(path, "empty", "the folder holds no files")]
        for f in members:
            rel = f.relative_to(p).as_posix()
            _read_member(rel, lambda f=f: f.read_bytes(), f.stat().st_size, docs, errors, limits)
        return docs, errors
    try:
        size = p.stat().st_size
        if size > limits.max_file_bytes:
            return [], [InputError(path, "too-large", f"{size} bytes exceeds the limit of {limits.max_file_bytes}")]
        data = p.read_bytes()
    except OSError as exc:
        return [], [InputError(path, "unreadable", f"cannot read the file ({exc.strerror or exc})")]
    if sniff(data, p.name) == "zip" and p.suffix.lower() != ".docx":
        return _load_zip(path, data, limits)
    _read_member(p.name, lambda: data, len(data), docs, errors, limits, report_as=path)
    return docs, errors


def _hidden(rel: Path) -> bool:
    return any(part.startswith((".", "~$")) for part in rel.parts) or rel.name.lower() in _IGNORED_NAMES


def _read_member(name, get_bytes, size, docs, errors, limits, report_as=None) -> None:
    shown = report_as or name
    try:
        if size > limits.max_file_bytes:
            raise ReadError("too-large", f"{size} bytes exceeds the limit of {limits.max_file_bytes}")
        docs.append(read_file_bytes(name, get_bytes(), limits))
    except ReadError as exc:
        errors.append(InputError(shown, exc.code, exc.message))
    except MemoryError:
        errors.append(InputError(shown, "too-large", "the file needs more memory than is available"))
    except Exception as exc:  # noqa: BLE001 - a parser bug on one file must not lose the others
        errors.append(InputError(shown, "corrupt", f"the file could not be parsed ({type(exc).__name__}: {exc})"))


def _load_zip(path: str, data: bytes, limits: Limits) -> tuple[list[Document], list[InputError]]:
    docs: list[Document] = []
    errors: list[InputError] = []
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return [], [InputError(path, "corrupt", "the zip archive is damaged")]
    with zf:
        infos = [i for i in zf.infolist() if not i.is_dir()]
        if len(infos) > limits.max_zip_members:
            return [], [InputError(path, "zip-too-many-members",
                                   f"{len(infos)} members exceeds the limit of {limits.max_zip_members}")]
        total = sum(i.file_size for i in infos)
        if total > limits.max_zip_total_bytes:
            return [], [InputError(path, "zip-too-large",
                                   f"{total} uncompressed bytes exceeds the limit of {limits.max_zip_total_bytes}")]
        infos = [i for i in infos if not _hidden(Path(i.filename)) and not i.filename.startswith("__MACOSX/")]
        if not infos:
            return [], [InputError(path, "empty", "the zip archive holds no files")]
        prefix = os.path.commonprefix([i.filename.split("/")[0] + "/" for i in infos]) if all(
            "/" in i.filename for i in infos) else ""
        for info in sorted(infos, key=lambda i: i.filename):
            name = info.filename[len(prefix):] if prefix else info.filename
            if info.compress_size and info.file_size / max(info.compress_size, 1) > limits.max_zip_ratio:
                errors.append(InputError(f"{path}:{name}", "zip-bomb",
                                         f"compression ratio over {limits.max_zip_ratio:g}"))
                continue
            if name.lower().endswith(".zip"):
                errors.append(InputError(f"{path}:{name}", "unsupported-format",
                                         "a zip inside a pack is not read; unpack it into the pack"))
                continue
            _read_member(name, lambda info=info: zf.read(info), info.file_size, docs, errors, limits)
            if errors and errors[-1].path == name:
                errors[-1].path = f"{path}:{name}"
    return docs, errors
