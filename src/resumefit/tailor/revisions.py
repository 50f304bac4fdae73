"""Edits to WordprocessingML paragraphs, as Word tracked changes or applied outright.

Tracked, every edit is a revision the candidate accepts or rejects in Word or LibreOffice:
inserted runs in `w:ins`, deleted runs in `w:del` (their `w:t` become `w:delText`), an
inserted or deleted paragraph mark in the paragraph's `w:pPr/w:rPr`. A move is a deletion
where the paragraph was and an insertion of its copy where it goes.
"""

from __future__ import annotations

import copy
from datetime import datetime

from lxml import etree

from resumefit.clock import now

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
W14_PARA_IDS = ("{http://schemas.microsoft.com/office/word/2010/wordml}paraId",
                "{http://schemas.microsoft.com/office/word/2010/wordml}textId")
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# Children of w:pPr that must come after w:rPr (CT_PPr's sequence).
AFTER_RPR = {W + "sectPr", W + "pPrChange"}
# Children of w:pPr that must come after w:spacing (CT_PPr's sequence).
AFTER_SPACING = {W + t for t in ("ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
                                 "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId",
                                 "cnfStyle", "rPr", "sectPr", "pPrChange")}
# Marks that must stay unique in a document: never copied with a paragraph.
UNIQUE_MARKS = {W + "bookmarkStart", W + "bookmarkEnd", W + "commentRangeStart", W + "commentRangeEnd",
                W + "permStart", W + "permEnd"}
TEXT_TO_DELETED = {W + "t": W + "delText", W + "instrText": W + "delInstrText"}


