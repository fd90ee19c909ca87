#!/usr/bin/env python3
"""Build the annotated tender corpus from its plain-text sources.

    python corpus/build.py            rebuild every tender in corpus/src/
    python corpus/build.py ID [ID...] rebuild only those tenders
    python corpus/build.py --root blind/tenders-dev [ID...]   build another corpus in the same layout

Either way corpus/labels.yaml (and the tender table in corpus/README.md) is rewritten
from *all* sources. The source format and the label semantics are in corpus/LABELS.md.

Needs python-docx and pyyaml; PDFs also need LibreOffice (``soffice``) on PATH and
pdfplumber to count their pages. Only the standard library otherwise.
"""
from __future__ import annotations

import datetime as _dt
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

CORPUS = Path(__file__).resolve().parent
SRC = CORPUS / "src"
OUT = CORPUS / "tenders"
LABELS_OUT = CORPUS / "labels.yaml"
README = CORPUS / "README.md"


def set_root(root: Path) -> None:
    """Build another corpus laid out the same way (the blind sets under blind/)."""
    global CORPUS, SRC, OUT, LABELS_OUT, README
    CORPUS = root.resolve()
    SRC, OUT = CORPUS / "src", CORPUS / "tenders"
    LABELS_OUT, README = CORPUS / "labels.yaml", CORPUS / "README.md"

FORMATS = ("docx", "pdf", "txt", "html")
ENCODINGS = ("utf-8", "utf-16", "cp1252")
CORE = ("performance-bond", "turnover-threshold", "trading-history", "contract-term", "social-value")
OTHER = ("financial-standing", "insurance", "track-record", "market-access", "reserved-contract")
KINDS = ("positive", "hard-negative", "fair")
AUTHORITY_TYPES = ("council", "nhs", "central", "other")
REGIMES = ("PCR2015", "PA2023", "PSR")
NUMERIC_FACTS = (
    "estimated_total_value", "estimated_annual_value", "initial_term_months", "max_term_months",
    "min_turnover", "bond_percent", "bond_amount", "min_trading_years",
    "social_value_weight_percent",
)
FACT_KEYS = NUMERIC_FACTS + ("regime", "framework")
CATEGORIES = CORE + OTHER
LABEL_KEYS = ("kind", "authority_type", "expected", "facts", "notes")
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FIXED_DATE = _dt.datetime(2024, 1, 15, 9, 0, 0, tzinfo=_dt.timezone.utc)
ZIP_DATE = (2024, 1, 15, 9, 0, 0)


class SourceError(Exception):
    """A malformed source: the message names the file and line."""

    def __init__(self, path: Path, line: int | None, msg: str):
        where = f"{_rel(path)}:{line}" if line else f"{_rel(path)}"
        super().__init__(f"{where}: {msg}")


def _rel(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(CORPUS.parent))
    except ValueError:
        return str(path)


# --------------------------------------------------------------------------- parsing

@dataclass
class Block:
    kind: str            # h1 h2 h3 p num1 num2 bullet1 bullet2 table pagebreak
    text: str = ""
    rows: list = field(default_factory=list)   # table: list of list of cell strings
    line: int = 0
    list_id: int = 0     # numbered lists: which list run (numbering restarts per run)


@dataclass
class Doc:
    path: Path
    meta: dict
    blocks: list
    body_line: int       # line number of the first body line


def split_front_matter(path: Path) -> tuple[dict, list[str], int]:
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise SourceError(path, None, f"source is not UTF-8 ({e})")
    lines = raw.splitlines()
    if not lines or lines[0].strip() != "---":
        raise SourceError(path, 1, "expected front matter starting with a '---' line")
    for end in range(1, len(lines)):
        if lines[end].strip() == "---":
            break
    else:
        raise SourceError(path, 1, "front matter is not closed by a '---' line")
    try:
        meta = yaml.safe_load("\n".join(lines[1:end])) or {}
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        raise SourceError(path, line, f"bad YAML in front matter: {getattr(e, 'problem', e)}")
    if not isinstance(meta, dict):
        raise SourceError(path, 2, "front matter must be a YAML mapping")
    return meta, lines[end + 1:], end + 2


HEADING_RE = re.compile(r"^(#{1,3}) +(\S.*)$")
NUM_RE = re.compile(r"^(#{1,2})\. +(\S.*)$")
BULLET_RE = re.compile(r"^( {0,1}|  +)- +(\S.*)$")
SEP_RE = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")


