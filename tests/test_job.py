"""`resumefit check --job POSTING`: the posting's terms the resume has (and where) and lacks."""

from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner

from conftest import laughs
from ooxml import make_docx, p
from resumefit.cli import main

POSTING_TEXT = """Associate Sales Representative, Orthopedics

Provide case coverage in the OR for joint replacement surgeons.
Run in-service training for perioperative staff.
Track the pipeline in Salesforce; complete vendor credentialing.
"""


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def resume(tmp_path_factory):
    body = "".join([
        p("Jordan Rivera"), p("Sacramento, CA | (916) 555-0142 | jordan@example.com"),
        p("Experience", style="Heading1"),
        p("Registered Nurse | Mercy General Hospital | 2018 – 2023", bold=True),
        p("Circulated 900+ cases with 14 orthopedic surgeons in the OR.", style="ListBullet"),
        p("Trained 45 perioperative staff on a new infusion pump.", style="ListBullet"),
        p("Skills", style="Heading1"), p("Sterile technique, Epic"),
    ])
    return make_docx(tmp_path_factory.mktemp("job") / "nurse.docx", body)


def job_of(resume, posting) -> dict:
    result = invoke("check", resume, "--target", "device", "--format", "json", "--job", posting)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)["job"]


def posted(tmp_path, text: str, name: str = "job.txt"):
    """A posting file holding this text."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def terms_of(job: dict) -> dict[str, dict]:
    return {t["term"]: t for t in job["terms"]}


def test_text_posting_terms_found_and_missing_with_places(resume, tmp_path):
    posting = posted(tmp_path, POSTING_TEXT)
    job = job_of(resume, posting)
    found = {t["term"]: t for t in job["terms"] if t["found"]}
    missing = {t["term"] for t in job["terms"] if not t["found"]}
    assert {"surgeon", "OR", "perioperative staff"} <= set(found)
    assert {"case coverage", "Salesforce", "vendor credentialing", "in-service training"} <= missing
    assert found["surgeon"]["where"][0]["section"] == "experience"
    assert found["surgeon"]["where"][0]["text"].endswith("surgeons")
    assert job["segment"] == "device"  # inferred from the posting's own words
    assert job["match_rate"] == round(job["matched"] / job["total"], 3)
    assert job["title"] == "Associate Sales Representative, Orthopedics"


def test_a_posting_term_inside_a_longer_term_of_the_resume_is_found_there(tmp_path):
    body = "".join([p("Priya Shah"), p("priya@example.com"), p("Experience", style="Heading1"),
                    p("Clinical Research Coordinator | Gulf Coast Cancer Center | 2019 – 2024", bold=True),
                    p("Scheduled 40 infusion center visits a week for trial patients.", style="ListBullet")])
    resume = make_docx(tmp_path / "priya.docx", body)
    posting = posted(tmp_path, "Specialty representative\nInfusion or buy-and-bill experience a plus.\n")
    result = invoke("check", resume, "--target", "biotech", "--format", "json", "--job", posting)
    terms = {t["term"]: t for t in json.loads(result.stdout)["job"]["terms"]}
    assert [w["text"] for w in terms["infusion"]["where"]] == ["infusion center"]
    assert not terms["buy-and-bill"]["found"]


def test_a_specialist_the_posting_asks_for_points_at_the_specialty_the_resume_names(tmp_path):
    """"rheumatology offices" is not the word an ATS looks for, but it is the evidence: the
    term stays missing (the match rate counts words as written) and says where its kin is."""
    body = "".join([p("Dana Whitfield"), p("dana@example.com"), p("Experience", style="Heading1"),
                    p("Specialty Representative | AbbVie | 2018 – 2021", bold=True),
                    p("Grew buy-and-bill accounts 20% in rheumatology offices.", style="ListBullet")])
    resume = make_docx(tmp_path / "dana.docx", body)
    posting = posted(tmp_path, "Rare disease account manager\nRelationships with rheumatologists and oncologists.\n")
    result = invoke("check", resume, "--target", "biotech", "--format", "json", "--job", posting)
    terms = {t["term"]: t for t in json.loads(result.stdout)["job"]["terms"]}
    assert not terms["rheumatologist"]["found"]
    assert [w["text"] for w in terms["rheumatologist"]["near"]] == ["rheumatology"]
    assert terms["oncologist"]["near"] == []
    out = invoke("check", resume, "--target", "biotech", "--job", posting).stdout
    assert '✗ rheumatologist (customers) — the resume says "rheumatology"' in out
    assert "✗ oncologist (customers) — not in the resume" in out


def test_a_missing_term_says_how_the_posting_words_it(resume, tmp_path):
    """The word list calls it quota; the posting says "sales goals", and that is the phrase
    an applicant tracking system will look for."""
    posting = posted(tmp_path, "Associate Sales Representative\nMeet or exceed sales goals across the OR.\n"
                               "Support product launches; provide case coverage.\n")
    terms = terms_of(job_of(resume, posting))
    assert terms["quota"]["posted"] == "sales goals" and not terms["quota"]["found"]
    assert terms["case coverage"]["posted"] == ""  # written as the term itself
    assert terms["OR"]["posted"] == ""
    assert terms["product launch"]["posted"] == ""  # "launches" is the term's plural, not other words
    out = invoke("check", resume, "--target", "device", "--job", posting).stdout
    assert '✗ quota (sales process) — the posting says "sales goals"; not in the resume' in out


def test_terms_from_the_postings_wish_list_are_marked_preferred(resume, tmp_path):
    posting = posted(tmp_path, "Associate Sales Representative\n\nRequirements\n- Case coverage in the OR\n"
                               "- Vendor credentialing\n\nPreferred Qualifications\n- CNOR\n- Salesforce\n\n"
                               "Responsibilities\n- In-service training for perioperative staff\n"
                               "- Experience with capital equipment a plus\n")
    terms = terms_of(job_of(resume, posting))
    assert all(terms[t]["required"] for t in ("case coverage", "OR", "vendor credentialing", "in-service training"))
    assert not any(terms[t]["required"] for t in ("CNOR", "Salesforce", "capital equipment"))
    out = invoke("check", resume, "--target", "device", "--job", posting).stdout
    assert "✗ Salesforce (tools, preferred) — not in the resume" in out
    assert "shows 2 of 8 of its terms (25%): 2 of 5 asked for, 0 of 3 marked preferred or a plus" in out


def test_markdown_front_matter_names_skills_no_lexicon_knows(resume, tmp_path):
    posting = tmp_path / "job.md"
    posting.write_text("---\ntitle: Device Associate\ncompany: Example Ortho\nsegment: device\n"
                       "skills: [Sterile technique, infusion pumps, Spanish]\n---\n# About the role\n"
                       "Support surgeons in the OR.\n", encoding="utf-8")
    job = job_of(resume, posting)
    terms = terms_of(job)
    assert job["company"] == "Example Ortho"
    assert terms["Spanish"]["category"] == "skill" and not terms["Spanish"]["found"]
    assert terms["infusion pump"]["found"]  # a lexicon term, matched through its plural
    assert terms["sterile technique"]["where"][0]["section"] == "skills"


def test_docx_posting(resume, tmp_path):
    posting = make_docx(tmp_path / "posting.docx", p("Territory Manager") + p("Cover cases for surgeons in the OR."))
    job = job_of(resume, posting)
    assert {"surgeon", "OR"} <= {t["term"] for t in job["terms"] if t["found"]}


def test_text_report_lists_what_the_resume_lacks(resume, tmp_path):
    posting = posted(tmp_path, POSTING_TEXT)
    out = invoke("check", resume, "--target", "device", "--job", posting).stdout
    assert "JOB POSTING — Associate Sales Representative, Orthopedics" in out
    assert "✗ Salesforce (tools) — not in the resume" in out
    assert '✓ surgeon (customers) — in experience: "orthopedic surgeons"' in out


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="this system has no named pipes")
def test_a_pipe_or_a_folder_as_the_posting_is_refused_not_read(resume, tmp_path):
    os.mkfifo(tmp_path / "posting.txt")
    (tmp_path / "folder.md").mkdir()
    for posting in ("posting.txt", "folder.md"):
        result = invoke("check", resume, "--job", tmp_path / posting)
        assert result.exit_code == 2 and "not a regular file" in result.stderr


@pytest.mark.parametrize("name, content, words", [
    ("missing.txt", None, ["no such file"]),
    ("posting.pdf", b"%PDF-1.7", ["must be .txt, .md or .docx"]),
    ("binary.txt", b"\x00\x01\x02" * 10, ["not a text file"]),
    ("empty.txt", b"", ["is empty"]),
    ("bad.md", b"---\ntitle: [unclosed\n---\nText\n", ["front matter"]),
    ("laughs.md", f"---\n{laughs()}skills: [*x6]\n---\nText\n".encode(), ["front matter", "too large"]),
    ("link.txt", b"https://careers.example.com/jobs/123\n", ["holds only a link", "paste the posting's text"]),
])
def test_bad_posting_is_one_clear_line_exit_2(resume, tmp_path, name, content, words):
    posting = tmp_path / name
    if content is not None:
        posting.write_bytes(content)
    result = invoke("check", resume, "--job", posting)
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    for word in words:
        assert word in result.stderr


def test_a_software_posting_is_matched_by_the_variants_sellers_write(tmp_path):
    body = "".join([p("Kevin Zhao"), p("Experience", style="Heading1"),
                    p("Account Executive | Healthgrid Software | 2022 – Present", bold=True),
                    p("Closed $1.4M in new ARR (131% of quota) using MEDDPICC with CIOs.", style="ListBullet")])
    resume = make_docx(tmp_path / "ae.docx", body)
    posting = posted(tmp_path, "Account Executive, revenue cycle SaaS\nSell our platform to CFOs using MEDDICC; "
                               "automate prior authorization and claims denial management.\n")
    result = invoke("check", resume, "--target", "software", "--format", "json", "--job", posting)
    terms = {t["term"]: t["found"] for t in json.loads(result.stdout)["job"]["terms"]}
    assert terms["MEDDIC"] is True  # MEDDICC in the posting, MEDDPICC in the resume: one method
    assert terms["denial management"] is False and "platform" not in terms  # a product, not a bare word


LINKEDIN_COPY = """Associate Territory Manager - Cardiac Rhythm Management
Boston Scientific · Denver, CO (On-site)

