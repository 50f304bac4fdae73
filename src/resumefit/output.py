"""Writing outputs without losing anything: atomically, and never over a file unasked."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from resumefit.errors import InputError


def check_writable(path: Path, force: bool, inputs=()) -> None:
    """Refuse before any work is done if an output exists and --force was not given, or if
    it is one of the command's inputs: an input is never modified, even with --force."""
    for given in inputs:
        if given and _same_file(path, Path(given)):
            raise InputError(f"{path}: is an input of this command and is never overwritten; choose another output.")
    if path.exists() and not force:
        raise InputError(f"{path}: already exists; pass --force to overwrite it, or choose another output.")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)  # through symlinks, hard links and relative paths
    except OSError:  # one of them does not exist (yet)
        return a.resolve() == b.resolve()


def cannot_write(path: Path, exc: OSError) -> InputError:
    return InputError(f"{path}: cannot write here ({exc.strerror}); choose another output folder.")


# What a user types after -o when they meant the output file itself, not its folder.
_FILE_SUFFIXES = {".docx", ".doc", ".html", ".htm", ".md", ".json", ".jsonl", ".csv", ".txt", ".pdf"}


def check_folder(path: Path) -> None:
    """Refuse an output folder that is not yet made and is named like a file ("-o my.docx"):
    making a folder called my.docx would surprise the user more than one clear line."""
    if path.suffix.lower() in _FILE_SUFFIXES and not path.is_dir():
        raise InputError(f"{path}: the output is a folder and this is a file name; pass a folder "
                         f"(for example -o {path.with_suffix('')}) and the files are named inside it.")


def make_folder(path: Path) -> Path:
    """The output folder, made if missing; refused in one line when it cannot be."""
    check_folder(path)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise cannot_write(path, exc) from None
    return path


def write_atomic(path: Path | str, data: bytes | str, force: bool = False, inputs=()) -> Path:
    """Write to a temporary file beside the target, then rename it into place."""
    path = Path(path)
    check_writable(path, force, inputs)
    if isinstance(data, str):
        data = data.encode("utf-8")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise cannot_write(path, exc) from None
    try:
        if hasattr(os, "fchmod"):  # mkstemp makes 0600; an output is a file like any the user saves
            os.fchmod(fd, _mode_for(path))
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _mode_for(path: Path) -> int:
    """The permissions of the file being replaced, else those the user's umask gives a new file."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0o022)  # reading the umask means setting it; put it straight back
        os.umask(umask)
        return 0o666 & ~umask
