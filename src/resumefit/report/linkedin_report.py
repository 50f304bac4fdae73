"""The LinkedIn review as text, Markdown, self-contained HTML (the gap report's look) or
JSON. Everything from the profile passes through the review's mask first."""

from __future__ import annotations

import json

from resumefit import __version__
from resumefit.model import plain
from resumefit.linkedin.review import HEADLINE_MAX, Review, as_dict, mask_all
from resumefit.templating import environment

SCHEMA = "resumefit.linkedin-report/v1"
SEE_MORE = 300  # characters of About shown before "see more"


def context(review: Review) -> dict:
    result = review.result
    profile, facts = result.resume.linkedin, result.facts
    score = next(s for s in result.scores if s.segment == review.segment)
    by_anchor: dict[str, list] = {}
    for f in result.findings:
        by_anchor.setdefault(f.anchor, []).append(
            {"rule": f.rule, "level": f.level, "message": f.message, "suggestion": f.suggestion})
    positions = []
    for role in result.resume.roles:
        positions.append({
            "title": role.title, "company": role.employer, "start": role.start, "end": role.end,
            "findings": by_anchor.get(role.anchor, []),
            "lines": [{"text": bf.text, "metrics": [m.text for m in bf.metrics],
                       "terms": sorted({h.text for h in bf.hits if h.segment == review.segment}),
                       "findings": by_anchor.get(bf.bullet.anchor, [])}
                      for bf in facts.bullets if bf.bullet.role == result.resume.roles.index(role)],
        })
    position_anchors = {r.anchor for r in result.resume.roles} | {bf.bullet.anchor for bf in facts.bullets}
    ctx = {
        "schema": SCHEMA,
        "tool": {"name": "resumefit", "version": __version__},
        "source": profile.source.rsplit("/", 1)[-1],
        "files": profile.files,
        "name": profile.name,
        "segment": review.segment,
        "score": {"score": score.score, "parts": [dict(plain(p), points=round(p.weight * p.value)) for p in score.parts]},
        "headline": {"text": profile.headline, "length": len(profile.headline), "max": HEADLINE_MAX},
        "about": {"length": len(profile.about), "preview": profile.about[:SEE_MORE],
                  "rest": len(profile.about) > SEE_MORE},
        "skills": {"count": len(profile.skills), "top": profile.skills[:3]},
        "certifications": [c.name for c in profile.certifications],
        "profile_findings": [f for a, fs in sorted(by_anchor.items()) if a not in position_anchors for f in fs],
        "positions": positions,
        "keywords": [{"category": c, "matched": sorted({e["text"] for e in score.matched.get(c, [])}),
                      "missing": score.missing.get(c, [])[:8]} for c in sorted(set(score.matched) | set(score.missing))],
        "areas": score.areas,
        **as_dict(review),
    }
    return mask_all(ctx, profile.private)


def render(ctx: dict, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(ctx, indent=2, ensure_ascii=False) + "\n"
    return environment().get_template(f"linkedin.{fmt}.j2").render(**ctx)
