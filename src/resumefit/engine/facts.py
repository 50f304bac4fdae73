"""What the checks look at, computed once per resume: tokens, lemmas, metrics, keyword hits."""

from __future__ import annotations

from dataclasses import dataclass, field

from resumefit.engine.checks.metric import Metric, find_metrics
from resumefit.engine.lexicon import Hit
from resumefit.engine.nlp import lower
from resumefit.model import Bullet, Resume


@dataclass
class TextFacts:
    text: str
    doc: object  # spaCy Doc of the text as written
    doc_lower: object  # spaCy Doc of the lowercased text, lemmatized
    metrics: list[Metric]
    hits: list[Hit]


@dataclass
class BulletFacts(TextFacts):
    bullet: Bullet = None


@dataclass
class Facts:
    resume: Resume
    bullets: list[BulletFacts]
    paragraphs: dict[str, TextFacts] = field(default_factory=dict)  # anchor -> facts, every body paragraph

    @property
    def hits(self) -> list[tuple[str, Hit]]:
        return [(anchor, h) for anchor, f in self.paragraphs.items() for h in f.hits]


def analyse(resume: Resume, nlp, index) -> Facts:
    """One pass of the pipeline over every body paragraph (bullets are among them)."""
    paragraphs = [p for p in resume.paragraphs if p.part == "body" and p.text]
    texts = [p.text for p in paragraphs]
    docs_exact = [nlp.make_doc(t) for t in texts]
    docs_lower = list(nlp.pipe(lower(t) for t in texts))
    by_anchor: dict[str, TextFacts] = {}
    for p, text, doc, doc_lower in zip(paragraphs, texts, docs_exact, docs_lower):
        by_anchor[p.anchor] = TextFacts(text, doc, doc_lower, find_metrics(text), index.match(doc_lower, doc, text))
    bullets = []
    for b in resume.bullets:
        f = by_anchor.get(b.anchor)
        if f is None:  # a bullet outside the body (never today), analysed on its own
            doc = nlp.make_doc(b.text)
            doc_lower = nlp(lower(b.text))
            f = TextFacts(b.text, doc, doc_lower, find_metrics(b.text), index.match(doc_lower, doc, b.text))
        bullets.append(BulletFacts(f.text, f.doc, f.doc_lower, f.metrics, f.hits, bullet=b))
    return Facts(resume, bullets, by_anchor)
