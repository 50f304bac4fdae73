"""The past tense of a verb that opens a bullet ("Manages" -> "Managed"), for the safe fix
of present tense in a past role. Only a form the lemma table confirms, or a known
irregular one, is offered: a wrong guess would put a misspelling in the candidate's resume."""

from __future__ import annotations

KNOWN_PAST = {
    "lead": "led", "sell": "sold", "grow": "grew", "drive": "drove", "win": "won", "build": "built",
    "teach": "taught", "write": "wrote", "run": "ran", "oversee": "oversaw", "upsell": "upsold",
    "outsell": "outsold", "fly": "flew", "draw": "drew", "troubleshoot": "troubleshot", "hold": "held",
    "meet": "met", "make": "made", "take": "took", "give": "gave", "bring": "brought", "buy": "bought",
    "speak": "spoke", "keep": "kept", "find": "found", "send": "sent", "spend": "spent", "seek": "sought",
    "begin": "began", "choose": "chose", "break": "broke", "rise": "rose", "become": "became",
    "understand": "understood", "undertake": "undertook", "overcome": "overcame", "withstand": "withstood",
    "co-sell": "co-sold", "think": "thought", "feed": "fed", "lend": "lent", "shoot": "shot", "sit": "sat",
    # regular, but the table cannot settle them (a gap, or a misspelling listed beside them)
    "develop": "developed", "target": "targeted", "control": "controlled", "model": "modeled",
    "travel": "traveled", "label": "labeled", "cancel": "canceled", "refer": "referred", "focus": "focused",
    "onboard": "onboarded", "demo": "demoed", "precept": "precepted",
}


def past_tense(word: str, lemmas: dict[str, str] | None) -> str | None:
    """`word` ("Manages", "organise", "Leading") in the past tense, written as it was
    (capitalised or in capitals), or None when no form can be trusted."""
    if lemmas is None or not word.isalpha():
        return None
    low = word.lower()
    base = lemmas.get(low, low)
    past = KNOWN_PAST.get(base)
    if past is None:
        stem = base[:-1] if base.endswith("e") else base
        candidates = {stem + "ed", base[:-1] + "ied" if base.endswith("y") else "", base + base[-1:] + "ed"}
        known = [c for c in candidates if c and lemmas.get(c) == base]
        if len(known) != 1:  # the table also holds misspellings: "controled" beside "controlled"
            return None
        past = known[0]
    if word.isupper() and len(word) > 1:
        return past.upper()
    return past[0].upper() + past[1:] if word[0].isupper() else past
