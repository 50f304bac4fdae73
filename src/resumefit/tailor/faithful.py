"""The faithfulness rule: the tailored resume holds no number, and no word of a name or
credential, that the input does not."""

from __future__ import annotations

import re

NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def numbers(text: str) -> set[str]:
    return set(NUMBER.findall(text))


def new_numbers(before: str, after: str) -> set[str]:
    """Numbers in `after` that `before` never wrote (as written: "7+" counts as "7")."""
    return numbers(after) - numbers(before)


def new_capitalised_words(before: str, after: str, allowed: set[str]) -> set[str]:
    """Capitalised words (names, titles, credentials) in `after` that `before` lacks,
    other than `allowed` (the template's own words)."""
    have = set(re.findall(r"[A-Za-z][\w&'-]*", before))
    have |= {part for word in have if "-" in word for part in word.split("-")}  # "CNOR-certified" holds CNOR
    # A word typed in capitals ("CERTIFIED SURGICAL TECHNOLOGIST") may be written in a sentence's case.
    return {w for w in re.findall(r"\b[A-Z][\w&'-]*", after)
            if w not in have and w.upper() not in have and w not in allowed}


def unquotable(result, mended_ok: bool = False) -> set[str]:
    """Bullets (ids) that generated text (a summary, a headline) must never quote: those
    with a warning or an error (weak wording, a compliance risk such as a patient
    identifier) and those whose wording the tailored copy changes (a finding with a fix),
    unless `mended_ok`: the tailored copy's summary quotes such a bullet as it mends it."""
    return {f.bullet for f in result.findings
            if f.bullet and (f.level in ("warning", "error") or f.fix and not mended_ok)}
