"""kind: lexicon — too few terms from the named lexicons (or, with absent, any term)."""

from __future__ import annotations

from functools import cache

from resumefit.engine.checks.common import bullets_in_scope, finding


def run(rule, facts, engine):
    check = rule.check
    names = set(check.lexicons)
    found = []

    @cache
    def suggestions() -> str:  # only a finding needs them, and once is enough
        return ", ".join(engine.suggest_terms(check.lexicons, facts, limit=3))

    if rule.scope == "resume":
        hits = [(a, h) for a, h in facts.hits if h.lexicon in names]
        terms = sorted({h.term for _, h in hits})
        if check.absent and terms:
            found.append(finding(rule, matched=", ".join(terms), hits=len(terms), suggestions=suggestions(),
                                 anchor=hits[0][0]))
        elif not check.absent and len(terms) < check.min_hits:
            found.append(finding(rule, hits=len(terms), min=check.min_hits, suggestions=suggestions()))
        return found
    for bf in bullets_in_scope(rule, facts):
        hits = [h for h in bf.hits if h.lexicon in names]
        if check.at == "start":
            first = len(bf.text) - len(bf.text.lstrip(" \"'(•-–"))
            hits = [h for h in hits if h.start == first]
        if check.absent:
            for h in hits:
                found.append(finding(rule, bf, span=(h.start, h.end), matched=h.text, phrase=h.text))
        elif len(hits) < check.min_hits:
            found.append(finding(rule, bf, hits=len(hits), min=check.min_hits, suggestions=suggestions()))
    return found