About the job
Provide case coverage for pacemaker implants in the EP lab and cath lab.
Support the Territory Manager in driving CRM market share.
Educate physicians on the clinical benefits of therapy for heart failure patients.
Boston Scientific is an Equal Opportunity Employer. Benefits include 401(k), medical, dental and vision.
"""


def test_a_posting_copied_from_linkedin_is_read_for_its_job_not_its_boilerplate(resume, tmp_path):
    """The company comes from LinkedIn's "Company · Place" line; benefits and equal-opportunity
    lines give no terms ("dental and vision" is not a dental job); "CRM", spelled out in the
    posting as Cardiac Rhythm Management, is not the sales tool."""
    posting = posted(tmp_path, LINKEDIN_COPY)
    job = job_of(resume, posting)
    terms = {t["term"] for t in job["terms"]}
    assert job["company"] == "Boston Scientific"
    assert {"case coverage", "pacemaker", "cath lab", "cardiology"} <= terms  # "clinical benefits" is the job
    assert not terms & {"dentistry", "CRM"}


def test_a_posting_pasted_from_linkedin_into_word_gives_its_company_too(resume, tmp_path):
    lines = LINKEDIN_COPY.strip().splitlines()
    posting = make_docx(tmp_path / "posting.docx", "".join(p(line) for line in lines))
    job = job_of(resume, posting)
    assert (job["title"], job["company"]) == (lines[0], "Boston Scientific")


def test_an_acronym_the_posting_spells_as_its_own_term_is_kept(resume, tmp_path):
    posting = posted(tmp_path, "Device sales associate\n"
                               "Log every case in our Customer Relationship Management (CRM) system.\n")
    assert "CRM" in {t["term"] for t in job_of(resume, posting)["terms"]}


def test_a_posting_that_names_no_known_term_says_so_rather_than_0_of_0(resume, tmp_path):
    (tmp_path / "vague.txt").write_text("We are hiring a great person to join our team. Apply today.\n")
    result = invoke("check", resume, "--target", "device", "--job", tmp_path / "vague.txt")
    assert "names none of the terms resumefit knows" in result.stdout and "0 of 0" not in result.stdout


def test_terms_offered_as_alternatives_are_one_ask(resume, tmp_path):
    """"CNOR or CRCST" is met by either; "(RN, BSN)" lists examples; "Epic, Cerner and Salesforce" asks for each."""
    posting = posted(tmp_path, "Associate Sales Representative\n\nRequirements\n- Case coverage in the OR\n"
                               "- Certification: CNOR or CRCST\n- Clinical background (RN, BSN)\n"
                               "- Epic, Cerner and Salesforce\n")
    job = job_of(resume, posting)
    terms = terms_of(job)
    assert terms["CNOR"]["one_of"] == ["CRCST"] and terms["CRCST"]["one_of"] == ["CNOR"]
    assert terms["RN"]["one_of"] == ["BSN"]
    assert terms["Salesforce"]["one_of"] == []  # listed with "and": each is asked for
    asks = len(terms) - 2  # two pairs, each one ask
    assert (job["required_total"], job["preferred_total"]) == (asks, 0)
    out = invoke("check", resume, "--target", "device", "--job", posting).stdout
    assert "✗ CNOR (credentials, or CRCST) — not in the resume" in out
    # the nurse is an RN: the BSN the posting offers beside it is not asked of her
    assert terms["BSN"]["met_by"] == "RN" and terms["CNOR"]["met_by"] == ""
    assert "· BSN (credentials, or RN) — the posting takes RN in its place, and the resume shows it" in out
    assert "✗ BSN" not in out


def test_a_term_with_its_example_in_parentheses_is_met_by_the_example(resume, tmp_path):
    """"Vendor credentialing (Vendormate)": a process and a tool, one ask; the resume's Vendormate meets it."""
    posting = posted(tmp_path, "Device sales associate\n- Vendor credentialing (Vendormate) within 30 days\n")
    rep = make_docx(tmp_path / "rep.docx", "".join([p("Sam Lee"), p("Experience", style="Heading1"),
                                                    p("Sales Representative | Stryker | 2019 – 2023", bold=True),
                                                    p("Covered 40 cases a month.", style="ListBullet"),
                                                    p("Skills", style="Heading1"), p("Vendormate, Salesforce")]))
    job = job_of(rep, posting)
    terms = terms_of(job)
    assert terms["vendor credentialing"]["one_of"] == ["Vendormate"]
    assert terms["vendor credentialing"]["met_by"] == "Vendormate" and (job["required_matched"], job["required_total"]) == (1, 1)
    # two forms of one term in the parentheses make one alternative, not two
    software = posted(tmp_path, "Account executive\n- Interoperability (HL7, FHIR) in hospital EHRs\n", "sw.txt")
    result = invoke("check", rep, "--target", "software", "--format", "json", "--job", software)
    assert terms_of(json.loads(result.stdout)["job"])["interoperability"]["one_of"] == ["HL7"]


