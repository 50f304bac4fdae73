"""kind: structure — facts about the document an applicant tracking system trips on,
missing sections, contact details and role dates, and facts across bullets (openers, tense)."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from functools import lru_cache

from resumefit.engine.checks.common import bullets_in_scope, finding
from resumefit.engine.tense import past_tense

# Base and present forms that open a bullet about a finished job in the wrong tense.
PRESENT_VERBS = set("""
manage lead develop train coordinate educate build drive sell maintain support oversee present conduct
collaborate partner serve implement create increase reduce improve negotiate prospect close grow launch
deliver achieve exceed assist help handle provide perform work administer monitor assess prepare
""".split())
# A bullet that ends on an abbreviation's full stop ("... at Acme Inc.", "... in D.C.").
ABBREVIATION_END = re.compile(r"(?:\b(?:[A-Za-z]\.){2,}|\b(?:inc|co|corp|ltd|llc|etc|jr|sr|st|dr|no|vs|approx)\.)\s*$", re.I)


# Verbs whose past is written as their base: "Cut costs by 18%" is as likely past as present.
SAME_IN_PAST = {"cut", "set", "hit", "put", "spread", "read", "forecast", "broadcast", "cast", "bid", "split", "shut",
                "quit", "let", "cost", "upset", "beat", "bet"}


NOUN_AFTER = {"to", "for", "of", "at", "between", "in", "on"}  # "Mentor to 4 new reps", "Audit of 40 charts"
# A verb's form that opens a noun: "Lead generation for 3 clinics", "Support staff scheduling".
NOUN_COMPOUNDS = {("lead", w) for w in ("generation", "gen", "qualification", "scoring", "nurturing", "routing")} \
    | {("support", w) for w in ("staff", "team", "services", "specialist")}


def _present_tense(word: str, verbs: frozenset[str] = frozenset(), after: str = "") -> bool:
    w = word.lower().strip(",.;:")
    if (w, after) in NOUN_COMPOUNDS:
        return False
    if w in PRESENT_VERBS or w.endswith("ing") and len(w) > 5:
        return True
    if w in verbs:  # a verb of the word lists; one heading a noun phrase is a role's name
        return after not in NOUN_AFTER
    return w.endswith("s") and not w.endswith("ss") and w[:-1] in PRESENT_VERBS | {"manage", "drive", "serve"} \
        or w.endswith("es") and w[:-2] in PRESENT_VERBS


def _over(role) -> bool:
    """A role that has ended: it gives its end, or one date of an earlier year ("Summer 2021",
    an internship; "Jun 2019"). One date of this year may still run on."""
    if role.end:
        return role.end != "present"
    return role.start[:4].isdigit() and int(role.start[:4]) < date.today().year


@lru_cache(maxsize=8)
def _present_forms(engine, lexicons: tuple[str, ...]) -> frozenset[str]:
    """The base and -s forms of the listed verbs, with British spellings ("organise", "organises")."""
    forms = set()
    for name in lexicons:
        for verb in engine.terms(name):
            if " " in verb or verb in SAME_IN_PAST:
                continue
            for base in {verb, verb[:-3] + "ise" if verb.endswith("ize") else verb}:
                forms |= {base, base + ("es" if base.endswith(("s", "sh", "ch", "x", "z", "o")) else "s")}
                if base.endswith("y") and base[-2:-1] not in "aeiou":
                    forms.add(base[:-1] + "ies")
    return frozenset(forms)


def _squeezed(name: str) -> str:
    """An employer's name as a mail domain writes it: "Boston Scientific" -> "bostonscientific"."""
    return "".join(c for c in name.lower() if c.isalnum())


