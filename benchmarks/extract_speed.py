"""Benchmark: tenderlint's PDF extraction and whole lint against poppler's pdftotext on the corpus PDFs.

Run: .venv/bin/python benchmarks/extract_speed.py   (needs poppler-utils for the comparison)
"""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

from tenderlint import lint
from tenderlint.extract import load_tender

ROOT = Path(__file__).resolve().parent.parent
PDFS = sorted((ROOT / "corpus" / "tenders").glob("*.pdf"))


def timed(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    lint([str(PDFS[0])])  # warm up: spaCy pipeline and rules load once per process
    pages = sum(load_tender(str(p))[0][0].pages or 0 for p in PDFS)
    extract = timed(lambda: [load_tender(str(p)) for p in PDFS])
    whole = timed(lambda: lint([str(p) for p in PDFS]))
    print(f"{len(PDFS)} PDFs, {pages} pages")
    print(f"tenderlint extract: {extract:.3f}s ({pages / extract:.0f} pages/s)")
    print(f"tenderlint lint:    {whole:.3f}s ({pages / whole:.0f} pages/s)")
    if shutil.which("pdftotext"):
        pdftotext = timed(lambda: [subprocess.run(["pdftotext", "-layout", str(p), "-"], capture_output=True,
                                                  check=True) for p in PDFS])
        print(f"pdftotext -layout:  {pdftotext:.3f}s ({pages / pdftotext:.0f} pages/s); "
              f"extract is {extract / pdftotext:.1f}x pdftotext")


if __name__ == "__main__":
    main()
