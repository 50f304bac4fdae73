"""`resumefit tailor`: the candidate's own .docx, edited as tracked changes, opened again
with python-docx and checked for content and order; and the gap report."""

from __future__ import annotations

import hashlib
import os
import json
import re
import zipfile
from datetime import datetime, timezone

import pytest
from click.testing import CliRunner
from hypothesis import example, given, settings
from hypothesis import strategies as st
from docx import Document

from ooxml import make_docx, p, run, sdt, t, table, textbox
from tailoring import ROLE_1, ROLE_2, W, accepted, body_texts, document_xml, nurse_body, tailored
from resumefit import api
from resumefit.cli import main
from resumefit.tailor.run import Options
from resumefit.tailor.run import tailor as tailor_copies


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def nurse(tmp_path):
    return make_docx(tmp_path / "nurse.docx", nurse_body())


def test_tracked_copy_reorders_rewrites_and_adds_a_summary(nurse):
    before = hashlib.sha256(nurse.read_bytes()).hexdigest()
    out, t = tailored(nurse, when=datetime(2026, 11, 24, tzinfo=timezone.utc))
    assert hashlib.sha256(nurse.read_bytes()).hexdigest() == before  # the input is never touched
    texts = body_texts(out)
    first_role = texts.index("Registered Nurse, Operating Room | Mercy General Hospital | 2019 – Present")
    assert texts[first_role + 1] == ROLE_1[2]  # the result with device terms comes first
    assert texts[first_role + 3] == ROLE_1[0]  # the bullet with neither comes last
    assert "Supported product trials for the value analysis committee." in texts
    assert texts[2] == "Summary" and "medical device sales" in texts[3]
    root = document_xml(out)
    revisions = root.findall(f".//{W}ins") + root.findall(f".//{W}del")
    assert revisions and {r.get(W + "author") for r in revisions} == {"resumefit"}
    assert {r.get(W + "date") for r in revisions} == {"2026-11-24T00:00:00Z"}
    deleted = "".join(t.text for t in root.iter(W + "delText"))
    assert "Helped with" in deleted and "Charted patient vitals" in deleted  # moved: deleted here, inserted there
    ids = [r.get(W + "id") for r in revisions]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("bullet, mended", [
    ("Was awarded the Daisy Award for 2021.", "Earned the Daisy Award for 2021."),
    ("Was named Rookie of the Year in 2017.", "Named Rookie of the Year in 2017."),
    ("Was selected to lead the pump rollout for 40 nurses.", "Selected to lead the pump rollout for 40 nurses."),
    ("Participated in 3 product launches.", "Contributed to 3 product launches."),
    # present tense in a past role, in the candidate's own spelling
    ("Manages a caseload of 6 post-surgical patients per shift.", "Managed a caseload of 6 post-surgical patients per shift."),
    ("Organise 3 product fairs for 40 nurses.", "Organised 3 product fairs for 40 nurses."),
    ("Lead 4 unit huddles a week.", "Led 4 unit huddles a week."),
])
def test_a_safe_fix_mends_the_opener_in_the_copy(tmp_path, bullet, mended):
    body = nurse_body().replace(ROLE_2[0], bullet)
    texts = body_texts(tailored(make_docx(tmp_path / "r.docx", body), track=False)[0])
    assert mended in texts and bullet not in texts


@pytest.mark.parametrize("bullet", ["Support for 3 clinics during the EHR go-live.",
                                    "Training and onboarding of 12 new hires.",
                                    "Lead generation for 3 clinics through webinars."])
def test_a_present_tense_that_may_head_a_noun_phrase_is_never_mended(tmp_path, bullet):
    """"Supported for 3 clinics", "Trained and onboarding of" or "Led generation" would garble it."""
    body = nurse_body().replace(ROLE_2[0], bullet)
    texts = body_texts(tailored(make_docx(tmp_path / "r.docx", body), track=False)[0])
    assert bullet in texts


def test_of_two_fixes_at_one_place_the_longer_is_made_and_the_other_left():
    """"Assist with" in a past role is both a present tense ("Assisted") and a weak opener
    ("Supported"): making both would garble the bullet."""
    from types import SimpleNamespace

    from resumefit.model import Finding
    from resumefit.tailor.plan import Plan, _plan_rewrites

    text = "Assist with 3 product trials."
    tense = Finding("RF-CORE-008", "tense", "info", "present tense", anchor="a", text=text,
                    fix={"span": [0, 6], "replacement": "Assisted"})
    opener = Finding("RF-CORE-002", "opener", "warning", "weak opener", anchor="a", text=text,
                     fix={"span": [0, 11], "replacement": "Supported"})
    for findings in ([tense, opener], [opener, tense]):
        plan = Plan("device")
        _plan_rewrites(plan, SimpleNamespace(findings=findings))
        assert plan.rewrites == [("a", text, "Supported 3 product trials.")]


