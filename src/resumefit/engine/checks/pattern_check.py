"""kind: pattern — spaCy Matcher token patterns (validated when the pack is loaded).

A Matcher call walks the doc's tokens as Python objects, and `IN` and `REGEX` predicates
are evaluated in Python, so each pattern whose first token names its words (`LOWER`,
`ORTH` or `TEXT` with a word or an `IN` list) or its `SHAPE` runs only on texts that have
such a token; a test on two integer arrays decides that. The rest always run.
"""

from __future__ import annotations

from resumefit.engine.checks.common import bullets_in_scope, finding

# Attributes of a pattern's first token that can key it, and the doc array to test keys on.
KEY_ATTRS = {"LOWER": "LOWER", "ORTH": "LOWER", "TEXT": "LOWER", "SHAPE": "SHAPE"}


class RuleMatcher:
    def __init__(self, vocab, rule):
        from spacy.matcher import Matcher

        # doc array -> (every key of its patterns, [(a pattern's keys, its matcher)])
        self.keyed: dict[str, tuple[set[int], list[tuple[set[int], object]]]] = {}
        self.always = Matcher(vocab, validate=True)
        for n, pattern in enumerate(rule.check.patterns):
            attr, values = _first_token_key(pattern)
            if attr:
                matcher = Matcher(vocab, validate=True)
                matcher.add(f"{rule.id}/{n}", [pattern])
                keys = {vocab.strings.add(v.lower() if attr == "LOWER" else v) for v in values}
                every, matchers = self.keyed.setdefault(attr, (set(), []))
                every |= keys
                matchers.append((keys, matcher))
            else:
                self.always.add(f"{rule.id}/{n}", [pattern])

    def __call__(self, text_facts) -> list[tuple[int, int, int]]:
        doc = text_facts.doc
        matches = self.always(doc) if len(self.always) else []
        for attr, (every, matchers) in self.keyed.items():
            present = text_facts.token_keys(attr)
            if every.isdisjoint(present):
                continue  # the usual case: no pattern of this rule can start here
            for keys, matcher in matchers:
                if not keys.isdisjoint(present):
                    matches += matcher(doc)
        return matches


def _first_token_key(pattern: list[dict]) -> tuple[str, list[str]]:
    """(doc array, values) the pattern's first token must have, or ("", []) when it has no plain test."""
    if not pattern or pattern[0].get("OP") in ("?", "*", "!"):
        return "", []
    for attr, array in KEY_ATTRS.items():
        value = pattern[0].get(attr, pattern[0].get(attr.lower()))
        if isinstance(value, str):
            return array, [value]
        if isinstance(value, dict) and set(value) == {"IN"} and all(isinstance(v, str) for v in value["IN"]):
            return array, list(value["IN"])
    return "", []


def run(rule, facts, engine):
    matcher = engine.matcher_for(rule)
    found = []
    for bf in bullets_in_scope(rule, facts):
        matches = matcher(bf)
        if rule.check.absent:
            if not matches:
                found.append(finding(rule, bf))
        else:  # every place, leftmost-longest: a bullet with a name and a record number has two to remove
            end = -1
            for _, s, e in sorted(matches, key=lambda m: (m[1], -m[2])):
                if s >= end:
                    span = bf.doc[s:e]
                    found.append(finding(rule, bf, span=(span.start_char, span.end_char), phrase=span.text))
                    end = e
    return found
