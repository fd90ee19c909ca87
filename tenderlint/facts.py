"""Facts stage: the tender-level picture read from all documents of a tender.

Value, term, turnover, bond, trading history, social value weighting, regime and buyer type are
each read where tenders state them (prose or tables, any file of a pack) and keep the sentence they
came from as evidence. A fact not stated stays ``None``: "not stated" is never "fine".
"""

from __future__ import annotations

import re

from tenderlint.lexicon import Lexicon
from tenderlint.model import Document, Evidence, Facts, Quantity, Requirement, Sentence

_TIMES_VALUE = re.compile(
    r"\b(?P<k>\d+(?:\.\d+)?|one|two|three|four|five|ten)\s*(?:x|×|times)\s+(?:the\s+)?(?P<annual>annual|yearly)?\s*"
    r"(?:estimated\s+)?(?:annual\s+)?(?:contract|lot|framework)?\s*(?:value|price)", re.I)
_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "ten": 10}
_AWARD_HEADING = re.compile(r"award|evaluat|criteri|weight|scor|assess", re.I)
_OF_QUALITY = re.compile(r"\bof\s+(?:the\s+)?(?:total\s+|available\s+|overall\s+)?(?:quality|technical)\b", re.I)
_LESS_THAN = re.compile(r"\b(?:less|fewer|shorter)\s+than\s*$|\bunder\s*$|\bup\s+to\s*$|\bwithin\s+(?:the\s+)?(?:last\s+|past\s+)?$", re.I)
_FORWARD_CUE = re.compile(r"max|up\s+to|not|no\b", re.I)
_CONTRACT_WORD = re.compile(r"term|duration|period|length|contract|agreement", re.I)
_A_NUMBER = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve)\b", re.I)
_EXT_AFTER = re.compile(r"^\s*(?:-\s*)?(?:\w+\s+)?(?:extensions?|renewals?|extension\s+(?:options?|periods?))\b", re.I)
_QUESTION = re.compile(r"\s*(?:\d+(?:\.\d+)*\s+)?(?:will|would|can|could|does|do|is|are|has|have|did|should)\b", re.I)
_EXCLUSION_GROUND = re.compile(r"\b(?:verdict|convict\w*|judge?ments?|offen[cs]es?|bankrupt\w*|insolven\w*|"
                               r"misconduct|debarred|excluded\s+from)\b", re.I)
_PROVIDED = re.compile(r"\b(?:provide[ds]?|submit(?:s|ted)?|suppl(?:y|ied|ies)|upload(?:s|ed)?|require[ds]?|request(?:s|ed)?|"
                       r"enclose[ds]?|attach(?:es|ed)?|produce[ds]?|forward(?:s|ed)?|send|sent|include[ds]?)\b", re.I)
_AGED = re.compile(r"\b(?:aged?|ages|olds?|year-olds?)\s*$", re.I)


def extract_facts(sentences: list[Sentence], documents: list[Document], lex: Lexicon) -> Facts:
    facts = Facts()
    _context(facts, sentences, documents, lex)
    _values(facts, sentences, lex)
    _terms(facts, sentences, lex)
    _derive_values(facts)
    _requirements(facts, sentences, lex)
    _social_value(facts, sentences, lex)
    return facts


# --- context: regime, buyer, framework, nature -------------------------------------------------

def _context(facts: Facts, sentences: list[Sentence], documents: list[Document], lex: Lexicon) -> None:
    texts = [s.text for s in sentences]
    signal_texts = [t for t in texts if not lex.cue("not_applicable", t)]
    extra = [b.text for d in documents for b in d.blocks if b.kind in ("header", "footer")]
    extra += [d.title for d in documents if d.title]
    every = texts + extra
    signals = signal_texts + extra
    scores = {r: sum(1 for t in signals if lex.cue(f"regime_{r.lower()}", t)) for r in ("PSR", "PA2023", "PCR2015")}
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


# --- value -------------------------------------------------------------------------------------

