"""The questionnaire sent to vendors: sheets, drop-downs, protection, format cell."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from exports import questionnaire_layout as layout
from exports.questionnaire_xlsx import write_questionnaire
from models.store import Store
from tests.excel_helpers import column_of, export_for, row_of


@pytest.fixture
def workbook(demo_db: Store, tmp_path: Path):  # type: ignore[no-untyped-def]
    return load_workbook(export_for(demo_db, "Harborline Backup", tmp_path / "q.xlsx"))


def test_sheets_in_order(workbook) -> None:  # type: ignore[no-untyped-def]
    assert workbook.sheetnames == ["Instructions", "Lists", "Questionnaire"]
    assert workbook.active.title == "Questionnaire"


def test_lists_sheet_hidden_with_format(workbook) -> None:  # type: ignore[no-untyped-def]
    lists = workbook[layout.LISTS_SHEET]
    assert lists.sheet_state == "hidden"
    assert lists[layout.FORMAT_CELL].value == layout.FORMAT_ID
    assert lists[layout.VENDOR_CELL].value == "Harborline Backup"


def test_every_item_has_a_row(workbook, demo_db: Store) -> None:  # type: ignore[no-untyped-def]
    sheet = workbook[layout.QUESTIONNAIRE_SHEET]
    assert [cell.value for cell in sheet[1]] == list(layout.HEADERS)
    ids = [sheet.cell(row=row, column=1).value for row in range(2, sheet.max_row + 1)]
    assert ids == list(demo_db.checklist.items)


def test_known_answers_are_filled(workbook) -> None:  # type: ignore[no-untyped-def]
    sheet = workbook[layout.QUESTIONNAIRE_SHEET]
    response = column_of(sheet, layout.RESPONSE)
    assert (
        sheet.cell(row=row_of(sheet, "incident.notification_hours"), column=response).value == 1440
    )


def test_drop_downs_reference_hidden_ranges(workbook) -> None:  # type: ignore[no-untyped-def]
    sheet = workbook[layout.QUESTIONNAIRE_SHEET]
    lists = workbook[layout.LISTS_SHEET]
    response = sheet.cell(row=row_of(sheet, "encryption.in_transit_tls"), column=5).coordinate
    (rule,) = [v for v in sheet.data_validations.dataValidation if response in v.sqref]
    assert rule.type == "list"
    sheet_name, _, cells = rule.formula1.partition("!")
    assert sheet_name == "'Lists'"
    choices = [cell.value for row in lists[cells.replace("$", "")] for cell in row]
    assert choices == ["1.3", "1.2", "1.1", "1.0", "none"]


def test_numbers_validated_as_whole(workbook) -> None:  # type: ignore[no-untyped-def]
    sheet = workbook[layout.QUESTIONNAIRE_SHEET]
    response = sheet.cell(row=row_of(sheet, "recovery.rto_hours"), column=5).coordinate
    (rule,) = [v for v in sheet.data_validations.dataValidation if response in v.sqref]
    assert (rule.type, rule.operator, rule.formula1) == ("whole", "greaterThanOrEqual", "0")
    assert rule.errorStyle == "warning"


def test_only_answer_columns_unlocked(workbook) -> None:  # type: ignore[no-untyped-def]
    sheet = workbook[layout.QUESTIONNAIRE_SHEET]
    assert sheet.protection.sheet
    assert not sheet.protection.password
    unlocked = {
        sheet.cell(row=1, column=c.column).value for c in sheet[5] if not c.protection.locked
    }
    assert unlocked == set(layout.ANSWER_HEADERS)
    assert workbook[layout.INSTRUCTIONS_SHEET].protection.sheet


def test_instructions_name_contact(workbook, demo_db: Store) -> None:  # type: ignore[no-untyped-def]
    texts = [cell.value for cell in workbook[layout.INSTRUCTIONS_SHEET]["A"] if cell.value]
    contact = demo_db.practice().contact
    assert f"Questions about this form: {contact}" in texts
    assert any("not legal advice" in text for text in texts)


def test_prints_landscape_with_header(workbook) -> None:  # type: ignore[no-untyped-def]
    sheet = workbook[layout.QUESTIONNAIRE_SHEET]
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.print_title_rows == "$1:$1"
    assert "&P" in sheet.oddFooter.right.text


def test_blank_questionnaire_has_no_answers(fresh_db: Store, tmp_path: Path) -> None:
    path = tmp_path / "blank.xlsx"
    write_questionnaire(path, fresh_db.checklist, fresh_db.practice())
    workbook = load_workbook(path)
    sheet = workbook[layout.QUESTIONNAIRE_SHEET]
    assert [sheet.cell(row=row, column=5).value for row in range(2, sheet.max_row + 1)] == [
        None
    ] * 57
    assert workbook[layout.LISTS_SHEET][layout.VENDOR_CELL].value is None


def test_longest_vendor_name_wraps_on_instructions(demo_db: Store, tmp_path: Path) -> None:
    name = "L" * 200  # the longest name the store accepts, with no space to wrap at
    demo_db.add_vendor(name)
    workbook = load_workbook(export_for(demo_db, name, tmp_path / "q.xlsx"))
    cell = workbook[layout.INSTRUCTIONS_SHEET]["A3"]
    lines = cell.value.split("\n")
    assert "".join(lines) == f"For: {name}"
    assert max(len(line) for line in lines) <= 90
    assert cell.alignment.wrap_text
    assert workbook[layout.INSTRUCTIONS_SHEET].row_dimensions[3].height == 15.0 * len(lines)
    assert workbook[layout.LISTS_SHEET][layout.VENDOR_CELL].value == name
