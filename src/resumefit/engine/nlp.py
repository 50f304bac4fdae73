"""One spaCy pipeline per process, built only when a command needs it.

The default is `spacy.blank("en")` with the lookup lemmatizer from spacy-lookups-data:
nothing is downloaded. Text is lowercased before lemmatizing because the lookup table
does not lowercase ("Implemented" and "implemented" would differ).
"""

from __future__ import annotations

from functools import lru_cache

from resumefit.errors import InputError


@lru_cache(maxsize=4)
def pipeline(model: str | None = None):
    import spacy

    if model:
        try:
            nlp = spacy.load(model)
        except (OSError, ValueError) as exc:
            raise InputError(f"{model}: cannot load this spaCy pipeline ({str(exc).splitlines()[0][:120]}); "
                             "give the name or path of a pipeline you installed.") from None
        if "lemmatizer" in nlp.pipe_names or "tagger" in nlp.pipe_names:
            return nlp
    else:
        nlp = spacy.blank("en")
    # Initialise only the component added here: a trained pipeline keeps its weights.
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"}, name="lookup_lemmatizer").initialize()
    return nlp


def lower(text: str) -> str:
    """Lowercase without changing the length, so character spans stay valid."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
