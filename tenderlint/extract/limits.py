"""Safety limits for reading untrusted files (all configurable)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Limits:
    max_file_bytes: int = 200 * 1024 * 1024
    max_pages: int = 2000
    max_chars: int = 20_000_000
    max_zip_members: int = 500
    max_zip_total_bytes: int = 500 * 1024 * 1024
    max_zip_ratio: float = 200.0
