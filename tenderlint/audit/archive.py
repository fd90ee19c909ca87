"""What an audit works through: the tenders of an archive (or a manifest), each with a content hash."""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from pathlib import Path

from tenderlint.errors import ConfigError

_SKIP = {".ds_store", "thumbs.db", "desktop.ini"}


@dataclass
class Tender:
    key: str  # its name in the audit: the entry's name under the archive, or the manifest's tender id
    source: str  # what lint() reads: a file, a folder or a zip
    content_hash: str  # changes when any of its files changes


def _file_hash(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def content_hash(path: Path) -> str:
    """SHA-256 of a file, or of a folder's relative paths and file hashes (symbolic links skipped)."""
    if path.is_file():
        return _file_hash(path)
    h = hashlib.sha256()
    if path.is_dir():
        for f in sorted(p for p in path.rglob("*") if p.is_file() and not p.is_symlink()):
            h.update(f.relative_to(path).as_posix().encode() + b"\0" + _file_hash(f).encode() + b"\n")
    return h.hexdigest()


def discover(archive: str | Path) -> list[Tender]:
    """Each file, folder or zip directly under the archive is one tender, in name order."""
    root = Path(archive)
    if not root.is_dir():
        raise ConfigError(f"{archive}: the archive must be a folder of tenders (files, folders or zips)")
    out = []
    for entry in sorted(root.iterdir(), key=lambda p: p.name):
        if entry.name.startswith((".", "~$")) or entry.name.lower() in _SKIP or entry.is_symlink():
            continue
        out.append(Tender(entry.name, str(entry), content_hash(entry)))
    return out


def from_manifest(manifest: str | Path) -> list[Tender]:
    """A CSV with columns `tender` and `path`: rows sharing a tender id form one pack (paths relative to the CSV)."""
    m = Path(manifest)
    try:
        rows = list(csv.DictReader(m.read_text(encoding="utf-8-sig").splitlines()))
    except OSError as exc:
        raise ConfigError(f"{manifest}: cannot read the manifest ({exc.strerror or exc})") from None
    if not rows or not {"tender", "path"} <= set(rows[0]):
        raise ConfigError(f"{manifest}: the manifest needs the columns 'tender' and 'path'")
    groups: dict[str, list[Path]] = {}
    for i, row in enumerate(rows, 2):
        if not row["tender"] or not row["path"]:
            raise ConfigError(f"{manifest}: line {i}: 'tender' and 'path' must not be empty")
        p = Path(row["path"])
        groups.setdefault(row["tender"], []).append(p if p.is_absolute() else m.parent / p)
    out = []
    for key, paths in groups.items():
        if len(paths) == 1:
            out.append(Tender(key, str(paths[0]), content_hash(paths[0]) if paths[0].exists() else ""))
        else:  # several files: read them as one pack through a folder of links made by the engine
            h = hashlib.sha256("\n".join(f"{p.name}\0{content_hash(p) if p.exists() else ''}"
                                         for p in sorted(paths)).encode()).hexdigest()
            out.append(Tender(key, "\n".join(str(p) for p in paths), h))
    return out
