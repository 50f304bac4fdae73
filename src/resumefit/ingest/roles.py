"""Roles: a role section's lines grouped into roles (header lines, then items), each
header read for its title, employer, place and dates, and its items for their bullets."""

from __future__ import annotations

import re

from resumefit.ingest import vocabulary as vocab
from resumefit.ingest.dates import find_range
from resumefit.model import Bullet, Paragraph, Role, Section

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


def is_line_label(p: Paragraph) -> bool:
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
    inner = [n for n in range(1, len(parts) - 1) if org(parts[n])]
    if len(inner) == 1:  # "ICU, Mercy Hospital, Sacramento CA": a unit, the employer, a place
        n = inner[0]
        before, after = ", ".join(parts[:n]), ", ".join(parts[n + 1:])
        if not org(before) and not org(after):
            return [before, parts[n], after]
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
            a, b = found[2]
            ranges.append((*found[:2], line[a:b].strip()))
            line = line[:a] + " | " + line[b:]
        loc = vocab.LOCATION_RE.search(line)
        if loc and not role.location:
            role.location = loc.group(0)
            line = line[:loc.start()] + " | " + line[loc.end():]
        for piece in _SEPARATORS.split(line):
            piece = _trim(piece)
            note = NOTE.fullmatch(piece)
            if note and note.group(1).lower() in ROLE_NOTES:
                continue  # "(promoted 2017)" says something of the job, not who or what it was
            parts = _split_at_comma(piece)
            place = next((p for p in parts if CITY_STATE.fullmatch(p)), None)
            if place and not role.location:  # "Sacramento CA", a place written without its comma
                role.location = place
                parts.remove(place)
            if len(parts) == 2:
                split[parts[1]] = parts[0]
            segments += parts
    if ranges:  # an employer's span above a title's own ("Stryker 2017 – Present", "Senior Rep 2021 – Present")
        role.start, role.end, role.dates = max(ranges, key=lambda r: r[0])
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
NOTE = re.compile(r"\((\w[\w-]*)[^()]*\)")  # a piece that is all one parenthesis: "(promoted 2017)"
CITY_STATE = re.compile(rf"[A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+){{0,3}} (?:{'|'.join(vocab.US_STATES)})")
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
        if is_line_label(p):
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
