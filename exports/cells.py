"""Write cell values that no spreadsheet program evaluates or rejects.

Text from users and vendors is data. A text that starts with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return could be read as a formula by a
spreadsheet program, so such text is stored as a string cell with Excel's
quote prefix: the cell shows the literal text and stays text when edited.
Texts that look like error values (``#N/A``) are stored as strings too.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

# Excel's maximum number of characters in one cell (Excel specifications and limits).
CELL_TEXT_LIMIT = 32_767
TRUNCATION_MARKER = " [... cut: text longer than a spreadsheet cell holds]"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

# XML 1.0 forbids C0 controls other than tab, newline and carriage return, and
# the non-characters U+FFFE and U+FFFF; lone surrogates cannot be encoded in
# UTF-8. openpyxl raises IllegalCharacterError on the controls, so all are removed.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

CellValue = str | int | float | bool | dt.date | None


def clean_cell_text(text: str) -> str:
    """Return *text* without XML-illegal characters, cut to the cell limit with a marker."""
    text = _ILLEGAL.sub("", text)
    if len(text) > CELL_TEXT_LIMIT:
        text = text[: CELL_TEXT_LIMIT - len(TRUNCATION_MARKER)] + TRUNCATION_MARKER
    return text


def set_cell(cell: Cell, value: CellValue) -> Cell:
    """Store *value* in *cell*; text is always stored as literal text, never a formula."""
    if not isinstance(value, str):
        cell.value = value
        return cell
    text = clean_cell_text(value)
    cell.value = text
    # openpyxl turns "=..." into a formula and "#N/A" into an error value; force text.
    cell.data_type = "s"
    if text.startswith(FORMULA_PREFIXES):
        cell.quotePrefix = True
    return cell


def write(sheet: Worksheet, row: int, column: int, value: CellValue) -> Cell:
    """Store *value* at *row*, *column* of *sheet* (1-based) as :func:`set_cell` does."""
    return set_cell(sheet.cell(row=row, column=column), value)


def write_row(
    sheet: Worksheet, row: int, values: Sequence[CellValue], first_column: int = 1
) -> None:
    for offset, value in enumerate(values):
        write(sheet, row, first_column + offset, value)
