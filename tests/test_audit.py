"""`tenderlint audit` and `audit-report` through the real CLI: one row per tender, resumable, incremental,
surviving SIGTERM without duplicates or gaps."""

from __future__ import annotations

import csv
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from tenderlint.api import lint
from tenderlint.cli import main

from .conftest import CORPUS, corpus_labels

LABELS = {e["id"]: e for e in corpus_labels()}
CLEAN = ["westshire-homecare-itt", "cabinet-office-learning-framework", "pack-meridian-nhs-mental-health",
         "pack-greymoor-early-help", "brackenford-council-floating-support", "nhs-southmoor-audiology"]


def _copy(entry_id: str, dest):
    src = CORPUS / LABELS[entry_id]["path"]
    target = dest / src.name
    if src.is_dir():
        shutil.copytree(src, target)
    else:
        shutil.copy(src, target)
    return target.name


@pytest.fixture()
def archive(tmp_path):
    root = tmp_path / "archive"
    root.mkdir()
    names = {_copy(i, root): i for i in CLEAN}
    (root / "scan.pdf").write_bytes(b"%PDF-1.4 broken beyond repair")
    (root / "minutes.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    (root / "empty-folder").mkdir()
    return root, names


def run(*args):
    res = CliRunner().invoke(main, [*args, "--isolated", "--no-progress"])
    return res


def _rows(db):
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return {r["key"]: dict(r) for r in conn.execute("SELECT * FROM tenders")}, conn
    except sqlite3.OperationalError:
        return {}, conn


def test_audit_writes_one_row_per_tender_with_the_right_findings(archive, tmp_path):
    root, names = archive
    db = str(tmp_path / "audit.sqlite")
    res = run("audit", str(root), "--db", db, "--workers", "2")
    assert res.exit_code == 0, res.output
    assert "9 tenders: 6 read, 0 skipped (unchanged), 3 failed" in res.stderr
    rows, conn = _rows(db)
    assert set(rows) == set(names) | {"scan.pdf", "minutes.doc", "empty-folder"}
    for name, cid in names.items():
        cats = {c for (c,) in conn.execute("SELECT DISTINCT category FROM findings WHERE tender_key = ?", (name,))}
        assert cats == set(LABELS[cid]["expected"]), name
        assert rows[name]["status"] == "done" and rows[name]["n_findings"] == conn.execute(
            "SELECT COUNT(*) FROM findings WHERE tender_key = ?", (name,)).fetchone()[0]
    codes = dict(conn.execute("SELECT tender_key, code FROM errors"))
    assert codes["scan.pdf"] == "corrupt" and codes["minutes.doc"] == "unsupported-format"
    assert codes["empty-folder"] == "empty"
    # the README's example query runs
    high = {k for (k,) in conn.execute("SELECT key FROM tenders WHERE turnover_ratio > 2")}
    assert "westshire-homecare-itt.pdf" in high


def test_re_running_skips_unchanged_tenders_and_redoes_changed_ones(archive, tmp_path):
    root, names = archive
    db = str(tmp_path / "audit.sqlite")
    assert run("audit", str(root), "--db", db, "--workers", "1").exit_code == 0
    res = run("audit", str(root), "--db", db)
    assert "0 read, 9 skipped (unchanged), 0 failed" in res.stderr
    (root / "westshire-homecare-itt.pdf").write_bytes((CORPUS / "tenders" / "nhs-southmoor-audiology.docx").read_bytes())
    res = run("audit", str(root), "--db", db)
    assert "1 read, 8 skipped" in res.stderr
    rows, conn = _rows(db)
    assert conn.execute("SELECT COUNT(*) FROM findings WHERE tender_key = 'westshire-homecare-itt.pdf'"
                        ).fetchone()[0] == 0  # now a clean tender: its old findings are gone, not kept
    res = run("audit", str(root), "--db", db, "--threshold", "TL104.min_months=48")  # a changed rule set
    assert "0 skipped" in res.stderr
    res = run("audit", str(root), "--db", db, "--threshold", "TL104.min_months=48", "--force")
    assert "0 skipped" in res.stderr
    assert len(_rows(db)[0]) == 9


def test_sigterm_mid_audit_then_rerun_finishes_without_duplicates(tmp_path):
    root = tmp_path / "big"
    root.mkdir()
    src = CORPUS / "tenders" / "westshire-homecare-itt.pdf"
    for i in range(24):
        shutil.copy(src, root / f"tender-{i:02d}.pdf")
    db = tmp_path / "audit.sqlite"
    cmd = [sys.executable, "-m", "tenderlint", "audit", str(root), "--db", str(db), "--workers", "1", "--isolated",
           "--no-progress"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    done = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        if db.exists():
            try:
                done = sqlite3.connect(db).execute("SELECT COUNT(*) FROM tenders").fetchone()[0]
            except sqlite3.OperationalError:
                continue
            if done >= 3:
                break
    assert proc.poll() is None, "the audit finished before it could be interrupted"
    proc.send_signal(signal.SIGTERM)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "interrupted" in err and "Traceback" not in err
    conn = sqlite3.connect(db)
    first = conn.execute("SELECT COUNT(*) FROM tenders").fetchone()[0]
    assert 3 <= first < 24
    per_tender = dict(conn.execute("SELECT key, n_findings FROM tenders"))
    for key, n in per_tender.items():  # nothing half-written
        assert conn.execute("SELECT COUNT(*) FROM findings WHERE tender_key = ?", (key,)).fetchone()[0] == n
    conn.close()
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    assert f"{24 - first} read, {first} skipped" in res.stderr
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT COUNT(*), COUNT(DISTINCT key) FROM tenders").fetchone() == (24, 24)
    per_tender = len(lint([str(src)])[0].findings)
    assert conn.execute("SELECT COUNT(*) FROM findings").fetchone()[0] == 24 * per_tender
    assert os.path.exists(db)


def test_audit_report_writes_tables_and_a_self_contained_summary(archive, tmp_path):
    root, _names = archive
    db = str(tmp_path / "audit.sqlite")
    run("audit", str(root), "--db", db)
    out = tmp_path / "report"
    res = CliRunner().invoke(main, ["audit-report", db, "-o", str(out)])
    assert res.exit_code == 0, res.output
    with (out / "tenders.csv").open(encoding="utf-8-sig") as fh:
        assert len(list(csv.DictReader(fh))) == 9
    with (out / "findings.csv").open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and {"tender_key", "rule", "category", "evidence"} <= set(rows[0])
    html = (out / "summary.html").read_text(encoding="utf-8")
    assert "<svg" in html and "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "turnover-threshold" in html and "R10" in html


def test_audit_manifest_groups_files_into_one_tender(tmp_path):
    pack = CORPUS / "tenders" / "pack-greymoor-early-help"
    files = sorted(p for p in pack.iterdir() if p.is_file())
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("tender,path\n" + "".join(f"greymoor,{p}\n" for p in files)
                        + f"westshire,{CORPUS / 'tenders' / 'westshire-homecare-itt.pdf'}\n", encoding="utf-8")
    db = str(tmp_path / "audit.sqlite")
    res = run("audit", str(tmp_path), "--db", db, "--manifest", str(manifest))
    assert res.exit_code == 0, res.output
    rows, conn = _rows(db)
    assert set(rows) == {"greymoor", "westshire"}
    assert rows["greymoor"]["n_documents"] == len(files)
    cats = {c for (c,) in conn.execute("SELECT DISTINCT category FROM findings WHERE tender_key = 'greymoor'")}
    assert cats == set(LABELS["pack-greymoor-early-help"]["expected"])


def test_the_readme_queries_run(archive, tmp_path):
    import re

    from .conftest import ROOT

    root, _names = archive
    db = str(tmp_path / "audit.sqlite")
    run("audit", str(root), "--db", db)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```sql\n(.*?)```", readme, re.S).group(1)
    conn = sqlite3.connect(db)
    queries = [q.strip() for q in block.split(";") if q.strip() and not q.strip().startswith("--") or "SELECT" in q]
    ran = 0
    for q in queries:
        sql = "\n".join(line for line in q.splitlines() if not line.strip().startswith("--")).strip()
        if sql:
            rows = conn.execute(sql).fetchall()
            assert rows, sql
            ran += 1
    assert ran == 3


def test_dask_engine_on_a_local_cluster_gives_the_same_results(archive, tmp_path):
    distributed = pytest.importorskip("distributed")
    import dask

    root, _names = archive
    local_db, dask_db = str(tmp_path / "local.sqlite"), str(tmp_path / "dask.sqlite")
    assert run("audit", str(root), "--db", local_db, "--workers", "2").exit_code == 0
    with dask.config.set({"distributed.worker.daemon": False}):  # so each worker keeps its isolated reader
        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                      silence_logs=40) as cluster:
            res = run("audit", str(root), "--db", dask_db, "--engine", "dask", "--scheduler",
                      cluster.scheduler_address)
    assert res.exit_code == 0, res.output

    def snapshot(db):
        conn = sqlite3.connect(db)
        tenders = sorted(conn.execute("SELECT key, status, n_findings, n_errors, turnover_ratio FROM tenders"))
        findings = sorted(conn.execute("SELECT tender_key, rule, fingerprint FROM findings"))
        return tenders, findings

    assert snapshot(dask_db) == snapshot(local_db)
    engines = {e for (e,) in sqlite3.connect(dask_db).execute("SELECT engine FROM runs")}
    assert engines == {"dask"}


def test_dask_engine_needs_a_scheduler(archive, tmp_path):
    root, _names = archive
    res = run("audit", str(root), "--db", str(tmp_path / "x.sqlite"), "--engine", "dask")
    assert res.exit_code == 2 and "--scheduler" in res.output


def test_engines_share_one_interface_without_an_import_cycle():
    """Both engines implement `Engine.run` over the same job and never import the orchestrator."""
    import ast
    import inspect

    import tenderlint.audit.dask_engine as dask_engine
    import tenderlint.audit.local_engine as local_engine
    from tenderlint.audit.engine import make_engine

    for mod in (local_engine, dask_engine):
        tree = ast.parse(inspect.getsource(mod))
        imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        assert "tenderlint.audit.engine" not in imported, mod.__name__
    assert make_engine("local", 2).name == "local" and make_engine("dask", 1, "tcp://x:1").name == "dask"
    assert callable(local_engine.LocalEngine.run) and callable(dask_engine.DaskEngine.run)
