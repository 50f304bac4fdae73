"""Carry a plan out on the main document part's XML, as tracked changes or applied."""

from __future__ import annotations

import copy

from lxml import etree

from resumefit.ingest.wordxml import TYPED_NUMBER
from resumefit.model import paragraph_anchor
from resumefit.tailor.plan import Plan, summary_heading_like
from resumefit.tailor.revisions import W, XML_SPACE, Revisions, copy_paragraph, paragraph_text


class Applied:
    """What was carried out, and what could not be (reported, never guessed)."""

    def __init__(self):
        self.done: list[str] = []
        self.skipped: list[str] = []
        self.visible: dict[str, etree._Element] = {}  # anchor -> the paragraph a reader now sees


def apply_plan(root: etree._Element, main_part: str, plan: Plan, revisions: Revisions) -> Applied:
    paragraphs = list(root.iter(W + "p"))  # the reader's anchors count these, in this order
    prefix = f"{main_part}#p"

    def element(anchor: str):
        index = paragraph_anchor(anchor)[len(prefix):]
        if anchor.startswith(prefix) and index.isdigit():
            n = int(index)
            return paragraphs[n] if n < len(paragraphs) else None
        return None

    applied = Applied()
    applied.skipped += plan.not_possible
    applied.visible = {f"{prefix}{n}": p for n, p in enumerate(paragraphs)}
    # Text edits first: they work inside paragraphs that a move may then copy.
    moved, rewritten = set(), {anchor: new for anchor, _, new in plan.rewrites}
    for order in plan.line_orders:
        moved |= _reorder_lines(revisions, element, order, rewritten, applied)
    for anchor, old, new in plan.rewrites:
        if anchor in moved:
            continue  # its new text went in at its new place
        p = element(anchor)
        if p is not None and _replace(revisions, p, old, new):
            applied.done.append(f"rewrite {anchor}")
        else:
            applied.skipped.append(f"rewrite {anchor}: its text runs across formatting this cannot split")
    for anchor, old, new in plan.skills:
        if _replace_written(revisions, element(anchor), old, new):
            applied.done.append(f"skills {anchor}")
        else:
            applied.skipped.append(f"skills {anchor}: the skills line runs across formatting this cannot split")
    for anchor, items, after in plan.skill_additions:
        p = element(anchor)
        base = paragraph_text(p).find(items) if p is not None else -1
        if base >= 0 and revisions.insert_after(p, base + len(items), after):
            applied.done.append(f"skills added {anchor}")
        else:
            applied.skipped.append(f"skills {anchor}: the skills line runs across formatting this cannot split")
    for order in plan.orders + ([plan.skill_order] if plan.skill_order else []):
        elements = [element(a) for a in order]
        if order is plan.skill_order and None not in elements and len({e.getparent() for e in elements}) > 1:
            _skills_across_cells(revisions, elements, order, applied)
            continue
        if any(e is None for e in elements) or len({e.getparent() for e in elements}) != 1:
            applied.skipped.append(f"reorder {order[0]}: the paragraphs are not side by side")
            continue
        for anchor, moved in zip(order, _reorder(revisions, elements)):
            applied.visible[anchor] = moved
        applied.done.append(f"reorder {order[0]}")
    for anchor in plan.removals:
        p = applied.visible.get(anchor)  # after a tracked move, the copy a reader sees
        if p is not None:
            revisions.delete_paragraph(p)
            applied.visible.pop(anchor, None)
            applied.done.append(f"remove {anchor}")
    if plan.summary:
        _summary(root, plan, revisions, element, applied)
    if plan.summary_heading:
        anchor, old, new = plan.summary_heading
        if _replace_written(revisions, element(anchor), old, new):
            applied.done.append(f"heading {anchor}")
        else:
            applied.skipped.append(f"heading {anchor}: the heading runs across formatting this cannot split")
    return applied


def _replace_written(revisions: Revisions, p, old: str, new: str) -> bool:
    """Replace the first place the paragraph's visible text has `old` with `new`."""
    base = paragraph_text(p).find(old) if p is not None else -1
    return base >= 0 and revisions.replace_span(p, base, base + len(old), new)


def _skills_across_cells(revisions: Revisions, ranked: list, order: list[str], applied: Applied) -> None:
    """Skills one to a table cell: the cells stay where they are and their texts change
    places, since moving a paragraph out of its cell would break the table."""
    places = sorted(ranked, key=lambda e: int(paragraph_anchor(order[ranked.index(e)]).rsplit("#p", 1)[1]))
    texts = [paragraph_text(e) for e in ranked]
    was = [paragraph_text(e) for e in places]
    if all(was[n] == texts[n] or revisions.replace_span(place, 0, len(was[n]), texts[n])
           for n, place in enumerate(places)):
        applied.done.append(f"reorder {order[0]}")
    else:
        applied.skipped.append(f"reorder {order[0]}: a skill's cell runs across formatting this cannot split")


