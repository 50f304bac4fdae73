"""From paragraphs in reading order to a resume's sections, contact details and skills
(its roles and bullets: `roles`)."""

from __future__ import annotations

import re

from resumefit.ingest import vocabulary as vocab
from resumefit.ingest.dates import find_range
from resumefit.ingest.roles import is_line_label
from resumefit.model import Contact, Paragraph, Section

MAX_HEADING_WORDS = 6
PARENTHESES = re.compile(r"\([^()]*\)")
HEADING_PARTS = re.compile(r"\s+[|/–—:-]\s+|\s*\|\s*")


def heading_of(p: Paragraph, signatures: set | None = None) -> tuple[str, bool] | None:
    """(kind, standard) when the paragraph is a section heading, else None."""
    if not p.text or len(p.text) > 60 or p.list_kind and not (p.caps or p.heading_level):
        return None  # most bullets: a bold "• Leadership" is a skill, not a heading
    key = vocab.section_key(p.text)
    words = key.split()
    if len(words) > 3 and all(len(w) == 1 for w in words):  # letter-spaced: "E X P E R I E N C E"
        key = "".join(words)
        words = [key]
    if p.list_kind:  # "■ EXPERIENCE", "01. EXPERIENCE": a glyph or number dresses a heading up
        return (vocab.SECTION_BY_NAME[key], True) if key in vocab.SECTION_BY_NAME else None
    if not words or len(words) > MAX_HEADING_WORDS:
        return None
    if key in vocab.SECTION_BY_NAME:
        return vocab.SECTION_BY_NAME[key], True
    # "PROFESSIONAL EXPERIENCE | SALES"; a plain "Skills | Salesforce | Veeva" is the skills line itself
    first = vocab.section_key(HEADING_PARTS.split(p.text)[0]) if p.bold or p.caps or p.heading_level else key
    if first != key and first in vocab.SECTION_BY_NAME:
        return vocab.SECTION_BY_NAME[first], True
    bare = vocab.section_key(PARENTHESES.sub(" ", p.text)) if "(" in p.text else ""
    if bare in vocab.SECTION_BY_NAME:  # "Publications (selected)", "Experience (most recent)"
        return vocab.SECTION_BY_NAME[bare], True
    kinds = [vocab.SECTION_BY_NAME.get(part) for part in key.split(" and ")]
    if len(kinds) == 2 and all(kinds):  # "Certifications & Skills": two names an ATS knows
        return ("skills" if "skills" in kinds else kinds[0]), True
    looks_like_heading = p.heading_level == 1 or (p.bold or p.caps or p.heading_level) and not re.search(r"\d", p.text)
    if not looks_like_heading or p.text.rstrip().endswith((".", ",")):
        return None
    if words[-1] in vocab.SECTION_BY_LAST_WORD and len(words) <= 4:
        return vocab.SECTION_BY_LAST_WORD[words[-1]], False
    if signatures is not None and _signature(p) in signatures and len(words) <= 4 and not (
            p.in_table or "," in p.text or not vocab.ROLE_WORDS.isdisjoint(words)):
        return "other", False
    return None


def _signature(p: Paragraph) -> tuple:
    return (p.style, p.bold, p.caps, p.size, p.heading_level)


def split_sections(paragraphs: list[Paragraph]) -> list[Section]:
    """Sections in reading order; the first, kind "contact", holds what precedes any heading."""
    body = [p for p in paragraphs if p.part == "body" and p.text]
    plain = [heading_of(p) for p in body]
    # A heading styled like the resume's standard headings is one too ("Clinical Rotations").
    signatures = {_signature(p) for p, h in zip(body, plain) if h and h[1] and (p.bold or p.caps or p.heading_level)}
    # The level of the resume's own headings: a non-standard heading below it ("Patient
    # Education" as Heading 2 under "Relevant Skills") heads part of a section, not a new one.
    top = min((p.heading_level for p, h in zip(body, plain) if h and h[1] and p.heading_level), default=0)
    # Whether the resume's own headings end in a colon ("Experience:"), as a role's labels do.
    colons = any(p.text.rstrip().endswith(":") for p, h in zip(body, plain) if h and h[1] and not is_line_label(p))
    sections = [Section(kind="contact", heading="", anchor="")]
    for n, (p, found) in enumerate(zip(body, plain)):
        if not found and _signature(p) in signatures and not _is_name_line(body, n):
            found = heading_of(p, signatures)
        if found and is_line_label(p) and sections[-1].kind in vocab.ROLE_SECTIONS and (
                not colons or _signature(p) not in signatures):
            found = None  # "Key accomplishments:" in a role, unlike the resume's own headings
        if found and not found[1] and top and p.heading_level > top:
            found = None
        if found and not found[1] and sections[-1].kind in vocab.ROLE_SECTIONS and _opens_a_role(body, n):
            found = None  # "MEMORIAL HERMANN" styled as the headings, over a title and its dates
        if found:
            sections.append(Section(kind=found[0], heading=p.text, anchor=p.anchor, standard=found[1]))
        else:
            sections[-1].lines.append(p)
    return sections


