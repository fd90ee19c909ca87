"""Helpers the fact readers share: distances between quantities and the words they belong to."""

from __future__ import annotations

import re

from tenderlint.model import Block, Quantity, Sentence

WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "ten": 10}
AGED = re.compile(r"\b(?:aged?|ages|olds?|year-olds?)\s*$", re.I)


def distance(q: Quantity, spans: list[tuple[int, int]]) -> int:
    """Characters from the topic words to the quantity; words after it count 15 more."""
    return min((q.start - b if q.start >= b else a - q.end + 15) for a, b in spans) if spans else 10**6


def nearest(qs: list[Quantity], spans: list[tuple[int, int]]) -> Quantity | None:
    if not qs or not spans:
        return None
    return min(qs, key=lambda q: min(abs(q.start - b) if q.start >= b else abs(a - q.end) + 15 for a, b in spans))


def table_headers(sentences: list[Sentence]) -> dict[tuple, tuple[str, ...]]:
    """The first row of every table, by (document, table): what each column holds."""
    out: dict[tuple, tuple[str, ...]] = {}
    for s in sentences:
        b = s.block
        if b.kind == "table-row" and b.table is not None and (b.document, b.table) not in out:
            out[(b.document, b.table)] = b.cells
    return out


def column_of(block: Block, offset: int) -> int | None:
    """The cell of a table row that holds the character at `offset` (the row text joins cells with " | ")."""
    pos = 0
    for i, cell in enumerate(block.cells):
        if not cell:
            continue
        if pos <= offset < pos + len(cell):
            return i
        pos += len(cell) + 3
    return None
