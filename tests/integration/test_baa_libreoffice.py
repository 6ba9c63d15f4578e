"""Vendor BAAs saved by a real word processor (LibreOffice) read like the ones the tests build."""

from __future__ import annotations

from pathlib import Path

import pytest

from exports.baa_docx_reader import read_baa_docx
from exports.baa_rules import analyse
from exports.docx_safety import BaaDocumentError
from tests.baa_documents import NOTIFICATION_SENTENCE, BaaSpec, build_baa
from tests.libreoffice import convert

pytestmark = pytest.mark.libreoffice


def test_binary_doc_saved_by_libreoffice(tmp_path: Path) -> None:
    source = build_baa(tmp_path / "vendor.docx")
    binary = convert(source, "doc", tmp_path / "out")
    with pytest.raises(BaaDocumentError, match=r"old binary Word file \(\.doc\)"):
        read_baa_docx(binary)


def test_opendocument_text_saved_by_libreoffice(tmp_path: Path) -> None:
    source = build_baa(tmp_path / "vendor.docx")
    saved = convert(source, "odt", tmp_path / "out")
    with pytest.raises(BaaDocumentError, match=r"OpenDocument text file \(\.odt\), not a Word"):
        read_baa_docx(saved)


def test_list_numbering_after_libreoffice_round_trip(tmp_path: Path) -> None:
    # LibreOffice rewrites numbering.xml and the styles, so this checks the
    # numbering code against a word processor's own output.
    source = build_baa(tmp_path / "vendor.docx", BaaSpec(numbering="list"))
    saved = convert(source, "docx:MS Word 2007 XML", tmp_path / "out")
    findings = {f.item_id: f for f in analyse(read_baa_docx(saved)).findings}
    notice = findings["incident.notification_hours"]
    assert notice.section == "2.3"
    assert notice.value == 1440.0
    assert notice.matched_text == NOTIFICATION_SENTENCE
    assert findings["baa.return_or_destroy"].section == "3.2"
