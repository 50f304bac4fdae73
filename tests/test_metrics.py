"""Measurable results in a bullet: what counts (percent, currency, counts, ranks, quota,
growth, shares, scope), what does not (years, dates, time frames, product names), and
where each span ends."""

from __future__ import annotations

import pytest

from resumefit.engine.checks.metric import find_metrics


@pytest.mark.parametrize("text, expected", [
    ("Achieved 128% of quota in 2022.", ["128% of quota"]),
    ("Ranked #2 of 40 reps in the West region.", ["#2 of 40"]),
    ("Grew enrollment from 28 to 42 patients.", ["from 28 to 42"]),
    ("Managed a $4.2M territory across 12 counties.", ["$4.2M", "12 counties"]),
    ("Hit 115–130% of target every quarter.", ["115–130% of target"]),
    ("Sold gym memberships, hitting 125% of monthly target.", ["125% of monthly target"]),
    # attainment, as reps write it, is one quota result
    ("Achieved quota attainment of 104% in a new territory.", ["quota attainment of 104%"]),
    ("Finished the year at 112% quota attainment.", ["112% quota attainment"]),
    # ranks and growth in words
    ("Ranked No. 1 of 14 reps in the region.", ["Ranked No. 1 of 14"]),
    ("Delivered double-digit growth in a flat market.", ["double-digit growth"]),
    # a count is of something named: "3 were promoted" leans on the "6 reps" before it
    ("Hired and developed 6 reps; 3 were promoted to key account roles.", ["6 reps"]),
    ("Mentored new hires: 2 of my 5 mentees were promoted.", ["2 of my 5 mentees"]),
    ("Earned President's Club two years running.", ["President's Club"]),
    ("Won the Circle of Excellence award for the West region.", ["Circle of Excellence"]),
    ("Committed to excellence in patient care.", []),
    ("Educated staff on COVID-19 protocols using Windows 10.", []),
    ("Reduced door-to-balloon time to under 60 minutes.", ["Reduced door-to-balloon time to under 60 minutes"]),
    ("Sold to 3 of the top 5 IDNs in Texas.", ["3 of the top 5 IDNs"]),  # one share, not "3 of" and a rank
    ("One of the top 10 reps in the nation.", ["top 10"]),
    ("Sustained an NPS of 72 across the book.", ["NPS of 72"]),
    ("Worked on-call shifts of up to 12 hours.", []),
    # standards and regulations named by number
    ("Answered SOC 2 security questionnaires and led ISO 13485 audits to 21 CFR Part 11.", []),
    ("Worked 12-hour shifts since 2019.", []),
    ("Doubled referrals from the cardiology group.", ["Doubled"]),
    ("Top 5% of the national sales force.", ["Top 5%"]),
    ("Managed 6 post-surgical patients per shift.", ["6 post-surgical patients"]),  # the span ends with what it counts
    ("Built eCRFs for 3 investigator-initiated studies.", ["3 investigator-initiated studies"]),
    ("Circulated 600+ orthopedic and spine cases a year.", ["600+ orthopedic and spine cases"]),
    ("Built ties with 15 primary care clinics.", ["15 primary care clinics"]),
    ("Cared for 5-6 patients per shift.", ["5-6 patients"]),
    ("Handled 10–12 accounts a day.", ["10–12 accounts"]),
    ("Circulated 6–8 orthopedic and spine cases a day.", ["6–8 orthopedic and spine cases"]),
    ("Saw 20 to 25 patients daily.", ["20 to 25 patients"]),  # one range, not "20 to" and "25 patients"
    ("Promoted twice in 2 to 3 years.", []),
    # a number that names a device's kind or a service counts nothing; a name in capitals is not a plural
    ("Interpreted 12-lead ECGs on a 64-slice CT and 3-tesla MRI with 18-gauge access.", []),
    ("Responded to 1,800+ 911 calls a year.", ["1,800+ 911 calls"]),
    ("Passed the inspection with zero 483 observations.", ["zero 483 observations"]),
    ("Led the rollout of 22 LUCAS mechanical CPR devices.", ["22 LUCAS mechanical CPR devices"]),
    ("Sold copiers in a 4-zip-code territory.", ["4-zip-code"]),
    # "P&T" and "OB/GYN" are one word after a count; "deals/quarter" is a count and a rate
    ("Drove formulary adds through 7 P&T committee reviews.", ["7 P&T committee reviews"]),
    ("Covered 3 OB/GYN practices and closed 12 deals/quarter.", ["3 OB/GYN practices", "12 deals"]),
    ("Opened a 12-chair infusion center at 200 Main Street.", ["12-chair"]),  # an address counts nothing
    # a multiplication, a race, a course's length, a licence's name and a product's count nothing
    ("Worked 3 x 12-hour shifts and ran 10K races.", []),
    ("Completed a 2-week Stryker sales training and passed the Series 7 and 63 exams.", []),
    ("Launched a 2-in-1 device.", []),
    ("Set the top 3 priorities for the launch and finished in the top 10 of 80 reps.", ["top 10 of 80"]),
    ("Named the top 3 priorities for the launch.", []),
    ("Kept a 45-day average sales cycle and a 30-day sales cycle on renewals.", ["45-day", "30-day"]),
    ("Worked 3 twelve-hour shifts a week.", []),  # a schedule, not a result
    ("Volunteered 5 Saturdays a year at a free clinic.", []),
    ("Member of the 2021 President's Council for nursing excellence.", []),  # a possessive is not a plural
    ("Raised the AP Biology pass rate from 62% to 81%.", ["from 62% to 81%"]),  # one result, not two numbers
    ("Scored 1450 on the SAT.", []),  # a number straight before "on" counts nothing
    ("Managed 40 or more accounts.", ["40 or more accounts"]),
    ("Cut denials by half through payer outreach.", ["Cut denials by half"]),
    ("Halved turnaround time for quotes.", ["Halved"]),
    ("Cut wait times by two-thirds.", ["Cut wait times by two-thirds"]),
    ("Grew the territory from rank 48 to rank 6 out of 52.", ["rank 48", "rank 6 out of 52"]),
    ("Increased access at 6 of 8 health systems.", ["6 of 8 health systems"]),
    ("Managed 3 of the 5 largest accounts.", ["3 of the 5 largest accounts"]),
    ("Moved scores from the 40th to the 75th percentile.", ["from the 40th to the 75th percentile"]),
    ("Completed 1,000 hours of clinical rotations.", ["1,000 hours"]),
    ("Reduced door-to-balloon time by 12 minutes.", ["Reduced door-to-balloon time by 12 minutes"]),
    ("Ranked top 10 nationally out of 300 reps.", ["top 10", "300 reps"]),
    ("Served 2 of 3 years as charge nurse.", []),
    ("Call me at (614) 555-0199 or by email.", []),  # a phone number is not a range
    ("Won the final 3-1 against the incumbent.", []),
    ("Worked 12 hours shifts on the COVID-19 unit.", []),
    ("Served on the 2019-2021 council for 30 residents.", ["30 residents"]),
    ("Completed research on immune-related adverse events (n=212), published in 2019.", ["n=212"]),
    ("Ran a 45-day average sales cycle with CIOs.", ["45-day"]),  # a measured time is a result
    ("Top performer every year since '19 in the region.", []),  # a short year is not a count
    ("Worked 12-hour night shifts on a 3-month contract.", []),  # a shift and a term are not
    # how experienced reps write attainment and rank
    ("Ranked 3/45 nationally in 2022.", ["Ranked 3/45"]),
    ("Delivered 9 consecutive quarters above quota.", ["9 consecutive quarters above quota"]),
    ("Achieved 3 consecutive years of quota attainment.", ["3 consecutive years of quota"]),
    ("Hit 5 straight quarters of exceeding plan.", ["5 straight quarters of exceeding plan"]),
    ("Delivered five straight years over plan.", ["five straight years over plan"]),
    ("Attained 131% of annual target, 2nd in nation.", ["131% of annual target", "2nd in nation"]),
    ("Achieved 135% of launch goal for a rare-disease therapy.", ["135% of launch goal"]),
    ("Finished in the top quartile of the region.", ["top quartile"]),
    ("Worked 3 consecutive years in the ICU.", []),  # a streak of nothing measured
    ("Hit quota 3 of 4 quarters in 2023.", ["quota 3 of 4 quarters"]),
    ("Finished 3 of 4 quarters above plan.", ["3 of 4 quarters above plan"]),
    ("Worked 2 of 3 years in the ICU.", []),
    ("Moved the brand from Tier 3 to Tier 2 at Atrium Health.", ["from Tier 3 to Tier 2"]),  # formulary access
    ("Improved payer access for 250K covered lives.", ["250K covered lives"]),
    ("Set up 4K monitors in 6 ORs.", ["6 ORs"]),  # a resolution, not a count
    ("Received the DAISY Award for compassionate care.", ["DAISY Award"]),  # a named award is recognition
    ("Launch Excellence Award for a rare-disease ERT.", ["Launch Excellence Award"]),
    ("Won the award for best poster.", []),  # an award with no name says too little
    ("Promoted to full territory in 26 months, 10 months ahead of plan.", ["10 months ahead of plan"]),  # a time beaten
    ("Went live at 2 clinics two weeks ahead of schedule.", ["2 clinics", "two weeks ahead of schedule"]),
    ("Closed the capital deal 3 weeks before the deadline.", ["3 weeks before the deadline"]),
    ("Promoted to AE in 20 months, 4 months ahead of the typical path.", ["4 months ahead of the typical path"]),
    ("Worked 3 years before joining Stryker.", []),  # a time before something is a time frame
    ("Exceeded monthly sales targets 10 of 12 months in 2016.", ["targets 10 of 12 months"]),
    ("Met sales goals in 11 of 12 months.", ["goals in 11 of 12 months"]),
    ("Reviewed care plans 3 of 4 months.", []),  # plans of care, not a sales plan
])
def test_metric_detection(text, expected):
    found = [m.text for m in find_metrics(text)]
    assert all(any(e in f for f in found) for e in expected), found
    assert all(f == f.strip() for f in found), found  # a span never ends in a space
    assert bool(found) == bool(expected), found


