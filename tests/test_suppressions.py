"""Suppressions through the real CLI: write, justify, suppress, go stale; fingerprints that survive edits."""

from __future__ import annotations

import json

import docx
import yaml
from click.testing import CliRunner

from tenderlint.api import lint
from tenderlint.cli import main
from tenderlint.config import Config

from .conftest import CORPUS

T = CORPUS / "tenders"
WESTSHIRE = str(T / "westshire-homecare-itt.pdf")


def run(*args):
    return CliRunner().invoke(main, ["check", *args, "--isolated"])


def test_write_justify_and_suppress(tmp_path):
    supp = tmp_path / "suppressions.yaml"
    res = run(WESTSHIRE, "--write-suppressions", str(supp))
    assert res.exit_code == 1
    entries = yaml.safe_load(supp.read_text(encoding="utf-8"))["suppressions"]
    assert {e["rule"] for e in entries} == {"TL102", "TL103", "TL104", "TL105"}
    assert all(e["tender"] == "westshire-homecare-itt.pdf" and e["justification"] == "" for e in entries)

    # an unjustified entry is refused, naming the file and the entry
    res = run(WESTSHIRE, "--suppressions", str(supp))
    assert res.exit_code == 2 and "suppressions.yaml: suppression 1" in res.output and "justification" in res.output

    # justify the turnover and the term only
    for e in entries:
        if e["rule"] in ("TL102", "TL104"):
            e["justification"] = "High-risk service; the s151 officer approved the figure."
    entries = [e for e in entries if e["justification"]]
    supp.write_text(yaml.safe_dump({"suppressions": entries}), encoding="utf-8")
    res = run(WESTSHIRE, "--suppressions", str(supp), "--format", "json")
    data = json.loads(res.stdout)
    tender = data["tenders"][0]
    assert {f["rule"] for f in tender["findings"]} == {"TL103", "TL105"}
    assert {f["rule"] for f in tender["suppressed"]} == {"TL102", "TL104"}
    assert tender["suppressed"][0]["suppression"]["justification"].startswith("High-risk")
    assert data["stale_suppressions"] == []
    text = run(WESTSHIRE, "--suppressions", str(supp)).output
    assert "suppressed TL102" in text and "Justified: High-risk" in text and "2 suppressed" in text


def test_everything_suppressed_exits_clean_and_stale_entries_are_reported(tmp_path):
    supp = tmp_path / "s.yaml"
    run(WESTSHIRE, "--write-suppressions", str(supp))
    data = yaml.safe_load(supp.read_text(encoding="utf-8"))
    for e in data["suppressions"]:
        e["justification"] = "Justified in the commissioning report, section 4."
    data["suppressions"].append({"fingerprint": "0123456789abcdef", "rule": "TL101", "tender": "westshire-homecare-itt.pdf",
                                 "justification": "A bond clause since removed."})
    data["suppressions"].append({"fingerprint": "fedcba9876543210", "rule": "TL101", "tender": "another-tender.pdf",
                                 "justification": "Belongs to a tender not in this run."})
    supp.write_text(yaml.safe_dump(data), encoding="utf-8")
    res = run(WESTSHIRE, "--suppressions", str(supp), "--format", "json")
    assert res.exit_code == 0
    out = json.loads(res.stdout)
    assert out["tenders"][0]["findings"] == []
    assert [s["fingerprint"] for s in out["stale_suppressions"]] == ["0123456789abcdef"]
    assert "stale suppression TL101 0123456789abcdef" in res.stderr


def test_fingerprints_survive_edits_elsewhere_but_not_of_the_clause(tmp_path):
    original = T / "cabinet-office-learning-framework.docx"
    before = lint([str(original)], Config())[0].findings
    assert {f.rule for f in before} >= {"TL103", "TL104"}
    d = docx.Document(str(original))
    d.paragraphs[0].insert_paragraph_before(
        "Version 2: this draft adds a paragraph of background at the very start, which moves every clause down.")
    edited = tmp_path / "edited.docx"
    d.save(str(edited))
    after = lint([str(edited)], Config())[0].findings
    assert [(f.rule, f.fingerprint) for f in after] == [(f.rule, f.fingerprint) for f in before]
    assert [f.evidence.start for f in after] != [f.evidence.start for f in before]
    # editing the clause itself changes its fingerprint, and only its own
    term = next(f for f in after if f.rule == "TL104")
    para = next(p for p in d.paragraphs if term.evidence.text[4:60] in p.text)
    para.text = para.text.replace("three (3) years", "three years")
    d.save(str(edited))
    again = {f.rule: f.fingerprint for f in lint([str(edited)], Config())[0].findings}
    assert again["TL104"] != term.fingerprint
    assert again["TL103"] == next(f.fingerprint for f in before if f.rule == "TL103")


def test_rewriting_the_configured_file_adds_only_new_findings(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tenderlint.toml").write_text('suppressions = "s.yaml"\n', encoding="utf-8")
    found = len(lint([WESTSHIRE], Config())[0].findings)
    assert found >= 4
    res = CliRunner().invoke(main, ["check", WESTSHIRE, "--write-suppressions", "s.yaml"])
    assert res.exit_code == 1 and f"wrote {found} new entries" in res.stderr
    res = CliRunner().invoke(main, ["check", WESTSHIRE, "--write-suppressions", "s.yaml"])
    assert res.exit_code == 1 and "wrote 0 new entries" in res.stderr
    assert len(yaml.safe_load((tmp_path / "s.yaml").read_text(encoding="utf-8"))["suppressions"]) == found
