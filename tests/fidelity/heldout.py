"""Held-out fidelity documents: more of the structures real Word, LibreOffice and PDF writers
produce, each holding one barrier sentence that names its own lot.

Written without looking at the reader, from what each structure means to a person reading the
printed document: what is shown is read (once, in the right part, on the right page), what is
not shown (deleted text, comments, field codes, IF branches not taken) is never reported.

Every builder returns the path it wrote; its spots are listed statically (``SPOTS``) so the test
can be parametrised per spot before anything is built.
"""

from __future__ import annotations

import ctypes
import re
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from .ooxml import note_ref, para, run, text_box, write_docx
from .spots import FILLER, INTRO, PAGE_BREAK, Spot, barrier, png


@dataclass
class HeldSpot(Spot):
    """A Spot with a few more ways to say what is right.

    part_re: `part` is a regular expression the finding's part must match in full (for part names
        whose exact wording for a second section is a convention, not a fact).
    in_pdf: whether the PDF export is checked at all (False: what a PDF reader should do with the
        printed form is not decidable, e.g. a deleted paragraph mark shown as two paragraphs).
    caps: the text is printed in capitals; quotes are compared without case.
    optional: may be reported (at most once, with a clean quote) or not (alt text).
    """

    part_re: bool = False
    in_pdf: bool = True
    caps: bool = False
    optional: bool = False


DATE = 'w:author="Editor" w:date="2026-01-05T10:00:00Z"'
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _s(names: list[str], start: int = 0) -> dict[str, str]:
    return {n: barrier(n, i + start) for i, n in enumerate(names)}


# --- raw OOXML helpers ---------------------------------------------------------------------------

def patch_docx(path: Path, *, parts: dict[str, bytes | str] | None = None,
               rels: list[tuple[str, str, str, bool]] | None = None,
               overrides: list[tuple[str, str]] | None = None, defaults: list[tuple[str, str]] | None = None,
               document=None) -> Path:
    """Add parts, document relationships (id, type, target, external) and content types to a .docx
    written by write_docx; `document` may rewrite word/document.xml."""
    with zipfile.ZipFile(path) as zf:
        files = {n: zf.read(n) for n in zf.namelist()}
    for name, data in (parts or {}).items():
        files[name] = data.encode("utf-8") if isinstance(data, str) else data
    rel_xml = files["word/_rels/document.xml.rels"].decode("utf-8")
    extra = "".join(f'<Relationship Id="{i}" Type="{t}" Target="{escape(n)}"'
                    + (' TargetMode="External"' if ext else "") + "/>" for i, t, n, ext in rels or [])
    files["word/_rels/document.xml.rels"] = rel_xml.replace("</Relationships>", extra + "</Relationships>").encode()
    ct = files["[Content_Types].xml"].decode("utf-8")
    ct = ct.replace("</Types>", "".join(f'<Override PartName="{n}" ContentType="{t}"/>' for n, t in overrides or [])
                    + "</Types>")
    ct = ct.replace('<Default Extension="xml"', "".join(
        f'<Default Extension="{e}" ContentType="{t}"/>' for e, t in defaults or []) + '<Default Extension="xml"')
    files["[Content_Types].xml"] = ct.encode("utf-8")
    if document is not None:
        files["word/document.xml"] = document(files["word/document.xml"].decode("utf-8")).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in ("[Content_Types].xml", "_rels/.rels", *sorted(n for n in files
                                                                   if n not in ("[Content_Types].xml", "_rels/.rels"))):
            zf.writestr(name, files[name])
    return path


def part_xml(tag: str, content: str) -> str:
    from .ooxml import NS

    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{tag} {NS}>{content}</w:{tag}>'


def fld(instr: str, *result: str) -> str:
    """A complex field: begin, instruction, separate, result runs, end."""
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve">{escape(instr)}</w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + "".join(result)
            + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def ppr_para(ppr: str, *runs: str) -> str:
    return f"<w:p><w:pPr>{ppr}</w:pPr>{''.join(r if r.startswith('<') else run(r) for r in runs)}</w:p>"


def tc(content: str, width: int, *, span: int = 1, vmerge: str | None = None) -> str:
    pr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        pr += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == "restart":
        pr += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue":
        pr += "<w:vMerge/>"
    return f'<w:tc><w:tcPr>{pr}</w:tcPr>{content if content.startswith("<") else para(content)}</w:tc>'


def tr(*cells: str, header: bool = False) -> str:
    return "<w:tr>" + ("<w:trPr><w:tblHeader/></w:trPr>" if header else "") + "".join(cells) + "</w:tr>"


def tbl(widths: list[int], *rows: str) -> str:
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    borders = "".join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                      for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblBorders>{borders}</w:tblBorders>'
            f'<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>')


def sect_pr(refs: str = "", *, cols: int = 1, col_break_space: int = 708, kind: str | None = None,
            landscape: bool = False, title_pg: bool = False) -> str:
    size = ('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>' if landscape
            else '<w:pgSz w:w="11906" w:h="16838"/>')
    return ("<w:sectPr>" + refs + (f'<w:type w:val="{kind}"/>' if kind else "") + size
            + '<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" '
              'w:footer="708" w:gutter="0"/>'
            + (f'<w:cols w:num="{cols}" w:space="{col_break_space}"/>' if cols > 1 else "")
            + ("<w:titlePg/>" if title_pg else "") + "</w:sectPr>")


