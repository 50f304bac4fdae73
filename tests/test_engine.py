"""The rule engine, the built-in packs, `resumefit check` and `resumefit rules`."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from click.testing import CliRunner

from conftest import laughs
from ooxml import NURSE_ROLES, make_docx, p
from resumefit.cli import main


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def resume_docx(path, roles, skills="Salesforce, Excel"):
    body = [p("Jordan Rivera"), p("Sacramento, CA | (916) 555-0142 | jordan@example.com"),
            p("Experience", style="Heading1")]
    for header, bullets in roles:
        body += [p(header, bold=True)] + [p(b, style="ListBullet") for b in bullets]
    body += [p("Education", style="Heading1"), p("BS Biology, UC Davis, 2015"),
             p("Skills", style="Heading1"), p(skills)]
    return make_docx(path, "".join(body))


@pytest.fixture(scope="module")
def nurse(tmp_path_factory):
    roles = [(f"{t} | {e} | {c} | {s} – {end}", b) for t, e, c, s, end, b in NURSE_ROLES]
    return resume_docx(tmp_path_factory.mktemp("r") / "nurse.docx", roles)


def test_check_text_tells_the_nurse_what_to_quantify_and_which_terms_she_has(nurse):
    result = invoke("check", nurse, "--target", "device")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "FIT SCORE — device:" in out
    assert "surgeons" in out and "value analysis" in out  # device terms she already shows
    assert "could add (if true)" in out  # and the ones she lacks


def test_check_json_report(nurse):
    result = invoke("check", nurse, "--target", "all", "--format", "json")
    data = json.loads(result.stdout)
    assert data["schema"] == "resumefit.report/v1"
    assert {p["id"] for p in data["packs"]} >= {"core", "compliance", "pharma", "device", "biotech", "software"}
    assert [s["segment"] for s in data["scores"]] == ["pharma", "device", "biotech", "software"]
    for score in data["scores"]:
        assert score["score"] == round(sum(p["weight"] * p["value"] for p in score["parts"]))
    first = data["bullets"][0]
    assert first["text"].startswith("Circulated 600+")
    assert first["metrics"][0]["text"].startswith("600+")
    assert "surgeon" in [k["term"] for k in first["keywords"]["device"]["customers"]]
    no_metric = [b["id"] for b in data["bullets"] if not b["metrics"]]
    flagged = [f["bullet"] for f in data["findings"] if f["rule"] == "RF-CORE-001"]
    assert no_metric == flagged  # the metrics part of the score traces to these findings


def test_fail_level_and_min_score_set_the_exit_code(nurse):
    assert invoke("check", nurse, "--target", "device", "--fail-level", "warning").exit_code == 1
    assert invoke("check", nurse, "--target", "device", "--fail-level", "never").exit_code == 0
    assert invoke("check", nurse, "--target", "device", "--min-score", "100").exit_code == 1


def test_select_and_ignore(nurse):
    only = json.loads(invoke("check", nurse, "--format", "json", "--select", "core.metric").stdout)
    assert {f["rule"] for f in only["findings"]} == {"RF-CORE-001"}
    rest = json.loads(invoke("check", nurse, "--format", "json", "--ignore", "core,RF-DEV-001").stdout)
    assert not {f["rule"] for f in rest["findings"]} & {"RF-CORE-001", "RF-DEV-001"}
    typo = invoke("check", nurse, "--select", "core.metrc", "--fail-level", "info")  # would select nothing and pass
    assert typo.exit_code == 2 and "core.metrc: no rule has this id" in typo.stderr and typo.stdout == ""


def test_line_format(nurse):
    lines = invoke("check", nurse, "--format", "line").stdout.splitlines()
    assert lines and all(line.split(":")[3].startswith("RF-") for line in lines)


def test_bad_resume_is_refused_like_the_reader(tmp_path):
    (tmp_path / "r.docx").write_bytes(b"%PDF-1.4")
    result = invoke("check", tmp_path / "r.docx")
    assert result.exit_code == 2 and "PDF" in result.stderr


def test_compliance_and_patient_identifiers_are_flagged(tmp_path):
    path = resume_docx(tmp_path / "r.docx", [("Sales Rep | Acme Pharma | 2019 – 2022", [
        "Promoted off-label use to 12 pediatric practices.",
        "Cared for patient John Smith after surgery, MRN 4471902.",
        "Grew scripts 30% by giving gift cards to top prescribers."])])
    data = json.loads(invoke("check", path, "--format", "json", "--select", "compliance").stdout)
    # the name and the record number are two identifiers, each reported where it is
    assert [f["rule"] for f in data["findings"]] == ["RF-COMP-001", "RF-COMP-005", "RF-COMP-005", "RF-COMP-004"]
    bullet = "Cared for patient John Smith after surgery, MRN 4471902."
    assert [bullet[slice(*f["span"])] for f in data["findings"] if f["rule"] == "RF-COMP-005"] == [
        "patient John Smith", "MRN 4471902"]


def test_lines_that_are_no_bullets_are_read_by_the_rules_for_them(tmp_path):
    """Lines that are no bullets — the contact line, a references section — are read by the
    rules that look at every line; their findings belong to the resume, with the line's anchor."""
    body = [p("Priya Raman"), p("Houston, TX | 713-555-0100 | priya@example.com | DOB: 03/04/1992"),
            p("Summary", style="Heading1"), p("Results-driven pharmacist seeking a position in pharma sales."),
            p("Experience", style="Heading1"), p("Clinical Pharmacist | Memorial Hermann | 2018 – Present", bold=True),
            p("Counseled 40 patients a day on anticoagulation.", style="ListBullet"),
            p("References", style="Heading1"), p("Available upon request.")]
    path = make_docx(tmp_path / "r.docx", "".join(body))
    data = json.loads(invoke("check", path, "--format", "json", "--target", "pharma").stdout)
    found = {f["name"]: f for f in data["findings"]}
    personal, references = found["core.contact.personal_details"], found["core.length.references_line"]
    assert "'DOB'" in personal["message"] and personal["anchor"].endswith("#p1") and not personal["bullet"]
    assert references["section"] == "references" and references["anchor"].endswith("#p8")
    # a summary paragraph is read for filler and for an objective, though it is no bullet
    assert "'Results-driven'" in found["core.language.summary_buzzwords"]["message"]
    assert "'seeking a'" in found["core.language.objective"]["message"]
    assert "03/04/1992" not in json.dumps(data["findings"])  # the contact line itself is never quoted


