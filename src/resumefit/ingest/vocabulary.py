"""Words the reader uses to recognise sections, job titles, employers and places."""

from __future__ import annotations

import re

from resumefit.privacy import INTERNATIONAL_PHONE

# Section names an applicant tracking system recognises, by canonical kind.
SECTION_NAMES: dict[str, tuple[str, ...]] = {
    "summary": ("summary", "professional summary", "profile", "professional profile", "career summary",
                "objective", "career objective", "professional objective", "about me", "about",
                "summary of qualifications", "qualifications summary", "qualifications", "executive summary",
                "career profile", "personal statement", "overview", "professional overview",
                "highlights of qualifications", "qualifications highlights"),
    "experience": ("experience", "professional experience", "work experience", "employment history",
                   "employment", "work history", "career history", "relevant experience",
                   "clinical experience", "sales experience", "healthcare experience",
                   "professional background", "career experience", "related experience",
                   "additional experience", "other experience", "leadership experience",
                   "research experience", "industry experience", "professional history",
                   "experience highlights", "relevant professional experience", "clinical background",
                   "teaching experience", "healthcare and clinical experience",
                   # students' and veterans' work is experience too
                   "internships", "internship", "internship experience", "clinical rotations", "rotations",
                   "pharmacy rotations", "appe rotations", "military service", "military experience", "military",
                   "practicum", "clinical practicum", "practicums", "preceptorship", "clinical preceptorship",
                   "earlier career", "early career", "previous experience"),
    "education": ("education", "education and training", "academic background", "academic history",
                  "education and credentials", "educational background", "academics",
                  "education and certifications", "training and education", "relevant coursework", "coursework"),
    "skills": ("skills", "core competencies", "key skills", "technical skills", "areas of expertise",
               "expertise", "competencies", "core skills", "skills summary", "clinical skills",
               "professional skills", "key competencies", "strengths", "skills and abilities",
               "technical proficiencies", "computer skills", "skills and competencies",
               "skills and expertise", "relevant skills", "sales skills", "tools and technologies",
               "technologies", "selected skills", "technology", "tools", "systems", "software", "product knowledge",
               "therapeutic areas", "therapeutic expertise", "therapeutic area expertise", "clinical areas"),
    "certifications": ("certifications", "licenses", "licenses and certifications",
                       "certifications and licenses", "credentials", "licensure",
                       "professional certifications", "certificates", "licensure and certifications",
                       "certifications and training", "professional development",
                       "training and certifications", "licenses and credentials", "training",
                       "continuing education", "professional licensure", "licensure and certification",
                       "licenses and certificates"),
    "awards": ("awards", "honors", "awards and honors", "honors and awards", "recognition",
               "awards and recognition", "achievements and awards", "awards and achievements", "sales awards",
               "honors and recognition", "awards and honours", "honours"),
    # Statements of what was achieved, judged as a role's bullets are (an award is not).
    "accomplishments": ("accomplishments", "achievements", "key achievements", "career highlights",
                        "selected achievements", "key accomplishments", "selected accomplishments", "highlights",
                        "professional accomplishments", "career achievements", "notable achievements",
                        "sales achievements", "key results", "skills and accomplishments",
                        "relevant skills and accomplishments", "summary of accomplishments",
                        "accomplishments and skills", "professional highlights", "career highlights and awards",
                        "sales highlights", "performance highlights"),
    "volunteer": ("volunteer", "volunteer experience", "volunteering", "community service",
                  "community involvement", "volunteer work", "service"),
    "activities": ("activities", "leadership and activities", "activities and leadership", "leadership",
                   "extracurricular activities", "campus involvement", "campus leadership", "athletics",
                   "leadership and involvement", "student activities", "involvement", "leadership and athletics"),
    "affiliations": ("professional affiliations", "affiliations", "memberships", "associations",
                     "professional memberships", "professional associations", "organizations", "board service",
                     "board memberships", "boards"),
    "publications": ("publications", "presentations", "publications and presentations", "research",
                     "speaking engagements", "patents", "posters", "posters and presentations",
                     "publications and posters", "conferences", "speaking", "conference presentations"),
    "projects": ("projects", "selected projects", "key projects", "capstone", "capstone project"),
    "languages": ("languages", "language skills"),
    "interests": ("interests", "hobbies", "hobbies and interests"),
    "references": ("references",),
    # What an ATS files under "additional": a driving licence, travel, languages in a line.
    "other": ("additional information", "additional", "other", "miscellaneous"),
}
SECTION_BY_NAME = {name: kind for kind, names in SECTION_NAMES.items() for name in names}
# A heading that ends with one of these words is that kind of section, if not a standard name.
SECTION_BY_LAST_WORD = {"experience": "experience", "history": "experience", "education": "education",
                        "skills": "skills", "competencies": "skills", "certifications": "certifications",
                        "licenses": "certifications", "awards": "awards", "honors": "awards",
                        "summary": "summary", "profile": "summary", "projects": "projects",
                        "publications": "publications", "volunteering": "volunteer",
                        "affiliations": "affiliations", "achievements": "accomplishments",
                        "accomplishments": "accomplishments", "highlights": "accomplishments", "activities": "activities",
                        "involvement": "activities", "internships": "experience", "rotations": "experience"}
