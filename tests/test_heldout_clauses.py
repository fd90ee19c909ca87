"""Held-out sets: passages written by reviewers who never saw the rules or the corpus.

They were scored once, blind, before any rule was changed for them (the figures are in
tests/data/README.md); the mechanisms they exposed were then fixed, and the set now guards
against regressions. Each passage is read as a one-file tender.
"""

from __future__ import annotations

import json

import pytest

from tenderlint.api import lint_documents, selected_rules
from tenderlint.config import Config
from tenderlint.evaluate import CATEGORIES
from tenderlint.extract import read_file_bytes
from tenderlint.extract.limits import Limits

from .conftest import DATA

PASSAGES = [json.loads(line) for name in ("heldout_clauses.jsonl", "heldout2_clauses.jsonl")
            for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]
RULES = selected_rules(Config())


def test_the_set_covers_every_category_both_ways():
    assert len(PASSAGES) >= 200
    for cat in CATEGORIES:
        assert sum(cat in p["expect"] for p in PASSAGES) >= 5, cat
        assert sum(cat in p["expect_not"] for p in PASSAGES) >= 50, cat


@pytest.mark.parametrize("passage", PASSAGES, ids=[p["id"] for p in PASSAGES])
def test_heldout_passage(passage):
    doc = read_file_bytes("passage.txt", passage["text"].encode("utf-8"), Limits())
    raised = {f.category for f in lint_documents("passage.txt", [doc], RULES).findings}
    missing = set(passage["expect"]) - raised
    wrong = set(passage["expect_not"]) & raised
    assert not missing and not wrong, f"missing {sorted(missing)}, wrongly raised {sorted(wrong)}: {passage['text']}"
