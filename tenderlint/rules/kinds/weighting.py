"""Kind `weighting`: an award criterion that must be present and weighted at a minimum share."""

from __future__ import annotations

from tenderlint.model import Facts, Finding, NotAssessed, Sentence
from tenderlint.rules.kinds.base import finding
from tenderlint.rules.ruleset import Rule


def _severity(spec, buyer: str | None, default: str) -> str:
    if isinstance(spec, dict):
        return spec.get(buyer or "default", spec.get("default", default))
    return spec or default


def check(rule: Rule, facts: Facts, sentences: list[Sentence]) -> list[Finding] | NotAssessed:
    weight = facts.social_value_weight_percent
    if weight is None:
        return NotAssessed(rule.id, "no award criteria with weightings were found in the tender")
    ev = facts.evidence["social_value_weight_percent"]
    minimum = rule.thresholds.get("min_percent", 10)
    if weight <= 0:
        sev = _severity(rule.severities.get("absent"), facts.buyer_type, rule.severity)
        return [finding(rule, facts, ev, rule.messages["absent"].format(weight=weight, min=minimum), sev)]
    if weight < minimum:
        sev = _severity(rule.severities.get("under"), facts.buyer_type, rule.severity)
        return [finding(rule, facts, ev, rule.messages["under"].format(weight=weight, min=minimum), sev)]
    return []
