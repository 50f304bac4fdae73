"""The command line: parse options, call `resumefit.api`, pick the output, set the exit code.

Heavy modules (spaCy, the reader, the engine) are imported inside commands so that
`--help` and `--version` stay instant.
"""

from __future__ import annotations

import click

from resumefit import __version__
from resumefit.cli.common import Group


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="resumefit")
def main():
    """Check and tailor a Word resume for medical-sales roles: pharmaceutical,
    medical device, biotech/specialty and healthcare software. Runs offline and
    never invents a fact about the candidate."""
    import gc

    from resumefit.engine import nlp

    nlp.FREEZE_HEAP = True  # one job per process: see nlp.settle()
    # No collection walks spaCy's heap while it loads (~100 ms of a start): the collector
    # is back on once the engine is built (settle()), or when a command without one ends.
    gc.disable()
    click.get_current_context().call_on_close(gc.enable)


from resumefit.cli import resume_commands, rules_commands  # noqa: E402  (they register on main)

__all__ = ["main", "resume_commands", "rules_commands"]
