"""`resumefit linkedin`: LinkedIn's own data export, from the shapes of different years and
from hostile hands, reviewed for a segment with suggestions drawn only from the profile."""

from __future__ import annotations

import copy
import hashlib
import json
import os
import re
import zipfile

import pytest
from click.testing import CliRunner

from linkedin_exports import PHARMACIST, csv_bytes, export, write_zip
from ooxml import claim_unknown_zip_version, corrupt_member, make_docx, p
from resumefit import api
from resumefit.cli import main
from resumefit.ingest.linkedin import profile_resume, read_linkedin

PRIVATE = ["12 Elm Street", "(614) 555-0199", "614-555-0199", "dana.okafor@example.com", "RPH.03-123456",
           "Mar 4, 1990", "@danarx"]


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def engine():
    return api.engine()


@pytest.fixture
def pharmacist(tmp_path):
    return export(tmp_path / "Basic_LinkedInDataExport.zip")


def profile_words(tables=PHARMACIST) -> set[str]:
    text = " ".join(str(v) for rows in tables.values() for row in rows for v in row.values())
    return {w.lower() for w in re.findall(r"[\w&'+-]+", text)}


def test_the_pharmacist_gets_a_headline_an_about_and_skills_from_her_own_profile(pharmacist, engine):
    review = api.linkedin(pharmacist, "pharma", eng=engine)
    own = profile_words() | {"pharmaceutical", "sales", "moving", "into", "candidate", "at"}
    assert len(review.headlines) == 3
    for headline in review.headlines:
        assert len(headline) <= 220
        words = {w.lower() for w in re.findall(r"[\w&'+-]+", headline)}
        assert words <= own, words - own  # nothing but her words and the target's name
    assert "Raised vaccination rates 35% across 3 stores" in review.about_outline[0]  # her best result leads
    assert {s["skill"] for s in review.skills_to_add} >= {"medication reconciliation"}
    assert all(s["evidence"].startswith("your profile: “") for s in review.skills_to_add)
    assert review.skills_to_top[:2] == ["Anticoagulation", "Diabetes"]
    rules = {f.rule for f in review.result.findings}
    assert {"RF-LI-002", "RF-LI-005", "RF-PHA-006"} <= rules  # no target role, no early result, weak top skills
    assert "RF-CORE-003" not in rules  # first person is fine on LinkedIn


def test_no_suggestion_quotes_a_result_the_checks_flag(tmp_path, engine):
    tables = copy.deepcopy(PHARMACIST)
    tables["Positions.csv"][0]["Description"] = (
        "Cut readmissions by 30% for patient Mary Jones and her care team.\n"  # a patient's name
        "Counseled 40 patients a day on anticoagulation and diabetes therapies.")
    review = api.linkedin(export(tmp_path / "flagged.zip", tables), "pharma", eng=engine)
    suggested = "\n".join(review.headlines + review.about_outline)
    assert "Mary Jones" not in suggested and "30%" not in suggested
    assert "Counseled 40 patients a day" in suggested  # the clean result leads instead


@pytest.mark.parametrize("fmt", ["text", "md", "html", "json"])
def test_contact_details_and_licence_numbers_never_reach_an_output(pharmacist, fmt):
    result = invoke("linkedin", pharmacist, "--target", "pharma", "--format", fmt)
    assert result.exit_code == 0, result.output
    for secret in PRIVATE:
        assert secret not in result.stdout
    assert "Dana Okafor" in result.stdout


@pytest.mark.parametrize("shape", ["2018", "2023", "2024"])
def test_exports_of_each_year_are_read(tmp_path, shape):
    profile = read_linkedin(export(tmp_path / f"{shape}.zip", shape=shape))
    assert profile.headline == "Clinical Pharmacist at Riverside Health"
    assert [(p.company, p.start, p.end) for p in profile.positions] == [
        ("Riverside Health", "2019-06", "present"), ("Kroger Pharmacy", "2016-07", "2019-05")]
    assert "Anticoagulation" in profile.skills
    if shape == "2018":  # only that year's export has Phone Numbers.csv
        assert "614-555-0199" in profile.private
    assert [c.license_number for c in profile.certifications][:1] == ([] if shape == "2018" else ["RPH.03-123456"])


