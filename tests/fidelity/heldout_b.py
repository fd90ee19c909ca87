"""A second held-out fidelity set: barrier sentences in more of the places real Word and LibreOffice
output puts text, written without looking at the reader.

Same conventions as spots.py: each spot's lot name (birds and plants not used there) appears only in
its own sentence; `Spot` says whether it must be reported exactly once, from which DOCX part, and on
which page of the LibreOffice PDF export. Each builder writes one document with `write_docx` and then
adds what it cannot write (numbering, several sections, a glossary, custom XML) with `_patch`.

Each Spot's `page` (and `STRADDLES` / `ENDS_PAGE`) records the layout the spot was designed for, as
LibreOffice 7.4 lays it out; the harness checks it against PDFium's own text, so a change in
LibreOffice's layout shows up as a harness failure, not as a reader failure.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from .ooxml import NS, note_ref, run, text_box, write_docx
from .spots import INTRO, PAGE_BREAK, Spot, barrier

_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
A4 = '<w:pgSz w:w="11906" w:h="16838"/>'
A4_LANDSCAPE = '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>'
MARGINS = ('<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" '
           'w:gutter="0"/>')

# Spots whose sentence is laid out across a page break on purpose: (page it starts on, page it ends on).
STRADDLES: dict[str, tuple[int, int]] = {"Fieldfare": (4, 5)}
# Spots whose sentence is the last text of its page: the page.
ENDS_PAGE: dict[str, int] = {"Osprey": 2}

FILLERS = [
    "The provider will work with local partners to help people stay well and independent at home.",
    "Referrals will come from the Council's adult social care teams, GPs and voluntary groups.",
    "The service will be open on weekdays from 9am to 5pm, with an out-of-hours telephone line.",
    "People using the service will be asked each year how well it meets their needs.",
    "The provider will keep records in line with the Council's information governance policy.",
    "Staff will be trained in safeguarding adults at a level suited to their role.",
    "Quarterly reports will cover referrals, waiting times, outcomes and complaints.",
    "The Council will meet the provider each quarter to review performance.",
]


def filler(k: int) -> str:
    return FILLERS[k % len(FILLERS)]


def p(*runs: str, ppr: str = "") -> str:
    """A paragraph with raw pPr content; plain strings become runs."""
    body = "".join(r if r.startswith("<") else run(r) for r in runs)
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{body}</w:p>"


def tc(content: str, width: int, *, span: int = 1, vmerge: str | None = None, shade: bool = False) -> str:
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == "restart":
        props += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue":
        props += "<w:vMerge/>"
    if shade:
        props += '<w:shd w:val="clear" w:color="auto" w:fill="D9D9D9"/>'
    if not content.startswith("<"):
        content = p(content)
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{content}</w:tc>"


def tr(*cells: str, header: bool = False, cant_split: bool = False) -> str:
    props = ("<w:tblHeader/>" if header else "") + ("<w:cantSplit/>" if cant_split else "")
    return f"<w:tr>{f'<w:trPr>{props}</w:trPr>' if props else ''}{''.join(cells)}</w:tr>"


def tbl(widths: list[int], *rows: str, float_pr: str = "") -> str:
    borders = "".join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                      for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (f'<w:tbl><w:tblPr>{float_pr}<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblBorders>{borders}'
            f'</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}'
            "</w:tbl>")


def sect(*, refs: str = "", size: str = A4, kind: str = "nextPage", cols: int = 1) -> str:
    return (f'<w:sectPr>{refs}<w:type w:val="{kind}"/>{size}{MARGINS}'
            + (f'<w:cols w:num="{cols}" w:space="708"/>' if cols > 1 else "") + "</w:sectPr>")


def _patch(path: Path, *, parts: dict[str, tuple[str, str | None, str]] | None = None,
           document=None) -> Path:
    """Add parts to a written package: name -> (xml, relationship type from the main document or
    None, content type); `document` rewrites word/document.xml."""
    with zipfile.ZipFile(path) as zf:
        files = {n: zf.read(n).decode("utf-8") for n in zf.namelist()}
    for name, (xml, rel, ctype) in (parts or {}).items():
        files[name] = xml
        if rel:
            target = name.removeprefix("word/")
            rid = "rIdB" + re.sub(r"\W", "", target)
            files["word/_rels/document.xml.rels"] = files["word/_rels/document.xml.rels"].replace(
                "</Relationships>", f'<Relationship Id="{rid}" Type="{rel}" Target="{target}"/></Relationships>')
        files["[Content_Types].xml"] = files["[Content_Types].xml"].replace(
            "</Types>", f'<Override PartName="/{name}" ContentType="{ctype}"/></Types>')
    if document:
        files["word/document.xml"] = document(files["word/document.xml"])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in ("[Content_Types].xml", "_rels/.rels", *sorted(set(files) - {"[Content_Types].xml", "_rels/.rels"})):
            zf.writestr(name, files[name])
    return path


def _hdr(xml: str, tag: str = "hdr") -> str:
    return f"{_HEAD}<w:{tag} {NS}>{xml}</w:{tag}>"


# --- numbering, lists and typography -------------------------------------------------------------

NUMBERING = (
    f'{_HEAD}<w:numbering {NS}>'
    # Clause numbering with the word "Clause" in the level text, as many ITT templates define it.
    '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Clause %1."/>'
    '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1134" w:hanging="1134"/></w:pPr><w:rPr><w:b/></w:rPr></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Clause %1.%2"/>'
    '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1418" w:hanging="1418"/></w:pPr></w:lvl></w:abstractNum>'
    # A plain "1." list with a wide hanging indent.
    '<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="singleLevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>'
    '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="851" w:hanging="851"/></w:pPr></w:lvl></w:abstractNum>'
    # Word's default bullet: the Symbol font's private-use bullet character.
    '<w:abstractNum w:abstractNumId="2"><w:multiLevelType w:val="hybridMultilevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/>'
    '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr>'
    '<w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol" w:hint="default"/></w:rPr></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
    '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>'
    '</w:numbering>')


def num(level: int, num_id: int) -> str:
    return f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'


def docx_lists(folder: Path) -> tuple[Path, list[Spot]]:
    """Automatic clause numbers with a custom level text, a hanging-indent list, bullets, headings
    (keep-with-next; bold at body size), tight single spacing, right-aligned, centred and expanded
    text, a drop cap, a footnote reference mid-sentence and a manual line break mid-sentence."""
    s = {n: barrier(n, i) for n, i in [("Bittern", 0), ("Buckthorn", 2), ("Bugle", 1), ("Campion", 0),
                                         ("Chough", 1), ("Corncrake", 2), ("Cowslip", 2), ("Crane", 2),
                                         ("Cuckoo", 1), ("Curlew", 0), ("Daisy", 0), ("Skylark", 2)]}
    tight = '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
    daisy_a, daisy_b = s["Daisy"].split(" for at least")
    sky_a, sky_b = s["Skylark"].split(" kind for ")
    curlew_rest = s["Curlew"].removeprefix("B")
    body = "".join([
        p("Invitation to tender: day opportunities", ppr='<w:pStyle w:val="Title"/>'),
        p(INTRO),
        p("Eligibility", ppr=num(0, 1)),
        p(filler(0), ppr=num(1, 1)),
        p(s["Bittern"], ppr=num(1, 1)),
        p(filler(1), ppr=num(1, 1)),
        p("Tender documents", ppr=num(0, 1)),
        p("Bidders should note the following.", ppr=num(1, 1)),
        p(filler(2) + " " + filler(3), ppr=num(0, 2)),
        p(s["Buckthorn"], ppr=num(0, 2)),
        p(filler(4), ppr=num(0, 2)),
        p("The lot conditions include:"),
        p(filler(5), ppr=num(0, 3)),
        p(s["Bugle"], ppr=num(0, 3)),
        p(filler(6), ppr=num(0, 3)),
        "".join(p(filler(k)) for k in range(7, 19)),
        p("Selection criteria", ppr='<w:pStyle w:val="Heading1"/><w:keepNext/>'),
        p(s["Campion"]),
        p(run("Financial standing", "<w:b/>")),
        p(s["Chough"]),
        p(filler(2), ppr=tight), p(filler(3), ppr=tight), p(s["Corncrake"], ppr=tight),
        p(filler(4), ppr=tight), p(filler(5), ppr=tight),
        p(filler(6)),
        p(s["Cowslip"], ppr='<w:jc w:val="right"/>'),
        p(s["Crane"], ppr='<w:jc w:val="center"/>'),
        p(run("Note: ", "<w:b/>"), run(s["Cuckoo"], '<w:spacing w:val="30"/>')),
        PAGE_BREAK,
        p(run("B", '<w:position w:val="-9"/><w:sz w:val="107"/>'),
          ppr='<w:keepNext/><w:framePr w:dropCap="drop" w:lines="3" w:wrap="around" w:vAnchor="text" '
              'w:hAnchor="text"/><w:spacing w:after="0" w:line="804" w:lineRule="exact"/>'
              '<w:textAlignment w:val="baseline"/>'),
        p(curlew_rest + " " + filler(0) + " " + filler(1)),
        p(daisy_a, note_ref("footnote", 1), " for at least" + daisy_b + " " + filler(2)),
        p(sky_a + " kind", "<w:r><w:br/></w:r>", "for " + sky_b),
        p(filler(3)),
    ])
    path = write_docx(folder / "lists.docx", body,
                      footnotes={1: p("Trading is counted from the date the organisation was registered.")})
    _patch(path, parts={"word/numbering.xml": (NUMBERING, f"{_REL}/numbering", f"{_CT}.numbering+xml")})
    spots = [
        Spot("Bittern", s["Bittern"], page=1), Spot("Buckthorn", s["Buckthorn"], page=1),
        Spot("Bugle", s["Bugle"], page=1), Spot("Campion", s["Campion"], page=2),
        Spot("Chough", s["Chough"], page=2), Spot("Corncrake", s["Corncrake"], page=2),
        Spot("Cowslip", s["Cowslip"], page=2), Spot("Crane", s["Crane"], page=2),
        Spot("Cuckoo", s["Cuckoo"], page=2), Spot("Curlew", s["Curlew"], page=3),
        Spot("Daisy", s["Daisy"], page=3), Spot("Skylark", s["Skylark"], page=3),
    ]
    return path, spots


# --- tables --------------------------------------------------------------------------------------

# How many filler paragraphs come before the quality table, so that its Q2 row (and the sentence in
# it) is split by the page break.
FIELDFARE_FILL = 27


def docx_tables(folder: Path) -> tuple[Path, list[Spot]]:
    """A requirements table whose two header rows repeat on every page, a nested table in a merged
    cell, a row split by the page break, a footnote reference in a cell, two floating tables side by
    side and a landscape page with a wide table."""
    s = {n: barrier(n, i) for n, i in [("Dunlin", 0), ("Eider", 1), ("Fieldfare", 2), ("Gannet", 1),
                                         ("Goldcrest", 0), ("Goosander", 2), ("Grebe", 1), ("Greenshank", 2)]}
    w2 = [1800, 7226]
    req = tbl(w2,
              tr(tc(p(run("Note: ", "<w:b/>"), s["Dunlin"]), 9026, span=2, shade=True), header=True),
              tr(tc(p(run("Ref", "<w:b/>")), 1800, shade=True), tc(p(run("Requirement", "<w:b/>")), 7226,
                                                                   shade=True), header=True),
              *[tr(tc(f"R{k + 1}", 1800), tc(filler(k) + " " + filler(k + 3), 7226)) for k in range(34)])
    nested = tbl([4513, 4513],
                 tr(tc("Lot", 4513), tc("Standard", 4513)),
                 tr(tc(p("Minimum standards for the lot:") + tbl([1800, 6000],
                                                                 tr(tc("Lot", 1800), tc("Standard", 6000)),
                                                                 tr(tc("Eider", 1800), tc(s["Eider"], 6000)))
                       + p(""), 9026, span=2, vmerge="restart")),
                 tr(tc(p(""), 9026, span=2, vmerge="continue")),
                 tr(tc("Contact", 4513), tc("procurement@council.example.gov.uk", 4513)))
    split_cell = (p(filler(0) + " " + filler(1)) + p(filler(2) + " " + filler(3)) + p(s["Fieldfare"])
                  + p(filler(4) + " " + filler(5)))
    split = tbl(w2, tr(tc("Ref", 1800), tc("Quality requirement", 7226), header=True),
                tr(tc("Q1", 1800), tc(filler(6) + " " + filler(7), 7226)),
                tr(tc("Q2", 1800), tc(split_cell, 7226)),
                tr(tc("Q3", 1800), tc(filler(1), 7226)))
    cell_note = tbl(w2, tr(tc("Lot", 1800), tc("Condition", 7226)),
                    tr(tc("Goldcrest", 1800), tc(p(s["Goldcrest"], note_ref("footnote", 1)), 7226)))

    def floating(x: str, rows: list[tuple[str, str]]) -> str:
        pr = (f'<w:tblpPr w:leftFromText="142" w:rightFromText="142" w:vertAnchor="text" w:horzAnchor="margin" '
              f'w:tblpXSpec="{x}" w:tblpY="1"/>')
        return tbl([1300, 3000], *[tr(tc(a, 1300), tc(b, 3000)) for a, b in rows], float_pr=pr)
    side = (floating("left", [("Lot", "Goosander"), ("Minimum", s["Goosander"]), ("Notes", filler(0))])
            + floating("right", [("Lot", "Grebe"), ("Minimum", filler(1)), ("Security", s["Grebe"])]))
    wide = tbl([1800, 2600, 2600, 2500, 4458],
               tr(*[tc(p(run(h, "<w:b/>")), w, shade=True) for h, w in
                    [("Lot", 1800), ("Service", 2600), ("Area", 2600), ("Value", 2500), ("Minimum requirement", 4458)]],
                  header=True),
               tr(tc("Greenshank", 1800), tc("Day opportunities", 2600), tc("North and east", 2600),
                  tc("£1.2 million a year", 2500), tc(s["Greenshank"], 4458)),
               tr(tc("Other lots", 1800), tc("Respite", 2600), tc("South", 2600), tc("£0.8 million a year", 2500),
                  tc(filler(3), 4458)))
    body = "".join([
        p("Schedule 2: requirements", ppr='<w:pStyle w:val="Title"/>'), p(INTRO), req, p(""),
        p("Lot standards are set out below."), nested, p(""),
        "".join(p(filler(k)) for k in range(FIELDFARE_FILL)),
        split, p(""),
        p("Lot conditions."), cell_note, p(""),
        PAGE_BREAK,
        p("The two lots compared."), side, p(""),
        "".join(p(filler(k)) for k in range(4, 12)),
        p("The pricing summary follows on a landscape page.", ppr=sect()),
        p("Pricing summary", ppr='<w:pStyle w:val="Heading1"/>'), wide,
        p("", ppr=sect(size=A4_LANDSCAPE)),
        p(filler(5)),
    ])
    path = write_docx(folder / "tables.docx", body,
                      footnotes={1: p(s["Gannet"])})
    spots = [
        Spot("Dunlin", "Note: " + s["Dunlin"], page=1), Spot("Eider", s["Eider"], page=3),
        Spot("Fieldfare", s["Fieldfare"], page=4), Spot("Gannet", s["Gannet"], part="footnote 1", page=5),
        Spot("Goldcrest", s["Goldcrest"], page=5), Spot("Goosander", s["Goosander"], page=6),
        Spot("Grebe", s["Grebe"], page=6), Spot("Greenshank", s["Greenshank"], page=7),
    ]
    return path, spots


# --- inline markup: tracked changes, fields, content controls, bookmarks ---------------------------

GLOSSARY_DOCPART = "DefaultPlaceholder_-1854013440"


def _glossary(hoopoe: str) -> str:
    def part(name: str, gallery: str, guid: str, xml: str) -> str:
        return (f'<w:docPart><w:docPartPr><w:name w:val="{name}"/><w:category><w:name w:val="General"/>'
                f'<w:gallery w:val="{gallery}"/></w:category><w:behaviors><w:behavior w:val="content"/></w:behaviors>'
                f'<w:guid w:val="{{{guid}}}"/></w:docPartPr><w:docPartBody>{xml}</w:docPartBody></w:docPart>')
    return (f"{_HEAD}<w:glossaryDocument {NS}><w:docParts>"
            + part(GLOSSARY_DOCPART, "placeholder", "6E1B4C3A-1111-4C4B-9E0B-5D2F3A1B2C01",
                   p(run("Click or tap here to enter text.", '<w:rStyle w:val="PlaceholderText"/>')))
            + part("Standard eligibility clause", "autoTxt", "6E1B4C3A-2222-4C4B-9E0B-5D2F3A1B2C02", p(hoopoe))
            + "</w:docParts></w:glossaryDocument>")


def docx_markup(folder: Path) -> tuple[Path, list[Spot]]:
    """A word replaced by tracked change (deletion beside insertion); a HYPERLINK field whose result is
    several runs in a w:hyperlink and whose screen tip (field code) holds a sentence; a showing
    placeholder content control and an unused building block in the glossary; tabs with a dot leader;
    bookmarks across paragraphs and inside a word; complex-script run properties; a smart tag; a
    simple field; a soft hyphen; a framed side note; block custom XML; and the document's only
    sectPr in its last paragraph."""
    s = {n: barrier(n, i) for n, i in [("Hawthorn", 0), ("Heron", 1), ("Hornbeam", 0), ("Holly", 2),
                                         ("Hoopoe", 1), ("Jackdaw", 0), ("Kestrel", 1), ("Kingfisher", 2),
                                         ("Raven", 0), ("Redshank", 1), ("Reedmace", 1), ("Siskin", 2),
                                         ("Teasel", 0), ("Lapwing", 1)]}
    date = 'w:author="Procurement" w:date="2026-02-02T09:00:00Z"'
    hawthorn = s["Hawthorn"].split(" five ")
    hawthorn_p = ("<w:p>" + run(hawthorn[0] + " ")
                  + f'<w:del w:id="201" {date}><w:r><w:delText xml:space="preserve">three</w:delText></w:r></w:del>'
                  + f'<w:ins w:id="202" {date}>{run("five")}</w:ins>' + run(" " + hawthorn[1]) + "</w:p>")
    heron = s["Heron"].split(" ")
    heron_p = ("<w:p>" + run("Lot security: ")
               + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
               + '<w:r><w:instrText xml:space="preserve"> HYPERLINK "https://www.find-tender.service.gov.uk/" </w:instrText></w:r>'
               + f'<w:r><w:instrText xml:space="preserve">\\o "{escape(s["Hornbeam"])}" </w:instrText></w:r>'
               + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
               + '<w:hyperlink w:anchor="security" w:history="1">'
               + "".join(run(w + " ", '<w:rStyle w:val="Hyperlink"/><w:color w:val="0563C1"/><w:u w:val="single"/>')
                         for w in heron[:-1])
               + run(heron[-1], '<w:rStyle w:val="Hyperlink"/><w:color w:val="0563C1"/><w:u w:val="single"/>')
               + "</w:hyperlink>"
               + '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')
    holly_p = ("<w:sdt><w:sdtPr><w:alias w:val=\"Track record\"/><w:tag w:val=\"track\"/><w:id w:val=\"-1602213477\"/>"
               f'<w:placeholder><w:docPart w:val="{GLOSSARY_DOCPART}"/></w:placeholder><w:showingPlcHdr/>'
               "</w:sdtPr><w:sdtContent>"
               + p(run(s["Holly"], '<w:rStyle w:val="PlaceholderText"/><w:color w:val="808080"/>'))
               + "</w:sdtContent></w:sdt>")
    jackdaw_p = p("Q4.2", "<w:r><w:tab/></w:r>", "Eligibility", "<w:r><w:tab/></w:r>",
                  s["Jackdaw"], "<w:r><w:tab/></w:r>", "Pass/Fail",
                  ppr='<w:tabs><w:tab w:val="left" w:pos="851"/><w:tab w:val="left" w:pos="2268"/>'
                      '<w:tab w:val="right" w:leader="dot" w:pos="9026"/></w:tabs><w:ind w:left="2268" w:hanging="2268"/>')
    kestrel = s["Kestrel"]
    kestrel_ps = (p('<w:bookmarkStart w:id="11" w:name="_Toc190000001"/>', run("Bonds and guarantees"),
                    ppr='<w:pStyle w:val="Heading1"/>')
                  + p(run(kestrel[:8]), '<w:bookmarkStart w:id="12" w:name="_Ref190000002"/>',
                      run(kestrel[8:16]), '<w:bookmarkEnd w:id="11"/>', run(kestrel[16:]))
                  + p(run(filler(1)), '<w:bookmarkEnd w:id="12"/>'))
    cs = '<w:rFonts w:cs="Arial"/><w:szCs w:val="22"/><w:rtl w:val="0"/><w:cs/>'
    king = s["Kingfisher"].split(" delivered ")
    kingfisher_p = p(run(king[0] + " delivered ", '<w:rFonts w:cs="Arial"/><w:szCs w:val="22"/>'),
                     run(king[1], cs), ppr='<w:bidi w:val="0"/>')
    raven = s["Raven"].split("Raven")
    raven_p = p(run(raven[0]), '<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="PlaceName">'
                + '<w:smartTagPr><w:attr w:name="type" w:val="lot"/></w:smartTagPr>' + run("Raven") + "</w:smartTag>",
                run(raven[1]))
    redshank_p = p(run("Performance security: "),
                   '<w:fldSimple w:instr=" HYPERLINK &quot;https://www.gov.uk/government/publications&quot; ">'
                   + run(s["Redshank"], '<w:color w:val="0563C1"/><w:u w:val="single"/>') + "</w:fldSimple>")
    reed = s["Reedmace"].split("performance")
    reedmace_p = p(run(reed[0] + "per"), "<w:r><w:softHyphen/></w:r>", run("formance" + reed[1]))
    siskin_p = p(run(s["Siskin"]),
                 ppr='<w:framePr w:w="3402" w:hSpace="181" w:wrap="around" w:vAnchor="text" w:hAnchor="margin" '
                     'w:xAlign="right" w:y="1"/><w:pBdr><w:top w:val="single" w:sz="4" w:space="1" w:color="auto"/>'
                     '<w:left w:val="single" w:sz="4" w:space="4" w:color="auto"/><w:bottom w:val="single" w:sz="4" '
                     'w:space="1" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="4" w:color="auto"/>'
                     '</w:pBdr><w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/>')
    teasel_p = ('<w:customXml w:uri="http://schemas.council.example.gov.uk/itt" w:element="requirement">'
                + p(s["Teasel"]) + "</w:customXml>")
    body = "".join([
        p("Instructions to tenderers", ppr='<w:pStyle w:val="Title"/>'), p(INTRO),
        hawthorn_p, p(filler(0)), heron_p, holly_p, jackdaw_p, kestrel_ps, p(filler(2)),
        kingfisher_p, raven_p, redshank_p, reedmace_p, siskin_p,
        p(filler(3) + " " + filler(4) + " " + filler(5) + " " + filler(6)),
        teasel_p, p(filler(7)),
        p(s["Lapwing"]),
    ])
    path = write_docx(folder / "markup.docx", body)

    def last_para_sectpr(xml: str) -> str:
        # Some generators put the document's only sectPr in the last paragraph's pPr, with none after it.
        m = re.search(r"<w:sectPr>.*?</w:sectPr>(?=</w:body>)", xml)
        assert m
        xml = xml.replace(m.group(0), "")
        last = xml.rindex("<w:p>")
        return xml[:last] + "<w:p><w:pPr>" + m.group(0) + "</w:pPr>" + xml[last + len("<w:p>"):]
    _patch(path, parts={"word/glossary/document.xml": (_glossary(s["Hoopoe"]), f"{_REL}/glossaryDocument",
                                                       f"{_CT}.document.glossary+xml")},
           document=last_para_sectpr)
    spots = [
        Spot("Hawthorn", s["Hawthorn"], page=1),
        Spot("Heron", "Lot security: " + s["Heron"], page=1),
        Spot("Hornbeam", s["Hornbeam"], present=False),
        # Placeholder text that is showing is what Word displays and prints, so a bidder reads it.
        Spot("Holly", s["Holly"], page=1),
        Spot("Hoopoe", s["Hoopoe"], present=False),
        Spot("Jackdaw", s["Jackdaw"], page=1),
        Spot("Kestrel", s["Kestrel"], page=1),
        Spot("Kingfisher", s["Kingfisher"], page=1),
        Spot("Raven", s["Raven"], page=1),
        Spot("Redshank", "Performance security: " + s["Redshank"], page=1),
        Spot("Reedmace", s["Reedmace"], page=1),
        Spot("Siskin", s["Siskin"], page=1),
        Spot("Teasel", s["Teasel"], page=1),
        Spot("Lapwing", s["Lapwing"], page=1),
    ]
    return path, spots


# --- a form laid out as one table ----------------------------------------------------------------

def docx_form(folder: Path) -> tuple[Path, list[Spot]]:
    """A selection questionnaire whose whole body is one table, as some councils lay out forms:
    label and answer cells, a full-width merged row, a vertically merged cell, rows inside a repeating
    content control and a cell inside a cell-level content control."""
    s = {n: barrier(n, i) for n, i in [("Magpie", 0), ("Mallow", 2), ("Marram", 1), ("Teal", 0),
                                         ("Thrift", 1)]}
    w = [2600, 6426]
    repeating = ('<w:sdt><w:sdtPr><w:alias w:val="Lot conditions"/><w:id w:val="118"/>'
                 '<w15:repeatingSection xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"/></w:sdtPr>'
                 '<w:sdtContent>'
                 + tr(tc("Condition A", 2600), tc(s["Teal"], 6426))
                 + tr(tc("Condition B", 2600), tc(filler(2), 6426))
                 + "</w:sdtContent></w:sdt>")
    cell_sdt = ('<w:sdt><w:sdtPr><w:alias w:val="Security"/><w:id w:val="119"/></w:sdtPr><w:sdtContent>'
                + tc(s["Thrift"], 6426) + "</w:sdtContent></w:sdt>")
    form = tbl(w,
               tr(tc(p(run("Selection questionnaire: part 3", '<w:b/><w:sz w:val="28"/>')), 9026, span=2, shade=True)),
               tr(tc("Organisation name", 2600), tc("", 6426)),
               tr(tc("Registered address", 2600), tc("", 6426)),
               tr(tc(p(run("Eligibility", "<w:b/>")), 2600), tc(s["Magpie"], 6426)),
               tr(tc(p(run("Guidance", "<w:b/>")) + p(s["Mallow"]) + p(filler(0)), 9026, span=2)),
               tr(tc(p(run("Financial standing", "<w:b/>")), 2600, vmerge="restart"), tc(s["Marram"], 6426)),
               tr(tc(p(""), 2600, vmerge="continue"), tc(filler(1), 6426)),
               repeating,
               tr(tc("Security", 2600), cell_sdt),
               tr(tc("Declaration", 2600), tc("I confirm that the information given is accurate.", 6426)))
    path = write_docx(folder / "form.docx", form + "<w:p/>")
    spots = [Spot("Magpie", s["Magpie"], page=1), Spot("Mallow", s["Mallow"], page=1),
             Spot("Marram", s["Marram"], page=1), Spot("Teal", s["Teal"], page=1),
             Spot("Thrift", s["Thrift"], page=1)]
    return path, spots


# --- page layout: sections, running heads, watermark, text box, columns ----------------------------

WATERMARK = (
    '<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr><w:r><w:pict>'
    '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" '
    'path="m@7,l@8,m@5,21600l@6,21600e"><v:path textpathok="t" o:connecttype="custom"/>'
    '<v:textpath on="t" fitshape="t"/></v:shapetype>'
    '<v:shape id="PowerPlusWaterMarkObject1" o:spid="_x0000_s2049" type="#_x0000_t136" '
    'style="position:absolute;margin-left:0;margin-top:0;width:467.95pt;height:187.15pt;rotation:315;z-index:-251657216;'
    'mso-position-horizontal:center;mso-position-horizontal-relative:margin;mso-position-vertical:center;'
    'mso-position-vertical-relative:margin" o:allowincell="f" fillcolor="silver" stroked="f">'
    '<v:fill opacity=".5"/><v:textpath style="font-family:&quot;Calibri&quot;;font-size:1pt" string="DRAFT"/>'
    '<w10:wrap xmlns:w10="urn:schemas-microsoft-com:office:word" anchorx="margin" anchory="margin"/>'
    '</v:shape></w:pict></w:r></w:p>')


def _side_box(content: str, box_id: int) -> str:
    """A text box Word anchors beside a paragraph: square wrap, to the right of the column."""
    return (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="45720" distB="45720" distL="114300" distR="114300" simplePos="0" relativeHeight="3" '
        'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="margin"><wp:align>right</wp:align></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        '<wp:extent cx="2160000" cy="1800000"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        '<wp:wrapSquare wrapText="bothSides"/>'
        f'<wp:docPr id="{box_id}" name="Text Box {box_id}"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2160000" cy="1800000"/>'
        '</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:ln><a:solidFill><a:srgbClr val="000000"/>'
        '</a:solidFill></a:ln></wps:spPr>'
        f'<wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>'
        '</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
        f'<mc:Fallback><w:pict><v:shape id="_x0000_s2{box_id}" type="#_x0000_t202" '
        'style="position:absolute;margin-left:0;margin-top:0;width:170pt;height:141.75pt;z-index:2;'
        'mso-position-horizontal:right;mso-position-horizontal-relative:margin"><v:textbox>'
        f'<w:txbxContent>{content}</w:txbxContent></v:textbox><w10:wrap xmlns:w10="urn:schemas-microsoft-com:office:word" '
        'type="square"/></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>')


# How many one-line paragraphs (tight spacing) fill page 2 down to the line before Osprey (one more
# pushes it to page 3).
OSPREY_FILL = 53
# How many filler paragraphs of the two-column section come before Pipit, so it is cut by the column end.
PIPIT_FILL = 8


def docx_layout(folder: Path) -> tuple[Path, list[Spot]]:
    """Section 1 (pages 1-3): a DRAFT watermark and a requirement in its header; section 2 (from page
    4): a different header with a text box; one footer on every page; a text box beside a paragraph;
    a requirement that ends page 2 exactly; a two-column continuous section cut mid-sentence."""
    s = {n: barrier(n, i) for n, i in [("Merlin", 0), ("Nightjar", 1), ("Linnet", 2), ("Nuthatch", 1),
                                         ("Osprey", 0), ("Pipit", 2), ("Plover", 0), ("Ptarmigan", 1)]}
    tight = '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
    short = ["Referrals come from the Council's teams.", "The service is open on weekdays.",
             "Records are kept in line with policy.", "Staff are trained in safeguarding.",
             "Reports are made each quarter."]
    body = "".join([
        p("Specification: community support service", ppr='<w:pStyle w:val="Title"/>'), p(INTRO),
        p(filler(0) + " " + filler(1)), p(s["Plover"]), p(filler(2) + " " + filler(3)),
        p(_side_box(p(run("Key requirement", "<w:b/>")) + p(s["Ptarmigan"]), 41),
          run(" ".join(filler(k) for k in range(4, 12)))),
        p(filler(4) + " " + filler(5)),
        PAGE_BREAK,
        "".join(p(short[k % len(short)], ppr=tight) for k in range(OSPREY_FILL)),
        p(s["Osprey"], ppr=tight),
        # The next paragraph flows onto page 3, where section 1 ends (first header with the watermark,
        # and the footer).
        p(filler(6) + " " + filler(7),
          ppr=tight + sect(refs='<w:headerReference w:type="default" r:id="rIdheaderdefault"/>'
                                '<w:footerReference w:type="default" r:id="rIdfooterdefault"/>')),
        # Section 2 starts on page 4 with its own header; its footer is inherited.
        p("Section 2: delivery", ppr='<w:pStyle w:val="Heading1"/>'),
        p(INTRO),
        p("The delivery requirements follow in two columns.",
          ppr=sect(refs='<w:headerReference w:type="default" r:id="rIdBheader2xml"/>', kind="nextPage")),
        "".join(p(filler(k) + " " + filler(k + 1)) for k in range(PIPIT_FILL)),
        p(filler(3) + " " + s["Pipit"]),
        "".join(p(filler(k) + " " + filler(k + 2)) for k in range(PIPIT_FILL, PIPIT_FILL + 14)),
    ])
    header2 = p(s["Nightjar"]) + "<w:p>" + text_box(p(s["Linnet"]), box_id=42) + "</w:p>"
    path = write_docx(folder / "layout.docx", body, headers={"default": WATERMARK + p(s["Merlin"])},
                      footers={"default": p(s["Nuthatch"])}, columns=2)

    def continuous(xml: str) -> str:
        # The body's own sectPr (the two-column section) follows section 2 on the same page.
        return xml.replace('<w:sectPr><w:headerReference w:type="default" r:id="rIdheaderdefault"/>'
                           '<w:footerReference w:type="default" r:id="rIdfooterdefault"/><w:pgSz',
                           '<w:sectPr><w:type w:val="continuous"/><w:pgSz')
    _patch(path, parts={"word/header2.xml": (_hdr(header2), f"{_REL}/header", f"{_CT}.header+xml")},
           document=continuous)
    spots = [
        Spot("Merlin", s["Merlin"], part="header", page=1),
        Spot("Nightjar", s["Nightjar"], part="header", page=4),
        Spot("Linnet", s["Linnet"], part="text box in header", page=4),
        Spot("Nuthatch", s["Nuthatch"], part="footer", page=1),
        Spot("Osprey", s["Osprey"], page=2),
        Spot("Pipit", s["Pipit"], page=4),
        Spot("Plover", s["Plover"], page=1),
        Spot("Ptarmigan", s["Ptarmigan"], part="text box", page=1),
    ]
    return path, spots


BUILDERS = (docx_lists, docx_tables, docx_markup, docx_form, docx_layout)
