"""The faithfulness rule, tested over generated resumes: the tailored copy never holds a
number, or a capitalised word (a name, title, employer or credential), that the input
does not."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ooxml import make_docx, p
from resumefit import api
from resumefit.tailor.run import TEMPLATE_WORDS, Options
from resumefit.tailor.run import tailor as tailor_copies

ENGINE = api.engine()
# The tool's own words: the summary template's, the heading it may add, and the verbs of
# the rules' safe fixes ("Helped with" -> "Supported"). None of them is a fact.
FIX_WORDS = {w[:1].upper() + w[1:] for rule in ENGINE.rules if rule.check.kind == "phrase"
             for phrase in rule.check.phrases if phrase.fix for w in phrase.fix.split()[:1]}
OUR_WORDS = TEMPLATE_WORDS | {"Summary", "SUMMARY"} | FIX_WORDS

words = st.sampled_from("""surgeons OR implants case coverage formulary HCPs oncology infusion EHR Epic Salesforce
    patients nurses accounts territory quota trained managed led educated reduced grew supported charted the a
    for with on in across value analysis committee sterile processing prior authorization specialty pharmacy
    interoperability CMIO pipeline demo in-service training orthopedic spine cardiology diabetes""".split())
numbers = st.one_of(st.integers(0, 2000).map(str), st.integers(1, 300).map(lambda n: f"{n}%"),
                    st.integers(1, 90).map(lambda n: f"${n}M"), st.integers(1990, 2030).map(str))
openers = st.sampled_from(["Helped with", "Assisted with", "Successfully", "Worked closely with", "Utilized",
                           "Responsible for", "Led", "Trained", ""])
bullet = st.builds(lambda o, ws, n: " ".join(x for x in (o, *ws[:3], n, *ws[3:]) if x) + ".",
                   openers, st.lists(words, min_size=3, max_size=12), st.one_of(st.just(""), numbers))
name = st.from_regex(r"[A-Z][a-z]{2,9}( [A-Z][a-z]{2,9})?", fullmatch=True)
role = st.tuples(name, name, st.integers(2000, 2024), st.lists(bullet, min_size=1, max_size=7))


def numbers_in(text: str) -> set[str]:
    return set(re.findall(r"\d+", text))


def capitalised(text: str) -> set[str]:
    return set(re.findall(r"\b[A-Z][\w&'-]*", text))


def words_lower(text: str) -> set[str]:
    """A word that opened a removed phrase is capitalised now ("Successfully reduced" ->
    "Reduced"): a change of case, not a new fact."""
    return {w.lower() for w in re.findall(r"[\w&'-]+", text)}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(roles=st.lists(role, min_size=1, max_size=4), skills=st.lists(words, min_size=0, max_size=8),
       segment=st.sampled_from(["pharma", "device", "biotech", "software"]), track=st.booleans(),
       max_bullets=st.one_of(st.none(), st.integers(1, 5)), summary=st.one_of(st.just(""), bullet))
def test_tailored_copy_adds_no_number_and_no_name(roles, skills, segment, track, max_bullets, summary):
    body = [p("Casey Morgan"), p("casey@example.com | (555) 010-2030")]
    if summary:
        body += [p("Summary", style="Heading1"), p(summary)]
    body.append(p("Experience", style="Heading1"))
    for title, employer, year, bullets in roles:
        body.append(p(f"{title} | {employer} | {year} – {year + 1}", bold=True))
        body += [p(b, style="ListBullet") for b in bullets]
    body += [p("Skills", style="Heading1"), p(", ".join(skills) or "Epic")]
    with tempfile.TemporaryDirectory() as tmp:
        path = make_docx(Path(tmp) / "generated.docx", "".join(body))
        result = ENGINE.check(api.parse(path), [segment])
        [t] = tailor_copies(path, result, [segment], Options(track=track, comments=True, max_bullets=max_bullets))
        out = Path(tmp) / "out.docx"
        out.write_bytes(t.docx)
        api.parse(out)  # the copy is a document the reader accepts
    assert numbers_in(t.text_after) <= numbers_in(t.text_before)
    new_words = {w for w in capitalised(t.text_after) - OUR_WORDS if w.lower() not in words_lower(t.text_before)}
    assert not new_words


def test_a_summary_that_would_add_a_fact_is_dropped_whole(tmp_path, monkeypatch):
    """The guard behind the construction: were the summary ever to hold a name or number the
    resume lacks, the copy is written without it rather than with it."""
    import resumefit.tailor.run as run

    monkeypatch.setattr(run, "build_summary", lambda result, segment: "Senior Director at Pfizer, 99 accounts.")
    body = [p("Casey Morgan"), p("Experience", style="Heading1"), p("Nurse | Mercy | 2019 – 2024", bold=True),
            p("Trained 12 nurses on sterile technique.", style="ListBullet")]
    path = make_docx(tmp_path / "r.docx", "".join(body))
    result = ENGINE.check(api.parse(path), ["device"])
    [t] = tailor_copies(path, result, ["device"], Options())
    assert "Pfizer" not in t.text_after and "99" not in t.text_after
    assert "Trained 12 nurses" in t.text_after
    # and the report says so, naming what the resume lacks
    (note,) = t.applied.skipped
    assert note.startswith("summary: left out") and "Pfizer" in note and "99" in note


def test_the_guard_takes_a_change_of_case_for_the_same_word_not_for_a_new_one():
    from resumefit.tailor.faithful import new_capitalised_words

    before = "CERTIFIED SURGICAL TECHNOLOGIST, UCHEALTH"
    assert not new_capitalised_words(before, "Certified Surgical Technologist moving into sales", set())
    assert new_capitalised_words(before, "Certified Surgical Technologist at Stryker", set()) == {"Stryker"}
    # lower case in the input is no licence to capitalise a name into existence
    assert new_capitalised_words("worked with stryker reps", "Stryker", set()) == {"Stryker"}
