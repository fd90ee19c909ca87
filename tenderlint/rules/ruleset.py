"""Load and validate rulesets (YAML) against the bundled JSON Schema."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from tenderlint.errors import ConfigError
from tenderlint.resources import rulesets_dir


@dataclass
class Rule:
    id: str
    name: str
    category: str
    kind: str
    recommendations: list[int]
    severity: str
    rationale: str
    references: dict[str, list[str]]
    suggestion: str
    examples: dict[str, list[str]]
    description: str = ""
    topic: str | None = None
    message: str = ""
    messages: dict[str, str] = field(default_factory=dict)
    suggestions: dict[str, str] = field(default_factory=dict)  # by message variant, then by regime
    severities: dict[str, Any] = field(default_factory=dict)
    escalate: list[dict] = field(default_factory=list)
    skip_when: str | None = None
    thresholds: dict[str, Any] = field(default_factory=dict)
    patterns: dict[str, Any] = field(default_factory=dict)
    origin: str = ""
    severity_override: str | None = None  # set by configuration: every finding of the rule gets it

    def refs(self, regime: str | None) -> list[str]:
        """The law of the detected regime; both PCR 2015 and the Procurement Act 2023 when unknown."""
        keys = [regime] if regime else ["PCR2015", "PA2023"]
        out = list(self.references.get("all", []))
        for k in keys:
            out += self.references.get(k, [])
        return out


@dataclass
class Ruleset:
    name: str
    version: str
    rules: list[Rule]
    sha256: str
    recommendations: dict[int, str] = field(default_factory=dict)


def _schema() -> dict:
    return json.loads((rulesets_dir() / "ruleset.schema.json").read_text(encoding="utf-8"))


def load_ruleset(path: str | Path) -> Ruleset:
    p = Path(path)
    try:
        raw = p.read_bytes()
        data = yaml.safe_load(raw)
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{p}: cannot read the ruleset ({exc})") from None
    errors = sorted(jsonschema.Draft202012Validator(
        _schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER).iter_errors(data), key=lambda e: list(e.path))
    if errors:
        raise ConfigError(f"{p}: " + "; ".join(_describe(e, data) for e in errors[:5]))
    rules = [Rule(**r, origin=str(p)) for r in data["rules"]]
    seen: set[str] = set()
    for r in rules:
        if r.id in seen:
            raise ConfigError(f"{p}: rule {r.id}, field id: duplicate rule id")
        seen.add(r.id)
    recs = {int(k): str(v) for k, v in (data.get("recommendations") or {}).items()}
    return Ruleset(data["name"], str(data["version"]), rules, hashlib.sha256(raw).hexdigest(), recs)


def _describe(e: jsonschema.ValidationError, data: Any) -> str:
    """One schema error as `rule TL101, field severity: message`."""
    where = list(e.path)
    rule = ""
    if len(where) >= 2 and where[0] == "rules" and isinstance(where[1], int):
        item = data["rules"][where[1]]
        rid = item.get("id", f"#{where[1] + 1}") if isinstance(item, dict) else f"#{where[1] + 1}"
        rule = f"rule {rid}, "
        where = where[2:]
    fieldname = ".".join(str(x) for x in where) or "(top level)"
    if e.validator == "required" and isinstance(e.instance, dict):
        missing = [k for k in e.validator_value if k not in e.instance]
        if missing:
            fieldname = ".".join(str(x) for x in [*where, missing[0]])
    return f"{rule}field {fieldname}: {e.message}"


@lru_cache(maxsize=1)
def default_ruleset() -> Ruleset:
    return load_ruleset(rulesets_dir() / "mutuals-taskforce.yaml")
