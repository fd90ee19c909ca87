"""The fidelity documents: one barrier sentence in each tricky spot of real Word and PDF output.

Each spot has a lot name that appears only in its sentence, so a finding can be traced to the
spot it came from. `expect` says, per spot, whether the barrier must be reported (exactly once)
and where: the DOCX part, whether it is hidden text, the PDF page.
"""

from __future__ import annotations

import subprocess
import zlib
from dataclasses import dataclass
from pathlib import Path

from .ooxml import note_ref, para, run, table, text_box, write_docx

INTRO = ("The Council invites tenders for a community support service for adults in the district. "
         "The service will be delivered from the provider's own premises and in people's homes.")
FILLER = ("The provider will work with local partners to help people stay well and independent at home, "
          "and will report on the outcomes agreed with the Council each quarter.")
PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'


def barrier(name: str, i: int) -> str:
    """A sentence every reviewer would flag, in one of three categories, naming its spot."""
    return [
        f"Bidders for the {name} lot must have been trading for at least five years.",
        f"The {name} lot supplier must provide a performance bond of 20% of the contract value.",
        f"Only bidders who have delivered three contracts of this kind for a public body in the last three years "
        f"({name} lot) will be considered.",
    ][i % 3]


@dataclass
class Spot:
    name: str
    sentence: str
    present: bool = True  # must be reported exactly once
    part: str | None = None  # DOCX: the part the finding must name (None: the body)
    hidden: bool = False
    page: int | None = None  # PDF: the page it must be reported on (None: not checked)
    pdf: bool | None = None  # reported from the PDF export (None: same as `present`)
    docx: bool | None = True  # checked in the DOCX (False/None: only the PDF is checked)


def _s(names: list[str]) -> dict[str, str]:
    return {n: barrier(n, i) for i, n in enumerate(names)}