@pytest.mark.parametrize("text, span", [
    ("Grew enrollment from 28 to 42 patients in six months.", "from 28 to 42 patients"),
    ("Cut time to first infusion from 14 to 6 days.", "from 14 to 6 days"),  # the unit is the result's
    ("Grew infusion center accounts from 8 to 21.", "from 8 to 21"),
    ("Raised market share from 31% to 38% in 18 months.", "from 31% to 38%"),
    ("Moved from 3 to 5 IDN contracts.", "from 3 to 5"),  # no plural straight after: the numbers alone
])
def test_a_growth_span_runs_on_to_its_unit(text, span):
    assert [m.text for m in find_metrics(text)] == [span]


def test_a_count_ends_at_what_it_counts_and_never_runs_past_the_phrase():
    assert [m.text for m in find_metrics("Grew territory revenue from $3.1M to $4.6M.")] == ["from $3.1M to $4.6M"]
    assert [m.text for m in find_metrics("Hired 5 and trained 3 reps.")] == ["3 reps"]
    spans = {m.text for m in find_metrics("Trained 8 staff on new devices and 14 surgeons in 3 hospitals.")}
    assert spans == {"8 staff", "14 surgeons", "3 hospitals"}
    assert [m.text for m in find_metrics("Coordinated 7 Phase II and III oncology trials.")] == [
        "7 Phase II and III oncology trials"]
    assert [m.text for m in find_metrics("Covered 12 busy ORs, each with its own robot.")] == ["12 busy ORs"]
    # a hyphenated count names what it counts itself
    assert [m.text for m in find_metrics("Provided airway care for a 90-bed Level IV NICU.")] == ["90-bed"]
    assert [m.text for m in find_metrics("Charge nurse for a 22-bed post-operative unit.")] == ["22-bed"]
    assert [m.text for m in find_metrics("Shadowed 3 sales reps in 40+ cases.")] == ["3 sales reps", "40+ cases"]
    assert [m.text for m in find_metrics("Closed 12 sales in Q3.")] == ["12 sales"]
    # a list of kinds before the noun is part of the count
    assert [m.text for m in find_metrics("Assisted in over 1,200 general, trauma and orthopedic procedures.")] == [
        "1,200 general, trauma and orthopedic procedures"]
    assert [m.text for m in find_metrics("Trained 12 reps, 4 managers and 2 directors.")] == [
        "12 reps", "4 managers", "2 directors"]
    assert [m.text for m in find_metrics("Trained 90 cath lab staff on the new IVUS platform.")] == ["90 cath lab staff"]


@pytest.mark.parametrize("text, expected", [
    ("Maintained the sterile field with zero retained-item events.", ["zero retained-item events"]),
    ("Passed the Joint Commission survey with zero findings.", ["zero findings"]),
    ("Managed sample accountability with zero PDMA audit findings.", ["zero PDMA audit findings"]),
    ("Led zero-based budgeting for the unit.", []),  # a name, not a count
    ("Zero tolerance for charting errors.", []),
])
def test_zero_of_something_is_an_outcome(text, expected):
    assert [m.text for m in find_metrics(text)] == expected
