"""One small module per check kind. Each exposes `run(rule, facts, engine) -> list[Finding]`."""

from resumefit.engine.checks import (
    length_check,
    lexicon_check,
    metric_check,
    pattern_check,
    phrase_check,
    profile_check,
    structure_check,
)

BY_KIND = {
    "lexicon": lexicon_check.run,
    "metric": metric_check.run,
    "phrase": phrase_check.run,
    "pattern": pattern_check.run,
    "length": length_check.run,
    "structure": structure_check.run,
    "profile": profile_check.run,
}