def test_a_term_or_another_of_its_kind_is_one_ask(resume, tmp_path):
    posting = posted(tmp_path, "Device sales associate\n- Proficiency with Salesforce or another CRM\n")
    terms = terms_of(job_of(resume, posting))
    assert terms["Salesforce"]["one_of"] == ["CRM"] and terms["CRM"]["one_of"] == ["Salesforce"]


def test_years_the_posting_asks_for_are_added_up_from_the_roles_own_dates(resume, tmp_path):
    """The nurse's one role runs 2018 – 2023: five years of clinical work, none in sales.
    A year alone counts from January, so the figure never flatters."""
    posting = posted(tmp_path, "Associate Sales Representative\n\nRequirements\n"
                               "- 3+ years of clinical experience in the OR\n- 2+ years of B2B sales experience\n\n"
                               "Preferred\n- 6 years of healthcare experience\n")
    asks = {a["asked"]: a for a in job_of(resume, posting)["experience"]}
    clinical, sales, longer = (asks["3+ years of clinical experience in the OR"],
                               asks["2+ years of B2B sales experience"], asks["6 years of healthcare experience"])
    assert (clinical["kind"], clinical["months"], clinical["met"]) == ("clinical", 60, True)
    assert clinical["roles"] == ["Registered Nurse at Mercy General Hospital, 2018 – 2023"]
    assert (sales["kind"], sales["months"], sales["met"], sales["roles"]) == ("sales", 0, False, [])
    assert (longer["required"], longer["met"]) == (False, False)
    out = invoke("check", resume, "--target", "device", "--job", posting).stdout
    assert ("✓ 3+ years of clinical experience in the OR — your clinical roles add up to about 5 years "
            "(Registered Nurse at Mercy General Hospital, 2018 – 2023)") in out
    assert "✗ 2+ years of B2B sales experience — no dated role in the resume has a sales title" in out


