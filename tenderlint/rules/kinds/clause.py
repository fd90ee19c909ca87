"""Kind `clause`: a clause that is a barrier by its own wording (consortia barred, cover at bid stage).

The rule gives, as data, what the clause is about (`patterns.match`), what else it must say
(`require`: each group must match), and its antipatterns: wording in the sentence (`unless`),
in the same section (`unless_section`) or anywhere in the tender (`unless_tender`) that makes
it acceptable. The lexicon's negation templates are applied with the rule's own topic, so "no
consortium bids will be refused" and "consortium bids will not be barred" read the same way.
An optional `quantity` condition compares a stated amount or period with a limit; its `roles`
say what the amount must measure (from the clause frame: a payment term, not a deadline to pass on
a pay rise). `frame` reads the clause's structure: `skip_conditions` (a ban "without prior consent"
is a consent clause), `modality` (the clause must be a demand or a ban) and `review_modality` (a
clause that only "may" apply is reported for review, not asserted).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tenderlint.lexicon import Topic, load_lexicon
from tenderlint.model import Evidence, Facts, Finding, Quantity, Sentence
from tenderlint.nlp.quantities import MONTHS_PER
from tenderlint.rules.kinds.base import finding, needs_review, regime_value
from tenderlint.rules.ruleset import Rule


@dataclass
class _Compiled:
    topic: Topic
    require: list[list[re.Pattern]]
    unless: list[re.Pattern]
    unless_section: list[re.Pattern]
    unless_tender: list[re.Pattern]
    demand_also: list[re.Pattern]  # wording that counts as a demand for this rule (a bare "Registered on ...")


_CACHE: dict[tuple[str, str], _Compiled] = {}


def _compile(rule: Rule) -> _Compiled:
    key = (rule.origin, rule.id)
    if key not in _CACHE:
        p = rule.patterns

        def rx(items) -> list[re.Pattern]:
            flat = [y for x in items or [] for y in (x if isinstance(x, list) else [x])]  # shared lists (YAML aliases)
            return [re.compile(x, re.I) for x in flat]

        groups = p.get("require") or []
        if groups and isinstance(groups[0], str):
            groups = [groups]
        topic = Topic(rule.id, rx(p["match"]), rx(p.get("exclude")), "|".join(f"(?:{x})" for x in p["match"]))
        demand = p.get("demand")
        _CACHE[key] = _Compiled(topic, [rx(g) for g in groups], rx(p.get("unless")), rx(p.get("unless_section")),
                                rx(p.get("unless_tender")), rx(demand if isinstance(demand, list) else []))
    return _CACHE[key]


def check(rule: Rule, facts: Facts, sentences: list[Sentence]) -> list[Finding]:
    if facts.regime in rule.patterns.get("skip_regimes", []):
        return []
    c = _compile(rule)
    lex = load_lexicon()
    p = rule.patterns
    hits = [s for s in sentences if c.topic.found(s.text)]
    if not hits:
        return []
    if c.unless_tender and any(rx.search(s.text) for s in sentences for rx in c.unless_tender):
        return []
    skip_cues = set(p.get("skip_cues", []))
    out: list[Finding] = []
    seen: set[str] = set()
    blocks: set[int] = set()  # one finding per rule per paragraph: the first sentence that shows it
    index = {id(x): i for i, x in enumerate(sentences)}
    for s in hits:
        text = s.text
        if text in seen or id(s.block) in blocks:
            continue
        lead, answer = _context(s, sentences, index)
        context = " ".join(x.text for x in (lead, s, answer) if x is not None)
        if any(rx.search(context) for rx in c.unless):
            continue
        if not all(any(rx.search(context) for rx in group) for group in c.require):
            continue
        demand = any("demand" in x.cues for x in (lead, s, answer) if x is not None)
        if p.get("demand") and not demand and not any(rx.search(text) for rx in c.demand_also):
            continue
        if skip_cues & s.cues:
            continue
        frame_spec = p.get("frame") or {}
        if any(s.frame.has(k) for k in frame_spec.get("skip_conditions", [])):
            continue
        review = s.frame.modality in frame_spec.get("review_modality", [])
        if frame_spec.get("modality") and s.frame.modality not in frame_spec["modality"] and not review:
            continue
        if p.get("negation", True) and (lex.cue_with("negation", c.topic.source, text) or _negated_inside(c.topic, text)):
            continue
        q = _quantity(p.get("quantity"), s)
        if p.get("quantity") and q is None:
            continue
        if c.unless_section and any(rx.search(x.text) for x in _section(s, sentences) for rx in c.unless_section):
            continue
        seen.add(text)
        blocks.add(id(s.block))
        severity = regime_value(rule.severities, facts.regime, rule.severity)
        days = _in_unit(q, "day") + _plus_days(p.get("quantity"), s, q) if q else 0
        fmt = {"quantity": q.text if q else "", "days": f"{days:.0f}" if q else ""}
        message = rule.message.format(**fmt)
        if review:
            out.append(needs_review(finding(rule, facts, Evidence.of(s), message, severity, **fmt),
                                    f"the clause says it “{s.frame.modal.text if s.frame.modal else 'may'}” apply"))
        else:
            out.append(finding(rule, facts, Evidence.of(s), message, severity, **fmt))
    return out


_NOT = re.compile(r"\b(?:not|never)\b|n[’']t\b", re.I)
_NOT_BEFORE = re.compile(r"(?:\b(?:not|never)|n[’']t)\s+(?:\w+\s+)?$", re.I)  # "must not have been awarded"


def _negated_inside(topic, text: str) -> bool:
    """A negation inside the words that name the topic, or just before them: "has not been awarded a
    contract by the Council" names a prior contract only to rule it out."""
    return any(_NOT.search(text[a:b]) or _NOT_BEFORE.search(text[max(0, a - 30):a]) for a, b in topic.spans(text))


