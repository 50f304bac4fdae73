"""`resumefit rules test`: run every rule's own examples (pass, fail, xfail)."""

from __future__ import annotations

from dataclasses import dataclass

from resumefit.engine.checks import BY_KIND
from resumefit.engine.pack_model import ExampleResume
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


def example_resume(example: str | ExampleResume, linkedin: bool = False) -> Resume:
    """The resume an example stands for: a string is one bullet in a past role (for a
    LinkedIn-only rule, one line of a position's description)."""
    spec = ExampleResume(bullets=[example], profile=linkedin) if isinstance(example, str) else example
    if spec.profile or linkedin:
        return example_profile(spec)
    paragraphs, bullets = [], []
    for n, text in enumerate(spec.bullets):
        anchor = f"word/document.xml#p{n}"
        paragraphs.append(Paragraph(anchor=anchor, part="body", text=text, list_kind="bullet"))
        bullets.append(Bullet(id=f"b{n + 1}", anchor=anchor, text=text, section="experience", role=0))
    start, end = ("2018", "present" if spec.current_role else "2021") if spec.role_dates else ("", "")
    role = Role(title="Registered Nurse", employer="Example Hospital", start=start, end=end,
                anchor=paragraphs[0].anchor if paragraphs else "", bullets=list(bullets))
    sections = [Section(kind="contact", heading="")]
    for kind in spec.sections:
        section = Section(kind=kind, heading=kind.title())
        if kind == "experience":
            section.roles, section.lines = [role], list(paragraphs)
        sections.append(section)
    for section in sections:
        for text in spec.lines.get(section.kind, []):
            listed = section.kind == "accomplishments"  # its lines are bullets, as a resume lists them
            line = Paragraph(anchor=f"word/document.xml#p{len(paragraphs)}", part="body", text=text,
                             list_kind="bullet" if listed else "")
            paragraphs.append(line)
            section.lines.append(line)
            if listed:
                bullets.append(Bullet(id=f"b{len(bullets) + 1}", anchor=line.anchor, text=text, section=section.kind))
    contact = Contact(name="Jordan Rivera", email=spec.email, phone=spec.phone, linkedin=spec.linkedin,
                      in_header_only=spec.contact_in_header_only)
    layout = Layout(pages=spec.pages, words=spec.words, layout_tables=spec.layout_tables, tables=spec.layout_tables,
                    text_boxes=spec.text_boxes, columns=spec.columns, images=spec.images,
                    hidden_text=spec.hidden_text, stuffed_text=spec.stuffed_text,
                    nonstandard_headings=spec.nonstandard_headings, tracked_changes=spec.tracked_changes,
                    comments=spec.comments)
    return Resume(source="<example>", main_part="word/document.xml", paragraphs=paragraphs, contact=contact,
                  sections=sections, roles=[role] if "experience" in spec.sections else [],
                  bullets=[b for b in bullets if b.section != "experience" or "experience" in spec.sections],
                  skills=[], education=[],
                  certifications=[], layout=layout)


def example_profile(spec: ExampleResume) -> Resume:
    from resumefit.ingest.linkedin import profile_resume
    from resumefit.model import LinkedInCertification, LinkedInPosition, LinkedInProfile

    profile = LinkedInProfile(
        source="<example>", first_name="Jordan", last_name="Rivera", headline=spec.headline, about=spec.about,
        positions=[LinkedInPosition(company="Example Hospital", title=spec.title, description="\n".join(spec.bullets),
                                    start="2018", end="present" if spec.current_role else "2021")],
        skills=spec.skills, certifications=[LinkedInCertification(name=c) for c in spec.certifications])
    return profile_resume(profile)


def describe(example: str | ExampleResume) -> str:
    """An example as one line for the report: the text, or what the resume sets."""
    if isinstance(example, str):
        return example
    return "resume: " + ", ".join(f"{k}={v}" for k, v in example.model_dump(exclude_defaults=True).items())


def run_examples(engine) -> tuple[list[ExampleResult], dict[str, str]]:
    """Results for every example; the rules whose examples were not run, with why."""
    results, untested = [], {}
    for loaded in engine.packs:
        for rule in loaded.pack.rules:
            cases = [("pass", t) for t in rule.tests.pass_] + [("fail", t) for t in rule.tests.fail] + \
                    [("xfail", t) for t in rule.tests.xfail]
            if not cases:
                untested[rule.id] = "has no examples"
            elif not engine.can_run(rule):
                untested[rule.id] = (f"needs a trained pipeline that sets token {', '.join(rule.needs)} "
                                     "(--spacy-model); its examples were not run")
                continue
            for kind, example in cases:
                facts = engine.analyse(example_resume(example, linkedin="resume" not in rule.inputs))
                fired = BY_KIND[rule.check.kind](rule, facts, engine)
                expected_to_fire = kind == "fail"
                if kind == "xfail":  # a known miss: the rule should fire but does not yet
                    ok, detail = not fired, "known miss" if not fired else "now fires: move it to fail"
                else:
                    ok = bool(fired) == expected_to_fire
                    detail = "" if ok else ("did not fire" if expected_to_fire else f"fired: {fired[0].message}")
                results.append(ExampleResult(loaded.id, rule.id, rule.name, kind, describe(example), ok, detail))
    return results, untested
