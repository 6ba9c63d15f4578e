"""Read a questionnaire a vendor filled in and sent back.

The reader copes with what real files look like: re-saved by another
spreadsheet program, rows moved, inserted or deleted (rows are matched by item
id), extra columns, merged cells, blank rows and formulas (their cached value
is used). A row it cannot use becomes a ``RowProblem``; only a file that is not
one of our questionnaires, or not a spreadsheet, raises.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.utils import column_index_from_string
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from exports import questionnaire_layout as layout
from models.checklist import Checklist
from models.errors import WorkbenchError

log = logging.getLogger(__name__)

# A filled questionnaire expands to about 70 kB. These bounds stop a crafted file
# (a "zip bomb") from filling memory before openpyxl has read a cell, yet leave
# room for screenshots a vendor pastes in. Python's zipfile never inflates an
# entry past its declared size, so the declared sizes are a safe bound.
MAX_FILE_BYTES = 25_000_000
MAX_UNCOMPRESSED_BYTES = 60_000_000
# openpyxl keeps every cell of a sheet in memory, at several hundred bytes each.
MAX_CELL_XML_BYTES = 10_000_000
MAX_ZIP_ENTRIES = 2_000
# openpyxl creates an object for every cell of a merged range while loading, so a
# merge of a whole column (a million cells) from a tiny file would exhaust memory.
MAX_MERGED_CELLS = 100_000
_MERGE_REF = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)"')
# The checklist has 57 items; rows past this are a pasted table, not answers.
MAX_ROWS = 2_000
HEADER_SCAN_ROWS = 20
CONTENT_TYPES_PART = "[Content_Types].xml"
_WORKBOOK_CONTENT_TYPES = (
    b"spreadsheetml.sheet.main+xml",
    b"spreadsheetml.template.main+xml",
    b"ms-excel.sheet.macroEnabled.main+xml",
    b"ms-excel.template.macroEnabled.main+xml",
)

# Everything openpyxl and the XML parsers raise on a damaged or foreign file.
# The parse errors of xml.etree and of lxml (which openpyxl 3.1 uses for some
# parts when installed) are SyntaxError subclasses; defusedxml's are ValueErrors.
_BROKEN_FILE_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    InvalidFileException,
    KeyError,
    ValueError,
    TypeError,
    IndexError,
    AttributeError,
    EOFError,
    SyntaxError,
)


class QuestionnaireFormatError(WorkbenchError):
    """The file is not a readable BAA Workbench questionnaire."""


@dataclass(frozen=True)
class ResponseRow:
    """One answered row: what the vendor wrote, as the spreadsheet stored it."""

    row: int
    item_id: str
    response: object
    comment: str
    evidence: str


@dataclass(frozen=True)
class RowProblem:
    """A row that could not be used, with the reason written for the user."""

    row: int
    item_id: str
    reason: str


@dataclass
class QuestionnaireFile:
    source: str
    vendor_name: str
    rows: list[ResponseRow] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    missing_items: list[str] = field(default_factory=list)


def read_questionnaire(path: Path | str, checklist: Checklist) -> QuestionnaireFile:
    """Read the responses in the questionnaire at *path*.

    Raises:
        QuestionnaireFormatError: the file is not a spreadsheet, is damaged or
            too large, or is not a questionnaire this program wrote.
    """
    path = Path(path)
    check_container(path)
    workbook = _load(path, data_only=False)
    vendor_name = _check_format(workbook, path)
    sheet = _find_sheet(workbook, path)
    header_row, columns = _find_header(sheet, path)
    result = QuestionnaireFile(source=path.name, vendor_name=vendor_name)
    cached: dict[tuple[int, int], object] | None = None
    if _has_formulas(sheet, header_row, columns):
        cached = _cached_values(_load(path, data_only=True), sheet.title, header_row, columns)
    _read_rows(sheet, header_row, columns, checklist, cached, result)
    answered = {row.item_id for row in result.rows}
    result.missing_items = [item.id for item in checklist if item.id not in answered]
    log.info(
        "Read questionnaire %s: %d responses, %d problems",
        path.name,
        len(result.rows),
        len(result.problems),
    )
    return result


def check_container(path: Path) -> None:
    """Reject a file that is missing, not an .xlsx package, or would expand too far."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise QuestionnaireFormatError(f"{path}: cannot open the file: {exc.strerror}") from exc
    if size > MAX_FILE_BYTES:
        raise QuestionnaireFormatError(
            f"{path.name}: the file is {size:,} bytes; a questionnaire is far smaller "
            f"(limit {MAX_FILE_BYTES:,}). Check that you chose the right file."
        )
    if not zipfile.is_zipfile(path):
        raise _not_a_workbook(path)
    try:
        with zipfile.ZipFile(path) as package:
            entries = package.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise QuestionnaireFormatError(f"{path.name}: the workbook is damaged: {exc}") from exc
    expanded = sum(entry.file_size for entry in entries)
    cell_xml = max(
        (entry.file_size for entry in entries if _contains_cells(entry.filename)), default=0
    )
    if (
        len(entries) > MAX_ZIP_ENTRIES
        or expanded > MAX_UNCOMPRESSED_BYTES
        or cell_xml > MAX_CELL_XML_BYTES
    ):
        raise QuestionnaireFormatError(
            f"{path.name}: the workbook expands to {expanded:,} bytes in {len(entries)} parts, "
            "far more than a questionnaire; it was not read."
        )
    if not _declares_spreadsheet(path, entries):
        raise _not_a_workbook(path)
    merged = _merged_cell_count(path, entries)
    if merged > MAX_MERGED_CELLS:
        raise QuestionnaireFormatError(
            f"{path.name}: the workbook merges {merged:,} cells, far more than a "
            "questionnaire; unmerge the cells and save it again."
        )


