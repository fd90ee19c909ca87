"""The reading mechanisms of clause frames and the facts package, each on text written for it.

`tests/data/mechanisms.jsonl` holds passages written to exercise one mechanism each (consent
clauses, quantity roles, extensions, restated totals, waiver scope, payment wording, nested
weights, turnover multiples, values in words); the tender-level tests build real DOCX files and
packs with python-docx for the mechanisms that need structure (tables, headings, several files).
"""

from __future__ import annotations

import json

import pytest
from docx import Document

from tenderlint.api import lint, lint_documents, selected_rules
from tenderlint.config import Config
from tenderlint.evaluate import _same
from tenderlint.extract import read_file_bytes
from tenderlint.extract.limits import Limits
from tenderlint.nlp.frames import build_frame
from tenderlint.nlp.quantities import find_quantities
from tenderlint.report.json import report_dict

from .conftest import DATA

PASSAGES = [json.loads(line) for line in (DATA / "mechanisms.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
RULES = selected_rules(Config())


def _lint_text(text: str):
    doc = read_file_bytes("passage.txt", text.encode("utf-8"), Limits())
    return lint_documents("passage.txt", [doc], RULES)


@pytest.mark.parametrize("passage", PASSAGES, ids=[f"{p['id']}-{p['mechanism']}" for p in PASSAGES])
def test_mechanism_passage(passage):
    report = _lint_text(passage["text"])
    raised = {f.category for f in report.findings if f.confidence == "high"}
    missing = set(passage["expect"]) - raised
    wrong = set(passage["expect_not"]) & raised
    assert not missing and not wrong, f"missing {sorted(missing)}, wrongly raised {sorted(wrong)}"
    for key, want in passage["facts"].items():
        got = getattr(report.facts, key)
        assert _same(want, got), f"{key}: expected {want!r}, got {got!r}"


def test_every_mechanism_has_passages_both_ways():
    by = {}
    for p in PASSAGES:
        by.setdefault(p["mechanism"], []).append(p)
    assert len(by) >= 14
    assert sum(1 for p in PASSAGES if not p["expect"]) >= 15


def _frame(text: str):
    qs = find_quantities(text)
    return build_frame(text, qs), qs


@pytest.mark.parametrize("text, modality", [
    ("Suppliers shall hold a current operator licence.", "must"),
    ("The provider must not assign the agreement to another party.", "must_not"),
    ("A deposit may be requested at the Board's discretion.", "may"),
    ("A bank guarantee will not be required from the successful tenderer.", "not_required"),
    ("The service operates from three community hubs.", "states"),
])
def test_frame_reads_modality(text, modality):
    assert _frame(text)[0].modality == modality


def test_frame_separates_consent_from_condition():
    consent, _ = _frame("Assignment is forbidden unless the Board has first agreed to it in writing.")
    assert consent.has("consent")
    cond, _ = _frame("Should a bidder's credit rating fall below the threshold, a guarantee may be sought.")
    assert cond.has("condition") and not cond.has("consent")


@pytest.mark.parametrize("text, role", [
    ("Prices must be held firm for 150 days after submission.", "validity"),
    ("Settlement of approved invoices will take place within 21 days.", "payment"),
    ("Uplifts to the Real Living Wage must be reflected in carers' pay within 3 months.", "deadline"),
    ("A mobilisation period of 8 weeks precedes the service start.", "mobilisation"),
    ("Respondents should have been trading for 4 years or more.", "trading"),
    ("We work with young people aged 11 to 18 years.", "age"),
    ("The agreement will be let for an initial 30 months.", "term"),
    ("Thereafter the Board may extend it for one further period of 12 months.", "extension"),
    ("The buyer may extend the term by up to 18 months in blocks of 6 months.", "increment"),
])
def test_quantity_roles(text, role):
    _, qs = _frame(text)
    durations = [q for q in qs if q.kind == "DURATION"]
    assert durations[-1].role == role, [(q.text, q.role) for q in qs]


def test_negation_scope_ends_at_the_clause():
    frame, _ = _frame("No bond is needed, but a guarantee from the parent is required.")
    text = "No bond is needed, but a guarantee from the parent is required."
    assert frame.negated(text.index("bond"), text.index("bond") + 4)
    assert not frame.negated(text.index("guarantee"), text.index("guarantee") + 9)


# --- tender-level mechanisms on real DOCX files and packs ---------------------------------------

def _docx(path, items):
    d = Document()
    for kind, *rest in items:
        if kind == "h":
            d.add_heading(rest[0], level=rest[1] if len(rest) > 1 else 1)
        elif kind == "p":
            d.add_paragraph(rest[0])
        elif kind == "li":
            d.add_paragraph(rest[0], style="List Bullet")
        elif kind == "t":
            rows = rest[0]
            t = d.add_table(rows=len(rows), cols=len(rows[0]))
            for i, r in enumerate(rows):
                for j, c in enumerate(r):
                    t.cell(i, j).text = c
    d.save(path)
    return path


def test_extension_in_another_file_of_the_pack_counts(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    _docx(pack / "01-itt.docx", [
        ("h", "Invitation to tender: patient transport"),
        ("p", "Tenders are invited under the open procedure of the Public Contracts Regulations 2015."),
        ("p", "The initial contract period is thirty-six months from 1 June 2026."),
        ("p", "The estimated annual value is £180,000.")])
    _docx(pack / "02-terms.docx", [
        ("h", "Draft terms"),
        ("p", "7.1 The Trust may extend this Contract by one further period of up to 24 months on written notice.")])
    (report,) = lint([str(pack)])
    assert report.facts.initial_term_months == 36 and report.facts.max_term_months == 60
    assert report.facts.evidence["max_term_months"].document == "02-terms.docx"
    assert report.facts.confidence["max_term_months"] < 1.0
    assert "contract-term" not in {f.category for f in report.findings}


def test_values_stated_only_in_a_table(tmp_path):
    path = _docx(tmp_path / "lots.docx", [
        ("h", "Lot structure"),
        ("t", [["Lot", "Service", "Estimated annual value", "Estimated total value"],
               ["1", "Befriending", "£95,000", "£475,000"]]),
        ("p", "Each contract will run for five years."),
        ("p", "Bidders must have a minimum turnover of £400,000.")])
    (report,) = lint([str(path)])
    assert report.facts.estimated_annual_value == 95000 and report.facts.estimated_total_value == 475000
    assert report.facts.turnover_ratio == pytest.approx(4.21, abs=0.01)
    assert "turnover-threshold" in {f.category for f in report.findings}


def test_sub_criteria_table_is_multiplied_out(tmp_path):
    path = _docx(tmp_path / "award.docx", [
        ("h", "Evaluation"),
        ("p", "Tenders will be scored on the criteria below."),
        ("t", [["Criterion", "Weighting"], ["Cost", "30%"], ["Quality", "70%"]]),
        ("h", "Quality sub-criteria", 2),
        ("t", [["Sub-criterion", "Weighting within quality"], ["Approach", "60%"], ["Team", "30%"],
               ["Social value", "10%"]])])
    (report,) = lint([str(path)])
    assert report.facts.social_value_weight_percent == 7
    assert "social-value" in {f.category for f in report.findings}


def test_a_waiver_only_waives_what_it_names(tmp_path):
    path = _docx(tmp_path / "finance.docx", [
        ("h", "Economic and financial standing"),
        ("p", "We will not use turnover to exclude anyone."),
        ("p", "Applicants whose Experian credit score is under 45 will be rejected.")])
    (report,) = lint([str(path)])
    cats = {f.category for f in report.findings}
    assert "financial-standing" in cats and "turnover-threshold" not in cats


def test_an_ambiguous_security_clause_is_reported_for_review(tmp_path):
    path = _docx(tmp_path / "security.docx", [
        ("h", "Security"), ("p", "An on-demand bond of 5% of the contract price may be required.")])
    (report,) = lint([str(path)])
    bonds = [f for f in report.findings if f.category == "performance-bond"]
    assert len(bonds) == 1 and bonds[0].confidence == "review" and bonds[0].severity == "info"
    assert bonds[0].message.startswith("Needs review:")
    out = report_dict([report])["tenders"][0]["findings"][0]
    assert out["confidence"] == "review"


@pytest.mark.parametrize("text, rule, says, never", [
    ("The Council is establishing a framework agreement for advocacy services under the Public Contracts "
     "Regulations 2015. The Framework Agreement will be for a period of 3 years.", "TL104", "four years", "five years"),
    ("The Council invites tenders for an advocacy service. The contract will run for two years.",
     "TL104", "five years", "four years"),
    ("This contract is reserved for qualifying organisations under regulation 77 of the Public Contracts "
     "Regulations 2015. The contract will run for three years with an option to extend for a further two years.",
     "TL119", "three years", "five years"),
    ("The contract is reserved for public service mutuals under section 33 of the Procurement Act 2023. "
     "The contract period is six years.", "TL119", "five years", "three years"),
])
def test_advice_follows_the_law_the_finding_cites(text, rule, says, never):
    (f,) = [f for f in _lint_text(text).findings if f.rule == rule]
    assert says in f.suggestion and never not in f.suggestion, f.suggestion
