"""Untrusted files in, model out. The only code that opens user files."""

from resumefit.ingest.docx import read_docx

__all__ = ["read_docx"]
