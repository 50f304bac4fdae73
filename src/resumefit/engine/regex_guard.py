"""Refuse user regular expressions that can backtrack catastrophically.

spaCy runs a pattern's REGEX on one token, but a token can be long ("aaaa...ab"), and
`(a+)+$` takes seconds on 25 characters and minutes on 35. Python's `re` has no time limit,
so a pack is checked before it is used: no variable repeat inside a repeated group, no
alternation under an unbounded repeat whose branches can start alike (`(a|ab)+`), and at
most a few unbounded repeats in all. These are the shapes behind exponential and high
polynomial backtracking (star height above one, overlapping alternatives, `.*a.*a.*a.*a`).
"""

from __future__ import annotations

try:  # Python 3.11+
    from re import _constants as sre
    from re import _parser as sre_parse
except ImportError:  # Python 3.10
    import sre_constants as sre  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT}
MAX_UNBOUNDED = 3  # ".*a.*a.*a.*a" backtracks as n^4: a one-token regex needs few


def backtracking_risk(regex: str) -> str:
    """Why the regex may backtrack catastrophically, or "" when it may not."""
    parsed = sre_parse.parse(regex)
    if _count_unbounded(parsed) > MAX_UNBOUNDED:
        return f"more than {MAX_UNBOUNDED} unbounded repeats (+, *, {{n,}})"
    return _walk(parsed, inside_repeat=False)


def _walk(items, inside_repeat: bool) -> str:
    for op, av in items:
        if op in REPEATS:
            low, high, body = av
            if inside_repeat and high > low:  # "(,\d{3})*" is fine: a fixed count splits one way
                return "a variable repeat inside a repeated group, as in (a+)+"
            if high == sre.MAXREPEAT and _overlapping_branches(body):
                return "alternatives that can start alike inside an unbounded repeat, as in (a|ab)+"
            found = _walk(body, inside_repeat or high > 1)
        elif op == sre.BRANCH:
            found = next((why for branch in av[1] if (why := _walk(branch, inside_repeat))), "")
        elif op == sre.SUBPATTERN:
            found = _walk(av[-1], inside_repeat)
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            found = _walk(av[1], inside_repeat)
        else:
            found = ""
        if found:
            return found
    return ""


def _count_unbounded(items) -> int:
    count = 0
    for op, av in items:
        if op in REPEATS:
            count += (av[1] == sre.MAXREPEAT) + _count_unbounded(av[2])
        elif op == sre.BRANCH:
            count += sum(_count_unbounded(branch) for branch in av[1])
        elif op == sre.SUBPATTERN:
            count += _count_unbounded(av[-1])
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            count += _count_unbounded(av[1])
    return count


def _overlapping_branches(items) -> bool:
    """An alternation directly in this body whose branches may begin with the same character."""
    for op, av in _unwrapped(items):
        if op == sre.BRANCH:
            firsts = [_first_literal(branch) for branch in av[1]]
            return None in firsts or len(set(firsts)) < len(firsts)
    return False


def _unwrapped(items):
    """The body's items, looking through groups."""
    for op, av in items:
        if op == sre.SUBPATTERN:
            yield from _unwrapped(av[-1])
        else:
            yield op, av


def _first_literal(items) -> int | None:
    first = next(iter(_unwrapped(items)), None)
    return first[1] if first and first[0] == sre.LITERAL else None
