"""Batch audits of tender archives into SQLite: archive -> workers -> database -> audit-report."""

from tenderlint.audit.archive import Tender, discover, from_manifest
from tenderlint.audit.engine import AuditSummary, run_audit

__all__ = ["AuditSummary", "Tender", "discover", "from_manifest", "run_audit"]
