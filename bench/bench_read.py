"""Reader speed: start-up of --help/--version, and reading a two-page resume against the
floor of unzipping it and parsing its XML parts with lxml.

Run: .venv/bin/python bench/bench_read.py   (figures go in bench/README.md)
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from ooxml import NURSE_ROLES  # noqa: E402

from resumefit.ingest import read_docx  # noqa: E402


def two_page_resume(path: Path) -> Path:
    """Two pages made as Word makes them (python-docx's default template: full styles,
    theme, numbering and settings parts): eight roles, 24 bullets."""
    from docx import Document

    doc = Document()
    doc.add_paragraph("Jordan A. Rivera, RN, BSN", style="Title")
    doc.add_paragraph("Sacramento, CA | (916) 555-0142 | jordan.rivera@example.com")
    doc.add_heading("Summary", 1)
    doc.add_paragraph("Operating room nurse moving into device sales. " * 4)
    doc.add_heading("Professional Experience", 1)
    for _ in range(4):
        for title, employer, city, start, end, bullets in NURSE_ROLES:
            doc.add_paragraph().add_run(f"{title} | {employer} | {city}").bold = True
            doc.add_paragraph(f"{start} – {end}")
            for bullet in bullets:
                doc.add_paragraph(bullet, style="List Bullet")
    doc.add_heading("Education", 1)
    doc.add_paragraph("BSN, California State University, 2016")
    doc.add_heading("Skills", 1)
    doc.add_paragraph("Sterile technique, Epic, Salesforce, Case coverage")
    doc.save(path)
    return path


def floor(path: Path) -> None:
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            data = z.read(name)
            if name.endswith((".xml", ".rels")):
                etree.fromstring(data)


def lean_floor():
    """The issues' lean floor for one resume: lxml read of document.xml, spaCy's tokenizer,
    one PhraseMatcher and one regex. Returns a function of the path, set up once."""
    import re

    import spacy
    from spacy.matcher import PhraseMatcher

    nlp = spacy.blank("en")
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    matcher.add("T", [nlp.make_doc(t) for t in ("surgeon", "value analysis committee", "implant")])
    number = re.compile(r"\d+%?")

    def floor(path) -> None:
        root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
        texts = ["".join(p.itertext()) for p in root.iter(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p")]
        for doc in nlp.pipe(texts):
            matcher(doc)
            number.search(doc.text)

    return floor


def best_of(fn, runs: int = 200) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times) * 1000, statistics.median(times) * 1000


def command_time(*args: str, runs: int = 10) -> float:
    exe = [str(ROOT / ".venv/bin/resumefit"), *args]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(exe, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def main() -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = two_page_resume(Path(tmp) / "two-page.docx")
        resume = read_docx(path)
        print(f"two-page resume: {len(resume.bullets)} bullets, {resume.layout.words} words")
        f_min, f_med = best_of(lambda: floor(path))
        r_min, r_med = best_of(lambda: read_docx(path))
        print(f"floor (unzip + lxml parse of every XML part): min {f_min:.2f} ms, median {f_med:.2f} ms")
        print(f"read_docx:                                    min {r_min:.2f} ms, median {r_med:.2f} ms")
        print(f"ratio (median): {r_med / f_med:.2f}x   (target: at most 2x)")
        from resumefit.ingest import package

        def first_of_its_template():  # the template's styles, numbering and theme not seen before
            package._SHARED.clear()
            read_docx(path)

        c_min, c_med = best_of(first_of_its_template)
        print(f"read_docx, first resume of its template:      min {c_min:.2f} ms, median {c_med:.2f} ms "
              f"({c_med / f_med:.2f}x)")
        # The same resume in a bare package (no theme, settings, fonts; tiny styles): the
        # floor shrinks to almost nothing, so this ratio shows the reader's own cost.
        from ooxml import make_docx, p

        body = "".join(p(q.text, style="ListBullet" if q.list_kind else None, bold=q.bold)
                       for q in resume.paragraphs)
        bare = make_docx(Path(tmp) / "bare.docx", body)
        f_min, f_med = best_of(lambda: floor(bare))
        r_min, r_med = best_of(lambda: read_docx(bare))
        print(f"bare package: floor median {f_med:.2f} ms, read_docx median {r_med:.2f} ms, "
              f"ratio {r_med / f_med:.2f}x")
    loaded = subprocess.run([sys.executable, "-c",
                             "import sys; from resumefit import cli; print('spacy' in sys.modules)"],
                            capture_output=True, text=True, check=True).stdout.strip()
    print(f"spaCy imported by the CLI module: {loaded}")
    print(f"resumefit --version: {command_time('--version'):.0f} ms (best of 10)")
    print(f"resumefit --help:    {command_time('--help'):.0f} ms (best of 10)")
    start = time.perf_counter()
    for _ in range(10):
        subprocess.run([sys.executable, "-c", "pass"], check=True)
    print(f"bare python -c pass: {(time.perf_counter() - start) * 100:.0f} ms (mean of 10)")


if __name__ == "__main__":
    main()
