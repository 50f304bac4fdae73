"""A short targeted summary, filled only with facts found in the resume."""

from __future__ import annotations

import re
from datetime import date

from resumefit.engine.checks.metric import PHRASE_BREAKS, is_plural
from resumefit.engine.facts import NOT_HELD
from resumefit.engine.tenure import SALES_TITLE
from resumefit.model import paragraph_anchor
from resumefit.tailor.faithful import unquotable
from resumefit.tailor.plan import METRIC_STRENGTH
from resumefit.templating import environment

GOALS = {"pharma": "pharmaceutical sales", "device": "medical device sales",
         "biotech": "biotech and specialty pharmaceutical sales", "software": "healthcare software sales"}
MAX_WORDS = 70  # about three lines
TITLE_NOUNS = {"coordinator", "nurse", "technician", "analyst", "manager", "representative", "director",
               "specialist", "assistant", "associate", "therapist", "technologist", "pharmacist", "sonographer",
               "hygienist", "paramedic"}
# A title that is already a sales role; any other (a nurse's, an analyst's) is moving into sales,
# and "Registered Nurse, 7 years in the field, focused on device sales" would read as 7 years of it.
# A summary that says the candidate wants the segment: a SaaS account executive "looking to
# bring" their process "to healthcare IT" is moving into it, sales title and all.
SEEKING = re.compile(r"\b(looking to|seeking|moving into|move into|transition(?:ing)?|pivot(?:ing)?|career change|"
                     r"aspiring|hoping to|eager to|aiming to)\b", re.I)
# A scientist who says they want a medical science liaison role wants no sales job: the
# summary keeps that aim in the candidate's own words.
MSL_AIM = re.compile(r"(?i:\bmedical science liaison)|\bMSL\b")
# A trainee's title: a graduate is summed up by their degree, not as "Sales Intern".
TRAINEE = re.compile(r"\b(?:intern|internship|extern|externship|co-?op|trainee|apprentice)\b", re.I)
# Years in the field, as the candidate's own summary states them ("7 years", "10+ years").
YEARS = re.compile(r"\b((?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)"
                   r"\+?\s+(?:years?|yrs?)\b)(?!\s+old)", re.I)


