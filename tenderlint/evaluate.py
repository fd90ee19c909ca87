"""`tenderlint eval`: precision, recall and F1 per category and accuracy per fact on a labelled set.

Two kinds of labelled set are scored the same way:

- a **tender corpus**: a folder with ``labels.yaml`` (``corpus/``, ``blind/tenders-*``); every
  category not in a tender's ``expected`` list must stay silent;
- a **clause set**: a JSON Lines file of passages, each read as a one-file tender, with
  ``expect`` and ``expect_not`` lists (a category in neither is not scored) and optional
  ``facts`` (``null`` means "must not be found").
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tenderlint.categories import CATEGORIES, CORE, OTHER  # noqa: F401 - re-exported for callers
from tenderlint.config import Config
from tenderlint.errors import ConfigError

# The bars of the accuracy issue: every category P >= 0.90 and F1 >= 0.87, core F1 >= 0.90, facts 90%.
BARS = {"precision": 0.90, "f1_core": 0.90, "f1_other": 0.87, "facts": 0.90}


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

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: CategoryScore) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn


@dataclass
class FactScore:
    right: int = 0
    total: int = 0


@dataclass
class EvalResult:
    categories: dict[str, CategoryScore]
    facts: dict[str, FactScore] = field(default_factory=dict)
    mistakes: list[str] = field(default_factory=list)
    tenders: int = 0
    name: str = ""

    @property
    def facts_right(self) -> int:
        return sum(f.right for f in self.facts.values())

    @property
    def facts_total(self) -> int:
        return sum(f.total for f in self.facts.values())

    @property
    def facts_accuracy(self) -> float:
        return self.facts_right / self.facts_total if self.facts_total else 1.0

    def overall(self, cats: Iterable[str] | None = None) -> CategoryScore:
        """Micro-averaged score over the given categories (all by default)."""
        total = CategoryScore()
        for c in cats or self.categories:
            if c in self.categories:
                total.add(self.categories[c])
        return total

    def category_ok(self, cat: str) -> bool:
        s = self.categories[cat]
        if not s.tp + s.fp + s.fn:
            return True
        return s.precision >= BARS["precision"] and s.f1 >= (BARS["f1_core"] if cat in CORE else BARS["f1_other"])

    def passes(self) -> bool:
        return all(self.category_ok(c) for c in self.categories) and self.facts_accuracy >= BARS["facts"]


def _same(expected, got) -> bool:
    if expected is None or got is None:
        return expected is None and got is None
    if isinstance(expected, bool) or isinstance(got, bool):
        return bool(expected) == bool(got)
    if isinstance(expected, (int, float)) and isinstance(got, (int, float)):
        return math.isclose(float(expected), float(got), rel_tol=0.005, abs_tol=0.01)
    return str(expected) == str(got)


@dataclass
class _Case:
    id: str
    expected: set[str]
    silent: set[str]
    facts: dict
    report: object = None


def evaluate(path: str | Path, categories: tuple[str, ...] = CATEGORIES, config: Config | None = None) -> EvalResult:
    """Score a tender corpus (a folder with labels.yaml) or a clause set (a .jsonl file)."""
    p = Path(path)
    cases = _clause_cases(p, categories, config) if p.is_file() else _corpus_cases(p, categories, config)
    return _score(cases, categories, p.name)


def _corpus_cases(root: Path, categories: tuple[str, ...], config: Config | None) -> list[_Case]:
    from tenderlint.api import lint

    labels_path = root / "labels.yaml"
    try:
        labels = yaml.safe_load(labels_path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{labels_path}: cannot read the corpus labels ({exc})") from None
    entries = (labels or {}).get("tenders", [])
    reports = lint([str(root / e["path"]) for e in entries], config or Config(), split=False)  # labels are per pack
    cases = []
    for e, r in zip(entries, reports, strict=True):
        expected = set(e.get("expected") or [])
        cases.append(_Case(e["id"], expected, set(categories) - expected, e.get("facts") or {}, r))
    return cases


def _clause_cases(path: Path, categories: tuple[str, ...], config: Config | None) -> list[_Case]:
    from tenderlint.api import lint_documents, selected_rules
    from tenderlint.extract import read_file_bytes
    from tenderlint.extract.limits import Limits

    rules = selected_rules(config or Config())
    cases = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the clause set ({exc})") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            text, cid = row["text"], row["id"]
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise ConfigError(f"{path}:{n}: not a labelled clause ({exc})") from None
        doc = read_file_bytes("clause.txt", text.encode("utf-8"), Limits())
        report = lint_documents("clause.txt", [doc], rules)
        cases.append(_Case(cid, set(row.get("expect") or []) & set(categories),
                           set(row.get("expect_not") or []) & set(categories), row.get("facts") or {}, report))
    return cases


def _score(cases: list[_Case], categories: tuple[str, ...], name: str) -> EvalResult:
    scores = {c: CategoryScore() for c in categories}
    facts: dict[str, FactScore] = {}
    mistakes: list[str] = []
    for case in cases:
        r = case.report
        raised = {f.category for f in r.findings if f.confidence == "high"}  # a "needs review" is no assertion
        for c in categories:
            if c in case.expected and c in raised:
                scores[c].tp += 1
            elif c in case.expected:
                scores[c].fn += 1
                mistakes.append(f"{case.id}: missed {c}")
            elif c in raised and c in case.silent:
                scores[c].fp += 1
                ev = next(f for f in r.findings if f.category == c and f.confidence == "high")
                mistakes.append(f"{case.id}: false {c}: {ev.message} <- “{ev.evidence.text[:140]}”")
        for key, want in case.facts.items():
            got = getattr(r.facts, key, None)
            score = facts.setdefault(key, FactScore())
            score.total += 1
            if _same(want, got):
                score.right += 1
            else:
                mistakes.append(f"{case.id}: fact {key} expected {want!r}, got {got!r}")
        for err in r.errors:
            mistakes.append(f"{case.id}: input error {err.code}: {err.message}")
    return EvalResult(scores, dict(sorted(facts.items())), mistakes, len(cases), name)


def render(result: EvalResult) -> str:
    title = f"{result.name}: " if result.name else ""
    lines = [f"{title}{result.tenders} {'tenders' if not result.name.endswith('.jsonl') else 'clauses'}",
             f"{'category':<22}{'TP':>5}{'FP':>5}{'FN':>5}{'precision':>11}{'recall':>8}{'F1':>7}  bar"]
    for c, s in result.categories.items():
        f1_bar = BARS["f1_core"] if c in CORE else BARS["f1_other"]
        verdict = "-" if not s.tp + s.fp + s.fn else ("ok" if result.category_ok(c) else "BELOW")
        lines.append(f"{c:<22}{s.tp:>5}{s.fp:>5}{s.fn:>5}{s.precision:>11.3f}{s.recall:>8.3f}{s.f1:>7.3f}  "
                     f"{verdict} (P>={BARS['precision']}, F1>={f1_bar})")
    for label, cats in (("all ten", CATEGORIES), ("core five", CORE)):
        s = result.overall(c for c in cats if c in result.categories)
        lines.append(f"{label + ' (micro)':<22}{s.tp:>5}{s.fp:>5}{s.fn:>5}{s.precision:>11.3f}{s.recall:>8.3f}"
                     f"{s.f1:>7.3f}")
    if result.facts:
        lines.append(f"{'fact':<30}{'exact':>12}")
        for key, f in result.facts.items():
            lines.append(f"{key:<30}{f'{f.right}/{f.total}':>12}{f.right / f.total:>8.1%}")
    lines.append(f"facts: {result.facts_right}/{result.facts_total} exact ({result.facts_accuracy:.1%}), "
                 f"bar {BARS['facts']:.0%}")
    lines.append("PASS" if result.passes() else "FAIL")
    return "\n".join(lines) + "\n"
