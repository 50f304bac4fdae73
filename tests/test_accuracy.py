"""Accuracy on the labelled bullets (tests/data/labelled_bullets.yml): metric detection
must reach precision and recall of 0.95; keyword figures are reported after the run
(see conftest.py) and held above a floor; a resume written for one segment scores
highest for that segment."""

from __future__ import annotations

import re
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
import yaml

from resumefit import api
from resumefit.engine.checks.metric import find_metrics
from resumefit.engine.pack_model import SEGMENTS

LABELLED = Path(__file__).parent / "data" / "labelled_bullets.yml"
FIGURES: dict[str, str] = {}  # printed at the end of the run by conftest.py


def groups() -> list[dict]:
    return yaml.safe_load(LABELLED.read_text(encoding="utf-8"))


def bullets() -> list[dict]:
    return [dict(b, segment=g["segment"], group=g["group"]) for g in groups() for b in g["bullets"]]


def ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def test_the_labelled_set_is_large_and_balanced():
    labelled = bullets()
    assert len(labelled) >= 200
    assert {b["segment"] for b in labelled} >= set(SEGMENTS)
    assert sum(b["metric"] for b in labelled) >= 80 and sum(not b["metric"] for b in labelled) >= 80


def test_metric_detection_precision_and_recall():
    labelled = bullets()
    found = [(b, bool(find_metrics(b["text"]))) for b in labelled]
    tp = sum(1 for b, got in found if got and b["metric"])
    false_pos = [b["text"] for b, got in found if got and not b["metric"]]
    false_neg = [b["text"] for b, got in found if not got and b["metric"]]
    precision, recall = ratio(tp, tp + len(false_pos)), ratio(tp, tp + len(false_neg))
    FIGURES["metrics"] = (f"{len(labelled)} bullets: precision {precision:.3f}, recall {recall:.3f} "
                          f"({len(false_pos)} false alarms, {len(false_neg)} misses)")
    assert precision >= 0.95, f"results found where there are none: {false_pos}"
    assert recall >= 0.95, f"results missed: {false_neg}"


@pytest.fixture(scope="module")
def engine():
    return api.engine()


def keyword_figures(engine, segment: str) -> tuple[int, int, int, int, list[str]]:
    """(labels found, labels, hits on a label, hits) for the segment's bullets."""
    labelled = [b for b in bullets() if b["segment"] == segment]
    texts = [b["text"] for b in labelled]
    hits = engine.index.match_all(engine.text_pipeline.docs(texts), texts)
    found = labels = on_label = total = 0
    missed = []
    for b, bullet_hits in zip(labelled, hits):
        ours = [h for h in bullet_hits if h.segment == segment]
        spans = []  # every place a labelled term is written, as a whole word
        for term in b["terms"]:
            places = [m.span() for m in re.finditer(rf"(?<!\w){re.escape(term)}(?!\w)", b["text"], re.I)]
            assert places, f"label {term!r} is not in {b['text']!r}"
            labels += 1
            if any(h.start < end and start < h.end for h in ours for start, end in places):
                found += 1
            else:
                missed.append(term)
            spans += places
        total += len(ours)
        on_label += sum(1 for h in ours if any(h.start < e and s < h.end for s, e in spans))
    return found, labels, on_label, total, missed


@pytest.mark.parametrize("segment", SEGMENTS)
def test_keyword_recall_and_precision(engine, segment):
    found, labels, on_label, total, missed = keyword_figures(engine, segment)
    recall, precision = ratio(found, labels), ratio(on_label, total)
    FIGURES[f"keywords {segment}"] = (f"{labels} labelled terms: recall {recall:.3f}, precision {precision:.3f}"
                                      + (f"; missed: {', '.join(missed)}" if missed else ""))
    assert recall >= 0.9, f"{segment} terms missed: {missed}"
    assert precision >= 0.9


