"""Kinds for reserved contracts (R12): `reserved-term` and `reservable-service`.

`reserved-term` judges a contract reserved for public service mutuals against the maximum
term of its regime (PCR 2015 reg. 77(4): 3 years; Procurement Act 2023 s.33(1)(b): 5 years).
`reservable-service` is advice: the main CPV code is one the law lets a buyer reserve, the
contract is large enough for the reserved route, and the tender does not say it was considered.
"""

from __future__ import annotations

from tenderlint.model import Facts, Finding, NotAssessed, Sentence
from tenderlint.rules.format import money
from tenderlint.rules.kinds.base import REGIME_NAMES, finding, regime_value
from tenderlint.rules.ruleset import Rule


def check_term(rule: Rule, facts: Facts, sentences: list[Sentence]) -> list[Finding] | NotAssessed:
    if not facts.reserved:
        return []
    months = facts.max_term_months
    if months is None:
        return NotAssessed(rule.id, "the contract is reserved but no contract term was found")
    cap = regime_value(rule.thresholds.get("max_months"), facts.regime, 36)
    if months <= cap:
        return []
    ev = facts.evidence.get("max_term_months") or facts.evidence["reserved"]
    msg = rule.message.format(months=months, cap=cap, regime_name=REGIME_NAMES.get(facts.regime, REGIME_NAMES[None]))
    return [finding(rule, facts, ev, msg, regime_value(rule.severities, facts.regime, rule.severity))]


def reservable(code: str, ranges: list) -> bool:
    """Whether an 8-digit CPV code falls in one of the ranges ``[low, high]`` (or equals a single code)."""
    n = int(code[:8])
    for r in ranges:
        low, high = (r, r) if isinstance(r, (int, str)) else r
        if int(low) <= n <= int(high):
            return True
    return False


def check_service(rule: Rule, facts: Facts, sentences: list[Sentence]) -> list[Finding] | NotAssessed:
    t = rule.thresholds
    if facts.reserved or facts.reserved_considered or facts.regime in t.get("skip_regimes", []):
        return []
    code = facts.cpv_main
    if code is None:
        return []
    if not reservable(code, t.get("cpv", [])):
        return []
    minimum = float(t.get("min_total_value", 0))
    total = facts.estimated_total_value
    if total is not None and total < minimum:
        return []
    msg = rule.message.format(cpv=code, min_value=money(minimum, facts.currency))
    return [finding(rule, facts, facts.evidence["cpv_main"], msg)]
