"""Rule packs: the built-in ones validate and pass their examples; broken, hostile and
user packs are refused or run as their authors meant; `rules schema` and `rules explain`."""

from __future__ import annotations

import json
import textwrap

import pytest

from conftest import invoke, laughs
from resumefit import api
from resumefit.engine.pack_model import ExampleResume


def test_builtin_packs_validate_and_pass_their_examples():
    assert invoke("rules", "validate").exit_code == 0
    result = invoke("rules", "test")
    assert result.exit_code == 0, result.stdout
    assert " 0 failed" in result.stdout


def write_pack(tmp_path, rules_yaml: str, name="pack.yml"):
    path = tmp_path / name
    path.write_text("schema: resumefit.rulepack/v1\npack: {id: mine, version: 1.0.0, title: Mine}\nrules:\n"
                    + textwrap.indent(textwrap.dedent(rules_yaml), "  "))
    return path


GOOD_RULE = """\
- id: RF-MINE-001
  name: mine.weak.synergy
  level: warning
  message: "'{phrase}' is jargon."
  check: {kind: phrase, phrases: [{match: synergy}]}
  tests:
    fail: ["Drove synergy across teams."]
    pass: ["Drove 12% growth across teams."]
"""


@pytest.mark.parametrize("broken, words", [
    (GOOD_RULE.replace("level: warning", "level: warning\n  colour: red"), ["RF-MINE-001", "colour", "pack.yml:4"]),
    (GOOD_RULE.replace("{phrase}", "{nonsense}"), ["RF-MINE-001", "placeholder"]),
    (GOOD_RULE.replace("check: {kind: phrase, phrases: [{match: synergy}]}",
                       "check: {kind: pattern, patterns: [[{LOWER: {FOO: x}}]]}"), ["RF-MINE-001", "pattern"]),
    (GOOD_RULE + GOOD_RULE.replace("name: mine.weak.synergy", "name: mine.other"), ["already used"]),
    ("- !!python/object/apply:os.system [echo pwned]\n", ["pack.yml"]),
    ("- id: [unclosed\n", ["invalid YAML"]),
    ("- id: RF-MINE-009\n" + textwrap.indent(laughs(), "  "), ["pack.yml", "aliases"]),  # a billion laughs
    ("- &loop [*loop]\n", ["pack.yml", "refers to the value that contains it"]),
    (GOOD_RULE.replace("phrases: [{match: synergy}]", "phrases: [{match: synergy}], unless: ['']"),
     ["RF-MINE-001", "unless"]),
    ("1.5\n", ["pack.yml", "rules"]),  # rules that are not a list
    (GOOD_RULE.replace("id: RF-MINE-001", "id: [RF-MINE-001]"), ["pack.yml:4", "rules.0.id"]),
    # a regex that backtracks for minutes on one long word ("aaaa...ab") never runs
    (GOOD_RULE.replace("check: {kind: phrase, phrases: [{match: synergy}]}",
                       "check: {kind: pattern, patterns: [[{LOWER: {REGEX: '(a+)+$'}}]]}"), ["RF-MINE-001", "backtrack"]),
    (GOOD_RULE.replace("check: {kind: phrase, phrases: [{match: synergy}]}",
                       "check: {kind: pattern, patterns: [[{TEXT: {REGEX: '^(a|ab)*c'}}]]}"), ["RF-MINE-001", "start alike"]),
    # YAML reads an unquoted on as true
    (GOOD_RULE.replace("check: {kind: phrase, phrases: [{match: synergy}]}",
                       "check: {kind: pattern, patterns: [[{LOWER: {IN: [on, at]}}, {LOWER: synergy}]]}"),
     ["RF-MINE-001", "write them in quotes"]),
    (GOOD_RULE.replace("level: warning", "level: warning\n  covered_by: [RF-NONE-999]"), ["RF-MINE-001", "RF-NONE-999"]),
])
def test_broken_packs_exit_3_naming_file_rule_and_line(tmp_path, broken, words):
    path = write_pack(tmp_path, broken)
    result = invoke("rules", "validate", path)
    assert result.exit_code == 3, result.output
    assert len(result.stderr.strip().splitlines()) == 1
    for word in words:
        assert word in result.stderr


