"""`batch --redact`: a cohort's outputs without the people in them. Reports are redacted as
text; the reviewed .docx in every part, since a name or an email can sit outside the
visible text (a content control's custom XML, a picture's alt text, a mailto field code,
a reviewer list, document properties, an XML comment)."""

from __future__ import annotations

import io
import re
import zipfile

from resumefit.privacy import PHONE, SHAPES, STREET, scrub

# Attributes that hold free text, where contact-shaped strings (emails, phone numbers,
# URLs) are redacted too; every other attribute only loses the person's own values, since
# a shape could match a number that is part of the document's structure.
FREE_TEXT_ATTRIBUTES = {"descr", "title", "instr", "Target", "author", "initials", "alias", "tag", "name",
                        "userId", "providerId", "lastModifiedBy"}
XML_PARTS = (".xml", ".rels", ".vml")
PACKAGE_RELS, CONTENT_TYPES = "_rels/.rels", "[Content_Types].xml"
PROFILE_SITES = ("linkedin.com", "github.com", "twitter.com", "x.com/")  # privacy.PROFILE_URL's sites
# Parts that describe formatting only: searched for the person's values, not for shapes.
FORMATTING_PART = re.compile(r"(?:^|/)(?:styles|stylesWithEffects|numbering|fontTable|webSettings|theme\d*)\.xml$")


def private_values(resume) -> list[str]:
    c = resume.contact
    names = [c.name] + c.name.split() if c.name else []
    return [v for v in [*names, c.email, c.phone, c.linkedin, *c.websites] if v and len(v) >= 2]


def redact(value, private: list[str]):
    """Names, emails, phone numbers, street addresses and profile URLs replaced."""
    return scrub(value, private)


def redact_docx(data: bytes, private: list[str], source: str = "the reviewed copy") -> bytes:
    """The reviewed copy with every text and attribute of every XML part redacted, XML
    comments dropped, and the first-page thumbnail (a picture of the name and contact
    details) left out; a part that does not parse cannot be redacted, so the file is refused."""
    from lxml import etree

    from resumefit.ingest.package import refuse

    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True)

    def parse(name: str, part: bytes):
        try:
            return etree.fromstring(part, parser)
        except etree.XMLSyntaxError:
            raise refuse(source, f"is damaged ({name} is not well-formed XML, so it cannot be redacted)",
                         "open it in Word, save a new copy and try that") from None

    own = _any_of(private)
    anything = re.compile("|".join([own.pattern] + [p.pattern for p in SHAPES]), re.IGNORECASE)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        names = set(src.namelist())
        dropped = _thumbnails(parse(PACKAGE_RELS, src.read(PACKAGE_RELS))) & names if PACKAGE_RELS in names else set()
        for info in src.infolist():
            if info.filename in dropped:
                continue
            part = src.read(info)
            lists_dropped = bool(dropped) and info.filename in (PACKAGE_RELS, CONTENT_TYPES)
            if info.filename.lower().endswith(XML_PARTS) and (lists_dropped or _may_hold(info.filename, part, private)):
                root = parse(info.filename, part)
                for el in [el for el in root if lists_dropped and _names_part(el) in dropped]:
                    root.remove(el)
                _redact_tree(root, private, own, anything)
                part = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            dst.writestr(info, part)
    return out.getvalue()


def _thumbnails(package_rels) -> set[str]:
    return {_names_part(el) for el in package_rels if (el.get("Type") or "").endswith("/metadata/thumbnail")}


def _names_part(el) -> str:
    """The part a package relationship or a content-type override names, as a zip member."""
    return (el.get("Target") or el.get("PartName") or "").lstrip("/")


def _may_hold(name: str, part: bytes, private: list[str]) -> bool:
    """Whether a part's text could hold anything to redact, by substring tests (the shape
    patterns take ~20 ms on a 350 KB styles part): the person's own values, an @, a profile
    site, or, outside the parts that only describe formatting, a phone number or street.
    A part with character references (a name spelt "&#74;ordan") is always parsed."""
    text = part.decode("utf-8", "replace")
    if "&#" in text:
        return True
    for entity, char in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&apos;", "'"), ("&amp;", "&")):
        text = text.replace(entity, char)
    low = text.lower()
    if "@" in text or any(site in low for site in PROFILE_SITES):
        return True
    if any(_holds_word(low, v.lower()) for v in private):
        return True
    return not FORMATTING_PART.search(name) and any(p.search(text) for p in (PHONE, STREET))


def _holds_word(low: str, value: str) -> bool:
    """Whether `value` is in the text as scrub finds it, between non-alphanumerics ("Bell",
    not "Campbell"): `find` runs in C, where a regex takes ~15 ms on a styles part."""
    at = low.find(value)
    while at >= 0:
        before, after = low[at - 1:at], low[at + len(value):at + len(value) + 1]
        if not (before.isalnum() or after.isalnum()):
            return True
        at = low.find(value, at + 1)
    return False


def _redact_tree(root, private: list[str], own: re.Pattern, anything: re.Pattern) -> None:
    # One search per value decides whether to redact it: a styles part has thousands of values.
    for el in root.iter():
        if el.text and anything.search(el.text):
            el.text = scrub(el.text, private)
        if el.tail and anything.search(el.tail):
            el.tail = scrub(el.tail, private)
        for key, value in el.attrib.items():
            if key.rsplit("}", 1)[-1] in FREE_TEXT_ATTRIBUTES:
                if anything.search(value):
                    el.set(key, scrub(value, private))
            elif own.search(value):
                el.set(key, scrub(value, private, shapes=False))


def _any_of(private: list[str]) -> re.Pattern:
    """The person's own values, as `scrub` finds them (any case, whole words)."""
    values = sorted((re.escape(v) for v in private if v and len(v) >= 2), key=len, reverse=True)
    return re.compile(rf"(?<![^\W_])(?:{'|'.join(values)})(?![^\W_])" if values else r"(?!)", re.IGNORECASE)
