"""The public Python API; the CLI is a thin layer over these functions."""

from __future__ import annotations

from pathlib import Path

from resumefit.model import Resume


def segments(targets) -> list[str]:
    """Target segments, "all" standing for the four; an unknown name is an InputError."""
    from resumefit.engine.pack_model import SEGMENTS
    from resumefit.errors import InputError

    names = [targets] if isinstance(targets, str) else list(targets or ["all"])
    out = [s for name in names for s in (SEGMENTS if name == "all" else [name])]
    unknown = [s for s in out if s not in SEGMENTS]
    if unknown:
        raise InputError(f"{', '.join(unknown)}: not a segment; use {', '.join(SEGMENTS)} or all.")
    return list(dict.fromkeys(out))


def parse(path: str | Path) -> Resume:
    """Read a .docx resume. Raises `InputError` with one clear line for unusable files."""
    from resumefit.ingest import read_docx

    return read_docx(path)


def engine(rules: list[str | Path] = (), spacy_model: str | None = None, builtin: bool = True,
           targets: list[str] | None = None):
    """The rule engine with the built-in packs and any user packs; build once, reuse.
    With `targets`, only those segments' word lists are indexed (a faster start)."""
    from resumefit.engine.run import Engine

    return Engine([Path(r) for r in rules], spacy_model=spacy_model, builtin=builtin,
                  segments=segments(targets) if targets else None)


def posting(path: str | Path):
    """Read a job posting (.txt, .md with YAML front matter, .docx)."""
    from resumefit.ingest.posting import read_posting

    return read_posting(path)


def check(path: str | Path, targets: list[str] | None = None, rules: list[str | Path] = (),
          select: list[str] = (), ignore: list[str] = (), spacy_model: str | None = None, eng=None,
          job: str | Path | None = None):
    """Read and check a resume: findings, a fit score per target segment and, with a job
    posting, the posting's terms the resume has and lacks."""
    resume = parse(path)
    job_posting = posting(job) if job else None
    eng = eng or engine(rules, spacy_model)
    return eng.check(resume, segments(targets), select=select, ignore=ignore, posting=job_posting)


def tailor(path: str | Path, targets: list[str], outdir: str | Path = ".", job: str | Path | None = None,
           track: bool = True, comments: bool = False, max_bullets: int | None = None,
           report_format: str = "html", force: bool = False, rules: list[str | Path] = (),
           spacy_model: str | None = None, eng=None) -> list[Path]:
    """Write a tailored copy of the resume and a gap report per target segment (plus a
    comparison report for several); the paths written. Nothing is written, and InputError
    is raised, when an output exists and `force` is not set."""
    from resumefit.output import check_folder, check_writable, write_atomic
    from resumefit.report import gap_report
    from resumefit.tailor.run import Options
    from resumefit.tailor.run import tailor as tailor_copies

    path, outdir, targets = Path(path), Path(outdir), segments(targets)
    check_folder(outdir)
    ext = {"html": "html", "md": "md", "json": "json"}[report_format]
    names = {s: (outdir / f"{path.stem}.{s}.docx", outdir / f"{path.stem}.{s}.report.{ext}") for s in targets}
    comparison = outdir / f"{path.stem}.all.report.{ext}" if len(targets) > 1 else None
    for out in [p for pair in names.values() for p in pair] + ([comparison] if comparison else []):
        check_writable(out, force, inputs=(path, job))
    resume = parse(path)
    job_posting = posting(job) if job else None
    eng = eng or engine(rules, spacy_model, targets=targets)
    result = eng.check(resume, targets, posting=job_posting)
    written, contexts = [], []
    for tailored in tailor_copies(path, result, targets, Options(track, comments, max_bullets)):
        docx_path, report_path = names[tailored.segment]
        written.append(write_atomic(docx_path, tailored.docx, force=True))
        ctx = gap_report.context(result, tailored, docx_path.name)
        ctx["report"] = report_path.name
        written.append(write_atomic(report_path, gap_report.render(ctx, report_format), force=True))
        contexts.append(ctx)
    if comparison:
        written.append(write_atomic(comparison, gap_report.render(gap_report.comparison(result, contexts),
                                                                  report_format, "comparison"), force=True))
    return written


def linkedin(export: str | Path, segment: str, resume: str | Path | None = None, rules: list[str | Path] = (),
             spacy_model: str | None = None, eng=None):
    """Review a LinkedIn data export (.zip or folder) for a segment, against the resume
    when one is given; a `Review` (render it with `resumefit.report.linkedin_report`)."""
    from resumefit.ingest.linkedin import profile_resume, read_linkedin
    from resumefit.errors import InputError
    from resumefit.linkedin.review import review, same_person

    profile = read_linkedin(export)
    resume_doc = parse(resume) if resume else None
    if resume_doc is not None and not same_person(profile, resume_doc):
        # Suggestions drawn from another person's resume would put their experience on this profile.
        raise InputError(f"{resume}: this resume is {resume_doc.contact.name}'s but the LinkedIn export is "
                         f"{profile.first_name} {profile.last_name}'s; give one person's resume and export.")
    eng = eng or engine(rules, spacy_model)
    segment = segments([segment])[0]
    profile_result = eng.check(profile_resume(profile), [segment])
    resume_result = eng.check(resume_doc, [segment]) if resume_doc is not None else None
    return review(profile_result, segment, resume_result)


def batch(inputs: list[str], targets: list[str], outdir: str | Path, workers: int | None = None,
          timeout: float = 60.0, comments: bool = False, redact: bool = False, force: bool = False,
          rules: list[str | Path] = (), progress=None, dask: str | None = None, job: str | Path | None = None):
    """Review a cohort: every .docx under the inputs; writes index.html, summary.csv,
    results.jsonl and one report per resume into `outdir`. The engine is built once here,
    before the worker processes are forked from this one."""
    import os

    from resumefit.batch.run import run_batch
    from resumefit.output import check_folder

    check_folder(Path(outdir))  # before the engine is built: a wrong -o costs the user nothing
    job_posting = posting(job) if job else None  # read once: every resume is matched against it
    eng = engine(rules, targets=targets)
    eng.text_pipeline.docs(["warm up the tokenizer and lemma table before forking"])
    return run_batch([str(i) for i in inputs], segments(targets), Path(outdir), eng, workers or os.cpu_count() or 1,
                     timeout, comments=comments, redact=redact, force=force, progress=progress, dask=dask,
                     rules=tuple(str(r) for r in rules), posting=job_posting)