@pytest.mark.parametrize("file, words", [
    ("/etc/passwd", "inside the pack's folder"),
    ("../../../etc/passwd", "inside the pack's folder"),
    ("C:/Windows/win.ini", "inside the pack's folder"),
    ("words", "not a regular file"),  # a folder: a device or a pipe is refused the same way
    ("big.txt", "over 4 MB"),
])
def test_a_word_list_is_read_only_from_a_plain_file_inside_the_pack_folder(tmp_path, file, words):
    (tmp_path / "words").mkdir()
    with open(tmp_path / "big.txt", "wb") as fh:
        fh.truncate(5 * 1024 * 1024)
    path = tmp_path / "pack.yml"
    path.write_text("schema: resumefit.rulepack/v1\npack: {id: mine, version: 1.0.0, title: Mine}\n"
                    f"lexicons:\n  mine_tools: {{file: '{file}', category: tools}}\nrules: []\n")
    result = invoke("rules", "validate", path)
    assert result.exit_code == 3 and len(result.stderr.strip().splitlines()) == 1
    assert str(path) in result.stderr and words in result.stderr


def test_a_pack_may_share_values_through_aliases(tmp_path):
    shared = GOOD_RULE.replace("  level: warning", "  level: warning\n  sections: &where [experience, summary]")
    other = GOOD_RULE.replace("RF-MINE-001", "RF-MINE-002").replace("mine.weak.synergy", "mine.weak.leverage") \
        .replace("synergy", "leverage").replace("  level: warning", "  level: warning\n  sections: *where")
    assert invoke("rules", "validate", write_pack(tmp_path, shared + other)).exit_code == 0


def word_list_pack(tmp_path, **lexicons: str):
    """A pack of word lists and no rules: lexicon name -> "file, category: ...[, segment: ...]"."""
    path = tmp_path / "pack.yml"
    path.write_text("schema: resumefit.rulepack/v1\npack: {id: mine, version: 1.0.0, title: Mine}\nlexicons:\n"
                    + "".join(f"  {name}: {{file: {spec}}}\n" for name, spec in lexicons.items()) + "rules: []\n")
    return path


def test_a_quoted_form_matches_only_as_written_and_a_lone_quote_is_refused(tmp_path):
    engine = api.engine(targets=["pharma"])
    texts = ["Achieved 110% of target for 3 years.", "Known for attention to detail.",
             "Targeting high-decile cardiologists each cycle.", "Targeted prescribers with a new call plan."]
    hits = engine.index.match_all(engine.text_pipeline.docs(texts), texts)
    process = [{h.term for h in found if h.lexicon == "pharma_process"} for found in hits]
    assert process == [set(), set(), {"targeting"}, {"targeting", "call plan"}]
    (tmp_path / "words.txt").write_text('"targeting | target list\n')
    result = invoke("rules", "validate", word_list_pack(tmp_path, mine_process="words.txt, category: process"))
    assert result.exit_code == 3 and "words.txt:1" in result.stderr and "quotes" in result.stderr


def test_an_area_names_terms_of_the_packs_word_lists(tmp_path):
    """An area of a misspelt term would quietly never promote it."""
    (tmp_path / "words.txt").write_text("ventilator | vents\nhigh-flow nasal cannula | HFNC\nstent\n")
    path = word_list_pack(tmp_path, mine_products="words.txt, category: products, segment: device")
    path.write_text(path.read_text().replace("rules: []", "areas:\n  respiratory: [ventilator, HFNC]\nrules: []"))
    result = invoke("rules", "validate", path)
    assert result.exit_code == 3 and "pack.yml" in result.stderr and "'HFNC'" in result.stderr
    assert "first form on its line" in result.stderr
    path.write_text(path.read_text().replace("[ventilator, HFNC]", "[ventilator, high-flow nasal cannula]"))
    assert invoke("rules", "validate", path).exit_code == 0


