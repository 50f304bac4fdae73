"""Commands on resumes: parse, check, tailor."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from resumefit.cli import main
from resumefit.cli.common import LEVELS, SEGMENT_CHOICES, at_or_above, check_output, emit, split, targets

CHECK_FORMATS = ["text", "json", "line", "sarif", "junit", "github"]


@main.command()
@click.argument("resume", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "jsonresume"]), default="text",
              show_default=True, help="text: an outline; json: the full structure; jsonresume: JSON Resume.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file instead of stdout.")
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
def parse(resume, fmt, output, force):
    """Show how resumefit reads RESUME.docx: contact, sections, roles, bullets, skills."""
    from resumefit import api

    check_output(output, force, [resume])
    doc = api.parse(resume)
    if fmt == "text":
        from resumefit.report.outline import render_outline

        text = render_outline(doc)
    elif fmt == "json":
        text = json.dumps(doc.to_dict(), indent=2, ensure_ascii=False) + "\n"
    else:
        from resumefit.report.jsonresume import to_jsonresume

        text = json.dumps(to_jsonresume(doc), indent=2, ensure_ascii=False) + "\n"
    emit(text, output, force, [resume])


@main.command()
@click.argument("resumes", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--target", type=click.Choice(SEGMENT_CHOICES), default="all", show_default=True,
              help="The medical-sales segment to judge the resume for.")
@click.option("--format", "fmt", type=click.Choice(CHECK_FORMATS), default="text", show_default=True,
              help="text for people; json (resumefit.report/v1); line, sarif, junit, github for CI.")
@click.option("--fail-level", type=click.Choice(list(LEVELS)), default="error", show_default=True,
              help="Exit 1 when a finding at or above this level is found.")
@click.option("--min-score", type=click.IntRange(0, 100), help="Exit 1 when a target's fit score is below N.")
@click.option("--select", multiple=True, help="Only these rules (id, name or dotted prefix; comma-separated).")
@click.option("--ignore", multiple=True, help="Skip these rules (id, name or dotted prefix; comma-separated).")
@click.option("--rules", "rules", multiple=True, type=click.Path(path_type=Path), help="A user rule pack file or folder.")
@click.option("--spacy-model", help="Name or path of a spaCy pipeline you installed (default: blank English).")
@click.option("--job", type=click.Path(path_type=Path),
              help="A job posting (.txt, .md with YAML front matter, .docx): report its terms you have and lack.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file instead of stdout.")
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
def check(resumes, target, fmt, fail_level, min_score, select, ignore, rules, spacy_model, job, output, force):
    """Judge every bullet of each RESUME.docx and score its fit for a medical-sales segment."""
    from resumefit import api
    from resumefit.report import check_report, ci_formats

    inputs = [*resumes, job, *rules]
    check_output(output, force, inputs)
    engine = api.engine(list(rules), spacy_model, targets=targets(target))
    results = [api.check(path, targets(target), select=split(select), ignore=split(ignore), eng=engine, job=job)
               for path in resumes]
    if fmt == "json":
        reports = [check_report.to_json(r) for r in results]
        text = json.dumps(reports[0] if len(reports) == 1 else reports, indent=2, ensure_ascii=False) + "\n"
    elif fmt == "text":
        text = "\n".join(check_report.to_text(r) for r in results)
    elif fmt == "line":
        text = ci_formats.check_lines(results)
    elif fmt == "sarif":
        text = ci_formats.check_sarif(results, engine)
    elif fmt == "junit":
        text = ci_formats.check_junit(results, engine, fail_level)
    else:
        text = ci_formats.check_github(results)
    emit(text, output, force, inputs)
    failing = any(at_or_above(f.level, fail_level) for r in results for f in r.findings)
    low = min_score is not None and any(s.score < min_score for r in results for s in r.scores)
    sys.exit(1 if failing or low else 0)


@main.command()
@click.argument("resume", type=click.Path(path_type=Path))
@click.option("--target", type=click.Choice(SEGMENT_CHOICES), required=True,
              help="The segment to tailor for; 'all' writes one copy per segment and a comparison.")
@click.option("--job", type=click.Path(path_type=Path), help="A job posting (.txt, .md, .docx) to tailor towards.")
@click.option("-o", "--outdir", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
              show_default=True, help="Folder for the tailored copy and the report.")
@click.option("--track-changes/--clean", "track", default=True, show_default=True,
              help="Record every edit as a Word tracked change, or apply the edits.")
@click.option("--comments", is_flag=True, help="Attach each bullet's findings and question as a Word comment.")
@click.option("--max-bullets", type=click.IntRange(1, 20), help="Keep at most N bullets per role (the most relevant).")
@click.option("--report-format", type=click.Choice(["html", "md", "json"]), default="html", show_default=True)
@click.option("--rules", "rules", multiple=True, type=click.Path(path_type=Path), help="A user rule pack file or folder.")
@click.option("--spacy-model", help="Name or path of a spaCy pipeline you installed (default: blank English).")
@click.option("--force", is_flag=True, help="Overwrite outputs that exist.")
def tailor(resume, target, job, outdir, track, comments, max_bullets, report_format, rules, spacy_model, force):
    """Write a tailored copy of RESUME.docx (every edit tracked) and a gap report."""
    from resumefit import api

    written = api.tailor(resume, targets(target), outdir, job=job, track=track, comments=comments,
                         max_bullets=max_bullets, report_format=report_format, force=force, rules=list(rules),
                         spacy_model=spacy_model)
    for path in written:
        click.echo(f"wrote {path}")


@main.command()
@click.argument("export", type=click.Path(path_type=Path))
@click.option("--target", type=click.Choice(SEGMENT_CHOICES[:-1]), required=True, help="The segment to review for.")
@click.option("--resume", type=click.Path(path_type=Path), help="Your resume (.docx), to compare with the profile.")
@click.option("--format", "fmt", type=click.Choice(["text", "md", "html", "json"]), default="text", show_default=True)
@click.option("--fail-level", type=click.Choice(list(LEVELS)), default="never", show_default=True,
              help="Exit 1 when a finding at or above this level is found.")
@click.option("--rules", "rules", multiple=True, type=click.Path(path_type=Path), help="A user rule pack file or folder.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file instead of stdout.")
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
def linkedin(export, target, resume, fmt, fail_level, rules, output, force):
    """Review LinkedIn's data export (the .zip or its folder): headline, About, positions,
    skills and certifications, with suggestions drawn from your own profile."""
    from resumefit import api
    from resumefit.report import linkedin_report

    inputs = [export, resume, *rules]
    check_output(output, force, inputs)
    result = api.linkedin(export, target, resume=resume, rules=list(rules))
    emit(linkedin_report.render(linkedin_report.context(result), fmt), output, force, inputs)
    sys.exit(1 if any(at_or_above(f.level, fail_level) for f in result.result.findings) else 0)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--target", type=click.Choice(SEGMENT_CHOICES), default="all", show_default=True)
@click.option("-o", "--outdir", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder for index.html, summary.csv, results.jsonl and the reports.")
@click.option("-j", "--jobs", type=click.IntRange(1, 256), help="Worker processes (default: the number of cores).")
@click.option("--comments", is_flag=True, help="Also write a reviewed copy of each .docx with the findings as comments.")
@click.option("--redact", is_flag=True, help="Replace names, emails, phones, addresses and profile URLs in every output; name "
                   "each resume by its number.")
@click.option("--timeout", type=click.FloatRange(1, 3600), default=60, show_default=True,
              help="Seconds one file may take before its worker is stopped and the file recorded as failed.")
@click.option("--fail-level", type=click.Choice(list(LEVELS)), default="error", show_default=True,
              help="Exit 1 when a resume has a finding at or above this level.")
@click.option("--rules", "rules", multiple=True, type=click.Path(path_type=Path), help="A user rule pack file or folder.")
@click.option("--dask", "dask", metavar="ADDRESS", help="Send the work to a Dask scheduler (pip install 'resumefit[dask]').")
@click.option("--force", is_flag=True, help="Review every file again, even those unchanged since the last run.")
@click.option("--job", "job", type=click.Path(path_type=Path), help="A job posting (.txt, .md, .docx) to match every "
              "resume against: a recruiter's inbox for one job, sorted by match.")
def batch(inputs, target, outdir, jobs, comments, redact, timeout, fail_level, rules, dask, force, job):
    """Review a folder of resumes (folders, files or globs): a dashboard, a CSV, JSON lines
    and a report per resume; files that fail are listed, never fatal."""
    from resumefit import api
    from resumefit.batch.run import progress_bar

    summary = api.batch(list(inputs), targets(target), outdir, workers=jobs, timeout=timeout, comments=comments,
                        redact=redact, force=force, rules=list(rules), progress=progress_bar, dask=dask, job=job)
    ok = [r for r in summary.rows if r["status"] == "ok"]
    failed = len(summary.rows) - len(ok)
    click.echo(f"{len(ok)} reviewed ({summary.skipped} unchanged since the last run), {failed} could not be "
               f"reviewed; open {outdir / 'index.html'}")
    if summary.interrupted:
        click.echo("interrupted: the outputs list every file finished so far", err=True)
        sys.exit(130)
    if not ok:  # every input unusable: a pipeline must not pass a run that reviewed nothing
        click.echo(f"none of the {failed} file(s) could be reviewed: each row of {outdir / 'index.html'} says why; "
                   "save each resume again as .docx in Word.", err=True)
        sys.exit(2)
    level_counts = {"error": "errors", "warning": "warnings"}
    failing = fail_level != "never" and any(
        sum(r.get(level_counts[lvl], 0) for lvl in level_counts if at_or_above(lvl, fail_level)) for r in ok)
    sys.exit(1 if failing else 0)
