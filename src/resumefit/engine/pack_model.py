"""The rule-pack format: pydantic models of a pack's YAML (unknown keys are errors), from
which `resumefit rules schema` prints the JSON Schema."""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, field_validator

SEGMENTS = ("pharma", "device", "biotech", "software")


LINES = ("Where to look in the rule's sections: their bullets, or every line (the contact lines, a summary "
         "paragraph, a references line); a finding on a line that is no bullet is the resume's.")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class LexiconRef(_Strict):
    file: str = Field(description="Word list beside the pack (a path inside its folder), one term a line; "
                                  "synonyms after '|' on the same line.")
    category: str = Field(description="customers, products, clinical, process, tools, credentials ...")
    segment: str | None = Field(None, description="The segment this lexicon is evidence for.")
    fuzzy: int | None = Field(None, ge=70, le=100, description="Match spelling variants at this fuzz.ratio.")

    @field_validator("file")
    @classmethod
    def _inside_the_pack_folder(cls, value: str) -> str:
        # A pack from a pull request must not read /etc/passwd or /dev/zero into a word list.
        path = PurePosixPath(value.replace("\\", "/"))
        if not path.parts or path.is_absolute() or ".." in path.parts or ":" in value:
            raise ValueError("a word list is a path inside the pack's folder, like lexicons/customers.txt")
        return value


class LexiconCheck(_Strict):
    kind: Literal["lexicon"]
    lexicons: list[str] = Field(min_length=1)
    min_hits: int = 1
    at: Literal["start", "anywhere"] = Field("anywhere", description="Count only terms that open the bullet.")
    absent: bool = Field(False, description="Fire when a term is present (a banned list) instead of missing.")
    lines: Literal["bullets", "all"] = Field("bullets", description=LINES)
    unless_results: list[Literal["quota", "rank", "award", "currency", "growth", "change", "percent", "share", "score",
                                 "ratio", "count"]] = Field(
        [], description="Kinds of measurable result that let a bullet stand without the terms: "
                        "'Ranked #2 of 45 in the nation' needs no segment word.")


class MetricCheck(_Strict):
    kind: Literal["metric"]


class Phrase(_Strict):
    match: str = Field(description="Words to find, case-insensitive.")
    at: Literal["start", "anywhere"] = "anywhere"
    suggest: str | None = None
    fix: str | None = Field(None, description="A safe replacement; '' removes the words.")
    not_after: list[str] = Field([], description="Words that, straight before the phrase, make it something else: "
                                                 "'Level' before 'I' (a Level I trauma center).")


class PhraseCheck(_Strict):
    kind: Literal["phrase"]
    phrases: list[Phrase] = Field(min_length=1)
    unless: list[str] = Field([], description="Words that, anywhere in the same bullet, show the phrase is used "
                                              "as it should be (\"unsolicited\" beside \"off-label\"): no finding.")
    lines: Literal["bullets", "all"] = Field("bullets", description=LINES)


class PatternCheck(_Strict):
    kind: Literal["pattern"]
    patterns: list[list[dict]] = Field(min_length=1, description="spaCy Matcher token patterns.")
    absent: bool = Field(False, description="Fire when no pattern matches instead of when one does.")


class LengthCheck(_Strict):
    kind: Literal["length"]
    unit: Literal["words", "bullets_per_role", "resume_words", "pages"]
    min: int | None = None
    max: int | None = None


class StructureCheck(_Strict):
    kind: Literal["structure"]
    fact: Literal["layout_tables", "text_boxes", "header_contact", "images", "columns", "hidden_text",
                  "stuffed_text", "nonstandard_headings", "missing_section", "missing_contact", "tracked_changes", "comments",
                  "end_punctuation", "work_email",
                  "repeated_openers", "past_tense", "role_dates", "functional_layout"]
    section: str | None = None
    field: str | None = None
    lexicons: list[str] = Field(default_factory=list, description=(
        "past_tense: verb lists (their first forms are base forms) whose base or -s form opening a "
        "bullet of a past role is present tense: 'Organize', 'Prioritizes'."))


class ProfileCheck(_Strict):
    """Facts about a LinkedIn profile (rules with `inputs: [linkedin]`)."""

    kind: Literal["profile"]
    fact: Literal["headline_length", "headline_role", "headline_terms", "about_missing", "about_length",
                  "about_hook", "position_length", "title_length", "skills_count", "skills_target", "top_skills",
                  "certifications"]
    max: int | None = Field(None, description="Most characters (or skills) allowed.")
    within: int | None = Field(None, description="about_hook: the first N characters must hold a result.")
    top: int | None = Field(None, description="top_skills: how many skills LinkedIn shows first.")
    lexicons: list[str] = Field(default_factory=list)
    min_hits: int = 1
    words: list[str] = Field(default_factory=list, description="headline_role: words that name the role.")


Check = Annotated[Union[LexiconCheck, MetricCheck, PhraseCheck, PatternCheck, LengthCheck, StructureCheck,
                        ProfileCheck],
                  Field(discriminator="kind")]


