"""kind: metric — a bullet without a measurable result."""

from __future__ import annotations

from resumefit.engine.checks.common import bullets_in_scope, finding


def run(rule, facts, engine):
    return [finding(rule, bf) for bf in bullets_in_scope(rule, facts) if not bf.metrics]
