"""Read a .docx resume into the model: `read_docx(path) -> Resume`."""

from __future__ import annotations

import math
from pathlib import Path

from resumefit.ingest import structure, vocabulary
from resumefit.ingest.package import Package, open_package, parse_xml, refuse
from resumefit.ingest.roles import build_roles, bullets_from
from resumefit.ingest.styles import Styles
from resumefit.ingest.wordxml import A_LATIN, W, PartReader, PartStats, read_numbering
from resumefit.model import Layout, Paragraph, Resume

EXTENDED_PROPERTIES = ("/extended-properties", "/extendedProperties")
REVISIONS = tuple(W + tag for tag in ("ins", "del", "moveFrom", "moveTo"))  # edits not yet accepted or rejected
AP_PAGES = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}Pages"


def read_docx(path: Path | str) -> Resume:
    """The structured resume; raises InputError (one clear line) for unusable files."""
    pkg = open_package(path)
    main = pkg.main_part()
    pkg.content_types()
    root = pkg.xml(main)
    if root is None or root.tag != W + "document" or root.find(W + "body") is None:
        raise refuse(pkg.path, "is a zip archive but not a Word document (no document body)",
                     "save the resume as .docx in Word")
    rels = pkg.rels(main)
    parts = _related(rels)
    styles_part = parts.get("styles", [""])[0]
    # A template's styles, numbering and theme are the same bytes in every resume made from it.
    styles = pkg.shared(styles_part, "styles", lambda: Styles.from_bytes(
        pkg.xml_bytes(styles_part), lambda data, source: parse_xml(data, source, styles_part), pkg.path))
    styles.source = pkg.path
    numbering_part = parts.get("numbering", [""])[0]
    numbering = pkg.shared(numbering_part, "numbering", lambda: read_numbering(pkg.xml(numbering_part)))
    stats = PartStats()

    def read_part(name: str, kind: str) -> list[Paragraph]:
        part_root = root if name == main else pkg.xml(name)
        if part_root is None:
            return []
        links = {rid: target for rid, (rtype, target, _) in pkg.rels(name).items()
                 if rtype.endswith("/hyperlink")}
        return PartReader(name, kind, part_root, styles, numbering, links, stats).read()

    body = read_part(main, "body")
    page = [p for kind in ("header", "footer") for name in parts.get(kind, [])
            for p in read_part(name, kind)]
    sections = structure.split_sections(body)
    contact = structure.find_contact(sections[0].lines, page)
    for section in sections[1:]:  # a second page's running head in the body is no content
        section.lines = [p for p in section.lines if not structure.is_running_head(p.text, contact.name)]

    roles, bullets = [], []
    for section in sections:
        if section.kind in vocabulary.ROLE_SECTIONS:
            section.roles = build_roles(section)
            for role in section.roles:
                for b in role.bullets:
                    b.role = len(roles)
                    bullets.append(b)
                roles.append(role)
        elif section.kind not in vocabulary.LIST_SECTIONS:
            bullets += [b for p in section.lines if p.list_kind for b in bullets_from(p, section.kind)]
    for i, b in enumerate(bullets, 1):
        b.id = f"b{i}"

    def lines_of(kind: str) -> list[Paragraph]:
        return [p for s in sections if s.kind == kind for p in s.lines]

    every = body + page
    layout = Layout(
        tables=stats.tables,
        layout_tables=stats.layout_tables,
        text_boxes=stats.text_boxes,
        images=stats.images,
        columns=stats.columns,
        hidden_text=[p.hidden_text for p in every if p.hidden_text],
        stuffed_text=[p.stuffed_text for p in every if p.stuffed_text],
        nonstandard_headings=[s.heading for s in sections if s.heading and not s.standard],
        fonts=sorted(stats.fonts | styles.default_fonts | _theme_fonts(pkg, parts)),
        words=sum(len(p.text.split()) for p in body),
        external_links=sum(1 for rtype, _, ext in rels.values() if ext and not rtype.endswith("/hyperlink")),
        tracked_changes=int(next(root.iter(*REVISIONS), None) is not None),  # stops at the first
        comments=_comments(pkg, parts),
    )
    layout.pages = _pages(pkg, stats, layout.words)
    return Resume(
        source=str(path),
        main_part=main,
        paragraphs=every,
        contact=contact,
        sections=sections,
        roles=roles,
        bullets=bullets,
        skills=structure.parse_skills(lines_of("skills")),
        education=[p.text for p in lines_of("education")],
        certifications=[p.text for p in lines_of("certifications")],
        layout=layout,
    )


def _related(rels: dict) -> dict[str, list[str]]:
    """Internal parts related to the main part, by the last word of their type."""
    parts: dict[str, list[str]] = {}
    for rtype, target, external in rels.values():
        if not external:
            parts.setdefault(rtype.rsplit("/", 1)[-1], []).append(target)
    return parts


def _theme_fonts(pkg: Package, parts: dict) -> frozenset[str]:
    name = parts.get("theme", [""])[0]
    return pkg.shared(name, "theme fonts", lambda: frozenset(_read_theme_fonts(pkg.xml(name))))


def _read_theme_fonts(theme) -> set[str]:
    if theme is None:
        return set()
    fonts = set()
    for tag in ("majorFont", "minorFont"):
        font = next(theme.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}" + tag), None)
        latin = font.find(A_LATIN) if font is not None else None
        if latin is not None and latin.get("typeface"):
            fonts.add(latin.get("typeface"))
    return fonts


def _comments(pkg: Package, parts: dict) -> int:
    """How many Word comments the file still holds (most resumes have no comments part)."""
    return sum(sum(1 for _ in root.iterchildren(W + "comment"))
               for name in parts.get("comments", []) for root in [pkg.xml(name)] if root is not None)


def _pages(pkg: Package, stats: PartStats, words: int) -> int:
    """Pages as Word last counted them, else an estimate from breaks and words."""
    for rtype, target, external in pkg.rels("").values():
        if rtype.endswith(EXTENDED_PROPERTIES) and not external:
            app = pkg.xml(target)
            pages = app.find(AP_PAGES) if app is not None else None
            if pages is not None and (pages.text or "").strip().isdigit() and int(pages.text) > 0:
                return int(pages.text)
    return max(1, stats.rendered_breaks + 1, stats.page_breaks + 1, math.ceil(words / 550))
