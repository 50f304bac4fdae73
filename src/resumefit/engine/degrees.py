"""A posting's asks for a degree ("Bachelor's degree required", "PharmD, PhD or MD") and
the degrees the resume's education section shows. A line of the report, never text in
the resume."""

from __future__ import annotations

import re
from dataclasses import dataclass

from resumefit.engine.facts import not_yet_held
from resumefit.ingest.posting import PREFERRED_LINE

LEVELS = ("associate", "bachelor", "master", "doctorate")  # each meets the asks of those before it
NAMED = {"associate": "associate degree", "bachelor": "bachelor's degree", "master": "master's degree",
         "doctorate": "doctorate"}
ASKED = {
    "associate": r"associate'?s?\s+degree",
    "bachelor": r"bachelor'?s?(?:\s+degree)?|b\.?a\.?\s*/\s*b\.?s\.?|b\.?s\.?\s*/\s*b\.?a\.?|(?:four|4)[- ]year\s+(?:college\s+|university\s+)?degree"
                r"|(?:college|undergraduate|university)\s+degree",
    "master": r"master'?s?(?:\s+degree)?|mba|graduate\s+degree|advanced\s+degree",
    "doctorate": r"pharm\.?\s?d\.?|ph\.?\s?d\.?|doctorate|doctoral\s+degree|m\.?d\.?(?=\s*(?:,|or|/|\)|required|preferred))",
}
ASK = re.compile("|".join(rf"(?P<{level}>\b(?:{pattern})\b)" for level, pattern in ASKED.items()), re.I)
# A line that asks for schooling, not one that names doctors ("call on MDs and PharmDs").
ASKING = re.compile(r"\b(?:degree|required|requires|preferred|education|diploma|or equivalent|a plus|desired)\b", re.I)

HELD = {
    "associate": r"associate(?:'s)?\s+(?:of|degree|in)|a\.?a\.?s?\.?|a\.?s\.?n?|adn",
    "bachelor": r"bachelor(?:'s)?(?:\s+(?:of|degree|in))?|b\.?s\.?n?\.?|b\.?a\.?|bba|b\.?sc\.?|bfa",
    "master": r"master(?:'s)?(?:\s+(?:of|degree|in))?|m\.?s\.?n?\.?|m\.?a\.?|mba|mph|mha|m\.?sc\.?|m\.?ed\.?|mpa",
    "doctorate": r"ph\.?\s?d\.?|pharm\.?\s?d\.?|m\.?d\.?|d\.?n\.?p\.?|d\.?p\.?t\.?|ed\.?d\.?|d\.?o\.?|doctor\s+of|doctorate",
}
DEGREE = re.compile("|".join(rf"(?P<{level}>(?<![\w.])(?:{pattern})(?!\w))" for level, pattern in HELD.items()), re.I)
DEGREE_WORDS = re.compile(r"(?:associate|bachelor|master|doctor)", re.I)


def _degree(text: str):
    """The first degree the line names: a word ("Bachelor of Science") in any case, an
    abbreviation only with two capitals ("BS", "B.S.", "PhD"), never "as", "Do" or "Ma"."""
    for m in DEGREE.finditer(text):
        if DEGREE_WORDS.match(m.group(0)) or sum(c.isupper() for c in m.group(0)) >= 2:
            return m
    return None


@dataclass
class DegreeAsk:
    asked: str  # as the posting writes it: "Bachelor's degree", "PharmD"
    level: str
    required: bool
    held: str = ""  # the resume's education line that meets it
    in_progress: bool = False

    @property
    def met(self) -> bool:
        return bool(self.held) and not self.in_progress

    @property
    def mark(self) -> str:
        return "✓" if self.met else "·" if self.held else "✗"

    @property
    def said(self) -> str:
        if self.met:
            return f"your education shows “{self.held}”"
        if self.held:
            return f"your education shows “{self.held}”, not yet earned"
        return f"no {NAMED[self.level]} or higher is in your education section"

    def to_dict(self) -> dict:
        return {"asked": self.asked, "level": self.level, "required": self.required, "held": self.held,
                "in_progress": self.in_progress, "met": self.met, "mark": self.mark, "said": self.said}


def degrees_asked(lines: list[str], preferred: list[bool]) -> list[DegreeAsk]:
    """Each level of degree the posting asks for, once; required if any line asks it so."""
    asks: dict[str, DegreeAsk] = {}
    for line, wished in zip(lines, preferred):
        if not ASKING.search(line):
            continue
        for clause in re.split(r"[;.]\s+|\s+and\s+(?=[A-Z])", line):
            by_level: dict[str, list[re.Match]] = {}
            for m in ASK.finditer(clause):
                by_level.setdefault(m.lastgroup, []).append(m)
            for level, found in by_level.items():
                first, last = found[0], found[-1]  # "PharmD, PhD, or MD": one ask, written whole
                asked = clause[first.start():last.end()] if last.start() - first.end() < 20 else first.group(0)
                # A line that says "preferred" itself is judged clause by clause ("Bachelor's
                # degree required; MBA preferred"); otherwise by its heading.
                required = not PREFERRED_LINE.search(clause) if PREFERRED_LINE.search(line) else not wished
                ask = asks.setdefault(level, DegreeAsk(" ".join(asked.split()), level, required))
                ask.required |= required
    return sorted(asks.values(), key=lambda a: LEVELS.index(a.level))


def held_degrees(resume) -> list[tuple[str, str, bool]]:
    """(level, education line, in progress) for each degree the education section names."""
    section = resume.section("education")
    found = []
    for p in section.lines if section is not None else []:
        text = p.text.strip()
        m = _degree(text)
        if m:
            found.append((m.lastgroup, text, not_yet_held(text, m.start(), m.end())))
    return found


def judge(ask: DegreeAsk, held: list[tuple[str, str, bool]]) -> None:
    """The education line that meets the ask: an earned degree at its level or above before
    one being worked toward."""
    meets = [(progress, line) for level, line, progress in held if LEVELS.index(level) >= LEVELS.index(ask.level)]
    if meets:
        ask.in_progress, ask.held = min(meets)
