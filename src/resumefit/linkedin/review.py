"""Review a LinkedIn profile for a segment: the engine's findings and score, suggestions
built only from the profile's (and the resume's) own words, and where the profile and
the resume disagree. Contact details and licence numbers are masked in everything
this returns."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from resumefit.privacy import scrub
from resumefit.tailor.faithful import unquotable
from resumefit.tailor.plan import METRIC_STRENGTH
from resumefit.tailor.summary import graduate, not_in, wants_msl, whom_one_works_with
from resumefit.templating import environment

HEADLINE_MAX = 220
ROLES = {"pharma": "Pharmaceutical Sales", "device": "Medical Device Sales",
         "biotech": "Biotech & Specialty Sales", "software": "Healthcare Software Sales"}


@dataclass
class Review:
    segment: str
    result: object  # the engine's CheckResult on the profile
    headlines: list[str] = field(default_factory=list)
    about_outline: list[str] = field(default_factory=list)
    skills_to_add: list[dict] = field(default_factory=list)  # {skill, evidence}
    skills_to_top: list[str] = field(default_factory=list)
    consistency: list[dict] = field(default_factory=list)  # {kind, linkedin, resume, detail}


def review(profile_result, segment: str, resume_result=None) -> Review:
    profile = profile_result.resume.linkedin
    facts = profile_result.facts
    slots = _slots(profile_result, segment)
    out = Review(segment, profile_result)
    template = environment().get_template("linkedin_headlines.j2")
    for line in template.render(**slots).splitlines():
        line = " ".join(line.split())
        if line:
            out.headlines.append(_fit(line, HEADLINE_MAX))
    out.headlines = list(dict.fromkeys(out.headlines))[:3]
    out.about_outline = [" ".join(x.split()) for x in
                         environment().get_template("linkedin_about.j2").render(**slots).split("\n") if x.strip()]

    skills = {h.term for p in _section(profile_result, "skills") for h in facts.paragraphs[p.anchor].hits}
    evidence: dict[str, str] = {}
    for source in [profile_result] + ([resume_result] if resume_result else []):
        where = "your resume" if source is resume_result else "your profile"
        done = {bf.bullet.anchor for bf in source.facts.bullets}
        # Work done is the evidence, before a summary's aim ("seeking an orthopedic device role").
        for anchor, h in sorted(source.facts.hits, key=lambda hit: hit[0] not in done):
            if h.segment == segment and h.term not in skills and h.term not in evidence and \
                    not anchor.startswith(("Skills.csv", "Certifications.csv", "Education.csv")) \
                    and h.category not in ("credentials", "customers"):  # people are not skills
                evidence[h.term] = f"{where}: “{source.facts.paragraphs[anchor].text}”"
    out.skills_to_add = [{"skill": t, "evidence": e} for t, e in list(evidence.items())[:10]]  # as the word list writes it
    for n, p in enumerate(_section(profile_result, "skills")):
        if n >= 3 and any(h.segment == segment for h in facts.paragraphs[p.anchor].hits):
            out.skills_to_top.append(p.text)
    if resume_result is not None:
        out.consistency = consistency(profile, resume_result)
    return mask_all(out, profile.private)


def _section(result, kind: str):
    section = result.resume.section(kind)
    return [p for p in section.lines if p.anchor in result.facts.paragraphs] if section else []


def _slots(result, segment: str) -> dict:
    profile, facts = result.resume.linkedin, result.facts
    current = next((p for p in profile.positions if p.end == "present"), profile.positions[0] if profile.positions else None)

    own_title = (current.title if current else "").lower()

    def written(categories: tuple[str, ...], limit: int) -> list[str]:
        seen: dict[str, str] = {}
        for anchor, h in facts.hits:
            if h.segment == segment and h.category in categories and h.term not in seen \
                    and not anchor.startswith("Skills.csv") and h.text.lower() not in own_title:
                if h.category == "customers" and anchor.startswith("Profile.csv") and not whom_one_works_with(h.text):
                    continue  # "Immunologist moving into a medical science liaison role": the candidate
                seen[h.term] = _natural(h.text) if h.term[:1].islower() else h.text
        return list(dict.fromkeys(seen.values()))[:limit]

    flagged = unquotable(result)
    results = sorted((bf for bf in facts.bullets if bf.metrics and bf.bullet.id not in flagged),
                     key=lambda bf: -max(METRIC_STRENGTH.get(m.kind, 1) for m in bf.metrics))
    credentials = []  # as written, the short form when the name gives one: "Doctor of Pharmacy (PharmD)" -> PharmD
    for p in _section(result, "certifications") + _section(result, "education"):
        hits = [h for h in facts.paragraphs[p.anchor].hits if h.segment == segment and h.category == "credentials"]
        if hits:  # a credential being worked toward has no hit (engine/facts.py)
            short = re.search(r"\(([A-Z][A-Za-z.]{1,7})\)", p.text)
            credentials.append(short.group(1) if short else hits[0].text)
    studies = [", ".join(x for x in (e.degree, e.school, e.end) if x) for e in profile.education]
    # a student's or new graduate's profile has no position yet: their degree says who they are
    title = current.title if current else graduate(studies)
    return {
        "title": title, "company": current.company if current else "",
        "credentials": not_in(list(dict.fromkeys(credentials)), title)[:2],
        "role": ("Medical Science Liaison" if wants_msl([profile.headline, profile.about], title, segment)
                 else ROLES.get(segment, "Medical Sales")),
        "terms": written(("customers", "clinical", "products"), 2),
        "process": written(("sales process", "tools"), 2),
        "results": [bf.text.rstrip(".") for bf in results[:2]],
        "location": profile.location,
    }


def _fit(line: str, limit: int) -> str:
    """Drop trailing ' | ' parts until the line fits; never cut a word."""
    while len(line) > limit and " | " in line:
        line = line.rsplit(" | ", 1)[0]
    return line if len(line) <= limit else line[:limit].rsplit(" ", 1)[0]


def _natural(text: str) -> str:
    return text.lower() if text[:1].isupper() and text[1:].islower() else text


# -- the profile against the resume ----------------------------------------------------

def consistency(profile, resume_result) -> list[dict]:
    """Employers, titles and dates that disagree; results on one but not the other."""
    from rapidfuzz import fuzz  # titles

    roles = list(resume_result.resume.roles)
    by_role = {}
    for bf in resume_result.facts.bullets:
        if bf.bullet.role is not None:
            by_role.setdefault(bf.bullet.role, []).append(bf)
    out, matched = [], set()
    for position in profile.positions:
        scores = [(same_org(position.company, r.employer), n) for n, r in enumerate(roles) if r.employer]
        best, n = max(scores, default=(0, -1))
        if best < SAME_ORG:
            out.append({"kind": "employer", "linkedin": f"{position.title} at {position.company}", "resume": "",
                        "detail": "on LinkedIn, not on the resume"})
            continue
        matched.add(n)
        role = roles[n]
        if position.title and role.title and fuzz.ratio(position.title.lower(), role.title.lower()) < 80:
            out.append({"kind": "title", "linkedin": position.title, "resume": role.title,
                        "detail": f"at {position.company}"})
        for which, a, b in (("start", position.start, role.start), ("end", position.end, role.end)):
            if a and b and not (a.startswith(b) or b.startswith(a)):
                out.append({"kind": "dates", "linkedin": a, "resume": b, "detail": f"{which} at {position.company}"})
        description_numbers = set(re.findall(r"\d+", position.description))
        for bf in by_role.get(n, []):
            numbers = set(re.findall(r"\d+", " ".join(m.text for m in bf.metrics)))
            if numbers and not numbers & description_numbers:
                out.append({"kind": "result", "linkedin": "", "resume": bf.text,
                            "detail": f"a result on the resume that LinkedIn's {position.company} entry lacks"})
    for n, role in enumerate(roles):
        if n not in matched and role.employer:
            out.append({"kind": "employer", "linkedin": "", "resume": f"{role.title} at {role.employer}",
                        "detail": "on the resume, not on LinkedIn"})
    return out


def same_person(profile, resume) -> bool:
    """Whether the export and the resume can be one person's: a word of the name in common,
    or (after a change of name) an employer. Without both names there is nothing to tell."""
    theirs = set(re.findall(r"[a-z]{2,}", f"{profile.first_name} {profile.last_name}".lower()))
    ours = set(re.findall(r"[a-z]{2,}", (resume.contact.name or "").lower()))
    if not theirs or not ours or theirs & ours:
        return True
    return any(same_org(p.company, r.employer) >= SAME_ORG for p in profile.positions for r in resume.roles
               if p.company and r.employer)


SAME_ORG = 85  # "University of Michigan" and "University of Ohio" spell 80 alike
# First words that name no one organisation: "University of ...", "St. ...", "North ...".
GENERIC_HEADS = {"university", "college", "st", "saint", "the", "north", "south", "east", "west", "new", "united",
                 "american", "national", "general", "community", "regional", "memorial", "children's", "state",
                 "county", "city", "first", "medical", "health", "mercy", "good", "sacred", "holy", "valley"}


def same_org(a: str, b: str) -> float:
    """How surely two names are one employer, 0–100: spelled alike, or one the other's start
    ("Stryker" and "Stryker Orthopaedics", "Baptist Health" and "Baptist Health Primary
    Care"), or the same distinctive first word ("CVS Health" and "CVS Pharmacy")."""
    from rapidfuzz import fuzz

    x, y = _org(a), _org(b)
    score = fuzz.ratio(x, y)
    short, long = sorted((x.split(), y.split()), key=len)
    if short and (long[:len(short)] == short or short[0] == long[0] and len(short[0]) >= 3
                  and short[0].strip(".") not in GENERIC_HEADS):
        score = max(score, 90.0)
    return score


def _org(name: str) -> str:
    return re.sub(r"\b(inc|llc|ltd|corp|corporation|co|the)\b\.?", "", name.lower()).strip(" ,.")


# -- privacy -----------------------------------------------------------------------------

def mask_all(value, private: list[str]):
    """Contact details and licence numbers hidden, in a review or in plain data."""
    if isinstance(value, Review):
        for name in ("headlines", "about_outline", "skills_to_add", "skills_to_top", "consistency"):
            setattr(value, name, scrub(getattr(value, name), private, "[hidden]"))
        return value
    return scrub(value, private, "[hidden]")


def as_dict(r: Review) -> dict:
    return {"segment": r.segment, "headlines": r.headlines, "about_outline": r.about_outline,
            "skills_to_add": r.skills_to_add, "skills_to_top": r.skills_to_top, "consistency": r.consistency}
