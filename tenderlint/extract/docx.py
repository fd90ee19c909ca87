"""DOCX reader: body paragraphs and tables in document order, headers and footers, list numbers.

Word stores automatic clause numbers as numbering definitions, not text; a caseworker cites
"clause 4.2", so the numbers are computed here the way Word shows them.
"""

from __future__ import annotations

import io
import re
import zipfile

from tenderlint.errors import ReadError
from tenderlint.extract.blocks import BlockBuilder
from tenderlint.model import Document

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_RE = re.compile(r"^(?:heading|title)\s*(\d*)$", re.I)


def read_docx(path: str, name: str, data: bytes, limits) -> Document:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            if "EncryptedPackage" in names:
                raise ReadError("encrypted", "the document is encrypted with a password; save an unprotected copy")
            if "word/document.xml" not in names:
                raise ReadError("corrupt", "not a Word document: word/document.xml is missing")
    except zipfile.BadZipFile:
        if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
            raise ReadError("encrypted", "the document is encrypted or in legacy .doc format; save it as an "
                            "unprotected .docx") from None
        raise ReadError("corrupt", "the DOCX file is damaged (not a valid zip archive)") from None
    try:
        d = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise ReadError("corrupt", f"the DOCX file is damaged ({exc})") from None
    doc = Document(path=name, format="docx", pages=None, title=(d.core_properties.title or None))
    builder = BlockBuilder(doc, limits.max_chars if limits else None)
    numbering = _Numbering(d)
    _headers_footers(d, builder)
    tcount = 0
    for el in d.element.body.iterchildren():
        tag = el.tag
        if tag == _W + "p":
            _paragraph(el, d, builder, numbering)
        elif tag == _W + "tbl":
            _table(el, builder, tcount)
            tcount += 1
        elif tag == _W + "sdt":
            for p in el.iter(_W + "p"):
                _paragraph(p, d, builder, numbering)
    return doc


def _text(el) -> str:
    parts = []
    for node in el.iter():
        t = node.tag
        if t == _W + "t" and node.text:
            parts.append(node.text)
        elif t == _W + "tab":
            parts.append("\t")
        elif t in (_W + "br", _W + "cr"):
            parts.append(" ")
        elif t == _W + "delText":
            continue
    return "".join(parts)


def _style_name(p_el, d) -> str:
    ppr = p_el.find(_W + "pPr")
    if ppr is None:
        return ""
    ps = ppr.find(_W + "pStyle")
    if ps is None:
        return ""
    sid = ps.get(_W + "val")
    try:
        st = d.styles.element.get_by_id(sid)
        return st.name_val if st is not None else sid
    except Exception:  # noqa: BLE001 - a broken style table only costs us the style name
        return sid or ""


def _paragraph(p_el, d, builder: BlockBuilder, numbering: _Numbering) -> None:
    text = _text(p_el)
    if not text.strip():
        return
    style = _style_name(p_el, d)
    m = _HEADING_RE.match(style or "")
    number = numbering.number_for(p_el, style)
    kind = "heading" if m else ("list-item" if number is not None else "paragraph")
    level = int(m.group(1)) if m and m.group(1) else (1 if m else None)
    if number and not number.startswith("•"):
        text = f"{number} {text}"
        number = number.rstrip(".)")
    elif number:
        number = None
    builder.add(text, kind, number=number, level=level)


def _table(tbl_el, builder: BlockBuilder, tindex: int) -> None:
    for ri, tr in enumerate(tbl_el.iter(_W + "tr")):
        cells = []
        for tc in tr.iter(_W + "tc"):
            cells.append(" ".join(_text(p).strip() for p in tc.iter(_W + "p") if _text(p).strip()))
        if any(cells):
            builder.add(" | ".join(c for c in cells if c), "table-row", cells=tuple(cells), table=tindex, row=ri)


def _headers_footers(d, builder: BlockBuilder) -> None:
    seen = set()
    for section in d.sections:
        for kind, parts in (("header", (section.header, section.first_page_header)),
                            ("footer", (section.footer, section.first_page_footer))):
            for part in parts:
                try:
                    if part.is_linked_to_previous and part is not section.header and part is not section.footer:
                        continue
                    text = " ".join(p.text for p in part.paragraphs if p.text.strip())
                except Exception:  # noqa: BLE001 - a damaged header part is skipped, not fatal
                    continue
                if text.strip() and (kind, text) not in seen:
                    seen.add((kind, text))
                    builder.add(text, kind)


class _Numbering:
    """Computes Word list numbers (decimal, letters, roman, multi-level "%1.%2") in document order."""

    def __init__(self, d):
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, list[int]] = {}
        self.style_num: dict[str, tuple[str, int]] = {}
        try:
            numbering = d.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            numbering = None
        abstract = {}
        if numbering is not None:
            for an in numbering.iter(_W + "abstractNum"):
                lv = {}
                for lvl in an.iter(_W + "lvl"):
                    ilvl = int(lvl.get(_W + "ilvl", "0"))
                    fmt = _val(lvl, "numFmt") or "decimal"
                    text = _val(lvl, "lvlText") or "%1."
                    start = int(_val(lvl, "start") or "1")
                    lv[ilvl] = (fmt, text, start)
                abstract[an.get(_W + "abstractNumId")] = lv
            for num in numbering.iter(_W + "num"):
                aid = _val(num, "abstractNumId")
                self.levels[num.get(_W + "numId")] = abstract.get(aid, {})
        try:
            for st in d.styles.element.iter(_W + "style"):
                numpr = st.find(f"{_W}pPr/{_W}numPr")
                if numpr is not None:
                    nid = _val(numpr, "numId")
                    ilvl = int(_val(numpr, "ilvl") or "0")
                    name = st.find(_W + "name")
                    if nid and name is not None:
                        self.style_num[name.get(_W + "val")] = (nid, ilvl)
        except Exception:  # noqa: BLE001 - styles without numbering
            pass

    def number_for(self, p_el, style: str) -> str | None:
        numpr = p_el.find(f"{_W}pPr/{_W}numPr")
        nid, ilvl = None, 0
        if numpr is not None:
            nid = _val(numpr, "numId")
            ilvl = int(_val(numpr, "ilvl") or "0")
        elif style in self.style_num:
            nid, ilvl = self.style_num[style]
        if not nid or nid == "0" or nid not in self.levels:
            return None
        levels = self.levels[nid]
        if ilvl not in levels:
            return None
        counters = self.counters.setdefault(nid, [0] * 9)
        counters[ilvl] += 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = 0
        fmt, template, _start = levels[ilvl]
        if fmt == "bullet":
            return "•"
        if fmt == "none":
            return None

        def render(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            f, _t, s = levels.get(k, ("decimal", "", 1))
            value = counters[k] + s - 1 if counters[k] else s
            return _format(value, f)

        return re.sub(r"%(\d)", render, template)


def _val(el, child: str) -> str | None:
    c = el.find(_W + child)
    return c.get(_W + "val") if c is not None else None


def _format(n: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return _letters(n).lower()
    if fmt == "upperLetter":
        return _letters(n)
    if fmt in ("lowerRoman", "upperRoman"):
        r = _roman(n)
        return r.lower() if fmt == "lowerRoman" else r
    return str(n)


def _letters(n: int) -> str:
    out = ""
    while n > 0:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


def _roman(n: int) -> str:
    vals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
            (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out
