"""Questions for the candidate where a bullet shows no measurable result. The answers are
theirs to add; resumefit never writes a number into the resume."""

from __future__ import annotations

from functools import lru_cache

from resumefit.engine.nlp import WORDS


def _words(text: str) -> str:
    """A text as its lowercased words, one space apart: "In-services" -> "in services"."""
    return " ".join(WORDS.findall(text.lower()))


@lru_cache(maxsize=1)
def _questions() -> tuple[list[tuple[frozenset[str], tuple[str, ...], str]], str, str]:
    """(single words, padded phrases, question) per entry; the default; the question for a flagged bullet."""
    from importlib import resources

    import yaml

    data = yaml.safe_load(resources.files("resumefit.templates").joinpath("questions.yml").read_text("utf-8"))
    entries = []
    for q in data["questions"]:
        keys = [_words(k) for k in q["words"]]
        entries.append((frozenset(k for k in keys if " " not in k),
                        tuple(f" {k} " for k in keys if " " in k), q["ask"]))
    return entries, data["default"], data["flagged"]


def question_for(text: str, flagged: bool = False) -> str:
    """`flagged`: the compliance checks flag this bullet."""
    entries, default, rewrite_first = _questions()
    if flagged:
        return rewrite_first
    padded = f" {_words(text)} "
    words = frozenset(padded.split())
    return next((ask for keys, phrases, ask in entries if keys & words or any(p in padded for p in phrases)),
                default)
