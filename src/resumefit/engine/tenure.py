"""A posting's asks in years ("2+ years of B2B sales experience") and what the resume's
roles add up to, from their own dates. A line of the report, never text in the resume."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from resumefit.ingest.dates import MONTHS

YEARS_ASK = re.compile(r"\b(\d{1,2})\s*\+?\s*(?:(?:-|–|to)\s*\d{1,2}\s*\+?\s*)?(?:years?|yrs?)\b['’]?(?:\s+of)?\s+"
                       r"(?P<what>[^.;:()]{0,60}?)\bexperience\b"
                       r"(?:\s+(?P<after>(?:in|with|selling|as an?|as)\s+[^.;:(),]{1,40}?)(?=\s*(?:[.;:(),]|(?-i:\bor\b|\band\b)|$)))?",
                       re.I)
SALES_TITLE = re.compile(r"\b(sales|representative|rep|account (executive|manager|director)|territory (manager|lead)|"
                         r"business (development|manager)|key account|(district|regional) manager)\b", re.I)
CLINICAL_TITLE = re.compile(r"\b(nurse|rn|lpn|technologist|technician|tech|therapist|pharmacist|physician|paramedic|emt|"
                            r"medical assistant|corpsman|dietitian|hygienist|athletic trainer|perfusionist|sonographer|"
                            r"radiographer|surgical assistant|clinical specialist|clinical research|medic|scribe|"
                            r"phlebotomist|cna|audiologist|optometrist|midwife|dentist)\b", re.I)
SALES_ASK = re.compile(r"\b(sales|selling|quota|account management|business development|b2b)\b", re.I)
CLINICAL_ASK = re.compile(r"(?i:\b(?:clinical|nursing|hospital|patient care|healthcare|operating room|surgical|"
                          r"laboratory|pharmacy|critical care|emergency|icu)\b)|\b(?:OR|EMS)\b")
KIND_TITLES = {"sales": SALES_TITLE, "clinical": CLINICAL_TITLE}


@dataclass
class YearsAsk:
    asked: str  # as the posting writes it: "2+ years of B2B sales experience"
    years: int
    kind: str  # "sales", "clinical", or "any" role
    required: bool
    months: int = 0  # what the resume's roles of that kind add up to, overlaps counted once
    roles: list[str] = field(default_factory=list)  # "Sales Associate at Lululemon, May 2014 – Aug 2018"
    one_date: list[str] = field(default_factory=list)  # "Sales Intern at Stryker (Summer 2021)": how long, unknown
    either: list[YearsAsk] = field(default_factory=list, repr=False, compare=False)  # "..., or 2+ years of B2B sales"

    @property
    def covered_by(self) -> str:
        """An alternative in the same sentence that the resume meets, when this one it does not."""
        return next((other.asked for other in self.either if other.met), "") if not self.met else ""

    @property
    def mark(self) -> str:
        return "✓" if self.met else "·" if self.covered_by else "✗"

    @property
    def met(self) -> bool:
        return self.months >= 12 * self.years

    @property
    def held(self) -> str:
        """"about 4 years", "under a year": whole years, never rounded up."""
        whole = self.months // 12
        return "under a year" if whole < 1 else f"about {whole} year{'s' if whole > 1 else ''}"

    @property
    def said(self) -> str:
        """What the resume's own dates add up to, in a sentence for the report."""
        kind = f"{self.kind} roles" if self.kind != "any" else "roles"
        if self.roles:
            said = f"your {kind} add up to {self.held} ({'; '.join(self.roles)})"
        else:
            said = f"no dated role in the resume has a {self.kind} title" if self.kind != "any" else \
                "no role in the resume gives its dates"
        if self.one_date:
            one = len(self.one_date) == 1
            said += (f"; {', '.join(self.one_date)} give{'s' if one else ''} one date, so {'it is' if one else 'they are'} "
                     f"not added: give {'its' if one else 'their'} start and end")
        return said + (f"; the posting takes {self.covered_by} instead" if self.covered_by else "")

    def to_dict(self) -> dict:
        return {"asked": self.asked, "years": self.years, "kind": self.kind, "required": self.required,
                "months": self.months, "met": self.met, "mark": self.mark, "roles": self.roles,
                "one_date": self.one_date, "said": self.said, "either": [other.asked for other in self.either]}


def years_asked(lines: list[str], preferred: list[bool]) -> list[YearsAsk]:
    """Each ask in years, once, with the kind of role it is about."""
    asks: dict[str, YearsAsk] = {}
    for line, wished in zip(lines, preferred):
        previous, end = None, 0
        for m in YEARS_ASK.finditer(line):
            what = f"{m.group('what')} {m.group('after') or ''}"
            kind = "sales" if SALES_ASK.search(what) else "clinical" if CLINICAL_ASK.search(what) else "any"
            asked = " ".join(m.group(0).split())
            ask = asks.setdefault(asked.lower(), YearsAsk(asked, int(m.group(1)), kind, not wished))
            if previous is not None and re.search(r"\bor\b", line[end:m.start()], re.I):
                ask.either.append(previous)  # "2+ years of pharmacy experience, or 2+ years of B2B sales"
                previous.either.append(ask)
            previous, end = ask, m.end()
    return list(asks.values())


def add_up(ask: YearsAsk, roles, today: tuple[int, int]) -> None:
    """The months the resume's experience roles of the ask's kind cover, from their dates;
    a role with one date ("Summer 2021") is named but not added, and a year alone counts
    from January (a "2019 – 2021" role is two years, not three): the figure never flatters."""
    titled = KIND_TITLES.get(ask.kind)
    spans = []
    for role in roles:
        if role.section != "experience" or titled and not titled.search(role.title or ""):
            continue
        span = _months(role.start, role.end, today)
        label = " at ".join(x for x in (role.title, role.employer) if x)
        if span:
            spans.append(span)
            ask.roles.append(f"{label}, {_shown(role.start)} – {_shown(role.end)}")
        elif role.start and not role.end and label:
            ask.one_date.append(f"{label} ({role.dates or _shown(role.start)})")
    covered, reach = 0, -1
    for start, end in sorted(spans):
        covered += max(0, end - max(start, reach))
        reach = max(reach, end)
    ask.months = covered


def _months(start: str, end: str, today: tuple[int, int]) -> tuple[int, int] | None:
    """(first month, month after the last) as month numbers, or None without both dates."""
    if not start or not end:
        return None
    first = _index(start)
    last = today[0] * 12 + today[1] if end == "present" else _index(end) + (1 if len(end) > 4 else 0)
    return (first, last) if first is not None and last is not None and last > first else None


def _index(date: str) -> int | None:
    year, _, month = date.partition("-")
    return int(year) * 12 + (int(month) - 1 if month else 0) if year.isdigit() else None


MONTH_NAMES = [name.capitalize() for name in MONTHS]  # "Jan" ... "Dec", in order


def _shown(date: str) -> str:
    """"2014-05" as "May 2014"; a year or "present" as it is."""
    year, _, month = date.partition("-")
    return f"{MONTH_NAMES[int(month) - 1]} {year}" if month.isdigit() and 1 <= int(month) <= 12 else date
