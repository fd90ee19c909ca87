"""Rules stage: run every selected rule of the ruleset over a tender's facts and sentences."""

from __future__ import annotations

from tenderlint.facts.conflicts import KIND_FACTS, describe
from tenderlint.model import Facts, Finding, NotAssessed, Sentence
from tenderlint.rules.kinds import KINDS
from tenderlint.rules.ruleset import Rule
from tenderlint.suppressions import fingerprint

_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def run_rules(rules: list[Rule], facts: Facts, sentences: list[Sentence]) -> tuple[list[Finding], list[NotAssessed]]:
    findings: list[Finding] = []
    not_assessed: list[NotAssessed] = []
    for rule in rules:
        result = KINDS[rule.kind](rule, facts, sentences)
        if isinstance(result, NotAssessed):
            not_assessed.append(result)
        else:
            disputed = [c for c in facts.conflicts if c.fact in KIND_FACTS.get(rule.kind, ())]
            for f in result:
                for c in disputed:  # the finding rests on a figure the pack's files do not agree on
                    f.message += " " + describe(c, facts.currency)
                if rule.severity_override:
                    f.severity = rule.severity_override
                f.fingerprint = fingerprint(f)
            findings.extend(result)
    findings.sort(key=lambda f: (f.evidence.document, f.evidence.start or 0, f.rule))
    return findings, not_assessed
