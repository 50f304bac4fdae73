"""Rule packs: YAML files validated by pydantic models (unknown keys are errors)."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path, PurePosixPath
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from resumefit import cache, safe_yaml
from resumefit.errors import PackError

SCHEMA = "resumefit.rulepack/v1"
SEGMENTS = ("pharma", "device", "biotech", "software")
MAX_PACK_FILE_BYTES = 4 * 1024 * 1024  # a pack or a word list is written by hand


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


class MetricCheck(_Strict):
    kind: Literal["metric"]


class Phrase(_Strict):
    match: str = Field(description="Words to find, case-insensitive.")
    at: Literal["start", "anywhere"] = "anywhere"
    suggest: str | None = None
    fix: str | None = Field(None, description="A safe replacement; '' removes the words.")


class PhraseCheck(_Strict):
    kind: Literal["phrase"]
    phrases: list[Phrase] = Field(min_length=1)
    unless: list[str] = Field([], description="Words that, anywhere in the same bullet, show the phrase is used "
                                              "as it should be (\"unsolicited\" beside \"off-label\"): no finding.")


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
                  "stuffed_text", "nonstandard_headings", "missing_section", "missing_contact",
                  "repeated_openers", "past_tense"]
    section: str | None = None
    field: str | None = None


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
    sections: list[str] = Field(default_factory=lambda: ["experience", "volunteer", "projects", "activities"])
    inputs: list[Literal["resume", "linkedin"]] = Field(
        default_factory=lambda: ["resume"], description="What the rule reads: Word resumes, LinkedIn profiles or both.")
    weight: float = 1.0
    score: Literal["keywords", "metrics", "language", "layout", "none"] = "none"
    message: str
    suggestion: str | None = None
    doc: str | None = None
    check: Check
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
    rules: list[Rule] = Field(default_factory=list)


PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
PLACEHOLDERS = {"hits", "suggestions", "matched", "count", "min", "max", "phrase", "suggest", "section",
                "field", "segment", "text", "value", "within", "top"}


class LoadedPack:
    """A validated pack, where it came from, and its word lists."""

    def __init__(self, pack: Pack, path: Path, lines: dict[str, int], lexicons: dict[str, list[list[str]]]):
        self.pack = pack
        self.path = path
        self.lines = lines  # rule id -> line in the file, for messages
        self.lexicons = lexicons  # name -> entries, each [term, synonym, ...]

    @property
    def id(self) -> str:
        return self.pack.pack.id


@lru_cache(maxsize=1)
def _line_loader():
    """A safe loader that remembers on which line each mapping starts (libyaml's when
    PyYAML was built with it, 7x faster). Built on first use: a start-up whose packs are
    all cached never imports PyYAML."""
    import yaml

    class LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        pass

    def mapping_with_line(loader, node):
        mapping = loader.construct_mapping(node, deep=True)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping

    LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping_with_line)
    return yaml, LineLoader


def parse_yaml(text: str, path: Path):
    """The pack file's data, each mapping with its `__line__`; from the cache when this exact
    text was parsed before. Only data that JSON keeps exactly is cached."""
    name = cache.key("pack", text)
    raw = cache.load("packs", name)
    if raw is not None:
        return raw
    yaml, loader = _line_loader()
    try:
        raw = safe_yaml.load(text, loader)  # a SafeLoader subclass, bounded
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise PackError(f"{path}{where}: invalid YAML ({problem})") from None
    except safe_yaml.TooLarge as exc:
        raise PackError(f"{path}: refused: {exc}; write the values out instead of nesting aliases") from None
    try:
        if json.loads(json.dumps(raw)) == raw:
            cache.store("packs", name, raw)
    except (TypeError, ValueError):
        pass  # dates, sets, odd keys: parsed each time
    return raw


def _strip_lines(value):
    if isinstance(value, dict):
        return {k: _strip_lines(v) for k, v in value.items() if k != "__line__"}
    if isinstance(value, list):
        return [_strip_lines(v) for v in value]
    return value


def load_pack(path: Path, text: str | None = None, lexicon_dir: Path | None = None) -> LoadedPack:
    """Read and validate one pack file; PackError names the file, rule and line."""
    try:
        text = _read_text(path) if text is None else text
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(f"{path}: cannot read the pack ({exc})") from None
    raw = parse_yaml(text, path)
    if not isinstance(raw, dict):
        raise PackError(f"{path}:1: a rule pack is a mapping with schema, pack and rules")
    entries = raw.get("rules") if isinstance(raw.get("rules"), list) else []  # any other value fails below
    lines = {r.get("id", f"#{i}"): r.get("__line__", 0) for i, r in enumerate(entries)
             if isinstance(r, dict) and isinstance(r.get("id", ""), str)}
    try:
        pack = Pack.model_validate(_strip_lines(raw))
    except ValidationError as exc:
        # The deepest error is the most specific (a union reports one error per member).
        err = max(exc.errors(), key=lambda e: len(e["loc"]))
        loc = [x for x in err["loc"] if not (isinstance(x, str) and (x == "str" or x[:1].isupper()))]
        line, rule = raw.get("__line__", 1), ""
        if len(loc) >= 2 and loc[0] == "rules" and isinstance(loc[1], int):
            entry = entries[loc[1]] if loc[1] < len(entries) else None
            if isinstance(entry, dict):
                rule, line = f" rule {entry.get('id', '#' + str(loc[1]))}", entry.get("__line__", line)
        field = ".".join(str(x) for x in loc)
        raise PackError(f"{path}:{line}:{rule} {field}: {err['msg']}") from None
    folder = lexicon_dir or path.parent
    lexicons = {}
    for name, ref in pack.lexicons.items():
        lexicons[name] = _read_lexicon(folder / ref.file, path, name)
    loaded = LoadedPack(pack, path, lines, lexicons)
    _check_requires(loaded)
    return loaded


def _read_text(file: Path) -> str:
    """A pack's or word list's text: a regular file (not a device or a pipe that never
    ends) of a size people write by hand."""
    if not file.is_file():
        raise OSError("not a regular file" if file.exists() else "no such file")
    if file.stat().st_size > MAX_PACK_FILE_BYTES:
        raise OSError(f"over {MAX_PACK_FILE_BYTES // (1024 * 1024)} MB; the built-in files are under 15 KB")
    return file.read_text(encoding="utf-8")


def _read_lexicon(file: Path, pack_path: Path, name: str) -> list[list[str]]:
    try:
        text = _read_text(file)
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(f"{pack_path}: lexicon {name}: cannot read word list {file} ({exc})") from None
    entries = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if line:
            forms = [t.strip() for t in line.split("|") if t.strip()]
            for form in forms:
                if form.startswith('"') != form.endswith('"') or form.strip('"') == "" or '"' in form.strip('"'):
                    raise PackError(f"{file}:{number}: lexicon {name}: {form}: a form matched as written is "
                                    'one pair of quotes around words ("targeting")')
            entries.append(forms)
    if not entries:
        raise PackError(f"{pack_path}: lexicon {name}: word list {file} is empty")
    return entries


def _check_requires(loaded: LoadedPack) -> None:
    from resumefit import __version__

    spec = loaded.pack.pack.requires
    if spec and not version_matches(__version__, spec):
        raise PackError(f"{loaded.path}:1: pack {loaded.id} requires resumefit {spec}; this is resumefit "
                        f"{__version__} (upgrade resumefit or use a pack version made for it)")


def version_matches(version: str, spec: str) -> bool:
    """'0.1.0' against '>=0.1,<2': each comparison on the numeric parts."""
    def parts(v: str) -> tuple[int, ...]:
        numbers = [int(x) for x in re.findall(r"\d+", v)]
        return tuple(numbers + [0] * (4 - len(numbers)))

    have = parts(version)
    checks = {">=": have.__ge__, "<=": have.__le__, "==": have.__eq__, "!=": have.__ne__,
              ">": have.__gt__, "<": have.__lt__}
    return all(checks[op](parts(v)) for op, v in re.findall(r"(>=|<=|==|!=|>|<)\s*([\d.]+)", spec))


def _check_references(loaded: LoadedPack, visible_lexicons: set[str]) -> None:
    pack, path = loaded.pack, loaded.path
    for rule in pack.rules:
        where = f"{path}:{loaded.lines.get(rule.id, 0)}: rule {rule.id}"
        for name in PLACEHOLDER.findall(rule.message + (rule.suggestion or "")):
            if name not in PLACEHOLDERS:
                raise PackError(f"{where}: unknown placeholder {{{name}}} in message "
                                f"(known: {', '.join(sorted(PLACEHOLDERS))})")
        check = rule.check
        if isinstance(check, (LexiconCheck, ProfileCheck)):
            for name in check.lexicons:
                if name not in visible_lexicons:
                    raise PackError(f"{where}: check names lexicon {name!r}, which neither the pack nor the "
                                    "pack it extends defines")
        if isinstance(check, PatternCheck):
            _validate_patterns(check.patterns, where)
        if isinstance(check, PhraseCheck):
            for phrase in check.phrases:
                if not phrase.match.strip():
                    raise PackError(f"{where}: an empty phrase")
            if any(not words.strip() for words in check.unless):
                raise PackError(f"{where}: an empty 'unless' entry would silence the rule everywhere")


def _validate_patterns(patterns: list[list[dict]], where: str) -> None:
    """spaCy's own validator; a REGEX works on one token, and may not have a shape that
    backtracks catastrophically (`regex_guard`), since a token can still be long."""
    from spacy.schemas import validate_token_pattern

    from resumefit.engine.regex_guard import backtracking_risk

    for pattern in patterns:
        errors = validate_token_pattern(pattern)
        if errors:
            raise PackError(f"{where}: invalid token pattern: {errors[0]}")
        for token in pattern:
            for value in token.values():
                if isinstance(value, dict) and "REGEX" in value:
                    try:
                        re.compile(value["REGEX"])
                    except re.error as exc:
                        raise PackError(f"{where}: invalid REGEX {value['REGEX']!r}: {exc}") from None
                    if risk := backtracking_risk(value["REGEX"]):
                        raise PackError(f"{where}: REGEX {value['REGEX']!r} may backtrack for minutes on one long "
                                        f"word ({risk}); write it without that shape") from None


def builtin_pack_paths() -> list[Path]:
    folder = resources.files("resumefit.rules")
    return sorted(Path(str(f)) for f in folder.iterdir() if f.name.endswith(".yml"))


def pack_paths(paths: list[Path]) -> list[Path]:
    """Pack files from files and folders given by the user. In a folder, a pack is a .yml
    file that says `schema: resumefit.rulepack/...` (a repository also holds CI files and
    other YAML), outside hidden folders."""
    found = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*.yml")
                            if not any(part.startswith(".") for part in p.relative_to(path).parts) and _is_pack(p))
        elif path.exists():
            found.append(path)
        else:
            from resumefit.errors import InputError

            raise InputError(f"{path}: no such rule pack file or folder; check the --rules path.")
    return found


def _is_pack(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return b"resumefit.rulepack/" in fh.read(4096)
    except OSError:
        return False


def load_packs(extra: list[Path] | None = None, builtin: bool = True) -> list[LoadedPack]:
    """Built-in packs plus user packs; ids must be unique across all of them."""
    paths = (builtin_pack_paths() if builtin else []) + pack_paths(extra or [])
    packs = [load_pack(p) for p in paths]
    by_id = {p.id: p for p in packs}
    for loaded in list(packs):  # a user pack validated alone still gets the built-in pack it extends
        base = loaded.pack.pack.extends
        if base and base not in by_id:
            found = [load_pack(p) for p in builtin_pack_paths() if p.stem == base]
            if not found:
                raise PackError(f"{loaded.path}:1: pack {loaded.id} extends {base!r}, which is neither a "
                                "built-in pack nor given with --rules")
            packs.insert(0, found[0])
            by_id[base] = found[0]
    owner: dict[str, str] = {}
    for loaded in packs:
        for name in loaded.pack.lexicons:
            if name in owner:
                raise PackError(f"{loaded.path}:1: lexicon {name!r} is already defined by pack {owner[name]}")
            owner[name] = loaded.id
    for loaded in packs:
        visible, base, seen = set(loaded.pack.lexicons), loaded.pack.pack.extends, {loaded.id}
        while base and base in by_id and base not in seen:  # extends may chain; a loop ends it
            seen.add(base)
            visible |= set(by_id[base].pack.lexicons)
            base = by_id[base].pack.pack.extends
        _check_references(loaded, visible)
    seen: dict[str, Path] = {}
    for loaded in packs:
        for rule in loaded.pack.rules:
            for key in (rule.id, rule.name):
                if key in seen:
                    raise PackError(f"{loaded.path}:{loaded.lines.get(rule.id, 0)}: rule {rule.id}: "
                                    f"{key!r} is already used in {seen[key]}")
                seen[key] = loaded.path
    return packs
