"""Clause frames: who must do what, with what force, under which conditions, measuring what.

The vocabulary is data (``rulesets/frames.yaml``); this module only applies it. A frame is built
for every sentence once, after quantities are found, and every quantity gets a role (what it
measures) so that a bid validity period is never read as a contract term and a deadline to pass
on a pay rise is never read as payment terms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from tenderlint.errors import ConfigError
from tenderlint.model import Cue, Frame, Quantity, Sentence
from tenderlint.resources import rulesets_dir

_BOUNDARY = re.compile(r";|\.\s|\s[–—-]\s")
_CLAUSE_END = re.compile(r"[;,]|\.\s|\s[–—-]\s|\b(?:but|however|whereas|and\s+(?:the|a|any|you|we))\b", re.I)


@dataclass
class FrameLexicon:
    subjects: dict[str, re.Pattern]
    modality: list[tuple[str, re.Pattern]]
    conditions: dict[str, re.Pattern]
    alternatives: re.Pattern
    neg_open: re.Pattern
    neg_close: re.Pattern
    roles: dict[str, dict[str, re.Pattern]]
    windows: dict[str, tuple[int, int]]
    fallback: dict[str, set[str]]
    prefer_before: dict[str, set[str]]


def _rx(items: list[str]) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in items) or r"(?!)", re.I)


@lru_cache(maxsize=4)
def load_frames(path: str | None = None) -> FrameLexicon:
    p = Path(path) if path else rulesets_dir() / "frames.yaml"
    try:
        d = yaml.safe_load(p.read_text(encoding="utf-8"))
        roles, windows, fallback, prefer = {}, {}, {}, {}
        for kind, spec in d["roles"].items():
            spec = dict(spec)
            w = spec.pop("window", {})
            windows[kind] = (int(w.get("before", 60)), int(w.get("after", 40)))
            fallback[kind] = set(spec.pop("fallback", []))
            prefer[kind] = set(spec.pop("prefer_before", []))
            roles[kind] = {role: _rx(v) for role, v in spec.items()}
        return FrameLexicon(
            subjects={k: _rx(v) for k, v in d["subjects"].items()},
            modality=[(k, _rx(v)) for k, v in d["modality"].items()],
            conditions={k: _rx(v) for k, v in d["conditions"].items()},
            alternatives=_rx(d["alternatives"]),
            neg_open=_rx(d["negation"]["openers"]),
            neg_close=_rx(d["negation"]["closers"]),
            roles=roles, windows=windows, fallback=fallback, prefer_before=prefer,
        )
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError, re.error) as exc:
        raise ConfigError(f"{p}: bad clause-frame lexicon ({exc})") from None


def build_frame(text: str, quantities: list[Quantity], lead: str | None = None, fl: FrameLexicon | None = None) -> Frame:
    """The frame of one sentence; sets each quantity's role in place."""
    fl = fl or load_frames()
    conditions = []
    for kind, rx in fl.conditions.items():
        for m in rx.finditer(text):
            conditions.append(Cue(kind, m.start(), _clause_end(text, m.end()), m.group(0)))
    conditions.sort(key=lambda c: (c.start, c.kind))
    # a consent clause is also a condition-looking "unless"/"where": keep the consent reading only
    consent = [c for c in conditions if c.kind == "consent"]
    conditions = [c for c in conditions if c.kind == "consent" or not any(
        k.start <= c.start < k.end or c.start <= k.start < c.end for k in consent)]
    modal = _modal(text, conditions, fl)
    negations = [Cue("negation", m.start(), _negation_end(text, m.end(), fl), m.group(0))
                 for m in fl.neg_open.finditer(text)]
    alternatives = [Cue("alternative", m.start(), m.end(), m.group(0)) for m in fl.alternatives.finditer(text)]
    subject = _subject(text, modal.start if modal else len(text), fl)
    for q in quantities:
        q.role = _role(text, q, fl)
    return Frame(subject=subject, modality=modal.kind if modal else "states", modal=modal, conditions=conditions,
                 alternatives=alternatives, negations=negations, lead=lead)


def _clause_end(text: str, pos: int) -> int:
    m = _CLAUSE_END.search(text, pos)
    return m.start() if m else len(text)


