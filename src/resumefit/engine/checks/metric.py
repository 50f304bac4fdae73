"""Measurable results in a bullet: percent, currency, counts, ranks, quota, growth, shares, scope.

Years, dates, time frames and product names with numbers ("COVID-19", "Windows 10")
are not results. Plain regular expressions with bounded repetition keep this linear.
"""

from __future__ import annotations

import re
from typing import NamedTuple

NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
WORD_NUMBERS = ("two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty "
                "fifty sixty hundred hundreds thousand thousands dozen dozens zero").split()

PCT = rf"(?:{NUM}\s?%?\s?[-–—]\s?{NUM}\s?(?:%|percent)|{NUM}\s?(?:%|percent))"

# Words between "of" and what was attained: "131% of annual target", "104% of FY plan".
QUALIFIERS = (r"(?:(?:annual|yearly|quarterly|monthly|weekly|sales|revenue|territory|regional|national|district|full-year|fy|launch|stretch"
              r"|the|my|our|their)\s+){0,2}")

PERIODS = r"(?:quarters|years|months|trimesters|periods)"

PATTERNS: list[tuple[str, re.Pattern]] = [
    ("quota", re.compile(rf"\b{PCT}\s+(?:of|to)\s+{QUALIFIERS}"
                         r"(?:quota|plan|goal|target|forecast|budget)\b"
                         # attainment: "quota attainment of 104%", "112% quota attainment", "121% attainment"
                         rf"|\b(?:(?:quota|plan|goal|target)\s+)?attainment\s*(?:of|at|was|:)?\s*{PCT}"
                         rf"|\b{PCT}\s+(?:(?:quota|plan|goal|target)\s+)?attainment\b", re.I)),
    # A streak: "9 consecutive quarters above quota".
    ("quota", re.compile(rf"\b(?:{NUM}|{'|'.join(WORD_NUMBERS[:10])})\s+(?:consecutive|straight)\s+"
                         rf"{PERIODS}\s+(?:above|over|at or above|at|exceeding|beating|ahead of|hitting|achieving|meeting|"
                         rf"of(?:\s+(?:hitting|exceeding|achieving|meeting|beating))?)\s+{QUALIFIERS}"
                         r"(?:quota|plan|goal|target)\b", re.I)),
    # Periods at quota: "hit quota 3 of 4 quarters", "3 of 4 quarters above plan".
    ("quota", re.compile(rf"\b(?:quota|plan|goal|target|quotas|goals|targets)\s+(?:in\s+)?{NUM}\s+(?:of|out of)\s+{NUM}\s+{PERIODS}\b"
                         rf"|\b{NUM}\s+(?:of|out of)\s+{NUM}\s+{PERIODS}\s+(?:at|above|over|exceeding|at or above)\s+"
                         rf"{QUALIFIERS}(?:quota|plan|goal|target)\b", re.I)),
    ("quota", re.compile(r"\bpresident'?s'?\s+(?:club|circle|award)|\bchairman'?s\s+(?:club|circle)|\bcircle\s+of\s+excellence"
                         r"|\b(?:rookie|rep|representative|salesperson)\s+of\s+the\s+(?:year|quarter)", re.I)),
    # A named award ("Launch Excellence Award", "DAISY Award"): recognition weighed as a result.
    ("award", re.compile(r"\b(?:[A-Z][\w'’&-]*\s+){1,5}Award\b")),
    ("rank", re.compile(r"\bfrom\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)\s+to\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)(?:\s+percentile)?\b"
                        r"|\b\d{1,2}(?:st|nd|rd|th)\s+percentile\b"
                        rf"|(?:\branked\s+)?#\s?\d+\b(?:\s+(?:of|out of)\s+{NUM})?"
                        rf"|\brank(?:ed)?\s+#?\d+\w*(?:\s*/\s*{NUM}|\s+(?:of|out of)\s+{NUM})?"
                        rf"|\b\d+(?:st|nd|rd|th)\s+(?:of|out of|in|among)\s+(?:{NUM}|(?:the\s+)?(?:nation|region|district|"
                        r"country|company|area|division))"
                        rf"|(?<!\d of the )\btop\s+{NUM}(?:\s?%|\s+(?:of|out of)\s+{NUM}(?![\d,]))?|\b(?:first|second|third)\s+(?:of|out of)\s+{NUM}\b"  # "3 of the top 5": a share
                        r"|\btop\s+(?:quartile|quintile|decile)\b"
                        # "No. 1 in the region", "number one rep", "finished first in the nation"
                        rf"|\b(?:ranked\s+)?(?:no\.\s?\d{{1,3}}|number\s+one)(?:\s+(?:of|out of)\s+{NUM}(?![\d,])|(?=\s+(?:in|among|rep|"
                        r"representative|seller|producer|account manager|territory|nationally|regionally)\b))"
                        r"|\b(?:first|second|third|fourth|fifth)\s+(?:(?:in|among)\s+(?:the\s+|my\s+|our\s+)?(?:nation|region|district|"
                        r"country|company|area|division|business unit|sales force)\b|nationally\b|regionally\b)", re.I)),
    # Before percent and currency: "from 62% to 81%" is one result, not two numbers.
    ("growth", re.compile(rf"\bfrom\s+[$€£]?{NUM}[%kmKM+]?(?:\s+[a-z]+)?\s+to\s+[$€£]?{NUM}(?:\s?%|[kmb]\b|\+)?"
                          r"|\b(?:doubled|tripled|quadrupled|halved)\b|\b\d+(?:\.\d+)?x\b|\b\d+-fold\b"
                          r"|\b(?:double|triple)[- ]digits?(?:\s+(?:growth|increase|gains?))?\b"
                          r"|\bfrom\s+tier\s+(?:\d|[iv]{1,3})\s+to\s+tier\s+(?:\d|[iv]{1,3})\b", re.I)),  # formulary access
    ("percent", re.compile(rf"(?<![\w.])(?:{PCT}|{NUM}\s?(?:pct|percentage points?|bps)\b)", re.I)),
    ("currency", re.compile(rf"(?:[$€£]|\b(?:usd|eur|gbp)\s?){NUM}\s?(?:[kmb]\b|mm\b|million\b|billion\b|thousand\b)?"
                            rf"|\b{NUM}\s?(?:million|billion)\b", re.I)),
    ("ratio", re.compile(r"(?<![\w/])(?!24/7)\d{1,3}(?:\.\d+)?\s?/\s?\d{1,3}(?:\.\d+)?(?![\w/])")),
    ("share", re.compile(rf"(?<![\w#.,$€£-]){NUM}\s+(?:of|out of)\s+(?:the\s+|our\s+|my\s+|their\s+)?(?:top\s+)?{NUM}(?![\w%])")),  # "6 of 8 IDNs", "2 of my 5 mentees"
    ("count", re.compile(rf"\b[nN]\s?=\s?{NUM}\b")),  # a study's size: "(n=212)"
    # A customer score: "an NPS of 72", "CSAT at 4.8", "net promoter score to 65".
    ("score", re.compile(rf"\b(?:nps|csat|net\s+promoter\s+score)(?:\s+scores?)?\s+(?:of|at|to|above|over|averaging)?\s*"
                         rf"\+?{NUM}\b", re.I)),
]