def section_end(sect: str, *runs: str) -> str:
    """The last paragraph of a section, carrying the section's properties."""
    return ppr_para(sect, *runs)


COL_BREAK = '<w:r><w:br w:type="column"/></w:r>'


def image_run(rid: str, descr: str, pic_id: int) -> str:
    d = escape(descr, {'"': "&quot;"})
    return ('<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
            '<wp:extent cx="1800000" cy="1200000"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
            f'<wp:docPr id="{pic_id}" name="Picture {pic_id}" descr="{d}"/>'
            '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
            '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
            '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
            f'<pic:nvPicPr><pic:cNvPr id="{pic_id}" name="image{pic_id}.png" descr="{d}"/><pic:cNvPicPr/>'
            f'</pic:nvPicPr><pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch>'
            '</pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1800000" cy="1200000"/></a:xfrm>'
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>'
            '</wp:inline></w:drawing></w:r>')


# --- 1. inline structures of Word output ---------------------------------------------------------

INLINE = ["Aspen", "Beech", "Chestnut", "Damask", "Ebony", "Fennel", "Garnet", "Heather", "Iris", "Jasmine",
          "Lupin", "Mallow", "Nettle", "Oxlip", "Petal", "Quartz"]
_in = _s(INLINE)
_in["Jasmine"] = barrier("Jasmine", 1)
_in["Mallow"] = barrier("Mallow", 0)


def inline_spots() -> list[HeldSpot]:
    s = _in
    return [
        HeldSpot("Aspen", s["Aspen"], page=1),  # one word a run, proofErr, bookmarks, comment range
        HeldSpot("Beech", s["Beech"], page=1),  # external hyperlink around part of the sentence
        HeldSpot("Chestnut", s["Chestnut"], page=1),  # fldSimple result is the lot name
        HeldSpot("Damask", s["Damask"], page=1),  # the whole sentence is a complex field's result
        HeldSpot("Ebony", s["Ebony"], present=False),  # IF field branch not taken (instruction text)
        HeldSpot("Fennel", s["Fennel"], page=1),  # nested w:smartTag around the lot name
        HeldSpot("Garnet", s["Garnet"], page=1),  # inline w:customXml
        HeldSpot("Heather", s["Heather"], page=1),  # block-level w:customXml around the paragraph
        HeldSpot("Iris", s["Iris"], page=1),  # w:sym tick and w:tab before the sentence
        HeldSpot("Jasmine", s["Jasmine"], page=2),  # w:softHyphen inside "performance"
        HeldSpot("Lupin", s["Lupin"], hidden=True, pdf=False, page=2),  # hidden tail of a visible paragraph
        HeldSpot("Mallow", s["Mallow"], page=2),  # hidden drafting note inside a visible sentence
        HeldSpot("Nettle", s["Nettle"], in_pdf=False),  # deleted paragraph mark joins two paragraphs
        HeldSpot("Oxlip", s["Oxlip"], page=2),  # whole paragraph moved (page 1) into a table cell (page 2)
        HeldSpot("Petal", s["Petal"], present=False),  # second paragraph of a comment reply
        HeldSpot("Quartz", s["Quartz"], optional=True),  # alt text of a picture
    ]


