"""Hostile and broken input: every file gets a report or a clear error, in time, in bounded memory,
without leaking local files or writing outside the temporary folder; clean tenders in the same
batch are still linted correctly.

The hostile corpus is built at test time by tests/hostile/build.py (nothing large is committed).
"""

from __future__ import annotations

import json
import resource
import secrets
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from tenderlint.api import lint
from tenderlint.cli import main
from tenderlint.config import Config
from tenderlint.errors import ERROR_CODES, WARNING_CODES
from tenderlint.extract import isolate
from tenderlint.extract.limits import Limits

from .conftest import CORPUS, ROOT, corpus_labels
from .hostile.build import build

TIMEOUT = 5.0
LIMITS = Limits(timeout_seconds=TIMEOUT, max_memory_mb=512)
SETTINGS = f"[limits]\ntimeout-seconds = {TIMEOUT}\nmax-memory-mb = 512\n"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    secret = root / "secret.txt"
    marker = f"TOPSECRET-{secrets.token_hex(8)}"
    secret.write_text(f"{marker}\n", encoding="utf-8")
    expect = build(root / "files", secret)
    return root, marker, expect


def _outcome(report) -> set[str]:
    got = {"report"} if report.documents else set()
    return got | {e.code for e in report.errors}


def test_every_file_gets_a_report_or_a_clear_error_in_time_and_memory(hostile):
    _root, _marker, expect = hostile
    slow = []
    for path, allowed in expect.items():
        start = time.monotonic()
        (report,) = lint([path], Config(limits=LIMITS))
        elapsed = time.monotonic() - start
        got = _outcome(report)
        assert got, f"{path}: neither a report nor an error"
        assert got & allowed and got <= allowed | {"report"}, f"{Path(path).name}: got {sorted(got)}, allowed {allowed}"
        for e in report.errors:
            assert e.code in ERROR_CODES, e.code
            assert e.message and "\n" not in e.message and "Traceback" not in e.message
        if elapsed > TIMEOUT + 5:
            slow.append((Path(path).name, round(elapsed, 1)))
    assert not slow, f"over the time limit plus a few seconds: {slow}"
    isolate._WORKER.stop()  # reap the worker so its peak memory is counted
    child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    self_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    assert child_mb < 1024, f"a reader worker peaked at {child_mb:.0f} MB"
    assert self_mb < 1024, f"the linting process peaked at {self_mb:.0f} MB"


def test_a_timeout_kills_the_worker_and_the_next_file_is_still_read(hostile):
    _root, _marker, expect = hostile
    slow = next(p for p in expect if p.endswith("many-text-objects.pdf"))
    clean = str(CORPUS / "tenders" / "nhs-southmoor-audiology.docx")
    start = time.monotonic()
    no_budget = Limits(timeout_seconds=1.0, max_page_objects=10**8, max_page_chars=10**8)
    first, second = lint([slow, clean], Config(limits=no_budget))
    assert [e.code for e in first.errors] == ["timeout"]
    assert "1 s" in first.errors[0].message
    assert second.documents and not second.errors
    assert time.monotonic() - start < 1.0 + 15


def test_a_page_over_the_object_budget_is_refused_at_once(hostile):
    _root, _marker, expect = hostile
    dense = next(p for p in expect if p.endswith("many-text-objects.pdf"))
    start = time.monotonic()
    (report,) = lint([dense])
    assert [e.code for e in report.errors] == ["too-complex"]
    assert "page 1" in report.errors[0].message and "budget" in report.errors[0].message
    assert time.monotonic() - start < 10


def test_memory_cap_stops_a_decompression_bomb(hostile):
    _root, _marker, expect = hostile
    bomb = next(p for p in expect if p.endswith("flate-bomb.pdf"))
    (report,) = lint([bomb], Config(limits=Limits(max_memory_mb=256)))
    assert [e.code for e in report.errors] == ["out-of-memory"]


def test_no_local_file_content_in_any_output(hostile, tmp_path, monkeypatch):
    root, marker, expect = hostile
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tenderlint.toml").write_text(SETTINGS, encoding="utf-8")
    paths = list(expect)
    for fmt in ("json", "text"):
        res = CliRunner().invoke(main, ["check", *paths, "--format", fmt])
        assert res.exit_code == 2
        assert marker not in res.output and marker not in res.stderr
        assert "root:x:0:0" not in res.output
        assert "Traceback" not in res.output + res.stderr
    xxe = next(p for p in paths if p.endswith("xxe.docx"))
    (report,) = lint([xxe], Config(limits=LIMITS))
    text = " ".join(b.text for d in report.documents for b in d.blocks)
    assert "Bidders must read this" in text and marker not in text  # the entity was not resolved


def test_nothing_is_written_outside_the_temporary_folder(hostile, tmp_path, monkeypatch):
    root, _marker, expect = hostile
    work = tmp_path / "a" / "b"
    work.mkdir(parents=True)
    (work / "tenderlint.toml").write_text(SETTINGS, encoding="utf-8")
    monkeypatch.chdir(work)
    before = {p for p in tmp_path.rglob("*")} | {p for p in root.rglob("*")}
    res = CliRunner().invoke(main, ["check", *expect, "--format", "json"])
    assert res.exit_code == 2
    after = {p for p in tmp_path.rglob("*")} | {p for p in root.rglob("*")}
    assert after == before, sorted(str(p) for p in after - before)
    assert not Path("/abs/evil2.txt").exists()
    for p in (work / ".." / ".." / "evil.txt", root / "evil.txt", root.parent / "evil.txt"):
        assert not p.resolve().exists(), p