def test_a_form_on_two_lines_of_a_word_list_is_refused(tmp_path):
    """"Clinicians" under two terms would count as whichever the matcher met first."""
    (tmp_path / "words.txt").write_text("end users | clinicians\n# a comment\nphysicians | Clinicians\n")
    path = word_list_pack(tmp_path, mine_customers="words.txt, category: customers")
    result = invoke("rules", "validate", path)
    assert result.exit_code == 3 and "words.txt:3" in result.stderr and "also on line 1" in result.stderr
    (tmp_path / "words.txt").write_text("end users | clinicians\nphysicians | MDs\n")
    assert invoke("rules", "validate", path).exit_code == 0

    # ... and a form in two lexicons of one segment would count in two categories
    (tmp_path / "tools.txt").write_text("Epic | MDs\n")
    path = word_list_pack(tmp_path, mine_customers="words.txt, category: customers, segment: software",
                          mine_tools="tools.txt, category: tools, segment: software")
    result = invoke("rules", "validate", path)
    assert result.exit_code == 3 and "'mds' is also in lexicon mine_customers" in result.stderr


def test_user_pack_examples_are_run_and_a_broken_example_fails(tmp_path):
    path = write_pack(tmp_path, GOOD_RULE)
    assert invoke("rules", "test", path).exit_code == 0
    write_pack(tmp_path, GOOD_RULE.replace('pass: ["Drove 12% growth', 'pass: ["Drove synergy and 12% growth'))
    result = invoke("rules", "test", path)
    assert result.exit_code == 1
    assert "FAIL RF-MINE-001" in result.stdout


RESUME_RULE = """\
- id: RF-MINE-002
  name: mine.length.pages
  level: warning
  scope: resume
  message: "{count} pages."
  check: {kind: length, unit: pages, max: 1}
  tests:
    fail: [{pages: 2}]
    pass: [{}]
"""


def test_resume_level_examples_are_resumes(tmp_path):
    path = write_pack(tmp_path, RESUME_RULE)
    assert invoke("rules", "test", path).exit_code == 0
    write_pack(tmp_path, RESUME_RULE.replace("pass: [{}]", "pass: [{pages: 3}]"))
    assert invoke("rules", "test", path).exit_code == 1
    write_pack(tmp_path, RESUME_RULE.replace("pass: [{}]", "pass: [{pagez: 3}]"))
    result = invoke("rules", "validate", path)
    assert result.exit_code == 3 and "pagez" in result.stderr


def test_user_pack_rules_run_in_check(tmp_path, nurse):
    path = write_pack(tmp_path, GOOD_RULE.replace("synergy", "orthopedic"))
    data = json.loads(invoke("check", nurse, "--rules", path, "--format", "json", "--select", "mine").stdout)
    assert [f["rule"] for f in data["findings"]] == ["RF-MINE-001"]


def test_schema_rejects_unknown_keys():
    schema = json.loads(invoke("rules", "schema").stdout)
    assert schema["additionalProperties"] is False
    assert "rules" in schema["properties"]


def test_rules_explain():
    out = invoke("rules", "explain", "core.metric.missing").stdout
    assert "RF-CORE-001" in out and "fails:" in out
    assert invoke("rules", "explain", "RF-NOPE-999").exit_code == 2


def test_a_finding_another_rule_covers_on_the_same_bullet_is_left_out(tmp_path):
    """"'Helped with' is a weak opener" says the bullet has no action verb: one finding, not two.
    A pack's own rule can be covered too, and only on the bullet the other rule flags."""
    from resumefit.engine.selftest import example_resume

    rule = GOOD_RULE.replace("level: warning", "level: warning\n  covered_by: [RF-CORE-002]")
    engine = api.engine([write_pack(tmp_path, rule)])
    resume = example_resume(ExampleResume(bullets=["Helped with synergy across teams.", "Drove synergy for 3 teams."]))
    rules_on = {}
    for f in engine.check(resume).findings:
        rules_on.setdefault(f.text, set()).add(f.rule)
    helped, drove = rules_on["Helped with synergy across teams."], rules_on["Drove synergy for 3 teams."]
    assert "RF-CORE-002" in helped and not helped & {"RF-CORE-010", "RF-MINE-001"}
    assert "RF-MINE-001" in drove
    alone = engine.check(resume, select=["RF-MINE-001"]).findings  # with the covering rule not run, it speaks
    assert len(alone) == 2
    assert invoke("rules", "validate", tmp_path / "pack.yml").exit_code == 0  # alone, it may name a built-in rule
