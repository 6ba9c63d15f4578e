"""The Detail and Targets sheets of the comparison workbook."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from exports.cells import CellValue, write, write_row
from exports.charts import short_label
from exports.workbook_style import (
    HEADER_FILL,
    HEADER_FONT,
    StyleCache,
    print_setup,
    set_row_height,
)
from models.checklist import AnswerType, Checklist, Item, Value, format_quantity, format_value
from models.practice import Practice
from models.scoring import Status, VendorScore
from models.vendors import Vendor

# Excel's built-in "Good", "Neutral" and "Bad" fills, plus grey for unknown.
STATUS_FILLS = {
    Status.MEETS: PatternFill("solid", fgColor="C6EFCE"),
    Status.PARTIAL: PatternFill("solid", fgColor="FFEB9C"),
    Status.GAP: PatternFill("solid", fgColor="FFC7CE"),
    Status.UNKNOWN: PatternFill("solid", fgColor="EDEDED"),
}
ITEM_HEADERS = ("Section", "Item ID", "Title", "Practice target", "Weight")
ITEM_WIDTHS = (16, 36, 34, 18, 7)
ANSWER_WIDTH = 14
STATUS_WIDTH = 9
# Vendors per printed page width, because one page of 50 vendors is unreadable.
VENDORS_PER_PAGE = 4
# Column-width characters that fit across a landscape Letter page at 100 % with
# 0.4 in margins, as measured in LibreOffice's PDF export (an estimate for Excel).
PAGE_WIDTH_CHARS = 95
WRAP_TOP = Alignment(wrap_text=True, vertical="top")


def fill_detail(
    sheet: Worksheet,
    checklist: Checklist,
    practice: Practice,
    ranked: Sequence[tuple[Vendor, VendorScore]],
    values: Mapping[int, Mapping[str, Value | None]],
) -> None:
    """Write one row per item: the target and weight, then each vendor's answer and status."""
    _detail_headers(sheet, ranked)
    styles = StyleCache()
    section_titles = {section.id: section.title for section in checklist.sections}
    for row, item in enumerate(checklist, start=3):
        target = practice.describe_target(item)
        section = section_titles[item.section]
        cells: list[CellValue] = [
            section,
            item.id,
            item.title,
            target,
            practice.weight_for(item),
        ]
        write_row(sheet, row, cells)
        for column in range(1, len(cells) + 1):
            sheet.cell(row=row, column=column).alignment = WRAP_TOP
        sheet.cell(row=row, column=5).alignment = Alignment(vertical="top", horizontal="center")
        for index, (vendor, score) in enumerate(ranked):
            column = len(ITEM_HEADERS) + 1 + 2 * index
            answer = describe_answer(item, values.get(vendor.id, {}).get(item.id))
            styles.apply(write(sheet, row, column, answer), "answer", alignment=WRAP_TOP)
            status = score.status(item.id)
            cell = write(sheet, row, column + 1, status.value)
            styles.apply(cell, status, fill=STATUS_FILLS[status], alignment=WRAP_TOP)
        texts = [(section, ITEM_WIDTHS[0]), (item.title, ITEM_WIDTHS[2]), (target, ITEM_WIDTHS[3])]
        set_row_height(sheet, row, texts)
    _detail_layout(sheet, checklist, len(ranked))


def describe_answer(item: Item, value: Value | None) -> str:
    """Format an answer for a reader, with the unit for numbers: "4 hours", "unknown"."""
    if value is None:
        return "unknown"
    if item.answer is AnswerType.NUMBER:
        return format_quantity(value, item.unit)
    return format_value(value)


