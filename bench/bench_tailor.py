"""`resumefit tailor` speed after start-up: plan, edit the XML, write the .docx and the HTML
report for one two-page resume (the check itself is measured in bench_check.py).

Run: .venv/bin/python bench/bench_tailor.py   (figures go in bench/README.md)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

from bench_read import best_of, two_page_resume  # noqa: E402


def main() -> None:
    from resumefit import api
    from resumefit.report import gap_report
    from resumefit.tailor.run import Options, tailor

    with tempfile.TemporaryDirectory() as tmp:
        path = two_page_resume(Path(tmp) / "two-page.docx")
        engine = api.engine()
        result = engine.check(api.parse(path), ["device"])

        def tailor_and_report(comments: bool = False):
            [t] = tailor(path, result, ["device"], Options(comments=comments))
            ctx = gap_report.context(result, t, "two-page.device.docx")
            (Path(tmp) / "out.docx").write_bytes(t.docx)
            (Path(tmp) / "out.html").write_text(gap_report.render(ctx, "html"), encoding="utf-8")

        tailor_and_report()  # templates compiled once per process, like the CLI
        best, median = best_of(tailor_and_report, 50)
        print(f"tailor + .docx + HTML report: best {best:.1f} ms, median {median:.1f} ms   (target: 40 ms)")
        best, median = best_of(lambda: tailor_and_report(True), 50)
        print(f"  with --comments:            best {best:.1f} ms, median {median:.1f} ms")
        whole = best_of(lambda: engine.check(api.parse(path), ["device"]), 50)
        print(f"read + check for comparison:  best {whole[0]:.1f} ms, median {whole[1]:.1f} ms")


if __name__ == "__main__":
    main()
