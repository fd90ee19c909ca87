"""Errors a user's input can cause: each has a stable code and a one-line message."""

from __future__ import annotations

# Every code an unreadable input can get, with what it means (the README's table is checked against this).
ERROR_CODES = {
    "not-found": "no such file or folder",
    "unreadable": "the file exists but the system would not let it be read",
    "empty": "an empty file, folder or zip",
    "unsupported-format": "legacy .doc, .odt, .rtf, spreadsheets, images: the message says what to convert to",
    "encrypted": "a password is needed to open the PDF or DOCX (PDFs with only an owner password are read)",
    "no-text-layer": "a scanned PDF with no text: run OCR first",
    "too-complex": "a PDF whose pages are all over the per-page budget (max-page-objects, max-page-chars)",
    "not-a-tender": "a web error page (404, access denied, sign-in) saved under a tender document's name",
    "corrupt": "a damaged PDF, DOCX or zip, a binary file posing as text, or a parser crash",
    "too-large": "the file, or a pack member once inflated, is over max-file-bytes",
    "too-many-pages": "a PDF over max-pages",
    "too-many-chars": "more text than max-chars in one document",
    "zip-too-many-members": "a zip pack, folder pack or DOCX with more files than max-zip-members",
    "zip-too-large": "a zip pack or DOCX that inflates to more than max-zip-total-bytes",
    "zip-bomb": "a member whose compression ratio is over max-zip-ratio",
    "zip-nested-too-deep": "zips inside a pack nested deeper than max-zip-depth",
    "unsafe-path": "a zip member whose name points outside the pack ('..' or an absolute path); not read",
    "symlink": "a symbolic link inside a pack; never followed",
    "timeout": "reading one document took longer than timeout-seconds; the worker was stopped",
    "out-of-memory": "reading one document needed more than max-memory-mb; the worker was stopped",
}


# Parts of a document that could not be read; the rest is linted and the tender is "partly assessed".
WARNING_CODES = {
    "page-no-text-layer": "a PDF page that is an image with no text (a scanned page): run OCR",
    "page-too-complex": "a PDF page over max-page-objects or max-page-chars: skipped at once, not parsed",
    "page-unreadable": "a PDF page that could not be loaded (a broken page tree or object); the other pages are read",
    "analysis-time": "analysing the tender's text took longer than analysis-seconds; the text after that point was not checked",
}


class ReadError(Exception):
    """A file that cannot be read. ``code`` is stable (documented in the README)."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


class ConfigError(Exception):
    """A bad option, config file or ruleset: the message names the file and the field."""
