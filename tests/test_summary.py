"""The tailored copy's summary: built only from facts in the resume (its titles,
credentials, specialties, tools, years as the candidate wrote them), its strongest result
quoted as the copy words it, and none at all when the resume gives it nothing to say."""

from __future__ import annotations

from ooxml import make_docx, p, run
from tailoring import ROLE_1, ROLE_2, body_texts, nurse_body, tailored
from resumefit import api


def summary_of(path, body: list[str], segment: str) -> str:
    """The summary the tailored copy of a resume made of these paragraphs would carry."""
    return tailored(make_docx(path, "".join(body)), segment)[1].plan.summary


def test_the_summary_quotes_a_result_as_the_tailored_copy_words_it(tmp_path):
    """A quoted bullet that a safe fix mends is quoted mended; one whose wording a rule
    faults with no fix ("Was given ...") is passed over for a clean one."""
    body = nurse_body(summary=True).replace(ROLE_1[2], "I circulated 600+ orthopedic and spine cases a year.").replace(
        ROLE_2[0], "Was given the Daisy Award and President's Club for 14 surgeons' cases.")
    texts = body_texts(tailored(make_docx(tmp_path / "r.docx", body), track=False)[0])
    summary = texts[texts.index("Summary") + 1]
    assert summary.endswith("Result: Circulated 600+ orthopedic and spine cases a year."), summary


def test_an_existing_summary_is_replaced(tmp_path):
    path = make_docx(tmp_path / "with-summary.docx", nurse_body(summary=True))
    texts = body_texts(tailored(path)[0])
    assert texts.count("Summary") == 1
    assert "known for calm case flow" not in " ".join(texts)
    assert "medical device sales" in texts[texts.index("Summary") + 1]


def test_a_credential_worked_toward_is_not_claimed(tmp_path):
    path = make_docx(tmp_path / "tech.docx", nurse_body(extra=p("Certifications", style="Heading1")
                                                        + p("CNPR coursework, 2024") + p("CNOR, 2021")))
    out, t = tailored(path)
    summary = t.plan.summary
    assert "CNOR" in summary and "CNPR" not in summary


def test_the_summary_keeps_the_years_and_credentials_the_candidate_wrote(tmp_path):
    body = [p("Dana Okafor"), p("Summary", style="Heading1"),
            p("Registered Respiratory Therapist with 7 years in adult ICU and NICU settings."),
            p("Experience", style="Heading1"), p("Lead Respiratory Therapist | OhioHealth | 2020 – Present", bold=True),
            p("Served on the value analysis committee that chose a new ventilator.", style="ListBullet"),
            p("Credentials", style="Heading1"), p("RRT (NBRC), RRT-NPS, ACLS")]
    summary = tailored(make_docx(tmp_path / "rt.docx", "".join(body)))[1].plan.summary
    assert summary.startswith("Lead Respiratory Therapist (RRT, RRT-NPS), 7 years in the field, moving into"), summary
    assert "the value analysis committee" in summary  # one body, with its article
    # a summary that states no years gets none: a number is never worked out from dates
    body[2] = p("Registered Respiratory Therapist in adult ICU and NICU settings.")
    summary = tailored(make_docx(tmp_path / "rt2.docx", "".join(body)))[1].plan.summary
    assert "in the field" not in summary and "(RRT, RRT-NPS) moving into" in summary


def test_a_title_written_before_a_tab_is_still_a_word_of_the_resume(tmp_path):
    """The faithfulness guard reads a tab as a space: "Diabetes<tab>Jan 2020" holds the
    word "Diabetes", so a summary naming the title is kept, not silently dropped."""
    header = p(runs=run("Senior Specialty Representative, Diabetes") + "<w:r><w:tab/></w:r>" + run("Jan 2020 – Present"))
    body = [p("Alexis Morgan"), p("Summary", style="Heading1"), p("Sales professional with 9+ years in primary care."),
            p("Experience", style="Heading1"), header, p("Boehringer Ingelheim, Charlotte, NC"),
            p("Ranked #3 of 62 in the region for TRx growth in 2023.", style="ListBullet")]
    out, t = tailored(make_docx(tmp_path / "rep.docx", "".join(body)), "pharma")
    assert t.plan.summary.startswith("Senior Specialty Representative, Diabetes, 9+ years in the field")
    assert any(text.startswith("Senior Specialty Representative, Diabetes, 9+") for text in body_texts(out))