# Words after a number that make it a time frame, a product or a name rather than a result.
TIME_UNITS = {"year", "years", "yr", "yrs", "month", "months", "week", "weeks", "day", "days", "hour",
              "hours", "hr", "hrs", "minute", "minutes", "min", "mins", "am", "pm", "a.m.", "p.m.",
              "year-old", "o'clock", "weekends", "semesters", "semester", "quarters", "st", "nd", "rd", "th",
              "shift", "shifts", "nights", "evenings", "weekdays", "saturdays", "sundays"}
BEFORE_NOT_COUNT = {"windows", "office", "version", "v", "phase", "class", "stage", "type", "level", "grade",
                    "tier", "step", "iphone", "ipad", "series", "gen", "generation", "chapter", "section",
                    "part", "room", "suite", "floor", "fy", "q1", "q2", "q3", "q4", "route", "highway", "ward", "unit", "bay", "pod",
                    "icd", "cpt", "hl", "covid", "soc", "iso", "release", "r", "studio", "model", "form", "title", "schedule",
                    "january", "february", "march", "april", "may", "june", "july",
                    "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr",
                    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "spring", "summer", "fall",
                    "winter", "page", "no", "no.", "number", "tower", "building", "station", "lab", "gate"}
YEAR_PREPOSITIONS = {"in", "during", "since", "until", "circa", "by", "from", "to", "through"}
# Count nouns whose plural has no s, and "dozens of", "hundreds of".
SINGULAR_COUNTS = {"staff", "people", "personnel", "children", "of", "gpa", "fte", "ftes"}
COUNT_NOUNS = SINGULAR_COUNTS - {"of", "gpa"}  # what a phrase can end on: "90 cath lab staff"
# A number after a hyphen is a count only as the end of a range ("5-6 patients"), not a
# name's ("COVID-19").
# A word after a number: "P&T" and "OB/GYN" are one word; "accounts/month" is two.
WORD = r"[A-Za-z][\w'’.&-]*(?:/(?-i:[A-Z])[\w'’.&-]*)?"
# Numbers that name a thing, not count it: "1,800+ 911 calls" counts calls, "zero 483
# observations" counts FDA Form 483 findings.
NAME_NUMBERS = ("911", "483")
COUNT_BODY = (rf"(?<![\w$€£#./'’])(?<![^\d\s]-)({NUM}(?:[km](?![\w%/]))?|{'|'.join(WORD_NUMBERS)})(\+)?(?:-([a-z]+(?:-[a-z]+)?))?"
              rf"(?![\w%/])(?:\s+((?:(?:{'|'.join(NAME_NUMBERS)})\s+)?{WORD}))?(?:\s+({WORD}))?")
