"""Find and normalise money, durations and percentages in tender text.

Tenders write the same amount many ways (``£2.5m``, ``GBP 2,500,000``, ``two million pounds
(£2,000,000)``) and the same term many ways (``36 months``, ``three (3) years``, ``3+1+1 years``).
Rules compare numbers, so every form is reduced to one: money in currency units, durations in
months, percentages as percent.
"""

from __future__ import annotations

import re

from tenderlint.model import Quantity

_UNITS = {
    "zero": 0, "nil": 0, "one": 1, "a": 1, "an": 1, "single": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_SUFFIX = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mil": 1_000_000, "mio": 1_000_000, "mill": 1_000_000,
           "million": 1_000_000,
           "bn": 1_000_000_000, "b": 1_000_000_000, "billion": 1_000_000_000, "thousand": 1_000}
_CURRENCY = {"£": "GBP", "gbp": "GBP", "gpb": "GBP", "pounds": "GBP", "pound": "GBP", "sterling": "GBP",
             "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "$": "USD", "usd": "USD",
             "nok": "NOK", "dkk": "DKK", "sek": "SEK"}
MONTHS_PER = {"day": 12 / 365, "week": 12 / 52, "month": 1.0, "year": 12.0}

_NUM_WORDS = sorted([w for w in list(_UNITS) + list(_TENS) if w not in ("a", "an", "single")], key=len, reverse=True)
_WORD_NUM = (
    r"(?:\b(?:" + "|".join(_NUM_WORDS) + r")\b"
    r"(?:[\s-]+(?:and\s+)?(?:a\s+half|" + "|".join(_NUM_WORDS + list(_SCALES)) + r")\b)*"
    r"|\b(?:a|an|one)\s+(?:half|hundred|thousand|million|billion)\b"
    r"(?:[\s-]+(?:and\s+)?(?:a\s+half|" + "|".join(_NUM_WORDS + list(_SCALES)) + r")\b)*"
    r"|\b(?:a|an|single)\b)"
)
# continental notation first ("1.600.000", "1 600 000,00", "1.000,00"): dots or spaces group the
# thousands and a comma marks two decimals; a single dot group ("1.500") is read as a decimal point
_EURO_DIGITS = r"\d{1,3}(?:\.\d{3}){2,}(?:,\d{1,2})?(?![\d.])|\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+,\d{2}(?![\d.,])"
_DIGITS = rf"(?:{_EURO_DIGITS}|\d{{1,3}}(?:[,\u00a0\u202f ]\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_NUM = rf"(?:{_DIGITS}|{_WORD_NUM})"

_CUR_SYM = r"(?:Â?£|€|\$|\bGBP|\bGPB|\bEUR|\bUSD|\bNOK|\bDKK|\bSEK)"  # "GPB": a common slip for GBP
_CUR_WORD = r"(?:pounds?(?:\s+sterling)?|sterling|GBP|GPB|EUR|euros?|USD|NOK|DKK|SEK)"
_SFX = r"(?:bn|billion|million|mio\.?|mill\.?|mil|mn|m|k|thousand)(?!\w)"
_PER_YEAR = (r"(?:\s*(?:\(|,)?\s*(?:per\s+(?:annum|year|annual)|p\.?\s?a\.?(?![a-z])|a\s+year|each\s+year|"
             r"every\s+year|annually|per\s+financial\s+year|pa\b)\)?)")

MONEY_RE = re.compile(
    rf"(?P<sym>{_CUR_SYM})\s?(?P<num>{_DIGITS})\s?(?P<sfx>{_SFX})?(?P<sym2>\s?(?:GBP|EUR))?(?P<per>{_PER_YEAR})?"
    rf"|(?P<num2>{_DIGITS})\s?(?P<sfx2>{_SFX})?\s?(?P<cur2>{_CUR_WORD})\b(?P<per2>{_PER_YEAR})?"
    rf"|(?P<wnum>{_WORD_NUM})\s+(?P<cur3>pounds?(?:\s+sterling)?|euros?)\b(?P<per3>{_PER_YEAR})?",
    re.IGNORECASE,
)