def _replace(revisions: Revisions, p, old: str, new: str) -> bool:
    """Turn the bullet's text `old` into `new` by replacing only the words that differ."""
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    while start > 0 and old[start - 1].isalnum():  # whole words read better as a tracked change
        start -= 1
    while end > 0 and old[len(old) - end].isalnum():
        end -= 1
    if 0 < start >= len(old) - end:  # a pure insertion after punctuation ("(2 cohorts)" + "."): a change
        start -= 1                   # needs a character to replace, so it takes the one before
    base = paragraph_text(p).find(old)  # a typed bullet glyph may come before the bullet's text
    if base < 0 or start >= len(old) - end:
        return False
    return revisions.replace_span(p, base + start, base + len(old) - end, new[start:len(new) - end])


def _reorder_lines(revisions: Revisions, element, ranked: list[tuple[str, str]], rewritten: dict[str, str],
                   applied: Applied) -> set[str]:
    """Bullets typed as lines of one paragraph change places by their text: each line's
    place (its glyph, its line break) stays, and takes the text of the bullet ranked there,
    as a tracked replacement. The anchors whose text moved (with any rewrite), or none."""
    texts, order = dict(ranked), [a for a, _ in ranked]
    p = element(order[0])
    original = sorted(order, key=lambda a: int(a.rsplit("~", 1)[1]))
    text = paragraph_text(p) if p is not None else ""
    spans, at = [], 0
    for anchor in original:  # each line's text, in order, where the paragraph has it
        start = text.find(texts[anchor], at)
        if start < 0:
            applied.skipped.append(f"reorder {original[0]}: a line's text runs across formatting this cannot split")
            return set()
        spans.append((start, start + len(texts[anchor])))
        at = spans[-1][1]
    moved = {a for a, b in zip(original, order) if a != b}
    for (start, end), anchor in reversed(list(zip(spans, order))):  # from the end: earlier offsets hold
        if anchor in moved:
            revisions.replace_span(p, start, end, rewritten.get(anchor, texts[anchor]))
    applied.done.append(f"reorder {original[0]}")
    return moved


def _reorder(revisions: Revisions, elements: list) -> list:
    """Put the paragraphs in the given order; the paragraphs a reader sees, in the new order."""
    original = sorted(elements, key=lambda e: e.getparent().index(e))
    numbers = [TYPED_NUMBER.match(paragraph_text(e)) for e in original]
    if all(numbers):  # "1. ", "2. " typed: each number stays with its place
        seen = _reorder_into_places(revisions, original, elements, [n.group(1) for n in numbers])
    elif _separated(original):
        seen = _reorder_into_places(revisions, original, elements)
    else:
        seen = _reorder_fewest_moves(revisions, original, elements)
    _spacing_by_position(revisions, original, seen)
    return seen


def _reorder_fewest_moves(revisions: Revisions, original: list, elements: list) -> list:
    """Move only the paragraphs outside the longest run already in order: the fewest
    tracked moves for the candidate to review."""
    keep = set(_longest_increasing([original.index(e) for e in elements]))
    cursor, seen = None, []
    for n, el in enumerate(elements):
        if n in keep:
            cursor = el
        elif cursor is None:
            cursor = revisions.move_paragraph(el, before=original[0])
        else:
            cursor = revisions.move_paragraph(el, after=cursor)
        seen.append(cursor)
    return seen


def _separated(original: list) -> bool:
    """Whether other paragraphs (blank lines a resume uses for spacing) stand between them."""
    for a, b in zip(original, original[1:]):
        between = a.getnext()
        while between is not None and between is not b:
            if between.tag == W + "p":
                return True
            between = between.getnext()
    return False


def _reorder_into_places(revisions: Revisions, original: list, elements: list,
                         numbers: list[str] | None = None) -> list:
    """Each paragraph into the n-th place the paragraphs held, so that what stands between
    the places (a blank line) stays between them, and a typed number ("2.") stays with its
    place: a moved paragraph is new text where it lands, so its number is set there."""
    places = []
    for el in original:
        place = etree.Comment("place")  # a marker, gone before the part is written
        el.addprevious(place)
        places.append(place)
    seen = []
    for n, el in enumerate(elements):
        if el is not original[n]:
            had = TYPED_NUMBER.match(paragraph_text(el)).group(1) if numbers else ""
            el = revisions.move_paragraph(el, before=places[n])
            if numbers and had != numbers[n]:
                _renumber(el, had, numbers[n])
        seen.append(el)
    for place in places:
        place.getparent().remove(place)
    return seen


