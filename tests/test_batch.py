"""`resumefit batch`: a cohort folder with good, broken and hostile resumes, workers that
hang or die, re-runs, interruptions and redaction; every output tells the truth about
every file."""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SHARED
from ooxml import NURSE_ROLES, corrupt_member, make_docx, p
from resumefit import api
from resumefit.batch import pool, run
from resumefit.cli import main

ROOT = Path(__file__).resolve().parents[1]
BROKEN = ["filescraper__invalid__empty.docx", "filescraper__invalid_2007_onwards_corrupted.docx",
          "msoffcrypto__example_password.docx", "msoffcrypto__plain.doc", "docx2python__~_dollar_xample.docx"]


def resume_body(name: str, email: str = "casey@example.com", extra: str = "") -> str:
    body = [p(name), p(f"Denver, CO | (303) 555-0188 | {email} | linkedin.com/in/casey-morgan"),
            p("Experience", style="Heading1")]
    for title, employer, city, start, end, bullets in NURSE_ROLES:
        body += [p(f"{title} | {employer} | {city} | {start} – {end}", bold=True)]
        body += [p(b, style="ListBullet") for b in bullets + ([extra] if extra else [])]
    return "".join(body + [p("Skills", style="Heading1"), p("Epic, Case coverage")])


@pytest.fixture
def cohort(tmp_path):
    folder = tmp_path / "cohort"
    (folder / "nested").mkdir(parents=True)
    shutil.copy(ROOT / "examples" / "or-nurse-to-device.docx", folder)
    shutil.copy(ROOT / "examples" / "pharmacy-tech-to-pharma.docx", folder / "nested")
    make_docx(folder / "casey.docx", resume_body("Casey Morgan"))
    make_docx(folder / "injection.docx", resume_body('=HYPERLINK("http://evil.example","x") <script>alert(1)</script>',
                                                     extra="<script>alert(2)</script> =cmd|' /C calc'!A0 trained staff."))
    for name in BROKEN:
        shutil.copy(SHARED / "corpus" / name, folder / name.replace("~$", "lock-"))
    return folder


def read_outputs(outdir: Path) -> tuple[str, list[dict], list[dict]]:
    html = (outdir / "index.html").read_text(encoding="utf-8")
    with open(outdir / "summary.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    reports = [json.loads(line) for line in (outdir / "results.jsonl").read_text(encoding="utf-8").splitlines()]
    return html, rows, reports


def test_every_file_appears_in_every_output(cohort, tmp_path):
    outdir = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(cohort), "-o", str(outdir), "-j", "2", "--comments"])
    assert result.exit_code in (0, 1), result.output
    inputs = sorted(str(f) for f in cohort.rglob("*") if f.is_file())
    html, rows, reports = read_outputs(outdir)
    assert sorted(r["file"] for r in rows) == inputs
    assert sorted(r["source"] for r in reports) == inputs
    for row in rows:
        assert row["name"] in html
        if row["status"] == "ok":
            assert (outdir / row["report"]).exists() and (outdir / row["reviewed_copy"]).exists()
            fits = row["best_fit"].split(" / ")  # segments that tie are shown together
            assert row["best_fit"] == "none stands out" or set(fits) <= {"pharma", "device", "biotech", "software"}
        else:
            assert row["error"].startswith(row["file"] + ":")
    assert sum(r["status"] == "failed" for r in rows) == len(BROKEN)
    by_name = {r["name"]: r for r in rows}
    assert by_name["or-nurse-to-device"]["best_fit"] == "device"
    assert by_name["pharmacy-tech-to-pharma"]["best_fit"] == "pharma"
    # each student's background, for an advisor to filter the cohort by ("surgery")
    assert by_name["or-nurse-to-device"]["fields_of_work"].split("; ")[0] == "surgery"
    assert by_name["pharmacy-tech-to-pharma"]["fields_of_work"].split("; ")[0] == "pharmacy"
    # an advisor knows the student by name: the dashboard links it, the file shown under it
    assert by_name["or-nurse-to-device"]["candidate"] == "Jordan A. Rivera"
    assert ">Jordan A. Rivera</a>" in html
    assert "4 reviewed" in result.output and f"{len(BROKEN)} could not be reviewed" in result.output


