"""kind: profile — facts about a LinkedIn profile: LinkedIn's own limits (headline 220
characters, About 2,600, a position's description 2,000, a title 100, 100 skills), what
shows before "see more", and whether the headline, skills and certifications speak to
the target segment."""

from __future__ import annotations

from resumefit.engine.checks.common import finding
from resumefit.engine.nlp import words_of


def run(rule, facts, engine):
    profile = facts.resume.linkedin
    if profile is None:
        return []
    check, resume = rule.check, facts.resume
    summary = resume.section("summary")
    lines = {p.text: p for p in (summary.lines if summary else [])}
    headline = lines.get(profile.headline) if profile.headline else None
    about = lines.get(profile.about) if profile.about else None
    names = set(check.lexicons)
    suggestions = ", ".join(engine.suggest_terms(check.lexicons, facts, limit=3)) if names else ""

    def at(p, **values):
        return finding(rule, anchor=p.anchor if p else "Profile.csv#p0", text=p.text if p else "",
                       section=values.pop("section", "summary"), suggestions=suggestions, **values)

    def terms_in(anchor: str) -> list[str]:
        f = facts.paragraphs.get(anchor)
        return sorted({h.term for h in f.hits if h.lexicon in names}) if f else []

    fact = check.fact
    if fact == "headline_length" and len(profile.headline) > check.max:
        return [at(headline, count=len(profile.headline), max=check.max)]
    if fact == "headline_role":
        words = facts.paragraphs[headline.anchor].words if headline else frozenset()
        if not any(words_of(w) <= words for w in check.words):
            return [at(headline)]
    if fact == "headline_terms":
        found = terms_in(headline.anchor) if headline else []
        if len(found) < check.min_hits:
            return [at(headline, hits=len(found), min=check.min_hits)]
    if fact == "about_missing" and not profile.about.strip():
        return [at(None)]
    if fact == "about_length" and len(profile.about) > check.max:
        return [at(about, count=len(profile.about), max=check.max)]
    if fact == "about_hook" and about is not None:
        metrics = facts.paragraphs[about.anchor].metrics
        if not any(m.start < check.within for m in metrics):
            return [at(about, within=check.within)]
    if fact in ("position_length", "title_length"):
        found = []
        for position, role in zip(profile.positions, resume.roles):
            size = len(position.description if fact == "position_length" else position.title)
            if size > check.max:
                found.append(finding(rule, anchor=role.anchor, text=" | ".join(role.header), section="experience",
                                     count=size, max=check.max))
        return found
    skills = resume.section("skills").lines if resume.section("skills") else []
    if fact == "skills_count" and len(profile.skills) > check.max:
        return [finding(rule, anchor=skills[0].anchor, section="skills", count=len(profile.skills), max=check.max)]
    if fact == "skills_target":
        found = sorted({t for p in skills for t in terms_in(p.anchor)})
        if len(found) < check.min_hits:
            return [finding(rule, anchor=skills[0].anchor if skills else "Skills.csv#p0", section="skills",
                            hits=len(found), min=check.min_hits, suggestions=suggestions)]
    if fact == "top_skills" and skills:
        top = skills[:check.top or 3]
        if not any(terms_in(p.anchor) for p in top):
            return [finding(rule, anchor=top[0].anchor, section="skills", top=len(top),
                            text=", ".join(p.text for p in top), suggestions=suggestions)]
    if fact == "certifications":
        certs = resume.section("certifications").lines if resume.section("certifications") else []
        if not any(terms_in(p.anchor) for p in certs):
            return [finding(rule, anchor=certs[0].anchor if certs else "Certifications.csv#p0",
                            section="certifications", suggestions=suggestions)]
    return []