def _not_a_workbook(path: Path) -> QuestionnaireFormatError:
    return QuestionnaireFormatError(
        f"{path.name}: not an Excel workbook (.xlsx). Choose the questionnaire file the "
        "vendor returned, or ask the vendor to save it as .xlsx and send it again."
    )


def _declares_spreadsheet(path: Path, entries: list[zipfile.ZipInfo]) -> bool:
    """Tell an Excel package from the other zip files a user may pick by mistake.

    Word (.docx) and PowerPoint (.pptx) files are zip packages too, and
    OpenDocument files and plain archives are zips without Office content
    types; only a spreadsheet declares a SpreadsheetML (or macro-enabled
    Excel) workbook part.
    """
    if not any(entry.filename == CONTENT_TYPES_PART for entry in entries):
        return False
    with zipfile.ZipFile(path) as package:
        declared = package.read(CONTENT_TYPES_PART)
    return any(kind in declared for kind in _WORKBOOK_CONTENT_TYPES)


def _merged_cell_count(path: Path, entries: list[zipfile.ZipInfo]) -> int:
    """Count the cells in all merged ranges of all sheets, from the raw sheet XML."""
    total = 0
    with zipfile.ZipFile(path) as package:
        for entry in entries:
            if entry.filename.startswith("xl/worksheets/"):
                for match in _MERGE_REF.finditer(package.read(entry)):
                    first_col, first_row, last_col, last_row = match.groups()
                    columns = column_index_from_string(last_col.decode())
                    columns -= column_index_from_string(first_col.decode())
                    total += (abs(columns) + 1) * (abs(int(last_row) - int(first_row)) + 1)
    return total


def _contains_cells(part: str) -> bool:
    return part.startswith("xl/worksheets/") or part == "xl/sharedStrings.xml"


def _load(path: Path, data_only: bool) -> Workbook:
    # openpyxl 3.1 leaves its zip archive open when a part fails to parse, so the
    # file is opened here and closed whatever happens.
    try:
        with path.open("rb") as handle:
            return load_workbook(handle, data_only=data_only, keep_links=False, rich_text=False)
    except OSError as exc:
        if exc.strerror is None:
            # openpyxl raises a bare OSError for a package with no workbook part.
            raise _not_a_workbook(path) from exc
        raise QuestionnaireFormatError(f"{path}: cannot open the file: {exc.strerror}") from exc
    except _BROKEN_FILE_ERRORS as exc:
        log.info("openpyxl cannot read %s: %r", path.name, exc)
        raise QuestionnaireFormatError(
            f"{path.name}: not a readable Excel workbook ({type(exc).__name__}). Ask the "
            "vendor to save the questionnaire as .xlsx and send it again."
        ) from exc


