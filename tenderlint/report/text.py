"""Terminal report: grouped by tender, each finding with its quote and file:page."""

from __future__ import annotations

import textwrap
from typing import Any

from tenderlint.facts.conflicts import describe
from tenderlint.model import Facts, TenderReport
from tenderlint.rules.format import money

_MARK = {"error": "error", "warning": "warning", "info": "info"}


def _where(f) -> str:
    ev = f.evidence
    loc = ev.document
    if ev.page:
        loc += f":{ev.page}"
    if ev.paragraph is not None and ev.paragraph >= 0:
        loc += f" (paragraph {ev.paragraph + 1})"
    return loc


def _facts_line(facts: Facts) -> list[str]:
    cur = facts.currency
    parts = [
        ("value", money(facts.estimated_total_value, cur) if facts.estimated_total_value is not None else None),
        ("per year", money(facts.estimated_annual_value, cur) if facts.estimated_annual_value is not None else None),
        ("term", f"{facts.initial_term_months:g} months" if facts.initial_term_months is not None else None),
        ("max term", f"{facts.max_term_months:g} months" if facts.max_term_months is not None else None),
        ("min turnover", money(facts.min_turnover, cur) if facts.min_turnover is not None else None),
        ("turnover ratio", f"{facts.turnover_ratio:.1f}x" if facts.turnover_ratio is not None else None),
        ("social value", f"{facts.social_value_weight_percent:g}%" if facts.social_value_weight_percent is not None
         else None),
        ("regime", facts.regime),
        ("framework", "yes" if facts.framework else None),
    ]
    shown = [f"{k} {v}" for k, v in parts if v]
    missing = [k for k, v in parts[:4] + parts[6:7] if v is None]
    out = ["  facts: " + (", ".join(shown) if shown else "none found")]
    if missing:
        out.append("  not stated: " + ", ".join(missing))
    return out


def render_text(reports: list[TenderReport], ctx=None, **_: Any) -> str:
    stale = ctx.stale if ctx is not None else []
    lines: list[str] = []
    total = 0
    for r in reports:
        docs = ", ".join(d.path for d in r.documents) or "no readable documents"
        lines.append(f"{r.source}  [{docs}]")
        if r.split_from:
            lines.append(f"  one of several tenders in {r.split_from}: its files state different tender references, "
                         "so each tender is read and reported on its own")
        lines += _facts_line(r.facts)
        for c in r.facts.conflicts:
            lines += textwrap.wrap(describe(c, r.facts.currency), 100, initial_indent="  disagree: ",
                                   subsequent_indent="    ", break_on_hyphens=False)
        for e in r.errors:
            lines.append(f"  error[{e.code}] {e.path}: {e.message}")
        for w in r.warnings:
            lines.append(f"  warning[{w.code}] {w.path}: {w.message}")
        if r.assessment != "assessed":
            lines.append("  NOT ASSESSED: no document could be read, so no check was run" if r.assessment ==
                         "not-assessed" else "  PARTLY ASSESSED: the parts above were not read; findings cover the rest")
        for f in r.findings:
            total += 1
            recs = ", ".join(f"R{n}" for n in f.recommendations)
            lines.append(f"  {_where(f)}: {_MARK[f.severity]} {f.rule} {f.name} [{f.category}; {recs}]")
            lines += textwrap.wrap(f.message, 100, initial_indent="    ", subsequent_indent="    ",
                                   break_on_hyphens=False)
            lines += textwrap.wrap(f"“{f.evidence.text}”", 100, initial_indent="    > ", subsequent_indent="    > ")
            if f.suggestion:
                lines += textwrap.wrap("Instead: " + f.suggestion, 100, initial_indent="    ",
                                       subsequent_indent="    ")
            if f.references:
                lines.append("    Law and guidance: " + "; ".join(f.references))
        for x in r.suppressed:
            f, sup = x.finding, x.suppression
            who = ", ".join(v for v in (sup.by, sup.date) if v)
            lines.append(f"  {_where(f)}: suppressed {f.rule} {f.name} [{f.category}]" + (f" ({who})" if who else ""))
            lines += textwrap.wrap(f"Justified: {sup.justification}", 100, initial_indent="    ",
                                   subsequent_indent="    ")
        for n in r.not_assessed:
            lines.append(f"  note: {n.rule} not assessed: {n.reason}")
        if not r.findings and r.assessment == "assessed":
            lines.append("  no other barriers found" if r.suppressed else "  no barriers found")
        elif not r.findings and r.assessment == "partly-assessed":
            lines.append("  no barriers found in the parts that were read")
        lines.append("")
    for st in stale or []:
        sup = st.suppression
        lines.append(f"stale suppression {sup.rule} {sup.fingerprint}"
                     + (f" ({sup.tender})" if sup.tender else "") + f": {st.reason}")
    errors = sum(len(r.errors) for r in reports)
    suppressed = sum(len(r.suppressed) for r in reports)
    lines.append(f"{total} finding{'s' if total != 1 else ''} in {len(reports)} tender{'s' if len(reports) != 1 else ''}"
                 + (f", {suppressed} suppressed" if suppressed else "")
                 + (f", {errors} file{'s' if errors != 1 else ''} could not be read" if errors else ""))
    if ctx is not None:
        lines.append(provenance_line(ctx, reports))
    return "\n".join(lines) + "\n"


def provenance_line(ctx, reports: list[TenderReport]) -> str:
    """Version, rulesets (with hashes) and input hashes: enough to reproduce a finding later."""
    sets = ", ".join(f"{r.name} {r.version} (sha256 {r.sha256[:12]})" for r in ctx.rulesets)
    inputs = "; ".join(f"{r.source} sha256 {r.source_sha256[:12]}" for r in reports if r.source_sha256)
    return f"tenderlint {ctx.version}; ruleset {sets}" + (f"; inputs: {inputs}" if inputs else "")