@pytest.mark.parametrize("segment", SEGMENTS)
def test_a_resume_written_for_a_segment_scores_highest_for_it(engine, segment, tmp_path):
    from ooxml import make_docx, p

    labelled = [b["text"] for b in bullets() if b["segment"] == segment]
    body = [p("Jordan Rivera"), p("Denver, CO | (303) 555-0199 | jordan@example.com"),
            p("Experience", style="Heading1")]
    for n in range(0, len(labelled), 5):
        body += [p(f"Specialist | Employer {n} | Denver, CO | 2015 – 2020", bold=True)]
        body += [p(text, style="ListBullet") for text in labelled[n:n + 5]]
    resume = api.parse(make_docx(tmp_path / f"{segment}.docx", "".join(body)))
    scores = {s.segment: s.score for s in engine.check(resume).scores}
    assert max(scores, key=scores.get) == segment, scores


METRIC_WORDS = ["128%", "of", "quota", "President's", "Club", "#2", "ranked", "3rd", "top", "5%", "first",
                "$4.2M", "USD", "million", "from", "28", "to", "42", "doubled", "quadrupled", "3x", "2-fold",
                "12/14", "by", "cut", "18%", "14", "surgeons", "accounts", "the", "year", "rep", "in", "2019",
                "percent", "bps", "plan", "target", "nation", "twelve", "hundreds", "x", "/", "-", "—",
                "Chairman's", "Circle", "Rookie", "quarter", "dozens", "Eight", "fifty", "nurses", "Seven"]


@contextmanager
def every_pattern_searched():
    """find_metrics without its cheap pre-tests: every pattern searched in every text."""
    from resumefit.engine.checks import metric

    saved = metric.NEEDS, metric._has_signal, metric.COUNT
    metric.NEEDS, metric._has_signal = [lambda text, low: True] * len(saved[0]), lambda text: True
    metric.COUNT = re.compile(metric.COUNT_BODY, re.I)
    try:
        yield
    finally:
        metric.NEEDS, metric._has_signal, metric.COUNT = saved


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(METRIC_WORDS), min_size=1, max_size=12))
def test_the_cheap_pretests_never_drop_a_metric(words):
    """Each metric pattern is searched only in texts holding what it cannot match without;
    that shortcut must find exactly what searching every text finds."""
    from resumefit.engine.checks import metric

    text = " ".join(words)
    quick = metric.find_metrics(text)
    with every_pattern_searched():
        assert quick == metric.find_metrics(text)


def test_the_cheap_pretests_never_drop_a_labelled_metric():
    from resumefit.engine.checks import metric

    quick = [metric.find_metrics(b["text"]) for b in bullets()]
    with every_pattern_searched():
        assert quick == [metric.find_metrics(b["text"]) for b in bullets()]


def test_the_pattern_pretests_never_drop_a_match(engine):
    """A pattern runs only on texts holding a token for each of its required keyed tokens;
    on the labelled bullets and every rule's examples that finds exactly what running every
    pattern on every text finds."""
    from spacy.matcher import Matcher

    from resumefit.engine.pack_model import ExampleResume
    from resumefit.engine.selftest import example_resume

    rules = [r for r in engine.rules if r.check.kind == "pattern" and engine.can_run(r)]  # the blank pipeline tags nothing
    texts = [b["text"] for b in bullets()] + [t for r in engine.rules for t in r.tests.fail + r.tests.pass_
                                              if isinstance(t, str)]
    facts = engine.analyse(example_resume(ExampleResume(bullets=texts)))
    assert len(facts.bullets) == len(texts)
    found = 0
    for rule in rules:
        every = Matcher(engine.nlp.vocab)
        for n, pattern in enumerate(rule.check.patterns):
            every.add(f"{rule.id}/{n}", [pattern])
        for bf in facts.bullets:
            quick = sorted(engine.matcher_for(rule)(bf))
            assert quick == sorted(every(bf.doc)), (rule.id, bf.text)
            found += len(quick)
    assert found >= 15  # the examples do match: the comparison is not of empty lists