def parse_body(path: Path, lines: list[str], first_line: int) -> list[Block]:
    blocks: list[Block] = []
    table: Block | None = None
    list_id = 0
    in_list = False
    for i, raw in enumerate(lines):
        ln = first_line + i
        line = raw.rstrip()
        if line.lstrip().startswith("|"):
            cells = _table_cells(line)
            if table is None:
                table = Block("table", line=ln)
                blocks.append(table)
                table.rows.append(cells)
                in_list = False
                continue
            if SEP_RE.match(line.strip()):
                if len(table.rows) != 1:
                    raise SourceError(path, ln, "table separator row '|---|' must follow the header row")
                continue
            if len(cells) != len(table.rows[0]):
                raise SourceError(path, ln, f"table row has {len(cells)} cells, header has {len(table.rows[0])}")
            table.rows.append(cells)
            continue
        table = None
        if not line.strip():
            continue   # blank lines separate paragraphs; they do not end a numbered list
        s = line.strip()
        if s == "<<<pagebreak>>>":
            blocks.append(Block("pagebreak", line=ln))
            in_list = False
            continue
        if s.startswith("<<<"):
            raise SourceError(path, ln, f"unknown directive {s!r} (only <<<pagebreak>>>)")
        m = NUM_RE.match(s)
        if m:
            if not in_list:
                list_id += 1
                in_list = True
                if len(m.group(1)) == 2:
                    raise SourceError(path, ln, "'##.' list item must follow a '#.' item")
            blocks.append(Block(f"num{len(m.group(1))}", m.group(2), line=ln, list_id=list_id))
            continue
        in_list = False
        m = HEADING_RE.match(s)
        if m:
            blocks.append(Block(f"h{len(m.group(1))}", m.group(2).strip(), line=ln))
            continue
        if s.startswith("#"):
            raise SourceError(path, ln, "a line starting with '#' must be '# '..'### ' heading or '#. '/'##. ' list item")
        m = BULLET_RE.match(line)
        if m:
            level = 2 if len(m.group(1)) >= 2 else 1
            blocks.append(Block(f"bullet{level}", m.group(2), line=ln))
            continue
        blocks.append(Block("p", s, line=ln))
    for b in blocks:   # validate inline markup early so every format fails the same way
        for text in ([b.text] if b.kind != "table" else [c for r in b.rows for c in r]):
            inline_runs(text, path, b.line)
    return blocks


def _table_cells(line: str) -> list[str]:
    s = line.strip()
    if s.startswith("|"):
        s = s[1:]
    if s.endswith("|") and not s.endswith("\\|"):
        s = s[:-1]
    cells = re.split(r"(?<!\\)\|", s)
    return [c.strip().replace("\\|", "|") for c in cells]


INLINE_RE = re.compile(r"\*\*(.+?)\*\*|\*(?!\s)(.+?)(?<!\s)\*")


def inline_runs(text: str, path: Path | None = None, line: int = 0) -> list[tuple[str, bool, bool]]:
    """Split '**bold** and *italic*' into (text, bold, italic) runs. '\\*' is a literal star."""
    text = text.replace("\\*", "\x00")
    runs: list[tuple[str, bool, bool]] = []
    pos = 0
    for m in INLINE_RE.finditer(text):
        if m.start() > pos:
            runs.append((text[pos:m.start()], False, False))
        if m.group(1) is not None:
            runs.append((m.group(1), True, False))
        else:
            runs.append((m.group(2), False, True))
        pos = m.end()
    if pos < len(text):
        runs.append((text[pos:], False, False))
    for t, _, _ in runs:
        if "*" in t and path is not None:
            raise SourceError(path, line, f"unbalanced '*' inline markup in {text.replace(chr(0), '*')!r} (escape a literal star as \\*)")
    return [(t.replace("\x00", "*"), b, i) for t, b, i in runs if t]


def plain(text: str) -> str:
    return "".join(t for t, _, _ in inline_runs(text))


def load_doc(path: Path, meta: dict | None = None) -> Doc:
    m, body, first = split_front_matter(path)
    if meta is not None:
        m = {**meta, **m}
    fmt = m.get("format")
    if fmt not in FORMATS:
        raise SourceError(path, 2, f"format must be one of {', '.join(FORMATS)} (got {fmt!r})")
    enc = m.get("encoding", "utf-8")
    if enc not in ENCODINGS:
        raise SourceError(path, 2, f"encoding must be one of {', '.join(ENCODINGS)} (got {enc!r})")
    if enc != "utf-8" and fmt != "txt":
        raise SourceError(path, 2, "encoding is for format: txt only")
    return Doc(path, m, parse_body(path, body, first), first)


