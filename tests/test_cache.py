"""The start-up cache: it must never change what a pack says, and an edit is never stale."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from resumefit import cache
from resumefit.engine.pack import builtin_pack_paths, load_pack
from resumefit.errors import PackError


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("RESUMEFIT_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_a_cached_pack_is_the_pack_parsed_afresh(cache_dir):
    path = builtin_pack_paths()[0]
    fresh = load_pack(path)
    assert list((cache_dir / "packs").glob("*.json")), "the parse was not stored"
    cached = load_pack(path)
    assert cached.pack == fresh.pack and cached.lines == fresh.lines and cached.lexicons == fresh.lexicons


def test_an_edited_pack_is_read_again_not_taken_from_the_cache(cache_dir, tmp_path):
    pack = tmp_path / "mine.yml"
    text = builtin_pack_paths()[0].read_text(encoding="utf-8")
    pack.write_text(text, encoding="utf-8")
    lexicons = builtin_pack_paths()[0].parent
    load_pack(pack, lexicon_dir=lexicons)
    pack.write_text(text + "\nsurprise: 1\n", encoding="utf-8")
    with pytest.raises(PackError, match="surprise"):
        load_pack(pack, lexicon_dir=lexicons)


def test_a_damaged_cache_entry_is_ignored(cache_dir):
    path = builtin_pack_paths()[0]
    fresh = load_pack(path)
    for entry in (cache_dir / "packs").glob("*.json"):
        entry.write_text("{not json", encoding="utf-8")
    assert load_pack(path).pack == fresh.pack


def test_an_unwritable_cache_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("RESUMEFIT_CACHE_DIR", str(blocker / "cache"))  # a folder inside a file
    assert load_pack(builtin_pack_paths()[0]).pack.rules


def test_the_cache_can_be_turned_off(monkeypatch):
    monkeypatch.setenv("RESUMEFIT_CACHE_DIR", "")
    assert cache.folder() is None
    cache.store("packs", "x", {"a": 1})
    assert cache.load("packs", "x") is None


def test_the_default_folder_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv("RESUMEFIT_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.folder() == Path(tmp_path) / "resumefit"


def test_old_entries_are_dropped_beyond_the_limit(cache_dir, monkeypatch):
    monkeypatch.setattr(cache, "MAX_ENTRIES", 3)
    for n in range(6):
        cache.store("packs", f"entry{n}", {"n": n})
    kept = sorted(p.stem for p in (cache_dir / "packs").glob("*.json"))
    assert len(kept) == 3 and "entry5" in kept and cache.load("packs", "entry5") == {"n": 5}


def test_entries_under_the_limit_are_all_kept(cache_dir, monkeypatch):
    monkeypatch.setattr(cache, "MAX_ENTRIES", 7)
    for n in range(6):
        cache.store("packs", f"entry{n}", {"n": n})
    assert len(list((cache_dir / "packs").glob("*.json"))) == 6


def test_an_entry_too_large_is_neither_stored_nor_read(cache_dir, monkeypatch):
    monkeypatch.setattr(cache, "MAX_ENTRY_BYTES", 100)
    cache.store("packs", "big", {"words": "w" * 200})
    assert not (cache_dir / "packs" / "big.json").exists()
    (cache_dir / "packs").mkdir(parents=True, exist_ok=True)
    (cache_dir / "packs" / "planted.json").write_text('{"words": "' + "w" * 200 + '"}')
    assert cache.load("packs", "planted") is None  # never read, however it got there


def test_half_written_entries_left_by_a_killed_process_are_removed(cache_dir):
    folder = cache_dir / "packs"
    folder.mkdir(parents=True)
    old, fresh = folder / "tmpold.tmp", folder / "tmpnew.tmp"  # the second may be another process's, mid-write
    old.write_text("{half")
    fresh.write_text("{half")
    hours_ago = time.time() - 2 * cache.STALE_TMP_SECONDS
    os.utime(old, (hours_ago, hours_ago))
    cache.store("packs", "entry", {"n": 1})
    assert not old.exists() and fresh.exists() and cache.load("packs", "entry") == {"n": 1}