def test_an_unzipped_folder_and_a_partial_export(tmp_path, engine):
    folder = export(tmp_path / "unzipped", folder=True)
    assert read_linkedin(folder).positions[0].title == "Clinical Pharmacist"
    partial = export(tmp_path / "partial.zip", {k: v for k, v in PHARMACIST.items()
                                                 if k in ("Positions.csv", "Skills.csv")}, shape="partial")
    review = api.linkedin(partial, "pharma", eng=engine)
    assert {"RF-LI-003"} <= {f.rule for f in review.result.findings}  # no About: reviewed from what is there
    assert review.result.resume.linkedin.files == ["Positions.csv", "Skills.csv"]


def test_dates_as_linkedin_writes_them(tmp_path):
    tables = copy.deepcopy(PHARMACIST)
    tables["Positions.csv"][0].update({"Started On": "2015", "Finished On": "Nov 2022"})
    assert [(p.start, p.end) for p in read_linkedin(export(tmp_path / "d.zip", tables)).positions][0] == ("2015", "2022-11")


def test_a_description_is_split_into_its_bullets_however_they_were_typed(tmp_path):
    tables = copy.deepcopy(PHARMACIST)
    tables["Positions.csv"][0]["Description"] = (
        "Key accomplishments:\n• Counseled 40 patients a day • Precepted 6 PharmD students a year\n"
        "Worked with Dr. Patel on anticoagulation (approx. 300 patients). Ran the flu clinic.\n"
        "Tools: Epic • Pyxis • Omnicell")
    profile = read_linkedin(export(tmp_path / "d.zip", tables))
    resume = profile_resume(profile)
    assert [b.text for b in resume.roles[0].bullets] == [
        "Counseled 40 patients a day", "Precepted 6 PharmD students a year",
        "Worked with Dr. Patel on anticoagulation (approx. 300 patients).", "Ran the flu clinic.",
        "Tools: Epic • Pyxis • Omnicell"]


def test_utf16_cp1252_and_missing_columns(tmp_path):
    assert read_linkedin(export(tmp_path / "u16.zip", encoding="utf-16")).headline.startswith("Clinical Pharmacist")
    tables = copy.deepcopy(PHARMACIST)
    tables["Profile.csv"][0]["Headline"] = "Pharmacist – café programs"
    assert "café" in read_linkedin(export(tmp_path / "cp.zip", tables, encoding="cp1252")).headline
    tables = copy.deepcopy(PHARMACIST)
    tables["Positions.csv"] = [{"Company Name": "Riverside Health", "Title": "Clinical Pharmacist"}]
    tables["Profile.csv"] = [{"First Name": "Dana", "Headline": "Pharmacist"}]
    profile = read_linkedin(export(tmp_path / "few.zip", tables))
    assert profile.positions[0].description == "" and profile.positions[0].end == "present" and profile.about == ""


def test_members_that_leave_the_archive_are_ignored(tmp_path, engine):
    files = {"../Profile.csv": csv_bytes([{"First Name": "Evil", "Headline": "x"}]),
             "/etc/Skills.csv": csv_bytes([{"Name": "Evil"}]),
             "Positions.csv": csv_bytes(PHARMACIST["Positions.csv"])}
    profile = read_linkedin(write_zip(tmp_path / "escape.zip", files))
    assert profile.first_name == "" and profile.skills == [] and profile.files == ["Positions.csv"]
    assert not (tmp_path.parent / "Profile.csv").exists()


def test_formula_text_stays_text(tmp_path):
    tables = copy.deepcopy(PHARMACIST)
    tables["Profile.csv"][0]["Headline"] = '=HYPERLINK("http://evil.example","Click") <script>alert(1)</script>'
    path = export(tmp_path / "formula.zip", tables)
    html = invoke("linkedin", path, "--target", "pharma", "--format", "html").stdout
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert not re.search(r"<(link|img|script)\b|src=|@import", html)
    data = json.loads(invoke("linkedin", path, "--target", "pharma", "--format", "json").stdout)
    assert data["headline"]["text"].startswith("=HYPERLINK(")  # shown as written, never evaluated


def written(path, data: bytes):
    path.write_bytes(data)
    return path


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="this system has no named pipes")
def test_pipes_are_never_read(tmp_path):
    os.mkfifo(tmp_path / "export.zip")
    result = invoke("linkedin", tmp_path / "export.zip", "--target", "pharma")
    assert result.exit_code == 2 and "not a regular file" in result.stderr
    folder = export(tmp_path / "unzipped", folder=True)
    profile = next(folder.rglob("Profile.csv"))
    profile.unlink()
    os.mkfifo(profile)  # a pipe where the profile should be: skipped like a missing file
    assert read_linkedin(folder).positions


