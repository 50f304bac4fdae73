"""Build the example resumes in this folder (run: python examples/make_examples.py).

Each is a realistic career-change resume in a different real layout. They are fiction:
names, employers' staff counts and figures are invented for the example.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

HERE = Path(__file__).parent


def or_nurse(path: Path) -> None:
    """An OR nurse moving to device sales: Word heading styles and Word numbering bullets."""
    doc = Document()
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(10.5)
    name = doc.add_paragraph("Jordan A. Rivera, RN, BSN", style="Title")
    name.alignment = WD_ALIGN_PARAGRAPH.CENTER
    contact = doc.add_paragraph(
        "Sacramento, CA | (916) 555-0142 | jordan.rivera@example.com | linkedin.com/in/jordanrivera-rn")
    contact.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_heading("Summary", level=1)
    doc.add_paragraph(
        "Operating room nurse with eight years in orthopedic and spine surgery, moving into medical "
        "device sales. Known by surgeons for calm case flow and by new staff as the go-to trainer.")
    doc.add_heading("Professional Experience", level=1)
    roles = [
        ("Registered Nurse, Operating Room | Mercy General Hospital | Sacramento, CA", "Mar 2019 – Present", [
            "Circulated 600+ orthopedic and spine cases a year alongside 14 surgeons.",
            "Responsible for training new OR staff on the robotic-assisted surgery system and implant trays.",
            "Cut instrument turnover time by 18% by redesigning the case-cart workflow with sterile processing.",
            "Helped with product trials for the value analysis committee.",
            "Worked closely with device representatives during total joint cases.",
        ]),
        ("Staff Nurse, Med-Surg | Sutter Health | Roseville, CA", "Jun 2016 – Feb 2019", [
            "Managed a caseload of 6 post-surgical patients per shift on a 32-bed unit.",
            "Educated patients and families on discharge plans, raising satisfaction scores from 4.2 to 4.8.",
            "Served as unit champion for the new wound-care product line.",
        ]),
    ]
    for header, dates, bullets in roles:
        doc.add_paragraph().add_run(header).bold = True
        doc.add_paragraph(dates).runs[0].italic = True
        for bullet in bullets:
            doc.add_paragraph(bullet, style="List Bullet")
    doc.add_heading("Education", level=1)
    doc.add_paragraph("Bachelor of Science in Nursing (BSN) | California State University, Sacramento | 2016")
    doc.add_heading("Certifications", level=1)
    doc.add_paragraph("CNOR (Certified Perioperative Nurse), 2021; BLS and ACLS, current")
    doc.add_heading("Skills", level=1)
    doc.add_paragraph("Orthopedic and spine procedures, Sterile technique, Surgeon preference cards, "
                      "Epic OpTime, In-service training, Robotic-assisted surgery, Case coverage")
    doc.save(path)


def research_coordinator(path: Path) -> None:
    """A clinical research coordinator moving to oncology biotech or pharma: bullets typed
    as text ("• ") in plain paragraphs, headings in bold capitals, no Word lists."""
    doc = Document()
    doc.styles["Normal"].font.name = "Georgia"
    doc.styles["Normal"].font.size = Pt(10.5)
    top = doc.add_paragraph()
    top.add_run("PRIYA N. SHAH").bold = True
    top.runs[0].font.size = Pt(16)
    doc.add_paragraph("Houston, TX  •  (713) 555-0187  •  priya.shah@example.com  •  linkedin.com/in/priyashah-crc")

    def heading(text: str) -> None:
        run = doc.add_paragraph().add_run(text.upper())
        run.bold = True
        run.font.size = Pt(11.5)

    heading("Profile")
    doc.add_paragraph("Certified clinical research coordinator in solid tumors and hematology trials, "
                      "moving into oncology sales where trial experience meets oncologists' daily questions.")
    heading("Experience")
    roles = [
        ("Clinical Research Coordinator II", "Gulf Coast Cancer Center", "Houston, TX", "Aug 2020 – Present", [
            "Coordinated 7 Phase II and III oncology trials across solid tumors and hematology.",
            "Enrolled 64 patients in an immunotherapy study, 120% of the site's target.",
            "Assisted with IRB submissions and protocol amendments for the sponsor.",
            "Presented enrollment updates at the weekly tumor board with 12 oncologists.",
            "Scheduled infusion center visits and coordinated monoclonal antibody dosing windows.",
            "Responsible for adverse event reporting in OnCore and Medidata Rave.",
        ]),
        ("Clinical Research Assistant", "Baylor Research Institute", "Houston, TX", "Jun 2018 – Jul 2020", [
            "Collected companion diagnostic samples for a targeted therapy study.",
            "Built eCRFs in REDCap for 3 investigator-initiated studies.",
            "Worked closely with the specialty pharmacy on investigational product shipments.",
        ]),
    ]
    for title, employer, city, dates, bullets in roles:
        line = doc.add_paragraph()
        line.add_run(f"{title}, {employer}").bold = True
        line.add_run(f" — {city}  |  {dates}")
        for bullet in bullets:
            doc.add_paragraph(f"•  {bullet}")
    heading("Education")
    doc.add_paragraph("B.S. Biology, University of Houston, 2018")
    heading("Certifications")
    doc.add_paragraph("CCRC (Certified Clinical Research Coordinator), ACRP, 2021")
    heading("Skills")
    doc.add_paragraph("REDCap; OnCore; Medidata Rave; Patient enrollment; Oncology; Hematology; "
                      "IRB submissions; Spanish (conversational)")
    doc.save(path)


def pharmacy_technician(path: Path) -> None:
    """A pharmacy technician moving to pharma sales: a two-column table layout (a narrow
    left column with contact and skills, the experience on the right), as many templates do."""
    from docx.shared import Inches

    doc = Document()
    doc.styles["Normal"].font.name = "Arial"
    doc.styles["Normal"].font.size = Pt(10)
    name = doc.add_paragraph("Marcus T. Bell, CPhT", style="Title")
    name.runs[0].font.size = Pt(22)
    table = doc.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.width, right.width = Inches(2.1), Inches(4.6)
    left.paragraphs[0].add_run("CONTACT").bold = True
    for line in ("Columbus, OH", "(614) 555-0133", "marcus.bell@example.com", "linkedin.com/in/marcusbell-cpht"):
        left.add_paragraph(line)
    left.add_paragraph().add_run("SKILLS").bold = True
    for skill in ("Customer service", "Prior authorization", "Formulary knowledge", "Excel",
                  "Inventory management", "Immunizations"):
        left.add_paragraph(skill, style="List Bullet")
    left.add_paragraph().add_run("CERTIFICATIONS").bold = True
    left.add_paragraph("CPhT, PTCB, 2017")
    left.add_paragraph("CNPR coursework, 2024")
    right.paragraphs[0].add_run("SUMMARY").bold = True
    right.add_paragraph("Certified pharmacy technician with seven years in retail and hospital pharmacy, "
                        "moving into pharmaceutical sales.")
    right.add_paragraph().add_run("EXPERIENCE").bold = True
    roles = [
        ("Lead Pharmacy Technician | Riverside Health Outpatient Pharmacy | Columbus, OH", "2021 – Present", [
            "Filled 300+ prescriptions a day while counseling patients on dosing and adherence.",
            "Resolved prior authorization rejections with physician offices for 40 patients a week.",
            "Trained 8 new technicians on the pharmacy management system.",
            "Helped with formulary change communications to prescribers and nurse practitioners.",
            "Managed inventory of brand and generic drugs worth $1.5M.",
        ]),
        ("Pharmacy Technician | Kroger Pharmacy | Dublin, OH", "2017 – 2021", [
            "Administered 1,200 flu vaccines in one season.",
            "Built relationships with office managers at 15 primary care clinics.",
            "Responsible for processing samples and returns.",
        ]),
    ]
    for header, dates, bullets in roles:
        right.add_paragraph().add_run(header).bold = True
        right.add_paragraph(dates).runs[0].italic = True
        for bullet in bullets:
            right.add_paragraph(bullet, style="List Bullet")
    right.add_paragraph().add_run("EDUCATION").bold = True
    right.add_paragraph("A.A.S. Pharmacy Technology, Columbus State Community College, 2017")
    doc.save(path)


CONTENT_CONTROL = """<w:sdt xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:sdtPr><w:alias w:val="{alias}"/><w:tag w:val="{tag}"/></w:sdtPr>
<w:sdtContent><w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p></w:sdtContent></w:sdt>"""


def health_it_analyst(path: Path) -> None:
    """A health-IT analyst moving to healthcare software sales: contact details in the page
    header, and the body in content controls as Word's own resume templates make it."""
    from docx.oxml import parse_xml

    doc = Document()
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(10.5)
    header = doc.sections[0].header
    header.paragraphs[0].text = "Alex Kim  |  Denver, CO  |  (303) 555-0166  |  alex.kim@example.com"
    header.add_paragraph("linkedin.com/in/alexkim-healthit")
    body = doc.element.body
    doc.add_paragraph("Alex Kim", style="Title")

    def control(alias: str, text: str) -> None:
        body.insert(len(body) - 1, parse_xml(CONTENT_CONTROL.format(alias=alias, tag=alias.lower(), text=text)))

    doc.add_heading("Summary", level=1)
    control("Summary", "Epic-certified clinical applications analyst moving into healthcare software sales.")
    doc.add_heading("Experience", level=1)
    roles = [
        ("Senior Clinical Applications Analyst | Front Range Health System | Denver, CO", "Jan 2021 – Present", [
            "Led the Epic go-live for 1,400 end users across 6 clinics.",
            "Built order sets and clinical decision support rules with the CMIO.",
            "Worked on HL7 and FHIR interfaces for interoperability with the state health information exchange.",
            "Presented the ROI of a telehealth rollout to the CIO and CFO.",
            "Trained 300 physicians on the new patient portal.",
        ]),
        ("Health IT Analyst | Mile High Physicians Group | Aurora, CO", "Jul 2018 – Dec 2020", [
            "Migrated 3 practices from Allscripts to athenahealth with no downtime.",
            "Wrote SQL reports in Tableau for quality measures and value-based care.",
            "Responsible for HIPAA access audits for the revenue cycle team.",
        ]),
    ]
    for header_line, dates, bullets in roles:
        doc.add_paragraph().add_run(header_line).bold = True
        doc.add_paragraph(dates)
        for bullet in bullets:
            doc.add_paragraph(bullet, style="List Bullet")
    doc.add_heading("Education", level=1)
    control("Education", "B.S. Information Systems, University of Colorado Denver, 2018")
    doc.add_heading("Certifications", level=1)
    control("Certifications", "Epic certification: Ambulatory, 2019; CPHIMS, 2022")
    doc.add_heading("Skills", level=1)
    control("Skills", "SQL, Tableau, Jira, Epic, HL7, FHIR, Interoperability, Project management")
    doc.save(path)