def run(rule, facts, engine):
    fact = rule.check.fact
    resume, layout = facts.resume, facts.resume.layout
    found = []
    if fact == "repeated_openers":
        scoped = bullets_in_scope(rule, facts)
        openers = Counter(bf.text.split()[0].lower().strip(",.;:") for bf in scoped if bf.text.split())
        for word, count in openers.items():
            if count >= 3:
                first = next(bf for bf in scoped if bf.text.split()[0].lower().strip(",.;:") == word)
                found.append(finding(rule, first, span=(0, len(word)), phrase=word, count=count))
        return found
    if fact == "end_punctuation":  # most end alike; the few that differ are named, each with its mend
        # A bullet that ends on an abbreviation ends either way: it is not counted.
        scoped = [bf for bf in bullets_in_scope(rule, facts) if bf.text.strip() and not ABBREVIATION_END.search(bf.text)]
        ending = [bf for bf in scoped if bf.text.rstrip().endswith(".")]
        bare = [bf for bf in scoped if not bf.text.rstrip().endswith(".")]
        few, kind = (ending, "with a period") if len(ending) <= len(bare) else (bare, "without a period")
        if len(few) >= 2 or few and len(scoped) >= 6:
            for bf in few:
                end = len(bf.text.rstrip())
                fix = ({"span": [end - 1, end], "replacement": ""} if kind == "with a period"
                       else {"span": [end, end], "replacement": "."} if bf.text[end - 1].isalnum() or bf.text[end - 1] in ")%"
                       else None)  # "...: Epic, Cerner?" is left to the writer
                found.append(finding(rule, bf, span=(max(end - 1, 0), end), fix=fix,
                                     count=len(scoped) - len(few), value=kind))
        return found
    if fact == "past_tense":
        verbs = _present_forms(engine, tuple(rule.check.lexicons))
        for bf in bullets_in_scope(rule, facts):
            role = resume.roles[bf.bullet.role] if bf.bullet.role is not None else None
            words = bf.text.split()
            if not (role and _over(role) and words):
                continue
            after = words[1].lower() if len(words) > 1 else ""
            if _present_tense(words[0], verbs, after):
                # "Support for 3 clinics" and "Training and onboarding of ..." may head a noun
                # phrase: flagged, never mended
                mendable = after not in NOUN_AFTER and not words[0].lower().endswith("ing")
                past = past_tense(words[0], engine.text_pipeline.lemma_table) if mendable else None
                fix = {"span": [0, len(words[0])], "replacement": past} if past else None
                made = finding(rule, bf, span=(0, len(words[0])), fix=fix, phrase=words[0], suggest=past)
                made.suggestion = made.suggestion if past else ""  # nothing to offer but the advice
                found.append(made)
        return found
    if fact == "role_dates":  # a role with no dates: tenure cannot be read
        wanted = set(rule.sections)
        for role in resume.roles:
            if role.section in wanted and not role.start and (role.title or role.employer):
                found.append(finding(rule, anchor=role.anchor, section=role.section,
                                     phrase=" at ".join(x for x in (role.title, role.employer) if x)))
        return found
    if fact == "functional_layout":  # results gathered under skill headings, jobs listed bare
        jobs = [r for r in resume.roles if r.section == "experience"]
        achieved = sum(1 for b in resume.bullets if b.section == "accomplishments")
        if jobs and achieved >= 2 and not any(r.bullets for r in jobs):
            heading = next(s for s in resume.sections if s.kind == "accomplishments")
            found.append(finding(rule, anchor=heading.anchor, section=heading.kind, phrase=heading.heading))
        return found
    if fact == "work_email":  # "jane.doe@pfizer.com" while at Pfizer: the employer reads the mailbox
        domain = resume.contact.email.rpartition("@")[2].lower()
        name = domain.split(".")[-2] if domain.count(".") >= 1 else ""
        current = [r.employer for r in resume.roles if r.end == "present" and r.employer]
        if len(name) >= 3 and any(name == _squeezed(e) or name == _squeezed(e.split()[0]) for e in current):
            found.append(finding(rule, section="contact", phrase=resume.contact.email))
        return found
    if fact == "missing_section":
        if resume.section(rule.check.section) is None:
            found.append(finding(rule, section=rule.check.section))
        return found
    if fact == "missing_contact":
        if not getattr(resume.contact, rule.check.field, ""):
            found.append(finding(rule, field=rule.check.field))
        return found
    value = {
        "layout_tables": layout.layout_tables,
        "text_boxes": layout.text_boxes,
        "header_contact": int(resume.contact.in_header_only),
        "images": layout.images,
        "columns": layout.columns if layout.columns > 1 else 0,
        "hidden_text": len(layout.hidden_text),
        "stuffed_text": len(layout.stuffed_text),
        "nonstandard_headings": len(layout.nonstandard_headings),
        "tracked_changes": layout.tracked_changes,
        "comments": layout.comments,
    }[fact]
    if value:
        detail = {"hidden_text": layout.hidden_text, "stuffed_text": layout.stuffed_text,
                  "nonstandard_headings": layout.nonstandard_headings}.get(fact, [])
        found.append(finding(rule, count=value, value=", ".join(detail)[:200]))
    return found
