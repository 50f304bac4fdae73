"""Read LinkedIn's own data export ("Get a copy of your data"), as the .zip LinkedIn mails
or as the unzipped folder.

Exports from different years differ, so columns are looked up by name and extra or
missing columns and files are tolerated; a `Notes:` preamble above the header row (as in
Connections.csv) is skipped; UTF-8 with or without BOM, UTF-16 and cp1252 are read. Only
the needed members of a zip are read, in memory; members whose names leave the archive
are ignored; sizes are bounded as for resumes.
"""

from __future__ import annotations

import csv
import io
import posixpath
import re
import zipfile
from pathlib import Path

from resumefit.ingest.dates import normalise
from resumefit.ingest.package import MAX_FILE_BYTES, MAX_RATIO, ZIP_DAMAGE, refuse
from resumefit.ingest.roles import is_label, read_as_bullets
from resumefit.model import (
    Bullet,
    Contact,
    Layout,
    LinkedInCertification,
    LinkedInEducation,
    LinkedInPosition,
    LinkedInProfile,
    Paragraph,
    Resume,
    Role,
    Section,
)

MAX_CSV_BYTES = 5 * 1024 * 1024  # a profile's own files are a few KB; a whole network's are not read
FILES = ("Profile.csv", "Positions.csv", "Skills.csv", "Certifications.csv", "Education.csv", "Languages.csv",
         "Projects.csv", "Honors.csv", "Courses.csv", "Recommendations_Received.csv", "Publications.csv",
         "Email Addresses.csv", "PhoneNumbers.csv", "Phone Numbers.csv")
HEADER_HINTS = {"first name", "company name", "name", "school name", "title", "email address", "number"}


def read_linkedin(path: Path | str) -> LinkedInProfile:
    """The profile; raises InputError (one clear line) for an export it cannot use."""
    path = Path(path)
    if not path.exists():
        raise refuse(path, "no such file or folder", "give the .zip LinkedIn sent you, or its unzipped folder")
    if not path.is_dir() and not path.is_file():  # reading a device or a pipe may never end
        raise refuse(path, "is not a regular file (a device or a pipe)",
                     "give the .zip LinkedIn sent you, or its unzipped folder")
    tables = _folder_tables(path) if path.is_dir() else _zip_tables(path)
    if not tables:
        raise refuse(path, "holds none of LinkedIn's export files (Profile.csv, Positions.csv, Skills.csv ...)",
                     "give the .zip from LinkedIn's 'Get a copy of your data', or its unzipped folder")
    return _profile(str(path), tables)


def _folder_tables(folder: Path) -> dict[str, list[dict[str, str]]]:
    wanted = {name.lower(): name for name in FILES}
    tables = {}
    for file in sorted(folder.rglob("*.csv")):
        name = wanted.get(file.name.lower())
        if name and name not in tables and not file.is_symlink() and file.is_file():
            if file.stat().st_size > MAX_CSV_BYTES:
                raise refuse(file, "is larger than a LinkedIn profile file can be", "give the export as LinkedIn made it")
            tables[name] = _rows(file.read_bytes(), file)
    return tables