def docx_parts(folder: Path) -> tuple[Path, list[Spot]]:
    """Footnotes, endnotes, every header and footer part, text boxes, nested tables, content
    controls, tracked changes, hidden text, comments and field codes, over three pages."""
    s = _s(["Alder", "Birch", "Cedar", "Dogwood", "Elm", "Fir", "Gorse", "Hazel", "Ivy", "Juniper", "Larch",
            "Maple", "Nutmeg", "Oak", "Pine", "Quince", "Rowan", "Spruce", "Tamarind", "Umber"])
    ins = f'<w:ins w:id="101" w:author="Editor" w:date="2026-01-05T10:00:00Z">{run(s["Oak"])}</w:ins>'
    dele = (f'<w:del w:id="102" w:author="Editor" w:date="2026-01-05T10:00:00Z"><w:r><w:delText xml:space="preserve">'
            f'{s["Pine"]}</w:delText></w:r></w:del>')
    move_from = ('<w:moveFromRangeStart w:id="103" w:author="Editor" w:name="move1"/>'
                 f'<w:moveFrom w:id="104" w:author="Editor">{run(s["Quince"])}</w:moveFrom>'
                 '<w:moveFromRangeEnd w:id="103"/>')
    move_to = ('<w:moveToRangeStart w:id="105" w:author="Editor" w:name="move1"/>'
               f'<w:moveTo w:id="106" w:author="Editor">{run(s["Quince"])}</w:moveTo>'
               '<w:moveToRangeEnd w:id="105"/>')
    hidden = run(s["Rowan"], "<w:vanish/>")
    comment = ('<w:commentRangeStart w:id="1"/>' + run("The service starts in April.")
               + '<w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r>')
    field = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DOCVARIABLE '
             f'"{s["Tamarind"]}" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
             + run("[click to add the lot name]") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    block_sdt = (f'<w:sdt><w:sdtPr><w:alias w:val="Lot terms"/></w:sdtPr><w:sdtContent>{para(s["Larch"])}'
                 "</w:sdtContent></w:sdt>")
    inline_sdt = ("<w:p>" + run("Eligibility: ") + '<w:sdt><w:sdtPr><w:alias w:val="Eligibility"/></w:sdtPr>'
                  f'<w:sdtContent>{run(s["Maple"])}</w:sdtContent></w:sdt></w:p>')
    hyperlink = f'<w:p><w:hyperlink w:anchor="lots">{run(s["Nutmeg"])}</w:hyperlink></w:p>'
    nested = table([["Lot", "Requirement"],
                    ["Juniper", table([["Minimum standard"], [s["Juniper"]]])]])
    body_box = "<w:p>" + run("Key requirements are set out in the box below.") + text_box(
        para("Bidders should read this box with the specification."), para(s["Ivy"]), box_id=1) + "</w:p>"
    body = "".join([
        para("Invitation to tender: community support service", style="Title"),
        para(INTRO),
        "<w:p>" + run("Lots are described in the specification.") + note_ref("footnote", 1) + "</w:p>",
        para(FILLER), "<w:p>" + run("The lot rules follow. ") + move_from + "</w:p>",
        body_box,
        nested,
        PAGE_BREAK,
        para(FILLER), "<w:p>" + ins + "</w:p>", "<w:p>" + run("Deleted in review: ") + dele + "</w:p>",
        block_sdt, inline_sdt, hyperlink,
        "<w:p>" + run("Lot notes. ") + hidden + "</w:p>",
        "<w:p>" + comment + "</w:p>",
        "<w:p>" + run("Lot name: ") + field + "</w:p>",
        PAGE_BREAK,
        para(FILLER), "<w:p>" + move_to + "</w:p>",
        "<w:p>" + run("Further rules are in the endnotes.") + note_ref("endnote", 1) + "</w:p>",
        para(s["Umber"]),
    ])
    header_box = "<w:p>" + text_box(para(s["Gorse"]), box_id=2) + "</w:p>"
    path = write_docx(
        folder / "parts.docx", body,
        headers={"default": para(s["Cedar"]) + table([["Tender ref", "CS-2026-04"], ["Lot rule", s["Fir"]]]),
                 "first": para(s["Dogwood"]) + header_box,
                 "even": para(s["Elm"])},
        footers={"default": para(s["Hazel"])},
        footnotes={1: para(s["Alder"])},
        endnotes={1: para(s["Birch"])},
        comments={1: para(s["Spruce"])},
        title_page=True, even_odd=True,
    )
    spots = [
        Spot("Alder", s["Alder"], part="footnote 1", page=1),
        Spot("Birch", s["Birch"], part="endnote 1"),
        Spot("Cedar", s["Cedar"], part="header", page=3),
        Spot("Dogwood", s["Dogwood"], part="first-page header", page=1),
        Spot("Elm", s["Elm"], part="even-page header", page=2),
        Spot("Fir", s["Fir"], part="header"),
        Spot("Gorse", s["Gorse"], part="text box in first-page header", page=1),
        Spot("Hazel", s["Hazel"], part="footer"),
        Spot("Ivy", s["Ivy"], part="text box", page=1),
        Spot("Juniper", s["Juniper"], page=1),
        Spot("Larch", s["Larch"], page=2),
        Spot("Maple", "Eligibility: " + s["Maple"], page=2),
        Spot("Nutmeg", s["Nutmeg"], page=2),
        Spot("Oak", s["Oak"], page=2),
        Spot("Pine", s["Pine"], present=False),
        Spot("Quince", s["Quince"], page=3),
        Spot("Rowan", s["Rowan"], hidden=True, pdf=False),
        Spot("Spruce", s["Spruce"], present=False),
        Spot("Tamarind", s["Tamarind"], present=False),
        Spot("Umber", s["Umber"], page=3),
    ]
    return path, spots