@pytest.mark.parametrize("skills_line", ["Spanish, Epic, Case coverage, Sterile technique",  # reordered too
                                         "Case coverage, Sterile technique, Epic, Spanish"])  # in order already
def test_tools_the_bullets_show_join_the_skills_line_as_written(tmp_path, skills_line):
    """"Epic OpTime" and "Salesforce" are named in bullets, not in the skills: the copy adds
    them to the skills line (tracked, after its items), as the bullets write them."""
    body = nurse_body().replace(ROLE_2[2], "Logged 200 implant cases in Epic OpTime and tracked trials in Salesforce.")
    body = body.replace("Spanish, Epic, Case coverage, Sterile technique", skills_line)
    out, t = tailored(make_docx(tmp_path / "r.docx", body), track=True)
    skills = next(text for text in body_texts(out) if "Sterile technique" in text)
    assert skills.startswith("Case coverage") and skills.endswith(", Epic OpTime, Salesforce"), skills
    assert "Epic OpTime" in t.text_after and [c for c in t.plan.changes if c.kind == "skills" and "OpTime" in c.after]
    inserted = "".join(x.text or "" for ins in document_xml(out).iter(W + "ins") for x in ins.iter(W + "t"))
    assert ", Epic OpTime, Salesforce" in inserted  # tracked, to accept or reject


@pytest.mark.parametrize("track", [False, True])
def test_bullets_typed_in_one_paragraph_are_reordered_and_mended_line_by_line(tmp_path, track):
    """Lines a Shift+Enter apart change places by their text: each place keeps its glyph and
    its line break and takes the text ranked there, mended; none is removed one by one."""
    br = "<w:r><w:br/></w:r>"
    lines = ["• Charted patient vitals on every shift.", "• Helped with product trials for the VAC.",
             "• Circulated 600+ orthopedic and spine cases a year alongside 14 surgeons."]
    body = "".join([p("Jordan Rivera"), p("Experience", style="Heading1"),
                    p("Registered Nurse | Mercy General Hospital | 2019 – Present", bold=True),
                    p(runs=br.join(run(line) for line in lines))])
    out, t = tailored(make_docx(tmp_path / "r.docx", body), track=track, comments=True, max_bullets=2)
    [para] = [e for e in document_xml(out).iter(f"{W}p") if "Charted" in accepted(e)]
    assert accepted(para) == ("• Circulated 600+ orthopedic and spine cases a year alongside 14 surgeons."
                              "• Supported product trials for the VAC.• Charted patient vitals on every shift.")
    assert len(para.findall(f".//{W}br")) == 2 and not t.plan.orders and not t.plan.removals
    assert [note for note in t.applied.skipped] == ["Registered Nurse at Mercy General Hospital: its bullets are typed "
                                                    "in one paragraph, a line apart, so --max-bullets 2 removes none of them"]
    if track:  # the first place's old text is a tracked deletion, its new text an insertion
        deleted = "".join(x.text or "" for d in para.iter(f"{W}del") for x in d.iter(f"{W}delText"))
        assert "Charted patient vitals on every shift." in deleted and "Helped with" in deleted
    comments = zipfile.ZipFile(out).read("word/comments.xml").decode()
    assert "Question for you" in comments  # each bullet's note still reaches its paragraph


def test_a_role_with_lines_of_one_paragraph_and_separate_bullets_keeps_its_order_and_says_why(tmp_path):
    br = "<w:r><w:br/></w:r>"
    lines = ["• Charted patient vitals on every shift.", "• Helped with product trials for the VAC."]
    body = "".join([p("Jordan Rivera"), p("Experience", style="Heading1"),
                    p("Registered Nurse | Mercy General Hospital | 2019 – Present", bold=True),
                    p(runs=br.join(run(line) for line in lines)),
                    p("Circulated 600+ orthopedic and spine cases a year alongside 14 surgeons.", style="ListBullet")])
    out, t = tailored(make_docx(tmp_path / "r.docx", body))
    assert not t.plan.orders and not t.plan.line_orders
    assert any("some of its bullets are typed in one paragraph" in note for note in t.applied.skipped)
    assert "Supported product trials" in " ".join(body_texts(out))  # mended all the same


