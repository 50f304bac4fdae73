"""kind: length — words per bullet, bullets per role, words or pages per resume."""

from __future__ import annotations

from resumefit.engine.checks.common import bullets_in_scope, finding


def _outside(value: int, check) -> bool:
    return (check.min is not None and value < check.min) or (check.max is not None and value > check.max)


def run(rule, facts, engine):
    check = rule.check
    found = []
    if check.unit == "words":
        for bf in bullets_in_scope(rule, facts):
            count = len(bf.text.split())
            if bf.bullet.kind == "bullet" and _outside(count, check):
                found.append(finding(rule, bf, count=count, min=check.min, max=check.max))
    elif check.unit == "bullets_per_role":
        for role in facts.resume.roles:
            if role.section in rule.sections and _outside(len(role.bullets), check):
                found.append(finding(rule, anchor=role.anchor, count=len(role.bullets), min=check.min,
                                     max=check.max, text=" | ".join(role.header), section=role.section,
                                     phrase=" at ".join(x for x in (role.title, role.employer) if x) or "This role"))
    else:
        value = facts.resume.layout.words if check.unit == "resume_words" else facts.resume.layout.pages
        if _outside(value, check):
            found.append(finding(rule, count=value, min=check.min, max=check.max))
    return found