def _negation_end(text: str, pos: int, fl: FrameLexicon) -> int:
    m = fl.neg_close.search(text, pos)
    return m.start() if m else len(text)


def _modal(text: str, conditions: list[Cue], fl: FrameLexicon) -> Cue | None:
    """The first modal phrase outside any condition; one inside a condition only if none is outside."""
    found: list[Cue] = []
    for kind, rx in fl.modality:
        for m in rx.finditer(text):
            if any(c.start <= m.start() < c.end and c.kind not in ("consent", "discretion") for c in conditions):
                continue
            found.append(Cue(kind, m.start(), m.end(), m.group(0)))
    if not found:
        return None
    order = {k: i for i, (k, _) in enumerate(fl.modality)}
    # at one position the more specific reading wins ("will not be required" before "will")
    return min(found, key=lambda c: (c.start, order[c.kind]))


def _subject(text: str, before: int, fl: FrameLexicon) -> str | None:
    best, pos = None, -1
    head = text[:before]
    for name, rx in fl.subjects.items():
        for m in rx.finditer(head):
            if m.start() > pos:
                best, pos = name, m.start()
    return best


def _role(text: str, q: Quantity, fl: FrameLexicon) -> str | None:
    roles = fl.roles.get(q.kind)
    if not roles:
        return None
    before_w, after_w = fl.windows[q.kind]
    lo = max(0, q.start - before_w)
    b = list(_BOUNDARY.finditer(text, lo, q.start))
    if b:
        lo = b[-1].end()
    left = text[lo:q.start]
    hi = min(len(text), q.end + after_w)
    a = _CLAUSE_END.search(text, q.end, hi)
    right = text[q.end:a.start() if a else hi]
    best: tuple[int, str] | None = None
    best_generic: tuple[int, str] | None = None
    preferred: tuple[int, str] | None = None
    nearest_left_specific = None
    for role, rx in roles.items():
        d = None
        for m in rx.finditer(left):
            d = len(left) - m.end()  # the last match before is the nearest
        if d is not None and role not in fl.fallback[q.kind]:
            nearest_left_specific = d if nearest_left_specific is None else min(nearest_left_specific, d)
        if d is not None and role in fl.prefer_before[q.kind] and not re.search(r"[,(]|\d", left[len(left) - d:]):
            preferred = (d, role)  # in the same clause, "extend ... for one further period of up to a year" decides
        m = rx.search(right)
        if m:
            da = 2 * m.start() + 5
            d = da if d is None else min(d, da)
        if d is None:
            continue
        if role in fl.fallback[q.kind]:
            if best_generic is None or d < best_generic[0]:
                best_generic = (d, role)
        elif best is None or d < best[0]:
            best = (d, role)
    if preferred and (nearest_left_specific is None or preferred[0] < nearest_left_specific):
        return preferred[1]
    chosen = best or best_generic
    return chosen[1] if chosen else None


_LETTERED = re.compile(r"\s*(?:\(?[a-z]\)|\(?[ivx]{1,4}\)|[a-z]\.)\s", re.I)  # "a) ", "(ii) ", "b. ": items of a list


def attach_frames(sentences: list[Sentence]) -> None:
    """Give every sentence its frame; a list item carries its list's lead-in ("Bidders must:")."""
    fl = load_frames()
    lead: str | None = None
    lead_doc = None
    for s in sentences:
        b = s.block
        if b.kind != "list-item" and not (b.kind == "paragraph" and (
                s.text.lstrip()[:1] in "•-–*" or _LETTERED.match(s.text))):
            lead = s.text if s.text.rstrip().endswith(":") else None
            lead_doc = b.document
            s.frame = build_frame(s.text, s.quantities, None, fl)
            continue
        item_lead = lead if lead_doc == b.document else None
        frame = build_frame(s.text, s.quantities, item_lead, fl)
        if item_lead and frame.modality == "states":
            inherited = build_frame(item_lead, [], None, fl)  # "Bidders must:" gives its items their force
            frame.modality, frame.subject = inherited.modality, frame.subject or inherited.subject
        s.frame = frame
