"""Mangled Word files are read or refused in one line, never a traceback: the reader, the
checks and tailoring (with comments) on resumes whose XML or bytes were damaged at random,
and on every formatting property the reader reads given every odd value. The seeds are
fixed, so a run is repeatable; a failure names the seed to reproduce it."""

from __future__ import annotations

import copy
import io
import random
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from ooxml import NURSE_ROLES, make_docx, p, run
from resumefit import api
from resumefit.errors import InputError
from resumefit.tailor.run import Options
from resumefit.tailor.run import tailor as tailor_copies

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.docx"))
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PARTS = ["word/document.xml", "word/styles.xml", "word/numbering.xml", "word/_rels/document.xml.rels",
         "[Content_Types].xml", "word/header1.xml", "docProps/app.xml", "word/settings.xml"]
ATTRIBUTES = ["val", "ilvl", "numId", "fill", "color", "ascii", "type", "char", "id"]
# What the reader looks at, picked more often than the many elements it skips.
WATCHED = {W + t for t in ("sz", "b", "caps", "color", "shd", "vanish", "numId", "ilvl", "pStyle", "outlineLvl",
                           "sym", "br", "cols", "hyperlink", "tbl", "p", "r", "t", "rFonts", "highlight", "lvl",
                           "numFmt", "abstractNumId", "style", "basedOn")}
VALUES = ["", "abc", "-1", "99999999999999999999", "0", "FFFFFF", "auto", "page", "F0B7", "ZZZZ", "9", "\u202e"]
TEXTS = ["", "\t", "•", "2019 – Present", "Responsible for 120% of quota", '=HYPERLINK("x")', "<script>",
         "\u200b", "a" * 3000, "Jan 2020 - Dec 2019", "#1 of 40", "$4.2M"]


def mangle_xml(root, rnd: random.Random) -> None:
    """Remove, repeat or move elements, and give attributes and text odd values."""
    for _ in range(rnd.randint(1, 12)):
        elements = list(root.iter())
        watched = [e for e in elements if e.tag in WATCHED or str(e.tag).endswith(("}Relationship", "}Override"))]
        el = rnd.choice(watched if watched and rnd.random() < 0.7 else elements)
        parent, op = el.getparent(), rnd.randrange(5)
        if op == 0 and parent is not None:
            parent.remove(el)
        elif op == 1 and parent is not None:
            parent.insert(parent.index(el), copy.deepcopy(el))
        elif op == 2:
            el.set(W + rnd.choice(ATTRIBUTES), rnd.choice(VALUES))
        elif op == 3 and parent is not None:
            other = rnd.choice(elements)
            if other is not el and el not in list(other.iterancestors()):
                other.append(el)
        else:
            for t in root.iter(W + "t"):
                if rnd.random() < 0.2:
                    t.text = rnd.choice(TEXTS)


def mangled(seed: int, tmp_path: Path) -> Path:
    rnd = random.Random(seed)
    source = zipfile.ZipFile(EXAMPLES[seed % len(EXAMPLES)])
    out = io.BytesIO()
    if seed % 3 == 0:  # random bytes flipped anywhere: the zip's directory, headers or data
        data = bytearray(Path(source.filename).read_bytes())
        for _ in range(rnd.randint(1, 8)):
            data[rnd.randrange(len(data))] = rnd.randrange(256)
        out.write(bytes(data))
    else:
        part = rnd.choice([p for p in PARTS if p in source.namelist()])
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for info in source.infolist():
                data = source.read(info)
                if info.filename == part:
                    root = etree.fromstring(data)
                    mangle_xml(root, rnd)
                    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
                z.writestr(info.filename, data)
    path = tmp_path / f"mangled-{seed}.docx"
    path.write_bytes(out.getvalue())
    return path


@pytest.fixture(scope="module")
def engine():
    return api.engine(targets=["device"])


def check_and_tailor(path, engine):
    """(check result, tailored copy), or None when the file was refused in one line."""
    try:
        result = engine.check(api.parse(path), ["device"])
        # Tailoring copies every part, so a part no check reads can still be found damaged here.
        [tailored] = tailor_copies(path, result, ["device"], Options(comments=True, max_bullets=3))
    except InputError as exc:
        assert str(exc).startswith(f"{path}: ") and "\n" not in str(exc)
        return None
    return result, tailored


def assert_reads_back(tailored, tmp_path) -> None:
    (tmp_path / "tailored.docx").write_bytes(tailored.docx)
    assert api.parse(tmp_path / "tailored.docx").paragraphs


@pytest.mark.parametrize("seed", range(90))
def test_a_mangled_resume_is_read_checked_and_tailored_or_refused_in_one_line(seed, tmp_path, engine):
    done = check_and_tailor(mangled(seed, tmp_path), engine)
    if done:
        result, tailored = done
        assert len(result.scores) == 1 and 0 <= result.scores[0].score <= 100
        assert_reads_back(tailored, tmp_path)


RUN_PROPERTIES = ["sz", "b", "caps", "color", "shd", "vanish", "rFonts", "highlight", "szCs", "rStyle"]
PARAGRAPH_PROPERTIES = ["pStyle", "outlineLvl", "shd", "jc", "ind"]


def test_every_formatting_property_with_every_odd_value_is_read_or_refused_in_one_line(tmp_path, engine):
    """Each property the reader reads, on a run and on a paragraph, with each odd value
    (empty, words, negative, huge, a direction mark): one resume holding them all."""
    body = [p("Jordan Rivera"), p("Experience", style="Heading1"),
            p(f"{NURSE_ROLES[0][0]} | {NURSE_ROLES[0][1]} | Mar 2019 – Present", bold=True)]
    for n, value in enumerate(VALUES):
        for name in RUN_PROPERTIES:
            for attribute in ("val", "fill", "ascii"):
                body.append(p(runs=run(f"Trained {n + 2} nurses ({name} {attribute}).",
                                       f'<w:{name} w:{attribute}="{value}"/>')))
        for name in PARAGRAPH_PROPERTIES:
            body.append(f'<w:p><w:pPr><w:{name} w:val="{value}"/><w:numPr><w:ilvl w:val="{value}"/>'
                        f'<w:numId w:val="{value}"/></w:numPr></w:pPr>{run(f"Closed {n + 2} accounts ({name}).")}</w:p>')
    done = check_and_tailor(make_docx(tmp_path / "odd.docx", "".join(body)), engine)
    if done:
        result, tailored = done
        texts = " ".join(para.text for para in result.resume.paragraphs)
        for n in range(len(VALUES)):  # properties that never hide text leave every such line read
            assert f"Closed {n + 2} accounts (pStyle)." in texts and f"Trained {n + 2} nurses (b val)." in texts
        assert_reads_back(tailored, tmp_path)