PERCENT_RE = re.compile(rf"(?P<num>{_DIGITS}|{_WORD_NUM})\s?(?:%|per\s?cent\b|percent\b|pct\b)", re.IGNORECASE)

_UNIT_WORDS = r"(?:days?|weeks?|months?|years?|yrs?)"
DURATION_RE = re.compile(
    # 3+1+1 years, (2 + 1 + 1) years, 3 + 2 years
    rf"(?P<plus>\(?\d+(?:\.\d+)?(?:\s*(?:\+|\bplus\b)\s*\d+(?:\.\d+)?)+\)?)\s*(?:-\s*)?(?P<unit1>{_UNIT_WORDS})"
    # three (3) years, 36 months, 18-month, twelve months, 2.5 years
    rf"|(?P<num>{_NUM})(?:\s*\(\s*(?P<paren>\d+(?:\.\d+)?|{_WORD_NUM})\s*\))?(?:\s*-\s*|\s+)(?:(?:further|additional|more|full|complete|calendar|working|business|clear|financial|consecutive|most\s+recent|previous|preceding|last|past|accounting|trading|audited)\s+){{0,2}}(?P<unit2>{_UNIT_WORDS})\b",
    re.IGNORECASE,
)
# "two further periods of twelve months", "2 x 12 months", "up to two (2) additional periods of 12 months each"
REPEAT_RE = re.compile(
    rf"(?P<count>{_NUM})(?:\s*\(\s*\d+\s*\))?\s+(?:further\s+|additional\s+|optional\s+|separate\s+|subsequent\s+|extension\s+|consecutive\s+)*"
    rf"(?:periods?|terms?|extensions?|occasions?|renewals?|options?\s+to\s+(?:extend|renew)(?:\s+(?:for|by))?|options?)(?:,?\s*each)?\s+(?:of\s+)?(?:up\s+to\s+)?(?:a\s+(?:further|maximum\s+of)\s+)?$"
    rf"|(?P<count2>\d+)\s*[x×]\s*$",
    re.IGNORECASE,
)
_YEAR_LIST = re.compile(
    r"\s*(?:extensions?|periods?|options?)?(?:\s+\w+){0,4}?\s*(?:for|covering|in)\s+(?:the\s+)?(?:financial\s+|contract\s+|fiscal\s+)?"
    r"years?\s+(?P<years>\d{4}\s*[-/–]\s*\d{2,4}(?:\s*(?:,|and|&)\s*\d{4}\s*[-/–]\s*\d{2,4})+)", re.I)
_YEARS_OLD = re.compile(r"^\s*olds?\b", re.I)
# "2 one-year extension options", "two 12-month extensions", "3, 1 year extension periods": a count before the period
_COUNT_BEFORE = re.compile(
    r"(?P<count>\b(?:\d+|two|three|four|five|six))(?:\s*\(\d+\))?\s*,?\s+"
    r"(?:(?:further|additional|optional|separate|single|consecutive|subsequent|more)\s+)*$", re.I)
_EXTENSION_AFTER = re.compile(r"^\s*(?:-\s*)?(?:\w+\s+)?(?:extensions?|renewals?|options?|periods?|terms?)\b", re.I)
# "for up to 12 months, with a maximum of six (6) such extensions": the count after the period
_COUNT_AFTER = re.compile(
    r"^\s*(?:each\s*)?,?\s*(?:with\s+)?(?:a\s+maximum\s+of|up\s+to|on\s+up\s+to)\s+(?P<count>\d+|two|three|four|five|six)"
    r"(?:\s*\(\d+\))?\s+(?:such\s+)?(?:extensions?|renewals?|periods?|options?|occasions?|times)\b", re.I)