# --------------------------------------------------------------------------- DOCX

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
ABSTRACT_NUM_ID = 90


def _numbering_setup(document):
    """Add one multi-level decimal list definition ('1.' then 'a.')."""
    from docx.oxml import parse_xml
    numbering = document.part.numbering_part.element
    xml = (
        f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{ABSTRACT_NUM_ID}">'
        '<w:multiLevelType w:val="multilevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>'
        '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="567" w:hanging="567"/></w:pPr></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2."/>'
        '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1134" w:hanging="567"/></w:pPr></w:lvl>'
        '</w:abstractNum>'
    )
    # abstractNum elements must precede num elements
    first_num = numbering.find(f"{{{W_NS}}}num")
    el = parse_xml(xml)
    if first_num is not None:
        first_num.addprevious(el)
    else:
        numbering.append(el)


def _new_num(document, num_id: int) -> None:
    from docx.oxml import parse_xml
    numbering = document.part.numbering_part.element
    numbering.append(parse_xml(
        f'<w:num xmlns:w="{W_NS}" w:numId="{num_id}"><w:abstractNumId w:val="{ABSTRACT_NUM_ID}"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
        '<w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))


def _set_num(paragraph, num_id: int, ilvl: int) -> None:
    from docx.oxml import parse_xml
    pPr = paragraph._p.get_or_add_pPr()
    for old in pPr.findall(f"{{{W_NS}}}numPr"):
        pPr.remove(old)
    numPr = parse_xml(f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>')
    # numPr must come after pStyle/keepNext/... ; inserting right after pStyle is schema-valid
    pStyle = pPr.find(f"{{{W_NS}}}pStyle")
    if pStyle is not None:
        pStyle.addnext(numPr)
    else:
        pPr.insert(0, numPr)


def _add_runs(paragraph, text: str, bold_all: bool = False) -> None:
    for t, b, i in inline_runs(text):
        r = paragraph.add_run(t)
        if b or bold_all:
            r.bold = True
        if i:
            r.italic = True


def _add_field(paragraph, instr: str, placeholder: str = "1") -> None:
    from docx.oxml import parse_xml
    for xml in (
        f'<w:r xmlns:w="{W_NS}"><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r xmlns:w="{W_NS}"><w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>',
        f'<w:r xmlns:w="{W_NS}"><w:fldChar w:fldCharType="separate"/></w:r>',
        f'<w:r xmlns:w="{W_NS}"><w:t>{placeholder}</w:t></w:r>',
        f'<w:r xmlns:w="{W_NS}"><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        paragraph._p.append(parse_xml(xml))


def render_docx(doc: Doc, out: Path) -> None:
    import docx
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Mm, Pt

    d = docx.Document()
    normal = d.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10.5)
    sec = d.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.left_margin = sec.right_margin = Mm(22)
    sec.top_margin = sec.bottom_margin = Mm(22)
    sec.header_distance = sec.footer_distance = Mm(10)

    header = doc.meta.get("header")
    if header:
        hp = sec.header.paragraphs[0]
        hp.text = str(header)
        hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer = doc.meta.get("footer")
    if footer:
        fp.add_run(f"{footer}    ")
    fp.add_run("Page ")
    _add_field(fp, "PAGE")
    fp.add_run(" of ")
    _add_field(fp, "NUMPAGES")

    cp = d.core_properties
    cp.title = str(doc.meta.get("title") or "")
    cp.author = str(doc.meta.get("author") or "")
    cp.last_modified_by = cp.author
    cp.created = cp.modified = FIXED_DATE.replace(tzinfo=None)
    cp.revision = 1

    _numbering_setup(d)
    next_num_id = 900
    list_nums: dict[int, int] = {}
    pending_break = False
    last_par = None

    for b in doc.blocks:
        if b.kind == "pagebreak":
            pending_break = True
            continue
        if b.kind == "table":
            if pending_break:
                d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
                pending_break = False
            ncols = len(b.rows[0])
            t = d.add_table(rows=len(b.rows), cols=ncols)
            t.style = d.styles["Table Grid"]
            t.alignment = WD_TABLE_ALIGNMENT.CENTER
            for r, row in enumerate(b.rows):
                for c, cell in enumerate(row):
                    par = t.cell(r, c).paragraphs[0]
                    _add_runs(par, cell, bold_all=(r == 0))
            last_par = d.add_paragraph()   # spacing after the table, as authors do
            continue
        if b.kind in ("h1", "h2", "h3"):
            p = d.add_heading(level=int(b.kind[1]))
            _add_runs(p, b.text)
        elif b.kind in ("num1", "num2"):
            p = d.add_paragraph(style="List Number" if b.kind == "num1" else "List Number 2")
            if b.list_id not in list_nums:
                list_nums[b.list_id] = next_num_id
                _new_num(d, next_num_id)
                next_num_id += 1
            _set_num(p, list_nums[b.list_id], 0 if b.kind == "num1" else 1)
            _add_runs(p, b.text)
        elif b.kind in ("bullet1", "bullet2"):
            p = d.add_paragraph(style="List Bullet" if b.kind == "bullet1" else "List Bullet 2")
            _add_runs(p, b.text)
        else:
            p = d.add_paragraph()
            _add_runs(p, b.text)
        if pending_break:
            p.paragraph_format.page_break_before = True
            pending_break = False
        last_par = p
    if pending_break:
        d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    d.save(str(out))


# --------------------------------------------------------------------------- TXT / HTML

def render_txt(doc: Doc) -> str:
    out: list[str] = []
    header = doc.meta.get("header")
    if header:
        out += [str(header), ""]
    title = doc.meta.get("title")
    counters = {}
    prev_group = None
    for b in doc.blocks:
        group = b.kind.rstrip("12") if b.kind in ("num1", "num2", "bullet1", "bullet2") else b.kind
        if prev_group in ("num", "bullet", "table") and group != prev_group and out and out[-1] != "":
            out.append("")
        prev_group = group
        if b.kind == "pagebreak":
            out.append("\f")
            continue
        if b.kind == "table":
            out += ["\t".join(plain(c) for c in row) for row in b.rows]
            out.append("")
            continue
        text = plain(b.text)
        if b.kind in ("h1", "h2", "h3"):
            if out and out[-1] not in ("", "\f"):
                out.append("")
            out.append(text.upper() if b.kind == "h1" else text)
            if b.kind in ("h1", "h2"):
                out.append(("=" if b.kind == "h1" else "-") * min(len(text), 78))
            out.append("")
        elif b.kind == "num1":
            key = (b.list_id, 1)
            counters[key] = counters.get(key, 0) + 1
            counters[(b.list_id, 2)] = 0
            out.append(f"{counters[key]}. {text}")
        elif b.kind == "num2":
            key = (b.list_id, 2)
            counters[key] = counters.get(key, 0) + 1
            out.append(f"    {chr(ord('a') + counters[key] - 1)}. {text}")
        elif b.kind == "bullet1":
            out.append(f"- {text}")
        elif b.kind == "bullet2":
            out.append(f"    - {text}")
        else:
            out += [text, ""]
    footer = doc.meta.get("footer")
    if footer:
        out += ["", str(footer)]
    s = "\n".join(out)
    s = re.sub(r"\n{3,}", "\n\n", s).replace("\n\f\n", "\n\f")
    return s.strip("\n") + "\n"


def write_txt(doc: Doc, out: Path) -> None:
    text = render_txt(doc)
    enc = doc.meta.get("encoding", "utf-8")
    if enc == "utf-8":
        data = text.encode("utf-8")
    else:
        crlf = text.replace("\n", "\r\n")
        if enc == "utf-16":
            data = b"\xff\xfe" + crlf.encode("utf-16-le")
        else:
            try:
                data = crlf.encode("cp1252")
            except UnicodeEncodeError as e:
                bad = text[e.start:e.end]
                line = next((b.line for b in doc.blocks if bad in b.text or any(bad in c for r in b.rows for c in r)), None)
                raise SourceError(doc.path, line, f"character {bad!r} cannot be written in cp1252")
    out.write_bytes(data)


def _html_inline(text: str) -> str:
    parts = []
    for t, b, i in inline_runs(text):
        t = html.escape(t, quote=False)
        if i:
            t = f"<em>{t}</em>"
        if b:
            t = f"<strong>{t}</strong>"
        parts.append(t)
    return "".join(parts)


def render_html(doc: Doc) -> str:
    title = html.escape(str(doc.meta.get("title") or doc.meta.get("id") or ""))
    o = [
        "<!DOCTYPE html>",
        '<html lang="en-GB">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}</title>",
        "<style>body{font-family:Arial,Helvetica,sans-serif;max-width:52em;margin:2em auto;line-height:1.45}"
        "table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #777;padding:.3em .6em;text-align:left}"
        "th{background:#eee}header,footer{color:#555;font-size:.9em}hr.page-break{border:0;border-top:1px dashed #bbb}</style>",
        "</head>",
        "<body>",
    ]
    if doc.meta.get("header"):
        o.append(f'<header><p>{html.escape(str(doc.meta["header"]))}</p></header>')
    o.append("<main>")
    open_lists: list[str] = []   # stack of 'ol'/'ul' with an open <li> inside each

    def close_to(depth: int):
        while len(open_lists) > depth:
            tag = open_lists.pop()
            o.append(f"</li></{tag}>")

    for b in doc.blocks:
        if b.kind in ("num1", "num2", "bullet1", "bullet2"):
            tag = "ol" if b.kind.startswith("num") else "ul"
            level = int(b.kind[-1])
            if level > len(open_lists) + 1:
                level = len(open_lists) + 1
            if len(open_lists) >= level and open_lists[level - 1] != tag:
                close_to(level - 1)
            if len(open_lists) >= level:
                close_to(level)
                o.append(f"</li><li>{_html_inline(b.text)}")
            else:
                attr = ' type="a"' if tag == "ol" and level == 2 else ""
                o.append(f"<{tag}{attr}><li>{_html_inline(b.text)}")
                open_lists.append(tag)
            continue
        close_to(0)
        if b.kind == "pagebreak":
            o.append('<hr class="page-break">')
        elif b.kind == "table":
            o.append("<table>")
            o.append("<thead><tr>" + "".join(f"<th>{_html_inline(c)}</th>" for c in b.rows[0]) + "</tr></thead>")
            o.append("<tbody>")
            for row in b.rows[1:]:
                o.append("<tr>" + "".join(f"<td>{_html_inline(c)}</td>" for c in row) + "</tr>")
            o.append("</tbody></table>")
        elif b.kind in ("h1", "h2", "h3"):
            o.append(f"<{b.kind}>{_html_inline(b.text)}</{b.kind}>")
        else:
            o.append(f"<p>{_html_inline(b.text)}</p>")
    close_to(0)
    o.append("</main>")
    if doc.meta.get("footer"):
        o.append(f'<footer><p>{html.escape(str(doc.meta["footer"]))}</p></footer>')
    o += ["</body>", "</html>", ""]
    return "\n".join(o)


# --------------------------------------------------------------------------- tenders

@dataclass
class Tender:
    id: str
    src: Path                 # the .md file or the pack folder
    labels: dict
    pack: bool
    container: str | None = None      # folder | zip
    subfolder: str | None = None      # zip: optional single sub-folder for entries
    docs: list = field(default_factory=list)   # list of (Doc, out_name)
    fmt: str = ""
    labels_line: int | None = None

    @property
    def out_path(self) -> Path:
        if not self.pack:
            return OUT / f"{self.id}.{self.fmt}"
        return OUT / (f"{self.id}.zip" if self.container == "zip" else self.id)

    @property
    def rel_path(self) -> str:
        p = self.out_path.relative_to(CORPUS).as_posix()
        return p + "/" if self.pack and self.container == "folder" else p


def _labels_line(path: Path) -> int | None:
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("labels:"):
            return i
    return None


def load_tender(src: Path) -> Tender:
    if src.is_dir():
        pack_yaml = src / "pack.yaml"
        if not pack_yaml.exists():
            raise SourceError(src, None, "pack folder has no pack.yaml")
        try:
            meta = yaml.safe_load(pack_yaml.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as e:
            mark = getattr(e, "problem_mark", None)
            raise SourceError(pack_yaml, mark.line + 1 if mark else None, f"bad YAML: {getattr(e, 'problem', e)}")
        if not isinstance(meta, dict):
            raise SourceError(pack_yaml, 1, "pack.yaml must be a YAML mapping")
        tid = meta.get("id")
        if tid != src.name:
            raise SourceError(pack_yaml, 1, f"id {tid!r} must equal the folder name {src.name!r}")
        container = meta.get("container")
        if container not in ("folder", "zip"):
            raise SourceError(pack_yaml, 1, f"container must be folder or zip (got {container!r})")
        sub = meta.get("subfolder")
        if sub is not None and (container != "zip" or not re.fullmatch(r"[\w .()&,'-]+", str(sub))):
            raise SourceError(pack_yaml, 1, "subfolder is a plain folder name, for container: zip only")
        t = Tender(tid, src, meta.get("labels"), True, container, sub, labels_line=_labels_line(pack_yaml))
        members = sorted(src.glob("*.md"))
        if not members:
            raise SourceError(src, None, "pack has no *.md member documents")
        names = set()
        for m in members:
            d = load_doc(m)
            if "labels" in d.meta:
                raise SourceError(m, 2, "pack members carry no labels (they go in pack.yaml)")
            name = str(d.meta.get("name") or m.stem)
            if "/" in name or "\\" in name or name.startswith("."):
                raise SourceError(m, 2, f"bad member name {name!r}")
            out_name = f"{name}.{d.meta['format']}"
            if out_name.lower() in names:
                raise SourceError(m, 2, f"two members would both be written as {out_name!r}")
            names.add(out_name.lower())
            t.docs.append((d, out_name))
        t.fmt = container
        _validate_labels(t, pack_yaml)
        return t
    d = load_doc(src)
    tid = d.meta.get("id")
    if tid != src.stem:
        raise SourceError(src, 2, f"id {tid!r} must equal the file name stem {src.stem!r}")
    t = Tender(tid, src, d.meta.get("labels"), False, labels_line=_labels_line(src))
    t.docs.append((d, f"{tid}.{d.meta['format']}"))
    t.fmt = d.meta["format"]
    _validate_labels(t, src)
    return t


def _validate_labels(t: Tender, where: Path) -> None:
    line = t.labels_line
    if not ID_RE.match(t.id or ""):
        raise SourceError(where, 2, f"id {t.id!r} must be lower-case words joined by hyphens")
    lab = t.labels
    if not isinstance(lab, dict):
        raise SourceError(where, line, "labels: mapping is missing")
    unknown = set(lab) - set(LABEL_KEYS)
    if unknown:
        raise SourceError(where, line, f"unknown label keys: {', '.join(sorted(unknown))}")
    if lab.get("kind") not in KINDS:
        raise SourceError(where, line, f"labels.kind must be one of {', '.join(KINDS)} (got {lab.get('kind')!r})")
    if lab.get("authority_type") not in AUTHORITY_TYPES:
        raise SourceError(where, line, f"labels.authority_type must be one of {', '.join(AUTHORITY_TYPES)} (got {lab.get('authority_type')!r})")
    for key, allowed in (("expected", CATEGORIES),):
        val = lab.get(key, [])
        if val is None:
            val = []
        if not isinstance(val, list):
            raise SourceError(where, line, f"labels.{key} must be a list")
        for c in val:
            if c not in allowed:
                hint = "a category"
                raise SourceError(where, line, f"labels.{key}: {c!r} is not {hint} ({', '.join(allowed)})")
        if len(set(val)) != len(val):
            raise SourceError(where, line, f"labels.{key} lists a category twice")
        lab[key] = val
    facts = lab.get("facts")
    if not isinstance(facts, dict):
        raise SourceError(where, line, "labels.facts mapping is missing")
    for k, v in facts.items():
        if k not in FACT_KEYS:
            raise SourceError(where, line, f"labels.facts: unknown fact {k!r} (allowed: {', '.join(FACT_KEYS)})")
        if k in NUMERIC_FACTS and v is not None and (isinstance(v, bool) or not isinstance(v, (int, float))):
            raise SourceError(where, line, f"labels.facts.{k} must be a number or null (got {v!r})")
        if k == "regime" and v not in REGIMES + (None,):
            raise SourceError(where, line, f"labels.facts.regime must be one of {', '.join(REGIMES)} or null")
        if k == "framework" and not isinstance(v, bool):
            raise SourceError(where, line, "labels.facts.framework must be true or false")
    if not isinstance(lab.get("notes", ""), str) or not lab.get("notes"):
        raise SourceError(where, line, "labels.notes: one line on what the tender tests")
    # consistency warnings (not errors: the label is the author's judgement)
    kind, expected = lab["kind"], lab["expected"]
    if kind == "positive" and not expected:
        _warn(where, line, "kind positive but expected is empty")
    if kind != "positive" and expected:
        _warn(where, line, f"kind {kind} but expected lists {expected}")
    tot, ann, mx = (facts.get(k) for k in ("estimated_total_value", "estimated_annual_value", "max_term_months"))
    if tot and ann and mx and abs(ann * mx / 12 - tot) > 0.02 * tot:
        _warn(where, line, f"total {tot} != annual {ann} x {mx}/12 (fine only if both are stated as such)")


def _warn(where: Path, line, msg: str) -> None:
    print(f"warning: {_rel(where)}{':' + str(line) if line else ''}: {msg}", file=sys.stderr)


def discover() -> list[Path]:
    if not SRC.is_dir():
        return []
    items = []
    for p in sorted(SRC.iterdir()):
        if p.name.startswith((".", "_")):
            continue
        if p.is_dir() or p.suffix == ".md":
            items.append(p)
    return items


def soffice_bin() -> str:
    for name in ("soffice", "libreoffice"):
        p = shutil.which(name)
        if p:
            return p
    raise SystemExit("error: LibreOffice not found (apt-get install libreoffice-writer-nogui) — needed for PDF tenders")


def convert_to_pdf(docx_files: list[Path], outdir: Path) -> None:
    """One soffice run for all files, with a private profile so parallel builds don't clash."""
    if not docx_files:
        return
    profile = Path(tempfile.mkdtemp(prefix="tl-lo-profile-"))
    try:
        cmd = [soffice_bin(), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", str(outdir), *map(str, docx_files)]
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
        missing = [f for f in docx_files if not (outdir / (f.stem + ".pdf")).exists()]
        if r.returncode != 0 or missing:
            raise SystemExit(f"error: soffice failed (rc {r.returncode}) for {[m.name for m in missing]}\n{r.stdout}\n{r.stderr}")
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def build(tenders: list[Tender]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="tl-build-") as tmp:
        tmp = Path(tmp)
        staged: dict[str, list[tuple[Path, str]]] = {}   # tender id -> [(file in tmp, out name)]
        to_pdf: list[Path] = []
        for t in tenders:
            tdir = tmp / t.id
            tdir.mkdir()
            files = []
            for n, (d, out_name) in enumerate(t.docs):
                fmt = d.meta["format"]
                stem = f"m{n:02d}"
                if fmt in ("docx", "pdf"):
                    f = tdir / f"{stem}.docx"
                    render_docx(d, f)
                    if fmt == "pdf":
                        to_pdf.append(f)
                        f = tdir / f"{stem}.pdf"
                elif fmt == "txt":
                    f = tdir / f"{stem}.txt"
                    write_txt(d, f)
                else:
                    f = tdir / f"{stem}.html"
                    f.write_text(render_html(d), encoding="utf-8", newline="\n")
                files.append((f, out_name))
            staged[t.id] = files
        # soffice --outdir is one folder: convert per tender folder, but in as few runs as possible
        by_dir: dict[Path, list[Path]] = {}
        for f in to_pdf:
            by_dir.setdefault(f.parent, []).append(f)
        if by_dir:
            flat = tmp / "_pdf"
            flat.mkdir()
            links = []
            for f in to_pdf:
                link = flat / f"{f.parent.name}__{f.stem}.docx"
                shutil.copyfile(f, link)
                links.append(link)
            convert_to_pdf(links, flat)
            for f, link in zip(to_pdf, links):
                shutil.move(str(flat / (link.stem + ".pdf")), str(f.with_suffix(".pdf")))
        for t in tenders:
            _clear_outputs(t.id)
            files = staged[t.id]
            if not t.pack:
                shutil.copyfile(files[0][0], t.out_path)
            elif t.container == "folder":
                t.out_path.mkdir()
                for f, name in files:
                    shutil.copyfile(f, t.out_path / name)
            else:
                with zipfile.ZipFile(t.out_path, "w", zipfile.ZIP_DEFLATED) as z:
                    for f, name in files:
                        arc = f"{t.subfolder}/{name}" if t.subfolder else name
                        zi = zipfile.ZipInfo(arc, date_time=ZIP_DATE)
                        zi.compress_type = zipfile.ZIP_DEFLATED
                        zi.external_attr = 0o644 << 16
                        z.writestr(zi, f.read_bytes())
            print(f"built {t.rel_path}")


def _clear_outputs(tid: str) -> None:
    for p in OUT.glob(f"{tid}.*"):
        if p.stem == tid and p.suffix[1:] in FORMATS + ("zip",):
            p.unlink()
    d = OUT / tid
    if d.is_dir():
        shutil.rmtree(d)


def pdf_pages(path: Path) -> int | None:
    import pdfplumber
    with pdfplumber.open(str(path)) as pdf:
        return len(pdf.pages)


def write_labels(tenders: list[Tender]) -> list[dict]:
    entries = []
    for t in sorted(tenders, key=lambda t: t.id):
        pages = None
        if not t.pack and t.fmt == "pdf" and t.out_path.exists():
            pages = pdf_pages(t.out_path)
        lab = t.labels
        facts = {k: lab["facts"][k] for k in FACT_KEYS if k in lab["facts"]}
        entries.append({
            "id": t.id,
            "path": t.rel_path,
            "format": t.fmt,
            "pages": pages,
            "kind": lab["kind"],
            "authority_type": lab["authority_type"],
            "expected": list(lab["expected"]),
            "facts": facts,
            "notes": lab["notes"],
        })
    doc = {"version": 1, "tenders": entries}
    text = ("# Generated by corpus/build.py from corpus/src/ — edit the sources, not this file.\n"
            + yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100))
    LABELS_OUT.write_text(text, encoding="utf-8")
    return entries


README_BEGIN = "<!-- tenders:begin (generated by build.py) -->"
README_END = "<!-- tenders:end -->"
README_TEMPLATE = f"""# tenderlint annotated corpus

Sample UK public-sector tender documents with labels, used by `tenderlint eval corpus/`
and the tests. **Every tender here is fictional**: the authorities, references, people and
figures are invented, written to read like real council, NHS and central-government tenders
(PDF, DOCX, TXT, HTML and packs of several files as a folder or a zip).

- `src/` — the plain-text sources (front matter with labels + a light markup body).
- `tenders/` — the built tenders (committed, so tests need no LibreOffice).
- `labels.yaml` — what each tender must and must not raise, and its facts (built from `src/`).
- `LABELS.md` — the source format and what each label means.

## Rebuilding

```
apt-get install -y libreoffice-writer-nogui fonts-liberation   # PDFs are DOCX exported by LibreOffice
.venv/bin/python corpus/build.py              # every tender, then labels.yaml
.venv/bin/python corpus/build.py ID [ID...]   # only those tenders (labels.yaml is still rewritten)
```

The builder needs python-docx, pyyaml and pdfplumber (to count PDF pages). A malformed
source stops the build with `file:line: message`.

## Tenders

{README_BEGIN}
{README_END}
"""


def write_readme(entries: list[dict]) -> None:
    rows = ["| id | file | pages | kind | authority | expected |", "|---|---|---|---|---|---|"]
    for e in entries:
        rows.append(f"| {e['id']} | `{e['path']}` | {e['pages'] if e['pages'] is not None else '–'} | "
                    f"{e['kind']} | {e['authority_type']} | {', '.join(e['expected']) or '–'} |")
    table = "\n".join(rows)
    text = README.read_text(encoding="utf-8") if README.exists() else README_TEMPLATE
    if README_BEGIN not in text or README_END not in text:
        text = text.rstrip("\n") + f"\n\n## Tenders\n\n{README_BEGIN}\n{README_END}\n"
    pre, rest = text.split(README_BEGIN, 1)
    _, post = rest.split(README_END, 1)
    README.write_text(f"{pre}{README_BEGIN}\n{table}\n{README_END}{post}", encoding="utf-8")


def main(argv: list[str]) -> int:
    if any(a in ("-h", "--help") for a in argv):
        print(__doc__)
        return 0
    if argv[:1] == ["--root"] and len(argv) > 1:
        set_root(Path(argv[1]))
        argv = argv[2:]
    tenders, broken = [], []
    for p in discover():
        try:
            tenders.append(load_tender(p))
        except SourceError as e:
            broken.append((p, e))
    for p, e in broken:
        # with explicit IDs, someone else's half-written source does not block the build
        # (it is left out of labels.yaml, loudly); a full build fails on any bad source
        requested = not argv or p.stem in argv or p.name in argv
        print(f"{'error' if requested else 'warning (skipped)'}: {e}", file=sys.stderr)
    if any(not argv or p.stem in argv or p.name in argv for p, _ in broken):
        return 1
    ids = {t.id for t in tenders}
    dup = {t.id for t in tenders if sum(u.id == t.id for u in tenders) > 1}
    if dup:
        print(f"error: duplicate tender ids (a file and a pack?): {', '.join(sorted(dup))}", file=sys.stderr)
        return 1
    wanted = argv or sorted(ids)
    unknown = [a for a in wanted if a not in ids]
    if unknown:
        print(f"error: no source for {', '.join(unknown)} in {_rel(SRC)}", file=sys.stderr)
        return 2
    try:
        build([t for t in tenders if t.id in set(wanted)])
    except SourceError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    missing = [t.id for t in tenders if not t.out_path.exists()]
    if missing:
        print(f"warning: not built yet: {', '.join(missing)} (run build.py without arguments)", file=sys.stderr)
    entries = write_labels(tenders)
    write_readme(entries)
    print(f"wrote {_rel(LABELS_OUT)} ({len(entries)} tenders)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
