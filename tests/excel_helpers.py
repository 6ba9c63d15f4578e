"""Build questionnaire files the way vendors fill them in, for the Excel tests."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from exports import questionnaire_layout as layout
from exports.questionnaire_xlsx import write_questionnaire
from models.store import Store


def export_for(store: Store, vendor_name: str, path: Path) -> Path:
    vendor = store.vendor(vendor_name)
    answers = {item_id: answer.value for item_id, answer in store.answers(vendor.id).items()}
    write_questionnaire(path, store.checklist, store.practice(), vendor.name, answers)
    return path


def column_of(sheet: Worksheet, header: str, header_row: int = 1) -> int:
    for cell in sheet[header_row]:
        if cell.value == header:
            return int(cell.column)
    raise AssertionError(f"no column {header!r}")


def row_of(sheet: Worksheet, item_id: str) -> int:
    id_column = column_of(sheet, layout.ITEM_ID)
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row=row, column=id_column).value == item_id:
            return row
    raise AssertionError(f"no row for {item_id!r}")


def fill(path: Path, responses: dict[str, object], header: str = layout.RESPONSE) -> Path:
    """Type *responses* into the column *header* of the rows with those item ids."""
    workbook = load_workbook(path)
    sheet = workbook[layout.QUESTIONNAIRE_SHEET]
    column = column_of(sheet, header)
    for item_id, value in responses.items():
        sheet.cell(row=row_of(sheet, item_id), column=column).value = value
    workbook.save(path)
    return path