def test_the_summary_writes_abbreviations_as_written_and_a_flagged_bullet_is_asked_to_be_rewritten(tmp_path):
    head = [p("Jordan Rivera"), p("Experience", style="Heading1"),
            p("Pharmaceutical Sales Representative | Novo Nordisk | 2016 – 2020", bold=True)]
    bullets = ["Led speaker programs for 14 HCPs with the P&T committee.",
               "Guaranteed A1C reduction for patients who switched from Trulicity."]
    path = make_docx(tmp_path / "rep.docx", "".join(head + [p(b, style="ListBullet") for b in bullets]))
    out, t = tailored(path, "pharma")
    assert "HCPs" in t.plan.summary and "hcps" not in t.plan.summary
    # a sales title is already in sales; a therapist's (above) is moving into it
    assert t.plan.summary.startswith("Pharmaceutical Sales Representative focused on pharmaceutical sales")
    (question,) = t.questions.values()  # the promise has no number; it is asked to go first
    assert question.startswith("First rewrite this without what the compliance check flags")


def test_the_summary_quotes_no_result_the_checks_flag(tmp_path):
    risky = "Cut implant costs by 18% on the case of patient John Smith."  # the strongest result, and a patient's name
    weak = "Responsible for training 25 new OR staff on implant trays and case carts."  # a weak opener
    clean = "Circulated 600+ orthopedic and spine cases a year alongside 14 surgeons."
    head = [p("Jordan Rivera"), p("Experience", style="Heading1"),
            p("Registered Nurse, Operating Room | Mercy General Hospital | 2019 – Present", bold=True)]
    both = make_docx(tmp_path / "both.docx", "".join(head + [p(b, style="ListBullet") for b in (risky, weak, clean)]))
    assert tailored(both)[1].plan.summary.endswith("Result: " + clean)
    flagged = make_docx(tmp_path / "flagged.docx", "".join(head + [p(b, style="ListBullet") for b in (risky, weak)]))
    summary = tailored(flagged)[1].plan.summary
    assert summary and "Result:" not in summary and "Smith" not in summary


def test_no_summary_when_the_resume_gives_it_nothing_to_say(tmp_path):
    path = make_docx(tmp_path / "bare.docx", p("Jordan Rivera") + p("Experience", style="Heading1")
                     + p("Charted vitals on every shift.", style="ListBullet"))
    out, t = tailored(path)
    assert t.plan.summary == "" and not any("sales" in text for text in body_texts(out))


def test_an_officer_and_a_committee_take_their_article_in_the_summary(tmp_path):
    body = [p("Chris Alvarez"), p("Experience", style="Heading1"),
            p("Clinical Applications Analyst | Vanderbilt University Medical Center | 2018 – 2021", bold=True),
            p("Gathered requirements from the CMIO and 40 providers for new order sets.", style="ListBullet"),
            p("Presented an ROI case to the IT steering committee.", style="ListBullet")]
    summary = summary_of(tmp_path / "it.docx", body, "software")
    assert "the CMIO" in summary and "providers" in summary and "the providers" not in summary, summary


def test_one_organisation_of_many_takes_a_or_an(tmp_path):
    """"a 9-hospital IDN" is one IDN of many: "Works with an IDN", never "with IDN"."""
    body = [p("Sam Lee"), p("Experience", style="Heading1"),
            p("Capital Sales Representative | Siemens Healthineers | 2018 – 2023", bold=True),
            p("Won a 5-year service agreement worth $1.2M with a 9-hospital IDN and a GPO.", style="ListBullet"),
            p("Sold $6.8M in MRI capital equipment to 6 imaging centers.", style="ListBullet")]
    summary = summary_of(tmp_path / "cap.docx", body, "device")
    assert "an IDN" in summary and "a GPO" in summary, summary


def test_a_place_takes_its_article_in_the_summary(tmp_path):
    body = [p("Jordan Rivera"), p("Experience", style="Heading1"),
            p("Registered Nurse | Mercy General Hospital | 2019 – Present", bold=True),
            p("Circulated 600+ cases a year in the OR alongside 14 surgeons.", style="ListBullet")]
    summary = tailored(make_docx(tmp_path / "rn.docx", "".join(body)))[1].plan.summary
    assert "Works with the OR and surgeons" in summary, summary


