"""Held-out fidelity set F: tender packs built the way a council officer's Word template builds them.

Most of each document is written through python-docx's own API (Heading 1-3, List Number, List
Bullet, 'Table Grid' tables, section headers and footers, a different first page, even-page
footers, page breaks, landscape sections); raw WordprocessingML is added only where python-docx
cannot write it (footnotes, text boxes, tracked changes, content controls, multi-level clause
numbering, line breaks inside a paragraph).

Five documents, each eight pages or more: an Invitation to Tender, a Service Specification, a
Pricing Schedule with a landscape price table, a Selection Questionnaire with Pass/Fail tables and a
draft Contract with clauses numbered 1.1, 1.1.1, (a), (i). A barrier sentence (spots.barrier) is
hidden in each tricky place; each lot name (mountain ranges and capes) appears only in its spot.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from . import ooxml as O
from .spots import Spot, barrier

FRAG_NS = O.NS.replace(' mc:Ignorable="w14"', "")
AUTHOR = 'w:author="K. Okafor" w:date="2026-02-10T09:30:00Z"'
_ids = itertools.count(700)
SMALL = '<w:sz w:val="18"/>'


@dataclass
class FSpot(Spot):
    """A spot with what the export must show around it, checked by the harness self-check.

    `where` describes the place. `printed` lists (page, text) pairs the PDF export must print: the
    tail of a sentence cut by a page break on the next page, the start of a table row on the page
    before, and so on (whitespace-insensitive).
    """

    where: str = ""
    printed: tuple[tuple[int, str], ...] = field(default_factory=tuple)


# ---------------------------------------------------------------------------------------------
# Realistic tender prose (none of it names a lot)
# ---------------------------------------------------------------------------------------------

GENERAL = [
    "Northmoor Borough Council (the Council) is seeking to appoint a provider to deliver a community support "
    "service for adults with care and support needs living in the borough.",
    "This Invitation to Tender sets out the information bidders need to prepare and submit a tender.",
    "The procurement is being conducted under the light touch regime of the Public Contracts Regulations 2015.",
    "The Council reserves the right to amend the timetable by issuing a clarification notice through the portal.",
    "All communication with the Council during the procurement must be made through the e-tendering portal.",
    "Bidders should read all of the tender documents carefully before preparing their response.",
    "Tenders received after the deadline will not be opened unless the delay is caused by a failure of the "
    "portal.",
    "The Council will not reimburse any costs incurred by bidders in preparing or submitting a tender.",
    "Clarification questions may be submitted until ten days before the deadline for tenders.",
    "Responses to clarification questions will be anonymised and shared with all bidders.",
    "Bidders must not canvass any member or officer of the Council in connection with this procurement.",
    "The Council is committed to working with the voluntary, community and social enterprise sector.",
    "Small and medium-sized enterprises and new mutuals are encouraged to respond to this opportunity.",
    "The successful bidder will be expected to take part in a mobilisation meeting within two weeks of award.",
    "The Council publishes details of all contracts over five thousand pounds in its transparency register.",
    "Bidders should note that the Council is subject to the Freedom of Information Act 2000.",
    "Any information that a bidder considers commercially sensitive should be clearly identified as such.",
    "The evaluation panel will include officers from adult social care, finance and public health.",
    "Scores will be moderated by the panel and the moderated score will be final.",
    "The Council intends to award the contract to the most advantageous tender on the basis of quality and "
    "price.",
]

SPEC = [
    "The service will support people to live as independently as possible in their own homes and communities.",
    "Support will be person-centred and will be planned with each person and, where they wish, their family.",
    "The provider will maintain an up-to-date support plan for every person using the service.",
    "Support plans will be reviewed at least every six months or sooner if a person's needs change.",
    "The provider will work closely with social workers, community nurses and general practitioners.",
    "The service will operate between 8am and 8pm, seven days a week, including bank holidays.",
    "Referrals will be made by the Council's adult social care teams using the agreed referral form.",
    "The provider will acknowledge each referral within one working day and make first contact within three.",
    "Staff will receive induction training in line with the Care Certificate before working alone.",
    "The provider will have a clear process for raising and responding to safeguarding concerns.",
    "People using the service will be supported to take part in activities that matter to them.",
    "The provider will collect feedback from people using the service at least once a quarter.",
    "Outcomes will be measured using the outcome framework set out in Appendix 2.",
    "The provider will submit a quarterly monitoring return within fifteen working days of each quarter end.",
    "Contract review meetings will be held every quarter in the first year and every six months thereafter.",
    "The provider will make reasonable adjustments so that the service is accessible to everyone who needs it.",
    "Information will be provided in plain English and in other formats and languages on request.",
    "The provider will keep accurate records in line with data protection legislation.",
]

PRICE = [
    "Bidders must complete every yellow cell of the price tables in pounds sterling, excluding VAT.",
    "Prices must include all costs of delivering the service, including travel, training and management.",
    "Hourly rates will be fixed for the first year of the contract and reviewed annually thereafter.",
    "Any annual uplift will be agreed with reference to the National Living Wage and the Consumer Prices Index.",
    "The quantities shown are estimates for evaluation purposes only and are not a commitment by the Council.",
    "The Council will pay for the hours of support actually delivered, as recorded by the electronic system.",
    "Invoices will be paid within thirty days of receipt of a valid and undisputed invoice.",
    "Bidders must not alter the structure or the formulae of the price tables.",
    "An abnormally low price may be investigated before any tender is rejected.",
]

SQ = [
    "This Selection Questionnaire follows the standard questionnaire published by the Cabinet Office.",
    "Part 1 asks for information about the bidder and any group it is bidding with.",
    "Part 2 contains the exclusion grounds, which apply to every member of a consortium and to key subcontractors.",
    "Part 3 asks for information about the bidder's economic and financial standing and technical ability.",
    "Questions marked Pass/Fail will be assessed on the information provided in the response.",
    "A bidder that fails any Pass/Fail question may be excluded from the rest of the evaluation.",
    "Where a question does not apply to the bidder, please write Not applicable and give a short reason.",
    "The Council may ask for supporting evidence at any stage of the procurement.",
    "Bidders should answer each question in the response box provided.",
    "Please keep each answer within the word limit shown; text beyond the limit will not be read.",
]

LEGAL = [
    "The headings in this Contract are for convenience only and do not affect its interpretation.",
    "References to a statute include any subordinate legislation made under it, as amended from time to time.",
    "Words in the singular include the plural and words in the plural include the singular.",
    "The Provider shall perform the Services with the skill, care and diligence of a competent provider.",
    "The Provider shall comply with all applicable law and with the Council's policies notified to it.",
    "The Council shall pay the Charges in accordance with Schedule 3 on receipt of a valid invoice.",
    "Each party shall keep the other party's confidential information secret and use it only for this Contract.",
    "Nothing in this Contract creates a partnership or joint venture between the parties.",
    "The Provider shall maintain complete and accurate records of the Services for six years after expiry.",
    "Either party may refer a dispute to the dispute resolution procedure in Schedule 6.",
    "The Provider shall notify the Council promptly of any event that may affect delivery of the Services.",
    "Any variation to this Contract shall be agreed in writing and signed by both parties.",
    "The Provider shall process personal data only on the documented instructions of the Council.",
    "This Contract is governed by the law of England and Wales.",
]


FINE = ["Tenders must be written in English.", "Prices are in pounds sterling.", "Late tenders are not opened.",
        "Each answer is scored separately.", "Answers are read by the whole panel.", "Variant bids are not accepted.",
        "Parts of a bid may be clarified.", "The decision will be notified in writing."]


GUIDE = [
    "The guidance below explains how the answers to this section will be read.",
    "Contract examples should describe services of a similar scale and complexity to this contract.",
    "Each example should give the name of the customer and the value and dates of the contract.",
    "The panel will check the examples against the description of the service in the Specification.",
    "Referees may be contacted by the Council before the contract is awarded.",
    "Please give the name, role and contact details of a referee for each example.",
    "Examples may be drawn from contracts delivered by a member of a consortium.",
    "Please describe the outcomes achieved and how they were measured.",
    "The panel will read the examples in the order in which they are given.",
    "Please do not attach documents that are not asked for in this section.",
]


def fine(n: int) -> str:
    """Short sentences: a fine knob that moves the next sentence along the line."""
    return " ".join(FINE[j % len(FINE)] for j in range(n))


def prose(pool: list[str], k: int, n: int) -> str:
    return " ".join(pool[(k + j) % len(pool)] for j in range(n))


# ---------------------------------------------------------------------------------------------
# python-docx helpers, and raw OOXML only where python-docx has no API
# ---------------------------------------------------------------------------------------------

def raw(fragment: str):
    """Parse one WordprocessingML element written as text (namespaces added)."""
    tag = re.match(r"<([\w:]+)", fragment).group(1)
    return parse_xml(fragment.replace(f"<{tag}", f"<{tag} {FRAG_NS}", 1))


def new_doc(title: str) -> docx.document.Document:
    d = docx.Document()
    sec = d.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(sec, side, Cm(2.5))
    sec.header_distance = sec.footer_distance = Cm(1.25)
    normal = d.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    for name in ("Heading 1", "Heading 2", "Heading 3", "Title", "Subtitle"):
        d.styles[name].font.name = "Arial"
    d.core_properties.title = title
    d.core_properties.author = "Procurement Services"
    return d


def page_field(p, instr: str = "PAGE", shown: str = "1") -> None:
    p._p.append(raw(f'<w:fldSimple w:instr=" {instr} "><w:r><w:t>{shown}</w:t></w:r></w:fldSimple>'))


def standard_footer(footer, label: str) -> None:
    p = footer.paragraphs[0]
    p.text = f"{label}    Page "
    page_field(p)
    p.add_run(" of ")
    page_field(p, "NUMPAGES", "9")
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def ins(text: str) -> str:
    return f'<w:ins w:id="{next(_ids)}" {AUTHOR}>{O.run(text)}</w:ins>'


def dele(text: str) -> str:
    return (f'<w:del w:id="{next(_ids)}" {AUTHOR}><w:r><w:delText xml:space="preserve">{escape(text)}'
            "</w:delText></w:r></w:del>")


def append_runs(p, *fragments: str) -> None:
    for frag in fragments:
        p._p.append(raw(frag))


def mark_paragraph(p, kind: str) -> None:
    """Track the paragraph mark itself as inserted or deleted (a whole paragraph added or removed)."""
    ppr = p._p.get_or_add_pPr()
    ppr.append(raw(f'<w:rPr><w:{kind} w:id="{next(_ids)}" {AUTHOR}/></w:rPr>'))


def delete_existing_runs(el) -> None:
    """Turn every run under `el` into a tracked deletion, as Word does with Track Changes on."""
    for r in list(el.iter(qn("w:r"))):
        for t in r.findall(qn("w:t")):
            t.tag = qn("w:delText")
        wrapper = raw(f'<w:del w:id="{next(_ids)}" {AUTHOR}/>')
        r.addprevious(wrapper)
        wrapper.append(r)


def body_append(d, el) -> None:
    d.element.body.find(qn("w:sectPr")).addprevious(el)


def sdt_block(alias: str, *paragraphs: str) -> str:
    return (f'<w:sdt><w:sdtPr><w:alias w:val="{alias}"/><w:tag w:val="{alias.lower().replace(" ", "-")}"/>'
            f'<w:id w:val="{next(_ids)}"/></w:sdtPr><w:sdtContent>{"".join(paragraphs)}</w:sdtContent></w:sdt>')


def text_box(paragraphs: list[str], *, box_id: int, height_cm: float = 4.0, width_cm: float = 15.0) -> str:
    """A floating text box as Word 2016 writes it: DrawingML with a VML fallback copy."""
    content = "".join(paragraphs)
    cx, cy = int(width_cm * 360000), int(height_cm * 360000)
    return (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="45720" distB="45720" distL="114300" distR="114300" simplePos="0" relativeHeight="3" '
        'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="0">'
        '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset>'
        '</wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>'
        f'<wp:docPr id="{box_id}" name="Text Box {box_id}"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f'<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/>'
        '</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="F2F2F2"/>'
        '</a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln></wps:spPr>'
        f'<wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx>'
        '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" '
        'anchor="t"><a:noAutofit/></wps:bodyPr></wps:wsp>'
        '</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
        f'<mc:Fallback><w:pict><v:shape id="_x0000_s10{box_id}" type="#_x0000_t202" '
        f'style="width:{width_cm * 28.35:.0f}pt;height:{height_cm * 28.35:.0f}pt" fillcolor="#f2f2f2">'
        f'<v:textbox><w:txbxContent>{content}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>'
        '</mc:AlternateContent></w:r>'
    )


def add_footnotes(d, notes: dict[int, str]) -> None:
    """A footnotes part, as Word writes it (separators, then each note starting with its mark)."""
    body = "".join(
        f'<w:footnote w:id="{i}"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr><w:r><w:rPr>'
        f'<w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
        f'{O.run(" " + text, SMALL)}</w:p></w:footnote>'
        for i, text in notes.items())
    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           f'<w:footnotes {O.NS}>'
           '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
           '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
           f'</w:p></w:footnote>{body}</w:footnotes>')
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, xml.encode("utf-8"), d.part.package)
    d.part.relate_to(part, RT.FOOTNOTES)


def footnote_ref(p, note_id: int) -> None:
    append_runs(p, f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="{note_id}"/>'
                   "</w:r>")


def grid(d_or_cell, rows: list[list[str]], widths_cm: list[float], *, header: bool = True, repeat: bool = False):
    """A 'Table Grid' table with a bold, shaded header row, as a council template would have it."""
    t = d_or_cell.add_table(rows=len(rows), cols=len(widths_cm))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for r_i, row in enumerate(rows):
        for c_i, text in enumerate(row):
            cell = t.cell(r_i, c_i)
            cell.width = Cm(widths_cm[c_i])
            cell.paragraphs[0].text = ""
            run = cell.paragraphs[0].add_run(text)
            if header and r_i == 0:
                run.bold = True
                cell._tc.get_or_add_tcPr().append(raw('<w:shd w:val="clear" w:color="auto" w:fill="D9E2F3"/>'))
    for c_i, w in enumerate(widths_cm):
        t.columns[c_i].width = Cm(w)
    if repeat:
        t.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    return t


def heading(d, text: str, level: int = 1):
    return d.add_heading(text, level=level)


def paras(d, pool: list[str], k: int, sizes: list[int]) -> int:
    for n in sizes:
        d.add_paragraph(prose(pool, k, n))
        k += n
    return k


def spots_of(names: list[str], start: int = 0) -> dict[str, str]:
    return {n: barrier(n, start + i) for i, n in enumerate(names)}


def _set_landscape(sec) -> None:
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Mm(297), Mm(210)


def _portrait(sec) -> None:
    sec.orientation = WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = Mm(210), Mm(297)


# ---------------------------------------------------------------------------------------------
# A. Invitation to Tender
# ---------------------------------------------------------------------------------------------

def itt(folder: Path, pad: int = 2, lead: int = 1) -> tuple[Path, list[FSpot]]:
    s = spots_of(["Atlas", "Andes", "Alps", "Urals", "Zagros", "Taurus", "Carpathia", "Dolomite", "Pyrenees",
                  "Apennine", "Sierra"])
    d = new_doc("Invitation to Tender: Community Support Service")
    sec = d.sections[0]
    sec.different_first_page_header_footer = True
    fp = sec.first_page_header.paragraphs[0]
    fp.text = "Northmoor Borough Council"
    fp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    sec.first_page_header.add_paragraph("Procurement Services, Town Hall, Northmoor NM1 1AA").alignment = \
        WD_ALIGN_PARAGRAPH.RIGHT
    sec.first_page_footer.paragraphs[0].text = "OFFICIAL"
    sec.header.paragraphs[0].text = "Invitation to Tender: Community Support Service (ref. NBC/2026/014)"
    standard_footer(sec.footer, "OFFICIAL")

    # Cover page
    d.add_paragraph("Invitation to Tender", style="Title")
    d.add_paragraph("Community Support Service for Adults", style="Subtitle")
    grid(d, [["Item", "Detail"], ["Tender reference", "NBC/2026/014"], ["Date of issue", "2 March 2026"],
             ["Deadline for tenders", "12 noon, 14 April 2026"], ["Contract start", "1 October 2026"],
             ["Procurement lead", "Sam Whitfield, Senior Procurement Officer"]], [5.0, 11.0])
    d.add_paragraph()
    p = d.add_paragraph("The key facts of this opportunity are summarised below.")
    box = text_box([O.para(O.run("Key facts", "<w:b/>")),
                    O.para("The contract runs for three years with an option to extend by two further years."),
                    O.para(s["Atlas"]),
                    O.para("Tenders must be submitted through the portal by the deadline.")],
                   box_id=11, height_cm=4.2)
    append_runs(p, box)
    d.add_page_break()

    heading(d, "Contents", 1)
    for i, item in enumerate(["Introduction", "The opportunity", "Timetable", "Instructions for bidders",
                              "Insurance", "Submission", "Evaluation", "Award and standstill"], 1):
        d.add_paragraph(f"{i}.\t{item}")
    heading(d, "1. Introduction", 1)
    k = paras(d, GENERAL, 0, [3, 4, 3])
    heading(d, "1.1 Background", 2)
    k = paras(d, SPEC, 0, [4, 3, 4])
    heading(d, "1.2 Current service", 2)
    k = paras(d, SPEC, 9, [4, 4])
    heading(d, "1.3 Lots", 2)
    d.add_paragraph("The contract is divided into two lots by geographical area. Bidders may bid for either lot "
                    "or for both, and the lots will be evaluated separately.")
    heading(d, "2. The opportunity", 1)
    k = paras(d, GENERAL, k, [3])
    d.add_paragraph("To be eligible to bid, each bidder must meet all of the following conditions:")
    for text in ["Bidders must be registered on the e-tendering portal.",
                 "Bidders must be registered with the Care Quality Commission for personal care.",
                 s["Andes"],
                 "Bidders must accept the Council's terms and conditions without amendment.",
                 "Bidders must have a safeguarding policy approved by their board."]:
        d.add_paragraph(text, style="List Bullet")
    k = paras(d, SPEC, 7, [3, 4])
    p = d.add_paragraph("Bidders must hold the insurances set out in Section 5 from the start of the contract.")
    footnote_ref(p, 1)
    p.add_run(" Bidders who are not yet trading should read Section 5 with the eligibility conditions above.")
    footnote_ref(p, 2)
    heading(d, "3. Timetable", 1)
    d.add_paragraph("The Council intends to follow the timetable below. Dates may change.")
    grid(d, [["Stage", "Date"], ["Invitation to Tender issued", "2 March 2026"],
             ["Bidder information event", "9 March 2026"], ["Deadline for clarification questions", "3 April 2026"],
             ["Deadline for tenders", "14 April 2026"], ["Evaluation", "15 April to 8 May 2026"],
             ["Clarification interviews", "12 May 2026"], ["Notice of intention to award", "22 May 2026"],
             ["Standstill period ends", "2 June 2026"], ["Contract award", "5 June 2026"],
             ["Mobilisation", "June to September 2026"], ["Service start", "1 October 2026"]], [9.0, 7.0])
    d.add_paragraph(s["Zagros"])
    k = paras(d, GENERAL, k, [3, 3])
    heading(d, "4. Instructions for bidders", 1)
    d.add_paragraph("Bidders must follow these instructions when preparing their tender:")
    for text in ["Read all of the tender documents before starting the response.",
                 "Answer every question in the response boxes provided in the portal.",
                 "Upload the completed Pricing Schedule as a spreadsheet in its original format.",
                 "Do not upload marketing material; it will not be evaluated.",
                 s["Sierra"],
                 "Sign the Form of Tender and the Certificate of Non-Collusion.",
                 "Name a single point of contact for the tender.",
                 "Keep a copy of everything submitted."]:
        d.add_paragraph(text, style="List Number")
    k = paras(d, GENERAL, k, [pad])
    # A long paragraph that the page boundary cuts in the middle of the barrier sentence.
    d.add_paragraph(" ".join(x for x in (prose(GENERAL, 5, 5), fine(lead), s["Urals"], prose(GENERAL, 13, 4)) if x))
    k = paras(d, SPEC, 2, [3])
    p = d.add_paragraph("Bid clarifications will be published on the portal. ")
    hidden = p.add_run(s["Dolomite"])
    hidden.font.hidden = True
    p = d.add_paragraph("Lot conditions: ")
    append_runs(p, dele(s["Pyrenees"]))
    p.add_run("See the Specification for the service requirements.")
    p = d.add_paragraph("Bidders may bid for one or more lots. ")
    append_runs(p, ins(s["Apennine"]))
    heading(d, "5. Insurance", 1)
    k = paras(d, GENERAL, 9, [3])
    grid(d, [["Insurance", "Minimum cover"], ["Employer's liability", "£5 million each claim"],
             ["Public liability", "£5 million each claim"], ["Professional indemnity", "£1 million each claim"]],
         [9.0, 7.0])
    d.add_paragraph()
    k = paras(d, GENERAL, 3, [4, 3])
    d.add_paragraph(s["Taurus"])
    d.add_page_break()
    heading(d, "6. Submission", 1)
    k = paras(d, GENERAL, 4, [4, 4, 3])
    for text in ["the completed quality questionnaire;", "the completed Pricing Schedule;",
                 "the signed Form of Tender;", "the Selection Questionnaire with its attachments."]:
        d.add_paragraph(text, style="List Bullet")
    k = paras(d, GENERAL, 12, [4, 3])

    # Part B starts a new section on a new page: its first line is the barrier.
    new = d.add_section(WD_SECTION.NEW_PAGE)
    new.different_first_page_header_footer = False
    d.add_paragraph(s["Carpathia"])
    heading(d, "7. Evaluation", 1)
    k = paras(d, GENERAL, 16, [4, 3])
    grid(d, [["Criterion", "Weighting"], ["Quality: service delivery", "35%"], ["Quality: workforce", "15%"],
             ["Quality: social value", "10%"], ["Price", "40%"]], [9.0, 7.0])
    d.add_paragraph()
    heading(d, "7.1 Scoring of quality answers", 2)
    grid(d, [["Score", "Description"], ["5", "Excellent: a full, robust and well-evidenced response."],
             ["4", "Good: a response that meets the requirement with some detail."],
             ["3", "Satisfactory: a response that meets the requirement."],
             ["2", "Weak: a response that only partly meets the requirement."],
             ["1", "Poor: a response that does not meet the requirement."],
             ["0", "No response."]], [3.0, 13.0])
    d.add_paragraph()
    k = paras(d, GENERAL, 1, [4, 4])
    heading(d, "7.2 Price evaluation", 2)
    k = paras(d, PRICE, 0, [4, 3])
    heading(d, "8. Award and standstill", 1)
    k = paras(d, GENERAL, 6, [4, 4, 4])
    heading(d, "8.1 Conditions of award", 2)
    k = paras(d, GENERAL, 13, [4, 4])
    heading(d, "9. Transfer of staff (TUPE)", 1)
    k = paras(d, GENERAL, 2, [4, 4])
    k = paras(d, SPEC, 5, [4])
    heading(d, "10. Conflicts of interest and bidder conduct", 1)
    k = paras(d, GENERAL, 8, [4, 4, 4])
    heading(d, "11. Freedom of information", 1)
    k = paras(d, GENERAL, 15, [4, 4])
    add_footnotes(d, {1: "As set out in the table in Section 5 of this Invitation to Tender.",
                      2: s["Alps"]})
    path = folder / "f-itt.docx"
    d.save(str(path))
    return path, [
        FSpot("Atlas", s["Atlas"], part="text box", page=1, where="text box summary on the cover"),
        FSpot("Andes", s["Andes"], page=3, where="bullet under a lead-in"),
        FSpot("Alps", s["Alps"], part="footnote 2", page=3, where="second footnote to a requirement"),
        FSpot("Urals", s["Urals"], page=4, where="sentence cut by the page boundary",
              printed=((4, "Bidders for the Urals lot must have been OFFICIAL Page 4 of"),
                       (5, "(ref. NBC/2026/014) trading for at least five years. The successful bidder"))),
        FSpot("Zagros", s["Zagros"], page=4, where="paragraph right after a table"),
        FSpot("Taurus", s["Taurus"], page=5, where="last line of a page (before a page break)",
              printed=((5, "(Taurus lot) will be considered. OFFICIAL Page 5 of"),
                       (6, "(ref. NBC/2026/014) 6. Submission"))),
        FSpot("Carpathia", s["Carpathia"], page=7, where="first line of a new section",
              printed=((7, "(ref. NBC/2026/014) Bidders for the Carpathia lot"),)),
        FSpot("Dolomite", s["Dolomite"], hidden=True, pdf=False, where="hidden drafting text"),
        FSpot("Pyrenees", s["Pyrenees"], present=False, where="tracked deletion"),
        FSpot("Apennine", s["Apennine"], page=5, where="tracked insertion"),
        FSpot("Sierra", s["Sierra"], page=4, where="List Number item"),
    ]


# ---------------------------------------------------------------------------------------------
# B. Service Specification
# ---------------------------------------------------------------------------------------------

def specification(folder: Path, pad: int = 5) -> tuple[Path, list[FSpot]]:
    s = spots_of(["Rockies", "Ozark", "Appalachia", "Grampian", "Lizard", "Wrath", "Finisterre", "Agulhas",
                  "Trafalgar", "Matapan", "Skagen"], start=1)
    d = new_doc("Schedule 1: Service Specification")
    sec = d.sections[0]
    sec.different_first_page_header_footer = True
    sec.first_page_header.paragraphs[0].text = "Northmoor Borough Council: Adult Social Care"
    sec.header.paragraphs[0].text = ""
    ht = sec.header.add_table(rows=1, cols=2, width=Cm(16))
    ht.style = "Table Grid"
    ht.cell(0, 0).text = "Schedule 1: Service Specification, version 2.1"
    ht.cell(0, 1).text = s["Finisterre"]
    standard_footer(sec.footer, "Community Support Service")
    standard_footer(sec.first_page_footer, "Community Support Service")

    d.add_paragraph("Schedule 1", style="Title")
    d.add_paragraph("Service Specification: Community Support Service for Adults", style="Subtitle")
    paras(d, SPEC, 0, [3, 3])
    heading(d, "1. Purpose of the service", 1)
    paras(d, SPEC, 3, [4, 4, 3])
    p = d.add_paragraph("The service is aimed at adults aged 18 and over who are eligible for support under the "
                        "Care Act 2014.")
    footnote_ref(p, 1)
    heading(d, "2. Service requirements", 1)
    heading(d, "2.1 Access to the service", 2)
    paras(d, SPEC, 6, [4, 3])
    heading(d, "2.3 Provider standards", 2)
    for num, text in [("2.3.1", SPEC[8]), ("2.3.2", SPEC[9]), ("2.3.3", SPEC[15]), ("2.3.4", s["Rockies"]),
                      ("2.3.5", SPEC[16])]:
        p = d.add_paragraph(f"{num}\t{text}")
        p.paragraph_format.left_indent = Cm(1.5)
        p.paragraph_format.first_line_indent = Cm(-1.5)
    d.add_paragraph("The provider will:")
    d.add_paragraph("deliver support in line with each person's support plan;", style="List Bullet")
    d.add_paragraph("employ staff with the right skills and experience, including:", style="List Bullet")
    d.add_paragraph("senior support workers holding a level 3 diploma in health and social care;",
                    style="List Bullet 2")
    d.add_paragraph(s["Grampian"], style="List Bullet 2")
    d.add_paragraph("a registered manager based in the borough;", style="List Bullet 2")
    d.add_paragraph("work with partners to prevent people's needs from escalating.", style="List Bullet")
    paras(d, SPEC, 10, [4])
    p = d.add_paragraph("The minimum requirements for each lot are summarised in the box below.")
    append_runs(p, text_box([O.para(O.run("Summary of minimum requirements", "<w:b/>")),
                             O.para("All providers must be registered with the Care Quality Commission."),
                             O.para(s["Appalachia"])], box_id=21, height_cm=3.6))
    heading(d, "3. Requirements table", 1)
    d.add_paragraph("Table 1 sets out the requirements that the provider must meet throughout the contract.")
    rows = [["Ref", "Requirement", "Mandatory"]]
    for i in range(1, 9):
        rows.append([f"R{i}", SPEC[(i * 2) % len(SPEC)] + " " + SPEC[(i * 2 + 1) % len(SPEC)], "Yes"])
    t = grid(d, rows, [1.5, 12.0, 2.5], repeat=True)
    # R3: a footnote to the requirement in its cell; R5: a tracked insertion; R7: a long row that breaks.
    footnote_ref(t.cell(3, 1).paragraphs[0], 2)
    append_runs(t.cell(5, 1).paragraphs[0], O.run(" "), ins(s["Agulhas"]))
    long_cell = t.cell(7, 1)
    long_cell.paragraphs[0].text = prose(SPEC, 1, 4)
    for j in range(pad):
        long_cell.add_paragraph(prose(SPEC, 5 + j * 3, 3))
    long_cell.add_paragraph(s["Lizard"])
    long_cell.add_paragraph(prose(SPEC, 12, 2))
    d.add_paragraph()
    heading(d, "4. Mobilisation", 1)
    paras(d, SPEC, 4, [3])
    p = d.add_paragraph("Mobilisation requirements:")
    p.add_run().add_break(WD_BREAK.LINE)
    p.add_run(s["Wrath"])
    paras(d, SPEC, 11, [4, 3])
    heading(d, "5. Workforce", 1)
    paras(d, SPEC, 8, [4, 3, 4])
    heading(d, "5.1 Training", 2)
    paras(d, SPEC, 1, [4, 4])
    # A sentence typed in several runs (bold lot name, spell-check marks, a bookmark) with a comment on it.
    words = s["Trafalgar"].split("Trafalgar")
    p = d.add_paragraph()
    p.add_run(words[0])
    r2 = p.add_run("Trafalgar")
    r2.bold = True
    r3 = p.add_run(words[1].split(" must")[0])
    r4 = p.add_run(" must" + words[1].split(" must", 1)[1])
    r2._r.addprevious(raw('<w:proofErr w:type="spellStart"/>'))
    r2._r.addnext(raw('<w:proofErr w:type="spellEnd"/>'))
    r4._r.addprevious(raw('<w:bookmarkStart w:id="31" w:name="_Ref193004112"/>'))
    r4._r.addnext(raw('<w:bookmarkEnd w:id="31"/>'))
    d.add_comment([r2, r3], text="Legal to confirm the wording of this requirement.", author="A. Reviewer",
                  initials="AR")
    p = d.add_paragraph()
    r = p.add_run("Staff will wear identification badges at all times when working with people.")
    d.add_comment(r, text=s["Matapan"], author="A. Reviewer", initials="AR")
    paras(d, SPEC, 2, [4])
    heading(d, "6. Performance and outcomes", 1)
    t = grid(d, [["Outcome", "Indicator", "Target"], ["People feel safe", "Percentage reporting feeling safe", "95%"],
                 ["", "Safeguarding referrals actioned in 24 hours", "100%"],
                 ["", "Complaints resolved in 20 working days", "90%"],
                 ["People stay independent", "Reviews showing needs stable or reduced", "80%"]], [5.0, 8.0, 3.0])
    merged = t.cell(1, 0).merge(t.cell(3, 0))
    merged.add_paragraph(s["Skagen"])
    d.add_paragraph()
    paras(d, SPEC, 12, [4, 4])
    heading(d, "7. Quality and contract management", 1)
    paras(d, SPEC, 13, [4, 4, 3])
    heading(d, "8. Exit and transfer", 1)
    paras(d, SPEC, 0, [4, 4])
    paras(d, LEGAL, 8, [3, 3])
    heading(d, "9. Information, advice and technology", 1)
    paras(d, SPEC, 15, [4, 4, 3])
    d.add_paragraph("The provider's electronic call monitoring system must:")
    for text in ["record the start and end of every visit;", "share data with the Council each week;",
                 "work on the devices that staff already carry."]:
        d.add_paragraph(text, style="List Bullet")
    heading(d, "10. Social value", 1)
    paras(d, GENERAL, 11, [4, 4])
    paras(d, SPEC, 6, [4, 4])
    heading(d, "11. Appendices", 1)
    for text in ["Appendix 1: Referral form", "Appendix 2: Outcome framework", "Appendix 3: Monitoring return",
                 "Appendix 4: Safeguarding procedures"]:
        d.add_paragraph(text, style="List Number")
    paras(d, SPEC, 3, [4, 4, 4])
    add_footnotes(d, {1: "Including adults with learning disabilities, autism or mental health needs.",
                      2: s["Ozark"]})
    path = folder / "f-specification.docx"
    d.save(str(path))
    return path, [
        FSpot("Rockies", s["Rockies"], page=2, where="clause 2.3.4 typed by hand"),
        FSpot("Ozark", s["Ozark"], part="footnote 2", page=3, where="footnote to a requirement in a table cell"),
        FSpot("Appalachia", s["Appalachia"], part="text box", page=2, where="text box summary"),
        FSpot("Grampian", s["Grampian"], page=2, where="second-level bullet under a lead-in"),
        FSpot("Lizard", s["Lizard"], page=4, where="table row that breaks over a page",
              printed=((3, "R7 Support will be person-centred"),)),
        FSpot("Wrath", s["Wrath"], page=4, where="after a line break in the paragraph"),
        FSpot("Finisterre", s["Finisterre"], part="header", page=2, where="cell of the running header table"),
        FSpot("Agulhas", s["Agulhas"], page=3, where="tracked insertion in a table cell"),
        FSpot("Trafalgar", s["Trafalgar"], page=5, where="runs, bookmark, spell marks and a comment range"),
        FSpot("Matapan", s["Matapan"], present=False, where="text of a comment"),
        FSpot("Skagen", s["Skagen"], page=5, where="vertically merged cell"),
    ]


# ---------------------------------------------------------------------------------------------
# C. Pricing Schedule, with a landscape price table
# ---------------------------------------------------------------------------------------------

def pricing(folder: Path) -> tuple[Path, list[FSpot]]:
    s = spots_of(["Hatteras", "Canaveral", "Spartel", "Malin", "Mizen", "Dungeness", "Beachy", "Flamborough",
                  "Spurn", "Portland"], start=2)
    d = new_doc("Schedule 4: Pricing Schedule")
    sec = d.sections[0]
    sec.different_first_page_header_footer = True
    sec.first_page_header.paragraphs[0].text = "Schedule 4: Pricing Schedule"
    sec.first_page_header.add_paragraph(s["Beachy"])
    sec.header.paragraphs[0].text = "Schedule 4: Pricing Schedule"
    standard_footer(sec.footer, "Commercial in confidence")
    standard_footer(sec.first_page_footer, "Commercial in confidence")

    d.add_paragraph("Pricing Schedule", style="Title")
    heading(d, "1. Instructions for completing the Pricing Schedule", 1)
    paras(d, PRICE, 0, [3, 3])
    for text in PRICE[3:9]:
        d.add_paragraph(text, style="List Number")
    body_append(d, raw(sdt_block("Pricing instructions",
                                 O.para(O.run("Pricing instructions", "<w:b/>")),
                                 O.para(PRICE[1] + " " + PRICE[2]),
                                 O.para(s["Flamborough"]))))
    heading(d, "2. Evaluation of price", 1)
    paras(d, PRICE, 4, [4, 3])
    paras(d, GENERAL, 18, [2, 3])
    heading(d, "3. Assumptions", 1)
    paras(d, PRICE, 2, [4, 4, 4])
    heading(d, "3.1 Price review", 2)
    paras(d, PRICE, 3, [4, 4])
    paras(d, GENERAL, 6, [3, 3])

    # The price tables: a landscape section with its own running header.
    land = d.add_section(WD_SECTION.NEW_PAGE)
    _set_landscape(land)
    land.different_first_page_header_footer = False
    land.header.is_linked_to_previous = False
    land.header.paragraphs[0].text = "Schedule 4: Pricing Schedule, Table A (price per hour of support)"
    land.header.add_paragraph(s["Canaveral"])
    land.footer.is_linked_to_previous = True
    heading(d, "Table A: Hourly rates", 1)
    rows = [["Item", "Description", "Unit", "Estimated quantity", "Rate (£)", "Total (£)", "Notes"]]
    services = ["Daytime support, weekdays", "Evening support, weekdays", "Daytime support, weekends",
                "Evening support, weekends", "Bank holiday support", "Waking night support", "Sleep-in support",
                "Community activity support", "Group session", "Support to attend appointments",
                "Assessment visit", "Review visit", "Travel between visits", "Mileage for people supported"]
    for i in range(1, 43):
        svc = services[(i - 1) % len(services)]
        band = ("Band A", "Band B", "Band C")[(i - 1) // len(services)]
        rows.append([f"A{i}", f"{svc} ({band})", "Hour", f"{1200 + 37 * i:,}", "", "", ""])
    rows.append(["", "Total price for evaluation", "", "", "", "", ""])
    rows.append(["Note", "", "", "", "", "", ""])
    t = grid(d, rows, [1.5, 7.5, 1.8, 3.0, 2.5, 2.5, 5.9], repeat=True)
    t.cell(3, 6).paragraphs[0].add_run(s["Hatteras"])
    t.cell(8, 6).paragraphs[0].add_run("Rate includes travel time")
    footnote_ref(t.cell(8, 6).paragraphs[0], 1)
    hidden = t.cell(11, 6).paragraphs[0].add_run(s["Spurn"])
    hidden.font.hidden = True
    t.cell(11, 6).paragraphs[0].add_run("Guidance: see Section 3.")
    t.cell(30, 6).paragraphs[0].add_run(s["Mizen"])
    # Row A16 was deleted with Track Changes on, with the lot condition in its Notes cell.
    t.cell(16, 6).paragraphs[0].add_run(s["Portland"])
    tr = t.rows[16]._tr
    tr.get_or_add_trPr().append(raw(f'<w:del w:id="{next(_ids)}" {AUTHOR}/>'))
    delete_existing_runs(tr)
    note = t.cell(len(rows) - 1, 1).merge(t.cell(len(rows) - 1, 6))
    note.paragraphs[0].text = s["Spartel"]
    d.add_paragraph()
    d.add_paragraph("Bidders must enter a rate for every item; a blank rate will be treated as nil.")
    heading(d, "Table B: Fixed annual prices", 1)
    grid(d, [["Item", "Description", "Year 1 (£)", "Year 2 (£)", "Year 3 (£)", "Notes"],
             ["B1", "Registered manager and service management", "", "", "", ""],
             ["B2", "Out-of-hours on-call cover", "", "", "", ""],
             ["B3", "Electronic call monitoring system", "", "", "", ""],
             ["B4", "Training and development of staff", "", "", "", ""],
             ["B5", "Mobilisation (year 1 only)", "", "", "", ""],
             ["B6", "Social value commitments", "", "", "", ""],
             ["", "Total fixed price", "", "", "", ""]], [1.5, 9.0, 3.0, 3.0, 3.0, 5.2], repeat=True)
    d.add_paragraph()
    paras(d, PRICE, 6, [3, 3])

    # Back to portrait for the Form of Tender; the header is inherited from the landscape section.
    back = d.add_section(WD_SECTION.NEW_PAGE)
    _portrait(back)
    d.add_paragraph(s["Malin"])
    heading(d, "4. Form of Tender", 1)
    paras(d, GENERAL, 5, [4, 4])
    paras(d, LEGAL, 4, [3, 3])
    grid(d, [["Signed", ""], ["Name", ""], ["Position", ""], ["For and on behalf of", ""], ["Date", ""]],
         [5.0, 11.0], header=False)
    d.add_paragraph()
    heading(d, "5. Certificate of Non-Collusion", 1)
    paras(d, GENERAL, 10, [4, 4, 3])
    paras(d, PRICE, 5, [4])
    heading(d, "6. Open book accounting", 1)
    paras(d, PRICE, 0, [4, 4, 4])
    paras(d, LEGAL, 5, [3, 3, 3])
    add_footnotes(d, {1: s["Dungeness"]})
    path = folder / "f-pricing.docx"
    d.save(str(path))
    return path, [
        FSpot("Hatteras", s["Hatteras"], page=3, where="notes cell of the landscape price table"),
        FSpot("Canaveral", s["Canaveral"], part="header", page=3, where="running header of the landscape schedule"),
        FSpot("Spartel", s["Spartel"], page=5, where="merged note row at the foot of the price table"),
        FSpot("Malin", s["Malin"], page=7, where="first line of the portrait section after the landscape one",
              printed=((7, "five years. Only bidders who have delivered three contracts"),)),
        FSpot("Mizen", s["Mizen"], page=4, where="price table row on its second page, under a repeated header",
              printed=((4, "Item Description Unit Estimated quantity Rate"),)),
        FSpot("Dungeness", s["Dungeness"], part="footnote 1", page=3, where="footnote in a price table cell"),
        FSpot("Beachy", s["Beachy"], part="first-page header", page=1, where="first-page header"),
        FSpot("Flamborough", s["Flamborough"], page=1, where="block content control"),
        FSpot("Spurn", s["Spurn"], hidden=True, pdf=False, where="hidden guidance in a table cell"),
        FSpot("Portland", s["Portland"], present=False, where="tracked deletion of a table row"),
    ]


# ---------------------------------------------------------------------------------------------
# D. Selection Questionnaire
# ---------------------------------------------------------------------------------------------

def questionnaire(folder: Path, pad: int = 4, lead: int = 5) -> tuple[Path, list[FSpot]]:
    s = spots_of(["Ortegal", "Palliser", "Reinga", "Leeuwin", "Comorin", "Guardafui", "Verde", "Farewell",
                  "Sable", "Mendocino"], start=0)
    d = new_doc("Selection Questionnaire")
    sec = d.sections[0]
    hp = sec.header.paragraphs[0]
    hp.text = "Selection Questionnaire: Community Support Service (NBC/2026/014)"
    box_p = sec.header.add_paragraph()
    append_runs(box_p, text_box([O.para(s["Verde"])], box_id=41, height_cm=1.4, width_cm=16.0))
    standard_footer(sec.footer, "SQ version 3")

    d.add_paragraph("Selection Questionnaire", style="Title")
    paras(d, SQ, 0, [4, 3, 3])
    heading(d, "Part 1: Potential supplier information", 1)
    grid(d, [["Question", "Information required", "Response"], ["1.1(a)", "Full name of the potential supplier", ""],
             ["1.1(b)", "Registered office address", ""], ["1.1(c)", "Companies House or charity number", ""],
             ["1.1(d)", "Trading status", ""], ["1.1(e)", "Date of registration", ""],
             ["1.1(f)", "Contact name, telephone and email", ""]], [2.0, 8.0, 6.0])
    d.add_paragraph()
    paras(d, SQ, 4, [3, 3])
    heading(d, "Part 2: Exclusion grounds", 1)
    paras(d, SQ, 2, [3])
    paras(d, GENERAL, 10, [4, 3])
    grid(d, [["Question", "Exclusion ground", "Response"],
             ["2.1(a)", "Participation in a criminal organisation", "Yes / No"],
             ["2.1(b)", "Corruption", "Yes / No"], ["2.1(c)", "Fraud", "Yes / No"],
             ["2.1(d)", "Terrorist offences or offences linked to terrorist activities", "Yes / No"],
             ["2.1(e)", "Money laundering or terrorist financing", "Yes / No"],
             ["2.1(f)", "Child labour and other forms of trafficking in human beings", "Yes / No"],
             ["2.2", "Non-payment of taxes or social security contributions", "Yes / No"],
             ["2.3", "Grave professional misconduct", "Yes / No"]], [2.0, 10.0, 4.0])
    d.add_paragraph()
    paras(d, SQ, 6, [3, 3])
    heading(d, "Part 3: Selection questions", 1)
    heading(d, "Section 4: Economic and financial standing", 2)
    paras(d, SQ, 4, [3])
    t = grid(d, [["Question", "Requirement", "Response", "Pass/Fail"],
                 ["4.1", "Please provide your two most recent sets of audited accounts.", "", "Pass/Fail"],
                 ["4.2", s["Ortegal"], "", "Pass/Fail"],
                 ["4.3", "Please confirm your organisation is able to obtain the insurance cover set out below.", "",
                  "Pass/Fail"],
                 ["4.4", "Please state your annual turnover for each of the last two years.", "", "Information"]],
             [1.6, 7.4, 4.8, 2.2], repeat=True)
    footnote_ref(t.cell(4, 1).paragraphs[0], 1)
    inner = t.cell(3, 1).add_table(rows=3, cols=2)
    inner.style = "Table Grid"
    for r_i, (a, b) in enumerate([("Insurance", "Level"), ("Employer's liability", "£5 million"),
                                  ("Lot condition", s["Palliser"])]):
        inner.cell(r_i, 0).text = a
        inner.cell(r_i, 1).text = b
    t.cell(3, 1).add_paragraph("")
    d.add_paragraph("Note: " + s["Farewell"])
    paras(d, SQ, 7, [3])
    heading(d, "Section 5: Technical and professional ability", 2)
    paras(d, SQ, 5, [3])
    rows = [["Question", "Requirement", "Response", "Pass/Fail"],
            ["5.1", "Please provide details of up to three contracts from any sector that are relevant to this "
                    "requirement.", "", "Pass/Fail"],
            ["5.2", "Please confirm that you can meet the requirements below.", "", "Pass/Fail"],
            ["5.3", "Please describe how you will meet the requirements of the Modern Slavery Act 2015.", "",
             "Pass/Fail"],
            ["5.4", "Please read the guidance below and confirm that you meet it.", "", "Pass/Fail"],
            ["5.5", "Please confirm that you hold, or will obtain before the contract starts, Cyber Essentials "
                    "certification.", "", "Pass/Fail"]]
    t = grid(d, rows, [1.6, 7.4, 4.8, 2.2], repeat=True)
    cell = t.cell(2, 1)
    cell.add_paragraph("Bidders must confirm that:")
    cell.add_paragraph("they hold a current safeguarding policy;", style="List Bullet")
    cell.add_paragraph(s["Comorin"], style="List Bullet")
    cell.add_paragraph("their staff are checked by the Disclosure and Barring Service.", style="List Bullet")
    cell = t.cell(3, 2)
    cell.paragraphs[0].text = "Response:"
    cell._tc.append(raw(sdt_block("Response 5.3", O.para(s["Reinga"]))))
    cell._tc.append(raw(O.para("")))
    # 5.4: a long guidance cell that the page boundary cuts in the middle of the barrier sentence.
    cell = t.cell(4, 1)
    cell.paragraphs[0].text = prose(GUIDE, 0, 3)
    for j in range(pad):
        cell.add_paragraph(prose(GUIDE, 3 + j * 2, 2))
    cell.add_paragraph(" ".join(x for x in (prose(GUIDE, 1, 2), fine(lead), s["Leeuwin"], prose(GUIDE, 5, 2)) if x))
    cell.add_paragraph(prose(GUIDE, 7, 3))
    # 5.5 was struck out in review: the lot condition deleted with Track Changes on.
    p = t.cell(5, 1).add_paragraph()
    append_runs(p, dele(s["Sable"]))
    d.add_paragraph()
    paras(d, SQ, 1, [3])
    heading(d, "Section 6: Modern slavery and social value", 2)
    paras(d, GENERAL, 11, [4, 3])
    t = grid(d, [["Question", "Requirement", "Pass/Fail"],
                 ["6.1", "Please confirm you comply with the reporting requirements of the Modern Slavery Act 2015.",
                  "Pass/Fail"],
                 ["6.2", "Please confirm that you pay staff at least the Real Living Wage.", "Pass/Fail"],
                 ["6.3", s["Mendocino"], "Pass/Fail"]], [1.6, 12.2, 2.2], repeat=True)
    d.add_page_break()
    heading(d, "Section 7: Declaration", 2)
    paras(d, SQ, 3, [4, 4])
    paras(d, GENERAL, 14, [4, 4, 3])
    grid(d, [["Signed", ""], ["Name", ""], ["Position", ""], ["Date", ""]], [5.0, 11.0], header=False)
    d.add_paragraph()
    heading(d, "Appendix: Guidance for bidders", 1)
    paras(d, SQ, 0, [4, 4, 4])
    heading(d, "A.1 Insurance", 2)
    grid(d, [["Insurance", "Level required", "Evidence"], ["Employer's liability", "£5 million", "Certificate"],
             ["Public liability", "£5 million", "Certificate"], ["Professional indemnity", "£1 million", "Certificate"],
             ["Motor insurance, business use", "As required by law", "Confirmation"]], [6.0, 5.0, 5.0])
    d.add_paragraph()
    paras(d, SQ, 5, [4, 4])
    heading(d, "A.2 Consortia and subcontracting", 2)
    paras(d, SQ, 1, [4, 4])
    paras(d, GENERAL, 12, [4, 4])
    paras(d, GENERAL, 0, [4, 4, 4])
    add_footnotes(d, {1: s["Guardafui"]})
    path = folder / "f-questionnaire.docx"
    d.save(str(path))
    return path, [
        FSpot("Ortegal", s["Ortegal"], page=2,
              where="requirement cell of a Pass/Fail table, its row breaking over a page under the repeated header",
              printed=((2, "4.2 Bidders for the Ortegal lot must have Pass/Fail SQ version 3 Page 2 of"),
                       (3, "Requirement Response Pass/Fail been trading for at least five years. 4.3"))),
        FSpot("Palliser", s["Palliser"], page=3, where="nested table in a questionnaire cell"),
        FSpot("Reinga", s["Reinga"], page=4, where="block content control in a response cell"),
        FSpot("Leeuwin", s["Leeuwin"], page=4, where="sentence cut by the page boundary inside a table row",
              printed=((4, "Bidders for the Leeuwin lot must have been trading Pass/Fail SQ version 3 Page 4 of"),
                       (5, "Requirement Response Pass/Fail for at least five years. Please give the name"))),
        FSpot("Comorin", s["Comorin"], page=3, where="bullet in a table cell under a lead-in"),
        FSpot("Guardafui", s["Guardafui"], part="footnote 1", page=3, where="footnote to a question"),
        FSpot("Verde", s["Verde"], part="text box in header", page=1, where="text box in the running header"),
        FSpot("Farewell", "Note: " + s["Farewell"], page=3, where="paragraph right after a table"),
        FSpot("Sable", s["Sable"], present=False, where="tracked deletion in a table cell"),
        FSpot("Mendocino", s["Mendocino"], page=5, where="last row of a table ending a page",
              printed=((5, "6.3 Bidders for the Mendocino lot must have been trading for at least five years. Pass/Fail "
                            "SQ version 3 Page 5 of"),)),
    ]


# ---------------------------------------------------------------------------------------------
# E. Draft Contract, clauses numbered by Word's multi-level list
# ---------------------------------------------------------------------------------------------

_LEVELS = [("decimal", "%1.", 0, 567), ("decimal", "%1.%2", 567, 567), ("decimal", "%1.%2.%3", 1134, 851),
           ("lowerLetter", "(%4)", 1985, 567), ("lowerRoman", "(%5)", 2552, 567)]


def _contract_numbering(d) -> int:
    numbering = d.part.numbering_part.element
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
        f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{left + hang}" w:hanging="{hang}"/></w:pPr>'
        + ("<w:rPr><w:b/></w:rPr>" if i == 0 else "") + "</w:lvl>"
        for i, (fmt, text, left, hang) in enumerate(_LEVELS))
    abstract = raw(f'<w:abstractNum w:abstractNumId="90"><w:nsid w:val="5A1B2C3D"/>'
                   f'<w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>')
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(raw('<w:num w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    return 90


def clause(d, text: str, level: int, *, style: str | None = None):
    p = d.add_paragraph(text, style=style) if style else d.add_paragraph(text)
    num_pr = p._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = 90
    return p


def contract(folder: Path, pad: int = 0, lead: int = 0) -> tuple[Path, list[FSpot]]:
    s = spots_of(["Blanco", "Byron", "Otway", "Howe", "Naturaliste", "Arkona", "Nordkapp", "Roca", "Sounion",
                  "Tainaron", "Passero"], start=1)
    d = new_doc("Contract for the provision of a Community Support Service")
    _contract_numbering(d)
    d.settings.odd_and_even_pages_header_footer = True
    sec = d.sections[0]
    sec.header.paragraphs[0].text = "DRAFT: subject to contract"
    sec.even_page_header.paragraphs[0].text = "DRAFT: subject to contract"
    standard_footer(sec.footer, "Community Support Service Contract")
    ef = sec.even_page_footer.paragraphs[0]
    ef.text = "Page "
    page_field(ef, shown="2")
    sec.even_page_footer.add_paragraph(s["Arkona"])

    d.add_paragraph("Contract for the provision of a Community Support Service", style="Title")
    d.add_paragraph("between Northmoor Borough Council and [Provider]")
    paras(d, LEGAL, 0, [2])
    clause(d, "Definitions and interpretation", 0, style="Heading 1")
    clause(d, "In this Contract the following words have the meanings given below:", 1)
    defs = grid(d, [["Term", "Meaning"], ["Charges", "the charges set out in Schedule 3."],
                    ["Commencement Date", "1 October 2026."], ["Lot Conditions", s["Tainaron"]],
                    ["Services", "the services described in Schedule 1."],
                    ["Term", "the period of three years from the Commencement Date, as extended."]], [4.5, 11.5])
    del defs
    d.add_paragraph()
    for text in LEGAL[:3]:
        clause(d, text, 1)
    clause(d, "Term", 0, style="Heading 1")
    clause(d, "This Contract starts on the Commencement Date and continues for the Term.", 1)
    clause(d, "The Council may extend the Term by up to two periods of twelve months each by giving notice.", 1)
    clause(d, "The Services", 0, style="Heading 1")
    for text in LEGAL[3:5] + SPEC[0:3]:
        clause(d, text, 1)
    clause(d, "Charges and payment", 0, style="Heading 1")
    for text in [LEGAL[5]] + PRICE[5:7]:
        clause(d, text, 1)
    clause(d, "Staff", 0, style="Heading 1")
    for text in SPEC[8:10] + [LEGAL[10]]:
        clause(d, text, 1)
    p = clause(d, "The Provider shall ensure that all Staff have an enhanced Disclosure and Barring Service check.", 1)
    footnote_ref(p, 1)
    clause(d, "Safeguarding", 0, style="Heading 1")
    for text in [SPEC[9], SPEC[4], LEGAL[10]]:
        clause(d, text, 1)
    clause(d, "Provider obligations", 0, style="Heading 1")
    clause(d, "General", 1)
    clause(d, LEGAL[3], 2)
    clause(d, LEGAL[4], 2)
    clause(d, "Lots", 1)
    clause(d, "The Provider shall deliver each lot in line with the Specification.", 2)
    clause(d, s["Blanco"], 2)
    clause(d, "The Provider shall give the Council a mobilisation plan within ten days of award.", 2)
    clause(d, "The Provider shall:", 1)
    clause(d, s["Byron"], 3)
    clause(d, "comply with the following requirements in respect of each lot:", 3)
    clause(d, "keep a register of all people supported;", 4)
    clause(d, s["Otway"], 4)
    clause(d, "report every quarter on the outcomes achieved;", 4)
    clause(d, "co-operate with any other provider appointed by the Council.", 3)
    clause(d, "Records and audit", 0, style="Heading 1")
    for text in [LEGAL[8], LEGAL[12]]:
        clause(d, text, 1)
    p = clause(d, "", 1)
    append_runs(p, ins(s["Nordkapp"]))
    mark_paragraph(p, "ins")
    p = clause(d, "", 1)
    append_runs(p, dele(s["Roca"]))
    mark_paragraph(p, "del")
    clause(d, LEGAL[11], 1)
    clause(d, "Confidentiality and data protection", 0, style="Heading 1")
    for text in [LEGAL[6], LEGAL[12], LEGAL[8]]:
        clause(d, text, 1)
    clause(d, "Subcontracting and assignment", 0, style="Heading 1")
    for j in range(pad):
        clause(d, prose(LEGAL, 2 + j * 3, 3), 1)
    clause(d, " ".join(x for x in (prose(LEGAL, 4, 3), fine(lead), s["Sounion"], prose(LEGAL, 8, 3)) if x), 1)
    clause(d, LEGAL[10], 1)
    clause(d, "Liability, indemnity and bonds", 0, style="Heading 1")
    clause(d, LEGAL[9], 1)
    p = clause(d, "", 1)
    r = p.add_run("Performance security. ")
    r.bold = True
    p.add_run(s["Passero"])
    clause(d, "Termination", 0, style="Heading 1")
    for text in [LEGAL[9], LEGAL[11], LEGAL[10], LEGAL[6]]:
        clause(d, text, 1)
    clause(d, "Insurance", 0, style="Heading 1")
    for j in range(4):
        clause(d, prose(LEGAL, 3 + j * 2, 2), 1)
    clause(d, "Force majeure", 0, style="Heading 1")
    for j in range(3):
        clause(d, prose(LEGAL, 9 + j * 2, 2), 1)
    clause(d, "Exit management", 0, style="Heading 1")
    for j in range(4):
        clause(d, prose(SPEC, 2 + j * 3, 2), 1)
    clause(d, "Notices", 0, style="Heading 1")
    for j in range(3):
        clause(d, prose(LEGAL, 1 + j * 3, 2), 1)
    clause(d, "General", 0, style="Heading 1")
    for text in LEGAL[7:14]:
        clause(d, text, 1)
    d.add_paragraph("Signed for and on behalf of the Council and the Provider on the date first written above.")
    grid(d, [["", "Council", "Provider"], ["Signature", "", ""], ["Name", "", ""], ["Date", "", ""]],
         [4.0, 6.0, 6.0])

    sched = d.add_section(WD_SECTION.NEW_PAGE)
    sched.header.is_linked_to_previous = True
    heading(d, "Schedule 2: Contract management", 1)
    paras(d, SPEC, 12, [3])
    for num, text in [("1.1", SPEC[13]), ("1.2", SPEC[14]), ("1.2.1", SPEC[11]), ("1.2.2", s["Howe"]),
                      ("1.2.3", SPEC[12]), ("1.3", LEGAL[8])]:
        p = d.add_paragraph(f"{num}\t{text}")
        p.paragraph_format.left_indent = Cm(1.5)
        p.paragraph_format.first_line_indent = Cm(-1.5)
    paras(d, LEGAL, 0, [4, 4])
    heading(d, "Schedule 3: Charges", 1)
    paras(d, PRICE, 1, [4, 4, 3])
    heading(d, "Schedule 4: Key performance indicators", 1)
    grid(d, [["KPI", "Measure", "Target"], ["1", "Referrals acknowledged within one working day", "95%"],
             ["2", "Support plans reviewed on time", "90%"], ["3", "Visits delivered as planned", "98%"],
             ["4", "Complaints resolved within 20 working days", "90%"]], [1.5, 11.0, 3.5])
    d.add_paragraph()
    paras(d, SPEC, 10, [4, 4])
    heading(d, "Schedule 5: Data processing", 1)
    paras(d, LEGAL, 12, [3, 3, 3])
    add_footnotes(d, {1: s["Naturaliste"]})
    path = folder / "f-contract.docx"
    d.save(str(path))
    return path, [
        FSpot("Blanco", s["Blanco"], page=3, where="clause 6.2.2 (automatic numbering)"),
        FSpot("Byron", s["Byron"], page=3, where="clause 6.3(a) under a lead-in"),
        FSpot("Otway", s["Otway"], page=3, where="clause 6.3(b)(ii)"),
        FSpot("Howe", s["Howe"], page=7, where="clause 1.2.2 of a schedule, typed by hand"),
        FSpot("Naturaliste", s["Naturaliste"], part="footnote 1", page=2, where="drafting footnote to a clause"),
        FSpot("Arkona", s["Arkona"], part="even-page footer", page=2, where="even-page footer"),
        FSpot("Nordkapp", s["Nordkapp"], page=3, where="clause inserted with Track Changes"),
        FSpot("Roca", s["Roca"], present=False, where="clause deleted with Track Changes"),
        FSpot("Sounion", s["Sounion"], page=3, where="sentence of a clause cut by the page boundary",
              printed=((3, "Bidders for the Sounion lot Community Support Service Contract Page 3 of"),
                       (4, "DRAFT: subject to contract must have been trading for at least five years."))),
        FSpot("Tainaron", s["Tainaron"], page=1, where="definitions table in clause 1.1"),
        FSpot("Passero", s["Passero"], page=4, where="clause with a bold run-in heading"),
    ]


BUILDERS = [itt, specification, pricing, questionnaire, contract]
