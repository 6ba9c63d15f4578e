"""Styles, print settings and saving shared by the workbooks the program writes."""

from __future__ import annotations

import copy
import math
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Font, PatternFill
from openpyxl.styles.cell_style import StyleArray
from openpyxl.worksheet.worksheet import Worksheet

from models.atomic import atomic_path

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="305496")
# Printed on every page, so a page taken out of the pile still says what it is.
FOOTER_LEFT = "BAA Workbench - not legal advice"


def print_setup(sheet: Worksheet, landscape: bool = True, title_rows: str | None = None) -> None:
    """Fit *sheet* to the page width, repeat *title_rows* and print date and page number."""
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_LETTER
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.gridLines = False
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    if title_rows:
        sheet.print_title_rows = title_rows
    sheet.oddFooter.left.text = FOOTER_LEFT
    sheet.oddFooter.center.text = "Printed &D"
    sheet.oddFooter.right.text = "Page &P of &N"


def save_workbook(workbook: Workbook, path: Path | str) -> None:
    """Save through a temporary file beside *path*, so a failure keeps the old file."""
    with atomic_path(path) as temporary:
        workbook.save(temporary)


# Points per line of 11-point Calibri, the default font of openpyxl workbooks.
LINE_HEIGHT = 15.0


def set_row_height(sheet: Worksheet, row: int, texts: Sequence[tuple[str, float]]) -> None:
    """Set *row* tall enough for each (text, column width) to wrap without being cut.

    Spreadsheet programs do not all recompute the height of wrapped rows when
    they open a file, so the height is estimated here from the text length.
    """
    lines = 1
    for text, width in texts:
        per_line = max(width * 1.1 - 2, 1)
        wrapped = sum(math.ceil(max(len(part), 1) / per_line) for part in text.split("\n"))
        lines = max(lines, wrapped)
    sheet.row_dimensions[row].height = LINE_HEIGHT * min(lines, 27)


class StyleCache:
    """Give many cells of one workbook the same style without recomputing it per cell.

    openpyxl hashes every font, fill and alignment on each assignment, and for
    thousands of cells that takes most of the export time. Copying the style
    indexes of a cell styled once is cheap.
    NOTE: relies on ``Cell._style``, the private style-index array of openpyxl 3.1.
    """

    def __init__(self) -> None:
        self._styles: dict[object, StyleArray] = {}

    def apply(self, cell: Cell, key: object, **styles: object) -> None:
        """Give *cell* the *styles* (attribute name -> style object) stored under *key*."""
        cached = self._styles.get(key)
        if cached is not None:
            cell._style = copy.copy(cached)
            return
        for name, style in styles.items():
            setattr(cell, name, style)
        self._styles[key] = copy.copy(cell._style)
