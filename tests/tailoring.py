"""What the tailoring tests share: a nurse's resume to tailor, and the tailored copy's
text as Word shows it with every change accepted."""

from __future__ import annotations

import zipfile

from docx import Document
from lxml import etree

from ooxml import p
from resumefit import api
from resumefit.tailor.run import Options
from resumefit.tailor.run import tailor as tailor_copies

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ROLE_1 = ["Charted patient vitals on every shift.",  # no term, no result: sinks
          "Helped with product trials for the value analysis committee.",  # a safe fix
          "Circulated 600+ orthopedic and spine cases a year alongside 14 surgeons."]  # rises to the top
ROLE_2 = ["Managed a caseload of 6 post-surgical patients per shift on a 32-bed unit.",
          "Educated patients and families on discharge plans.",
          "Worked closely with device representatives during total joint cases."]


def nurse_body(summary: bool = False, extra: str = "") -> str:
    body = [p("Jordan Rivera"), p("Sacramento, CA | (916) 555-0142 | jordan@example.com")]
    if summary:
        body += [p("Summary", style="Heading1"), p("Operating room nurse moving into device sales, known for calm case flow.")]
    body += [p("Experience", style="Heading1"),
             p("Registered Nurse, Operating Room | Mercy General Hospital | 2019 – Present", bold=True)]
    body += [p(b, style="ListBullet") for b in ROLE_1]
    body += [p("Staff Nurse | Sutter Health | 2016 – 2019", bold=True)] + [p(b, style="ListBullet") for b in ROLE_2]
    body += [p("Education", style="Heading1"), p("BSN, California State University, 2016"),
             p("Skills", style="Heading1"), p("Spanish, Epic, Case coverage, Sterile technique"), extra]
    return "".join(body)


def tailored(path, segment="device", **options):
    engine = api.engine()
    result = engine.check(api.parse(path), [segment])
    [t] = tailor_copies(path, result, [segment], Options(**options))
    out = path.with_name(f"out-{segment}.docx")
    out.write_bytes(t.docx)
    return out, t


def body_texts(path) -> list[str]:
    """Paragraph texts as Word shows them with every change accepted, from the document
    python-docx opens (its `paragraph.text` skips runs inside w:ins, so walk the XML)."""
    return [text for text in (accepted(para) for para in Document(str(path)).element.body.iter(W + "p")) if text]


def accepted(para) -> str:
    """Visible text of one paragraph: not deleted, not in a nested paragraph."""
    out = []
    for t in para.iter(W + "t"):
        between, el = set(), t.getparent()
        while el is not para:
            between.add(el.tag)
            el = el.getparent()
        if not between & {W + "del", W + "moveFrom", W + "p"}:
            out.append(t.text or "")
    return "".join(out)


def document_xml(path) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read("word/document.xml"))
