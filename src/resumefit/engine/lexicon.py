"""Keyword lexicons: one PhraseMatcher over lemmas of lowercased text, one over exact
capitals for acronyms ("OR", "IDN", "HCP"), and rapidfuzz for spelling variants."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process

from resumefit.engine.nlp import lower

# Short all-capital terms are matched as written: "OR" is the operating room, "or" is not.
ACRONYM_MAX = 5


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
    def __init__(self, nlp, packs):
        from spacy.matcher import PhraseMatcher

        self.nlp = nlp
        self.entries: list[Entry] = []
        self.terms_by_lexicon: dict[str, list[str]] = {}
        self.lemma_matcher = PhraseMatcher(nlp.vocab, attr="LEMMA")
        self.exact_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.fuzzy_terms: list[tuple[str, int, int]] = []  # (normalised term, entry index, cutoff)
        lemma_patterns: dict[str, list] = {}
        exact_patterns: dict[str, list] = {}
        for loaded in packs:
            for name, ref in loaded.pack.lexicons.items():
                segment = ref.segment or ""
                self.terms_by_lexicon[name] = [line[0] for line in loaded.lexicons[name]]
                for line in loaded.lexicons[name]:
                    key = str(len(self.entries))
                    self.entries.append(Entry(name, ref.category, segment, line[0]))
                    for form in line:
                        if form.isupper() and len(form) <= ACRONYM_MAX:
                            exact_patterns.setdefault(key, []).append(form)
                        else:
                            lemma_patterns.setdefault(key, []).append(lower(form))
                        if ref.fuzzy and len(form) >= 5:
                            self.fuzzy_terms.append((_squash(form), int(key), ref.fuzzy))
        self.fuzzy_choices = [t[0] for t in self.fuzzy_terms]
        for key, forms in lemma_patterns.items():
            self.lemma_matcher.add(key, list(nlp.pipe(forms)))
        for key, forms in exact_patterns.items():
            self.exact_matcher.add(key, [nlp.make_doc(f) for f in forms])

    def match(self, doc_lower, doc_exact, text: str) -> list[Hit]:
        """Hits in one text: docs of its lowercased and original forms."""
        hits: dict[tuple[int, int, int], Hit] = {}
        vocab = self.nlp.vocab.strings
        for matches, doc in ((self.lemma_matcher(doc_lower), doc_lower), (self.exact_matcher(doc_exact), doc_exact)):
            for match_id, s, e in matches:
                span = doc[s:e]
                entry_index = int(vocab[match_id])
                hits[(span.start_char, span.end_char, entry_index)] = self._hit(
                    entry_index, span.start_char, span.end_char, text)
        if self.fuzzy_terms:
            taken = [(h.start, h.end) for h in hits.values()]
            for start, end in _candidates(doc_exact):
                if any(start < b and a < end for a, b in taken):
                    continue
                squashed = _squash(text[start:end])
                if len(squashed) < 5:
                    continue
                best = process.extractOne(squashed, self.fuzzy_choices, scorer=fuzz.ratio)
                if best and best[1] >= self.fuzzy_terms[best[2]][2]:
                    entry_index = self.fuzzy_terms[best[2]][1]
                    hits[(start, end, entry_index)] = self._hit(entry_index, start, end, text, fuzzy=True)
                    taken.append((start, end))
        return sorted(hits.values(), key=lambda h: (h.start, h.term))

    def _hit(self, index: int, start: int, end: int, text: str, fuzzy: bool = False) -> Hit:
        e = self.entries[index]
        return Hit(e.lexicon, e.category, e.segment, e.term, start, end, text[start:end], fuzzy)


def _squash(text: str) -> str:
    """"Sales force" and "Salesforce.com" both become "salesforce...": letters and digits only."""
    squashed = "".join(c for c in text.lower() if c.isalnum())
    return squashed.removesuffix("com") if squashed.endswith("com") and len(squashed) > 6 else squashed


def _candidates(doc) -> list[tuple[int, int]]:
    """Spans of one or two tokens (words written apart or together) to compare fuzzily."""
    spans = []
    for i, tok in enumerate(doc):
        if tok.is_alpha or any(c.isalpha() for c in tok.text):
            spans.append((tok.idx, tok.idx + len(tok.text)))
            if i + 1 < len(doc) and doc[i + 1].is_alpha:
                spans.append((tok.idx, doc[i + 1].idx + len(doc[i + 1].text)))
    return spans
