"""Held-out fidelity set D: barrier sentences in the places real council and NHS tender packs put
them, written blind to the reader.

Five documents, each written part by part as Word writes them (raw WordprocessingML), then
exported to PDF by LibreOffice:

* ``clauses``  - an ITT with a cached table of contents, legal numbering (1.1.1, (a), (i)), a
  definitions table, REF / PAGEREF / HYPERLINK / SEQ / IF fields, footnotes, runs split by
  proofing marks and bookmarks, soft hyphens, non-breaking spaces, tabs with leader dots,
  line breaks; core properties and a glossary building block (both NOT live).
* ``schedule`` - tables: cells merged down and across, a two-row header, bullets in a cell,
  a long table with a repeated header row, a floating table with text wrapped beside it,
  deleted and inserted rows, a repeating-section content control round rows, a drop-down with
  a chosen value (the other list items are NOT live) and a text box in a cell.
* ``layout``   - section breaks of every type, a landscape schedule, a continuous two-column
  section, a header table with a logo, a second section's own header, a first-page footer,
  a frame, a very long paragraph, a sentence cut by a page break inside its paragraph, one
  straddling a natural page break and one pushed over by keep-with-next.
* ``shapes``   - text in DrawingML shapes with VML fallbacks, a legacy VML-only text box, a
  watermark-like shape behind the header, a text box in the footer, an even-page footer;
  an image's alt text (NOT live).
* ``review``   - tracked changes (insert/delete inside a sentence, a deleted paragraph, a
  deleted paragraph mark joining two paragraphs, a moved paragraph, formatting changes, a
  deletion in the header), comments (the comment's own text is NOT live; a comment anchored
  in the middle of a live sentence), hidden text by character style, content controls (plain
  text, checkbox, rich text over several paragraphs).

Not live, never to be reported: comment text, field instruction text (the IF field's other
branch), deleted text (also when the export prints it struck through), core properties,
alt text, glossary building blocks, drop-down list items that are not chosen.
Hidden text is live in the DOCX with hidden=True and is not printed, so pdf=False.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from .ooxml import NS as _NS
from .ooxml import run
from .spots import FILLER, INTRO, Spot, barrier, png

NS = _NS.replace(
    'mc:Ignorable="w14"',
    'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" mc:Ignorable="w14 w15"')
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
DATE = 'w:author="Procurement" w:date="2026-02-03T09:30:00Z"'
PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'


@dataclass
class DSpot(Spot):
    printed: bool | None = None  # the export prints the words (None: same as the PDF expectation)


def live_in_pdf(spot: Spot) -> bool:
    return spot.present if spot.pdf is None else bool(spot.pdf)


def printed(spot: DSpot) -> bool:
    return live_in_pdf(spot) if spot.printed is None else spot.printed


STYLES = (
    _XML + f"<w:styles {NS}><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val=\"22\"/><w:lang w:val=\"en-GB\"/>"
    "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl/><w:spacing w:after=\"160\" w:line=\"259\" "
    "w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/>'
    "</w:style>"
    '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>'
    '<w:rPr><w:sz w:val="40"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>'
    '<w:next w:val="Normal"/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="120"/>'
    '<w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>'
    '<w:next w:val="Normal"/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="160" w:after="80"/>'
    '<w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="24"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="TOCHeading"><w:name w:val="TOC Heading"/><w:basedOn w:val="Normal"/>'
    '<w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/><w:basedOn w:val="Normal"/>'
    '<w:next w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="left" w:pos="440"/><w:tab w:val="right" w:leader="dot" '
    'w:pos="9016"/></w:tabs><w:spacing w:after="100"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="TOC2"><w:name w:val="toc 2"/><w:basedOn w:val="Normal"/>'
    '<w:next w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="left" w:pos="880"/><w:tab w:val="right" w:leader="dot" '
    'w:pos="9016"/></w:tabs><w:spacing w:after="100"/><w:ind w:left="220"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/>'
    '<w:next w:val="Normal"/><w:pPr><w:spacing w:after="200"/></w:pPr><w:rPr><w:i/><w:sz w:val="18"/></w:rPr>'
    "</w:style>"
    '<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/>'
    '<w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="720"/><w:contextualSpacing/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="20"/></w:rPr>'
    "</w:style>"
    '<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/>'
    '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/>'
    '<w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>'
    '<w:style w:type="character" w:customStyle="1" w:styleId="DraftingNote"><w:name w:val="Drafting Note"/>'
    '<w:rPr><w:i/><w:vanish/><w:color w:val="7030A0"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:tabs><w:tab w:val="center" w:pos="4513"/><w:tab w:val="right" w:pos="9026"/></w:tabs>'
    '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:tabs><w:tab w:val="center" w:pos="4513"/><w:tab w:val="right" w:pos="9026"/></w:tabs>'
    '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:style>'
    "</w:styles>")


def _lvl(ilvl: int, fmt: str, text: str, left: int, hanging: int = 567, font: str = "") -> str:
    rpr = f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:hint="default"/></w:rPr>' if font else ""
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
            f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr>{rpr}</w:lvl>')


NUMBERING = (
    _XML + f"<w:numbering {NS}>"
    '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>'
    + _lvl(0, "decimal", "%1.", 567) + _lvl(1, "decimal", "%1.%2", 567) + _lvl(2, "decimal", "%1.%2.%3", 1276, 709)
    + _lvl(3, "lowerLetter", "(%4)", 1843) + _lvl(4, "lowerRoman", "(%5)", 2410) + "</w:abstractNum>"
    '<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>'
    + _lvl(0, "bullet", "\uf0b7", 360, 360, font="Symbol") + "</w:abstractNum>"
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
    "</w:numbering>")


# ---------------------------------------------------------------------------------------- XML pieces

def p(*runs: str, ppr: str = "", style: str | None = None) -> str:
    st = f'<w:pStyle w:val="{style}"/>' if style else ""
    pp = f"<w:pPr>{st}{ppr}</w:pPr>" if (st or ppr) else ""
    return f"<w:p>{pp}{''.join(r if r.startswith('<') else run(r) for r in runs)}</w:p>"


def num(ilvl: int, *runs: str, numid: int = 1, style: str | None = None) -> str:
    return p(*runs, style=style, ppr=f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{numid}"/></w:numPr>')


def field(instr: str, result: str, rpr: str = "") -> str:
    rp = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return (f'<w:r>{rp}<w:fldChar w:fldCharType="begin"/></w:r><w:r>{rp}<w:instrText xml:space="preserve">'
            f'{escape(instr)}</w:instrText></w:r><w:r>{rp}<w:fldChar w:fldCharType="separate"/></w:r>{result}'
            f'<w:r>{rp}<w:fldChar w:fldCharType="end"/></w:r>')


def instr(text: str) -> str:
    return f'<w:r><w:instrText xml:space="preserve">{escape(text)}</w:instrText></w:r>'


def tc(content: str, w: int, *, span: int = 1, vmerge: str | None = None, tcpr: str = "") -> str:
    sp = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    vm = ('<w:vMerge w:val="restart"/>' if vmerge == "restart" else "<w:vMerge/>") if vmerge else ""
    body = content if content.startswith("<") else p(content)
    return f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/>{sp}{vm}{tcpr}</w:tcPr>{body}</w:tc>'


def tr(*cells: str, trpr: str = "") -> str:
    return f"<w:tr>{f'<w:trPr>{trpr}</w:trPr>' if trpr else ''}{''.join(cells)}</w:tr>"


def tbl(widths: list[int], *rows: str, tblpr: str = "") -> str:
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    borders = "".join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                      for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    return (f'<w:tbl><w:tblPr>{tblpr}<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblBorders>{borders}'
            '</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" '
            f'w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>{grid}'
            f"</w:tblGrid>{''.join(rows)}</w:tbl>")


def note_ref(kind: str, note_id: int) -> str:
    tag = "footnoteReference" if kind == "footnote" else "endnoteReference"
    return f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:{tag} w:id="{note_id}"/></w:r>'


def _anchor(box_id: int, cx: int, cy: int, *, behind: bool = False, wrap: str = "<wp:wrapTopAndBottom/>",
            rel_h: str = "column", rel_v: str = "paragraph", descr: str = "") -> str:
    d = f' descr="{escape(descr)}"' if descr else ""
    return ('<wp:anchor distT="45720" distB="45720" distL="114300" distR="114300" simplePos="0" '
            f'relativeHeight="{251659264 + box_id}" behindDoc="{1 if behind else 0}" locked="0" layoutInCell="1" '
            f'allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="{rel_h}"><wp:posOffset>0'
            f'</wp:posOffset></wp:positionH><wp:positionV relativeFrom="{rel_v}"><wp:posOffset>0</wp:posOffset>'
            f'</wp:positionV><wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>{wrap}'
            f'<wp:docPr id="{box_id}" name="Text Box {box_id}"{d}/><wp:cNvGraphicFramePr/>')


def shape(*paragraphs: str, box_id: int, cx: int = 5400000, cy: int = 800000, prst: str = "rect",
          txbox: bool = True, behind: bool = False, wrap: str = "<wp:wrapTopAndBottom/>",
          rel_h: str = "column", rel_v: str = "paragraph") -> str:
    """A run holding a DrawingML shape with text, and the VML copy Word writes as its fallback."""
    content = "".join(paragraphs)
    nv = '<wps:cNvSpPr txBox="1"/>' if txbox else "<wps:cNvSpPr/>"
    vml_type = "#_x0000_t202" if txbox else ("#_x0000_t176" if prst == "flowChartAlternateProcess" else "")
    vml_tag = "v:shape" if txbox else ("v:roundrect" if prst == "roundRect" else "v:rect")
    vtype = f' type="{vml_type}"' if vml_tag == "v:shape" else ""
    return (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        + _anchor(box_id, cx, cy, behind=behind, wrap=wrap, rel_h=rel_h, rel_v=rel_v)
        + '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f'<wps:wsp>{nv}<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        f'<a:prstGeom prst="{prst}"><a:avLst/></a:prstGeom><a:noFill/><a:ln w="6350"><a:solidFill>'
        '<a:srgbClr val="000000"/></a:solidFill></a:ln></wps:spPr>'
        f'<wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx>'
        '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" '
        'anchor="t" anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp>'
        '</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
        f'<mc:Fallback><w:pict><{vml_tag} id="Text Box {box_id}" o:spid="_x0000_s{1025 + box_id}"{vtype} '
        f'style="position:absolute;margin-left:0;margin-top:0;width:{cx / 12700:.0f}pt;height:{cy / 12700:.0f}pt;'
        f'z-index:{251659264 + box_id};mso-position-horizontal-relative:text;mso-position-vertical-relative:text"'
        f' filled="f" strokeweight=".5pt"><v:textbox><w:txbxContent>{content}</w:txbxContent></v:textbox>'
        f'<w10:wrap type="topAndBottom"/></{vml_tag}></w:pict></mc:Fallback></mc:AlternateContent></w:r>')


def vml_box(*paragraphs: str, box_id: int) -> str:
    """A legacy text box, as Word 2003 documents carried into today's templates still hold: VML only."""
    return ('<w:r><w:pict><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" '
            'path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" '
            f'o:connecttype="rect"/></v:shapetype><v:shape id="Text Box {box_id}" o:spid="_x0000_s{1025 + box_id}" '
            'type="#_x0000_t202" style="position:absolute;margin-left:0;margin-top:0;width:425pt;height:64pt;'
            'z-index:251670000;mso-position-horizontal:left;mso-position-horizontal-relative:margin;'
            'mso-position-vertical-relative:text" strokeweight=".5pt"><v:textbox><w:txbxContent>'
            f'{"".join(paragraphs)}</w:txbxContent></v:textbox><w10:wrap type="topAndBottom"/></v:shape>'
            '</w:pict></w:r>')


