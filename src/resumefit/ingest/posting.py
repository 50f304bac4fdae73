"""Read a job posting: plain text, Markdown with YAML front matter, or a Word file.

Front matter may name what the text leaves implicit:

    ---
    title: Associate Sales Representative, Orthopedics
    company: Example Medical
    segment: device
    skills: [case coverage, Salesforce, value analysis committee]
    location: Dallas, TX
    ---
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml

from resumefit import safe_yaml
from resumefit.ingest.package import refuse
from resumefit.ingest.vocabulary import LOCATION_RE

MAX_POSTING_BYTES = 1024 * 1024
SKILL_KEYS = ("skills", "keywords", "requirements", "tools")
# Lines every employer adds (benefits, pay, equal opportunity, requisition numbers): their
# words are not the job's ("medical, dental and vision" is not a dental job).
BOILERPLATE = re.compile(
    r"equal (?:employment )?opportunity|affirmative action|\beeo\b|reasonable accommodation|protected veteran"
    r"|benefits(?: include| package| offered|:)|(?:competitive|comprehensive) benefits|401\(?k\)?|paid time off"
    r"|\bpto\b|dental and vision|compensation(?: range| package)?:|(?:total|base) compensation|salary|pay range"
    r"|base pay"
    r"|requisition|\breq(?:\.|uisition)? ?(?:id|#)|drug[- ]free|background check|additional locations", re.IGNORECASE)
# A heading that opens the posting's wish list, and one that closes it; a line of the job
# that says so itself ("oncology experience strongly preferred", "Spanish a plus").
PREFERRED_HEADING = re.compile(r"^\W*(?:preferred|desired|bonus|nice[- ]to[- ]have|pluses|additional)\b[\w\s/&]{0,40}:?\W*$"
                               r"|^\W*(?:what would make you stand out|it would be great if|even better if)", re.I)
REQUIRED_HEADING = re.compile(r"^\W*(?:required|requirements|minimum|basic|must[- ]haves?|qualifications|responsibilities|"
                              r"key responsibilities|what you'?ll do|what you will do|about the (?:job|role)|"
                              r"the role|duties|essential)\b[\w\s/&']{0,40}:?\W*$", re.I)
PREFERRED_LINE = re.compile(r"\b(?:preferred|a plus|nice to have|desired|desirable|bonus|ideally)\b", re.I)
# LinkedIn's copied postings: "Boston Scientific · Denver, CO (On-site)" under the title.
COMPANY_LINE = re.compile(r"^([^·•|]{2,80}?)\s+[·•]\s+")
# "Location: Dallas, TX", "Territory: North Texas (Dallas, TX)", "Based in Denver, CO".
PLACE_LINE = re.compile(r"^\W*(?:job\s+)?(?:location|territory|based in|work location|city)\b\s*:?\s*(?P<rest>.{2,80})$", re.I)
REMOTE = re.compile(r"\b(?:remote|work from home|home[- ]based)\b", re.I)


@dataclass
class Posting:
    source: str
    text: str
    title: str = ""
    company: str = ""
    segment: str = ""
    skills: list[str] = field(default_factory=list)  # named in the front matter
    place: str = ""  # the front matter's location

    @cached_property
    def location(self) -> str:
        """Where the job is: as the front matter says, on a "Location:" line, or as a
        LinkedIn copy writes it under the title ("Boston Scientific · Denver, CO (On-site)");
        "remote", or "" when the posting does not say."""
        if self.place:
            return "remote" if REMOTE.search(self.place) else self.place.strip()
        lines = self.lines
        for line in lines[:40]:
            labelled = PLACE_LINE.match(line)
            if labelled:
                place = LOCATION_RE.search(labelled.group("rest"))
                if place and place.group(1):
                    return place.group(1)
                if REMOTE.search(labelled.group("rest")):
                    return "remote"
        for line in lines[:4]:  # the head of a copied posting
            place = LOCATION_RE.search(line)
            if place and place.group(1):
                return place.group(1)
        return ""

    @cached_property
    def lines(self) -> list[str]:
        """The posting's lines that describe the job (not its employer boilerplate)."""
        return [line.strip() for line in self.text.splitlines() if line.strip() and not BOILERPLATE.search(line)]

    @cached_property
    def preferred(self) -> list[bool]:
        """For each of `lines`, whether it is a wish rather than a requirement: under a
        "Preferred qualifications" heading, or saying "preferred" or "a plus" itself."""
        wished, out = False, []
        for line in self.lines:
            if PREFERRED_HEADING.match(line):
                wished = True
            elif REQUIRED_HEADING.match(line):
                wished = False
            out.append(wished or bool(PREFERRED_LINE.search(line)))
        return out