def test_a_tie_for_best_fit_is_shown_as_a_tie_not_as_the_first_segment(tmp_path):
    """A document with nothing of any segment scores the same for all four: the row says no
    segment stands out, and the dashboard's best-fit filter finds it under each segment."""
    folder = tmp_path / "in"
    folder.mkdir()
    make_docx(folder / "notes.docx", p("Meeting notes") + p("Bring the projector on Tuesday."))
    make_docx(folder / "casey.docx", resume_body("Casey Morgan"))
    outdir = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(folder), "-o", str(outdir), "-j", "1"])
    assert result.exit_code in (0, 1), result.output
    html, rows, _ = read_outputs(outdir)
    by_name = {r["name"]: r for r in rows}
    scores = {by_name["notes"][f"score_{t}"] for t in ("pharma", "device", "biotech", "software")}
    assert len(scores) == 1 and by_name["notes"]["best_fit"] == "none stands out"
    assert by_name["casey"]["best_fit"] == "device"
    assert 'data-best="pharma device biotech software"' in html


def test_a_picture_too_damaged_to_copy_fails_only_its_file(tmp_path):
    folder, outdir = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    make_docx(folder / "casey.docx", resume_body("Casey Morgan"))
    picture = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40  # read by no check; copied into the reviewed copy
    corrupt_member(make_docx(folder / "pictured.docx", resume_body("Riley Chen"),
                             extra={"word/media/image1.png": picture}), "word/media/image1.png")
    result = CliRunner().invoke(main, ["batch", str(folder), "-o", str(outdir), "-j", "1", "--comments"])
    assert result.exit_code in (0, 1), result.output
    _, rows, reports = read_outputs(outdir)
    by_name = {r["name"]: r for r in rows}
    assert by_name["casey"]["status"] == "ok" and (outdir / by_name["casey"]["reviewed_copy"]).exists()
    assert by_name["pictured"]["status"] == "failed"
    assert by_name["pictured"]["error"].startswith(f"{folder / 'pictured.docx'}: is damaged (word/media/image1.png")
    assert not (outdir / "reviewed" / "pictured.reviewed.docx").exists()


def test_redact_refuses_only_the_file_with_a_part_it_cannot_parse_and_writes_nothing_for_it(tmp_path):
    """A part the reader never reads (settings) may be broken; the reviewed copy carries every
    part, and a part that does not parse cannot be redacted, so that file fails alone (a
    broken part with nothing of the person in it is carried as it is)."""
    folder, outdir = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    make_docx(folder / "casey.docx", resume_body("Casey Morgan"))
    make_docx(folder / "riley.docx", resume_body("Riley Chen"), extra={"word/settings.xml": b"<w:settings Riley Chen"})
    result = CliRunner().invoke(main, ["batch", str(folder), "-o", str(outdir), "-j", "1", "--comments", "--redact"])
    assert result.exit_code in (0, 1), result.output
    _, rows, _ = read_outputs(outdir)
    assert [r["status"] for r in rows] == ["ok", "failed"]
    assert rows[1]["error"] == ("resume-0002.docx: is damaged (word/settings.xml is not well-formed XML, so it cannot "
                                "be redacted); open it in Word, save a new copy and try that.")
    written = [f.name for folder in ("reports", "reviewed") for f in (outdir / folder).iterdir()]
    assert written == ["resume-0001.html", "resume-0001.reviewed.docx"]


