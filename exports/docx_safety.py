"""Open a .docx package safely: reject files that are not Word documents and bombs.

A vendor's BAA arrives by email, so the reader treats it as hostile input. This
module checks the container before any XML is parsed: the file must be a zip
(not an OLE compound file, which is what both a binary .doc and a
password-protected .docx are), the zip must be intact, every part read is
capped in size, and parts are read in chunks so a part whose header lies about
its size cannot inflate past the cap.
"""

from __future__ import annotations

import logging
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from exports.docx_relationships import main_document_name, related_part_name
from exports.docx_xml import BaaDocumentError
from exports.office_formats import archive_message, other_format_message

log = logging.getLogger(__name__)

# A 100-page BAA is about 1 MB on disk and 3 MB of document.xml; these caps leave
# ample room for embedded images while stopping a bomb long before memory runs out.
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_PART_BYTES = 40 * 1024 * 1024
MAX_ZIP_MEMBERS = 5_000
_CHUNK_BYTES = 1024 * 1024

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Stream names are stored in UTF-16LE in the OLE directory.
_OLE_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_OLE_WORD_STREAM = "WordDocument".encode("utf-16-le")

DOCUMENT_PART = "word/document.xml"
NUMBERING_PART = "word/numbering.xml"
STYLES_PART = "word/styles.xml"


@dataclass(frozen=True)
class DocxParts:
    """The raw XML parts the BAA reader needs; optional parts are empty bytes."""

    document: bytes
    numbering: bytes = b""
    styles: bytes = b""


def read_docx_parts(path: Path) -> DocxParts:
    """Check *path* is a safe .docx and return its body, numbering and style parts.

    Raises:
        BaaDocumentError: the file is missing, not a .docx, damaged, encrypted,
            a binary .doc, or has a part larger than MAX_PART_BYTES.
    """
    head = _read_head(path)
    if head.startswith(OLE_MAGIC):
        raise BaaDocumentError(_ole_message(path))
    if not head.startswith(ZIP_MAGIC):
        raise BaaDocumentError(
            f"{path.name}: not a Word document (.docx); save the BAA as a Word "
            "document and import that file"
        )
    try:
        with zipfile.ZipFile(path) as package:
            return _read_parts(path, package)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as exc:
        log.info("Rejected damaged zip %s: %s", path.name, exc)
        raise BaaDocumentError(
            f"{path.name}: the Word file is damaged or incomplete ({exc}); "
            "ask the vendor to send it again"
        ) from None


def _read_head(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise BaaDocumentError(
                f"{path.name}: file is {size:,} bytes; a BAA larger than "
                f"{MAX_FILE_BYTES:,} bytes is not accepted, remove embedded media and retry"
            )
        with path.open("rb") as handle:
            return handle.read(8)
    except FileNotFoundError:
        raise BaaDocumentError(f"{path}: file not found") from None
    except IsADirectoryError:
        raise BaaDocumentError(f"{path}: is a folder, not a Word file") from None
    except OSError as exc:
        raise BaaDocumentError(f"{path}: cannot read the file: {exc.strerror or exc}") from None


def _ole_message(path: Path) -> str:
    """Tell a password-protected .docx apart from a binary .doc by their stream names."""
    data = path.read_bytes()  # bounded by MAX_FILE_BYTES in _read_head
    if _OLE_ENCRYPTED_STREAM in data:
        return (
            f"{path.name}: the Word document is password-protected; open it in Word, "
            "remove the password (File > Info > Protect Document) and save a copy"
        )
    if _OLE_WORD_STREAM in data:
        return (
            f"{path.name}: this is an old binary Word file (.doc); open it in Word or "
            "LibreOffice and save it as a Word document (.docx)"
        )
    return (
        f"{path.name}: a password-protected document or an old binary .doc file; "
        "save it as an unprotected Word document (.docx) and import that"
    )


def _read_parts(path: Path, package: zipfile.ZipFile) -> DocxParts:
    members = package.infolist()
    if len(members) > MAX_ZIP_MEMBERS:
        raise BaaDocumentError(
            f"{path.name}: the package has {len(members):,} parts, more than the "
            f"{MAX_ZIP_MEMBERS:,} a Word document has; the file is not a normal BAA"
        )
    by_name = {member.filename: member for member in members}

    def read(name: str) -> bytes | None:
        return _read_optional(path, package, by_name.get(name)) if name in by_name else None

    main_part = main_document_name(read, path.name)
    other_format = other_format_message(path.name, read, main_part)
    if other_format is not None:
        raise BaaDocumentError(other_format)
    document_name = main_part or DOCUMENT_PART
    if main_part is None and document_name not in by_name:
        raise BaaDocumentError(archive_message(path.name, list(by_name)))
    if document_name not in by_name:
        raise BaaDocumentError(
            f"{path.name}: a zip file but not a Word document (no {document_name}); "
            "save the BAA as a Word document (.docx)"
        )
    numbering = related_part_name(read, document_name, "numbering", path.name)
    styles = related_part_name(read, document_name, "styles", path.name)
    return DocxParts(
        document=_read_part(path, package, by_name[document_name]),
        numbering=read(numbering or NUMBERING_PART) or b"",
        styles=read(styles or STYLES_PART) or b"",
    )


def _read_optional(path: Path, package: zipfile.ZipFile, member: zipfile.ZipInfo | None) -> bytes:
    return b"" if member is None else _read_part(path, package, member)


def _read_part(path: Path, package: zipfile.ZipFile, member: zipfile.ZipInfo) -> bytes:
    """Inflate one part in chunks, stopping at MAX_PART_BYTES whatever its header says."""
    if member.flag_bits & 0x1:
        raise BaaDocumentError(
            f"{path.name}: part {member.filename} is encrypted; save an unprotected copy"
        )
    if member.file_size > MAX_PART_BYTES:
        raise _too_large(path, member.filename, member.file_size)
    chunks: list[bytes] = []
    total = 0
    with package.open(member) as stream:
        while chunk := stream.read(_CHUNK_BYTES):
            total += len(chunk)
            if total > MAX_PART_BYTES:
                raise _too_large(path, member.filename, total)
            chunks.append(chunk)
    return b"".join(chunks)


def _too_large(path: Path, part: str, size: int) -> BaaDocumentError:
    log.warning("Rejected %s: part %s inflates to at least %s bytes", path.name, part, size)
    return BaaDocumentError(
        f"{path.name}: part {part} inflates to {size:,} bytes or more, over the "
        f"{MAX_PART_BYTES:,}-byte limit; the file is damaged or a decompression bomb"
    )
