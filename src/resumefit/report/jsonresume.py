"""The resume in the JSON Resume schema (https://jsonresume.org/schema)."""

from __future__ import annotations

import re

from resumefit.ingest.dates import find_range
from resumefit.model import Resume

DEGREE = re.compile(r"\b(B\.?S\.?N?|B\.?A\.?|M\.?S\.?N?|M\.?B\.?A|Pharm\.?D|Ph\.?D|M\.?D|A\.?D\.?N|"
                    r"Associate|Bachelor|Master|Doctor|Diploma|Certificate)\b", re.IGNORECASE)
SCHOOL = re.compile(r"\b(University|College|School|Institute|Academy)\b", re.IGNORECASE)


def to_jsonresume(resume: Resume) -> dict:
    c = resume.contact
    basics: dict = {"name": c.name, "email": c.email, "phone": c.phone}
    if c.location:
        city, _, region = c.location.partition(", ")
        basics["location"] = {"city": city, "region": region} if region else {"city": city}
    if c.linkedin:
        basics["profiles"] = [{"network": "LinkedIn", "url": _url(c.linkedin)}]
    if c.websites:
        basics["url"] = _url(c.websites[0])
    summary = resume.section("summary")
    if summary and summary.lines:
        basics["summary"] = " ".join(p.text for p in summary.lines)
    work = []
    for role in resume.roles:
        if role.section != "experience":
            continue
        entry = {"name": role.employer, "position": role.title}
        if role.location:
            entry["location"] = role.location
        if role.start:
            entry["startDate"] = role.start
        if role.end and role.end != "present":
            entry["endDate"] = role.end
        entry["highlights"] = [b.text for b in role.bullets]
        work.append(entry)
    out = {"$schema": "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json",
           "basics": basics, "work": work, "education": _education(resume.education),
           "skills": [{"name": s} for s in resume.skills],
           "certificates": [{"name": line} for line in resume.certifications]}
    volunteer = [{"organization": r.employer, "position": r.title, "highlights": [b.text for b in r.bullets]}
                 for r in resume.roles if r.section in ("volunteer", "activities")]  # no "activities" in the schema
    if volunteer:
        out["volunteer"] = volunteer
    return out


def _url(url: str) -> str:
    return url if url.lower().startswith("http") else "https://" + url


def _education(lines: list[str]) -> list[dict]:
    """Education lines grouped into entries: a school line, a degree line, dates."""
    entries: list[dict] = []
    for line in lines:
        dates = find_range(line)
        text = line[:dates[2][0]] + line[dates[2][1]:] if dates else line
        text = text.strip(" |,–—-")
        school = SCHOOL.search(text)
        degree = DEGREE.search(text)
        if not entries or (school and "institution" in entries[-1]) or (degree and "studyType" in entries[-1]):
            entries.append({})
        entry = entries[-1]
        if school and "institution" not in entry:
            entry["institution"] = text
        elif degree and "studyType" not in entry:
            entry["studyType"] = text
        elif text:
            entry.setdefault("area", text)
        if dates:
            entry["endDate" if not dates[1] or dates[1] == "present" else "startDate"] = dates[0]
            if dates[1] and dates[1] != "present":
                entry["endDate"] = dates[1]
    return entries
