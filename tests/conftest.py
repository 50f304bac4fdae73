import os
import sys
import tempfile
from pathlib import Path

# Test helpers (ooxml.py) are imported by name.
sys.path.insert(0, str(Path(__file__).parent))

# The start-up cache (resumefit/cache.py) goes to a folder of this run, not the user's.
os.environ.setdefault("RESUMEFIT_CACHE_DIR", tempfile.mkdtemp(prefix="resumefit-cache-"))

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def laughs(levels: int = 7, key: str = "x") -> str:
    """YAML in which each line is nine aliases of the line before: 9**levels values."""
    lines = [f"{key}0: &{key}0 [l, l, l, l, l, l, l, l, l]"]
    lines += [f"{key}{n}: &{key}{n} [{', '.join([f'*{key}{n - 1}'] * 9)}]" for n in range(1, levels)]
    return "\n".join(lines) + "\n"


def pytest_terminal_summary(terminalreporter):
    """The accuracy figures (tests/test_accuracy.py), so every run reports them."""
    figures = getattr(sys.modules.get("test_accuracy"), "FIGURES", None)
    if figures:
        terminalreporter.section("accuracy on tests/data/labelled_bullets.yml")
        for name, line in sorted(figures.items()):
            terminalreporter.write_line(f"{name}: {line}")
