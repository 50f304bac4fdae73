"""`resumefit check` output: text for people and JSON (resumefit.report/v1); the CI formats
are in ci_formats.py."""

from __future__ import annotations


from resumefit import __version__
from resumefit.model import paragraph_anchor, plain

REPORT_SCHEMA = "resumefit.report/v1"


def to_json(result) -> dict:
    findings_by_bullet: dict[str, list] = {}
    for f in result.findings:
        findings_by_bullet.setdefault(f.bullet, []).append(f.rule)
    bullets = []
    for bf in result.facts.bullets:
        b = bf.bullet
        role = result.resume.roles[b.role] if b.role is not None else None
        keywords: dict[str, dict[str, list]] = {}
        for h in bf.hits:
            if h.segment:
                keywords.setdefault(h.segment, {}).setdefault(h.category, []).append(
                    {"term": h.term, "text": h.text, "span": [h.start, h.end]})
        bullets.append({
            "id": b.id, "anchor": b.anchor, "section": b.section, "kind": b.kind,
            "role": {"title": role.title, "employer": role.employer} if role else None,
            "text": b.text,
            "metrics": [{"kind": m.kind, "text": m.text, "span": [m.start, m.end]} for m in bf.metrics],
            "keywords": keywords,
            "findings": findings_by_bullet.get(b.id, []),
        })
    return {
        "schema": REPORT_SCHEMA,
        "tool": {"name": "resumefit", "version": __version__},
        "packs": result.packs,
        "source": result.resume.source,
        "targets": result.targets,
        "scores": [plain(s) for s in result.scores],
        "bullets": bullets,
        "findings": [plain(f) for f in result.findings],
        "job": result.job.to_dict() if result.job else None,
    }


def to_text(result) -> str:
    resume = result.resume
    out = [f"resumefit check — {resume.source}"]
    resume_level = [f for f in result.findings if not f.bullet]
    role_anchors = {r.anchor: r for r in resume.roles}
    of_role: dict[str, list] = {}
    shown: set[int] = set()
    for f in resume_level:
        if f.anchor in role_anchors:
            of_role.setdefault(f.anchor, []).append(f)
    by_bullet: dict[str, list] = {}
    for f in result.findings:
        if f.bullet:
            by_bullet.setdefault(f.bullet, []).append(f)
    # Bullets are grouped under the resume's own headings ("Internships", "Career Highlights").
    heading_of = {p.anchor: s.heading or s.kind for s in resume.sections for p in s.lines}
    section = role_index = None
    for bf in result.facts.bullets:
        b = bf.bullet
        heading = heading_of.get(paragraph_anchor(b.anchor), b.section)
        if heading != section:
            section = heading
            out.append(f"\n{heading.upper()}")
        if b.role is not None and b.role != role_index:
            role_index = b.role
            role = resume.roles[b.role]
            out.append(f"  {_role_name(role)}")
            for f in of_role.get(role.anchor, []):  # "This role has 7 bullet(s)": said under the role
                out.append(f"      {f.level}: {f.message} [{f.rule} {f.name}]")
                shown.add(id(f))
        mark = "✓" if bf.metrics else "·"
        out.append(f"    {mark} {b.text}")
        if bf.metrics:
            out.append(f"        result: {', '.join(m.text for m in bf.metrics)}")
        for segment in result.targets:  # what the bullet already shows of each target's language
            terms = list(dict.fromkeys(h.text for h in bf.hits if h.segment == segment))
            if terms:
                out.append(f"        {segment} terms: {', '.join(terms)}")
        for f in by_bullet.get(b.id, []):
            out.append(f"        {f.level}: {f.message} [{f.rule} {f.name}]")
            if f.suggestion:
                out.append(f"          → {f.suggestion}")
    resume_level = [f for f in resume_level if id(f) not in shown]  # a role never listed keeps them here
    if resume_level:
        out.append("\nWHOLE RESUME")
        for f in resume_level:
            out.append(f"  {f.level}: {f.message} [{f.rule} {f.name}]")
            if f.suggestion:
                out.append(f"    → {f.suggestion}")
    for s in result.scores:
        out.append(f"\nFIT SCORE — {s.segment}: {s.score}/100")
        for part in s.parts:
            out.append(f"  {part.name:9} {round(part.weight * part.value):>3}/{part.weight:<3g} {part.detail}")
        if s.areas:
            out.append(f"  fields of work shown: {', '.join(s.areas[:3])} (their terms are offered first)")
        for category in sorted(set(s.matched) | set(s.missing)):
            have = ", ".join(e["text"] for e in s.matched.get(category, [])) or "none"
            lack = ", ".join(s.missing.get(category, [])[:5]) or "—"
            out.append(f"  {category}: has {have}; could add (if true) {lack}")
    if result.job:
        out += job_lines(result.job)
    counts = {lvl: sum(1 for f in result.findings if f.level == lvl) for lvl in ("error", "warning", "info")}
    out.append(f"\n{counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} info")
    return "\n".join(out) + "\n"


def job_lines(job) -> list[str]:
    at = f" at {job.company}" if job.company else ""
    (met, asks), (wish_met, wishes) = job.counts(), job.counts(False)
    asked = f": {met} of {asks} asked for, {wish_met} of {wishes} marked preferred or a plus" if wishes else ""
    if not job.terms:
        out = [f"\nJOB POSTING — {job.title or job.source}{at}: it names none of the terms resumefit knows for "
               "the target; check that the file holds the posting's whole text"]
    else:
        out = [f"\nJOB POSTING — {job.title or job.source}{at}: "
               f"the resume shows {len(job.matched)} of {len(job.terms)} of its terms ({job.rate:.0%}){asked}"]
    if job.place:
        out.append(f"  {job.place.mark} location — {job.place.said}")
    for ask in [*job.experience, *job.education]:
        out.append(f"  {ask.mark} {ask.asked}{'' if ask.required else ' (preferred)'} — {ask.said}")
    for t in job.matched:
        places = ", ".join(sorted({p.section or "?" for p in t.where}))
        out.append(f"  ✓ {_named(t)} — in {places}: \"{t.where[0].text}\"")
    for t in job.missing:
        said = f"the posting says \"{t.posted}\"; " if t.posted else ""
        instead = job.met_by(t)
        if instead:
            out.append(f"  · {_named(t)} — the posting takes {instead} in its place, and the resume shows it")
        elif t.near:
            out.append(f"  ✗ {_named(t)} — {said}the resume says \"{t.near[0].text}\"; the posting's own "
                       "word helps an applicant tracking system match it, if it is true for you")
        else:
            out.append(f"  ✗ {_named(t)} — {said}not in the resume; add it only if it is true for you")
    return out


def _named(term) -> str:
    """"quota (sales process)"; a term from the posting's wish list says so."""
    either = "".join(f", or {other}" for other in term.one_of)  # "RN (credentials, or PharmD)"
    return f"{term.term} ({term.category}{either}{'' if term.required else ', preferred'})"


def _role_name(role) -> str:
    return " — ".join(x for x in (role.title, role.employer) if x) or "(a role with no title)"