class Revisions:
    def __init__(self, root: etree._Element, track: bool, author: str = "resumefit", when: datetime | None = None):
        self.root = root
        self.track = track
        self.author = author
        self.date = (when or now()).strftime("%Y-%m-%dT%H:%M:%SZ")
        ids = [int(v) for v in root.xpath("//@w:id", namespaces={"w": W_NS}) if v.lstrip("-").isdigit()]
        self._next_id = self._first_id = max(ids, default=0) + 1

    def _ours(self, mark: etree._Element) -> bool:
        """A revision this run made (not one the document already had)."""
        return mark.get(W + "author") == self.author and int(mark.get(W + "id", "0")) >= self._first_id

    def new_id(self) -> str:
        self._next_id += 1
        return str(self._next_id - 1)

    def _mark(self, tag: str) -> etree._Element:
        el = etree.Element(W + tag)
        el.set(W + "id", self.new_id())
        el.set(W + "author", self.author)
        el.set(W + "date", self.date)
        return el

    # -- whole paragraphs ---------------------------------------------------------

    def delete_paragraph(self, p: etree._Element) -> None:
        mark = p.find(f"{W}pPr/{W}rPr/{W}ins")
        if not self.track or (mark is not None and self._ours(mark)):
            p.getparent().remove(p)  # deleting a paragraph this run inserted leaves nothing
            return
        for ins in [el for el in p.iter(W + "ins") if self._ours(el)]:
            ins.getparent().remove(ins)  # deleting what this run inserted leaves nothing
        for run in _own_runs(p):
            self._wrap(run, "del")
        _paragraph_mark(p).insert(0, self._mark("del"))

    def insert_paragraph(self, new_p: etree._Element, *, after: etree._Element | None = None,
                         before: etree._Element | None = None) -> etree._Element:
        if self.track:
            for run in _own_runs(new_p):
                self._wrap(run, "ins")
            _paragraph_mark(new_p).insert(0, self._mark("ins"))
        if after is not None:
            after.addnext(new_p)
        else:
            before.addprevious(new_p)
        return new_p

    def move_paragraph(self, p: etree._Element, *, after: etree._Element | None = None,
                       before: etree._Element | None = None) -> etree._Element:
        """Tracked: delete here, insert a copy there. Clean: move the element."""
        if not self.track:
            if p is not after and p is not before:
                (after.addnext if after is not None else before.addprevious)(p)
            return p
        moved = self.copy_paragraph(p)
        self.delete_paragraph(p)
        return self.insert_paragraph(moved, after=after, before=before)

    def set_spacing(self, p: etree._Element, spacing: etree._Element | None) -> None:
        """Give the paragraph this w:spacing (None: the style's). Tracked, the old
        properties go in a w:pPrChange, so rejecting it restores them."""
        ppr = p.find(W + "pPr")
        if ppr is None:
            ppr = etree.Element(W + "pPr")
            p.insert(0, ppr)
        inserted = ppr.find(f"{W}rPr/{W}ins")
        if self.track and ppr.find(W + "pPrChange") is None and not (inserted is not None and self._ours(inserted)):
            change = self._mark("pPrChange")
            change.append(copy.deepcopy(ppr))
            for el in [c for c in change[0] if c.tag in (W + "rPr", *AFTER_RPR)]:
                change[0].remove(el)
            ppr.append(change)
        old = ppr.find(W + "spacing")
        if old is not None:
            ppr.remove(old)
        if spacing is not None:
            later = next((c for c in ppr if c.tag in AFTER_SPACING), None)
            (later.addprevious if later is not None else ppr.append)(copy.deepcopy(spacing))

    # -- text inside a paragraph --------------------------------------------------

    def replace_span(self, p: etree._Element, start: int, end: int, new: str) -> bool:
        """Replace characters [start, end) of the paragraph's visible text with `new`,
        keeping the formatting of the first replaced run. False for an empty span."""
        if not 0 <= start < end:
            return False
        runs = _split_at(_text_pieces(p), start, end)
        if runs is None:
            return False
        replacement = _run_like(runs[0], new) if new else None
        if self.track:
            wrappers = [self._wrap(r, "del") for r in runs]
            if replacement is not None:
                ins = self._mark("ins")
                ins.append(replacement)
                wrappers[-1].addnext(ins)
        else:
            if replacement is not None:
                runs[-1].addnext(replacement)
            for r in runs:
                r.getparent().remove(r)
        return True

    def insert_after(self, p: etree._Element, end: int, new: str) -> bool:
        """Insert `new` after the first `end` characters of the paragraph's visible text,
        formatted as the character before it."""
        runs = _split_at(_text_pieces(p), end - 1, end) if end > 0 and new else None
        if not runs:
            return False
        last = runs[-1]
        run = _run_like(last, new)
        if self.track:
            ins = self._mark("ins")
            ins.append(run)
            run = ins
        last.addnext(run)
        return True

    def copy_paragraph(self, p: etree._Element) -> etree._Element:
        """A copy to insert elsewhere, its own revisions renumbered (ids are unique)."""
        new = copy_paragraph(p)
        for el in new.iter(W + "ins", W + "del"):
            el.set(W + "id", self.new_id())
        return new

    def _wrap(self, run: etree._Element, kind: str) -> etree._Element:
        wrapper = self._mark(kind)
        run.addprevious(wrapper)
        wrapper.append(run)
        if kind == "del":
            for el in run.iter(*TEXT_TO_DELETED):
                el.tag = TEXT_TO_DELETED[el.tag]
        return wrapper


def copy_paragraph(p: etree._Element) -> etree._Element:
    """A copy to insert elsewhere: without bookmarks, comment ranges and Word's paragraph
    ids, which must stay unique in a document."""
    new = copy.deepcopy(p)
    for el in list(new.iter(*UNIQUE_MARKS)):
        el.getparent().remove(el)
    for el in new.iter():
        for attr in W14_PARA_IDS:
            el.attrib.pop(attr, None)
    return new


def paragraph_text(p: etree._Element) -> str:
    return "".join(t.text or "" for _, t in _text_pieces(p))


def _own_runs(p: etree._Element) -> list[etree._Element]:
    """The paragraph's runs that are not already inside a revision or a nested paragraph."""
    out = []
    for run in p.iter(W + "r"):
        ancestor = run.getparent()
        inside = False
        while ancestor is not None and ancestor is not p:
            if ancestor.tag in (W + "del", W + "ins", W + "moveFrom", W + "moveTo", W + "p"):
                inside = True
                break
            ancestor = ancestor.getparent()
        if not inside:
            out.append(run)
    return out


