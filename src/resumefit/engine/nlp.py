"""One spaCy pipeline per process, built only when a command needs it.

The default is `spacy.blank("en")` plus the lemma lookup table from spacy-lookups-data:
nothing is downloaded. Lexicons match on each token's NORM, which is set here to the
lemma of the lowercased word ("Implemented" and "implemented" both become "implement";
the lookup table itself does not lowercase). The blank pipeline sets it as the vocabulary
meets each new word, so a resume is tokenized once and never walked token by token in
Python; a trained pipeline with a lemmatizer (`--spacy-model`) gives its own lemmas.
"""

from __future__ import annotations

import re
from functools import lru_cache

from resumefit import cache
from resumefit.errors import InputError

FREEZE_HEAP = False  # the command line sets it: see settle()
WORDS = re.compile(r"[^\W_]+")
# British spellings read as the American ones the word lists use: "Organised", "centres",
# "paediatric", "tumours". Medical roots are replaced wherever they occur; an ending only
# when the lemma table knows the American word ("organized", so "organise" is "organize"),
# and never in a word of four letters ("four" is not "for").
BRITISH_ROOTS = re.compile(r"haem|paed|anaes|gynaec|oesoph|oestr|aemia|oedem|rrhoea|pnoea|foet")
AMERICAN_ROOT = {"haem": "hem", "paed": "ped", "anaes": "anes", "gynaec": "gynec", "oesoph": "esoph",
                 "oestr": "estr", "aemia": "emia", "oedem": "edem", "rrhoea": "rrhea", "pnoea": "pnea", "foet": "fet"}
BRITISH_ENDINGS = (("isation", "ization", "s"), ("ise", "ize", "d"), ("tre", "ter", "s"), ("our", "or", "s"),
                   ("amme", "am", "s"), ("ence", "ense", "s"))  # programme, licence
ENDS_BRITISH = tuple(british for british, _, _ in BRITISH_ENDINGS)  # one test for most words, which end otherwise


def words_of(text: str) -> frozenset[str]:
    """The lowercased words of a text: a cheap test before a costlier search."""
    return frozenset(WORDS.findall(text.lower()))


class TextPipeline:
    """Tokenizes texts as written; each token's NORM is its lowercased lemma."""

    def __init__(self, nlp, lemma_table=None):
        self.nlp = nlp
        self.vocab = nlp.vocab
        self.lemma_table = lemma_table  # None: the pipeline's own lemmatizer runs instead
        # What a trained pipeline's components set ("tag" from a tagger): rules that need
        # it run only then; the blank pipeline sets none of it.
        self.provides = {assigned.split(".", 1)[1] for name in nlp.pipe_names
                         for assigned in nlp.get_pipe_meta(name).assigns if assigned.startswith("token.")}
        self.runs_components = lemma_table is None or bool(self.provides & {"tag", "pos", "dep", "morph"})
        if lemma_table is not None:
            from spacy.attrs import NORM

            # The vocabulary computes a word's NORM once, when it first meets the word; the
            # words it already holds are set here. So no doc is ever scanned for new words.
            self.vocab.lex_attr_getters[NORM] = self.norm_of
            for lexeme in self.vocab:
                lexeme.norm_ = self.norm_of(lexeme.orth_)

    def norm_of(self, word: str) -> str:
        low = word.lower()
        return self.american(self.lemma_table.get(low, low))

    def american(self, lemma: str) -> str:
        """The American spelling of a British lemma ("organise" -> "organize"), else the lemma."""
        if ("ae" in lemma or "oe" in lemma) and BRITISH_ROOTS.search(lemma):  # every root has one or the other
            return BRITISH_ROOTS.sub(lambda m: AMERICAN_ROOT[m.group()], lemma)
        if len(lemma) <= 4 or not lemma.endswith(ENDS_BRITISH):
            return lemma
        for british, american, inflected in BRITISH_ENDINGS:
            if lemma.endswith(british):
                candidate = lemma[:-len(british)] + american
                if candidate + inflected in self.lemma_table:  # "organized" is English, so "organize" is
                    return candidate
        return lemma

    def docs(self, texts) -> list:
        docs = [self.nlp.make_doc(t) for t in texts]
        if self.runs_components:
            docs = list(self.nlp.pipe(docs))
        if self.lemma_table is None:
            for doc in docs:
                for token in doc:
                    token.norm_ = token.lemma_.lower() or token.lower_
        return docs

    def pattern_keys(self, forms: list[str], exact: bool = False) -> list[tuple[int, ...]]:
        """Each word-list form as a PhraseMatcher reads it: its tokens' NORM (the lowercased
        lemma) or, `exact`, their ORTH, as string hashes. The matcher takes these sequences
        as patterns, as it does when it is unpickled, so the ~2,000 forms never become Docs
        (~13 µs each) nor their words lexemes (~25 attributes each, computed in Python); the
        forms' tokenization is cached."""
        add = self.vocab.strings.add
        if exact:
            return [tuple(map(add, tokens)) for tokens in self.tokenize(forms)]
        if self.lemma_table is None:  # a trained pipeline lemmatizes in context
            from spacy.attrs import NORM

            return [tuple(doc.to_array(NORM).tolist()) for doc in self.docs(forms)]
        norms: dict[str, int] = {}  # forms share most of their words
        return [tuple(norms[token] if token in norms else norms.setdefault(token, add(self.norm_of(token)))
                      for token in tokens) for tokens in self.tokenize(forms)]

    def tokenize(self, forms: list[str]) -> list[list[str]]:
        """Each form's tokens as spaCy's tokenizer splits them, from the cache when the same
        forms were split by the same spaCy before."""
        import spacy

        name = cache.key("tokens", spacy.__version__, self.nlp.lang, *forms)
        tokens = cache.load("tokens", name)
        if not isinstance(tokens, list) or len(tokens) != len(forms):
            tokens = [[t.text for t in doc] for doc in self.nlp.tokenizer.pipe(forms)]
            cache.store("tokens", name, tokens)
        return tokens

    def doc(self, text: str):
        return self.docs([text])[0]


def settle() -> None:
    """A command-line process does one job: what it has built by now (spaCy, the packs, the
    index) lives until it exits, so the cycle collector need not walk it again at every
    collection (~30 ms of start-up, and cheaper collections per resume in a batch).
    A library caller's process is left alone."""
    if FREEZE_HEAP:
        import gc

        gc.freeze()
        gc.enable()  # the command line turned it off for its start-up


@lru_cache(maxsize=4)
def pipeline(model: str | None = None) -> TextPipeline:
    import spacy

    if model:
        try:
            nlp = spacy.load(model)
        except (OSError, ValueError) as exc:
            raise InputError(f"{model}: cannot load this spaCy pipeline ({str(exc).splitlines()[0][:120]}); "
                             "give the name or path of a pipeline you installed.") from None
        if "lemmatizer" in nlp.pipe_names:
            return TextPipeline(nlp)
    else:
        nlp = spacy.blank("en")
    text_pipeline = TextPipeline(nlp, _lemma_lookup())
    settle()
    return text_pipeline


def _lemma_lookup() -> dict[str, str]:
    """English word -> lemma, as a plain dict: read straight from spacy-lookups-data's file
    (30 ms) rather than through spaCy's registry and hashed Table (120 ms)."""
    import spacy_lookups_data
    from spacy.util import load_language_data

    return load_language_data(spacy_lookups_data.en["lemma_lookup"])
