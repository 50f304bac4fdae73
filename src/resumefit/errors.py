"""The two kinds of failure a user can fix, each mapped to an exit code by the CLI."""


class InputError(Exception):
    """Unusable input (missing file, not a .docx, encrypted, too large ...): exit code 2.

    The message is one line saying what is wrong and what to do.
    """

    exit_code = 2


class PackError(Exception):
    """An invalid rule pack: exit code 3. The message names the file, rule and line."""

    exit_code = 3
