"""The work for one resume, the same in a local worker process or on a Dask worker: read,
check, write its report (and with --comments a reviewed copy), return its row."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from resumefit.engine.pack_model import PLACEHOLDER
from resumefit.errors import InputError, PackError
from resumefit.batch.redact import private_values, redact, redact_docx


@dataclass
class Job:
    path: str  # the input file
    name: str  # its stem, unique within the run: outputs are named after it
    targets: list[str]
    outdir: str
    comments: bool = False
    redact: bool = False
    state: str = ""  # where to record the finished review, for a re-run to skip the file
    options: str = "{}"  # the run's options as JSON, recorded with it
    label: str = ""  # how outputs name the file: its path, or with --redact "resume-0001.docx"
    posting: object = None  # with --job: the posting every resume is matched against, read once

    def __post_init__(self):
        self.label = self.label or self.path

    def shown(self, text: str) -> str:
        """A message about the file as outputs may show it (with --redact, without its path)."""
        return text.replace(self.path, self.label)


def file_hash(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def warm_up() -> None:
    """Load what every review needs (modules, the compiled report template) once, in the
    parent before it forks: a fresh worker then starts ready instead of spending ~150 ms
    of each 200 files on imports and template compiling."""
    import rapidfuzz.process  # noqa: F401  (the fuzzy pass)

    from resumefit.ingest import read_docx  # noqa: F401
    from resumefit.report import check_report, gap_report  # noqa: F401
    from resumefit.tailor import run  # noqa: F401
    from resumefit.templating import environment

    environment().get_template("report.html.j2")


def review(job: Job, engine) -> dict:
    """The row for the dashboard and the JSON report for results.jsonl; per-file outputs
    written atomically. A file that cannot be read gives a row with its error."""
    from resumefit.output import write_atomic
    from resumefit.engine.score import best_fit_label, best_fits
    from resumefit.report import check_report, gap_report
    from resumefit.tailor.run import Options, tailor, unchanged

    row = {"file": job.label, "name": job.name, "status": "failed", "error": "", "best": "", "scores": {},
           "with_results": None, "gaps": [], "flags": [], "fields": [], "report": "", "reviewed": ""}
    try:
        digest = file_hash(job.path)
        from resumefit.ingest import read_docx

        resume = read_docx(job.path)
        resume.source = job.label  # reports name the file as the run shows it
        result = engine.check(resume, job.targets, posting=job.posting)
        scores = {s.segment: s.score for s in result.scores}
        best = best_fits(scores)[0]  # the reviewed copy's segment; the row shows a tie as one
        # A reviewed copy (the document with comments) only when asked for: it costs a parse
        # and a write, and copies every part (a damaged picture is found only then).
        [copy] = tailor(job.path, result, [best], Options(comments=True, edits=False)) if job.comments \
            else [unchanged(result, best)]
        private = private_values(resume) if job.redact else []
        # Made before anything is written: a part the reader never needed may not parse.
        reviewed = (redact_docx(copy.docx, private, job.path) if job.redact else copy.docx) if job.comments else b""
    except (InputError, PackError) as exc:
        row["error"] = job.shown(str(exc))
        return {"row": row, "report": {"source": job.label, "error": row["error"]}}
    except FileNotFoundError:
        row["error"] = f"{job.label}: was removed before it could be read"
        return {"row": row, "report": {"source": job.label, "error": row["error"]}}
    ctx = gap_report.context(result, copy, f"{job.name}.reviewed.docx" if job.comments else "")
    experience = result.facts.achievements
    report = check_report.to_json(result)
    outdir = Path(job.outdir)
    report_name = f"reports/{job.name}.html"
    html = gap_report.render(ctx, "html")
    write_atomic(outdir / report_name, redact(html, private) if job.redact else html, force=True)
    row.update(status="ok", candidate="" if job.redact else resume.contact.name, best=best_fit_label(scores), fits=best_fits(scores), scores=scores, report=report_name, sha256=digest,
               with_results=round(sum(1 for bf in experience if bf.metrics) / len(experience), 3) if experience else 0.0,
               gaps=[f"{a['part']} +{a['points']}" for a in ctx["advice"][:2]],
               fields=next(s.areas[:3] for s in result.scores if s.segment == best),  # a student's background
               flags=sorted({flag_label(f) for f in result.findings if f.name.startswith("compliance.")}),
               common=common_findings(result, engine),
               lacking={score.segment: [c for c in score.missing if not score.matched.get(c)] for score in result.scores},
               job=_job_cell(result.job),
               errors=sum(1 for f in result.findings if f.level == "error"),
               warnings=sum(1 for f in result.findings if f.level == "warning"))
    if job.comments:
        row["reviewed"] = f"reviewed/{job.name}.reviewed.docx"
        write_atomic(outdir / row["reviewed"], reviewed, force=True)
    if job.redact:
        row, report = redact(row, private), redact(report, private)
    report_json = json.dumps(report, ensure_ascii=False)
    if job.state:  # written here, beside the report, so the parent only collects rows
        write_atomic(job.state, f'{{"options": {job.options}, "row": {json.dumps(row, ensure_ascii=False)}, '
                                f'"report": {report_json}}}', force=True)
    return {"row": row, "report": report_json}


def _job_cell(job) -> dict | None:
    """With --job, what a recruiter sorts applicants by: the posting's asks the resume meets."""
    if job is None:
        return None
    (met, asks), place = job.counts(), job.place
    return {"rate": round(job.rate, 3), "met": met, "asks": asks, "place": place.mark if place else ""}


def common_findings(result, engine) -> list[list]:
    """[rule, level, what it says, how many times] for each rule not tied to a segment that
    the resume trips: what the dashboard adds up to show an advisor what a cohort shares."""
    counts = Counter(f.rule for f in result.findings if not f.segment)
    rules = {rule.id: rule for rule in engine.rules if rule.id in counts}
    # "'{phrase}' is a weak opener" reads "'…' is a weak opener" for a cohort
    return [[rid, rules[rid].level, PLACEHOLDER.sub("…", rules[rid].message), n] for rid, n in sorted(counts.items())]


def flag_label(finding) -> str:
    """What an advisor reads in the dashboard: "guaranteed outcome (RF-COMP-002)"."""
    return f"{finding.name.rsplit('.', 1)[-1].replace('_', ' ')} ({finding.rule})"
