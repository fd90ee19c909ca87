"""What every report states besides the findings: the tool, the rules and settings used, the inputs' hashes.

With these a finding can be reproduced later: same tenderlint version, same ruleset (by hash), same
overrides, same input bytes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tenderlint.config import Config
from tenderlint.rules.ruleset import Rule, Ruleset, default_ruleset, load_ruleset


@dataclass
class ReportContext:
    version: str
    rulesets: list[Ruleset]
    rules: list[Rule]
    overrides: dict[str, Any] = field(default_factory=dict)
    stale: list = field(default_factory=list)  # StaleSuppression
    min_severity: str = "info"  # the letter leaves out findings below it
    summary: bool = False  # CSV: one row per tender instead of per finding

    def ruleset_meta(self) -> list[dict[str, str]]:
        return [{"name": r.name, "version": r.version, "sha256": r.sha256} for r in self.rulesets]

    def rule(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)


def build_context(config: Config, rules: list[Rule], **kw: Any) -> ReportContext:
    from tenderlint import __version__

    sets = [default_ruleset()] + [load_ruleset(p) for p in config.rulesets]
    overrides = {k: v for k, v in (("severity", config.severity), ("thresholds", config.thresholds)) if v}
    return ReportContext(__version__, sets, rules, overrides, **kw)


def file_sha256(path: str) -> str | None:
    """The SHA-256 of an input file (a zip pack or a single document); None for a folder."""
    p = Path(path)
    if not p.is_file():
        return None
    h = hashlib.sha256()
    with p.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()
