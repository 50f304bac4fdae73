"""The jinja2 environment over templates/ (shipped as resumefit.templates)."""

from __future__ import annotations

import re
from functools import lru_cache

MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~])")


@lru_cache(maxsize=1)
def environment():
    from importlib import resources

    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(resources.files("resumefit.templates"))),
        autoescape=lambda name: name is not None and ".html" in name,  # report.html.j2
        trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    env.filters["and_list"] = and_list
    env.filters["md"] = md_escape
    return env


def and_list(items) -> str:
    items = list(items)
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def md_escape(text) -> str:
    """Resume text inside Markdown: its characters stay characters, never markup."""
    return MD_SPECIAL.sub(r"\\\1", str(text)).replace("\n", " ")
