"""A short fuzzing run over the readers: mutated PDF, DOCX, HTML and text files never raise, never
hang, and every failure is an error entry with a documented code; whatever is read lints cleanly."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tenderlint.api import lint_documents, selected_rules
from tenderlint.config import Config
from tenderlint.errors import ERROR_CODES
from tenderlint.extract import load_tender
from tenderlint.extract.limits import Limits

from .hostile.build import TENDER_TEXT, body, docx, text_pdf

SEEDS = {
    "tender.pdf": text_pdf(),
    "tender.docx": docx(body([TENDER_TEXT, "Consortium bids will not be accepted.", "Payment within 60 days."])),
    "tender.html": f"<html><body><h1>ITT</h1><p>{TENDER_TEXT}</p><table><tr><td>Price</td><td>60%</td></tr>"
                   "<tr><td>Quality</td><td>40%</td></tr></table></body></html>".encode(),
    "tender.txt": (TENDER_TEXT + "\n\nAward criteria: Price 60%, Quality 40%.\n").encode("utf-8"),
}
LIMITS = Limits(timeout_seconds=20)
RULES = selected_rules(Config())

mutation = st.one_of(
    st.tuples(st.just("flip"), st.integers(0, 10**6), st.integers(1, 255)),
    st.tuples(st.just("cut"), st.integers(0, 10**6), st.just(0)),
    st.tuples(st.just("insert"), st.integers(0, 10**6), st.binary(min_size=1, max_size=64)),
)


def _mutate(data: bytes, ops) -> bytes:
    b = bytearray(data)
    for kind, pos, arg in ops:
        if not b:
            break
        i = pos % len(b)
        if kind == "flip":
            b[i] ^= arg
        elif kind == "cut":
            del b[i:]
        else:
            b[i:i] = arg
    return bytes(b)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(sorted(SEEDS)), ops=st.lists(mutation, min_size=1, max_size=4))
def test_mutated_files_give_a_document_or_a_documented_error(name, ops):
    data = _mutate(SEEDS[name], ops)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        docs, errors = load_tender(str(path), LIMITS)
    assert docs or errors
    for e in errors:
        assert e.code in ERROR_CODES and e.message and "\n" not in e.message
    report = lint_documents(name, docs, RULES)  # garbage text must not break the later stages either
    assert report.facts is not None
