"""Write the questionnaire a practice sends to a vendor, blank or with known answers.

The vendor fills Response, Comment and Evidence; every other cell is protected
without a password, so the layout survives and the reader finds its columns.
Responses get Excel data validation from lists on a hidden sheet: a list
literal in a validation rule is limited to 255 characters, a range is not.
"""

from __future__ import annotations

import datetime as dt
import logging
import textwrap
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from exports import questionnaire_layout as layout
from exports.cells import CellValue, write, write_row
from exports.workbook_style import (
    HEADER_FILL,
    HEADER_FONT,
    LINE_HEIGHT,
    print_setup,
    save_workbook,
    set_row_height,
)
from models.checklist import AnswerType, Checklist, Item, Value
from models.practice import Practice

log = logging.getLogger(__name__)

ANSWER_FILL = PatternFill("solid", fgColor="FFF8DC")
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
# Characters across the Instructions column, which fills a portrait page, and the
# longest line written into it, with room for wide letters such as "W".
INSTRUCTIONS_WIDTH = 100
LINE_CHARS = 90
UNLOCKED = Protection(locked=False)


def write_questionnaire(
    path: Path | str,
    checklist: Checklist,
    practice: Practice,
    vendor_name: str = "",
    answers: dict[str, Value | None] | None = None,
    today: dt.date | None = None,
) -> None:
    """Write the questionnaire for *vendor_name* (blank when ""), pre-filled with *answers*."""
    today = today or dt.date.today()
    workbook = Workbook()
    instructions = workbook.active
    assert instructions is not None
    instructions.title = layout.INSTRUCTIONS_SHEET
    _fill_instructions(instructions, practice, vendor_name, today)
    lists = workbook.create_sheet(layout.LISTS_SHEET)
    ranges = _fill_lists(lists, checklist, vendor_name, today)
    sheet = workbook.create_sheet(layout.QUESTIONNAIRE_SHEET)
    _fill_questionnaire(sheet, checklist, ranges, answers or {})
    workbook.active = workbook.index(sheet)
    workbook.properties.title = "Vendor security questionnaire"
    workbook.properties.subject = vendor_name or "blank questionnaire"
    workbook.properties.creator = practice.name or "BAA Workbench"
    save_workbook(workbook, path)
    log.info("Wrote questionnaire for vendor %r to %s", vendor_name, path)


def _fill_instructions(
    sheet: Worksheet, practice: Practice, vendor_name: str, today: dt.date
) -> None:
    practice_name = practice.name or "our practice"
    lines = [
        "Security questionnaire for cloud backup vendors",
        f"From: {practice_name}" + (f" ({practice.state})" if practice.state else ""),
        f"For: {vendor_name}" if vendor_name else "For: (vendor name)",
        f"Sent: {today.isoformat()}",
        f"Questions about this form: {practice.contact}" if practice.contact else "",
        "",
        "How to fill it in",
        "1. Open the sheet Questionnaire. Each row asks one question about your service.",
        "2. Answer in the Response column in the form the Expected answer column states:",
        "   yes, partial or no; one choice from the drop-down list; or a whole number in the",
        "   unit named (hours, minutes, days, business days, years or US dollars).",
        "   If you need a fraction such as 0.5 hours, type it and confirm the warning.",
        "3. Explain a partial answer or an exception in the Comment column.",
        "4. Name the document that proves the answer in the Evidence column, for example",
        "   'SOC 2 Type II report, 2026, section 4.2'.",
        "5. Leave a row blank if you cannot answer it yet. Do not change the Item ID column,",
        "   rename the sheets or paste the rows into a new file: the practice's program",
        "   reads your answers by item ID from this file.",
        "6. Save the file as .xlsx and send it back to the practice.",
        "",
        "Do not enter patient information or passwords in this file.",
        "This questionnaire supports the practice's HIPAA due diligence. It is not legal advice.",
    ]
    for row, line in enumerate(lines, start=1):
        if len(line) <= LINE_CHARS:
            write(sheet, row, 1, line)
            continue
        # A practice or vendor name of up to 200 characters would run off the page.
        # Breaks are written into the text because a name without spaces does not
        # wrap in every spreadsheet program; the import reads the name from Lists.
        broken = "\n".join(textwrap.wrap(line, LINE_CHARS, break_on_hyphens=False))
        write(sheet, row, 1, broken).alignment = WRAP_TOP
        sheet.row_dimensions[row].height = LINE_HEIGHT * (broken.count("\n") + 1)
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A7"].font = Font(bold=True)
    sheet.column_dimensions["A"].width = INSTRUCTIONS_WIDTH
    sheet.protection.sheet = True
    print_setup(sheet, landscape=False)


