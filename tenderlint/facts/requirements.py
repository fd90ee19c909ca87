"""Demands on bidders with their figures: minimum turnover, bonds and guarantees, years of trading or accounts."""

from __future__ import annotations

import re

from tenderlint.facts.common import AGED, WORDS, distance, nearest
from tenderlint.lexicon import Lexicon
from tenderlint.model import Evidence, Facts, Quantity, Requirement, Sentence

_TIMES_VALUE = re.compile(
    r"(?:\b(?P<k>\d+(?:\.\d+)?|one|two|three|four|five|ten)\s*(?:x|×|times)|\b(?P<mult>twice|double|treble|triple))\s+"
    r"(?:the\s+)?(?P<annual>annual|yearly)?\s*"
    r"(?:estimated\s+)?(?:annual\s+)?(?:contract|lot|framework)?\s*(?:value|price)", re.I)
_MULTIPLES = {"twice": 2, "double": 2, "treble": 3, "triple": 3}
_LESS_THAN = re.compile(r"\b(?:less|fewer|shorter)\s+than\s*$|\bunder\s*$|\bup\s+to\s*$|\bwithin\s+(?:the\s+)?(?:last\s+|past\s+)?$", re.I)
_QUESTION = re.compile(r"\s*(?:\d+(?:\.\d+)*\s+)?(?:will|would|can|could|does|do|is|are|has|have|did|should)\b", re.I)
_EXCLUSION_GROUND = re.compile(r"\b(?:verdict|convict\w*|judge?ments?|offen[cs]es?|bankrupt\w*|insolven\w*|"
                               r"misconduct|debarred|excluded\s+from)\b", re.I)
_PROVIDED = re.compile(r"\b(?:provide[ds]?|submit(?:s|ted)?|suppl(?:y|ied|ies)|upload(?:s|ed)?|require[ds]?|request(?:s|ed)?|"
                       r"enclose[ds]?|attach(?:es|ed)?|produce[ds]?|forward(?:s|ed)?|send|sent|include[ds]?)\b", re.I)


def read(facts: Facts, sentences: list[Sentence], lex: Lexicon) -> None:
    reqs: list[Requirement] = []
    for i, s in enumerate(sentences):
        block_sents = [x for x in sentences[max(0, i - 3):i + 4] if x.block is s.block]
        r = _turnover(s, block_sents, facts, lex)
        if r:
            reqs.append(r)
        r = _bond(s, block_sents, lex)
        if r:
            reqs.append(r)
        r = _trading(s, i, sentences, lex)
        if r:
            reqs.append(r)
    facts.requirements = reqs
    turnover = [r for r in reqs if r.topic == "turnover" and r.amount]
    if turnover:
        top = max(turnover, key=lambda r: r.amount or 0)
        facts.min_turnover = top.amount
        facts.evidence["min_turnover"] = Evidence.of(top.sentence)
        if facts.estimated_annual_value:
            facts.turnover_ratio = round(top.amount / facts.estimated_annual_value, 2)
    bonds = [r for r in reqs if r.topic == "bond"]
    pct = [r for r in bonds if r.percent is not None]
    amt = [r for r in bonds if r.amount is not None]
    if pct:
        facts.bond_percent = max(r.percent for r in pct)
        facts.evidence["bond_percent"] = Evidence.of(max(pct, key=lambda r: r.percent).sentence)
    if amt:
        facts.bond_amount = max(r.amount for r in amt)
        facts.evidence["bond_amount"] = Evidence.of(max(amt, key=lambda r: r.amount).sentence)
    years = [r for r in reqs if r.topic in ("trading", "accounts") and r.years]
    if years:
        top = max(years, key=lambda r: r.years)
        facts.min_trading_years = top.years
        facts.evidence["min_trading_years"] = Evidence.of(top.sentence)