def software_posting(path: Path) -> None:
    """A job posting as a Word file, as recruiters send them."""
    doc = Document()
    doc.add_heading("Account Executive, Ambulatory EHR (Mountain West)", level=1)
    doc.add_paragraph("Example Health Software (fictional) sells a SaaS EHR and patient portal to physician "
                      "practices and health systems.")
    for line in ("Own a pipeline of physician practices and IDNs; run discovery and demos for CMIO, CIO and CFO.",
                 "Qualify deals with MEDDIC and forecast in Salesforce.",
                 "Explain interoperability (HL7, FHIR) and the ROI of telehealth and revenue cycle modules.",
                 "Epic or Cerner implementation experience is a plus; SQL a bonus.",
                 "Respond to RFPs with our solutions team."):
        doc.add_paragraph(line, style="List Bullet")
    doc.save(path)


def linkedin_export(path: Path) -> None:
    """Marcus Bell's LinkedIn data export, as the "Basic" zip LinkedIn mails (CSV files with
    a BOM and CRLF lines in a dated folder, Connections.csv with its Notes preamble)."""
    import csv
    import io
    import zipfile

    tables = {
        "Profile.csv": [{
            "First Name": "Marcus", "Last Name": "Bell", "Maiden Name": "", "Address": "88 High St, Columbus, OH",
            "Birth Date": "Jan 9, 1995", "Headline": "Lead Pharmacy Technician at Riverside Health",
            "Summary": ("Pharmacy technician who loves helping patients understand their medications. I keep a "
                        "busy outpatient pharmacy running and I am ready to bring that energy to pharmaceutical "
                        "sales. Seven years of retail and hospital pharmacy."),
            "Industry": "Pharmaceuticals", "Zip Code": "43215", "Geo Location": "Columbus, Ohio",
            "Twitter Handles": "", "Websites": "", "Instant Messengers": ""}],
        "Positions.csv": [
            {"Company Name": "Riverside Health Outpatient Pharmacy", "Title": "Lead Pharmacy Technician",
             "Description": ("Filled 300+ prescriptions a day while counseling patients on dosing and adherence.\n"
                             "Trained 8 new technicians on the pharmacy management system.\n"
                             "Helped with formulary change communications to prescribers."),
             "Location": "Columbus, Ohio", "Started On": "Jan 2021", "Finished On": ""},
            {"Company Name": "Kroger Pharmacy", "Title": "Pharmacy Technician",
             "Description": "Administered 1,200 flu vaccines in one season. Built relationships with office managers.",
             "Location": "Dublin, Ohio", "Started On": "2016", "Finished On": "Dec 2020"}],
        "Skills.csv": [{"Name": n} for n in ("Customer Service", "Microsoft Excel", "Teamwork", "Prior Authorization",
                                             "Formulary Knowledge", "Immunizations", "Inventory Management")],
        "Certifications.csv": [{"Name": "Certified Pharmacy Technician (CPhT)", "Url": "", "Authority": "PTCB",
                                "Started On": "Jun 2017", "Finished On": "", "License Number": "PTCB-8841203"}],
        "Education.csv": [{"School Name": "Columbus State Community College", "Start Date": "2015",
                           "End Date": "2017", "Notes": "", "Degree Name": "A.A.S. Pharmacy Technology",
                           "Activities": ""}],
        "Connections.csv": [{"First Name": "Ana", "Last Name": "Ruiz", "URL": "", "Email Address": "",
                             "Company": "Example Pharma", "Position": "District Manager", "Connected On": "02 Mar 2024"}],
    }
    folder = "Basic_LinkedInDataExport_11-24-2026/"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, rows in tables.items():
            out = io.StringIO()
            if name == "Connections.csv":
                out.write("Notes:\r\n\"When exporting your connection data, you may notice that some of the "
                          "email addresses are missing.\"\r\n\r\n")
            writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\r\n")
            writer.writeheader()
            writer.writerows(rows)
            info = zipfile.ZipInfo(folder + name, date_time=(2026, 11, 24, 0, 0, 0))
            z.writestr(info, out.getvalue().encode("utf-8-sig"), compress_type=zipfile.ZIP_DEFLATED)


EXAMPLES = {
    "or-nurse-to-device.docx": or_nurse,
    "research-coordinator-to-oncology.docx": research_coordinator,
    "pharmacy-tech-to-pharma.docx": pharmacy_technician,
    "health-it-analyst-to-software.docx": health_it_analyst,
    "postings/software-ambulatory-ae.docx": software_posting,
    "linkedin/marcus-bell-linkedin-export.zip": linkedin_export,
}


if __name__ == "__main__":
    for name, build in EXAMPLES.items():
        (HERE / name).parent.mkdir(parents=True, exist_ok=True)
        build(HERE / name)
        print("wrote", HERE / name)