def _fill_lists(
    sheet: Worksheet, checklist: Checklist, vendor_name: str, today: dt.date
) -> dict[tuple[str, ...], str]:
    """Write the format cells and one column per distinct choice list; map list -> range."""
    write_row(sheet, 1, ["format", layout.FORMAT_ID])
    write_row(sheet, 2, ["vendor", vendor_name])
    write_row(sheet, 3, ["exported", today.isoformat()])
    ranges: dict[tuple[str, ...], str] = {}
    column = layout.FIRST_LIST_COLUMN
    for item in checklist:
        options = tuple(item.options)
        if not options or options in ranges:
            continue
        # Best first, which is how a vendor expects to read a drop-down.
        for row, option in enumerate(reversed(options), start=1):
            write(sheet, row, column, option)
        letter = get_column_letter(column)
        ranges[options] = (
            f"{quote_sheetname(layout.LISTS_SHEET)}!${letter}$1:${letter}${len(options)}"
        )
        column += 1
    sheet.sheet_state = "hidden"
    sheet.protection.sheet = True
    return ranges


def _fill_questionnaire(
    sheet: Worksheet,
    checklist: Checklist,
    ranges: dict[tuple[str, ...], str],
    answers: dict[str, Value | None],
) -> None:
    write_row(sheet, 1, list(layout.HEADERS))
    for column, header in enumerate(layout.HEADERS, start=1):
        cell = sheet.cell(row=1, column=column)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = WRAP_TOP
        width = layout.WIDTHS.get(header, layout.DEFAULT_WIDTH)
        sheet.column_dimensions[get_column_letter(column)].width = width
    validations = _validations(sheet, ranges)
    response_column = layout.HEADERS.index(layout.RESPONSE) + 1
    section_titles = {section.id: section.title for section in checklist.sections}
    for row, item in enumerate(checklist, start=2):
        values: list[CellValue] = [
            item.id,
            section_titles[item.section],
            item.question,
            expected_answer(item),
            _response_cell(answers.get(item.id)),
            None,
            None,
        ]
        _write_item_row(sheet, row, values)
        cell = sheet.cell(row=row, column=response_column)
        if item.answer is AnswerType.NUMBER:
            cell.number_format = "0.##"
        validations[_validation_key(item)].add(cell)
    sheet.freeze_panes = "B2"
    sheet.protection.sheet = True
    # Let the vendor widen columns and rows to read long answers.
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False
    print_setup(sheet, landscape=True, title_rows="1:1")


def _write_item_row(sheet: Worksheet, row: int, values: list[CellValue]) -> None:
    texts = []
    for column, (header, value) in enumerate(zip(layout.HEADERS, values, strict=True), start=1):
        cell = write(sheet, row, column, value)
        cell.alignment = WRAP_TOP
        if header in layout.ANSWER_HEADERS:
            cell.protection = UNLOCKED
            cell.fill = ANSWER_FILL
        width = layout.WIDTHS.get(header, layout.DEFAULT_WIDTH)
        texts.append(("" if value is None else str(value), width))
    set_row_height(sheet, row, texts)


def _response_cell(value: Value | None) -> CellValue:
    """A known answer as the vendor would type it: numbers as numbers, choices as text."""
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    return value


def _validation_key(item: Item) -> str:
    if item.answer is AnswerType.NUMBER:
        return "number"
    return "|".join(item.options)


def _validations(sheet: Worksheet, ranges: dict[tuple[str, ...], str]) -> dict[str, DataValidation]:
    validations = {}
    for options, cell_range in ranges.items():
        validation = DataValidation(type="list", formula1=cell_range, allow_blank=True)
        _explain(validation, "Choose one answer from the list, or explain in Comment.")
        validations["|".join(options)] = validation
    number = DataValidation(
        type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True
    )
    _explain(number, "Enter a whole number in the unit named in Expected answer.")
    validations["number"] = number
    for validation in validations.values():
        sheet.add_data_validation(validation)
    return validations


def _explain(validation: DataValidation, message: str) -> None:
    # A warning, not a stop: an unusual answer is better typed than lost.
    validation.errorStyle = "warning"
    validation.showErrorMessage = True
    validation.errorTitle = "Unexpected answer"
    validation.error = message + " You can keep this answer anyway."
    validation.showInputMessage = True
    validation.prompt = message


def expected_answer(item: Item) -> str:
    """Describe the answer format to the vendor, e.g. "whole number of hours"."""
    if item.answer is AnswerType.YES_NO:
        return "yes, partial or no"
    if item.answer is AnswerType.NUMBER:
        unit = "US dollars" if item.unit == "USD" else item.unit
        return f"whole number of {unit}"
    return "one of: " + ", ".join(reversed(item.options))
