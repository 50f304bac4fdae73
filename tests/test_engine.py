"""The rule engine and `resumefit check`: findings, scores, word lists and spelling variants
(the packs themselves: test_packs.py)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import invoke, resume_docx
from ooxml import make_docx, p


def test_check_text_tells_the_nurse_what_to_quantify_and_which_terms_she_has(nurse):
    result = invoke("check", nurse, "--target", "device")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "FIT SCORE — device:" in out
    assert "surgeons" in out and "value analysis" in out  # device terms she already shows
    assert "could add (if true)" in out  # and the ones she lacks
    # bullet by bullet: the result, and the device terms the bullet shows
    block = out[out.index("Circulated 600+"):].split("\n    ✓")[0].split("\n    ·")[0]
    assert "result: 600+" in block and "device terms: " in block and "surgeons" in block.split("device terms: ")[1]


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
    texts = ["Sold a nurse scheduling platform as SaaS.", "Dana Okafor, PharmD.", "Presented formulary updates to P&T.",
             "Triaged denials with commercial payers and Medicare Part B."]
    hits = engine.index.match_all(engine.text_pipeline.docs(texts), texts)
    assert "SaaS" in {h.term for h in hits[0]}
    assert "PharmD" in {h.term for h in hits[1]}
    assert "P&T committee" in {h.term for h in hits[2]}
    assert "payer access" in {h.term for h in hits[3] if h.segment == "biotech"}


def test_a_science_degree_is_a_pharma_credential_as_education_lines_write_it():
    """Pharma hiring managers ask for a science degree; "Taught AP Biology" is not one."""
    from resumefit import api

    engine = api.engine()
    texts = ["B.S. Biology, UNC Chapel Hill, 2018", "BS in Chemistry, NC State University",
             "Bachelor of Science in Biomedical Sciences, 2016", "Taught AP Biology to 140 students."]
    hits = engine.index.match_all(engine.text_pipeline.docs(texts), texts)
    held = [{h.text for h in found if h.segment == "pharma" and h.category == "credentials"} for found in hits]
    assert held == [{"B.S. Biology"}, {"BS in Chemistry"}, {"Bachelor of Science in Biomedical Sciences"}, set()]
    # a master's in a life science is a biotech credential too ("M.S. Biology", as a CRA writes it)
    texts = ["M.S. Biology, Northeastern University, 2018", "MS in Immunology", "Managed the MS clinic's trials."]
    hits = engine.index.match_all(engine.text_pipeline.docs(texts), texts)
    held = [{h.text for h in found if h.segment == "biotech" and h.category == "credentials"} for found in hits]
    assert held == [{"M.S. Biology"}, {"MS in Immunology"}, set()]


def test_british_spellings_read_as_the_american_word_lists_and_no_other_word_changes():
    """A candidate in London or Toronto writes "Organised", "centres", "paediatric"."""
    from resumefit import api
    from resumefit.engine.nlp import pipeline
    from resumefit.engine.selftest import example_resume

    norm = pipeline().norm_of
    assert [norm(w) for w in ("Organised", "centres", "paediatric", "tumours", "licence", "programmes")] == \
        ["organize", "center", "pediatric", "tumor", "license", "program"]
    # words that only look British stay as they are: "four" is not "for", nor "our" "or"
    unchanged = ("four", "our", "hour", "franchise", "expertise", "exercise", "promise", "science", "acre", "genre")
    assert [norm(w) for w in unchanged] == list(unchanged)
    engine = api.engine()
    result = engine.check(example_resume("Organised 14 in-service sessions for theatre staff at 3 NHS trusts."),
                          ["device"])
    assert not [f for f in result.findings if f.rule == "RF-CORE-010"]  # "Organised" is an action verb
    assert {"OR", "IDN", "in-service training"} <= {h.term for h in result.facts.bullets[0].hits}


def test_the_past_tense_offered_is_one_the_lemma_table_or_a_known_list_vouches_for():
    """The table lists misspellings too ("occured" beside "occurred"): when it cannot settle
    a verb's past tense, none is offered rather than a misspelling in the candidate's resume."""
    from resumefit.engine.nlp import pipeline
    from resumefit.engine.tense import past_tense

    table = pipeline().lemma_table
    offered = {w: past_tense(w, table) for w in ("Manages", "LEADS", "Organise", "Prioritizes", "Ship", "Study",
                                                   "Develop", "Control", "Occur", "Sell")}
    assert offered == {"Manages": "Managed", "LEADS": "LED", "Organise": "Organised", "Prioritizes": "Prioritized",
                       "Ship": "Shipped", "Study": "Studied", "Develop": "Developed", "Control": "Controlled",
                       "Occur": None, "Sell": "Sold"}
    assert past_tense("Manages", None) is None  # a trained pipeline's lemmas: no table to ask


def test_a_role_with_one_date_of_an_earlier_year_is_over_so_its_present_tense_is_flagged(tmp_path):
    """A student's "Summer 2021" internship has ended though it gives no end; one date of
    this year may still be running."""
    from datetime import date

    from resumefit import api

    this_year = date.today().year
    path = resume_docx(tmp_path / "intern.docx", [
        (f"Sales Associate | Stryker | Sacramento, CA | Jan {this_year - 1} – Present", ["Closed 12 new accounts."]),
        ("Sales Intern | Medline | Summer 2021", ["Manages a book of 40 clinics."]),
        (f"Marketing Intern | Abbott | Jun {this_year}", ["Manages a budget of $5K."]),
    ])
    result = api.engine().check(api.parse(path), ["device"])
    tense = {f.text: f for f in result.findings if f.rule == "RF-CORE-008"}
    assert list(tense) == ["Manages a book of 40 clinics."]
    assert tense["Manages a book of 40 clinics."].fix == {"span": [0, 7], "replacement": "Managed"}


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


def test_suggestions_follow_the_fields_of_work_the_resume_shows(tmp_path):
    """A respiratory therapist is offered respiratory products before stents and implants of
    other fields; the word list's first terms in no area (the segment's core words) stay first."""
    from resumefit import api

    index = api.engine(targets=["device"]).index

    shown = {}

    def missing(bullets, category="products"):
        path = resume_docx(tmp_path / "r.docx", [("Respiratory Therapist | Mercy Hospital | 2018 – 2024", bullets)])
        score = json.loads(invoke("check", path, "--format", "json", "--target", "device").stdout)["scores"][0]
        shown["areas"] = score["areas"]
        return score["missing"][category]

    def area(term):
        return index.term_areas.get(term, frozenset())

    therapist = missing(["Managed ventilators for 12 ICU patients a shift.",
                         "Set up home CPAP for 300+ sleep apnea patients.", "Ran bronchoscopy assists with pulmonologists."])
    core = index.terms_by_lexicon["device_products"][:index.core_length["device_products"]]
    assert core and therapist[:len(core)] == core  # the segment's core words first
    after = therapist[len(core):]
    assert after and all("respiratory" in area(term) for term in after[:2])
    assert "stent" not in therapist and "respiratory equipment" in therapist
    assert shown["areas"][0] == "respiratory"  # the report says why: the field it showed most
    out = tmp_path / "out"
    assert invoke("tailor", tmp_path / "r.docx", "--target", "device", "-o", out).exit_code == 0
    assert "Your resume shows respiratory" in (out / "r.device.report.html").read_text(encoding="utf-8")
    # a resume that shows no field of work is offered the list in its own order
    plain = missing(["Taught biology to 140 students.", "Led a team of 6 teachers.", "Raised exam pass rates to 89%."])
    assert plain and plain == index.terms_by_lexicon["device_products"][:len(plain)] and shown["areas"] == []
    # past the strongest field, one incidental term makes no field: a wound care product is not home care
    missing(["Managed ventilators and CPAP for 12 ICU patients a shift.", "Trialed a wound care dressing on the unit."])
    assert "post-acute care" not in shown["areas"] and shown["areas"][0] == "respiratory"
    # a rule's "for example ..." offers the same: a therapist's bullet without a device term
    missing(["Managed ventilators and CPAP for 12 ICU patients a shift.", "Covered night shifts for a 20-bed unit."])
    result = json.loads(invoke("check", tmp_path / "r.docx", "--format", "json", "--target", "device").stdout)
    example = next(f["message"] for f in result["findings"] if f["rule"] == "RF-DEV-001")
    assert "respiratory therapists" in example


# Past tenses the rule below cannot form by adding -ed.
IRREGULAR_PAST = {"build": "built", "cut": "cut", "drive": "drove", "grow": "grew", "lead": "led", "map": "mapped",
                  "oversee": "oversaw", "plan": "planned", "run": "ran", "sell": "sold", "teach": "taught",
                  "win": "won", "write": "wrote", "upsell": "upsold", "scrub": "scrubbed", "outsell": "outsold",
                  "beat": "beat", "begin": "began", "spearhead": "spearheaded", "fit": "fitted",
                  "co-sell": "co-sold", "scan": "scanned", "hit": "hit", "fly": "flew", "draw": "drew", "program": "programmed", "troubleshoot": "troubleshot",
                  "set": "set", "break": "broke", "take": "took", "stand up": "stood up", "co-write": "co-wrote",
                  "co-lead": "co-led", "propel": "propelled"}


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

    def present(verb: str) -> str:  # "stands up", "sets"
        head, _, tail = verb.partition(" ")
        return " ".join([head if head.endswith("s") else head + "s", tail]).strip()

    missed = [form for verb in verbs for form in (past(verb), present(verb))
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


def test_trained_pipeline_path(tmp_path, nurse):
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.to_disk(tmp_path / "tiny")
    result = invoke("check", nurse, "--spacy-model", tmp_path / "tiny", "--format", "json", "--target", "device")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["scores"][0]["segment"] == "device"
    assert invoke("check", nurse, "--spacy-model", tmp_path / "missing").exit_code == 2


# Sentences a tiny tagger learns to tag, as a trained pipeline would tag them.
TAGGED = [("Contracts were sent to 6 IDNs .", "NNS VBD VBN IN CD NNS ."),
          ("The unit was built in 2019 .", "DT NN VBD VBN IN CD ."),
          ("Was selected to lead the pump rollout .", "VBD VBN TO VB DT NN NN ."),
          ("Sent contracts to 6 IDNs .", "VBD NNS IN CD NNS ."),
          ("Trained 12 nurses on pumps .", "VBD CD NNS IN NNS .")]


@pytest.fixture(scope="module")
def tagged_pipeline(tmp_path_factory):
    """A pipeline with a tagger, trained here on the sentences above (no download)."""
    import spacy
    from spacy.training import Example

    spacy.util.fix_random_seed(0)
    nlp = spacy.blank("en")
    nlp.add_pipe("tagger")
    examples = [Example.from_dict(nlp.make_doc(text), {"tags": tags.split()}) for text, tags in TAGGED]
    nlp.initialize(lambda: examples)
    for _ in range(30):
        nlp.update(examples)
    assert [t.tag_ for t in nlp("Contracts were sent to 6 IDNs .")][2] == "VBN"
    path = tmp_path_factory.mktemp("tagged") / "pipeline"
    nlp.to_disk(path)
    return path


def test_a_rule_that_needs_a_taggers_tags_runs_only_with_a_trained_pipeline(tmp_path, tagged_pipeline):
    """"were sent" is passive though no spelling says so: a trained pipeline's tagger finds it.
    The blank pipeline sets no tags, so the rule is not run rather than run blind."""
    bullets = ["Contracts were sent to 6 IDNs .", "Was selected to lead the pump rollout .", "Trained 12 nurses on pumps ."]
    resume = resume_docx(tmp_path / "r.docx", [("Sales Representative | Stryker | Denver, CO | 2019 – 2023", bullets)])

    def rules_on(*options) -> dict[str, set[str]]:
        result = invoke("check", resume, "--target", "device", "--format", "json", *options)
        assert result.exit_code == 0, result.stderr
        found: dict[str, set[str]] = {}
        for f in json.loads(result.stdout)["findings"]:
            found.setdefault(f["text"], set()).add(f["rule"])
        return found

    blank, trained = rules_on(), rules_on("--spacy-model", str(tagged_pipeline))
    assert "RF-CORE-041" not in set().union(*blank.values())
    assert "RF-CORE-041" in trained[bullets[0]] and "RF-CORE-005" not in trained[bullets[0]]
    # "Was selected" is the spelled-out passive: one finding, not two
    assert "RF-CORE-005" in trained[bullets[1]] and "RF-CORE-041" not in trained[bullets[1]]
    assert "RF-CORE-041" not in trained.get(bullets[2], set())
    # `rules test` runs the rule's examples only with such a pipeline, and says so without one
    assert "RF-CORE-041 needs a trained pipeline" in invoke("rules", "test").stdout
    assert any("RF-CORE-041" in line and "needs --spacy-model" in line for line in invoke("rules", "list").stdout.splitlines())
    with_tags = invoke("rules", "test", "--spacy-model", str(tagged_pipeline))
    assert with_tags.exit_code == 0 and "RF-CORE-041" not in with_tags.stdout, with_tags.stdout


def test_help_and_version_do_not_import_spacy():
    code = ("import sys; from click.testing import CliRunner; from resumefit.cli import main; "
            "CliRunner().invoke(main, ['--help']); CliRunner().invoke(main, ['--version']); "
            "print('spacy' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "False"


def test_a_command_turns_the_cycle_collector_back_on_when_it_ends(nurse):
    # The command line pauses the collector while spaCy loads; a caller running commands
    # in its own process (a notebook, a test run) gets its collector back after each one.
    import gc

    assert invoke("rules", "list").exit_code == 0  # builds no engine
    assert gc.isenabled()
    assert invoke("check", str(nurse), "--target", "device").exit_code in (0, 1)
    assert gc.isenabled()


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


@pytest.mark.parametrize("line, held, pending", [
    ("Epic Ambulatory Certified; CPHIMS (in progress)", "Epic Ambulatory Certified", "CPHIMS"),
    ("CNOR, 2021 • CRCST coursework, 2024", "CNOR", "CRCST"),
    ("CNOR, 2021, CRCST, expected May 2026", "CNOR", "CRCST"),
])
def test_a_credential_being_worked_toward_is_not_counted_as_held(tmp_path, line, held, pending):
    body = [p("Jordan Rivera"), p("jordan@example.com"), p("Experience", style="Heading1"),
            p("Registered Nurse | Mercy | 2019 – Present", bold=True),
            p("Circulated 600+ orthopedic cases a year.", style="ListBullet"),
            p("Certifications", style="Heading1"), p(line)]
    data = json.loads(invoke("check", make_docx(tmp_path / "r.docx", "".join(body)), "--format", "json").stdout)
    shown = {m["text"] for s in data["scores"] for m in s["matched"].get("credentials", [])}
    assert any(held in text for text in shown) and not any(pending in text for text in shown), shown


def test_a_role_without_dates_is_flagged_at_its_header(tmp_path):
    path = resume_docx(tmp_path / "r.docx", [("Registered Nurse | Mercy General Hospital", ["Circulated 600+ cases a year."]),
                                             ("Staff Nurse | Sutter Health | 2016 – 2019", ["Trained 45 staff."])])
    data = json.loads(invoke("check", path, "--format", "json", "--select", "RF-CORE-032").stdout)
    (found,) = data["findings"]
    assert "Registered Nurse at Mercy General Hospital" in found["message"]
    assert found["anchor"].endswith("#p3") and not found["bullet"]  # the header line, not a bullet


def test_career_highlights_are_judged_for_results_but_may_be_short_and_open_with_an_award(tmp_path):
    body = [p("Dana Whitfield"), p("dana@example.com"), p("Career Highlights", style="Heading1"),
            p("President's Club 2019, 2021 and 2023", style="ListBullet"),
            p("Built strong relationships with KOLs", style="ListBullet"),
            p("Experience", style="Heading1"), p("Account Manager | Genzyme | 2019 – Present", bold=True),
            p("Reached 142% of launch goal.", style="ListBullet")]
    data = json.loads(invoke("check", make_docx(tmp_path / "r.docx", "".join(body)), "--format", "json",
                             "--target", "biotech").stdout)
    by_text = {}
    for f in data["findings"]:
        by_text.setdefault(f["text"], set()).add(f["name"])
    assert "core.metric.missing" in by_text["Built strong relationships with KOLs"]
    assert not by_text.get("President's Club 2019, 2021 and 2023", set()) & {
        "core.metric.missing", "core.language.action_verb", "core.length.bullet_words"}



def test_check_text_groups_bullets_under_the_resumes_own_headings(tmp_path):
    body = [p("Taylor Nguyen"), p("taylor@example.com"), p("Internships", style="Heading1"),
            p("Sales Intern | Cardinal Health | 2024", bold=True), p("Shadowed 6 reps on 40+ calls.", style="ListBullet"),
            p("Work Experience", style="Heading1"), p("Staff Nurse, Cardiac ICU | 2016 – 2019", bold=True),
            p("Trained 10 new nurses.", style="ListBullet")]
    out = invoke("check", make_docx(tmp_path / "r.docx", "".join(body)), "--target", "pharma").stdout
    assert "\nINTERNSHIPS\n  Sales Intern — Cardinal Health\n" in out
    assert "\nWORK EXPERIENCE\n  Staff Nurse, Cardiac ICU\n" in out  # no employer written: none shown
    # a finding about a role is said under it, not in a list that does not name it
    assert "  Sales Intern — Cardinal Health\n      info: 'Sales Intern at Cardinal Health' has 1 bullet(s)" in out