def test_fuzzy_spelling_variants_count(tmp_path):
    path = resume_docx(tmp_path / "r.docx", [("Account Executive | Acme Health IT | 2020 – Present", [
        "Logged 60 calls a week in Sales force and forecast with MEDDPICC."])], skills="Excel")
    data = json.loads(invoke("check", path, "--format", "json", "--target", "software").stdout)
    terms = {k["term"] for cat in data["bullets"][0]["keywords"]["software"].values() for k in cat}
    assert {"Salesforce", "MEDDIC"} <= terms


def test_a_team_is_not_a_tool():
    from resumefit import api

    engine = api.engine()
    texts = ["Top 5% of the national sales force.", "Logged every call in Sales force."]
    hits = engine.index.match_all(engine.text_pipeline.docs(texts), texts)
    assert [h.term for h in hits[0] if h.category == "tools"] == []
    assert {h.term for h in hits[1] if h.category == "tools"} == {"Salesforce"}


def test_a_term_closing_a_sentence_matches_though_it_ends_in_a_capital():
    """spaCy reads "SaaS." and "PharmD." as initials and keeps the full stop on the word."""
    from resumefit import api

    engine = api.engine()
    texts = ["Sold a nurse scheduling platform as SaaS.", "Dana Okafor, PharmD."]
    hits = engine.index.match_all(engine.text_pipeline.docs(texts), texts)
    assert "SaaS" in {h.term for h in hits[0]}
    assert "PharmD" in {h.term for h in hits[1]}


