"""A Markdown reference of rule packs (`resumefit rules list --format md`): one section a
rule, anchored by its id in lower case, which is where each rule's help link points."""

from __future__ import annotations

from resumefit.engine.selftest import describe


def rules_markdown(packs) -> str:
    out = ["# Rule reference", "",
           "Made by `resumefit rules list --format md`; do not edit by hand.", ""]
    for loaded in packs:
        meta = loaded.pack.pack
        out += [f"## {meta.id} {meta.version} — {meta.title}", ""]
        for rule in loaded.pack.rules:
            out += [f'<a id="{rule.id.lower()}"></a>', "", f"### {rule.id} `{rule.name}`", "",
                    f"- level: {rule.level}" + (f"; segments: {', '.join(rule.segments)}" if rule.segments else "")
                    + f"; scope: {rule.scope}; score part: {rule.score}",
                    f"- check: `{rule.check.kind}`", f"- message: {rule.message}"]
            if rule.suggestion:
                out.append(f"- suggestion: {rule.suggestion}")
            if rule.needs:
                out.append(f"- needs a trained pipeline that sets token {', '.join(rule.needs)} (`--spacy-model`)")
            if rule.covered_by:
                out.append(f"- left out on a bullet where {', '.join(rule.covered_by)} already has a finding")
            if rule.doc:
                out.append(f"- why: {rule.doc}")
            for kind, examples in (("fails", rule.tests.fail), ("passes", rule.tests.pass_),
                                   ("known miss", rule.tests.xfail)):
                out += [f"- {kind}: {describe(e)}" for e in examples]
            out.append("")
        if loaded.pack.areas:  # what orders the terms offered to a resume of each field
            out += [f"### Fields of work ({meta.id})", "",
                    "A resume that shows one of a field's terms is offered its other terms first.", ""]
            out += [f"- {area}: {', '.join(terms)}" for area, terms in loaded.pack.areas.items()]
            out.append("")
    return "\n".join(out)