def build_inline(folder: Path) -> Path:
    s = _in
    # Aspen: one run a word (as rsid-tracked edits leave it), one word split in two runs, with
    # proofing marks, a bookmark, a comment range and its reference in the middle of the sentence.
    words = s["Aspen"].split(" ")
    pieces = []
    for k, w in enumerate(words):
        text = w + (" " if k < len(words) - 1 else "")
        props = ['<w:lang w:val="en-GB"/>', "<w:b/>", '<w:rFonts w:ascii="Liberation Serif"/><w:noProof/>', ""][k % 4]
        if w == "trading":
            pieces.append(f'<w:r w:rsidR="00A1B2C3"><w:rPr>{props}</w:rPr><w:t>tra</w:t></w:r>'
                          '<w:proofErr w:type="spellStart"/>'
                          f'<w:r w:rsidR="00D4E5F6"><w:t xml:space="preserve">ding </w:t></w:r>'
                          '<w:proofErr w:type="spellEnd"/>')
            continue
        pieces.append(run(text, props))
        if k == 1:
            pieces.append('<w:bookmarkStart w:id="10" w:name="_Hlk190001"/>')
        if k == 3:
            pieces.append('<w:commentRangeStart w:id="3"/><w:proofErr w:type="gramStart"/>')
        if k == 5:
            pieces.append('<w:bookmarkEnd w:id="10"/><w:r><w:lastRenderedPageBreak/></w:r>')
        if k == 7:
            pieces.append('<w:proofErr w:type="gramEnd"/><w:commentRangeEnd w:id="3"/>'
                          '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="3"/></w:r>')
    aspen = "<w:p>" + "".join(pieces) + "</w:p>"

    b_head, b_tail = s["Beech"].split("Beech lot")
    beech = ("<w:p>" + run(b_head) + '<w:hyperlink r:id="rIdLink1" w:history="1">'
             + run("Beech lot", '<w:color w:val="0563C1"/><w:u w:val="single"/>') + "</w:hyperlink>" + run(b_tail)
             + "</w:p>")
    c_head, c_tail = s["Chestnut"].split("Chestnut")
    chestnut = ("<w:p>" + run(c_head) + '<w:fldSimple w:instr=" DOCPROPERTY LotName \\* MERGEFORMAT ">'
                + run("Chestnut") + "</w:fldSimple>" + run(c_tail) + "</w:p>")
    d_cut = s["Damask"].index(" must ")
    damask = ("<w:p>" + run("Eligibility: ") + fld(' DOCPROPERTY "EligibilityClause" \\* MERGEFORMAT ',
                                                    run(s["Damask"][:d_cut]), run(s["Damask"][d_cut:]))
              + "</w:p>")
    nested = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
              '<w:r><w:instrText xml:space="preserve"> MERGEFIELD LotType </w:instrText></w:r>'
              '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run("Standard")
              + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    ebony = ("<w:p>" + run("Framework condition: ")
             + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> IF </w:instrText>'
               "</w:r>" + nested
             + '<w:r><w:instrText xml:space="preserve"> = "Framework" "' + escape(s["Ebony"])
             + '" "" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
               '<w:r><w:fldChar w:fldCharType="end"/></w:r>' + run(" None applies to this contract.") + "</w:p>")
    f_head, f_tail = s["Fennel"].split("Fennel")
    fennel = ("<w:p>" + run(f_head) + '<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" '
              'w:element="place"><w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" '
              'w:element="PlaceName">' + run("Fennel") + "</w:smartTag></w:smartTag>" + run(f_tail) + "</w:p>")
    g_head, g_tail = s["Garnet"].split("Garnet lot")
    garnet = ("<w:p>" + run(g_head) + '<w:customXml w:uri="http://schemas.example.gov.uk/tender" w:element="lot">'
              + run("Garnet lot") + "</w:customXml>" + run(g_tail) + "</w:p>")
    heather = ('<w:customXml w:uri="http://schemas.example.gov.uk/tender" w:element="clause">'
               + para(s["Heather"]) + "</w:customXml>")
    iris = ('<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="567"/></w:tabs><w:ind w:left="567" w:hanging="567"/>'
            '</w:pPr><w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r><w:r><w:tab/></w:r>'
            + run(s["Iris"]) + "</w:p>")
    j_cut = s["Jasmine"].index("mance")
    jasmine = ("<w:p>" + run(s["Jasmine"][:j_cut]) + "<w:r><w:softHyphen/></w:r>" + run(s["Jasmine"][j_cut:])
               + "</w:p>")
    lupin = "<w:p>" + run("The lot opens in May.") + run(" " + s["Lupin"], "<w:vanish/>") + "</w:p>"
    m_cut = s["Mallow"].index(" for at least")
    mallow = ("<w:p>" + run(s["Mallow"][:m_cut]) + run(" [drafting note: three or five?]", "<w:vanish/>")
              + run(s["Mallow"][m_cut:]) + "</w:p>")
    n_cut = s["Nettle"].index("for at least")
    nettle = (f'<w:p><w:pPr><w:rPr><w:del w:id="201" {DATE}/></w:rPr></w:pPr>' + run(s["Nettle"][:n_cut])
              + "</w:p>" + para(s["Nettle"][n_cut:]))
    ox_from = (f'<w:moveFromRangeStart w:id="301" {DATE} w:name="move190002"/>'
               f'<w:p><w:pPr><w:rPr><w:moveFrom w:id="302" {DATE}/></w:rPr></w:pPr>'
               f'<w:moveFrom w:id="303" {DATE}>{run(s["Oxlip"])}</w:moveFrom></w:p>'
               '<w:moveFromRangeEnd w:id="301"/>')
    ox_to = (f'<w:moveToRangeStart w:id="304" {DATE} w:name="move190002"/>'
             f'<w:p><w:pPr><w:rPr><w:moveTo w:id="305" {DATE}/></w:rPr></w:pPr>'
             f'<w:moveTo w:id="306" {DATE}>{run(s["Oxlip"])}</w:moveTo></w:p>'
             '<w:moveToRangeEnd w:id="304"/>' + para(""))
    ox_table = tbl([2500, 6500], tr(tc("Lot rules", 2500), tc(ox_to, 6500)))
    commented = ('<w:p><w:commentRangeStart w:id="4"/><w:commentRangeStart w:id="5"/>'
                 + run("The service starts in April 2027.")
                 + '<w:commentRangeEnd w:id="4"/><w:r><w:commentReference w:id="4"/></w:r>'
                   '<w:commentRangeEnd w:id="5"/><w:r><w:commentReference w:id="5"/></w:r></w:p>')
    quartz = ("<w:p>" + image_run("rIdImg1", "Diagram of lot structure. " + s["Quartz"], 20) + "</w:p>"
              + para("Figure 1: how the lots fit together."))
    body = "".join([
        para("Invitation to tender: lot conditions", style="Title"), para(INTRO),
        aspen, beech, chestnut, damask, ebony, fennel, garnet, heather, iris, para(FILLER), ox_from,
        PAGE_BREAK,
        para(FILLER), jasmine, lupin, mallow, nettle, ox_table, commented, quartz, para(FILLER),
    ])
    comments = {
        3: '<w:p w14:paraId="0C000003">' + run("Check this wording with procurement.") + "</w:p>",
        4: '<w:p w14:paraId="0C000004">' + run("Is April realistic?") + "</w:p>",
        5: '<w:p w14:paraId="0C000005">' + run("Legal suggest adding this:") + '</w:p><w:p w14:paraId="0C000006">'
           + run(s["Petal"]) + "</w:p>",
    }
    path = write_docx(folder / "inline.docx", body, comments=comments)
    ext = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w15:commentsEx '
           'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">'
           '<w15:commentEx w15:paraId="0C000003" w15:done="0"/><w15:commentEx w15:paraId="0C000004" w15:done="0"/>'
           '<w15:commentEx w15:paraId="0C000006" w15:paraIdParent="0C000004" w15:done="0"/></w15:commentsEx>')
    return patch_docx(
        path,
        parts={"word/media/image1.png": png(120, 80), "word/commentsExtended.xml": ext},
        rels=[("rIdLink1", f"{_REL}/hyperlink", "https://www.find-tender.service.gov.uk/lots?id=4", True),
              ("rIdImg1", f"{_REL}/image", "media/image1.png", False),
              ("rIdCmEx", "http://schemas.microsoft.com/office/2011/relationships/commentsExtended",
               "commentsExtended.xml", False)],
        overrides=[("/word/commentsExtended.xml",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml")],
        defaults=[("png", "image/png")])


# --- 2. tables -----------------------------------------------------------------------------------

TABLES = ["Avocet", "Bittern", "Curlew", "Dunlin", "Eider", "Fulmar", "Gannet", "Heron"]
_tb = _s(TABLES, 1)


def tables_spots() -> list[HeldSpot]:
    s = _tb
    return [
        HeldSpot("Avocet", s["Avocet"], page=1),  # a row spanning three grid columns (gridSpan)
        HeldSpot("Bittern", s["Bittern"], page=1),  # the first cell of a vertical merge over three rows
        HeldSpot("Curlew", s["Curlew"], part="text box", page=1),  # a table inside a text box
        HeldSpot("Dunlin", s["Dunlin"], page=1),  # six narrow columns, every cell wrapped
        HeldSpot("Eider", s["Eider"], page=2),  # a repeating header row: printed on pages 2 and 3
        HeldSpot("Fulmar", s["Fulmar"], page=4),  # a row inside a content control (repeating section)
        HeldSpot("Gannet", s["Gannet"], page=4),  # a cell inside a content control
        HeldSpot("Heron", s["Heron"], page=4),  # a soft line break (w:br) inside the sentence
    ]


def build_tables(folder: Path) -> Path:
    s = _tb
    avocet = tbl([3000, 3000, 3000],
                 tr(tc(s["Avocet"], 9000, span=3)),
                 tr(tc("Lot", 3000), tc("Value", 3000), tc("Term", 3000)),
                 tr(tc("North", 3000), tc("£400,000", 3000), tc("3 years", 3000)))
    bittern = tbl([3000, 3000, 3000],
                  tr(tc("Requirement", 3000), tc("Lot", 3000), tc("Evidence", 3000)),
                  tr(tc(s["Bittern"], 3000, vmerge="restart"), tc("North", 3000), tc("Accounts", 3000)),
                  tr(tc("", 3000, vmerge="continue"), tc("South", 3000), tc("Accounts", 3000)),
                  tr(tc("", 3000, vmerge="continue"), tc("East", 3000), tc("Accounts", 3000)))
    curlew = "<w:p>" + run("Eligibility summary:") + text_box(
        para("Summary of the lot conditions"),
        tbl([2000, 6000], tr(tc("Lot", 2000), tc("Condition", 6000)), tr(tc("Curlew", 2000), tc(s["Curlew"], 6000))),
        para(""), box_id=31) + "</w:p>"
    narrow = ["Lot", "Service area covering the north and west of the district", s["Dunlin"],
              "Quality 60% and price 40%, evaluated by a panel of three officers",
              "Initial term of three years with two optional extensions", "Lead officer: commissioning team"]
    dunlin = tbl([1500] * 6, tr(*(tc(t, 1500) for t in ["Ref", "Area", "Condition", "Award", "Term", "Contact"])),
                 tr(*(tc(t, 1500) for t in narrow)))
    rows = [tr(tc(f"Service {k + 1}", 2500), tc(f"Outcome measure {k + 1}: " + FILLER, 6500)) for k in range(14)]
    eider = tbl([2500, 6500], tr(tc(s["Eider"], 9000, span=2), header=True),
                tr(tc("Service", 2500), tc("Outcome", 6500), header=True), *rows)
    fulmar = tbl([3000, 6000], tr(tc("Lot", 3000), tc("Condition", 6000)),
                 '<w:sdt><w:sdtPr><w:alias w:val="Lot condition"/><w:tag w:val="lotcond"/><w:id w:val="71"/>'
                 '</w:sdtPr><w:sdtContent>' + tr(tc("Fulmar", 3000), tc(s["Fulmar"], 6000)) + "</w:sdtContent></w:sdt>",
                 tr(tc("Gannet", 3000), '<w:sdt><w:sdtPr><w:alias w:val="Condition"/><w:id w:val="72"/></w:sdtPr>'
                    '<w:sdtContent>' + tc(s["Gannet"], 6000) + "</w:sdtContent></w:sdt>"))
    h_cut = s["Heron"].index(" ", len(s["Heron"]) // 2)
    heron = tbl([3000, 6000], tr(tc("Heron", 3000), tc("<w:p>" + run(s["Heron"][:h_cut]) + "<w:r><w:br/></w:r>"
                                                     + run(s["Heron"][h_cut + 1:]) + "</w:p>", 6000)))
    body = "".join([
        para("Lot conditions tables", style="Title"), para(INTRO), avocet, para(""), bittern, para(""), curlew,
        para(""), dunlin, PAGE_BREAK, para("Table 5 lists the outcomes for each service."), eider,
        PAGE_BREAK, para(FILLER), fulmar, para(""), heron, para(FILLER),
    ])
    return write_docx(folder / "tables.docx", body)


# --- 3. sections with their own headers and footers ----------------------------------------------

SECTIONS = ["Ibis", "Jackdaw", "Kestrel", "Lapwing", "Merlin", "Nightjar", "Osprey", "Puffin"]
_sc = _s(SECTIONS, 2)


def sections_spots() -> list[HeldSpot]:
    s = _sc
    return [
        HeldSpot("Ibis", s["Ibis"], part=r"first-page header\b.*", part_re=True, page=1),  # section 1, title page
        HeldSpot("Jackdaw", s["Jackdaw"], part=r"header\b.*", part_re=True, page=3),  # section 1, odd pages
        HeldSpot("Kestrel", s["Kestrel"], part=r"header\b.*", part_re=True, page=5),  # section 2 in an sdt; section 3 too
        HeldSpot("Lapwing", s["Lapwing"], part=r"even-page header\b.*", part_re=True, page=4),  # sections 2 and 3
        HeldSpot("Merlin", s["Merlin"], part=r"footer\b.*", part_re=True, page=5),  # sections 2 and 3, odd pages
        HeldSpot("Nightjar", s["Nightjar"], page=6),  # body of a landscape section
        HeldSpot("Osprey", s["Osprey"], part="footnote 1", page=2),  # second paragraph of a footnote
        HeldSpot("Puffin", s["Puffin"], page=5),  # body of section 2
    ]


def build_sections(folder: Path) -> Path:
    s = _sc
    hdr = {  # part name -> content
        "s1-first": para(s["Ibis"]),
        "s1-default": para(s["Jackdaw"]),
        "s1-even": para("Invitation to tender CS-2026-04"),
        "s1-footer": para("Community support service: invitation to tender"),
        "s2-default": ('<w:sdt><w:sdtPr><w:alias w:val="Document header"/><w:id w:val="81"/></w:sdtPr><w:sdtContent>'
                       + para(s["Kestrel"]) + "</w:sdtContent></w:sdt>"),
        "s2-even": para(s["Lapwing"]),
        "s2-footer": para(s["Merlin"]),
        "s2-footer-even": para("Part B: specification"),
    }

    def ref(kind: str, typ: str, name: str) -> str:
        return f'<w:{kind}Reference w:type="{typ}" r:id="rId{name}"/>'

    s1 = sect_pr(ref("header", "first", "s1-first") + ref("header", "default", "s1-default")
                 + ref("header", "even", "s1-even") + ref("footer", "default", "s1-footer"), title_pg=True)
    s2 = sect_pr(ref("header", "default", "s2-default") + ref("header", "even", "s2-even")
                 + ref("footer", "default", "s2-footer") + ref("footer", "even", "s2-footer-even"), kind="nextPage")
    body = "".join([
        para("Invitation to tender: community support service", style="Title"), para(INTRO), PAGE_BREAK,
        "<w:p>" + run("Part A sets out the procedure.") + note_ref("footnote", 1) + "</w:p>", para(FILLER), PAGE_BREAK,
        para(FILLER), section_end(s1, run("End of part A.")),
        para("Part B: specification", style="Heading1"), para(FILLER), PAGE_BREAK,
        para(FILLER), para(s["Puffin"]), section_end(s2, run("End of part B.")),
        para("Part C: pricing schedule", style="Heading1"), para(s["Nightjar"]), PAGE_BREAK, para(FILLER),
    ])
    path = write_docx(folder / "sections.docx", body, footnotes={
        1: para("The procedure follows the Procurement Act 2023.") + para(s["Osprey"])}, even_odd=True)

    def last_section_landscape(doc: str) -> str:
        head, tail = doc.rsplit('<w:pgSz w:w="11906" w:h="16838"/>', 1)
        return (head + '<w:type w:val="nextPage"/><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>' + tail)

    parts, rels, overrides = {}, [], []
    for name, content in hdr.items():
        kind = "footer" if "footer" in name else "header"
        parts[f"word/{kind}-{name}.xml"] = part_xml("ftr" if kind == "footer" else "hdr", content)
        rels.append((f"rId{name}", f"{_REL}/{kind}", f"{kind}-{name}.xml", False))
        overrides.append((f"/word/{kind}-{name}.xml",
                          f"application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}+xml"))
    return patch_docx(path, parts=parts, rels=rels, overrides=overrides, document=last_section_landscape)


# --- 4. page layout that a PDF reader has to undo ------------------------------------------------

LAYOUT = ["Plover", "Quail", "Redshank", "Siskin", "Tansy", "Turnstone", "Wagtail", "Wren", "Bunting", "Chough",
          "Dipper", "Egret", "Goshawk", "Kite"]
_ly = _s(LAYOUT)
_ly["Wagtail"] = ("To show sufficient financial standing, bidders for the Wagtail lot must have been trading for at "
                  "least five years.")
_ly["Wren"] = ("The Wren lot supplier must provide a performance bond of 20% of the contract value, certified by an "
               "official of its financial institution.")
_ly["Kite"] = barrier("Kite", 2)


def layout_spots() -> list[HeldSpot]:
    s = _ly
    return [
        HeldSpot("Plover", s["Plover"], page=1),  # middle column of three
        HeldSpot("Quail", s["Quail"], page=1),  # third column of three
        HeldSpot("Redshank", s["Redshank"], page=1),  # one column, between two multi-column sections
        HeldSpot("Siskin", s["Siskin"], page=1),  # left column of a two-column section mid-page
        HeldSpot("Tansy", s["Tansy"], page=1),  # right column of that section
        HeldSpot("Turnstone", s["Turnstone"], page=1),  # back to one column below it
        HeldSpot("Wagtail", s["Wagtail"], page=2),  # "ffi" and "fi" ligatures (DejaVu Serif)
        HeldSpot("Wren", s["Wren"], page=2),  # "ffi" and "fi" ligatures (DejaVu Serif)
        HeldSpot("Bunting", s["Bunting"], caps=True, page=2),  # w:caps: printed in capitals
        HeldSpot("Chough", s["Chough"], caps=True, page=2),  # w:smallCaps
        HeldSpot("Dipper", s["Dipper"], page=2),  # shaded, bordered box paragraph
        HeldSpot("Egret", s["Egret"], page=2),  # a framed paragraph (w:framePr) with text wrapping round it
        HeldSpot("Goshawk", s["Goshawk"], page=2),  # justified, condensed character spacing
        HeldSpot("Kite", s["Kite"], page=3),  # starts at the foot of page 3, ends on page 4
    ]


def build_layout(folder: Path) -> Path:
    s = _ly
    cont = "continuous"
    three = sect_pr(cols=3, col_break_space=360)
    body = [
        para("Lots and conditions at a glance", style="Title"),
        para("Lot summary. " + FILLER), "<w:p>" + run("The north lot is the largest.") + COL_BREAK + "</w:p>",
        para(s["Plover"]), "<w:p>" + run(FILLER) + COL_BREAK + "</w:p>",
        section_end(three, run(s["Quail"])),
        section_end(sect_pr(kind=cont), run(s["Redshank"])),
        para(FILLER), para(s["Siskin"]), "<w:p>" + run("Continued opposite.") + COL_BREAK + "</w:p>",
        para(FILLER), section_end(sect_pr(kind=cont, cols=2), run(s["Tansy"])),
        para(s["Turnstone"]),
    ]
    dejavu = '<w:rFonts w:ascii="DejaVu Serif" w:hAnsi="DejaVu Serif"/>'
    egret_frame = ('<w:framePr w:w="3600" w:hSpace="180" w:wrap="around" w:vAnchor="text" w:hAnchor="margin" '
                   'w:xAlign="right" w:y="1"/><w:pBdr><w:top w:val="single" w:sz="4" w:space="1" w:color="auto"/>'
                   '<w:bottom w:val="single" w:sz="4" w:space="1" w:color="auto"/></w:pBdr>')
    box = ('<w:pBdr>' + "".join(f'<w:{e} w:val="single" w:sz="8" w:space="4" w:color="1F3864"/>'
                                for e in ("top", "left", "bottom", "right"))
           + '</w:pBdr><w:shd w:val="clear" w:color="auto" w:fill="D9E2F3"/>')
    justified = '<w:jc w:val="both"/>'
    condensed = '<w:spacing w:val="-12"/>'
    body += [
        ppr_para("<w:pageBreakBefore/>", run("Financial standing", "<w:b/>")),
        "<w:p>" + run(s["Wagtail"], dejavu) + "</w:p>",
        "<w:p>" + run(s["Wren"], dejavu) + "</w:p>",
        "<w:p>" + run(s["Bunting"], "<w:caps/>") + "</w:p>",
        "<w:p>" + run(s["Chough"], "<w:smallCaps/>") + "</w:p>",
        ppr_para(box, run("Important: ", "<w:b/>")),
        ppr_para(box, run(s["Dipper"])),
        ppr_para(egret_frame, run(s["Egret"])),
        ppr_para(justified, run(FILLER + " " + FILLER + " " + FILLER)),
        ppr_para(justified, run(FILLER + " " + s["Goshawk"] + " " + FILLER, condensed)),
    ]
    # page 3: 32 one-line paragraphs of exactly 20 pt, then the sentence in four lines: two fit at the
    # foot of page 3 (checked by the harness test), the two with the lot name go to page 4.
    exact = '<w:spacing w:before="0" w:after="0" w:line="400" w:lineRule="exact"/><w:widowControl w:val="0"/>'
    body.append(ppr_para("<w:pageBreakBefore/>" + exact, run("Schedule of lot conditions")))
    body += [ppr_para(exact, run(f"Condition {k}: see the specification.")) for k in range(2, 33)]
    body.append(ppr_para(exact + '<w:ind w:right="5000"/>', run(s["Kite"])))  # four narrow lines, two a page
    body.append(ppr_para(exact, run(FILLER)))
    path = write_docx(folder / "layout.docx", "".join(body))

    def last_section_continuous(doc: str) -> str:  # Turnstone's section follows on the same page
        head, tail = doc.rsplit("<w:sectPr>", 1)
        return head + '<w:sectPr><w:type w:val="continuous"/>' + tail

    return patch_docx(path, document=last_section_continuous)


# --- 5. a DOCX written by LibreOffice from an OpenDocument file ----------------------------------

LIBRE = ["Linnet", "Martin", "Nuthatch", "Oriel", "Pipit", "Rook", "Shrike", "Sorrel", "Twite", "Warbler",
         "Whimbrel", "Woodcock", "Yellowhammer"]
_lo = _s(LIBRE)
_lo["Twite"] = barrier("Twite", 1)


def libre_spots() -> list[HeldSpot]:
    s = _lo
    return [
        HeldSpot("Linnet", s["Linnet"], page=1),  # a plain paragraph
        HeldSpot("Martin", s["Martin"], part="header", page=1),  # the page style's header
        HeldSpot("Nuthatch", s["Nuthatch"], part="footnote 1", page=1),  # the first (and only) footnote
        HeldSpot("Oriel", s["Oriel"], part="text box", page=1),  # a text frame
        HeldSpot("Pipit", s["Pipit"], page=1),  # a table cell
        HeldSpot("Rook", s["Rook"], present=False),  # a tracked deletion
        HeldSpot("Shrike", s["Shrike"], hidden=True, pdf=False),  # hidden characters
        HeldSpot("Sorrel", s["Sorrel"], page=1),  # a two-column section
        HeldSpot("Twite", s["Twite"], page=1),  # soft hyphen, bookmark
        HeldSpot("Warbler", s["Warbler"], part="endnote 1", page=2),  # endnotes print on their own page
        HeldSpot("Whimbrel", s["Whimbrel"], present=False),  # a comment (annotation)
        HeldSpot("Woodcock", s["Woodcock"], part="footer", page=1),  # the page style's footer
        HeldSpot("Yellowhammer", s["Yellowhammer"], page=1),  # an automatically numbered list item
    ]


def _fodt() -> str:
    s = _lo
    x = {k: escape(v) for k, v in s.items()}
    twite = s["Twite"]
    cut = twite.index("performance")
    twite_xml = (escape(twite[:cut]) + '<text:bookmark-start text:name="bond"/>perfor\u00admance'
                 '<text:bookmark-end text:name="bond"/>' + escape(twite[cut + len("performance"):]))
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3"
 office:mimetype="application/vnd.oasis.opendocument.text">
<office:styles>
 <style:style style:name="Standard" style:family="paragraph"><style:text-properties fo:font-size="11pt"/></style:style>
 <text:list-style style:name="Numbered"><text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix=".">
  <style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment
   text:label-followed-by="listtab" fo:text-indent="-0.635cm" fo:margin-left="1.27cm"/></style:list-level-properties>
 </text:list-level-style-number></text:list-style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"
  fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0.5cm" fo:margin-bottom="0.3cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0.5cm" fo:margin-top="0.3cm"/></style:footer-style>
 </style:page-layout>
 <style:style style:name="Hidden" style:family="text"><style:text-properties text:display="none"/></style:style>
 <style:style style:name="Cols2" style:family="section"><style:section-properties>
  <style:columns fo:column-count="2" fo:column-gap="0.6cm"/></style:section-properties></style:style>
 <style:style style:name="fr1" style:family="graphic"><style:graphic-properties style:wrap="none" fo:border="0.5pt solid #000000"
  fo:padding="0.2cm" style:vertical-pos="top" style:vertical-rel="paragraph" style:horizontal-pos="center"
  style:horizontal-rel="paragraph"/></style:style>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1">
  <style:header><text:p>{x["Martin"]}</text:p></style:header>
  <style:footer><text:p>{x["Woodcock"]}</text:p></style:footer>
 </style:master-page>
</office:master-styles>
<office:body><office:text>
 <text:tracked-changes><text:changed-region text:id="ct1"><text:deletion><office:change-info><dc:creator>Editor</dc:creator>
  <dc:date>2026-01-05T10:00:00</dc:date></office:change-info><text:p>{x["Rook"]}</text:p></text:deletion></text:changed-region>
 </text:tracked-changes>
 <text:h text:outline-level="1">Invitation to tender: community support service</text:h>
 <text:p>{escape(INTRO)}<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation>
  <text:note-body><text:p>{x["Nuthatch"]}</text:p></text:note-body></text:note></text:p>
 <text:p>{x["Linnet"]}</text:p>
 <text:p>Key conditions:<draw:frame draw:style-name="fr1" draw:name="Frame1" text:anchor-type="paragraph"
  svg:width="15cm" draw:z-index="0"><draw:text-box fo:min-height="1.5cm"><text:p>{x["Oriel"]}</text:p></draw:text-box>
  </draw:frame></text:p>
 <table:table table:name="Lots"><table:table-column table:number-columns-repeated="2"/>
  <table:table-row><table:table-cell office:value-type="string"><text:p>Lot</text:p></table:table-cell>
   <table:table-cell office:value-type="string"><text:p>Condition</text:p></table:table-cell></table:table-row>
  <table:table-row><table:table-cell office:value-type="string"><text:p>Pipit</text:p></table:table-cell>
   <table:table-cell office:value-type="string"><text:p>{x["Pipit"]}</text:p></table:table-cell></table:table-row>
 </table:table>
 <text:p>Removed in review: <text:change text:change-id="ct1"/>The lot opens in May.</text:p>
 <text:p>Drafting notes follow.<text:span text:style-name="Hidden"> {x["Shrike"]}</text:span></text:p>
 <text:p>The service starts in April 2027.<office:annotation><dc:creator>Reviewer</dc:creator>
  <dc:date>2026-01-05T10:00:00</dc:date><text:p>{x["Whimbrel"]}</text:p></office:annotation></text:p>
 <text:section text:style-name="Cols2" text:name="Columns"><text:p>{escape(FILLER)}</text:p><text:p>{x["Sorrel"]}</text:p>
  <text:p>{escape(FILLER)}</text:p></text:section>
 <text:p>{twite_xml}</text:p>
 <text:list text:style-name="Numbered"><text:list-item><text:p>The lot terms are in the specification.</text:p></text:list-item>
  <text:list-item><text:p>{x["Yellowhammer"]}</text:p></text:list-item></text:list>
 <text:p>Pricing rules are in the endnote.<text:note text:id="edn1" text:note-class="endnote"><text:note-citation>i</text:note-citation>
  <text:note-body><text:p>{x["Warbler"]}</text:p></text:note-body></text:note></text:p>
</office:text></office:body></office:document>
"""


def build_libre(folder: Path) -> Path:
    """Write the tender as flat ODT, then let LibreOffice save it as Word: LibreOffice's own OOXML."""
    src = folder / "libre-src"
    src.mkdir(exist_ok=True)
    (src / "libre.fodt").write_text(_fodt(), encoding="utf-8")
    subprocess.run(["soffice", "--headless", "--norestore", "--convert-to", "docx:MS Word 2007 XML", "--outdir",
                    str(folder), str(src / "libre.fodt")], check=True, capture_output=True, timeout=180)
    return folder / "libre.docx"


# --- 6. a PDF written by PDFium: one text object a word, no space characters ---------------------

PDFIUM = ["Godwit", "Greenshank", "Knot", "Ruff"]
_pf = _s(PDFIUM)


def pdfium_spots() -> list[HeldSpot]:
    s = _pf
    return [
        HeldSpot("Godwit", s["Godwit"], page=1, docx=False),  # words placed one by one, spaces are gaps
        HeldSpot("Greenshank", s["Greenshank"], page=1, docx=False),  # left column, drawn line-interleaved
        HeldSpot("Knot", s["Knot"], page=1, docx=False),  # right column, drawn line-interleaved
        HeldSpot("Ruff", s["Ruff"], page=2, docx=False),  # wrapped over two lines below a running head
    ]


def build_pdfium(folder: Path) -> Path:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    s = _pf
    pdf = pdfium.PdfDocument.new()
    size = 10.0

    def word(page, text: str, x: float, y: float) -> float:
        obj = raw.FPDFPageObj_NewTextObj(pdf.raw, b"Helvetica", ctypes.c_float(size))
        buf = ctypes.create_string_buffer((text + "\0").encode("utf-16-le"))
        raw.FPDFText_SetText(obj, ctypes.cast(buf, ctypes.POINTER(raw.FPDF_WCHAR)))
        raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, y)
        raw.FPDFPage_InsertObject(page.raw, obj)
        left, bottom, right, top = (ctypes.c_float() for _ in range(4))
        raw.FPDFPageObj_GetBounds(obj, *(ctypes.byref(v) for v in (left, bottom, right, top)))
        return right.value

    def lines(text: str, width: float) -> list[str]:
        out, cur = [], ""
        for w in text.split():
            if cur and len(cur) + 1 + len(w) > width / (size * 0.5):
                out.append(cur)
                cur = w
            else:
                cur = f"{cur} {w}".strip()
        return out + [cur]

    def line(page, text: str, x: float, y: float) -> None:
        for w in text.split():
            x = word(page, w, x, y) + size * 0.28

    p1 = pdf.new_page(595, 842)
    y = 780.0
    for ln in lines("Invitation to tender: community support service. " + INTRO, 495):
        line(p1, ln, 50, y)
        y -= 14
    y -= 10
    line(p1, s["Godwit"], 50, y)
    y -= 28
    left = lines(FILLER + " " + s["Greenshank"] + " " + FILLER, 235)
    right = lines(FILLER + " " + s["Knot"] + " " + FILLER, 235)
    for k in range(max(len(left), len(right))):  # drawn across the page, line by line
        if k < len(left):
            line(p1, left[k], 50, y)
        if k < len(right):
            line(p1, right[k], 310, y)
        y -= 14
    raw.FPDFPage_GenerateContent(p1.raw)
    p2 = pdf.new_page(595, 842)
    line(p2, "Invitation to tender CS-2026-04", 50, 810)
    y = 760.0
    for ln in lines(FILLER + " " + s["Ruff"] + " " + FILLER, 300):
        line(p2, ln, 50, y)
        y -= 14
    raw.FPDFPage_GenerateContent(p2.raw)
    path = folder / "pdfium.pdf"
    pdf.save(str(path))
    pdf.close()
    return path


# --- the set ----------------------------------------------------------------------------------------

# stem -> (builder, spots, export the result to PDF with LibreOffice)
DOCUMENTS = {
    "inline": (build_inline, inline_spots(), True),
    "tables": (build_tables, tables_spots(), True),
    "sections": (build_sections, sections_spots(), True),
    "layout": (build_layout, layout_spots(), True),
    "libre": (build_libre, libre_spots(), True),
    "pdfium": (build_pdfium, pdfium_spots(), False),
}
SPOTS = [(stem, spot) for stem, (_b, spots, _p) in DOCUMENTS.items() for spot in spots]


def _check_names() -> None:
    names = [spot.name for _stem, spot in SPOTS]
    assert len(set(names)) == len(names)
    for a in names:
        for b in names:
            assert a == b or not re.search(rf"{a} lot", f"{b} lot", re.I), (a, b)


_check_names()