def test_a_damaged_member_is_refused_in_one_line(tmp_path):
    path = export(tmp_path / "flipped.zip")
    with zipfile.ZipFile(path) as z:
        profile_csv = next(n for n in z.namelist() if n.endswith("Profile.csv"))
    result = invoke("linkedin", corrupt_member(path, profile_csv), "--target", "pharma")
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1
    assert "damaged" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("make, words", [
    (lambda d: d / "missing.zip", "no such file"),
    (lambda d: d, "none of LinkedIn's export files"),  # an empty folder
    (lambda d: written(d / "not.zip", b"hello"), "not a readable .zip"),
    (lambda d: claim_unknown_zip_version(export(d / "v99.zip")), "not a readable .zip"),
    (lambda d: write_zip(d / "other.zip", {"notes.txt": b"hi"}), "none of LinkedIn's export files"),
    (lambda d: write_zip(d / "huge.zip", {"Profile.csv": b"First Name,Headline\nDana," + b"x" * 200_000 + b"\n"}),
     "a CSV file LinkedIn did not write"),  # a field past csv's limit
])
def test_unusable_exports_are_refused_in_one_line(tmp_path, make, words):
    result = invoke("linkedin", make(tmp_path), "--target", "pharma")
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1 and words in result.stderr


def test_profile_and_resume_disagreements(pharmacist, tmp_path, engine):
    body = "".join([p("Dana Okafor"), p("Columbus, OH | dana@example.com | (614) 555-0100"),
                    p("Experience", style="Heading1"),
                    p("Pharmacy Manager | Riverside Health | 2018 – Present", bold=True),
                    p("Counseled 40 patients a day on anticoagulation.", style="ListBullet"),
                    p("Cut dispensing errors by 22% with a new double-check.", style="ListBullet"),
                    p("Pharmacist | Walgreens | 2014 – 2016", bold=True),
                    p("Filled 250 prescriptions a day.", style="ListBullet")])
    resume = make_docx(tmp_path / "dana.docx", body)
    found = {(c["kind"], c["linkedin"], c["resume"]) for c in api.linkedin(pharmacist, "pharma", resume, eng=engine).consistency}
    assert ("title", "Clinical Pharmacist", "Pharmacy Manager") in found
    assert ("dates", "2019-06", "2018") in found
    assert ("employer", "Staff Pharmacist at Kroger Pharmacy", "") in found
    assert ("employer", "", "Pharmacist at Walgreens") in found
    assert ("result", "", "Cut dispensing errors by 22% with a new double-check.") in found
    out = invoke("linkedin", pharmacist, "--target", "pharma", "--resume", resume).stdout
    assert "PROFILE AND RESUME" in out and "Pharmacy Manager" in out


def test_a_students_profile_without_positions_gets_headlines_from_the_degree(tmp_path, engine):
    tables = {"Profile.csv": [{"First Name": "Riley", "Last Name": "Brooks", "Headline": "Student at Ohio State",
                               "Summary": "", "Geo Location": "Columbus, Ohio"}],
              "Education.csv": [{"School Name": "The Ohio State University", "Start Date": "2021", "End Date": "2025",
                                 "Notes": "", "Degree Name": "BS Biology", "Activities": ""}]}
    review = api.linkedin(export(tmp_path / "student.zip", tables), "pharma", eng=engine)
    assert review.headlines == ["BS Biology graduate | Moving into Pharmaceutical Sales",
                                "Pharmaceutical Sales candidate | BS Biology graduate",
                                "BS Biology graduate → Pharmaceutical Sales"]
    assert not any(h.startswith(("|", "→")) for h in review.headlines)


def test_a_scientist_after_a_medical_science_liaison_role_gets_headlines_for_it(tmp_path, engine):
    """Her About says what she wants; "Moving into Biotech & Specialty Sales" would not."""
    tables = {"Profile.csv": [{"First Name": "Priya", "Last Name": "Natarajan", "Headline": "Postdoctoral Fellow",
                               "Summary": "Immunologist moving into a medical science liaison role.",
                               "Geo Location": "Boston, Massachusetts"}],
              "Positions.csv": [{"Company Name": "Dana-Farber Cancer Institute", "Title": "Postdoctoral Fellow",
                                 "Description": "Led 3 preclinical studies of a bispecific antibody in lupus models.",
                                 "Location": "Boston, MA", "Started On": "Sep 2021", "Finished On": ""}]}
    review = api.linkedin(export(tmp_path / "msl.zip", tables), "biotech", eng=engine)
    assert review.headlines[0].startswith("Postdoctoral Fellow | Moving into Medical Science Liaison"), review.headlines
    assert not any("Sales" in h for h in review.headlines)
    assert not any("immunologist" in h.lower() for h in review.headlines)  # she is the immunologist, no customer