def picture(rid: str, pic_id: int, cx: int, cy: int, descr: str = "", title: str = "") -> str:
    d = f' descr="{escape(descr)}"' if descr else ""
    t = f' title="{escape(title)}"' if title else ""
    return ('<w:r><w:rPr><w:noProof/></w:rPr><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
            f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
            f'<wp:docPr id="{pic_id}" name="Picture {pic_id}"{d}{t}/><wp:cNvGraphicFramePr>'
            '<a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr><a:graphic>'
            '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
            f'<pic:nvPicPr><pic:cNvPr id="{pic_id}" name="logo.png"{d}/><pic:cNvPicPr/></pic:nvPicPr>'
            f'<pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
            f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>'
            '</wp:inline></w:drawing></w:r>')


def sect(refs: str = "", *, landscape: bool = False, cols: int = 1, kind: str | None = None,
         title_pg: bool = False) -> str:
    w, h = (16838, 11906) if landscape else (11906, 16838)
    orient = ' w:orient="landscape"' if landscape else ""
    return ("<w:sectPr>" + refs + (f'<w:type w:val="{kind}"/>' if kind else "")
            + f'<w:pgSz w:w="{w}" w:h="{h}"{orient}/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" '
            'w:left="1440" w:header="708" w:footer="708" w:gutter="0"/>'
            + (f'<w:cols w:num="{cols}" w:space="708"/>' if cols > 1 else '<w:cols w:space="708"/>')
            + ("<w:titlePg/>" if title_pg else "") + "</w:sectPr>")


def sect_para(sectpr: str) -> str:
    return f"<w:p><w:pPr>{sectpr}</w:pPr></w:p>"


