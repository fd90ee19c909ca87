"""DOCX reader: every part of the document model a reader of the printed tender would see, once.

Body paragraphs and tables in document order (a nested table once, as its own rows), text boxes
(the DrawingML choice, never also its VML fallback; each box paragraph its own block), content
controls, footnotes (placed after the paragraph that cites them), endnotes, and every header and
footer part (default, first-page, even-page, with their tables and boxes). Tracked changes are
read as if accepted: insertions and moves in at their destination, deletions and move sources
out. Hidden text is kept but marked, so a finding can say the words are not printed. Word stores
automatic clause numbers as numbering definitions, not text; a caseworker cites "clause 4.2", so
the numbers are computed the way Word shows them.
"""

from __future__ import annotations

import io
import re
import zipfile

from tenderlint.errors import ReadError
from tenderlint.extract import main_part
from tenderlint.extract.blocks import PARA_MARK, BlockBuilder
from tenderlint.model import Document

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_HEADING_RE = re.compile(r"^(?:heading|title)\s*(\d*)$", re.I)
_SKIP = {_W + "del", _W + "moveFrom", _W + "delText", _W + "instrText", _W + "pPr", _W + "rPr",
         _MC + "Fallback", _W + "commentReference", _W + "annotationRef"}
_RECURSE = {_W + "ins", _W + "moveTo", _W + "hyperlink", _W + "smartTag", _W + "fldSimple", _W + "customXml",
            _W + "bdo", _W + "dir", _W + "sdtContent", _MC + "AlternateContent", _MC + "Choice"}
_PART_NAMES = {"default": "", "first": "first-page ", "even": "even-page "}


def read_docx(path: str, name: str, data: bytes, limits) -> Document:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            if "EncryptedPackage" in names:
                raise ReadError("encrypted", "the document is encrypted with a password; save an unprotected copy")
            main = main_part(zf)
            if main not in names:
                raise ReadError("corrupt", f"not a Word document: its main part ({main}) is missing")
    except zipfile.BadZipFile:
        if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
            raise ReadError("encrypted", "the document is encrypted or in legacy .doc format; save it as an "
                            "unprotected .docx") from None
        raise ReadError("corrupt", "the DOCX file is damaged (not a valid zip archive)") from None
    try:
        d = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise ReadError("corrupt", f"the DOCX file is damaged ({exc})") from None
    except Exception as exc:  # noqa: BLE001 - lxml and python-docx raise many kinds on a malformed part
        why = str(exc).lower()
        if "text node too long" in why:  # lxml's 10 MB cap on one text node
            raise ReadError("too-many-chars", "one run of text in the document is longer than 10 MB, more than "
                            "the XML parser reads; a tender's text is never that long") from None
        if "depth" in why:  # lxml's cap on nesting (256 levels)
            raise ReadError("corrupt", "the document's XML is nested deeper than the parser reads (256 levels: "
                            "tables inside tables?); save it again from Word or as PDF") from None
        raise ReadError("corrupt", f"the DOCX file is damaged ({type(exc).__name__}: {exc})") from None
    doc = Document(path=name, format="docx", pages=None, title=(d.core_properties.title or None))
    reader = _Reader(d, BlockBuilder(doc, limits.max_chars if limits else None))
    reader.headers_footers()
    reader.blocks(d.element.body, "body")
    reader.endnotes()
    return doc


class _Para:
    """The visible words of one paragraph, and what hangs off it (text boxes, footnote references)."""

    def __init__(self, style: str | None = None) -> None:
        self.parts: list[str] = []
        self.flags: list[bool] = []  # per part: hidden text
        self.hidden_chars = 0
        self.chars = 0
        self.boxes: list = []
        self.notes: list[str] = []
        self.style = style  # the paragraph style id (its run properties apply to every run)

    def add(self, text: str, hidden: bool) -> None:
        self.parts.append(text)
        self.flags.append(hidden)
        n = len(text.strip())
        self.chars += n
        if hidden:
            self.hidden_chars += n

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def split_hidden(self) -> tuple[str, str]:
        """The printed words and the hidden ones of a paragraph that mixes them: a drafting note hidden
        inside a sentence must not sit in the quote of the printed sentence, and a hidden sentence is
        still read, as hidden."""
        shown = "".join(t for t, h in zip(self.parts, self.flags, strict=True) if not h)
        hidden, run = [], []
        for t, h in zip(self.parts, self.flags, strict=True):
            if h:
                run.append(t)
            elif run:
                hidden.append("".join(run))
                run = []
        hidden.append("".join(run))
        return re.sub(r"[ \t]{2,}", " ", shown), " ".join(x.strip() for x in hidden if x.strip())


