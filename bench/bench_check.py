"""`resumefit check` speed: the whole process against a bare spaCy start, and the analysis
after start-up against a lean floor (lxml read + tokenizer + one PhraseMatcher + one regex).

Run: .venv/bin/python bench/bench_check.py   (figures go in bench/README.md)
"""

from __future__ import annotations

import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

from bench_read import best_of, two_page_resume  # noqa: E402


def wall(cmd: list[str], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    import spacy
    from lxml import etree
    from spacy.matcher import PhraseMatcher

    from resumefit import api
    from resumefit.ingest import read_docx

    with tempfile.TemporaryDirectory() as tmp:
        path = two_page_resume(Path(tmp) / "two-page.docx")
        exe = str(Path(sys.executable).parent / "resumefit")
        bare = wall([sys.executable, "-c", "import spacy; spacy.blank('en')"])
        whole = wall([exe, "check", str(path), "--target", "all", "--format", "json"])
        print(f"bare `import spacy; spacy.blank('en')`: {bare:.0f} ms (median of 5)")
        print(f"`resumefit check --target all`:        {whole:.0f} ms, {whole / bare:.2f}x   (target: 1.3x)")

        engine = api.engine()
        check = best_of(lambda: engine.check(read_docx(path)), 50)[1]
        nlp = spacy.blank("en")
        matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        matcher.add("T", [nlp.make_doc(t) for t in ("surgeon", "value analysis committee", "implant")])
        number = re.compile(r"\d+%?")
        import zipfile

        def floor():
            root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
            texts = ["".join(p.itertext()) for p in root.iter(
                "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p")]
            for doc in nlp.pipe(texts):
                matcher(doc)
                number.search(doc.text)

        lean = best_of(floor, 50)[1]
        print(f"lean floor per resume: {lean:.2f} ms; read + check per resume: {check:.2f} ms, "
              f"{check / lean:.2f}x   (target: 3x)")


if __name__ == "__main__":
    main()