class Package:
    """A .docx written part by part: document, styles, numbering, settings, headers, footers,
    notes, comments, media, core properties and a glossary."""

    def __init__(self, *, even_odd: bool = False):
        self.parts: dict[str, str | bytes] = {}
        self.rels: dict[str, list[tuple[str, str, str]]] = {"word/document.xml": []}
        self.types: dict[str, str] = {}
        self.settings = "<w:evenAndOddHeaders/>" if even_odd else ""
        self._n = 0
        self.add("word/styles.xml", STYLES, f"{_CT}.styles+xml", "styles")
        self.add("word/numbering.xml", NUMBERING, f"{_CT}.numbering+xml", "numbering")

    def add(self, name: str, data: str | bytes, ctype: str | None, reltype: str,
            source: str = "word/document.xml") -> str:
        self._n += 1
        rid = f"rId{self._n}"
        self.parts[name] = data
        if ctype:
            self.types["/" + name] = ctype
        src_dir = source.rsplit("/", 1)[0]
        target = name[len(src_dir) + 1:] if name.startswith(src_dir + "/") else "/" + name
        self.rels.setdefault(source, []).append((rid, f"{_REL}/{reltype}", target))
        return rid

    def header(self, kind: str, xml: str) -> tuple[str, str]:
        """Adds a header or footer part; returns (its part name, its relationship id)."""
        n = sum(1 for k in self.parts if k.startswith(f"word/{kind}")) + 1
        name = f"word/{kind}{n}.xml"
        tag = "hdr" if kind == "header" else "ftr"
        rid = self.add(name, f"{_XML}<w:{tag} {NS}>{xml}</w:{tag}>", f"{_CT}.{kind}+xml", kind)
        return name, rid

    def image(self, data: bytes, source: str = "word/document.xml") -> str:
        n = sum(1 for k in self.parts if k.startswith("word/media/")) + 1
        return self.add(f"word/media/image{n}.png", data, None, "image", source)

    def notes(self, kind: str, notes: dict[int, str]) -> None:
        sep = (f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
               f'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:{kind}>'
               f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
               f'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:{kind}>')
        ref = "footnoteRef" if kind == "footnote" else "endnoteRef"
        body = ""
        for i, xml in notes.items():
            # Word starts each note's first paragraph with the note's own number mark.
            mark = f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:{ref}/></w:r>{run(" ")}'
            xml = xml.replace("<w:p>", '<w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>' + mark, 1)
            body += f'<w:{kind} w:id="{i}">{xml}</w:{kind}>'
        self.add(f"word/{kind}s.xml", f"{_XML}<w:{kind}s {NS}>{sep}{body}</w:{kind}s>",
                 f"{_CT}.{kind}s+xml", f"{kind}s")

    def comments(self, comments: dict[int, str]) -> None:
        body = "".join(f'<w:comment w:id="{i}" {DATE} w:initials="P">{xml}</w:comment>'
                       for i, xml in comments.items())
        self.add("word/comments.xml", f"{_XML}<w:comments {NS}>{body}</w:comments>", f"{_CT}.comments+xml",
                 "comments")

    def glossary(self, name: str, xml: str) -> None:
        doc = (f"{_XML}<w:glossaryDocument {NS}><w:docParts><w:docPart><w:docPartPr><w:name w:val=\"{name}\"/>"
               '<w:category><w:name w:val="General"/><w:gallery w:val="autoTxt"/></w:category><w:behaviors>'
               '<w:behavior w:val="content"/></w:behaviors><w:guid w:val="{6A1C2B1E-3F0A-4C55-9E7B-2D1F0E9A7C11}"/>'
               f"</w:docPartPr><w:docPartBody>{xml}</w:docPartBody></w:docPart></w:docParts></w:glossaryDocument>")
        self.add("word/glossary/document.xml", doc, f"{_CT}.document.glossary+xml", "glossaryDocument")

    def core(self, title: str, subject: str, description: str, keywords: str) -> None:
        self.parts["docProps/core.xml"] = (
            _XML + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
            'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{escape(title)}</dc:title><dc:subject>{escape(subject)}</dc:subject>"
            f"<dc:creator>Procurement</dc:creator><cp:keywords>{escape(keywords)}</cp:keywords>"
            f"<dc:description>{escape(description)}</dc:description>"
            '<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-12T09:00:00Z</dcterms:created>'
            "</cp:coreProperties>")
        self.types["/docProps/core.xml"] = "application/vnd.openxmlformats-package.core-properties+xml"

    def save(self, path: Path, body: str, final_sect: str) -> Path:
        self.parts["word/settings.xml"] = (f"{_XML}<w:settings {NS}>{self.settings}"
                                           '<w:defaultTabStop w:val="720"/></w:settings>')
        self.rels["word/document.xml"].append(("rIdSettings", f"{_REL}/settings", "settings.xml"))
        self.types["/word/settings.xml"] = f"{_CT}.settings+xml"
        self.parts["word/document.xml"] = (f"{_XML}<w:document {NS}><w:body>{body}{final_sect}</w:body>"
                                           "</w:document>")
        root = [("rId1", f"{_REL}/officeDocument", "word/document.xml")]
        if "docProps/core.xml" in self.parts:
            root.append(("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
                                 "core-properties", "docProps/core.xml"))
        files: dict[str, str | bytes] = {}
        types = ('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Default Extension="png" ContentType="image/png"/>'
                 f'<Override PartName="/word/document.xml" ContentType="{_CT}.document.main+xml"/>'
                 + "".join(f'<Override PartName="{n}" ContentType="{t}"/>' for n, t in self.types.items())
                 + "</Types>")
        files["[Content_Types].xml"] = _XML + types
        files["_rels/.rels"] = self._rels(root)
        for source, rels in self.rels.items():
            folder, base = source.rsplit("/", 1)
            files[f"{folder}/_rels/{base}.rels"] = self._rels(rels)
        files.update(self.parts)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in files.items():
                zf.writestr(name, data)
        return path

    @staticmethod
    def _rels(rels: list[tuple[str, str, str]]) -> str:
        return (_XML + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                + "".join(f'<Relationship Id="{i}" Type="{t}" Target="{n}"/>' for i, t, n in rels)
                + "</Relationships>")


def _sentences(pairs: list[tuple[str, int]]) -> dict[str, str]:
    return {name: barrier(name, i) for name, i in pairs}


TRADING, BOND, TRACK = 0, 1, 2


# ---------------------------------------------------------------------------------------- 1. clauses

def _toc_entry(style: str, anchor: str, number: str, text: str, page: int, first: bool = False,
               last: bool = False) -> str:
    begin = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>' + instr(' TOC \\o "1-2" \\h \\z \\u ')
             + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>') if first else ""
    pageref = ('<w:r><w:rPr><w:webHidden/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r>'
               f'<w:r><w:rPr><w:webHidden/></w:rPr><w:instrText xml:space="preserve"> PAGEREF {anchor} \\h '
               '</w:instrText></w:r><w:r><w:rPr><w:webHidden/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r>'
               f'<w:r><w:rPr><w:webHidden/></w:rPr><w:t>{page}</w:t></w:r>'
               '<w:r><w:rPr><w:webHidden/></w:rPr><w:fldChar w:fldCharType="end"/></w:r>')
    link = (f'<w:hyperlink w:anchor="{anchor}" w:history="1">'
            f'<w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>{number}</w:t></w:r><w:r><w:tab/></w:r>'
            f'<w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
            f'<w:r><w:rPr><w:webHidden/></w:rPr><w:tab/></w:r>{pageref}</w:hyperlink>')
    end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>' if last else ""
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{begin}{link}{end}</w:p>'


