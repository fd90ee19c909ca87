"""SARIF 2.1.0: for review pipelines and code-scanning tools. Validates against the official schema.

Each rule carries its whole page in `help.markdown` and no `helpUri`: a path into the repository
would be dead once the report is saved elsewhere or the tool is installed from a wheel. Results
carry the same fingerprints as suppressions (`partialFingerprints`), suppressed findings
carry their justification, and a finding made without a needed fact is `kind: review`.
"""

from __future__ import annotations

import json
from typing import Any

from tenderlint.docs import rule_page
from tenderlint.model import Finding, TenderReport

LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(report: TenderReport, document: str) -> str:
    """A single-file tender is its own path; a document of a pack is the pack's path plus its name in it."""
    source = report.source.rstrip("/\\")
    if document == source.replace("\\", "/").split("/")[-1]:
        return source.replace("\\", "/")
    return f"{source}/{document}".replace("\\", "/")


def _rule_descriptor(rule, ruleset) -> dict[str, Any]:
    first = rule.description.split(". ")[0].rstrip(".") + "."
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": first},
        "fullDescription": {"text": " ".join(rule.description.split())},
        "help": {"text": " ".join(rule.rationale.split()) + " What to do: " + " ".join(rule.suggestion.split()),
                 "markdown": rule_page(rule, ruleset)},
        "defaultConfiguration": {"level": LEVEL[rule.severity_override or rule.severity]},
        "properties": {"category": rule.category, "recommendations": [f"R{n}" for n in rule.recommendations],
                       "tags": [rule.category] + [f"R{n}" for n in rule.recommendations]},
    }


def _result(f: Finding, report: TenderReport, rule_index: dict[str, int], artifact_index: dict[str, int],
            suppression=None) -> dict[str, Any]:
    ev = f.evidence
    uri = _uri(report, ev.document)
    region: dict[str, Any] = {"snippet": {"text": ev.text}}
    if ev.start is not None and ev.end is not None:
        region.update({"charOffset": ev.start, "charLength": max(0, ev.end - ev.start)})
    location = {"physicalLocation": {"artifactLocation": {"uri": uri, "index": artifact_index[uri]}, "region": region},
                "properties": {"page": ev.page, "paragraph": None if ev.paragraph is None else ev.paragraph + 1}}
    out: dict[str, Any] = {
        "ruleId": f.rule,
        "kind": "fail" if f.assessed else "review",
        "level": LEVEL[f.severity] if f.assessed else "none",
        "message": {"text": f.message},
        "locations": [location],
        "partialFingerprints": {"tenderlint/v1": f.fingerprint},
        "properties": {"tender": report.source, "category": f.category, "severity": f.severity,
                       "recommendations": [f"R{n}" for n in f.recommendations], "references": f.references,
                       "suggestion": f.suggestion},
    }
    if f.rule in rule_index:
        out["ruleIndex"] = rule_index[f.rule]
    if suppression is not None:
        out["suppressions"] = [{"kind": "external", "status": "accepted", "justification": suppression.justification,
                                "properties": {"by": suppression.by, "date": suppression.date}}]
    return out


def render_sarif(reports: list[TenderReport], ctx=None, **_: Any) -> str:
    rules = list(ctx.rules) if ctx is not None else []
    sets = {r.origin: rs for rs in (ctx.rulesets if ctx is not None else []) for r in rs.rules}
    descriptors = [_rule_descriptor(r, sets.get(r.origin) or (ctx.rulesets[0] if ctx else None)) for r in rules]
    rule_index = {r.id: i for i, r in enumerate(rules)}
    artifacts: list[dict[str, Any]] = []
    artifact_index: dict[str, int] = {}
    for rep in reports:
        for d in rep.documents:
            uri = _uri(rep, d.path)
            if uri not in artifact_index:
                artifact_index[uri] = len(artifacts)
                artifacts.append({"location": {"uri": uri}, "hashes": {"sha-256": d.sha256},
                                  "mimeType": {"pdf": "application/pdf", "docx": "application/vnd.openxmlformats-"
                                               "officedocument.wordprocessingml.document", "txt": "text/plain",
                                               "html": "text/html"}[d.format],
                                  "properties": {"tender": rep.source, "tenderSha256": rep.source_sha256}})
    results = []
    notifications = []
    for rep in reports:
        results += [_result(f, rep, rule_index, artifact_index) for f in rep.findings]
        results += [_result(x.finding, rep, rule_index, artifact_index, x.suppression) for x in rep.suppressed]
        for n in rep.not_assessed:
            notifications.append({"level": "note", "message": {"text": f"{n.rule} not assessed in {rep.source}: {n.reason}"},
                                  "associatedRule": {"id": n.rule, **({"index": rule_index[n.rule]}
                                                                      if n.rule in rule_index else {})}})
        for e in rep.errors:
            notifications.append({"level": "error", "message": {"text": f"{e.path}: {e.code}: {e.message}"},
                                  "descriptor": {"id": e.code}})
        for w in rep.warnings:
            notifications.append({"level": "warning", "message": {"text": f"{w.path}: {w.code}: {w.message}"},
                                  "descriptor": {"id": w.code}})
        if rep.assessment != "assessed":
            notifications.append({"level": "error" if rep.assessment == "not-assessed" else "warning",
                                  "message": {"text": f"{rep.source}: {rep.assessment}: "
                                              + ("no document could be read; no check was run"
                                                 if rep.assessment == "not-assessed" else
                                                 "some files or pages were not read; results cover the rest")},
                                  "descriptor": {"id": rep.assessment}})
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "tenderlint", "version": ctx.version if ctx else "",
                            "informationUri": "https://github.com/tenderlint/tenderlint",
                            "rules": descriptors}},
        "artifacts": artifacts,
        "results": results,
        "invocations": [{"executionSuccessful": all(r.assessment == "assessed" for r in reports),
                         "toolExecutionNotifications": notifications}],
        "columnKind": "unicodeCodePoints",
        "properties": {"tenders": [{"source": r.source, "assessment": r.assessment} for r in reports],
                       "rulesets": ctx.ruleset_meta() if ctx else [], "overrides": ctx.overrides if ctx else {},
                       "staleSuppressions": [{"rule": s.suppression.rule, "fingerprint": s.suppression.fingerprint,
                                              "reason": s.reason} for s in (ctx.stale if ctx else [])]},
    }
    return json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, indent=2, ensure_ascii=False) + "\n"