def _values(facts: Facts, sentences: list[Sentence], lex: Lexicon) -> None:
    value = lex.topics["value"]
    annual_t, whole_t = lex.topics["annual"], lex.topics["whole_term"]
    for s in sentences:
        money = [q for q in s.quantities if q.kind == "MONEY"]
        if not money or not value.found(s.text):
            continue
        turnover = lex.topics["turnover"].spans(s.text)
        if turnover:  # the sentence also demands a turnover: keep only the amounts next to the value words
            value_spans = value.spans(s.text)
            money = [q for q in money if _distance(q, value_spans) < _distance(q, turnover)]
            if not money:
                continue
        top = max(money, key=lambda q: q.value)
        annual = top.per == "year" or (annual_t.found(s.text) and not whole_t.found(s.text))
        if annual and facts.estimated_annual_value is None:
            facts.estimated_annual_value = top.value
            facts.evidence["estimated_annual_value"] = Evidence.of(s)
            facts.currency = facts.currency or top.currency
            total = [q for q in money if q.per != "year" and q is not top and whole_t.found(s.text)]
            if total and facts.estimated_total_value is None:
                facts.estimated_total_value = max(q.value for q in total)
                facts.evidence["estimated_total_value"] = Evidence.of(s)
        elif not annual and facts.estimated_total_value is None:
            facts.estimated_total_value = top.value
            facts.evidence["estimated_total_value"] = Evidence.of(s)
            facts.currency = facts.currency or top.currency


def _distance(q: Quantity, spans: list[tuple[int, int]]) -> int:
    return min((q.start - b if q.start >= b else a - q.end + 15) for a, b in spans) if spans else 10**6


def _derive_values(facts: Facts) -> None:
    years = (facts.max_term_months or 0) / 12
    if facts.estimated_total_value is None and facts.estimated_annual_value is not None and years:
        facts.estimated_total_value = round(facts.estimated_annual_value * years, 2)
        facts.evidence["estimated_total_value"] = facts.evidence["estimated_annual_value"]
    elif facts.estimated_annual_value is None and facts.estimated_total_value is not None and years:
        facts.estimated_annual_value = round(facts.estimated_total_value / years, 2)
        facts.evidence["estimated_annual_value"] = facts.evidence["estimated_total_value"]


# --- term --------------------------------------------------------------------------------------

def _terms(facts: Facts, sentences: list[Sentence], lex: Lexicon) -> None:
    term, ext_t, max_t = lex.topics["term"], lex.topics["extension"], lex.topics["max_term"]
    best: tuple[Sentence, float, float, float | None] | None = None
    ext_only: list[tuple[Sentence, float]] = []
    for s in sentences:
        durs = [q for q in s.quantities if q.kind == "DURATION" and q.unit in ("month", "year", "week", "day")
                and not _AGED.search(s.text[:q.start])]
        durs = [q for q in durs if q.value >= 3 and not _near_excluded(s.text, q, lex)]
        if not durs or not term.found(s.text):
            continue
        ext_spans = ext_t.spans(s.text)
        first_ext = min((a for a, _ in ext_spans), default=len(s.text) + 1)
        explicit_max = None
        for a, b in max_t.spans(s.text):
            # the period the cue governs: the next one after it, or the one just before it, with no other
            # number in between ("a maximum of six such extensions" counts extensions, it is no term)
            forward_only = bool(_FORWARD_CUE.match(s.text[a:b]))  # "maximum of N ...", "not exceed N ..."
            near = [q for q in durs if (0 <= q.start - b < 60 and not _A_NUMBER.search(s.text[b:q.start]))
                    or (not forward_only and 0 <= a - q.end < 40 and not _A_NUMBER.search(s.text[q.end:a]))]
            if near:
                explicit_max = max(q.value for q in near)
        initial, ext = None, 0.0
        for q in durs:
            is_ext = q.start >= first_ext or q.count > 1 or bool(_EXT_AFTER.match(s.text[q.end:]))
            if q.parts and (initial is None and not is_ext):
                initial = q.parts[0]
                ext += sum(q.parts[1:])
            elif (q.parts and initial is not None and q.parts[0] and abs(q.parts[0] - initial) < 0.01
                  and (q.text.startswith("(") or s.text[max(0, q.start - 6):q.start].rstrip().endswith(("(", "i.e.")))):
                ext = max(ext, sum(q.parts[1:]))  # "(3+1+1 years)" restating the term just described
            elif q.parts:
                ext += sum(q.parts)  # "with possible 1+1 year extension", "+1,+1": all extension
            elif not is_ext and initial is None and q.value != explicit_max:
                initial = q.value
            elif is_ext and q.value != explicit_max:
                ext += q.value * q.count
        contract_max = any(_CONTRACT_WORD.search(s.text[a:b]) for a, b in max_t.spans(s.text))
        if initial is None and (explicit_max is None or not contract_max and all(
                q.start >= first_ext or _EXT_AFTER.match(s.text[q.end:]) for q in durs)):
            if ext or explicit_max:
                ext_only.append((s, ext or explicit_max))  # "Extension options of up to 48 months in total"
            continue
        if best is None:
            best = (s, initial if initial is not None else explicit_max, ext, explicit_max)
        elif best[3] is None and explicit_max is not None and initial is None:
            best = (best[0], best[1], best[2], explicit_max)
    if best is None:
        return
    s, initial, ext, explicit_max = best
    if not ext and explicit_max is None:
        later = [e for (es, e) in ext_only if es.block.document == s.document]
        if later:
            ext = later[0]
    facts.initial_term_months = _round(initial)
    facts.max_term_months = _round(explicit_max if explicit_max is not None else initial + ext)
    if facts.max_term_months < facts.initial_term_months:
        facts.max_term_months = facts.initial_term_months
    facts.evidence["initial_term_months"] = Evidence.of(s)
    facts.evidence["max_term_months"] = Evidence.of(s)


