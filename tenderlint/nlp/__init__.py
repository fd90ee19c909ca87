"""Analyse stage: documents -> sentences with normalised quantities and cues."""

from __future__ import annotations

import re
import time

from tenderlint.lexicon import Lexicon
from tenderlint.model import Block, Document, InputError, Quantity, Sentence
from tenderlint.nlp.frames import attach_frames
from tenderlint.nlp.pipeline import get_nlp

GENERAL_CUES = ("demand", "conditional", "alternative", "not_pass_fail", "no_alternative", "on_demand", "justified")


MAX_SENTENCE_CHARS = 3_000  # a real clause is shorter; text with no full stop is cut at clause breaks


def _bounded(text: str, spans: list[tuple[int, int]], limit: int = MAX_SENTENCE_CHARS) -> list[tuple[int, int]]:
    """Sentences no longer than `limit`: a 4 MB line with no full stop must not become one sentence
    that every pattern is matched across. Cut at the last ';', ',' or space before the limit."""
    out = []
    for a, b in spans:
        while b - a > limit:
            window = text[a:a + limit]
            cut = max(window.rfind("; "), window.rfind(", "))
            if cut < limit // 2:
                cut = window.rfind(" ")
            cut = a + (cut + 1 if cut > 0 else limit)
            out.append((a, cut))
            a = cut
        out.append((a, b))
    return out


def analyse(documents: list[Document], lexicon: Lexicon, budget_seconds: float | None = None) -> list[Sentence]:
    """Every sentence of every document (running heads and notes included, once each), with its clause frame.

    A table row is one sentence (a label and its value belong together: "Minimum turnover | £2m"),
    except that a cell holding a sentence of its own is its own sentence, so its quote is that
    clause and not the whole row.
    """
    nlp = get_nlp()
    blocks: list[Block] = [b for d in documents for b in d.blocks]
    out: list[Sentence] = []
    texts = ((b.text, b) for b in blocks)
    deadline = time.monotonic() + budget_seconds if budget_seconds else None
    for doc, block in nlp.pipe(texts, as_tuples=True, batch_size=256):
        if deadline is not None and time.monotonic() > deadline:
            _stop(documents, block, budget_seconds)
            break
        quantities: list[Quantity] = doc.user_data.get("quantities", [])
        sents = row_spans(block) if block.kind == "table-row" else _bounded(doc.text, [
            (s.start_char, s.end_char) for s in doc.sents])
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


def _stop(documents: list[Document], block: Block, budget: float) -> None:
    """Over the time budget: what was not analysed is named, so the report says "partly assessed"."""
    seen = False
    for d in documents:
        if d.path == block.document:
            seen = True
        if seen and d.blocks:
            where = (f"from page {block.page}" if block.page and d.path == block.document else "")
            d.warnings.append(InputError(d.path, "analysis-time", (
                f"analysing the text took longer than the limit of {budget:g} s; the text {where or 'of this document'} "
                "was not checked").replace("  ", " ")))


_PROSE_END = re.compile(r"[.;!?]\s*$|[.;!?]\s+[A-Z]")


def row_spans(block: Block) -> list[tuple[int, int]]:
    """Sentence spans of a table row: each prose cell alone, the short cells between them together."""
    text = block.text
    spans, pos = [], 0
    for cell in (c for c in block.cells if c):
        at = text.find(cell, pos)
        if at < 0:
            return [(0, len(text))]
        spans.append((at, at + len(cell)))
        pos = at + len(cell)
    if not spans:
        return [(0, len(text))]
    out: list[tuple[int, int]] = []
    group: tuple[int, int] | None = None
    for a, b in spans:
        cell = text[a:b]
        if len(cell.split()) >= 6 and _PROSE_END.search(cell):
            if group:
                out.append(group)
                group = None
            out.extend(_at_breaks(text, a, b, block.breaks))  # each paragraph or list item of the cell alone
        else:
            group = (group[0], b) if group else (a, b)
    if group:
        out.append(group)
    if len(out) == 1:
        return [(0, len(text))]
    return out


def _at_breaks(text: str, a: int, b: int, breaks: tuple[int, ...]) -> list[tuple[int, int]]:
    bounds = [a, *(x for x in breaks if a < x < b), b]
    return [(x, y - (text[y - 1:y] == " ")) for x, y in zip(bounds, bounds[1:], strict=False) if y > x]
