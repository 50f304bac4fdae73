"""Open an untrusted .docx safely: sniff what the file really is, bound the zip
before anything is inflated, and read XML with entities and network off."""

from __future__ import annotations

import io
import posixpath
import struct
import threading
import zipfile
import zlib
from collections import OrderedDict
from pathlib import Path

from lxml import etree

from resumefit.errors import InputError

# What zipfile and zlib raise on a damaged archive or member (a central directory can
# claim any zip version, which zipfile answers with NotImplementedError).
ZIP_DAMAGE = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, ValueError,
              NotImplementedError, RuntimeError)

# Limits for one resume. Real resumes are far below them; a zip bomb is far above.
MAX_FILE_BYTES = 25 * 1024 * 1024
MAX_TOTAL_UNCOMPRESSED = 200 * 1024 * 1024
MAX_XML_PART = 50 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed, for members over 1 MiB
MAX_MEMBERS = 2000

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_OLE_MARK = "EncryptionInfo".encode("utf-16-le")

# Strict Open XML uses other namespace names for the same vocabulary; the reader
# speaks transitional, so strict names are rewritten on the way in.
STRICT_TO_TRANSITIONAL = [
    (b"http://purl.oclc.org/ooxml/wordprocessingml/main",
     b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
    (b"http://purl.oclc.org/ooxml/officeDocument/relationships",
     b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
    (b"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing",
     b"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"),
    (b"http://purl.oclc.org/ooxml/drawingml/main",
     b"http://schemas.openxmlformats.org/drawingml/2006/main"),
    (b"http://purl.oclc.org/ooxml/drawingml/picture",
     b"http://schemas.openxmlformats.org/drawingml/2006/picture"),
]

_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
    remove_comments=True, remove_pis=True,
)

# What was made of a part (parsed styles, numbering, theme fonts), by the part's bytes as
# stored: a cohort's resumes come from a few templates whose styles part (350 KB in Word's
# default) is the same bytes in each. Keyed by the stored bytes themselves, not a checksum,
# so one resume can never pass for another's.
_SHARED: OrderedDict[tuple, object] = OrderedDict()
SHARED_MAX = 24
_SHARED_LOCK = threading.Lock()

REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_DOCUMENT = "/officeDocument"
CONTENT_TYPES = "[Content_Types].xml"


def refuse(path: Path | str, problem: str, todo: str) -> InputError:
    return InputError(f"{path}: {problem}; {todo}.")


def read_input_bytes(path: Path) -> bytes:
    """The file's bytes, after checks that need no parsing."""
    if not path.exists():
        raise refuse(path, "no such file", "check the path")
    if path.is_dir():
        raise refuse(path, "is a folder, not a Word file", "give the path of a .docx file")
    if path.name.startswith("~$"):
        raise refuse(path, "is a Word lock file (~$...), not a resume",
                     "give the document itself, without the ~$ prefix")
    if not path.is_file():  # reading a device or a pipe may never end
        raise refuse(path, "is not a regular file (a device or a pipe)", "give the path of a .docx file")
    size = path.stat().st_size
    if size == 0:
        raise refuse(path, "is empty (0 bytes)", "save the resume again from Word as .docx")
    if size > MAX_FILE_BYTES:
        raise refuse(path, f"is {size // (1024 * 1024)} MB, larger than a resume can be",
                     "remove large images or save a smaller copy")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise refuse(path, f"cannot be read ({exc.strerror})", "check its permissions") from None
    sniff_type(path, data)
    return data


def _is_lock_file(data: bytes) -> bool:
    """Word's owner file: the user's name as a length-prefixed byte string, then again
    in UTF-16 at offset 54, in a file of a few hundred bytes."""
    n = data[0]
    return len(data) < 1024 and 0 < n < 54 and len(data) > 56 and data[54] == n and data[1:1 + n].isascii()


def sniff_type(path: Path, data: bytes) -> None:
    if _is_lock_file(data):
        raise refuse(path, "is a Word lock file (~$...), not a resume",
                     "give the document itself, without the ~$ prefix")
    if data.startswith(b"%PDF"):
        raise refuse(path, "is a PDF, not a Word document",
                     "give the .docx you wrote it from, or save it as .docx in Word")
    if data.startswith(OLE_MAGIC):
        if ENCRYPTED_OLE_MARK in data:
            raise refuse(path, "is password-protected",
                         "remove the password in Word (File > Info > Protect Document) and save again")
        raise refuse(path, "is a legacy Word 97-2003 .doc file",
                     "open it in Word or LibreOffice and save it as .docx")
    if data.startswith(b"{\\rtf"):
        raise refuse(path, "is an RTF file, not a .docx", "save it as .docx in Word")
    if not data.startswith(b"PK") and (b"PK\x03\x04" in data or b"PK\x01\x02" in data):
        raise refuse(path, "is damaged (a zip archive with bytes missing)",
                     "open it in Word, save a new copy and try that")
    if not data.startswith(b"PK"):
        raise refuse(path, "is not a Word document (.docx)", "save the resume as .docx in Word")


class Package:
    """The parts of an OOXML package, read lazily and within limits."""

    def __init__(self, path: Path, data: bytes):
        self.path = path
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except ZIP_DAMAGE:
            raise refuse(path, "is damaged (not a readable zip archive)",
                         "open it in Word, save a new copy and try that") from None
        if len(infos) > MAX_MEMBERS:
            raise refuse(path, f"has {len(infos)} parts, more than a resume can have",
                         "save a clean copy from Word")
        total = 0
        for info in infos:
            total += info.file_size
            if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise refuse(path, f"looks like a zip bomb ({info.filename} inflates "
                             f"{info.file_size // max(info.compress_size, 1)}x)",
                             "do not open it; ask for the resume again")
        if total > MAX_TOTAL_UNCOMPRESSED:
            raise refuse(path, f"would inflate to {total // (1024 * 1024)} MB, more than a resume can be",
                         "do not open it; ask for the resume again")
        self.names = {info.filename.lstrip("/"): info for info in infos}
        self._xml: dict[str, etree._Element | None] = {}
        self._rels: dict[str, dict[str, tuple[str, str, bool]]] = {}
        self._data = data

    def shared(self, name: str, what: str, make):
        """`make()`, or what it made for a byte-identical part of an earlier package."""
        stored = self._stored(name)
        if stored is None:
            return make()
        key = (what, self.names[name].compress_type, stored)
        with _SHARED_LOCK:  # a Dask worker may read in several threads
            if key in _SHARED:
                _SHARED.move_to_end(key)
                return _SHARED[key]
        value = make()
        with _SHARED_LOCK:
            _SHARED[key] = value
            if len(_SHARED) > SHARED_MAX:
                _SHARED.popitem(last=False)
        return value

    def _stored(self, name: str) -> bytes | None:
        """A member's bytes as the zip stores them (compressed), found through its local header."""
        info = self.names.get(name)
        if info is None:
            return None
        at = info.header_offset
        head = self._data[at:at + 30]
        if len(head) < 30 or head[:4] != b"PK\x03\x04":
            return None
        name_length, extra_length = struct.unpack("<HH", head[26:30])
        start = at + 30 + name_length + extra_length
        return self._data[start:start + info.compress_size]

    def has(self, name: str) -> bool:
        return name in self.names

    def read(self, name: str) -> bytes:
        info = self.names[name]
        try:
            if info.compress_type == zipfile.ZIP_DEFLATED and not info.flag_bits & 0x1:  # not encrypted
                data = self._inflate(name, info)
                if data is not None:
                    return data
            return self.zip.read(info)  # stored parts, and any a direct inflate did not verify
        except ZIP_DAMAGE:
            raise refuse(self.path, f"is damaged ({name} cannot be unpacked)",
                         "open it in Word, save a new copy and try that") from None

    def _inflate(self, name: str, info: zipfile.ZipInfo) -> bytes | None:
        """A deflated part inflated from the bytes in hand, checked as zipfile checks it
        (size and CRC-32), and never past its declared size: zipfile's own read costs
        ~10 µs more a part, and a resume reads five."""
        stored = self._stored(name)
        if stored is None:
            return None
        try:
            data = zlib.decompressobj(-15).decompress(stored, info.file_size + 1)
        except zlib.error:
            return None
        return data if len(data) == info.file_size and zlib.crc32(data) == info.CRC else None

    def xml_bytes(self, name: str) -> bytes | None:
        """An XML part's bytes, within the size limit, or None when there is no such part."""
        if name not in self.names:
            return None
        if self.names[name].file_size > MAX_XML_PART:
            raise refuse(self.path, f"has an XML part ({name}) too large for a resume",
                         "save a clean copy from Word")
        return self.read(name)

    def xml(self, name: str) -> etree._Element | None:
        """The parsed part, or None when the package has no such part."""
        if name not in self._xml:
            data = self.xml_bytes(name)
            self._xml[name] = None if data is None else parse_xml(data, self.path, name)
        return self._xml[name]

    def rels(self, part: str) -> dict[str, tuple[str, str, bool]]:
        """Relationships of a part: id -> (type, resolved target, external)."""
        if part not in self._rels:
            self._rels[part] = self._read_rels(part)
        return self._rels[part]

    def _read_rels(self, part: str) -> dict[str, tuple[str, str, bool]]:
        folder, base = posixpath.split(part)
        root = self.xml(posixpath.join(folder, "_rels", base + ".rels"))
        found = {}
        if root is None:
            return found
        for rel in root.iter(f"{{{REL_NS}}}Relationship"):
            target = rel.get("Target", "")
            external = rel.get("TargetMode") == "External"
            if not external:
                target = resolve_target(folder, target)
            found[rel.get("Id", "")] = (rel.get("Type", ""), target, external)
        return found

    def content_types(self) -> etree._Element:
        """The [Content_Types].xml part: without it (or with it damaged) neither Word nor
        LibreOffice opens the file, nor would they open a tailored copy of it."""
        root = self.xml(CONTENT_TYPES)
        if root is None:
            raise refuse(self.path, f"is damaged (it has no {CONTENT_TYPES} part, so Word cannot open it)",
                         "save it again as .docx from the program that made it")
        return root

    def main_part(self) -> str:
        """The main document part, found through the package relationships."""
        for rel_type, target, external in self.rels("").values():
            if rel_type.endswith(OFFICE_DOCUMENT) and not external and target in self.names:
                return target
        if "word/document.xml" in self.names:
            return "word/document.xml"
        # Other word processors' zip files, named so the user knows which program to save from.
        if "mimetype" in self.names and self.read("mimetype").startswith(b"application/vnd.oasis.opendocument"):
            raise refuse(self.path, "is an OpenDocument file (.odt), not a .docx",
                         "in LibreOffice, use File → Save As and choose Word 2007–365 (.docx)")
        if any(name.startswith("Index/") and name.endswith(".iwa") for name in self.names):
            raise refuse(self.path, "is an Apple Pages document, not a .docx",
                         "in Pages, use File → Export To → Word")
        raise refuse(self.path, "is a zip archive but not a Word document (no main document part)",
                     "save the resume as .docx in Word")


def resolve_target(folder: str, target: str) -> str:
    """A relationship target as a member name; targets may be absolute ("/word/x.xml")."""
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(folder, target))


def parse_xml(data: bytes, path: Path | str, name: str) -> etree._Element:
    head = data[:2048]
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        # Word never writes a DTD; one here is an attack (XXE, entity bombs).
        raise refuse(path, f"contains a DTD in {name}, which Word documents never have",
                     "do not open it; ask for the resume again")
    if b"purl.oclc.org/ooxml" in data:
        for strict, transitional in STRICT_TO_TRANSITIONAL:
            data = data.replace(strict, transitional)
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise refuse(path, f"is damaged ({name} is not well-formed XML: {exc.msg})",
                     "open it in Word, save a new copy and try that") from None
    if root.getroottree().docinfo.doctype:
        raise refuse(path, f"contains a DTD in {name}, which Word documents never have",
                     "do not open it; ask for the resume again")
    return root


def open_package(path: Path | str) -> Package:
    path = Path(path)
    return Package(path, read_input_bytes(path))
