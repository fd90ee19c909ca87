"""Kind `term`: the maximum contract term (with every extension) against a minimum in months."""

from __future__ import annotations

from tenderlint.model import Facts, Finding, NotAssessed, Sentence
from tenderlint.rules.kinds.base import finding
from tenderlint.rules.ruleset import Rule


def check(rule: Rule, facts: Facts, sentences: list[Sentence]) -> list[Finding] | NotAssessed:
    months = facts.max_term_months
    if months is None:
        return NotAssessed(rule.id, "no contract term was found in the tender")
    if facts.contract_nature in ("works", "goods"):
        return []  # R9's five years is for services providers invest in
    if facts.reserved and facts.regime != "PA2023":
        return []  # judged by the reserved-contract rule against its 3-year cap
    ev = facts.evidence["max_term_months"]
    if facts.framework:
        minimum = rule.thresholds.get("framework_min_months", 48)
        if months < minimum:
            return [finding(rule, facts, ev, rule.messages["short_framework"].format(months=months, min=minimum),
                            variant="short_framework")]
        return []
    minimum = rule.thresholds.get("min_months", 60)
    if months < minimum:
        return [finding(rule, facts, ev, rule.messages["short"].format(months=months, min=minimum))]
    return []
