"""Contract term: the initial period and the maximum with every extension option.

Only durations whose frame role is a contract term or an extension (or that have no role) are
read: a bid validity period, a payment term, a deadline, a notice or mobilisation period, years of
trading or experience are not terms. A total restated with its breakdown ("five years (an initial
three plus a two-year extension)") is counted once; an extension stated in another clause or
another file of the pack is added to a term stated without one.
"""

from __future__ import annotations

import re

from tenderlint.facts.common import AGED
from tenderlint.lexicon import Lexicon
from tenderlint.model import Evidence, Facts, Quantity, Sentence

_FORWARD_CUE = re.compile(r"max|up\s+to|not|no\b", re.I)
_CONTRACT_WORD = re.compile(r"term|duration|period|length|contract|agreement", re.I)
_A_NUMBER = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve)\b", re.I)
_TERM_ROLES = (None, "term", "extension")
# "... extend it for up to two further years, to a maximum of seven years", "giving a maximum of eight
# years": the maximum of the whole term, stated in the extension clause ("extend by up to a maximum
# of 24 months" caps the extension only)
_TOTAL_CUE = re.compile(r"(?:(?<!up\s)\bto|\bgiving|\bmaking|\bbringing\s+(?:it|the\s+\w+)\s+to)\s+a\s*$", re.I)
_EXT_AFTER = re.compile(r"^\s*(?:-\s*)?(?:\w+\s+)?(?:extensions?|renewals?|extension\s+(?:options?|periods?))\b", re.I)


def read(facts: Facts, sentences: list[Sentence], lex: Lexicon) -> None:
    term, ext_t, max_t = lex.topics["term"], lex.topics["extension"], lex.topics["max_term"]
    full: list[tuple[Sentence, float, float, float | None]] = []  # (sentence, initial, extensions, stated maximum)
    max_only: list[tuple[Sentence, float]] = []  # "over the maximum term of five years"
    ext_only: list[tuple[Sentence, float]] = []  # "the Council may extend the contract by up to 24 months"
    for s in sentences:
        if lex.topics["term_general"].found(s.text):
            continue  # "a contract reserved under section 33 may not run for more than five years": the law, not this term
        durs = [q for q in s.quantities if q.kind == "DURATION" and q.unit in ("month", "year", "week", "day")
                and not AGED.search(s.text[:q.start])]
        durs = [q for q in durs if q.value >= 3 and q.role in _TERM_ROLES
                and (q.role == "extension" or not _near_excluded(s.text, q, lex))
                and not (q.role == "extension" and s.frame.negated(q.start, q.end))]  # "no provision to extend beyond"
        if not durs or not term.found(s.text):
            continue
        durs = _without_restatements(s.text, durs)
        restated = _restated(s, durs, lex)
        if restated:
            initial, total = restated
            full.append((s, initial, total - initial, total))
            continue
        ext_spans = ext_t.spans(s.text)
        first_ext = min((a for a, _ in ext_spans), default=len(s.text) + 1)
        explicit_max = None
        for a, b in max_t.spans(s.text):
            # the period the cue governs: the next one after it, or the one just before it, with no other
            # number in between ("a maximum of six such extensions" counts extensions, it is no term);
            # "extend by up to a maximum of 24 months" caps the extension, not the term
            forward_only = bool(_FORWARD_CUE.match(s.text[a:b]))  # "maximum of N ...", "not exceed N ..."
            of_contract = bool(_CONTRACT_WORD.search(s.text[a:b]))
            near = [q for q in durs if (q.role != "extension" or of_contract) and (
                (0 <= q.start - b < 60 and not _A_NUMBER.search(s.text[b:q.start]))
                or (not forward_only and 0 <= a - q.end < 40 and not _A_NUMBER.search(s.text[q.end:a])))]
            if near:
                explicit_max = max(q.value for q in near)
        initial, ext = None, 0.0
        for q in durs:
            is_ext = (q.role == "extension" or q.start >= first_ext or q.count > 1
                      or bool(_EXT_AFTER.match(s.text[q.end:])))
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
        contract_max = any(_CONTRACT_WORD.search(s.text[a:b]) or _TOTAL_CUE.search(s.text[max(0, a - 30):a])
                           for a, b in max_t.spans(s.text))
        if initial is None and (explicit_max is None or not contract_max and all(
                q.start >= first_ext or _EXT_AFTER.match(s.text[q.end:]) for q in durs)):
            if ext or explicit_max:
                ext_only.append((s, ext or explicit_max))  # "Extension options of up to 48 months in total"
            continue
        if initial is None:
            max_only.append((s, explicit_max))
        else:
            full.append((s, initial, ext, explicit_max))
    if not full and not max_only:
        return
    confidence = 1.0
    if full:
        s, initial, ext, explicit_max = full[0]
        max_ev = Evidence.of(s)
        later_max = [(ms, m) for ms, m in max_only if m >= initial]
        if explicit_max is None and later_max:
            ms, explicit_max = later_max[0]  # the term in one clause, the maximum stated in another
            max_ev, confidence = Evidence.of(ms), 0.9
        elif not ext and explicit_max is None and ext_only:
            # the extension option stated elsewhere: the same document first, then any file of the pack;
            # restatements of one option are the same option, so the largest is taken, never the sum
            same = [(es, e) for (es, e) in ext_only if es.block.document == s.document]
            es, ext = max(same or ext_only, key=lambda x: x[1])
            confidence = 0.9 if same else 0.8
            max_ev = Evidence.of(es)
        initial_conf = 1.0
    else:
        s, explicit_max = max_only[0]
        initial, ext, max_ev, initial_conf = explicit_max, 0.0, Evidence.of(s), 0.6  # only the maximum is stated
    initial_m = _round(initial)
    max_m = _round(explicit_max if explicit_max is not None else initial + ext)
    facts.state("initial_term_months", initial_m, Evidence.of(s), initial_conf)
    facts.state("max_term_months", max(max_m, initial_m), max_ev, confidence)