# The lookahead lets the search pass over letters no number starts with (30% faster).
COUNT = re.compile(rf"(?=[\d{''.join(sorted({w[0] for w in WORD_NUMBERS}))}])" + COUNT_BODY, re.I)
YEAR = re.compile(r"(?:19[5-9]\d|20[0-4]\d)")
IMPROVE_BY = re.compile(r"\b(?:increas|reduc|decreas|cut|grew|grow|improv|rais|boost|lower|shorten|lift|drove|expand)"
                        rf"\w*\b[^.;]{{0,60}}?\b(?:by\s+(?:half|a\s+(?:third|quarter)|two[- ]thirds|{NUM}|{'|'.join(WORD_NUMBERS[:10])})|in\s+half)\b"
                        r"(?:\s?%|\s+(?:percent|points?|pts|bps|seconds|minutes?|mins|hours?|days?|weeks?|months?)\b)?", re.I)


ORDINAL = re.compile(r"\d(?:st|nd|rd|th)\b", re.I)
TIMES = re.compile(r"\dx\b")
# What each pattern cannot match without (a cheap test of the text and its lowercase form):
# most bullets hold a number but no currency sign, ratio or rank.
NEEDS = [
    lambda text, low: (("%" in text or "percent" in low)
                       and any(w in low for w in ("quota", "plan", "goal", "target", "forecast", "budget", "attainment"))),
    lambda text, low: "consecutive" in low or "straight" in low,
    lambda text, low: " of " in low and any(w in low for w in ("quota", "plan", "goal", "target")),
    lambda text, low: ("president" in low or "chairman" in low or "excellence" in low
                       or ("year" in low or "quarter" in low) and "of" in low),
    lambda text, low: "Award" in text,
    lambda text, low: ("#" in text or "rank" in low or "top" in low or "first" in low or "second" in low
                       or "third" in low or "no." in low or "number one" in low or "fourth" in low or "fifth" in low
                       or ORDINAL.search(text) is not None),
    lambda text, low: ("from" in low or "bled" in low or "pled" in low or "fold" in low or "halved" in low
                       or "digit" in low or "x" in low and TIMES.search(low) is not None),
    lambda text, low: "%" in text or "percent" in low or "pct" in low or "bps" in low,
    lambda text, low: any(w in low for w in ("$", "€", "£", "usd", "eur", "gbp", "million", "billion")),
    lambda text, low: "/" in text,
    lambda text, low: " of " in low,
    lambda text, low: "=" in text,
    lambda text, low: "nps" in low or "csat" in low or "promoter" in low,
]

