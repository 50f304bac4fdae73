"""User regexes that could backtrack catastrophically are refused before they run; the
shapes a one-token pattern needs are allowed."""

from __future__ import annotations

import pytest

from resumefit.engine.regex_guard import backtracking_risk


@pytest.mark.parametrize("regex", [
    r"(a+)+$", r"(\w+\s?)*$", r"(x+x+)+y", r"(a|ab)+$", r"(a|a)*b", r"(.*a){12}", r".*a.*a.*a.*a",
])
def test_shapes_that_backtrack_are_refused(regex):
    assert backtracking_risk(regex)


@pytest.mark.parametrize("regex", [
    r"^[a-z]{3,}(ed|en)$", r"^(foo|bar)$", r"(?:foo|bar)+", r"^\d{1,3}(,\d{3})*$", r"^[A-Z][a-z]+-[A-Z][a-z]+$",
    r"^(?i:epic|cerner)$", r"(ab|cd)*",
])
def test_what_a_token_pattern_needs_is_allowed(regex):
    assert backtracking_risk(regex) == ""
