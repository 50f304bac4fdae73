#!/usr/bin/env sh
# Rebuild examples/tailored/ (the commands the README shows): tailored copies and gap
# reports, a LinkedIn review, and a cohort dashboard. SOURCE_DATE_EPOCH fixes the
# revision and report dates, so the outputs are the same bytes every time.
set -eu
cd "$(dirname "$0")/.."
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1795478400}"
R="${RESUMEFIT:-.venv/bin/resumefit}"
OUT="${1:-examples/tailored}"
$R tailor examples/or-nurse-to-device.docx --target device --job examples/postings/device-ortho-associate.md -o "$OUT" --force
$R tailor examples/research-coordinator-to-oncology.docx --target biotech --job examples/postings/biotech-oncology-territory.md -o "$OUT" --force
$R tailor examples/pharmacy-tech-to-pharma.docx --target pharma --job examples/postings/pharma-primary-care.md -o "$OUT" --force
$R tailor examples/health-it-analyst-to-software.docx --target software --job examples/postings/software-ambulatory-ae.docx -o "$OUT" --force --comments
$R tailor examples/research-coordinator-to-oncology.docx --target all -o "$OUT/all" --force
$R linkedin examples/linkedin/marcus-bell-linkedin-export.zip --target pharma --resume examples/pharmacy-tech-to-pharma.docx --format html -o "$OUT/marcus-bell.pharma.linkedin.html" --force
$R batch 'examples/*.docx' --target all -o "$OUT/cohort" -j 1 --force --fail-level never
rm -rf "$OUT/cohort/.resumefit-batch"  # the run state is not an example