# Sections whose entries are jobs with bullets.
ROLE_SECTIONS = {"experience", "volunteer", "projects", "activities"}  # a new graduate's team captaincy
# Sections whose bullets say what the candidate achieved: the share with a result is theirs.
ACHIEVEMENT_SECTIONS = {"experience", "accomplishments"}
# The words of a line that introduces a role's bullets ("Key accomplishments:").
LABEL_WORDS = set("""
key selected select major notable career core main primary recent accomplishments achievements highlights
responsibilities duties results contributions impact awards recognition wins successes overview scope
role and of
""".split())
# Sections whose lines are not bullets to judge as achievements.
LIST_SECTIONS = {"skills", "education", "certifications", "languages", "interests", "references",
                 "affiliations", "publications", "contact"}


NOT_LETTERS = re.compile(r"[^a-z ]+")


def section_key(text: str) -> str:
    """A heading as a lookup key: lowercase, '&' as 'and', no punctuation."""
    t = text.lower().replace("&", " and ")
    t = NOT_LETTERS.sub(" ", t)
    return " ".join(t.split())


TITLE_WORDS = set("""
nurse rn lpn lvn np crna pa-c manager representative rep specialist coordinator technician tech
analyst director associate consultant pharmacist engineer intern executive lead supervisor
assistant educator liaison scientist officer administrator therapist technologist president vp
founder owner partner advisor counselor clinician physician surgeon resident fellow instructor
teacher professor researcher developer architect designer trainer head chief principal agent
account accounts territory sales msl medical clinical charge staff senior sr junior jr regional
district national key strategic inside field account-executive ae sdr bdr recruiter volunteer
dietitian paramedic emt hygienist assistant-manager ceo cfo coo cio cmio cto cno student
apprentice aide intern-ship leader member captain president-elect chair treasurer secretary
server bartender cashier barista host hostess waiter waitress lifeguard tutor coach receptionist clerk
teller driver cook scribe caregiver cna phlebotomist sonographer dispatcher
corpsman medic sergeant lieutenant commander corporal airman seaman soldier nco petty platoon squad
""".split())
EMPLOYER_WORDS = set("""
hospital hospitals health healthcare medical center centre clinic clinics university college school
inc inc. llc llp ltd ltd. corp corp. corporation company co co. group pharmacy pharmacies
pharmaceuticals pharmaceutical pharma biotech biosciences bioscience therapeutics labs laboratories
laboratory systems system solutions technologies technology software institute foundation partners
associates network services care physicians surgical surgery sciences diagnostics devices
medtech genomics oncology orthopedics orthopaedics cardiology walgreens cvs kaiser mayo cleveland
stryker medtronic pfizer merck abbott genentech amgen epic cerner oracle boston scientific
johnson baxter novartis astrazeneca gsk lilly bristol-myers sanofi bayer roche zimmer
department dept army navy air force marines county city state agency bank hhs va corps guard
consulting insurance industries holdings enterprises stores restaurant restaurants hotel hotels
""".split())
ROLE_WORDS = TITLE_WORDS | EMPLOYER_WORDS
# Title words that name the job itself, not a qualifier of it: a phrase ending in one is a
# title whatever comes before ("Oncology Pharmacy Resident").
TITLE_HEADS = TITLE_WORDS - EMPLOYER_WORDS - set("""
account accounts territory sales medical clinical charge staff senior sr junior jr regional district
national key strategic inside field lead head chief principal
""".split())
# What a rep's title names after a dash: "Sales Representative – Primary Care" is one title
# (the employer is elsewhere), though "care" alone leans employer.
SPECIALTIES = set("""
primary care|specialty care|critical care|long-term care|acute care|neuroscience|neurology|cns
|oncology|hematology|cardiology|cardiovascular|cardiometabolic|metabolic|diabetes|endocrinology|respiratory
|immunology|rheumatology|dermatology|gastroenterology|gi|urology|nephrology|ophthalmology|psychiatry
|mental health|women's health|vaccines|virology|hiv|infectious disease|rare disease|rare diseases
|biologics|specialty|institutional|hospital|hospital sales|retail|managed care|orthopedics|orthopaedics
|spine|trauma|joint reconstruction|recon|sports medicine|neurovascular|peripheral vascular|structural heart
|electrophysiology|ep|crm|endoscopy|surgical|imaging|diagnostics|pain|wound care|dental|aesthetics
|med-surg|medical-surgical|icu|micu|sicu|cvicu|nicu|picu|pacu|l&d|labor and delivery|telemetry|emergency
|step-down|float pool|or
""".replace("\n", "").split("|"))
# Words of a unit or a specialty, never of an employer's name: "Staff Nurse, Cardiac ICU".
SPECIALTY_WORDS = {w for phrase in SPECIALTIES for w in phrase.split()} | set(
    "operating room unit department floor cardiac pediatric pediatrics adult surgical outpatient inpatient".split())
