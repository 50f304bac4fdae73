"""Paragraph styles, resolved only when a paragraph uses one.

Word's templates define hundreds of styles a resume never uses, and their styles part is
often the largest XML in the file (python-docx's default: 350 KB, 7 ms to parse). So the
part is scanned for `<w:style>` blocks by byte offset and only the blocks a paragraph
names are parsed. Anything unusual (another prefix, entities in ids) parses the whole part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from resumefit.ingest.wordxml import VAL, W, _num_of, _on

HEADING_STYLE = re.compile(r"^heading\s*(\d)$")
W_DECL = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
STYLE_ATTRS = re.compile(rb'\bw:(type|styleId)="([^"&<]*)"')


@dataclass
class StyleInfo:
    name: str = ""
    bold: bool = False
    caps: bool = False
    heading_level: int = 0
    num: tuple[str, int] | None = None  # (numId, ilvl) given by the style
    size: float = 0.0
    fonts: frozenset[str] = frozenset()  # fonts the style (or one it is based on) names


class Styles:
    """Paragraph styles by id, with basedOn inherited. What it holds depends only on the
    part's bytes, so resumes made from one template can share it (see Package.shared):
    the fonts a resume uses are those of the styles it resolves, plus the defaults."""

    def __init__(self, root: etree._Element | None = None):
        self.raw: dict[str, etree._Element | bytes] = {}  # bytes: a block not parsed yet
        self.resolved: dict[str, StyleInfo] = {}
        self.default_fonts: frozenset[str] = frozenset()
        self.source = ""  # the file being read, for messages about a damaged style
        self._open_tag = b""
        if root is None:
            return
        for st in root.iterchildren(W + "style"):
            sid = st.get(W + "styleId")
            if sid is not None and st.get(W + "type", "paragraph") == "paragraph":
                self.raw[sid] = st
        defaults = root.find(W + "docDefaults")
        if defaults is not None:
            self.default_fonts = _fonts_of(defaults)

    @classmethod
    def from_bytes(cls, data: bytes | None, parse, source: str = "") -> Styles:
        """Styles from the raw part; `parse(bytes, source) -> element` is the package's safe
        parser (entities off, DTDs refused, damage reported as one clear line naming
        `source`, the file being read: set `styles.source` when sharing these styles)."""
        if not data:
            return cls()
        scanned = cls._scan(data)
        if scanned is None:
            return cls(parse(data, source))
        styles = cls()
        styles.source = source
        styles._parse_part = parse
        styles._open_tag, styles.raw, defaults = scanned
        if defaults:
            styles.default_fonts = _fonts_of(styles._parse(defaults))
        return styles

    @staticmethod
    def _scan(data: bytes):
        """(root open tag, id -> block, docDefaults block), or None to parse it all."""
        root_at = data.find(b"<w:styles")
        root_end = data.find(b">", root_at)
        if root_at < 0 or root_end < 0 or W_DECL not in data[root_at:root_end] or b"<!" in data[:root_at]:
            return None
        blocks: dict[str, bytes] = {}
        at = root_end
        while (at := data.find(b"<w:style ", at)) >= 0:
            tag_end = data.find(b">", at)
            if tag_end < 0:
                return None
            if data[tag_end - 1:tag_end] == b"/":  # <w:style ... /> has no body
                end = tag_end + 1
            else:
                end = data.find(b"</w:style>", tag_end)
                if end < 0:
                    return None
                end += len(b"</w:style>")
            attrs = dict(STYLE_ATTRS.findall(data[at:tag_end]))
            sid = attrs.get(b"styleId")
            if sid is not None and attrs.get(b"type", b"paragraph") == b"paragraph":
                blocks.setdefault(sid.decode("utf-8", "replace"), data[at:end])
            at = end
        d_at, d_end = data.find(b"<w:docDefaults"), data.find(b"</w:docDefaults>")
        defaults = data[d_at:d_end + len(b"</w:docDefaults>")] if 0 <= d_at < d_end else b""
        return data[root_at:root_end + 1], blocks, defaults

    def _parse(self, block: bytes) -> etree._Element:
        # The block inside the part's own root tag, so every prefix it uses is declared.
        return self._parse_part(self._open_tag + block + b"</w:styles>", self.source)[0]

    def _element(self, sid: str) -> etree._Element:
        st = self.raw[sid]
        if isinstance(st, bytes):
            st = self.raw[sid] = self._parse(st)
        return st

    def get(self, sid: str | None, depth: int = 0) -> StyleInfo:
        if sid is None or sid not in self.raw:
            sid = "Normal" if "Normal" in self.raw else None
            if sid is None:
                return StyleInfo()
        if sid in self.resolved:
            return self.resolved[sid]
        st = self._element(sid)
        based = st.find(W + "basedOn")
        info = StyleInfo()
        if based is not None and based.get(VAL) in self.raw and depth < 20:
            parent = self.get(based.get(VAL), depth + 1)
            info = StyleInfo(parent.name, parent.bold, parent.caps, parent.heading_level, parent.num, parent.size,
                             parent.fonts)
        name_el = st.find(W + "name")
        info.name = (name_el.get(VAL, "") if name_el is not None else sid).lower()
        rpr = st.find(W + "rPr")
        if rpr is not None:
            if rpr.find(W + "b") is not None:
                info.bold = _on(rpr.find(W + "b"))
            if rpr.find(W + "caps") is not None:
                info.caps = _on(rpr.find(W + "caps"))
            sz = rpr.find(W + "sz")
            if sz is not None and (sz.get(VAL) or "").isdigit():
                info.size = int(sz.get(VAL)) / 2
            info.fonts = info.fonts | _fonts_of(rpr)
        ppr = st.find(W + "pPr")
        if ppr is not None:
            outline = ppr.find(W + "outlineLvl")
            if outline is not None and (outline.get(VAL) or "").isdigit() and int(outline.get(VAL)) < 9:
                info.heading_level = int(outline.get(VAL)) + 1
            num = ppr.find(W + "numPr")
            if num is not None:
                info.num = _num_of(num, default=info.num)
        m = HEADING_STYLE.match(info.name)
        if m:
            info.heading_level = int(m.group(1))
        self.resolved[sid] = info
        return info



def _fonts_of(el) -> frozenset[str]:
    return frozenset(v for rf in el.iter(W + "rFonts") for k, v in rf.attrib.items()
                     if k in (W + "ascii", W + "hAnsi") and v)
