"""Held-out fidelity set E: one barrier sentence in each of sixty tricky places of real Word output
and of its LibreOffice PDF export.

Every builder writes one DOCX part by part (raw WordprocessingML, the way Word lays it out) and
returns it with its spots. Lot names are constellations and stars; each appears only in its spot's
sentence. Written blind: nothing here is taken from the reader under test.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from .ooxml import NS as _BASE_NS
from .ooxml import STYLES, note_ref, para, run, table
from .spots import FILLER, INTRO, PAGE_BREAK, Spot, barrier, png

NS = (_BASE_NS.replace('mc:Ignorable="w14"', 'mc:Ignorable="w14 w15 wp14"')
      + ' xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"'
      ' xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing"'
      ' xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"'
      ' xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"')
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
_DATE = 'w:author="Editor" w:date="2026-02-03T09:30:00Z"'


@dataclass
class ESpot(Spot):
    """A spot; `pdf_sentence` is the sentence as the export prints it, where that differs (caps)."""
    pdf_sentence: str | None = None

    @property
    def printed(self) -> str:
        return self.pdf_sentence or self.sentence


# ---------------------------------------------------------------------------------------------
# The package writer: any number of header and footer parts, sections, numbering, glossary, core
# properties, comments, notes and media.


def sect(refs: dict[tuple[str, str], str] | None = None, *, landscape: bool = False, cols: int = 1,
         col_sep: bool = False, title_pg: bool = False, kind: str | None = None, extra: str = "") -> str:
    """A w:sectPr. refs maps (header|footer, default|first|even) to a part name given to `package`."""
    r = "".join(f'<w:{k}Reference w:type="{t}" r:id="rId_{name}"/>' for (k, t), name in (refs or {}).items())
    typ = f'<w:type w:val="{kind}"/>' if kind else ""
    size = ('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>' if landscape
            else '<w:pgSz w:w="11906" w:h="16838"/>')
    margins = ('<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" '
               'w:footer="708" w:gutter="0"/>')
    sep = ' w:sep="1"' if col_sep else ""
    columns = f'<w:cols w:num="{cols}" w:space="708"{sep}/>' if cols > 1 else '<w:cols w:space="708"/>'
    return (f"<w:sectPr>{r}{typ}{size}{margins}{extra}{columns}{'<w:titlePg/>' if title_pg else ''}"
            '<w:docGrid w:linePitch="360"/></w:sectPr>')


def sect_para(sectpr: str) -> str:
    """The empty last paragraph of a section, carrying its w:sectPr (as Word writes a section break)."""
    return f"<w:p><w:pPr>{sectpr}</w:pPr></w:p>"


_NUMBERING = (
    _XML + f"<w:numbering {NS}>"
    '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/>'
    '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr>'
    '<w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol" w:hint="default"/></w:rPr></w:lvl></w:abstractNum>'
    '<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>'
    '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
    "</w:numbering>")

_EXTRA_STYLES = (
    '<w:style w:type="character" w:styleId="DraftingNote"><w:name w:val="Drafting Note"/>'
    '<w:rPr><w:vanish/><w:color w:val="7F7F7F"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/>'
    '<w:rPr><w:i/><w:sz w:val="18"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9016"/></w:tabs></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/>'
    '<w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="720"/><w:contextualSpacing/></w:pPr></w:style>')


def _notes(kind: str, notes: dict[int, str]) -> str:
    sep = (f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
           f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
           f'</w:p></w:{kind}>')
    ref = "footnoteRef" if kind == "footnote" else "endnoteRef"
    body = ""
    for i, xml in notes.items():
        # Word starts the first paragraph of a note with the note's own reference mark.
        mark = f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:{ref}/></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>'
        xml = xml.replace("<w:p>", "<w:p>" + mark, 1) if xml.startswith("<w:p>") else xml
        body += f'<w:{kind} w:id="{i}">{xml}</w:{kind}>'
    return f"{_XML}<w:{kind}s {NS}>{sep}{body}</w:{kind}s>"


def package(path: Path, body: str, last_sect: str, *, parts: dict[str, str] | None = None,
            footnotes: dict[int, str] | None = None, endnotes: dict[int, str] | None = None,
            comments: dict[int, str] | None = None, settings: str = "", numbering: bool = False,
            glossary: str | None = None, core: dict[str, str] | None = None,
            media: dict[str, bytes] | None = None) -> Path:
    """parts maps a name starting with "header" or "footer" to the part's content XML."""
    files: dict[str, str | bytes] = {}
    rels: list[tuple[str, str, str]] = []
    overrides: list[tuple[str, str]] = []
    for name, xml in (parts or {}).items():
        kind = "header" if name.startswith("header") else "footer"
        tag = "hdr" if kind == "header" else "ftr"
        files[f"word/{name}.xml"] = f"{_XML}<w:{tag} {NS}>{xml}</w:{tag}>"
        rels.append((f"rId_{name}", f"{_REL}/{kind}", f"{name}.xml"))
        overrides.append((f"/word/{name}.xml", f"{_CT}.{kind}+xml"))
    for kind, notes in (("footnote", footnotes), ("endnote", endnotes)):
        if notes:
            files[f"word/{kind}s.xml"] = _notes(kind, notes)
            rels.append((f"rId{kind}s", f"{_REL}/{kind}s", f"{kind}s.xml"))
            overrides.append((f"/word/{kind}s.xml", f"{_CT}.{kind}s+xml"))
    if comments:
        files["word/comments.xml"] = (f"{_XML}<w:comments {NS}>" + "".join(
            f'<w:comment w:id="{i}" w:author="Reviewer" w:date="2026-02-03T09:30:00Z" w:initials="R">{xml}'
            "</w:comment>" for i, xml in comments.items()) + "</w:comments>")
        rels.append(("rIdcomments", f"{_REL}/comments", "comments.xml"))
        overrides.append(("/word/comments.xml", f"{_CT}.comments+xml"))
    if numbering:
        files["word/numbering.xml"] = _NUMBERING
        rels.append(("rIdnumbering", f"{_REL}/numbering", "numbering.xml"))
        overrides.append(("/word/numbering.xml", f"{_CT}.numbering+xml"))
    if glossary is not None:
        files["word/glossary/document.xml"] = (
            f"{_XML}<w:glossaryDocument {NS}><w:docParts>{glossary}</w:docParts></w:glossaryDocument>")
        files["word/glossary/styles.xml"] = STYLES
        files["word/glossary/_rels/document.xml.rels"] = (
            _XML + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{_REL}/styles" Target="styles.xml"/></Relationships>')
        rels.append(("rIdglossary", f"{_REL}/glossaryDocument", "glossary/document.xml"))
        overrides.append(("/word/glossary/document.xml", f"{_CT}.document.glossary+xml"))
        overrides.append(("/word/glossary/styles.xml", f"{_CT}.styles+xml"))
    for name, data in (media or {}).items():
        files[f"word/media/{name}"] = data
        rels.append((f"rId_{name.split('.')[0]}", f"{_REL}/image", f"media/{name}"))
    files["word/settings.xml"] = (f"{_XML}<w:settings {NS}>{settings}"
                                  '<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>'
                                  "</w:settings>")
    files["word/styles.xml"] = STYLES.replace("</w:styles>", _EXTRA_STYLES + "</w:styles>")
    rels += [("rIdstyles", f"{_REL}/styles", "styles.xml"), ("rIdsettings", f"{_REL}/settings", "settings.xml")]
    overrides += [("/word/styles.xml", f"{_CT}.styles+xml"), ("/word/settings.xml", f"{_CT}.settings+xml")]
    files["word/document.xml"] = f"{_XML}<w:document {NS}><w:body>{body}{last_sect}</w:body></w:document>"
    files["word/_rels/document.xml.rels"] = (
        _XML + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(f'<Relationship Id="{i}" Type="{t}" Target="{n}"/>' for i, t, n in rels) + "</Relationships>")
    root_rels = [f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="word/document.xml"/>']
    core = dict(core or {"dc:title": "Invitation to tender", "dc:creator": "Procurement Team"})
    files["docProps/core.xml"] = (
        _XML + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        + "".join(f"<{k}>{escape(v)}</{k}>" for k, v in core.items())
        + '<dcterms:created xsi:type="dcterms:W3CDTF">2026-02-01T09:00:00Z</dcterms:created></cp:coreProperties>')
    root_rels.append('<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/'
                     'metadata/core-properties" Target="docProps/core.xml"/>')
    overrides.append(("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"))
    files["_rels/.rels"] = (_XML + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                            'relationships">' + "".join(root_rels) + "</Relationships>")
    files["[Content_Types].xml"] = (
        _XML + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Default Extension="png" ContentType="image/png"/>'
        f'<Override PartName="/word/document.xml" ContentType="{_CT}.document.main+xml"/>'
        + "".join(f'<Override PartName="{n}" ContentType="{t}"/>' for n, t in overrides) + "</Types>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        order = ["[Content_Types].xml", "_rels/.rels"] + sorted(k for k in files if k not in
                                                                 ("[Content_Types].xml", "_rels/.rels"))
        for name in order:
            zf.writestr(name, files[name])
    return path


# ---------------------------------------------------------------------------------------------
# Small XML makers.


def p(*runs: str, ppr: str = "") -> str:
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{''.join(r if r.startswith('<') else run(r) for r in runs)}</w:p>"


def fillers(n: int) -> str:
    return "".join(para(FILLER) for _ in range(n))


def field(instr: str, result_runs: str) -> str:
    """A complex field as Word writes it: begin, instruction, separate, cached result, end."""
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve">{escape(instr)}</w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f'{result_runs}<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def page_field() -> str:
    return field(" PAGE   \\* MERGEFORMAT ", run("1"))


def grid_table(rows: list[str], widths: list[int], *, tblpr_extra: str = "", borders: bool = True) -> str:
    """rows are complete w:tr XML strings."""
    b = ("<w:tblBorders>" + "".join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                                     for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
         + "</w:tblBorders>") if borders else ""
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (f'<w:tbl><w:tblPr>{tblpr_extra}<w:tblW w:w="{sum(widths)}" w:type="dxa"/>{b}'
            f'<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
            f"{''.join(rows)}</w:tbl>")


def tc(content: str, width: int, tcpr: str = "") -> str:
    content = content if content.startswith("<") else para(content)
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{tcpr}</w:tcPr>{content}</w:tc>'


def tr(*cells: str, trpr: str = "") -> str:
    return f"<w:tr>{f'<w:trPr>{trpr}</w:trPr>' if trpr else ''}{''.join(cells)}</w:tr>"


def _anchor(inner_uri: str, inner: str, *, box_id: int, cx: int, cy: int, behind: bool = False,
            wrap: str = "<wp:wrapTopAndBottom/>", pos_h: str = '<wp:positionH relativeFrom="column">'
            '<wp:posOffset>0</wp:posOffset></wp:positionH>', pos_v: str = '<wp:positionV relativeFrom="paragraph">'
            '<wp:posOffset>0</wp:posOffset></wp:positionV>', name: str = "Text Box", descr: str = "") -> str:
    d = f" descr={quoteattr(descr)}" if descr else ""
    return (f'<wp:anchor distT="45720" distB="45720" distL="114300" distR="114300" simplePos="0" '
            f'relativeHeight="{251659264 + box_id}" behindDoc="{1 if behind else 0}" locked="0" layoutInCell="1" '
            'allowOverlap="1"><wp:simplePos x="0" y="0"/>' + pos_h + pos_v
            + f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>{wrap}'
            f'<wp:docPr id="{box_id}" name="{name} {box_id}"{d}/><wp:cNvGraphicFramePr/>'
            f'<a:graphic><a:graphicData uri="{inner_uri}">{inner}</a:graphicData></a:graphic>'
            '<wp14:sizeRelH relativeFrom="margin"><wp14:pctWidth>0</wp14:pctWidth></wp14:sizeRelH>'
            '<wp14:sizeRelV relativeFrom="margin"><wp14:pctHeight>0</wp14:pctHeight></wp14:sizeRelV>'
            "</wp:anchor>")


_WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
_WPG = "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"
_EMU_PT = 12700


def _wsp(content: str, cx: int, cy: int, *, x: int = 0, y: int = 0, geom: str = "rect", txbox: bool = True,
         group: bool = False) -> str:
    nv = '<wps:cNvSpPr txBox="1"/>' if txbox else "<wps:cNvSpPr/>"
    if group:
        nv = f'<wps:cNvPr id="{900 + x // 1000 + y // 1000}" name="Shape"/>' + nv
    return (f"<wps:wsp>{nv}<wps:spPr><a:xfrm><a:off x=\"{x}\" y=\"{y}\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm>"
            f'<a:prstGeom prst="{geom}"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>'
            '<a:ln w="6350"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln></wps:spPr>'
            f'<wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx>'
            '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" '
            'anchor="t" anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp>')


def _vml_style(cx: int, cy: int, *, behind: bool = False, extra: str = "") -> str:
    z = "z-index:-251650048;" if behind else "z-index:251659264;"
    return (f"position:absolute;margin-left:0;margin-top:0;width:{cx / _EMU_PT:.1f}pt;height:{cy / _EMU_PT:.1f}pt;"
            f"{z}mso-wrap-style:square;{extra}")


def shape_box(content: str, *, box_id: int, cx: int = 5400000, cy: int = 900000, behind: bool = False,
              wrap: str = "<wp:wrapTopAndBottom/>", geom: str = "rect", txbox: bool = True, **anchor) -> str:
    """A floating text box or shape with text: DrawingML choice, VML fallback with the same text."""
    drawing = _anchor(_WPS, _wsp(content, cx, cy, geom=geom, txbox=txbox), box_id=box_id, cx=cx, cy=cy,
                      behind=behind, wrap=wrap, **anchor)
    vml_type = "#_x0000_t202" if txbox else ("#_x0000_t62" if geom == "wedgeRectCallout" else "#_x0000_t176")
    return ('<w:r><w:rPr><w:noProof/></w:rPr><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
            f"{drawing}</w:drawing></mc:Choice><mc:Fallback><w:pict>"
            f'<v:shape id="_x0000_s{1024 + box_id}" type="{vml_type}" style="{_vml_style(cx, cy, behind=behind)}" '
            f'filled="t" strokeweight=".5pt"><v:textbox><w:txbxContent>{content}</w:txbxContent></v:textbox>'
            "</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>")


def group_box(contents: list[str], *, box_id: int, cx: int = 5400000, each_cy: int = 700000) -> str:
    """A group of text boxes (wpg:wgp) with a v:group fallback, as Word writes grouped shapes."""
    cy = each_cy * len(contents)
    shapes = "".join(_wsp(c, cx, each_cy, y=i * each_cy, group=True) for i, c in enumerate(contents))
    inner = (f'<wpg:wgp><wpg:cNvGrpSpPr/><wpg:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/>'
             f'<a:chOff x="0" y="0"/><a:chExt cx="{cx}" cy="{cy}"/></a:xfrm></wpg:grpSpPr>{shapes}</wpg:wgp>')
    drawing = _anchor(_WPG, inner, box_id=box_id, cx=cx, cy=cy, name="Group")
    vml = "".join(f'<v:shape id="_x0000_s{1100 + box_id * 10 + i}" type="#_x0000_t202" '
                  f'style="position:absolute;top:{i * each_cy // 1000};left:0;width:{cx // 1000};'
                  f'height:{each_cy // 1000}" filled="t"><v:textbox><w:txbxContent>{c}</w:txbxContent>'
                  "</v:textbox></v:shape>" for i, c in enumerate(contents))
    return ('<w:r><w:rPr><w:noProof/></w:rPr><mc:AlternateContent><mc:Choice Requires="wpg"><w:drawing>'
            f"{drawing}</w:drawing></mc:Choice><mc:Fallback><w:pict>"
            f'<v:group id="_x0000_s{1090 + box_id}" style="{_vml_style(cx, cy)}" '
            f'coordsize="{cx // 1000},{cy // 1000}">{vml}</v:group></w:pict></mc:Fallback></mc:AlternateContent></w:r>')


def picture(*, pic_id: int, rid: str, descr: str, title: str = "") -> str:
    cx, cy = 1800000, 900000
    t = f" title={quoteattr(title)}" if title else ""
    return ('<w:r><w:rPr><w:noProof/></w:rPr><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
            f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
            f'<wp:docPr id="{pic_id}" name="Picture {pic_id}" descr={quoteattr(descr)}{t}/>'
            '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
            '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
            f'<pic:nvPicPr><pic:cNvPr id="{pic_id}" name="logo.png" descr={quoteattr(descr)}/><pic:cNvPicPr/></pic:nvPicPr>'
            f'<pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
            f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>'
            "</wp:inline></w:drawing></w:r>")


WATERMARK = (
    '<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr><w:r><w:rPr><w:noProof/></w:rPr><w:pict>'
    '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" '
    'path="m@7,l@8,m@5,21600l@6,21600e"><v:formulas><v:f eqn="sum #0 0 10800"/></v:formulas>'
    '<v:path textpathok="t" o:connecttype="custom"/><v:textpath on="t" fitshape="t"/>'
    '<o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>'
    '<v:shape id="PowerPlusWaterMarkObject357831064" o:spid="_x0000_s2049" type="#_x0000_t136" '
    'style="position:absolute;margin-left:0;margin-top:0;width:412.4pt;height:247.45pt;rotation:315;'
    'z-index:-251657216;mso-position-horizontal:center;mso-position-horizontal-relative:margin;'
    'mso-position-vertical:center;mso-position-vertical-relative:margin" o:allowincell="f" fillcolor="silver" '
    'stroked="f"><v:fill opacity=".5"/><v:textpath style="font-family:&quot;Calibri&quot;;font-size:1pt" '
    'string="DRAFT"/></v:shape></w:pict></w:r></w:p>')


def _names(names: list[str], start: int = 0) -> dict[str, str]:
    return {n: barrier(n, i + start) for i, n in enumerate(names)}


# ---------------------------------------------------------------------------------------------
# 1. Sections: first-page header and footer, a text box behind the text in the header, a landscape
# section with its own header, a footer inherited by the sections after it, a watermark, columns.


def docx_sections(folder: Path) -> tuple[Path, list[ESpot]]:
    s = _names(["Orion", "Lyra", "Cygnus", "Draco", "Carina", "Vela", "Pavo", "Lepus"])
    head_box = p(shape_box(p(s["Cygnus"]), box_id=31, cx=5000000, cy=800000, behind=True,
                           wrap="<wp:wrapNone/>"), "Community support service: invitation to tender")
    parts = {
        "header1": para(s["Orion"]),
        "footer1": para(s["Lyra"]),
        "header2": head_box,
        "footer2": para("Community support service: invitation to tender"),
        "header3": para(s["Draco"]),
        "footer3": p("Page ", page_field()) + para(s["Vela"]),
        "header4": WATERMARK + para(s["Pavo"]),
    }
    sec1 = sect({("header", "first"): "header1", ("footer", "first"): "footer1",
                 ("header", "default"): "header2", ("footer", "default"): "footer2"}, title_pg=True)
    sec2 = sect({("header", "default"): "header3", ("footer", "default"): "footer3"}, landscape=True,
                kind="nextPage")
    sec3 = sect({("header", "default"): "header4"}, kind="nextPage")
    sec4 = sect(kind="continuous", cols=2, col_sep=True)
    widths = [1740] * 8
    head = tr(*(tc(p(run(h, "<w:b/>")), 1740) for h in
                ("Lot", "Area", "Volume", "Hours", "Staff", "Sites", "Start", "Condition")),
              trpr="<w:tblHeader/>")
    rows = [head] + [tr(*(tc(c, 1740) for c in (f"Lot {i}", "District", "1,200", "24/7", "12", "3",
                                                "April 2026", s["Carina"] if i == 2 else "None")))
                     for i in (1, 2, 3)]
    body = "".join([
        para("Invitation to tender: community support service", style="Title"), para(INTRO), fillers(2),
        PAGE_BREAK, para("Section 1: the service"), fillers(3),
        sect_para(sec1),
        para("Schedule 1: lots and volumes"), grid_table(rows, widths), para(FILLER),
        sect_para(sec2),
        para("Schedule 2: further conditions"), fillers(2),
        sect_para(sec3),
        fillers(4), '<w:p><w:r><w:br w:type="column"/></w:r></w:p>', para(s["Lepus"]), para(FILLER),
    ])
    path = package(folder / "e-sections.docx", body, sec4, parts=parts)
    return path, [
        ESpot("Orion", s["Orion"], part="first-page header", page=1),
        ESpot("Lyra", s["Lyra"], part="first-page footer", page=1),
        ESpot("Cygnus", s["Cygnus"], part="text box in header", page=2),
        ESpot("Draco", s["Draco"], part="header", page=3),
        ESpot("Carina", s["Carina"], page=3),
        ESpot("Vela", s["Vela"], part="footer", page=3),
        ESpot("Pavo", s["Pavo"], part="header", page=4),
        ESpot("Lepus", s["Lepus"], page=4),
    ]


# ---------------------------------------------------------------------------------------------
# 2. Shapes: a group of text boxes, a text box behind the text, a table in a text box, a text box
# in a table cell, a callout shape with text, a picture's alt text.


def docx_shapes(folder: Path) -> tuple[Path, list[ESpot]]:
    s = _names(["Hydra", "Sirius", "Vega", "Rigel", "Antares", "Capella"])
    group = p(run("The key facts are grouped below."), group_box(
        [para("Contract start: 1 April 2026."), para(s["Hydra"])], box_id=41))
    behind = p(run("Lot rules are summarised in the margin panel."), shape_box(
        p(s["Sirius"]), box_id=42, cx=5600000, cy=700000, behind=True, wrap="<wp:wrapNone/>",
        pos_h='<wp:positionH relativeFrom="margin"><wp:posOffset>0</wp:posOffset></wp:positionH>',
        pos_v='<wp:positionV relativeFrom="page"><wp:posOffset>8800000</wp:posOffset></wp:positionV>'))
    boxed_table = table([["Lot", "Condition"], ["Lot 3", s["Vega"]]])
    table_box = p(run("The lot condition table is in the box."), shape_box(
        para("Lot conditions") + boxed_table + para(""), box_id=43, cx=5600000, cy=1500000))
    cell_box = p(shape_box(p(s["Rigel"]), box_id=44, cx=2700000, cy=1100000))
    cell_table = grid_table([tr(tc("Eligibility note", 3000), tc(p("See the box.") + cell_box, 3600))],
                            [3000, 3600])
    callout = p(run("Reviewer note:"), shape_box(
        p(s["Antares"]), box_id=45, cx=5400000, cy=800000, geom="wedgeRectCallout", txbox=False))
    logo = p(picture(pic_id=46, rid="rId_logo", descr=s["Capella"], title="Council logo"))
    body = "".join([logo, para("Invitation to tender", style="Title"), para(INTRO), group, para(FILLER),
                    table_box, para(FILLER), cell_table, para(FILLER), callout, para(FILLER), behind])
    path = package(folder / "e-shapes.docx", body, sect(), media={"logo.png": png(120, 60)})
    return path, [
        ESpot("Hydra", s["Hydra"], part="text box", page=1),
        ESpot("Sirius", s["Sirius"], part="text box", page=2),
        ESpot("Vega", s["Vega"], part="text box", page=1),
        ESpot("Rigel", s["Rigel"], part="text box", page=1),
        ESpot("Antares", s["Antares"], part="text box", page=2),
        ESpot("Capella", s["Capella"], present=False),
    ]


# ---------------------------------------------------------------------------------------------
# 3. Notes: a table in a footnote, a reference in the middle of a
# sentence, a reference from a table cell, an endnote with a hyperlink.


def docx_notes(folder: Path) -> tuple[Path, list[ESpot]]:
    s = _names(["Arcturus", "Betelgeuse", "Procyon", "Aldebaran"], start=1)
    b = s["Betelgeuse"]
    cut = b.index(" lot") + len(" lot")
    foot_table = table([["Lot", "Condition"], ["Lot 2", s["Arcturus"]]])
    body = "".join([
        para("Invitation to tender", style="Title"), para(INTRO),
        p(run("Lots are described in the specification."), note_ref("footnote", 1)),
        p(run("Conditions for each lot are tabled in the notes."), note_ref("footnote", 2)),
        p(run(b[:cut]), note_ref("footnote", 3), run(b[cut:])),
        table([["Lot", "Note"], ["Lot 4", p(run("Evidence required"), note_ref("footnote", 4))]]),
        p(run("The evaluation model is described at the end."), note_ref("endnote", 1)),
        para(FILLER),
    ])
    footnotes = {
        1: para("The lots are set out in Schedule 1.") + para("Each lot is let as a separate contract."),
        2: para("Lot conditions:") + foot_table + para(""),
        3: para("The trading history is evidenced by filed accounts."),
        4: para(s["Procyon"]),
    }
    link = run(s["Aldebaran"], '<w:u w:val="single"/>')
    endnotes = {1: p(run("Evaluation: "), f'<w:hyperlink w:anchor="evaluation" w:history="1">{link}</w:hyperlink>')}
    path = package(folder / "e-notes.docx", body, sect(), footnotes=footnotes, endnotes=endnotes)
    return path, [
        ESpot("Arcturus", s["Arcturus"], part="footnote 2", page=1),
        ESpot("Betelgeuse", b, page=1),
        ESpot("Procyon", s["Procyon"], part="footnote 4", page=1),
        ESpot("Aldebaran", "Evaluation: " + s["Aldebaran"], part="endnote 1", page=2),
    ]


# ---------------------------------------------------------------------------------------------
# 4. Tables: merged down, merged across, bullets and numbers in cells, three levels of nesting, a
# floating table, a deleted row (beside an inserted one), a repeated header row over two pages.


def docx_tables(folder: Path) -> tuple[Path, list[ESpot]]:
    s = _names(["Regulus", "Castor", "Mira", "Algol", "Andromeda", "Cassiopeia", "Pegasus", "Pollux"])
    w = [3000, 3000, 3000]
    vmerge = grid_table([
        tr(tc("Lot", 3000), tc("Area", 3000), tc("Condition", 3000)),
        tr(tc("Lot 1", 3000), tc("North", 3000), tc(s["Regulus"], 3000, '<w:vMerge w:val="restart"/>')),
        tr(tc("Lot 2", 3000), tc("South", 3000), tc("<w:p/>", 3000, "<w:vMerge/>")),
        tr(tc("Lot 3", 3000), tc("East", 3000), tc("<w:p/>", 3000, "<w:vMerge/>")),
    ], w)
    hspan = grid_table([
        tr(tc("Area", 3000), tc("Volume", 3000), tc("Hours", 3000)),
        tr(tc(s["Castor"], 9000, '<w:gridSpan w:val="3"/>')),
        tr(tc("North", 3000), tc("1,200", 3000), tc("24/7", 3000)),
    ], w)
    bullet = '<w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
    number = '<w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr>'
    lists = grid_table([
        tr(tc("Requirement", 3000), tc("Detail", 6000)),
        tr(tc("Eligibility", 3000), tc(para("Bidders must provide:") + p("Evidence of insurance.", ppr=bullet)
                                       + p(s["Mira"], ppr=bullet) + para("Further detail is in Schedule 2."),
                                       6000)),
        tr(tc("Selection", 3000), tc(p("A completed selection questionnaire.", ppr=number)
                                     + p(s["Algol"], ppr=number), 6000)),
    ], [3000, 6000])
    inner = grid_table([tr(tc("Minimum standard", 2500)), tr(tc(s["Andromeda"], 2500))], [2500])
    middle = grid_table([tr(tc("Lot", 2000), tc(inner + "<w:p/>", 2800))], [2000, 2800])
    nested = grid_table([tr(tc("Schedule", 3000), tc(middle + "<w:p/>", 5200))], [3000, 5200])
    floating = grid_table([tr(tc("Lot rule", 4000)), tr(tc(s["Cassiopeia"], 4000))], [4000], tblpr_extra=(
        '<w:tblpPr w:leftFromText="180" w:rightFromText="180" w:vertAnchor="text" w:horzAnchor="margin" '
        'w:tblpXSpec="right" w:tblpY="100"/><w:tblOverlap w:val="never"/>'))
    deleted_row = tr(tc(p(f'<w:del w:id="401" {_DATE}><w:r><w:delText>Lot 4</w:delText></w:r></w:del>'), 3000),
                     tc(p(f'<w:del w:id="402" {_DATE}><w:r><w:delText xml:space="preserve">{escape(s["Pegasus"])}'
                          '</w:delText></w:r></w:del>'), 6000), trpr=f'<w:del w:id="403" {_DATE}/>')
    inserted_row = tr(tc(p(f'<w:ins w:id="404" {_DATE}>{run("Lot 5")}</w:ins>'), 3000),
                      tc(p(f'<w:ins w:id="405" {_DATE}>{run("The Lot 5 conditions are set out in Schedule 2.")}</w:ins>'), 6000),
                      trpr=f'<w:ins w:id="406" {_DATE}/>')
    revised = grid_table([tr(tc("Lot", 3000), tc("Condition", 6000)),
                          tr(tc("Lot 3", 3000), tc("No further condition.", 6000)), deleted_row, inserted_row],
                         [3000, 6000])
    long_rows = [tr(tc(p(run(s["Pollux"], "<w:b/>")), 9000, '<w:gridSpan w:val="3"/>'), trpr="<w:tblHeader/>"),
                 tr(*(tc(p(run(h, "<w:b/>")), 3000) for h in ("Site", "Hours", "Staff")), trpr="<w:tblHeader/>")]
    long_rows += [tr(tc(f"Site {i}", 3000), tc("08:00 to 20:00", 3000), tc(str(4 + i % 5), 3000))
                  for i in range(1, 61)]
    body = "".join([
        para("Schedule of requirements", style="Title"), para(INTRO), vmerge, para(FILLER), hspan,
        para(FILLER), lists, para(FILLER), nested, para(FILLER),
        PAGE_BREAK, floating, para(FILLER), fillers(3), revised, para(FILLER),
        PAGE_BREAK, para("Schedule 3: sites"), grid_table(long_rows, w), para(FILLER),
    ])
    path = package(folder / "e-tables.docx", body, sect(), numbering=True)
    return path, [
        ESpot("Regulus", s["Regulus"], page=1),
        ESpot("Castor", s["Castor"], page=1),
        ESpot("Mira", s["Mira"], page=1),
        ESpot("Algol", s["Algol"], page=1),
        ESpot("Andromeda", s["Andromeda"], page=1),
        ESpot("Cassiopeia", s["Cassiopeia"], page=2),
        ESpot("Pegasus", s["Pegasus"], present=False),
        ESpot("Pollux", s["Pollux"], page=3),
    ]


# ---------------------------------------------------------------------------------------------
# 5. Revisions, fields and wrappers: a deleted paragraph mark, a deletion inside a sentence, an
# insertion deleted again, a hyperlink field's result, text after a TOC
# field, a smart tag round the lot name, custom XML markup, a legacy form field's result.


def docx_revisions(folder: Path) -> tuple[Path, list[ESpot]]:
    s = _names(["Centaurus", "Phoenix", "Tucana", "Fornax", "Dorado", "Kochab", "Eltanin",
                "Rasalhague"])
    c = s["Centaurus"]
    half = c.index(" been ") + len(" been ")
    merged = (p(run(c[:half]), ppr=f'<w:rPr><w:del w:id="501" {_DATE}/></w:rPr>')
              + p(run(c[half:])))
    ph = s["Phoenix"]
    at = ph.index("20%")
    phoenix = p(run(ph[:at]), f'<w:del w:id="502" {_DATE}><w:r><w:delText xml:space="preserve">10% </w:delText>'
                              "</w:r></w:del>", run(ph[at:]))
    tucana = p(run("Withdrawn in review: "), f'<w:ins w:id="503" {_DATE}><w:del w:id="504" w:author="Checker" '
               'w:date="2026-02-04T11:00:00Z"><w:r><w:delText xml:space="preserve">'
               f'{escape(s["Tucana"])}</w:delText></w:r></w:del></w:ins>')
    fornax = p(field(' HYPERLINK "https://www.example.gov.uk/tenders/conditions" ',
                     run(s["Fornax"], '<w:rStyle w:val="Hyperlink"/><w:color w:val="0563C1"/><w:u w:val="single"/>')))
    toc_entry = lambda text, page, first=False, last=False: (  # noqa: E731
        '<w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr>'
        + ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" '
           '\\h \\z \\u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' if first else "")
        + run(text) + '<w:r><w:tab/></w:r>' + field(" PAGEREF _Toc1 \\h ", run(page, "<w:webHidden/>"))
        + "</w:p>")
    toc = (toc_entry("1 Introduction", "1", first=True) + toc_entry("2 Lots", "1") + toc_entry("3 Evaluation", "1")
           + p('<w:r><w:fldChar w:fldCharType="end"/></w:r>', run(s["Dorado"])))
    ko = s["Kochab"]
    i = ko.index("Kochab")
    tag = 'w:uri="urn:schemas-microsoft-com:office:smarttags"'
    kochab = p(run(ko[:i]), f'<w:smartTag {tag} w:element="place"><w:smartTag {tag} w:element="PlaceName">'
               + run("Kochab") + "</w:smartTag></w:smartTag>", run(ko[i + len("Kochab"):]))
    el = s["Eltanin"]
    i = el.index("Eltanin")
    cx = 'w:uri="http://schemas.example.gov.uk/tender/2019"'
    eltanin = (f'<w:customXml {cx} w:element="condition">'
               + p(run(el[:i]), f'<w:customXml {cx} w:element="lot">{run("Eltanin")}</w:customXml>',
                   run(el[i + len("Eltanin"):])) + "</w:customXml>")
    rasalhague = p(run("Lot rule (completed by the Council): "),
                   '<w:bookmarkStart w:id="11" w:name="Text1"/><w:r><w:fldChar w:fldCharType="begin"><w:ffData>'
                   '<w:name w:val="Text1"/><w:enabled/><w:calcOnExit w:val="0"/><w:textInput>'
                   '<w:default w:val="Type the lot rule here"/></w:textInput></w:ffData></w:fldChar></w:r>'
                   '<w:r><w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r>'
                   '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run(s["Rasalhague"], "<w:noProof/>")
                   + '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:bookmarkEnd w:id="11"/>')
    body = "".join([
        para("Invitation to tender", style="Title"), para("Contents"), toc, para(INTRO),
        merged, para(FILLER), phoenix, tucana, para(FILLER), fornax, para(FILLER),
        kochab, eltanin, rasalhague, para(FILLER),
    ])
    path = package(folder / "e-revisions.docx", body, sect())
    return path, [
        ESpot("Centaurus", c, page=1),
        ESpot("Phoenix", ph, page=1),
        ESpot("Tucana", s["Tucana"], present=False),
        ESpot("Fornax", s["Fornax"], page=1),
        ESpot("Dorado", s["Dorado"], page=1),
        ESpot("Kochab", ko, page=1),
        ESpot("Eltanin", el, page=1),
        ESpot("Rasalhague", "Lot rule (completed by the Council): " + s["Rasalhague"], page=1),
    ]


# ---------------------------------------------------------------------------------------------
# 6. Content controls: a drop-down list, a block control holding a table, a control round a
# table cell, a plain-text control round the lot name (a check box beside text), a glossary block, a
# page-number gallery control in the footer.


def docx_controls(folder: Path) -> tuple[Path, list[ESpot]]:
    s = _names(["Lupus", "Norma", "Volans", "Mensa", "Sagitta", "Vulpecula"])

    def sdt(pr: str, content: str) -> str:
        return f"<w:sdt><w:sdtPr>{pr}</w:sdtPr><w:sdtContent>{content}</w:sdtContent></w:sdt>"

    dropdown = p(run("Trading history: "), sdt(
        '<w:alias w:val="Trading rule"/><w:tag w:val="trading"/><w:id w:val="-1093235"/>'
        '<w:dropDownList><w:listItem w:displayText="Choose an item." w:value=""/>'
        f'<w:listItem w:displayText={quoteattr(s["Lupus"])} w:value="5"/>'
        '<w:listItem w:displayText="No minimum trading period applies." w:value="0"/></w:dropDownList>',
        run(s["Lupus"])))
    block = sdt('<w:alias w:val="Lot terms"/><w:tag w:val="terms"/><w:id w:val="771234"/>',
                table([["Lot", "Term"], ["Lot 1", s["Norma"]]]))
    cell_sdt = ('<w:tr>' + tc("Lot condition", 3000) + sdt('<w:alias w:val="Condition"/><w:id w:val="88121"/>',
                                                            tc(s["Volans"], 6000)) + "</w:tr>")
    cell_table = grid_table([tr(tc("Field", 3000), tc("Entry", 6000)), cell_sdt], [3000, 6000])
    m = s["Mensa"]
    i = m.index("Mensa")
    inline = p(run(m[:i]), sdt('<w:alias w:val="Lot name"/><w:id w:val="55321"/><w:text/>', run("Mensa")),
               run(m[i + len("Mensa"):]))
    checkbox = p(sdt('<w:id w:val="-20412"/><w14:checkbox><w14:checked w14:val="1"/>'
                     '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
                     '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox>',
                     run("\u2612", '<w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic" '
                                   'w:hint="eastAsia"/>')), run(" We confirm the lot rules above are met."))
    glossary = ('<w:docPart><w:docPartPr><w:name w:val="Lot rule"/><w:category><w:name w:val="General"/>'
                '<w:gallery w:val="placeholder"/></w:category><w:types><w:type w:val="bbPlcHdr"/></w:types>'
                '<w:behaviors><w:behavior w:val="content"/></w:behaviors><w:guid w:val="{2F1C6A1E-1D1B-4C61-9B7B-'
                f'3F0A5C1E2D11}}"/></w:docPartPr><w:docPartBody>{para(s["Sagitta"])}</w:docPartBody></w:docPart>')
    footer = sdt('<w:id w:val="-1769616900"/><w:docPartObj><w:docPartGallery w:val="Page Numbers (Bottom of Page)"/>'
                 '<w:docPartUnique/></w:docPartObj>', p(page_field(), ppr='<w:jc w:val="center"/>')
                 + para(s["Vulpecula"]))
    body = "".join([
        para("Tender response form", style="Title"), para(INTRO), dropdown, para(FILLER), block,
        para(FILLER), cell_table, para(FILLER), inline, checkbox, para(FILLER),
    ])
    path = package(folder / "e-controls.docx", body, sect({("footer", "default"): "footer1"}),
                   parts={"footer1": footer}, glossary=glossary)
    return path, [
        ESpot("Lupus", "Trading history: " + s["Lupus"], page=1),
        ESpot("Norma", s["Norma"], page=1),
        ESpot("Volans", s["Volans"], page=1),
        ESpot("Mensa", m, page=1),
        ESpot("Sagitta", s["Sagitta"], present=False),
        ESpot("Vulpecula", s["Vulpecula"], part="footer", page=1),
    ]


# ---------------------------------------------------------------------------------------------
# 7. Typography and breaks: a line break inside a sentence, hidden paragraphs (direct and by
# style), web-hidden text, soft and non-breaking hyphens and spaces, a dot-leader tab, a drop cap,
# small caps, all caps, expanded letter spacing, a page break in the middle of a sentence.


def docx_typography(folder: Path) -> tuple[Path, list[ESpot]]:
    s = _names(["Altair", "Delphinus", "Lacerta", "Monoceros", "Pyxis", "Antlia", "Sextans", "Crater",
                "Libra", "Fomalhaut", "Achernar", "Mizar"])
    a = s["Altair"]
    k = a.index(" must")
    altair = p(run(a[:k]), "<w:r><w:br/></w:r>", run(a[k + 1:]))
    delphinus = p(run(s["Delphinus"], "<w:vanish/>"), ppr="<w:rPr><w:vanish/></w:rPr>")
    lacerta = p(run("Drafting: "), run(s["Lacerta"], '<w:rStyle w:val="DraftingNote"/>'), run("The lots follow."))
    mono = s["Monoceros"]
    # Word prints web-hidden text (it hides it only in Web Layout); LibreOffice leaves it out of the PDF.
    monoceros = p(run(mono, "<w:webHidden/>"))
    py = s["Pyxis"]
    pyxis = ('<w:p><w:r><w:t xml:space="preserve">' + escape(py.replace("performance", "per\x00formance")
                                                             .replace("contract", "con\x00tract"))
             .replace("\x00", "</w:t><w:softHyphen/><w:t xml:space=\"preserve\">") + "</w:t></w:r></w:p>")
    an = s["Antlia"]
    antlia = ('<w:p><w:r><w:t>Pre</w:t><w:noBreakHyphen/><w:t xml:space="preserve">qualification: </w:t></w:r>'
              + run(an.replace("last three years", "last three\u00a0years")) + "</w:p>")
    sextans = p(run("Minimum standard"), "<w:r><w:tab/></w:r>", run(s["Sextans"]),
                ppr='<w:tabs><w:tab w:val="left" w:leader="dot" w:pos="3600"/></w:tabs><w:ind w:left="3600" '
                    'w:hanging="3600"/>')
    cr = s["Crater"]
    drop = ('<w:p><w:pPr><w:keepNext/><w:framePr w:dropCap="drop" w:lines="3" w:wrap="around" w:vAnchor="text" '
            'w:hAnchor="text"/><w:spacing w:after="0" w:line="827" w:lineRule="exact"/>'
            '<w:textAlignment w:val="baseline"/><w:rPr><w:position w:val="-9"/><w:sz w:val="110"/></w:rPr></w:pPr>'
            f'<w:r><w:rPr><w:position w:val="-9"/><w:sz w:val="110"/></w:rPr><w:t>{cr[0]}</w:t></w:r></w:p>'
            + p(run(cr[1:] + " " + FILLER + " " + FILLER)))
    libra = p(run(s["Libra"], "<w:smallCaps/>"))
    fomalhaut = p(run(s["Fomalhaut"], "<w:caps/>"))
    achernar = p(run(s["Achernar"], '<w:spacing w:val="20"/>'))
    mz = s["Mizar"]
    j = mz.index(" will be considered")
    mizar = p(run(mz[:j]), '<w:r><w:br w:type="page"/></w:r>', run(mz[j + 1:]))
    body = "".join([
        para("Invitation to tender", style="Title"), para(INTRO), altair, delphinus, para(FILLER), lacerta,
        monoceros, pyxis, antlia, sextans, drop, libra, fomalhaut, achernar, para(FILLER), para(FILLER),
        mizar, para(FILLER),
    ])
    path = package(folder / "e-typography.docx", body, sect())
    return path, [
        ESpot("Altair", a, page=1),
        ESpot("Delphinus", s["Delphinus"], hidden=True, pdf=False),
        ESpot("Lacerta", s["Lacerta"], hidden=True, pdf=False),
        ESpot("Monoceros", mono, pdf=False),
        ESpot("Pyxis", py, page=1),
        ESpot("Antlia", an, page=1),
        ESpot("Sextans", s["Sextans"], page=1),
        ESpot("Crater", cr, page=1),
        ESpot("Libra", s["Libra"], page=1, pdf_sentence=s["Libra"].upper()),
        ESpot("Fomalhaut", s["Fomalhaut"], page=1, pdf_sentence=s["Fomalhaut"].upper()),
        ESpot("Achernar", s["Achernar"], page=1),
        ESpot("Mizar", mz, page=1),
    ]


# ---------------------------------------------------------------------------------------------
# 8. Print furniture: line numbers and a page border, a caption with a SEQ field, a comment and a
# bookmark inside a sentence, an index entry inside a sentence, an index entry holding a sentence,
# the document's core properties.


def docx_furniture(folder: Path) -> tuple[Path, list[ESpot]]:
    s = _names(["Hadar", "Mimosa", "Acrux", "Alnitak", "Pictor", "Elnath"], start=2)
    hadar = p(run("Table "), field(" SEQ Table \\* ARABIC ", run("1")), run(": " + s["Hadar"]),
              ppr='<w:pStyle w:val="Caption"/><w:keepNext/>')
    mi = s["Mimosa"]
    w = "been trading"
    k = mi.index(w)
    mimosa = p(run(mi[:k]), '<w:bookmarkStart w:id="7" w:name="_Ref190001"/>',
               '<w:commentRangeStart w:id="1"/>', run(mi[k:k + len(w)]),
               '<w:commentRangeEnd w:id="1"/>', '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
               '<w:commentReference w:id="1"/></w:r>', '<w:bookmarkEnd w:id="7"/>',
               '<w:proofErr w:type="spellStart"/>', run(mi[k + len(w):]),
               '<w:proofErr w:type="spellEnd"/>')
    al = s["Alnitak"]
    k = al.index("contracts of this kind") + len("contracts of this kind")
    alnitak = p(run(al[:k]), field(' XE "Contracts:past experience" ', ""), run(al[k:]))
    # Word writes an XE field with no separate part: begin, instruction, end.
    alnitak = alnitak.replace('<w:r><w:fldChar w:fldCharType="separate"/></w:r>', "")
    pictor = p(run("Index entries follow."), '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
               f'<w:r><w:instrText xml:space="preserve"> XE "{escape(s["Pictor"])}" </w:instrText></w:r>'
               '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    body = "".join([
        para("Specification", style="Title"), para(INTRO), para(FILLER), para(FILLER),
        para(FILLER), hadar, table([["Lot", "Volume"], ["North", "1,200 hours"]]), para(FILLER), mimosa,
        para(FILLER), alnitak, pictor, para(FILLER),
    ])
    borders = ('<w:pgBorders w:offsetFrom="page">' + "".join(
        f'<w:{side} w:val="double" w:sz="4" w:space="24" w:color="1F3864"/>'
        for side in ("top", "left", "bottom", "right")) + "</w:pgBorders>"
        '<w:lnNumType w:countBy="1" w:distance="283" w:restart="newPage"/>')
    path = package(folder / "e-furniture.docx", body, sect(extra=borders), comments={1: para(s["Acrux"])},
                   core={"dc:title": "Specification", "dc:subject": "Community support service",
                         "dc:creator": "Procurement Team", "dc:description": s["Elnath"],
                         "cp:keywords": "tender; lots"})
    return path, [
        ESpot("Hadar", "Table 1: " + s["Hadar"], page=1),
        ESpot("Mimosa", mi, page=1),
        ESpot("Acrux", s["Acrux"], present=False),
        ESpot("Alnitak", al, page=1),
        ESpot("Pictor", s["Pictor"], present=False),
        ESpot("Elnath", s["Elnath"], present=False),
    ]


