"""Questions for the candidate where a bullet shows no measurable result. The answers are
theirs to add; resumefit never writes a number into the resume."""

from __future__ import annotations

from functools import lru_cache

from resumefit.engine.nlp import words_of


@lru_cache(maxsize=1)
def _questions() -> tuple[list[tuple[frozenset[str], str]], str]:
    from importlib import resources

    import yaml

    data = yaml.safe_load(resources.files("resumefit.templates").joinpath("questions.yml").read_text("utf-8"))
    return [(frozenset(q["words"]), q["ask"]) for q in data["questions"]], data["default"]


def question_for(text: str) -> str:
    entries, default = _questions()
    words = words_of(text)
    return next((ask for keys, ask in entries if keys & words), default)
