import os
import sys
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

# Test helpers (ooxml.py) are imported by name.
sys.path.insert(0, str(Path(__file__).parent))

# The start-up cache (resumefit/cache.py) goes to a folder of this run, not the user's.
os.environ.setdefault("RESUMEFIT_CACHE_DIR", tempfile.mkdtemp(prefix="resumefit-cache-"))

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

from ooxml import NURSE_ROLES, make_docx, p  # noqa: E402  (after the path is set)
from resumefit.cli import main  # noqa: E402  (after the cache folder is set)


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def resume_docx(path, roles, skills="Salesforce, Excel"):
    body = [p("Jordan Rivera"), p("Sacramento, CA | (916) 555-0142 | jordan@example.com"),
            p("Experience", style="Heading1")]
    for header, bullets in roles:
        body += [p(header, bold=True)] + [p(b, style="ListBullet") for b in bullets]
    body += [p("Education", style="Heading1"), p("BS Biology, UC Davis, 2015"),
             p("Skills", style="Heading1"), p(skills)]
    return make_docx(path, "".join(body))


@pytest.fixture(scope="module")
def nurse(tmp_path_factory):
    roles = [(f"{t} | {e} | {c} | {s} – {end}", b) for t, e, c, s, end, b in NURSE_ROLES]
    return resume_docx(tmp_path_factory.mktemp("r") / "nurse.docx", roles)


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
