"""kind: pattern — spaCy Matcher token patterns (validated when the pack is loaded)."""

from __future__ import annotations

from resumefit.engine.checks.common import bullets_in_scope, finding


def run(rule, facts, engine):
    matcher = engine.matcher_for(rule)
    found = []
    for bf in bullets_in_scope(rule, facts):
        matches = matcher(bf.doc)
        if rule.check.absent:
            if not matches:
                found.append(finding(rule, bf))
        elif matches:
            _, s, e = min(matches, key=lambda m: m[1])
            span = bf.doc[s:e]
            found.append(finding(rule, bf, span=(span.start_char, span.end_char), phrase=span.text))
    return found