class _Reader:
    def __init__(self, d, builder: BlockBuilder):
        self.d = d
        self.builder = builder
        self.numbering = _Numbering(d)
        self.tables = 0
        self.notes = {"footnote": _notes(d, "footnotes"), "endnote": _notes(d, "endnotes")}
        self.note_numbers: dict[tuple[str, str], int] = {}
        self.seen_outside: set[tuple[str, str]] = set()  # a header repeated by several sections is read once
        self.styles = _style_elements(d)
        self.hiding: dict[str, bool | None] = {}  # style id -> whether the style hides its text

    def add(self, text: str, kind: str, **kw) -> None:
        if kind in ("header", "footer"):
            key = (kind, " ".join(text.split()))
            if key in self.seen_outside:
                return
            self.seen_outside.add(key)
        self.builder.add(text, kind, **kw)

    # -- block level ---------------------------------------------------------------------------------
    def blocks(self, parent, where: str) -> None:
        # paragraphs that belong to the next one: a deleted paragraph mark (accepted, the two join) or a
        # drop cap (its letter starts the next paragraph's first word), each with the joint
        carry: list[tuple] = []
        for el in parent:
            tag = el.tag
            if tag == _W + "p":
                frame = el.find(f"{_W}pPr/{_W}framePr")
                if el.find(f"{_W}pPr/{_W}rPr/{_W}del") is not None:
                    carry.append((el, " "))
                    continue
                if frame is not None and frame.get(_W + "dropCap") in ("drop", "margin"):
                    carry.append((el, ""))  # a drop cap: the first letter of the next paragraph's first word
                    continue
                self.paragraph(el, where, carry)
                carry = []
                continue
            if carry:  # nothing to join: read them as they are
                self.paragraph(carry[-1][0], where, carry[:-1])
                carry = []
            if tag == _W + "tbl":
                self.table(el, where)
            elif tag in (_W + "sdt",):
                content = el.find(_W + "sdtContent")
                if content is not None:
                    self.blocks(content, where)
            elif tag in _RECURSE:
                self.blocks(el, where)
        if carry:
            self.paragraph(carry[-1][0], where, carry[:-1])

    def paragraph(self, p_el, where: str, joined: list | None = None) -> None:
        para = _Para(_pstyle(p_el))
        for before, sep in joined or ():
            self.runs(before, para, hidden=False)
            para.add(sep, False)
        self.runs(p_el, para, hidden=False)
        text = para.text
        extra = ""
        if 0 < para.hidden_chars < para.chars:
            text, extra = para.split_hidden()
            if not text.strip():
                text, extra = para.text, ""
        if text.strip():
            kind, number, level = self.kind_of(p_el, text, where)
            if number and not number.startswith("•"):
                text = f"{number} {text}"
                number = number.rstrip(".)")
            elif number:
                number = None
            self.add(text, kind, number=number, level=level, part=_part(where),
                     hidden=bool(para.chars) and para.hidden_chars >= para.chars)
            if extra:
                self.add(extra, "paragraph", part=_part(where), hidden=True)
        for box in para.boxes:
            self.blocks(box, "text box" if where == "body" else f"text box in {where}")
        for note_id in para.notes:
            self.note("footnote", note_id)

    def kind_of(self, p_el, text: str, where: str) -> tuple[str, str | None, int | None]:
        outside = _outside_kind(where)
        if outside:
            return outside, None, None
        style = _style_name(p_el, self.d)
        m = _HEADING_RE.match(style or "")
        number = self.numbering.number_for(p_el, style)
        kind = "heading" if m else ("list-item" if number is not None else "paragraph")
        level = int(m.group(1)) if m and m.group(1) else (1 if m else None)
        return kind, number, level

    def table(self, tbl_el, where: str) -> None:
        """Each row is a block of its cells. Hidden words in a row that prints are read apart, as hidden
        text after the row, so the printed row's quote holds only what prints; a row hidden through and
        through is one hidden block."""
        tindex = self.tables
        self.tables += 1
        for ri, tr in enumerate(_children(tbl_el, _W + "tr")):
            grid: list[list[tuple[str, str]]] = []  # per cell: (printed text, hidden text) of each paragraph
            later = []
            for tc in _children(tr, _W + "tc"):
                grid.append([])
                for el in _children(tc, _W + "p", _W + "tbl"):
                    if el.tag == _W + "tbl":
                        later.append(("table", el))
                        continue
                    para = _Para(_pstyle(el))
                    self.runs(el, para, hidden=False)
                    if not para.hidden_chars:
                        grid[-1].append((para.text.strip(), ""))
                    elif para.hidden_chars < para.chars:
                        shown, extra = para.split_hidden()
                        grid[-1].append((shown.strip(), extra))
                    else:
                        grid[-1].append(("", para.text.strip()))
                    later += [("box", b) for b in para.boxes] + [("note", n) for n in para.notes]
            printed = any(shown for cell in grid for shown, _ in cell)
            if printed:
                cells = [PARA_MARK.join(t for t, _ in cell if t) for cell in grid]
                hidden_words = [h for cell in grid for _, h in cell if h]
            else:  # nothing of the row prints: it is read whole, as hidden
                cells = [" ".join(h for _, h in cell if h) for cell in grid]
                hidden_words = []
            if any(cells):
                kind = _outside_kind(where) or "table-row"
                self.add(" | ".join(c for c in cells if c), kind, cells=tuple(cells), table=tindex, row=ri,
                         part=_part(where), hidden=not printed)
            for words in hidden_words:
                self.add(words, _outside_kind(where) or "paragraph", part=_part(where), hidden=True)
            for what, el in later:
                if what == "table":
                    self.table(el, where)
                elif what == "box":
                    self.blocks(el, "text box" if where == "body" else f"text box in {where}")
                else:
                    self.note("footnote", el)

    # -- run level -----------------------------------------------------------------------------------
    def run_hidden(self, r_el, para: _Para) -> bool:
        """Hidden by the run's own properties, else by its character style, else by the paragraph's
        style (each style read through the styles it is based on)."""
        rpr = r_el.find(_W + "rPr")
        own = _vanish(rpr)
        if own is not None:
            return own
        rstyle = rpr.find(_W + "rStyle") if rpr is not None else None
        for sid in (rstyle.get(_W + "val") if rstyle is not None else None, para.style):
            by_style = self.style_hides(sid)
            if by_style is not None:
                return by_style
        return False

    def style_hides(self, sid: str | None, depth: int = 0) -> bool | None:
        if not sid or depth > 10:
            return None
        if sid not in self.hiding:
            self.hiding[sid] = None
            st = self.styles.get(sid)
            if st is not None:
                found = _vanish(st.find(_W + "rPr"))
                based = st.find(_W + "basedOn")
                if found is None and based is not None:
                    found = self.style_hides(based.get(_W + "val"), depth + 1)
                self.hiding[sid] = found
        return self.hiding[sid]

    def runs(self, el, para: _Para, hidden: bool) -> None:
        for child in el:
            tag = child.tag
            if tag in _SKIP:
                continue
            if tag == _W + "r":
                self.run(child, para, hidden or self.run_hidden(child, para))
            elif tag == _W + "sdt":
                content = child.find(_W + "sdtContent")
                if content is not None:
                    self.runs(content, para, hidden)
            elif tag == _MC + "AlternateContent":
                choice = child.find(_MC + "Choice")
                target = choice if choice is not None else child.find(_MC + "Fallback")
                if target is not None:
                    self.runs(target, para, hidden)
            elif tag in _RECURSE:
                self.runs(child, para, hidden)

    def run(self, r_el, para: _Para, hidden: bool) -> None:
        for node in r_el:
            t = node.tag
            if t == _W + "t":
                para.add(node.text or "", hidden)
            elif t == _W + "tab" or t == _W + "ptab":
                para.add("\t", hidden)
            elif t in (_W + "br", _W + "cr"):
                para.add(" ", hidden)
            elif t == _W + "noBreakHyphen":
                para.add("-", hidden)
            elif t == _W + "footnoteReference":
                para.notes.append(node.get(_W + "id"))
            elif t == _MC + "AlternateContent":
                choice = node.find(_MC + "Choice")
                target = choice if choice is not None else node.find(_MC + "Fallback")
                if target is not None:
                    para.boxes += _boxes(target)
                    for sub in target:
                        if sub.tag == _W + "r":
                            self.run(sub, para, hidden)
            elif t in (_W + "drawing", _W + "pict", _W + "object"):
                para.boxes += _boxes(node)

    # -- parts outside the body ----------------------------------------------------------------------
    def note(self, kind: str, note_id: str) -> None:
        key = (kind, note_id)
        if key in self.note_numbers or note_id not in self.notes[kind]:
            return
        self.note_numbers[key] = len([k for k in self.note_numbers if k[0] == kind]) + 1
        self.blocks(self.notes[kind][note_id], f"{kind} {self.note_numbers[key]}")

    def endnotes(self) -> None:
        body = self.d.element.body
        for ref in body.iter(_W + "endnoteReference"):
            if not _deleted(ref):
                self.note("endnote", ref.get(_W + "id"))
        # a note cited from a place the reading did not pass through is still read; a note nothing
        # cites is not printed (Word and LibreOffice show nothing of it), so it is not part of the tender
        for kind in ("footnote", "endnote"):
            for ref in body.iter(f"{_W}{kind}Reference"):
                if not _deleted(ref):
                    self.note(kind, ref.get(_W + "id"))

    def headers_footers(self) -> None:
        """Every header and footer part the sections use, once each, in section order."""
        seen: set[str] = set()
        body = self.d.element.body
        rels = self.d.part.rels
        for sect in body.iter(_W + "sectPr"):
            for ref in sect:
                if ref.tag not in (_W + "headerReference", _W + "footerReference"):
                    continue
                rid = ref.get(_R + "id")
                if rid in seen or rid not in rels:
                    continue
                seen.add(rid)
                kind = "header" if ref.tag == _W + "headerReference" else "footer"
                where = _PART_NAMES.get(ref.get(_W + "type") or "default", "") + kind
                try:
                    element = rels[rid].target_part.element
                except Exception:  # noqa: BLE001 - a damaged header part is skipped, not fatal
                    continue
                self.blocks(element, where)