# "+1,+1 extension", "+1 +1 years extension": extension periods written as increments
_INCREMENTS = re.compile(r"(?<![\d)])(?P<incs>(?:\+\s*\d+(?:\.\d+)?\s*,?\s*){1,5})(?P<unit>years?|months?)?\s*(?:extensions?|options?|renewals?)",
                         re.I)
_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december")
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
# "1 April 2025 to 31 March 2028", "April 2025 - March 2028": a period given by its dates
DATE_RANGE_RE = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+)?(?P<m1>{_MONTH})\.?\s+(?P<y1>(?:19|20)\d\d)\s*(?:to|until|till|–|—|-)\s*"
    rf"(?:(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+)?(?P<m2>{_MONTH})\.?\s+(?P<y2>(?:19|20)\d\d)\b", re.I)


def words_to_number(text: str) -> float | None:
    """``"two and a half million"`` -> 2500000; ``"twenty-four"`` -> 24; None if not a number."""
    tokens = [t for t in re.split(r"[\s-]+", text.lower().strip()) if t and t != "and"]
    if not tokens:
        return None
    total, current, seen = 0.0, 0.0, False
    last = ""  # the kind of the word before: "unit", "tens", "scale"
    for i, tok in enumerate(tokens):
        if tok in ("a", "an") and i + 1 < len(tokens) and tokens[i + 1] == "half":
            continue
        if tok == "half":
            current += 0.5 if (current == 0 or current >= 1) else 0
            seen = True
        elif tok in _UNITS:
            if last == "unit" or (last == "tens" and _UNITS[tok] >= 10):
                return None  # "three one" is two numbers ("three one-year periods"), not four
            current += _UNITS[tok]
            seen, last = True, "unit"
        elif tok in _TENS:
            if last in ("unit", "tens"):
                return None
            current += _TENS[tok]
            seen, last = True, "tens"
        elif tok == "hundred":
            current = (current or 1) * 100
            seen, last = True, "scale"
        elif tok in _SCALES:
            total += (current or 1) * _SCALES[tok]
            current = 0
            seen, last = True, "scale"
        else:
            return None
    return total + current if seen else None


def parse_number(text: str) -> float | None:
    t = text.strip().replace("\u00a0", " ").replace("\u202f", " ")
    if re.fullmatch(_EURO_DIGITS, t):
        whole, _, dec = t.rpartition(",") if re.search(r",\d{1,2}$", t) else (t, "", "")
        return float(re.sub(r"[., ]", "", whole) + ("." + dec if dec else ""))
    if re.fullmatch(r"\d{1,3}(?:[, ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?", t):
        return float(t.replace(",", "").replace(" ", ""))
    return words_to_number(t)


def _currency(*parts: str | None) -> str | None:
    for p in parts:
        if p:
            key = p.strip().lower().replace("â", "")
            key = key.split()[0] if key.split() else key
            if key in _CURRENCY:
                return _CURRENCY[key]
    return None


def find_money(text: str) -> list[Quantity]:
    out: list[Quantity] = []
    for m in MONEY_RE.finditer(text):
        g = m.groupdict()
        if g["num"] is not None:
            num, sfx, cur, per = g["num"], g["sfx"], _currency(g["sym"], g["sym2"]), g["per"]
        elif g["num2"] is not None:
            num, sfx, cur, per = g["num2"], g["sfx2"], _currency(g["cur2"]), g["per2"]
        else:
            num, sfx, cur, per = g["wnum"], None, _currency(g["cur3"]), g["per3"]
        value = parse_number(num)
        if value is None:
            continue
        if sfx:
            value *= _SUFFIX[sfx.lower().rstrip(".")]
        out.append(Quantity("MONEY", value, m.group(0).strip(), m.start(), m.end(), currency=cur,
                            per="year" if per else None))
    return _merge_restated(out, text)