def test_overlapping_roles_count_once_and_a_month_range_counts_both_ends():
    from resumefit.engine.tenure import YearsAsk, add_up
    from resumefit.model import Role

    def sales(start: str, end: str, section: str = "experience") -> Role:
        return Role(title="Sales Representative", employer="Stryker", start=start, end=end, section=section)

    roles = [sales("2019-03", "2021-02"), sales("2020-01", "2021-12"),
             sales("2018-06", ""),  # one date: left out
             sales("2015", "2017", section="activities")]  # not a job
    ask = YearsAsk("3+ years of sales experience", 3, "sales", True)
    add_up(ask, roles, (2026, 12))
    assert ask.months == 34 and not ask.met and ask.held == "about 2 years"  # Mar 2019 to Dec 2021
    assert ask.one_date == ["Sales Representative at Stryker (Jun 2018)"]  # named, so the candidate can date it
    assert ask.said.endswith("; Sales Representative at Stryker (Jun 2018) gives one date, so it is not added: "
                             "give its start and end")
    present = YearsAsk("1 year of sales experience", 1, "sales", True)
    add_up(present, [Role(title="Account Executive", start="2026-01", end="present", section="experience")], (2026, 12))
    assert present.months == 12 and present.met


def test_a_role_with_one_date_is_named_as_written_and_not_added(tmp_path):
    """A student's "Summer 2021" internship: how long it ran the resume does not say."""
    from conftest import resume_docx

    path = resume_docx(tmp_path / "intern.docx", [
        ("Account Executive | ADP | Sacramento, CA | Jan 2024 – Dec 2025", ["Closed 40 new accounts."]),
        ("Sales Intern | Medline | Summer 2021", ["Called on 30 clinics."])])
    posting = posted(tmp_path, "Sales Representative\n\nRequirements\n- 3+ years of B2B sales experience\n")
    [ask] = job_of(path, posting)["experience"]
    assert (ask["months"], ask["met"], ask["one_date"]) == (24, False, ["Sales Intern at Medline (Summer 2021)"])
    assert ask["said"] == ("your sales roles add up to about 2 years (Account Executive at ADP, Jan 2024 – Dec 2025); "
                           "Sales Intern at Medline (Summer 2021) gives one date, so it is not added: "
                           "give its start and end")


