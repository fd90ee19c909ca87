"""Award criteria weightings: the share of the total award that social value carries."""

from __future__ import annotations

import re

from tenderlint.facts.common import column_of, table_headers
from tenderlint.lexicon import Lexicon
from tenderlint.model import Evidence, Facts, Quantity, Sentence

_AWARD_HEADING = re.compile(r"award|evaluat|criteri|weight|scor|assess", re.I)
_OF_QUALITY = re.compile(r"\bof\s+(?:the\s+)?(?:total\s+|available\s+|overall\s+)?(?:quality|technical)\b", re.I)


def read(facts: Facts, sentences: list[Sentence], lex: Lexicon) -> None:
    crit, sv, award = lex.topics["criterion"], lex.topics["social_value"], lex.topics["award"]
    # (group, criterion, percent, sentence, is_sv); a group is one table or one sentence
    pairs: list[tuple[tuple, str, float, Sentence, bool]] = []
    award_blocks = {(s.document, s.block.index) for s in sentences if award.found(s.text)}
    tables: dict[tuple, list[Sentence]] = {}
    headers = table_headers(sentences)
    for x in sentences:
        if x.block.kind == "table-row":
            tables.setdefault((x.document, x.block.table), []).append(x)
    for s in sentences:
        pct = [q for q in s.quantities if q.kind == "PERCENT"] or _bare_weights(s.text)
        row = s.block.kind == "table-row"
        rows = tables.get((s.document, s.block.table), []) if row else []
        marks = row and not pct and _marks_table(s, rows)
        if not pct and not marks:
            continue
        near_award = any((s.document, s.block.index - k) in award_blocks for k in range(-2, 5))
        in_award = near_award or award.found(s.text) or any(_AWARD_HEADING.search(h) for h in s.block.heading_path) or (
            row and _table_is_award(rows, lex))
        if not in_award or lex.topics["bond"].found(s.text) or lex.topics["turnover"].found(s.text):
            continue
        group = (s.document, "table", s.block.table) if row else (s.document, "sentence", s.block.index, s.start)
        if row and len([c for c in s.block.cells if c]) >= 2:
            value = _row_weight(s, pct, headers.get((s.document, s.block.table), ()))
            label = " ".join(s.block.cells[:-1])
            if value is not None and (crit.found(label) or sv.found(label)):
                pairs.append((group, label.lower()[:60], value, s, sv.found(label)))
            continue
        parent: float | None = None  # the weight of the criterion a "(of which ...)" breaks down
        for (a, b), q in _pair_weights(s.text, sorted(set(crit.spans(s.text) + sv.spans(s.text))), pct):
            if re.match(r"\s*of\s+(?:the\s+)?(?:social\s+value|community\s+benefits?)", s.text[q.end:]):
                continue  # a split inside the social value marks, not a weight of the total
            is_sv = any(x <= a < y or a <= x < b for x, y in sv.spans(s.text))
            value = q.value
            if parent is not None and _OF_WHICH.search(s.text[max(0, min(a, q.start) - 40):min(a, q.start)]):
                value = round(value * parent / 100, 2)  # "Quality 60% (of which social value 10%)": 6% of the total
            elif not is_sv:
                parent = q.value
            pairs.append((group, s.text[a:b].lower(), value, s, is_sv))
        if (99 <= sum(q.value for q in pct) <= 101 and len(pct) >= 2 and sum(1 for p in pairs if p[3] is s) < 2
                and (crit.found(s.text) or sv.found(s.text)) and not lex.topics["accounts"].found(s.text)):
            pairs.append((group, "criteria", 0.0, s, False))
            pairs.append((group, "criteria-total", 0.0, s, False))
    names = {p[1] for p in pairs}
    if not any(p[4] for p in pairs):
        unweighted = next((x for x in sentences if sv.found(x.text) and _NOT_EVALUATED.search(x.text)), None)
        if unweighted is not None:  # "community benefits will not be evaluated as part of the tender process"
            facts.award_criteria_stated = True
            facts.state("social_value_weight_percent", 0.0, Evidence.of(unweighted))
            return
    single_sv = len(pairs) == 1 and pairs[0][4] and re.search(r"weight|of\s+the\s+(?:total|overall)\s+(?:marks|score)", " ".join(
        [pairs[0][3].text, *pairs[0][3].block.heading_path]), re.I)
    if (len(pairs) < 2 or len(names) < 2) and not single_sv:
        return
    facts.award_criteria_stated = True
    quality_pair = next((p for p in pairs if re.search(r"quality|technical", p[1]) and not p[4]), None)
    quality = quality_pair[2] if quality_pair else None
    groups: dict[tuple, list] = {}
    for p in pairs:
        groups.setdefault(p[0], []).append(p)
    best, ev = 0.0, None
    for members in groups.values():
        total, first = 0.0, None
        for _g, _name, value, s, is_sv in members:
            if not is_sv:
                continue
            nested = _OF_QUALITY.search(s.text) or (quality_pair is not None and quality_pair[0] != _g
                                                    and _within_quality(s, headers))
            if nested and quality and value <= 100:
                value = value * quality / 100  # "social value 25% of the quality marks; quality 60%": 15% of the total
            total += value
            first = first or s
        if first is not None and total > best:
            best, ev = total, first
    facts.state("social_value_weight_percent", round(best, 2), Evidence.of(ev or pairs[0][3]))


