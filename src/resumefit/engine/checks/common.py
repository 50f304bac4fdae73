"""What every check kind shares: making a finding from a rule."""

from __future__ import annotations

from resumefit.engine.pack_model import Rule
from resumefit.model import Finding


class _Blank(dict):
    def __missing__(self, key):
        return ""


def fill(template: str | None, values: dict) -> str:
    """The template with its {placeholders} filled; one not given is left empty."""
    if not template or "{" not in template:
        return template or ""
    return template.format_map(values)


def finding(rule: Rule, bf=None, span=None, fix=None, anchor: str = "", **values) -> Finding:
    bullet = bf.bullet if bf is not None else None
    given = _Blank({k: v for k, v in values.items() if v is not None})
    return Finding(
        rule=rule.id, name=rule.name, level=rule.level,
        message=fill(rule.message, given),
        suggestion=fill(rule.suggestion, given),
        anchor=bullet.anchor if bullet else anchor,
        bullet=bullet.id if bullet else "",
        section=bullet.section if bullet else values.get("section", ""),
        text=bullet.text if bullet else values.get("text", ""),
        span=span, fix=fix,
        segment=rule.segments[0] if len(rule.segments) == 1 else "",
        score=rule.score,
    )


def same_for(first: Finding, bf) -> Finding:
    """The finding `first` for another bullet, its message already filled: a rule that finds
    the same thing in bullet after bullet ("no device term here") fills its template once."""
    bullet = bf.bullet
    return Finding(rule=first.rule, name=first.name, level=first.level, message=first.message,
                   anchor=bullet.anchor, bullet=bullet.id, section=bullet.section, text=bullet.text,
                   suggestion=first.suggestion, segment=first.segment, score=first.score)


def bullets_in_scope(rule: Rule, facts):
    return facts.bullets_in(rule.sections)


def lines_in_scope(rule: Rule, facts) -> list[tuple]:
    """(bullet facts or None, anchor, section, text facts) of what the rule reads."""
    return facts.read_by(rule.sections, getattr(rule.check, "lines", "bullets"))
