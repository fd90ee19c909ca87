"""CSV for analysts: one row per finding, or with `--summary` one row per tender with its facts and counts."""

from __future__ import annotations

import csv
import io
from typing import Any

from tenderlint.categories import CATEGORIES
from tenderlint.model import TenderReport

FINDING_COLUMNS = ["tender", "tender_sha256", "document", "document_sha256", "page", "paragraph", "rule", "name",
                   "category", "severity", "recommendations", "evidence", "message", "suggestion", "fingerprint",
                   "status", "justification", "assessment", "tenderlint_version", "ruleset", "ruleset_sha256"]
FACT_COLUMNS = ["regime", "buyer_type", "framework", "estimated_total_value", "estimated_annual_value",
                "initial_term_months", "max_term_months", "min_turnover", "turnover_ratio", "bond_percent",
                "min_trading_years", "social_value_weight_percent"]
SUMMARY_COLUMNS = (["tender", "tender_sha256", "assessment", "documents", "errors", "findings", "errors_codes",
                    "unread_pages"] + FACT_COLUMNS
                   + list(CATEGORIES) + ["suppressed", "tenderlint_version", "ruleset", "ruleset_sha256"])


BOM = "\ufeff"  # Excel reads UTF-8 only with it ("£" not "Â£"); csv readers with encoding utf-8-sig skip it


def _meta(ctx) -> dict[str, str]:
    if ctx is None:
        return {"tenderlint_version": "", "ruleset": "", "ruleset_sha256": ""}
    return {"tenderlint_version": ctx.version, "ruleset": "; ".join(f"{r.name} {r.version}" for r in ctx.rulesets),
            "ruleset_sha256": "; ".join(r.sha256 for r in ctx.rulesets)}


def _cell(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def render_csv(reports: list[TenderReport], ctx=None, **_: Any) -> str:
    out = io.StringIO()
    meta = _meta(ctx)
    if ctx is not None and ctx.summary:
        w = csv.DictWriter(out, SUMMARY_COLUMNS, lineterminator="\n")
        w.writeheader()
        for r in reports:
            row = {"tender": r.source, "tender_sha256": r.source_sha256 or "", "assessment": r.assessment,
                   "unread_pages": ";".join(f"{d.path}:{p}" for d in r.documents for p in d.unread_pages),
                   "documents": len(r.documents),
                   "errors": len(r.errors), "findings": len(r.findings),
                   "errors_codes": ";".join(sorted({e.code for e in r.errors})), "suppressed": len(r.suppressed)}
            row |= {k: _cell(getattr(r.facts, k)) for k in FACT_COLUMNS}
            row |= {c: sum(1 for f in r.findings if f.category == c) for c in CATEGORIES}
            w.writerow(row | meta)
        return BOM + out.getvalue()
    w = csv.DictWriter(out, FINDING_COLUMNS, lineterminator="\n")
    w.writeheader()
    for r in reports:
        shas = {d.path: d.sha256 for d in r.documents}
        rows = [(f, "open", "") for f in r.findings] + [(x.finding, "suppressed", x.suppression.justification)
                                                       for x in r.suppressed]
        for f, status, why in rows:
            ev = f.evidence
            w.writerow({
                "tender": r.source, "tender_sha256": r.source_sha256 or "", "document": ev.document,
                "document_sha256": shas.get(ev.document, ""), "page": _cell(ev.page),
                "paragraph": "" if ev.paragraph is None else ev.paragraph + 1, "rule": f.rule, "name": f.name,
                "category": f.category, "severity": f.severity,
                "recommendations": ";".join(f"R{n}" for n in f.recommendations), "evidence": ev.text,
                "message": f.message, "suggestion": f.suggestion or "", "fingerprint": f.fingerprint,
                "status": status, "justification": why, "assessment": r.assessment, **meta})
        for e in r.errors + r.warnings:  # what was not read is a row too: an empty table is never a clean bill
            w.writerow({"tender": r.source, "tender_sha256": r.source_sha256 or "", "document": e.path,
                        "rule": e.code, "message": e.message, "status": "not-read", "assessment": r.assessment,
                        **meta})
    return BOM + out.getvalue()
