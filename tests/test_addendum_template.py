"""The shipped Word template and the script that builds it."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.shared import Inches

from exports.addendum_docx import TEMPLATE
from exports.ooxml import accepted_text, qn
from exports.templates.make_template import build_template

STYLES = ("Normal", "Title", "Heading 1", "Heading 2", "Clause Text", "Footer")


def check_template(path: Path) -> None:
    document = docx.Document(str(path))
    names = {style.name for style in document.styles}
    for name in STYLES:
        assert name in names, name
    section = document.sections[0]
    assert (section.page_width, section.page_height) == (Inches(8.5), Inches(11))
    assert section.left_margin == Inches(1)
    footer = section.footer._element
    assert [node.text.strip() for node in footer.iter(qn("w:instrText"))] == ["PAGE", "NUMPAGES"]
    assert "not legal advice" in accepted_text(footer)
    assert document.paragraphs == []


def test_shipped_template_has_styles_and_footer() -> None:
    check_template(TEMPLATE)


def test_template_script_builds_same_template(tmp_path: Path) -> None:
    check_template(build_template(tmp_path / "template.docx"))
