"""How far a resume meets a job posting: the posting's skills and terms, which the resume
shows (and where) and which it lacks, and the years of experience it asks for."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from resumefit.clock import now
from resumefit.engine.lexicon import specialty_root
from resumefit.engine.degrees import DegreeAsk, degrees_asked, held_degrees, judge
from resumefit.engine.tenure import YearsAsk, add_up, years_asked
from resumefit.engine.territory import PlaceMatch, match_place


@dataclass
class Place:
    anchor: str
    section: str
    text: str  # the words as the resume writes them


@dataclass
class JobTerm:
    term: str
    category: str  # a lexicon category, or "skill" for a front-matter skill no lexicon knows
    segments: list[str]  # the lexicon's segment; [] for a front-matter skill
    where: list[Place] = field(default_factory=list)
    # Missing, but the resume shows its specialty or specialist: "rheumatology" for "rheumatologist".
    near: list[Place] = field(default_factory=list)
    # The posting's own words for the term when they are other words ("sales goals" for quota):
    # what an applicant tracking system will look for.
    posted: str = ""
    required: bool = False  # asked for outside the posting's wish list ("preferred", "a plus")
    # Terms the posting offers in its place ("Epic or Cerner", "(RN, PharmD, RD)"): one ask.
    one_of: list[str] = field(default_factory=list)

    @property
    def found(self) -> bool:
        return bool(self.where)


@dataclass
class JobMatch:
    source: str
    title: str
    company: str
    segment: str
    terms: list[JobTerm]
    experience: list[YearsAsk] = field(default_factory=list)  # "2+ years of B2B sales experience"
    education: list[DegreeAsk] = field(default_factory=list)  # "Bachelor's degree required"
    place: PlaceMatch | None = None  # where the job is, and where the resume places the candidate

    @property
    def matched(self) -> list[JobTerm]:
        return [t for t in self.terms if t.found]

    @property
    def missing(self) -> list[JobTerm]:
        return [t for t in self.terms if not t.found]

    @property
    def rate(self) -> float:
        return len(self.matched) / len(self.terms) if self.terms else 0.0

    @property
    def required(self) -> list[JobTerm]:
        return [t for t in self.terms if t.required]

    def asks(self, required: bool = True) -> list[list[JobTerm]]:
        """What the posting asks for (or, not `required`, wishes for): each a term, or the
        terms it offers as alternatives, met when the resume shows any one of them."""
        pool = [t for t in self.terms if t.required == required]
        seen: set[str] = set()
        out = []
        for t in pool:
            if t.term not in seen:
                group = [t] + [u for u in pool if u.term in t.one_of]
                seen |= {u.term for u in group}
                out.append(group)
        return out

    def met_by(self, term: JobTerm) -> str:
        """For a missing term, the alternative the posting offers in its place that the
        resume shows ("paramedic" for RN in "(paramedic or RN)"); "" when none."""
        found = {t.term for t in self.matched}
        return "" if term.found else next((other for other in term.one_of if other in found), "")

    def counts(self, required: bool = True) -> tuple[int, int]:
        """(asks met, asks) of the required terms, or of the wish list's."""
        asks = self.asks(required)
        return sum(1 for group in asks if any(t.found for t in group)), len(asks)

    def to_dict(self) -> dict:
        (required_matched, required_total), (preferred_matched, preferred_total) = self.counts(), self.counts(False)
        return {
            "source": self.source, "title": self.title, "company": self.company, "segment": self.segment,
            "match_rate": round(self.rate, 3), "matched": len(self.matched), "total": len(self.terms),
            "required_matched": required_matched, "required_total": required_total,
            "preferred_matched": preferred_matched, "preferred_total": preferred_total,
            "terms": [{"term": t.term, "category": t.category, "segments": t.segments, "found": t.found,
                       "where": [vars(p) for p in t.where], "near": [vars(p) for p in t.near], "posted": t.posted,
                       "required": t.required, "one_of": t.one_of, "met_by": self.met_by(t)}
                      for t in self.terms],
            "experience": [ask.to_dict() for ask in self.experience],
            "education": [ask.to_dict() for ask in self.education],
            "place": self.place.to_dict() if self.place else None,
        }


