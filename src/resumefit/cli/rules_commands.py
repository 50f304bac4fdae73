"""`resumefit rules`: list, explain, validate, test, schema and scaffold rule packs."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from resumefit.cli import main
from resumefit.cli.common import LEVELS, Group, check_output, emit
from resumefit.errors import InputError


@main.group(cls=Group)
def rules():
    """List, explain, validate, test and scaffold rule packs."""


@rules.command("list")
@click.option("--rules", "paths", multiple=True, type=click.Path(path_type=Path), help="A user rule pack.")
@click.option("--format", "fmt", type=click.Choice(["text", "md"]), default="text", show_default=True,
              help="md: a reference page, one section a rule (docs/rules.md is made this way).")
def rules_list(paths, fmt):
    """Every rule: id, level, name and message."""
    from resumefit.engine.pack import load_packs

    packs = load_packs(list(paths))
    if fmt == "md":
        from resumefit.report.rule_docs import rules_markdown

        click.echo(rules_markdown(packs), nl=False)
        return
    for loaded in packs:
        click.echo(f"{loaded.id} {loaded.pack.pack.version} — {loaded.pack.pack.title}")
        for rule in loaded.pack.rules:
            needs = f" (needs --spacy-model: token {', '.join(rule.needs)})" if rule.needs else ""
            click.echo(f"  {rule.id}  {rule.level:7}  {rule.name:38} {rule.message}{needs}")


@rules.command("explain")
@click.argument("rule_id")
@click.option("--rules", "paths", multiple=True, type=click.Path(path_type=Path), help="A user rule pack.")
def rules_explain(rule_id, paths):
    """Show one rule (by id or name): what it checks, why, its examples and its documentation."""
    from resumefit.engine.pack import load_packs
    from resumefit.engine.selftest import describe

    for loaded in load_packs(list(paths)):
        for rule in loaded.pack.rules:
            if rule_id in (rule.id, rule.name):
                click.echo(f"{rule.id} ({rule.name}) — {rule.level}, pack {loaded.id} {loaded.pack.pack.version}")
                click.echo(f"  message:    {rule.message}")
                if rule.suggestion:
                    click.echo(f"  suggestion: {rule.suggestion}")
                if rule.doc:
                    click.echo(f"  why:        {rule.doc}")
                click.echo(f"  check:      {rule.check.model_dump(exclude_defaults=True)}")
                if rule.covered_by:
                    click.echo(f"  left out:   on a bullet where {', '.join(rule.covered_by)} already has a finding")
                if rule.needs:
                    click.echo(f"  needs:      a trained pipeline that sets token {', '.join(rule.needs)} (--spacy-model)")
                click.echo(f"  defined in: {loaded.path}:{loaded.lines.get(rule.id, 0)}")
                if loaded.pack.pack.docs:
                    click.echo(f"  docs:       {loaded.pack.pack.docs}#{rule.id.lower()}")
                for kind, examples in (("fails", rule.tests.fail), ("passes", rule.tests.pass_),
                                       ("known miss", rule.tests.xfail)):
                    for example in examples:
                        click.echo(f"  {kind}: {describe(example)}")
                return
    raise InputError(f"{rule_id}: no such rule; `resumefit rules list` shows them all.")


@rules.command("validate")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
def rules_validate(paths):
    """Validate packs (the built-in ones when no PATH is given): exit 3 if one is invalid."""
    from resumefit.engine.pack import load_packs

    packs = load_packs(list(paths), builtin=not paths)
    n = sum(len(p.pack.rules) for p in packs)
    click.echo(f"{len(packs)} pack(s), {n} rule(s): valid")


@rules.command("test")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "line", "sarif", "junit", "github"]), default="text",
              show_default=True, help="text for people; line, sarif, junit, github for CI.")
@click.option("--fail-level", type=click.Choice(list(LEVELS)), default="error", show_default=True,
              help="A missed example is an error: exit 1 unless this is 'never'.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file instead of stdout.")
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
@click.option("--spacy-model", help="A trained spaCy pipeline you installed (name or path), for rules that need its tags.")
def rules_test(paths, fmt, fail_level, output, force, spacy_model):
    """Run every rule's pass/fail examples (built-in packs when no PATH): exit 1 on a miss."""
    from resumefit import api
    from resumefit.engine.selftest import run_examples
    from resumefit.report import ci_formats

    check_output(output, force, paths)
    engine = api.engine(list(paths), builtin=not paths, spacy_model=spacy_model)
    results, untested = run_examples(engine)
    failed = sum(1 for r in results if not r.ok)
    if fmt == "text":
        lines = [f"FAIL {r.rule} {r.name} [{r.kind}] {r.text!r}: {r.detail}" for r in results if not r.ok]
        lines += [f"note: {rule_id} {why}" for rule_id, why in untested.items()]
        text = "\n".join(lines + [f"{len(results) - failed} passed, {failed} failed"]) + "\n"
    else:
        text = {"line": ci_formats.tests_lines, "sarif": ci_formats.tests_sarif, "junit": ci_formats.tests_junit,
                "github": ci_formats.tests_github}[fmt](results, untested, engine)
    emit(text, output, force, paths)
    sys.exit(1 if failed and fail_level != "never" else 0)


@rules.command("schema")
def rules_schema():
    """Print the JSON Schema of a rule pack (for editors and CI)."""
    from resumefit.engine.pack_model import Pack

    click.echo(json.dumps(Pack.model_json_schema(by_alias=True), indent=2))




@rules.command("new")
@click.argument("rule_id")
@click.option("--kind", type=click.Choice(["phrase", "lexicon", "pattern", "metric", "length", "structure"]),
              required=True, help="The check kind to scaffold.")
@click.option("--pack", "pack_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Add the rule to this pack file (made if missing); else print it.")
@click.option("--name", help="The rule's dotted name (default: <pack>.<kind>.<number>).")
def rules_new(rule_id, kind, pack_path, name):
    """Scaffold a rule with pass and fail examples that `rules test` runs."""
    from resumefit.engine.scaffold import add_rule, rule_yaml

    if pack_path is None:
        click.echo(rule_yaml(rule_id, kind, name), nl=False)
        return
    click.echo(add_rule(pack_path, rule_id, kind, name))