def _turnover(s: Sentence, block_sents: list[Sentence], facts: Facts, lex: Lexicon) -> Requirement | None:
    spans = lex.topics["turnover"].spans(s.text)
    if not spans:
        return None
    if lex.topic_cue("negation", "turnover", s.text) or "not_pass_fail" in s.cues:
        return None
    if any("not_pass_fail" in x.cues or lex.topic_cue("negation", "turnover", x.text)
           for x in block_sents if x is not s and re.match(r"\s*(?:this|it|turnover|the\s+turnover)", x.text, re.I)):
        return None
    money = [q for q in s.quantities if q.kind == "MONEY"]
    amount = None
    m = _TIMES_VALUE.search(s.text)
    currency = None
    if money:
        q = nearest(money, spans)
        amount = q.value if q else None
        currency = q.currency if q else None
    elif m:
        k = float(_MULTIPLES[m.group("mult").lower()] if m.group("mult") else
                  WORDS.get(m.group("k").lower(), 0) or m.group("k"))
        base = facts.estimated_annual_value if m.group("annual") else (
            facts.estimated_total_value or facts.estimated_annual_value)
        amount = k * base if base else None
        if amount is None:
            return Requirement("turnover", s, amount=None, multiple=k,
                               multiple_of="annual" if m.group("annual") else "total")
    else:
        return None
    if "demand" not in s.cues:
        return None
    justified = "justified" in s.cues or any("justified" in x.cues for x in block_sents if x is not s)
    return Requirement("turnover", s, amount=amount, justified=justified, currency=currency)


def _bond(s: Sentence, block_sents: list[Sentence], lex: Lexicon) -> Requirement | None:
    spans = lex.topics["bond"].spans(s.text)
    if not spans:
        return None
    if lex.topic_cue("negation", "bond", s.text) or "conditional" in s.cues:
        return None
    listed = (len(s.text.split()) <= 12 and any("demand" in x.cues for x in block_sents)
              and (bool(s.quantities) or "on_demand" in s.cues))
    if "demand" not in s.cues and not listed and not re.search(
            r"\b(?:will|would)\s+(?:be\s+)?(?:need|require|expect|ask)", s.text, re.I):
        return None
    before = s.text[:spans[0][0]]
    review = None
    may_before = re.search(r"\b(?:may|could|might|can)\b", before, re.I) and not re.search(
        r"\bmust\b|\bshall\b|\bwill\s+be\s+required\b", before, re.I)
    if s.frame.has("discretion") and not re.search(r"\bmust\b|\bshall\b|\bwill\s+be\s+required\b", before, re.I):
        return None  # "the Authority reserves the right to require a guarantee": a power, not a default demand
    if may_before or s.frame.modality == "may":
        if s.frame.has("condition") or s.frame.has("discretion") or may_before:
            return None  # a mitigation for a bidder who does not pass, or one the buyer may ask for
        # "a guarantee may be required", with no word of when: a question for the commissioner, not a barrier
        review = "the tender says security “may” be required but not when or from whom"
    if re.search(r"\b(?:for\s+example|such\s+as|e\.g\.?|for\s+instance)\s*,?\s*(?:\w+\s+){0,3}$", before, re.I):
        return None  # a guarantee offered as one example of alternative evidence
    if _QUESTION.match(s.text) and s.text.rstrip().endswith("?"):
        return None  # a form question ("Will the bidder provide a guarantee?"), not a demand
    pct = [q for q in s.quantities if q.kind == "PERCENT" and q.role in ("bond", None)]
    money = [q for q in s.quantities if q.kind == "MONEY" and q.role in ("bond", "value", None)]
    p = nearest(pct, spans)
    a = nearest(money, spans)
    return Requirement("bond", s, percent=p.value if p else None, amount=a.value if a else None,
                       on_demand="on_demand" in s.cues, currency=a.currency if a else None, review=review)


