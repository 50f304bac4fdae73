"""A small on-disk cache of what start-up derives from files that rarely change: rule packs
parsed from YAML, word lists split into tokens. A later process reads the JSON instead of
doing the work again (YAML parsing and spaCy's tokenizer cost ~80 ms a start).

An entry is named by a hash of everything it derives from, so an edited pack is simply a
new entry and nothing goes stale. Entries are plain JSON (never pickles: reading one cannot
run code). The folder is $RESUMEFIT_CACHE_DIR, else $XDG_CACHE_HOME/resumefit, else
~/.cache/resumefit; RESUMEFIT_CACHE_DIR set to an empty string turns the cache off. A
cache that cannot be read or written is skipped: it only ever saves time.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from pathlib import Path

FORMAT = "1"  # bump when what is stored changes shape
MAX_ENTRIES = 64  # per kind: a pack author's many edits do not pile up
MAX_ENTRY_BYTES = 4 * 1024 * 1024  # ~150x the largest built-in entry; a larger value is derived each time
STALE_TMP_SECONDS = 3600  # a half-written entry this old was left by a process that was killed


def folder() -> Path | None:
    configured = os.environ.get("RESUMEFIT_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "resumefit"


def key(*parts: str) -> str:
    digest = hashlib.sha256(FORMAT.encode())
    for part in parts:
        digest.update(b"\0" + part.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:40]


def load(kind: str, name: str):
    """The stored value, or None when there is none (or it cannot be read)."""
    where = folder()
    if where is None:
        return None
    path = where / kind / f"{name}.json"
    try:
        if path.stat().st_size > MAX_ENTRY_BYTES:
            return None
        return json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None


def store(kind: str, name: str, value) -> None:
    """Write atomically (a reader never sees half an entry); any failure is ignored."""
    where = folder()
    if where is None:
        return
    tmp = None
    try:
        data = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        if len(data) > MAX_ENTRY_BYTES:
            return
        target = where / kind
        target.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target / f"{name}.json")
        _prune(target, keep=f"{name}.json")
    except (OSError, TypeError, ValueError):
        if tmp:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _prune(target: Path, keep: str) -> None:
    """Only on a store (a miss): drop the oldest entries beyond MAX_ENTRIES, never `keep`,
    and half-written ones a killed process left behind."""
    entries = sorted((p for p in target.glob("*.json") if p.name != keep), key=lambda p: p.stat().st_mtime)
    for old in entries[:max(0, len(entries) + 1 - MAX_ENTRIES)]:
        old.unlink(missing_ok=True)
    now = time.time()
    for tmp in target.glob("*.tmp"):
        if now - tmp.stat().st_mtime > STALE_TMP_SECONDS:
            tmp.unlink(missing_ok=True)
