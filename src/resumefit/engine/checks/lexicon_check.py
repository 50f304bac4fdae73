"""kind: lexicon — too few terms from the named lexicons (or, with absent, any term)."""

from __future__ import annotations

from resumefit.engine.checks.common import finding, lines_in_scope, same_for


def run(rule, facts, engine):
    check = rule.check
    names = set(check.lexicons)
    found = []

    made: list[str] = []

    def suggestions() -> str:  # only a finding needs them, and once is enough (no functools.cache:
        if not made:           # wrapping a function costs more than most rules' own work)
            made.append(", ".join(engine.suggest_terms(check.lexicons, facts, limit=3)))
        return made[0]

    if rule.scope == "resume" and check.lines == "bullets":  # once, over the whole resume
        hits = facts.hits_of(check.lexicons)
        terms = sorted({h.term for _, h in hits})
        if check.absent and terms:
            found.append(finding(rule, matched=", ".join(terms), hits=len(terms), suggestions=suggestions(),
                                 anchor=hits[0][0]))
        elif not check.absent and len(terms) < check.min_hits:
            found.append(finding(rule, hits=len(terms), min=check.min_hits, suggestions=suggestions()))
        return found
    none_here = None  # the finding for a bullet with none of the terms, made once
    standing = set(check.unless_results)
    for bf, anchor, section, tf in lines_in_scope(rule, facts):
        where = {"anchor": anchor, "section": section}  # a line that is no bullet: the resume's
        if names.isdisjoint(tf.lexicons):
            if standing and any(m.kind in standing for m in tf.metrics):
                continue  # a rank or quota result speaks for itself
            if not check.absent and check.min_hits > 0:
                if none_here is None or bf is None:
                    none_here = finding(rule, bf, hits=0, min=check.min_hits, suggestions=suggestions(), **where)
                    found.append(none_here)
                else:
                    found.append(same_for(none_here, bf))
            continue  # most bullets have none of a rule's terms: no list to make
        hits = [h for h in tf.hits if h.lexicon in names]
        if check.at == "start":
            first = len(tf.text) - len(tf.text.lstrip(" \"'(•-–"))
            hits = [h for h in hits if h.start == first]
        if check.absent:
            for h in hits:
                found.append(finding(rule, bf, span=(h.start, h.end), matched=h.text, phrase=h.text, **where))
        elif len(hits) < check.min_hits:
            found.append(finding(rule, bf, hits=len(hits), min=check.min_hits, suggestions=suggestions(), **where))
    return found
