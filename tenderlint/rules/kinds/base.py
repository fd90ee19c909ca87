"""What every check kind shares: building a Finding from a rule and its evidence."""

from __future__ import annotations

from tenderlint.model import Evidence, Facts, Finding
from tenderlint.rules.ruleset import Rule

REGIME_NAMES = {"PCR2015": "Public Contracts Regulations 2015", "PA2023": "Procurement Act 2023",
                "PSR": "Provider Selection Regime", None: "applicable regulations"}


def regime_value(spec, regime: str | None, default):
    """A per-regime setting: ``{PA2023: error, default: warning}`` or a plain value."""
    if isinstance(spec, dict):
        return spec.get(regime or "unknown", spec.get("default", default))
    return spec if spec is not None else default


def advice(rule: Rule, regime: str | None, variant: str | None = None) -> str:
    """The fix that fits the case found: advice must not contradict the law the finding cites (a
    framework is capped at four years, so it is never told to run for five)."""
    return rule.suggestions.get(variant or "") or rule.suggestions.get(regime or "unknown") or rule.suggestion


def finding(rule: Rule, facts: Facts, evidence: Evidence, message: str, severity: str | None = None,
            assessed: bool = True, variant: str | None = None, **fmt) -> Finding:
    suggestion = advice(rule, facts.regime, variant)
    suggestion = suggestion.format(**fmt) if "{" in suggestion else suggestion
    return Finding(
        rule=rule.id, name=rule.name, category=rule.category, severity=severity or rule.severity,
        recommendations=list(rule.recommendations), message=message, evidence=evidence,
        references=rule.refs(facts.regime), suggestion=" ".join(suggestion.split()), assessed=assessed,
    )


def needs_review(f: Finding, why: str) -> Finding:
    """Turn an asserted barrier into a question for a person: the clause is ambiguous, and says why."""
    f.confidence = "review"
    f.severity = "info"
    f.message = f"Needs review: {why[0].lower() + why[1:]}. If it is applied as a default condition: {f.message[0].lower() + f.message[1:]}"
    return f