LINK = re.compile(r"(?:https?://|www\.)\S+", re.I)


def read_posting(path: Path | str) -> Posting:
    """The posting; raises InputError (one clear line) for a file it cannot use."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".docx":
        from resumefit.ingest.docx import read_docx

        resume = read_docx(path)
        text = "\n".join(p.text for p in resume.paragraphs if p.text)
        return Posting(str(path), text, title=_first_line(text), company=_company_line(text))
    if suffix not in (".txt", ".md", ".markdown", ""):
        raise refuse(path, f"is a {suffix} file; a job posting must be .txt, .md or .docx",
                     "paste the posting into a .txt file")
    if not path.exists():
        raise refuse(path, "no such file", "check the --job path")
    if not path.is_file():  # a folder, a device or a pipe
        raise refuse(path, "is not a regular file", "give the path of the posting's .txt, .md or .docx file")
    if path.stat().st_size > MAX_POSTING_BYTES:
        raise refuse(path, "is larger than a job posting can be (over 1 MB)", "keep only the posting's text")
    data = path.read_bytes()
    if b"\0" in data[:4096]:
        raise refuse(path, "is not a text file", "save the posting as plain text (.txt)")
    text = _decode(data).replace("\r\n", "\n")
    meta, text = _front_matter(text, path)
    if not text.strip() and not meta:
        raise refuse(path, "is empty", "paste the posting's text into it")
    if not meta and all(LINK.fullmatch(line.strip()) for line in text.splitlines() if line.strip()):
        raise refuse(path, "holds only a link, and resumefit works offline (it opens no links)",
                     "paste the posting's text into the file")
    skills = []
    for key in SKILL_KEYS:
        value = meta.get(key) or []
        items = value.split(",") if isinstance(value, str) else value if isinstance(value, list) else []
        skills += [str(s).strip() for s in items if str(s).strip()]
    return Posting(str(path), text, title=str(meta.get("title") or _first_line(text)),
                   company=str(meta.get("company") or _company_line(text)), segment=str(meta.get("segment") or ""),
                   skills=list(dict.fromkeys(skills)), place=str(meta.get("location") or ""))


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _front_matter(text: str, path: Path) -> tuple[dict, str]:
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---", 4)
    if end < 0:
        return {}, text
    try:
        meta = safe_yaml.load(text[4:end], getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        raise refuse(path, "has front matter that is not valid YAML", "fix or remove the block between the --- lines") \
            from None
    except safe_yaml.TooLarge as exc:
        raise refuse(path, f"has front matter that is too large ({exc})", "write the values out") from None
    body = text[end + 4:].split("\n", 1)[1] if "\n" in text[end + 4:] else ""
    return (meta if isinstance(meta, dict) else {}), body


def _first_line(text: str) -> str:
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line[:120]
    return ""


def _company_line(text: str) -> str:
    """The company of a posting copied from LinkedIn: the second line, "Company · Place"."""
    lines = [line.strip() for line in text.splitlines() if line.strip()][:2]
    found = COMPANY_LINE.match(lines[1]) if len(lines) == 2 else None
    return found.group(1).strip() if found else ""