def _opens_a_role(body: list[Paragraph], n: int) -> bool:
    """Whether the lines under line n, before any list item, give a role's dates: an
    employer's name over its title and dates, not a heading over text of its own."""
    for p in body[n + 1:n + 3]:
        if p.list_kind:
            return False
        if find_range(p.text) and len(p.text.split()) <= 20:
            return True
    return False


RUNNING_HEAD_TAIL = re.compile(r"(?:page\s*\d+(?:\s*of\s*\d+)?|r[eé]sum[eé]|cv|continued|cont\.?|\(cont(?:inued|\.)?\)"
                               r"|[\w.+-]+@[\w.-]+|[\d()+ .-]{7,})", re.IGNORECASE)


def is_running_head(text: str, name: str) -> bool:
    """A second page's line that repeats the candidate's name ("Jordan A. Rivera — Page 2",
    "JORDAN RIVERA, RN | jordan@example.com"): layout, not a role's header."""
    if not name or not text.lower().startswith(name.lower()):
        return False
    rest = [piece for piece in re.split(r"[\s|•·,–—-]*[|•·,–—]\s*|\s+-\s+", text[len(name):]) if piece.strip()]
    return all(RUNNING_HEAD_TAIL.fullmatch(piece.strip()) or piece.strip().isupper() and len(piece.strip()) <= 6
               for piece in rest)  # "RN", "MBA": the name's own credentials


def _is_name_line(body: list[Paragraph], n: int) -> bool:
    """The candidate's name, bold and in capitals like the headings below it: the first
    line, or a line straight above the contact details."""
    after = body[n + 1].text if n + 1 < len(body) else ""
    return n == 0 or bool(vocab.EMAIL_RE.search(after) or vocab.PHONE_RE.search(after))


# -- contact, skills --------------------------------------------------------------

def find_contact(contact_lines: list[Paragraph], page_lines: list[Paragraph]) -> Contact:
    """Contact details from the top of the body and from the page headers and footers."""
    contact = Contact()
    body_found = _scan_contact(contact, contact_lines)
    header_found = _scan_contact(contact, page_lines)
    contact.in_header_only = header_found and not body_found
    for p in contact_lines + page_lines:
        if _looks_like_name(p.text):
            name, _, creds = p.text.partition(",")
            contact.name = name.strip()
            break
    return contact


def _scan_contact(contact: Contact, lines: list[Paragraph]) -> bool:
    found = False
    for p in lines:
        text = p.text + " " + " ".join(p.links)
        if not contact.email and (m := vocab.EMAIL_RE.search(text)):
            contact.email, found = m.group(0).removeprefix("mailto:"), True
        if not contact.phone and (m := vocab.PHONE_RE.search(p.text)):
            contact.phone, found = m.group(0).strip(), True
        if not contact.linkedin and (m := vocab.LINKEDIN_RE.search(text)):
            contact.linkedin, found = m.group(0), True
        if not contact.location and (m := vocab.LOCATION_RE.search(p.text)):
            contact.location, found = m.group(0), True
        for url in vocab.URL_RE.findall(text):
            if "linkedin.com" not in url.lower() and url not in contact.websites and "@" not in url:
                contact.websites.append(url)
    return found


def _looks_like_name(text: str) -> bool:
    name = text.partition(",")[0].strip()
    words = name.split()
    if not 2 <= len(words) <= 5 or len(name) > 60:
        return False
    if vocab.section_key(name) in vocab.SECTION_BY_NAME or "@" in name or re.search(r"\d", name):
        return False
    return all(w[0].isupper() for w in words if w[0].isalpha()) and not any(
        w.strip(".,").lower() in vocab.EMPLOYER_WORDS | {"resume", "curriculum", "vitae"} for w in words)


# Separators, and a label before a colon ("Tools: Epic, Salesforce") at the start of a
# line or of a piece.
_SKILL_SPLIT = re.compile(r"\s*(?:[,;|•·▪]|\s{2,}|\t)\s*" + vocab.OUTSIDE_PARENTHESES)
_SKILL_LABEL = re.compile(r"^[A-Za-z][\w &/()-]{0,39}:\s+")


def parse_skills(lines: list[Paragraph]) -> list[str]:
    skills: list[str] = []
    for p in lines:
        for item in _SKILL_SPLIT.split(p.text):
            item = _SKILL_LABEL.sub("", item.strip()).strip(" .-–")
            if item and len(item.split()) <= 8 and item not in skills:
                skills.append(item)
    return skills