def _bm(name: str, bid: int, inner: str) -> str:
    return f'<w:bookmarkStart w:id="{bid}" w:name="{name}"/>{inner}<w:bookmarkEnd w:id="{bid}"/>'


def docx_clauses(folder: Path) -> tuple[Path, list[Spot]]:
    """An ITT's numbered clauses: the TOC's cached copy of a heading, legal numbering, a definitions
    table, fields of five kinds (their instruction text is NOT live: the IF field's other branch),
    footnotes, Word's split runs, soft hyphens, NBSPs, leader tabs and line breaks. The document's
    core properties and a glossary building block hold sentences that are NOT live."""
    s = _sentences([("Skye", TRADING), ("Mull", TRACK), ("Arran", TRADING), ("Islay", BOND), ("Jura", TRACK),
                    ("Bute", TRADING), ("Tiree", TRACK), ("Coll", TRADING), ("Barra", TRADING), ("Harris", BOND),
                    ("Lewis", BOND), ("Orkney", TRACK), ("Shetland", TRADING), ("Rum", BOND), ("Eigg", BOND),
                    ("Iona", TRACK), ("Colonsay", BOND), ("Lismore", TRACK)])
    pkg = Package()
    # Word's TOC: cached entries, each a hyperlink with a PAGEREF to the heading's _Toc bookmark.
    toc = (_toc_entry("TOC1", "_Toc1", "1.", "Definitions", 2, first=True)
           + _toc_entry("TOC1", "_Toc2", "2.", "Eligibility", 2)
           + _toc_entry("TOC2", "_Toc3", "2.1", s["Skye"], 2)
           + _toc_entry("TOC1", "_Toc4", "3.", "Financial standing", 3, last=True))
    # Runs as Word leaves them after editing: rsids, proofing marks, a bookmark inside the lot name,
    # a lastRenderedPageBreak inside a run.
    arran = ('<w:r w:rsidR="00A41C2B"><w:t>Bid</w:t></w:r><w:proofErr w:type="spellStart"/>'
             '<w:r w:rsidR="00B77D10"><w:t xml:space="preserve">ders for the </w:t></w:r><w:proofErr w:type="spellEnd"/>'
             '<w:bookmarkStart w:id="21" w:name="_Hlk160001"/><w:r w:rsidR="00B77D10"><w:rPr><w:noProof/></w:rPr>'
             '<w:t>Ar</w:t></w:r><w:r w:rsidR="00C0FFEE"><w:t>ran</w:t></w:r><w:bookmarkEnd w:id="21"/>'
             '<w:r><w:t xml:space="preserve"> lot must </w:t></w:r><w:r><w:lastRenderedPageBreak/>'
             '<w:t>have been trad</w:t></w:r><w:proofErr w:type="gramStart"/><w:r><w:rPr><w:lang w:val="en-US"/>'
             '</w:rPr><w:t xml:space="preserve">ing for at least five ye</w:t></w:r><w:proofErr w:type="gramEnd"/>'
             '<w:r><w:t>ars.</w:t></w:r>')
    islay_a, islay_b = s["Islay"].split("performance")
    islay = (run(islay_a + "perfor") + '<w:r><w:softHyphen/></w:r>' + run("mance" + islay_b))
    bute = "Lot 6 \u2013 Bute (\u00a32.4m): " + s["Bute"].replace("five years", "five\u00a0years")
    tiree_a, tiree_b = s["Tiree"].split(" in the last")
    tiree = run(tiree_a) + "<w:r><w:br/></w:r>" + run("in the last" + tiree_b)
    coll = ('<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="709"/><w:tab w:val="right" w:leader="dot" '
            'w:pos="9016"/></w:tabs><w:ind w:left="709" w:hanging="709"/></w:pPr>'
            + run("R4") + "<w:r><w:tab/></w:r>" + run(s["Coll"]) + "<w:r><w:tab/></w:r>" + run("Pass/fail")
            + "</w:p>")
    barra_a, barra_b = s["Barra"].split("five")
    barra = run(barra_a) + field(" REF MinYears \\h ", run("five")) + run(barra_b)
    if_field = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                + instr(f' IF "Care" = "Care" "{s["Harris"]}" "{s["Lewis"]}" ')
                + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run(s["Harris"])
                + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    orkney = "Table 1: " + s["Orkney"]
    shetland = field(' HYPERLINK "https://www.find-tender.service.gov.uk/" ',
                     run(s["Shetland"], '<w:rStyle w:val="Hyperlink"/>'))
    rum_prefix = "As set out on page 2: "
    rum = (run("As set out on page ") + '<w:fldSimple w:instr=" PAGEREF _Toc3 \\h ">' + run("2") + "</w:fldSimple>"
           + run(": " + s["Rum"]))
    eigg_a, eigg_b = s["Eigg"].split(" of 20%")
    eigg = run(eigg_a) + note_ref("footnote", 1) + run(" of 20%" + eigg_b)
    defs = tbl(
        [3000, 6026],
        tr(tc(p(run("Term", "<w:b/>")), 3000), tc(p(run("Meaning", "<w:b/>")), 6026), trpr="<w:tblHeader/>"),
        tr(tc("Minimum Trading Period", 3000),
           tc(p(run("The period of "), _bm("MinYears", 22, run("five")), run(" years ending on the deadline.")), 6026)),
        tr(tc(p("Qualifying Contract (including any framework call-off, dynamic purchasing system award or "
                "concession let by a contracting authority)"), 3000),
           tc(p("A contract for services of the kind described in the Specification. " + s["Jura"]), 6026)),
        tr(tc("Contract Value", 3000), tc("The estimated total value of the Contract over its full term.", 6026)),
    )
    caption = p(run("Table "), field(" SEQ Table \\* ARABIC ", run("1")), run(": " + s["Orkney"]), style="Caption")
    small = tbl([4500, 4526], tr(tc("Insurance", 4500), tc(p(run("As set out below."), note_ref("footnote", 2)),
                                                                     4526)))
    body = "".join([
        p("Invitation to Tender \u2013 Community Support Services", style="Title"),
        p(INTRO),
        p("Contents", style="TOCHeading"),
        toc,
        PAGE_BREAK,
        num(0, _bm("_Toc1", 1, run("Definitions")), style="Heading1"),
        p("In this Invitation to Tender the following words have the meanings given below."),
        defs,
        num(0, _bm("_Toc2", 2, run("Eligibility")), style="Heading1"),
        num(1, _bm("_Toc3", 3, run(s["Skye"])), style="Heading2"),
        num(2, s["Mull"]),
        num(3, arran),
        num(4, islay),
        num(4, "Bidders may rely on the resources of a parent company for this purpose."),
        num(3, bute),
        num(2, tiree),
        num(2, barra),
        coll,
        num(0, _bm("_Toc4", 4, run("Financial standing")), style="Heading1"),
        num(1, if_field),
        num(1, eigg),
        num(1, rum),
        caption,
        small,
        p(FILLER),
        p(shetland),
    ])
    pkg.notes("footnote", {1: p("A bond from a surety regulated in the United Kingdom is acceptable."),
                           2: p(s["Iona"])})
    pkg.core(title="Invitation to Tender", subject="Community support services", description=s["Colonsay"],
             keywords="tender; community support")
    pkg.glossary("Lot rule (spare)", p(s["Lismore"]))
    path = pkg.save(folder / "clauses.docx", body, sect())
    spots = [
        DSpot("Skye", s["Skye"], page=2),
        DSpot("Mull", s["Mull"], page=2),
        DSpot("Arran", s["Arran"], page=2),
        DSpot("Islay", s["Islay"], page=2),
        DSpot("Jura", s["Jura"], page=2),
        DSpot("Bute", bute, page=2),
        DSpot("Tiree", s["Tiree"], page=2),
        DSpot("Coll", s["Coll"], page=2),
        DSpot("Barra", s["Barra"], page=2),
        # LibreOffice recalculates an IF field on export and prints nothing for it.
        DSpot("Harris", s["Harris"], pdf=False),
        DSpot("Lewis", s["Lewis"], present=False),
        DSpot("Orkney", orkney, page=2),
        DSpot("Shetland", s["Shetland"], page=3),
        DSpot("Rum", rum_prefix + s["Rum"], page=2),
        DSpot("Eigg", s["Eigg"], page=2),
        DSpot("Iona", s["Iona"], part="footnote 2", page=2),
        DSpot("Colonsay", s["Colonsay"], present=False),
        DSpot("Lismore", s["Lismore"], present=False),
    ]
    return path, spots


