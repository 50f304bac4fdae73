"""Rule packs: finding, reading and validating the YAML files and their word lists (the
format itself is `pack_model`)."""

from __future__ import annotations

import hashlib
import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

from pydantic import ValidationError

from resumefit import cache, safe_yaml
from resumefit.engine.pack_model import (PLACEHOLDER, PLACEHOLDERS, LexiconCheck, Pack, PatternCheck, PhraseCheck,
                                        ProfileCheck, StructureCheck)
from resumefit.errors import PackError

MAX_PACK_FILE_BYTES = 4 * 1024 * 1024  # a pack or a word list is written by hand


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

    def digest(self) -> str:
        """A hash of the rules and word lists as loaded: an edited pack has another."""
        content = self.pack.model_dump_json() + json.dumps(self.lexicons, sort_keys=True)
        return hashlib.sha256(content.encode("utf-8", "surrogatepass")).hexdigest()[:16]


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
    owner: dict[tuple[str, str], str] = {}  # (segment, form) -> the lexicon that has it
    for name, ref in pack.lexicons.items():
        lexicons[name] = _read_lexicon(folder / ref.file, path, name)
        for form in {f.lower() for entry in lexicons[name] for f in entry}:
            other = owner.setdefault((ref.segment or "", form), name)
            if other != name:  # one phrase would count in two categories of the same segment
                raise PackError(f"{folder / ref.file}: lexicon {name}: {form!r} is also in lexicon {other}; "
                                "keep each form in one lexicon of a segment")
    _check_areas(pack, lexicons, path, raw.get("areas"))
    loaded = LoadedPack(pack, path, lines, lexicons)
    _check_requires(loaded)
    return loaded


def _check_areas(pack: Pack, lexicons: dict[str, list[list[str]]], path: Path, raw) -> None:
    terms = {entry[0].strip('"') for entries in lexicons.values() for entry in entries}
    for area, named in pack.areas.items():
        unknown = [term for term in named if term not in terms]
        if unknown:
            line = raw.get("__line__", 1) if isinstance(raw, dict) else 1
            raise PackError(f"{path}:{line}: area {area!r}: {', '.join(map(repr, unknown))} is not a term of "
                            "this pack's word lists (a term is the first form on its line)")


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
    seen: dict[str, int] = {}  # form -> its line: a form on two lines would have two terms
    for number, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if line:
            forms = [t.strip() for t in line.split("|") if t.strip()]
            for form in forms:
                if form.startswith('"') != form.endswith('"') or form.strip('"') == "" or '"' in form.strip('"'):
                    raise PackError(f"{file}:{number}: lexicon {name}: {form}: a form matched as written is "
                                    'one pair of quotes around words ("targeting")')
                if seen.setdefault(form.lower(), number) != number:
                    raise PackError(f"{file}:{number}: lexicon {name}: {form} is also on line {seen[form.lower()]}; "
                                    "keep each form on one line, under one term")
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
        if isinstance(check, (LexiconCheck, ProfileCheck, StructureCheck)):
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


def _yaml_word_read_as_bool(token: dict) -> bool:
    """A text test given true or false: `{LOWER: on}` or `{LOWER: {IN: [on, off]}}` unquoted."""
    texts = [value for key, value in token.items() if not key.upper().startswith(("IS_", "LIKE_", "SENT_"))]
    return any(isinstance(v, bool) for value in texts
               for v in (value.get("IN", []) if isinstance(value, dict) else [value]))


def _validate_patterns(patterns: list[list[dict]], where: str) -> None:
    """spaCy's own validator; a REGEX works on one token, and may not have a shape that
    backtracks catastrophically (`regex_guard`), since a token can still be long."""
    from spacy.schemas import validate_token_pattern

    from resumefit.engine.regex_guard import backtracking_risk

    for pattern in patterns:
        errors = validate_token_pattern(pattern)
        if errors:
            hint = ("; YAML reads on, off, yes and no as true or false: write them in quotes"
                    if any(_yaml_word_read_as_bool(token) for token in pattern) else "")
            raise PackError(f"{where}: invalid token pattern: {errors[0]}{hint}")
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
    ids = {rule.id for loaded in packs for rule in loaded.pack.rules}
    for loaded in packs:
        for rule in loaded.pack.rules:
            unknown = [other for other in rule.covered_by if other not in ids]
            if unknown and not builtin:  # a user pack validated alone may name the built-in rules
                ids |= {r.id for path in builtin_pack_paths() for r in load_pack(path).pack.rules}
                unknown = [other for other in rule.covered_by if other not in ids]
            if unknown:
                raise PackError(f"{loaded.path}:{loaded.lines.get(rule.id, 0)}: rule {rule.id}: covered_by names "
                                f"{', '.join(unknown)}, which no pack defines")
    return packs
