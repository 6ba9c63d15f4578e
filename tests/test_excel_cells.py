"""Every cell we write is literal text: no formulas, no illegal characters, no silent cuts."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from exports.cells import CELL_TEXT_LIMIT, TRUNCATION_MARKER, clean_cell_text, write
from exports.comparison_xlsx import export_comparison
from exports.questionnaire_xlsx import write_questionnaire
from models.store import Store

HYPERLINK = '=HYPERLINK("http://example.invalid","x")'


def saved_cell(tmp_path: Path, value: str):  # type: ignore[no-untyped-def]
    workbook = Workbook()
    write(workbook.active, 1, 1, value)  # type: ignore[arg-type]
    path = tmp_path / "cell.xlsx"
    workbook.save(path)
    return load_workbook(path).active["A1"]  # type: ignore[index]


@pytest.mark.parametrize(
    "text", [HYPERLINK, "+1+2", "-3+4", "@SUM(A1:A2)", "\t=1+1", "\r=1+1", "=1+1"]
)
def test_formula_text_stays_literal(tmp_path: Path, text: str) -> None:
    cell = saved_cell(tmp_path, text)
    assert cell.value == text
    assert cell.data_type == "s"
    assert cell.quotePrefix


@pytest.mark.parametrize("text", ["#N/A", "#DIV/0!", "#REF!"])
def test_error_text_stays_text(tmp_path: Path, text: str) -> None:
    cell = saved_cell(tmp_path, text)
    assert cell.value == text
    assert cell.data_type == "s"


def test_plain_text_has_no_quote_prefix(tmp_path: Path) -> None:
    assert not saved_cell(tmp_path, "Acme Backup").quotePrefix


def test_illegal_characters_are_removed(tmp_path: Path) -> None:
    assert saved_cell(tmp_path, "Ac\x00me\x07 Back\x1bup\ufffe").value == "Acme Backup"


def test_tab_and_newline_inside_text_are_kept(tmp_path: Path) -> None:
    assert saved_cell(tmp_path, "line one\nline\ttwo").value == "line one\nline\ttwo"


def test_long_text_is_cut_with_marker(tmp_path: Path) -> None:
    value = saved_cell(tmp_path, "x" * 40_000).value
    assert len(value) == CELL_TEXT_LIMIT
    assert value.endswith(TRUNCATION_MARKER)


def test_text_at_limit_is_not_cut() -> None:
    assert clean_cell_text("y" * CELL_TEXT_LIMIT) == "y" * CELL_TEXT_LIMIT


def test_formula_vendor_name_is_literal_everywhere(fresh_db: Store, tmp_path: Path) -> None:
    vendor = fresh_db.add_vendor(HYPERLINK)
    fresh_db.set_answer(vendor.id, "access.mfa", "yes", note="=cmd|' /C calc'!A0")
    comparison = tmp_path / "comparison.xlsx"
    questionnaire = tmp_path / "questionnaire.xlsx"
    export_comparison(fresh_db, comparison)
    write_questionnaire(questionnaire, fresh_db.checklist, fresh_db.practice(), vendor.name)
    for path in (comparison, questionnaire):
        workbook = load_workbook(path)
        for sheet in workbook.worksheets:
            cells = [cell for row in sheet.iter_rows() for cell in row]
            assert not [cell.coordinate for cell in cells if cell.data_type == "f"], sheet.title
            if sheet.title in ("Summary", "Detail", "Targets", "Instructions", "Lists"):
                texts = [str(cell.value) for cell in cells if cell.value is not None]
                assert any(HYPERLINK in text for text in texts), sheet.title