def test_years_asked_as_alternatives_are_met_by_either(resume, tmp_path):
    posting = posted(tmp_path, "Sales Representative\n\n"
                               "- 2+ years of healthcare experience, or 2+ years of B2B sales experience\n")
    healthcare, sales = job_of(resume, posting)["experience"]
    assert (healthcare["mark"], sales["mark"]) == ("✓", "·")
    assert sales["said"] == ("no dated role in the resume has a sales title; "
                             "the posting takes 2+ years of healthcare experience instead")


@pytest.mark.parametrize("line, asked, kind", [
    ("At least 2 years of experience in B2B sales.", "2 years of experience in B2B sales", "sales"),
    ("Minimum of 3 years' clinical experience.", "3 years' clinical experience", "clinical"),
    ("3-5 years of experience selling capital equipment", "3-5 years of experience selling capital equipment", "sales"),
    ("5 years of experience with Epic", "5 years of experience with Epic", "any"),
    ("3+ years of EMS, critical care or emergency department experience",
     "3+ years of EMS, critical care or emergency department experience", "clinical"),
])
def test_an_ask_in_years_is_read_as_postings_write_it(line, asked, kind):
    from resumefit.engine.tenure import years_asked

    (ask,) = years_asked([line], [False])
    assert (ask.asked, ask.kind) == (asked, kind)