# Every pattern above needs a digit or one of these words; text with none has no result.
DIGIT = re.compile(r"\d")
SIGNAL_WORDS = ("president", "chairman", "excellence", "year", "quarter", "award", "doubled", "tripled", "quadrupled", "halved",
                "by half", "in half", "by a third", "thirds", "quartile", "quintile", "decile", "number one", "first",
                "second", "third", "fourth", "fifth", "digit", *WORD_NUMBERS)


def _has_signal(text: str) -> bool:
    if DIGIT.search(text):
        return True
    low = text.lower()
    return any(word in low for word in SIGNAL_WORDS)


class Metric(NamedTuple):  # a tuple: cheap to make, and a resume makes dozens
    kind: str
    start: int
    end: int
    text: str


# A time brought down to a figure: "cut door-to-balloon time to under 60 minutes" (a time
# alone, "60 minutes", is a time frame, not a result).
IMPROVE_TO = re.compile(r"\b(?:reduc|cut|lower|shorten|decreas|improv|brought|trimm|slash)"
                        rf"\w*\b[^.;]{{0,60}}?\bto\s+(?:(?:under|below|less\s+than|fewer\s+than|within|just|only)\s+)?"
                        rf"(?:{NUM}|{'|'.join(WORD_NUMBERS[:10])})\s+(?:seconds|minutes?|mins|hours?|hrs|days?|weeks?|months?)\b",
                        re.I)

# A time beaten: "promoted 10 months ahead of plan", "launched 3 weeks early" (a time alone,
# "in 26 months", is a time frame).
AHEAD = re.compile(rf"\b(?:{NUM}|{'|'.join(WORD_NUMBERS[:10])})\s+(?:days?|weeks?|months?|quarters?|years?)\s+"
                   r"(?:(?:ahead\s+of|before|earlier\s+than)\s+(?:the\s+|our\s+|my\s+)?(?:(?:typical|usual|expected|standard)\s+)?"
                   r"(?:plan|schedule|target|deadline|forecast|goal|timeline|path|track)\b|early\b)", re.I)


def find_metrics(text: str) -> list[Metric]:
    """Every measurable result in the text, as non-overlapping spans in order."""
    found: list[Metric] = []
    taken: list[tuple[int, int]] = []
    if not _has_signal(text):
        return found

    def add(kind: str, start: int, end: int) -> None:
        while end > start and text[end - 1] in ".,;: ":  # "14 surgeons." ends at the word
            end -= 1
        if any(start < b and a < end for a, b in taken):
            return
        taken.append((start, end))
        found.append(Metric(kind, start, end, text[start:end]))

    low = text.lower()
    for (kind, pattern), needs in zip(PATTERNS, NEEDS, strict=True):  # a pattern without its test is an error
        if not needs(text, low):
            continue
        for m in pattern.finditer(text):
            numbers = re.findall(r"\d+", m.group()) if kind == "growth" else []
            if numbers and all(YEAR.fullmatch(n) for n in numbers):
                continue  # "from 2015 to 2019" is a time frame
            if kind == "share":
                end = _noun_end(text, m.end()) or m.end()
                if _is_share(text, m.start(), end):
                    add(kind, m.start(), end)
                else:  # its numbers are not counts either: "2 of 3 years", "version 2 of 3"
                    taken.append((m.start(), end))
            elif kind == "growth" and m.group()[-1].isdigit():
                add(kind, m.start(), _unit_end(text, m.end()))  # "from 14 to 6 days", "from 28 to 42 patients"
            elif kind == "rank" and m.group()[:3].lower() == "top" and _ranks_nothing(text, m.end()):
                taken.append((m.start(), m.end()))  # "top 3 priorities": a list, no one ranked
            else:
                add(kind, m.start(), m.end())
    for m in IMPROVE_BY.finditer(text) if "by" in low or "half" in low else ():
        add("change", m.start(), m.end())
    for m in IMPROVE_TO.finditer(text) if " to " in low else ():
        add("change", m.start(), m.end())
    for m in AHEAD.finditer(text) if "ahead" in low or "earl" in low or "before" in low else ():
        add("change", m.start(), m.end())
    for m in COUNT.finditer(text):
        if _is_count(text, m):
            before = RANGE_BEFORE.search(text, max(0, m.start() - 20), m.start())
            add("count", before.start() if before else m.start(), _count_end(text, m))
    found.sort(key=lambda x: x.start)
    return found