def test_a_run_where_no_file_could_be_reviewed_is_exit_2(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in BROKEN[:3]:
        shutil.copy(SHARED / "corpus" / name, folder / name)
    result = CliRunner().invoke(main, ["batch", str(folder), "-o", str(tmp_path / "out"), "-j", "1"])
    assert result.exit_code == 2
    assert result.stderr.strip().startswith("none of the 3 file(s) could be reviewed")
    _, rows, _ = read_outputs(tmp_path / "out")
    assert [r["status"] for r in rows] == ["failed"] * 3


def test_hostile_content_stays_inert(cohort, tmp_path):
    outdir = tmp_path / "out"
    api.batch([cohort], ["device"], outdir, workers=1)
    html, rows, reports = read_outputs(outdir)
    assert html.count("<script>") == 1  # the dashboard's own sort-and-filter script only
    assert "&lt;script&gt;" in (outdir / "reports" / "injection.html").read_text()
    with open(outdir / "summary.csv", encoding="utf-8") as fh:
        raw = fh.read()
    assert "=HYPERLINK" not in raw.replace("'=HYPERLINK", "")  # never a bare formula
    for row in rows:
        for cell in row.values():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


def test_a_hung_or_dying_worker_costs_only_its_file(cohort, tmp_path, monkeypatch):
    real = pool.review

    def flaky(job, engine):
        if job.name == "casey":
            time.sleep(60)  # hangs
        if job.name == "or-nurse-to-device":
            os._exit(3)  # dies
        return real(job, engine)

    monkeypatch.setattr(pool, "review", flaky)  # the forked workers inherit the patch
    outdir = tmp_path / "out"
    started = time.monotonic()
    summary = api.batch([cohort], ["device"], outdir, workers=2, timeout=3)
    assert time.monotonic() - started < 40
    rows = {r["name"]: r for r in summary.rows}
    assert "took longer than 3 s" in rows["casey"]["error"]
    assert "stopped its worker (exit code 3)" in rows["or-nurse-to-device"]["error"]
    assert rows["pharmacy-tech-to-pharma"]["status"] == "ok" and rows["injection"]["status"] == "ok"
    html, csv_rows, reports = read_outputs(outdir)
    assert "took longer than 3 s" in html and len(csv_rows) == len(reports) == len(rows)


def test_a_file_removed_mid_run(cohort, tmp_path, monkeypatch):
    real = pool.review
    victim = cohort / "nested" / "pharmacy-tech-to-pharma.docx"

    def remover(job, engine):
        victim.unlink(missing_ok=True)
        return real(job, engine)

    monkeypatch.setattr(pool, "review", remover)
    summary = api.batch([cohort], ["device"], tmp_path / "out", workers=2)
    row = next(r for r in summary.rows if r["name"] == "pharmacy-tech-to-pharma")
    assert row["status"] == "failed" and "pharmacy-tech-to-pharma.docx" in row["error"]


def test_reruns_skip_unchanged_files_and_force_reviews_all(cohort, tmp_path):
    outdir = tmp_path / "out"
    first = api.batch([cohort], ["device"], outdir, workers=2)
    ok = sum(r["status"] == "ok" for r in first.rows)
    again = api.batch([cohort], ["device"], outdir, workers=2)
    assert again.skipped == ok and again.rows == first.rows
    make_docx(cohort / "casey.docx", resume_body("Casey Morgan", email="casey.m@example.com"))
    assert api.batch([cohort], ["device"], outdir, workers=2).skipped == ok - 1
    assert api.batch([cohort], ["pharma"], outdir, workers=2).skipped == 0  # another target
    assert api.batch([cohort], ["pharma"], outdir, workers=2, force=True).skipped == 0


def test_a_rerun_after_a_word_list_changed_reviews_again(tmp_path):
    """The pack's id and version stay; its words change, and so may every verdict."""
    folder = tmp_path / "in"
    folder.mkdir()
    make_docx(folder / "casey.docx", resume_body("Casey Morgan"))
    pack = tmp_path / "pack"
    shutil.copytree(ROOT / "examples" / "packs" / "oncology-territory", pack)
    outdir = tmp_path / "out"
    api.batch([folder], ["biotech"], outdir, workers=1, rules=[pack])
    assert api.batch([folder], ["biotech"], outdir, workers=1, rules=[pack]).skipped == 1
    words = pack / "lexicons" / "onc_clinical.txt"
    words.write_text(words.read_text(encoding="utf-8") + "orthopedic oncology\n", encoding="utf-8")
    assert api.batch([folder], ["biotech"], outdir, workers=1, rules=[pack]).skipped == 0


def test_an_interrupted_run_leaves_consistent_outputs(cohort, tmp_path, monkeypatch):
    real = pool.run_local

    def interrupted(jobs, engine, workers, timeout, on_result):
        real(jobs[:2], engine, 1, timeout, on_result)
        raise KeyboardInterrupt

    monkeypatch.setattr(pool, "run_local", interrupted)
    outdir = tmp_path / "out"
    summary = api.batch([cohort], ["device"], outdir, workers=1)
    assert summary.interrupted
    html, rows, reports = read_outputs(outdir)
    assert len(rows) == len(reports) == len(list(cohort.rglob("*.doc*")))
    finished = [r for r in rows if "the run was interrupted" not in r["error"]]
    assert len(finished) == 2, [(r["name"], r["error"]) for r in rows]
    for row in finished:
        if row["status"] == "ok":
            assert (outdir / row["report"]).exists()
    assert "the run was interrupted" in html


def test_redact_leaves_no_name_email_phone_or_profile_url(cohort, tmp_path):
    outdir = tmp_path / "out"
    api.batch([cohort], ["device"], outdir, workers=2, comments=True, redact=True)
    secrets = ["Casey Morgan", "Casey", "casey@example.com", "(303) 555-0188", "linkedin.com/in/casey-morgan",
               "Jordan A. Rivera", "jordan.rivera@example.com", "(916) 555-0142", "Marcus", "marcus.bell@example.com",
               "casey.docx", str(cohort)]  # a file name is often the person's: outputs name resumes by number
    texts = [f.read_text(encoding="utf-8") for f in outdir.rglob("*") if f.suffix in (".html", ".csv", ".jsonl")]
    for docx in outdir.rglob("*.docx"):
        with zipfile.ZipFile(docx) as z:
            texts += [z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith((".xml", ".rels"))]
    for text in texts:
        for secret in secrets:
            assert secret not in text, secret
    assert all(f.name.startswith(("resume-", "index", "summary", "results")) for f in outdir.rglob("*.*")
               if ".resumefit-batch" not in f.parts)
    assert any("[redacted]: fit for device sales" in f.read_text() for f in (outdir / "reports").iterdir())


def test_redact_finds_a_name_in_any_case_and_in_the_file_name(tmp_path):
    folder, outdir = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    body = resume_body("JORDAN RIVERA", email="j.r@example.com", extra="Covered cases while Jordan's preceptor was out.")
    make_docx(folder / "Jordan_Rivera_2024.docx", body)
    api.batch([folder], ["device"], outdir, workers=1, comments=True, redact=True)
    texts = [f.read_text(encoding="utf-8") for f in outdir.rglob("*") if f.suffix in (".html", ".csv", ".jsonl")]
    with zipfile.ZipFile(next(outdir.rglob("*.docx"))) as z:
        texts.append(z.read("word/document.xml").decode("utf-8"))
    assert not any(re.search("jordan|rivera", text, re.I) for text in texts)
    assert any("[redacted]'s preceptor" in text for text in texts)


def test_redact_reaches_every_part_of_the_reviewed_copy(tmp_path):
    """A name or email can sit outside the visible text: a content control's custom XML, a
    picture's alt text, a mailto field code, an XML comment, a reviewer list, custom
    document properties. The reviewed copy must carry none of them."""
    folder, outdir = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    picture = ('<w:p><w:r><w:drawing><wp:inline><wp:docPr id="1" name="Picture 1" descr="Photo of Casey Morgan"/>'
               '</wp:inline></w:drawing></w:r></w:p>')
    field = ('<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK '
             '"mailto:casey@example.com" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')
    body = resume_body("Casey Morgan") + picture + field + "<!-- drafted by Casey Morgan -->"
    extra = {
        "customXml/item1.xml": "<contact><name>Casey Morgan</name><email>casey@example.com</email></contact>",
        "word/people.xml": ('<w15:people xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">'
                            '<w15:person w15:author="Casey Morgan"/></w15:people>'),
        "docProps/custom.xml": ('<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
                                'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
                                '<property name="Owner"><vt:lpwstr>Casey Morgan</vt:lpwstr></property></Properties>'),
    }
    source = make_docx(tmp_path / "casey.docx", body, extra=extra)
    thumbnail = ('<Relationship Id="rIdT" Target="docProps/thumbnail.jpeg" '
                 'Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"/>')
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(folder / "casey.docx", "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            dst.writestr(name, data.replace(b"</Relationships>", thumbnail.encode() + b"</Relationships>")
                         if name == "_rels/.rels" else data)
        dst.writestr("docProps/thumbnail.jpeg", b"\xff\xd8\xff\xe0 Casey Morgan page one")  # page 1, name and all
    api.batch([folder], ["device"], outdir, workers=1, comments=True, redact=True)
    [reviewed] = outdir.rglob("*.docx")
    with zipfile.ZipFile(reviewed) as z:
        assert "docProps/thumbnail.jpeg" not in z.namelist() and "thumbnail" not in z.read("_rels/.rels").decode()
        for name in z.namelist():
            text = z.read(name).decode("utf-8", "replace")
            assert not re.search("casey|morgan", text, re.I), (name, text[:300])
    assert api.parse(reviewed).paragraphs  # still a document


def test_one_worker_and_two_agree(cohort, tmp_path):
    one = api.batch([cohort], ["all"], tmp_path / "one", workers=1, timeout=0).rows
    two = api.batch([cohort], ["all"], tmp_path / "two", workers=2).rows
    assert [(r["name"], r["status"], r["scores"]) for r in one] == [(r["name"], r["status"], r["scores"]) for r in two]


def test_workers_replaced_every_few_files_still_review_every_file_once(cohort, tmp_path, monkeypatch):
    """Workers get a second job ahead and are re-forked after FILES_PER_WORKER files (here 2):
    no file is lost, repeated or reviewed by a worker that was told to stop."""
    monkeypatch.setattr(pool, "FILES_PER_WORKER", 2)
    rows = api.batch([cohort], ["device"], tmp_path / "out", workers=2).rows
    alone = api.batch([cohort], ["device"], tmp_path / "alone", workers=1, timeout=0).rows
    assert [(r["name"], r["status"], r["scores"]) for r in rows] == [(r["name"], r["status"], r["scores"]) for r in alone]
    _, csv_rows, reports = read_outputs(tmp_path / "out")
    assert len(csv_rows) == len(reports) == len(rows) == len({r["name"] for r in rows})


def test_the_job_queued_behind_a_hung_one_is_reviewed_by_the_next_worker(cohort, tmp_path, monkeypatch):
    real = pool.review
    marker = tmp_path / "hung-once"

    def hangs_first(job, engine):
        if not marker.exists():
            marker.write_text(job.name)
            time.sleep(60)
        return real(job, engine)

    monkeypatch.setattr(pool, "review", hangs_first)
    rows = {r["name"]: r for r in api.batch([cohort], ["device"], tmp_path / "out", workers=1, timeout=3).rows}
    hung = marker.read_text()
    assert "took longer than 3 s" in rows[hung]["error"]
    monkeypatch.setattr(pool, "review", real)
    expected = api.batch([cohort], ["device"], tmp_path / "expected", workers=1, timeout=0).rows
    assert [(r["name"], r["status"], r["error"], r["scores"]) for r in expected if r["name"] != hung] == \
        [(r["name"], r["status"], r["error"], r["scores"]) for r in rows.values() if r["name"] != hung]


def test_an_output_folder_that_cannot_be_made_is_exit_2(cohort, tmp_path):
    (tmp_path / "a-file").write_text("x")
    result = CliRunner().invoke(main, ["batch", str(cohort / "casey.docx"), "-o", str(tmp_path / "a-file" / "out")])
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1
    assert "cannot write here" in result.stderr and "Traceback" not in result.stderr


def test_an_output_folder_inside_the_input_folder_is_not_reviewed_on_a_rerun(cohort):
    outdir = cohort / "review"
    for _ in range(2):  # the second run must not take the first run's reviewed copies for resumes
        CliRunner().invoke(main, ["batch", str(cohort), "-o", str(outdir), "--comments", "-j", "1"])
        _, rows, _ = read_outputs(outdir)
        assert sorted(r["file"] for r in rows) == sorted(str(f) for f in cohort.rglob("*")
                                                         if f.is_file() and outdir not in f.parents)


def test_an_earlier_reviews_folder_inside_the_input_folder_is_not_reviewed(cohort):
    """An advisor who writes each month's review into the cohort's folder under a new name
    does not get last month's reviewed copies as new students."""
    CliRunner().invoke(main, ["batch", str(cohort), "-o", str(cohort / "review-november"), "--comments", "-j", "1"])
    CliRunner().invoke(main, ["batch", str(cohort), "-o", str(cohort / "review-december"), "--comments", "-j", "1"])
    _, rows, _ = read_outputs(cohort / "review-december")
    assert not any("review-november" in r["file"] for r in rows)
    assert len(rows) == len(read_outputs(cohort / "review-november")[1])


def test_no_inputs_is_exit_2(tmp_path):
    result = CliRunner().invoke(main, ["batch", str(tmp_path / "nothing*.docx"), "-o", str(tmp_path / "o")])
    assert result.exit_code == 2 and "no such file" in result.stderr


def test_dask_local_cluster(cohort, tmp_path):
    # In a process of its own: a local cluster leaves its threads running in the process
    # that started it, and later tests fork batch workers (fork with threads may deadlock).
    code = ("import json, sys; from distributed import LocalCluster; from resumefit import api\n"
            "with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as c:\n"
            "    summary = api.batch([sys.argv[1]], ['device'], sys.argv[2], dask=c.scheduler_address)\n"
            "print(json.dumps(summary.rows))\n")
    done = subprocess.run([sys.executable, "-c", code, str(cohort), str(tmp_path / "out")],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    rows = json.loads(done.stdout.splitlines()[-1])
    assert {r["name"]: r for r in rows}["or-nurse-to-device"]["best"] == "device"
    assert sum(r["status"] == "failed" for r in rows) == len(BROKEN)
    assert (tmp_path / "out" / "index.html").exists()


def test_compliance_flags_say_what_they_flag(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    make_docx(folder / "casey.docx", resume_body("Casey Morgan",
                                                 extra="Guaranteed better outcomes than the competing implant."))
    outdir = tmp_path / "out"
    CliRunner().invoke(main, ["batch", str(folder), "-o", str(outdir), "-j", "1"])
    html, [row], _ = read_outputs(outdir)
    assert row["compliance_flags"] == "guaranteed outcome (RF-COMP-002)"  # an advisor reads what, not only an id
    assert "guaranteed outcome (RF-COMP-002)" in html


def test_the_dashboard_shows_what_the_cohort_shares(tmp_path):
    """An advisor teaches once what most of the class needs: two of three resumes open a
    bullet with "Helped with"; none of the three nurses names a pharma customer."""
    folder = tmp_path / "in"
    folder.mkdir()
    make_docx(folder / "a.docx", resume_body("Casey Morgan", extra="Helped with product trials for the unit."))
    make_docx(folder / "b.docx", resume_body("Riley Chen", extra="Helped with in-services on the new pumps."))
    make_docx(folder / "c.docx", resume_body("Sam Ortiz"))
    summary = api.batch([folder], ["device", "pharma"], tmp_path / "out", workers=1)
    shared = run.shared_gaps(summary.rows, ["device", "pharma"])
    weak = next(f for f in shared["findings"] if f["rule"] == "RF-CORE-002")
    assert (weak["resumes"], weak["times"], shared["reviewed"]) == (2, 4, 3)  # the extra bullet ends both roles
    assert weak["says"].startswith("'…' is a weak opener")  # the rule's words, not one resume's phrase
    assert all(not f["rule"].startswith(("RF-DEV", "RF-PHA")) for f in shared["findings"])  # those are per segment
    lacking = {row["segment"]: dict(zip(shared["categories"], row["counts"])) for row in shared["lacking"]}
    assert lacking["pharma"]["customers"] == 3 and lacking["device"]["customers"] == 0  # nurses name surgeons, not prescribers
    html = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "What the cohort shares" in html and "2 of 3" in html
    # who the cohort is: the three OR nurses' field, counted once a resume
    assert ("surgery", 3) in shared["fields"] and "surgery (3)" in html


def test_a_folder_with_other_formats_lists_each_with_the_way_to_a_docx(tmp_path):
    """Students send PDFs and LibreOffice files too: each is a row that says what to do,
    not a file the dashboard silently leaves out."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    make_docx(folder / "casey.docx", p("Casey Morgan") + p("Experience", style="Heading1")
              + p("Nurse | Mercy | 2019 – 2024", bold=True) + p("Trained 12 nurses on sterile technique.", style="ListBullet"))
    (folder / "dana.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    with zipfile.ZipFile(folder / "eli.odt", "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    (folder / "notes.txt").write_text("not a resume")
    summary = api.batch([folder], ["device"], tmp_path / "out", workers=1)
    rows = {Path(r["file"]).name: r for r in summary.rows}
    assert sorted(rows) == ["casey.docx", "dana.pdf", "eli.odt"]  # a .txt is no resume format
    assert rows["casey.docx"]["status"] == "ok"
    assert "PDF" in rows["dana.pdf"]["error"] and "OpenDocument" in rows["eli.odt"]["error"]


def test_a_phone_number_with_its_country_code_is_the_contact_and_is_redacted(tmp_path):
    """A candidate in Bristol writes "+44 7700 900123": it is her phone (no "no phone"
    finding), and --redact leaves it, and any other such number, out of every output."""
    from resumefit.privacy import scrub

    folder = tmp_path / "in"
    folder.mkdir()
    make_docx(folder / "amelia.docx", "".join([
        p("Amelia Hart"), p("Bristol, UK | amelia.hart@example.com | +44 7700 900123"), p("Experience", style="Heading1"),
        p("Territory Manager | Zimmer Biomet | 2018 – 2023", bold=True),
        p("Grew orthopaedic implant sales by 22% across 9 NHS trusts.", style="ListBullet")]))
    result = api.check(folder / "amelia.docx", ["device"])
    assert result.resume.contact.phone == "+44 7700 900123"
    assert "RF-CORE-015" not in {f.rule for f in result.findings}
    api.batch([folder], ["device"], tmp_path / "out", workers=1, redact=True)
    texts = [f.read_text(encoding="utf-8") for f in (tmp_path / "out").rglob("*") if f.suffix in (".html", ".csv", ".jsonl")]
    assert texts and not any("7700" in t for t in texts)
    assert scrub("+61 (0)2 9876 5432; grew share +12 points", []) == "[redacted]; grew share +12 points"


def test_a_finding_that_quotes_an_email_is_redacted_too(tmp_path):
    """RF-CORE-038 quotes the address it faults; --redact must still leave it out of every output."""
    folder = tmp_path / "in"
    folder.mkdir()
    make_docx(folder / "dana.docx", "".join([
        p("Dana Cole"), p("dana.cole@stryker.com | (555) 201-3344"), p("Experience", style="Heading1"),
        p("Sales Representative | Stryker Orthopaedics | 2020 – Present", bold=True),
        p("Covered 300+ hip and knee cases a year across 5 hospitals.", style="ListBullet")]))
    summary = api.batch([folder], ["device"], tmp_path / "out", workers=1, redact=True)
    (row,) = summary.rows
    assert row["status"] == "ok"
    texts = [f.read_text(encoding="utf-8") for f in (tmp_path / "out").rglob("*") if f.suffix in (".html", ".csv", ".jsonl")]
    assert any("RF-CORE-038" in t for t in texts)
    assert not any("stryker.com" in t or "Dana" in t for t in texts)


def test_a_recruiter_matches_an_inbox_against_one_posting(tmp_path):
    """`--job`: every applicant's match to the one posting, in the dashboard (sortable) and
    the CSV; another posting reviews every file again, the same one skips them."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("or-nurse-to-device.docx", "pharmacy-tech-to-pharma.docx"):
        shutil.copy(ROOT / "examples" / name, inbox)
    posting = ROOT / "examples" / "postings" / "device-ortho-associate.md"
    outdir = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(inbox), "-o", str(outdir), "-j", "1", "--job", str(posting)])
    assert result.exit_code in (0, 1), result.output
    html, rows, reports = read_outputs(outdir)
    by_name = {r["name"]: r for r in rows}
    nurse, tech = by_name["or-nurse-to-device"], by_name["pharmacy-tech-to-pharma"]
    assert float(nurse["job_match"]) > float(tech["job_match"]) and nurse["job_asks_met"].endswith(" of 25")
    assert 'data-key="job"' in html and "Job match" in html
    assert all(report["job"]["title"].startswith("Associate Sales Representative") for report in reports)
    assert api.batch([inbox], ["all"], outdir, workers=1, job=posting).skipped == 2
    other = tmp_path / "other.txt"
    other.write_text("Pharmaceutical Sales Representative\n\n- Call on primary care physicians\n", encoding="utf-8")
    assert api.batch([inbox], ["all"], outdir, workers=1, job=other).skipped == 0
    missing = CliRunner().invoke(main, ["batch", str(inbox), "-o", str(tmp_path / "o2"), "--job", str(tmp_path / "no.txt")])
    assert missing.exit_code == 2 and "no.txt" in missing.stderr and "Traceback" not in missing.output
