"""Run the same per-tender work on a Dask cluster (the optional `dask` extra) and gather the results here.

Workers read tenders by path, so the archive must be on a filesystem every worker sees. Results are
written into the database by this process as they arrive, exactly as with the local engine.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tenderlint.audit.archive import Tender
from tenderlint.audit.work import Job, audit_one
from tenderlint.errors import ConfigError


class DaskEngine:
    name = "dask"

    def __init__(self, scheduler: str | None):
        self.scheduler = scheduler

    def run(self, todo: list[Tender], job: Job, record: Callable[[dict[str, Any]], None]) -> None:
        run_dask(todo, job, self.scheduler, record)


def run_dask(todo: list[Tender], job: Job, scheduler: str | None, record) -> None:
    try:
        from dask.distributed import Client, as_completed
    except ImportError:
        raise ConfigError("--engine dask needs the dask extra: pip install 'tenderlint[dask]'") from None

    if not scheduler:
        raise ConfigError("--engine dask needs --scheduler ADDRESS (e.g. tcp://127.0.0.1:8786)")
    try:
        client = Client(scheduler, timeout="30s")
    except OSError as exc:
        raise ConfigError(f"cannot reach the Dask scheduler at {scheduler} ({exc})") from None
    futures: list[Any] = []
    try:
        futures = [client.submit(audit_one, *job.args(t), pure=False) for t in todo]
        for fut in as_completed(futures):
            record(fut.result())
    finally:
        for fut in futures:
            fut.cancel()
        client.close()