def _trading(s: Sentence, i: int, sentences: list[Sentence], lex: Lexicon) -> Requirement | None:
    topic = None
    spans: list[tuple[int, int]] = []
    for t in ("accounts", "trading", "turnover_years"):
        spans = lex.topics[t].spans(s.text)
        if spans:
            topic = t
            break
    if topic is None:
        return None
    if topic == "turnover_years":
        # a turnover level to be met in each of (or over) the last N years: N years of trading; the same
        # figures asked for information are within what the regulations let a buyer ask
        money = [q for q in s.quantities if q.kind == "MONEY" and q.role == "turnover"]
        if not money and not lex.cue("level", s.text):
            return None
    years = _sets_of_accounts(s) if topic == "accounts" else []
    years += [q for q in s.quantities if q.kind == "DURATION" and q.unit in ("year", "month") and 1 <= q.value / 12 <= 15
             and not AGED.search(s.text[:q.start]) and not lex.cue("experience", s.text[q.end:q.end + 25])
             and not _LESS_THAN.search(s.text[max(0, q.start - 25):q.start])]
    if not years or not lex.cue("bidder", s.text) and topic == "trading":
        return None
    if lex.topic_cue("negation", topic, s.text):
        return None
    q = nearest(years, spans)
    if topic == "trading" and distance(q, spans) > 100:
        return None  # the years belong to something else in the sentence (a contract term, an asset's life)
    if _EXCLUSION_GROUND.search(s.text):
        return None  # "no final court verdict in the last 5 years": an exclusion ground, not trading history
    listed = topic == "accounts" and q.value / 12 > 3  # more years of accounts than any regime allows
    if topic == "accounts" and not listed and not lex.cue("bidder", s.text) and not _PROVIDED.search(s.text):
        return None  # accounts described ("statements shall be weighted"), not demanded of bidders
    # "the Council will review the accounts for your last two financial years": the buyer's own assessment
    # of N years of accounts is as much a demand for them as "bidders must submit"
    reviewed = topic == "accounts" and s.frame.subject == "buyer" and lex.cue("buyer_review", s.text)
    if ("demand" not in s.cues and not listed and not reviewed) or "not_pass_fail" in s.cues:
        return None
    if re.search(r"\b(?:retain|retention|keep|kept|store|archive)\w*\b", s.text, re.I):
        return None
    n = round(q.value / 12, 1)
    window = [x for x in sentences[max(0, i - 2):i + 4] if x.block.document == s.document]
    section = [x for x in sentences if x.block.heading_path == s.block.heading_path and x.block.document == s.document
               and s.block.heading_path]
    finance = re.compile(r"accounts|trading|financial|turnover|new(?:er)?\s+organi[sz]ations?", re.I)
    alt = any(_offers_alternative(x, lex) for x in window) or any(
        _offers_alternative(x, lex) and finance.search(x.text) for x in section)
    no_alt = any("no_alternative" in x.cues for x in window)
    return Requirement(topic, s, years=n, alternative=alt and not no_alt,
                       audited=bool(re.search(r"\baudited\b", s.text, re.I)))


def _offers_alternative(x: Sentence, lex: Lexicon) -> bool:
    """A route for newer organisations: said as one ("if you have traded for less than..."), or other
    evidence offered in place of accounts ("management accounts will be accepted", "or a bank letter");
    other evidence demanded as well ("please also provide a bank reference") is no alternative."""
    if lex.cue("other_group", x.text) and not lex.cue("newness", x.text):
        return False  # "in case of a public body, equivalent information should be provided"
    return "alternative" in x.cues or (lex.cue("other_evidence", x.text) and lex.cue("offered", x.text))


_SETS_RE = re.compile(
    r"\b(?P<n>\d|one|two|three|four|five|six)\s+(?:\(\d\)\s+)?(?:most\s+recent\s+|previous\s+|last\s+|full\s+|consecutive\s+)?"
    r"(?:sets?\s+of|years?['’]?s?)\s+(?:of\s+)?(?:\w+\s+){0,2}(?:accounts|financial\s+statements)", re.I)


def _sets_of_accounts(s: Sentence) -> list[Quantity]:
    out = []
    for m in _SETS_RE.finditer(s.text):
        n = WORDS.get(m.group("n").lower()) or (int(m.group("n")) if m.group("n").isdigit() else
                                                 {"six": 6}.get(m.group("n").lower(), 0))
        if n:
            out.append(Quantity("DURATION", n * 12.0, m.group(0), m.start(), m.end(), unit="year"))
    return out


