"""The public Python API; the CLI is a thin layer over these functions."""

from __future__ import annotations

from pathlib import Path

from resumefit.model import Resume


def parse(path: str | Path) -> Resume:
    """Read a .docx resume. Raises `InputError` with one clear line for unusable files."""
    from resumefit.ingest import read_docx

    return read_docx(path)


def engine(rules: list[str | Path] = (), spacy_model: str | None = None, builtin: bool = True):
    """The rule engine with the built-in packs and any user packs; build once, reuse."""
    from resumefit.engine.run import Engine

    return Engine([Path(r) for r in rules], spacy_model=spacy_model, builtin=builtin)


def check(path: str | Path, targets: list[str] | None = None, rules: list[str | Path] = (),
          select: list[str] = (), ignore: list[str] = (), spacy_model: str | None = None, eng=None):
    """Read and check a resume: findings and a fit score per target segment."""
    resume = parse(path)
    eng = eng or engine(rules, spacy_model)
    return eng.check(resume, targets, select=select, ignore=ignore)