def test_a_term_matches_hyphenated_or_spaced():
    from resumefit import api

    engine = api.engine()
    texts = ["Served as unit champion for the new wound-care product line.",
             "Ran in service training for 30 scrub techs."]
    hits = engine.index.match_all(engine.text_pipeline.docs(texts), texts)
    assert "wound care" in {h.term for h in hits[0]}
    assert "in-service training" in {h.term for h in hits[1]}


def test_a_specialty_shown_is_never_suggested_again_as_its_specialists(tmp_path):
    """Calling on rheumatology offices already says rheumatologists; the gaps must not ask for them."""
    path = resume_docx(tmp_path / "r.docx", [("Specialty Representative | AbbVie | 2018 – 2021", [
        "Grew buy-and-bill accounts 20% in rheumatology and dermatology offices.",
        "Partnered with MSLs on programs for neurologists and oncologists at 14 academic medical centers."])])
    score = json.loads(invoke("check", path, "--format", "json", "--target", "biotech").stdout)["scores"][0]
    suggested = {t.lower() for terms in score["missing"].values() for t in terms}
    assert suggested and not suggested & {"rheumatologist", "dermatologist", "neurology", "oncology"}
    # a specialty the resume does not show, and a setting named by a specialty, are still suggested
    assert {"gastroenterologist", "community oncology"} <= suggested


# Past tenses the rule below cannot form by adding -ed.
IRREGULAR_PAST = {"build": "built", "cut": "cut", "drive": "drove", "grow": "grew", "lead": "led", "map": "mapped",
                  "oversee": "oversaw", "plan": "planned", "run": "ran", "sell": "sold", "teach": "taught",
                  "win": "won", "write": "wrote", "upsell": "upsold", "scrub": "scrubbed", "outsell": "outsold",
                  "beat": "beat", "begin": "began", "spearhead": "spearheaded"}


def test_every_action_verb_counts_in_its_past_and_present_forms():
    """The lookup lemmatizer has gaps ("developed" -> "develope"), so a verb whose forms it
    misses must list them; otherwise "Developed 3 programs" is told it lacks an action verb."""
    from importlib import resources

    from resumefit import api
    from resumefit.engine.selftest import example_resume

    engine = api.engine()
    text = resources.files("rules").joinpath("lexicons/action_verbs.txt").read_text("utf-8")
    verbs = [line.split("|")[0].strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]

    def past(verb: str) -> str:
        if verb in IRREGULAR_PAST:
            return IRREGULAR_PAST[verb]
        if verb.endswith("y") and verb[-2] not in "aeiou":
            return verb[:-1] + "ied"
        return verb + ("d" if verb.endswith("e") else "ed")

    missed = [form for verb in verbs for form in (past(verb), verb if verb.endswith("s") else verb + "s")
              if engine.check(example_resume(f"{form.capitalize()} the work for 14 accounts."),
                              select=["RF-CORE-010"]).findings]
    assert missed == []


# -- rule packs ----------------------------------------------------------------------------

@pytest.mark.parametrize("segment", ["pharma", "device", "biotech", "software"])
def test_each_segment_has_at_least_150_terms_and_synonyms_in_every_category(segment):
    from resumefit.engine.pack import load_packs

    forms: dict[str, int] = {}
    for loaded in load_packs(None):
        for name, ref in loaded.pack.lexicons.items():
            if ref.segment == segment:
                forms[ref.category] = forms.get(ref.category, 0) + sum(len(line) for line in loaded.lexicons[name])
    assert sum(forms.values()) >= 150, forms
    assert set(forms) == {"customers", "products", "clinical", "sales process", "tools", "credentials"}, forms


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