def _near_excluded(text: str, q: Quantity, lex: Lexicon) -> bool:
    window = text[max(0, q.start - 60):q.end + 40]
    return any(p.search(window) for p in lex.topics["term"].exclude)


def _round(v: float) -> float:
    r = round(v)
    return float(r) if abs(v - r) < 0.3 else round(v, 1)


# --- requirements: turnover, bond, trading, accounts --------------------------------------------

def _requirements(facts: Facts, sentences: list[Sentence], lex: Lexicon) -> None:
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


def _nearest(qs: list[Quantity], spans: list[tuple[int, int]]) -> Quantity | None:
    if not qs or not spans:
        return None
    return min(qs, key=lambda q: min(abs(q.start - b) if q.start >= b else abs(a - q.end) + 15 for a, b in spans))


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
        q = _nearest(money, spans)
        amount = q.value if q else None
        currency = q.currency if q else None
    elif m:
        k = float(_WORDS.get(m.group("k").lower(), 0) or m.group("k"))
        base = facts.estimated_annual_value if m.group("annual") else (
            facts.estimated_total_value or facts.estimated_annual_value)
        amount = k * base if base else None
        if amount is None:
            return Requirement("turnover", s, amount=None)
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
    if re.search(r"\b(?:may|could|might|can)\b", before, re.I) and not re.search(
            r"\bmust\b|\bshall\b|\bwill\s+be\s+required\b", before, re.I):
        return None
    if re.search(r"\b(?:for\s+example|such\s+as|e\.g\.?|for\s+instance)\s*,?\s*(?:\w+\s+){0,3}$", before, re.I):
        return None  # a guarantee offered as one example of alternative evidence
    if _QUESTION.match(s.text) and s.text.rstrip().endswith("?"):
        return None  # a form question ("Will the bidder provide a guarantee?"), not a demand
    pct = [q for q in s.quantities if q.kind == "PERCENT"]
    money = [q for q in s.quantities if q.kind == "MONEY"]
    p = _nearest(pct, spans)
    a = _nearest(money, spans)
    return Requirement("bond", s, percent=p.value if p else None, amount=a.value if a else None,
                       on_demand="on_demand" in s.cues, currency=a.currency if a else None)


def _trading(s: Sentence, i: int, sentences: list[Sentence], lex: Lexicon) -> Requirement | None:
    topic = None
    spans: list[tuple[int, int]] = []
    for t in ("accounts", "trading"):
        spans = lex.topics[t].spans(s.text)
        if spans:
            topic = t
            break
    if topic is None:
        return None
    years = _sets_of_accounts(s) if topic == "accounts" else []
    years += [q for q in s.quantities if q.kind == "DURATION" and q.unit in ("year", "month") and 1 <= q.value / 12 <= 15
             and not _AGED.search(s.text[:q.start]) and not lex.cue("experience", s.text[q.end:q.end + 25])
             and not _LESS_THAN.search(s.text[max(0, q.start - 25):q.start])]
    if not years or not lex.cue("bidder", s.text) and topic == "trading":
        return None
    if lex.topic_cue("negation", topic, s.text):
        return None
    q = _nearest(years, spans)
    if topic == "trading" and _distance(q, spans) > 100:
        return None  # the years belong to something else in the sentence (a contract term, an asset's life)
    if _EXCLUSION_GROUND.search(s.text):
        return None  # "no final court verdict in the last 5 years": an exclusion ground, not trading history
    listed = topic == "accounts" and q.value / 12 > 3
    if topic == "accounts" and not listed and not lex.cue("bidder", s.text) and not _PROVIDED.search(s.text):
        return None  # accounts described ("statements shall be weighted"), not demanded of bidders
    if ("demand" not in s.cues and not listed) or "not_pass_fail" in s.cues:
        return None
    if re.search(r"\b(?:retain|retention|keep|kept|store|archive)\w*\b", s.text, re.I):
        return None
    n = round(q.value / 12, 1)
    window = [x for x in sentences[max(0, i - 2):i + 4] if x.block.document == s.document]
    section = [x for x in sentences if x.block.heading_path == s.block.heading_path and x.block.document == s.document
               and s.block.heading_path]
    finance = re.compile(r"accounts|trading|financial|turnover|new(?:er)?\s+organi[sz]ations?", re.I)
    alt = any("alternative" in x.cues for x in window) or any(
        "alternative" in x.cues and finance.search(x.text) for x in section)
    no_alt = any("no_alternative" in x.cues for x in window)
    return Requirement(topic, s, years=n, alternative=alt and not no_alt,
                       audited=bool(re.search(r"\baudited\b", s.text, re.I)))


