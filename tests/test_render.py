"""Real parts: LibreOffice opens the tailored .docx and lays it out; headless Chromium
renders the gap report. `.ci/run` installs both from Debian's packages (libreoffice-writer,
poppler-utils, chromium); where they are missing these tests say so and skip."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from click.testing import CliRunner

from resumefit.cli import main
from tailoring import ROLE_1, nurse_body

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--hide-scrollbars"]


@pytest.fixture
def outputs(tmp_path):
    from ooxml import make_docx

    resume = make_docx(tmp_path / "nurse.docx", nurse_body())
    for mode, folder in (("--track-changes", "tracked"), ("--clean", "clean")):
        result = CliRunner().invoke(main, ["tailor", str(resume), "--target", "device", "-o",
                                           str(tmp_path / folder), mode, "--comments"])
        assert result.exit_code == 0, result.output
    return tmp_path


def to_pdf_text(docx, outdir) -> str:
    subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{outdir}/lo-profile",
                    "--convert-to", "pdf", "--outdir", str(outdir), str(docx)],
                   check=True, capture_output=True, timeout=180)
    pdf = outdir / (docx.stem + ".pdf")
    assert pdf.exists() and pdf.stat().st_size > 1000
    return subprocess.run([PDFTOTEXT, "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout


@pytest.mark.skipif(not (SOFFICE and PDFTOTEXT), reason="LibreOffice or pdftotext is not installed here; "
                    ".ci/run installs libreoffice-writer and poppler-utils")
def test_libreoffice_opens_and_lays_out_the_tailored_copies(outputs):
    clean = " ".join(to_pdf_text(outputs / "clean" / "nurse.device.docx", outputs / "clean").split())
    assert "medical device sales" in clean
    assert clean.index(ROLE_1[2][:40]) < clean.index(ROLE_1[0][:30])
    assert "Supported product trials" in clean
    tracked = " ".join(to_pdf_text(outputs / "tracked" / "nurse.device.docx", outputs / "tracked").split())
    assert "medical device sales" in tracked  # the insertions show, marked as changes


@pytest.mark.skipif(not CHROMIUM, reason="Chromium is not installed here; .ci/run installs Debian's chromium")
def test_chromium_renders_the_report(outputs, tmp_path):
    report = outputs / "tracked" / "nurse.device.report.html"
    flags = CHROMIUM_FLAGS + [f"--user-data-dir={tmp_path / 'chromium'}"]
    dom = subprocess.run([CHROMIUM, *flags, "--dump-dom", report.as_uri()], capture_output=True, text=True,
                         timeout=120, check=True).stdout
    for heading in ("Fit score", "Device language, by category", "Bullets without a measurable result",
                    "What changed in the tailored copy"):
        assert heading in dom
    for width, name in ((1100, "desktop.png"), (390, "phone.png")):
        shot = tmp_path / name
        subprocess.run([CHROMIUM, *flags, f"--window-size={width},2000", f"--screenshot={shot}", report.as_uri()],
                       capture_output=True, timeout=120, check=True)
        data = shot.read_bytes()
        assert data.startswith(b"\x89PNG") and len(data) > 20_000


@pytest.mark.skipif(not CHROMIUM, reason="Chromium is not installed here; .ci/run installs Debian's chromium")
def test_chromium_renders_the_cohort_dashboard(tmp_path):
    from resumefit import api
    from test_batch import resume_body

    from ooxml import make_docx

    cohort = tmp_path / "cohort"
    cohort.mkdir()
    for n in range(3):
        make_docx(cohort / f"student-{n}.docx", resume_body(f"Student {n}"))
    (cohort / "broken.docx").write_bytes(b"not a zip")
    api.batch([cohort], ["all"], tmp_path / "out", workers=1)
    flags = CHROMIUM_FLAGS + [f"--user-data-dir={tmp_path / 'chromium'}"]
    dom = subprocess.run([CHROMIUM, *flags, "--dump-dom", (tmp_path / "out" / "index.html").as_uri()],
                         capture_output=True, text=True, timeout=120, check=True).stdout
    assert dom.count('<tr class="ok"') == 3 and dom.count('<tr class="failed"') == 1
    assert dom.count("<svg") == 4 and "student-0" in dom
