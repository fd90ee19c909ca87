"""Kind `requirement`: a demand found in the text (a bond, years of trading), judged by thresholds.

The facts stage has already found each demand and whether it was negated, conditional or offered
an alternative; this kind decides severity from the rule's `escalate` list and thresholds.
"""

from __future__ import annotations

from tenderlint.model import Evidence, Facts, Finding, Requirement, Sentence
from tenderlint.rules.format import money
from tenderlint.rules.kinds.base import REGIME_NAMES, finding, needs_review
from tenderlint.rules.ruleset import Rule

_TOPICS = {"bond": ("bond",), "trading": ("trading", "accounts", "turnover_years")}


def check(rule: Rule, facts: Facts, sentences: list[Sentence]) -> list[Finding]:
    out: list[Finding] = []
    seen: set[str] = set()
    topics = _TOPICS.get(rule.topic or "", (rule.topic,))
    for req in facts.requirements:
        if req.topic not in topics or req.sentence.text in seen:
            continue
        f = _judge(rule, facts, req)
        if f:
            seen.add(req.sentence.text)
            out.append(f)
    return out


def _judge(rule: Rule, facts: Facts, req: Requirement) -> Finding | None:
    regime_key = facts.regime or "unknown"
    caps = rule.thresholds.get("max_accounts_years", {})
    cap = caps.get(regime_key, caps.get("unknown", 3)) if isinstance(caps, dict) else caps
    what = ("audited accounts" if req.audited else "accounts" if req.topic == "accounts"
            else "trading at the turnover demanded" if req.topic == "turnover_years" else "trading")
    conditions = {
        "percent_over": req.percent is not None and req.percent > rule.thresholds.get("max_bond_percent", 10),
        "on_demand": req.on_demand,
        "accounts_over_cap": req.topic in ("accounts", "turnover_years") and req.years is not None and req.years > cap,
        "no_alternative": not req.alternative,
        "alternative": req.alternative,
    }
    fmt = {
        "percent": f"{req.percent:g}" if req.percent is not None else "",
        "amount": money(req.amount, req.currency or facts.currency),
        "years": req.years or 0,
        "cap": cap,
        "what": what,
        "regime_name": REGIME_NAMES.get(facts.regime, REGIME_NAMES[None]),
        "detail": _detail(req, facts),
    }
    out = None
    for esc in rule.escalate:
        if conditions.get(esc["when"]):
            msg = esc.get("message", rule.message).format(**fmt)
            out = finding(rule, facts, Evidence.of(req.sentence), msg, esc["severity"], **fmt)
            break
    else:
        if rule.skip_when and conditions.get(rule.skip_when):
            return None
        out = finding(rule, facts, Evidence.of(req.sentence), rule.message.format(**fmt), **fmt)
    return needs_review(out, req.review) if req.review else out


def _detail(req: Requirement, facts: Facts) -> str:
    if req.percent is not None:
        return f" ({req.percent:g}% of the contract value)"
    if req.amount is not None:
        if facts.estimated_total_value:
            return f" ({money(req.amount, req.currency or facts.currency)}, {100 * req.amount / facts.estimated_total_value:.0f}% of the contract value)"
        return f" ({money(req.amount, req.currency or facts.currency)})"
    return ""
