"""What to change in the resume for one target segment, decided from the check's facts:
bullet order within each role, skills order, safe rewrites, bullets to drop, a summary.
Nothing here touches XML; `apply.py` carries the plan out."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from resumefit.ingest.vocabulary import ACHIEVEMENT_SECTIONS, OUTSIDE_PARENTHESES, section_key
from resumefit.model import paragraph_anchor

# Metric kinds a hiring manager weighs most, strongest first.
METRIC_STRENGTH = {"quota": 3, "rank": 3, "award": 2, "currency": 2, "growth": 2, "change": 2, "percent": 2,
                   "share": 2, "score": 2, "ratio": 1, "count": 1}
SALES_RESULTS = {"quota", "rank"}  # what a sales manager reads first
SKILL_SEPARATORS = re.compile(r"\s*(?:[,;|•·▪]|\s-\s)\s*" + OUTSIDE_PARENTHESES)
SKILL_LABEL = re.compile(r"^([A-Z][\w &/-]{0,40}:)\s*")


@dataclass
class Change:
    """One edit, for the report's before-and-after list."""

    kind: str  # reorder | remove | rewrite | skills | summary | heading
    where: str
    before: str
    after: str
    reason: str


@dataclass
class Plan:
    segment: str
    orders: list[list[str]] = field(default_factory=list)  # per role: bullet anchors in the new order
    line_orders: list[list[tuple[str, str]]] = field(default_factory=list)  # (anchor, text): lines of one paragraph
    removals: list[str] = field(default_factory=list)  # anchors
    rewrites: list[tuple[str, str, str]] = field(default_factory=list)  # (anchor, old text, new text)
    skills: list[tuple[str, str, str]] = field(default_factory=list)  # (anchor, old items, new items)
    skill_order: list[str] = field(default_factory=list)  # one skill a paragraph: anchors in the new order
    skill_additions: list[tuple[str, str, str]] = field(default_factory=list)  # (anchor, items, text after them)
    summary: str = ""
    summary_replaces: list[str] = field(default_factory=list)  # anchors of an existing summary's prose
    summary_before: str = ""  # a summary of bullets only: the anchor of the first, which the new text precedes
    summary_after: str = ""  # an empty summary section: its heading's anchor, which the new text follows
    summary_heading: tuple[str, str, str] = ()  # (anchor, old, new): "Objective" over a summary that is none
    changes: list[Change] = field(default_factory=list)
    ranks: dict[str, int] = field(default_factory=dict)  # bullet anchor -> relevance
    not_possible: list[str] = field(default_factory=list)  # edits the document's layout rules out, said why


def relevance(bf, segment: str, job_anchors: dict[str, tuple[int, int]]) -> tuple[int, list[str]]:
    """How much a bullet says to a hiring manager in the segment, and why."""
    terms = {h.term for h in bf.hits if h.segment == segment}
    score, why = 2 * min(len(terms), 3), []
    if terms:
        why.append(f"{segment} terms: {', '.join(sorted(terms)[:4])}")
    if bf.metrics:  # a result outweighs a list of terms
        score += 4 + max(METRIC_STRENGTH.get(m.kind, 1) for m in bf.metrics)
        if any(m.kind in SALES_RESULTS for m in bf.metrics):
            score += 3  # President's Club or "#3 of 62" needs no segment term to lead a role
        why.append(f"result: {bf.metrics[0].text}")
    required, preferred = job_anchors.get(bf.bullet.anchor, (0, 0))
    if required or preferred:
        score += 3 * required + preferred  # what the posting asks for outweighs its wish list
        why.append(f"{required + preferred} posting term(s)")
    return score, why


