"""Turn WordprocessingML into paragraphs in reading order, with lxml.

Real resumes keep text in tables (nested, merged), content controls (w:sdt),
text boxes (stored twice: DrawingML and a VML fallback), headers and footers,
hyperlinks, smart tags and fields. This module reads each of them once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from lxml import etree

from resumefit.model import Paragraph

if TYPE_CHECKING:
    from resumefit.ingest.styles import Styles

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
A_BLIP = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"
V_IMAGEDATA = "{urn:schemas-microsoft-com:vml}imagedata"
A_LATIN = "{http://schemas.openxmlformats.org/drawingml/2006/main}latin"

P, R, T, TBL = W + "p", W + "r", W + "t", W + "tbl"
TXBX = W + "txbxContent"
PPR, RPR = W + "pPr", W + "rPr"
VAL = W + "val"
# Property elements, read through a dict of a pPr's or rPr's children by tag.
P_STYLE, OUTLINE, NUM_PR, SHD = W + "pStyle", W + "outlineLvl", W + "numPr", W + "shd"
BOLD, CAPS, SIZE, FONTS, VANISH, COLOR, HIGHLIGHT = (W + t for t in ("b", "caps", "sz", "rFonts", "vanish",
                                                                     "color", "highlight"))
NO_PROPS: dict = {}
# Content that is not the document's text: deleted revisions, property blocks.
SKIPPED = {W + "del", W + "moveFrom", W + "pPr", W + "rPr", W + "sdtPr", W + "sdtEndPr",
           W + "tblPr", W + "trPr", W + "tcPr", W + "tblGrid", W + "sectPr", W + "instrText",
           W + "delText", W + "delInstrText"}
SPACE_TAGS = {W + "tab", W + "ptab", W + "br", W + "cr"}
TABS = {W + "tab", W + "ptab"}
LINE_BREAKS = {W + "br", W + "cr"}
PICTURES = {W + "drawing", W + "pict", W + "object"}
ALTERNATE = MC + "AlternateContent"

# Symbol-font code points (w:sym) that resumes use as bullets, as Unicode.
SYMBOLS = {"F0B7": "•", "F0A7": "▪", "F0D8": "➢", "F0FC": "✓", "F076": "❖", "F0A8": "□",
           "F06E": "■", "F0E0": "→", "F0D2": "®", "F0E2": "®", "F0D3": "©", "F0E3": "©",
           "F0D4": "™", "F0E4": "™", "F02D": "-", "F09F": "•", "F0B2": "◆", "F0A0": " "}

# A typed bullet glyph; a Symbol or Wingdings bullet pasted as text arrives as a private-use
# character (U+F0B7) or, in another font, as the letter it is stored as ("o", "§"); ">" opens
# a bullet only before a capital ("> 10 years" is "more than").
TYPED_GLYPH = re.compile(r"^[\s\u00a0]*([•▪◦●○■□◆◇❖➢➤►▸▹‣⁃∙·*✓✔☐☑→➔⇒»✦★♦❑⬥⬤\-–—\uf020-\uf0ff]|[o§>](?=\s+[A-Z]))[\s\u00a0]+")
# Numbers typed before a line ("1. Trained ...", "2) Grew ..."): a numbered list item.
TYPED_NUMBER = re.compile(r"^[\s\u00a0]*(\(?\d{1,2}[.)])[\s\u00a0]+(?=[A-Z])")
TRUE_VALUES = {None, "1", "true", "on"}


def _child(el: etree._Element, tag: str) -> etree._Element | None:
    """The first child with this tag: `el.find(tag)` without lxml's path parsing (3x faster,
    and the reader asks this a dozen times per run)."""
    for child in el:
        if child.tag == tag:
            return child
    return None


def _on(el: etree._Element | None) -> bool:
    """A boolean toggle property (w:b, w:caps, w:vanish) that is present and not off."""
    return el is not None and el.get(VAL) in TRUE_VALUES


def _num_of(num_pr: etree._Element, default=None) -> tuple[str, int] | None:
    num_id = _child(num_pr, W + "numId")
    ilvl = _child(num_pr, W + "ilvl")
    level = int(ilvl.get(VAL)) if ilvl is not None and (ilvl.get(VAL) or "").isdigit() else 0
    if num_id is None:
        return (default[0], level) if default else None
    return (num_id.get(VAL, ""), level)


def read_numbering(root: etree._Element | None) -> dict[tuple[str, int], tuple[str, str]]:
    """(numId, level) -> (numFmt, lvlText) for every list level the document defines."""
    levels: dict[tuple[str, int], tuple[str, str]] = {}
    if root is None:
        return levels
    abstract: dict[str, dict[int, tuple[str, str]]] = {}
    for an in root.iter(W + "abstractNum"):
        abstract[an.get(W + "abstractNumId", "")] = _levels(an)
    for num in root.iter(W + "num"):
        num_id = num.get(W + "numId", "")
        aid = num.find(W + "abstractNumId")
        defined = dict(abstract.get(aid.get(VAL, "") if aid is not None else "", {}))
        for override in num.iter(W + "lvlOverride"):
            lvl = override.find(W + "lvl")
            if lvl is not None:
                defined.update(_levels(override))
        for level, fmt in defined.items():
            levels[(num_id, level)] = fmt
    return levels


def _levels(parent: etree._Element) -> dict[int, tuple[str, str]]:
    found = {}
    for lvl in parent.iter(W + "lvl"):
        ilvl = lvl.get(W + "ilvl", "0")
        fmt = lvl.find(W + "numFmt")
        text = lvl.find(W + "lvlText")
        found[int(ilvl) if ilvl.isdigit() else 0] = (
            fmt.get(VAL, "") if fmt is not None else "",
            text.get(VAL, "") if text is not None else "",
        )
    return found


@dataclass
class PartStats:
    """Layout facts gathered while reading a part."""

    tables: int = 0
    layout_tables: int = 0
    text_boxes: int = 0
    images: int = 0
    columns: int = 1
    rendered_breaks: int = 0
    page_breaks: int = 0
    fonts: set[str] = field(default_factory=set)


class PartReader:
    """Reads one part (the body, a header or a footer) into paragraphs."""

    def __init__(self, part_name: str, kind: str, root: etree._Element,
                 styles: Styles, numbering: dict, links: dict[str, str],
                 stats: PartStats):
        self.part_name = part_name
        self.kind = kind
        self.styles = styles
        self.numbering = numbering
        self.links = links
        self.stats = stats
        self.paragraphs: list[Paragraph] = []
        # Anchors count every w:p of the part in document order, so an editor can
        # find paragraph N again with one `root.iter(w:p)`.
        self.index = {p: i for i, p in enumerate(root.iter(P))}
        self.root = root

    def read(self) -> list[Paragraph]:
        self._container(self.root, in_table=False, in_textbox=False)
        return self.paragraphs

    # -- block level ----------------------------------------------------------------

    def _container(self, el, in_table: bool, in_textbox: bool) -> None:
        for child in el:
            tag = child.tag
            if tag == P:
                self._paragraph(child, in_table, in_textbox)
            elif tag == TBL:
                self._table(child, in_textbox)
            elif tag == ALTERNATE:
                self._container(_chosen(child), in_table, in_textbox)
            elif tag == W + "sectPr":
                self._section_props(child)
            elif tag not in SKIPPED and isinstance(tag, str):
                self._container(child, in_table, in_textbox)  # sdt, customXml, ins, tr, tc ...

    def _table(self, tbl, in_textbox: bool) -> None:
        self.stats.tables += 1
        start = len(self.paragraphs)
        self._container(tbl, in_table=True, in_textbox=in_textbox)
        cells = [p for p in self.paragraphs[start:] if p.text]
        # A table whose cells hold lists or many lines is page layout, not a data table.
        if any(p.list_kind for p in cells) or len(cells) >= 6 or sum(len(p.text) for p in cells) > 300:
            self.stats.layout_tables += 1

    def _section_props(self, sect) -> None:
        cols = sect.find(W + "cols")
        if cols is not None and (cols.get(W + "num") or "").isdigit():
            self.stats.columns = max(self.stats.columns, int(cols.get(W + "num")))

    # -- paragraph level --------------------------------------------------------------

    def _paragraph(self, p, in_table: bool, in_textbox: bool) -> None:
        ppr = _child(p, PPR)
        props = {child.tag: child for child in ppr} if ppr is not None else NO_PROPS
        style = self.styles.get(_val(props.get(P_STYLE)))
        if style.fonts:
            self.stats.fonts |= style.fonts
        runs = _Runs(self, p, props)
        runs.collect(p)
        raw = "".join(runs.text)
        lines = None
        if "\n" in raw:
            lines, raw = _glyph_lines(raw), raw.replace("\n", " ")
        text = _clean(raw)
        para = Paragraph(
            anchor=f"{self.part_name}#p{self.index.get(p, -1)}",
            part=self.kind,
            text=text,
            style=style.name,
            heading_level=style.heading_level,
            in_table=in_table,
            in_textbox=in_textbox,
            hidden_text=_clean("".join(runs.hidden)) if runs.hidden else "",
            stuffed_text=_clean("".join(runs.stuffed)) if runs.stuffed else "",
            links=runs.links,
        )
        if "\t" in raw:  # "Pharmacy Technician<tab>Walgreens<tab>2016 – 2019": three fields
            para.fields = [field for field in map(_clean, raw.split("\t")) if field]
        num = style.num
        if props:
            outline = _val(props.get(OUTLINE))
            if outline and outline.isdigit():
                level = int(outline)
                para.heading_level = level + 1 if level < 9 else 0
            num_pr = props.get(NUM_PR)
            if num_pr is not None:
                num = _num_of(num_pr, default=style.num)
        if num and num[0] not in ("", "0"):
            fmt, _lvl_text = self.numbering.get(num, ("bullet", ""))
            para.list_kind = "bullet" if fmt in ("bullet", "none", "") else "number"
            para.list_level = num[1]
        elif style.name.startswith("list bullet"):
            para.list_kind = "bullet"
        elif style.name.startswith("list number"):
            para.list_kind = "number"
        if lines:
            para.lines = lines
        m = TYPED_GLYPH.match(text)
        numbered = None if m else TYPED_NUMBER.match(text)
        if (m or numbered) and len(text) > (m or numbered).end():
            para.glyph = (m or numbered).group(1)
            para.text = text[(m or numbered).end():]
            para.list_kind = para.list_kind or ("number" if numbered else "bullet")
        para.bold = bool(runs.visible_runs) and (runs.bold_all or (style.bold and not runs.unbold))
        # All capitals: some cased letter and no lowercase one ("RN, BSN" yes, "2019" no).
        para.caps = para.text != para.text.lower() and (style.caps or runs.caps_all or para.text.isupper())
        para.size = runs.size or style.size
        self.paragraphs.append(para)
        for box in runs.boxes:
            self.stats.text_boxes += 1
            self._container(box, in_table=in_table, in_textbox=True)


class _Runs:
    """Collects the visible text of one paragraph, run by run."""

    def __init__(self, reader: PartReader, p, props: dict):
        self.reader = reader
        self.paragraph, self.props = p, props
        self.text: list[str] = []
        self.hidden: list[str] = []
        self.stuffed: list[str] = []
        self.links: list[str] = []
        self.boxes: list[etree._Element] = []
        self.bold_all = True
        self.unbold = False
        self.caps_all = True
        self.visible_runs = 0
        self.size = 0.0

    @cached_property
    def shaded(self) -> bool:
        """White text on a coloured paragraph or cell is visible; asked only of white text."""
        return _has_background(self.paragraph, self.props)

    def collect(self, el) -> None:
        for child in el:
            tag = child.tag
            if tag == R:
                self._run(child)
            elif tag == ALTERNATE:
                self.collect(_chosen(child))
            elif tag in SKIPPED or not isinstance(tag, str):
                continue
            elif tag == P:  # never valid inside a paragraph, but be forgiving
                continue
            else:
                if tag == W + "hyperlink":
                    target = self.reader.links.get(child.get(R_ID, ""))
                    if target:
                        self.links.append(target)
                self.collect(child)  # hyperlink, smartTag, ins, moveTo, fldSimple, sdt ...

    def _run(self, run) -> None:
        rpr = None
        pieces: list[str] = []
        for child in run:
            tag = child.tag
            if tag == RPR:
                rpr = child
            elif tag == T:
                pieces.append(child.text or "")
            elif tag in SPACE_TAGS:
                if tag == W + "br" and child.get(W + "type") == "page":
                    self.reader.stats.page_breaks += 1
                # A tab parts a header's fields; a line break may part bullets typed in one paragraph.
                pieces.append("\t" if tag in TABS else "\n" if tag in LINE_BREAKS else " ")
            elif tag == W + "sym":
                code = (child.get(W + "char") or "").upper()
                pieces.append(SYMBOLS.get(code, _symbol(code)))
            elif tag == W + "noBreakHyphen":
                pieces.append("-")
            elif tag == W + "lastRenderedPageBreak":
                self.reader.stats.rendered_breaks += 1
            elif tag in PICTURES or tag == ALTERNATE:
                self._picture(child)
        text = "".join(pieces)
        if not text:
            return
        props = {child.tag: child for child in rpr} if rpr is not None else NO_PROPS
        if _on(props.get(VANISH)):
            self.hidden.append(text)
            return
        if props and text.strip() and _is_stuffed(props, self):
            self.stuffed.append(text)
            return
        self.text.append(text)
        if text.strip():
            self.visible_runs += 1
            if not props:
                self.bold_all = self.caps_all = False
            else:
                b = props.get(BOLD)
                if b is None:
                    self.bold_all = False
                elif not _on(b):
                    self.bold_all, self.unbold = False, True
                if not _on(props.get(CAPS)):
                    self.caps_all = False
                sz = _val(props.get(SIZE))
                if sz and sz.isdigit():
                    self.size = max(self.size, int(sz) / 2)
                fonts = props.get(FONTS)
                if fonts is not None and fonts.get(W + "ascii"):
                    self.reader.stats.fonts.add(fonts.get(W + "ascii"))

    def _picture(self, el) -> None:
        if el.tag == ALTERNATE:
            el = _chosen(el)
        boxes = [b for b in el.iter(TXBX) if not _inside_box(b, el)]
        self.boxes.extend(boxes)
        if not boxes and (next(el.iter(A_BLIP), None) is not None
                          or next(el.iter(V_IMAGEDATA), None) is not None):
            self.reader.stats.images += 1


def _inside_box(box, top) -> bool:
    """Whether a text box sits in another box below `top` (that box's walk reads it)."""
    parent = box.getparent()
    while parent is not None and parent is not top:
        if parent.tag == TXBX:
            return True
        parent = parent.getparent()
    return False


def _chosen(alternate):
    """The branch of mc:AlternateContent to read: the first Choice, else the Fallback.

    Word writes a text box twice (DrawingML in Choice, VML in Fallback); reading one
    branch reads it once.
    """
    choice = alternate.find(MC + "Choice")
    if choice is not None:
        return choice
    fallback = alternate.find(MC + "Fallback")
    return fallback if fallback is not None else alternate


def _filled(shading) -> bool:
    return shading is not None and (shading.get(W + "fill") or "auto").upper() not in ("AUTO", "FFFFFF")


def _has_background(p, props: dict) -> bool:
    """A fill behind the paragraph: its own shading, or its table cell's or table's."""
    if _filled(props.get(SHD)):
        return True
    parent = p.getparent()
    while parent is not None and parent.tag not in (W + "body", TXBX):
        if parent.tag == W + "tc" and _filled(parent.find(W + "tcPr/" + SHD)):
            return True
        if parent.tag == TBL and _filled(parent.find(W + "tblPr/" + SHD)):
            return True
        parent = parent.getparent()
    return False


def _is_stuffed(props: dict, runs: _Runs) -> bool:
    """White text on no background, or text under 3 pt: there for a machine, not a reader."""
    if (_val(props.get(COLOR)) or "").upper() == "FFFFFF" and not runs.shaded:
        shading = props.get(SHD)
        if HIGHLIGHT not in props and (shading is None or (shading.get(W + "fill") or "auto") in ("auto", "FFFFFF")):
            return True
    size = _val(props.get(SIZE)) or ""
    return size.isdigit() and int(size) < 6


def _symbol(code: str) -> str:
    try:
        value = int(code, 16)
    except ValueError:
        return ""
    if 0xF020 <= value <= 0xF0FF:  # symbol fonts map their glyphs into the private area
        value -= 0xF000
    return chr(value) if 0x20 <= value < 0x110000 else ""


def _val(el) -> str | None:
    return el.get(VAL) if el is not None else None


# Runs of spaces and single odd spaces (tab, no-break, zero-width) become one space; a lone
# space is left alone, since replacing each one costs more than the search.
_SPACES = re.compile(r"[ \t\u00a0\u2002\u2003\u2009\u200b]{2,}|[\t\u00a0\u2002\u2003\u2009\u200b]")


def _glyph_lines(raw: str) -> list[str] | None:
    """Lines typed a line apart in one paragraph, each after the same glyph ("- Cared for
    ...<line break>- Precepted ...") or numbered 1, 2, 3 ..., without it; None when they
    are not such lines. A dash inside a line ("post-CABG") never parts it: only a line
    break does."""
    lines = [line for line in map(_clean, raw.split("\n")) if line]
    if len(lines) < 2:
        return None
    marks = [TYPED_GLYPH.match(line) for line in lines]
    if not all(marks) or len({m.group(1) for m in marks}) > 1:
        marks = [TYPED_NUMBER.match(line) for line in lines]  # "1. Grew ...<line break>2. Trained ..."
        if not all(marks) or [int(re.sub(r"\D", "", m.group(1))) for m in marks] != list(range(1, len(lines) + 1)):
            return None
    return [line[m.end():] for line, m in zip(lines, marks)]


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()
