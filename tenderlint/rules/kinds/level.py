"""Kind `level`: amounts demanded for named items (insurance covers) against caps for a small contract.

Each item of `thresholds.items` names its patterns and its cap. An amount in a sentence belongs to
the nearest item named before it (or, failing that, after it), so "Employer's Liability £5m, Public
Liability £20m" pairs each figure with its own cover. The rule applies only when the annual
contract value is known and under `thresholds.max_annual_value`: the caps are a proportionality
heuristic for small contracts, not law.
"""

from __future__ import annotations

import re

from tenderlint.model import Evidence, Facts, Finding, NotAssessed, Sentence
from tenderlint.rules.format import money
from tenderlint.rules.kinds.base import finding
from tenderlint.rules.ruleset import Rule

_CACHE: dict[tuple[str, str, str], list[tuple[str, str, re.Pattern, float]]] = {}


def _items(rule: Rule) -> list[tuple[str, str, re.Pattern, float]]:
    key = (rule.origin, rule.id, repr(rule.thresholds["items"]))  # thresholds may be overridden by config
    if key not in _CACHE:
        _CACHE[key] = [(name, spec.get("label", name.replace("_", " ")),
                        re.compile("|".join(f"(?:{p})" for p in spec["match"]), re.I), float(spec["max"]))
                       for name, spec in rule.thresholds["items"].items()]
    return _CACHE[key]


def check(rule: Rule, facts: Facts, sentences: list[Sentence]) -> list[Finding] | NotAssessed:
    items = _items(rule)
    annual = facts.estimated_annual_value
    limit = float(rule.thresholds.get("max_annual_value", 1_000_000))
    candidates = [s for s in sentences if any(q.kind == "MONEY" for q in s.quantities)
                  and any(rx.search(s.text) for _, _, rx, _ in items)]
    if not candidates:
        return []
    if annual is None:
        return NotAssessed(rule.id, "no annual contract value was found, so cover levels could not be judged")
    if annual >= limit:
        return []
    out: list[Finding] = []
    for s in candidates:
        over = []
        for q in s.quantities:
            if q.kind != "MONEY":
                continue
            item = _owner(s.text, q.start, q.end, items)
            if item and q.value > item[3]:
                over.append((item, q))
        if over:
            parts = ", ".join(f"{label} {money(q.value, facts.currency)} (cap {money(cap, facts.currency)})"
                              for (_, label, _, cap), q in over)
            msg = rule.message.format(items=parts, annual_value=money(annual, facts.currency),
                                      limit=money(limit, facts.currency))
            out.append(finding(rule, facts, Evidence.of(s), msg))
    return out


def _owner(text: str, start: int, end: int, items):
    """The item named nearest before the amount in the same clause, else the nearest after it."""
    best, best_d = None, None
    for item in items:
        for m in item[2].finditer(text):
            if m.end() <= start:
                d = start - m.end()
                if ";" in text[m.end():start] or "|" in text[m.end():start]:
                    d += 1000
            elif m.start() >= end:
                d = 500 + m.start() - end
            else:
                continue
            if best_d is None or d < best_d:
                best, best_d = item, d
    return best
