"""Every rule's own examples (in the ruleset) run as tests, and rulesets are validated with clear errors."""

from __future__ import annotations

import pytest

from tenderlint.api import lint_documents
from tenderlint.errors import ConfigError
from tenderlint.extract import read_file_bytes
from tenderlint.extract.limits import Limits
from tenderlint.rules.ruleset import default_ruleset, load_ruleset

RULES = default_ruleset().rules
CASES = [(r, "fire", ex) for r in RULES for ex in r.examples["fire"]] + [
    (r, "pass", ex) for r in RULES for ex in r.examples["pass"]]


def _rule_ids(text: str) -> set[str]:
    doc = read_file_bytes("example.txt", text.encode("utf-8"), Limits())
    return {f.rule for f in lint_documents("example.txt", [doc], RULES).findings}


@pytest.mark.parametrize("rule,expect,text", CASES, ids=[f"{r.id}-{e}-{i}" for i, (r, e, _) in enumerate(CASES)])
def test_rule_example(rule, expect, text):
    fired = rule.id in _rule_ids(text)
    assert fired == (expect == "fire"), text


def test_every_rule_has_two_examples_each_way():
    for r in RULES:
        assert len(r.examples["fire"]) >= 2 and len(r.examples["pass"]) >= 2, r.id


def test_malformed_ruleset_names_file_rule_and_field(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "version: '1'\nname: bad\nrules:\n  - id: TL900\n    name: broken-rule\n    category: not-a-category\n"
        "    kind: ratio\n    recommendations: [10]\n    severity: warning\n    rationale: a rationale long enough\n"
        "    references: {}\n    suggestion: s\n    examples: {fire: [a, b], pass: [c, d]}\n",
        encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_ruleset(bad)
    msg = str(exc.value)
    assert "bad.yaml" in msg and "TL900" in msg and "category" in msg


def test_references_follow_the_regime():
    rule = next(r for r in RULES if r.id == "TL102")
    pcr, pa, unknown = rule.refs("PCR2015"), rule.refs("PA2023"), rule.refs(None)
    assert any("reg. 58(9)" in x for x in pcr) and not any("Procurement Act" in x for x in pcr)
    assert any("s.22" in x for x in pa) and not any("reg. 58(9)" in x for x in pa)
    assert any("reg. 58(9)" in x for x in unknown) and any("s.22" in x for x in unknown)


def test_bad_pattern_names_the_rule_and_field(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "version: '1'\nname: bad\nrules:\n  - id: TL901\n    name: broken-pattern\n    category: market-access\n"
        "    kind: clause\n    recommendations: [13]\n    severity: warning\n"
        "    description: a description long enough\n    rationale: a rationale long enough\n"
        "    references: {}\n    suggestion: s\n    patterns: {match: ['(unclosed']}\n"
        "    examples: {fire: [a, b], pass: [c, d]}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_ruleset(bad)
    assert "TL901" in str(exc.value) and "patterns.match.0" in str(exc.value)


def test_a_user_ruleset_adds_a_rule_without_code(tmp_path):
    """A commissioning team's own rule, as data, run through the real CLI with --ruleset."""
    from click.testing import CliRunner

    from tenderlint.cli import main

    extra = tmp_path / "local.yaml"
    extra.write_text("""
version: "1"
name: local-rules
rules:
  - id: TL901
    name: bid-bond-required
    category: performance-bond
    kind: clause
    recommendations: [10]
    severity: error
    description: A bid bond or tender deposit demanded with the bid.
    rationale: A deposit with the bid ties up cash a small provider does not have.
    references: {all: ["PPN 02/13"]}
    suggestion: Do not ask for a bid bond.
    patterns:
      match: ['\\bbid\\s+bonds?\\b', '\\btender\\s+deposits?\\b']
      demand: true
    message: A bid bond is demanded with the tender.
    examples:
      fire: ["Bidders must lodge a bid bond of £5,000 with their tender.", "A tender deposit of £500 is required."]
      pass: ["No bid bond is required.", "We do not ask for a tender deposit."]
""", encoding="utf-8")
    tender = tmp_path / "t.txt"
    tender.write_text("Bidders must lodge a bid bond of £5,000 with their tender.\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["check", str(tender), "--ruleset", str(extra), "--isolated", "--format", "json"])
    assert res.exit_code == 1, res.output
    import json
    rules = {f["rule"] for f in json.loads(res.output)["tenders"][0]["findings"]}
    assert "TL901" in rules
    res = CliRunner().invoke(main, ["rule", "TL901", "--ruleset", str(extra)])
    assert res.output.startswith("# TL901 bid-bond-required")
