"""Check kinds: the code a rule in a ruleset runs, each in its own small module."""

from __future__ import annotations

from tenderlint.rules.kinds import clause, level, ratio, requirement, reserved, term, weighting

KINDS = {
    "requirement": requirement.check,
    "ratio": ratio.check,
    "term": term.check,
    "weighting": weighting.check,
    "clause": clause.check,
    "level": level.check,
    "reserved-term": reserved.check_term,
    "reservable-service": reserved.check_service,
}