_NOT_EVALUATED = re.compile(
    r"\b(?:will|shall|would|are|is)\s+not\s+(?:be\s+)?(?:evaluated|scored|weighted|assessed|marked|form\s+part\s+of\s+the\s+"
    r"(?:evaluation|award|assessment|scoring))\b|\bnot\s+(?:be\s+)?(?:an?\s+)?(?:award|evaluation)\s+criteri", re.I)


_WITHIN_QUALITY = re.compile(
    r"\b(?:of|within|under)\s+(?:the\s+)?(?:total\s+|available\s+|overall\s+)?(?:quality|technical)\b"
    r"|\b(?:quality|technical)\s+(?:sub-?criteri\w*|questions?|section|envelope|elements?)\b", re.I)


def _within_quality(s: Sentence, headers: dict) -> bool:
    """A sub-criterion weighted inside quality: its table header or its heading says so."""
    b = s.block
    where = list(b.heading_path[-1:])
    if b.kind == "table-row":
        where.append(" ".join(headers.get((b.document, b.table), ())))
    return any(_WITHIN_QUALITY.search(w) for w in where)


_BETWEEN_AFTER = re.compile(r"^\s*(?:on|for|to|-|–)?\s*$", re.I)
_REFERENCE = re.compile(r"\bof\s+(?!which\b)(?:the\s+)?(?:\w+\s+)?$", re.I)
_OF_WHICH = re.compile(r"\(\s*(?:of\s+which|including|incl\.?|within\s+which|comprising)\b[^)]*$", re.I)


def _pair_weights(text: str, spans: list[tuple[int, int]], pct: list[Quantity]):
    """Each weight with its criterion: the one just before it ("Price 60%"), else just after it ("60% on
    price"), else the nearest unpaired one before it ("social value will carry 20% ..."). A criterion named
    inside "of the quality marks" is a reference, not a criterion."""
    spans = [sp for sp in spans if not _REFERENCE.search(text[max(0, sp[0] - 30):sp[0]])]
    used: set[tuple[int, int]] = set()
    out = []
    for q in pct:
        adjacent_before = [sp for sp in spans if sp not in used and sp[1] <= q.start and q.start - sp[1] <= 3]
        adjacent_after = [sp for sp in spans if sp not in used and sp[0] >= q.end and sp[0] - q.end <= 8
                          and _BETWEEN_AFTER.match(text[q.end:sp[0]])]
        nearest_before = [sp for sp in spans if sp not in used and sp[1] <= q.start and q.start - sp[1] < 80]
        choice = (adjacent_before[-1:] or adjacent_after[:1] or nearest_before[-1:] or [None])[0]
        if choice is not None:
            used.add(choice)
            out.append((choice, q))
    return out


_BARE_RE = re.compile(r"(?:(?<=:)|(?<=[A-Za-z]\s))\s*(\d{1,3}(?:\.\d+)?)\s*(?=;|,|\||$)")


def _bare_weights(text: str) -> list[Quantity]:
    """``Quality: 70; Price: 30``: weights written without a percent sign, if they add up to 100."""
    found = [Quantity("PERCENT", float(m.group(1)), m.group(1), m.start(1), m.end(1)) for m in _BARE_RE.finditer(text)]
    if len(found) >= 3 and 99 <= sum(q.value for q in found[:-1]) <= 101 and found[-1].value == 100:
        found = found[:-1]  # "Price 60 | Quality 35 | Social Value 5 | Total 100"
    return found if len(found) >= 2 and 99 <= sum(q.value for q in found) <= 101 else []


_WEIGHT_COLUMN = re.compile(r"weight|%|per\s*cent|marks|points|score", re.I)
_OTHER_COLUMN = re.compile(r"range|min|max|allowed|threshold|pass", re.I)


def _row_weight(s: Sentence, pct: list[Quantity], header: tuple[str, ...] = ()) -> float | None:
    """The weight of a criterion row: from the column its header names as the weighting ("Weighting"),
    not from a range or threshold column beside it ("Allowed range 10-15%")."""
    cols = [i for i, h in enumerate(header) if _WEIGHT_COLUMN.search(h) and not _OTHER_COLUMN.search(h)]
    if pct and cols and s.block.cells != header:
        in_col = [q for q in pct if column_of(s.block, s.start + q.start) in cols]
        if in_col:
            return in_col[0].value
    if pct:
        return pct[-1].value
    last = s.block.cells[-1].strip() if s.block.cells else ""
    m = re.fullmatch(r"(\d{1,3}(?:\.\d+)?)\s*(?:marks?|points?)?", last, re.I)
    return float(m.group(1)) if m and float(m.group(1)) <= 100 else None


def _marks_table(s: Sentence, rows: list[Sentence]) -> bool:
    """A scoring table whose last column holds marks out of 100 rather than percentages."""
    if not s.block.cells or not re.fullmatch(r"\d{1,3}(?:\.\d+)?", s.block.cells[-1].strip()):
        return False
    header = rows[0].block.cells[-1] if rows and rows[0].block.cells else ""
    return bool(re.search(r"mark|weight|point|%|score", header, re.I))


def _table_is_award(rows: list[Sentence], lex: Lexicon) -> bool:
    return any(lex.topics["award"].found(x.text) or re.search(r"weight|criteri|score", x.text, re.I) for x in rows[:3])