def test_a_highlight_asks_its_question_under_its_sections_heading(tmp_path):
    body = "".join([p("Dana Whitfield"), p("dana@example.com"), p("Career Highlights", style="Heading1"),
                    p("Built strong relationships with KOLs across the region", style="ListBullet"),
                    p("Experience", style="Heading1"), p("Account Manager | Genzyme | 2019 – Present", bold=True),
                    p("Reached 142% of launch goal.", style="ListBullet")])
    path = make_docx(tmp_path / "hl.docx", body)
    result = CliRunner().invoke(main, ["tailor", str(path), "--target", "biotech", "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    html = (tmp_path / "out" / "hl.biotech.report.html").read_text(encoding="utf-8")
    card = html[html.index('<section id="questions">'):]
    assert '<div class="role">Career Highlights</div>' in card and "prescribers or clinicians" in card


def test_a_bullet_with_what_the_posting_requires_leads_one_with_its_wish_list(tmp_path):
    posting = tmp_path / "job.txt"
    posting.write_text("Associate Sales Representative\nRequirements\n- Case coverage in the OR\n"
                       "Preferred Qualifications\n- Salesforce\n", encoding="utf-8")
    body = "".join([p("Jordan Rivera"), p("Experience", style="Heading1"),
                    p("Registered Nurse | Mercy General Hospital | 2019 – Present", bold=True),
                    p("Logged call notes in Salesforce.", style="ListBullet"),
                    p("Provided case coverage for joint cases.", style="ListBullet")])
    path = make_docx(tmp_path / "r.docx", body)
    result = CliRunner().invoke(main, ["tailor", str(path), "--target", "device", "--job", str(posting),
                                       "-o", str(tmp_path / "out"), "--clean"])
    assert result.exit_code == 0, result.output
    texts = body_texts(tmp_path / "out" / "r.device.docx")
    assert texts.index("Provided case coverage for joint cases.") < texts.index("Logged call notes in Salesforce.")


def test_rejecting_every_change_gives_back_the_original_text(nurse):
    out, _ = tailored(nurse)
    root = document_xml(out)
    for ins in list(root.iter(W + "ins")):  # reject: drop insertions, keep deletions as text
        if ins.getparent().tag == W + "rPr":
            ins.getparent().getparent().getparent().getparent().remove(ins.getparent().getparent().getparent())
        else:
            ins.getparent().remove(ins)
    for el in root.iter(W + "delText"):
        el.tag = W + "t"
    texts = ["".join(t.text or "" for t in para.iter(W + "t")) for para in root.iter(W + "p")]
    assert [x for x in texts if x] == body_texts(nurse)


def test_clean_copy_applies_the_edits(nurse):
    out, _ = tailored(nurse, track=False)
    root = document_xml(out)
    assert root.find(f".//{W}ins") is None and root.find(f".//{W}del") is None
    texts = body_texts(out)
    assert texts.index(ROLE_1[2]) < texts.index(ROLE_1[0])
    assert "Helped with product trials for the value analysis committee." not in texts


@pytest.mark.parametrize("track", [False, True])
def test_max_bullets_removes_the_least_relevant(nurse, track):
    out, t = tailored(nurse, track=track, max_bullets=2)
    texts = body_texts(out)
    assert ROLE_1[0] not in texts and ROLE_1[2] in texts
    assert [len(role.bullets) for role in api.parse(out).roles] == [2, 2]
    assert {c.kind for c in t.plan.changes} >= {"remove"}


@pytest.mark.parametrize("track", [True, False])
def test_a_reorder_leaves_the_space_after_a_role_at_its_last_bullet(tmp_path, track):
    """The last bullet of a role often carries the space before the next role; it stays
    with the last place, whichever bullet moves there (tracked as a formatting change)."""
    spaced = '<w:spacing w:after="240"/>'
    last = p(ROLE_1[2], style="ListBullet")
    body = nurse_body().replace(last, last.replace("</w:pStyle>", "").replace(
        '<w:pStyle w:val="ListBullet"/>', f'<w:pStyle w:val="ListBullet"/>{spaced}'))
    assert spaced in body
    out, _ = tailored(make_docx(tmp_path / "r.docx", body), track=track)
    paragraphs = [para for para in Document(str(out)).element.body.iter(W + "p") if accepted(para)]
    texts = [accepted(para) for para in paragraphs]
    start = next(n for n, t in enumerate(texts) if t.startswith("Registered Nurse, Operating Room |")) + 1
    role = paragraphs[start:next(n for n, t in enumerate(texts) if t.startswith("Staff Nurse |"))]
    assert accepted(role[0]).startswith("Circulated 600+")  # the reorder happened
    after = [para.find(f"{W}pPr/{W}spacing") for para in role]
    assert [s is not None and s.get(W + "after") for s in after] == [False] * (len(role) - 1) + ["240"]
    changes = [para for para in role if para.find(f"{W}pPr/{W}pPrChange") is not None]
    assert bool(changes) == track  # tracked: rejecting the change gives the old spacing back


def test_a_first_person_opening_is_dropped_and_my_becomes_the(tmp_path):
    body = nurse_body().replace(ROLE_2[1], "I educated patients and families on discharge plans.").replace(
        ROLE_2[2], "Worked closely with device representatives during my total joint cases.").replace(
        ROLE_1[0], "Participated in 3 product launches with the device rep.")
    texts = body_texts(tailored(make_docx(tmp_path / "r.docx", body), track=False)[0])
    assert "Educated patients and families on discharge plans." in texts
    assert "Contributed to 3 product launches with the device rep." in texts
    assert any(t.endswith("device representatives during the total joint cases.") for t in texts)


@pytest.mark.parametrize("track", [True, False])
def test_a_reorder_keeps_the_blank_lines_between_bullets_where_they_were(tmp_path, track):
    """Some resumes space their bullets with empty paragraphs: each bullet moves into a
    place, and the blank lines stay between the places."""
    body = nurse_body().replace("".join(p(b, style="ListBullet") for b in ROLE_1),
                                p().join(p(b, style="ListBullet") for b in ROLE_1))
    out, _ = tailored(make_docx(tmp_path / "r.docx", body), track=track)
    shown = [para for para in Document(str(out)).element.body.iter(W + "p")
             if para.find(f"{W}pPr/{W}rPr/{W}del") is None]  # a deleted paragraph is gone once accepted
    texts = [accepted(para) for para in shown]
    start = texts.index("Registered Nurse, Operating Room | Mercy General Hospital | 2019 – Present") + 1
    role = texts[start:texts.index("Staff Nurse | Sutter Health | 2016 – 2019")]
    assert [bool(t) for t in role] == [True, False, True, False, True], role
    assert role[0].startswith("Circulated 600+")


@pytest.mark.parametrize("track", [True, False])
def test_typed_numbers_stay_in_order_when_their_bullets_move(tmp_path, track):
    body = nurse_body().replace("".join(p(b, style="ListBullet") for b in ROLE_1),
                                "".join(p(f"{n}. {b}") for n, b in enumerate(ROLE_1, 1)))
    path = make_docx(tmp_path / "r.docx", body)
    assert [b.text for b in api.parse(path).roles[0].bullets] == ROLE_1  # the number is not the bullet's text
    texts = body_texts(tailored(path, track=track)[0])
    start = texts.index("Registered Nurse, Operating Room | Mercy General Hospital | 2019 – Present") + 1
    role = texts[start:start + 3]
    assert [t[:3] for t in role] == ["1. ", "2. ", "3. "], role
    assert role[0].startswith("1. Circulated 600+")


def test_skills_lead_with_the_target(nurse):
    texts = body_texts(tailored(nurse, track=False)[0])
    skills = texts[texts.index("Skills") + 1]
    assert skills.startswith(("Case coverage, Sterile technique", "Sterile technique, Case coverage"))
    assert sorted(skills.split(", ")) == sorted("Spanish, Epic, Case coverage, Sterile technique".split(", "))


def test_a_skill_with_a_list_in_parentheses_moves_whole(tmp_path):
    body = nurse_body().replace("Spanish, Epic, Case coverage, Sterile technique",
                                "Microsoft Office (Word, Excel, PowerPoint), Spanish, Case coverage")
    texts = body_texts(tailored(make_docx(tmp_path / "r.docx", body), track=False)[0])
    skills = texts[texts.index("Skills") + 1]
    # Excel is a device tool too, so it comes before Spanish but after a selling skill;
    # the parenthesis stays whole
    assert skills == "Case coverage, Microsoft Office (Word, Excel, PowerPoint), Spanish"
    assert api.parse(tmp_path / "r.docx").skills == ["Microsoft Office (Word, Excel, PowerPoint)", "Spanish",
                                                      "Case coverage"]


def test_skills_one_to_a_table_cell_change_places_and_the_table_stays(tmp_path):
    """A grid of skills: each cell keeps its place in the table and takes another skill's text."""
    grid = table([[p("Spanish"), p("Epic"), p("Excel")], [p("Case coverage"), p("Sterile technique"), p("Tableau")]])
    body = nurse_body().replace(p("Spanish, Epic, Case coverage, Sterile technique"), grid)
    out, t = tailored(make_docx(tmp_path / "r.docx", body))
    assert not t.applied.skipped, t.applied.skipped
    rows = [[accepted(c.find(f"{W}p")) for c in tr.iter(f"{W}tc")] for tr in document_xml(out).iter(f"{W}tr")]
    cells = [c for row in rows for c in row]
    assert len(rows) == 2 and sorted(cells) == sorted(["Spanish", "Epic", "Excel", "Case coverage",
                                                       "Sterile technique", "Tableau"])
    assert set(cells[:2]) == {"Case coverage", "Sterile technique"} and cells[-1] in ("Spanish", "Tableau")


SKILL_WORDS = ["Epic", "Case coverage", "Salesforce", "Spanish", "Excel", "Sterile technique", "CRM", "Veeva",
               "Microsoft Office (Word, Excel)", "Surgeon preference cards", "BLS; ACLS", "Tableau (dashboards)"]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(SKILL_WORDS), min_size=2, max_size=6, unique=True),
       st.sampled_from([", ", "; ", " | ", " • "]), st.booleans())
