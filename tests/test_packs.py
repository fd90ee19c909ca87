"""Packs whose files disagree, and folders that hold more than one tender (real DOCX made with python-docx)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from tenderlint.api import lint
from tenderlint.cli import main

from .test_mechanisms import _docx

ITT_HEAD = [("h", "Invitation to tender: community transport"),
            ("p", "Tenders are invited under the open procedure of the Public Contracts Regulations 2015.")]


def _pack(tmp_path, files: dict[str, list]) -> str:
    pack = tmp_path / "pack"
    pack.mkdir()
    for name, items in files.items():
        _docx(pack / name, items)
    return str(pack)


def test_files_that_disagree_on_the_term_are_named_and_the_shortest_is_judged(tmp_path):
    pack = _pack(tmp_path, {
        "01-itt.docx": ITT_HEAD + [
            ("p", "The contract will run for an initial period of three years with the option to extend for up to "
                  "two further years."),
            ("p", "The estimated annual value is £150,000.")],
        "02-draft-contract.docx": [
            ("h", "Draft contract"),
            ("p", "2.1 This Contract shall commence on the Commencement Date and continue for a period of 24 months.")]})
    (report,) = lint([pack])
    assert report.facts.max_term_months == 24
    (c,) = report.facts.conflicts
    assert c.fact == "max_term_months" and c.chosen == 24
    assert {(s.document, s.value) for s in c.values} == {("01-itt.docx", 60), ("02-draft-contract.docx", 24)}
    (f,) = [f for f in report.findings if f.category == "contract-term"]
    assert "01-itt.docx says 60 months" in f.message and "02-draft-contract.docx says 24 months" in f.message
    assert f.evidence.document == "02-draft-contract.docx"
    out = json.loads(CliRunner().invoke(main, ["check", pack, "--format", "json"]).output)
    (tender,) = out["tenders"]
    assert tender["conflicts"][0]["judged_on"] == 24
    assert {s["document"] for s in tender["conflicts"][0]["statements"]} == {"01-itt.docx", "02-draft-contract.docx"}
    text = CliRunner().invoke(main, ["check", pack]).output
    assert "disagree" in text and "02-draft-contract.docx says 24 months" in " ".join(text.split())


def test_two_annual_values_judge_turnover_on_the_lower(tmp_path):
    pack = _pack(tmp_path, {
        "01-itt.docx": ITT_HEAD + [
            ("p", "The estimated annual contract value is £400,000."),
            ("p", "The contract will run for five years."),
            ("p", "Bidders must have a minimum annual turnover of £700,000.")],
        "02-pricing.docx": [("h", "Pricing schedule"), ("p", "The estimated annual contract value is £250,000.")]})
    (report,) = lint([pack])
    assert report.facts.estimated_annual_value == 250000
    (f,) = [f for f in report.findings if f.category == "turnover-threshold"]
    assert "02-pricing.docx says £250,000" in f.message


def test_a_file_that_omits_the_extension_does_not_disagree(tmp_path):
    pack = _pack(tmp_path, {
        "01-itt.docx": ITT_HEAD + [("p", "The contract will be for 3+2 years."),
                                   ("p", "The estimated annual value is £150,000.")],
        "02-specification.docx": [("h", "Specification"),
                                  ("p", "The contract will run for three years from April 2027."),
                                  ("p", "Where a call-off is valued at under £25,000 the Council may award it directly.")]})
    (report,) = lint([pack])
    assert report.facts.conflicts == []
    assert report.facts.max_term_months == 60 and report.facts.estimated_annual_value == 150000
    assert "contract-term" not in {f.category for f in report.findings}


def test_a_folder_of_unrelated_tenders_is_reported_tender_by_tender(tmp_path):
    pack = _pack(tmp_path, {
        "a-itt.docx": [("h", "Invitation to tender: day services"), ("p", "Tender reference: NBC/ASC/2026/014"),
                       ("p", "The estimated annual value is £200,000."),
                       ("p", "The contract will run for five years."),
                       ("p", "Bidders must have a minimum annual turnover of £1,000,000.")],
        "a-pricing.docx": [("h", "Pricing schedule"), ("p", "Ref: NBC/ASC/2026/014"),
                           ("p", "Prices must be fixed for the first year.")],
        "b-itt.docx": [("h", "Invitation to tender: grounds maintenance"), ("p", "Tender reference: SDC-ENV-0931"),
                       ("p", "The estimated annual value is £2,000,000."),
                       ("p", "The contract will run for seven years.")],
        "notes.docx": [("h", "Notes"), ("p", "The site visits are on Tuesdays.")]})
    reports = lint([pack])
    assert [(r.reference, [d.path for d in r.documents]) for r in reports] == [
        ("NBC/ASC/2026/014", ["a-itt.docx", "a-pricing.docx"]), ("SDC-ENV-0931", ["b-itt.docx"]),
        (None, ["notes.docx"])]
    a, b, _ = reports
    assert a.facts.estimated_annual_value == 200000 and b.facts.estimated_annual_value == 2000000
    assert "turnover-threshold" in {f.category for f in a.findings}
    assert all(r.split_from == pack for r in reports)
    out = json.loads(CliRunner().invoke(main, ["check", pack, "--format", "json"]).output)
    assert [t["reference"] for t in out["tenders"]] == ["NBC/ASC/2026/014", "SDC-ENV-0931", None]


def test_one_tender_whose_files_share_or_omit_the_reference_stays_one(tmp_path):
    pack = _pack(tmp_path, {
        "01-itt.docx": ITT_HEAD + [("p", "Our reference: WCC-ASC-2026-031"), ("p", "The contract will be for 3+2 years.")],
        "02-spec.docx": [("h", "Specification"), ("p", "The service supports 40 people.")],
        "03-terms.docx": [("h", "Contract particulars"), ("p", "Contract reference WCC-ASC-2026-031.")]})
    (report,) = lint([pack])
    assert report.split_from is None and len(report.documents) == 3


def test_a_plain_text_table_is_read_as_a_table_and_a_weight_column_beats_a_range(tmp_path):
    path = tmp_path / "itt.txt"
    path.write_text(
        "Award criteria\n\nBids are scored as below.\n\n"
        "Criterion | Weighting | Allowed range\n\n|---|---|---|\n\nQuality | 55% | 50-60%\n\n"
        "Social value | 5% | 5-15%\n\nPrice | 40% | 30-45%\n\n"
        "Payment is made monthly. Technical 60% | Commercial 40% is the split used last time.\n",
        encoding="utf-8")
    (report,) = lint([str(path)])
    rows = [b for b in report.documents[0].blocks if b.kind == "table-row"]
    assert [b.cells[0] for b in rows] == ["Criterion", "Quality", "Social value", "Price"]
    assert len({b.table for b in rows}) == 1
    assert report.facts.social_value_weight_percent == 5
    assert "social-value" in {f.category for f in report.findings}


def test_a_pack_with_broken_empty_and_oddly_named_files_keeps_the_good_findings(tmp_path):
    import zipfile

    import docx as python_docx

    pack = tmp_path / "pack"
    pack.mkdir()
    _docx(pack / "01 ITT.docx", ITT_HEAD + [("p", "The estimated annual value is £150,000."),
                                          ("p", "Bidders must have a minimum annual turnover of £900,000.")])
    (pack / "02 spec.pdf").write_bytes(b"%PDF-1.7\nthis is not a PDF body")
    python_docx.Document().save(str(pack / "03 empty.docx"))
    (pack / "-rf --format=xml.txt").write_text("Bidders must have traded for five years.\n", encoding="utf-8")
    zpath = tmp_path / "pack.zip"
    with zipfile.ZipFile(zpath, "w") as z:
        for f in sorted(pack.iterdir()):
            z.write(f, f.name)
    for target in (pack, zpath):
        res = CliRunner().invoke(main, ["check", str(target), "--format", "json"])
        assert res.exit_code == 2, res.output
        (tender,) = json.loads(res.stdout)["tenders"]
        assert tender["assessment"] == "partly-assessed"
        assert {(e["path"].replace(":", "/").split("/")[-1], e["code"]) for e in tender["errors"]} == {
            ("02 spec.pdf", "corrupt"), ("03 empty.docx", "empty")}
        got = {(f["category"], f["location"]["document"]) for f in tender["findings"]}
        assert {("turnover-threshold", "01 ITT.docx"), ("trading-history", "-rf --format=xml.txt")} <= got
        assert "02 spec.pdf" in res.stderr and "03 empty.docx" in res.stderr