def _check_format(workbook: Workbook, path: Path) -> str:
    """Check the hidden format cell; return the vendor name the file was made for."""
    not_ours = (
        f"{path.name}: not a BAA Workbench questionnaire (its hidden format cell is "
        "missing). Import the questionnaire file the practice exported, filled in."
    )
    if layout.LISTS_SHEET not in workbook.sheetnames:
        raise QuestionnaireFormatError(not_ours)
    lists = workbook[layout.LISTS_SHEET]
    if not isinstance(lists, Worksheet):  # a chart sheet of that name
        raise QuestionnaireFormatError(not_ours)
    marker = str(lists[layout.FORMAT_CELL].value or "").strip()
    name, _, version = marker.partition("/")
    if name != layout.FORMAT_NAME or not version.isdigit():
        raise QuestionnaireFormatError(not_ours)
    if int(version) > layout.FORMAT_VERSION:
        raise QuestionnaireFormatError(
            f"{path.name}: questionnaire format {version} is newer than this program reads "
            f"({layout.FORMAT_VERSION}). Update BAA Workbench and import it again."
        )
    return " ".join(str(lists[layout.VENDOR_CELL].value or "").split())


def _find_sheet(workbook: Workbook, path: Path) -> Worksheet:
    if layout.QUESTIONNAIRE_SHEET in workbook.sheetnames:
        return workbook[layout.QUESTIONNAIRE_SHEET]
    for sheet in workbook.worksheets:
        if sheet.title != layout.LISTS_SHEET and _header_columns(sheet, 1):
            return sheet
    raise QuestionnaireFormatError(
        f"{path.name}: the sheet {layout.QUESTIONNAIRE_SHEET!r} is missing. Import the "
        "questionnaire file the practice exported, with its sheets unchanged."
    )


def _find_header(sheet: Worksheet, path: Path) -> tuple[int, dict[str, int]]:
    """Find the header row by its texts; return it with the column of each known header."""
    for row in range(1, min(sheet.max_row, HEADER_SCAN_ROWS) + 1):
        columns = _header_columns(sheet, row)
        if columns:
            return row, columns
    raise QuestionnaireFormatError(
        f"{path.name}: no header row with {layout.ITEM_ID!r} and {layout.RESPONSE!r} in the "
        f"first {HEADER_SCAN_ROWS} rows of sheet {sheet.title!r}. Put the header row back."
    )


def _header_columns(sheet: Worksheet, row: int) -> dict[str, int]:
    wanted = {_normal(header): header for header in layout.HEADERS}
    columns: dict[str, int] = {}
    for cell in sheet[row]:
        header = wanted.get(_normal(cell.value))
        if header is not None and header not in columns:
            columns[header] = cell.column
    if layout.ITEM_ID in columns and layout.RESPONSE in columns:
        return columns
    return {}


def _normal(value: object) -> str:
    return " ".join(str(value or "").split()).lower()


def _answer_columns(columns: dict[str, int]) -> list[int]:
    headers = (layout.ITEM_ID, *layout.ANSWER_HEADERS)
    return [columns[header] for header in headers if header in columns]


def _has_formulas(sheet: Worksheet, header_row: int, columns: dict[str, int]) -> bool:
    wanted = set(_answer_columns(columns))
    last = min(sheet.max_row, header_row + MAX_ROWS)
    for row in sheet.iter_rows(min_row=header_row + 1, max_row=last):
        if any(cell.data_type == "f" and cell.column in wanted for cell in row):
            return True
    return False


def _cached_values(
    workbook: Workbook, title: str, header_row: int, columns: dict[str, int]
) -> dict[tuple[int, int], object]:
    """The values spreadsheet programs saved for formula cells, by (row, column)."""
    sheet = workbook[title]
    values = {}
    last = min(sheet.max_row, header_row + MAX_ROWS)
    for column in _answer_columns(columns):
        for row in range(header_row + 1, last + 1):
            values[(row, column)] = sheet.cell(row=row, column=column).value
    return values


