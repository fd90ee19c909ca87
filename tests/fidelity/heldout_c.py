"""Held-out fidelity set C: barrier sentences in tricky places of real Word output and its
LibreOffice PDF export, written blind to the reader.

Every lot name is a river or a hill and appears only in its own spot's sentence. Conventions
(copied from spots.py): `part` is None for the body, "footnote N" / "endnote N" (N = the note
number, which here always equals the note id and the printed number), "header" /
"first-page header" / "even-page header", the same three for footers, and "text box" /
"text box in <header part>" for text boxes.

Decisions documented here:
- Comment text is the reviewer's, not the tender's: a barrier only in a comment is not live.
  A comment anchored over part of a body sentence does not change that body sentence.
- Field instructions (here an EndNote ADDIN citation) are not live; field results are.
- Tracked insertions are live, tracked deletions are not (LibreOffice prints them struck
  through; a struck word in the PDF is read as deleted, as in spots.py).
- A footnote or header part that nothing references, and glossary building blocks, are never
  printed and so not live. Alt text of a shape is not printed either.
- Hidden (w:vanish) text is present with hidden=True in the DOCX and absent from the PDF. A
  vanished paragraph mark alone does not hide the paragraph's text.
- w:caps / w:smallCaps print capitals: the PDF quote must hold the capitals (pdf_sentence);
  the DOCX quote may hold either the stored or the displayed case.
- Quotes are compared with runs of whitespace collapsed (a w:br or w:tab inside a sentence may
  come back as a space, a newline or a tab); control characters are still refused.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from .ooxml import NS, STYLES, note_ref, para, run, table, text_box
from .spots import FILLER, INTRO, PAGE_BREAK, Spot, barrier

XNS = NS.replace('mc:Ignorable="w14"', 'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
                 'mc:Ignorable="w14"')
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"
XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'


@dataclass
class CSpot(Spot):
    pdf_sentence: str | None = None  # what the PDF quote must hold, when printing changes it (caps)
    shown: str | None = None  # what PDFium must print (whitespace-normalised), when not pdf_sentence
    printed: bool | None = None  # whether the PDF prints the lot name at all (None: same as live in the PDF)
    tail: str | None = None  # the sentence straddles a page break: these closing words are on page + 1
    moved: bool = False  # a tracked move: the struck source copy is printed on an earlier page too


def _s(names: list[str]) -> dict[str, str]:
    """Barrier sentences, the category turning with each name (the first name shifts the start)."""
    return {n: barrier(n, i + len(names[0])) for i, n in enumerate(names)}


# ----------------------------------------------------------------------------------------------
# a small package writer: any number of sections, header/footer parts, notes, numbering, glossary


class Package:
    def __init__(self) -> None:
        self.parts: dict[str, str] = {}
        self.rels: list[tuple[str, str, str]] = []
        self.overrides: list[tuple[str, str]] = []
        self.n = 0

    def add(self, name: str, xml: str, rel: str, ct: str) -> str:
        self.n += 1
        rid = f"rIdC{self.n}"
        self.parts[f"word/{name}"] = XML + xml
        self.rels.append((rid, rel, name))
        self.overrides.append((f"/word/{name}", ct))
        return rid

    def hf(self, kind: str, xml: str) -> str:
        tag = "hdr" if kind == "header" else "ftr"
        self.n += 0
        name = f"{kind}{len([p for p in self.parts if p.startswith('word/' + kind)]) + 1}.xml"
        return self.add(name, f"<w:{tag} {XNS}>{xml}</w:{tag}>", f"{REL}/{kind}", f"{CT}.{kind}+xml")

    def notes(self, kind: str, notes: dict[int, str]) -> None:
        sep = (f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
               f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
               f'</w:p></w:{kind}>')
        body = "".join(f'<w:{kind} w:id="{i}">{x}</w:{kind}>' for i, x in notes.items())
        self.add(f"{kind}s.xml", f"<w:{kind}s {XNS}>{sep}{body}</w:{kind}s>", f"{REL}/{kind}s", f"{CT}.{kind}s+xml")

    def comments(self, comments: dict[int, str]) -> None:
        body = "".join(f'<w:comment w:id="{i}" w:author="Reviewer" w:date="2026-01-06T09:00:00Z" w:initials="R">'
                       f"{x}</w:comment>" for i, x in comments.items())
        self.add("comments.xml", f"<w:comments {XNS}>{body}</w:comments>", f"{REL}/comments", f"{CT}.comments+xml")

    def write(self, path: Path, body: str, final_sect: str, *, settings: str = "", styles: str = "") -> Path:
        self.add("styles.xml", STYLES.replace(XML, "").replace("</w:styles>", styles + "</w:styles>"),
                 f"{REL}/styles", f"{CT}.styles+xml")
        self.add("settings.xml", f"<w:settings {XNS}>{settings}</w:settings>", f"{REL}/settings",
                 f"{CT}.settings+xml")
        self.parts["word/document.xml"] = XML + f"<w:document {XNS}><w:body>{body}{final_sect}</w:body></w:document>"
        self.parts["word/_rels/document.xml.rels"] = _rels(self.rels)
        self.parts["_rels/.rels"] = _rels([("rId1", f"{REL}/officeDocument", "word/document.xml")])
        self.parts["[Content_Types].xml"] = (
            XML + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/word/document.xml" ContentType="{CT}.document.main+xml"/>'
            + "".join(f'<Override PartName="{n}" ContentType="{t}"/>' for n, t in self.overrides) + "</Types>")
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
            first = ("[Content_Types].xml", "_rels/.rels")
            for name in (*first, *sorted(k for k in self.parts if k not in first)):
                zf.writestr(name, self.parts[name])
        return path


def _rels(rels) -> str:
    return (XML + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(f'<Relationship Id="{i}" Type="{t}" Target="{n}"/>' for i, t, n in rels) + "</Relationships>")


def sect(refs: list[tuple[str, str, str]] = (), *, landscape: bool = False, cols: int = 1, title_pg: bool = False,
         brk: str | None = None, col_break_ok: bool = False) -> str:
    """refs: (kind, type, rid) with kind header/footer and type default/first/even."""
    size = ('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>' if landscape
            else '<w:pgSz w:w="11906" w:h="16838"/>')
    return ("<w:sectPr>" + "".join(f'<w:{k}Reference w:type="{t}" r:id="{r}"/>' for k, t, r in refs)
            + (f'<w:type w:val="{brk}"/>' if brk else "") + size
            + '<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" '
            'w:gutter="0"/>' + (f'<w:cols w:num="{cols}" w:space="567"/>' if cols > 1 else '<w:cols w:space="708"/>')
            + ("<w:titlePg/>" if title_pg else "") + "</w:sectPr>")


def sect_break(sectpr: str) -> str:
    return f"<w:p><w:pPr>{sectpr}</w:pPr></w:p>"


def pieces(*parts: tuple[str, str] | str) -> str:
    """Runs from (text, rPr) pairs or plain strings."""
    return "".join(run(p) if isinstance(p, str) else run(p[0], p[1]) for p in parts)


def split(sentence: str, cuts: list[int], props: list[str]) -> str:
    """The sentence cut at the character offsets, each piece with its own run properties."""
    bounds = [0, *cuts, len(sentence)]
    pairs = enumerate(zip(bounds, bounds[1:], strict=False))
    return "".join(run(sentence[a:b], props[k % len(props)]) for k, (a, b) in pairs)


def cell(xml: str, *, props: str = "", width: int = 3000) -> str:
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{props}</w:tcPr>{xml}</w:tc>'


def grid_table(rows: list[str], cols: list[int], tblpr: str = "") -> str:
    """rows: raw <w:tr> XML; cols: grid widths."""
    borders = "".join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                      for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{sum(cols)}" w:type="dxa"/>{tblpr}<w:tblBorders>{borders}</w:tblBorders>'
            '<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>'
            + "".join(f'<w:gridCol w:w="{c}"/>' for c in cols) + "</w:tblGrid>" + "".join(rows) + "</w:tbl>")


def tr(*cells: str, props: str = "") -> str:
    return f"<w:tr>{f'<w:trPr>{props}</w:trPr>' if props else ''}{''.join(cells)}</w:tr>"


LINES = [f"Schedule item {k}: the provider keeps a record of each visit." for k in range(1, 80)]


def tight(text: str) -> str:
    """A one-line paragraph with no space after it, to fill a page line by line."""
    return f'<w:p><w:pPr><w:spacing w:after="0"/></w:pPr>{run(text)}</w:p>'


# ----------------------------------------------------------------------------------------------
# builders


def docx_notes(folder: Path) -> tuple[Path, list[Spot]]:
    """Footnotes with several paragraphs, a footnote referenced from a table cell, a footnote cut
    into runs, endnotes holding paragraphs and a table, and a footnote nothing refers to."""
    s = _s(["Avon", "Derwent", "Brue", "Frome", "Cam", "Eden"])
    pkg = Package()
    pkg.notes("footnote", {
        1: para("See the specification, section 4.") + para(s["Avon"]) + para("The Council may ask for evidence."),
        2: para(s["Derwent"]),
        3: "<w:p>" + split(s["Brue"], [6, 21, 34, 37, 50], ["", "<w:i/>", "<w:b/>", "<w:i/><w:b/>"]) + "</w:p>",
        4: para(s["Eden"]),  # never referenced: Word and LibreOffice print nothing of it
    })
    pkg.notes("endnote", {
        1: para("Endnote on the lot structure.") + para("The lots may be awarded separately.") + para(s["Frome"]),
        2: para("Lot conditions:") + table([["Condition", "Detail"], ["Standing", s["Cam"]]]),
    })
    body = "".join([
        para("Invitation to tender: community support service", style="Title"),
        para(INTRO),
        "<w:p>" + run("The lot structure is explained in the notes.") + note_ref("footnote", 1) + "</w:p>",
        table([["Topic", "Where"], ["<w:p>" + run("Experience") + note_ref("footnote", 2) + "</w:p>", "Section 5"]]),
        "<w:p>" + run("Further notes apply to each lot.") + note_ref("footnote", 3) + "</w:p>",
        para(FILLER),
        "<w:p>" + run("Lots are explained at the end.") + note_ref("endnote", 1) + "</w:p>",
        "<w:p>" + run("Conditions of participation are listed at the end.") + note_ref("endnote", 2) + "</w:p>",
        para(FILLER),
    ])
    path = pkg.write(folder / "c-notes.docx", body, sect())
    return path, [
        CSpot("Avon", s["Avon"], part="footnote 1", page=1),
        CSpot("Derwent", s["Derwent"], part="footnote 2", page=1),
        CSpot("Brue", s["Brue"], part="footnote 3", page=1),
        CSpot("Frome", s["Frome"], part="endnote 1"),
        CSpot("Cam", s["Cam"], part="endnote 2"),
        CSpot("Eden", s["Eden"], present=False),
    ]


def docx_sections(folder: Path) -> tuple[Path, list[Spot]]:
    """Three sections: the second has its own first-page, default and even-page headers and
    footers (footers holding tables); the third is landscape, inherits the second's headers and
    has its own footer with a text box. One header part is in the package but never used."""
    s = _s(["Nene", "Kennet", "Lune", "Mole", "Ouse", "Parrett", "Clyde"])
    pkg = Package()
    h1 = pkg.hf("header", para("Community support service: invitation to tender"))
    f1 = pkg.hf("footer", para("Issued by the Council"))
    h2_first = pkg.hf("header", para(s["Nene"]))
    h2_default = pkg.hf("header", para("Tender reference CS-2026-05"))
    h2_even = pkg.hf("header", para(s["Kennet"]))
    f2_first = pkg.hf("footer", table([["Lot rules", "Detail"], ["Standing", s["Lune"]]]))
    f2_default = pkg.hf("footer", table([["Lot rules", "Detail"], ["Security", s["Mole"]]]))
    f2_even = pkg.hf("footer", para("Commercial in confidence"))
    f3 = pkg.hf("footer", "<w:p>" + text_box(para(s["Ouse"]), box_id=31) + "</w:p>")
    pkg.hf("header", para(s["Clyde"]))  # an orphan part: related, never referenced by a section
    sec1 = sect([("header", "default", h1), ("footer", "default", f1)])
    sec2 = sect([("header", "first", h2_first), ("header", "default", h2_default), ("header", "even", h2_even),
                 ("footer", "first", f2_first), ("footer", "default", f2_default), ("footer", "even", f2_even)],
                title_pg=True)
    sec3 = sect([("footer", "default", f3)], landscape=True)
    body = "".join([
        para("Invitation to tender", style="Title"), para(INTRO), para(FILLER), sect_break(sec1),
        para("Part 2: the specification", style="Heading1"), para(FILLER), PAGE_BREAK,
        para(FILLER), PAGE_BREAK,
        para(FILLER), sect_break(sec2),
        para("Part 3: pricing schedule", style="Heading1"),
        table([["Item", "Unit", "Rate", "Notes"]] + [[f"Item {k}", "hour", "", ""] for k in range(1, 4)]),
        para(s["Parrett"]), PAGE_BREAK, para(FILLER),
    ])
    path = pkg.write(folder / "c-sections.docx", body, sec3, settings="<w:evenAndOddHeaders/>")
    return path, [
        CSpot("Nene", s["Nene"], part="first-page header", page=2),
        CSpot("Kennet", s["Kennet"], part="even-page header", page=4),
        CSpot("Lune", s["Lune"], part="first-page footer", page=2),
        CSpot("Mole", s["Mole"], part="footer", page=3),
        CSpot("Ouse", s["Ouse"], part="text box in footer", page=5),
        CSpot("Parrett", s["Parrett"], page=5),
        CSpot("Clyde", s["Clyde"], present=False),
    ]


def docx_tables(folder: Path) -> tuple[Path, list[Spot]]:
    """Tables nested three deep, merged cells both ways, cells whose text wraps side by side, a
    text box and content controls in cells, a repeated header row and a row split by a page."""
    s = _s(["Ribble", "Severn", "Tamar", "Wye", "Tees", "Wear", "Tyne", "Trent", "Dove"])
    inner = table([["Inner standard"], [s["Ribble"]]])
    middle = table([["Middle", inner]])
    outer = table([["Outer lot table", middle]])
    vm = grid_table([
        tr(cell(para(s["Severn"]), props='<w:vMerge w:val="restart"/>'), cell(para("Year 1")), cell(para("Review"))),
        tr(cell("<w:p/>", props="<w:vMerge/>"), cell(para("Year 2")), cell(para("Review"))),
        tr(cell("<w:p/>", props="<w:vMerge/>"), cell(para("Year 3")), cell(para("Final review"))),
    ], [3000, 3000, 3000])
    span = grid_table([
        tr(cell(para("Lot")), cell(para("Start")), cell(para("End"))),
        tr(cell(para(s["Tamar"]), props='<w:gridSpan w:val="3"/>', width=9000)),
    ], [3000, 3000, 3000])
    side = grid_table([tr(cell(para(FILLER + " " + FILLER), width=3500),
                          cell(para("Standing.") + para(s["Wye"]), width=3500),
                          cell(para(FILLER), width=2000))], [3500, 3500, 2000])
    boxed = grid_table([tr(cell("<w:p>" + run("See the box.") + text_box(para(s["Tees"]), box_id=41) + "</w:p>",
                                width=9000))], [9000])
    sdt_cell = grid_table([tr(cell(para("Eligibility")),
                              cell('<w:sdt><w:sdtPr><w:alias w:val="Lot rule"/><w:tag w:val="lotrule"/></w:sdtPr>'
                                   f"<w:sdtContent>{para(s['Wear'])}</w:sdtContent></w:sdt>", width=6000))],
                          [3000, 6000])
    sdt_row = grid_table([
        tr(cell(para("Lot")), cell(para("Rule"), width=6000)),
        '<w:sdt><w:sdtPr><w:alias w:val="Repeating lot"/></w:sdtPr><w:sdtContent>'
        + tr(cell(para("Financial")), cell(para(s["Tyne"]), width=6000)) + "</w:sdtContent></w:sdt>",
    ], [3000, 6000])
    head = tr(cell(para(s["Trent"]), width=9000), props="<w:tblHeader/>")
    long_rows = [tr(cell(para(line), width=9000)) for line in LINES[:70]]
    long_rows.insert(45, tr(cell(para("Further rule.") + para(s["Dove"]), width=9000)))
    long = grid_table([head, *long_rows], [9000])
    body = "".join([
        para("Lot tables", style="Title"), para(INTRO), outer, para(""), vm, para(""), span, para(""), side,
        para(""), boxed, para(""), sdt_cell, para(""), sdt_row, PAGE_BREAK, para("Schedule of visits"), long,
        para(FILLER),
    ])
    path = Package().write(folder / "c-tables.docx", body, sect())
    return path, [
        CSpot("Ribble", s["Ribble"], page=1),
        CSpot("Severn", s["Severn"], page=1),
        CSpot("Tamar", s["Tamar"], page=1),
        CSpot("Wye", s["Wye"], page=1),
        CSpot("Tees", s["Tees"], part="text box", page=1),
        CSpot("Wear", s["Wear"], page=1),
        CSpot("Tyne", s["Tyne"], page=2),
        CSpot("Trent", s["Trent"], page=3),
        CSpot("Dove", s["Dove"], page=4),
    ]


def docx_runs(folder: Path) -> tuple[Path, list[Spot]]:
    """Sentences cut into many runs (bold and italic mid-word, bookmarks, proofing marks), line
    breaks, soft and non-breaking hyphens, tabs, capitals by formatting, letter spacing, smart
    tags and a rendered-page-break marker inside a sentence."""
    s = _s(["Torridge", "Usk", "Teme", "Wharfe", "Aire", "Calder", "Swale", "Nidd", "Coquet", "Tweed"])
    t = s["Torridge"]
    many = ("<w:p>" + split(t[:40], [3, 4, 9, 17, 22, 30, 33], ["", "<w:b/>", "<w:i/>", '<w:u w:val="single"/>'])
            + '<w:bookmarkStart w:id="7" w:name="_Lot7"/><w:proofErr w:type="spellStart"/>'
            + run(t[40:47], "<w:b/>") + '<w:proofErr w:type="spellEnd"/><w:bookmarkEnd w:id="7"/>'
            + split(t[47:], [1, 6, 12], ["<w:i/>", ""]) + "</w:p>")
    u = s["Usk"]
    w = u.split(" ")
    breaks = ("<w:p>" + run(" ".join(w[:5])) + "<w:r><w:br/></w:r>" + run(" ".join(w[5:9]))
              + "<w:r><w:cr/></w:r>" + run(" ".join(w[9:])) + "</w:p>")
    te = s["Teme"]  # soft hyphens inside words that are long enough to be hyphenated
    soft = "<w:p>"
    for k, word in enumerate(te.split(" ")):
        if k:
            soft += run(" ")
        if len(word) > 7:
            cut = len(word) // 2
            soft += run(word[:cut]) + "<w:r><w:softHyphen/></w:r>" + run(word[cut:])
        else:
            soft += run(word)
    soft += "</w:p>"
    wh = s["Wharfe"]
    nbh = "<w:p>" + run("Pre") + "<w:r><w:noBreakHyphen/></w:r>" + run("qualification rule: " + wh) + "</w:p>"
    ai = s["Aire"]
    k = ai.index(" lot ") + 4
    tab = "<w:p>" + run("4.2") + "<w:r><w:tab/></w:r>" + run(ai[:k]) + "<w:r><w:tab/></w:r>" + run(ai[k + 1:]) + "</w:p>"
    ca = s["Calder"]
    w0 = ca.split(" ")[0]
    caps = "<w:p>" + run(w0, "<w:caps/>") + run(ca[len(w0):]) + "</w:p>"
    sw = s["Swale"]
    phrase = "performance bond" if "performance bond" in sw else ("trading" if "trading" in sw else "public body")
    i0 = sw.index(phrase)
    small = "<w:p>" + run(sw[:i0]) + run(phrase, "<w:smallCaps/>") + run(sw[i0 + len(phrase):]) + "</w:p>"
    spaced = "<w:p>" + run(s["Nidd"], '<w:spacing w:val="20"/>') + "</w:p>"
    co = s["Coquet"]
    j = co.index("lot") + 3
    smart = ('<w:p><w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="place">'
             + run(co[:j]) + "</w:smartTag>" + run(co[j:]) + "</w:p>")
    tw = s["Tweed"]
    j = tw.index(" ", len(tw) // 2)
    marker = "<w:p>" + run(tw[:j]) + "<w:r><w:lastRenderedPageBreak/></w:r>" + run(tw[j:]) + "</w:p>"
    body = "".join([para("Lot rules", style="Title"), para(INTRO), many, breaks, para(FILLER), soft, nbh, tab,
                    caps, small, spaced, smart, marker, para(FILLER)])
    path = Package().write(folder / "c-runs.docx", body, sect())
    up = phrase.upper()
    return path, [
        CSpot("Torridge", t, page=1),
        CSpot("Usk", u, page=1),
        CSpot("Teme", te, page=1),
        CSpot("Wharfe", "Pre-qualification rule: " + wh, page=1),
        CSpot("Aire", ai, page=1),
        CSpot("Calder", ca, pdf_sentence=w0.upper() + ca[len(w0):], page=1),
        CSpot("Swale", sw, pdf_sentence=sw.replace(phrase, up), page=1),
        CSpot("Nidd", s["Nidd"], page=1),
        CSpot("Coquet", co, page=1),
        CSpot("Tweed", tw, page=1),
    ]


def docx_revisions(folder: Path) -> tuple[Path, list[Spot]]:
    """Field results and instructions, tracked insertions, deletions and moves mid-sentence,
    formatting changes, hidden text by style and in cells, a vanished paragraph mark, comments
    and a glossary of building blocks."""
    s = _s(["Itchen", "Medway", "Stour", "Arun", "Adur", "Rother", "Wensum", "Yare", "Waveney", "Lugg",
            "Irwell", "Mersey", "Bleaklow", "Tryfan"])
    it = s["Itchen"]
    k = it.index(" lot") + 4
    hyper = ('<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK '
             '"https://www.example.gov.uk/tenders/lots" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/>'
             '</w:r>' + run(it[:k], '<w:color w:val="0563C1"/><w:u w:val="single"/>')
             + run(it[k:], '<w:color w:val="0563C1"/><w:u w:val="single"/><w:b/>')
             + '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')
    simple = ('<w:p>' + run("Rule: ") + '<w:fldSimple w:instr=" HYPERLINK &quot;https://www.example.gov.uk/medway&quot; ">'
              + run(s["Medway"]) + "</w:fldSimple></w:p>")
    st = s["Stour"]
    # the inserted words are the ones that make it a barrier
    word = "five" if "five" in st else ("20%" if "20%" in st else "three")
    i0 = st.index(word)
    ins = ("<w:p>" + run(st[:i0]) + f'<w:ins w:id="201" w:author="Editor" w:date="2026-01-05T10:00:00Z">{run(word)}'
           "</w:ins>" + run(st[i0 + len(word):]) + "</w:p>")
    ar = s["Arun"]
    i0 = ar.index(" lot") + 4
    dele = ("<w:p>" + run(ar[:i0]) + '<w:del w:id="202" w:author="Editor" w:date="2026-01-05T10:00:00Z"><w:r>'
            '<w:delText xml:space="preserve"> (subject to the Council agreeing otherwise)</w:delText></w:r></w:del>'
            + run(ar[i0:]) + "</w:p>")
    ad = s["Adur"]
    move_from = ("<w:p>" + run("Moved in review. ") + '<w:moveFromRangeStart w:id="203" w:author="Editor" w:name="mv2"/>'
                 f'<w:moveFrom w:id="204" w:author="Editor">{run(ad)}</w:moveFrom><w:moveFromRangeEnd w:id="203"/></w:p>')
    move_to = table([["Lot", "Rule"], ["Transport", '<w:p><w:moveToRangeStart w:id="205" w:author="Editor" w:name="mv2"/>'
                                       f'<w:moveTo w:id="206" w:author="Editor">{run(ad)}</w:moveTo>'
                                       '<w:moveToRangeEnd w:id="205"/></w:p>']])
    ro = s["Rother"]
    fmt = ('<w:p><w:pPr><w:pPrChange w:id="207" w:author="Editor" w:date="2026-01-05T10:00:00Z"><w:pPr>'
           '<w:jc w:val="center"/></w:pPr></w:pPrChange></w:pPr><w:r><w:rPr><w:b/><w:rPrChange w:id="208" '
           'w:author="Editor" w:date="2026-01-05T10:00:00Z"><w:rPr><w:i/></w:rPr></w:rPrChange></w:rPr>'
           f'<w:t xml:space="preserve">{escape(ro)}</w:t></w:r></w:p>')
    hidden_style = "<w:p>" + run("Drafting note. ") + run(s["Wensum"], '<w:rStyle w:val="DraftNote"/>') + "</w:p>"
    mark_only = f'<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr>{run(s["Yare"])}</w:p>'
    hidden_cell = table([["Lot", "Internal note"], ["Catering", "<w:p>" + run(s["Waveney"], "<w:vanish/>") + "</w:p>"]])
    ir = s["Irwell"]
    j = ir.index(" lot") + 4
    anchored = ("<w:p>" + run(ir[:j - 8]) + '<w:commentRangeStart w:id="3"/>' + run(ir[j - 8:j + 10])
                + '<w:commentRangeEnd w:id="3"/><w:r><w:commentReference w:id="3"/></w:r>' + run(ir[j + 10:]) + "</w:p>")
    lugg_anchor = ('<w:p><w:commentRangeStart w:id="2"/>' + run("The service starts in April.")
                   + '<w:commentRangeEnd w:id="2"/><w:r><w:commentReference w:id="2"/></w:r></w:p>')
    addin = ('<w:p>' + run("Standing is assessed as set out in the guidance ") + '<w:r><w:fldChar w:fldCharType="begin"/>'
             '</w:r><w:r><w:instrText xml:space="preserve"> ADDIN EN.CITE &lt;EndNote&gt;&lt;Cite&gt;&lt;Title&gt;'
             f'{escape(escape(s["Bleaklow"]))}&lt;/Title&gt;&lt;/Cite&gt;&lt;/EndNote&gt; </w:instrText></w:r>'
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run("(Council, 2025)")
             + '<w:r><w:fldChar w:fldCharType="end"/></w:r>' + run(".") + "</w:p>")
    deleted_para = ('<w:p><w:pPr><w:rPr><w:del w:id="209" w:author="Editor" w:date="2026-01-05T10:00:00Z"/></w:rPr>'
                    '</w:pPr><w:del w:id="210" w:author="Editor" w:date="2026-01-05T10:00:00Z"><w:r>'
                    f'<w:delText xml:space="preserve">{escape(s["Tryfan"])}</w:delText></w:r></w:del></w:p>')
    pkg = Package()
    pkg.comments({2: para(s["Lugg"]), 3: para("Check this wording with procurement.")})
    pkg.add("glossary/document.xml",
            f"<w:glossaryDocument {XNS}><w:docParts><w:docPart><w:docPartPr><w:name w:val=\"Lot rule\"/>"
            '<w:category><w:name w:val="General"/><w:gallery w:val="placeholder"/></w:category>'
            '<w:guid w:val="{6A0C1F2E-4D3B-4B8E-9C1A-0F0E1D2C3B4A}"/></w:docPartPr><w:docPartBody>'
            f"{para(s['Mersey'])}</w:docPartBody></w:docPart></w:docParts></w:glossaryDocument>",
            f"{REL}/glossaryDocument", f"{CT}.document.glossary+xml")
    body = "".join([
        para("Lot rules under review", style="Title"), para(INTRO), hyper, simple, ins, dele, move_from, fmt,
        hidden_style, mark_only, para(FILLER), hidden_cell, anchored, lugg_anchor, addin, deleted_para,
        PAGE_BREAK, para(FILLER), move_to, para(FILLER),
    ])
    styles = ('<w:style w:type="character" w:styleId="DraftNote"><w:name w:val="Draft note"/>'
              '<w:rPr><w:vanish/><w:color w:val="7F7F7F"/></w:rPr></w:style>')
    path = pkg.write(folder / "c-revisions.docx", body, sect(), styles=styles)
    return path, [
        CSpot("Itchen", it, page=1),
        CSpot("Medway", "Rule: " + s["Medway"], page=1),
        CSpot("Stour", st, page=1),
        CSpot("Arun", ar, page=1, shown=ar[:i0] + " (subject to the Council agreeing otherwise)" + ar[i0:]),
        CSpot("Adur", ad, page=2, moved=True),
        CSpot("Rother", ro, page=1),
        CSpot("Wensum", s["Wensum"], hidden=True, pdf=False),
        CSpot("Yare", s["Yare"], page=1),
        CSpot("Waveney", s["Waveney"], hidden=True, pdf=False),
        CSpot("Lugg", s["Lugg"], present=False, printed=False),
        CSpot("Irwell", ir, page=1),
        CSpot("Mersey", s["Mersey"], present=False, printed=False),
        CSpot("Bleaklow", s["Bleaklow"], present=False, printed=False),
        CSpot("Tryfan", s["Tryfan"], present=False, printed=True),
    ]


def _group(box_a: str, box_b: str) -> str:
    """Two text boxes grouped together (wpg), as Word writes a grouped shape, with a VML copy."""
    def wsp(i: int, x: int, content: str) -> str:
        return (f'<wps:wsp><wps:cNvPr id="{i}" name="Text Box {i}"/><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm>'
                f'<a:off x="{x}" y="0"/><a:ext cx="2600000" cy="1500000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
                '</a:prstGeom></wps:spPr><wps:txbx><w:txbxContent>' + content
                + '</w:txbxContent></wps:txbx><wps:bodyPr rot="0" vert="horz" wrap="square" anchor="t"/></wps:wsp>')

    def vml(x: int, content: str) -> str:
        return (f'<v:shape type="#_x0000_t202" style="position:absolute;left:{x};top:0;width:10400;height:21600">'
                f'<v:textbox><w:txbxContent>{content}</w:txbxContent></v:textbox></v:shape>')
    return ('<w:r><mc:AlternateContent><mc:Choice Requires="wpg"><w:drawing>'
            '<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="3" '
            'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
            '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
            '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
            '<wp:extent cx="5400000" cy="1500000"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>'
            '<wp:docPr id="50" name="Group 50"/><wp:cNvGraphicFramePr/><a:graphic>'
            '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"><wpg:wgp>'
            '<wpg:cNvGrpSpPr/><wpg:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="5400000" cy="1500000"/>'
            '<a:chOff x="0" y="0"/><a:chExt cx="5400000" cy="1500000"/></a:xfrm></wpg:grpSpPr>'
            + wsp(51, 0, box_a) + wsp(52, 2800000, box_b)
            + '</wpg:wgp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>'
            '<v:group id="_x0000_s1050" style="width:425pt;height:118pt" coordsize="21600,21600">'
            + vml(0, box_a) + vml(11200, box_b) + "</v:group></w:pict></mc:Fallback></mc:AlternateContent></w:r>")


def docx_shapes(folder: Path) -> tuple[Path, list[Spot]]:
    """Grouped text boxes, an old VML-only text box, a framed paragraph, and alt text."""
    s = _s(["Spey", "Tay", "Kinder", "Mendip", "Cairngorm"])
    group = "<w:p>" + run("The two lot panels are shown below.") + _group(
        para("Panel one.") + para(s["Spey"]), para("Panel two.") + para(s["Tay"])) + "</w:p>"
    vml_only = ('<w:p><w:r><w:pict><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" '
                'path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" '
                'o:connecttype="rect"/></v:shapetype><v:shape id="_x0000_s2001" type="#_x0000_t202" '
                'style="width:425pt;height:60pt"><v:textbox><w:txbxContent>' + para(s["Kinder"])
                + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>")
    framed = ('<w:p><w:pPr><w:framePr w:w="3600" w:hSpace="180" w:wrap="around" w:vAnchor="text" w:hAnchor="margin" '
              'w:xAlign="right" w:y="1"/><w:pBdr><w:top w:val="single" w:sz="4" w:space="1" w:color="000000"/>'
              '<w:bottom w:val="single" w:sz="4" w:space="1" w:color="000000"/></w:pBdr></w:pPr>'
              + run(s["Mendip"]) + "</w:p>")
    alt = text_box(para("Lot map: see annex A."), box_id=61).replace(
        'name="Text Box 61"', f'name="Text Box 61" descr="{escape(s["Cairngorm"])}"')
    body = "".join([para("Lot panels", style="Title"), para(INTRO), group, para(FILLER), vml_only, para(FILLER),
                    framed, para(FILLER + " " + FILLER), para(FILLER), "<w:p>" + run("Lot map.") + alt + "</w:p>",
                    para(FILLER)])
    path = Package().write(folder / "c-shapes.docx", body, sect())
    return path, [
        CSpot("Spey", s["Spey"], part="text box", page=1),
        CSpot("Tay", s["Tay"], part="text box", page=1),
        CSpot("Kinder", s["Kinder"], part="text box", page=1),
        CSpot("Mendip", s["Mendip"], page=1),
        CSpot("Cairngorm", s["Cairngorm"], present=False, printed=False),
    ]


NUMBERING = (f"<w:numbering {XNS}><w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"multilevel\"/>"
             '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>'
             '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl>'
             '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/>'
             '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1440" w:hanging="360"/></w:pPr></w:lvl>'
             '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')


def item(text: str, level: int = 0) -> str:
    return (f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr></w:pPr>'
            f"{run(text)}</w:p>")


STRADDLE_LINES = 50  # tuned so the Whernside sentence starts on the last line of page 2 (checked by the harness)
BOTTOM_LINES = 51  # tuned so page 4 ends with a full paragraph and Pendle opens page 5 (checked by the harness)


def docx_columns_lists(folder: Path) -> tuple[Path, list[Spot]]:
    """Three columns cut by column breaks, a continuous two-column section, numbered lists with
    generated numbers, a sentence straddling a page break under a running header and a page
    number, and a paragraph opening a page after one that ends exactly at the page bottom."""
    s = _s(["Helvellyn", "Skiddaw", "Snowdon", "Cheviot", "Blencathra", "Scafell", "Ingleborough",
            "Whernside", "Pendle"])
    col_br = '<w:p><w:r><w:br w:type="column"/></w:r></w:p>'
    pkg = Package()
    pkg.add("numbering.xml", NUMBERING, f"{REL}/numbering", f"{CT}.numbering+xml")
    h = pkg.hf("header", para("Invitation to tender: lot schedule"))
    f = pkg.hf("footer", '<w:p><w:pPr><w:jc w:val="center"/></w:pPr>' + run("Page ")
               + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE '
               '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run("1")
               + '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')
    refs = [("header", "default", h), ("footer", "default", f)]
    wh = s["Whernside"]
    lead = "The next lot rule applies to the northern area and is repeated in the contract terms. "
    body = "".join([
        para("Lot schedule", style="Title"), para(INTRO), sect_break(sect(refs, brk="continuous")),
        para("Column one: the standing of the bidder."), para(s["Helvellyn"]), col_br,
        para("Column two: security for the Council."), para(s["Skiddaw"]), col_br,
        para("Column three: experience."), para(s["Snowdon"]),
        sect_break(sect(refs, cols=3, brk="continuous")),
        para(FILLER), para(s["Cheviot"]), col_br, para(s["Blencathra"]), para(FILLER),
        sect_break(sect(refs, cols=2, brk="continuous")),
        para("The lot conditions are:"),
        item("The provider is registered with the regulator."),
        item(s["Scafell"]),
        item("The provider holds the insurances set out below:"),
        item("employer's liability of £5 million;", 1),
        item(s["Ingleborough"], 1),
        para(FILLER),
        PAGE_BREAK, *[tight(x) for x in LINES[:STRADDLE_LINES]],
        f'<w:p><w:pPr><w:widowControl w:val="0"/><w:spacing w:after="0"/></w:pPr>{run(lead + wh)}</w:p>',
        *[tight(x) for x in LINES[STRADDLE_LINES:STRADDLE_LINES + 5]],
        PAGE_BREAK, *[tight(x) for x in LINES[:BOTTOM_LINES]],
        tight(s["Pendle"]), para(FILLER),
    ])
    path = pkg.write(folder / "c-columns.docx", body, sect(refs, brk="continuous"))
    cut = wh.index(" lot") + 4  # the page breaks after "... The Whernside lot" (checked by the harness)
    return path, [
        CSpot("Helvellyn", s["Helvellyn"], page=1),
        CSpot("Skiddaw", s["Skiddaw"], page=1),
        CSpot("Snowdon", s["Snowdon"], page=1),
        CSpot("Cheviot", s["Cheviot"], page=1),
        CSpot("Blencathra", s["Blencathra"], page=1),
        CSpot("Scafell", s["Scafell"], page=1),
        CSpot("Ingleborough", s["Ingleborough"], page=1),
        CSpot("Whernside", wh, page=2, tail=wh[cut + 1:]),
        CSpot("Pendle", s["Pendle"], page=5),
    ]


BUILDERS = [docx_notes, docx_sections, docx_tables, docx_runs, docx_revisions, docx_shapes, docx_columns_lists]