@example(["Spanish", "Microsoft Office (Word, Excel)", "Case coverage"], ", ", False)
def test_reordering_skills_keeps_every_skill_whole(tmp_path_factory, items, separator, labelled):
    """Whatever the separators, parentheses and labels, the tailored skills line holds the
    same skills as the original, each whole."""
    line = ("Skills and tools: " if labelled else "") + separator.join(items)
    folder = tmp_path_factory.mktemp("skills")
    path = make_docx(folder / "r.docx", nurse_body().replace("Spanish, Epic, Case coverage, Sterile technique", line))
    texts = body_texts(tailored(path, track=False)[0])
    after = texts[texts.index("Skills") + 1]
    # "BLS; ACLS" joined by "; " is two skills; parentheses keep "Microsoft Office (Word, Excel)" one
    skills = [piece for item in items for piece in ([item] if "(" in item else item.split(separator))]
    assert len(after) == len(line) and all(skill in after for skill in skills), after


@pytest.mark.parametrize("track", [True, False])
def test_a_line_typed_a_shift_enter_apart_in_one_run_is_rewritten_alone(tmp_path, track):
    """Word writes lines typed a Shift+Enter apart with the same formatting as one run
    ("line<w:br/>line"): a safe fix to one line splits the run, and the break stays."""
    lines = ["• Helped with product trials for 3 surgeons.", "• Circulated 600+ orthopedic cases a year."]
    one_run = "<w:r><w:rPr><w:i/></w:rPr>" + "<w:br/>".join(t(line) for line in lines) + "</w:r>"
    body = nurse_body().replace(p(ROLE_1[1], style="ListBullet"), p(runs=one_run))
    out, result = tailored(make_docx(tmp_path / "r.docx", body), track=track)
    assert not [s for s in result.applied.skipped if s.startswith("rewrite")], result.applied.skipped
    [para] = [e for e in document_xml(out).iter(f"{W}p") if "orthopedic cases a year" in accepted(e)]
    assert accepted(para) == "• Supported product trials for 3 surgeons.• Circulated 600+ orthopedic cases a year."
    assert len(para.findall(f".//{W}br")) == 1 and all(r.find(f"{W}rPr/{W}i") is not None for r in para.iter(f"{W}r"))