# ---------------------------------------------------------------------------------------- 2. schedule

EMPTY = "<w:p/>"


def _tracked_cell(text: str, w: int, kind: str, cid: int) -> str:
    """A cell of an inserted or deleted row: the runs and the paragraph mark are tracked too."""
    mark = f'<w:pPr><w:rPr><w:{kind} w:id="{cid}" {DATE}/></w:rPr></w:pPr>'
    r = (f'<w:r><w:delText xml:space="preserve">{escape(text)}</w:delText></w:r>' if kind == "del" else run(text))
    return tc(f"<w:p>{mark}<w:{kind} w:id=\"{cid + 1}\" {DATE}>{r}</w:{kind}></w:p>", w)


def docx_schedule(folder: Path) -> tuple[Path, list[Spot]]:
    """A schedule of lot requirements in tables: merged cells both ways under a two-row header,
    bullets in a cell, a deleted row (NOT live) and an inserted one, rows in a repeating-section
    content control, a drop-down whose other list item is NOT live, a text box in a cell, a
    floating table with a paragraph wrapped beside it, and a long table whose header row (holding
    a requirement) repeats on every page."""
    s = _sentences([("Coniston", TRACK), ("Ullswater", BOND), ("Buttermere", TRADING), ("Grasmere", BOND),
                    ("Wastwater", TRADING), ("Ennerdale", TRACK), ("Loweswater", BOND), ("Haweswater", TRADING),
                    ("Thirlmere", TRACK), ("Bassenthwaite", BOND), ("Derwentwater", TRADING), ("Vatersay", TRACK)])
    pkg = Package()
    hdr = "<w:tblHeader/>"
    merged = tbl(
        [1800, 4600, 2626],
        tr(tc(p(run("Lot", "<w:b/>")), 1800, vmerge="restart"),
           tc(p(run("Requirement and evidence", "<w:b/>")), 7226, span=2), trpr=hdr),
        tr(tc(EMPTY, 1800, vmerge="cont"), tc(p(run("Requirement", "<w:b/>")), 4600),
           tc(p(run("Evidence", "<w:b/>")), 2626), trpr=hdr),
        tr(tc("Lot 1", 1800, vmerge="restart"), tc(s["Coniston"], 4600, vmerge="restart"),
           tc("Two client references", 2626)),
        tr(tc(EMPTY, 1800, vmerge="cont"), tc(EMPTY, 4600, vmerge="cont"),
           tc("Three case studies of similar services", 2626)),
        tr(tc(EMPTY, 1800, vmerge="cont"), tc(EMPTY, 4600, vmerge="cont"),
           tc("A declaration signed by a director", 2626)),
        tr(tc("Lot 2", 1800), tc(s["Ullswater"], 7226, span=2)),
    )
    bullets = "".join(p(t, style="ListParagraph", ppr='<w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr>')
                      for t in ("hold Cyber Essentials Plus certification;", s["Buttermere"],
                                "be registered with the Care Quality Commission."))
    bullet_tbl = tbl([1800, 7226], tr(tc("Lot 3", 1800), tc(p("Bidders must:") + bullets, 7226)))
    dropdown = ('<w:p><w:sdt><w:sdtPr><w:alias w:val="Bond requirement"/><w:tag w:val="bond"/>'
                '<w:id w:val="-1440270018"/><w:dropDownList w:lastValue="bond20">'
                f'<w:listItem w:displayText="{escape(s["Bassenthwaite"])}" w:value="bond20"/>'
                f'<w:listItem w:displayText="{escape(s["Derwentwater"])}" w:value="trading5"/>'
                f'</w:dropDownList></w:sdtPr><w:sdtContent>{run(s["Bassenthwaite"])}</w:sdtContent></w:sdt></w:p>')
    repeating = ('<w:sdt><w:sdtPr><w:alias w:val="Further lots"/><w:id w:val="1822057633"/><w15:repeatingSection/>'
                 '</w:sdtPr><w:sdtContent>'
                 '<w:sdt><w:sdtPr><w:id w:val="-87912402"/><w15:repeatingSectionItem/></w:sdtPr><w:sdtContent>'
                 + tr(tc("Lot 6", 1800), tc(s["Thirlmere"], 5000), tc("Pass/fail", 2226))
                 + '</w:sdtContent></w:sdt>'
                 '<w:sdt><w:sdtPr><w:id w:val="-87912403"/><w15:repeatingSectionItem/></w:sdtPr><w:sdtContent>'
                 + tr(tc("Lot 7", 1800), tc("Public liability insurance of \u00a35 million.", 5000), tc("10%", 2226))
                 + "</w:sdtContent></w:sdt></w:sdtContent></w:sdt>")
    box = shape(p(s["Vatersay"]), box_id=31, cx=3000000, cy=1000000)
    review = tbl(
        [1800, 5000, 2226],
        tr(tc(p(run("Lot", "<w:b/>")), 1800), tc(p(run("Requirement", "<w:b/>")), 5000),
           tc(p(run("Assessment", "<w:b/>")), 2226), trpr=hdr),
        tr(_tracked_cell("Lot 4", 1800, "del", 401), _tracked_cell(s["Loweswater"], 5000, "del", 403),
           _tracked_cell("Pass/fail", 2226, "del", 405), trpr=f'<w:del w:id="400" {DATE}/>'),
        tr(_tracked_cell("Lot 5", 1800, "ins", 411), _tracked_cell(s["Haweswater"], 5000, "ins", 413),
           _tracked_cell("Pass/fail", 2226, "ins", 415), trpr=f'<w:ins w:id="410" {DATE}/>'),
        repeating,
        tr(tc("Lot 8", 1800), tc(dropdown, 5000), tc("Pass/fail", 2226)),
        tr(tc("Lot 9", 1800), tc(p("See the box:") + p(box), 5000), tc("Pass/fail", 2226)),
    )
    floating = tbl(
        [3600],
        tr(tc(p(run("Lot 10 key rule", "<w:b/>")), 3600)),
        tr(tc(s["Wastwater"], 3600)),
        tblpr='<w:tblpPr w:leftFromText="180" w:rightFromText="180" w:vertAnchor="text" w:horzAnchor="margin" '
              'w:tblpXSpec="right" w:tblpY="1"/><w:tblOverlap w:val="never"/>',
    )
    ennerdale = p(FILLER + " " + s["Ennerdale"] + " " + FILLER + " " + FILLER)
    rows = "".join(tr(tc(f"S{n}", 1500), tc(f"The provider must meet national care standard {n} in full.", 5526),
                      tc("Policy document", 2000)) for n in range(1, 56))
    long_tbl = tbl(
        [1500, 5526, 2000],
        tr(tc(p(run("Schedule 3 \u2013 Minimum standards. ", "<w:b/>"), run(s["Grasmere"], "<w:b/>")), 9026, span=3),
           trpr=hdr),
        tr(tc(p(run("Ref", "<w:b/>")), 1500), tc(p(run("Standard", "<w:b/>")), 5526),
           tc(p(run("Evidence", "<w:b/>")), 2000), trpr=hdr),
        rows,
    )
    body = "".join([
        p("Schedule 2 \u2013 Lot requirements", style="Heading1"),
        merged, p(""), bullet_tbl, p(""), review, p(""),
        floating, ennerdale, p(FILLER),
        PAGE_BREAK,
        long_tbl, p(FILLER),
    ])
    path = pkg.save(folder / "schedule.docx", body, sect())
    spots = [
        DSpot("Coniston", s["Coniston"], page=1),
        DSpot("Ullswater", s["Ullswater"], page=1),
        DSpot("Buttermere", s["Buttermere"], page=1),
        DSpot("Loweswater", s["Loweswater"], present=False, printed=True),  # printed struck through
        DSpot("Haweswater", s["Haweswater"], page=1),
        DSpot("Thirlmere", s["Thirlmere"], page=1),
        DSpot("Bassenthwaite", s["Bassenthwaite"], page=1),
        DSpot("Derwentwater", s["Derwentwater"], present=False),
        DSpot("Vatersay", s["Vatersay"], part="text box", page=1),
        DSpot("Wastwater", s["Wastwater"], page=2),
        DSpot("Ennerdale", s["Ennerdale"], page=2),
        DSpot("Grasmere", s["Grasmere"], page=3),  # the header row repeats on page 4
    ]
    return path, spots


