"""LinkedIn data exports as LinkedIn writes them, in the shapes of different years, built
by the tests (no real person's data)."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

PHARMACIST = {
    "Profile.csv": [{
        "First Name": "Dana", "Last Name": "Okafor", "Maiden Name": "", "Address": "12 Elm Street, Columbus, OH",
        "Birth Date": "Mar 4, 1990", "Headline": "Clinical Pharmacist at Riverside Health",
        "Summary": ("I am a pharmacist who enjoys helping patients and working with physicians. At Riverside I "
                    "lead anticoagulation and diabetes programs and teach students. I am now looking to move "
                    "into pharmaceutical sales. Call me at (614) 555-0199 or dana.okafor@example.com."),
        "Industry": "Hospital & Health Care", "Zip Code": "43215", "Geo Location": "Columbus, Ohio",
        "Twitter Handles": "[@danarx]", "Websites": "", "Instant Messengers": ""}],
    "Positions.csv": [
        {"Company Name": "Riverside Health", "Title": "Clinical Pharmacist",
         "Description": ("Counseled 40 patients a day on anticoagulation and diabetes therapies.\n"
                         "Presented formulary updates to the P&T committee and 25 physicians.\n"
                         "Responsible for medication reconciliation on the cardiology unit."),
         "Location": "Columbus, Ohio", "Started On": "Jun 2019", "Finished On": ""},
        {"Company Name": "Kroger Pharmacy", "Title": "Staff Pharmacist",
         "Description": "Raised vaccination rates 35% across 3 stores. Helped with prior authorizations.",
         "Location": "Dublin, Ohio", "Started On": "Jul 2016", "Finished On": "May 2019"},
    ],
    "Skills.csv": [{"Name": n} for n in ("Teamwork", "Microsoft Office", "Patient counseling", "Anticoagulation",
                                         "Diabetes", "Formulary management", "Immunizations")],
    "Certifications.csv": [
        {"Name": "Registered Pharmacist (RPh)", "Url": "", "Authority": "Ohio Board of Pharmacy",
         "Started On": "Jul 2016", "Finished On": "", "License Number": "RPH.03-123456"},
        {"Name": "BLS", "Url": "", "Authority": "AHA", "Started On": "2022", "Finished On": "", "License Number": ""}],
    "Education.csv": [{"School Name": "The Ohio State University", "Start Date": "2012", "End Date": "2016",
                       "Notes": "", "Degree Name": "Doctor of Pharmacy (PharmD)", "Activities": ""}],
}


def csv_bytes(rows: list[dict], encoding: str = "utf-8", preamble: str = "", newline: str = "\r\n") -> bytes:
    out = io.StringIO()
    if preamble:
        out.write(preamble)
    writer = csv.DictWriter(out, fieldnames=list(rows[0]) if rows else ["Name"], lineterminator=newline)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode(encoding)


def write_zip(path: Path, files: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
    return path


def export(path: Path, tables: dict[str, list[dict]] | None = None, shape: str = "2024", folder: bool = False,
           encoding: str = "utf-8") -> Path:
    """An export in the shape of a year: 2018 (Phone Numbers.csv, CRLF, a different column
    set), 2023 ("Basic" zip with a subfolder and a Notes preamble in Connections.csv),
    2024 (certifications with licence numbers, publications)."""
    tables = dict(PHARMACIST if tables is None else tables)
    files: dict[str, bytes] = {}
    prefix = "Basic_LinkedInDataExport_11-23-2026/" if shape == "2023" else ""
    if shape == "2018":
        tables["Phone Numbers.csv"] = [{"Extension": "", "Number": "614-555-0199", "Type": "Mobile"}]
        tables.pop("Certifications.csv", None)
    if shape == "2023":
        files[prefix + "Connections.csv"] = csv_bytes(
            [{"First Name": "A", "Last Name": "B", "URL": "", "Email Address": "", "Company": "", "Position": "",
              "Connected On": "01 Jan 2023"}],
            preamble="Notes:\r\n\"When exporting your connection data, you may notice that some of the email "
                     "addresses are missing.\"\r\n\r\n")
    if shape == "2024":
        tables["Publications.csv"] = [{"Name": "Anticoagulation pearls", "Published On": "2023", "Description": "",
                                       "Publisher": "Pharmacy Times", "Url": ""}]
    for name, rows in tables.items():
        data = csv_bytes(rows, encoding="utf-8-sig" if shape == "2023" and encoding == "utf-8" else encoding)
        files[prefix + name] = data
    if folder:
        path.mkdir(parents=True)
        for name, data in files.items():
            (path / name).parent.mkdir(parents=True, exist_ok=True)
            (path / name).write_bytes(data)
        return path
    return write_zip(path, files)