def test_an_employer_named_in_a_roles_header_is_not_whom_the_candidate_works_with(tmp_path):
    body = [p("Chris Alvarez"), p("Experience", style="Heading1"),
            p("Clinical Applications Analyst | Front Range Health System | 2018 – 2021", bold=True),
            p("Trained 300 physicians on the new patient portal.", style="ListBullet")]
    summary = summary_of(tmp_path / "it.docx", body, "software")
    assert "Works with physicians" in summary and "health system" not in summary.lower(), summary


def test_a_customer_named_as_a_modifier_keeps_its_noun(tmp_path):
    """"12 physician practices": the candidate works with physician practices, not "physician"."""
    body = [p("Marisol Garcia"), p("Experience", style="Heading1"),
            p("Account Executive | ADP | 2018 – 2020", bold=True),
            p("Sold payroll services to 12 physician practices and 40 clinics.", style="ListBullet")]
    summary = summary_of(tmp_path / "ae.docx", body, "pharma")
    assert "Works with physician practices and clinics" in summary, summary


def test_a_customer_written_as_a_longer_plural_form_stays_whole(tmp_path):
    """"4 orthopedic surgeons" is one of the word list's forms of "surgeon": the candidate works
    with orthopedic surgeons, as written, never with one "surgeon"."""
    body = [p("Chris Delgado, ATC"), p("Experience", style="Heading1"),
            p("Athletic Trainer | OrthoOhio | 2018 – 2021", bold=True),
            p("Collaborated with 4 orthopedic surgeons on return-to-play decisions.", style="ListBullet")]
    summary = summary_of(tmp_path / "atc.docx", body, "device")
    assert "Works with orthopedic surgeons" in summary, summary


def test_the_candidates_own_title_and_aim_are_not_whom_they_work_with(tmp_path):
    """In "Immunologist with 6 years in autoimmune disease, moving into a medical science
    liaison role" the immunologist is the candidate and the liaison the job they want; a
    field reads with its noun ("autoimmune disease") and a compound as written."""
    body = [p("Priya Raman, PhD"), p("Profile", style="Heading1"),
            p("Immunologist with 6 years of research in autoimmune disease, moving into a medical science "
              "liaison role."),
            p("Research Experience", style="Heading1"),
            p("Postdoctoral Research Fellow | Dana-Farber Cancer Institute | 2021 – Present", bold=True),
            p("Presented findings at ASH 2022 to 300+ hematologist-oncologists and KOLs.", style="ListBullet")]
    summary = summary_of(tmp_path / "phd.docx", body, "biotech")
    assert "with experience in autoimmune disease" in summary, summary
    assert "Works with hematologist-oncologists and KOLs" in summary, summary
    assert "immunologist" not in summary.lower() and "liaison" not in summary.split("Works with")[1], summary
    assert "moving into a medical science liaison role" in summary  # her aim, in her words


def test_a_summary_of_bullets_keeps_them_and_gains_the_text_above_them(tmp_path):
    """Highlights listed under "Summary" are the candidate's own; the new summary leads them
    instead of replacing them."""
    body = [p("Jordan Rivera"), p("Summary", style="Heading1"),
            p("Circulated 600+ orthopedic and spine cases a year.", style="ListBullet"),
            p("CNOR-certified operating room nurse.", style="ListBullet"),
            p("Experience", style="Heading1"),
            p("Registered Nurse, Operating Room | Mercy General Hospital | 2019 – Present", bold=True),
            p("Trained 45 perioperative staff on a new infusion pump.", style="ListBullet")]
    out, t = tailored(make_docx(tmp_path / "r.docx", "".join(body)))
    texts = body_texts(out)
    at = texts.index("Summary")
    assert texts[at + 1] == t.plan.summary and t.plan.summary.startswith("Registered Nurse")
    assert texts[at + 2:at + 4] == ["Circulated 600+ orthopedic and spine cases a year.",
                                    "CNOR-certified operating room nurse."]
    assert texts.count("Summary") == 1


def test_an_empty_summary_heading_gets_the_text_under_it_not_a_second_heading(tmp_path):
    body = [p("Jordan Rivera"), p("Summary", style="Heading1"), p("Experience", style="Heading1"),
            p("Registered Nurse, Operating Room | Mercy General Hospital | 2019 – Present", bold=True),
            p("Trained 45 perioperative staff on a new infusion pump.", style="ListBullet")]
    out, t = tailored(make_docx(tmp_path / "r.docx", "".join(body)))
    texts = body_texts(out)
    assert texts.count("Summary") == 1 and texts[texts.index("Summary") + 1] == t.plan.summary != ""


