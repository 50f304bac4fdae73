"""`resumefit rules new`: a rule to start from, with examples that `rules test` runs."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from pathlib import Path

from resumefit.errors import InputError, PackError
from resumefit.output import cannot_write

ID = re.compile(r"^RF-([A-Z]+)-(\d{3})$")
CHECKS = {
    "phrase": ('message: "\'{phrase}\' is jargon; say what happened instead."\n'
               'suggestion: "Replace it with the result it stands for."\n'
               "check:\n  kind: phrase\n  phrases:\n    - {match: synergy}\n",
               '["Drove synergy across 4 teams."]', '["Grew sales 12% across 4 teams."]', "language", "bullet"),
    "pattern": ('message: "\'{phrase}\' is jargon; say what happened instead."\n'
                "check:\n  kind: pattern\n  patterns:\n    - [{LOWER: synergy}]\n",
                '["Drove synergy across 4 teams."]', '["Grew sales 12% across 4 teams."]', "language", "bullet"),
    "lexicon": ('message: "No term from our list in this bullet; name the evidence (for example {suggestions})."\n'
                "check: {kind: lexicon, lexicons: [LEXICON], min_hits: 1}\n",
                '["Charted vitals every hour."]', '["Presented 12 cases at the weekly tumor board."]',
                "keywords", "bullet"),
    "metric": ('message: "No measurable result in this bullet."\ncheck: {kind: metric}\n',
               '["Educated patients on discharge plans."]', '["Educated 30 patients a week on discharge plans."]',
               "metrics", "bullet"),
    "length": ('message: "This bullet has {count} words; keep it under {max}."\n'
               "check: {kind: length, unit: words, max: 25}\n",
               '["Coordinated the perioperative schedule for a busy twelve-room surgical department including block '
               'time, add-on cases, vendor representatives, loaner trays, implant availability and staffing every '
               'single day of the week."]', '["Circulated 600+ orthopedic cases a year."]', "language", "bullet"),
    "structure": ('message: "No certifications section; list CNOR, CNPR or CMSP if you hold them."\n'
                  "check: {kind: structure, fact: missing_section, section: certifications}\n",
                  "[{sections: [experience, education, skills]}]",
                  "[{sections: [experience, education, skills, certifications]}]", "none", "resume"),
}
LEXICON_TERMS = "tumor board\nhematology | heme\noncology nurse navigator | nurse navigator\n"


def rule_yaml(rule_id: str, kind: str, name: str | None = None, lexicon: str | None = None) -> str:
    """The rule as YAML, indented to sit under a pack's `rules:`."""
    m = ID.match(rule_id)
    if not m:
        raise InputError(f"{rule_id}: a rule id looks like RF-MINE-001 (RF-, capital letters, -, three digits).")
    prefix = m.group(1).lower()
    name = name or f"{prefix}.{kind}.rule_{m.group(2)}"
    if not re.fullmatch(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+", name):
        raise InputError(f"{name}: a rule name is dotted lower-case words, e.g. mine.weak.synergy.")
    body, fail, ok, score, scope = CHECKS[kind]
    body = body.replace("LEXICON", lexicon or f"{prefix}_terms")
    lines = [f"- id: {rule_id}", f"  name: {name}", "  level: warning", f"  score: {score}"]
    if scope == "resume":
        lines.append("  scope: resume")
    lines += ["  " + line for line in body.splitlines()]
    lines += ["  tests:", f"    fail: {fail}", f"    pass: {ok}"]
    return "\n".join("  " + line for line in lines) + "\n"


def add_rule(pack: Path, rule_id: str, kind: str, name: str | None = None) -> str:
    """Add the rule (and for a lexicon rule, a word list) to a pack file, made if missing;
    the pack is validated before anything is written."""
    from resumefit.engine.pack import load_packs

    prefix = ID.match(rule_id).group(1).lower() if ID.match(rule_id) else "mine"
    extra_files = {}
    if pack.exists():
        try:
            text = pack.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{pack}: cannot read this pack ({exc}); give a rule pack's .yml file.") from None
    else:  # a new pack, with the schema beside it for editors
        text = ("# yaml-language-server: $schema=./rulepack.schema.json\n"
                f"schema: resumefit.rulepack/v1\npack: {{id: {prefix}, version: 0.1.0, title: \"{prefix} rules\"}}\n")
        schema = pack.parent / "rulepack.schema.json"
        if not schema.exists():
            import json

            from resumefit.engine.pack_model import Pack

            extra_files[schema] = json.dumps(Pack.model_json_schema(by_alias=True), indent=2) + "\n"
    lexicon = f"{prefix}_terms"
    if kind == "lexicon" and not re.search(rf"^\s+{lexicon}:", text, re.M):
        entry = f"  {lexicon}: {{file: lexicons/{lexicon}.txt, category: customers}}\n"
        if re.search(r"^lexicons:\s*$", text, re.M):
            text = re.sub(r"^lexicons:\s*\n", lambda m: m.group(0) + entry, text, count=1, flags=re.M)
        else:
            text = re.sub(r"^rules:", "lexicons:\n" + entry + "rules:", text, count=1, flags=re.M) \
                if re.search(r"^rules:", text, re.M) else text + "lexicons:\n" + entry
        words = pack.parent / "lexicons" / f"{lexicon}.txt"
        if not words.exists():
            extra_files[words] = LEXICON_TERMS
    if not re.search(r"^rules:", text, re.M):
        text = text.rstrip("\n") + "\nrules:\n"
    elif re.search(r"^rules:\s*\[\]\s*$", text, re.M):
        text = re.sub(r"^rules:\s*\[\]\s*$", "rules:", text, flags=re.M)
    text = text.rstrip("\n") + "\n" + rule_yaml(rule_id, kind, name, lexicon)
    try:
        for path, content in extra_files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
        pack.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{pack.name}.", suffix=".yml", dir=pack.parent)
    except OSError as exc:
        for path in extra_files:
            with contextlib.suppress(OSError):
                path.unlink()
        raise cannot_write(pack.parent, exc) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        try:
            load_packs([Path(tmp)])  # nothing is replaced unless the pack stays valid
        except PackError as exc:
            raise PackError(str(exc).replace(tmp, str(pack))) from None
        os.replace(tmp, pack)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        for path in extra_files:
            path.unlink(missing_ok=True)
        raise
    return f"added {rule_id} ({kind}) to {pack}; run: resumefit rules test {pack}"