def _restated(s: Sentence, durs: list[Quantity], lex: Lexicon) -> tuple[float, float] | None:
    """A total followed by its own breakdown: "four years (an initial two plus two 12-month extensions)".

    Returns (initial, total) when the parts after the total add up to it, or when only the extensions
    are given and they are shorter than it; None when the sentence is not such a restatement.
    """
    head = durs[0]
    if head.parts or head.role == "extension":
        return None
    if not lex.topics["term_breakdown"].found(s.text[head.end:head.end + 40]):
        return None
    rest = [q for q in durs[1:] if q.start >= head.end]
    ext = sum((sum(q.parts[1:]) if q.parts and q.parts[0] else sum(q.parts)) if q.parts else
              (q.value * q.count if q.role == "extension" or q.count > 1 else 0.0) for q in rest)
    firsts = [q.parts[0] if q.parts and q.parts[0] else q.value for q in rest
              if (q.parts and q.parts[0]) or (q.role != "extension" and q.count == 1)]
    initial = firsts[0] if firsts else head.value - ext
    if ext <= 0 or initial <= 0 or abs(initial + ext - head.value) > 1.0:
        return None
    return initial, head.value


def _near_excluded(text: str, q: Quantity, lex: Lexicon) -> bool:
    window = text[max(0, q.start - 60):q.end + 40]
    return any(p.search(window) for p in lex.topics["term"].exclude)


def _round(v: float) -> float:
    r = round(v)
    return float(r) if abs(v - r) < 0.3 else round(v, 1)


def _without_restatements(text: str, durs: list) -> list:
    """A period restated in brackets right after it ("for one year (April 2015 to March 2016)", "two
    years (24 months)") is the same period, not an extension."""
    out = []
    for q in durs:
        prev = next((p for p in out if p.end <= q.start and re.fullmatch(r"\s*\(\s*", text[p.end:q.start])), None)
        if prev is not None and abs(prev.value - q.value) <= 1.01:
            continue
        out.append(q)
    return out