def _renumber(p, had: str, number: str) -> None:
    """Put `number` where the paragraph's first visible text has `had` ("2." -> "1.")."""
    for t in p.iter(W + "t"):
        if t.text:
            if t.text.lstrip().startswith(had):
                t.text = t.text.replace(had, number, 1)
            return


def _spacing_by_position(revisions: Revisions, original: list, seen: list) -> None:
    """Spacing belongs to a place in the list, not to a bullet: a role's last bullet often
    carries the space before the next role, and must still do so after a reorder."""
    wanted = [e.find(f"{W}pPr/{W}spacing") for e in original]
    keys = [etree.tostring(s) if s is not None else None for s in wanted]
    if len(set(keys)) == 1:
        return
    for el, spacing, key in zip(seen, wanted, keys):
        have = el.find(f"{W}pPr/{W}spacing")
        if (etree.tostring(have) if have is not None else None) != key:
            revisions.set_spacing(el, spacing)


def _longest_increasing(values: list[int]) -> list[int]:
    """Indexes of one longest increasing subsequence (n is a handful of bullets)."""
    best: list[list[int]] = []
    for i, v in enumerate(values):
        chain = max((c for c in best if values[c[-1]] < v), key=len, default=[])
        best.append(chain + [i])
    return max(best, key=len, default=[])


def _summary(root, plan: Plan, revisions: Revisions, element, applied: Applied) -> None:
    old = [element(a) for a in plan.summary_replaces]
    old = [p for p in old if p is not None]
    if old:
        new = _text_paragraph(old[0], plan.summary)
        revisions.insert_paragraph(new, before=old[0])
        for p in old:
            revisions.delete_paragraph(p)
        applied.done.append("summary replaced")
        return
    body = root.find(W + "body")
    heading, first_text = _heading_and_text_models(body)
    first = element(plan.summary_before) if plan.summary_before else None
    if first is not None:  # a summary of bullets: the new text leads them
        revisions.insert_paragraph(_text_paragraph(first, plan.summary, plain=True), before=first)
        applied.done.append("summary added")
        return
    own_heading = element(plan.summary_after) if plan.summary_after else None
    if own_heading is not None:  # a summary heading with nothing under it yet
        revisions.insert_paragraph(_text_paragraph(first_text, plan.summary, plain=True), after=own_heading)
        applied.done.append("summary added")
        return
    if heading is None:
        applied.skipped.append("summary: no section heading to place it under")
        return
    new_heading = copy_paragraph(heading)
    _set_text(new_heading, summary_heading_like(paragraph_text(heading)))
    new_text = _text_paragraph(first_text, plan.summary, plain=True)
    revisions.insert_paragraph(new_heading, before=heading)
    revisions.insert_paragraph(new_text, after=new_heading)
    applied.done.append("summary added")


def _heading_and_text_models(body):
    """The first section heading (the summary goes before it, under the contact block)
    and a body paragraph whose font the summary borrows."""
    from resumefit.ingest.vocabulary import SECTION_BY_NAME

    heading = text = None
    for p in body.iterchildren(W + "p"):
        words = paragraph_text(p).strip().lower().rstrip(":")
        if heading is None and words in SECTION_BY_NAME:
            heading = p
        elif heading is not None and text is None and len(words.split()) > 6 and p.find(f"{W}pPr/{W}numPr") is None:
            text = p
    return heading, text if text is not None else heading


def _text_paragraph(model, text: str, plain: bool = False):
    """A paragraph of `text` shaped like `model` (its paragraph and first run's properties);
    `plain` keeps only the model's font, size and colour, not its style or emphasis."""
    p = etree.Element(W + "p")
    ppr = model.find(W + "pPr")
    if ppr is not None and not plain:
        new_ppr = copy.deepcopy(ppr)
        for el in new_ppr.findall(W + "rPr") + new_ppr.findall(W + "sectPr") + new_ppr.findall(W + "pPrChange"):
            new_ppr.remove(el)
        p.append(new_ppr)
    run = etree.SubElement(p, W + "r")
    first = model.find(f".//{W}r/{W}rPr")
    if first is not None:
        rpr = copy.deepcopy(first)
        if plain:
            for el in list(rpr):
                if el.tag not in (W + "rFonts", W + "sz", W + "szCs", W + "color", W + "lang"):
                    rpr.remove(el)
        run.append(rpr)
    t = etree.SubElement(run, W + "t")
    t.text = text
    t.set(XML_SPACE, "preserve")
    return p


def _set_text(p, text: str) -> None:
    runs = [r for r in p.iter(W + "r") if r.find(W + "t") is not None]
    for r in runs[1:]:
        r.getparent().remove(r)
    if runs:
        t = runs[0].find(W + "t")
        t.text = text
        for extra in runs[0].findall(W + "t")[1:]:
            runs[0].remove(extra)
