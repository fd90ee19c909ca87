"""Run the same per-tender work on a Dask cluster (the optional `dask` extra) and gather the results here.

Workers read tenders by path, so the archive must be on a filesystem every worker sees. Results are
written into the database by this process as they arrive, exactly as with the local engine.
"""

from __future__ import annotations

from typing import Any

from tenderlint.audit.archive import Tender
from tenderlint.config import Config
from tenderlint.errors import ConfigError


def run_dask(todo: list[Tender], rs_hash: str, config: Config, scheduler: str | None, record) -> None:
    try:
        from dask.distributed import Client, as_completed
    except ImportError:
        raise ConfigError("--engine dask needs the dask extra: pip install 'tenderlint[dask]'") from None
    from tenderlint.audit.engine import audit_one

    if not scheduler:
        raise ConfigError("--engine dask needs --scheduler ADDRESS (e.g. tcp://127.0.0.1:8786)")
    try:
        client = Client(scheduler, timeout="30s")
    except OSError as exc:
        raise ConfigError(f"cannot reach the Dask scheduler at {scheduler} ({exc})") from None
    futures: list[Any] = []
    try:
        futures = [client.submit(audit_one, t.key, t.source, t.content_hash, rs_hash, config, pure=False)
                   for t in todo]
        for fut in as_completed(futures):
            record(fut.result())
    finally:
        for fut in futures:
            fut.cancel()
        client.close()