def _paragraph_mark(p: etree._Element) -> etree._Element:
    """The paragraph mark's run properties (w:pPr/w:rPr), created in schema order."""
    ppr = p.find(W + "pPr")
    if ppr is None:
        ppr = etree.Element(W + "pPr")
        p.insert(0, ppr)
    rpr = ppr.find(W + "rPr")
    if rpr is None:
        rpr = etree.Element(W + "rPr")
        later = next((c for c in ppr if c.tag in AFTER_RPR), None)
        (later.addprevious(rpr) if later is not None else ppr.append(rpr))
    return rpr


def _run_like(model: etree._Element, text: str) -> etree._Element:
    """A run of `text` formatted as the run `model`."""
    run = etree.Element(W + "r")
    rpr = model.find(W + "rPr")
    if rpr is not None:
        run.append(copy.deepcopy(rpr))
    t = etree.SubElement(run, W + "t")
    t.text = text
    t.set(XML_SPACE, "preserve")
    return run


def reading_text(p: etree._Element) -> str:
    """The paragraph's visible text as a reader sees it: a tab or a line break is a space
    ("Representative, Diabetes<tab>Jan 2020" is two words, not "DiabetesJan")."""
    return "".join(t.text or "" if t.tag == W + "t" else " "
                   for _, t in _text_pieces(p, (W + "t", W + "tab", W + "br", W + "cr")))


def _text_pieces(p: etree._Element, tags=(W + "t",)) -> list[tuple[etree._Element, etree._Element]]:
    """(run, w:t) in order for the visible text: runs not deleted, not in nested paragraphs."""
    pieces = []
    for t in p.iter(*tags):
        run = t.getparent()
        if run.tag != W + "r":
            continue
        ancestor, visible = run.getparent(), True
        while ancestor is not None and ancestor is not p:
            if ancestor.tag in (W + "del", W + "moveFrom", W + "p") or ancestor.tag.endswith("}Fallback"):
                visible = False
                break
            ancestor = ancestor.getparent()
        if visible:
            pieces.append((run, t))
    return pieces


def _own_run(t: etree._Element) -> etree._Element:
    """The text's run, split first if it holds more than this text ("line one<w:br/>line
    two" as Word writes lines typed a Shift+Enter apart): one run per part, each with the
    run's formatting, so the text can be edited alone."""
    run = t.getparent()
    parts = [c for c in run if c.tag != W + "rPr"]
    if len(parts) > 1:
        rpr = run.find(W + "rPr")
        last = run
        for part in parts[1:]:
            piece = etree.Element(W + "r", dict(run.attrib))
            if rpr is not None:
                piece.append(copy.deepcopy(rpr))
            piece.append(part)  # moves it out of the first run
            last.addnext(piece)
            last = piece
    return t.getparent()


def _split_at(pieces, start: int, end: int) -> list[etree._Element] | None:
    """Split runs so [start, end) of the text is exactly some whole runs; those runs."""
    inside, offset = [], 0
    for _, t in pieces:
        text = t.text or ""
        a, b = offset, offset + len(text)
        offset = b
        if b <= start or a >= end or not text:
            continue
        run = _own_run(t)
        cut_from, cut_to = max(start, a) - a, min(end, b) - a
        if cut_to < len(text):
            tail = copy.deepcopy(run)
            tail.find(W + "t").text = text[cut_to:]
            tail.find(W + "t").set(XML_SPACE, "preserve")
            run.addnext(tail)
        if cut_from > 0:
            head = copy.deepcopy(run)
            head.find(W + "t").text = text[:cut_from]
            head.find(W + "t").set(XML_SPACE, "preserve")
            run.addprevious(head)
        t.text = text[cut_from:cut_to]
        t.set(XML_SPACE, "preserve")
        inside.append(run)
    return inside or None
