"""The installed command: exit codes, errors that keep the batch going, determinism."""

from __future__ import annotations

import json
import subprocess
import sys

from click.testing import CliRunner

from tenderlint.cli import main

from .conftest import CORPUS

T = CORPUS / "tenders"
POSITIVE = str(T / "westshire-homecare-itt.pdf")
FAIR = str(T / "nhs-southmoor-audiology.docx")


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_exit_codes():
    assert run("check", FAIR).exit_code == 0
    assert run("check", POSITIVE).exit_code == 1
    assert run("check", POSITIVE, "--fail-on", "error").exit_code == 0
    assert run("check", POSITIVE, "--fail-on", "never").exit_code == 0
    assert run("check", POSITIVE, "--select", "NOPE").exit_code == 2


def test_unreadable_file_is_reported_and_the_rest_linted(tmp_path):
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"%PDF-1.4 broken")
    res = CliRunner().invoke(main, ["check", POSITIVE, str(bad), "--format", "json"])
    assert res.exit_code == 2
    data = json.loads(res.stdout)
    assert [t["source"] for t in data["tenders"]] == [POSITIVE, str(bad)]
    assert data["tenders"][0]["findings"]
    assert data["tenders"][1]["errors"][0]["code"] == "corrupt"
    assert "Traceback" not in res.output


def test_select_and_ignore():
    res = run("check", POSITIVE, "--format", "json", "--select", "R10")
    cats = {f["category"] for f in json.loads(res.output)["tenders"][0]["findings"]}
    assert cats and cats <= {"performance-bond", "turnover-threshold", "trading-history"}
    res = run("check", POSITIVE, "--format", "json", "--ignore", "turnover-threshold,TL104")
    cats = {f["category"] for f in json.loads(res.output)["tenders"][0]["findings"]}
    assert "turnover-threshold" not in cats and "contract-term" not in cats


def test_json_is_byte_identical_across_runs():
    a = run("check", POSITIVE, str(T / "pack-meridian-nhs-mental-health.zip"), "--format", "json").output
    b = run("check", POSITIVE, str(T / "pack-meridian-nhs-mental-health.zip"), "--format", "json").output
    assert a == b


def test_output_file_and_text_format(tmp_path):
    out = tmp_path / "report.txt"
    res = run("check", POSITIVE, "-o", str(out))
    assert res.exit_code == 1 and res.output == ""
    text = out.read_text(encoding="utf-8")
    assert "westshire-homecare-itt.pdf:4" in text and "TL102" in text and "“" in text


def test_python_dash_m_and_rules_listing():
    res = subprocess.run([sys.executable, "-m", "tenderlint", "rules"], capture_output=True, text=True, check=True)
    assert "TL102" in res.stdout and "turnover-threshold" in res.stdout
