"""Audit throughput: a generated archive of 500+ tenders (PDF, DOCX, TXT, HTML, folder and zip packs)
audited with 1 and with 2 workers; tenders per minute, scaling, and peak memory per process.

    .venv/bin/python benchmarks/audit_throughput.py [N_TENDERS]

The archive is built from the corpus tenders, each copied under a new name until N is reached.
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TENDERS = ROOT / "corpus" / "tenders"


def build_archive(dest: Path, n: int) -> dict[str, int]:
    sources = sorted(TENDERS.iterdir())
    kinds: dict[str, int] = {}
    for i in range(n):
        src = sources[i % len(sources)]
        target = dest / f"{i:04d}-{src.name}"
        if src.is_dir():
            shutil.copytree(src, target)
            kind = "folder pack"
        else:
            shutil.copy(src, target)
            kind = "zip pack" if src.suffix == ".zip" else src.suffix.lstrip(".")
        kinds[kind] = kinds.get(kind, 0) + 1
    return kinds


def audit(archive: Path, workers: int) -> tuple[float, int]:
    db = archive.parent / f"audit-{workers}.sqlite"
    start = time.monotonic()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run([sys.executable, "-m", "tenderlint", "audit", str(archive), "--db", str(db), "--workers",
                    str(workers), "--isolated", "--no-progress"], check=True)
    elapsed = time.monotonic() - start
    peak = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before)
    return elapsed, peak // 1024


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "archive"
        archive.mkdir()
        kinds = build_archive(archive, n)
        print(f"{n} tenders: " + ", ".join(f"{v} {k}" for k, v in sorted(kinds.items())))
        results = {}
        for workers in (1, 2):
            elapsed, peak_mb = audit(archive, workers)
            results[workers] = elapsed
            print(f"{workers} worker{'s' if workers > 1 else ''}: {elapsed:.1f} s, {n / elapsed * 60:.0f} tenders/min, "
                  f"peak memory of the largest process {peak_mb} MB")
        print(f"scaling 1 -> 2 workers: {results[1] / results[2]:.2f}x")


if __name__ == "__main__":
    main()