def slots(result, segment: str) -> dict:
    """The template's slots: words and phrases from the resume, each as it is written there."""
    facts, resume = result.facts, result.resume

    def written(category: str, limit: int) -> list[str]:
        """The category's terms as the resume writes them; a common noun that opened a
        bullet or a title ("Operating Room") is written mid-sentence in lower case."""
        seen: dict[str, str] = {}
        for anchor, h in facts.hits:
            if h.segment != segment or h.category != category or h.term in seen:
                continue
            if category == "customers" and anchor not in worked_with:
                continue  # "Front Range Health System" in a role's header is where, not whom, one works with
            if category == "tools" and anchor in role_headers:
                continue  # "IQVIA" or "Epic Systems" as the employer is where one works, not what one uses
            text = h.text
            at = text.lower().find(h.term.lower())
            if at >= 0 and text[at + len(h.term):at + len(h.term) + 1] == " " and text.split()[-1].lower() in TITLE_NOUNS:
                # "clinical research coordinator" says "clinical research" as written ("orthopedic
                # surgeons" stays whole: no word follows its term, "surgeon")
                text = text[at:at + len(h.term)]
            elif category in ("customers", "clinical"):
                text = _with_head_noun(facts.paragraphs.get(anchor) or by_anchor[anchor], h, category)
            if category == "customers" and anchor in summary_anchors and not whom_one_works_with(text):
                continue  # "Immunologist with 6 years ...", "moving into a medical science liaison role": the candidate
            if text.lower().split()[-1] in TITLE_NOUNS:
                continue  # a job title, not a specialty or a customer
            if category == "clinical" and ADJECTIVE.search(text):
                if h.term.lower() != text.lower() + "s":
                    continue  # "experience in cardiac" is no sentence; "orthopedic" is "orthopedics"
                text = text + "s"
            common = h.term[:1].islower() or (h.term.isupper() and text != h.term)
            source = facts.paragraphs.get(anchor) or by_anchor[anchor]
            # "Operating Room" opened a title: lower case mid-sentence; "HCPs" stays as written,
            # and so does a name capitalised mid-sentence ("3 state Medicaid plans")
            if common and not _abbreviated(text) and not _named_mid_sentence(source.text, h.start):
                text = text.lower()
            seen[h.term] = text
        return list(dict.fromkeys(seen.values()))[:limit]

    by_anchor = {bf.bullet.anchor: bf for bf in facts.bullets}  # a bullet typed a line apart has its own anchor
    summary = resume.section("summary")
    summary_lines = summary.lines if summary else []
    summary_anchors = {p.anchor for p in summary_lines}
    # Whom the candidate works with, from the bullets whose results count (a fundraiser for a
    # clinic in the activities is no customer of a candidate with a job)
    worked_with = {bf.bullet.anchor for bf in facts.achievements} | summary_anchors
    role_headers = _role_header_anchors(resume)
    experience = [r for r in resume.roles if r.section == "experience" and r.title]
    title = experience[0].title if experience else ""
    if not title or TRAINEE.search(title):
        title = graduate(resume.education) or title
    stated = [YEARS.search(p.text) for p in summary_lines if p.text]
    return {
        "title": prose_case(title.rstrip(" ,;")) or "Candidate",
        "years": next((m.group(1) for m in stated if m), ""),
        "credentials": not_in(written("credentials", 3), title),
        "goal": _goal(segment, summary_lines, title),
        "aim": "focused on" if SALES_TITLE.search(title) and not any(
            SEEKING.search(p.text) for p in summary_lines) else "moving into",
        "specialties": _widest(written("clinical", 4))[:3],
        "customers": [the(c) for c in written("customers", 3)],
        "tools": written("tools", 2),
        "result": strongest_result(result, segment),
    }


def _role_header_anchors(resume) -> set[str]:
    """The lines a role's header was read from: from its first line to its first item."""
    starts = {role.anchor for role in resume.roles}
    items = {paragraph_anchor(b.anchor) for b in resume.bullets}
    out: set[str] = set()
    for section in resume.sections:
        inside = False
        for p in section.lines:
            inside = (inside or p.anchor in starts) and p.anchor not in items
            if inside:
                out.add(p.anchor)
    return out


def _widest(fields: list[str]) -> list[str]:
    """Without a field another one names ("ICU" beside "CVICU", "surgery" beside "spine surgery")."""
    return [f for f in fields if not any(o != f and o.lower().endswith(f.lower()) for o in fields)]


NEXT_WORD = re.compile(r"\s+([a-z][\w'’-]*)")
HYPHENATED = re.compile(r"-[a-z][\w'’-]*")
# Nouns a clinical term modifies that make it a field: "autoimmune disease", "critical care".
FIELD_NOUNS = {"disease", "diseases", "disorder", "disorders", "conditions", "care", "medicine", "surgery", "health"}


def _with_head_noun(facts, hit, category: str) -> str:
    """A term named as a modifier reads with the noun it modifies, as written: "physician
    practices", "hematologist-oncologists", "autoimmune disease", not "works with physician"
    or "experience in autoimmune"."""
    joined = HYPHENATED.match(facts.text, hit.end)
    if joined:
        return facts.text[hit.start:joined.end()]
    after = NEXT_WORD.match(facts.text, hit.end)
    noun = after.group(1) if after else ""
    if category == "clinical":
        fits = noun in FIELD_NOUNS
    else:
        # "infusion center visits" are no one to work with: a place or a body is named alone
        fits = not hit.text.endswith("s") and is_plural(noun) and noun not in PHRASE_BREAKS and the(hit.text) == hit.text
    return facts.text[hit.start:after.end(1)] if fits else hit.text


def whom_one_works_with(customer: str) -> bool:
    """"surgeons", "the value analysis committee", "the CMIO": whom one works with, not a title."""
    return customer.endswith("s") or the(customer) != customer