def _zip_tables(path: Path) -> dict[str, list[dict[str, str]]]:
    if path.stat().st_size > MAX_FILE_BYTES * 8:
        raise refuse(path, "is larger than a profile export can be", "request 'the works' only if you need it; "
                     "the basic export is enough")
    try:
        archive = zipfile.ZipFile(path)
        infos = archive.infolist()
    except ZIP_DAMAGE:
        raise refuse(path, "is not a readable .zip (LinkedIn's export is a zip of CSV files)",
                     "download the export again from LinkedIn") from None
    wanted = {name.lower(): name for name in FILES}
    tables = {}
    with archive:
        for info in infos:
            member = info.filename.replace("\\", "/")
            if member.startswith("/") or ".." in member.split("/") or info.is_dir():
                continue  # a name that leaves the archive is never used
            name = wanted.get(posixpath.basename(member).lower())
            if not name or name in tables:
                continue
            if info.file_size > MAX_CSV_BYTES or info.file_size > MAX_RATIO * max(info.compress_size, 1) > 1024 * 1024:
                raise refuse(path, f"has a member ({member}) too large for a profile file", "download the export again")
            try:
                tables[name] = _rows(archive.read(info), path)
            except ZIP_DAMAGE:
                raise refuse(path, f"is damaged ({member} cannot be unpacked)", "download the export again") from None
    return tables


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if len(data) > 3 and data[1:2] == b"\0" and data[3:4] == b"\0":  # UTF-16 LE without a BOM
        return data.decode("utf-16-le", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _rows(data: bytes, where) -> list[dict[str, str]]:
    """Rows as {lowercased column: value}; lines above the header (a `Notes:` preamble) skipped."""
    lines = _decode(data).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    start = 0
    for n, line in enumerate(lines[:20]):
        cells = {c.strip().strip('"').lower() for c in next(csv.reader([line]), [])}
        if cells & HEADER_HINTS:
            start = n
            break
    reader = csv.DictReader(io.StringIO("\n".join(lines[start:])))
    rows = []
    try:
        for row in reader:
            clean = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items() if isinstance(v, str)}
            if any(clean.values()):
                rows.append(clean)
    except csv.Error as exc:  # a field over csv's 128 KB limit: no profile field is near it
        raise refuse(where, f"holds a CSV file LinkedIn did not write ({exc})", "download the export again") from None
    return rows


def _get(row: dict[str, str], *names: str) -> str:
    return next((row[n] for n in names if row.get(n)), "")


def _date(value: str) -> str:
    return normalise(value) if value else ""


def _profile(source: str, tables: dict[str, list[dict[str, str]]]) -> LinkedInProfile:
    person = (tables.get("Profile.csv") or [{}])[0]
    positions = [LinkedInPosition(company=_get(r, "company name", "company"), title=_get(r, "title"),
                                  description=_get(r, "description"), location=_get(r, "location"),
                                  start=_date(_get(r, "started on", "start date")),
                                  end=_date(_get(r, "finished on", "end date")) or "present")
                 for r in tables.get("Positions.csv", [])]
    certifications = [LinkedInCertification(name=_get(r, "name"), authority=_get(r, "authority"),
                                            url=_get(r, "url"), start=_date(_get(r, "started on")),
                                            end=_date(_get(r, "finished on")),
                                            license_number=_get(r, "license number"))
                      for r in tables.get("Certifications.csv", [])]
    education = [LinkedInEducation(school=_get(r, "school name"), degree=_get(r, "degree name"),
                                   start=_date(_get(r, "start date")), end=_date(_get(r, "end date")),
                                   notes=_get(r, "notes"), activities=_get(r, "activities"))
                 for r in tables.get("Education.csv", [])]

    def names(table: str, column: str = "name") -> list[str]:
        return [r[column] for r in tables.get(table, []) if r.get(column)]

    private = [v for v in (person.get("address", ""), person.get("birth date", ""), person.get("zip code", ""),
                           person.get("instant messengers", ""), person.get("twitter handles", ""))
               if v]
    private += names("Email Addresses.csv", "email address") + names("PhoneNumbers.csv", "number") \
        + names("Phone Numbers.csv", "number") + [c.license_number for c in certifications if c.license_number]
    return LinkedInProfile(
        source=source,
        first_name=person.get("first name", ""), last_name=person.get("last name", ""),
        headline=person.get("headline", ""), about=person.get("summary", ""),
        industry=person.get("industry", ""), location=person.get("geo location", ""),
        websites=person.get("websites", ""),
        positions=positions, skills=names("Skills.csv"), certifications=certifications, education=education,
        languages=names("Languages.csv"), projects=names("Projects.csv", "title"),
        honors=names("Honors.csv", "title"), courses=names("Courses.csv"),
        recommendations=[r.get("text", "") for r in tables.get("Recommendations_Received.csv", []) if r.get("text")],
        files=sorted(tables), private=private,
    )


