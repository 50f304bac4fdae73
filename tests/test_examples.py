"""The committed examples are what the tool makes today: rebuilding them gives the same
files (examples/tailor_examples.sh fixes the dates with SOURCE_DATE_EPOCH)."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def test_examples_cover_four_layouts_and_every_segment():
    resumes = sorted(p.name for p in EXAMPLES.glob("*.docx"))
    assert len(resumes) >= 4
    postings = " ".join(p.name for p in (EXAMPLES / "postings").iterdir())
    for segment in ("pharma", "device", "biotech", "software"):
        assert segment in postings


def test_committed_tailored_examples_are_current(tmp_path):
    exe = Path(sys.executable).parent / "resumefit"
    subprocess.run(["sh", str(EXAMPLES / "tailor_examples.sh"), str(tmp_path)], check=True, capture_output=True,
                   env={**os.environ, "RESUMEFIT": str(exe)}, cwd=ROOT)
    made = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    committed = sorted(p.relative_to(EXAMPLES / "tailored") for p in (EXAMPLES / "tailored").rglob("*") if p.is_file())
    assert made == committed
    for name in made:
        new, old = tmp_path / name, EXAMPLES / "tailored" / name
        if name.suffix == ".docx":
            with zipfile.ZipFile(new) as a, zipfile.ZipFile(old) as b:
                assert a.read("word/document.xml") == b.read("word/document.xml"), f"rebuild {name}"
        else:
            assert new.read_text() == old.read_text(), f"run examples/tailor_examples.sh: {name} changed"