@pytest.mark.parametrize("title, clinical", [("Combat Medic", True), ("Medical Scribe", True), ("Phlebotomist", True),
                                             ("Flight Paramedic", True), ("Medical Sales Representative", False),
                                             ("Office Manager", False)])
def test_a_clinical_ask_counts_clinical_titles_only(title, clinical):
    from resumefit.engine.tenure import KIND_TITLES

    assert bool(KIND_TITLES["clinical"].search(title)) == clinical


def test_the_degree_a_posting_asks_for_is_looked_for_in_the_education_section(tmp_path):
    """Postings ask "Bachelor's degree required; MBA preferred". The candidate's BSN meets
    the first; an MBA she is still working toward is shown as not yet earned."""
    body = "".join([p("Jordan Rivera"), p("Experience", style="Heading1"),
                    p("Registered Nurse | Mercy General Hospital | 2018 – 2023", bold=True),
                    p("Circulated 900+ cases with 14 orthopedic surgeons in the OR.", style="ListBullet"),
                    p("Education", style="Heading1"), p("BSN, Sacramento State University, 2016"),
                    p("MBA candidate, UC Davis, expected May 2026")])
    nurse = make_docx(tmp_path / "nurse.docx", body)
    posting = posted(tmp_path, "Associate Territory Manager\n\nRequirements\n- Bachelor's degree required; MBA preferred\n"
                               "- Call on surgeons, MDs and PharmDs across the region\n")
    asks = {a["level"]: a for a in job_of(nurse, posting)["education"]}
    assert set(asks) == {"bachelor", "master"}  # "MDs" here are customers, not a degree asked for
    bachelor, master = asks["bachelor"], asks["master"]
    assert (bachelor["asked"], bachelor["required"], bachelor["met"]) == ("Bachelor's degree", True, True)
    assert bachelor["held"] == "BSN, Sacramento State University, 2016"
    assert (master["required"], master["met"], master["mark"]) == (False, False, "·")
    out = invoke("check", nurse, "--target", "device", "--job", posting).stdout
    assert "✓ Bachelor's degree — your education shows “BSN, Sacramento State University, 2016”" in out
    # a doctorate asked as alternatives is one ask, met by any of them
    msl = posted(tmp_path, "Medical Science Liaison\n\n- PharmD, PhD, or MD required\n", "msl.txt")
    (doctorate,) = job_of(nurse, msl)["education"]
    assert (doctorate["asked"], doctorate["met"]) == ("PharmD, PhD, or MD", False)
    assert "no doctorate or higher is in your education section" in doctorate["said"]


