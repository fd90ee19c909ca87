"""Where the files of a pack disagree: each file's own reading of a fact, and which one is judged.

A pack's ITT may say 3+2 years while its draft contract says 24 months, or two files may give two
different values. Merging in file-name order would let whichever file sorts first win silently.
Instead each file is read on its own; when two files state different figures for a fact, every
statement is kept with its source, and the tender is judged on the figure most demanding for
bidders (the shortest term, the lowest value, the lowest social-value weight), so a barrier in any
file is not hidden by another. Figures a file only derives (total from annual x term) are not its
statements.
"""

from __future__ import annotations

from tenderlint.model import FactConflict, Facts, StatedFact

# the figure most demanding for bidders, per fact: what the tender is judged on when files disagree
MOST_DEMANDING = {
    "estimated_total_value": min,
    "estimated_annual_value": min,
    "max_term_months": min,
    "social_value_weight_percent": min,
    "min_turnover": max,
    "bond_percent": max,
    "min_trading_years": max,
}
_DERIVED = 0.8  # the confidence values.derive gives a figure computed from the others


def _stated(facts: Facts, key: str, document: str) -> float | None:
    value = getattr(facts, key)
    ev = facts.evidence.get(key)
    if value is None or ev is None or ev.document != document:
        return None
    if key in ("estimated_total_value", "estimated_annual_value") and facts.confidence.get(key) == _DERIVED:
        return None
    return float(value)


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 0.01 * max(abs(a), abs(b), 1.0)


def find_conflicts(per_document: dict[str, Facts]) -> list[FactConflict]:
    out: list[FactConflict] = []
    for key, pick in MOST_DEMANDING.items():
        stated = []
        for doc, f in per_document.items():
            value = _stated(f, key, doc)
            if value is not None:
                stated.append(StatedFact(doc, value, f.evidence[key]))
        if key == "max_term_months":
            stated = _term_disagreements(stated, per_document)
        if len(stated) < 2 or all(_same(s.value, stated[0].value) for s in stated):
            continue
        chosen = pick(s.value for s in stated)
        out.append(FactConflict(key, chosen, stated))
    return out


def _term_disagreements(stated: list[StatedFact], per_document: dict[str, Facts]) -> list[StatedFact]:
    """Keep a file's maximum term only where it is a real statement of the whole term: its initial
    period differs from another file's, or it states an extension of its own."""
    initial = {s.document: per_document[s.document].initial_term_months for s in stated}
    with_ext = [s for s in stated if initial[s.document] is not None and s.value > initial[s.document]]
    starts = {initial[s.document] for s in stated if initial[s.document] is not None}
    if len(starts) > 1:
        return stated  # "three years" in one file, "24 months" in another
    return with_ext


def apply_conflicts(facts: Facts, conflicts: list[FactConflict], keys: tuple[str, ...]) -> None:
    """Judge the tender on the most demanding figure of each disagreement, citing where it comes from."""
    for c in conflicts:
        if c.fact not in keys:
            continue
        if getattr(facts, c.fact) is None or not _same(getattr(facts, c.fact), c.chosen):
            source = next(s for s in c.values if _same(s.value, c.chosen))
            facts.state(c.fact, c.chosen, source.evidence, 0.7)
            if c.fact == "max_term_months" and (facts.initial_term_months or 0) > c.chosen:
                facts.state("initial_term_months", c.chosen, source.evidence, 0.7)


FACT_NAMES = {"estimated_total_value": "the total contract value", "estimated_annual_value": "the annual contract value",
              "max_term_months": "the maximum term", "social_value_weight_percent": "the social value weight",
              "min_turnover": "the minimum turnover", "bond_percent": "the bond", "min_trading_years":
              "the years of trading or accounts"}
# the facts each check kind judges on: a finding of that kind names the files that disagree on them
KIND_FACTS = {"term": ("max_term_months",), "reserved-term": ("max_term_months",),
              "ratio": ("estimated_total_value", "estimated_annual_value"),
              "level": ("estimated_annual_value",), "weighting": ("social_value_weight_percent",)}


def _figure(fact: str, value: float, currency: str | None) -> str:
    from tenderlint.rules.format import money

    if fact in ("max_term_months",):
        return f"{value:g} months"
    if fact in ("social_value_weight_percent", "bond_percent"):
        return f"{value:g}%"
    if fact == "min_trading_years":
        return f"{value:g} years"
    return money(value, currency)


def describe(c: FactConflict, currency: str | None) -> str:
    """One sentence a reader can check against each file."""
    said = "; ".join(f"{s.document} says {_figure(c.fact, s.value, currency)}" for s in c.values)
    return (f"The files disagree on {FACT_NAMES.get(c.fact, c.fact)}: {said}. The tender is judged on "
            f"{_figure(c.fact, c.chosen, currency)}, the most demanding for bidders.")