def test_a_quoted_form_matches_only_as_written_and_a_lone_quote_is_refused(tmp_path):
    from resumefit import api

    engine = api.engine(targets=["pharma"])
    texts = ["Achieved 110% of target for 3 years.", "Known for attention to detail.",
             "Targeting high-decile cardiologists each cycle.", "Targeted prescribers with a new call plan."]
    hits = engine.index.match_all(engine.text_pipeline.docs(texts), texts)
    process = [{h.term for h in found if h.lexicon == "pharma_process"} for found in hits]
    assert process == [set(), set(), {"targeting"}, {"targeting", "call plan"}]
    (tmp_path / "words.txt").write_text('"targeting | target list\n')
    path = tmp_path / "pack.yml"
    path.write_text("schema: resumefit.rulepack/v1\npack: {id: mine, version: 1.0.0, title: Mine}\n"
                    "lexicons:\n  mine_process: {file: words.txt, category: process}\nrules: []\n")
    result = invoke("rules", "validate", path)
    assert result.exit_code == 3 and "words.txt:1" in result.stderr and "quotes" in result.stderr


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


def test_trained_pipeline_path(tmp_path, nurse):
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.to_disk(tmp_path / "tiny")
    result = invoke("check", nurse, "--spacy-model", tmp_path / "tiny", "--format", "json", "--target", "device")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["scores"][0]["segment"] == "device"
    assert invoke("check", nurse, "--spacy-model", tmp_path / "missing").exit_code == 2


def test_help_and_version_do_not_import_spacy():
    code = ("import sys; from click.testing import CliRunner; from resumefit.cli import main; "
            "CliRunner().invoke(main, ['--help']); CliRunner().invoke(main, ['--version']); "
            "print('spacy' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "False"


def test_committed_schema_matches_the_model_and_packs_point_editors_at_it():
    from pathlib import Path

    rules_dir = Path(__file__).resolve().parents[1] / "rules"
    committed = json.loads((rules_dir / "rulepack.schema.json").read_text(encoding="utf-8"))
    assert committed == json.loads(invoke("rules", "schema").stdout), "run: resumefit rules schema > rules/rulepack.schema.json"
    for pack in rules_dir.glob("*.yml"):
        assert pack.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=./rulepack.schema.json")


def test_an_engine_for_one_target_judges_it_as_the_full_engine_does(nurse):
    from resumefit import api

    resume = api.parse(nurse)
    full = api.engine().check(resume, ["device"])
    lean = api.engine(targets=["device"]).check(resume, ["device"])
    assert [(f.rule, f.bullet, f.message) for f in lean.findings] == [(f.rule, f.bullet, f.message) for f in full.findings]
    assert [s.score for s in lean.scores] == [s.score for s in full.scores]
    assert len(lean.facts.hits) < len(full.facts.hits)  # the other segments' word lists were not built


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["pharma", "device"]), st.integers(0, 12), st.integers(1, 6),
                          st.sampled_from(["OR", "surgeon", "case"])), max_size=8))
def test_a_hit_inside_a_longer_hit_of_its_segment_is_dropped_and_no_other(spans):
    """"executives" inside "account executives" is not a hit of its own; overlapping hits
    and hits of another segment stay (the plain definition, checked against the fast one)."""
    from resumefit.engine.lexicon import Hit, _outermost

    hits = list({Hit("lex", "cat", seg, term, a, a + n, "x") for seg, a, n, term in spans})
    kept = _outermost(hits)
    expected = [h for h in hits if not any(g.segment == h.segment and g.start <= h.start and h.end <= g.end
                                           and (g.start, g.end) != (h.start, h.end) for g in hits)]
    assert sorted(kept) == sorted(expected)
    assert [h.start for h in kept] == sorted(h.start for h in kept)


def test_fuzzy_verdicts_are_remembered_without_changing_hits():
    """A batch meets the same words resume after resume: a word judged once is not scored
    again, and the hits are those of a first judgement."""
    from resumefit import api

    index = api.engine().index
    texts = ["Logged every call in Sales force.", "Ran the sales force meeting.", "Built Salesforse dashboards."]
    index.fuzzy_judged.clear()
    first = index.match_all(api.engine().text_pipeline.docs(texts), texts)
    assert index.fuzzy_judged.get("sales force")
    again = index.match_all(api.engine().text_pipeline.docs(texts), texts)
    assert again == first
    assert [{h.term for h in hits if h.fuzzy} for hits in first] == [{"Salesforce"}, set(), {"Salesforce"}]
