"""Build .docx files from raw WordprocessingML, so tests control every element."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAMESPACES = (
    f'xmlns:w="{W_NS}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable=""'
)
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W_NS}">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:rPr><w:sz w:val="48"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>
  <w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:caps/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>
  <w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/>
  <w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/></w:style>
</w:styles>"""

NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W_NS}">
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl>
  <w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>"""


def t(text: str) -> str:
    return f'<w:t xml:space="preserve">{escape(text)}</w:t>'


def run(text: str, rpr: str = "") -> str:
    return f"<w:r>{f'<w:rPr>{rpr}</w:rPr>' if rpr else ''}{t(text)}</w:r>"


def p(text: str = "", style: str | None = None, num: int | None = None, bold: bool = False,
      caps: bool = False, runs: str | None = None) -> str:
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if num is not None:
        ppr += f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr>'
    rpr = ("<w:b/>" if bold else "") + ("<w:caps/>" if caps else "")
    content = runs if runs is not None else (run(text, rpr) if text else "")
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{content}</w:p>"


def table(rows: list[list[str]]) -> str:
    """rows of cells, each cell already paragraph XML."""
    body = "".join("<w:tr>" + "".join(f"<w:tc>{cell or p()}</w:tc>" for cell in row) + "</w:tr>" for row in rows)
    return f"<w:tbl><w:tblPr/>{body}</w:tbl>"


def sdt(content: str, tag: str = "field") -> str:
    return f'<w:sdt><w:sdtPr><w:tag w:val="{tag}"/></w:sdtPr><w:sdtContent>{content}</w:sdtContent></w:sdt>'


def textbox(paragraphs: str) -> str:
    """A text box as Word writes it: DrawingML in mc:Choice and a VML copy in mc:Fallback."""
    return ("<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><a:graphic>"
            "<a:graphicData><wps:wsp><wps:txbx>"
            f"<w:txbxContent>{paragraphs}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic>"
            "</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>"
            f"<w:txbxContent>{paragraphs}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
            "</mc:AlternateContent></w:r>")


def make_docx(path: Path, body: str, header: str | None = None, footer: str | None = None,
              main: str = "word/document.xml", styles: bool = True, numbering: bool = True,
              extra: dict[str, bytes | str] | None = None, sect: str = "",
              rels_extra: str = "") -> Path:
    folder = main.rsplit("/", 1)[0]
    base = main.rsplit("/", 1)[1]
    rels = []
    if styles:
        rels.append(f'<Relationship Id="rIdS" Type="{REL}/styles" Target="styles.xml"/>')
    if numbering:
        rels.append(f'<Relationship Id="rIdN" Type="{REL}/numbering" Target="numbering.xml"/>')
    sect_refs = ""
    if header is not None:
        rels.append(f'<Relationship Id="rIdH" Type="{REL}/header" Target="header1.xml"/>')
        sect_refs += '<w:headerReference w:type="default" r:id="rIdH"/>'
    if footer is not None:
        rels.append(f'<Relationship Id="rIdF" Type="{REL}/footer" Target="footer1.xml"/>')
        sect_refs += '<w:footerReference w:type="default" r:id="rIdF"/>'
    rels.append(rels_extra)
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {NAMESPACES}>'
                f"<w:body>{body}<w:sectPr>{sect_refs}{sect}</w:sectPr></w:body></w:document>")
    members = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/{main}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            "</Types>"),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="{main}"/></Relationships>'),
        main: document,
        f"{folder}/_rels/{base}.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(rels) + "</Relationships>"),
    }
    if styles:
        members[f"{folder}/styles.xml"] = STYLES
    if numbering:
        members[f"{folder}/numbering.xml"] = NUMBERING
    if header is not None:
        members[f"{folder}/header1.xml"] = f'<?xml version="1.0"?><w:hdr {NAMESPACES}>{header}</w:hdr>'
    if footer is not None:
        members[f"{folder}/footer1.xml"] = f'<?xml version="1.0"?><w:ftr {NAMESPACES}>{footer}</w:ftr>'
    members.update(extra or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


def corrupt_member(path: Path, member: str) -> Path:
    """Damage one member's compressed data: the zip's directory still reads, the member no
    longer inflates (its first deflate block claims the reserved block type)."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo(member)
    name_length, extra_length = struct.unpack("<HH", data[info.header_offset + 26:info.header_offset + 30])
    data[info.header_offset + 30 + name_length + extra_length] = 0xFF
    path.write_bytes(bytes(data))
    return path


def claim_unknown_zip_version(path: Path) -> Path:
    """Make the zip's directory say each member needs a zip version no reader has (9.9):
    what a flipped byte in the directory can do."""
    data = bytearray(path.read_bytes())
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        data[at + 6:at + 8] = struct.pack("<H", 99)  # "version needed to extract"
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))
    return path


# A realistic two-role resume body: an OR nurse moving to device sales.
NURSE_ROLES = [
    ("Registered Nurse, Operating Room", "Mercy General Hospital", "Sacramento, CA", "Mar 2019", "Present", [
        "Circulated 600+ orthopedic and spine cases a year alongside 14 surgeons.",
        "Trained 25 new OR staff on robotic-assisted surgery systems and implant trays.",
        "Cut instrument turnover time by 18% by redesigning case-cart workflow with sterile processing.",
    ]),
    ("Staff Nurse, Med-Surg", "Sutter Health", "Roseville, CA", "06/2016", "02/2019", [
        "Managed a caseload of 6 post-surgical patients per shift on a 32-bed unit.",
        "Educated patients and families on discharge plans, raising satisfaction scores from 4.2 to 4.8.",
        "Served on the value analysis committee evaluating wound-care products.",
    ]),
]
