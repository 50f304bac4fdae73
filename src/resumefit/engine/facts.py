"""What the checks look at, computed once per resume: tokens, lemmas, metrics, keyword hits."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from resumefit.engine.checks.metric import Metric, find_metrics
from resumefit.engine.lexicon import Hit
from resumefit.engine.nlp import words_of
from resumefit.ingest.vocabulary import ACHIEVEMENT_SECTIONS, ROLE_SECTIONS
from resumefit.model import Bullet, Resume


@dataclass
class TextFacts:
    text: str
    doc: object  # spaCy Doc of the text as written; NORM is the lowercased lemma
    hits: list[Hit]

    @cached_property
    def metrics(self) -> list[Metric]:
        """Measurable results, found when first asked for: most checks read only bullets."""
        return find_metrics(self.text)

    def token_keys(self, attr: str) -> set[int]:
        """The doc's values of one token attribute ("LOWER", "SHAPE"), for pattern rules to
        skip texts their first token cannot match."""
        return self._token_keys[attr]

    @cached_property
    def _token_keys(self) -> dict[str, set[int]]:
        from spacy.attrs import LOWER, SHAPE

        lower, shape = self.doc.to_array([LOWER, SHAPE]).T.tolist()  # one array for all rules
        return {"LOWER": set(lower), "SHAPE": set(shape)}

    @cached_property
    def lexicons(self) -> frozenset[str]:
        """The lexicons with a hit here: most rules only ask whether a text has any."""
        return frozenset(h.lexicon for h in self.hits)

    @cached_property
    def words(self) -> frozenset[str]:
        """The lowercased words, for checks to skip texts that cannot match."""
        return words_of(self.text)


@dataclass
class BulletFacts(TextFacts):
    bullet: Bullet = None


@dataclass
class Facts:
    resume: Resume
    bullets: list[BulletFacts]
    paragraphs: dict[str, TextFacts] = field(default_factory=dict)  # anchor -> facts, every body paragraph
    _in_sections: dict[tuple, list[BulletFacts]] = field(default_factory=dict, repr=False, compare=False)
    _read_by: dict[tuple, list[tuple]] = field(default_factory=dict, repr=False, compare=False)
    term_areas: dict[str, frozenset[str]] = field(default_factory=dict, repr=False, compare=False)  # term -> areas

    @cached_property
    def hits(self) -> list[tuple[str, Hit]]:
        return [(anchor, h) for anchor, f in self.paragraphs.items() for h in f.hits]

    @cached_property
    def hits_by_lexicon(self) -> dict[str, list[int]]:
        """Lexicon -> positions of its hits in `hits`."""
        by_lexicon: dict[str, list[int]] = {}
        for n, (_, h) in enumerate(self.hits):
            by_lexicon.setdefault(h.lexicon, []).append(n)
        return by_lexicon

    def hits_of(self, lexicons) -> list[tuple[str, Hit]]:
        """The hits of these lexicons, in order in the resume."""
        by_lexicon = self.hits_by_lexicon
        return [self.hits[n] for n in sorted(n for name in lexicons for n in by_lexicon.get(name, ()))]

    def bullets_in(self, sections) -> list[BulletFacts]:
        """The bullets of these sections (rules ask with a handful of section lists)."""
        key = tuple(sections)
        if key not in self._in_sections:
            wanted = set(key)
            self._in_sections[key] = [bf for bf in self.bullets if bf.bullet.section in wanted]
        return self._in_sections[key]

    def read_by(self, sections, lines: str) -> list[tuple]:
        """(bullet facts or None, anchor, section, text facts) of what a rule reads: the bullets
        of its sections, or with `lines: all` every line of them (a contact line, a summary).
        Rules ask with a handful of section lists, so each list is made once."""
        key = (tuple(sections), lines)
        if key not in self._read_by:
            if lines == "all":
                wanted, bullets = set(sections), {bf.bullet.anchor: bf for bf in self.bullets}
                self._read_by[key] = [(bullets.get(p.anchor), p.anchor, section.kind, self.paragraphs[p.anchor])
                                      for section in self.resume.sections if section.kind in wanted
                                      for p in section.lines if p.anchor in self.paragraphs]
            else:
                self._read_by[key] = [(bf, "", "", bf) for bf in self.bullets_in(sections)]
        return self._read_by[key]

    @cached_property
    def achievements(self) -> list[BulletFacts]:
        """The bullets whose results count (the score's metrics part, the questions): those
        of the experience and accomplishments; a resume with none, a new graduate's, counts
        its activities, volunteering and projects instead."""
        main = [bf for bf in self.bullets if bf.bullet.section in ACHIEVEMENT_SECTIONS]
        return main or [bf for bf in self.bullets if bf.bullet.section in ROLE_SECTIONS]

    @cached_property
    def terms(self) -> frozenset[str]:
        """Every lexicon term the resume shows."""
        return frozenset(h.term for _, h in self.hits)

    @cached_property
    def areas(self) -> tuple[str, ...]:
        """The fields of work (the packs' areas) of the terms the resume shows, the area
        with the most of them first; past the first, a field needs two terms (an OR nurse's
        one wound care product does not make her a home care candidate)."""
        counts = Counter(area for term in self.terms for area in self.term_areas.get(term, ()))
        ranked = sorted(counts, key=lambda area: (-counts[area], area))
        return tuple(area for n, area in enumerate(ranked) if n == 0 or counts[area] >= 2)


# Words that say a credential is being worked toward, not held: "CNPR coursework",
# "CPHIMS (in progress)", "PharmD candidate, expected May 2026".
NOT_HELD = re.compile(r"\b(coursework|course|in progress|pursuing|candidate|expected|anticipated|studying|"
                      r"eligible|enrolled|planned|pending|working toward|preparing)\b", re.I)
ITEM_BREAK = re.compile(r"[;|•·▪]|,(?!\s*(?:expected|anticipated|in progress|pending|\d{4}\b))", re.I)


def not_yet_held(text: str, start: int, end: int) -> bool:
    """Whether the list item holding text[start:end] speaks of a credential being worked
    toward: "Epic certified; CPHIMS (in progress)" holds Epic."""
    before = [m.end() for m in ITEM_BREAK.finditer(text, 0, start)]
    after = ITEM_BREAK.search(text, end)
    return bool(NOT_HELD.search(text, before[-1] if before else 0, after.start() if after else len(text)))


def _held(text: str, hits: list[Hit]) -> list[Hit]:
    """The hits without credentials the text says are not yet held: a credential being
    worked toward is not a credential (nor a term to count) until it is earned."""
    if not any(h.category == "credentials" for h in hits):
        return hits
    return [h for h in hits if h.category != "credentials" or not not_yet_held(text, h.start, h.end)]


def analyse(resume: Resume, text_pipeline, index) -> Facts:
    """One pass over every body paragraph (bullets are among them)."""
    paragraphs = [p for p in resume.paragraphs if p.part == "body" and p.text]
    in_body = {p.anchor for p in paragraphs}
    bullets_elsewhere = [b for b in resume.bullets if b.anchor not in in_body]
    anchors = [p.anchor for p in paragraphs] + [b.anchor for b in bullets_elsewhere]
    texts = [p.text for p in paragraphs] + [b.text for b in bullets_elsewhere]
    docs = text_pipeline.docs(texts)
    hits = [_held(text, found) for text, found in zip(texts, index.match_all(docs, texts))]
    by_anchor = {anchor: TextFacts(text, doc, found) for anchor, text, doc, found in zip(anchors, texts, docs, hits)}
    bullets = [BulletFacts(f.text, f.doc, f.hits, bullet=b) for b in resume.bullets for f in [by_anchor[b.anchor]]]
    return Facts(resume, bullets, {p.anchor: by_anchor[p.anchor] for p in paragraphs}, term_areas=index.term_areas)