def test_a_batch_of_hostile_and_clean_tenders_reports_every_clean_tender_correctly(hostile, tmp_path, monkeypatch):
    _root, _marker, expect = hostile
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tenderlint.toml").write_text(SETTINGS, encoding="utf-8")
    labels = {e["id"]: e for e in corpus_labels()}
    clean_ids = ["westshire-homecare-itt", "pack-meridian-nhs-mental-health", "brackenford-council-floating-support",
                 "nhs-southmoor-audiology", "pack-greymoor-early-help"]
    hostile_paths = list(expect)
    inputs: list[str] = []
    for i, cid in enumerate(clean_ids):  # clean tenders spread through the hostile ones
        inputs += hostile_paths[i * 6:(i + 1) * 6] + [str(CORPUS / labels[cid]["path"])]
    inputs += hostile_paths[len(clean_ids) * 6:]
    res = CliRunner().invoke(main, ["check", *inputs, "--format", "json"])
    assert res.exit_code == 2
    data = json.loads(res.stdout)
    assert [t["source"] for t in data["tenders"]] == inputs  # every input, in input order
    for t in data["tenders"]:
        assert t["documents"] or t["errors"], t["source"]
    by_source = {t["source"]: t for t in data["tenders"]}
    for cid in clean_ids:
        tender = by_source[str(CORPUS / labels[cid]["path"])]
        assert not tender["errors"]
        assert {f["category"] for f in tender["findings"]} == set(labels[cid]["expected"]), cid
    lines = [line for line in res.stderr.splitlines() if line.startswith("tenderlint: ")]
    n_errors = sum(len(t["errors"]) for t in data["tenders"])
    assert len(lines) == n_errors  # one line on stderr per unreadable file


def test_zip_slip_and_symlinks_are_refused_and_the_rest_of_the_pack_is_read(hostile):
    _root, _marker, expect = hostile
    slip = next(p for p in expect if p.endswith("zip-slip.zip"))
    (report,) = lint([slip], Config(limits=LIMITS))
    assert [d.path for d in report.documents] == ["itt.txt"]
    assert sorted(e.code for e in report.errors) == ["unsafe-path"] * 3
    assert {f.category for f in report.findings} >= {"turnover-threshold"}
    for name in ("zip-symlink.zip", "symlink-folder"):
        (report,) = lint([next(p for p in expect if p.endswith(name))], Config(limits=LIMITS))
        assert [e.code for e in report.errors] == ["symlink"]
        assert [d.path for d in report.documents] == ["itt.txt"]


def test_an_owner_password_pdf_is_linted_and_a_user_password_pdf_is_refused(hostile):
    _root, _marker, expect = hostile
    owner = next(p for p in expect if p.endswith("encrypted-owner-only.pdf"))
    user = next(p for p in expect if p.endswith("encrypted-user-password.pdf"))
    a, b = lint([owner, user], Config(limits=LIMITS))
    assert not a.errors and "turnover-threshold" in {f.category for f in a.findings}
    assert [e.code for e in b.errors] == ["encrypted"]


def test_every_error_code_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [code for code in {**ERROR_CODES, **WARNING_CODES} if f"`{code}`" not in readme]
    assert not missing, missing


def test_a_line_with_no_full_stop_is_cut_into_bounded_sentences():
    from tenderlint.extract import read_file_bytes
    from tenderlint.extract.limits import Limits
    from tenderlint.lexicon import load_lexicon
    from tenderlint.nlp import MAX_SENTENCE_CHARS, analyse

    text = " ".join(["bidders must hold a minimum annual turnover of £3,000,000, and"] * 2000)  # 130 kB, one line
    doc = read_file_bytes("line.txt", text.encode(), Limits())
    sentences = analyse([doc], load_lexicon())
    assert sentences and max(len(s.text) for s in sentences) <= MAX_SENTENCE_CHARS
    assert "".join(s.text for s in sentences).replace(" ", "") == "".join(b.text for b in doc.blocks).replace(" ", "")


def test_analysis_over_its_time_budget_says_what_was_not_checked(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join(f"Paragraph {i}. The provider will report each quarter." for i in range(3000)),
                    encoding="utf-8")
    (report,) = lint([str(path)], Config(limits=Limits(analysis_seconds=0.01)))
    assert report.assessment == "partly-assessed"
    assert [w.code for w in report.warnings] == ["analysis-time"]
    assert "long.txt" == report.warnings[0].path


def test_a_reader_worker_dies_with_its_parent_even_mid_parse(tmp_path):
    import os
    import subprocess
    import sys

    script = tmp_path / "parent.py"
    script.write_text(
        "import os, signal, sys, threading, time\n"
        "import tenderlint.extract as ex\n"
        "from tenderlint.extract import isolate\n"
        "from tenderlint.extract.limits import Limits\n"
        "ex.read_file_bytes = lambda *a, **k: time.sleep(120)  # a parser stuck in a loop\n"
        "threading.Thread(target=isolate.read_isolated, args=('x.txt', b'x', Limits()), daemon=True).start()\n"
        "while isolate._WORKER is None or isolate._WORKER.proc is None: time.sleep(0.05)\n"
        "time.sleep(0.5)\n"
        "print(isolate._WORKER.proc.pid, flush=True)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n", encoding="utf-8")
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60)
    worker = int(out.stdout.split()[0])
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.kill(worker, 0)
        except ProcessLookupError:
            return
        try:  # reap it if it became our zombie (it is not our child, so this normally fails)
            os.waitpid(worker, os.WNOHANG)
        except ChildProcessError:
            pass
        with open(f"/proc/{worker}/stat", encoding="ascii") as fh:
            if fh.read().split()[2] == "Z":
                return  # dead, waiting for init to reap it
        time.sleep(0.1)
    os.kill(worker, 9)
    raise AssertionError("the worker outlived its parent")
