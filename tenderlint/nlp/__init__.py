"""Analyse stage: documents -> sentences with normalised quantities and cues."""

from __future__ import annotations

from tenderlint.lexicon import Lexicon
from tenderlint.model import Block, Document, Quantity, Sentence
from tenderlint.nlp.frames import attach_frames
from tenderlint.nlp.pipeline import get_nlp

GENERAL_CUES = ("demand", "conditional", "alternative", "not_pass_fail", "no_alternative", "on_demand", "justified")


def analyse(documents: list[Document], lexicon: Lexicon) -> list[Sentence]:
    """Every sentence of every document (running heads and notes included, once each), with its clause frame.

    Table rows are one sentence each.
    """
    nlp = get_nlp()
    blocks: list[Block] = [b for d in documents for b in d.blocks]
    out: list[Sentence] = []
    texts = ((b.text, b) for b in blocks)
    for doc, block in nlp.pipe(texts, as_tuples=True, batch_size=256):
        quantities: list[Quantity] = doc.user_data.get("quantities", [])
        sents = [(0, len(doc.text))] if block.kind == "table-row" else [
            (s.start_char, s.end_char) for s in doc.sents]
        for start, end in sents:
            text = doc.text[start:end]
            if not text.strip():
                continue
            qs = [
                Quantity(q.kind, q.value, q.text, q.start - start, q.end - start, q.currency, q.per, q.unit, q.parts,
                         q.count)
                for q in quantities if start <= q.start and q.end <= end
            ]
            cues = frozenset(c for c in GENERAL_CUES if lexicon.cue(c, text))
            out.append(Sentence(text=text, block=block, start=start, end=end, quantities=qs, cues=cues))
    attach_frames(out)
    return out
