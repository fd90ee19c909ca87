"""Run the audit: lint every tender that is new or changed, in parallel, streaming each result into
the database as it arrives. Interrupting it (Ctrl-C, SIGTERM) keeps everything already written."""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import signal
import time
from dataclasses import dataclass, field
from multiprocessing import get_context
from multiprocessing.connection import wait as mp_wait
from typing import Any

from tenderlint.audit import store
from tenderlint.audit.archive import Tender
from tenderlint.audit.progress import Progress
from tenderlint.config import Config


@dataclass
class AuditSummary:
    total: int = 0
    done: int = 0
    skipped: int = 0
    failed: int = 0
    interrupted: bool = False
    findings: int = 0
    errors: list[str] = field(default_factory=list)


def ruleset_hash(config: Config) -> str:
    """What the results depend on besides the files: the rulesets and every setting that changes findings."""
    from tenderlint.rules.ruleset import default_ruleset, load_ruleset

    sets = [default_ruleset().sha256] + [load_ruleset(p).sha256 for p in config.rulesets]
    key = {"rulesets": sets, "select": config.select, "ignore": config.ignore, "severity": config.severity,
           "thresholds": config.thresholds, "version": _version()}
    return hashlib.sha256(json.dumps(key, sort_keys=True, default=str).encode()).hexdigest()


def _version() -> str:
    from tenderlint import __version__

    return __version__


def audit_one(key: str, source: str, content_sha256: str, rs_hash: str, config: Config) -> dict[str, Any]:
    """Lint one tender (in a worker); never raises: a failure is an error row with the reason."""
    from tenderlint.api import lint, lint_documents, selected_rules
    from tenderlint.extract import load_files
    from tenderlint.model import Facts, InputError, TenderReport
    from tenderlint.report.json import tender_dict

    started = _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")
    t0 = time.monotonic()
    try:
        if "\n" in source:
            docs, errors = load_files(source.split("\n"), config.limits)
            report = lint_documents(key, docs, selected_rules(config), errors)
        else:
            (report,) = lint([source], config)
    except Exception as exc:  # noqa: BLE001 - one tender's failure must not stop the audit
        report = TenderReport(source, [], [InputError(source, "corrupt", f"{type(exc).__name__}: {exc}")], Facts(),
                              [])
    return {"key": key, "source": source, "content_sha256": content_sha256, "ruleset_sha256": rs_hash,
            "version": _version(), "started_at": started, "seconds": round(time.monotonic() - t0, 3),
            "tender": tender_dict(report)}


def _init_worker() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    from tenderlint.nlp.pipeline import get_nlp

    get_nlp()  # build spaCy once per worker


class _Stop(BaseException):  # not an Exception: no reader may swallow it
    pass


def run_audit(tenders: list[Tender], db: str, config: Config, workers: int | None = None, force: bool = False,
              progress: bool = True, archive: str = "", engine: str = "local", scheduler: str | None = None
              ) -> AuditSummary:
    conn = store.connect(db)
    rs_hash = ruleset_hash(config)
    known = store.known(conn)
    todo = [t for t in tenders if force or known.get(t.key) != (t.content_hash, rs_hash)]
    summary = AuditSummary(total=len(tenders), skipped=len(tenders) - len(todo))
    workers = workers or os.cpu_count() or 1
    run_id = conn.execute(
        "INSERT INTO runs (started_at, archive, tenderlint_version, ruleset_sha256, engine, workers, skipped) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)", (_now(), archive, _version(), rs_hash, engine, workers, summary.skipped)
    ).lastrowid
    conn.commit()
    bar = Progress(len(todo)) if progress and todo else None

    def record(result: dict[str, Any]) -> None:
        store.save(conn, result)
        t = result["tender"]
        if t["documents"]:
            summary.done += 1
        else:
            summary.failed += 1
        summary.findings += len(t["findings"])
        if bar:
            bar.update(len(t["findings"]), len(t["errors"]))

    previous = signal.signal(signal.SIGTERM, _raise_stop)
    try:
        if engine == "dask":
            from tenderlint.audit.dask_engine import run_dask

            run_dask(todo, rs_hash, config, scheduler, record)
        elif workers <= 1 or len(todo) <= 1:
            for t in todo:
                record(audit_one(t.key, t.source, t.content_hash, rs_hash, config))
        else:
            _run_local(todo, rs_hash, config, workers, record)
    except (KeyboardInterrupt, _Stop):
        summary.interrupted = True
    finally:
        signal.signal(signal.SIGTERM, previous)
        if bar:
            bar.close()
        conn.execute("UPDATE runs SET finished_at = ?, done = ?, failed = ?, interrupted = ? WHERE id = ?",
                     (_now(), summary.done, summary.failed, int(summary.interrupted), run_id))
        conn.commit()
        conn.close()
    return summary


def _raise_stop(signum, frame) -> None:
    raise _Stop()


def _serve(conn) -> None:
    """A worker: lint the tenders it is sent, one at a time, until it is told to stop."""
    _init_worker()
    try:
        while True:
            try:
                task = conn.recv()
            except (EOFError, OSError):
                break
            if task is None:
                break
            conn.send(audit_one(*task))
    finally:
        conn.close()


def _run_local(todo: list[Tender], rs_hash: str, config: Config, workers: int, record) -> None:
    """Worker processes of our own (so an interrupt can kill them outright), one tender in flight each;
    results are recorded as they arrive."""
    ctx = get_context("fork")
    procs, conns = [], []
    for _ in range(min(workers, len(todo))):
        parent_end, child_end = ctx.Pipe()
        p = ctx.Process(target=_serve, args=(child_end,))
        p.start()
        child_end.close()
        procs.append(p)
        conns.append(parent_end)
    queue = iter(todo)
    busy: dict = {}
    try:
        for c in conns:
            t = next(queue, None)
            if t is None:
                break
            c.send((t.key, t.source, t.content_hash, rs_hash, config))
            busy[c] = t
        while busy:
            for c in mp_wait(list(busy)):
                try:
                    result = c.recv()
                except (EOFError, OSError):  # the worker died: record the tender as failed, go on without it
                    t = busy.pop(c)
                    record(_failed(t, rs_hash, "the worker process stopped while reading this tender"))
                    continue
                busy.pop(c)
                record(result)
                t = next(queue, None)
                if t is not None:
                    c.send((t.key, t.source, t.content_hash, rs_hash, config))
                    busy[c] = t
        for c in conns:
            try:
                c.send(None)
            except (OSError, ValueError):
                pass
        for p in procs:
            p.join(timeout=30)
    finally:
        for p in procs:
            if p.is_alive():
                p.kill()  # interrupted: a tender being read is simply not recorded
            p.join(timeout=10)
        for c in conns:
            c.close()


def _failed(t: Tender, rs_hash: str, why: str) -> dict[str, Any]:
    from tenderlint.model import Facts, InputError, TenderReport
    from tenderlint.report.json import tender_dict

    report = TenderReport(t.source, [], [InputError(t.source, "corrupt", why)], Facts(), [])
    return {"key": t.key, "source": t.source, "content_sha256": t.content_hash, "ruleset_sha256": rs_hash,
            "version": _version(), "started_at": _now(), "seconds": 0.0, "tender": tender_dict(report)}


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")
