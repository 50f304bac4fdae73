"""The engine: load packs once, analyse a resume once, run the selected rules, score."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from resumefit.engine.checks import BY_KIND
from resumefit.engine.checks.pattern_check import RuleMatcher
from resumefit.engine.facts import Facts, analyse
from resumefit.engine.lexicon import LexiconIndex
from resumefit.engine.nlp import pipeline, settle
from resumefit.engine.pack import load_packs
from resumefit.engine.pack_model import SEGMENTS
from resumefit.engine.score import score_segments
from resumefit.errors import InputError
from resumefit.model import Finding, Resume, Score

if TYPE_CHECKING:
    from resumefit.engine.job import JobMatch

LEVEL_ORDER = {"info": 0, "warning": 1, "error": 2}


@dataclass
class CheckResult:
    resume: Resume
    facts: Facts
    targets: list[str]
    findings: list[Finding]
    scores: list[Score]
    packs: list[dict] = field(default_factory=list)
    job: JobMatch | None = None  # with --job: the posting's terms the resume has and lacks


def names(rule, pattern: str) -> bool:
    """Whether a --select or --ignore pattern names the rule: its id or name, a dotted name
    prefix ("core.language"), an id prefix ("RF-COMP"), or an id with a trailing *."""
    return (rule.id == pattern or rule.id.startswith(pattern.rstrip("*")) and pattern.endswith("*")
            or rule.name == pattern or rule.name.startswith(pattern + ".") or rule.id.startswith(pattern + "-"))


def selected(rule, select: list[str], ignore: list[str]) -> bool:
    return (not select or any(names(rule, p) for p in select)) and not any(names(rule, p) for p in ignore)


class Engine:
    """Built once per process; `check` can then run on any number of resumes."""

    def __init__(self, rules: list[Path] | None = None, spacy_model: str | None = None, builtin: bool = True,
                 segments: list[str] | None = None):
        """`segments`: index only these segments' word lists (and those of no segment), for
        a process that checks for known targets; None indexes them all."""
        self.packs = load_packs(rules, builtin=builtin)
        self.text_pipeline = pipeline(spacy_model)
        self.nlp = self.text_pipeline.nlp
        self.segments = list(segments) if segments else list(SEGMENTS)
        self.index = LexiconIndex(self.text_pipeline, self.packs, self.segments)
        self._matchers: dict[str, object] = {}
        self.rules = [rule for loaded in self.packs for rule in loaded.pack.rules]
        self.covered = {rule.id: set(rule.covered_by) for rule in self.rules if rule.covered_by}
        settle()

    def matcher_for(self, rule):
        if rule.id not in self._matchers:
            self._matchers[rule.id] = RuleMatcher(self.nlp.vocab, rule)
        return self._matchers[rule.id]

    def lexicons_for(self, segment: str) -> dict[str, str]:
        return {name: ref.category for loaded in self.packs for name, ref in loaded.pack.lexicons.items()
                if ref.segment == segment}

    def terms(self, lexicon: str) -> list[str]:
        return self.index.terms_by_lexicon.get(lexicon, [])

    def can_run(self, rule) -> bool:
        """Whether the pipeline sets what the rule reads (a tagger's tags for `needs: [tag]`)."""
        return not rule.needs or set(rule.needs) <= self.text_pipeline.provides

    def suggest_terms(self, lexicons: list[str], facts: Facts, limit: int = 3) -> list[str]:
        out: list[str] = []
        for name in lexicons:
            for term in self.index.suggestion_order(name, facts.areas):
                if len(out) == limit:
                    return out
                if term not in facts.terms and term not in out:
                    out.append(term)
        return out

    def analyse(self, resume: Resume) -> Facts:
        return analyse(resume, self.text_pipeline, self.index)

    def check(self, resume: Resume, targets: list[str] | None = None, select: list[str] = (),
              ignore: list[str] = (), posting=None) -> CheckResult:
        targets = list(targets or self.segments)
        if set(targets) - set(self.segments):
            raise ValueError(f"this engine indexes {self.segments}, not {targets}")
        wanted, select, ignore = set(targets), list(select), list(ignore)
        unknown = [p for p in select + ignore if not any(names(rule, p) for rule in self.rules)]
        if unknown:  # a typo would otherwise select nothing, and a CI run would pass
            raise InputError(f"{', '.join(unknown)}: no rule has this id, name or prefix; "
                             "`resumefit rules list` shows them.")
        facts = self.analyse(resume)
        findings: list[Finding] = []
        for rule in self.rules:
            if resume.kind not in rule.inputs or rule.segments and wanted.isdisjoint(rule.segments):
                continue
            if (select or ignore) and not selected(rule, select, ignore) or rule.needs and not self.can_run(rule):
                continue
            findings += BY_KIND[rule.check.kind](rule, facts, self)
        findings = without_covered(findings, self.covered)
        order = {b.id: i for i, b in enumerate(resume.bullets)}
        findings.sort(key=lambda f: (order.get(f.bullet, -1), -LEVEL_ORDER[f.level], f.rule))
        scores = score_segments(targets, facts, findings, self)
        packs = [{"id": p.id, "version": p.pack.pack.version} for p in self.packs]
        job = None
        if posting is not None:  # imported here: a check without a posting never reads one (~25 ms)
            from resumefit.engine.job import match_job

            job = match_job(posting, facts, self)
        return CheckResult(resume, facts, targets, findings, scores, packs, job)


def without_covered(findings: list[Finding], covered: dict[str, set[str]]) -> list[Finding]:
    """Leave out a finding on a bullet when a rule that covers it has a finding there too."""
    if not covered:
        return findings
    said = {(f.bullet, f.rule) for f in findings if f.bullet}
    return [f for f in findings
            if not (f.bullet and f.rule in covered and any((f.bullet, other) in said for other in covered[f.rule]))]
