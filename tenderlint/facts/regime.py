"""Regime, buyer, framework, nature of the contract, CPV code and reservation: the tender's context.

Rules judge the same words differently under PCR 2015, the Procurement Act 2023 and the PSR, so the
regime is read from every signal in the tender (its text, titles, headers and footers); a signal inside
a "does not apply" sentence does not count.
"""

from __future__ import annotations

import re

from tenderlint.lexicon import Lexicon
from tenderlint.model import Document, Evidence, Facts, Sentence


def read(facts: Facts, sentences: list[Sentence], documents: list[Document], lex: Lexicon) -> None:
    texts = [s.text for s in sentences]
    extra = [b.text for d in documents for b in d.blocks if b.kind in ("header", "footer")]
    extra += [d.title for d in documents if d.title]
    every = texts + extra
    scores = {r: sum(1 for s in sentences if _signals(s, f"regime_{r.lower()}", lex))
              + sum(1 for t in extra if lex.cue(f"regime_{r.lower()}", t)) for r in ("PSR", "PA2023", "PCR2015")}
    if scores["PSR"]:
        facts.regime = "PSR"
    elif scores["PA2023"] or scores["PCR2015"]:
        if scores["PA2023"] != scores["PCR2015"]:
            facts.regime = "PA2023" if scores["PA2023"] > scores["PCR2015"] else "PCR2015"
    head = every[:60] + extra
    buyer = {k: sum(1 for t in head if lex.cue(f"buyer_{k}", t)) for k in ("central", "nhs", "council")}
    if any(buyer.values()):
        facts.buyer_type = max(("central", "nhs", "council"), key=lambda k: (buyer[k], k == "central"))
    fw = lex.topics["framework"]
    titles = [d.title or "" for d in documents] + [s.text for s in sentences[:8] if s.block.kind == "heading"]
    facts.framework = any(fw.found(t) or re.search(r"\bframework\b", t, re.I) for t in titles if t) or any(
        fw.found(t) for t in texts)
    # a long tender needs repeated signals; a short notice or clause is judged by what it says
    _cpv(facts, sentences)
    need = max(1, min(3, len(texts) // 50))
    works = sum(1 for t in texts if lex.topics["works"].found(t))
    head = [d.title or "" for d in documents] + texts[:10]
    goods = any(lex.topics["goods"].found(t) for t in head)
    facts.contract_nature = "works" if works >= need else ("goods" if goods else "services")
    division = int(facts.cpv_main[:2]) if facts.cpv_main else None
    if division is not None:  # CPV divisions: 03-44 and 48 are supplies, 45 is works, the rest services
        facts.contract_nature = "works" if division == 45 else (
            "goods" if 3 <= division <= 44 or division == 48 else "services")
    _reserved(facts, sentences, lex)


_CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?:so|and|but|which|therefore|hence)\b|\bso\s+(?:this|the|it)\b|\bbut\b")


def _signals(s: Sentence, cue: str, lex: Lexicon) -> bool:
    """A regime named in the clause that says it does not apply ("it is not a health care service under
    the Provider Selection Regime, so this procurement is run under the Procurement Act 2023") is no
    signal for it; the rest of the sentence still counts."""
    text = s.text
    for a, b in lex.cue_spans(cue, text):
        starts = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, a)]
        ends = [m.start() for m in _CLAUSE_BREAK.finditer(text, b)]
        lo, hi = (starts[-1] if starts else 0), (ends[0] if ends else len(text))
        clause = text[lo:hi]
        denied = lex.cue("not_applicable", clause) or any(lo <= n.start < a for n in s.frame.negations)
        if not denied:
            return True
    return False


_RESERVED_LAW = re.compile(r"\bmutuals\b|\bservice\s+mutual|\bmutual\s+(?:organi[sz]ations?|bodies|providers?)\b|regulation\s+77|reg\.?\s*77|section\s+33|s\.\s?33\b|article\s+77", re.I)
_NOT_RESERVED = re.compile(r"\b(?:not|no|consider\w*|whether|decided|instead|rather\s+than|if|could|may)\b", re.I)
_CPV = re.compile(r"\b(\d{8})(?:-\d)?\b")


def _reserved(facts: Facts, sentences: list[Sentence], lex: Lexicon) -> None:
    """Reserved when a sentence says so outright; "considered" when the route is only discussed."""
    topic = lex.topics["reserved"]
    facts.reserved = False
    for s in sentences:
        if not _RESERVED_LAW.search(s.text):
            continue
        facts.reserved_considered = True
        if topic.found(s.text) and not _NOT_RESERVED.search(s.text):
            facts.reserved = True
            facts.evidence.setdefault("reserved", Evidence.of(s))
    if facts.reserved:
        facts.reserved_considered = False


def _cpv(facts: Facts, sentences: list[Sentence]) -> None:
    """The main CPV code: the first code in the first sentence (or table row) that names CPV."""
    for s in sentences:
        if "CPV" not in s.text.upper():
            continue
        m = _CPV.search(s.text)
        if m:
            facts.cpv_main = m.group(1)
            facts.evidence["cpv_main"] = Evidence.of(s)
            return


