"""The gap report of `resumefit tailor`: what the resume shows for a segment, what it lacks,
the questions that would fill the gaps, and what the tailored copy changed. One context,
three renderings (HTML, Markdown, JSON); the comparison report for `--target all`."""

from __future__ import annotations

import json

from resumefit import __version__
from resumefit.engine.score import best_fit_label
from resumefit.model import plain
from resumefit.clock import now

SCHEMA = "resumefit.gap-report/v1"
PART_ADVICE = {
    "keywords": "name the {segment} work you have really done, in its own words (see the missing terms)",
    "metrics": "add a number to each bullet that lacks one; the gap report asks a question about each",
    "language": "open bullets with a strong verb and cut weak or risky wording",
    "layout": "fix the layout warnings so applicant tracking systems read every line",
}


def context(result, tailored, docx_name: str) -> dict:
    """Everything the report shows, as plain data (also the JSON report)."""
    resume, segment = result.resume, tailored.segment
    score = next(s for s in result.scores if s.segment == segment)
    bullet_of = {bf.bullet.anchor: bf.bullet.id for bf in result.facts.bullets}
    by_bullet: dict[str, list] = {}
    for f in result.findings:
        if f.bullet and (not f.segment or f.segment == segment):
            by_bullet.setdefault(f.bullet, []).append(f)

    def link(anchor: str) -> str:
        return bullet_of.get(anchor) or "p" + anchor.rsplit("#p", 1)[-1]

    bullets = []
    heading_of = {s.kind: s.heading for s in resume.sections}  # a bullet outside a role: its section's heading
    for bf in result.facts.bullets:
        b = bf.bullet
        role = resume.roles[b.role] if b.role is not None else None
        bullets.append({
            "id": b.id, "section": b.section, "text": b.text,
            "role": " — ".join(x for x in (role.title, role.employer) if x) if role else heading_of.get(b.section, ""),
            "metrics": [m.text for m in bf.metrics],
            "terms": sorted({h.text for h in bf.hits if h.segment == segment}),
            "findings": [{"rule": f.rule, "level": f.level, "message": f.message, "suggestion": f.suggestion}
                         for f in by_bullet.get(b.id, []) if f.score != "metrics"],
            "question": tailored.questions.get(b.id, ""),
        })
    elsewhere = {}
    for entries in score.matched.values():
        for e in entries:
            if e["anchor"] not in bullet_of:
                para = result.facts.paragraphs.get(e["anchor"])
                if para is not None:
                    elsewhere[link(e["anchor"])] = para.text
    keywords = [{"category": c,
                 "matched": [{"term": e["term"], "text": e["text"], "link": link(e["anchor"])}
                             for e in score.matched.get(c, [])],
                 "missing": score.missing.get(c, [])[:8]}
                for c in sorted(set(score.matched) | set(score.missing))]
    resume_level = [f for f in result.findings if not f.bullet]
    return {
        "schema": SCHEMA,
        "tool": {"name": "resumefit", "version": __version__},
        "generated": now().strftime("%Y-%m-%d"),
        "source": resume.source.rsplit("/", 1)[-1],
        "name": resume.contact.name,
        "segment": segment,
        "docx": docx_name,
        "score": {"score": score.score, "parts": [dict(plain(p), points=round(p.weight * p.value))
                                                   for p in score.parts]},
        "advice": advice(score, segment),
        "keywords": keywords,
        "areas": score.areas,
        "bullets": bullets,
        "elsewhere": [{"link": k, "text": v} for k, v in elsewhere.items()],
        "questions": [b for b in bullets if b["question"]],
        "compliance": [_finding(f) for f in result.findings if f.rule.startswith("RF-COMP")],
        "layout": [_finding(f) for f in resume_level if f.score == "layout"],
        "resume_findings": [_finding(f) for f in resume_level if f.score != "layout"
                            and (not f.segment or f.segment == segment)],
        "job": result.job.to_dict() if result.job else None,
        "changes": [plain(c) for c in tailored.plan.changes],
        "not_applied": tailored.applied.skipped,
    }


def _finding(f) -> dict:
    return {"rule": f.rule, "name": f.name, "level": f.level, "message": f.message,
            "suggestion": f.suggestion, "text": f.text, "bullet": f.bullet}


def advice(score, segment: str) -> list[dict]:
    """The score parts with the most points still to gain, largest first."""
    gains = sorted(((round(p.weight * (1 - p.value)), p) for p in score.parts), key=lambda g: -g[0])
    return [{"part": p.name, "points": gain, "do": PART_ADVICE[p.name].format(segment=segment), "detail": p.detail}
            for gain, p in gains if gain > 0]


def comparison(result, contexts: list[dict]) -> dict:
    ranked = sorted(contexts, key=lambda c: -c["score"]["score"])
    return {
        "schema": SCHEMA,
        "tool": {"name": "resumefit", "version": __version__},
        "source": ranked[0]["source"] if ranked else "",
        "name": result.resume.contact.name,
        "best": best_fit_label({c["segment"]: c["score"]["score"] for c in contexts}) if contexts else "",
        "segments": [{"segment": c["segment"], "score": c["score"], "advice": c["advice"][:3], "docx": c["docx"],
                      "report": c.get("report", "")} for c in ranked],
    }


def render(ctx: dict, fmt: str, template: str = "report") -> str:
    if fmt == "json":
        return json.dumps(ctx, indent=2, ensure_ascii=False) + "\n"
    from resumefit.templating import environment

    return environment().get_template(f"{template}.{fmt}.j2").render(**ctx)