def test_comments_carry_findings_and_questions(nurse):
    out, _ = tailored(nurse, comments=True)
    comments = list(Document(str(out)).comments)
    assert comments and all(c.author == "resumefit" for c in comments)
    assert any("Question for you:" in c.text for c in comments)
    root = document_xml(out)
    starts = {e.get(W + "id") for e in root.iter(W + "commentRangeStart")}
    assert starts == {e.get(W + "id") for e in root.iter(W + "commentReference")} == {str(c.comment_id) for c in comments}


def test_everything_else_in_the_package_survives(tmp_path):
    extra = table([["Languages", "Spanish"]]) + sdt(p("Certifications: CNOR")) + p(runs=textbox(p("Available 2025")))
    path = make_docx(tmp_path / "rich.docx", nurse_body(extra=extra), header=p("Jordan Rivera — page header"))
    out, _ = tailored(path)
    with zipfile.ZipFile(path) as a, zipfile.ZipFile(out) as b:
        assert a.namelist() == b.namelist()
        for name in a.namelist():
            if name != "word/document.xml":
                assert a.read(name) == b.read(name), name
    old, new = document_xml(path), document_xml(out)
    for tag in ("tbl", "sdt", "txbxContent", "sectPr", "numPr"):
        assert len(old.findall(f".//{W}{tag}")) <= len(new.findall(f".//{W}{tag}")), tag
    assert api.parse(out).contact.email == "jordan@example.com"  # the reader reads its own output


