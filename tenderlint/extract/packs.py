"""Which documents of a folder or zip belong to one tender, by the tender references they state.

A pack is one tender's files: they are linted together so that a value in the ITT and a term in
the draft contract make one set of facts. A folder of unrelated tenders must not become one tender
with mixed facts. Most files of a pack never state the reference (specifications rarely do), so a
folder is split only when two or more different references are stated and no file links them;
files that state none are then reported on their own, since which tender they belong to cannot be
told.
"""

from __future__ import annotations

import re

from tenderlint.model import Document

# "Ref: WBC/2024/117", "Tender reference HBC-ENV-052", "Contract No. 4471-ASC", "ITT no: DFT/RSE/17"
_REFERENCE = re.compile(
    r"\b(?:(?:our|tender|contract|procurement|project|quotation|itt|rfq|rfp|opportunity)\s+)?"
    r"(?:ref(?:erence)?\.?|no\.|number)\s*(?:no\.?|number)?\s*[:#.]?\s*"
    r"(?P<ref>[A-Z0-9][A-Z0-9/_.\-]*\d[A-Z0-9/_.\-]*[A-Z0-9])", re.I)
_LOOK = 80  # blocks from the top of each document (cover, running head, introduction)


def references(doc: Document) -> set[str]:
    out = set()
    for b in doc.blocks[:_LOOK]:
        for m in _REFERENCE.finditer(b.text):
            ref = m.group("ref").upper()
            if len(ref) >= 5 and re.search(r"[A-Z/\-]", ref) and not re.fullmatch(r"\d+(?:\.\d+)*", ref):
                out.add(ref)
    return out


def group_by_reference(documents: list[Document]) -> list[tuple[str | None, list[Document]]]:
    """One group (reference None) when the documents are one tender; else one group per tender."""
    refs = {d.path: references(d) for d in documents}
    groups: list[tuple[set[str], list[Document]]] = []
    for d in documents:
        if not refs[d.path]:
            continue
        linked = [g for g in groups if g[0] & refs[d.path]]
        merged = (set(refs[d.path]), [d])
        for g in linked:
            groups.remove(g)
            merged = (merged[0] | g[0], g[1] + merged[1])
        groups.append(merged)
    if len(groups) < 2:
        return [(None, documents)]
    order = {d.path: i for i, d in enumerate(documents)}
    out = [(sorted(g[0])[0], sorted(g[1], key=lambda d: order[d.path])) for g in groups]
    out += [(None, [d]) for d in documents if not refs[d.path]]
    return sorted(out, key=lambda g: order[g[1][0].path])
