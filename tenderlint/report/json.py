"""The JSON output contract (docs/contract.md, tenderlint/contract/report.schema.json): keys may be added, never renamed."""

from __future__ import annotations

import json
from typing import Any

from tenderlint.model import CONTRACT_FACTS, EXTRA_FACTS, Finding, TenderReport


def finding_dict(f: Finding) -> dict[str, Any]:
    return {
        "rule": f.rule,
        "name": f.name,
        "category": f.category,
        "severity": f.severity,
        "recommendations": f.recommendations,
        "message": f.message,
        "evidence": f.evidence.text,
        "location": f.evidence.location(),
        "references": f.references,
        "suggestion": f.suggestion,
        "assessed": f.assessed,
        "confidence": f.confidence,
        "fingerprint": f.fingerprint,
    }


def suppression_dict(s) -> dict[str, Any]:
    return {"fingerprint": s.fingerprint, "rule": s.rule, "justification": s.justification, "by": s.by,
            "date": s.date, "tender": s.tender}


def tender_dict(r: TenderReport) -> dict[str, Any]:
    facts = {k: getattr(r.facts, k) for k in CONTRACT_FACTS + EXTRA_FACTS}
    facts["evidence"] = {k: {"text": e.text, **e.location(), "confidence": r.facts.confidence.get(k, 1.0)}
                         for k, e in sorted(r.facts.evidence.items())}
    out: dict[str, Any] = {
        "source": r.source,
        "documents": [{"path": d.path, "format": d.format, "pages": d.pages, "sha256": d.sha256,
                       "unread_pages": d.unread_pages} for d in r.documents],
        "assessment": r.assessment,
        "errors": [{"path": e.path, "code": e.code, "message": e.message} for e in r.errors],
        "warnings": [{"path": w.path, "code": w.code, "message": w.message} for w in r.warnings],
        "facts": facts,
        "conflicts": [{"fact": c.fact, "judged_on": c.chosen, "statements": [
            {"document": x.document, "value": x.value, "text": x.evidence.text, **x.evidence.location()}
            for x in c.values]} for c in r.facts.conflicts],
        "findings": [finding_dict(f) for f in r.findings],
        "not_assessed": [{"rule": n.rule, "reason": n.reason} for n in r.not_assessed],
        "suppressed": [{**finding_dict(x.finding), "suppression": suppression_dict(x.suppression)} for x in r.suppressed],
        "source_sha256": r.source_sha256,
    }
    if r.split_from:  # one of several tenders found in one folder or zip
        out["split_from"], out["reference"] = r.split_from, r.reference
    return out


def report_dict(reports: list[TenderReport], ctx=None) -> dict[str, Any]:
    from tenderlint import __version__

    out: dict[str, Any] = {"tenderlint_version": __version__, "tenders": [tender_dict(r) for r in reports]}
    if ctx is not None:
        out["rulesets"] = ctx.ruleset_meta()
        if ctx.overrides:
            out["overrides"] = ctx.overrides
    out["stale_suppressions"] = [{**suppression_dict(s.suppression), "reason": s.reason}
                                 for s in (ctx.stale if ctx is not None else [])]
    return out


def render_json(reports: list[TenderReport], ctx=None, **_: Any) -> str:
    return json.dumps(report_dict(reports, ctx), indent=2, ensure_ascii=False, sort_keys=False) + "\n"