# ---------------------------------------------------------------------------------------- 3. layout

VARIED = [
    "Referrals will come from adult social care, GP practices and the voluntary sector.",
    "The provider will keep records in line with the Council's information governance policy.",
    "Staff will be trained in safeguarding adults at a level suited to their role.",
    "The service will be available from eight in the morning until eight in the evening.",
    "People using the service will be involved in reviewing how it is delivered.",
    "The provider will take part in contract review meetings with the commissioning team.",
]


def filler(n: int, start: int = 0) -> str:
    return "".join(p(VARIED[(start + k) % len(VARIED)] + " " + FILLER) for k in range(n))


DEVOKE_FILL = 12
DEVOKE_LINES = 1
TALKIN_FILL = 11


def docx_layout(folder: Path) -> tuple[Path, list[Spot]]:
    """Five sections (next page, landscape; continuous, two columns; odd page, which leaves a
    blank page; even page): a header table with the council's logo, a second section's own header,
    a first-page footer, a frame, a very long paragraph, a sentence cut by a page break inside
    its paragraph, one straddling a natural page break, one pushed onto the next page by
    keep-with-next."""
    s = _sentences([("Gigha", TRADING), ("Overwater", BOND), ("Raasay", TRACK), ("Devoke", TRADING),
                    ("Esthwaite", TRADING), ("Talkin", BOND), ("Crummock", TRACK), ("Kerrera", BOND),
                    ("Brotherswater", TRADING), ("Elterwater", TRACK), ("Ulva", BOND)])
    pkg = Package()
    logo = pkg.image(png(120, 60), source="word/header1.xml")
    head1 = tbl([2000, 7026], tr(
        tc(p(picture(logo, 50, 1080000, 540000)), 2000),
        tc(p(run("Community Support Services \u2013 ITT", "<w:b/>")) + p(s["Gigha"]), 7026)))
    _, h1 = pkg.header("header", head1 + p("", style="Header"))
    page_field = field(" PAGE ", run("1"))
    _, f1 = pkg.header("footer", p(run("Page "), page_field, style="Footer"))
    _, h2 = pkg.header("header", p(run("Schedule 4 \u2013 Service levels. "), run(s["Kerrera"]), style="Header"))
    _, h4 = pkg.header("header", p("Schedule 5 \u2013 Pricing", style="Header"))
    _, h4f = pkg.header("header", p("Schedule 5 \u2013 Pricing (cover)", style="Header"))
    _, f4 = pkg.header("footer", p(run("Pricing \u2013 page "), field(" PAGE ", run("1")), style="Footer"))
    _, f4f = pkg.header("footer", p(s["Ulva"], style="Footer"))
    refs1 = f'<w:headerReference w:type="default" r:id="{h1}"/><w:footerReference w:type="default" r:id="{f1}"/>'
    refs2 = f'<w:headerReference w:type="default" r:id="{h2}"/>'
    refs4 = (f'<w:headerReference w:type="default" r:id="{h4}"/><w:headerReference w:type="first" r:id="{h4f}"/>'
             f'<w:footerReference w:type="default" r:id="{f4}"/><w:footerReference w:type="first" r:id="{f4f}"/>')
    long_para = p(" ".join([FILLER, *VARIED, s["Overwater"], *reversed(VARIED), FILLER, *VARIED]))
    frame = ('<w:p><w:pPr><w:framePr w:w="3400" w:hSpace="180" w:wrap="around" w:vAnchor="text" '
             'w:hAnchor="margin" w:xAlign="right" w:y="1"/><w:pBdr><w:top w:val="single" w:sz="4" w:space="1" '
             'w:color="auto"/><w:left w:val="single" w:sz="4" w:space="4" w:color="auto"/><w:bottom w:val="single" '
             'w:sz="4" w:space="1" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="4" w:color="auto"/>'
             f'</w:pBdr><w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/></w:pPr>{run(s["Raasay"])}</w:p>')
    devoke = p(FILLER + " " + s["Devoke"] + " " + VARIED[3] + " " + VARIED[0])
    est_a, est_b = s["Esthwaite"].split(" for at least")
    esthwaite = p(run(VARIED[4] + " " + est_a), '<w:r><w:br w:type="page"/></w:r>', run("for at least" + est_b))
    talkin = (p("Financial standing", style="Heading1")
              + p(s["Talkin"] + " " + VARIED[0] + " " + VARIED[1], ppr="<w:keepLines/>"))
    crummock = tbl([3000, 8000, 2958],
                   tr(tc(p(run("Service", "<w:b/>")), 3000), tc(p(run("Level", "<w:b/>")), 8000),
                      tc(p(run("Measure", "<w:b/>")), 2958), trpr="<w:tblHeader/>"),
                   tr(tc("Response to referral", 3000), tc("Within two working days of the referral.", 8000),
                      tc("95%", 2958)),
                   tr(tc("Track record", 3000), tc(s["Crummock"], 8000), tc("Pass/fail", 2958)))
    body = "".join([
        p("Specification \u2013 Community Support Services", style="Title"),
        p(INTRO),
        long_para,
        frame,
        filler(2),
        PAGE_BREAK,
        filler(DEVOKE_FILL, 1),
        *[p(VARIED[k % 6]) for k in range(DEVOKE_LINES)],
        devoke,
        p(VARIED[5]),
        esthwaite,
        filler(TALKIN_FILL, 3),
        p(VARIED[5]), p(VARIED[3]),
        talkin,
        p(FILLER),
        sect_para(sect(refs1)),
        p("Schedule 4 \u2013 Service levels", style="Heading1"),
        crummock,
        sect_para(sect(refs2, landscape=True, kind="nextPage")),
        filler(2, 2),
        p(VARIED[5], '<w:r><w:br w:type="column"/></w:r>'),
        p(s["Brotherswater"]),
        p(FILLER),
        sect_para(sect(landscape=True, cols=2, kind="continuous")),
        p("Schedule 5 \u2013 Pricing", style="Heading1"),
        p(s["Elterwater"]),
        filler(2, 4),
        sect_para(sect(refs4, kind="oddPage", title_pg=True)),
        p("Annex A \u2013 Forms"),
        p(FILLER),
    ])
    path = pkg.save(folder / "layout.docx", body, sect(kind="evenPage"))
    spots = [
        DSpot("Gigha", s["Gigha"], part="header", page=1),
        DSpot("Overwater", s["Overwater"], page=1),
        DSpot("Raasay", s["Raasay"], page=1),
        DSpot("Devoke", s["Devoke"], page=2),
        DSpot("Esthwaite", s["Esthwaite"], page=3),
        DSpot("Talkin", s["Talkin"], page=5),
        DSpot("Crummock", s["Crummock"], page=6),
        DSpot("Kerrera", s["Kerrera"], part="header", page=6),
        DSpot("Brotherswater", s["Brotherswater"], page=6),
        DSpot("Elterwater", s["Elterwater"], page=7),
        DSpot("Ulva", s["Ulva"], part="first-page footer", page=7),
    ]
    return path, spots


