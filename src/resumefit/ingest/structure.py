"""From paragraphs in reading order to a resume: contact, sections, roles, bullets."""

from __future__ import annotations

import re

from resumefit.ingest import vocabulary as vocab
from resumefit.ingest.dates import find_range
from resumefit.model import Bullet, Contact, Paragraph, Role, Section

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
    colons = any(p.text.rstrip().endswith(":") for p, h in zip(body, plain) if h and h[1] and not _is_label(p))
    sections = [Section(kind="contact", heading="", anchor="")]
    for n, (p, found) in enumerate(zip(body, plain)):
        if not found and _signature(p) in signatures and not _is_name_line(body, n):
            found = heading_of(p, signatures)
        if found and _is_label(p) and sections[-1].kind in vocab.ROLE_SECTIONS and (
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


# -- roles -------------------------------------------------------------------------

_SEPARATORS = re.compile(r"\s+[|•·▪–—]\s+|\s+-\s+|\s*\|\s*|\t|\s{3,}|\s+at\s+|\s+@\s+")


def _is_header_line(p: Paragraph) -> bool:
    text = p.text
    words = text.split()
    if find_range(text) and len(words) <= 20:
        return True
    if len(words) > 14 or text.endswith(".") and len(words) > 4:
        return False
    if p.bold or p.caps or p.heading_level or p.in_table:
        return True
    lowered = {w.strip(".,()").lower() for w in words}
    return (bool(_SEPARATORS.search(text)) or not vocab.ROLE_WORDS.isdisjoint(lowered) and len(words) <= 8
            or len(words) <= 8 and _ends_in_place(text))


TRAILING_NOTE = re.compile(r"\s*\([^()]{1,20}\)$")


def _ends_in_place(text: str) -> bool:
    """"Boehringer Ingelheim, Charlotte, NC": a name, then its place, is a header line;
    "Covered 12 accounts in Charlotte, NC" is a sentence that ends in one."""
    text = TRAILING_NOTE.sub("", text.rstrip())  # "Nashville, TN (remote)"
    found = [m for m in vocab.LOCATION_RE.finditer(text) if m.group(1) and m.end() == len(text)]
    return bool(found) and (found[0].start() == 0 or text[:found[0].start()].rstrip().endswith((",", "|", "–", "—")))


def _is_label(p: Paragraph) -> bool:
    return not p.list_kind and is_label(p.text)


def is_label(text: str) -> bool:
    """A line that introduces a role's bullets: "Key accomplishments:", "Responsibilities:"
    ("Stryker:" is an employer, so only the words such labels are made of)."""
    if not text.rstrip().endswith(":"):  # most lines: a cheap no
        return False
    words = vocab.section_key(text).split()
    return 0 < len(words) <= 4 and all(w in vocab.LABEL_WORDS for w in words)


def _lean(segment: str) -> int:
    """How title-like a piece of a header is: +1 a title word, -1 an employer word. A word
    that is both ("medical") leans employer when it ends a name: "Acme Medical", but
    "Medical Assistant"."""
    words = [w.strip(".,()") for w in segment.lower().replace("/", " ").split()]
    ends_a_name = len(words) > 1 and words[-1] in vocab.EMPLOYER_WORDS and vocab.LEAN.get(words[-1]) == 0
    lean = sum(vocab.LEAN.get(w, 0) for w in words) - ends_a_name
    if lean <= 0 and len(words) > 1 and words[-1] in vocab.TITLE_HEADS:
        return 1  # "Oncology Pharmacy Resident": the job is its last word
    return lean


def _split_at_comma(segment: str) -> list[str]:
    """"Medical Assistant, Valley Heart Clinic" is two things; "Staff Nurse, Med-Surg" is one.

    The employer is one comma-separated part at either end that reads as an organisation.
    """
    parts = [s.strip() for s in segment.split(", ")]
    if len(parts) < 2:
        return [segment]

    def org(s: str) -> bool:
        return _lean(s) < 0

    if org(parts[-1]) and not org(", ".join(parts[:-1])):
        return [", ".join(parts[:-1]), parts[-1]]
    if org(parts[0]) and not org(", ".join(parts[1:])):
        return [parts[0], ", ".join(parts[1:])]
    return [segment]


def parse_role_header(lines: list[str]) -> Role:
    """Title, employer, location and dates from a role's header lines, in any order."""
    role = Role(header=list(lines))
    segments: list[str] = []
    split: dict[str, str] = {}  # a piece split off at a comma -> the piece before it
    ranges = []
    for line in lines:
        found = find_range(line)
        if found:
            ranges.append(found[:2])
            a, b = found[2]
            line = line[:a] + " | " + line[b:]
        loc = vocab.LOCATION_RE.search(line)
        if loc and not role.location:
            role.location = loc.group(0)
            line = line[:loc.start()] + " | " + line[loc.end():]
        for piece in _SEPARATORS.split(line):
            parts = _split_at_comma(_trim(piece))
            if len(parts) == 2:
                split[parts[1]] = parts[0]
            segments += parts
    if ranges:  # an employer's span above a title's own ("Stryker 2017 – Present", "Senior Rep 2021 – Present")
        role.start, role.end = max(ranges, key=lambda r: r[0])
    segments, titles = _with_specialties([s for s in segments if s and any(c.isalpha() for c in s)], lines)
    if not segments:
        return role
    lean = {s: _lean(titles.get(s, s)) for s in segments}
    title = max(segments, key=lambda s: lean[s])  # the first of the most title-like
    # Of pieces that lean alike, a piece of its own is the employer before one split off at a
    # comma: "Analyst, Epic Ambulatory — HCA Healthcare" works for HCA Healthcare.
    employer = min(segments, key=lambda s: (lean[s], s in split))
    if lean[title] > 0:
        role.title = title
    if employer != role.title and lean[employer] < 0:
        role.employer = employer
    for tail, head in split.items():  # the title keeps what was split off it and is not the employer
        if head == role.title and tail != role.employer and tail in segments:
            role.title = f"{head}, {tail}"
            segments.remove(tail)
    rest = [s for s in segments if s not in (role.title, role.employer)]
    if not role.title and rest:
        role.title = rest.pop(0)
    if not role.employer and rest:
        role.employer = rest.pop(0)
    bracketed = BRACKETED.fullmatch(role.title) if not role.employer else None
    if bracketed:  # "Sales Representative (Pfizer)", "Pfizer (Sales Representative)"
        outer, inner = bracketed.groups()
        notes = inner.lower() in vocab.SPECIALTIES or all(w in vocab.SPECIALTY_WORDS | ROLE_NOTES for w in inner.lower().split())
        if not notes and inner[:1].isupper():
            pair = (outer, inner) if _lean(outer) > 0 >= _lean(inner) else (inner, outer) if _lean(inner) > 0 >= _lean(outer) else None
            if pair:
                role.title, role.employer = pair
    if not role.employer and ", " in role.title:  # "Server, Olive Garden": a title, then a name
        title, employer = role.title.split(", ", 1)
        if _lean(title) > 0 and _lean(employer) <= 0 and employer[:1].isupper() and not all(
                w in vocab.SPECIALTY_WORDS for w in employer.lower().split()):
            role.title, role.employer = title, employer
    return role


BRACKETED = re.compile(r"(.+?)\s*\(([^()]+)\)")
# What a parenthesis after a title says of the job, not of whom it was for.
ROLE_NOTES = {"contract", "contractor", "travel", "remote", "hybrid", "part-time", "full-time", "per", "diem", "prn",
              "temporary", "temp", "interim", "locum", "internship", "intern", "volunteer", "seasonal", "promoted"}


def _trim(piece: str) -> str:
    """A header piece without the separators around it, and without a parenthesis left
    unpaired by the split ("(Surgical Nurse)" keeps both of its own; "Pfizer (" of
    "Pfizer (2019 – 2021)" loses its own)."""
    piece = piece.strip(" ,;:|–—-")
    while True:
        extra = "(" if piece.count("(") > piece.count(")") else ")" if piece.count(")") > piece.count("(") else ""
        if not extra or extra not in (piece[:1], piece[-1:]):
            return piece
        piece = (piece[1:] if piece[:1] == extra else piece[:-1]).strip(" ,;:|–—-")


def _with_specialties(segments: list[str], lines: list[str]) -> tuple[list[str], dict[str, str]]:
    """A title and the specialty after its dash are one title: "Sales Representative –
    Primary Care", not the title and an employer called Primary Care. Also returns each
    joined title's own title, which leans as it did."""
    out: list[str] = []
    titles: dict[str, str] = {}
    for segment in segments:
        words = segment.lower().split()
        specialty = segment.lower() in vocab.SPECIALTIES or len(words) <= 3 and all(
            w in vocab.SPECIALTY_WORDS for w in words)  # "Cardiovascular ICU"
        if out and specialty and _lean(out[-1]) > 0:
            pair = re.compile(re.escape(out[-1]) + r"\s+[–—-]\s+" + re.escape(segment))
            joined = next((m.group(0) for line in lines for m in [pair.search(line)] if m), None)
            if joined:
                titles[joined] = titles.get(out[-1], out[-1])
                out[-1] = joined
                continue
        out.append(segment)
    return out, titles


def build_roles(section: Section) -> list[Role]:
    """Group a role section's lines into roles: header lines, then the role's items."""
    roles: list[Role] = []
    header: list[Paragraph] = []
    items: list[Paragraph] = []

    def close():
        if not header and not items:
            return
        role = parse_role_header([" | ".join(p.fields) if p.fields else p.text for p in header])
        role.anchor = (header or items)[0].anchor
        role.section = section.kind
        if roles and not role.employer and roles[-1].employer and role.title and header and len(header) == 1:
            role.employer = roles[-1].employer  # a promotion listed under the same employer
        role.bullets = [b for p in items for b in bullets_from(p, section.kind)]
        if len(items) == 1 and not items[0].list_kind and len(role.bullets) == 1:
            role.bullets[0].kind = "prose"
        roles.append(role)

    dated = False  # whether the header lines so far give dates
    for p in section.lines:
        if _is_label(p):
            continue  # "Key accomplishments:" introduces the role's bullets; it is neither
        if not p.list_kind and _is_header_line(p):
            has_dates = find_range(p.text) is not None
            if items or dated and has_dates and _complete(header):
                close()  # a role listed without bullets ends where the next dated title begins
                header, items, dated = [], [], False
            header.append(p)
            dated = dated or has_dates
        else:
            items.append(p)
    close()
    return roles


def _complete(header: list[Paragraph]) -> bool:
    """Header lines that already name a title and its dates: a role of their own."""
    role = parse_role_header([" | ".join(p.fields) if p.fields else p.text for p in header])
    return bool(role.title and role.start)


def bullet_from(p: Paragraph, section: str) -> Bullet:
    return Bullet(id="", anchor=p.anchor, text=p.text, section=section, glyph=p.glyph)


def bullets_from(p: Paragraph, section: str) -> list[Bullet]:
    """The paragraph's bullet, or its bullets when several were typed in it a line apart
    ("• Grew ...<line break>• Trained ..."): each is judged alone, and each anchor names the
    paragraph and the line ("...#p4~2")."""
    glyph = re.escape(p.glyph) if p.glyph and not p.glyph[0].isalnum() and p.glyph not in "-–—*" else ""
    # A dash typed inside a line is punctuation ("post-CABG"); it parts bullets only after a line break.
    pieces = p.lines or (re.split(rf"\s+{glyph}\s+", p.text) if glyph else [p.text])
    if len(pieces) < 2 or not read_as_bullets(pieces):
        return [bullet_from(p, section)]
    return [Bullet(id="", anchor=f"{p.anchor}~{n}", text=piece, section=section, glyph=p.glyph)
            for n, piece in enumerate(pieces, 1)]


def read_as_bullets(pieces: list[str]) -> bool:
    """Whether pieces split at inline glyphs are bullets, each a capitalised phrase of three
    words or more: "• Tools: Salesforce • Veeva • Excel" is one list, not three bullets."""
    return all((piece[:1].isupper() or piece[:1].isdigit()) and len(piece.split()) >= 3 for piece in pieces)


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
