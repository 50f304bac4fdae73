"""Keyword lexicons: one PhraseMatcher on NORM (the lowercased lemma), one on exact
capitals for acronyms ("OR", "IDN", "HCP"), and rapidfuzz for spelling variants."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

SEGMENT_ORDER = {"pharma": 0, "device": 1, "biotech": 2, "software": 3}  # as reports list them

# Short all-capital terms are matched as written: "OR" is the operating room, "or" is not.
ACRONYM_MAX = 5
FUZZY_MIN_CHARS = 5  # shorter words are too alike for spelling variants to mean anything
JUDGED_MAX = 200_000  # fuzzy verdicts kept per process (~20 MB at most)
WORD = re.compile(r"\w[\w.&+-]*\w|\w")
WORD_RUN = re.compile(rf"(?:{WORD.pattern})(?: (?:{WORD.pattern}))*")
NOT_ALNUM = re.compile(r"[\W_]+")
CANDIDATE_PUNCTUATION = str.maketrans("", "", " .&+-_")  # all a candidate holds besides letters and digits


# A specialty and its specialist share a root: "rheumatology" offices already say
# "rheumatologists". One word only: "community oncology" is a setting, not a specialist.
SPECIALTY = re.compile(r"(\w+olog)(?:y|ies|ists?)", re.IGNORECASE)


def specialty_root(term: str) -> str | None:
    """"rheumatolog" for rheumatology, rheumatologist(s); None for any other term."""
    found = SPECIALTY.fullmatch(term)
    return found.group(1).lower() if found else None


class Hit(NamedTuple):  # a tuple: a resume makes a few hundred of them
    lexicon: str
    category: str
    segment: str
    term: str  # the canonical term (first on its line)
    start: int
    end: int
    text: str  # as written in the resume
    fuzzy: bool = False


@dataclass
class Entry:
    lexicon: str
    category: str
    segment: str
    term: str


class LexiconIndex:
    def __init__(self, text_pipeline, packs, segments=None):
        from spacy.attrs import NORM, ORTH
        from spacy.matcher import PhraseMatcher

        self.vocab = text_pipeline.vocab
        self.known_words = text_pipeline.lemma_table or {}  # English words: never a tool's misspelling
        self.entries: list[Entry] = []
        self.terms_by_lexicon: dict[str, list[str]] = {}
        self.lemma_matcher = PhraseMatcher(self.vocab, attr="NORM")
        self.exact_matcher = PhraseMatcher(self.vocab, attr="ORTH")
        self.fuzzy_choices: list[str] = []  # squashed forms
        self.fuzzy_entries: list[tuple[int, int, bool]] = []  # (entry index, cutoff, capitalised) per choice
        self.fuzzy_judged: dict[str, tuple] = {}  # candidate -> its (entry, capitalised) matches, maybe none
        lemma_forms: list[tuple[int, str]] = []  # (entry index, form as the word list writes it)
        exact_forms: list[tuple[int, str]] = []
        for loaded in packs:
            for name, ref in loaded.pack.lexicons.items():
                segment = ref.segment or ""
                self.terms_by_lexicon[name] = [line[0].strip('"') for line in loaded.lexicons[name]]
                if segment and segments is not None and segment not in segments:
                    continue  # a segment this process never checks for
                for line in loaded.lexicons[name]:
                    entry = len(self.entries)
                    self.entries.append(Entry(name, ref.category, segment, line[0].strip('"')))
                    for form in line:
                        if form.startswith('"'):  # as written: "targeting" is not a sales target
                            exact_forms += [(entry, f) for f in _cases(form.strip('"'))]
                            continue
                        if form.isupper() and len(form) <= ACRONYM_MAX:
                            exact_forms += [(entry, form), (entry, form + "s")]  # IDN, IDNs
                        else:
                            lemma_forms += [(entry, f) for spelling in _hyphenings(form)
                                            for f in _with_plural(spelling, text_pipeline.lemma_table)]
                        if ref.fuzzy and len(form) >= FUZZY_MIN_CHARS:
                            self.fuzzy_choices.append(_squash(form))
                            self.fuzzy_entries.append((entry, ref.fuzzy, form[0].isupper()))
        # From every word list, indexed here or not: a text splits into the same tokens in an
        # engine for one segment as in one for all.
        _split_final_stop(text_pipeline.nlp.tokenizer, [form.strip('"') for loaded in packs
                                                        for lines in loaded.lexicons.values()
                                                        for line in lines for form in line])
        self._index_areas(packs)
        self.entries_of: dict[int, tuple[int, ...]] = {}  # matcher key -> entry indexes
        self._add(self.lemma_matcher, NORM, lemma_forms, text_pipeline.pattern_keys([f for _, f in lemma_forms]))
        self._add(self.exact_matcher, ORTH, exact_forms,
                  text_pipeline.pattern_keys([f for _, f in exact_forms], exact=True))

    def _index_areas(self, packs) -> None:
        """Each term's areas (fields of work), and where each area's terms stand in each word list."""
        self.term_areas: dict[str, frozenset[str]] = {}
        self.area_places: dict[tuple[str, str], tuple[int, ...]] = {}  # (lexicon, area) -> term positions
        self.core_length: dict[str, int] = {}  # lexicon -> how many of its first terms are in no area
        for loaded in packs:
            for area, terms in loaded.pack.areas.items():
                for term in terms:
                    self.term_areas[term] = self.term_areas.get(term, frozenset()) | {area}
                named = set(terms)
                for name in loaded.pack.lexicons:
                    places = tuple(n for n, term in enumerate(self.terms_by_lexicon[name]) if term in named)
                    if places:
                        self.area_places[name, area] = places
        for name, terms in self.terms_by_lexicon.items():
            self.core_length[name] = next((n for n, term in enumerate(terms) if term in self.term_areas), len(terms))

    def suggestion_order(self, lexicon: str, areas: tuple[str, ...]) -> list[str]:
        """The lexicon's terms in the order to offer them to a resume that shows terms of
        `areas` (its strongest first): the list's first terms in no area (the segment's core
        words), then the terms of those areas, area by area, then the rest in the list's order."""
        terms = self.terms_by_lexicon.get(lexicon, [])
        first = list(dict.fromkeys(n for area in areas for n in self.area_places.get((lexicon, area), ())))
        if not first:
            return terms
        core, taken = self.core_length.get(lexicon, 0), set(first)
        return [*terms[:core], *(terms[n] for n in first), *(t for n, t in enumerate(terms[core:], core) if n not in taken)]

    def _add(self, matcher, attr: int, forms: list[tuple[int, str]], patterns: list[tuple[int, ...]]) -> None:
        """Add the forms' token keys to the matcher, one key per set of entries a pattern
        stands for (a term's forms and plurals share one): a match's key names its entries,
        so no match's tokens are read back to tell which term it is."""
        by_tokens: dict[tuple[int, ...], list[int]] = {}  # token keys -> entries
        for (entry, _form), tokens in zip(forms, patterns):
            if tokens:
                entries = by_tokens.setdefault(tokens, [])
                if entry not in entries:
                    entries.append(entry)
        by_entries: dict[tuple[int, ...], list] = {}
        for tokens, entries in by_tokens.items():
            by_entries.setdefault(tuple(entries), []).append(tokens)
        # The matcher makes a lexeme of each key; a key holds a space, so no text's token is
        # ever one, and its lexeme needs none of the ~25 attributes computed in Python for
        # a word (~15 ms of start-up for ~1,250 keys).
        getters, self.vocab.lex_attr_getters = self.vocab.lex_attr_getters, {}
        try:
            for entries, patterns in by_entries.items():
                key = f"entries {attr}:{','.join(map(str, entries))}"
                self.entries_of[self.vocab.strings.add(key)] = entries
                matcher.add(key, patterns)
        finally:
            self.vocab.lex_attr_getters = getters

    def match_all(self, docs, texts: list[str]) -> list[list[Hit]]:
        """Hits in each text (its doc from the text pipeline), in order of position."""
        found: list[dict[tuple[int, int, int], Hit]] = []
        for doc, text in zip(docs, texts):
            hits = {}
            for key, s, e in self.lemma_matcher(doc) + self.exact_matcher(doc):
                last = doc[e - 1]
                start, end = doc[s].idx, last.idx + len(last)
                for index in self.entries_of[key]:
                    hits[(start, end, index)] = self._hit(index, start, end, text)
            found.append(hits)
        if self.fuzzy_choices:
            self._fuzzy(texts, found)
        return [_outermost(hits.values()) for hits in found]

    def _fuzzy(self, texts: list[str], found: list[dict]) -> None:
        """Spelling variants ("Sales force", "Salesforce.com"): every distinct candidate of the
        resume (a word, or two words written apart) not judged before is scored against every
        fuzzy term in one `cdist` call; only the few that score are then looked for in the texts."""
        wanted: dict[str, tuple] = {}  # candidate as written (lowercased) -> (entry, proper) it matches
        fresh: dict[str, list[str]] = {}  # squashed form -> candidates not judged before
        for raw in _candidate_words(texts):
            judged = self.fuzzy_judged.get(raw)
            if judged:
                wanted[raw] = judged
            elif judged is None:
                squashed = _squash(raw, candidate=True)
                if raw in self.known_words or len(squashed) < FUZZY_MIN_CHARS or squashed.isdigit():
                    self.fuzzy_judged[raw] = ()  # an ordinary English word, short, or a number
                else:
                    fresh.setdefault(squashed, []).append(raw)
        if fresh:
            self._judge(fresh, wanted)
        if wanted:
            self._place_fuzzy(texts, found, wanted)

    def _judge(self, fresh: dict[str, list[str]], wanted: dict[str, tuple]) -> None:
        """Score candidates against the fuzzy terms; remember each verdict, since a batch
        meets the same words resume after resume (bounded: a vocabulary, not the texts)."""
        from rapidfuzz import fuzz, process

        if len(self.fuzzy_judged) > JUDGED_MAX:
            self.fuzzy_judged.clear()
        queries = list(fresh)
        cutoff = min(c for _, c, _ in self.fuzzy_entries)
        scores = process.cdist(queries, self.fuzzy_choices, scorer=fuzz.ratio, score_cutoff=cutoff)
        tops = scores.max(axis=1).tolist()
        for row, query in enumerate(queries):
            top, entries = tops[row], ()
            if top:
                # Every lexicon's entry with the best score: "Salesforce" is a tool in each segment.
                entries = tuple((entry, proper) for choice in (scores[row] == top).nonzero()[0]
                                for entry, needed, proper in [self.fuzzy_entries[choice]] if top >= needed)
            for raw in fresh[query]:
                self.fuzzy_judged[raw] = entries
                if entries:
                    wanted[raw] = entries

    def _place_fuzzy(self, texts: list[str], found: list[dict], wanted: dict[str, list]) -> None:
        matched = []  # (text no, start, -length, end, entry)
        for n, text in enumerate(texts):
            low = text.lower()
            if not any(raw in low for raw in wanted):
                continue
            for start, end in _candidates(text):
                for entry, proper in wanted.get(low[start:end], ()):
                    # A tool's name is a proper noun: "Sales force" is Salesforce, "the sales force" is a team.
                    if not proper or not text[start].islower():
                        matched.append((n, start, start - end, end, entry))
        for n, start, _, end, entry in sorted(matched):  # leftmost first, then longest
            hits = found[n]
            # Free unless it overlaps an exact hit, or a fuzzy one on another span.
            if all(h.fuzzy and (h.start, h.end) == (start, end) for h in hits.values()
                   if start < h.end and h.start < end):
                hits[(start, end, entry)] = self._hit(entry, start, end, texts[n], fuzzy=True)

    def _hit(self, index: int, start: int, end: int, text: str, fuzzy: bool = False) -> Hit:
        e = self.entries[index]
        return Hit(e.lexicon, e.category, e.segment, e.term, start, end, text[start:end], fuzzy)


