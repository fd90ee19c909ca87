"""Safety limits for reading untrusted files (all configurable in `[limits]` of the settings)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Limits:
    max_file_bytes: int = 200 * 1024 * 1024  # one file, or one member of a pack once decompressed
    max_pages: int = 2000  # pages of one PDF
    max_chars: int = 20_000_000  # characters extracted from one document
    max_zip_members: int = 500  # files in one zip pack, or parts in one DOCX
    max_zip_total_bytes: int = 500 * 1024 * 1024  # uncompressed size of a zip pack or a DOCX
    max_zip_ratio: float = 200.0  # uncompressed / compressed size of any member
    max_zip_depth: int = 2  # a pack may hold zips, nested at most this deep
    timeout_seconds: float = 120.0  # wall time to read one document (the worker is killed after it)
    analysis_seconds: float = 300.0  # wall time to analyse one tender's text; the rest is listed as not checked
    max_memory_mb: int = 768  # memory one document's reader may allocate
    max_page_objects: int = 50_000  # drawing objects on one PDF page; a page over it is skipped with a warning
    max_page_chars: int = 60_000  # characters on one PDF page (a dense A4 page holds about 6,000)
    isolate: bool = True  # read each document in a worker process that can be killed
