"""Split the freshly labelled blind material into a development part and a locked part, once.

    python blind/split.py

Clauses (blind/clauses/part-*.jsonl) go to clauses-dev.jsonl (about 40%) or clauses-locked.jsonl by
a hash of their id, so the split does not depend on order or on who labelled what. Tenders written
into blind/staging/*/src go, sorted by id, every third to tenders-dev/src and the rest to
tenders-locked/src. Nothing of the locked parts is printed: only counts.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _dev(key: str, share: float = 0.4) -> bool:
    return int(hashlib.sha256(key.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF < share


def split_clauses() -> tuple[int, int]:
    rows = [json.loads(line) for p in sorted((HERE / "clauses").glob("part-*.jsonl"))
            for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    seen, unique = set(), []
    for r in rows:  # one label per real row: the first labeller's
        key = (r.get("source"), r.get("ref"), r.get("field"), r["text"][:200])
        if key not in seen:
            seen.add(key)
            unique.append(r)
    dev = [r for r in unique if _dev(r["id"])]
    locked = [r for r in unique if not _dev(r["id"])]
    for name, part in (("clauses-dev.jsonl", dev), ("clauses-locked.jsonl", locked)):
        (HERE / name).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in part), encoding="utf-8")
    return len(dev), len(locked)


def split_tenders() -> tuple[int, int]:
    sources = sorted((p for d in sorted((HERE / "staging").glob("*/src")) for p in d.iterdir()
                      if p.suffix == ".md" or p.is_dir()), key=lambda p: p.stem)
    counts = [0, 0]
    for i, src in enumerate(sources):
        part = "tenders-dev" if i % 3 == 0 else "tenders-locked"
        counts[part == "tenders-locked"] += 1
        dest = HERE / part / "src" / src.name
        dest.parent.mkdir(parents=True, exist_ok=True)
        if src.is_dir():
            shutil.copytree(src, dest, dirs_exist_ok=True)
        else:
            shutil.copy2(src, dest)
    return counts[0], counts[1]


if __name__ == "__main__":
    c = split_clauses()
    t = split_tenders()
    print(f"clauses: {c[0]} dev, {c[1]} locked; tenders: {t[0]} dev, {t[1]} locked")
    sys.exit(0)
