"""Keyword lexicons: one PhraseMatcher on NORM (the lowercased lemma), one on exact
capitals for acronyms ("OR", "IDN", "HCP"), and rapidfuzz for spelling variants."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Short all-capital terms are matched as written: "OR" is the operating room, "or" is not.
ACRONYM_MAX = 5
FUZZY_MIN_CHARS = 5  # shorter words are too alike for spelling variants to mean anything
WORD = re.compile(r"\w[\w.&+-]*\w|\w")
NOT_ALNUM = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class Hit:
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
        from spacy.matcher import PhraseMatcher

        self.vocab = text_pipeline.vocab
        self.known_words = text_pipeline.lemma_table or {}  # English words: never a tool's misspelling
        self.entries: list[Entry] = []
        self.terms_by_lexicon: dict[str, list[str]] = {}
        self.lemma_matcher = PhraseMatcher(self.vocab, attr="NORM")
        self.exact_matcher = PhraseMatcher(self.vocab, attr="ORTH")
        self.fuzzy_choices: list[str] = []  # squashed forms
        self.fuzzy_entries: list[tuple[int, int, bool]] = []  # (entry index, cutoff, capitalised) per choice
        lemma_patterns: dict[str, list[str]] = {}
        exact_patterns: dict[str, list[str]] = {}
        for loaded in packs:
            for name, ref in loaded.pack.lexicons.items():
                segment = ref.segment or ""
                self.terms_by_lexicon[name] = [line[0] for line in loaded.lexicons[name]]
                if segment and segments is not None and segment not in segments:
                    continue  # a segment this process never checks for
                for line in loaded.lexicons[name]:
                    key = str(len(self.entries))
                    self.entries.append(Entry(name, ref.category, segment, line[0]))
                    for form in line:
                        if form.isupper() and len(form) <= ACRONYM_MAX:
                            exact_patterns.setdefault(key, []).extend([form, form + "s"])  # IDN, IDNs
                        else:
                            lemma_patterns.setdefault(key, []).extend(_with_plural(form, text_pipeline.lemma_table))
                        if ref.fuzzy and len(form) >= FUZZY_MIN_CHARS:
                            self.fuzzy_choices.append(_squash(form))
                            self.fuzzy_entries.append((int(key), ref.fuzzy, form[0].isupper()))
        keys = list(lemma_patterns)
        docs = iter(text_pipeline.docs(form for key in keys for form in lemma_patterns[key]))
        for key in keys:
            self.lemma_matcher.add(key, [next(docs) for _ in lemma_patterns[key]])
        make_doc = text_pipeline.nlp.make_doc
        for key, forms in exact_patterns.items():
            self.exact_matcher.add(key, [make_doc(f) for f in forms])

    def match_all(self, docs, texts: list[str]) -> list[list[Hit]]:
        """Hits in each text (its doc from the text pipeline), in order of position."""
        strings = self.vocab.strings
        found: list[dict[tuple[int, int, int], Hit]] = []
        for doc, text in zip(docs, texts):
            hits = {}
            for match_id, s, e in self.lemma_matcher(doc) + self.exact_matcher(doc):
                span = doc[s:e]
                index = int(strings[match_id])
                hits[(span.start_char, span.end_char, index)] = self._hit(index, span.start_char, span.end_char, text)
            found.append(hits)
        if self.fuzzy_choices:
            self._fuzzy(texts, found)
        return [_outermost(hits.values()) for hits in found]

    def _fuzzy(self, texts: list[str], found: list[dict]) -> None:
        """Spelling variants ("Sales force", "Salesforce.com"): every candidate span of the
        resume scored against every fuzzy term in one `cdist` call."""
        from rapidfuzz import fuzz, process

        spans: dict[str, list[tuple[int, int, int]]] = {}  # squashed text -> (text no, start, end)
        for n, text in enumerate(texts):
            covered = bytearray(len(text))  # characters already inside an exact hit
            for h in found[n].values():
                covered[h.start:h.end] = b"\1" * (h.end - h.start)
            low = text.lower()
            for start, end in _candidates(text):
                if 1 in covered[start:end] or low[start:end] in self.known_words:
                    continue  # inside an exact hit, or one ordinary English word
                squashed = _squash(low[start:end])
                if len(squashed) >= FUZZY_MIN_CHARS and not squashed.isdigit():
                    spans.setdefault(squashed, []).append((n, start, end))
        if not spans:
            return
        queries = list(spans)
        cutoff = min(c for _, c, _ in self.fuzzy_entries)
        scores = process.cdist(queries, self.fuzzy_choices, scorer=fuzz.ratio, score_cutoff=cutoff)
        matched = []  # (text no, start, -length, end, entry)
        for row, query in zip(scores, queries):
            top = row.max()
            # Every lexicon's entry with the best score: "Salesforce" is a tool in each segment.
            for choice in (row == top).nonzero()[0] if top else ():
                entry, needed, proper = self.fuzzy_entries[choice]
                if top < needed:
                    continue
                # A tool's name is a proper noun: "Sales force" is Salesforce, "the sales force" is a team.
                matched += [(n, start, start - end, end, entry) for n, start, end in spans[query]
                            if not proper or not texts[n][start].islower()]
        for n, start, _, end, entry in sorted(matched):  # leftmost first, then longest
            hits = found[n]
            # Free unless it overlaps an exact hit, or a fuzzy one on another span.
            if all(h.fuzzy and (h.start, h.end) == (start, end) for h in hits.values()
                   if start < h.end and h.start < end):
                hits[(start, end, entry)] = self._hit(entry, start, end, texts[n], fuzzy=True)

    def _hit(self, index: int, start: int, end: int, text: str, fuzzy: bool = False) -> Hit:
        e = self.entries[index]
        return Hit(e.lexicon, e.category, e.segment, e.term, start, end, text[start:end], fuzzy)


def _with_plural(form: str, lemmas: dict | None) -> list[str]:
    """The form, and its plural when the lemma table would not map one back to it
    ("electrophysiologists" is not in the table; "surgeons" is)."""
    last = form.split()[-1] if form.split() else ""
    if lemmas is None or not last.isalpha() or last.endswith("s") or lemmas.get(last.lower() + "s"):
        return [form]
    return [form, form + "s"]


def _outermost(hits) -> list[Hit]:
    """Hits in order, without those inside a longer hit of the same segment ("executives" in
    "account executives"); each segment is judged alone, so indexing fewer segments never
    changes another segment's hits."""
    hits = list(hits)
    spans = [(h.segment, h.start, h.end) for h in hits]
    kept = [h for h in hits if not any(seg == h.segment and a <= h.start and h.end <= b and (a, b) != (h.start, h.end)
                                       for seg, a, b in spans)]
    return sorted(kept, key=lambda h: (h.start, h.term))


def _squash(text: str) -> str:
    """"Sales force" and "Salesforce.com" both become "salesforce...": letters and digits only."""
    squashed = NOT_ALNUM.sub("", text.lower())
    return squashed.removesuffix("com") if squashed.endswith("com") and len(squashed) > 6 else squashed


def _candidates(text: str) -> list[tuple[int, int]]:
    """Spans of one word or two words written apart, to compare fuzzily."""
    words = [m.span() for m in WORD.finditer(text)]
    spans = list(words)
    for (a, b), (c, d) in zip(words, words[1:]):
        if text[b:c] == " ":
            spans.append((a, d))
    return spans