def test_the_summary_names_fields_not_adjectives(tmp_path):
    """"orthopedic cases" shows the field orthopedics; "cardiac" alone names no field, so the
    summary leaves it out rather than write "experience in cardiac"."""
    body = [p("Jordan Rivera"), p("Experience", style="Heading1"),
            p("Registered Nurse | Mercy General Hospital | 2019 – Present", bold=True),
            p("Circulated 600+ orthopedic, cardiac and vascular cases a year alongside 14 surgeons.", style="ListBullet")]
    summary = tailored(make_docx(tmp_path / "rn.docx", "".join(body)))[1].plan.summary
    head = summary.split("Result:")[0]
    assert "with experience in orthopedics." in head and "cardiac" not in head and "vascular" not in head, summary


def test_an_objective_becomes_a_summary_and_a_title_in_capitals_reads_as_a_title(tmp_path):
    """"Objective" over a summary of what the candidate brings would say the opposite of its
    text; a title typed in capitals is written in the sentence's case, with the same words."""
    body = [p("Taylor Nguyen"), p("OBJECTIVE", style="Heading1"),
            p("Surgical technologist seeking an associate sales role in orthopedic devices."),
            p("Experience", style="Heading1"), p("CERTIFIED SURGICAL TECHNOLOGIST, UCHEALTH", bold=True),
            p("MAR 2020 – PRESENT", bold=True),
            p("Scrub 4–6 orthopedic and spine cases per day for 9 surgeons at a Level I trauma center.",
              style="ListBullet")]
    out, t = tailored(make_docx(tmp_path / "cst.docx", "".join(body)), track=False)
    texts = body_texts(out)
    assert "OBJECTIVE" not in texts and texts[1] == "SUMMARY"
    assert texts[2].startswith("Certified Surgical Technologist moving into medical device sales"), texts[2]
    assert any(c.kind == "heading" and c.before == "OBJECTIVE" for c in t.plan.changes)


def test_a_summary_heading_that_is_no_objective_stays(tmp_path):
    out, t = tailored(make_docx(tmp_path / "r.docx", nurse_body(summary=True)))
    assert "Summary" in body_texts(out) and not t.plan.summary_heading


def test_a_salesperson_who_says_they_want_the_segment_is_moving_into_it(tmp_path):
    body = [p("Derek Oyelaran"), p("Summary", style="Heading1"),
            p("SaaS account executive looking to bring a MEDDICC process to healthcare IT."),
            p("Experience", style="Heading1"), p("Senior Account Executive | Zendesk | 2019 – Present", bold=True),
            p("Closed $2.8M in new ARR in FY23 (142% of quota).", style="ListBullet")]
    summary = summary_of(tmp_path / "ae.docx", body, "software")
    assert summary.startswith("Senior Account Executive moving into healthcare software sales"), summary
    body[2] = p("SaaS account executive with a MEDDICC process.")
    summary = summary_of(tmp_path / "ae2.docx", body, "software")
    assert summary.startswith("Senior Account Executive focused on healthcare software sales"), summary


def test_a_field_shouted_in_an_employers_name_is_written_in_lower_case(tmp_path):
    body = [p("Alex Moreno"), p("Experience", style="Heading1"),
            p("Senior Sales Representative | STRYKER ORTHOPAEDICS | 2021 – Present", bold=True),
            p("Converted 6 competitive surgeons to robotic total knee.", style="ListBullet"),
            p("Covered 300+ cases a year across 5 hospitals and 2 ASCs.", style="ListBullet")]
    summary = tailored(make_docx(tmp_path / "r.docx", "".join(body)))[1].plan.summary
    assert "with experience in orthopaedics and total knee" in summary, summary
    assert "ASCs" in summary  # an abbreviation stays as written


