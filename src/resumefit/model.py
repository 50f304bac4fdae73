"""Plain data that flows through the pipeline. No I/O, no spaCy."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields


@dataclass
class Paragraph:
    """One paragraph of the document as the reader saw it, in reading order.

    `anchor` is "<part>#p<N>": N is the paragraph's position among all `w:p`
    elements of that part in document order, so later edits find it again.
    """

    anchor: str
    part: str  # "body", "header", "footer"
    text: str
    style: str = ""  # style name, lowercased ("heading 1", "list bullet")
    heading_level: int = 0  # 1.. from a heading style or outline level
    list_kind: str = ""  # "bullet", "number", or "" when not a list item
    glyph: str = ""  # typed bullet glyph removed from the text
    list_level: int = 0
    bold: bool = False  # every visible run is bold
    caps: bool = False  # all-caps text or caps formatting
    size: float = 0.0  # largest font size in points seen in its runs, 0 if unknown
    in_table: bool = False
    in_textbox: bool = False
    hidden_text: str = ""  # text marked hidden (w:vanish): recorded, not content
    links: list[str] = field(default_factory=list)  # hyperlink targets
    stuffed_text: str = ""  # white or tiny text: a keyword-stuffing trick
    fields: list[str] = field(default_factory=list)  # the text's parts between tabs, when it has tabs
    lines: list[str] = field(default_factory=list)  # glyph-led lines typed in it a line apart, without the glyph


@dataclass
class Bullet:
    id: str
    anchor: str  # its paragraph's anchor; "...#p4~2" for the second of bullets typed in one paragraph
    text: str
    section: str  # the section kind ("experience", "skills" ...)
    role: int | None = None  # index into Resume.roles
    kind: str = "bullet"  # "bullet" (a list item) or "prose" (a role's only paragraph)
    glyph: str = ""


@dataclass
class Role:
    title: str = ""
    employer: str = ""
    location: str = ""
    start: str = ""  # YYYY-MM, YYYY, or "" when unknown
    end: str = ""  # YYYY-MM, YYYY, "present", or ""
    dates: str = ""  # as the header writes them: "Summer 2021", "Jun '19 – Pres."
    header: list[str] = field(default_factory=list)  # the raw lines the role was read from
    anchor: str = ""
    section: str = "experience"
    bullets: list[Bullet] = field(default_factory=list)

    @property
    def current(self) -> bool:
        return self.end == "present"


@dataclass
class Section:
    kind: str  # canonical kind: summary, experience, education, skills, ... or "other"
    heading: str  # the heading as written ("" for the text before the first heading)
    anchor: str = ""
    standard: bool = True  # the heading is a name ATS software recognises
    lines: list[Paragraph] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)


@dataclass
class Contact:
    name: str = ""
    email: str = ""
    phone: str = ""
    linkedin: str = ""
    location: str = ""
    websites: list[str] = field(default_factory=list)
    in_header_only: bool = False  # found only in the page header or footer


@dataclass
class Layout:
    """Facts about the document an applicant tracking system may trip on."""

    tables: int = 0
    layout_tables: int = 0  # tables holding resume content rather than data
    text_boxes: int = 0
    images: int = 0
    columns: int = 1  # most columns in any section (w:cols)
    hidden_text: list[str] = field(default_factory=list)
    stuffed_text: list[str] = field(default_factory=list)  # white or tiny text
    nonstandard_headings: list[str] = field(default_factory=list)
    fonts: list[str] = field(default_factory=list)
    pages: int = 1  # an estimate unless the file records it
    words: int = 0
    external_links: int = 0  # relationships pointing outside the file; never followed
    tracked_changes: int = 0  # 1 when edits are pending, neither accepted nor rejected
    comments: int = 0  # Word comments still in the file (a reviewer's, or resumefit's own)


@dataclass
class Finding:
    rule: str  # stable id, "RF-CORE-001"
    name: str  # selectable alias, "core.metric.missing"
    level: str  # error | warning | info
    message: str
    anchor: str = ""
    bullet: str = ""  # bullet id, "" for resume-level findings
    section: str = ""
    text: str = ""
    span: tuple[int, int] | None = None
    suggestion: str = ""
    fix: dict | None = None  # {"span": [start, end], "replacement": "..."}: safe to apply
    segment: str = ""
    score: str = "none"  # which score part this finding counts against


@dataclass
class ScorePart:
    name: str  # keywords | metrics | language | layout
    weight: float
    value: float  # 0..1
    detail: str
    rules: list[str] = field(default_factory=list)  # rule ids whose findings moved it


@dataclass
class Score:
    segment: str
    score: int  # 0..100, the weighted sum of the parts
    parts: list[ScorePart]
    matched: dict[str, list[dict]] = field(default_factory=dict)  # category -> [{term, text, anchor}]
    missing: dict[str, list[str]] = field(default_factory=dict)  # category -> terms
    areas: list[str] = field(default_factory=list)  # fields of work the resume shows in the segment's terms, most first


@dataclass
class LinkedInPosition:
    company: str
    title: str
    description: str = ""
    location: str = ""
    start: str = ""  # YYYY-MM or YYYY
    end: str = "present"  # an empty "Finished On" is the current role


@dataclass
class LinkedInCertification:
    name: str
    authority: str = ""
    url: str = ""
    start: str = ""
    end: str = ""
    license_number: str = ""  # never written to an output unmasked


@dataclass
class LinkedInEducation:
    school: str
    degree: str = ""
    start: str = ""
    end: str = ""
    notes: str = ""
    activities: str = ""


@dataclass
class LinkedInProfile:
    """What a LinkedIn data export says about its owner."""

    source: str
    first_name: str = ""
    last_name: str = ""
    headline: str = ""
    about: str = ""
    industry: str = ""
    location: str = ""
    websites: str = ""
    positions: list[LinkedInPosition] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    certifications: list[LinkedInCertification] = field(default_factory=list)
    education: list[LinkedInEducation] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    projects: list[str] = field(default_factory=list)
    honors: list[str] = field(default_factory=list)
    courses: list[str] = field(default_factory=list)
    recommendations: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)  # the export's files that were read
    private: list[str] = field(default_factory=list)  # contact details and licence numbers: masked in outputs

    @property
    def name(self) -> str:
        return " ".join(x for x in (self.first_name, self.last_name) if x)


@dataclass
class Resume:
    source: str
    main_part: str
    paragraphs: list[Paragraph]
    contact: Contact
    sections: list[Section]
    roles: list[Role]
    bullets: list[Bullet]
    skills: list[str]
    education: list[str]
    certifications: list[str]
    layout: Layout
    linkedin: LinkedInProfile | None = None  # set when the "resume" is a LinkedIn profile

    @property
    def kind(self) -> str:
        return "linkedin" if self.linkedin is not None else "resume"

    def section(self, kind: str) -> Section | None:
        return next((s for s in self.sections if s.kind == kind), None)

    def to_dict(self) -> dict:
        """The structured resume for `parse --format json` (no raw paragraphs)."""
        return {
            "source": self.source,
            "contact": asdict(self.contact),
            "sections": [
                {"kind": s.kind, "heading": s.heading, "anchor": s.anchor, "standard": s.standard}
                for s in self.sections
            ],
            "roles": [
                {
                    "title": r.title,
                    "employer": r.employer,
                    "location": r.location,
                    "start": r.start,
                    "end": r.end,
                    "section": r.section,
                    "anchor": r.anchor,
                    "bullets": [
                        {"id": b.id, "anchor": b.anchor, "kind": b.kind, "text": b.text}
                        for b in r.bullets
                    ],
                }
                for r in self.roles
            ],
            "skills": self.skills,
            "education": self.education,
            "certifications": self.certifications,
            "layout": asdict(self.layout),
        }


def plain(obj) -> dict:
    """A dataclass as a dict for JSON, one level deep (nested dataclasses converted too).
    `dataclasses.asdict` deep-copies every value, which costs a third of a batch review."""
    names = _FIELD_NAMES.get(type(obj))
    if names is None:
        names = _FIELD_NAMES[type(obj)] = tuple(f.name for f in fields(obj))
    out = {}
    for name in names:
        value = getattr(obj, name)
        if isinstance(value, list) and value and hasattr(value[0], "__dataclass_fields__"):
            value = [plain(v) for v in value]
        out[name] = list(value) if isinstance(value, tuple) else value
    return out


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}  # `fields()` builds its tuple anew at every call


def paragraph_anchor(anchor: str) -> str:
    """The paragraph an anchor names: "...#p4~2" (a bullet typed in it) is in "...#p4"."""
    return anchor.split("~", 1)[0]
