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


def posting(path: str | Path):
    """Read a job posting (.txt, .md with YAML front matter, .docx)."""
    from resumefit.ingest.posting import read_posting

    return read_posting(path)


def check(path: str | Path, targets: list[str] | None = None, rules: list[str | Path] = (),
          select: list[str] = (), ignore: list[str] = (), spacy_model: str | None = None, eng=None,
          job: str | Path | None = None):
    """Read and check a resume: findings, a fit score per target segment and, with a job
    posting, the posting's terms the resume has and lacks."""
    resume = parse(path)
    job_posting = posting(job) if job else None
    eng = eng or engine(rules, spacy_model)
    return eng.check(resume, targets, select=select, ignore=ignore, posting=job_posting)
