"""Kind `ratio`: a demanded amount (minimum turnover) against the contract value facts.

Under PCR 2015 and the PSR the legal test is against the estimated contract value; the annual
ratio is a stricter good-practice test. The Procurement Act 2023 sets no figure, so any cut-off
without stated reasons is reported. Without a contract value the demand is still reported.
"""

from __future__ import annotations

from tenderlint.model import Evidence, Facts, Finding, Sentence
from tenderlint.rules.format import money, ratio
from tenderlint.rules.kinds.base import finding
from tenderlint.rules.ruleset import Rule


def check(rule: Rule, facts: Facts, sentences: list[Sentence]) -> list[Finding]:
    out: list[Finding] = []
    seen: set[str] = set()
    for req in facts.requirements:
        if req.topic != rule.topic or req.sentence.text in seen:
            continue
        seen.add(req.sentence.text)
        f = _judge(rule, facts, req)
        if f:
            out.append(f)
    return out


def _judge(rule: Rule, facts: Facts, req) -> Finding | None:
    t = rule.thresholds
    total, annual = facts.estimated_total_value, facts.estimated_annual_value
    ev = Evidence.of(req.sentence)
    cur = facts.currency
    fmt = {"amount": money(req.amount, req.currency or cur), "total_value": money(total, cur),
           "annual_value": money(annual, cur),
           "total_ratio": "", "annual_ratio": "", "ratio_note": ""}
    sev = rule.severities
    if req.amount is None and req.multiple is not None and facts.regime != "PA2023":
        # "at least twice the annual contract value": the ratio is stated even when the value is not
        limit = t.get("annual_ratio", 2.0) if req.multiple_of == "annual" else t.get("total_ratio", 2.0)
        if req.multiple <= limit or req.justified:
            return None
    if req.amount is None or (total is None and annual is None):
        if req.amount is None:
            fmt["amount"] = "a multiple of the contract value"
        return finding(rule, facts, ev, rule.messages["no_value"].format(**fmt), sev.get("no_value", "info"),
                       assessed=False)
    tr = req.amount / total if total else None
    ar = req.amount / annual if annual else None
    fmt["total_ratio"] = ratio(tr) if tr is not None else ""
    fmt["annual_ratio"] = ratio(ar) if ar is not None else ""
    if facts.regime != "PA2023" and tr is not None and tr > t.get("total_ratio", 2.0) and not req.justified:
        return finding(rule, facts, ev, rule.messages["over_total"].format(**fmt), sev.get("over_total", "error"))
    if facts.regime == "PA2023" and not req.justified:
        if ar is not None:
            fmt["ratio_note"] = f" ({fmt['annual_ratio']}x the annual contract value of {fmt['annual_value']})"
        return finding(rule, facts, ev, rule.messages["pa2023"].format(**fmt), sev.get("pa2023", "warning"))
    if ar is not None and ar > t.get("annual_ratio", 2.0):
        return finding(rule, facts, ev, rule.messages["over_annual"].format(**fmt), sev.get("over_annual", "warning"))
    return None