def test_every_corpus_file_the_reader_accepts_can_be_tailored(tmp_path):
    from test_corpus import CORPUS, READ

    engine = api.engine()
    for name in READ:
        source = CORPUS / name
        result = engine.check(api.parse(source), ["device"])
        [t] = tailor_copies(source, result, ["device"], Options(comments=True))
        out = tmp_path / (source.stem + ".docx")
        out.write_bytes(t.docx)
        api.parse(out)  # still a document the reader accepts
        assert not re.findall(r"\d+", t.text_after) or set(re.findall(r"\d+", t.text_after)) <= set(
            re.findall(r"\d+", t.text_before)), name


def test_cli_writes_both_outputs_and_refuses_to_overwrite(nurse, tmp_path):
    outdir = tmp_path / "out"
    result = invoke("tailor", nurse, "--target", "device", "-o", outdir)
    assert result.exit_code == 0, result.output
    assert sorted(f.name for f in outdir.iterdir()) == ["nurse.device.docx", "nurse.device.report.html"]
    again = invoke("tailor", nurse, "--target", "device", "-o", outdir)
    assert again.exit_code == 2 and len(again.stderr.strip().splitlines()) == 1
    assert "--force" in again.stderr
    assert invoke("tailor", nurse, "--target", "device", "-o", outdir, "--force").exit_code == 0
    assert sorted(f.name for f in outdir.iterdir()) == ["nurse.device.docx", "nurse.device.report.html"]  # no temp files


def test_cli_refuses_bad_resumes_like_the_reader(tmp_path):
    bad = tmp_path / "resume.docx"
    bad.write_bytes(b"not a zip")
    result = invoke("tailor", bad, "--target", "device", "-o", tmp_path)
    assert result.exit_code == 2 and "resume.docx" in result.stderr


def test_target_all_writes_one_copy_per_segment_and_a_comparison(nurse, tmp_path):
    result = invoke("tailor", nurse, "--target", "all", "-o", tmp_path / "all", "--report-format", "json")
    assert result.exit_code == 0, result.output
    names = sorted(f.name for f in (tmp_path / "all").iterdir())
    assert names == sorted([f"nurse.{s}.docx" for s in ("pharma", "device", "biotech", "software")]
                           + [f"nurse.{s}.report.json" for s in ("pharma", "device", "biotech", "software")]
                           + ["nurse.all.report.json"])
    comparison = json.loads((tmp_path / "all" / "nurse.all.report.json").read_text())
    assert comparison["best"] == "device"
    assert [s["segment"] for s in comparison["segments"]][0] == "device"
    assert all(s["advice"] for s in comparison["segments"])
    invoke("tailor", nurse, "--target", "all", "-o", tmp_path / "html")
    page = (tmp_path / "html" / "nurse.all.report.html").read_text()
    # every copy and report is one click away, and every link finds its file
    links = re.findall(r'href="\./([^"]+)"', page)
    assert {"nurse.device.docx", "nurse.device.report.html"} <= set(links)
    assert all((tmp_path / "html" / link).exists() for link in links)