@pytest.mark.parametrize("line, level", [
    ("B.S. Biology, Texas State University, 2017", "bachelor"), ("Bachelor of Science in Nursing, UCLA", "bachelor"),
    ("PhD, Immunology, Harvard University, 2020", "doctorate"), ("AS in Radiologic Technology", "associate"),
    ("M.Ed. Curriculum and Instruction, 2015", "master"), ("Certificate as a Medical Assistant", None),
    ("Do Good Academy summer program", None), ("High school diploma, 2012", None),
])
def test_a_degree_is_read_as_education_sections_write_it(line, level):
    from resumefit.engine.degrees import _degree

    found = _degree(line)
    assert (found.lastgroup if found else None) == level


@pytest.mark.parametrize("posting, contact, mark, says", [
    ("Territory Manager\n\nLocation: Sacramento, CA\n- Sell implants to surgeons\n", "Sacramento, CA", "✓",
     "where your resume places you"),
    ("Territory Manager\n\nLocation: Fresno, CA\n- Sell implants to surgeons\n", "Sacramento, CA", "·", "same state"),
    # a posting copied from LinkedIn gives its place under the title
    ("Territory Manager\nBoston Scientific · Denver, CO (On-site)\n\n- Sell implants\n", "Sacramento, CA", "✗",
     "if you would move, say so"),
    ("---\ntitle: Territory Manager\nlocation: Sacramento, California\n---\n- Sell implants\n", "Sacramento, CA", "✓",
     "where your resume places you"),
    ("Territory Manager\n\nLocation: Remote (US)\n- Sell implants\n", "Sacramento, CA", "✓", "remote"),
    ("Territory Manager\n\nLocation: Austin, TX\n- Sell implants\n", "", "·", "gives no location"),
])
def test_where_the_job_is_beside_where_the_resume_places_the_candidate(tmp_path, posting, contact, mark, says):
    """A territory role usually asks its rep to live in it; the report says how the two compare."""
    body = "".join([p("Jordan Rivera"), p(" | ".join(x for x in (contact, "jordan@example.com") if x)),
                    p("Experience", style="Heading1"), p("Registered Nurse | Mercy | 2018 – 2023", bold=True),
                    p("Circulated 900+ cases with 14 orthopedic surgeons.", style="ListBullet")])
    nurse = make_docx(tmp_path / "nurse.docx", body)
    place = job_of(nurse, posted(tmp_path, posting, "job.md" if posting.startswith("---") else "job.txt"))["place"]
    assert place["mark"] == mark and says in place["said"], place


def test_without_a_place_in_the_contact_lines_the_job_held_now_places_the_candidate(tmp_path):
    body = "".join([p("Jordan Rivera"), p("jordan@example.com"), p("Experience", style="Heading1"),
                    p("Registered Nurse | Mercy | Denver, CO | 2018 – Present", bold=True),
                    p("Circulated 900+ cases with 14 orthopedic surgeons.", style="ListBullet")])
    place = job_of(make_docx(tmp_path / "n.docx", body), posted(tmp_path, "Territory Manager\n\nLocation: Boulder, CO\n"))["place"]
    assert (place["resume"], place["mark"]) == ("Denver, CO", "·")


def test_a_posting_that_names_no_place_says_nothing_of_one(resume, tmp_path):
    assert job_of(resume, posted(tmp_path, "Territory Manager\n\n- Sell implants to surgeons\n"))["place"] is None


@pytest.mark.parametrize("place, state", [
    ("Dallas, TX", "TX"), ("North Texas", "TX"), ("Austin, Texas", "TX"), ("Kansas City, MO", "MO"),
    ("Charleston, West Virginia", "WV"), ("Denver, CO 80202", "CO"), ("Manchester, UK", ""),
])
def test_a_place_is_read_for_its_state_however_it_is_written(place, state):
    from resumefit.engine.territory import _state

    assert _state(place) == state


def test_a_resume_that_says_remote_places_its_candidate_nowhere():
    from resumefit.engine.territory import match_place

    assert "gives no location" in match_place("Dallas, TX", "Remote").said
    assert match_place("North Texas", "Austin, TX").mark == "·"  # a region of the same state: not a move