def _detail_headers(sheet: Worksheet, ranked: Sequence[tuple[Vendor, VendorScore]]) -> None:
    """Write each vendor's name over its two columns in row 1 and the column headers in row 2."""
    write(sheet, 1, 1, "One row per checklist item; each vendor's answer and its status.")
    write_row(sheet, 2, list(ITEM_HEADERS))
    for index, (vendor, _) in enumerate(ranked):
        column = len(ITEM_HEADERS) + 1 + 2 * index
        # The two-line header over two columns has room for about 40 characters.
        write(sheet, 1, column, short_label(vendor.name))
        sheet.merge_cells(start_row=1, start_column=column, end_row=1, end_column=column + 1)
        write_row(sheet, 2, ["Answer", "Status"], first_column=column)
    last_column = len(ITEM_HEADERS) + 2 * len(ranked)
    for row in (1, 2):
        for column in range(1, last_column + 1):
            cell = sheet.cell(row=row, column=column)
            cell.font = HEADER_FONT
            cell.fill = HEADER_FILL
            cell.alignment = Alignment(wrap_text=True, vertical="top", horizontal="center")
    sheet.cell(row=1, column=1).alignment = Alignment(vertical="top")
    sheet.row_dimensions[1].height = 30


def _detail_layout(sheet: Worksheet, checklist: Checklist, vendors: int) -> None:
    for column, width in enumerate(ITEM_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    for index in range(vendors):
        column = len(ITEM_HEADERS) + 1 + 2 * index
        sheet.column_dimensions[get_column_letter(column)].width = ANSWER_WIDTH
        sheet.column_dimensions[get_column_letter(column + 1)].width = STATUS_WIDTH
    last_column = get_column_letter(max(len(ITEM_HEADERS) + 2 * vendors, len(ITEM_HEADERS)))
    sheet.freeze_panes = "D3"
    sheet.auto_filter.ref = f"A2:{last_column}{len(checklist) + 2}"
    print_setup(sheet, landscape=True, title_rows="1:2")
    sheet.print_title_cols = "A:C"
    if vendors <= VENDORS_PER_PAGE:
        return
    # More vendors print on further pages across, each repeating the item columns.
    # Fit-to-width would place its own breaks through a vendor's column pair, so a
    # fixed scale that fits the item columns and VENDORS_PER_PAGE vendors is used.
    sheet.sheet_properties.pageSetUpPr.fitToPage = False
    page_chars = sum(ITEM_WIDTHS) + VENDORS_PER_PAGE * (ANSWER_WIDTH + STATUS_WIDTH)
    sheet.page_setup.scale = int(100 * PAGE_WIDTH_CHARS / page_chars)
    for first in range(VENDORS_PER_PAGE, vendors, VENDORS_PER_PAGE):
        sheet.col_breaks.append(Break(id=len(ITEM_HEADERS) + 2 * first))


def fill_targets(
    sheet: Worksheet,
    checklist: Checklist,
    practice: Practice,
    created: dt.datetime,
    vendor_names: Sequence[str],
) -> None:
    """Write the targets and weights the scores used, with the date and the vendors scored."""
    write(sheet, 1, 1, "Targets and weights used for these scores").font = Font(bold=True, size=13)
    who = practice.name or "The practice"
    write(sheet, 2, 1, f"{who}, scored {created:%Y-%m-%d %H:%M}.")
    write(sheet, 3, 1, "Vendors scored: " + ", ".join(vendor_names))
    headers = ["Section", "Item ID", "Title", "Target", "Weight", "Knockout", "Set by", "Source"]
    write_row(sheet, 4, headers)
    for column in range(1, len(headers) + 1):
        cell = sheet.cell(row=4, column=column)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
    titles = {section.id: section.title for section in checklist.sections}
    for row, item in enumerate(checklist, start=5):
        changed = item.id in practice.targets or item.id in practice.weights
        cells: list[CellValue] = [
            titles[item.section],
            item.id,
            item.title,
            practice.describe_target(item),
            practice.weight_for(item),
            "yes" if item.knockout else "",
            "practice" if changed else "checklist default",
            practice.target_sources.get(item.id, ""),
        ]
        write_row(sheet, row, cells)
        for column in range(1, len(cells) + 1):
            sheet.cell(row=row, column=column).alignment = WRAP_TOP
        set_row_height(sheet, row, [(titles[item.section], 16), (item.title, 34)])
    for column, width in enumerate((16, 36, 34, 20, 7, 9, 16, 24), start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "A5"
    print_setup(sheet, landscape=True, title_rows="4:4")
