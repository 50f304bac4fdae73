"""The reader gets every role and bullet out of resumes however they were laid out."""

from __future__ import annotations

import pytest

from ooxml import NURSE_ROLES, STYLES, make_docx, p, run, sdt, table, textbox
from resumefit.errors import InputError
from resumefit.api import parse

CONTACT = [p("Jordan A. Rivera, RN, BSN", style="Title"),
           p("Sacramento, CA | (916) 555-0142 | jordan.rivera@example.com | linkedin.com/in/jordanrivera")]


def numbered_layout() -> str:
    """Heading styles; 'Title | Employer | City' then a dates line; Word numbering bullets."""
    body = CONTACT + [p("Professional Experience", style="Heading1")]
    for title, employer, city, start, end, bullets in NURSE_ROLES:
        body.append(p(f"{title} | {employer} | {city}", bold=True))
        body.append(p(f"{start} – {end}"))
        body += [p(b, style="ListBullet") for b in bullets]
    body += [p("Skills", style="Heading1"), p("Surgical workflow, Sterile technique; Epic, Salesforce")]
    return "".join(body)


def typed_layout() -> str:
    """ALL-CAPS headings in plain paragraphs; 'EMPLOYER – Title'; typed glyph bullets."""
    body = CONTACT + [p("EXPERIENCE")]
    for glyph, (title, employer, city, start, end, bullets) in zip("•➢", NURSE_ROLES):
        body.append(p(f"{employer.upper()} – {title}"))
        body.append(p(f"{city}    {start} to {end}"))
        body += [p(f"{glyph}  {b}") for b in bullets]
    body += [p("CORE COMPETENCIES"), p("Surgical workflow • Sterile technique • Epic • Salesforce")]
    return "".join(body)


def table_layout() -> str:
    """Each role's header is a table row: title and employer left, dates in the right cell."""
    body = CONTACT + [p("Work History", bold=True)]
    for title, employer, city, start, end, bullets in NURSE_ROLES:
        body.append(table([[p(title, bold=True) + p(f"{employer}, {city}"), p(f"{start} - {end}")]]))
        body += [p(b, num=1) for b in bullets]
    body += [p("Skills", bold=True), p("Surgical workflow, Sterile technique, Epic, Salesforce")]
    return "".join(body)


def content_control_layout() -> str:
    """Word's own templates: every block inside content controls (w:sdt), sections in a table."""
    roles = []
    for title, employer, city, start, end, bullets in NURSE_ROLES:
        roles.append(sdt(p(f"{title}, {employer}", style="Heading2")
                         + p(f"{start} – {end}") + "".join(p(b, style="ListBullet") for b in bullets)))
    body = [sdt(p("Experience", style="Heading1")), sdt("".join(roles), tag="experience"),
            sdt(p("Skills", style="Heading1")),
            sdt(p("Surgical workflow, Sterile technique, Epic, Salesforce"))]
    return "".join(body)


LAYOUTS = {"numbered": numbered_layout, "typed": typed_layout, "table": table_layout,
           "content controls": content_control_layout}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_roles_and_bullets_in_every_layout(tmp_path, layout):
    header = "".join(CONTACT) if layout == "content controls" else None
    path = make_docx(tmp_path / "r.docx", LAYOUTS[layout](), header=header)
    resume = parse(path)
    # Text is kept as written: the typed layout writes employers in capitals.
    assert [r.employer.lower() for r in resume.roles] == [r[1].lower() for r in NURSE_ROLES]
    assert [r.title for r in resume.roles] == [r[0] for r in NURSE_ROLES]
    assert [(r.start, r.end) for r in resume.roles] == [("2019-03", "present"), ("2016-06", "2019-02")]
    assert [[b.text for b in r.bullets] for r in resume.roles] == [r[5] for r in NURSE_ROLES]
    assert all(b.kind == "bullet" for b in resume.bullets)
    assert resume.skills == ["Surgical workflow", "Sterile technique", "Epic", "Salesforce"]
    assert resume.contact.email == "jordan.rivera@example.com"
    assert resume.contact.phone == "(916) 555-0142"
    assert resume.contact.linkedin == "linkedin.com/in/jordanrivera"
    assert resume.contact.location == "Sacramento, CA"
    assert resume.contact.name == "Jordan A. Rivera"
    assert resume.contact.in_header_only == (layout == "content controls")


def test_locations_are_read_where_given(tmp_path):
    resume = parse(make_docx(tmp_path / "r.docx", numbered_layout()))
    assert [r.location for r in resume.roles] == ["Sacramento, CA", "Roseville, CA"]
    body = "".join([p("Jamie Lee"), p("Experience", style="Heading1"),
                    p("Territory Manager | Stryker | Austin TX | 2019 – 2022", bold=True),
                    p("Covered 30 accounts in Ohio.", style="ListBullet")])
    (role,) = parse(make_docx(tmp_path / "r2.docx", body)).roles
    assert (role.title, role.employer, role.location) == ("Territory Manager", "Stryker", "Austin TX")
    for place in ("Manchester, UK", "Toronto, ON"):  # candidates abroad
        body = "".join([p("Amelia Hart"), p(f"{place} | amelia@example.com"), p("Experience", style="Heading1"),
                        p(f"Territory Manager | Philips Healthcare | {place} | 2018 – 2021", bold=True),
                        p("Covered 30 accounts.", style="ListBullet")])
        resume = parse(make_docx(tmp_path / "r3.docx", body))
        assert (resume.roles[0].employer, resume.roles[0].location, resume.contact.location) == (
            "Philips Healthcare", place, place)


