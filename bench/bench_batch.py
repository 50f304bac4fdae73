"""`resumefit batch` throughput and memory: N generated resumes of varied layouts (default
1,000), reviewed with -j 1 and -j 2; resumes per second, the marginal cost per resume
against the lean floor measured in the same run, and peak memory per worker.

Run: .venv/bin/python bench/bench_batch.py [N]   (figures go in bench/README.md)
"""

from __future__ import annotations

import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from ooxml import make_docx, p, table  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from bench_read import lean_floor  # noqa: E402

VERBS = "Led Trained Grew Managed Coordinated Educated Reduced Presented Launched Supported Built Closed".split()
THINGS = ("orthopedic cases with surgeons", "formulary updates for physicians", "infusion center visits",
          "EHR go-live for end users", "prior authorizations for patients", "capital equipment evaluations",
          "accounts across the territory", "new staff on sterile technique", "oncology trial enrollment",
          "call plans for primary care offices")


def bullet(rng: random.Random) -> str:
    number = rng.choice(["", f" {rng.randint(2, 900)}", f" by {rng.randint(5, 60)}%", f" worth ${rng.randint(1, 9)}.{rng.randint(1, 9)}M"])
    return f"{rng.choice(VERBS)}{number} {rng.choice(THINGS)}."


def generate(folder: Path, n: int, seed: int = 7) -> list[Path]:
    """Resumes in three layouts: Word numbering, typed bullets, a two-column table."""
    rng = random.Random(seed)
    paths = []
    for i in range(n):
        layout = i % 3
        lines = [p(f"Candidate {i}"), p(f"Denver, CO | (303) 555-{1000 + i % 9000} | c{i}@example.com"),
                 p("Experience", style="Heading1")]
        roles = []
        for r in range(rng.randint(2, 4)):
            roles.append(p(f"Role {r} | Employer {rng.randint(1, 99)} | Denver, CO | {2010 + r} – {2012 + r}", bold=True))
            for _ in range(rng.randint(3, 6)):
                text = bullet(rng)
                roles.append(p(text, style="ListBullet") if layout == 0 else p(f"• {text}"))
        skills = [p("Skills", style="Heading1"), p("Epic, Salesforce, Case coverage, Formulary")]
        if layout == 2:
            body = "".join(lines[:2]) + table([["".join(skills), "".join(lines[2:] + roles)]])
        else:
            body = "".join(lines + roles + skills)
        paths.append(make_docx(folder / f"resume-{i:05d}.docx", body))
    return paths


def main() -> None:
    from resumefit import api

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "cohort"
        folder.mkdir()
        paths = generate(folder, n)

        run_floor = lean_floor()
        start = time.perf_counter()
        for path in paths:
            run_floor(path)
        floor = (time.perf_counter() - start) / n * 1000
        print(f"{n} generated resumes; lean floor {floor:.2f} ms per resume")

        api.engine()  # spaCy imported and the pipeline built before any timing, as in a long run
        times = {}
        for workers in (1, 2):
            out = Path(tmp) / f"out-{workers}"
            start = time.perf_counter()
            summary = api.batch([folder], ["all"], out, workers=workers)
            spent = time.perf_counter() - start
            times[workers] = spent
            ok = sum(r["status"] == "ok" for r in summary.rows)
            print(f"-j {workers}: {spent:.1f} s, {n / spent:.0f} resumes/s, {spent / n * 1000:.1f} ms per resume "
                  f"all told, {ok} reviewed")
        # The marginal cost: what n - n/5 more resumes add to a run of n/5 (the run's fixed
        # costs, worker start and engine build, cancel out).
        few = max(1, n // 5)
        start = time.perf_counter()
        api.batch(paths[:few], ["all"], Path(tmp) / "out-few", workers=1)
        spent_few = time.perf_counter() - start
        marginal = (times[1] - spent_few) / (n - few) * 1000
        print(f"-j 1 marginal cost per resume: {marginal:.2f} ms, {marginal / floor:.1f}x the floor "
              f"({few} resumes took {spent_few:.2f} s)")
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"-j 2 is {times[1] / times[2]:.2f}x faster than -j 1; peak memory of a worker {peak:.0f} MB "
              f"(parent {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)")


if __name__ == "__main__":
    main()
