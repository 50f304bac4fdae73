"""`resumefit rules test`: run every rule's own examples (pass, fail, xfail)."""

from __future__ import annotations

from dataclasses import dataclass

from resumefit.engine.checks import BY_KIND
from resumefit.model import Bullet, Contact, Layout, Paragraph, Resume, Role, Section


@dataclass
class ExampleResult:
    pack: str
    rule: str
    name: str
    kind: str  # pass | fail | xfail
    text: str
    ok: bool
    detail: str = ""


def example_resume(text: str) -> Resume:
    """A one-bullet resume around an example: a past role in an experience section."""
    anchor = "word/document.xml#p0"
    bullet = Bullet(id="b1", anchor=anchor, text=text, section="experience", role=0)
    role = Role(title="Registered Nurse", employer="Example Hospital", start="2018", end="2021",
                anchor=anchor, bullets=[bullet])
    para = Paragraph(anchor=anchor, part="body", text=text, list_kind="bullet")
    section = Section(kind="experience", heading="Experience", roles=[role], lines=[para])
    return Resume(source="<example>", main_part="word/document.xml", paragraphs=[para], contact=Contact(),
                  sections=[Section(kind="contact", heading=""), section], roles=[role], bullets=[bullet],
                  skills=[], education=[], certifications=[], layout=Layout(words=len(text.split())))


def run_examples(engine) -> tuple[list[ExampleResult], list[str]]:
    """Results for every example, and the ids of rules that have none."""
    results, untested = [], []
    for loaded in engine.packs:
        for rule in loaded.pack.rules:
            cases = [("pass", t) for t in rule.tests.pass_] + [("fail", t) for t in rule.tests.fail] + \
                    [("xfail", t) for t in rule.tests.xfail]
            if not cases:
                untested.append(rule.id)
            for kind, text in cases:
                facts = engine.analyse(example_resume(text))
                fired = BY_KIND[rule.check.kind](rule, facts, engine)
                expected_to_fire = kind == "fail"
                if kind == "xfail":  # a known miss: the rule should fire but does not yet
                    ok, detail = not fired, "known miss" if not fired else "now fires: move it to fail"
                else:
                    ok = bool(fired) == expected_to_fire
                    detail = "" if ok else ("did not fire" if expected_to_fire else f"fired: {fired[0].message}")
                results.append(ExampleResult(loaded.id, rule.id, rule.name, kind, text, ok, detail))
    return results, untested
