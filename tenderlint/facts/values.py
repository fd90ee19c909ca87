"""Estimated contract value: total and annual, each as the tender states it.

A stated annual value is never replaced by total / term, and a total never by annual x term; the
missing one is derived only when the tender gives one of them.
"""

from __future__ import annotations

import re

from tenderlint.facts.common import column_of, distance, table_headers
from tenderlint.lexicon import Lexicon
from tenderlint.model import Evidence, Facts, Sentence


def read(facts: Facts, sentences: list[Sentence], lex: Lexicon) -> None:
    value = lex.topics["value"]
    annual_t, whole_t = lex.topics["annual"], lex.topics["whole_term"]
    for s in sentences:
        # an amount the frame ties to a turnover, a bond or an insurance cover is never the contract value
        money = [q for q in s.quantities if q.kind == "MONEY" and q.role not in _NOT_VALUE and not _bound(s, q)
                 and not _share(s, q) and not _minimum(s, q)]
        if not money or not value.found(s.text):
            continue
        turnover = lex.topics["turnover"].spans(s.text)
        if turnover:  # the sentence also demands a turnover: keep only the amounts next to the value words
            value_spans = value.spans(s.text)
            money = [q for q in money if distance(q, value_spans) < distance(q, turnover)]
            if not money:
                continue
        per_year = [q for q in money if q.per == "year"]
        whole = [q for q in money if q.per != "year"]
        if per_year and whole and max(q.value for q in whole) > max(q.value for q in per_year):
            # "£2.1 million over its maximum term, which is around £300,000 a year": each amount says
            # what it is, so neither is taken for the other
            if facts.estimated_annual_value is None:
                facts.state("estimated_annual_value", max(q.value for q in per_year), Evidence.of(s))
            if facts.estimated_total_value is None:
                facts.state("estimated_total_value", max(q.value for q in whole), Evidence.of(s))
            facts.currency = facts.currency or per_year[0].currency
            continue
        top = max(money, key=lambda q: q.value)
        annual = top.per == "year" or (annual_t.found(s.text) and not whole_t.found(s.text))
        if annual and facts.estimated_annual_value is None:
            facts.state("estimated_annual_value", top.value, Evidence.of(s))
            facts.currency = facts.currency or top.currency
            total = [q for q in money if q.per != "year" and q is not top and whole_t.found(s.text)]
            if total and facts.estimated_total_value is None:
                facts.state("estimated_total_value", max(q.value for q in total), Evidence.of(s))
        elif not annual and facts.estimated_total_value is None:
            facts.state("estimated_total_value", top.value, Evidence.of(s))
            facts.currency = facts.currency or top.currency
    _table_values(facts, sentences, lex)


_NOT_VALUE = ("turnover", "bond", "insurance")
_BOUND = re.compile(r"\b(?:under|below|over|above|exceed(?:s|ing)?|less\s+than|more\s+than|greater\s+than|"
                    r"in\s+excess\s+of|up\s+to)\s*$", re.I)


_SHARE_OF_VALUE = re.compile(r"\d\s*(?:%|per\s*cent|percent|pct)\s+of\s+(?:the\s+)?(?:\w+\s+){0,3}?(?:value|price)"
                             r"[\s,(]*(?:being|i\.e\.|that\s+is|which\s+is|equal\s+to|or|currently)?[\s(]*$", re.I)


def _share(s: Sentence, q) -> bool:
    """An amount worked out as a share of the value ("10% of the annual contract value, being £60,000")
    is the bond, deposit or cap it measures, not the contract value."""
    return bool(_SHARE_OF_VALUE.search(s.text[max(0, q.start - 80):q.start]))


_AT_LEAST = re.compile(r"\b(?:at\s+least|a\s+minimum\s+of|minimum(?:\s+of)?|not\s+less\s+than|no\s+less\s+than)\s*$", re.I)


def _minimum(s: Sentence, q) -> bool:
    """An amount set as a floor ("references of contracts with a budget of at least €500,000") is a
    threshold some other contract must meet; this contract's estimate is never stated as a minimum."""
    return bool(_AT_LEAST.search(s.text[max(0, q.start - 25):q.start]))


def _bound(s: Sentence, q) -> bool:
    """An amount a condition compares against ("where a call-off is valued at under £25,000") is a
    threshold of a procedure, not the value of this contract."""
    return bool(_BOUND.search(s.text[max(0, q.start - 25):q.start])) and any(
        c.kind == "condition" and c.start <= q.start <= c.end + 1 for c in s.frame.conditions)
_TOTAL_ROW = re.compile(r"^\s*(?:grand\s+)?total\b", re.I)


def _table_values(facts: Facts, sentences: list[Sentence], lex: Lexicon) -> None:
    """Values stated only in a table ("Lot | Estimated annual value | ..."): the column header says what
    each amount is. Several lots add up, unless the table has its own total row."""
    value, annual_t, whole_t = lex.topics["value"], lex.topics["annual"], lex.topics["whole_term"]
    headers = table_headers(sentences)
    found: dict[tuple, dict[str, list[tuple[float, Sentence, bool]]]] = {}
    for s in sentences:
        b = s.block
        header = headers.get((b.document, b.table)) if b.kind == "table-row" else None
        if not header or b.cells == header:
            continue
        for q in s.quantities:
            if q.kind != "MONEY":
                continue
            col = column_of(b, s.start + q.start)
            head = header[col] if col is not None and col < len(header) else ""
            if not head or not value.found(head) or lex.topics["turnover"].found(head):
                continue
            key = "estimated_annual_value" if q.per == "year" or (
                annual_t.found(head) and not whole_t.found(head)) else "estimated_total_value"
            found.setdefault((b.document, b.table), {}).setdefault(key, []).append(
                (q.value, s, bool(_TOTAL_ROW.match(b.cells[0] if b.cells else ""))))
    for columns in found.values():
        for key, amounts in columns.items():
            if getattr(facts, key) is not None:
                continue
            totals = [a for a in amounts if a[2]]
            if totals:
                facts.state(key, totals[0][0], Evidence.of(totals[0][1]), 0.9)
            else:
                facts.state(key, round(sum(a[0] for a in amounts), 2), Evidence.of(amounts[0][1]),
                            0.9 if len(amounts) == 1 else 0.7)


def derive(facts: Facts) -> None:
    years = (facts.max_term_months or 0) / 12
    if facts.estimated_total_value is None and facts.estimated_annual_value is not None and years:
        facts.state("estimated_total_value", round(facts.estimated_annual_value * years, 2),
                    facts.evidence.get("estimated_annual_value"), 0.8)
    elif facts.estimated_annual_value is None and facts.estimated_total_value is not None and years:
        facts.state("estimated_annual_value", round(facts.estimated_total_value / years, 2),
                    facts.evidence.get("estimated_total_value"), 0.8)


