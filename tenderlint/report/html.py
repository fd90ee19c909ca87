"""A self-contained HTML report for commissioners: readable, printable, accessible, with no network fetches.

Per tender: its facts, a summary by Mutuals Taskforce recommendation and by severity, then each
finding with its quote highlighted in the paragraph around it, where it is, why it matters, the
law, and what to write instead. Styles are inline; nothing is loaded from elsewhere.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

from tenderlint.facts.conflicts import describe
from tenderlint.model import Block, Finding, TenderReport
from tenderlint.rules.format import money

SEVERITY_TEXT = {"error": "Error: contrary to law or firm guidance", "warning": "Warning: likely disproportionate",
                 "info": "Advice"}

CSS = """
:root { --ink:#1b1b1b; --muted:#505a5f; --line:#b1b4b6; --error:#a4131c; --warning:#7a4a00; --info:#1d4f91;
        --mark:#fff2a8; --bg:#ffffff; --panel:#f3f2f1; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink);
       background: var(--bg); margin: 0; }
a { color: #1d4f91; } a:focus, summary:focus { outline: 3px solid #ffbf47; outline-offset: 2px; }
.skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; background: #ffbf47; padding: .5rem; }
header, main, footer { max-width: 60rem; margin: 0 auto; padding: 1rem 1.25rem; }
header { border-bottom: 4px solid var(--ink); }
h1 { font-size: 1.75rem; margin: .5rem 0; } h2 { font-size: 1.4rem; margin-top: 2rem; }
h3 { font-size: 1.15rem; margin: 0 0 .5rem; }
.facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: .5rem; margin: 0; }
.facts div { background: var(--panel); padding: .5rem .75rem; }
.facts dt { font-size: .85rem; color: var(--muted); } .facts dd { margin: 0; font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { text-align: left; border-bottom: 1px solid var(--line); padding: .35rem .5rem; vertical-align: top; }
.finding { border: 1px solid var(--line); border-left: 8px solid var(--info); padding: .75rem 1rem; margin: 1rem 0;
           page-break-inside: avoid; }
.assessment { border: 3px solid var(--error); padding: .5rem .75rem; }
.finding.error { border-left-color: var(--error); } .finding.warning { border-left-color: var(--warning); }
.badge { display: inline-block; font-weight: 700; font-size: .85rem; padding: .1rem .45rem; color: #fff;
         background: var(--info); }
.badge.error { background: var(--error); } .badge.warning { background: var(--warning); }
.where { color: var(--muted); font-size: .9rem; }
blockquote { margin: .5rem 0; padding: .5rem .75rem; background: var(--panel); border-left: 4px solid var(--line); }
mark { background: var(--mark); color: inherit; padding: 0 .1rem; }
.suggestion { background: #e8f1e4; padding: .5rem .75rem; } .suggestion p { margin: .25rem 0; }
.rule { border-top: 1px solid var(--line); padding-top: .75rem; margin-top: 1rem; }
.muted { color: var(--muted); } footer { font-size: .85rem; color: var(--muted); border-top: 1px solid var(--line); }
@media print { .skip, nav { display: none; } body { font-size: 11pt; } a { color: inherit; }
               .finding { border-left-width: 4px; } }
"""


def recommendations(ctx) -> dict[int, str]:
    """R9-R15 and what each asks, from the ruleset (the data), not a copy in code."""
    from tenderlint.rules.ruleset import default_ruleset

    recs = (ctx.rulesets[0] if ctx is not None and ctx.rulesets else default_ruleset()).recommendations
    return {n: text[:1].upper() + text[1:] for n, text in recs.items()}


def _facts(r: TenderReport) -> str:
    f = r.facts
    cur = f.currency
    items = [
        ("Estimated value", money(f.estimated_total_value, cur) if f.estimated_total_value is not None else None),
        ("Annual value", money(f.estimated_annual_value, cur) if f.estimated_annual_value is not None else None),
        ("Term: initial (maximum with extensions)",
         f"{f.initial_term_months:g} months ({f.max_term_months:g} months)" if f.max_term_months is not None else None),
        ("Minimum turnover", money(f.min_turnover, cur) if f.min_turnover is not None else None),
        ("Turnover to annual value", f"{f.turnover_ratio:.1f}×" if f.turnover_ratio is not None else None),
        ("Social value weighting", f"{f.social_value_weight_percent:g}%" if f.social_value_weight_percent is not None
         else None),
        ("Regime", {"PCR2015": "Public Contracts Regulations 2015", "PA2023": "Procurement Act 2023",
                    "PSR": "Provider Selection Regime"}.get(f.regime or "")),
        ("Framework", "yes" if f.framework else "no"),
    ]
    cells = "".join(f"<div><dt>{escape(k)}</dt><dd>{escape(v) if v else '<span class=muted>not stated</span>'}</dd>"
                    "</div>" for k, v in items)
    return f'<dl class="facts">{cells}</dl>'


def _summary(r: TenderReport, recs: dict[int, str]) -> str:
    by_rec: dict[int, list[Finding]] = {n: [] for n in recs}
    for f in r.findings:
        for n in f.recommendations:
            by_rec.setdefault(n, []).append(f)
    rows = "".join(f"<tr><th scope=row>R{n}</th><td>{escape(recs.get(n, ''))}</td><td>{len(fs)}</td></tr>"
                   for n, fs in sorted(by_rec.items()))
    sev = {s: sum(1 for f in r.findings if f.severity == s) for s in ("error", "warning", "info")}
    sev_rows = "".join(f"<tr><th scope=row>{escape(SEVERITY_TEXT[s])}</th><td>{n}</td></tr>" for s, n in sev.items())
    return ("<table><caption class=muted>Findings by Mutuals Taskforce recommendation</caption>"
            "<thead><tr><th scope=col>Rec.</th><th scope=col>What it asks</th><th scope=col>Findings</th></tr></thead>"
            f"<tbody>{rows}</tbody></table><table><caption class=muted>Findings by severity</caption>"
            f"<tbody>{sev_rows}</tbody></table>")


def _block_of(r: TenderReport, f: Finding) -> Block | None:
    ev = f.evidence
    for d in r.documents:
        if d.path != ev.document:
            continue
        for b in d.blocks:
            if ev.start is not None and b.start <= ev.start < b.end + 1 and b.kind not in ("header", "footer"):
                return b
    return None


def _in_context(r: TenderReport, f: Finding) -> str:
    """The paragraph around the evidence, with the evidence marked."""
    b = _block_of(r, f)
    ev = f.evidence
    if b is None or ev.start is None or ev.end is None:
        return f"<blockquote><mark>{escape(ev.text)}</mark></blockquote>"
    a, z = ev.start - b.start, min(ev.end - b.start, len(b.text))
    return (f"<blockquote>{escape(b.text[:a])}<mark>{escape(b.text[a:z])}</mark>{escape(b.text[z:])}"
            "</blockquote>")


def _finding(r: TenderReport, f: Finding, idx: str, ctx, suppression=None) -> str:
    ev = f.evidence
    rule = ctx.rule(f.rule) if ctx is not None else None
    where = escape(ev.document) + (f", page {ev.page}" if ev.page else "") + (
        f", paragraph {ev.paragraph + 1}" if ev.paragraph is not None and ev.paragraph >= 0 else "")
    recs = ", ".join(f"R{n}" for n in f.recommendations)
    refs = "".join(f"<li>{escape(x)}</li>" for x in f.references)
    why = escape(" ".join(rule.rationale.split())) if rule else ""
    supp = ""
    if suppression is not None:
        who = ", ".join(x for x in (suppression.by, suppression.date) if x)
        supp = (f"<p><strong>Suppressed</strong>{' (' + escape(who) + ')' if who else ''}: "
                f"{escape(suppression.justification)}</p>")
    return f"""<article class="finding {f.severity}" id="{idx}" aria-labelledby="{idx}-h">
<h3 id="{idx}-h"><span class="badge {f.severity}">{escape(SEVERITY_TEXT[f.severity].split(':')[0])}</span>
{escape(f.message)}</h3>
<p class="where">{where} · <a href="#rule-{escape(f.rule)}">{escape(f.rule)} {escape(f.name)}</a> ·
{escape(f.category)} · {escape(recs)}{'' if f.assessed else ' · not fully assessed: a fact was missing'}</p>
{_in_context(r, f)}
{f'<p><strong>Why it matters.</strong> {why}</p>' if why else ''}
{f'<p><strong>Law and guidance</strong></p><ul>{refs}</ul>' if refs else ''}
{f'<p class="suggestion"><strong>What to write instead.</strong> {escape(f.suggestion)}</p>' if f.suggestion else ''}
{supp}</article>"""


def _rule_section(rule, recs: dict[int, str]) -> str:
    """The rule's page inside the report, so its links work wherever the report is saved or sent."""
    from tenderlint.docs import ADVICE_TITLES, REGIME_TITLES

    def plain(text: str) -> str:
        return escape(re.sub(r"\{\w+(?::[^}]*)?\}", "N", " ".join(text.split())))

    law = "".join(f"<li>{escape(REGIME_TITLES[k])}: {escape(x)}</li>" for k in ("all", "PCR2015", "PA2023", "PSR")
                  for x in rule.references.get(k, []))
    fix = f"<p>{plain(rule.suggestion)}</p>" + "".join(
        f"<p><strong>{escape(ADVICE_TITLES.get(k, k))}:</strong> {plain(v)}</p>" for k, v in rule.suggestions.items())
    ex = "".join(f"<li>Flagged: <q>{escape(x)}</q></li>" for x in rule.examples.get("fire", [])[:2]) + "".join(
        f"<li>Not flagged: <q>{escape(x)}</q></li>" for x in rule.examples.get("pass", [])[:2])
    rec = "".join(f"<li>R{n}: {escape(recs.get(n, ''))}</li>" for n in rule.recommendations)
    return f"""<article class="rule" id="rule-{escape(rule.id)}" aria-labelledby="rule-{escape(rule.id)}-h">
<h3 id="rule-{escape(rule.id)}-h">{escape(rule.id)} {escape(rule.name)}</h3>
<p><strong>What it flags.</strong> {plain(rule.description)}</p>
<p><strong>Why it is a barrier.</strong> {plain(rule.rationale)}</p>
<p><strong>Recommendation</strong></p><ul>{rec}</ul>
<p><strong>Law and guidance</strong></p><ul>{law}</ul>
<p><strong>Examples</strong></p><ul>{ex}</ul>
<div class="suggestion"><strong>How to fix the tender.</strong> {fix}</div>
<p class="muted">The full page, with thresholds and options: <code>tenderlint rule {escape(rule.id)}</code>.</p>
</article>"""


def _rules_appendix(reports: list[TenderReport], ctx) -> str:
    if ctx is None:
        return ""
    ids = sorted({f.rule for r in reports for f in r.findings} | {x.finding.rule for r in reports for x in r.suppressed})
    rules = [rule for rule in (ctx.rule(i) for i in ids) if rule is not None]
    if not rules:
        return ""
    recs = recommendations(ctx)
    return ('<section aria-labelledby="rules-h"><h2 id="rules-h">The rules behind these findings</h2>'
            + "\n".join(_rule_section(rule, recs) for rule in rules) + "</section>")


def _tender(r: TenderReport, n: int, ctx) -> str:
    docs = ", ".join(escape(d.path) for d in r.documents) or "no readable documents"
    parts = [f'<section aria-labelledby="t{n}"><h2 id="t{n}">{escape(r.source)}</h2>',
             f"<p class=muted>Documents: {docs}</p>"
             + (f"<p>One of several tenders in {escape(r.split_from)}: its files state different tender references, "
                "so each tender is read and reported on its own.</p>" if r.split_from else ""), "<h3>The tender at a glance</h3>", _facts(r)]
    if r.assessment == "not-assessed":
        parts.insert(1, '<p class="assessment not-assessed" role="alert"><strong>Not assessed.</strong> No document '
                        'of this tender could be read, so no check was run. This is not a clean result.</p>')
    elif r.assessment == "partly-assessed":
        parts.insert(1, '<p class="assessment partly-assessed" role="alert"><strong>Partly assessed.</strong> Some '
                        'files or pages could not be read (listed below); findings cover only the rest.</p>')
    if r.facts.conflicts:
        parts.append("<h3>Files that disagree</h3><ul>" + "".join(
            f"<li>{escape(describe(c, r.facts.currency))}</li>" for c in r.facts.conflicts) + "</ul>")
    if r.errors or r.warnings:
        parts.append("<h3>Not read</h3><ul>" + "".join(
            f"<li><strong>{escape(e.path)}</strong>: {escape(e.code)}: {escape(e.message)}</li>"
            for e in r.errors + r.warnings) + "</ul>")
    parts += ["<h3>Summary</h3>", _summary(r, recommendations(ctx)), f"<h3>Findings ({len(r.findings)})</h3>"]
    if not r.findings and r.assessment == "assessed":
        parts.append("<p>No barriers found.</p>")
    elif not r.findings and r.assessment == "partly-assessed":
        parts.append("<p>No barriers found in the parts that were read.</p>")
    elif not r.findings:
        parts.append("<p>None: the tender could not be read.</p>")
    parts += [_finding(r, f, f"t{n}-f{i}", ctx) for i, f in enumerate(r.findings, 1)]
    if r.suppressed:
        parts.append(f"<h3>Suppressed findings ({len(r.suppressed)})</h3>")
        parts += [_finding(r, x.finding, f"t{n}-s{i}", ctx, x.suppression) for i, x in enumerate(r.suppressed, 1)]
    if r.not_assessed:
        parts.append("<h3>Not assessed</h3><ul>" + "".join(
            f"<li>{escape(x.rule)}: {escape(x.reason)}</li>" for x in r.not_assessed) + "</ul>")
    parts.append("</section>")
    return "\n".join(parts)


def render_html(reports: list[TenderReport], ctx=None, **_: Any) -> str:
    total = sum(len(r.findings) for r in reports)
    title = (f"tenderlint report: {reports[0].source}" if len(reports) == 1 else
             f"tenderlint report: {len(reports)} tenders")
    nav = "".join(f'<li><a href="#t{i}">{escape(r.source)}</a> ({len(r.findings)})</li>'
                  for i, r in enumerate(reports, 1))
    meta = ""
    if ctx is not None:
        sets = "; ".join(f"{escape(s.name)} {escape(s.version)} (sha256 {s.sha256})" for s in ctx.rulesets)
        inputs = "".join(f"<li>{escape(r.source)}: sha256 {r.source_sha256 or '(folder)'}; " + "; ".join(
            f"{escape(d.path)} sha256 {d.sha256}" for d in r.documents) + "</li>" for r in reports)
        meta = (f"<p>Made by tenderlint {escape(ctx.version)} with ruleset {sets}."
                f"{' Overrides: ' + escape(str(ctx.overrides)) + '.' if ctx.overrides else ''}</p>"
                f"<p>Inputs:</p><ul>{inputs}</ul>")
    body = "\n".join(_tender(r, i, ctx) for i, r in enumerate(reports, 1)) + _rules_appendix(reports, ctx)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<style>{CSS}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the findings</a>
<header>
<p class="muted">tenderlint · barriers to small providers and public service mutuals</p>
<h1>{escape(title)}</h1>
<p>{total} finding{'s' if total != 1 else ''} in {len(reports)} tender{'s' if len(reports) != 1 else ''}.
Each finding shows the clause, where it is, why it is a barrier (with the Mutuals Taskforce recommendation and
the law or guidance for the regime) and what to write instead.</p>
<nav aria-label="Tenders"><ul>{nav}</ul></nav>
</header>
<main id="main">
{body}
</main>
<footer>{meta}</footer>
</body>
</html>
"""