def _merge_restated(found: list[Quantity], text: str) -> list[Quantity]:
    """``two million pounds (£2,000,000)`` is one amount, not two."""
    merged: list[Quantity] = []
    for q in found:
        if merged:
            prev = merged[-1]
            between = text[prev.end:q.start]
            if re.fullmatch(r"\s*\(\s*", between) and abs(prev.value - q.value) < 0.5:
                end = q.end + 1 if text[q.end:q.end + 1] == ")" else q.end
                merged[-1] = Quantity("MONEY", q.value, text[prev.start:end], prev.start, end,
                                      currency=q.currency or prev.currency, per=q.per or prev.per)
                continue
        merged.append(q)
    return merged


def find_percentages(text: str) -> list[Quantity]:
    out = []
    for m in PERCENT_RE.finditer(text):
        value = parse_number(m.group("num"))
        if value is not None:
            out.append(Quantity("PERCENT", value, m.group(0), m.start(), m.end(), unit="percent"))
    return out


def _unit(u: str) -> str:
    u = u.lower().rstrip("s")
    return {"yr": "year", "day": "day", "week": "week", "month": "month", "year": "year"}[u]


_LABELLED_RE = re.compile(r"\b(?:duration|period|term)\s+in\s+(?P<unit>days|weeks|months|years)\s*:\s*(?P<num>\d+(?:\.\d+)?)", re.I)


# "3 years + 1 year + 1 year", "24 months plus 12 months": each part with its own unit
_UNIT_SEQ = re.compile(r"(?P<seq>\d+(?:\.\d+)?\s*(?:years?|months?)(?:\s*(?:\+|\bplus\b)\s*\d+(?:\.\d+)?\s*(?:years?|months?))+)\b",
                       re.I)


def find_durations(text: str) -> list[Quantity]:
    out: list[Quantity] = []
    for m in _UNIT_SEQ.finditer(text):
        parts = tuple(round(float(n) * MONTHS_PER[_unit(u)], 2)
                      for n, u in re.findall(r"(\d+(?:\.\d+)?)\s*(years?|months?)", m.group("seq"), re.I))
        out.append(Quantity("DURATION", sum(parts), m.group(0), m.start(), m.end(), unit="month", parts=parts))
    for m in _LABELLED_RE.finditer(text):
        unit = _unit(m.group("unit"))
        out.append(Quantity("DURATION", round(float(m.group("num")) * MONTHS_PER[unit], 2), m.group(0), m.start(),
                            m.end(), unit=unit))
    for m in DURATION_RE.finditer(text):
        if any(q.start <= m.start() < q.end for q in out):
            continue
        unit = _unit(m.group("unit1") or m.group("unit2"))
        if unit == "year" and _YEARS_OLD.match(text[m.end():]):
            continue  # "aged 16-25 years old"
        if m.group("plus"):
            nums = [float(x) for x in re.findall(r"\d+(?:\.\d+)?", m.group("plus"))]
            parts = tuple(round(n * MONTHS_PER[unit], 2) for n in nums)
            out.append(Quantity("DURATION", sum(parts), m.group(0), m.start(), m.end(), unit=unit, parts=parts))
            continue
        paren = m.group("paren")
        value = parse_number(paren) if paren and paren[0].isdigit() else parse_number(m.group("num"))
        count = 1
        words = re.split(r"[\s-]+", m.group("num").strip())
        if value is None and len(words) >= 2:  # "three one-year extensions": a count, then the period
            c, v = parse_number(" ".join(words[:-1])), parse_number(words[-1])
            if c and v and 1 < c <= 10:
                value, count = v, int(c)
        if value is None:
            continue
        rep = REPEAT_RE.search(text[max(0, m.start() - 80):m.start()]) if count == 1 else None
        if rep:
            c = parse_number(rep.group("count") or rep.group("count2"))
            if c and 1 < c <= 10:
                count = int(c)
        before = _COUNT_BEFORE.search(text[max(0, m.start() - 40):m.start()])
        after = _COUNT_AFTER.match(text[m.end():m.end() + 80])
        years = _YEAR_LIST.match(text[m.end():m.end() + 140])
        if count > 1:
            pass
        elif years:  # "one year extensions for the financial years 2016-17, 2017-18 and 2018-19": one for each
            count = min(10, len(re.findall(r"\d{4}\s*[-/–]\s*\d{2,4}", years.group("years"))))
        elif (before and _EXTENSION_AFTER.match(text[m.end():])) or after:
            c = parse_number((before if before and _EXTENSION_AFTER.match(text[m.end():]) else after).group("count"))
            if c and 1 < c <= 10:
                count = int(c)
        if unit == "day" and re.search(r"\b(?:working|business)\s", m.group(0), re.I):
            value = value * 7 / 5  # five working days to the calendar week
        out.append(Quantity("DURATION", round(value * MONTHS_PER[unit], 2), m.group(0), m.start(), m.end(), unit=unit,
                            count=count))
    for m in _INCREMENTS.finditer(text):
        if any(q.start <= m.start() < q.end for q in out):
            continue
        nums = [float(x) for x in re.findall(r"\d+(?:\.\d+)?", m.group("incs"))]
        earlier = [q for q in out if q.end <= m.start() and q.unit in ("year", "month")]
        unit = _unit(m.group("unit")) if m.group("unit") else (earlier[-1].unit if earlier else "year")
        parts = tuple(round(n * MONTHS_PER[unit], 2) for n in nums)
        out.append(Quantity("DURATION", sum(parts), m.group(0), m.start(), m.end(), unit=unit, parts=(0.0, *parts)))
    periods = [(m, m) for m in DATE_RANGE_RE.finditer(text)]
    for m in DATE_SPAN_RE.finditer(text):
        dates = DATE_RANGE_RE.search(f"{m.group('first')} to {m.group('second')}")
        if dates:
            periods.append((m, dates))
    for where, dates in periods:
        months = _months_between(dates)
        if months and 1 <= months <= 240 and not any(q.start < where.end() and where.start() < q.end for q in out):
            out.append(Quantity("DURATION", float(months), where.group(0), where.start(), where.end(), unit="month"))
    return sorted(out, key=lambda q: q.start)


