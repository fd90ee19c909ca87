"""Run configuration: which rules run, what fails the run, and the reading limits."""

from __future__ import annotations

from dataclasses import dataclass, field

from tenderlint.extract.limits import Limits

SEVERITIES = ("info", "warning", "error")


@dataclass
class Config:
    fail_on: str = "warning"  # the lowest severity that makes `check` exit 1 (or "never")
    select: list[str] = field(default_factory=list)  # rule ids, names, categories or R-numbers
    ignore: list[str] = field(default_factory=list)
    rulesets: list[str] = field(default_factory=list)  # extra ruleset files
    limits: Limits = field(default_factory=Limits)