_SETS_RE = re.compile(
    r"\b(?P<n>\d|one|two|three|four|five|six)\s+(?:\(\d\)\s+)?(?:most\s+recent\s+|previous\s+|last\s+|full\s+|consecutive\s+)?"
    r"(?:sets?\s+of|years?['’]?s?)\s+(?:of\s+)?(?:\w+\s+){0,2}(?:accounts|financial\s+statements)", re.I)


def _sets_of_accounts(s: Sentence) -> list[Quantity]:
    out = []
    for m in _SETS_RE.finditer(s.text):
        n = _WORDS.get(m.group("n").lower()) or (int(m.group("n")) if m.group("n").isdigit() else
                                                 {"six": 6}.get(m.group("n").lower(), 0))
        if n:
            out.append(Quantity("DURATION", n * 12.0, m.group(0), m.start(), m.end(), unit="year"))
    return out


# --- social value ------------------------------------------------------------------------------

def _social_value(facts: Facts, sentences: list[Sentence], lex: Lexicon) -> None:
    crit, sv, award = lex.topics["criterion"], lex.topics["social_value"], lex.topics["award"]
    # (group, criterion, percent, sentence, is_sv); a group is one table or one sentence
    pairs: list[tuple[tuple, str, float, Sentence, bool]] = []
    award_blocks = {(s.document, s.block.index) for s in sentences if award.found(s.text)}
    tables: dict[tuple, list[Sentence]] = {}
    for x in sentences:
        if x.block.kind == "table-row":
            tables.setdefault((x.document, x.block.table), []).append(x)
    for s in sentences:
        pct = [q for q in s.quantities if q.kind == "PERCENT"] or _bare_weights(s.text)
        row = s.block.kind == "table-row"
        rows = tables.get((s.document, s.block.table), []) if row else []
        marks = row and not pct and _marks_table(s, rows)
        if not pct and not marks:
            continue
        near_award = any((s.document, s.block.index - k) in award_blocks for k in range(-2, 5))
        in_award = near_award or award.found(s.text) or any(_AWARD_HEADING.search(h) for h in s.block.heading_path) or (
            row and _table_is_award(rows, lex))
        if not in_award or lex.topics["bond"].found(s.text) or lex.topics["turnover"].found(s.text):
            continue
        group = (s.document, "table", s.block.table) if row else (s.document, "sentence", s.block.index, s.start)
        if row and len([c for c in s.block.cells if c]) >= 2:
            value = _row_weight(s, pct)
            label = " ".join(s.block.cells[:-1])
            if value is not None and (crit.found(label) or sv.found(label)):
                pairs.append((group, label.lower()[:60], value, s, sv.found(label)))
            continue
        for (a, b), q in _pair_weights(s.text, sorted(set(crit.spans(s.text) + sv.spans(s.text))), pct):
            if re.match(r"\s*of\s+(?:the\s+)?(?:social\s+value|community\s+benefits?)", s.text[q.end:]):
                continue  # a split inside the social value marks, not a weight of the total
            is_sv = any(x <= a < y or a <= x < b for x, y in sv.spans(s.text))
            pairs.append((group, s.text[a:b].lower(), q.value, s, is_sv))
        if (99 <= sum(q.value for q in pct) <= 101 and len(pct) >= 2 and sum(1 for p in pairs if p[3] is s) < 2
                and (crit.found(s.text) or sv.found(s.text)) and not lex.topics["accounts"].found(s.text)):
            pairs.append((group, "criteria", 0.0, s, False))
            pairs.append((group, "criteria-total", 0.0, s, False))
    names = {p[1] for p in pairs}
    single_sv = len(pairs) == 1 and pairs[0][4] and re.search(r"weight", " ".join(
        [pairs[0][3].text, *pairs[0][3].block.heading_path]), re.I)
    if (len(pairs) < 2 or len(names) < 2) and not single_sv:
        return
    facts.award_criteria_stated = True
    quality = next((p[2] for p in pairs if re.search(r"quality|technical", p[1]) and not p[4]), None)
    groups: dict[tuple, list] = {}
    for p in pairs:
        groups.setdefault(p[0], []).append(p)
    best, ev = 0.0, None
    for members in groups.values():
        total, first = 0.0, None
        for _g, _name, value, s, is_sv in members:
            if not is_sv:
                continue
            if _OF_QUALITY.search(s.text) and quality and value <= 100:
                value = value * quality / 100
            total += value
            first = first or s
        if first is not None and total > best:
            best, ev = total, first
    facts.social_value_weight_percent = round(best, 2)
    facts.evidence["social_value_weight_percent"] = Evidence.of(ev or pairs[0][3])


