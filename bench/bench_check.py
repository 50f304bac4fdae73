"""`resumefit check` speed: the whole process against a bare spaCy start, and the analysis
after start-up against a lean floor (lxml read + tokenizer + one PhraseMatcher + one regex).

Run: .venv/bin/python bench/bench_check.py   (figures go in bench/README.md)
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

from bench_read import best_of, lean_floor, two_page_resume  # noqa: E402


def side_by_side(commands: list[list[str]], runs: int = 9) -> list[float]:
    """Median wall time of each command, run in turn so that machine noise hits all alike."""
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(runs):
        for cmd, spent in zip(commands, times):
            start = time.perf_counter()
            subprocess.run(cmd, capture_output=True, check=False)
            spent.append(time.perf_counter() - start)
    return [statistics.median(t) * 1000 for t in times]


def main() -> None:
    from resumefit import api
    from resumefit.engine import nlp
    from resumefit.ingest import read_docx

    nlp.FREEZE_HEAP = True  # as the command line does

    with tempfile.TemporaryDirectory() as tmp:
        path = two_page_resume(Path(tmp) / "two-page.docx")
        exe = str(Path(sys.executable).parent / "resumefit")
        check_all = [exe, "check", str(path), "--target", "all", "--format", "json"]
        # The first run after installing (or editing a pack) parses the packs' YAML and
        # tokenizes the word lists; later runs read both from the cache (resumefit/cache.py).
        cold = ["env", "RESUMEFIT_CACHE_DIR=", *check_all]
        bare, whole, one, first = side_by_side([[sys.executable, "-c", "import spacy; spacy.blank('en')"],
                                                check_all,
                                                [exe, "check", str(path), "--target", "device", "--format", "json"],
                                                cold])
        print(f"bare `import spacy; spacy.blank('en')`: {bare:.0f} ms (median of 9, run in turn)")
        print(f"`resumefit check --target all`:        {whole:.0f} ms, {whole / bare:.2f}x   (target: 1.3x)")
        print(f"`resumefit check --target device`:     {one:.0f} ms, {one / bare:.2f}x   (target: 1.3x)")
        print(f"the same --target all, cache off:      {first:.0f} ms, {first / bare:.2f}x   (a first run)")

        engine = api.engine()
        check = best_of(lambda: engine.check(read_docx(path)), 100)[0]
        floor = lean_floor()
        lean = best_of(lambda: floor(path), 100)[0]
        print(f"best of 100 — lean floor per resume: {lean:.2f} ms; read + check per resume: {check:.2f} ms, "
              f"{check / lean:.2f}x   (target: 3x)")
        from resumefit.ingest import package

        def first_of_its_template():
            package._SHARED.clear()
            engine.check(read_docx(path))

        cold = best_of(first_of_its_template, 100)[0]
        print(f"the same for the first resume of its template (styles parsed): {cold:.2f} ms, {cold / lean:.2f}x")

        def every_word_new():
            engine.index.fuzzy_judged.clear()  # no spelling verdict remembered from an earlier resume
            engine.check(read_docx(path))

        new = best_of(every_word_new, 100)[0]
        print(f"the same with every word new to the process (fuzzy pass in full): {new:.2f} ms, {new / lean:.2f}x")

        # A bound on what rules could ever save: with none, the reader, the analysis (tokens,
        # hits, spelling variants), the metrics the scores count and the scores remain.
        every_rule, engine.rules = engine.rules, []
        bare = best_of(lambda: engine.check(read_docx(path)), 100)[0]
        engine.rules = every_rule
        print(f"the same with no rule run at all (read, analyse, metrics, scores): {bare:.2f} ms, {bare / lean:.2f}x")


if __name__ == "__main__":
    main()
