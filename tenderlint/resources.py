"""Where the bundled rulesets live: inside the wheel, or beside the package in a source checkout."""

from __future__ import annotations

from pathlib import Path


def rulesets_dir() -> Path:
    here = Path(__file__).resolve().parent
    for cand in (here / "rulesets", here.parent / "rulesets"):
        if (cand / "lexicon.yaml").is_file():
            return cand
    raise FileNotFoundError("the bundled rulesets are missing from this installation")