# ---------------------------------------------------------------------------------------------
# 9. Odd and even pages: an even-page footer (beside the odd one), an odd-page section break.


def docx_odd_even(folder: Path) -> tuple[Path, list[ESpot]]:
    s = _names(["Mintaka", "Alphard"], start=1)
    parts = {"header1": para("Invitation to tender"), "header2": para("Invitation to tender (continued)"),
             "footer1": p("Page ", page_field()), "footer2": para(s["Mintaka"])}
    sec1 = sect({("header", "default"): "header1", ("header", "even"): "header2",
                 ("footer", "default"): "footer1", ("footer", "even"): "footer2"})
    body = "".join([
        para("Invitation to tender", style="Title"), para(INTRO), fillers(2), PAGE_BREAK, fillers(3),
        sect_para(sec1), para("Part B: the lots"), para(s["Alphard"]), para(FILLER),
    ])
    path = package(folder / "e-odd-even.docx", body, sect(kind="oddPage"), parts=parts,
                   settings="<w:evenAndOddHeaders/>")
    return path, [
        ESpot("Mintaka", s["Mintaka"], part="even-page footer", page=2),
        ESpot("Alphard", s["Alphard"], page=3),
    ]


BUILDERS = [docx_sections, docx_shapes, docx_notes, docx_tables, docx_revisions, docx_controls,
            docx_typography, docx_furniture, docx_odd_even]