# ---------------------------------------------------------------------------------------- 4. shapes

def docx_shapes(folder: Path) -> tuple[Path, list[Spot]]:
    """Text in shapes as Word writes them (DrawingML with a VML fallback copy): a text box, a
    rounded rectangle holding text, a legacy VML-only text box, a shape behind the header text
    (as a watermark is), a text box in the footer; odd and even headers and footers; an image
    whose alt text holds a sentence (NOT live)."""
    s = _sentences([("Sanday", TRACK), ("Westray", BOND), ("Foula", TRADING), ("Cumbrae", TRACK),
                    ("Unst", BOND), ("Hoy", TRADING), ("Canna", BOND)])
    pkg = Package(even_odd=True)
    mark = shape(p(run(s["Sanday"], '<w:color w:val="BFBFBF"/><w:sz w:val="28"/>')), box_id=41, cx=5700000,
                 cy=1400000, behind=True, wrap="<wp:wrapNone/>", rel_h="margin", rel_v="margin")
    _, hd = pkg.header("header", p("Community Support Services \u2013 ITT", style="Header") + p(mark, style="Header"))
    _, he = pkg.header("header", p("Draft for consultation", style="Header"))
    fbox = shape(p(s["Westray"]), box_id=42, cx=5700000, cy=560000)
    _, fd = pkg.header("footer", p(fbox, style="Footer"))
    _, fe = pkg.header("footer", p(s["Foula"], style="Footer"))
    refs = (f'<w:headerReference w:type="even" r:id="{he}"/><w:headerReference w:type="default" r:id="{hd}"/>'
            f'<w:footerReference w:type="even" r:id="{fe}"/><w:footerReference w:type="default" r:id="{fd}"/>')
    img = pkg.image(png(200, 100))
    body = "".join([
        p("Invitation to Tender \u2013 Community Support Services", style="Title"),
        p(INTRO),
        p(run("The key lot rules are in the panel below.")),
        p(shape(p(run("Key rule", "<w:b/>")), p(s["Unst"]), box_id=43, cx=5400000, cy=900000,
                prst="roundRect", txbox=False)),
        p(FILLER),
        p(picture(img, 44, 1800000, 900000, descr=s["Canna"], title="Service map")),
        p(FILLER),
        PAGE_BREAK,
        p(VARIED[0]),
        p(run("Read the box with the specification."), shape(p(s["Cumbrae"]), box_id=45)),
        p(FILLER),
        p(vml_box(p("Note for bidders"), p(s["Hoy"]), box_id=46)),
        p(VARIED[1]),
        PAGE_BREAK,
        p(FILLER),
    ])
    path = pkg.save(folder / "shapes.docx", body, sect(refs))
    spots = [
        DSpot("Sanday", s["Sanday"], part="text box in header", page=1),
        DSpot("Westray", s["Westray"], part="text box in footer", page=1),
        DSpot("Foula", s["Foula"], part="even-page footer", page=2),
        DSpot("Cumbrae", s["Cumbrae"], part="text box", page=2),
        DSpot("Unst", s["Unst"], part="text box", page=1),
        DSpot("Hoy", s["Hoy"], part="text box", page=2),
        DSpot("Canna", s["Canna"], present=False),
    ]
    return path, spots


# ---------------------------------------------------------------------------------------- 5. review