def match_job(posting, facts, engine) -> JobMatch:
    """The terms of the posting's segment that it uses, plus the skills its front matter
    names; each looked up in the resume's body paragraphs."""
    lines = posting.lines + posting.skills
    skill_hits = _posting_hits(engine, tuple(lines))
    forms = _forms_of(engine)
    wished = posting.preferred + [False] * len(posting.skills)  # front-matter skills are asked for
    segment_hits = [(h, not wished[n]) for n, hits in enumerate(skill_hits) for h in hits
                    if h.segment and not _spelled_otherwise(h, posting.text, forms)]
    # The posting's segment: as its front matter says, or the one whose terms it uses most.
    counts = {s: sum(1 for h, _ in segment_hits if h.segment == s) for s in dict.fromkeys(h.segment for h, _ in segment_hits)}
    segment = posting.segment or (max(counts, key=counts.get) if counts else "")
    terms: dict[str, JobTerm] = {}
    for h, required in segment_hits:
        if h.segment == segment:
            entry = terms.setdefault(h.term, JobTerm(h.term, h.category, [segment], posted=h.text))
            entry.required |= required
            if _singular(h.text) == _singular(h.term):
                entry.posted = ""  # the posting writes the term itself somewhere
    for line, hits in zip(lines, skill_hits):
        for group in _alternatives(line, [h for h in hits if h.segment == segment]):
            for h in group:
                others = terms[h.term].one_of
                others += [t for t in dict.fromkeys(g.term for g in group) if t != h.term and t not in others]
    # A front-matter skill that no lexicon term covers is matched as written.
    free = [s for s, hits in zip(posting.skills, skill_hits[len(posting.lines):])
            if not any(h.segment and h.end - h.start >= len(s) * 0.6 for h in hits)]
    for skill in free:
        terms.setdefault(skill, JobTerm(skill, "skill", [], required=True))

    section_of = {p.anchor: s.kind for s in facts.resume.sections for p in s.lines}
    for anchor, hit in facts.hits:
        entry = terms.get(hit.term)
        if entry is not None and all(p.anchor != anchor for p in entry.where):
            entry.where.append(Place(anchor, section_of.get(anchor, ""), hit.text))
    # A term inside a longer one the resume shows ("infusion" in "infusion center") is shown:
    # hits keep only the longer, so one phrase is not counted twice in a score.
    for entry in terms.values():
        if not entry.where and entry.segments:
            word = re.compile(rf"(?<!\w){re.escape(entry.term)}(?!\w)", re.IGNORECASE)
            entry.where += [Place(anchor, section_of.get(anchor, ""), hit.text) for anchor, hit in facts.hits
                            if len(hit.text) > len(entry.term) and word.search(hit.text)][:3]
    for entry in terms.values():
        root = specialty_root(entry.term) if not entry.where else None
        if root:
            entry.near = [Place(anchor, section_of.get(anchor, ""), hit.text) for anchor, hit in facts.hits
                          if specialty_root(hit.term) == root][:3]
    if free:
        for anchor, place_text in _free_skill_places(free, facts, engine):
            entry = terms[place_text[0]]
            if all(p.anchor != anchor for p in entry.where):
                entry.where.append(Place(anchor, section_of.get(anchor, ""), place_text[1]))
    ordered = sorted(terms.values(), key=lambda t: (not t.required, t.category, t.term.lower()))
    asks = years_asked(posting.lines, posting.preferred)
    today = now()
    for ask in asks:
        add_up(ask, facts.resume.roles, (today.year, today.month))
    degrees, held = degrees_asked(posting.lines, posting.preferred), held_degrees(facts.resume)
    for degree in degrees:
        judge(degree, held)
    resume = facts.resume  # the contact line's place, else the place of the job held now
    lives = resume.contact.location or next((r.location for r in resume.roles if r.end == "present" and r.location), "")
    place = match_place(posting.location, lives)
    return JobMatch(posting.source, posting.title, posting.company, segment, ordered, asks, degrees, place)


