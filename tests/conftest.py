import sys
from pathlib import Path

# Test helpers (ooxml.py) are imported by name.
sys.path.insert(0, str(Path(__file__).parent))

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def pytest_terminal_summary(terminalreporter):
    """The accuracy figures (tests/test_accuracy.py), so every run reports them."""
    figures = getattr(sys.modules.get("test_accuracy"), "FIGURES", None)
    if figures:
        terminalreporter.section("accuracy on tests/data/labelled_bullets.yml")
        for name, line in sorted(figures.items()):
            terminalreporter.write_line(f"{name}: {line}")
