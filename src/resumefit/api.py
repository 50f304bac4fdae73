"""The public Python API; the CLI is a thin layer over these functions."""

from __future__ import annotations

from pathlib import Path

from resumefit.model import Resume


def parse(path: str | Path) -> Resume:
    """Read a .docx resume. Raises `InputError` with one clear line for unusable files."""
    from resumefit.ingest import read_docx

    return read_docx(path)