@pytest.mark.parametrize("name, employer, same", [
    ("Jordan Rivera", "Mercy General Hospital", False),  # someone else's resume: refused
    ("Dana Okafor-Reyes", "Mercy General Hospital", True),  # a name with a word in common
    ("Dana Reyes", "Riverside Health", True),  # a new last name, the same employer
])
def test_another_persons_resume_is_refused_rather_than_mined_for_suggestions(pharmacist, tmp_path, name, employer,
                                                                             same):
    body = "".join([p(name), p("dana@example.com"), p("Experience", style="Heading1"),
                    p(f"Registered Nurse | {employer} | 2018 – Present", bold=True),
                    p("Circulated 600+ orthopedic and spine cases a year.", style="ListBullet")])
    resume = make_docx(tmp_path / "r.docx", body)
    result = invoke("linkedin", pharmacist, "--target", "pharma", "--resume", resume)
    if same:
        assert result.exit_code == 0, result.stderr
    else:
        assert result.exit_code == 2 and result.stdout == ""
        assert "Jordan Rivera's but the LinkedIn export is Dana Okafor's" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1


def test_output_file_and_exit_codes(pharmacist, tmp_path):
    before = hashlib.sha256(pharmacist.read_bytes()).hexdigest()
    out = tmp_path / "review.html"
    assert invoke("linkedin", pharmacist, "--target", "pharma", "--format", "html", "-o", out).exit_code == 0
    assert out.read_text().startswith("<!doctype html>")
    assert "Your profile shows pharmacy" in out.read_text()  # why her own field's terms are offered first
    again = invoke("linkedin", pharmacist, "--target", "pharma", "--format", "html", "-o", out)
    assert again.exit_code == 2 and "--force" in again.stderr
    assert invoke("linkedin", pharmacist, "--target", "pharma", "--fail-level", "warning").exit_code == 1
    assert hashlib.sha256(pharmacist.read_bytes()).hexdigest() == before  # read, never changed
    assert sorted(f.name for f in tmp_path.iterdir()) == ["Basic_LinkedInDataExport.zip", "review.html"]  # nothing extracted


@pytest.mark.parametrize("linkedin, resume, same", [
    ("Stryker", "Stryker Orthopaedics", True), ("Baptist Health", "Baptist Health Primary Care", True),
    ("CVS Health", "CVS Pharmacy", True), ("HCA Healthcare", "HCA Houston Healthcare", True),
    ("Medtronic", "Medtronic, Inc.", True),
    ("University of Michigan", "University of Ohio", False), ("St. Jude", "St. Mary", False),
    ("Mercy General Hospital", "Sutter Health", False),
])
def test_an_employer_named_by_its_company_page_or_its_division_is_one_employer(linkedin, resume, same):
    """LinkedIn names the company page ("Stryker"); a resume often the division ("Stryker
    Orthopaedics"): the same employer, not two disagreements."""
    from resumefit.linkedin.review import SAME_ORG, same_org

    assert (same_org(linkedin, resume) >= SAME_ORG) is same


def test_a_skill_to_add_is_evidenced_by_work_done_and_written_as_its_word_list_writes_it(pharmacist, engine, tmp_path):
    """The resume's summary wants oncology; a bullet shows oncology work: the bullet is the
    evidence. A tool keeps its capital ("Epic", never "epic")."""
    resume = make_docx(tmp_path / "dana.docx", "".join([
        p("Dana Okafor"), p("Summary", style="Heading1"), p("Pharmacist seeking a role in oncology sales."),
        p("Experience", style="Heading1"), p("Clinical Pharmacist | Riverside Health | 2019 – Present", bold=True),
        p("Verified 200 oncology orders a week in Epic.", style="ListBullet")]))
    added = {s["skill"]: s["evidence"] for s in api.linkedin(pharmacist, "pharma", resume, eng=engine).skills_to_add}
    assert added["oncology"] == "your resume: “Verified 200 oncology orders a week in Epic.”"
    assert "Epic" in added and "epic" not in added
