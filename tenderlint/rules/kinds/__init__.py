"""Check kinds: the code a rule in a ruleset runs, each in its own small module."""

from __future__ import annotations

from tenderlint.rules.kinds import ratio, requirement, term, weighting

KINDS = {
    "requirement": requirement.check,
    "ratio": ratio.check,
    "term": term.check,
    "weighting": weighting.check,
}