def _split_final_stop(tokenizer, forms: list[str]) -> None:
    """spaCy keeps a full stop on a word that ends in a capital ("SaaS.", "PharmD.", "P&T.",
    read as an initial), so a term closing a sentence would not match: split it off for the
    terms. ("CMIO." splits by itself.)"""
    from spacy.attrs import ORTH

    for form in {f for f in forms if " " not in f and f[-1:].isupper() and (not f.isupper() or "&" in f)}:
        tokenizer.add_special_case(form + ".", [{ORTH: form}, {ORTH: "."}])  # ~0.2 ms each


def _with_plural(form: str, lemmas: dict | None) -> list[str]:
    """The form, and its plural when the lemma table would not map one back to it
    ("electrophysiologists" is not in the table; "surgeons" is)."""
    last = form.split()[-1] if form.split() else ""
    if lemmas is None or not last.isalpha() or last.endswith("s") or lemmas.get(last.lower() + "s"):
        return [form]
    return [form, form + "s"]


def _hyphenings(form: str) -> list[str]:
    """A term of several words as written, hyphenated and spaced: resumes write "wound-care
    product line" and "in service training" as often as the word list's spelling."""
    words = form.replace("-", " ").split()
    if len(words) < 2 or not all(w.isalpha() for w in words):
        return [form]
    return list(dict.fromkeys([form, " ".join(words), "-".join(words)]))


