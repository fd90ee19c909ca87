"""Suppressions: findings a commissioner has justified, recorded with the reason, who and when.

A finding is matched by its fingerprint: a hash of the rule and the normalised words of its
evidence, so it survives re-runs, re-pagination and edits elsewhere in the tender, but not an
edit of the clause itself (which deserves a fresh look). Suppressed findings leave the count and
the exit code but stay in every report; a suppression that matches nothing is reported as stale.
"""

from __future__ import annotations

import datetime as _dt
import getpass
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path, PurePath

import yaml

from tenderlint.errors import ConfigError
from tenderlint.model import Finding, SuppressedFinding, Suppression, TenderReport

_LEAD = re.compile(r"^\s*(?:\(?[0-9]+(?:\.[0-9]+)*\)?[.)]?|\(?[a-z]\)|[ivx]+\.|[-•*–])\s+", re.I)
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})
HEADER = """\
# tenderlint suppressions: findings that have been justified. One entry per finding.
# A suppressed finding is left out of the count and the exit code but still listed as suppressed.
# Fill in `justification` (why the requirement is needed and proportionate), `by` and `date`;
# an entry without a justification is an error. `fingerprint` ties the entry to the finding's
# rule and the words of its clause: if the clause is edited, the entry goes stale.
"""


def fingerprint(f: Finding) -> str:
    text = unicodedata.normalize("NFKC", f.evidence.text).translate(_QUOTES).lower()
    text = _LEAD.sub("", text)
    text = re.sub(r"\s+", " ", text).strip(" .;:")
    return hashlib.sha256(f"{f.rule}\x00{text}".encode()).hexdigest()[:16]


def tender_key(source: str) -> str:
    """A tender's name in suppressions: its file or folder name, so moving the archive keeps matches."""
    return PurePath(source.rstrip("/\\")).name


def load_suppressions(path: str | Path) -> list[Suppression]:
    p = Path(path)
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"{p}: cannot read the suppressions file ({exc})") from None
    if data is None:
        return []
    items = data.get("suppressions") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise ConfigError(f"{p}: expected a 'suppressions:' list")
    out = []
    for i, item in enumerate(items, 1):
        where = f"{p}: suppression {i}"
        if not isinstance(item, dict):
            raise ConfigError(f"{where}: must be a mapping")
        unknown = set(item) - {"fingerprint", "rule", "justification", "by", "date", "tender", "evidence"}
        if unknown:
            raise ConfigError(f"{where}: unknown key '{sorted(unknown)[0]}'")
        for key in ("fingerprint", "rule"):
            if not isinstance(item.get(key), str) or not item[key].strip():
                raise ConfigError(f"{where}: '{key}' is missing")
        just = item.get("justification")
        if not isinstance(just, str) or not just.strip():
            raise ConfigError(f"{where} ({item['rule']}): 'justification' is empty: say why the requirement is "
                              "justified, or delete the entry")
        out.append(Suppression(
            fingerprint=item["fingerprint"].strip(), rule=item["rule"].strip(), justification=" ".join(just.split()),
            by=str(item.get("by") or ""), date=str(item.get("date") or ""),
            tender=str(item["tender"]) if item.get("tender") else None, evidence=str(item.get("evidence") or "")))
    return out


@dataclass
class StaleSuppression:
    suppression: Suppression
    reason: str


def apply_suppressions(reports: list[TenderReport], suppressions: list[Suppression]) -> list[StaleSuppression]:
    """Move matched findings to `suppressed`; return the suppressions that matched nothing."""
    used: set[int] = set()
    linted = {tender_key(r.source) for r in reports}
    for r in reports:
        key = tender_key(r.source)
        kept = []
        for f in r.findings:
            match = next((i for i, s in enumerate(suppressions)
                          if s.fingerprint == f.fingerprint and s.rule == f.rule and s.tender in (None, key)), None)
            if match is None:
                kept.append(f)
            else:
                used.add(match)
                r.suppressed.append(SuppressedFinding(f, suppressions[match]))
        r.findings = kept
    stale = []
    for i, s in enumerate(suppressions):
        if i in used or (s.tender is not None and s.tender not in linted):
            continue
        stale.append(StaleSuppression(s, "no finding matches it any more (the clause was changed or removed)"))
    return stale


def write_suppressions(path: str | Path, reports: list[TenderReport]) -> int:
    """Add an entry for every unsuppressed finding to `path` (kept entries stay); returns how many were added."""
    p = Path(path)
    existing: list[dict] = []
    if p.exists():
        try:
            data = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            raise ConfigError(f"{p}: cannot read the suppressions file ({exc})") from None
        existing = list(data.get("suppressions") or []) if isinstance(data, dict) else []
    have = {(e.get("fingerprint"), e.get("rule"), e.get("tender")) for e in existing if isinstance(e, dict)}
    try:
        who = getpass.getuser()
    except (OSError, KeyError):
        who = ""
    today = _dt.date.today().isoformat()
    added = 0
    for r in reports:
        for f in r.findings:
            key = (f.fingerprint, f.rule, tender_key(r.source))
            if key in have:
                continue
            have.add(key)
            existing.append({"fingerprint": f.fingerprint, "rule": f.rule, "tender": key[2],
                             "evidence": f.evidence.text[:300], "justification": "", "by": who, "date": today})
            added += 1
    text = HEADER + yaml.safe_dump({"version": 1, "suppressions": existing}, sort_keys=False, allow_unicode=True,
                                   width=100)
    try:
        p.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot write {p}: {exc.strerror or exc}") from None
    return added