def profile_resume(profile: LinkedInProfile) -> Resume:
    """The profile in the shape the engine reads: the headline and About as a summary,
    each position a role whose description lines (or sentences) are its bullets, the
    skills and certifications as sections. Anchors name the export file and a line number."""
    paragraphs: list[Paragraph] = []
    counters: dict[str, int] = {}

    def para(part: str, text: str, **extra) -> Paragraph:
        n = counters.get(part, 0)
        counters[part] = n + 1
        p = Paragraph(anchor=f"{part}#p{n}", part="body", text=text, **extra)
        paragraphs.append(p)
        return p

    summary = Section(kind="summary", heading="About")
    headline = para("Profile.csv", profile.headline) if profile.headline else None
    about = [para("Profile.csv", profile.about)] if profile.about else []
    summary.lines = ([headline] if headline else []) + about
    experience = Section(kind="experience", heading="Experience")
    roles, bullets = [], []
    for position in profile.positions:
        header = para("Positions.csv", " | ".join(x for x in (position.title, position.company) if x), bold=True)
        role = Role(title=position.title, employer=position.company, location=position.location,
                    start=position.start, end=position.end, header=[header.text], anchor=header.anchor)
        experience.lines.append(header)
        for line in description_lines(position.description):
            if is_label(line):
                continue  # "Key accomplishments:" introduces the lines after it
            p = para("Positions.csv", line, list_kind="bullet")
            bullet = Bullet(id=f"b{len(bullets) + 1}", anchor=p.anchor, text=line, section="experience",
                            role=len(roles))
            role.bullets.append(bullet)
            bullets.append(bullet)
            experience.lines.append(p)
        experience.roles.append(role)
        roles.append(role)
    skills = Section(kind="skills", heading="Skills", lines=[para("Skills.csv", s) for s in profile.skills])
    certifications = Section(kind="certifications", heading="Licenses & certifications",
                             lines=[para("Certifications.csv", c.name) for c in profile.certifications if c.name])
    education = Section(kind="education", heading="Education",
                        lines=[para("Education.csv", ", ".join(x for x in (e.degree, e.school) if x))
                               for e in profile.education if e.degree or e.school])
    words = sum(len(p.text.split()) for p in paragraphs)
    return Resume(source=profile.source, main_part="Profile.csv", paragraphs=paragraphs,
                  contact=Contact(name=profile.name, location=profile.location),
                  sections=[Section(kind="contact", heading=""), summary, experience, skills, certifications,
                            education],
                  roles=roles, bullets=bullets, skills=list(profile.skills), education=[e.school for e in profile.education],
                  certifications=[c.name for c in profile.certifications], layout=Layout(words=words),
                  linkedin=profile)


SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9•])")
GLYPH = re.compile(r"^[\s•▪◦●■◆➢►\-–—*]+")
INLINE_GLYPH = re.compile(r"\s+[•▪◦●■◆➢►]\s+")  # "• Grew ... • Trained ...": bullets typed on one line
# Words whose full stop ends no sentence: "stocking (approx. 200 items a shift)".
ABBREVIATIONS = {"approx.", "e.g.", "i.e.", "vs.", "inc.", "dr.", "st.", "jr.", "sr.", "co.", "no.", "corp.",
                 "ltd.", "mr.", "mrs.", "ms.", "u.s.", "dept.", "est.", "avg."}


def description_lines(text: str) -> list[str]:
    """A position description as bullet-sized lines: each line, each bullet typed within a
    line, each sentence of prose."""
    out = []
    for line in text.replace("\r", "\n").split("\n"):
        items = INLINE_GLYPH.split(GLYPH.sub("", line).strip())
        if len(items) > 1 and not read_as_bullets(items):
            items = [GLYPH.sub("", line).strip()]  # "Tools: Salesforce • Veeva • Excel" is one list
        for item in items:
            sentences: list[str] = []
            for piece in SENTENCE.split(item):
                if sentences and sentences[-1].split()[-1].lower().lstrip("([") in ABBREVIATIONS:
                    sentences[-1] += " " + piece
                elif piece.strip():
                    sentences.append(piece.strip())
            out += sentences
    return out
