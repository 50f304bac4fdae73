"""Write the tailored package: every part of the original copied as it was, the main
document part replaced, and a comments part added (or extended) when asked for."""

from __future__ import annotations

import copy
import io
import posixpath
import zipfile

from lxml import etree

from resumefit.ingest.package import STRICT_TO_TRANSITIONAL, Package, resolve_target
from resumefit.tailor.revisions import W, W_NS, XML_SPACE

COMMENTS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
COMMENTS_CONTENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"


def attach_comments(root, notes: list[tuple[etree._Element, str]], revisions) -> list[tuple[str, str]]:
    """Anchor each note to its whole paragraph; (comment id, text) for the comments part."""
    entries = []
    for p, text in notes:
        cid = revisions.new_id()
        start = etree.Element(W + "commentRangeStart")
        start.set(W + "id", cid)
        ppr = p.find(W + "pPr")
        (ppr.addnext(start) if ppr is not None else p.insert(0, start))
        end = etree.SubElement(p, W + "commentRangeEnd")
        end.set(W + "id", cid)
        run = etree.SubElement(p, W + "r")
        etree.SubElement(run, W + "commentReference").set(W + "id", cid)
        entries.append((cid, text))
    return entries


def write_docx(pkg: Package, main: str, root, comments: list[tuple[str, str]], author: str, date: str) -> bytes:
    strict = b"purl.oclc.org/ooxml" in pkg.read(main)
    replaced = {main: _serialize(root, strict)}
    if comments:
        rels_name = posixpath.join(posixpath.dirname(main), "_rels", posixpath.basename(main) + ".rels")
        rels = copy.deepcopy(pkg.xml(rels_name)) if rels_name in pkg.names else \
            etree.Element(f"{{{REL_NS}}}Relationships", nsmap={None: REL_NS})
        existing = next((r.get("Target") for r in rels if r.get("Type", "").endswith("/comments")), None)
        part = resolve_target(posixpath.dirname(main), existing) if existing else \
            posixpath.join(posixpath.dirname(main), "comments.xml")
        old = copy.deepcopy(pkg.xml(part)) if existing and part in pkg.names else None
        replaced[part] = _serialize(_comments_part(old, comments, author, date), strict)
        if not existing:
            ids = {r.get("Id") for r in rels}
            rid = next(f"rId{n}" for n in range(1, 10_000) if f"rId{n}" not in ids)
            rel = etree.SubElement(rels, f"{{{REL_NS}}}Relationship")
            rel.set("Id", rid)
            rel.set("Type", COMMENTS_TYPE)
            rel.set("Target", posixpath.basename(part))
            replaced[rels_name] = _serialize(rels, strict)
            types = copy.deepcopy(pkg.content_types())
            override = etree.SubElement(types, f"{{{CT_NS}}}Override")
            override.set("PartName", "/" + part)
            override.set("ContentType", COMMENTS_CONTENT)
            replaced["[Content_Types].xml"] = etree.tostring(types, xml_declaration=True, encoding="UTF-8",
                                                             standalone=True)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        written = set()
        for info in pkg.zip.infolist():
            name = info.filename.lstrip("/")
            data = replaced.get(name)
            z.writestr(_info_like(info), data if data is not None else pkg.read(name))
            written.add(name)
        for name, data in replaced.items():
            if name not in written:
                z.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), data,
                           compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _comments_part(old, comments, author: str, date: str):
    root = old if old is not None else etree.Element(W + "comments", nsmap={"w": W_NS})
    for cid, text in comments:
        comment = etree.SubElement(root, W + "comment")
        comment.set(W + "id", cid)
        comment.set(W + "author", author)
        comment.set(W + "date", date)
        comment.set(W + "initials", "RF")
        for line in text.split("\n"):
            t = etree.SubElement(etree.SubElement(etree.SubElement(comment, W + "p"), W + "r"), W + "t")
            t.text = line
            t.set(XML_SPACE, "preserve")
    return root


def _serialize(root, strict: bool) -> bytes:
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    if strict:  # the reader rewrote strict names on the way in: give the file its own back
        for strict_name, transitional in STRICT_TO_TRANSITIONAL:
            data = data.replace(transitional, strict_name)
    return data


def _info_like(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    like = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    like.compress_type = info.compress_type if info.compress_type in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) \
        else zipfile.ZIP_DEFLATED
    like.external_attr = info.external_attr
    return like