# What stands between alternatives: "Epic, Cerner or Meditech", "Salesforce or another CRM".
LIST_GAP = re.compile(r"\s*(?:,|/|;)?\s*(?:\bor\b(?:\s+(?:another|other|a\s+similar|an\s+equivalent|a\s+comparable))?)?\s*")


def _alternatives(line: str, hits) -> list[list]:
    """Runs of terms of one category listed together as alternatives: joined by "or" or "/"
    ("Epic or Cerner", "Salesforce/Veeva"), or listed in parentheses as examples ("clinical
    experience (RN, PharmD, RD)"). "CNOR and CRCST" asks for both."""
    runs: list[list] = []
    for h in sorted(hits, key=lambda h: h.start):
        last = runs[-1][-1] if runs else None
        if last is not None and last.category == h.category and last.term != h.term and \
                LIST_GAP.fullmatch(line[last.end:h.start]):
            runs[-1].append(h)
        else:
            runs.append([h])
    out = []
    for run in runs:
        if len({h.term for h in run}) < 2:
            continue
        joined = line[run[0].start:run[-1].end]
        opened = line.rfind("(", 0, run[0].start) > line.rfind(")", 0, run[0].start)
        if re.search(r"\bor\b|/", joined, re.I) or opened:
            out.append(run)
    # A term with its examples in parentheses straight after it, of any category:
    # "vendor credentialing (Vendormate or Reptrax)" is met by either.
    ordered = sorted(hits, key=lambda h: h.start)
    for n, h in enumerate(ordered):
        inside = EXAMPLES.match(line, h.end)
        if inside:
            examples = [e for e in ordered[n + 1:] if e.start < inside.end() and e.term != h.term]
            if examples:
                out.append([h, *examples])
    return out


EXAMPLES = re.compile(r"\s*\([^()]{1,80}\)")


@lru_cache(maxsize=8)
def _posting_hits(engine, lines: tuple[str, ...]) -> list:
    """The posting's hits, found once per engine: a batch matches every resume against one posting."""
    return engine.index.match_all(engine.text_pipeline.docs(list(lines)), list(lines))


@lru_cache(maxsize=4)
def _forms_of(engine) -> dict[str, set[str]]:
    """Each term's forms as its word list writes them, lowercased and singular (once per engine)."""
    return {line[0].strip('"'): {_singular(f.strip('"')) for f in line}
            for loaded in engine.packs for lines in loaded.lexicons.values() for line in lines}


def _spelled_otherwise(hit, text: str, forms: dict[str, set[str]]) -> bool:
    """An acronym the posting spells out as something its term is not: "CRM" in a posting
    for "Cardiac Rhythm Management" is not the sales tool."""
    written = hit.text.rstrip("s")
    if not (written.isupper() and 3 <= len(written) <= 5 and written.isalpha()):
        return False  # two capitals begin too many pairs of words to tell
    spelled = re.search(r"\b" + r"[\w-]*\s+".join(written) + r"[\w-]*", text)  # capitals as initials
    return spelled is not None and _singular(spelled.group()) not in forms.get(hit.term, ())


def _singular(phrase: str) -> str:
    return " ".join(map(_singular_word, phrase.lower().split()))


def _singular_word(w: str) -> str:
    """"launches" -> "launch", "therapies" -> "therapy", "surgeons" -> "surgeon"; "class" stays."""
    if w.endswith(("ches", "shes", "xes", "sses")):
        return w[:-2]
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    return w[:-1] if w.endswith("s") and not w.endswith("ss") else w


def _free_skill_places(skills: list[str], facts, engine):
    """(anchor, (skill, text as written)) for each place a free skill appears, matched on
    lemmas of lowercased words as the lexicons are."""
    from spacy.matcher import PhraseMatcher

    matcher = PhraseMatcher(engine.text_pipeline.vocab, attr="NORM")
    for n, doc in enumerate(engine.text_pipeline.docs(skills)):
        matcher.add(str(n), [doc])
    strings = engine.text_pipeline.vocab.strings
    for anchor, f in facts.paragraphs.items():
        for match_id, s, e in matcher(f.doc):
            yield anchor, (skills[int(strings[match_id])], f.doc[s:e].text)