def make_plan(result, segment: str, summary_text: str, max_bullets: int | None = None) -> Plan:
    resume, facts = result.resume, result.facts
    plan = Plan(segment)
    job_anchors: dict[str, tuple[int, int]] = {}  # anchor -> (required, preferred) posting terms there
    if result.job:
        for term in result.job.matched:
            for place in term.where:
                required, preferred = job_anchors.get(place.anchor, (0, 0))
                job_anchors[place.anchor] = (required + term.required, preferred + (not term.required))
    by_anchor = {bf.bullet.anchor: bf for bf in facts.bullets}
    # A bullet a compliance reviewer would screen out never leads its role, whatever it shows.
    risky = {f.bullet for f in result.findings if f.bullet and f.level == "error" and f.name.startswith("compliance.")}

    for role in resume.roles:
        ranked = []
        for position, b in enumerate(role.bullets):
            score, why = relevance(by_anchor[b.anchor], segment, job_anchors)
            if b.id in risky:
                score = -1
            plan.ranks[b.anchor] = score
            ranked.append((-score, position, b, why))
        ranked.sort(key=lambda r: (r[0], r[1]))
        where = " at ".join(x for x in (role.title, role.employer) if x) or "a role"
        lines = {paragraph_anchor(b.anchor) for b in role.bullets if b.anchor != paragraph_anchor(b.anchor)}
        if lines and (len(lines) > 1 or any(b.anchor == paragraph_anchor(b.anchor) for b in role.bullets)):
            plan.not_possible.append(f"{where}: some of its bullets are typed in one paragraph, a line apart, and "
                                     "the rest elsewhere, so they are neither reordered nor removed one by one")
            continue
        new_order = [b.anchor for _, _, b, _ in ranked]
        if new_order != [b.anchor for b in role.bullets]:
            if lines:  # lines of one paragraph change places by their text; paragraphs move
                plan.line_orders.append([(b.anchor, b.text) for _, _, b, _ in ranked])
            else:
                plan.orders.append(new_order)
            for rank, (_, position, b, why) in enumerate(ranked):
                if rank < position:
                    plan.changes.append(Change("reorder", where, f"bullet {position + 1}", f"bullet {rank + 1}",
                                               f"moved up: {'; '.join(why) or 'more relevant'} — {b.text}"))
        if max_bullets is not None and len(ranked) > max_bullets and lines:
            plan.not_possible.append(f"{where}: its bullets are typed in one paragraph, a line apart, so "
                                     f"--max-bullets {max_bullets} removes none of them")
        elif max_bullets is not None and len(ranked) > max_bullets:
            for _, _, b, _ in ranked[max_bullets:]:
                plan.removals.append(b.anchor)
                plan.changes.append(Change("remove", where, b.text, "", f"beyond --max-bullets {max_bullets}, "
                                                                         "least relevant to the target"))

    _plan_rewrites(plan, result)
    _plan_skills(plan, result, segment)
    for _, old, new in plan.rewrites:  # the summary quotes a bullet as the tailored copy words it
        summary_text = summary_text.replace(old, new)
    if summary_text and (summary_text[-1].isalnum() or summary_text[-1] in ")%"):
        summary_text += "."  # a bullet quoted without a full stop still ends the summary's sentence
    _plan_summary(plan, resume, summary_text)
    return plan


def _plan_rewrites(plan: Plan, result) -> None:
    """Safe fixes offered by rules, applied to each bullet from the end backwards."""
    fixes: dict[str, list] = {}
    for f in result.findings:
        if f.fix and f.anchor and f.anchor not in plan.removals:
            fixes.setdefault(f.anchor, []).append(f)
    for anchor, found in fixes.items():
        text = new = found[0].text
        # Fixes run from the end, the longer of two at one place first; one that overlaps a
        # fix already made is left out (two edits of the same words would garble them).
        limit = len(text)
        for f in sorted(found, key=lambda f: (-f.fix["span"][0], f.fix["span"][0] - f.fix["span"][1])):
            start, end = f.fix["span"]
            if end > limit:
                continue
            limit, replacement = start, f.fix["replacement"]
            if not replacement:  # removing words: take the space after them too
                end = len(new) - len(new[end:].lstrip())
            new = new[:start] + replacement + new[end:]
        if new and new[0].islower() and text[:1].isupper():
            new = new[0].upper() + new[1:]
        if new != text:
            plan.rewrites.append((anchor, text, new))
            plan.changes.append(Change("rewrite", found[0].section or "bullet", text, new,
                                       "; ".join(sorted({f.message for f in found}))))