# A formula cell for which the file stores no computed value.
_UNCALCULATED = object()


def _merged_anchors(sheet: Worksheet) -> dict[tuple[int, int], tuple[int, int]]:
    """Map each cell below the top of a merged range, in its first column, to the top cell.

    A vertical merge gives its value to every row it covers. The other columns
    of a merge stay empty, so a Response merged across Comment is read once.
    """
    anchors = {}
    for merged in sheet.merged_cells.ranges:
        for row in range(merged.min_row + 1, merged.max_row + 1):
            anchors[(row, merged.min_col)] = (merged.min_row, merged.min_col)
    return anchors


def _value(
    sheet: Worksheet,
    row: int,
    column: int,
    anchors: dict[tuple[int, int], tuple[int, int]],
    cached: dict[tuple[int, int], object] | None,
) -> object:
    row, column = anchors.get((row, column), (row, column))
    cell = sheet.cell(row=row, column=column)
    if isinstance(cell, MergedCell):
        return None
    if cell.data_type == "f":
        value = None if cached is None else cached.get((row, column))
        return _UNCALCULATED if value is None else value
    return _plain(cell)


def _plain(cell: Cell) -> object:
    value = cell.value
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _read_rows(
    sheet: Worksheet,
    header_row: int,
    columns: dict[str, int],
    checklist: Checklist,
    cached: dict[tuple[int, int], object] | None,
    result: QuestionnaireFile,
) -> None:
    anchors = _merged_anchors(sheet)
    known = {item_id.lower(): item_id for item_id in checklist.items}
    first_row_of: dict[str, int] = {}
    last = min(sheet.max_row, header_row + MAX_ROWS)
    for row in range(header_row + 1, last + 1):
        values = {
            header: _value(sheet, row, column, anchors, cached)
            for header, column in columns.items()
            if header == layout.ITEM_ID or header in layout.ANSWER_HEADERS
        }
        problem = _row_problem(row, values, known, first_row_of)
        if problem is not None:
            result.problems.append(problem)
        elif _has_answer(values):
            result.rows.append(_response_row(row, values, known))
    if sheet.max_row > last:
        result.problems.append(
            RowProblem(
                last + 1,
                "",
                f"rows {last + 1} to {sheet.max_row} were not read; a questionnaire has "
                f"at most {MAX_ROWS} rows",
            )
        )


def _has_answer(values: dict[str, object]) -> bool:
    return any(values.get(header) is not None for header in layout.ANSWER_HEADERS)


def _row_problem(
    row: int, values: dict[str, object], known: dict[str, str], first_row_of: dict[str, int]
) -> RowProblem | None:
    """Return why *row* cannot be used, or None; blank and heading rows are no problem."""
    raw_id = values[layout.ITEM_ID]
    item_text = "" if raw_id is _UNCALCULATED else _text(raw_id)
    item_id = known.get(item_text.lower(), "")
    for header, value in values.items():
        if value is _UNCALCULATED:
            return RowProblem(
                row,
                item_id or item_text,
                f"the {header} cell holds a formula with no saved result; type the value, "
                "or open the file in a spreadsheet program and save it again",
            )
    if not _has_answer(values):
        return None
    if not item_text:
        return RowProblem(row, "", "the row has an answer but no item ID")
    if not item_id:
        return RowProblem(row, item_text, f"unknown item ID {item_text[:60]!r}")
    if item_id in first_row_of:
        return RowProblem(
            row, item_id, f"item already answered in row {first_row_of[item_id]}; row ignored"
        )
    first_row_of[item_id] = row
    return None


def _response_row(row: int, values: dict[str, object], known: dict[str, str]) -> ResponseRow:
    return ResponseRow(
        row=row,
        item_id=known[_text(values[layout.ITEM_ID]).lower()],
        response=values[layout.RESPONSE],
        comment=_text(values.get(layout.COMMENT)),
        evidence=_text(values.get(layout.EVIDENCE)),
    )
