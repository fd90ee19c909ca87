"""The spaCy pipeline: ``spacy.blank("en")`` plus tenderlint's own components, built once per process.

No trained model is needed (none can be downloaded at run time) and a blank pipeline is many times
faster. The components add what tender text needs: sentence boundaries that respect clause numbers,
abbreviations and amounts (``1.2``, ``reg. 58``, ``£2.5m.``), and entities for MONEY, DURATION and
PERCENT carrying their normalised values.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy
import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from tenderlint.nlp.quantities import find_quantities

_ABBREV = {
    "e.g", "i.e", "etc", "no", "nos", "reg", "regs", "para", "paras", "approx", "ltd", "plc", "co", "inc", "vs",
    "s", "ss", "cf", "st", "mr", "mrs", "ms", "dr", "prof", "art", "sch", "fig", "p", "pp", "vol", "ref", "tel",
    "min", "max", "incl", "excl", "viz", "al", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "govt", "dept", "cl", "sec", "u.k", "e", "i",
}
_CLAUSE_TOKEN = re.compile(r"^(?:\d+(?:\.\d+)*\.?|[a-z]\)|\([a-z0-9]+\)|[ivx]+\))$", re.I)

if not Span.has_extension("quantity"):
    Span.set_extension("quantity", default=None)


@Language.component("tl_sentences")
def tl_sentences(doc: Doc) -> Doc:
    """Split after . ! ? when the next token opens a sentence; never inside numbers or after abbreviations."""
    # set every boundary at once: token.is_sent_start re-checks the whole doc on each assignment,
    # which is quadratic on a long block with no full stop
    starts = numpy.full(len(doc), -1, dtype="int32")
    if len(doc):
        starts[0] = 1
    for i, tok in enumerate(doc[:-1]):
        if tok.text not in (".", "!", "?") and not (tok.text.endswith(".") and len(tok.text) > 1 and
                                                   tok.text[:-1].lower() not in _ABBREV and tok.text[-2:-1].isalpha()):
            continue
        nxt = doc[i + 1]
        if tok.text == "." and i > 0 and doc[i - 1].text.lower().rstrip(".") in _ABBREV and not doc[i - 1].is_digit:
            continue
        if tok.text == "." and i > 0 and doc[i - 1].i == 0 and _CLAUSE_TOKEN.match(doc[i - 1].text):
            continue  # "1." clause number at the start of a block
        j = i + 1
        while j < len(doc) and doc[j].text in ('"', "'", "”", "’", ")"):
            j += 1
        if j >= len(doc):
            break
        nxt = doc[j]
        if nxt.text[:1].isupper() or nxt.text[:1].isdigit() or nxt.text[:1] in ("(", "£", "€", "“", '"', "•", "-"):
            if i + 1 >= 2 and not (tok.text == "." and doc[i - 1].like_num and nxt.like_num):
                starts[j] = 1
    if len(doc):
        doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))
    return doc


@Language.component("tl_quantities")
def tl_quantities(doc: Doc) -> Doc:
    """MONEY, DURATION and PERCENT entities, each span carrying its normalised Quantity."""
    ents = []
    for q in find_quantities(doc.text):
        span = doc.char_span(q.start, q.end, label=q.kind, alignment_mode="expand")
        if span is None or any(span.start < e.end and e.start < span.end for e in ents):
            continue
        span._.quantity = q
        ents.append(span)
    doc.ents = ents
    doc.user_data["quantities"] = [e._.quantity for e in ents]
    return doc


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("tl_sentences")
    nlp.add_pipe("tl_quantities")
    nlp.max_length = 50_000_000
    return nlp
