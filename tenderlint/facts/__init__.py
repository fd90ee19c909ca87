"""Facts stage: the tender-level picture read from the clause frames of all its documents.

One module per family of facts (regime and context, values, terms, requirements such as turnover,
bonds and trading history, weightings). Each reads the frames of every sentence (prose, table
rows, any file of a pack) and records each fact with the clause it came from and a confidence.
A fact not stated stays ``None``: "not stated" is never "fine".
"""

from __future__ import annotations

from tenderlint.facts import regime, requirements, terms, values, weightings
from tenderlint.lexicon import Lexicon
from tenderlint.model import Document, Facts, Sentence


def extract_facts(sentences: list[Sentence], documents: list[Document], lex: Lexicon) -> Facts:
    facts = Facts()
    regime.read(facts, sentences, documents, lex)
    values.read(facts, sentences, lex)
    terms.read(facts, sentences, lex)
    values.derive(facts)
    requirements.read(facts, sentences, lex)
    weightings.read(facts, sentences, lex)
    return facts
