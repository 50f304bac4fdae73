"""kind: pattern — spaCy Matcher token patterns (validated when the pack is loaded).

A Matcher call walks the doc's tokens as Python objects, and `IN` and `REGEX` predicates
are evaluated in Python, so a pattern runs only on texts that have a token for each of its
tokens that must be there and name their words (`LOWER`, `ORTH` or `TEXT` with a word or
an `IN` list) or their `SHAPE`: "promoted ... before FDA approval" runs only where
"approval" is written. Set tests on two integer arrays decide that. A pattern with no such
token always runs.
"""

from __future__ import annotations

from resumefit.engine.checks.common import bullets_in_scope, finding

# Attributes of a pattern's first token that can key it, and the doc array to test keys on.
KEY_ATTRS = {"LOWER": "LOWER", "ORTH": "LOWER", "TEXT": "LOWER", "SHAPE": "SHAPE"}


class RuleMatcher:
    def __init__(self, vocab, rule):
        from spacy.matcher import Matcher

        # (what the text must hold: [(doc array, keys one of which it must have)], matcher)
        self.keyed: list[tuple[list[tuple[str, set[int]]], object]] = []
        self.first: dict[str, set[int]] = {}  # every keyed pattern's first need, by array: one test skips most texts
        self.always = Matcher(vocab, validate=True)
        for n, pattern in enumerate(rule.check.patterns):
            needs = [(attr, {vocab.strings.add(v.lower() if attr == "LOWER" else v) for v in values})
                     for attr, values in map(_token_key, pattern) if attr]
            if needs:
                matcher = Matcher(vocab, validate=True)
                matcher.add(f"{rule.id}/{n}", [pattern])
                self.keyed.append((needs, matcher))
                self.first.setdefault(needs[0][0], set()).update(needs[0][1])
            else:
                self.always.add(f"{rule.id}/{n}", [pattern])

    def __call__(self, text_facts) -> list[tuple[int, int, int]]:
        doc = text_facts.doc
        matches = self.always(doc) if len(self.always) else []
        if all(keys.isdisjoint(text_facts.token_keys(attr)) for attr, keys in self.first.items()):
            return matches  # the usual case: no keyed pattern can match here
        for needs, matcher in self.keyed:
            if all(not keys.isdisjoint(text_facts.token_keys(attr)) for attr, keys in needs):
                matches += matcher(doc)
        return matches


def _token_key(token: dict) -> tuple[str, list[str]]:
    """(doc array, values) a token that must be present has to have, or ("", []) when it may
    be absent or has no plain test."""
    if token.get("OP") not in (None, "+"):  # "?", "*", "{0,2}" may match nothing; "!" must not match
        return "", []
    for attr, array in KEY_ATTRS.items():
        value = token.get(attr, token.get(attr.lower()))
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
