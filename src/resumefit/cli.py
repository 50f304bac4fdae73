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


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
