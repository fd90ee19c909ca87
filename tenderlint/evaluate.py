"""`tenderlint eval`: precision and recall per category and facts accuracy on an annotated corpus."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tenderlint.api import lint
from tenderlint.categories import CATEGORIES, CORE, OTHER  # noqa: F401 - re-exported for callers
from tenderlint.config import Config
from tenderlint.errors import ConfigError

BARS = {"core": (0.95, 0.90), "other": (0.90, 0.85), "facts": 0.90}


@dataclass
class CategoryScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class EvalResult:
    categories: dict[str, CategoryScore]
    facts_right: int
    facts_total: int
    mistakes: list[str] = field(default_factory=list)
    tenders: int = 0

    @property
    def facts_accuracy(self) -> float:
        return self.facts_right / self.facts_total if self.facts_total else 1.0

    def passes(self) -> bool:
        ok = all(s.precision >= BARS["core"][0] and s.recall >= BARS["core"][1]
                 for c, s in self.categories.items() if c in CORE)
        ok &= all(s.precision >= BARS["other"][0] and s.recall >= BARS["other"][1]
                  for c, s in self.categories.items() if c not in CORE)
        return ok and self.facts_accuracy >= BARS["facts"]


def _same(expected, got) -> bool:
    if expected is None or got is None:
        return expected is None and got is None
    if isinstance(expected, bool) or isinstance(got, bool):
        return bool(expected) == bool(got)
    if isinstance(expected, (int, float)) and isinstance(got, (int, float)):
        return math.isclose(float(expected), float(got), rel_tol=0.005, abs_tol=0.01)
    return str(expected) == str(got)


def evaluate(corpus: str | Path, categories: tuple[str, ...] = CATEGORIES, config: Config | None = None) -> EvalResult:
    root = Path(corpus)
    labels_path = root / "labels.yaml"
    try:
        labels = yaml.safe_load(labels_path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{labels_path}: cannot read the corpus labels ({exc})") from None
    entries = labels.get("tenders", [])
    reports = lint([str(root / e["path"]) for e in entries], config or Config())
    scores = {c: CategoryScore() for c in categories}
    right = total = 0
    mistakes: list[str] = []
    for e, r in zip(entries, reports, strict=True):
        raised = {f.category for f in r.findings}
        expected = set(e.get("expected") or [])
        for c in categories:
            if c in expected and c in raised:
                scores[c].tp += 1
            elif c in raised:
                scores[c].fp += 1
                ev = next(f for f in r.findings if f.category == c)
                mistakes.append(f"{e['id']}: false {c}: {ev.message} <- “{ev.evidence.text[:140]}”")
            elif c in expected:
                scores[c].fn += 1
                mistakes.append(f"{e['id']}: missed {c}")
        for key, want in (e.get("facts") or {}).items():
            got = getattr(r.facts, key, None)
            total += 1
            if _same(want, got):
                right += 1
            else:
                mistakes.append(f"{e['id']}: fact {key} expected {want!r}, got {got!r}")
        for err in r.errors:
            mistakes.append(f"{e['id']}: input error {err.code}: {err.message}")
    return EvalResult(scores, right, total, mistakes, len(entries))


def render(result: EvalResult) -> str:
    lines = [f"{'category':<22}{'TP':>5}{'FP':>5}{'FN':>5}{'precision':>11}{'recall':>9}  bar"]
    for c, s in result.categories.items():
        p_bar, r_bar = BARS["core"] if c in CORE else BARS["other"]
        ok = s.precision >= p_bar and s.recall >= r_bar
        lines.append(f"{c:<22}{s.tp:>5}{s.fp:>5}{s.fn:>5}{s.precision:>11.3f}{s.recall:>9.3f}  "
                     f"{'ok' if ok else 'BELOW'} (P>={p_bar}, R>={r_bar})")
    lines.append(f"facts: {result.facts_right}/{result.facts_total} exact ({result.facts_accuracy:.1%}), "
                 f"bar {BARS['facts']:.0%}")
    lines.append(f"{result.tenders} tenders; {'PASS' if result.passes() else 'FAIL'}")
    return "\n".join(lines) + "\n"
