"""`resumefit parse` as text: the resume's structure as the reader understood it."""

from __future__ import annotations

from resumefit.model import Resume


def render_outline(resume: Resume) -> str:
    c = resume.contact
    out = [f"{c.name or '(no name found)'}"]
    details = [d for d in (c.email, c.phone, c.location, c.linkedin) if d]
    if details:
        out.append("  " + " | ".join(details) + ("  [in page header/footer only]" if c.in_header_only else ""))
    for section in resume.sections:
        if section.kind == "contact":
            lines = [p.text for p in section.lines if not (c.name and p.text.startswith(c.name))]
            if lines:
                out.append("\n== (before the first heading)")
                out += [f"  {line}" for line in lines]
            continue
        mark = "" if section.standard else "  (non-standard heading)"
        out.append(f"\n== {section.heading} [{section.kind}]{mark}")
        if section.roles:
            for role in section.roles:
                dates = (f"{role.start or '?'} – {role.end}" if role.end
                         else role.start or "no dates")  # one date: "2024" of "Summer 2024"
                where = f", {role.location}" if role.location else ""
                out.append(f"  * {role.title or '(no title)'} @ {role.employer or '(no employer)'}{where} ({dates})")
                for b in role.bullets:
                    kind = " [prose]" if b.kind == "prose" else ""
                    out.append(f"      - {b.text}{kind}   <{b.id} {b.anchor}>")
        elif section.kind == "skills":
            out.append("  " + "; ".join(resume.skills))
        else:
            for p in section.lines:
                out.append(f"  {'- ' if p.list_kind else ''}{p.text}")
    lay = resume.layout
    out.append(f"\nLayout: {lay.pages} page(s), {lay.words} words, {lay.tables} table(s) "
               f"({lay.layout_tables} for layout), {lay.text_boxes} text box(es), {lay.images} image(s), "
               f"{lay.columns} column(s)")
    if lay.hidden_text:
        out.append(f"  hidden text: {len(lay.hidden_text)} passage(s)")
    if lay.stuffed_text:
        out.append(f"  white or tiny text: {len(lay.stuffed_text)} passage(s)")
    if lay.tracked_changes:
        out.append("  tracked changes: pending, neither accepted nor rejected")
    if lay.comments:
        out.append(f"  comments: {lay.comments}")
    if lay.fonts:
        out.append(f"  fonts: {', '.join(lay.fonts)}")
    return "\n".join(out) + "\n"
