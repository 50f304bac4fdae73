"""Dates as resumes write them: "Jan 2019 – Present", "03/2017 - 06/2019", "2015–2018",
"Jun '19 – Pres.", "Q3 2020 – Q1 2022"."""

from __future__ import annotations

import re
from functools import lru_cache

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
_SHORT_YEAR = r"['’]\d\d"  # '19
DATE = (rf"(?:{_MONTH},?\s+(?:{_YEAR}|{_SHORT_YEAR})|(?:0?[1-9]|1[0-2])[/.]{_YEAR}"
        rf"|{_YEAR}[-/.](?:0[1-9]|1[0-2])(?!\d)|(?:{_SEASON}|q[1-4])\s+{_YEAR}|{_YEAR}|{_SHORT_YEAR})")
PRESENT = r"(?:present|pres\.?|current(?:ly)?|now|today|ongoing|(?:to|till|til)\s+date|date)"  # "2019 to date"
RANGE_RE = re.compile(
    rf"(?<![\w/])({DATE})\s*(?:--?|–|—|‐|−|to|through|until|thru)\s*({DATE}|{PRESENT})(?![\w/])",
    re.IGNORECASE,
)
# "6/19 – 8/21": a month and a two-digit year, read as a date only in a range (alone, "6/19" is a day).
_SLASH_SHORT = r"(?:0?[1-9]|1[0-2])/\d\d"
SLASH_SHORT_RANGE_RE = re.compile(
    rf"(?<![\w/])({_SLASH_SHORT})\s*(?:--?|–|—|‐|−|to|through|until|thru)\s*({_SLASH_SHORT}|{PRESENT})(?![\w/])",
    re.IGNORECASE,
)
SINGLE_RE = re.compile(rf"(?<![\w/])({DATE})(?![\w/])", re.IGNORECASE)
# "May–Aug 2021": two months of one year, the year written once
MONTH_SPAN_RE = re.compile(
    rf"(?<![\w/])({_MONTH})\s*(?:--?|–|—|‐|−|to|through|until|thru)\s*({_MONTH}),?\s+({_YEAR}|{_SHORT_YEAR})(?![\w/])",
    re.IGNORECASE,
)
SHORT_YEAR_RE = re.compile(_SHORT_YEAR)
YEAR_RE = re.compile(rf"{_YEAR}|{_SHORT_YEAR}")  # every date above has a year: text without one has no date
PRESENT_RE = re.compile(PRESENT)
MONTH_YEAR_RE = re.compile(rf"({_MONTH}),?\s+(\d{{4}})")
MONTH_SLASH_YEAR_RE = re.compile(r"(\d{1,2})[/.](\d{4})")
YEAR_DASH_MONTH_RE = re.compile(r"(\d{4})[-/.](\d{2})")
SLASH_SHORT_RE = re.compile(r"(\d{1,2})/(\d\d)")


def normalise(date: str) -> str:
    """"Jan 2019" -> "2019-01", "03/2017" -> "2017-03", "2015" -> "2015", "Present" -> "present"."""
    d = date.strip().lower().rstrip(".")
    if PRESENT_RE.fullmatch(d):
        return "present"
    d = SHORT_YEAR_RE.sub(_full_year, d)
    m = MONTH_YEAR_RE.match(d)
    if m:
        return f"{m.group(2)}-{MONTHS[m.group(1)[:3]]:02d}"
    m = MONTH_SLASH_YEAR_RE.fullmatch(d)
    if m:
        return f"{m.group(2)}-{int(m.group(1)):02d}"
    m = SLASH_SHORT_RE.fullmatch(d)
    if m:
        return f"{_full_year(m)}-{int(m.group(1)):02d}"
    m = YEAR_DASH_MONTH_RE.fullmatch(d)
    if m:
        return f"{m.group(1)}-{m.group(2)}"
    m = re.search(r"\d{4}", d)
    return m.group(0) if m else ""



def _full_year(m: re.Match) -> str:
    """'19 is 2019, '98 is 1998 (and the year of "6/19")."""
    yy = int(m.group(m.lastindex or 0)[-2:])
    return f"{2000 + yy if yy < 50 else 1900 + yy}"


@lru_cache(maxsize=4096)  # the reader asks of a role's header lines more than once
def find_range(text: str) -> tuple[str, str, tuple[int, int]] | None:
    """The first date range in the text: (start, end, span), or a single date as start."""
    if not YEAR_RE.search(text):
        m = SLASH_SHORT_RANGE_RE.search(text) if "/" in text else None
        return (normalise(m.group(1)), normalise(m.group(2)), m.span()) if m else None
    m = RANGE_RE.search(text)
    if m:
        return normalise(m.group(1)), normalise(m.group(2)), m.span()
    m = MONTH_SPAN_RE.search(text)
    if m:
        year = m.group(3)
        return normalise(f"{m.group(1).rstrip('.')} {year}"), normalise(f"{m.group(2).rstrip('.')} {year}"), m.span()
    m = SINGLE_RE.search(text)
    if m:
        since = SINCE_RE.search(text, 0, m.start())  # "Since 2020": it runs on
        return normalise(m.group(1)), "present" if since else "", (since.start() if since else m.start(), m.end())
    return None


SINCE_RE = re.compile(r"\bsince\s+$", re.IGNORECASE)