def _children(el, *tags: str):
    """Direct children with one of `tags`, looking through content controls and custom XML wrappers."""
    for child in el:
        if child.tag in tags:
            yield child
        elif child.tag in (_W + "sdt", _W + "customXml", _W + "sdtContent"):
            yield from _children(child.find(_W + "sdtContent") if child.tag == _W + "sdt" else child, *tags)


def _boxes(el) -> list:
    """Text box contents in a drawing, outermost only: a box inside a box is read with its parent."""
    out = []
    for box in el.iter(_W + "txbxContent"):
        anc = box.getparent()
        while anc is not None and anc is not el and anc.tag != _W + "txbxContent":
            anc = anc.getparent()
        if anc is None or anc is el or anc.tag != _W + "txbxContent":
            out.append(box)
    return out


def _deleted(el) -> bool:
    return any(a.tag in (_W + "del", _W + "moveFrom") for a in el.iterancestors())


def _notes(d, part: str) -> dict[str, object]:
    """Footnote or endnote bodies by id, without Word's separator notes."""
    kind = part[:-1]
    for rel in d.part.rels.values():
        if rel.reltype.endswith("/" + part):
            try:
                from lxml import etree

                root = etree.fromstring(rel.target_part.blob, etree.XMLParser(resolve_entities=False, no_network=True))
            except Exception:  # noqa: BLE001 - damaged notes part: the body is still read
                return {}
            out = {}
            for n in root.iter(_W + kind):
                if n.get(_W + "type") in (None, "normal"):
                    out[n.get(_W + "id")] = n
            return out
    return {}


def _part(where: str) -> str | None:
    return None if where == "body" else where


def _outside_kind(where: str) -> str | None:
    """The block kind for words outside the body flow (None for the body and its text boxes)."""
    for kind in ("footnote", "endnote", "header", "footer"):
        if kind in where:
            return kind
    return None


def _vanish(rpr) -> bool | None:
    """Whether run properties hide their text: True, False, or None when they do not say."""
    flag = rpr.find(_W + "vanish") if rpr is not None else None
    return None if flag is None else _on(flag)


def _on(flag) -> bool:
    return flag is not None and (flag.get(_W + "val") or "true").lower() not in ("0", "false", "off")


def _pstyle(p_el) -> str | None:
    ps = p_el.find(f"{_W}pPr/{_W}pStyle")
    return ps.get(_W + "val") if ps is not None else None


def _style_elements(d) -> dict[str, object]:
    try:
        return {st.get(_W + "styleId"): st for st in d.styles.element.iter(_W + "style")}
    except Exception:  # noqa: BLE001 - a document without a styles part
        return {}


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