_BETWEEN_AFTER = re.compile(r"^\s*(?:on|for|to|-|–)?\s*$", re.I)
_REFERENCE = re.compile(r"\bof\s+(?:the\s+)?(?:\w+\s+)?$", re.I)


def _pair_weights(text: str, spans: list[tuple[int, int]], pct: list[Quantity]):
    """Each weight with its criterion: the one just before it ("Price 60%"), else just after it ("60% on
    price"), else the nearest unpaired one before it ("social value will carry 20% ..."). A criterion named
    inside "of the quality marks" is a reference, not a criterion."""
    spans = [sp for sp in spans if not _REFERENCE.search(text[max(0, sp[0] - 30):sp[0]])]
    used: set[tuple[int, int]] = set()
    out = []
    for q in pct:
        adjacent_before = [sp for sp in spans if sp not in used and sp[1] <= q.start and q.start - sp[1] <= 3]
        adjacent_after = [sp for sp in spans if sp not in used and sp[0] >= q.end and sp[0] - q.end <= 8
                          and _BETWEEN_AFTER.match(text[q.end:sp[0]])]
        nearest_before = [sp for sp in spans if sp not in used and sp[1] <= q.start and q.start - sp[1] < 80]
        choice = (adjacent_before[-1:] or adjacent_after[:1] or nearest_before[-1:] or [None])[0]
        if choice is not None:
            used.add(choice)
            out.append((choice, q))
    return out


_BARE_RE = re.compile(r"(?:(?<=:)|(?<=[A-Za-z]\s))\s*(\d{1,3}(?:\.\d+)?)\s*(?=;|,|\||$)")


def _bare_weights(text: str) -> list[Quantity]:
    """``Quality: 70; Price: 30``: weights written without a percent sign, if they add up to 100."""
    found = [Quantity("PERCENT", float(m.group(1)), m.group(1), m.start(1), m.end(1)) for m in _BARE_RE.finditer(text)]
    if len(found) >= 3 and 99 <= sum(q.value for q in found[:-1]) <= 101 and found[-1].value == 100:
        found = found[:-1]  # "Price 60 | Quality 35 | Social Value 5 | Total 100"
    return found if len(found) >= 2 and 99 <= sum(q.value for q in found) <= 101 else []


def _row_weight(s: Sentence, pct: list[Quantity]) -> float | None:
    if pct:
        return pct[-1].value
    last = s.block.cells[-1].strip() if s.block.cells else ""
    m = re.fullmatch(r"(\d{1,3}(?:\.\d+)?)\s*(?:marks?|points?)?", last, re.I)
    return float(m.group(1)) if m and float(m.group(1)) <= 100 else None


def _marks_table(s: Sentence, rows: list[Sentence]) -> bool:
    """A scoring table whose last column holds marks out of 100 rather than percentages."""
    if not s.block.cells or not re.fullmatch(r"\d{1,3}(?:\.\d+)?", s.block.cells[-1].strip()):
        return False
    header = rows[0].block.cells[-1] if rows and rows[0].block.cells else ""
    return bool(re.search(r"mark|weight|point|%|score", header, re.I))


def _table_is_award(rows: list[Sentence], lex: Lexicon) -> bool:
    return any(lex.topics["award"].found(x.text) or re.search(r"weight|criteri|score", x.text, re.I) for x in rows[:3])
