"""Every report format on corpus tenders, through the real CLI: HTML, SARIF, CSV, the caseworker letter,
annotated Word and PDF copies, and the provenance every report must state."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from html.parser import HTMLParser

import docx
import jsonschema
import pypdf
import pytest
from click.testing import CliRunner

from tenderlint.cli import main
from tenderlint.rules.ruleset import default_ruleset

from .conftest import CORPUS, DATA

T = CORPUS / "tenders"
TENDERS = [T / "westshire-homecare-itt.pdf", T / "cabinet-office-learning-framework.docx",
           T / "pack-greymoor-early-help", T / "pack-ea-flood-community-engagement.zip"]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def run(*args):
    res = CliRunner().invoke(main, [*args, "--isolated"])
    assert res.exit_code in (0, 1), res.output
    return res


@pytest.fixture(scope="module")
def findings():
    data = json.loads(run("check", *map(str, TENDERS), "--format", "json").stdout)
    return data


def _all(findings):
    return [(t["source"], f) for t in findings["tenders"] for f in t["findings"]]


def test_every_format_states_version_ruleset_hash_and_input_hashes(findings):
    rs = default_ruleset()
    sha = hashlib.sha256((T / "westshire-homecare-itt.pdf").read_bytes()).hexdigest()
    for fmt in ("text", "json", "sarif", "csv", "html", "letter"):
        out = run("check", str(T / "westshire-homecare-itt.pdf"), "--format", fmt).stdout
        assert "0.1.0" in out and rs.version in out and rs.sha256[:12] in out, fmt
        assert sha[:12] in out, fmt


def test_html_is_self_contained_parses_and_holds_every_finding(findings):
    out = run("check", *map(str, TENDERS), "--format", "html").stdout

    class Collect(HTMLParser):
        def __init__(self):
            super().__init__()
            self.text, self.srcs, self.tags, self.links, self.ids = [], [], [], [], set()

        def handle_starttag(self, tag, attrs):
            self.tags.append(tag)
            for k, v in attrs:
                if k == "id":
                    self.ids.add(v)
                if k == "href":
                    self.links.append(v)
                if k in ("src", "href") and v and v.startswith(("http:", "https:", "//")):
                    self.srcs.append(v)

        def handle_data(self, data):
            self.text.append(data)

    p = Collect()
    p.feed(out)
    text = " ".join(" ".join(p.text).split())
    assert not p.srcs, "the report must fetch nothing from the network"
    assert {"html", "main", "h1", "h2", "h3", "mark", "article"} <= set(p.tags)
    assert out.startswith("<!DOCTYPE html>") and '<html lang="en">' in out
    for _source, f in _all(findings):
        assert " ".join(f["message"].split()) in text
        assert " ".join(f["evidence"].split())[:60] in text
    assert text.count("What to write instead") >= len(_all(findings)) - 1
    # every link stays inside the report (a saved or mailed report has no repository beside it)
    assert p.links and all(h.startswith("#") and h[1:] in p.ids for h in p.links), p.links
    for _source, f in _all(findings):
        assert f"rule-{f['rule']}" in p.ids


def test_sarif_validates_against_the_official_schema(findings):
    out = json.loads(run("check", *map(str, TENDERS), "--format", "sarif").stdout)
    schema = json.loads((DATA / "contract" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(out)
    run_ = out["runs"][0]
    results = run_["results"]
    assert len(results) == len(_all(findings))
    ids = {r["id"] for r in run_["tool"]["driver"]["rules"]}
    assert all(r["ruleId"] in ids for r in results)
    for rule in run_["tool"]["driver"]["rules"]:  # the page travels with the log; no dead relative link
        assert "helpUri" not in rule and rule["help"]["markdown"].startswith(f"# {rule['id']}")
    fps = {f["fingerprint"] for _s, f in _all(findings)}
    assert {r["partialFingerprints"]["tenderlint/v1"] for r in results} == fps
    review = [r for r in results if r["kind"] == "review"]
    assert all(r["level"] == "none" for r in review)
    assert all(a["hashes"]["sha-256"] for a in run_["artifacts"])


def test_sarif_carries_suppressions_with_their_justification(tmp_path):
    supp = tmp_path / "s.yaml"
    run("check", str(T / "westshire-homecare-itt.pdf"), "--write-suppressions", str(supp))
    supp.write_text(supp.read_text(encoding="utf-8").replace("justification: ''",
                                                             "justification: 'Agreed by the panel.'"), encoding="utf-8")
    out = json.loads(run("check", str(T / "westshire-homecare-itt.pdf"), "--format", "sarif",
                         "--suppressions", str(supp)).stdout)
    results = out["runs"][0]["results"]
    assert results and all(r["suppressions"][0]["justification"] == "Agreed by the panel." for r in results)


def test_csv_round_trips_and_the_summary_has_one_row_per_tender(findings):
    out = run("check", *map(str, TENDERS), "--format", "csv").stdout
    assert out.startswith("\ufeff"), "a BOM, so that Excel reads the pound sign"
    rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))))
    assert len(rows) == len(_all(findings))
    assert [(r["tender"], r["rule"], r["evidence"]) for r in rows] == [
        (s, f["rule"], f["evidence"]) for s, f in _all(findings)]
    out = run("check", *map(str, TENDERS), "--format", "csv", "--summary").stdout
    rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))))
    assert [r["tender"] for r in rows] == [str(t) for t in TENDERS]
    for row, tender in zip(rows, findings["tenders"], strict=True):
        assert int(row["findings"]) == len(tender["findings"])
        assert sum(int(row[c]) for c in ("performance-bond", "turnover-threshold", "trading-history", "contract-term",
                                          "social-value", "financial-standing", "insurance", "track-record",
                                          "market-access", "reserved-contract")) == len(tender["findings"])


def test_the_letter_holds_every_quote_at_or_above_the_severity(findings):
    out = run("check", *map(str, TENDERS), "--format", "letter").stdout
    flat = " ".join(out.split())
    for _s, f in _all(findings):
        quoted = " ".join(f["evidence"].split())
        if f["severity"] in ("warning", "error"):
            assert quoted in flat, quoted
    assert "Recommendation 14" in out and "Yours faithfully" in out
    only_errors = run("check", *map(str, TENDERS), "--format", "letter", "--min-severity", "error").stdout
    error_quotes = {f["evidence"] for _s, f in _all(findings) if f["severity"] == "error"}
    for _s, f in _all(findings):
        if f["severity"] != "error" and f["evidence"] not in error_quotes:
            assert f"> {f['evidence']}" not in only_errors
    assert only_errors.count("**Where:**") == sum(f["severity"] == "error" for _s, f in _all(findings))


def _comment_anchors(document) -> dict[str, str]:
    """The text each comment is anchored on, read from the document XML."""
    open_ids: set[str] = set()
    text: dict[str, str] = {}
    for el in document.element.body.iter():
        if el.tag == W + "commentRangeStart":
            open_ids.add(el.get(W + "id"))
            text.setdefault(el.get(W + "id"), "")
        elif el.tag == W + "commentRangeEnd":
            open_ids.discard(el.get(W + "id"))
        elif el.tag == W + "t":
            for cid in open_ids:
                text[cid] += el.text or ""
    return text


def _all_paragraph_texts(d) -> list[str]:
    out = [p.text for p in d.paragraphs]
    for table in d.tables:
        for row in table.rows:
            for cell in row.cells:
                out += [p.text for p in cell.paragraphs]
    return out


@pytest.mark.parametrize("name", ["cabinet-office-learning-framework.docx", "nhs-westfield-trust-physio.docx",
                                  "brackenford-council-floating-support.docx"])
def test_annotated_docx_has_one_comment_per_finding_on_the_evidence_and_unchanged_text(name, tmp_path):
    src = T / name
    data = json.loads(run("check", str(src), "--format", "json").stdout)["tenders"][0]
    out = tmp_path / "reviewed.docx"
    res = run("annotate", str(src), "-o", str(out))
    assert res.exit_code == (1 if data["findings"] else 0)
    original, reviewed = docx.Document(str(src)), docx.Document(str(out))
    assert _all_paragraph_texts(reviewed) == _all_paragraph_texts(original)
    comments = list(reviewed.comments)
    assert len(comments) == len(data["findings"])
    anchors = _comment_anchors(reviewed)
    def on(anchored, f):
        evidence = " ".join(f["evidence"].split())
        return anchored in evidence or evidence.endswith(anchored) or anchored in evidence.split(" | ")[0]

    for c in comments:  # a rule may fire on several clauses: each comment sits on one of its findings' quote
        rule = c.text.split()[0]
        anchored = " ".join(anchors[str(c.comment_id)].split())
        same_rule = [x for x in data["findings"] if x["rule"] == rule]
        matches = [x for x in same_rule if anchored and on(anchored, x)]
        assert matches, (anchored, [x["evidence"] for x in same_rule])
        assert any(x["message"] in c.text for x in matches) and c.author == "tenderlint"


def test_annotated_pdf_has_one_highlight_per_finding(tmp_path):
    src = T / "westshire-homecare-itt.pdf"
    data = json.loads(run("check", str(src), "--format", "json").stdout)["tenders"][0]
    out = tmp_path / "reviewed.pdf"
    run("annotate", str(src), "-o", str(out))
    reader = pypdf.PdfReader(str(out))
    notes = [a.get_object() for p in reader.pages for a in (p.get("/Annots") or [])]
    assert len(notes) == len(data["findings"])
    assert all(n["/Subtype"] == "/Highlight" for n in notes)
    for f in data["findings"]:
        page = reader.pages[f["location"]["page"] - 1]
        assert any(f["message"] in str(a.get_object().get("/Contents")) for a in page.get("/Annots") or [])
    assert len(reader.pages) == len(pypdf.PdfReader(str(src)).pages)


def test_annotate_refuses_to_overwrite_and_other_formats(tmp_path):
    src = T / "westshire-homecare-itt.pdf"
    res = CliRunner().invoke(main, ["annotate", str(src), "-o", str(src), "--isolated"])
    assert res.exit_code == 2 and "never overwritten" in res.output
    res = CliRunner().invoke(main, ["annotate", str(T / "pack-greymoor-early-help"), "-o", str(tmp_path / "x.docx"),
                                    "--isolated"])
    assert res.exit_code == 2