def _del(text: str, cid: int) -> str:
    return f'<w:del w:id="{cid}" {DATE}><w:r><w:delText xml:space="preserve">{escape(text)}</w:delText></w:r></w:del>'


def _ins(text: str, cid: int) -> str:
    return f'<w:ins w:id="{cid}" {DATE}>{run(text)}</w:ins>'


def docx_review(folder: Path) -> tuple[Path, list[Spot]]:
    """A tender returned from review with changes tracked and comments: a word replaced inside a
    sentence, a deleted paragraph and a deletion in the header (NOT live, though the export prints
    them struck through), a deleted paragraph mark that joins two paragraphs into one sentence, a
    moved paragraph, formatting changes, a comment's own text (NOT live) and a comment anchored in
    the middle of a sentence; a drafting note hidden by its character style (hidden; not printed);
    content controls: plain text, a checkbox beside a sentence, rich text holding a table."""
    s = _sentences([("Eriskay", TRADING), ("Benbecula", BOND), ("Uist", TRADING), ("Lunga", TRACK),
                    ("Staffa", BOND), ("Fetlar", TRADING), ("Scalpay", BOND), ("Stronsay", TRACK),
                    ("Taransay", TRADING), ("Berneray", BOND), ("Mingulay", TRACK), ("Rousay", TRADING)])
    pkg = Package()
    _, hd = pkg.header("header", p(run("Tender ref CS-2026-09. "), _del(s["Rousay"], 601), style="Header"))
    eri_a = s["Eriskay"].split("five")[0]
    eriskay = p(run(eri_a), _del("three", 602), _ins("five", 603), run(" years."))
    benbecula = (f'<w:p><w:pPr><w:rPr><w:del w:id="604" {DATE}/></w:rPr></w:pPr>{_del(s["Benbecula"], 605)}</w:p>')
    uist_a, uist_b = s["Uist"].split("for at least")
    uist = (f'<w:p><w:pPr><w:rPr><w:del w:id="606" {DATE}/></w:rPr></w:pPr>{run(uist_a)}</w:p>'
            + p("for at least" + uist_b))
    move_from = ('<w:p><w:pPr><w:rPr><w:moveFrom w:id="607" ' + DATE + '/></w:rPr></w:pPr>'
                 f'<w:moveFromRangeStart w:id="608" {DATE} w:name="move160101"/>'
                 f'<w:moveFrom w:id="609" {DATE}>{run(s["Lunga"])}</w:moveFrom>'
                 '<w:moveFromRangeEnd w:id="608"/></w:p>')
    move_to = ('<w:p><w:pPr><w:rPr><w:moveTo w:id="610" ' + DATE + '/></w:rPr></w:pPr>'
               f'<w:moveToRangeStart w:id="611" {DATE} w:name="move160101"/>'
               f'<w:moveTo w:id="612" {DATE}>{run(s["Lunga"])}</w:moveTo>'
               '<w:moveToRangeEnd w:id="611"/></w:p>')
    staffa = ('<w:p><w:pPr><w:jc w:val="both"/><w:pPrChange w:id="613" ' + DATE + '><w:pPr/></w:pPrChange></w:pPr>'
              f'<w:r><w:rPr><w:b/><w:rPrChange w:id="614" {DATE}><w:rPr/></w:rPrChange></w:rPr>'
              f'<w:t xml:space="preserve">{escape(s["Staffa"])}</w:t></w:r></w:p>')
    fetlar = ('<w:p><w:commentRangeStart w:id="1"/>' + run("The contract will start on 1 April 2026.")
              + '<w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r></w:p>')
    sc_a, sc_b = s["Scalpay"].split("performance bond")
    scalpay = ("<w:p>" + run(sc_a) + '<w:commentRangeStart w:id="2"/>' + run("performance bond")
               + '<w:commentRangeEnd w:id="2"/><w:r><w:commentReference w:id="2"/></w:r>' + run(sc_b) + "</w:p>")
    stronsay = p(run("The lot rules are set out in the schedule. "), run(s["Stronsay"], '<w:rStyle w:val="DraftingNote"/>'))
    taransay = ("<w:p>" + run("Lot rule: ") + '<w:sdt><w:sdtPr><w:alias w:val="Lot rule"/><w:tag w:val="lotrule"/>'
                '<w:id w:val="1204611876"/><w:text/></w:sdtPr><w:sdtContent>' + run(s["Taransay"])
                + "</w:sdtContent></w:sdt></w:p>")
    berneray = ('<w:p><w:sdt><w:sdtPr><w:id w:val="-1919548231"/><w14:checkbox><w14:checked w14:val="1"/>'
                '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/><w14:uncheckedState w14:val="2610" '
                'w14:font="MS Gothic"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:rPr><w:rFonts '
                'w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic" w:hint="eastAsia"/></w:rPr>'
                '<w:t>\u2612</w:t></w:r></w:sdtContent></w:sdt>' + run(" " + s["Berneray"]) + "</w:p>")
    mingulay = ('<w:sdt><w:sdtPr><w:alias w:val="Lot conditions"/><w:id w:val="733372514"/></w:sdtPr><w:sdtContent>'
                + p(run("Lot conditions", "<w:b/>"))
                + tbl([3000, 6026], tr(tc("Experience", 3000), tc(s["Mingulay"], 6026)))
                + p(VARIED[1]) + "</w:sdtContent></w:sdt>")
    body = "".join([
        p("Invitation to Tender \u2013 tracked review copy", style="Title"),
        p(INTRO),
        move_from,
        eriskay,
        p(VARIED[0]),
        benbecula,
        uist,
        staffa,
        fetlar,
        scalpay,
        stronsay,
        move_to,
        taransay,
        berneray,
        mingulay,
        p(FILLER),
    ])
    pkg.comments({1: p(s["Fetlar"]), 2: p("Finance to confirm the bond level.")})
    path = pkg.save(folder / "review.docx", body, sect(f'<w:headerReference w:type="default" r:id="{hd}"/>'))
    spots = [
        DSpot("Eriskay", s["Eriskay"], page=1),
        DSpot("Benbecula", s["Benbecula"], present=False, printed=True),
        DSpot("Uist", s["Uist"], page=1),
        DSpot("Lunga", s["Lunga"], page=1),
        DSpot("Staffa", s["Staffa"], page=1),
        DSpot("Fetlar", s["Fetlar"], present=False),
        DSpot("Scalpay", s["Scalpay"], page=1),
        DSpot("Stronsay", s["Stronsay"], hidden=True, pdf=False),
        DSpot("Taransay", s["Taransay"], page=1),
        DSpot("Berneray", s["Berneray"], page=1),
        DSpot("Mingulay", s["Mingulay"], page=1),
        DSpot("Rousay", s["Rousay"], present=False, printed=True),
    ]
    return path, spots


BUILDERS = [docx_clauses, docx_schedule, docx_layout, docx_shapes, docx_review]
