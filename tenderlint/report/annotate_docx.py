"""The commissioner's own Word document back, with a comment on the exact words of each finding.

Runs are split at the evidence's edges (each piece keeps the run's formatting) so the comment
anchors on the quoted words alone; no text is added, removed or moved, so every paragraph reads
exactly as before. Comments are made with python-docx's comments support.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import docx
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from tenderlint.model import Finding, TenderReport


def comment_text(f: Finding, rationale: str = "") -> str:
    recs = ", ".join(f"R{n}" for n in f.recommendations)
    parts = [f"{f.rule} {f.name} ({f.severity}; {f.category}; {recs})", f.message]
    if rationale:
        parts.append("Why: " + " ".join(rationale.split()))
    if f.suggestion:
        parts.append("Instead: " + f.suggestion)
    if f.references:
        parts.append("Law and guidance: " + "; ".join(f.references))
    return "\n".join(parts)


def _paragraphs(document) -> list[Paragraph]:
    out = list(document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                out += [p for p in cell.paragraphs if p not in out]
    return out


_NUMBER = re.compile(r"^(?:\d+(?:\.\d+)*\.?|\(?[a-z]\)|[a-z]\.|[ivx]+\.)$", re.I)


def _pattern(evidence: str) -> re.Pattern:
    """The evidence as it may appear in the raw paragraph: any whitespace between words, and a leading
    clause number optional (Word's automatic numbers are not part of the paragraph's text)."""
    words = evidence.split()
    lead = ""
    if len(words) > 1 and _NUMBER.match(words[0]):
        lead = rf"(?:{re.escape(words[0])}\s*)?"
        words = words[1:]
    return re.compile(lead + r"\s*".join(re.escape(w) for w in words))


def _split_at(paragraph: Paragraph, pos: int) -> None:
    """Make `pos` (an offset in the runs' text) fall on a run boundary, copying formatting."""
    at = 0
    for run in paragraph.runs:
        text = run.text
        if at < pos < at + len(text):
            head, tail = text[: pos - at], text[pos - at:]
            twin = copy.deepcopy(run._r)
            run._r.addnext(twin)
            run.text = head
            Run(twin, paragraph).text = tail
            return
        at += len(text)


def _runs_between(paragraph: Paragraph, a: int, b: int) -> list[Run]:
    out, at = [], 0
    for run in paragraph.runs:
        end = at + len(run.text)
        if at >= a and end <= b and run.text:
            out.append(run)
        at = end
    return out


def _anchor(paragraphs: list[Paragraph], f: Finding) -> list[Run] | None:
    ev = f.evidence.text
    pattern = _pattern(ev)
    candidates = [ev]
    if " | " in ev:  # a table row: anchor on its first cell that holds words
        candidates = [c for c in ev.split(" | ") if c.strip()][:1] + candidates
    for para in paragraphs:
        runs_text = "".join(r.text for r in para.runs)
        if not runs_text.strip():
            continue
        m = pattern.search(runs_text)
        if m is None and " | " in ev:
            m = _pattern(candidates[0]).search(runs_text)
        if m is None:
            continue
        a, b = m.start(), m.end()
        _split_at(para, a)
        _split_at(para, b)
        runs = _runs_between(para, a, b)
        if runs:
            return runs
    return None


def annotate_docx(source: str | Path, report: TenderReport, out: str | Path, rationales: dict[str, str] | None = None,
                  author: str = "tenderlint") -> tuple[int, list[Finding]]:
    """Write `out` with one comment per finding; return (comments added, findings that could not be anchored)."""
    document = docx.Document(str(source))
    paragraphs = _paragraphs(document)
    missed: list[Finding] = []
    added = 0
    name = Path(source).name
    for f in report.findings:
        if f.evidence.document not in (name, report.source, Path(report.source).name):
            continue
        runs = _anchor(paragraphs, f)
        if runs is None:
            missed.append(f)
            continue
        document.add_comment(runs, text=comment_text(f, (rationales or {}).get(f.rule, "")), author=author,
                             initials="TL")
        added += 1
    document.save(str(out))
    return added, missed
