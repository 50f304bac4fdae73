"""Where a posting's job is and where the resume places the candidate: a territory role
usually asks its rep to live in it. A line of the report, never text in the resume."""

from __future__ import annotations

import re
from dataclasses import dataclass

STATE_NAMES = {
    "alabama": "AL", "alaska": "AK", "arizona": "AZ", "arkansas": "AR", "california": "CA", "colorado": "CO",
    "connecticut": "CT", "delaware": "DE", "florida": "FL", "georgia": "GA", "hawaii": "HI", "idaho": "ID",
    "illinois": "IL", "indiana": "IN", "iowa": "IA", "kansas": "KS", "kentucky": "KY", "louisiana": "LA",
    "maine": "ME", "maryland": "MD", "massachusetts": "MA", "michigan": "MI", "minnesota": "MN",
    "mississippi": "MS", "missouri": "MO", "montana": "MT", "nebraska": "NE", "nevada": "NV",
    "new hampshire": "NH", "new jersey": "NJ", "new mexico": "NM", "new york": "NY", "north carolina": "NC",
    "north dakota": "ND", "ohio": "OH", "oklahoma": "OK", "oregon": "OR", "pennsylvania": "PA",
    "rhode island": "RI", "south carolina": "SC", "south dakota": "SD", "tennessee": "TN", "texas": "TX",
    "utah": "UT", "vermont": "VT", "virginia": "VA", "washington": "WA", "west virginia": "WV",
    "wisconsin": "WI", "wyoming": "WY",
}


@dataclass
class PlaceMatch:
    posting: str  # "Dallas, TX", or "remote"
    resume: str  # the resume's contact location, or ""

    @property
    def mark(self) -> str:
        if self.posting == "remote" or self.resume and _city(self.resume) == _city(self.posting):
            return "✓"
        return "·" if not self.resume or _region(self.resume) == _region(self.posting) else "✗"

    @property
    def said(self) -> str:
        if self.posting == "remote":
            return "the posting is remote"
        where = f"the posting is in {self.posting}"
        if not self.resume:
            return f"{where}; your resume gives no location, and recruiters for territory roles look for one"
        if self.mark == "✓":
            return f"{where}, where your resume places you"
        if self.mark == "·":
            return f"{where}; your resume places you in {self.resume}, in the same state"
        return (f"{where}; your resume places you in {self.resume}. A territory role usually asks its rep "
                "to live in it: if you would move, say so in your summary or cover letter")

    def to_dict(self) -> dict:
        return {"posting": self.posting, "resume": self.resume, "mark": self.mark, "said": self.said}


def match_place(posting: str, resume_location: str) -> PlaceMatch | None:
    return PlaceMatch(posting, resume_location) if posting else None


def _city(place: str) -> str:
    return place.split(",")[0].strip().lower()


def _region(place: str) -> str:
    """"TX" for "Dallas, TX" and for "Austin, Texas"."""
    region = place.rsplit(",", 1)[-1].strip()
    region = re.sub(r"\s+\d{5}$", "", region)
    return STATE_NAMES.get(region.lower(), region.upper())