# How title-like a word is: +1 a title word, -1 an employer word ("medical" is both: 0).
LEAN = {w: (w in TITLE_WORDS) - (w in EMPLOYER_WORDS) for w in ROLE_WORDS}
US_STATES = ("AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV "
             "NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR").split()
US_STATE_CODES = {  # a state's name, lowercased -> its code
    "alabama": "AL", "alaska": "AK", "arizona": "AZ", "arkansas": "AR", "california": "CA", "colorado": "CO",
    "connecticut": "CT", "delaware": "DE", "florida": "FL", "georgia": "GA", "hawaii": "HI", "idaho": "ID",
    "illinois": "IL", "indiana": "IN", "iowa": "IA", "kansas": "KS", "kentucky": "KY", "louisiana": "LA",
    "maine": "ME", "maryland": "MD", "massachusetts": "MA", "michigan": "MI", "minnesota": "MN",
    "mississippi": "MS", "missouri": "MO", "montana": "MT", "nebraska": "NE", "nevada": "NV",
    "new hampshire": "NH", "new jersey": "NJ", "new mexico": "NM", "new york": "NY", "north carolina": "NC",
    "north dakota": "ND", "ohio": "OH", "oklahoma": "OK", "oregon": "OR", "pennsylvania": "PA",
    "rhode island": "RI", "south carolina": "SC", "south dakota": "SD", "tennessee": "TN", "texas": "TX",
    "utah": "UT", "vermont": "VT", "virginia": "VA", "washington": "WA", "west virginia": "WV",
    "wisconsin": "WI", "wyoming": "WY", "district of columbia": "DC",
}
STATE_NAMES = ("|".join(" ".join(w if w == "of" else w.capitalize() for w in name.split()) for name in US_STATE_CODES)
               + "|Ontario|Quebec|British Columbia|Alberta|"
               # candidates abroad: "Manchester, UK", "Toronto, ON", "Sydney, Australia"
               "UK|United Kingdom|England|Scotland|Wales|Northern Ireland|Ireland|Canada|Australia|New Zealand|"
               "ON|BC|AB|QC|MB|SK|NS|NB|NL|PE|NSW|VIC|QLD")
LOCATION_RE = re.compile(
    rf"\b([A-Z][A-Za-z.'\-]+(?: [A-Z][A-Za-z.'\-]+){{0,3}}, (?:{'|'.join(US_STATES)}|{STATE_NAMES})"
    rf"(?: \d{{5}})?)(?![A-Za-z])|\b(Remote|Hybrid)\b"
)
EMAIL_RE = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")
# North American numbers, and others written with their country code.
PHONE_RE = re.compile(r"(?<![\d])(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}(?!\d)|" + INTERNATIONAL_PHONE)
LINKEDIN_RE = re.compile(r"(?:https?://)?(?:[a-z]{2,3}\.)?linkedin\.com/in/[\w%-]{1,100}/?", re.IGNORECASE)
URL_RE = re.compile(r"(?:https?://|www\.)[^\s|,;]{3,200}", re.IGNORECASE)

# A skill separator counts only outside parentheses: "Microsoft Office (Word, Excel)" is one
# skill, for the reader that lists skills and for the tailor that reorders them.
OUTSIDE_PARENTHESES = r"(?![^()]*\))"
