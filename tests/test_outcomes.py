"""Honest outcomes: a tender that could not be read is "not assessed" in every format, never clean."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest
from click.testing import CliRunner

from tenderlint.cli import main

from .conftest import CORPUS
from .hostile.build import encrypted_pdf, image_only_pdf

CLEAN_WORDS = ("nothing of concern", "no requirement of concern", "No barriers found", "no barriers found")


@pytest.fixture(scope="module")
def unreadable(tmp_path_factory):
    root = tmp_path_factory.mktemp("unreadable")
    files = {
        "encrypted.pdf": encrypted_pdf("user-secret"),
        "password.docx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024
        + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 1024,
        "scanned.pdf": image_only_pdf(),
    }
    for name, data in files.items():
        (root / name).write_bytes(data)
    return root, sorted(files)


def run(*args):
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize("name", ["encrypted.pdf", "password.docx", "scanned.pdf"])
def test_not_assessed_in_every_format(unreadable, name):
    root, _ = unreadable
    path = str(root / name)
    out = json.loads(run("check", path, "--format", "json").stdout)
    (tender,) = out["tenders"]
    assert tender["assessment"] == "not-assessed" and tender["errors"]
    assert tender["facts"]["regime"] is None and tender["facts"].get("buyer_type") is None, "no guessed facts"

    letter = run("check", path, "--format", "letter").stdout
    assert "could not assess this tender" in letter
    assert not any(w in letter for w in CLEAN_WORDS)
    assert "We have reviewed" not in letter

    html = run("check", path, "--format", "html").stdout
    assert "Not assessed." in html and "No barriers found" not in html

    text = run("check", path).stdout
    assert "NOT ASSESSED" in text and "no barriers found" not in text

    rows = list(csv.DictReader(io.StringIO(run("check", path, "--format", "csv").stdout.removeprefix("\ufeff"))))
    assert rows and rows[0]["status"] == "not-read" and rows[0]["assessment"] == "not-assessed"
    summary = list(csv.DictReader(io.StringIO(
        run("check", path, "--format", "csv", "--summary").stdout.removeprefix("\ufeff"))))
    assert summary[0]["assessment"] == "not-assessed"

    sarif = json.loads(run("check", path, "--format", "sarif").stdout)
    inv = sarif["runs"][0]["invocations"][0]
    assert inv["executionSuccessful"] is False
    assert any(n["descriptor"]["id"] == "not-assessed" for n in inv["toolExecutionNotifications"])
    assert sarif["runs"][0]["properties"]["tenders"][0]["assessment"] == "not-assessed"


def test_audit_records_unread_tenders_without_facts_and_counts_them_on_every_run(unreadable, tmp_path):
    root, names = unreadable
    archive = tmp_path / "archive"
    archive.mkdir()
    for name in names:
        (archive / name).write_bytes((root / name).read_bytes())
    (archive / "fair.docx").write_bytes((CORPUS / "tenders" / "nhs-southmoor-audiology.docx").read_bytes())
    db = str(tmp_path / "audit.sqlite")
    first = run("audit", str(archive), "--db", db, "--no-progress")
    assert first.exit_code == 0, first.output
    conn = sqlite3.connect(db)
    rows = dict(conn.execute("SELECT key, status FROM tenders"))
    assert rows == {"encrypted.pdf": "failed", "password.docx": "failed", "scanned.pdf": "failed", "fair.docx": "done"}
    guessed = conn.execute("SELECT COUNT(*) FROM tenders WHERE status = 'failed' AND (buyer_type IS NOT NULL OR "
                           "contract_nature IS NOT NULL OR framework IS NOT NULL OR regime IS NOT NULL)").fetchone()[0]
    assert guessed == 0
    conn.close()
    again = run("audit", str(archive), "--db", db, "--no-progress")
    assert "0 failed" in again.stderr and "3 tenders in the database could not be read" in again.stderr


@pytest.mark.parametrize("html, refused", [
    ("<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1>"
     "<p>The requested URL was not found on this server.</p></body></html>", True),
    ("<html><head><title>Sign in</title></head><body><p>Your session has expired. Please sign in again."
     "</p></body></html>", True),
    ("<html><head><title>Homecare services</title></head><body><p>The estimated annual value is £400,000. "
     "Bidders must have a minimum annual turnover of £3,000,000.</p></body></html>", False),
])
def test_a_saved_web_error_page_is_refused_not_called_clean(tmp_path, html, refused):
    path = tmp_path / "itt.html"
    path.write_text(html, encoding="utf-8")
    result = run("check", str(path), "--format", "json")
    if refused:
        assert result.exit_code == 2, result.output
        assert "not-a-tender" in result.output and "itt.html" in result.output
    else:
        (tender,) = json.loads(result.output)["tenders"]
        assert tender["assessment"] == "assessed"
        assert "turnover-threshold" in {f["category"] for f in tender["findings"]}