def _cases(form: str) -> list[str]:
    """A quoted form as written and in capitals; a lowercase one capitalised too (a bullet's
    first word). So `"Detailed"` is the verb that opens a bullet, never "detailed reports"."""
    capitalised = [form[:1].upper() + form[1:]] if form == form.lower() else []
    return list(dict.fromkeys([form, *capitalised, form.upper()]))


def _outermost(hits) -> list[Hit]:
    """Hits in order, without those inside a longer hit of the same segment ("executives" in
    "account executives"); each segment is judged alone, so indexing fewer segments never
    changes another segment's hits."""
    hits = sorted(hits, key=lambda h: (h.start, h.term, SEGMENT_ORDER.get(h.segment, 9), h.category, h.lexicon))
    if len(hits) < 2:
        return hits
    inside: set[int] = set()  # positions in `hits`
    reach: dict[str, tuple[int, int]] = {}  # segment -> (furthest end so far, first start to reach it)
    # Leftmost first, longest first: a hit is inside another when one before it ends at or after its end.
    for n in sorted(range(len(hits)), key=lambda n: (hits[n].start, -hits[n].end)):
        h = hits[n]
        end, start = reach.get(h.segment, (-1, -1))
        if end > h.end or end == h.end and start < h.start:
            inside.add(n)
        elif end < h.end:
            reach[h.segment] = (h.end, h.start)
    return [h for n, h in enumerate(hits) if n not in inside] if inside else hits


def _squash(text: str, candidate: bool = False) -> str:
    """"Sales force" and "Salesforce.com" both become "salesforce...": letters and digits only."""
    squashed = text.translate(CANDIDATE_PUNCTUATION) if candidate else NOT_ALNUM.sub("", text.lower())
    return squashed.removesuffix("com") if squashed.endswith("com") and len(squashed) > 6 else squashed


def _candidate_words(texts: list[str]) -> set[str]:
    """The distinct lowercased candidates of all texts, as `_candidates` finds them: each
    run of words written one space apart gives its words and its pairs of neighbours."""
    found: set[str] = set()
    for run in WORD_RUN.findall("\n".join(texts).lower()):  # a run never crosses a line break
        words = run.split(" ")
        found.update(words)
        if len(words) > 1:
            found.update(map(" ".join, zip(words, words[1:])))
    return found


def _candidates(text: str) -> list[tuple[int, int]]:
    """Spans of one word or two words written apart, to compare fuzzily."""
    words = [m.span() for m in WORD.finditer(text)]
    spans = list(words)
    for (a, b), (c, d) in zip(words, words[1:]):
        if text[b:c] == " ":
            spans.append((a, d))
    return spans