def test_a_new_graduate_is_summed_up_by_degree_and_their_activities_count(tmp_path):
    """No experience section: the degree names the candidate, a team captaincy's result is
    quoted, and the score counts the activities' bullets instead of "0 of 0"."""
    body = [p("Riley Brooks"), p("riley@example.com"), p("Education", style="Heading1"),
            p("BS, Exercise Science, Ohio State University, 2025"), p("Activities", style="Heading1"),
            p("Captain, Women's Soccer | Ohio State | 2022 – 2025", bold=True),
            p("Raised $12,000 for the children's hospital through a team fundraiser.", style="ListBullet"),
            p("Organized team travel and scheduling.", style="ListBullet"),
            p("Skills", style="Heading1"), p("Salesforce, Excel")]
    path = make_docx(tmp_path / "grad.docx", "".join(body))
    out, t = tailored(path, "pharma")
    assert t.plan.summary.startswith("BS Exercise Science graduate moving into pharmaceutical sales"), t.plan.summary
    assert t.plan.summary.endswith("Result: Raised $12,000 for the children's hospital through a team fundraiser.")
    result = api.engine().check(api.parse(path), ["pharma"])
    (metrics,) = [part for part in result.scores[0].parts if part.name == "metrics"]
    assert metrics.detail == "1 of 2 activities bullets have a measurable result"
    assert list(t.questions.values()) and len(t.questions) == 1  # the bullet without a result is asked about


def test_a_graduate_whose_latest_job_was_an_internship_is_summed_up_by_degree(tmp_path):
    """"Sales Intern focused on device sales" reads as someone still interning."""
    body = [p("Avery Kim"), p("avery@example.com"), p("Education", style="Heading1"),
            p("B.S. Kinesiology, The University of Texas at Austin, May 2024"),
            p("Experience", style="Heading1"), p("Sales Intern | Stryker Spine | Summer 2023", bold=True),
            p("Shadowed 3 sales reps in 25+ spine cases at 4 hospitals.", style="ListBullet"),
            p("Activities", style="Heading1"), p("President, Pre-PT Society | 2022 – 2024", bold=True),
            p("Raised $6,000 for a free injury screening clinic.", style="ListBullet"),
            p("Skills", style="Heading1"), p("Salesforce, Excel")]
    summary = summary_of(tmp_path / "intern.docx", body, "device")
    assert summary.startswith("B.S. Kinesiology graduate moving into medical device sales"), summary
    assert "clinic" not in summary  # a clinic the society raised money for is no customer of hers


def test_a_scientist_who_wants_a_medical_science_liaison_role_keeps_that_aim(tmp_path):
    """An MSL is no sales job: "moving into biotech sales" would put words in her mouth."""
    def summary(own: str, title: str = "Postdoctoral Fellow") -> str:
        body = [p("Priya Natarajan"), p("priya@example.com"), p("Summary", style="Heading1"), p(own),
                p("Experience", style="Heading1"), p(f"{title} | Dana-Farber Cancer Institute | 2021 – Present", bold=True),
                p("Led 3 preclinical studies of a bispecific antibody in lupus models.", style="ListBullet")]
        return summary_of(tmp_path / "msl.docx", body, "biotech")

    assert summary("Immunologist moving into a medical science liaison role.").startswith(
        "Postdoctoral Fellow moving into a medical science liaison role, with experience in lupus.")
    assert "moving into biotech and specialty pharmaceutical sales" in summary("Immunologist with lupus models.")
    # an MSL moving into sales is moving into sales
    assert "moving into biotech and specialty pharmaceutical sales" in summary(
        "Seeking to move from an MSL role into sales.", title="Medical Science Liaison")


def test_a_degree_that_is_also_a_credential_is_said_once(tmp_path):
    """A new graduate's "BS Biology" names them and is a pharma credential: once is enough."""
    body = [p("Riley Brooks"), p("riley@example.com"), p("Education", style="Heading1"),
            p("BS Biology, Ohio State University, 2025"), p("Activities", style="Heading1"),
            p("Captain, Women's Soccer | Ohio State | 2022 – 2025", bold=True),
            p("Raised $12,000 for the children's hospital through a team fundraiser.", style="ListBullet")]
    summary = summary_of(tmp_path / "grad.docx", body, "pharma")
    assert summary.startswith("BS Biology graduate moving into pharmaceutical sales"), summary


def test_a_field_another_names_is_left_out_of_the_summary(tmp_path):
    """"ICU and CVICU" says ICU twice: the wider name alone."""
    body = [p("Kayla Nguyen, CCRN"), p("Experience", style="Heading1"),
            p("Registered Nurse | Houston Methodist | 2018 – Present", bold=True),
            p("Managed 2 post-CABG patients per shift on a 24-bed CVICU.", style="ListBullet"),
            p("Floated to the medical ICU 3 shifts a month.", style="ListBullet")]
    summary = summary_of(tmp_path / "icu.docx", body, "device")
    assert "CVICU" in summary and "ICU and" not in summary and "and ICU" not in summary, summary