_DATE = rf"(?:\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\.?\s+(?:19|20)\d\d"
DATE_SPAN_RE = re.compile(
    rf"\b(?:start\w*|commenc\w*|begin\w*|from)\s+(?:on\s+)?(?P<first>{_DATE})[^.;]{{0,100}}?"
    rf"\b(?:end\w*|expir\w*|until|terminat\w*|finish\w*|run\s+to|to)\s+(?:on\s+)?(?P<second>{_DATE})", re.I)


def _month_number(name: str) -> int:
    return next(i for i, full in enumerate(_MONTH_NAMES, 1) if full.startswith(name.lower()[:3]))


def _months_between(m: re.Match) -> int | None:
    """Whole months the period covers: 1 April 2025 to 31 March 2028 is 36, December 2022 to December 2025 is 36."""
    y1, y2 = int(m.group("y1")), int(m.group("y2"))
    m1, m2 = _month_number(m.group("m1")), _month_number(m.group("m2"))
    months = (y2 - y1) * 12 + (m2 - m1)
    if m.group("d1") and m.group("d2"):
        if int(m.group("d1")) <= 2 and int(m.group("d2")) >= 28:
            months += 1  # from the start of a month to the end of one
    elif (m2 - m1) % 12 == 11:
        months += 1  # "April 2025 to March 2028": through the end month
    return months if months > 0 else None


def find_quantities(text: str) -> list[Quantity]:
    """All quantities in a sentence, in text order, money first where spans overlap."""
    found = find_money(text)
    taken = [(q.start, q.end) for q in found]
    for q in find_percentages(text) + find_durations(text):
        if not any(s < q.end and q.start < e for s, e in taken):
            found.append(q)
            taken.append((q.start, q.end))
    return sorted(found, key=lambda q: q.start)
