"""The unit of audit work: lint one tender and turn the report into a result row.

Every engine runs this same job, in its own processes or on a cluster, and hands the results back
to the orchestrator (`tenderlint.audit.engine`), which alone writes the database.
"""

from __future__ import annotations

import datetime as _dt
import signal
import time
from dataclasses import dataclass
from typing import Any

from tenderlint.audit.archive import Tender
from tenderlint.config import Config


@dataclass(frozen=True)
class Job:
    """What every tender of one run is linted with."""

    rs_hash: str
    config: Config

    def args(self, t: Tender) -> tuple:
        return (t.key, t.source, t.content_hash, self.rs_hash, self.config)


def tenderlint_version() -> str:
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
            report = lint_documents(key, docs, selected_rules(config), errors, config.limits)
        else:
            (report,) = lint([source], config, split=False)  # an archive item is one row of the database
    except Exception as exc:  # noqa: BLE001 - one tender's failure must not stop the audit
        report = TenderReport(source, [], [InputError(source, "corrupt", f"{type(exc).__name__}: {exc}")], Facts(),
                              [])
    return {"key": key, "source": source, "content_sha256": content_sha256, "ruleset_sha256": rs_hash,
            "version": tenderlint_version(), "started_at": started, "seconds": round(time.monotonic() - t0, 3),
            "tender": tender_dict(report)}


def init_worker() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    from tenderlint.nlp.pipeline import get_nlp

    get_nlp()  # build spaCy once per worker


def failed(t: Tender, rs_hash: str, why: str) -> dict[str, Any]:
    from tenderlint.model import Facts, InputError, TenderReport
    from tenderlint.report.json import tender_dict

    report = TenderReport(t.source, [], [InputError(t.source, "corrupt", why)], Facts(), [])
    return {"key": t.key, "source": t.source, "content_sha256": t.content_hash, "ruleset_sha256": rs_hash,
            "version": tenderlint_version(), "started_at": now(), "seconds": 0.0, "tender": tender_dict(report)}


def now() -> str:
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")
