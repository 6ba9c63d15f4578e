"""Bad and hostile BAA files: each gets a clear message quickly and nothing is stored."""

from __future__ import annotations

import struct
import time
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest

from cli import run
from exports import baa_docx_reader, docx_safety
from exports.baa_docx_reader import read_baa_docx
from exports.baa_rules import analyse
from exports.docx_safety import OLE_MAGIC, BaaDocumentError
from models.store import Store
from tests.baa_documents import build_baa, document_with_paragraphs

# Every rejection must come well inside the few seconds a user waits.
MAX_SECONDS = 3.0


def rejected(path: Path) -> str:
    started = time.perf_counter()
    with pytest.raises(BaaDocumentError) as raised:
        read_baa_docx(path)
    assert time.perf_counter() - started < MAX_SECONDS
    return str(raised.value)


def ole_file(path: Path, stream_name: str) -> Path:
    """Write a minimal OLE compound file header with one directory entry name."""
    header = OLE_MAGIC + bytes(504)
    entry = stream_name.encode("utf-16-le").ljust(64, b"\0") + bytes(64)
    path.write_bytes(header + entry + bytes(384))
    return path


def test_text_file_is_not_word(tmp_path: Path) -> None:
    path = tmp_path / "baa.docx"
    path.write_text("Business Associate Agreement\n", encoding="utf-8")
    assert "not a Word document (.docx)" in rejected(path)


