"""Rule packs as code: CI formats for `check` and `rules test`, authoring (`rules new`,
`requires`, `extends`), the pre-commit hooks, and docs/ci.md's workflow run for real."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from conftest import SHARED
from resumefit.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_PACK = ROOT / "examples" / "packs" / "oncology-territory"
NURSE = ROOT / "examples" / "or-nurse-to-device.docx"
CRC = ROOT / "examples" / "research-coordinator-to-oncology.docx"
SARIF = json.loads((SHARED / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def pack_repo(tmp_path):
    """A user's repository holding a copy of the example pack."""
    shutil.copytree(EXAMPLE_PACK, tmp_path / "packs" / "oncology-territory")
    return tmp_path


def break_example(repo: Path) -> None:
    pack = repo / "packs" / "oncology-territory" / "oncology-territory.yml"
    text = pack.read_text(encoding="utf-8")
    pack.write_text(text.replace('fail: ["Called on oncologists across the territory."]',
                                 'fail: ["Called on 30 oncologists across the territory."]'), encoding="utf-8")


# -- check ---------------------------------------------------------------------------

def test_check_sarif_is_valid_and_complete():
    result = invoke("check", NURSE, CRC, "--target", "device", "--format", "sarif", "--fail-level", "never")
    assert result.exit_code == 0
    log = json.loads(result.stdout)
    jsonschema.Draft4Validator(SARIF).validate(log)
    run = log["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert rules["RF-CORE-001"]["helpUri"] == "docs/rules.md#rf-core-001"
    assert rules["RF-CORE-001"]["defaultConfiguration"]["level"] == "warning"
    assert {r["level"] for r in run["results"]} <= {"error", "warning", "note"}
    first = run["results"][0]
    assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(".docx")
    assert first["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1
    assert set(run["properties"]["scores"]) == {str(NURSE), str(CRC)}
    assert [r["ruleId"] for r in run["results"]].count("RF-CORE-001") >= 2


def test_check_junit_has_one_testcase_per_rule_per_file():
    result = invoke("check", NURSE, CRC, "--target", "device", "--format", "junit", "--fail-level", "warning")
    assert result.exit_code == 1
    suites = ET.fromstring(result.stdout)
    assert [s.get("name") for s in suites] == sorted([str(NURSE), str(CRC)])
    for suite in suites:
        names = [case.get("name") for case in suite]
        assert len(names) == len(set(names)) == int(suite.get("tests"))
        assert any(n.startswith("RF-CORE-001") for n in names)
        failed = [case for case in suite if case.find("failure") is not None]
        assert len(failed) == int(suite.get("failures")) > 0


def test_check_github_and_line_formats_are_sorted_and_stable():
    github = invoke("check", NURSE, "--target", "device", "--format", "github").stdout.splitlines()
    assert github[0] == f"::group::resumefit {NURSE}" and github[-1] == "::endgroup::"
    pattern = re.compile(r"^::(error|warning|notice) file=[^,]+,line=\d+(,col=\d+)?,title=RF-[A-Z]+-\d{3} [\w.]+::.+")
    assert all(pattern.match(line) for line in github[1:-1])
    lines = invoke("check", NURSE, "--target", "device", "--format", "line").stdout.splitlines()
    keys = [(int(line.split(":")[1]), int(line.split(":")[2]), line.split(":")[3]) for line in lines]
    assert keys == sorted(keys)
    assert invoke("check", NURSE, "--target", "device", "--format", "line").stdout == "\n".join(lines) + "\n"


@pytest.mark.parametrize("args, code", [
    (["--fail-level", "never"], 0), (["--fail-level", "info"], 1), (["--fail-level", "error"], 0),
])
def test_check_exit_codes_follow_the_fail_level(args, code):
    assert invoke("check", NURSE, "--target", "device", "--format", "line", *args).exit_code == code


def test_check_exit_2_and_3(tmp_path):
    assert invoke("check", tmp_path / "missing.docx", "--format", "sarif").exit_code == 2
    bad = tmp_path / "bad.yml"
    bad.write_text("schema: resumefit.rulepack/v1\npack: {id: x, version: 1.0.0, title: X}\nrules: [{id: nope}]\n")
    assert invoke("check", NURSE, "--rules", bad, "--format", "sarif").exit_code == 3


# -- rules test ----------------------------------------------------------------------

def test_rules_test_formats_name_the_broken_example(pack_repo):
    packs = pack_repo / "packs"
    assert invoke("rules", "test", packs, "--format", "github").exit_code == 0
    break_example(pack_repo)
    github = invoke("rules", "test", packs, "--format", "github")
    assert github.exit_code == 1
    assert re.search(r"^::error file=.*oncology-territory\.yml,line=\d+,title=RF-ONC-003 example::\[fail\] "
                     r"'Called on 30 oncologists across the territory\.': did not fire$", github.stdout, re.M)
    sarif = invoke("rules", "test", packs, "--format", "sarif", "--fail-level", "never")
    assert sarif.exit_code == 0
    log = json.loads(sarif.stdout)
    jsonschema.Draft4Validator(SARIF).validate(log)
    assert [r["properties"]["rule"] for r in log["runs"][0]["results"]] == ["RF-ONC-003"]
    junit = ET.fromstring(invoke("rules", "test", packs, "--format", "junit").stdout)
    cases = [c for suite in junit.iter("testsuite") for c in suite.iter("testcase")]
    failed = [c for c in cases if c.find("failure") is not None]
    assert [c.get("classname") for c in failed] == ["oncology-territory.RF-ONC-003"]
    assert len(cases) == sum(int(s.get("tests")) for s in junit.iter("testsuite"))
    line = invoke("rules", "test", packs, "--format", "line").stdout
    assert re.match(r"^.*oncology-territory\.yml:\d+:1:RF-ONC-003:error:\[fail\]", line)


def test_workflow_in_docs_runs_green_then_red_then_green(pack_repo):
    """The resumefit steps of docs/ci.md's GitHub workflow, run in a copy of a pack repository."""
    doc = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    workflow = yaml.safe_load(re.search(r"```yaml\n(name: rule packs\n.*?)```", doc, re.S).group(1))
    steps = [s["run"] for s in workflow["jobs"]["packs"]["steps"] if s.get("run", "").startswith("resumefit ")]
    assert len(steps) == 3
    exe = str(Path(sys.executable).parent / "resumefit")

    def run_steps() -> list[subprocess.CompletedProcess]:
        return [subprocess.run([exe, *shlex.split(step)[1:]], cwd=pack_repo, capture_output=True, text=True)
                for step in steps]

    assert [r.returncode for r in run_steps()] == [0, 0, 0]
    assert json.loads((pack_repo / "rule-tests.sarif").read_text())["runs"][0]["results"] == []
    break_example(pack_repo)
    validate, test, sarif = run_steps()
    assert validate.returncode == 0 and test.returncode == 1 and sarif.returncode == 0
    assert "RF-ONC-003" in test.stdout and "Called on 30 oncologists" in test.stdout
    assert json.loads((pack_repo / "rule-tests.sarif").read_text())["runs"][0]["results"]
    pack = pack_repo / "packs" / "oncology-territory" / "oncology-territory.yml"
    pack.write_text(pack.read_text().replace("Called on 30 oncologists", "Called on oncologists"))
    assert [r.returncode for r in run_steps()] == [0, 0, 0]


def test_pre_commit_hooks_file():
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert set(hooks) == {"resumefit-rules-validate", "resumefit-rules-test"}
    for hook in hooks.values():
        assert hook["entry"].startswith("resumefit rules ") and hook["language"] == "python"
        assert hook["pass_filenames"] is False
        args = shlex.split(hook["entry"])[1:] + [str(ROOT / "examples" / "packs")]
        assert invoke(*args).exit_code == 0


# -- authoring -----------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["phrase", "lexicon", "pattern", "metric", "length", "structure"])
def test_rules_new_scaffolds_a_rule_whose_examples_run(tmp_path, kind):
    pack = tmp_path / "mine.yml"
    assert invoke("rules", "new", "RF-MINE-001", "--kind", kind, "--pack", pack).exit_code == 0
    assert invoke("rules", "new", "RF-MINE-002", "--kind", "phrase", "--pack", pack, "--name", "mine.jargon").exit_code == 0
    assert invoke("rules", "validate", pack).exit_code == 0
    result = invoke("rules", "test", pack)
    assert result.exit_code == 0 and "0 failed" in result.stdout and "no examples" not in result.stdout
    assert (tmp_path / "rulepack.schema.json").exists()
    again = invoke("rules", "new", "RF-MINE-001", "--kind", kind, "--pack", pack)
    assert again.exit_code == 3 and "already used" in again.stderr and "mine.yml" in again.stderr


def test_rules_new_prints_without_a_pack_and_refuses_bad_ids():
    out = invoke("rules", "new", "RF-MINE-007", "--kind", "metric").stdout
    assert yaml.safe_load(out)[0]["id"] == "RF-MINE-007"
    assert invoke("rules", "new", "MINE-7", "--kind", "metric").exit_code == 2


def test_rules_new_refuses_a_pack_it_cannot_read_or_write_in_one_line(tmp_path):
    (tmp_path / "a-file").write_text("x")
    (tmp_path / "latin1.yml").write_bytes(b"\xff\xfe not a pack")
    for pack, words in ((tmp_path / "a-file" / "mine.yml", "cannot write here"),
                        (tmp_path / "latin1.yml", "cannot read this pack")):
        result = invoke("rules", "new", "RF-MINE-001", "--kind", "lexicon", "--pack", pack)
        assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1 and words in result.stderr
    assert sorted(f.name for f in tmp_path.iterdir()) == ["a-file", "latin1.yml"]  # nothing half-made


def test_requires_and_extends_are_checked(tmp_path):
    pack = EXAMPLE_PACK / "oncology-territory.yml"
    text = pack.read_text(encoding="utf-8")
    (tmp_path / "lexicons").mkdir()
    for f in (EXAMPLE_PACK / "lexicons").iterdir():
        shutil.copy(f, tmp_path / "lexicons" / f.name)
    cases = [(text.replace('requires: ">=0.1"', 'requires: ">=99"'), "requires resumefit >=99"),
             (text.replace("extends: biotech", "extends: nosuch"), "extends 'nosuch'"),
             (text.replace("  extends: biotech\n", ""), "biotech_customers")]
    for broken, words in cases:
        path = tmp_path / "pack.yml"
        path.write_text(broken, encoding="utf-8")
        result = invoke("rules", "validate", path)
        assert result.exit_code == 3 and words in result.stderr, result.stderr


def test_explain_shows_examples_and_the_docs_link():
    out = invoke("rules", "explain", "RF-ONC-003", "--rules", EXAMPLE_PACK).stdout
    assert "docs:       https://example.org/our-career-office/rules#rf-onc-003" in out
    assert "fails: Called on oncologists across the territory." in out


def test_rule_reference_and_schema_copies_are_current():
    reference = invoke("rules", "list", "--format", "md").stdout
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == reference
    assert "### Fields of work (device)" in reference and "\n- respiratory: respiratory therapy," in reference
    schema = invoke("rules", "schema").stdout
    assert json.loads((EXAMPLE_PACK / "rulepack.schema.json").read_text()) == json.loads(schema)
    validator = jsonschema.Draft202012Validator(json.loads(schema))
    for pack in list((ROOT / "rules").glob("*.yml")) + [EXAMPLE_PACK / "oncology-territory.yml"]:
        validator.validate(yaml.safe_load(pack.read_text(encoding="utf-8")))
    unknown = yaml.safe_load((ROOT / "rules" / "core.yml").read_text(encoding="utf-8"))
    unknown["rules"][0]["colour"] = "red"
    assert not validator.is_valid(unknown)
