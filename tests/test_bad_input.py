"""Bad input: one clear line on stderr, exit code 2, no traceback, nothing written."""

from __future__ import annotations

import os
import socket
import tracemalloc
import zipfile

import pytest
from click.testing import CliRunner

from ooxml import claim_unknown_zip_version, corrupt_member, make_docx, p
from resumefit.api import parse
from resumefit.cli import main
from resumefit.errors import InputError


def run_parse(path, *args):
    result = CliRunner().invoke(main, ["parse", str(path), *args])
    return result


def assert_refused(path, *words):
    result = run_parse(path)
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert str(path) in lines[0]
    for word in words:
        assert word in lines[0].lower()
    return lines[0]


def test_missing_path(tmp_path):
    assert_refused(tmp_path / "nope.docx", "no such file")


def test_directory(tmp_path):
    assert_refused(tmp_path, "folder")


def test_empty_file(tmp_path):
    (tmp_path / "e.docx").write_bytes(b"")
    assert_refused(tmp_path / "e.docx", "empty")


def test_text_file_is_not_a_docx(tmp_path):
    (tmp_path / "r.docx").write_text("Jordan Rivera\nRegistered Nurse\n")
    assert_refused(tmp_path / "r.docx", "not a word document", ".docx")


def test_pdf(tmp_path):
    (tmp_path / "r.docx").write_bytes(b"%PDF-1.7\n%\xe2\xe3\n1 0 obj\n")
    assert_refused(tmp_path / "r.docx", "pdf")


def test_lock_file_by_name(tmp_path):
    (tmp_path / "~$resume.docx").write_bytes(b"\x06Jordan" + b"\x00" * 155)
    assert_refused(tmp_path / "~$resume.docx", "lock file")


def test_truncated_zip(tmp_path):
    good = make_docx(tmp_path / "good.docx", p("Jordan Rivera"))
    (tmp_path / "cut.docx").write_bytes(good.read_bytes()[:300])
    assert_refused(tmp_path / "cut.docx", "damaged")


def test_a_zip_directory_claiming_an_unknown_zip_version_is_refused_as_damaged(tmp_path):
    path = claim_unknown_zip_version(make_docx(tmp_path / "v99.docx", p("Jordan Rivera")))
    assert_refused(path, "damaged")


def test_a_part_with_corrupted_bytes_is_refused_as_damaged(tmp_path):
    body = "".join(p(f"Trained {n} nurses on the new infusion pumps.") for n in range(40))
    path = corrupt_member(make_docx(tmp_path / "flipped.docx", body), "word/document.xml")
    assert_refused(path, "damaged")


def test_tailor_refuses_a_resume_whose_picture_is_damaged_and_writes_nothing(tmp_path):
    body = p("Jordan Rivera") + p("Experience", style="Heading1") + p("Trained 25 new OR staff on implant trays.")
    picture = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40  # read by no check; copied into the tailored copy
    path = corrupt_member(make_docx(tmp_path / "r.docx", body, extra={"word/media/image1.png": picture}),
                          "word/media/image1.png")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["tailor", str(path), "--target", "device", "-o", str(out)])
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "damaged" in result.stderr
    assert not out.exists() or not any(out.iterdir())


@pytest.mark.parametrize("content_types, words", [(None, ["damaged", "no [content_types].xml"]),
                                                   ("<Types", ["damaged", "not well-formed"])])
def test_a_package_no_program_opens_is_refused(tmp_path, content_types, words):
    good = make_docx(tmp_path / "good.docx", p("Jordan Rivera") + p("Trained 25 new OR staff.", style="ListBullet"))
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(tmp_path / "r.docx", "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            data = content_types if name == "[Content_Types].xml" else src.read(name)
            if data is not None:
                dst.writestr(name, data)
    assert_refused(tmp_path / "r.docx", *words)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["tailor", str(tmp_path / "r.docx"), "--target", "device", "-o", str(out)])
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1 and not out.exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="this system has no named pipes")
def test_a_pipe_named_like_a_resume_is_refused_not_read(tmp_path):
    os.mkfifo(tmp_path / "resume.docx")  # reading it would wait forever for a writer
    assert_refused(tmp_path / "resume.docx", "not a regular file")


