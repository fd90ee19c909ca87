"""The annotated corpus: quality bars, and the JSON contract on every tender through the real CLI."""

from __future__ import annotations

import json

import jsonschema
import pytest
from click.testing import CliRunner

from tenderlint.cli import main
from tenderlint.evaluate import CATEGORIES, CORE, evaluate

from .conftest import CORPUS, corpus_labels

LABELS = corpus_labels()


def test_corpus_size_and_mix():
    assert len(LABELS) >= 54
    kinds = [e["kind"] for e in LABELS]
    assert kinds.count("hard-negative") + kinds.count("fair") >= len(LABELS) / 3
    assert kinds.count("fair") >= 2
    formats = {e["format"] for e in LABELS}
    assert {"pdf", "docx", "txt", "html"} <= formats
    assert sum(1 for e in LABELS if e["format"] in ("folder", "zip")) >= 5
    # every category has tenders that must raise it, and regime pairs test the same clauses under both laws
    for cat in CATEGORIES:
        assert sum(1 for e in LABELS if cat in e["expected"]) >= 3, cat
    ids = {e["id"] for e in LABELS}
    pairs = [i[:-4] for i in ids if i.endswith("-pcr") and i[:-4] + "-pa" in ids]
    assert len(pairs) >= 4
    by_id = {e["id"]: e for e in LABELS}
    assert any(set(by_id[p + "-pcr"]["expected"]) != set(by_id[p + "-pa"]["expected"]) for p in pairs)


def test_eval_meets_quality_bars():
    result = evaluate(CORPUS)
    for cat in CATEGORIES:
        score = result.categories[cat]
        assert score.precision >= 0.95, (cat, result.mistakes)
        assert score.recall >= (0.90 if cat in CORE else 0.85), (cat, result.mistakes)
    assert result.facts_accuracy >= 0.90, result.mistakes
    assert result.passes()


def test_eval_command_prints_table_and_exits_zero():
    res = CliRunner().invoke(main, ["eval", str(CORPUS)])
    assert res.exit_code == 0, res.output
    assert "turnover-threshold" in res.output and "PASS" in res.output


@pytest.mark.parametrize("entry", LABELS, ids=[e["id"] for e in LABELS])
def test_json_output_validates_against_contract(entry, report_schema):
    res = CliRunner().invoke(main, ["check", str(CORPUS / entry["path"]), "--format", "json", "--fail-on", "never"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    jsonschema.Draft202012Validator(report_schema).validate(data)
    tender = data["tenders"][0]
    assert tender["documents"], "every corpus tender must be readable"
    assert not tender["errors"]
    for f in tender["findings"]:
        assert f["evidence"], f
        assert f["location"]["document"] in {d["path"] for d in tender["documents"]}


def test_regime_pairs_cite_the_law_of_their_regime():
    """The same clause under PCR 2015 and the Procurement Act 2023: each finding cites its own law."""
    for stem in ("stanmoor-council-handyperson", "ellingham-council-sensory-support"):
        pcr, pa = (next(e for e in LABELS if e["id"] == f"{stem}-{r}") for r in ("pcr", "pa"))
        for entry, own, other in ((pcr, "Public Contracts Regulations 2015", "Procurement Act 2023"),
                                  (pa, "Procurement Act 2023", "Public Contracts Regulations 2015")):
            res = CliRunner().invoke(main, ["check", str(CORPUS / entry["path"]), "--format", "json",
                                            "--fail-on", "never", "--isolated"])
            tender = json.loads(res.output)["tenders"][0]
            assert tender["facts"]["regime"] == entry["facts"]["regime"]
            for f in tender["findings"]:
                refs = " ".join(f["references"])
                assert own in refs and other not in refs, (entry["id"], f["rule"], refs)