def test_anchors_find_the_paragraph_again(tmp_path):
    from lxml import etree
    import zipfile

    path = make_docx(tmp_path / "r.docx", content_control_layout())
    resume = parse(path)
    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    paragraphs = list(root.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"))
    for b in resume.bullets:
        part, index = b.anchor.split("#p")
        assert part == "word/document.xml"
        assert "".join(paragraphs[int(index)].itertext()) == b.text


def test_prose_role_gets_its_paragraph_as_one_prose_item(tmp_path):
    prose = ("Supported a 20-physician cardiology practice with scheduling, prior authorizations "
             "and device clinic follow-up. Coordinated pacemaker checks with two vendor reps.")
    body = "".join([p("Jamie Lee"), p("Experience", style="Heading1"),
                    p("Medical Assistant, Valley Heart Clinic", bold=True), p("2017 - 2020"), p(prose)])
    resume = parse(make_docx(tmp_path / "r.docx", body))
    (role,) = resume.roles
    assert role.employer == "Valley Heart Clinic"
    assert [(b.kind, b.text) for b in role.bullets] == [("prose", prose)]


@pytest.mark.parametrize("header, title, employer", [
    ("Sales Representative, Acme Medical, 2019 – Present", "Sales Representative", "Acme Medical"),
    ("Medical Assistant, Valley Heart Clinic | 2017 – 2020", "Medical Assistant", "Valley Heart Clinic"),
    ("Staff Nurse, Med-Surg | Sutter Health | 2016 – 2019", "Staff Nurse, Med-Surg", "Sutter Health"),
    # career changers come from every industry
    ("Senior Associate, Deloitte Consulting, Aug 2015 - Dec 2017", "Senior Associate", "Deloitte Consulting"),
    ("Shift Manager, Chipotle Restaurants, 2014 - 2016", "Shift Manager", "Chipotle Restaurants"),
    # a specialty after a dash belongs to the title ("care" alone would lean employer)
    ("Sales Representative – Primary Care | Novo Nordisk | 2016 – 2020", "Sales Representative – Primary Care",
     "Novo Nordisk"),
    ("Sales Representative – Acme Medical | 2016 – 2020", "Sales Representative", "Acme Medical"),
    # a title is known by its last word, whatever employer words qualify it
    ("PGY1/PGY2 Oncology Pharmacy Resident, UNC Health, 2017 – 2019", "PGY1/PGY2 Oncology Pharmacy Resident",
     "UNC Health"),
    # with no employer word anywhere, a title then a name is title and employer; a unit is not a name
    ("Server, Olive Garden (2021 – 2024)", "Server", "Olive Garden"),
    ("Team Captain, UGA Softball (2023 – 2025)", "Team Captain", "UGA Softball"),
    ("Staff Nurse, Cardiac ICU (2016 – 2019)", "Staff Nurse, Cardiac ICU", ""),
    ("Registered Nurse, Operating Room | 2016 – 2019", "Registered Nurse, Operating Room", ""),
    # a parenthesis keeps its pair; one left open by the dates it held goes
    ("Registered Nurse (Travel) | Mercy | 2018 – 2020", "Registered Nurse (Travel)", "Mercy"),
    ("Account Manager, Abbott (Diabetes Care) (2019 - 2021)", "Account Manager", "Abbott (Diabetes Care)"),
    # veterans' titles and services
    ("Hospital Corpsman, U.S. Navy, 2010 - 2014", "Hospital Corpsman", "U.S. Navy"),
    ("Health Services Technician, U.S. Coast Guard, 2011 – 2015", "Health Services Technician", "U.S. Coast Guard"),
    ("Squad Leader, US Marine Corps, 2008 - 2012", "Squad Leader", "US Marine Corps"),
    # a piece of its own is the employer before a module or unit split off the title at a comma
    ("Senior Clinical Applications Analyst, Epic Ambulatory — HCA Healthcare — Nashville, TN — 2021–Present",
     "Senior Clinical Applications Analyst, Epic Ambulatory", "HCA Healthcare"),
    # an employer between a unit and a place written without its comma; a note in brackets
    ("Registered Nurse – ICU, Mercy Hospital, Sacramento CA | 2015 – 2019", "Registered Nurse – ICU", "Mercy Hospital"),
    ("Sales Representative, Henry Schein Dental — 2016 – 2018 (promoted 2017)", "Sales Representative",
     "Henry Schein Dental"),
    ("Medtronic (Minneapolis, MN) Sales Intern May–Aug 2021", "Sales Intern", "Medtronic"),
])
def test_a_header_word_that_is_title_and_employer_leans_by_its_place(tmp_path, header, title, employer):
    body = "".join([p("Jamie Lee"), p("Experience", style="Heading1"), p(header, bold=True),
                    p("Covered 30 accounts in Ohio.", style="ListBullet")])
    (role,) = parse(make_docx(tmp_path / "r.docx", body)).roles
    assert (role.title, role.employer) == (title, employer)


def test_a_two_line_header_with_the_company_on_the_dated_line(tmp_path):
    body = "".join([p("Jamie Lee"), p("Experience", style="Heading1"),
                    p("Novo Nordisk, Nashville, TN | Jun 2016 – Dec 2020", bold=True),
                    p("Pharmaceutical Sales Representative – Primary Care"),
                    p("Grew market share from 12% to 27%.", style="ListBullet")])
    (role,) = parse(make_docx(tmp_path / "r.docx", body)).roles
    assert (role.title, role.employer, role.location) == (
        "Pharmaceutical Sales Representative – Primary Care", "Novo Nordisk", "Nashville, TN")


def test_an_employer_and_place_on_a_plain_line_under_the_title_is_part_of_the_header(tmp_path):
    body = "".join([p("Jamie Lee"), p("Experience", style="Heading1"),
                    p("Senior Specialty Representative, Diabetes\tJan 2020 – Present"),
                    p("Boehringer Ingelheim, Charlotte, NC"),
                    p("Ranked #3 of 62 in the region for TRx growth.", style="ListBullet"),
                    # typed as prose, a sentence that ends in a place is still the role's item
                    p("Covered 85 prescribers in Charlotte, NC")])
    (role,) = parse(make_docx(tmp_path / "r.docx", body)).roles
    assert (role.title, role.employer, role.location) == (
        "Senior Specialty Representative, Diabetes", "Boehringer Ingelheim", "Charlotte, NC")
    assert [b.text for b in role.bullets] == ["Ranked #3 of 62 in the region for TRx growth.",
                                             "Covered 85 prescribers in Charlotte, NC"]


@pytest.mark.parametrize("heading, label", [
    (lambda text: p(text.upper(), bold=True), p("Key accomplishments:")),  # bold headings, a plain label
    (lambda text: p(text.upper()), p("Key Accomplishments:", bold=True)),  # typed headings, a bold label
    (lambda text: p(text, style="Heading1"), p("Responsibilities:")),
], ids=["bold headings", "typed headings", "heading styles"])
def test_a_label_over_a_roles_bullets_is_not_a_section(tmp_path, heading, label):
    body = "".join([p("Priya Shah"), heading("Professional Experience"),
                    p("MD Anderson Cancer Center, Houston, TX", bold=True),
                    p("Clinical Oncology Pharmacist | 2018 – Present"), label,
                    p("• Verified 150+ chemotherapy orders per shift."),
                    p("• Built 22 order sets in Epic Beacon."),
                    p("Stryker:", bold=True), p("Sales Intern | 2016 – 2017"),  # an employer, not a label
                    p("• Covered 40 cases.")])
    resume = parse(make_docx(tmp_path / "r.docx", body))
    assert [s.kind for s in resume.sections] == ["contact", "experience"]
    first, second = resume.roles
    assert (first.title, first.employer) == ("Clinical Oncology Pharmacist", "MD Anderson Cancer Center")
    assert [b.text for b in first.bullets] == ["Verified 150+ chemotherapy orders per shift.",
                                              "Built 22 order sets in Epic Beacon."]
    assert (second.title, second.employer) == ("Sales Intern", "Stryker")


@pytest.mark.parametrize("glyph", ["\uf0b7", "\uf0a7", "§", "o", "➢", ">", "★", "➔"])
def test_a_bullet_glyph_pasted_as_text_is_not_part_of_the_bullet(tmp_path, glyph):
    """Symbol and Wingdings bullets pasted as text arrive as private-use characters, or as
    the letter they are stored as in another font."""
    body = "".join([p("Sam Lee"), p("Experience", style="Heading1"), p("Sales Representative | Stryker | 2019 – 2023"),
                    p(f"{glyph} Covered 40 cases a month."), p(f"{glyph} Trained 12 OR nurses.")])
    (role,) = parse(make_docx(tmp_path / "r.docx", body)).roles
    assert [b.text for b in role.bullets] == ["Covered 40 cases a month.", "Trained 12 OR nurses."]


def test_bullets_typed_in_one_paragraph_a_line_apart_are_each_a_bullet(tmp_path):
    br = "<w:r><w:br/></w:r>"
    lines = ["• Circulated 600+ orthopedic cases a year.", "• Trained 45 perioperative staff.", "• Helped with trials."]
    body = "".join([p("Jordan Rivera"), p("Experience", style="Heading1"),
                    p("Registered Nurse | Mercy General Hospital | 2019 – Present", bold=True),
                    p(runs=br.join(run(line) for line in lines)),
                    p("• Grew referrals 20% • not a second bullet: it does not open with a capital."),
                    p("• Tools: Salesforce • Veeva • Excel")])  # a list in one bullet, not three bullets
    (role,) = parse(make_docx(tmp_path / "r.docx", body)).roles
    assert [b.text for b in role.bullets][:3] == [line[2:] for line in lines]
    assert [b.anchor.rsplit("#", 1)[1] for b in role.bullets] == ["p3~1", "p3~2", "p3~3", "p4", "p5"]


@pytest.mark.parametrize("glyph", ["-", "–", "*"])
def test_bullets_typed_after_dashes_a_line_apart_part_at_the_line_breaks_only(tmp_path, glyph):
    """A dash is also punctuation ("post-CABG", "Denver - Boulder"): it parts bullets typed
    in one paragraph only where a line break stands before it."""
    br = "<w:r><w:br/></w:r>"
    lines = [f"{glyph} Cared for 2 post-CABG patients per shift {glyph} nights only.", f"{glyph} Precepted 8 new nurses."]
    body = "".join([p("Taylor Brooks"), p("Experience", style="Heading1"),
                    p("Staff Nurse | Denver Health | 2016 – 2019", bold=True),
                    p(runs=br.join(run(line) for line in lines)),
                    p(runs=run("Denver, CO") + br + run("- not a bullet: the first line has no dash."))])
    resume = parse(make_docx(tmp_path / "r.docx", body))
    (role,) = resume.roles
    assert [b.text for b in role.bullets][:2] == [line[2:] for line in lines]
    assert resume.paragraphs[3].text == " ".join(line for line in lines)[2:]  # the paragraph reads as before


def test_bullets_numbered_by_hand_a_line_apart_are_each_a_bullet(tmp_path):
    br = "<w:r><w:br/></w:r>"
    lines = ["1. Grew the territory 18% in 2023.", "2. Trained 12 OR nurses.", "3) Won 4 new accounts."]
    body = "".join([p("Sam Lee"), p("Experience", style="Heading1"), p("Sales Representative | Stryker | 2019 – 2023"),
                    p(runs=br.join(run(line) for line in lines)),
                    p(runs=run("2. Not a list: it does not start at 1.") + br + run("3. Covered 40 cases."))])
    (role,) = parse(make_docx(tmp_path / "r.docx", body)).roles
    assert [b.text for b in role.bullets] == ["Grew the territory 18% in 2023.", "Trained 12 OR nurses.",
                                              "Won 4 new accounts.", "Not a list: it does not start at 1. 3. Covered 40 cases."]


def test_tabs_part_a_role_header_into_its_fields(tmp_path):
    tab = "<w:r><w:tab/></w:r>"
    header = p(runs=run("Pharmacy Technician") + tab + run("Walgreens") + tab + run("2016 – 2019"))
    body = "".join([p("Jamie Lee"), p("Experience", style="Heading1"), header,
                    p("Filled 300 prescriptions a day.", style="ListBullet")])
    resume = parse(make_docx(tmp_path / "r.docx", body))
    (role,) = resume.roles
    assert (role.title, role.employer, role.start, role.end) == ("Pharmacy Technician", "Walgreens", "2016", "2019")
    assert resume.paragraphs[2].text == "Pharmacy Technician Walgreens 2016 – 2019"  # the text reads as before


def test_skills_lose_their_labels_wherever_they_stand(tmp_path):
    body = "".join([p("Jamie Lee"), p("Experience", style="Heading1"), p("Rep | Acme | 2019 – 2021", bold=True),
                    p("Covered 30 accounts.", style="ListBullet"), p("Skills", style="Heading1"),
                    p("Clinical: Sterile technique, OR workflow; Tools: Epic, Salesforce"),
                    p("Languages: Spanish (fluent)")])
    assert parse(make_docx(tmp_path / "r.docx", body)).skills == [
        "Sterile technique", "OR workflow", "Epic", "Salesforce", "Spanish (fluent)"]


def test_promotion_under_one_employer_keeps_the_employer(tmp_path):
    body = "".join([p("Sam Park"), p("Experience", style="Heading1"), p("Stryker", bold=True),
                    p("Senior Sales Representative | 2021 – Present"),
                    p("Grew territory revenue 22% in 2022.", style="ListBullet"),
                    p("Associate Sales Representative | 2019 – 2021"),
                    p("Covered 300 cases a year across 4 hospitals.", style="ListBullet")])
    resume = parse(make_docx(tmp_path / "r.docx", body))
    assert [(r.title, r.employer, r.start, r.end) for r in resume.roles] == [
        ("Senior Sales Representative", "Stryker", "2021", "present"),
        ("Associate Sales Representative", "Stryker", "2019", "2021")]


def test_text_box_text_is_read_once(tmp_path):
    box = p("Summary", style="Heading1") + p("OR nurse with 8 years of spine and joint case experience.")
    body = p("Jordan Rivera", runs=run("Jordan Rivera") + textbox(box)) + numbered_layout()
    resume = parse(make_docx(tmp_path / "r.docx", body))
    texts = [para.text for para in resume.paragraphs]
    assert texts.count("OR nurse with 8 years of spine and joint case experience.") == 1
    assert resume.layout.text_boxes == 1
    assert resume.section("summary") is not None


def test_sections_by_synonym_and_nonstandard_headings(tmp_path):
    body = "".join([p("Alex Kim"), p("PROFILE", bold=True), p("Pharmacy technician moving to pharma sales."),
                    p("Employment History", bold=True), p("Pharmacy Technician, CVS Health, 2018 - 2023"),
                    p("Filled 250 prescriptions a day.", num=1),
                    p("Licenses & Certifications", bold=True), p("CPhT, PTCB"),
                    p("MY JOURNEY", bold=True), p("Volunteer EMT for 3 years."),
                    p("CERTIFICATIONS & SKILLS", bold=True), p("Veeva CRM • Salesforce")])
    resume = parse(make_docx(tmp_path / "r.docx", body))
    kinds = [(s.kind, s.standard) for s in resume.sections[1:]]
    assert kinds == [("summary", True), ("experience", True), ("certifications", True), ("other", False),
                     ("skills", True)]  # two names an ATS knows, joined, are standard too
    assert resume.layout.nonstandard_headings == ["MY JOURNEY"]
    assert resume.certifications == ["CPhT, PTCB"]
    assert resume.skills == ["Veeva CRM", "Salesforce"]


@pytest.mark.parametrize("heading, kind", [
    ("Military Service", "experience"), ("Internships", "experience"), ("Clinical Rotations", "experience"),
    ("APPE Rotations", "experience"), ("Selected Accomplishments", "accomplishments"), ("Honors", "awards"),
    ("Training", "certifications"), ("Publications (selected)", "publications"),
    ("Experience (most recent)", "experience"), ("Sales Awards", "awards"), ("Professional Highlights", "accomplishments"),
    ("Speaking Engagements", "publications"), ("Professional Licensure", "certifications"),
    ("Clinical Practicum", "experience"), ("Earlier Career", "experience"), ("Relevant Coursework", "education"),
    ("Therapeutic Areas", "skills"), ("Product Knowledge", "skills"), ("Highlights of Qualifications", "summary"),
    ("Additional Information", "other"), ("Board Service", "affiliations"), ("Capstone Project", "projects"),
])
def test_a_students_and_a_veterans_headings_are_known(tmp_path, heading, kind):
    body = "".join([p("Alex Kim"), p("alex@example.com"), p(heading.upper(), bold=True),
                    p("Platoon Sergeant | US Army | 2012 – 2018", bold=True), p("Led 32 soldiers.", num=1)])
    (section,) = parse(make_docx(tmp_path / "r.docx", body)).sections[1:]
    assert (section.kind, section.standard) == (kind, True)


def test_a_functional_resume_keeps_every_job_and_its_results_under_one_section(tmp_path):
    """Results grouped under skill sub-headings (Heading 2 below the resume's Heading 1) stay
    in their section; jobs listed without bullets are each a role."""
    body = "".join([p("Morgan Lee"), p("morgan@example.com"), p("Relevant Skills and Accomplishments", style="Heading1"),
                    p("Patient Education", style="Heading2"),
                    p("Educated 1,800+ patients a year on home care products.", style="ListBullet"),
                    p("Product Expertise", style="Heading2"),
                    p("Trained 6 hygienists on a new intraoral scanner.", style="ListBullet"),
                    p("Work History", style="Heading1"),
                    p("Registered Dental Hygienist | Smile Dental Group | 2018 – Present"),
                    p("Dental Assistant | Aspen Family Dentistry | 2016 – 2018")])
    resume = parse(make_docx(tmp_path / "r.docx", body))
    assert [s.kind for s in resume.sections] == ["contact", "accomplishments", "experience"]
    assert [(b.section, b.text[:7]) for b in resume.bullets] == [("accomplishments", "Educate"),
                                                                 ("accomplishments", "Trained")]
    assert [(r.title, r.start, r.end) for r in resume.roles] == [("Registered Dental Hygienist", "2018", "present"),
                                                                 ("Dental Assistant", "2016", "2018")]


def test_contact_only_in_header_is_flagged(tmp_path):
    body = p("Experience", style="Heading1") + p("Nurse, Mercy Hospital, 2019 - 2021") + p("Did things.", num=1)
    header = p("Jordan Rivera") + p("jordan@example.com | 916-555-0142")
    resume = parse(make_docx(tmp_path / "r.docx", body, header=header))
    assert resume.contact.in_header_only
    assert resume.contact.email == "jordan@example.com"
    assert resume.contact.name == "Jordan Rivera"


def test_layout_facts_columns_images_fonts_pages(tmp_path):
    image = ('<w:r><w:drawing><wp:inline><a:graphic><a:graphicData><a:blip r:embed="rIdImg"/>'
             '</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>')
    body = (p("Jordan Rivera", runs=run("Jordan Rivera", '<w:rFonts w:ascii="Garamond"/>') + image)
            + numbered_layout())
    path = make_docx(tmp_path / "r.docx", body, sect='<w:cols w:num="2"/>')
    layout = parse(path).layout
    assert layout.columns == 2
    assert layout.images == 1
    assert "Garamond" in layout.fonts and "Calibri" in layout.fonts
    assert layout.pages == 1 and layout.words > 100
    assert layout.tracked_changes == 0  # no pending edit here (tests/test_corpus.py has one)


def test_two_column_table_counts_as_layout_table(tmp_path):
    left = "".join(p(t) for t in ("Skills", "Epic", "Salesforce", "Sterile technique"))
    right = numbered_layout()
    resume = parse(make_docx(tmp_path / "r.docx", table([[left, right]])))
    assert resume.layout.layout_tables == 1
    assert [len(r.bullets) for r in resume.roles] == [3, 3]


def test_jsonresume_format(tmp_path):
    import json

    from click.testing import CliRunner
    from resumefit.cli import main

    path = make_docx(tmp_path / "r.docx", numbered_layout())
    data = json.loads(CliRunner().invoke(main, ["parse", str(path), "--format", "jsonresume"]).stdout)
    assert data["basics"]["email"] == "jordan.rivera@example.com"
    assert data["basics"]["profiles"][0]["network"] == "LinkedIn"
    current, past = data["work"]
    assert current["name"] == "Mercy General Hospital" and current["startDate"] == "2019-03"
    assert "endDate" not in current  # a current role has no end date
    assert past["endDate"] == "2019-02"
    assert current["highlights"][0].startswith("Circulated 600+")
    assert [s["name"] for s in data["skills"]][:2] == ["Surgical workflow", "Sterile technique"]


# -- resumes made from one template share its parsed styles (ingest/package.py) ----------

TEMPLATE_STYLES = STYLES.replace(
    "</w:styles>",
    '<w:style w:type="paragraph" w:styleId="Fancy"><w:name w:val="Fancy"/>'
    '<w:rPr><w:rFonts w:ascii="Didot"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Broken"><w:name w:val="Broken"/><w:rPr><w:b></w:rPr></w:style>'
    "</w:styles>")


def template_docx(path, body):
    return make_docx(path, body, styles=False,
                     rels_extra='<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/'
                                'officeDocument/2006/relationships/styles" Target="styles.xml"/>',
                     extra={"word/styles.xml": TEMPLATE_STYLES})


def test_a_shared_template_gives_each_resume_only_the_fonts_it_uses(tmp_path):
    fancy = parse(template_docx(tmp_path / "a.docx", p("Jordan Rivera", style="Fancy") + numbered_layout()))
    plain = parse(template_docx(tmp_path / "b.docx", p("Sam Lee") + numbered_layout()))
    assert "Didot" in fancy.layout.fonts
    assert "Didot" not in plain.layout.fonts and "Calibri" in plain.layout.fonts


def test_a_damaged_style_in_a_shared_template_names_the_file_that_uses_it(tmp_path):
    parse(template_docx(tmp_path / "first.docx", p("Jordan Rivera") + numbered_layout()))
    with pytest.raises(InputError, match="second.docx.*styles.xml"):
        parse(template_docx(tmp_path / "second.docx", p("Sam Lee", style="Broken") + numbered_layout()))


def test_resumes_with_other_styles_are_not_read_with_the_first_ones(tmp_path):
    renamed = STYLES.replace('w:styleId="Heading1"><w:name w:val="heading 1"/>',
                             'w:styleId="Heading1"><w:name w:val="Body Text"/>')
    body = p("Experience", style="Heading1") + numbered_layout()
    as_heading = parse(make_docx(tmp_path / "a.docx", body))
    not_heading = parse(make_docx(tmp_path / "b.docx", body, styles=False, extra={"word/styles.xml": renamed},
                                  rels_extra='<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/'
                                             'officeDocument/2006/relationships/styles" Target="styles.xml"/>'))
    first = next(x for x in as_heading.paragraphs if x.text == "Experience")
    second = next(x for x in not_heading.paragraphs if x.text == "Experience")
    assert first.style == "heading 1" and first.heading_level == 1
    assert second.style == "body text"


def test_a_new_graduates_activities_are_roles_with_bullets(tmp_path):
    body = "".join([p("Taylor Brooks"), p("Experience", style="Heading1"),
                    p("Sales Intern, Stryker (Summer 2024)", bold=True),
                    p("Shadowed 3 sales reps in 40+ orthopedic trauma cases.", style="ListBullet"),
                    p("Leadership & Activities", style="Heading1"),
                    p("Team Captain, UGA Softball (2023 – 2025)", bold=True),
                    p("Led 22 athletes; raised $6,500 for a children's hospital.", style="ListBullet")])
    resume = parse(make_docx(tmp_path / "r.docx", body))
    assert [(s.kind, s.standard) for s in resume.sections[1:]] == [("experience", True), ("activities", True)]
    captain = resume.roles[1]
    assert (captain.section, captain.title, captain.employer) == ("activities", "Team Captain", "UGA Softball")
    assert [b.text for b in captain.bullets] == ["Led 22 athletes; raised $6,500 for a children's hospital."]
    from resumefit.report.jsonresume import to_jsonresume

    assert to_jsonresume(resume)["volunteer"][0]["position"] == "Team Captain"  # JSON Resume has no activities


@pytest.mark.parametrize("header, start, end", [
    ("Sales Representative | Stryker | Jan 2019 – Present", "2019-01", "present"),
    ("Sales Representative | Stryker | '19 – '21", "2019", "2021"),
    ("Sales Representative | Stryker | Jun ’19 – Dec ’20", "2019-06", "2020-12"),
    ("Sales Representative | Stryker | 2017 - Pres.", "2017", "present"),
    ("Sales Representative | Stryker | September 2015 -- May 2017", "2015-09", "2017-05"),
    ("Sales Representative | Stryker | Q3 2020 – Q1 2022", "2020", "2022"),
    ("Sales Representative | Stryker | 2019 to date", "2019", "present"),
    ("Sales Representative | Stryker | Since 2020", "2020", "present"),
    ("Sales Representative | Stryker | June 2019 – Till date", "2019-06", "present"),
    ("Sales Representative | Stryker | 6/19 – 8/21", "2019-06", "2021-08"),
    ("Sales Representative | Stryker | 06/19 - Present", "2019-06", "present"),
    # an internship's months, the year written once
    ("Sales Representative | Stryker | May–Aug 2021", "2021-05", "2021-08"),
    ("Sales Representative | Stryker | Jun. - Aug. 2022", "2022-06", "2022-08"),
    ("Sales Representative | Stryker | June to August 2022", "2022-06", "2022-08"),
])
def test_role_dates_as_resumes_write_them(tmp_path, header, start, end):
    body = "".join([p("Jamie Lee"), p("Experience", style="Heading1"), p(header, bold=True),
                    p("Covered 30 accounts in Ohio.", style="ListBullet")])
    (role,) = parse(make_docx(tmp_path / "r.docx", body)).roles
    assert (role.employer, role.start, role.end) == ("Stryker", start, end)


def test_a_name_in_bold_capitals_like_the_headings_is_still_the_name(tmp_path):
    """"DEREK OYELARAN" styled as the headings below it heads no section: the contact
    details under it stay the resume's contact details."""
    body = "".join([p("DEREK OYELARAN", bold=True), p("Nashville, TN • derek@example.com • (615) 555-0182"),
                    p("SUMMARY", bold=True), p("SaaS account executive moving into healthcare IT."),
                    p("EXPERIENCE", bold=True), p("Zendesk — Account Executive\tMar 2019 – Dec 2021", bold=True),
                    p("Austin, TX (remote)"), p("• Grew a book of 85 accounts from $1.1M to $2.4M ARR.")])
    resume = parse(make_docx(tmp_path / "r.docx", body))
    assert [s.kind for s in resume.sections] == ["contact", "summary", "experience"]
    assert resume.contact.email == "derek@example.com" and resume.layout.nonstandard_headings == []
    (role,) = resume.roles
    assert (role.employer, role.location) == ("Zendesk", "Austin, TX")  # "(remote)" keeps the line a header line
    assert [b.text for b in role.bullets] == ["Grew a book of 85 accounts from $1.1M to $2.4M ARR."]


def test_a_promotion_under_an_employers_span_keeps_its_own_dates(tmp_path):
    """"STRYKER, Denver, CO  2017 – Present" over "Senior Sales Representative  2021 – Present":
    the senior role began in 2021; the span above it is the employer's."""
    body = "".join([p("Alex Moreno"), p("alex@example.com"), p("Experience", style="Heading1"),
                    p("STRYKER ORTHOPAEDICS, Denver, CO\t2017 – Present", bold=True),
                    p("Senior Sales Representative\t2021 – Present"),
                    p("Ranked #4 of 88 reps nationally in 2023.", style="ListBullet"),
                    p("Associate Sales Representative\t2017 – 2021"),
                    p("Covered 300+ hip and knee cases a year.", style="ListBullet")])
    roles = parse(make_docx(tmp_path / "r.docx", body)).roles
    assert [(r.title, r.employer, r.start, r.end) for r in roles] == [
        ("Senior Sales Representative", "STRYKER ORTHOPAEDICS", "2021", "present"),
        ("Associate Sales Representative", "STRYKER ORTHOPAEDICS", "2017", "2021")]


@pytest.mark.parametrize("heading", ["■ EXPERIENCE", "— EXPERIENCE —", "01. EXPERIENCE", "E X P E R I E N C E",
                                     "PROFESSIONAL EXPERIENCE | SALES"])
def test_a_heading_dressed_up_with_a_glyph_a_number_or_letter_spacing_is_still_the_heading(tmp_path, heading):
    body = "".join([p("Sam Lee"), p("sam@example.com"), p(heading, bold=True),
                    p("Sales Representative | Stryker | 2019 – 2023", bold=True),
                    p("Covered 40 cases a month.", style="ListBullet")])
    resume = parse(make_docx(tmp_path / "r.docx", body))
    assert [(s.kind, s.standard) for s in resume.sections[1:]] == [("experience", True)]
    assert [r.employer for r in resume.roles] == ["Stryker"]


def test_a_skill_that_shares_a_sections_name_stays_a_skill(tmp_path):
    """A bold "• Leadership" in a skills list, or a plain "Skills | Salesforce | Veeva" line, is content."""
    body = "".join([p("Sam Lee"), p("sam@example.com"), p("SKILLS", bold=True),
                    p("• Leadership", bold=True), p("• Territory planning"), p("Tools | Salesforce | Veeva")])
    resume = parse(make_docx(tmp_path / "r.docx", body))
    assert [s.kind for s in resume.sections[1:]] == ["skills"]
    assert "Leadership" in resume.skills and "Salesforce" in resume.skills


def test_an_employer_in_bold_capitals_like_the_headings_opens_a_role_not_a_section(tmp_path):
    """"MEMORIAL HERMANN" is styled as "PROFESSIONAL EXPERIENCE" is, but a title and its
    dates follow it: it is the next role's employer. A unit after the title's dash stays in it."""
    body = "".join([p("KAYLA NGUYEN", bold=True), p("kayla@example.com"), p("PROFESSIONAL EXPERIENCE", bold=True),
                    p("HOUSTON METHODIST HOSPITAL", bold=True), p("Registered Nurse – Cardiovascular ICU"),
                    p("Houston, TX | June 2018 – Present"), p("Managed 2 post-CABG patients per shift.", num=1),
                    p("MEMORIAL HERMANN", bold=True), p("Patient Care Technician"), p("Houston, TX | Aug 2016 – May 2018"),
                    p("Supported 12 patients per shift on a telemetry unit.", num=1),
                    p("EDUCATION", bold=True), p("BSN, Texas Woman's University, 2018")])
    resume = parse(make_docx(tmp_path / "r.docx", body))
    assert [s.kind for s in resume.sections] == ["contact", "experience", "education"]
    assert [(r.title, r.employer, r.start) for r in resume.roles] == [
        ("Registered Nurse – Cardiovascular ICU", "HOUSTON METHODIST HOSPITAL", "2018-06"),
        ("Patient Care Technician", "MEMORIAL HERMANN", "2016-08")]
    assert resume.layout.nonstandard_headings == []


def test_a_second_pages_running_head_in_the_body_is_not_a_roles_header(tmp_path):
    """"Jordan A. Rivera — Page 2" typed at the top of page two is layout: the role under it
    works for Mercy General, not for the candidate."""
    body = "".join([p("Jordan A. Rivera, RN", style="Title"), p("jordan@example.com | (916) 555-0142"),
                    p("Experience", style="Heading1"), p("Sales Representative | Stryker | 2019 – Present", bold=True),
                    p("Covered 40 cases a month across 6 hospitals.", num=1),
                    p("Jordan A. Rivera — Page 2", bold=True),
                    p("Registered Nurse | Mercy General | 2014 – 2019", bold=True),
                    p("Circulated 600 orthopedic cases a year.", num=1),
                    p("Awards", style="Heading1"),
                    p("Jordan A. Rivera Scholarship for nursing students, 2013")])  # a line of its own, kept
    resume = parse(make_docx(tmp_path / "r.docx", body))
    assert [(r.title, r.employer) for r in resume.roles] == [("Sales Representative", "Stryker"),
                                                             ("Registered Nurse", "Mercy General")]
    assert [p.text for p in resume.section("awards").lines] == ["Jordan A. Rivera Scholarship for nursing students, 2013"]


@pytest.mark.parametrize("header, title, employer", [
    ("Sales Representative (Stryker) 2017 – 2019", "Sales Representative", "Stryker"),
    ("Stryker (Sales Representative), 2017 – 2019", "Sales Representative", "Stryker"),
    ("Registered Nurse (Travel) 2017 – 2019", "Registered Nurse (Travel)", ""),  # what the job was, not for whom
    ("Sales Representative (Primary Care) 2017 – 2019", "Sales Representative (Primary Care)", ""),
])
def test_an_employer_in_parentheses_after_a_title_is_the_employer(tmp_path, header, title, employer):
    body = "".join([p("Jamie Lee"), p("Experience", style="Heading1"), p(header, bold=True),
                    p("Covered 30 accounts in Ohio.", style="ListBullet")])
    (role,) = parse(make_docx(tmp_path / "r.docx", body)).roles
    assert (role.title, role.employer) == (title, employer)