def test_zip_without_main_document(tmp_path):
    with zipfile.ZipFile(tmp_path / "r.docx", "w") as z:
        z.writestr("hello.txt", "not a document")
    assert_refused(tmp_path / "r.docx", "no main document part")


@pytest.mark.parametrize("members, words", [
    ({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office:document-content/>"},
     ["opendocument", "save as"]),
    ({"Index/Document.iwa": "", "Metadata/Properties.plist": ""}, ["apple pages", "export to"]),
])
def test_another_word_processors_file_is_named_with_the_way_to_a_docx(tmp_path, members, words):
    """An .odt or a Pages file renamed .docx (or given as is) is a zip of another program:
    the one line says which, and how to save a .docx from it."""
    with zipfile.ZipFile(tmp_path / "r.docx", "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    assert_refused(tmp_path / "r.docx", *words)


def test_malformed_xml(tmp_path):
    path = make_docx(tmp_path / "r.docx", "<w:p><w:r><w:t>unclosed</w:r></w:p>")
    assert_refused(path, "damaged", "not well-formed")


def test_zip_bomb_is_refused_without_inflating(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"\0" * (1 << 20)
            for _ in range(300):  # 300 MB of zeros, under 1 MB packed
                member.write(chunk)
    assert path.stat().st_size < 2 * 1024 * 1024
    tracemalloc.start()
    with pytest.raises(InputError, match="zip bomb|inflate"):
        parse(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 20 * 1024 * 1024  # the file is refused before anything is inflated
    assert_refused(path, "do not open it")


def test_external_entity_neither_leaks_nor_fetches(tmp_path, monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("the reader tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    doc = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">'
           '<!ENTITY y SYSTEM "http://example.com/evil.dtd">]>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           "<w:body><w:p><w:r><w:t>&x;&y;</w:t></w:r></w:p></w:body></w:document>")
    path = make_docx(tmp_path / "xxe.docx", "", extra={"word/document.xml": doc})
    line = assert_refused(path, "dtd")
    assert "root:" not in line


def test_entity_expansion_bomb_does_not_expand(tmp_path):
    lol = "".join(f'<!ENTITY l{i} "{"&l%d;" % (i - 1) * 10}">' for i in range(1, 10))
    doc = (f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY l0 "lol">{lol}]>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           "<w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>")
    path = make_docx(tmp_path / "lol.docx", "", extra={"word/document.xml": doc})
    assert_refused(path, "dtd")


def test_dtd_after_a_long_prolog_is_still_refused(tmp_path):
    doc = ('<?xml version="1.0"?>' + " " * 5000 + '<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           "<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>")
    path = make_docx(tmp_path / "xxe.docx", "", extra={"word/document.xml": doc})
    assert_refused(path, "dtd")


def test_external_relationships_are_counted_never_followed(tmp_path, monkeypatch):
    monkeypatch.setattr(socket.socket, "connect", lambda *a, **k: pytest.fail("network used"))
    rel = ('<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" '
           'Target="http://example.com/tracker.png" TargetMode="External"/>'
           '<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" '
           'Target="https://example.com/template.dotm" TargetMode="External"/>')
    path = make_docx(tmp_path / "r.docx", p("Jordan Rivera"), rels_extra=rel)
    assert parse(path).layout.external_links == 2


def test_input_is_never_modified(tmp_path):
    path = make_docx(tmp_path / "r.docx", p("Jordan Rivera") + p("Experience", style="Heading1"))
    before = path.read_bytes(), path.stat().st_mtime_ns
    assert run_parse(path).exit_code == 0
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


@pytest.mark.parametrize("command", [["parse", "--format", "json"], ["check"]])
def test_the_input_is_never_the_output_even_with_force(tmp_path, command):
    path = make_docx(tmp_path / "r.docx", p("Jordan Rivera") + p("Trained 25 new OR staff.", style="ListBullet"))
    before = path.read_bytes()
    for output in (path, tmp_path / "sub" / ".." / "r.docx"):
        result = CliRunner().invoke(main, [command[0], str(path), *command[1:], "-o", str(output), "--force"])
        assert result.exit_code == 2 and "is an input of this command" in result.stderr
    assert path.read_bytes() == before


@pytest.mark.parametrize("command", [["tailor", "--target", "device"], ["batch"]])
def test_an_output_folder_named_like_a_file_is_refused_before_any_work(tmp_path, command):
    """-o names a folder for tailor and batch; "-o mine.docx" must not make a folder of that name."""
    path = make_docx(tmp_path / "r.docx", p("Jordan Rivera") + p("Trained 25 new OR staff.", style="ListBullet"))
    result = CliRunner().invoke(main, [command[0], str(path), *command[1:], "-o", str(tmp_path / "mine.docx")])
    assert result.exit_code == 2 and "the output is a folder" in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert sorted(f.name for f in tmp_path.iterdir()) == ["r.docx"]


def test_existing_output_is_not_overwritten_without_force(tmp_path):
    path = make_docx(tmp_path / "r.docx", p("Jordan Rivera"))
    out = tmp_path / "out.json"
    out.write_text("keep me")
    result = run_parse(path, "--format", "json", "-o", str(out))
    assert result.exit_code == 2 and "--force" in result.stderr
    assert out.read_text() == "keep me"
    assert run_parse(path, "--format", "json", "-o", str(out), "--force").exit_code == 0
    assert '"name": "Jordan Rivera"' in out.read_text()
    assert [f.name for f in tmp_path.iterdir() if f.name.startswith(".")] == []  # no temp files left


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_outputs_get_the_permissions_of_any_new_file_and_a_replaced_one_keeps_its_own(tmp_path):
    """Atomic writes go through a private temporary file (0600); the output must not stay
    private, or a cohort folder shared with colleagues or a web server cannot be read."""
    path = make_docx(tmp_path / "r.docx", p("Jordan Rivera"))
    old = os.umask(0o022)
    try:
        assert run_parse(path, "--format", "json", "-o", str(tmp_path / "new.json")).exit_code == 0
        assert (tmp_path / "new.json").stat().st_mode & 0o777 == 0o644
        (tmp_path / "new.json").chmod(0o640)
        assert run_parse(path, "--format", "json", "-o", str(tmp_path / "new.json"), "--force").exit_code == 0
        assert (tmp_path / "new.json").stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(old)


def test_twenty_thousand_bullets_are_all_read(tmp_path):
    bullets = "".join(p(f"Called on {i} clinics in the northern territory.", style="ListBullet")
                      for i in range(20_000))
    body = p("Experience", style="Heading1") + p("Sales Representative, Pfizer, 2015 - 2020") + bullets
    resume = parse(make_docx(tmp_path / "big.docx", body))
    assert len(resume.bullets) == 20_000
    assert resume.bullets[-1].text == "Called on 19999 clinics in the northern territory."


def test_pathological_text_is_read(tmp_path):
    word = "x" * 200_000
    resume = parse(make_docx(tmp_path / "w.docx", p(word) + p(word[:5000] + "@" + word[:5000] + ".com")))
    assert resume.paragraphs[0].text == word


def test_deeply_nested_tables_are_read_or_refused_cleanly(tmp_path):
    def nest(depth: int) -> str:
        inner = p("innermost cell")
        for _ in range(depth):
            inner = f"<w:tbl><w:tr><w:tc>{inner}</w:tc></w:tr></w:tbl>"
        return inner + p()

    resume = parse(make_docx(tmp_path / "n40.docx", nest(40)))
    assert [q.text for q in resume.paragraphs if q.text] == ["innermost cell"]
    assert_refused(make_docx(tmp_path / "n400.docx", nest(400)), "damaged")
