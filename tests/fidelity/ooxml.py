"""Write a .docx from raw WordprocessingML, the way Word lays out its parts.

python-docx cannot write footnotes, text boxes, tracked changes or even-page headers, so the
fidelity documents are written part by part here: the XML each spot needs, nothing else.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
      'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14"')
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"


# Word's own defaults: 11 pt Calibri-sized text, 8 pt after each paragraph, a Title and Heading 1 style.
STYLES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          f'<w:styles {NS}><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22"/></w:rPr></w:rPrDefault>'
          '<w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
          '</w:docDefaults>'
          '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
          '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>'
          '<w:rPr><w:sz w:val="40"/></w:rPr></w:style>'
          '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>'
          '<w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style>'
          '</w:styles>')


def run(text: str, props: str = "") -> str:
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(*runs: str, style: str | None = None) -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{ppr}{''.join(r if r.startswith('<') else run(r) for r in runs)}</w:p>"


def table(rows: list[list[str]]) -> str:
    """Cells hold paragraph XML (or plain text); widths are fixed so LibreOffice lays them out."""
    n = max(len(r) for r in rows)
    grid = "".join('<w:gridCol w:w="3000"/>' for _ in range(n))
    body = "".join("<w:tr>" + "".join(
        f'<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr>{c if c.startswith("<") else para(c)}</w:tc>'
        for c in r) + "</w:tr>" for r in rows)
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{3000 * n}" w:type="dxa"/><w:tblBorders>'
            + "".join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                      for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
            + f"</w:tblBorders></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>")


def text_box(*paragraphs: str, box_id: int = 1) -> str:
    """A run holding a floating text box as Word writes it: DrawingML, with a VML fallback copy."""
    content = "".join(paragraphs)
    return (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="2" '
        'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset>'
        '</wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        '<wp:extent cx="5400000" cy="900000"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>'
        f'<wp:docPr id="{box_id}" name="Text Box {box_id}"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="5400000" cy="900000"/>'
        '</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>'
        f'<wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>'
        '</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
        '<mc:Fallback><w:pict><v:shape id="_x0000_s1' + str(box_id) + '" type="#_x0000_t202" '
        'style="width:425pt;height:71pt"><v:textbox>'
        f'<w:txbxContent>{content}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>'
        '</mc:AlternateContent></w:r>'
    )


def note_ref(kind: str, note_id: int) -> str:
    tag = "footnoteReference" if kind == "footnote" else "endnoteReference"
    return f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:{tag} w:id="{note_id}"/></w:r>'


def _notes(kind: str, notes: dict[int, str]) -> str:
    sep = (f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
           f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
           f'</w:{kind}>')
    body = "".join(f'<w:{kind} w:id="{i}">{xml}</w:{kind}>' for i, xml in notes.items())
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{kind}s {NS}>{sep}{body}</w:{kind}s>'


def write_docx(path: Path, body: str, *, headers: dict[str, str] | None = None,
               footers: dict[str, str] | None = None, footnotes: dict[int, str] | None = None,
               endnotes: dict[int, str] | None = None, comments: dict[int, str] | None = None,
               columns: int = 1, title_page: bool = False, even_odd: bool = False) -> Path:
    """headers/footers map a type (default, first, even) to the part's XML content."""
    parts: dict[str, str] = {}
    rels = []
    overrides = []
    refs = []
    for kind, table_ in (("header", headers or {}), ("footer", footers or {})):
        for typ, xml in table_.items():
            name = f"{kind}-{typ}.xml"
            rid = f"rId{kind}{typ}"
            tag = "hdr" if kind == "header" else "ftr"
            parts[f"word/{name}"] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                                     f'<w:{tag} {NS}>{xml}</w:{tag}>')
            rels.append((rid, f"{_REL}/{kind}", name))
            overrides.append((f"/word/{name}", f"{_CT}.{kind}+xml"))
            refs.append(f'<w:{kind}Reference w:type="{typ}" r:id="{rid}"/>')
    for kind, notes in (("footnote", footnotes), ("endnote", endnotes)):
        if notes:
            parts[f"word/{kind}s.xml"] = _notes(kind, notes)
            rels.append((f"rId{kind}s", f"{_REL}/{kind}s", f"{kind}s.xml"))
            overrides.append((f"/word/{kind}s.xml", f"{_CT}.{kind}s+xml"))
    if comments:
        parts["word/comments.xml"] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                                      f"<w:comments {NS}>" + "".join(
                                          f'<w:comment w:id="{i}" w:author="Reviewer" w:initials="R">{xml}</w:comment>'
                                          for i, xml in comments.items()) + "</w:comments>")
        rels.append(("rIdcomments", f"{_REL}/comments", "comments.xml"))
        overrides.append(("/word/comments.xml", f"{_CT}.comments+xml"))
    settings = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                f'<w:settings {NS}>{"<w:evenAndOddHeaders/>" if even_odd else ""}</w:settings>')
    parts["word/settings.xml"] = settings
    parts["word/styles.xml"] = STYLES
    rels.append(("rIdstyles", f"{_REL}/styles", "styles.xml"))
    overrides.append(("/word/styles.xml", f"{_CT}.styles+xml"))
    rels.append(("rIdsettings", f"{_REL}/settings", "settings.xml"))
    overrides.append(("/word/settings.xml", f"{_CT}.settings+xml"))
    sect = ("<w:sectPr>" + "".join(refs) + '<w:pgSz w:w="11906" w:h="16838"/>'
            '<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" '
            'w:gutter="0"/>' + (f'<w:cols w:num="{columns}" w:space="708"/>' if columns > 1 else "")
            + ("<w:titlePg/>" if title_page else "") + "</w:sectPr>")
    parts["word/document.xml"] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                                  f"<w:document {NS}><w:body>{body}{sect}</w:body></w:document>")
    parts["word/_rels/document.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(f'<Relationship Id="{i}" Type="{t}" Target="{n}"/>' for i, t, n in rels) + "</Relationships>")
    parts["_rels/.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="word/document.xml"/></Relationships>')
    parts["[Content_Types].xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/word/document.xml" ContentType="{_CT}.document.main+xml"/>'
        + "".join(f'<Override PartName="{n}" ContentType="{t}"/>' for n, t in overrides) + "</Types>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in ("[Content_Types].xml", "_rels/.rels", *sorted(k for k in parts if k not in
                                                                   ("[Content_Types].xml", "_rels/.rels"))):
            zf.writestr(name, parts[name])
    return path
