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