def _plan_skills(plan: Plan, result, segment: str) -> None:
    """Lead the skills section with the target's skills (and the posting's), and add the
    tools the bullets name that it lacks."""
    section = result.resume.section("skills")
    if section is None:
        return
    posting_terms = {t.term.lower() for t in result.job.terms} if result.job else set()
    facts = result.facts.paragraphs

    def weight(text: str, hits) -> int:
        """2 for a term of the segment (1 for a tool: Excel or Epic says less about selling
        than case coverage), 3 more for a term of the posting."""
        own = [h for h in hits if h.segment == segment]
        terms = {h.term.lower() for h in own}
        kind = 2 if any(h.category != "tools" for h in own) else 1 if own else 0
        return kind + 3 * bool(terms & posting_terms or text.lower() in posting_terms)

    lines = [p for p in section.lines if p.text and p.anchor in facts]
    if len(lines) > 1 and all(len(SKILL_SEPARATORS.split(p.text)) == 1 for p in lines):
        ranked = sorted(lines, key=lambda p: -weight(p.text, facts[p.anchor].hits))
        if ranked != lines:
            plan.skill_order = [p.anchor for p in ranked]
            plan.changes.append(Change("skills", "Skills", ", ".join(p.text for p in lines),
                                       ", ".join(p.text for p in ranked), f"{segment} skills first"))
        return
    shown = {h.term for p in lines for h in facts[p.anchor].hits}
    added = _evidenced_tools(result, segment, shown, " ".join(p.text for p in lines))
    listed = []  # (paragraph, where its items begin, the items, their separator): lines that list several
    for p in lines:
        label = SKILL_LABEL.match(p.text)
        offset = label.end() if label else 0
        items = [i for i in SKILL_SEPARATORS.split(p.text[offset:]) if i]
        if len(items) > 1:
            separator = SKILL_SEPARATORS.search(p.text, offset).group()
            if separator.join(items) in p.text:
                listed.append((p, offset, items, separator))
    # Tools the bullets show join the line that lists tools (or the last list), after its items.
    joins = next((p for p, *_ in listed if _is_tools_line(facts[p.anchor].hits)), listed[-1][0] if listed else None)
    for p, offset, items, separator in listed:
        spans, at = [], 0
        for item in items:
            at = p.text.index(item, offset + at) - offset
            spans.append((offset + at, offset + at + len(item)))
            at += len(item)
        hits = facts[p.anchor].hits
        scored = [(-weight(item, [h for h in hits if a <= h.start and h.end <= b]), n, item)
                  for n, (item, (a, b)) in enumerate(zip(items, spans))]
        new_items = [item for _, _, item in sorted(scored)]
        extra = added if p is joins else []
        old_body = separator.join(items)
        why = "tools your bullets already show, added where an applicant tracking system reads skills"
        if new_items != items:
            new_body = separator.join(new_items + extra)
            plan.skills.append((p.anchor, old_body, new_body))
            plan.changes.append(Change("skills", "Skills", old_body, new_body,
                                       f"{segment} skills first" + (f"; {why}" if extra else "")))
        elif extra:
            after = separator + separator.join(extra)
            plan.skill_additions.append((p.anchor, old_body, after))
            plan.changes.append(Change("skills", "Skills", old_body, old_body + after, why))


MAX_ADDED_SKILLS = 4


def _evidenced_tools(result, segment: str, shown: set[str], skills_text: str) -> list[str]:
    """The segment's tools that experience bullets name and the skills section does not
    ("Veeva CRM" in a bullet), as the bullets write them: facts of the resume, moved where an
    applicant tracking system and a recruiter look for skills."""
    out: dict[str, str] = {}
    low = skills_text.lower()
    for bf in result.facts.bullets:
        if bf.bullet.section not in ACHIEVEMENT_SECTIONS:
            continue
        for h in bf.hits:
            if (h.segment == segment and h.category == "tools" and h.term not in shown and h.term not in out
                    and h.text.lower() not in low and not h.fuzzy):
                out[h.term] = h.text
    return list(out.values())[:MAX_ADDED_SKILLS]


def _is_tools_line(hits) -> bool:
    return any(h.category == "tools" for h in hits)


# Headings of a summary that states what the candidate wants; the tailored summary says what they bring.
OBJECTIVES = {"objective", "career objective", "professional objective"}


def summary_heading_like(heading: str) -> str:
    """"Summary" in the case of the resume's own headings ("SUMMARY" beside "EXPERIENCE")."""
    return "SUMMARY" if heading.isupper() else "Summary"


def _plan_summary(plan: Plan, resume, summary_text: str) -> None:
    if not summary_text:
        return
    plan.summary = summary_text
    section = resume.section("summary")
    old = ""
    if section is not None:
        # The prose is replaced; a summary's bullets are the candidate's own highlights and stay.
        lines = [p for p in section.lines if p.text and p.part == "body"]
        prose = [p for p in lines if not p.list_kind]
        plan.summary_replaces = [p.anchor for p in prose]
        plan.summary_before = "" if prose or not lines else lines[0].anchor
        plan.summary_after = "" if lines else section.anchor
        old = " ".join(p.text for p in prose)
        heading = section.heading.strip().rstrip(":").strip()
        if section_key(heading) in OBJECTIVES and (prose or not lines):
            new = summary_heading_like(heading)
            plan.summary_heading = (section.anchor, heading, new)
            plan.changes.append(Change("heading", heading, heading, new,
                                       "the section now says what you bring, not what you want"))
    plan.changes.append(Change("summary", "Summary", old, summary_text,
                               "a summary for the target, built only from facts in this resume"))