# Words that end the phrase after a number: "8 staff on new devices" counts staff, not devices.
PHRASE_BREAKS = {"a", "an", "the", "per", "on", "in", "at", "for", "with", "to", "of", "across", "from", "by",
                 "into", "over", "under", "each", "every", "while", "who", "that", "which", "within", "through"}
# Plural-looking words that name the kind of a count, not the thing counted: "3 sales reps".
NOUN_ADJUNCTS = {"sales", "operations", "services", "systems", "logistics", "analytics", "communications",
                 "sports", "pharmaceuticals", "diagnostics", "devices", "claims", "accounts", "graphics"}
NEXT_WORD = re.compile(rf"\s+({WORD})")


def _count_end(text: str, m: re.Match) -> int:
    """A count ends with what it counts: "12 surgeons", "6 post-surgical patients",
    "600+ orthopedic and spine cases"; failing a plural within a few words, the word after."""
    first = m.group(4)
    if m.group(3):  # "90-bed", "12-person": the suffix is what it counts ("90-bed Level IV NICU")
        return m.end(3)
    if not first:
        return m.end()
    low = first.lower().strip(".,;:")
    if low in NOUN_ADJUNCTS and first[-1] not in ".,;:" and is_plural((m.group(5) or "").lower().strip(".,;:")):
        return m.end(5)  # "3 sales reps", "4 operations managers"
    if is_plural(low) and not _is_name(first) or low in SINGULAR_COUNTS or first[-1] in ".;:":
        return m.end(4)
    if text.startswith(",", m.end(4)):  # a list of kinds before the noun: "1,200 general, trauma and orthopedic procedures"
        return _noun_end(text, m.end(4) + 1, through_lists=True) or m.end(4)
    return _noun_end(text, m.end(4)) or m.end(4)


def _unit_end(text: str, at: int) -> int:
    """A bare number's span runs on to the unit straight after it, if any: "6 days"."""
    word = NEXT_WORD.match(text, at)
    unit = word.group(1).lower().strip(".,;:") if word else ""
    return word.end(1) if unit and (unit in TIME_UNITS or is_plural(unit)) and unit not in PHRASE_BREAKS else at


def _noun_end(text: str, at: int, through_lists: bool = False) -> int | None:
    """Where the plural noun a few words after `at` ends, within its phrase ("8 health
    systems"), or None. `through_lists` reads on past commas ("trauma, spine and
    orthopedic cases")."""
    for _ in range(5):
        word = NEXT_WORD.match(text, at)
        if word is None or word.group(1).lower() in PHRASE_BREAKS:
            return None
        low = word.group(1).lower().strip(".,;:")
        if is_plural(low) and not _is_name(word.group(1)) or low in COUNT_NOUNS:
            return word.end(1)
        if word.group(1)[-1] in (".;:" if through_lists else ".,;:"):
            return None
        at = word.end(1)
    return None