# A clinical term written as an adjective ("orthopedic cases", "post-surgical unit"): the
# summary names fields, so it writes the field ("orthopedics") or leaves it out.
ADJECTIVE = re.compile(r"(?:ic|ac|ical|ive|ory|al|ar|ary)$", re.I)


def _named_mid_sentence(text: str, start: int) -> bool:
    """A capital straight after a lower-case word or a number ("3 state Medicaid plans") is
    a name's; after a comma, a bar or a capitalised word it is a list's or a title's."""
    before = text[:start].rstrip()
    if not before or before[-1] in ",;:|•–—-(/":
        return False
    previous = before.split()[-1]
    return previous[:1].islower() or previous[:1].isdigit()


def _abbreviated(text: str) -> bool:
    """A capital after a word's first letter: "HCPs", "P&T committee", "ICU" (a long word in
    capitals, "ORTHOPAEDICS" of an employer's name, is only shouted)."""
    return any(w[1:] != w[1:].lower() and (len(w) <= 5 or not w.isupper()) for w in text.split())


# One body or one place: "the value analysis committee", "the operating room", "the infusion center".
GROUP_NOUNS = {"committee", "department", "team", "lab", "office", "unit", "room", "suite", "center", "centre",
               "board", "council", "clinic"}
UNITS = {"OR", "ICU", "ED", "ER", "PACU", "NICU", "PICU", "CVICU", "MICU", "SICU", "CCU", "OB"}  # "the OR"
# One officer: "the CMIO", "the CNO" (and "CIOs" stays as written: many of them).
OFFICER = re.compile(r"C[A-Z]{0,3}O")
# One organisation of many: "an IDN", "a GPO" (and "IDNs" stays as written).
ORGANIZATIONS = {"IDN", "GPO", "ACO", "AMC", "ASC", "FQHC", "PBM", "SNF", "HMO", "MCO", "CMHC", "NHS trust"}
AN_SOUNDS = set("AEFHILMNORSX")  # letters read with a vowel first: "an FQHC", "an SNF"


def the(customer: str) -> str:
    """"value analysis committee" is one body, and a CMIO one officer: "works with the value
    analysis committee", "with the CMIO"; an IDN is one of many: "with an IDN"."""
    if customer in ORGANIZATIONS:
        return f"{'an' if customer[0] in AN_SOUNDS else 'a'} {customer}"
    one = customer.split()[-1] in GROUP_NOUNS or OFFICER.fullmatch(customer) or customer in UNITS
    return f"the {customer}" if one else customer


# Abbreviations an all-capitals title keeps in a sentence: "ICU RN" stays, "STAFF NURSE" is "Staff Nurse".
KEEP_CAPITALS = {"RN", "LPN", "LVN", "NP", "CRNA", "PA", "PA-C", "CST", "CNA", "EMT", "MA", "RRT", "CRT", "APRN",
                 "II", "III", "IV", "VP", "IT", "EHR", "EMR", "MSL", "KAM", "HR", "GYN", "EMS", "CT", "MRI", "EP",
                 "ASC", "IDN", "GPO", "US"} | UNITS


def prose_case(title: str) -> str:
    """A title typed in capitals ("CERTIFIED SURGICAL TECHNOLOGIST") as it reads in a
    sentence ("Certified Surgical Technologist"): the same words, only their case."""
    if not title.isupper() or len(title.split()) < 2:
        return title
    return re.sub(r"[A-Z][A-Z'’-]*", lambda m: m.group(0) if m.group(0) in KEEP_CAPITALS else m.group(0).capitalize(),
                  title)


# A degree as a line of the education section opens with it: "BS Biology, Ohio State, 2025".
DEGREE = re.compile(r"^((?:B\.?S\.?N?|B\.?A\.?|M\.?S\.?N?|M\.?A\.?|MBA|MPH|MHA|PharmD|Ph\.?D\.?|AAS|A\.?S\.?|"
                    r"Bachelor|Master|Associate|Doctor)\b[^,;|–—]{0,60})")