def test_report_formats_and_escaping(tmp_path):
    path = make_docx(tmp_path / "nasty.docx", nurse_body().replace(
        "Charted patient vitals on every shift.", "Charted vitals &lt;script&gt;alert(1)&lt;/script&gt; *bold* [link](x)."))
    out = tmp_path / "out"
    assert invoke("tailor", path, "--target", "device", "-o", out).exit_code == 0
    html = (out / "nasty.device.report.html").read_text()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert not re.search(r"<(link|img|script)\b|src=|@import|url\(", html)  # self-contained
    assert invoke("tailor", path, "--target", "device", "-o", out, "--report-format", "md", "--force").exit_code == 0
    md = (out / "nasty.device.report.md").read_text()
    assert r"\*bold\*" in md and r"\[link\]\(x\)" in md
    assert invoke("tailor", path, "--target", "device", "-o", out, "--report-format", "json", "--force").exit_code == 0
    data = json.loads((out / "nasty.device.report.json").read_text())
    assert data["schema"] == "resumefit.gap-report/v1" and data["segment"] == "device"
    assert {q["id"] for q in data["questions"]} == {b["id"] for b in data["bullets"]
                                                    if not b["metrics"] and b["section"] == "experience"}
    assert data["changes"] and all({"kind", "before", "after", "reason"} <= set(c) for c in data["changes"])


def test_report_lists_gaps_questions_and_the_posting(nurse, tmp_path):
    posting = tmp_path / "job.txt"
    posting.write_text("Device associate\nProvide case coverage for surgeons; track pipeline in Salesforce.\n")
    out = tmp_path / "out"
    assert invoke("tailor", nurse, "--target", "device", "-o", out, "--job", posting,
                  "--report-format", "json").exit_code == 0
    data = json.loads((out / "nurse.device.report.json").read_text())
    assert data["job"]["total"] >= 3 and "Salesforce" in {t["term"] for t in data["job"]["terms"] if not t["found"]}
    categories = {k["category"]: k for k in data["keywords"]}
    assert {"customers", "products", "clinical", "sales process", "tools", "credentials"} <= set(categories)
    assert any(m["link"].startswith("b") for m in categories["customers"]["matched"])
    assert any("How many" in q["question"] for q in data["questions"])


def test_the_report_keeps_what_the_whole_resume_lacks_apart_from_its_layout(tmp_path):
    """"No pharma customer named" is about the resume's words, not about what an applicant
    tracking system can read."""
    body = [p("Morgan Lee"), p("morgan@example.com | (704) 555-0133"), p("Experience", style="Heading1"),
            p("Chemistry Teacher | Mecklenburg County Schools | 2017 – Present", bold=True),
            p("Raised AP pass rates from 54% to 78% in three years.", style="ListBullet"),
            p("Education", style="Heading1"), p("B.S. Chemistry, UNC Charlotte, 2014")]
    path = make_docx(tmp_path / "teacher.docx", "".join(body))
    for fmt, heading in (("md", "\n## "), ("html", "<h2>")):
        assert invoke("tailor", path, "--target", "pharma", "-o", tmp_path / fmt, "--report-format", fmt).exit_code == 0
        report = (tmp_path / fmt / f"teacher.pharma.report.{fmt}").read_text(encoding="utf-8")
        sections = {part.split("\n")[0].split("<")[0].strip(): part for part in report.split(heading)[1:]}
        assert "None of the customers this segment sells to is named" in sections["The whole resume"]
        assert "customers" not in sections["Applicant tracking systems"] and "No layout problems" in sections[
            "Applicant tracking systems"]


@pytest.mark.parametrize("bullet, asks", [
    ("Assisted with IRB submissions and protocol amendments for the sponsor.", "submissions"),
    ("Worked closely with the specialty pharmacy on investigational product handling.", "physicians, sites or teams"),
    ("Scheduled infusion center visits and dosing windows.", "visits"),
    ("Responsible for grading and classroom management.", "by how much"),  # nothing more specific: the default
    ("Responsible for stocking supply rooms.", "stockouts, waste or spend"),
    ("Helped with implant inventory for the ambulatory surgery center.", "stockouts, waste or spend"),
    ("Managed the unit's supply budget.", "How large a budget"),
    ("Responsible for monthly equipment checks on the aircraft.", "devices or units"),
    ("Maintained narcotics logs and restocked the rig every shift.", "stockouts, waste or spend"),
    ("Presented lesson plans to parents and administrators at open houses.", "To how many people or groups"),
    # a phrase: "product trials" are not clinical trials, and "in-services" is one key
    ("Worked closely with Dräger clinical reps during product trials and in-services.", "in-services or demos"),
    ("Responsible for precepting new graduate therapists.", "train or educate"),
    # access work is counted in authorizations and days to therapy, not in accounts
    ("Helped practices with prior authorization and benefits verification.", "approval rate"),
    # a result named without its size: its size is the question, not the head count
    ("Educated patients with COPD on inhaler technique, improving readmission rates", "from what to what"),
    ("Utilized Veeva CRM and IQVIA data to prioritize targets.", "prescribers or clinicians"),
    ("Built strong relationships with KOLs across the region.", "prescribers or clinicians"),
    # a respiratory therapist's work is counted per shift; a change she led, by its reach
    ("Performed arterial blood gas draws and ran bronchoscopy assists.", "per shift, day, week or year"),
    ("Led the respiratory department's transition to capnography monitoring for post-op patients.", "did it reach"),
    ("Partnered with pulmonologists on a home oxygen program.", "prescribers or clinicians"),
])
def test_a_question_fits_the_work_the_bullet_describes(bullet, asks):
    from resumefit.tailor.questions import question_for

    assert asks in question_for(bullet)
    assert "surgeons" not in question_for(bullet)  # a research coordinator has none to count