def test_truncated_zip(tmp_path: Path) -> None:
    whole = build_baa(tmp_path / "whole.docx").read_bytes()
    path = tmp_path / "truncated.docx"
    path.write_bytes(whole[: len(whole) // 2])
    assert "damaged or incomplete" in rejected(path)


def test_corrupt_deflate_stream(tmp_path: Path) -> None:
    path = build_baa(tmp_path / "corrupt.docx")
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as package:
        info = package.getinfo("word/document.xml")
    # Overwrite compressed bytes after the 30-byte local header, name and extra field.
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 20
    data[start : start + 200] = bytes(range(200))
    path.write_bytes(bytes(data))
    assert "damaged" in rejected(path)


def test_password_protected_docx(tmp_path: Path) -> None:
    path = ole_file(tmp_path / "locked.docx", "EncryptedPackage")
    message = rejected(path)
    assert "password-protected" in message
    assert "remove the password" in message


def test_binary_doc(tmp_path: Path) -> None:
    path = ole_file(tmp_path / "old.doc", "WordDocument")
    message = rejected(path)
    assert "old binary Word file (.doc)" in message
    assert "save it as a Word document (.docx)" in message


def test_unknown_ole_file(tmp_path: Path) -> None:
    path = ole_file(tmp_path / "other.docx", "Workbook")
    assert "password-protected document or an old binary .doc" in rejected(path)


def test_zip_without_document_part(tmp_path: Path) -> None:
    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("notes.txt", "not a BAA")
    message = rejected(path)
    assert "a zip archive, not a Word document (.docx)" in message
    assert "extract the .docx file" in message
    assert "no body" not in message


def office_package(path: Path, main_part: str, root: str) -> Path:
    """Write an Office Open XML package whose relationships name *main_part* as the main part."""
    relationships = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'relationships/officeDocument" Target="{main_part}"/></Relationships>'
    )
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("_rels/.rels", relationships)
        package.writestr(main_part, root)
    return path


def test_excel_workbook(tmp_path: Path) -> None:
    path = tmp_path / "cmp.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "Business Associate Agreement"
    workbook.save(path)
    message = rejected(path)
    assert message.startswith("cmp.xlsx: an Excel workbook (.xlsx), not a Word document (.docx)")
    assert "choose the vendor's BAA saved as a Word document (.docx) instead" in message
    assert "no body" not in message


def test_powerpoint_presentation(tmp_path: Path) -> None:
    root = '<p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>'
    path = office_package(tmp_path / "deck.pptx", "ppt/presentation.xml", root)
    message = rejected(path)
    assert "a PowerPoint presentation (.pptx), not a Word document (.docx)" in message


def test_opendocument_text(tmp_path: Path) -> None:
    path = tmp_path / "baa.odt"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        package.writestr("content.xml", "<office:document-content/>")
    message = rejected(path)
    assert "an OpenDocument text file (.odt), not a Word document (.docx)" in message
    assert "save it as a Word document (.docx)" in message


def test_zip_containing_a_docx(tmp_path: Path) -> None:
    inner = build_baa(tmp_path / "Stratus BAA.docx")
    path = tmp_path / "from-vendor.zip"
    with zipfile.ZipFile(path, "w") as package:
        package.write(inner, "contracts/Stratus BAA.docx")
    message = rejected(path)
    assert "it contains Stratus BAA.docx, so extract that file and import it" in message


def test_other_office_package(tmp_path: Path) -> None:
    root = '<VisioDocument xmlns="http://schemas.microsoft.com/office/visio/2012/main"/>'
    path = office_package(tmp_path / "diagram.vsdx", "visio/document.xml", root)
    message = rejected(path)
    assert "not a Word document (.docx); its main part is 'VisioDocument'" in message


def test_cli_names_the_wrong_file_type(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "cmp.xlsx"
    openpyxl.Workbook().save(path)
    status = run(["--db", str(db_path), "baa", "import", str(path), "--vendor", "X"])
    _, err = capsys.readouterr()
    assert status == 1
    assert "an Excel workbook (.xlsx), not a Word document (.docx)" in err


def test_empty_body(tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    docx.Document().save(str(path))
    assert "no text" in rejected(path)


def test_missing_file(tmp_path: Path) -> None:
    assert "file not found" in rejected(tmp_path / "nowhere.docx")


def test_folder_instead_of_file(tmp_path: Path) -> None:
    assert "is a folder" in rejected(tmp_path)


def test_malformed_document_xml(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("word/document.xml", "<w:document><w:body>")
    assert "not valid XML" in rejected(path)


def test_entity_declaration_rejected(tmp_path: Path) -> None:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"
    )
    path = tmp_path / "laughs.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("word/document.xml", laughs)
    assert "DOCTYPE" in rejected(path)


def write_bomb(path: Path, inflated_bytes: int) -> Path:
    """Stream whitespace into document.xml so the zip stays a few hundred kilobytes."""
    chunk = b" " * (1024 * 1024)
    with (
        zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as package,
        package.open("word/document.xml", "w") as part,
    ):
        part.write(
            b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        )
        for _ in range(inflated_bytes // len(chunk)):
            part.write(chunk)
        part.write(b"</w:document>")
    return path


def test_decompression_bomb(tmp_path: Path) -> None:
    path = write_bomb(tmp_path / "bomb.docx", 300 * 1024 * 1024)
    assert path.stat().st_size < 2 * 1024 * 1024
    message = rejected(path)
    assert "decompression bomb" in message
    assert "word/document.xml" in message


def test_bomb_with_false_size_header(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # zipfile inflates only the 1 KB the header claims, and the CRC check then fails.
    monkeypatch.setattr(docx_safety, "MAX_PART_BYTES", 4 * 1024 * 1024)
    path = write_bomb(tmp_path / "liar.docx", 64 * 1024 * 1024)
    data = bytearray(path.read_bytes())
    directory = data.rfind(b"PK\x01\x02")
    # Central directory entry: the uncompressed size is the 4 bytes at offset 24.
    data[directory + 24 : directory + 28] = struct.pack("<I", 1024)
    path.write_bytes(bytes(data))
    with zipfile.ZipFile(path) as package:
        assert package.getinfo("word/document.xml").file_size == 1024
    assert "damaged or incomplete" in rejected(path)


def test_too_many_parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_safety, "MAX_ZIP_MEMBERS", 10)
    path = tmp_path / "parts.docx"
    with zipfile.ZipFile(path, "w") as package:
        for index in range(11):
            package.writestr(f"word/media/{index}.bin", b"")
    assert "not a normal BAA" in rejected(path)


def test_oversized_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_safety, "MAX_FILE_BYTES", 1000)
    path = build_baa(tmp_path / "large.docx")
    assert "is not accepted" in rejected(path)


@pytest.mark.parametrize("kind", ["text", "truncated", "encrypted", "doc", "empty", "bomb"])
def test_cli_writes_nothing_for_bad_file(
    kind: str, tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / f"{kind}.docx"
    if kind == "text":
        path.write_text("hello", encoding="utf-8")
    elif kind == "truncated":
        path.write_bytes(build_baa(tmp_path / "whole.docx").read_bytes()[:3000])
    elif kind == "encrypted":
        ole_file(path, "EncryptedPackage")
    elif kind == "doc":
        ole_file(path, "WordDocument")
    elif kind == "empty":
        docx.Document().save(str(path))
    else:
        write_bomb(path, 100 * 1024 * 1024)
    status = run(["--db", str(db_path), "baa", "import", str(path), "--vendor", "Stratus Vault"])
    _, err = capsys.readouterr()
    assert status == 1
    assert err.startswith(f"error: {path.name}: ")
    assert err.count("\n") == 1
    with Store(db_path) as store:
        assert store.vendors() == []
        assert store.audit_trail() == []


def test_body_text_over_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(baa_docx_reader, "MAX_BODY_CHARACTERS", 1_000)
    path = build_baa(tmp_path / "long.docx")
    assert "this reader accepts" in rejected(path)


def test_run_on_sentence_is_not_analysed(tmp_path: Path) -> None:
    clause = "Business Associate shall report any Breach within sixty (60) days and "
    path = document_with_paragraphs(tmp_path / "run-on.docx", [clause * 200])
    analysis = analyse(read_baa_docx(path))
    assert analysis.findings == ()


def test_strict_open_xml_document(tmp_path: Path) -> None:
    path = tmp_path / "strict.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr(
            "word/document.xml",
            '<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body/></w:document>',
        )
    assert "Strict Open XML" in rejected(path)


def test_main_part_found_through_relationships(tmp_path: Path) -> None:
    source = build_baa(tmp_path / "word.docx")
    path = tmp_path / "renamed.docx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w") as renamed:
        for info in original.infolist():
            data = original.read(info)
            name = info.filename
            if name == "word/document.xml":
                name = "word/document2.xml"
            elif name == "word/_rels/document.xml.rels":
                name = "word/_rels/document2.xml.rels"
            elif name in ("_rels/.rels", "[Content_Types].xml"):
                data = data.replace(b"word/document.xml", b"word/document2.xml")
            renamed.writestr(name, data)
    paragraphs = read_baa_docx(path).paragraphs
    assert any(p.text.startswith("2.3 Reporting.") for p in paragraphs)