class ExampleResume(_Strict):
    """A resume-level example: a complete one-role resume in which only what is named differs."""

    bullets: list[str] = Field(default_factory=lambda: list(DEFAULT_BULLETS), description="One role's bullets.")
    current_role: bool = Field(False, description="The role runs to the present (else it ended in 2021).")
    role_dates: bool = Field(True, description="The role's header gives its dates.")
    sections: list[str] = Field(default_factory=lambda: ["experience", "education", "skills"])
    email: str = "jordan@example.com"
    phone: str = "(916) 555-0142"
    linkedin: str = "linkedin.com/in/jordan-rivera"
    contact_in_header_only: bool = False
    pages: int = 1
    words: int = 500
    layout_tables: int = 0
    text_boxes: int = 0
    columns: int = 1
    images: int = 0
    hidden_text: list[str] = Field(default_factory=list)
    stuffed_text: list[str] = Field(default_factory=list)
    nonstandard_headings: list[str] = Field(default_factory=list)
    tracked_changes: int = 0
    comments: int = 0
    lines: dict[str, list[str]] = Field(default_factory=dict, description="Lines of other sections, by section "
                                        "kind (\"contact\", or one in `sections`): {references: [Available upon request]}.")
    profile: bool = Field(False, description="A LinkedIn profile: the bullets are one position's description.")
    headline: str = "Registered Nurse, Operating Room | Moving into medical device sales | Surgeons, implants"
    about: str = ("Trained 45 OR staff on a new infusion pump and cut turnover time by 18%. Operating room nurse "
                  "moving into medical device sales, at ease with surgeons and sterile processing.")
    title: str = "Registered Nurse, Operating Room"
    skills: list[str] = Field(default_factory=lambda: ["Case coverage", "Surgeons", "Implants", "Sterile technique"])
    certifications: list[str] = Field(default_factory=list)


DEFAULT_BULLETS = ("Trained 12 nurses on new infusion pumps.", "Cut room turnover time by 18%.",
                   "Led a unit council of 9 staff.")
Example = Union[str, ExampleResume]


class Examples(_Strict):
    """A string is one bullet in a past role; a mapping is a resume (ExampleResume)."""

    pass_: list[Example] = Field(default_factory=list, alias="pass")
    fail: list[Example] = Field(default_factory=list)
    xfail: list[Example] = Field(default_factory=list, description="Known misses: expected to fail, not run as errors.")


class Rule(_Strict):
    id: str = Field(pattern=r"^RF-[A-Z]+-\d{3}$")
    name: str = Field(pattern=r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")
    level: Literal["error", "warning", "info"]
    segments: list[Literal["pharma", "device", "biotech", "software"]] = Field(default_factory=list)
    scope: Literal["bullet", "resume"] = "bullet"
    sections: list[str] = Field(default_factory=lambda: ["experience", "accomplishments", "volunteer", "projects",
                                                         "activities"])
    inputs: list[Literal["resume", "linkedin"]] = Field(
        default_factory=lambda: ["resume"], description="What the rule reads: Word resumes, LinkedIn profiles or both.")
    weight: float = 1.0
    score: Literal["keywords", "metrics", "language", "layout", "none"] = "none"
    message: str
    suggestion: str | None = None
    doc: str | None = None
    check: Check
    needs: list[Literal["tag", "pos", "dep", "morph"]] = Field(default_factory=list, description=(
        "Token attributes the rule's patterns read that only a trained pipeline sets (--spacy-model): "
        "without one that sets them, the rule is not run."))
    covered_by: list[str] = Field(default_factory=list, description=(
        "Rule ids whose finding on the same bullet already says what this one would: this one is then "
        "left out ('Helped with' is a weak opener; that it opens with no action verb goes without saying)."))
    tests: Examples = Field(default_factory=Examples)


class PackMeta(_Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_-]*$")
    version: str = Field(pattern=r"^\d+\.\d+\.\d+$")
    title: str
    requires: str | None = Field(None, pattern=r"^\s*(?:(?:>=|<=|==|!=|>|<)\s*\d+(?:\.\d+)*\s*,?\s*)+$",
                                 description="resumefit versions this pack needs, e.g. '>=0.1,<2'.")
    extends: str | None = Field(None, description="The id of a pack this one builds on: its lexicons "
                                                  "can be named in this pack's rules.")
    docs: str | None = Field(None, description="Where the rules are documented; a rule's help link "
                                               "is this plus '#' and its id in lower case.")


class Pack(_Strict):
    schema_: Literal["resumefit.rulepack/v1"] = Field(alias="schema")
    pack: PackMeta
    lexicons: dict[str, LexiconRef] = Field(default_factory=dict)
    areas: dict[Annotated[str, Field(pattern=r"^[A-Za-z][A-Za-z0-9 '&/-]*$")], list[str]] = Field(
        default_factory=dict, description=(
            "Fields of work, each a list of terms of this pack's word lists (the first form on a line): "
            "when a resume shows one term of an area, the area's other terms are suggested before the "
            "rest. A respiratory therapist is offered ventilators and sleep apnea devices, not stents."))
    rules: list[Rule] = Field(default_factory=list)


PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
PLACEHOLDERS = {"hits", "suggestions", "matched", "count", "min", "max", "phrase", "suggest", "section",
                "field", "segment", "text", "value", "within", "top"}
