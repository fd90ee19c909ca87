"""Rule documentation: generated from the ruleset, never stale, and printed by `tenderlint rule ID`."""

from __future__ import annotations

import re

from click.testing import CliRunner

from tenderlint.cli import main
from tenderlint.docs import index_page, rule_page
from tenderlint.rules.ruleset import default_ruleset

from .conftest import ROOT

DOCS = ROOT / "docs" / "rules"
HEADINGS = ["## What it flags", "## Why is this a barrier?", "## Recommendation", "## Law and guidance", "## Example",
            "## How to fix the tender", "## Options"]


def test_docs_rules_are_up_to_date():
    rs = default_ruleset()
    stale = [r.id for r in rs.rules if not (DOCS / f"{r.id}.md").exists()
             or (DOCS / f"{r.id}.md").read_text(encoding="utf-8") != rule_page(r, rs)]
    assert not stale, f"docs/rules is stale for {stale}: run `tenderlint docs docs/rules`"
    assert (DOCS / "README.md").read_text(encoding="utf-8") == index_page(rs.rules, rs)
    extra = {p.stem for p in DOCS.glob("TL*.md")} - {r.id for r in rs.rules}
    assert not extra, f"pages for rules that no longer exist: {extra}"


def test_every_page_has_the_headings_and_both_kinds_of_example():
    rs = default_ruleset()
    for r in rs.rules:
        page = rule_page(r, rs)
        positions = [page.find(h) for h in HEADINGS]
        assert all(p >= 0 for p in positions) and positions == sorted(positions), r.id
        assert "Flagged:" in page and "Not flagged:" in page
        assert all(ex in page for ex in r.examples["fire"] + r.examples["pass"])
        assert "{" not in page.split("## How to fix the tender")[1].split("##")[0], r.id


def test_rule_command_prints_the_page_by_id_or_name():
    res = CliRunner().invoke(main, ["rule", "TL102"])
    assert res.exit_code == 0
    assert res.output.startswith("# TL102 turnover-above-twice-value")
    assert "reg. 58(9)" in res.output and "--threshold TL102.total_ratio=2.0" in res.output
    assert CliRunner().invoke(main, ["rule", "consortia-barred"]).output.startswith("# TL114")
    res = CliRunner().invoke(main, ["rule", "TL999"])
    assert res.exit_code == 2 and "unknown rule 'TL999'" in res.output


def test_rules_command_lists_every_rule():
    res = CliRunner().invoke(main, ["rules", "--isolated"])
    assert res.exit_code == 0
    ids = re.findall(r"^(TL\d{3})\s", res.output, re.M)
    assert ids == [r.id for r in default_ruleset().rules]
    assert len({line.split()[2] for line in res.output.splitlines()[1:]}) == 10  # all ten categories


def test_docs_command_writes_the_pages(tmp_path):
    res = CliRunner().invoke(main, ["docs", str(tmp_path / "out")])
    assert res.exit_code == 0
    assert {p.name for p in (tmp_path / "out").iterdir()} == {f"{r.id}.md" for r in default_ruleset().rules} | {
        "README.md"}
