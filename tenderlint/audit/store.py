"""The audit database (SQLite): one row per tender, with its documents, findings and errors.

Each tender's results are written in one transaction, so an interrupted audit loses nothing it had
finished and never holds half a tender; a re-run replaces a tender's rows rather than adding to them.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS tenders (
    key TEXT PRIMARY KEY,            -- the tender's name in the archive (or manifest id)
    source TEXT NOT NULL,            -- the path that was read
    content_sha256 TEXT NOT NULL,    -- of its files; a change means it is read again
    ruleset_sha256 TEXT NOT NULL,    -- of the rules and settings used; a change means it is read again
    tenderlint_version TEXT NOT NULL,
    status TEXT NOT NULL,            -- done | partial (some files or pages not read) | failed (nothing read)
    regime TEXT, buyer_type TEXT, framework INTEGER, contract_nature TEXT, cpv_main TEXT,
    estimated_total_value REAL, estimated_annual_value REAL, initial_term_months REAL, max_term_months REAL,
    min_turnover REAL, turnover_ratio REAL, bond_percent REAL, min_trading_years REAL,
    social_value_weight_percent REAL,
    facts_json TEXT NOT NULL,        -- every fact, with its evidence
    n_documents INTEGER NOT NULL, n_findings INTEGER NOT NULL, n_errors INTEGER NOT NULL,
    started_at TEXT NOT NULL, seconds REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
    tender_key TEXT NOT NULL REFERENCES tenders(key) ON DELETE CASCADE,
    path TEXT NOT NULL, format TEXT NOT NULL, pages INTEGER, sha256 TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS findings (
    tender_key TEXT NOT NULL REFERENCES tenders(key) ON DELETE CASCADE,
    rule TEXT NOT NULL, name TEXT NOT NULL, category TEXT NOT NULL, severity TEXT NOT NULL,
    recommendations TEXT NOT NULL,   -- e.g. "R10 R11"
    message TEXT NOT NULL, evidence TEXT NOT NULL, document TEXT, page INTEGER, paragraph INTEGER,
    fingerprint TEXT NOT NULL, assessed INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS errors (
    tender_key TEXT NOT NULL REFERENCES tenders(key) ON DELETE CASCADE,
    path TEXT NOT NULL, code TEXT NOT NULL, message TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY, started_at TEXT NOT NULL, finished_at TEXT, archive TEXT NOT NULL,
    tenderlint_version TEXT NOT NULL, ruleset_sha256 TEXT NOT NULL, engine TEXT NOT NULL, workers INTEGER,
    done INTEGER DEFAULT 0, skipped INTEGER DEFAULT 0, failed INTEGER DEFAULT 0, interrupted INTEGER DEFAULT 0
);
CREATE INDEX IF NOT EXISTS findings_tender ON findings(tender_key);
CREATE INDEX IF NOT EXISTS findings_category ON findings(category);
CREATE INDEX IF NOT EXISTS findings_rule ON findings(rule);
CREATE INDEX IF NOT EXISTS documents_tender ON documents(tender_key);
CREATE INDEX IF NOT EXISTS errors_tender ON errors(tender_key);
CREATE INDEX IF NOT EXISTS tenders_status ON tenders(status);
"""
FACT_COLUMNS = ("regime", "buyer_type", "framework", "contract_nature", "cpv_main", "estimated_total_value",
                "estimated_annual_value", "initial_term_months", "max_term_months", "min_turnover", "turnover_ratio",
                "bond_percent", "min_trading_years", "social_value_weight_percent")


_STATUS = {"assessed": "done", "partly-assessed": "partial", "not-assessed": "failed"}


def connect(path: str | Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), timeout=30)
    conn.execute("PRAGMA journal_mode=WAL")  # readers (audit-report) never block the writer
    conn.execute("PRAGMA foreign_keys=ON")
    conn.executescript(SCHEMA)
    return conn


def known(conn: sqlite3.Connection) -> dict[str, tuple[str, str]]:
    """key -> (content hash, ruleset hash) of every tender already in the database."""
    return {k: (c, r) for k, c, r in conn.execute("SELECT key, content_sha256, ruleset_sha256 FROM tenders")}


def save(conn: sqlite3.Connection, result: dict[str, Any]) -> None:
    """Replace a tender's rows with its new results, in one transaction."""
    t = result["tender"]
    facts = t["facts"]
    with conn:
        conn.execute("DELETE FROM tenders WHERE key = ?", (result["key"],))
        conn.execute(
            f"INSERT INTO tenders (key, source, content_sha256, ruleset_sha256, tenderlint_version, status, "
            f"{', '.join(FACT_COLUMNS)}, facts_json, n_documents, n_findings, n_errors, started_at, seconds) "
            f"VALUES ({', '.join(['?'] * (12 + len(FACT_COLUMNS)))})",
            (result["key"], result["source"], result["content_sha256"], result["ruleset_sha256"], result["version"],
             _STATUS[t.get("assessment", "assessed" if t["documents"] else "not-assessed")],
             *[facts.get(c) if not isinstance(facts.get(c), bool) else int(facts[c]) for c in FACT_COLUMNS],
             json.dumps(facts, ensure_ascii=False, sort_keys=True), len(t["documents"]), len(t["findings"]),
             len(t["errors"]), result["started_at"], result["seconds"]))
        conn.executemany("INSERT INTO documents VALUES (?, ?, ?, ?, ?)",
                         [(result["key"], d["path"], d["format"], d["pages"], d["sha256"]) for d in t["documents"]])
        conn.executemany(
            "INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(result["key"], f["rule"], f["name"], f["category"], f["severity"],
              " ".join(f"R{n}" for n in f["recommendations"]), f["message"], f["evidence"],
              f["location"]["document"], f["location"]["page"],
              None if f["location"]["paragraph"] is None else f["location"]["paragraph"] + 1,
              f["fingerprint"], int(f["assessed"])) for f in t["findings"]])
        conn.executemany("INSERT INTO errors VALUES (?, ?, ?, ?)",
                         [(result["key"], e["path"], e["code"], e["message"])
                          for e in t["errors"] + t.get("warnings", [])])


def failed_count(conn: sqlite3.Connection) -> int:
    """Tenders in the database that could not be read, from this run or an earlier one."""
    return conn.execute("SELECT COUNT(*) FROM tenders WHERE status = 'failed'").fetchone()[0]