def test_an_employer_named_like_a_tool_is_where_one_works_not_what_one_uses(tmp_path):
    """A CRA at IQVIA has not used IQVIA's data; the tools she lists are what she uses."""
    body = [p("Priya Natarajan, CCRA"), p("Experience", style="Heading1"),
            p("Senior Clinical Research Associate | IQVIA | 2021 – Present", bold=True),
            p("Monitored 14 sites across 3 Phase III oncology trials.", style="ListBullet"),
            p("Skills", style="Heading1"), p("Medidata Rave, Microsoft Excel")]
    summary = summary_of(tmp_path / "cra.docx", body, "biotech")
    assert "Medidata" in summary and "IQVIA" not in summary, summary


def test_a_name_capitalised_mid_sentence_keeps_its_capital(tmp_path):
    """"Medicaid" is a name; "Operating Room" opening a title is a common noun, written small."""
    body = [p("Dana Ortiz"), p("Experience", style="Heading1"),
            p("Pharmaceutical Sales Representative | Sunovion | 2016 – 2019", bold=True),
            p("Pulled through formulary access at 3 state Medicaid plans and 2 hospitals.", style="ListBullet"),
            p("Called on 90 psychiatrists across 11 counties.", style="ListBullet")]
    summary = summary_of(tmp_path / "rep.docx", body, "pharma")
    assert "Medicaid plans" in summary and "medicaid" not in summary, summary


def test_a_short_bullet_with_the_strongest_result_is_quoted(tmp_path):
    """Length is not wording: "Cut missing-instrument errors by 30%" (six words) outranks a
    head count in a longer bullet."""
    body = [p("Chris Yoon"), p("Experience", style="Heading1"),
            p("Surgical Technologist | UCHealth | 2019 – Present", bold=True),
            p("Trained 10 new techs on Stryker power tools.", style="ListBullet"),
            p("Cut missing-instrument errors by 30%.", style="ListBullet")]
    assert summary_of(tmp_path / "st.docx", body, "device").endswith("Result: Cut missing-instrument errors by 30%.")


def test_of_equally_strong_results_the_bullet_with_more_of_them_is_quoted(tmp_path):
    """A senior rep's national rank and President's Club outrank an older quota bullet that
    names more of the target's terms."""
    body = [p("Dana Ortiz"), p("Experience", style="Heading1"),
            p("Territory Manager | Medtronic Spine | 2019 – Present", bold=True),
            p("Ranked #3 of 58 territory managers nationally in 2022; President's Club 2021 and 2022.",
              style="ListBullet"),
            p("Pharmaceutical Sales Representative | Pfizer | 2013 – 2016", bold=True),
            p("Achieved 118% of quota in 2015 selling a cardiovascular portfolio to 180 HCPs.", style="ListBullet")]
    assert summary_of(tmp_path / "senior.docx", body, "device").endswith(
        "Result: Ranked #3 of 58 territory managers nationally in 2022; President's Club 2021 and 2022.")


def test_a_result_quoted_without_a_full_stop_still_ends_the_summary_with_one(tmp_path):
    """Bullets written without periods: the quote is as written, and the summary's last
    sentence still ends; a bullet the copy mends with a period gets no second one."""
    strongest = "Trained 30 rural ED nurses on 12-lead ECG interpretation and STEMI activation"
    plain = ["Flew critical care transports across the region", "Restocked the rig every shift"]
    dotted = ["Flew critical care transports across the region.", "Restocked the rig every shift.",
              "Checked the monitors each morning.", "Logged every run in the ePCR.", "Precepted new paramedics."]
    for n, others in enumerate([plain, dotted]):  # the second: most end with a period, so the copy adds one
        body = [p("Marcus Bell"), p("Experience", style="Heading1"),
                p("Flight Paramedic | Air Evac Lifeteam | 2020 – Present", bold=True)]
        body += [p(b, style="ListBullet") for b in [strongest] + others]
        summary = summary_of(tmp_path / f"medic{n}.docx", body, "device")
        assert summary.endswith(f"Result: {strongest}.") and not summary.endswith(".."), summary
