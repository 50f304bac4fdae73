"""kind: phrase — weak or banned wording, with a suggested replacement and a safe fix."""

from __future__ import annotations

import re
from functools import lru_cache

from resumefit.engine.checks.common import bullets_in_scope, finding


@lru_cache(maxsize=None)
def _regex(words: str, at_start: bool) -> re.Pattern:
    # Literal words with flexible spaces: no user-written regular expression, so no backtracking.
    body = r"\s+".join(re.escape(w) for w in words.split())
    return re.compile((r"^\W*" if at_start else r"(?<![\w-])") + f"({body})" + r"(?![\w-])", re.IGNORECASE)


def run(rule, facts, engine):
    found = []
    for bf in bullets_in_scope(rule, facts):
        for phrase in rule.check.phrases:
            m = _regex(phrase.match, phrase.at == "start").search(bf.text)
            if not m:
                continue
            start, end = m.span(1)
            fix = None
            if phrase.fix is not None:
                replacement = phrase.fix
                if start == 0 and replacement:
                    replacement = replacement[0].upper() + replacement[1:]
                fix = {"span": [start, end], "replacement": replacement}
            found.append(finding(rule, bf, span=(start, end), fix=fix, phrase=m.group(1),
                                 suggest=phrase.suggest or ""))
            break  # one finding per bullet per rule is enough to act on
    return found
