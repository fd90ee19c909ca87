"""The local engine: worker processes of our own on this machine (or the caller's process for one worker).

Own processes rather than a pool, so that an interrupt can kill them outright and a worker that dies
on a hostile file is recorded as a failed tender while the others go on.
"""

from __future__ import annotations

from collections.abc import Callable
from multiprocessing import get_context
from multiprocessing.connection import wait as mp_wait
from typing import Any

from tenderlint.audit.archive import Tender
from tenderlint.audit.work import Job, audit_one, failed, init_worker


class LocalEngine:
    name = "local"

    def __init__(self, workers: int = 1):
        self.workers = max(1, workers)

    def run(self, todo: list[Tender], job: Job, record: Callable[[dict[str, Any]], None]) -> None:
        if self.workers <= 1 or len(todo) <= 1:
            for t in todo:
                record(audit_one(*job.args(t)))
        else:
            _run_processes(todo, job, self.workers, record)


def _serve(conn) -> None:
    """A worker: lint the tenders it is sent, one at a time, until it is told to stop."""
    init_worker()
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


def _run_processes(todo: list[Tender], job: Job, workers: int, record) -> None:
    """One tender in flight per worker; results are recorded as they arrive."""
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
            c.send(job.args(t))
            busy[c] = t
        while busy:
            for c in mp_wait(list(busy)):
                try:
                    result = c.recv()
                except (EOFError, OSError):  # the worker died: record the tender as failed, go on without it
                    t = busy.pop(c)
                    record(failed(t, job.rs_hash, "the worker process stopped while reading this tender"))
                    continue
                busy.pop(c)
                record(result)
                t = next(queue, None)
                if t is not None:
                    c.send(job.args(t))
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


