"""Rule pages generated from the ruleset itself, so the documentation never drifts from the rules.

`tenderlint rule ID` prints one page; `tenderlint docs DIR` writes them all (docs/rules/ in the
repository, checked by a test). The headings follow ruff's rule pages, with the recommendation
and the law added.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from tenderlint.rules.ruleset import Rule, Ruleset

REGIME_TITLES = {"all": "Every regime", "PCR2015": "Public Contracts Regulations 2015",
                 "PA2023": "Procurement Act 2023", "PSR": "Provider Selection Regime (NHS health care)"}


ADVICE_TITLES = {"short_framework": "For a framework agreement", "PCR2015": "Under PCR 2015",
                 "PA2023": "Under the Procurement Act 2023", "PSR": "Under the Provider Selection Regime"}


def _plain(text: str) -> str:
    return re.sub(r"\{\w+(?::[^}]*)?\}", "N", " ".join(text.split()))


def _recs(rule: Rule, ruleset: Ruleset) -> list[str]:
    return [f"R{n}: {ruleset.recommendations.get(n, '')}".rstrip(": ") for n in rule.recommendations]


def _severity_lines(rule: Rule) -> list[str]:
    out = [f"Default severity: **{rule.severity}**."]
    for esc in rule.escalate:
        out.append(f"- **{esc['severity']}** when {esc['when'].replace('_', ' ')}")
    for case, sev in rule.severities.items():
        if isinstance(sev, dict):
            parts = ", ".join(f"{k}: {v}" for k, v in sev.items())
            out.append(f"- {case.replace('_', ' ')}: {parts}")
        else:
            out.append(f"- {case.replace('_', ' ')}: **{sev}**")
    return out


def _value(v) -> str:
    return json.dumps(v, ensure_ascii=False) if not isinstance(v, str) else v


def _threshold_rows(t: dict, prefix: str = "") -> list[tuple[str, str]]:
    rows = []
    for k, v in t.items():
        if isinstance(v, dict) and not all(isinstance(x, (int, float)) for x in v.values()):
            rows += _threshold_rows(v, f"{prefix}{k}.")
        elif isinstance(v, (int, float, dict)) and not isinstance(v, bool):
            rows.append((prefix + k, _value(v)))
    return rows


def rule_page(rule: Rule, ruleset: Ruleset) -> str:
    lines = [f"# {rule.id} {rule.name}", "",
             f"*Category* `{rule.category}` · *Recommendations* {', '.join(f'R{n}' for n in rule.recommendations)} · "
             f"*Severity* {rule.severity} · *Check kind* `{rule.kind}`", "",
             "## What it flags", "", " ".join(rule.description.split()), ""]
    messages = [rule.message] if rule.message else []
    messages += [m for m in rule.messages.values()] + [e["message"] for e in rule.escalate if e.get("message")]
    if messages:
        lines += ["Its messages read:", ""] + [f"- {m}" for m in messages] + [""]
    lines += ["## Why is this a barrier?", "", " ".join(rule.rationale.split()), "",
              "## Recommendation", ""] + [f"- {r}" for r in _recs(rule, ruleset)] + ["",
              "## Law and guidance", ""]
    for key in ("all", "PCR2015", "PA2023", "PSR"):
        refs = rule.references.get(key)
        if refs:
            lines.append(f"**{REGIME_TITLES[key]}**")
            lines.append("")
            lines += [f"- {r}" for r in refs] + [""]
    lines += ["A finding cites the law of the regime tenderlint detects in the tender, or both PCR 2015 and the "
              "Procurement Act 2023 when the regime cannot be told.", "",
              "## Example", "", "Flagged:", ""]
    lines += [f"> {x}\n" for x in rule.examples["fire"]]
    lines += ["Not flagged:", ""] + [f"> {x}\n" for x in rule.examples["pass"]]
    lines += ["## How to fix the tender", "", _plain(rule.suggestion), ""]
    for key, text in rule.suggestions.items():
        lines += [f"**{ADVICE_TITLES.get(key, key)}:** {_plain(text)}", ""]
    lines += ["## Severity", ""] + _severity_lines(rule) + ["", "## Options", ""]
    rows = _threshold_rows(rule.thresholds)
    if rows:
        lines += ["| threshold | default |", "|---|---|"] + [f"| `{k}` | {v} |" for k, v in rows] + [""]
        k, v = rows[0]
        lines += ["Change a threshold in `tenderlint.toml` (or `[tool.tenderlint.thresholds]` in `pyproject.toml`):",
                  "", "```toml", "[thresholds]", f'{rule.id} = {{ "{k}" = {v} }}', "```", "",
                  f"or on the command line: `--threshold {rule.id}.{k}={v}`.", ""]
    else:
        lines += ["This rule has no numeric thresholds; its wording patterns are part of the ruleset.", ""]
    lines += [f"Turn it off with `--ignore {rule.id}` (or `ignore = [\"{rule.id}\"]`), change its severity with "
              f"`--severity {rule.id}=error` (or `[severity] {rule.id} = \"error\"`). A justified finding can be "
              "recorded in a suppressions file (`tenderlint check --write-suppressions FILE`).", ""]
    if rule.patterns:
        lines += ["<details><summary>Patterns (regular expressions, case-insensitive)</summary>", ""]
        for key, value in rule.patterns.items():
            if isinstance(value, list):
                value = [y for x in value for y in (x if isinstance(x, list) else [x])]
            if isinstance(value, list):
                lines.append(f"- `{key}`:")
                lines += [f"  - `{x}`" for x in value]
            else:
                lines.append(f"- `{key}`: `{_value(value)}`")
        lines += ["", "</details>", ""]
    lines += [f"*Generated from `{Path(rule.origin).name}` (ruleset {ruleset.name} {ruleset.version}); "
              "do not edit by hand.*", ""]
    return "\n".join(lines)


def index_page(rules: list[Rule], ruleset: Ruleset) -> str:
    lines = ["# tenderlint rules", "",
             f"The rules of the `{ruleset.name}` ruleset, version {ruleset.version}, one page each. "
             "`tenderlint rule ID` prints the same page in the terminal.", "",
             "| rule | name | category | recommendations | severity |", "|---|---|---|---|---|"]
    for r in rules:
        recs = ", ".join(f"R{n}" for n in r.recommendations)
        lines.append(f"| [{r.id}]({r.id}.md) | {r.name} | {r.category} | {recs} | {r.severity} |")
    lines += ["", "*Generated by `tenderlint docs docs/rules`; do not edit by hand.*", ""]
    return "\n".join(lines)


def write_docs(folder: Path, ruleset: Ruleset) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for rule in ruleset.rules:
        p = folder / f"{rule.id}.md"
        p.write_text(rule_page(rule, ruleset), encoding="utf-8")
        written.append(p)
    p = folder / "README.md"
    p.write_text(index_page(ruleset.rules, ruleset), encoding="utf-8")
    return written + [p]