def _context(s: Sentence, sentences: list[Sentence], index: dict[int, int]) -> tuple[Sentence | None, Sentence | None]:
    """What else belongs to the clause: the lead-in of a list ("... the following documents:") that `s` is
    an item of, and the answer line after a form question ("Do you hold ...? Yes / No (Pass/Fail)")."""
    i = index.get(id(s), 0)
    lead = answer = None
    if i > 0 and sentences[i - 1].document == s.document and sentences[i - 1].text.rstrip().endswith(":"):
        lead = sentences[i - 1]
    elif s.frame.lead:  # a later item of the list: its lead-in is further up
        lead = next((x for x in reversed(sentences[max(0, i - 40):i])
                     if x.document == s.document and x.text == s.frame.lead), None)
    if s.text.rstrip().endswith("?") and i + 1 < len(sentences) and sentences[i + 1].document == s.document:
        answer = sentences[i + 1]
    return lead, answer


def _section(s: Sentence, sentences: list[Sentence]) -> list[Sentence]:
    """The sentences under the same heading in the same document (or the same block without headings)."""
    b = s.block
    if not b.heading_path:
        return [x for x in sentences if x.block is b]
    return [x for x in sentences if x.block.document == b.document and x.block.heading_path == b.heading_path]


def _plus_days(spec: dict | None, s: Sentence, q: Quantity) -> float:
    """Days a period runs beyond its stated length: "30 days of the end of the month" is up to 60 days."""
    for extra in (spec or {}).get("plus", []):
        if re.match(extra["after"], s.text[q.end:q.end + 60], re.I):
            return float(extra["days"])
    return 0.0


def _in_unit(q: Quantity, unit: str) -> float:
    return q.value / MONTHS_PER[unit]


def _quantity(spec: dict | None, s: Sentence) -> Quantity | None:
    """The first quantity of the spec's kind over its limit, preceded (within `window`) by `after`."""
    if not spec:
        return None
    after = re.compile(spec["after"], re.I) if spec.get("after") else None
    before_not = re.compile(spec["not_after"], re.I) if spec.get("not_after") else None
    window = int(spec.get("window", 80))
    for q in s.quantities:
        if q.kind != spec["kind"] or (spec.get("units") and q.unit not in spec["units"]):
            continue
        if "roles" in spec and q.role not in spec["roles"]:
            continue
        value = _in_unit(q, spec["unit"]) if q.kind == "DURATION" else q.value
        if q.kind == "DURATION" and spec.get("unit") == "day":
            value += _plus_days(spec, s, q)
        if "above" in spec and not value > float(spec["above"]) + 0.5 * (q.kind == "DURATION"):
            continue
        lead = s.text[max(0, q.start - window):q.start]
        if after and not after.search(lead):
            continue
        if before_not and before_not.search(lead):
            continue
        return q
    return None