def pharma_rep(path, bullets: list[str]):
    """A pharma rep's one-role resume; the role's bullets are paragraphs p3, p4 ..."""
    head = [p("Jordan Rivera"), p("Experience", style="Heading1"),
            p("Pharmaceutical Sales Representative | Novo Nordisk | 2016 – 2020", bold=True)]
    return make_docx(path, "".join(head + [p(b, style="ListBullet") for b in bullets]))


def test_a_sales_award_keeps_its_place_above_bullets_with_more_segment_terms(tmp_path):
    path = pharma_rep(tmp_path / "rep.docx", ["President's Club 2019 (top 5% of 700 reps).",
                                              "Maintained 95% reach and frequency on top-decile targets.",
                                              "Grew formulary access 30% through the P&T committee."])
    out, t = tailored(path, "pharma")
    assert not t.plan.orders or t.plan.orders[0][0] == "word/document.xml#p3"  # the award still leads


def test_a_bullet_with_a_compliance_error_never_leads_its_role_and_goes_first_when_trimming(tmp_path):
    """Its numbers and terms would rank it first; a reviewer would stop reading there."""
    path = pharma_rep(tmp_path / "rep.docx", ["Maintained 95% reach and frequency on top-decile targets.",
                                              "Grew TRx 30% with 40 HCPs by giving gift cards to top prescribers.",
                                              "Presented formulary updates to the P&T committee."])
    out, t = tailored(path, "pharma", max_bullets=2)
    assert t.plan.removals == ["word/document.xml#p4"]
    assert "gift cards" not in t.plan.summary


@pytest.mark.skipif(os.name == "nt", reason="Windows file names cannot hold ':'")
def test_a_file_name_never_becomes_a_script_link_in_the_comparison(nurse, tmp_path):
    named = tmp_path / "javascript:alert(1).docx"
    named.write_bytes(nurse.read_bytes())
    result = CliRunner().invoke(main, ["tailor", str(named), "--target", "all", "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    html = (tmp_path / "out" / "javascript:alert(1).all.report.html").read_text(encoding="utf-8")
    links = re.findall(r'href="([^"]*)"', html)
    assert links and all(link.startswith(("./", "#")) for link in links)
    assert "./javascript%3Aalert%281%29.device.report.html" in links  # the file beside it, percent-encoded


def test_bullets_that_end_unlike_the_rest_end_as_most_do(tmp_path):
    """Most bullets end with a period: the two without one gain it, as a tracked change, and
    the check names each of them."""
    bullets = ["Circulated 600+ orthopedic cases a year.", "Trained 45 perioperative staff on new pumps",
               "Cut room turnover 18% with sterile processing.", "Precepted 12 new graduate nurses (2 cohorts)",
               "Scrubbed 300 total joint cases with 4 surgeons."]
    body = "".join([p("Jordan Rivera"), p("jordan@example.com"), p("Experience", style="Heading1"),
                    p("Registered Nurse | Mercy General Hospital | 2019 – Present", bold=True)]
                   + [p(b, style="ListBullet") for b in bullets])
    path = make_docx(tmp_path / "r.docx", body)
    result = api.engine().check(api.parse(path), ["device"], select=["RF-CORE-036"])
    assert [f.text for f in result.findings] == [bullets[1], bullets[3]]
    assert result.findings[0].message == "This bullet ends without a period, unlike the other 3; end them all alike."
    out, t = tailored(path, track=False)
    assert [b for b in body_texts(out) if b.split()[0] in ("Trained", "Precepted")] == [
        "Trained 45 perioperative staff on new pumps.", "Precepted 12 new graduate nurses (2 cohorts)."]