def docx_columns(folder: Path) -> tuple[Path, list[Spot]]:
    """A two-column page: a barrier in the right column beside left-column text at the same
    height, and one cut by the column break."""
    s = _s(["Violet", "Willow", "Yarrow"])
    body = "".join([para(INTRO)] + [para(FILLER) for _ in range(9)] + [
        para("The specification continues. " + FILLER + " " + s["Violet"]),
        para(FILLER), para(FILLER), para(s["Willow"]), para(FILLER), para(s["Yarrow"])])
    path = write_docx(folder / "columns.docx", body, columns=2)
    return path, [Spot("Violet", s["Violet"], page=1), Spot("Willow", s["Willow"], page=1),
                  Spot("Yarrow", s["Yarrow"], page=1)]


def docx_hyphen_strike(folder: Path) -> tuple[Path, list[Spot]]:
    """Hyphens at line ends (PDFium reports them as U+0002) inside a turnover test and in true
    compounds, and a sentence struck through."""
    br = "<w:r><w:br/></w:r>"
    turnover = ("For the Zinnia lot, bidders must have a minimum annual turnover of £10 million, five times "
                "the contract value.")
    strike = "Bidders for the Xanthe lot must have been trading for at least five years."
    body = "".join([
        para(INTRO),
        para(turnover.replace("contract value.", "con-"), br, "tract value. The lot is for a well-", br,
             "known, non-", br, "renewable service."),
        "<w:p>" + run(strike, "<w:strike/>") + run(" The lot opens in May.") + "</w:p>",
        para(FILLER),
    ])
    path = write_docx(folder / "hyphen.docx", body)
    return path, [Spot("Zinnia", turnover, page=1, docx=None),
                  Spot("Xanthe", strike, pdf=False)]


def to_pdf(docx: Path, out: Path) -> Path:
    """Export with LibreOffice, as a commissioner's "Save as PDF" would. Each export folder has a
    LibreOffice profile of its own (a profile shared with another soffice running on the machine
    makes the export fail), and a profile still being written gets two more tries."""
    import time

    profile = (out / ".lo-profile").resolve().as_uri()
    done = None
    for _attempt in range(3):
        done = subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--norestore",
                               "--convert-to", "pdf", "--outdir", str(out), str(docx)],
                              capture_output=True, timeout=180)
        pdf = out / (docx.stem + ".pdf")
        if done.returncode == 0 and pdf.exists():
            return pdf
        time.sleep(2)
    raise RuntimeError(f"LibreOffice could not export {docx.name}: {done.stderr[-500:]!r}")


def png(width: int, height: int) -> bytes:
    """A grey PNG written by hand: a page that is only a picture (a scanned page)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")
    raw = b"".join(b"\x00" + bytes([120 + (x * 7 + y) % 90 for x in range(width)]) for y in range(height))
    head = width.to_bytes(4, "big") + height.to_bytes(4, "big") + b"\x08\x00\x00\x00\x00"
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", head) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def docx_running_head(folder: Path) -> tuple[Path, list[Spot]]:
    """A requirement in the running header and footer of a four-page tender: checked once each."""
    s = _s(["Acacia", "Bramble"])
    body = "".join([para(INTRO)] + [para(FILLER) + PAGE_BREAK for _ in range(3)] + [para(FILLER)])
    path = write_docx(folder / "running.docx", body, headers={"default": para(s["Acacia"])},
                      footers={"default": para(s["Bramble"])})
    return path, [Spot("Acacia", s["Acacia"], part="header", page=1),
                  Spot("Bramble", s["Bramble"], part="footer", page=1)]


def docx_scanned_page(folder: Path) -> Path:
    """A text tender with one page that is only a picture, as when a signed page is scanned in."""
    import docx
    from docx.shared import Cm

    d = docx.Document()
    d.add_paragraph(INTRO)
    d.add_paragraph(barrier("Catkin", 0))
    d.add_page_break()
    img = folder / "scan.png"
    img.write_bytes(png(400, 560))
    d.add_picture(str(img), width=Cm(15))
    d.add_page_break()
    d.add_paragraph(FILLER)
    path = folder / "scanned-page.docx"
    d.save(str(path))
    return path
