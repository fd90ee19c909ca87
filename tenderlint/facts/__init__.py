"""Facts stage: the tender-level picture read from the clause frames of all its documents.

One module per family of facts (regime and context, values, terms, requirements such as turnover,
bonds and trading history, weightings). Each reads the frames of every sentence (prose, table
rows, any file of a pack) and records each fact with the clause it came from and a confidence.
A fact not stated stays ``None``: "not stated" is never "fine".
"""

from __future__ import annotations

from tenderlint.facts import regime, requirements, terms, values, weightings
from tenderlint.facts.conflicts import apply_conflicts, find_conflicts
from tenderlint.lexicon import Lexicon
from tenderlint.model import Document, FactConflict, Facts, Sentence

_VALUE_AND_TERM = ("estimated_total_value", "estimated_annual_value", "max_term_months")


def extract_facts(sentences: list[Sentence], documents: list[Document], lex: Lexicon) -> Facts:
    """The tender's facts; for a pack, each file is also read alone so that files that disagree are
    named and the tender is judged on the most demanding of their figures (facts/conflicts.py)."""
    read = {d.path for d in documents if d.blocks}
    conflicts: list[FactConflict] = []
    if len(read) > 1:
        per_document = {path: _read([s for s in sentences if s.block.document == path],
                                    [d for d in documents if d.path == path], lex, [])
                        for path in sorted(read)}
        conflicts = find_conflicts(per_document)
    return _read(sentences, documents, lex, conflicts)


def _read(sentences: list[Sentence], documents: list[Document], lex: Lexicon, conflicts: list[FactConflict]) -> Facts:
    facts = Facts()
    regime.read(facts, sentences, documents, lex)
    values.read(facts, sentences, lex)
    terms.read(facts, sentences, lex)
    apply_conflicts(facts, conflicts, _VALUE_AND_TERM)
    values.derive(facts)
    requirements.read(facts, sentences, lex)
    weightings.read(facts, sentences, lex)
    apply_conflicts(facts, conflicts, ("social_value_weight_percent",))
    facts.conflicts = conflicts
    return facts
