"""What every command shares: one clear line and an exit code for errors a user can fix,
atomic output, the segment and level choices."""

from __future__ import annotations

from pathlib import Path

import click

from resumefit.errors import InputError, PackError

SEGMENT_CHOICES = ["pharma", "device", "biotech", "software", "all"]
LEVELS = {"info": 0, "warning": 1, "error": 2, "never": 3}


class Group(click.Group):
    """Turns the errors a user can fix into one line on stderr and the right exit code."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (InputError, PackError) as exc:
            click.echo(f"resumefit: {exc}", err=True)
            ctx.exit(exc.exit_code)


def emit(text: str, output: str | None, force: bool, inputs=()) -> None:
    if output:
        from resumefit.output import write_atomic

        write_atomic(Path(output), text, force=force, inputs=inputs)
    else:
        click.echo(text, nl=not text.endswith("\n"))


def check_output(output: str | None, force: bool, inputs=()) -> None:
    """Refuse before any work when the output exists and --force was not given, or when it
    is one of the command's input files."""
    if output:
        from resumefit.output import check_writable

        check_writable(Path(output), force, inputs)


def targets(target: str) -> list[str]:
    return ["pharma", "device", "biotech", "software"] if target == "all" else [target]


def split(values: tuple[str, ...]) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def at_or_above(level: str, fail_level: str) -> bool:
    return LEVELS[level] >= LEVELS[fail_level]