YEAR_IN = re.compile(r"\b(19|20)\d\d\b")
SCHOOL = re.compile(r"\b(university|college|institute|school|academy)\b|\d", re.I)


def _goal(segment: str, summary_lines, title: str) -> str:
    """What the candidate is moving into: the segment's sales, or the medical science
    liaison role their own summary says they want."""
    if wants_msl([p.text for p in summary_lines], title, segment):
        return "a medical science liaison role"
    return GOALS.get(segment, "medical sales")


def wants_msl(own_words: list[str], title: str, segment: str) -> bool:
    """Whether the candidate's own words (a summary, a LinkedIn headline or About) say they
    are after a medical science liaison role, which is no sales job; an MSL moving into
    sales is not."""
    return (segment in ("biotech", "pharma") and not MSL_AIM.search(title)
            and any(SEEKING.search(text) and MSL_AIM.search(text) for text in own_words))


def not_in(credentials: list[str], title: str) -> list[str]:
    """The credentials the title does not already say: "BS Biology graduate" is not followed
    by "(BS Biology)"; "RN" is said though "Intern" holds its letters."""
    return [c for c in credentials if not re.search(rf"(?<!\w){re.escape(c)}(?!\w)", title, re.I)]


def graduate(education: list[str]) -> str:
    """A new graduate's title, from the first degree the education section lists: "BS
    Biology graduate", or "student" while it is expected."""
    for line in education:
        degree = DEGREE.match(line.strip())
        if degree:
            name = degree.group(1).strip()
            pieces = [p.strip() for p in line.split(",")]
            if name == pieces[0] and len(name) <= 6 and len(pieces) > 1 and not SCHOOL.search(pieces[1]):
                name = f"{name} {pieces[1]}"  # "BS, Exercise Science, Colorado State University"
            years = [int(m.group(0)) for m in YEAR_IN.finditer(line)]
            pending = NOT_HELD.search(line) or any(y > date.today().year for y in years)
            return f"{name} {'student' if pending else 'graduate'}"
    return ""


def strongest_result(result, segment: str) -> str:
    """The bullet with the strongest measurable result, quoted as written (more results of
    that strength, then the segment's terms, then the newer role break ties); "" when no
    bullet may be quoted (`faithful.unquotable`). A bullet whose wording a rule faults and
    no safe fix mends ("Was given ...", "Responsible for ...") is quoted only when no other
    has a result: the summary is read first."""
    flagged = unquotable(result, mended_ok=True)  # the plan quotes a mended bullet as mended
    mended = {f.bullet for f in result.findings if f.fix and f.fix["span"][0] == 0}  # its opener is fixed
    # Wording, not length: a short bullet reads well quoted ("Cut missing-instrument errors by 30%")
    weak = {f.bullet for f in result.findings
            if f.score == "language" and f.bullet and not f.fix and ".length." not in f.name} - mended
    best, best_key = "", None
    for n, bf in enumerate(result.facts.achievements):
        if not bf.metrics or bf.bullet.section == "accomplishments" or bf.bullet.id in flagged:
            continue  # the highlights are the section just below the summary: not quoted twice
        strengths = [METRIC_STRENGTH.get(m.kind, 1) for m in bf.metrics]
        top = max(strengths)  # then how many results of that strength: "#3 of 58; President's Club"
        key = (bf.bullet.id not in weak, top, strengths.count(top),
               sum(1 for h in bf.hits if h.segment == segment), -n)
        if best_key is None or key > best_key:
            best, best_key = bf.text, key
    return best


def build_summary(result, segment: str) -> str:
    """The summary, or "" when the resume gives it nothing to say: "Candidate moving
    into medical device sales." alone tells a hiring manager nothing."""
    filled = slots(result, segment)
    if filled["title"] == "Candidate" and not any(filled[k] for k in ("credentials", "specialties", "customers",
                                                                       "tools", "result")):
        return ""
    text = " ".join(environment().get_template("summary.j2").render(**filled).split())
    words = text.split()
    if len(words) > MAX_WORDS:  # drop the quoted result rather than cut a sentence
        text = text.split(" Result: ")[0]
    return text