# What "top 3" can head that ranks no one: "the top 3 priorities", "top 5 reasons".
UNRANKED = {"priorities", "priority", "reasons", "goals", "tips", "things", "ways", "challenges", "objectives",
            "initiatives", "skills", "strengths", "lessons", "takeaways", "topics", "questions", "concerns"}


def _ranks_nothing(text: str, at: int) -> bool:
    word = NEXT_WORD.match(text, at)
    return word is not None and word.group(1).lower().strip(".,;:") in UNRANKED


def _is_share(text: str, start: int, end: int) -> bool:
    """"6 of 8 health systems" — not "version 2 of 3" or "2 of 3 years"."""
    before = text[max(0, start - 20):start].split()
    prev = before[-1].lower().strip("(,:") if before else ""
    last = text[start:end].split()[-1].lower().strip(".,;:")
    return prev not in BEFORE_NOT_COUNT and last not in TIME_UNITS


# Words that, straight after a number, leave it counting nothing.
BARE_BEFORE = {"on", "to", "in", "at", "for", "with", "by", "from", "into", "across", "over", "under", "through",
               "within", "per", "cfr", "usc", "u.s.c."}  # the last, a law's title number: "21 CFR Part 11"
AUXILIARIES = {"were", "was", "are", "is", "have", "has", "had", "will", "would"}  # "3 were promoted"
# Words after "45-day" that make the time a measured result, not a shift or a term.
MEASURED_TIMES = {"average", "avg", "median", "cycle", "turnaround", "ramp", "ramp-up", "onboarding",
                  "payback", "close", "time-to-close", "implementation", "go-live"}
RANGE_BEFORE = re.compile(r"(\d[\d,.]*)(?:\s?[-–—]\s?|\s+to\s+)$")  # "5-" of "5-6 patients", "6 to" of "6 to 8 cases"
RANGE_AFTER = re.compile(r"\s+to\s+\d")  # the "to 8" after the low end of "6 to 8 cases"
# Words after a number that leave it counting nothing: a multiplication, a race.
NOT_COUNTED = {"x", "race", "races", "run", "marathon", "marathons"}
SERIES_BEFORE = re.compile(r"\bseries\s+\d+\s*(?:and|&|,|/)\s*$", re.I)
# A number's hyphenated unit that names a device's kind or size: "12-lead", "64-slice", "3-tesla".
MEASURES = {"lead", "slice", "tesla", "channel", "french", "fr", "gauge", "mm", "cm", "inch", "ml", "mg", "mcg",
            "bit", "watt", "megapixel"}
STREETS = {"street", "st", "st.", "avenue", "ave", "ave.", "road", "rd", "rd.", "drive", "dr", "lane", "ln", "boulevard",
           "blvd", "way", "court", "ct", "place", "parkway", "pkwy", "circle", "highway", "hwy"}
LONG_HOURS = 100  # "1,000 hours of clinical rotations" is a volume; "12 hours" is a shift


