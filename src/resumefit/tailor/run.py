"""Tailor one resume for one or more segments: check once, then plan, edit a copy of the
document's own XML, and write it, for each segment."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import datetime

from resumefit.ingest.package import open_package, parse_xml
from resumefit.model import paragraph_anchor
from resumefit.tailor import faithful
from resumefit.tailor.apply import Applied, apply_plan
from resumefit.tailor.plan import Plan, make_plan
from resumefit.tailor.questions import question_for
from resumefit.tailor.revisions import W, Revisions, reading_text
from resumefit.tailor.summary import build_summary
from resumefit.tailor.writer import attach_comments, write_docx

AUTHOR = "resumefit"
TEMPLATE_WORDS = {"Candidate", "Works", "Uses", "Result"}  # capitalised words of summary.j2


@dataclass
class Options:
    track: bool = True
    comments: bool = False
    max_bullets: int | None = None
    when: datetime | None = None  # the revisions' date (tests fix it)
    edits: bool = True  # False: a reviewed copy, the document unchanged but for comments (batch)


@dataclass
class Tailored:
    segment: str
    docx: bytes
    plan: Plan
    applied: Applied
    questions: dict[str, str] = field(default_factory=dict)  # bullet id -> question
    text_before: str = ""
    text_after: str = ""  # the tailored document's text with every change accepted


def questions_for(result) -> dict[str, str]:
    """bullet id -> the question to ask, for experience bullets without a measurable result."""
    flagged = {f.bullet for f in result.findings if f.bullet and f.name.startswith("compliance.")}
    return {bf.bullet.id: question_for(bf.text, bf.bullet.id in flagged) for bf in result.facts.achievements
            if not bf.metrics}


def unchanged(result, segment: str) -> Tailored:
    """What a report needs when no copy is written: no edits, the questions."""
    return Tailored(segment, b"", Plan(segment), Applied(), questions_for(result))


def tailor(path, result, segments: list[str], options: Options) -> list[Tailored]:
    """`result` is the engine's check of the resume at `path` for these segments."""
    pkg = open_package(path)
    main = pkg.main_part()
    pkg.content_types()  # a package no program opens is refused before any work
    original = parse_xml(pkg.read(main), pkg.path, main)
    before = accepted_text(original)
    questions = questions_for(result)
    out = []
    for segment in segments:
        summary = build_summary(result, segment) if options.edits else ""
        plan = make_plan(result, segment, summary, options.max_bullets) if options.edits else Plan(segment)
        # The summary's words come from the resume, or from a bullet it quotes as the copy
        # mends it; anything else cannot happen by construction, and is never risked.
        source = " ".join([before, *(new for _, _, new in plan.rewrites)])
        unfaithful = plan.summary and (faithful.new_numbers(source, plan.summary)
                                       | faithful.new_capitalised_words(source, plan.summary, TEMPLATE_WORDS))
        if unfaithful:
            plan = make_plan(result, segment, "", options.max_bullets)
        root = copy.deepcopy(original)
        revisions = Revisions(root, track=options.track, author=AUTHOR, when=options.when)
        applied = apply_plan(root, main, plan, revisions)
        if unfaithful:  # said, not silent: the report lists what was not done
            applied.skipped.append(f"summary: left out, since it would name what the resume does not "
                                   f"({', '.join(sorted(unfaithful))})")
        comments = []
        if options.comments:
            notes = _notes(result, segment, questions, applied)
            comments = attach_comments(root, notes, revisions)
        data = write_docx(pkg, main, root, comments, AUTHOR, revisions.date)
        out.append(Tailored(segment, data, plan, applied, questions, before, accepted_text(root)))
    return out


def accepted_text(root) -> str:
    """The document's text as a reader sees it with every tracked change accepted."""
    return "\n".join(t for t in (reading_text(p) for p in root.iter(W + "p")) if t)


def _notes(result, segment: str, questions: dict[str, str], applied: Applied) -> list:
    """One comment per bullet: its findings for this segment, and the question to answer."""
    notes = []
    by_bullet: dict[str, list] = {}
    for f in result.findings:
        if f.bullet and (not f.segment or f.segment == segment):
            by_bullet.setdefault(f.bullet, []).append(f)
    for bf in result.facts.bullets:
        b = bf.bullet
        lines = [f"{f.message}" + (f" {f.suggestion}" if f.suggestion else "") for f in by_bullet.get(b.id, [])]
        if b.id in questions:
            lines.append(f"Question for you: {questions[b.id]}")
        p = applied.visible.get(paragraph_anchor(b.anchor))  # bullets typed in one paragraph share it
        if lines and p is not None:
            notes.append((p, "\n".join(dict.fromkeys(lines))))
    return notes
