"""Run the audit: lint every tender that is new or changed, streaming each result into the database
as it arrives. Interrupting it (Ctrl-C, SIGTERM) keeps everything already written.

The orchestration lives here; the work is done by an engine (`LocalEngine` in local_engine.py,
`DaskEngine` in dask_engine.py), each implementing `Engine.run` over the same job (work.py). The
engines import only the job, never this module.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from tenderlint.audit import store
from tenderlint.audit.archive import Tender
from tenderlint.audit.progress import Progress
from tenderlint.audit.work import Job, now, tenderlint_version
from tenderlint.config import Config


class Engine(Protocol):
    """Lint every tender of `todo` with `job` and pass each result row to `record` as it arrives."""

    name: str

    def run(self, todo: list[Tender], job: Job, record: Callable[[dict[str, Any]], None]) -> None: ...


def make_engine(name: str, workers: int, scheduler: str | None = None) -> Engine:
    if name == "dask":
        from tenderlint.audit.dask_engine import DaskEngine  # the optional extra: imported only when asked for

        return DaskEngine(scheduler)
    from tenderlint.audit.local_engine import LocalEngine

    return LocalEngine(workers)


@dataclass
class AuditSummary:
    total: int = 0
    done: int = 0
    skipped: int = 0
    failed: int = 0
    failed_in_db: int = 0  # failures still recorded, including tenders skipped as unchanged since they failed
    interrupted: bool = False
    findings: int = 0
    errors: list[str] = field(default_factory=list)


def ruleset_hash(config: Config) -> str:
    """What the results depend on besides the files: the rulesets and every setting that changes findings."""
    from tenderlint.rules.ruleset import default_ruleset, load_ruleset

    sets = [default_ruleset().sha256] + [load_ruleset(p).sha256 for p in config.rulesets]
    key = {"rulesets": sets, "select": config.select, "ignore": config.ignore, "severity": config.severity,
           "thresholds": config.thresholds, "version": tenderlint_version()}
    return hashlib.sha256(json.dumps(key, sort_keys=True, default=str).encode()).hexdigest()


class _Stop(BaseException):  # not an Exception: no reader may swallow it
    pass


def _raise_stop(signum, frame) -> None:
    raise _Stop()


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
        "VALUES (?, ?, ?, ?, ?, ?, ?)", (now(), archive, tenderlint_version(), rs_hash, engine, workers, summary.skipped)
    ).lastrowid
    conn.commit()
    bar = Progress(len(todo)) if progress and todo else None

    def record(result: dict[str, Any]) -> None:
        store.save(conn, result)
        t = result["tender"]
        if t.get("assessment", "assessed") != "not-assessed" and t["documents"]:
            summary.done += 1
        else:
            summary.failed += 1
        summary.findings += len(t["findings"])
        if bar:
            bar.update(len(t["findings"]), len(t["errors"]))

    previous = signal.signal(signal.SIGTERM, _raise_stop)
    try:
        make_engine(engine, workers, scheduler).run(todo, Job(rs_hash, config), record)
    except (KeyboardInterrupt, _Stop):
        summary.interrupted = True
    finally:
        signal.signal(signal.SIGTERM, previous)
        if bar:
            bar.close()
        conn.execute("UPDATE runs SET finished_at = ?, done = ?, failed = ?, interrupted = ? WHERE id = ?",
                     (now(), summary.done, summary.failed, int(summary.interrupted), run_id))
        conn.commit()
        summary.failed_in_db = store.failed_count(conn)
        conn.close()
    return summary
