"""A letter a caseworker can send to the contracting authority (R14: advice before or after publication).

Markdown, one letter per tender: each barrier with its quote, where it is, the law or guidance it
runs against and the change recommended, then a plain closing. Findings below the chosen severity
are left out; suppressed (justified) findings are not raised again.
"""

from __future__ import annotations

from typing import Any

from tenderlint.config import SEVERITIES
from tenderlint.facts.conflicts import describe
from tenderlint.model import Finding, TenderReport
from tenderlint.rules.format import money

_RANK = {s: i for i, s in enumerate(SEVERITIES)}
_SEVERITY_WORDS = {"error": "contrary to law or firm guidance", "warning": "likely to be disproportionate",
                   "info": "a point of good practice"}


def _where(f: Finding) -> str:
    ev = f.evidence
    parts = [f"*{ev.document}*"]
    if ev.page:
        parts.append(f"page {ev.page}")
    if ev.paragraph is not None and ev.paragraph >= 0:
        parts.append(f"paragraph {ev.paragraph + 1}")
    return ", ".join(parts)


def _title(r: TenderReport) -> str:
    for d in r.documents:
        if d.title:
            return d.title
    return r.source.rstrip("/").split("/")[-1]


def _letter(r: TenderReport, ctx, floor: str) -> list[str]:
    chosen = [f for f in r.findings if _RANK[f.severity] >= _RANK[floor]]
    chosen.sort(key=lambda f: (-_RANK[f.severity], f.evidence.document, f.evidence.start or 0))
    facts = r.facts
    lines = [f"# Requirements in “{_title(r)}” that may exclude small providers and public service mutuals", "",
             "**To:** the contracting authority responsible for this tender  ",
             "**Date:** ____________  ",
             f"**Tender documents:** {', '.join(d.path for d in r.documents) or r.source}", "",
             "Dear Commissioner,", ""]
    if r.assessment == "not-assessed":
        lines += ["We were asked to review the tender documents listed above for requirements that may keep small "
                  "providers, voluntary organisations and public service mutuals out of the contract "
                  "(Mutuals Taskforce, Recommendation 14).", ""]
    else:
        lines += [
             "We have reviewed the tender documents listed above. Small and medium-sized providers, voluntary "
             "organisations and public service mutuals are often kept out of public contracts by requirements "
             "that are not needed to deliver the service. The Mutuals Taskforce recommended that commissioners "
             "have advice available on this before and after publication (Recommendation 14). In that spirit we set "
             "out below the requirements we think may have this effect, why, and what could be written instead.", ""]
    known = []
    if facts.estimated_total_value is not None:
        known.append(f"an estimated value of {money(facts.estimated_total_value, facts.currency)}")
    if facts.max_term_months is not None:
        known.append(f"a maximum term of {facts.max_term_months:g} months including extensions")
    regime = {"PCR2015": "the Public Contracts Regulations 2015", "PA2023": "the Procurement Act 2023",
              "PSR": "the Provider Selection Regime"}.get(facts.regime or "")
    if known:
        lines += [f"We have read the contract as having {' and '.join(known)}."
                  + (f" The procurement appears to run under {regime}." if regime else ""), ""]
    elif regime:
        lines += [f"The procurement appears to run under {regime}.", ""]
    if facts.conflicts:
        lines += ["The documents of this tender do not agree with each other on some figures, so we have read "
                  "them on the figure that asks most of bidders; the tender documents should be made consistent:", ""]
        lines += [f"- {describe(c, facts.currency)}" for c in facts.conflicts] + [""]
    unread = r.unread()
    if r.assessment == "not-assessed":
        lines += ["**We could not assess this tender.** None of its documents could be read, so no check was run "
                  "and nothing in this letter should be taken to mean the tender is free of barriers:", ""]
        lines += [f"- {u}" for u in unread] + ["",
                  "Please send documents we can read (an unprotected PDF with a text layer, or a Word .docx file).",
                  ""]
    elif unread:
        lines += ["**This tender was only partly assessed.** The following could not be read, so anything in them "
                  "is not covered by this letter:", ""]
        lines += [f"- {u}" for u in unread] + [""]
    if r.not_assessed and r.assessment != "not-assessed":
        lines += ["Some checks could not be run because the tender does not say what they need:", ""]
        lines += [f"- {n.reason}" for n in r.not_assessed] + [""]
    if not chosen and r.assessment == "assessed" and not r.not_assessed:
        lines += ["We found no requirement of concern at this level of severity.", ""]
    elif not chosen and r.assessment != "not-assessed":
        lines += ["In what we could read and check, we found no requirement of concern at this level of severity.",
                  ""]
    for i, f in enumerate(chosen, 1):
        rule = ctx.rule(f.rule) if ctx is not None else None
        heading = f.message.rstrip(".")
        lines += [f"## {i}. {heading}", "",
                  f"**Where:** {_where(f)}", "",
                  "**The tender says:**", "", f"> {f.evidence.text}", "",
                  f"**Why this is a concern** ({_SEVERITY_WORDS[f.severity]}): "
                  + (" ".join(rule.rationale.split()) if rule else f.message), ""]
        if f.references:
            lines += ["**Law and guidance:**", ""] + [f"- {ref}" for ref in f.references] + [""]
        if f.suggestion:
            lines += [f"**What we recommend:** {f.suggestion}", ""]
    if r.assessment == "not-assessed":
        lines += ["Yours faithfully,", "", "____________________  ", "(name, role, organisation)", ""]
        return lines + _footer(r, ctx)
    lines += ["## In closing", "",
              "We would be grateful if you would consider these points and, where you agree, amend the tender "
              "documents or explain in them why the requirement is needed and proportionate. We would welcome your "
              "reply and are glad to discuss any of these points.", "",
              "Yours faithfully,", "", "____________________  ", "(name, role, organisation)", ""]
    return lines + _footer(r, ctx)


def _footer(r: TenderReport, ctx) -> list[str]:
    lines: list[str] = []
    if ctx is not None:
        sets = "; ".join(f"{s.name} {s.version}, sha256 {s.sha256}" for s in ctx.rulesets)
        shas = "; ".join(f"{d.path} sha256 {d.sha256}" for d in r.documents)
        lines += ["---", "", f"<small>Prepared with tenderlint {ctx.version} (ruleset {sets}). Documents read: "
                  f"{shas}.</small>", ""]
    return lines


def render_letter(reports: list[TenderReport], ctx=None, **_: Any) -> str:
    floor = ctx.min_severity if ctx is not None else "warning"
    out: list[str] = []
    for i, r in enumerate(reports):
        if i:
            out += ["", "<div style=\"page-break-after: always\"></div>", ""]
        out += _letter(r, ctx, floor)
    return "\n".join(out).rstrip() + "\n"
