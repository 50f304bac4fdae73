"""Where a posting's job is and where the resume places the candidate: a territory role
usually asks its rep to live in it. A line of the report, never text in the resume."""

from __future__ import annotations

import re
from dataclasses import dataclass

from resumefit.ingest.vocabulary import US_STATE_CODES

LONGEST_FIRST = sorted(US_STATE_CODES, key=len, reverse=True)  # "West Virginia" before "Virginia"


@dataclass
class PlaceMatch:
    posting: str  # "Dallas, TX", "North Texas", or "remote"
    resume: str  # the resume's contact location, or ""

    @property
    def mark(self) -> str:
        if self.posting == "remote" or self.resume and _city(self.resume) == _city(self.posting):
            return "✓"
        apart = self.resume and _state(self.resume) and _state(self.posting) and _state(self.resume) != _state(self.posting)
        return "✗" if apart else "·"

    @property
    def said(self) -> str:
        if self.posting == "remote":
            return "the posting is remote"
        where = f"the posting is in {self.posting}"
        if not self.resume:
            return f"{where}; your resume gives no location, and recruiters for territory roles look for one"
        if self.mark == "✓":
            return f"{where}, where your resume places you"
        if self.mark == "✗":
            return (f"{where}; your resume places you in {self.resume}. A territory role usually asks its rep "
                    "to live in it: if you would move, say so in your summary or cover letter")
        same = " (the same state)" if _state(self.resume) and _state(self.resume) == _state(self.posting) else ""
        return f"{where}; your resume places you in {self.resume}{same}"

    def to_dict(self) -> dict:
        return {"posting": self.posting, "resume": self.resume, "mark": self.mark, "said": self.said}


def match_place(posting: str, resume_location: str) -> PlaceMatch | None:
    """None when the posting does not say where the job is; a resume that says "Remote"
    places its candidate nowhere."""
    if not posting:
        return None
    return PlaceMatch(posting, "" if resume_location.lower() in ("remote", "hybrid") else resume_location)


def _city(place: str) -> str:
    return place.split(",")[0].strip().lower()


def _state(place: str) -> str:
    """The US state a place is in, as its code: "TX" for "Dallas, TX", "Austin, Texas" and
    "North Texas" ("Kansas City, MO" is in Missouri); "" when it names none ("Manchester, UK")."""
    region = re.sub(r"\s+\d{5}$", "", place.rsplit(",", 1)[-1].strip()) if "," in place else place
    if region in US_STATE_CODES.values():
        return region
    low = region.lower()
    return next((US_STATE_CODES[name] for name in LONGEST_FIRST if re.search(rf"\b{name}\b", low)), "")
