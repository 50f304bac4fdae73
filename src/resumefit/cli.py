"""The command line: parse options, call `resumefit.api`, pick the output, set the exit code.

Heavy modules (spaCy, the reader, the engine) are imported inside commands so that
`--help` and `--version` stay instant.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from resumefit import __version__
from resumefit.errors import InputError, PackError


class _Group(click.Group):
    """Turns the errors a user can fix into one line on stderr and the right exit code."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (InputError, PackError) as exc:
            click.echo(f"resumefit: {exc}", err=True)
            ctx.exit(exc.exit_code)


def _emit(text: str, output: str | None, force: bool) -> None:
    if output:
        from resumefit.output import write_atomic

        write_atomic(Path(output), text, force=force)
    else:
        click.echo(text, nl=not text.endswith("\n"))


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="resumefit")
def main():
    """Check and tailor a Word resume for medical-sales roles: pharmaceutical,
    medical device, biotech/specialty and healthcare software. Runs offline and
    never invents a fact about the candidate."""


@main.command()
@click.argument("resume", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "jsonresume"]), default="text",
              show_default=True, help="text: an outline; json: the full structure; jsonresume: JSON Resume.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file instead of stdout.")
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
def parse(resume, fmt, output, force):
    """Show how resumefit reads RESUME.docx: contact, sections, roles, bullets, skills."""
    from resumefit import api

    doc = api.parse(resume)
    if fmt == "text":
        from resumefit.report.outline import render_outline

        text = render_outline(doc)
    elif fmt == "json":
        text = json.dumps(doc.to_dict(), indent=2, ensure_ascii=False) + "\n"
    else:
        from resumefit.report.jsonresume import to_jsonresume

        text = json.dumps(to_jsonresume(doc), indent=2, ensure_ascii=False) + "\n"
    _emit(text, output, force)


SEGMENT_CHOICES = ["pharma", "device", "biotech", "software", "all"]
LEVELS = {"info": 0, "warning": 1, "error": 2, "never": 3}


def _targets(target: str) -> list[str]:
    return ["pharma", "device", "biotech", "software"] if target == "all" else [target]


def _split(values: tuple[str, ...]) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


@main.command()
@click.argument("resume", type=click.Path(path_type=Path))
@click.option("--target", type=click.Choice(SEGMENT_CHOICES), default="all", show_default=True,
              help="The medical-sales segment to judge the resume for.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "line"]), default="text", show_default=True)
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
def check(resume, target, fmt, fail_level, min_score, select, ignore, rules, spacy_model, job, output, force):
    """Judge every bullet of RESUME.docx and score its fit for a medical-sales segment."""
    from resumefit import api
    from resumefit.report import check_report

    if output:
        from resumefit.output import check_writable

        check_writable(Path(output), force)
    result = api.check(resume, _targets(target), rules=list(rules), select=_split(select),
                       ignore=_split(ignore), spacy_model=spacy_model, job=job)
    if fmt == "json":
        text = json.dumps(check_report.to_json(result), indent=2, ensure_ascii=False) + "\n"
    elif fmt == "line":
        text = check_report.to_lines(result)
    else:
        text = check_report.to_text(result)
    _emit(text, output, force)
    failing = any(LEVELS[f.level] >= LEVELS[fail_level] for f in result.findings)
    low = min_score is not None and any(s.score < min_score for s in result.scores)
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

    written = api.tailor(resume, _targets(target), outdir, job=job, track=track, comments=comments,
                         max_bullets=max_bullets, report_format=report_format, force=force, rules=list(rules),
                         spacy_model=spacy_model)
    for path in written:
        click.echo(f"wrote {path}")


@main.group(cls=_Group)
def rules():
    """List, explain, validate and test rule packs."""


def _engine(paths, builtin=True):
    from resumefit import api

    return api.engine(list(paths), builtin=builtin)


@rules.command("list")
@click.option("--rules", "paths", multiple=True, type=click.Path(path_type=Path), help="A user rule pack.")
def rules_list(paths):
    """Every rule: id, level, name and message."""
    from resumefit.engine.pack import load_packs

    for loaded in load_packs(list(paths)):
        click.echo(f"{loaded.id} {loaded.pack.pack.version} — {loaded.pack.pack.title}")
        for rule in loaded.pack.rules:
            click.echo(f"  {rule.id}  {rule.level:7}  {rule.name:38} {rule.message}")


@rules.command("explain")
@click.argument("rule_id")
@click.option("--rules", "paths", multiple=True, type=click.Path(path_type=Path), help="A user rule pack.")
def rules_explain(rule_id, paths):
    """Show one rule (by id or name): what it checks, why, and its examples."""
    from resumefit.engine.pack import load_packs

    for loaded in load_packs(list(paths)):
        for rule in loaded.pack.rules:
            if rule_id in (rule.id, rule.name):
                click.echo(f"{rule.id} ({rule.name}) — {rule.level}, pack {loaded.id} {loaded.pack.pack.version}")
                click.echo(f"  message:    {rule.message}")
                if rule.suggestion:
                    click.echo(f"  suggestion: {rule.suggestion}")
                if rule.doc:
                    click.echo(f"  why:        {rule.doc}")
                click.echo(f"  check:      {rule.check.model_dump(exclude_defaults=True)}")
                click.echo(f"  defined in: {loaded.path}:{loaded.lines.get(rule.id, 0)}")
                for kind, texts in (("fails", rule.tests.fail), ("passes", rule.tests.pass_),
                                    ("known miss", rule.tests.xfail)):
                    for text in texts:
                        click.echo(f"  {kind}: {text}")
                return
    raise InputError(f"{rule_id}: no such rule; `resumefit rules list` shows them all.")


@rules.command("validate")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
def rules_validate(paths):
    """Validate packs (the built-in ones when no PATH is given): exit 3 if one is invalid."""
    from resumefit.engine.pack import load_packs

    packs = load_packs(list(paths), builtin=not paths)
    n = sum(len(p.pack.rules) for p in packs)
    click.echo(f"{len(packs)} pack(s), {n} rule(s): valid")


@rules.command("test")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
def rules_test(paths):
    """Run every rule's pass/fail examples (built-in packs when no PATH): exit 1 on a miss."""
    from resumefit.engine.selftest import run_examples

    results, untested = run_examples(_engine(paths, builtin=not paths))
    for r in results:
        if not r.ok:
            click.echo(f"FAIL {r.rule} {r.name} [{r.kind}] {r.text!r}: {r.detail}")
    for rule_id in untested:
        click.echo(f"note: {rule_id} has no examples")
    failed = sum(1 for r in results if not r.ok)
    click.echo(f"{len(results) - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


@rules.command("schema")
def rules_schema():
    """Print the JSON Schema of a rule pack (for editors and CI)."""
    from resumefit.engine.pack import Pack

    click.echo(json.dumps(Pack.model_json_schema(by_alias=True), indent=2))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
