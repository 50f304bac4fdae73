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


if __name__ == "__main__":
    or_nurse(HERE / "or-nurse-to-device.docx")
    print("wrote", HERE / "or-nurse-to-device.docx")