def _is_count(text: str, m: re.Match) -> bool:
    number, plus, suffix, after = m.group(1), m.group(2), m.group(3), (m.group(4) or "")
    before = text[max(0, m.start() - 20):m.start()].split()
    prev = before[-1].lower().strip("(,:") if before else ""
    after_word = after.lower().strip(".,;:")
    second = (m.group(5) or "").lower().strip(".,;:")
    plural = is_plural(after_word) or is_plural(second) or after_word in SINGULAR_COUNTS
    if prev in BEFORE_NOT_COUNT or number[-1] in "kK" and number[:-1] in ("4", "5", "8"):
        return False  # "4K monitors" is a resolution, "5K" a race
    if after_word == "to" and RANGE_AFTER.match(text, max(m.end(1), m.end(2), m.end(3))):
        return False  # the low end of "6 to 8 cases": the high end's count spans both
    dash = prev.endswith(("-", "–", "—"))
    start = RANGE_BEFORE.search(text, max(0, m.start() - 20), m.start()) if dash or prev == "to" else None
    if dash or start:  # the end of a range of counts, never of dates or a name
        plural = plural or (m.group(4) is not None and _noun_end(text, m.end(4)) is not None)  # "6–8 spine cases"
        if not start or YEAR.fullmatch(start.group(1)) or YEAR.fullmatch(number) or not plural:
            return False
        low_end, high_end = (_value(n) for n in (start.group(1), number))
        if number.startswith("0") or low_end is None or high_end is None or high_end <= low_end:
            return False  # a phone number ("555-0199"), a score ("3-1") or a code
    if prev in YEAR_PREPOSITIONS and YEAR.fullmatch(number):
        return False  # "in 2019 sales rose"
    if before and before[-1][:1].isupper() and text[:m.start()].strip() != before[-1] and not plural:
        return False  # a model number after a name: "Alaris 8015 pump"
    if number.lower() == "zero":  # "zero retained-item events" is an outcome; "zero-based" is a name
        return not suffix and (plural or m.group(4) is not None and _noun_end(text, m.end(4)) is not None)
    if number in NAME_NUMBERS or after_word in NOT_COUNTED or suffix and suffix.lower() in PHRASE_BREAKS:
        return False  # "took 911 calls", "3 x 12-hour shifts", "10K races", "a 2-in-1 device"
    if SERIES_BEFORE.search(text, max(0, m.start() - 20), m.start()):
        return False  # the second of "Series 7 and 63" licences
    if after[:1].isupper() and (second in STREETS or after_word in STREETS):
        return False  # an address: "1420 Elm Street", "200 Main St."
    if suffix:  # "32-bed unit" is scope; "12-hour shift" is a time frame, "45-day average sales cycle" a result
        kind = suffix.lower().split("-")[0]  # "4-zip-code territory"
        if kind in MEASURES:
            return False  # "12-lead ECG", "64-slice CT", "18-gauge": a kind of device, not a count
        timed = kind in TIME_UNITS or kind in ("year", "month", "week", "day")
        # "a 45-day average sales cycle", "a 30-day sales cycle"; not "a 2-week sales training"
        return not timed or after_word in MEASURED_TIMES or after_word == "sales" and second.startswith("cycle")
    if ("hours" in (after_word, second) and number.replace(",", "").isdigit() and not YEAR.fullmatch(number)
            and int(number.replace(",", "")) >= LONG_HOURS):
        return True
    if not after_word or after_word in TIME_UNITS or (second in TIME_UNITS and not is_plural(after_word)):
        return False  # "12 hours", "5 business days"
    if after_word in BARE_BEFORE or after_word in AUXILIARIES:
        return False  # "scored 1450 on the SAT", "moved 5 to the top tier", "3 were promoted": no noun says what it counts
    if after_word in ("and", "or"):  # "40 or more accounts" counts; "12 and mentored 4 reps" is a number alone
        return _noun_end(text, m.end(4)) is not None
    if number.isdigit() and YEAR.fullmatch(number) and not (is_plural(after_word) and not plus):
        return False
    if number.lower() in WORD_NUMBERS and not plural:  # "three prior authorization tools" counts; "two-time" not
        return m.group(4) is not None and _noun_end(text, m.end(4)) is not None
    if number in ("1", "one") and not plus:
        return False  # "1 project" says little; ranks and ratios are caught above
    return True


def _value(number: str) -> float | None:
    try:
        return float(number.replace(",", ""))
    except ValueError:
        return None


def _is_name(word: str) -> bool:
    """A word in capitals is a name even when it ends in S ("22 LUCAS devices"); a plural
    of capitals has a small s ("RNs", "ICDs")."""
    word = word.rstrip(".,;:")
    return len(word) > 2 and word.isupper()


def is_plural(word: str) -> bool:
    """"nurses", "accounts" — not "business", "status", "analysis"."""
    return word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s"))  # "President's" is one
