"""Fit scores per segment: a weighted sum of named parts, each traceable to findings."""

from __future__ import annotations

from resumefit.engine.lexicon import specialty_root
from resumefit.ingest.vocabulary import ACHIEVEMENT_SECTIONS
from resumefit.model import Finding, Score, ScorePart

WEIGHTS = {"keywords": 40, "metrics": 30, "language": 15, "layout": 15}
TERMS_PER_CATEGORY = 3  # distinct terms that make a category fully covered
LAYOUT_PENALTY = {"error": 0.5, "warning": 0.25, "info": 0.1}


def _missing(category: str, lexicons: dict[str, str], have: set[str], roots: set[str], engine, areas,
             limit: int = 8) -> list[str]:
    """The category's first terms the resume does not show, in any form; those of the
    resume's fields of work (`areas`) before others."""
    out = []
    for name, cat in lexicons.items():
        if cat == category:
            for term in engine.index.suggestion_order(name, areas):
                if term not in have and specialty_root(term) not in roots:
                    out.append(term)
                    if len(out) == limit:
                        return out
    return out


def best_fits(scores: dict[str, int]) -> list[str]:
    """The segments sharing the top score, in the order given: a tie is shown as one, since
    naming the first of equals would tell an advisor something the scores do not."""
    top = max(scores.values(), default=None)
    return [segment for segment, score in scores.items() if score == top]


def best_fit_label(scores: dict[str, int]) -> str:
    """"device"; "pharma / device" when they tie; "none stands out" when every segment does."""
    fits = best_fits(scores)
    if len(fits) > 1 and len(fits) == len(scores):
        return "none stands out"
    return " / ".join(fits)


def score_segments(segments: list[str], facts, findings: list[Finding], engine) -> list[Score]:
    """One score per segment. Only the keyword part differs between segments; the other
    three are the same findings read once."""
    rules_of: dict[str, set[str]] = {"metrics": set(), "language": set(), "layout": set()}
    keyword_rules: dict[str, set[str]] = {s: set() for s in segments}
    weak: set[str] = set()
    layout_penalty, layout_count = 0, 0
    for f in findings:
        if f.score == "keywords":
            if f.segment in keyword_rules:
                keyword_rules[f.segment].add(f.rule)
        elif f.score in rules_of:
            rules_of[f.score].add(f.rule)
            if f.score == "language" and f.bullet:
                weak.add(f.bullet)
            elif f.score == "layout":
                layout_penalty += LAYOUT_PENALTY[f.level]
                layout_count += 1

    experience = facts.achievements
    with_metric = sum(1 for bf in experience if bf.metrics)
    kinds = sorted({bf.bullet.section for bf in experience} - ACHIEVEMENT_SECTIONS)  # a new graduate's
    metrics = with_metric / len(experience) if experience else 0.0
    language = 1 - len(weak) / len(facts.bullets) if facts.bullets else 0.0
    layout = max(0.0, 1 - layout_penalty)
    shared = [
        ScorePart("metrics", WEIGHTS["metrics"], round(metrics, 3),
                  f"{with_metric} of {len(experience)} {' and '.join(kinds) if kinds else 'experience'} bullets "
                  "have a measurable result",
                  sorted(rules_of["metrics"])),
        ScorePart("language", WEIGHTS["language"], round(language, 3),
                  f"{len(weak)} of {len(facts.bullets)} bullets have weak or risky wording", sorted(rules_of["language"])),
        ScorePart("layout", WEIGHTS["layout"], round(layout, 3),
                  f"{layout_count} layout finding(s) an applicant tracking system may trip on",
                  sorted(rules_of["layout"])),
    ]
    return [_score(segment, facts, engine, sorted(keyword_rules[segment]), shared) for segment in segments]


def _score(segment: str, facts, engine, keyword_rules: list[str], shared: list[ScorePart]) -> Score:
    lexicons = engine.lexicons_for(segment)  # name -> category
    matched: dict[str, list[dict]] = {}
    for anchor, hit in facts.hits_of(lexicons):
        entries = matched.setdefault(hit.category, [])
        if all(e["term"] != hit.term for e in entries):
            entries.append({"term": hit.term, "text": hit.text, "anchor": anchor})
    categories = sorted(set(lexicons.values()))
    coverage = {c: min(1.0, len(matched.get(c, [])) / TERMS_PER_CATEGORY) for c in categories}
    roots = {specialty_root(e["term"]) for entries in matched.values() for e in entries} - {None}
    places = engine.index.area_places
    areas = [area for area in facts.areas if any((name, area) in places for name in lexicons)]
    missing = {c: _missing(c, lexicons, {e["term"] for e in matched.get(c, [])}, roots, engine, areas)
               for c in categories}
    keywords = sum(coverage.values()) / len(coverage) if coverage else 0.0
    parts = [
        ScorePart("keywords", WEIGHTS["keywords"], round(keywords, 3),
                  "; ".join(f"{c} {min(len(matched.get(c, [])), TERMS_PER_CATEGORY)}/{TERMS_PER_CATEGORY}"
                            for c in categories), keyword_rules),
        *shared,  # the same three parts in every segment's score, never changed after
    ]
    total = round(sum(p.weight * p.value for p in parts))
    return Score(segment=segment, score=total, parts=parts, matched=matched, missing=missing, areas=areas)
