"""One spaCy pipeline per process, built only when a command needs it.

The default is `spacy.blank("en")` plus the lemma lookup table from spacy-lookups-data:
nothing is downloaded. Lexicons match on each token's NORM, which is set here to the
lemma of the lowercased word ("Implemented" and "implemented" both become "implement";
the lookup table itself does not lowercase). The blank pipeline sets it once per word
in the vocabulary, so a resume is tokenized once and never walked token by token in
Python; a trained pipeline with a lemmatizer (`--spacy-model`) gives its own lemmas.
"""

from __future__ import annotations

import re
from functools import lru_cache

from resumefit.errors import InputError

WORDS = re.compile(r"[^\W_]+")


def words_of(text: str) -> frozenset[str]:
    """The lowercased words of a text: a cheap test before a costlier search."""
    return frozenset(WORDS.findall(text.lower()))


class TextPipeline:
    """Tokenizes texts as written; each token's NORM is its lowercased lemma."""

    def __init__(self, nlp, lemma_table=None):
        self.nlp = nlp
        self.vocab = nlp.vocab
        self.lemma_table = lemma_table  # None: the pipeline's own lemmatizer runs instead
        self._normed: set[int] = set()  # lexemes (orth ids) whose NORM is already the lemma

    def docs(self, texts) -> list:
        docs = [self.nlp.make_doc(t) for t in texts]
        if self.lemma_table is None:
            docs = list(self.nlp.pipe(docs))
            for doc in docs:
                for token in doc:
                    token.norm_ = token.lemma_.lower() or token.lower_
            return docs
        from spacy.attrs import ORTH

        fresh = {orth for doc in docs for orth in doc.to_array(ORTH).tolist()} - self._normed
        for orth in fresh:
            lexeme = self.vocab[orth]
            low = lexeme.lower_
            lexeme.norm_ = self.lemma_table.get(low, low)
        self._normed |= fresh
        return docs

    def doc(self, text: str):
        return self.docs([text])[0]


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
    return TextPipeline(nlp, _lemma_lookup())


def _lemma_lookup() -> dict[str, str]:
    """English word -> lemma, as a plain dict: read straight from spacy-lookups-data's file
    (30 ms) rather than through spaCy's registry and hashed Table (120 ms)."""
    import spacy_lookups_data
    from spacy.util import load_language_data

    return load_language_data(spacy_lookups_data.en["lemma_lookup"])
