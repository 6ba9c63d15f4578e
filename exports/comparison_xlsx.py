"""Write the comparison workbook that shows the practice owner why a vendor was chosen.

Sheets: Summary (one row per vendor in rank order, a native bar chart of the
overall scores and the radar chart as a picture), Detail (one row per
checklist item with each vendor's answer and status) and Targets (the targets
and weights the scores used, so they can be reproduced later).
"""

from __future__ import annotations

import datetime as dt
import logging
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference, Series
from openpyxl.chart.marker import DataPoint
from openpyxl.drawing.image import Image
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from exports import charts
from exports.cells import write, write_row
from exports.comparison_detail import fill_detail, fill_targets
from exports.workbook_style import HEADER_FILL, HEADER_FONT, print_setup, save_workbook
from models.checklist import Checklist, Value
from models.comparison import rank, score_all
from models.errors import WorkbenchError
from models.practice import Practice
from models.scoring import Status, VendorScore
from models.store import Store
from models.vendors import Vendor

log = logging.getLogger(__name__)

SUMMARY_HEADER_ROW = 4
STATUS_ORDER = (Status.MEETS, Status.PARTIAL, Status.GAP, Status.UNKNOWN)
# Pixels per inch of the radar picture: sharp on screen and in print, small in the file.
RADAR_DPI = 120
CHART_LABEL_HEADER = "Chart label"
# Bar colours: blue for qualified vendors, grey for disqualified ones (also named so).
QUALIFIED_BAR = "0072B2"
DISQUALIFIED_BAR = "999999"


class NothingToCompareError(WorkbenchError):
    """The database has no vendors, so a comparison would be an empty workbook."""


@dataclass(frozen=True)
class ComparisonData:
    """Everything the workbook shows, already scored and ranked best first."""

    checklist: Checklist
    practice: Practice
    ranked: Sequence[tuple[Vendor, VendorScore]]
    values: Mapping[int, Mapping[str, Value | None]]
    created: dt.datetime


def export_comparison(
    store: Store,
    path: Path | str,
    names: list[str] | None = None,
    png_path: Path | str | None = None,
) -> ComparisonData:
    """Score the vendors called *names* (all when None) and write the workbook to *path*.

    Also writes the radar chart to *png_path* when given.

    Raises:
        NothingToCompareError: the database has no vendors.
        VendorNotFoundError: one of *names* is not a vendor.
    """
    data = collect_comparison(store, names)
    write_comparison_files(data, path, png_path)
    return data


def collect_comparison(store: Store, names: list[str] | None = None) -> ComparisonData:
    """Read and score what the workbook shows; the only step that touches the store.

    Raises:
        NothingToCompareError: the database has no vendors.
    """
    return ComparisonData(
        checklist=store.checklist,
        practice=store.practice(),
        ranked=ranked_vendors(store, names),
        values=store.answer_values(),
        created=dt.datetime.now().replace(microsecond=0),
    )


def ranked_vendors(
    store: Store, names: list[str] | None = None
) -> list[tuple[Vendor, VendorScore]]:
    """Score and rank the vendors called *names* (all when None), best first.

    Raises:
        NothingToCompareError: the database has no vendors.
        VendorNotFoundError: one of *names* is not a vendor.
    """
    ranked = rank(score_all(store, names))
    if not ranked:
        raise NothingToCompareError(
            f"{store.path}: there are no vendors to compare. Add vendors first: in the "
            "window, with `vendors import FILE.json`, or run `demo` for sample vendors."
        )
    return ranked


def write_comparison_files(
    data: ComparisonData,
    path: Path | str,
    png_path: Path | str | None = None,
    on_step: Callable[[str], None] | None = None,
) -> None:
    """Draw the radar and write the workbook (and *png_path*); safe off the GUI thread.

    *on_step* is called with a description before each step, so a caller can
    report progress or cancel between steps by raising.
    """
    step = on_step or (lambda _text: None)
    series = charts.series_from_scores(data.ranked)
    with tempfile.TemporaryDirectory(prefix="baa-radar-") as folder:
        # Drawing the radar is the slowest step, so a requested PNG is drawn once and reused.
        radar = Path(png_path) if png_path is not None else Path(folder) / "radar.png"
        step("Drawing the radar chart")
        charts.save_radar_png(data.checklist, series, radar, dpi=RADAR_DPI)
        step("Writing the workbook")
        write_comparison(path, data, radar)
    log.info("Wrote comparison of %d vendors to %s", len(data.ranked), path)


def write_comparison(path: Path | str, data: ComparisonData, radar_png: Path | None) -> None:
    """Write the workbook for *data* to *path*, with *radar_png* on the Summary sheet."""
    save_workbook(build_workbook(data, radar_png), path)


def build_workbook(data: ComparisonData, radar_png: Path | None) -> Workbook:
    workbook = Workbook()
    summary = workbook.active
    assert summary is not None
    summary.title = "Summary"
    last_row = _fill_summary(summary, data)
    _add_charts(summary, data, last_row, radar_png)
    fill_detail(
        workbook.create_sheet("Detail"), data.checklist, data.practice, data.ranked, data.values
    )
    names = [vendor.name for vendor, _ in data.ranked]
    targets = workbook.create_sheet("Targets")
    fill_targets(targets, data.checklist, data.practice, data.created, names)
    properties = workbook.properties
    properties.title = "Cloud backup vendor comparison"
    properties.subject = data.practice.name or "vendor comparison"
    properties.creator = "BAA Workbench"
    properties.created = data.created
    properties.keywords = "HIPAA, BAA, cloud backup, due diligence"
    properties.description = "Scores against the practice's targets. Not legal advice."
    return workbook


def _fill_summary(sheet: Worksheet, data: ComparisonData) -> int:
    """Write the title and one row per vendor; return the last row written."""
    title = "Cloud backup vendor comparison"
    if data.practice.name:
        title += f" for {data.practice.name}"
    write(sheet, 1, 1, title).font = Font(bold=True, size=14)
    write(
        sheet,
        2,
        1,
        f"Scored {data.created:%Y-%m-%d %H:%M} against the targets on sheet Targets. "
        "Scores run from 0 to 100. Not legal advice.",
    )
    sections = data.checklist.sections
    headers = _summary_headers(sheet, data)
    row = SUMMARY_HEADER_ROW
    for position, (vendor, score) in enumerate(data.ranked, start=1):
        row = SUMMARY_HEADER_ROW + position
        disqualified = "yes: " + ", ".join(score.knockouts) if score.disqualified else "no"
        values = [
            position,
            vendor.name,
            score.overall,
            disqualified,
            *[score.sections.get(section.id) for section in sections],
            *[score.counts[status] for status in STATUS_ORDER],
        ]
        write_row(sheet, row, values)
        write(sheet, row, len(headers) + 1, _chart_label(vendor.name, score))
        sheet.cell(row=row, column=1).alignment = Alignment(horizontal="center")
        for column in range(3, 5 + len(sections)):
            sheet.cell(row=row, column=column).number_format = "0.0"
        # Centred scores and an indented verdict keep "97.5" and "no" apart in print.
        sheet.cell(row=row, column=3).alignment = Alignment(horizontal="center")
        sheet.cell(row=row, column=4).alignment = Alignment(horizontal="left", indent=1)
    _summary_layout(sheet, len(headers), len(sections))
    return row


def _chart_label(name: str, score: VendorScore) -> str:
    """Name a bar of the overall-score chart, marking a disqualified vendor.

    Long names are shortened as in the radar legend: a 200-character category
    label would leave the bars no room.
    """
    label = charts.short_label(name)
    return f"{label} (disqualified)" if score.disqualified else label


def _summary_headers(sheet: Worksheet, data: ComparisonData) -> list[str]:
    headers = [
        "Rank",
        "Vendor",
        "Overall",
        "Disqualified",
        *[section.title for section in data.checklist.sections],
        *[status.value.capitalize() for status in STATUS_ORDER],
    ]
    write_row(sheet, SUMMARY_HEADER_ROW, headers)
    # The bar chart takes its category names from this hidden column.
    write(sheet, SUMMARY_HEADER_ROW, len(headers) + 1, CHART_LABEL_HEADER)
    for column in range(1, len(headers) + 1):
        cell = sheet.cell(row=SUMMARY_HEADER_ROW, column=column)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top", horizontal="center")
    return headers


def _summary_layout(sheet: Worksheet, columns: int, sections: int) -> None:
    widths = {1: 6, 2: 28, 3: 10, 4: 18}
    for column in range(1, columns + 1):
        default = 12 if column <= 4 + sections else 9
        sheet.column_dimensions[get_column_letter(column)].width = widths.get(column, default)
    sheet.column_dimensions[get_column_letter(columns + 1)].hidden = True
    sheet.row_dimensions[SUMMARY_HEADER_ROW].height = 45
    sheet.freeze_panes = f"C{SUMMARY_HEADER_ROW + 1}"
    print_setup(sheet, landscape=True, title_rows=f"{SUMMARY_HEADER_ROW}:{SUMMARY_HEADER_ROW}")


def _colour_bars(series: Series, disqualified: list[bool]) -> None:
    series.graphicalProperties.solidFill = QUALIFIED_BAR
    for index, excluded in enumerate(disqualified):
        if excluded:
            point = DataPoint(idx=index)
            point.graphicalProperties.solidFill = DISQUALIFIED_BAR
            series.dPt.append(point)


def _add_charts(
    sheet: Worksheet, data: ComparisonData, last_row: int, radar_png: Path | None
) -> None:
    """Put the bar chart of overall scores below the table and the radar picture beside it."""
    anchor_row = last_row + 3
    if data.ranked:
        chart = BarChart()
        chart.type = "bar"
        chart.title = "Overall score (0-100)"
        chart.legend = None
        chart.y_axis.scaling.min = 0
        chart.y_axis.scaling.max = 100
        chart.x_axis.scaling.orientation = "maxMin"  # rank 1 at the top, as in the table
        chart.x_axis.delete = False
        chart.y_axis.delete = False
        chart.y_axis.number_format = "0"
        chart.y_axis.majorUnit = 20
        scores = Reference(sheet, min_col=3, min_row=SUMMARY_HEADER_ROW + 1, max_row=last_row)
        label_column = 5 + len(data.checklist.sections) + len(STATUS_ORDER)
        names = Reference(
            sheet, min_col=label_column, min_row=SUMMARY_HEADER_ROW + 1, max_row=last_row
        )
        chart.add_data(scores, titles_from_data=False)
        chart.set_categories(names)
        # The labels live in a hidden column, which a chart skips unless told otherwise.
        chart.visible_cells_only = False
        _colour_bars(chart.series[0], [score.disqualified for _, score in data.ranked])
        chart.width = 16
        chart.height = max(7.5, 0.6 * len(data.ranked) + 2)
        sheet.add_chart(chart, f"B{anchor_row}")
    if radar_png is not None:
        picture = Image(str(radar_png))
        # The radar is 6.4 x 5.0 inches at RADAR_DPI; shown at 80 % it fits beside the bars.
        picture.width, picture.height = int(picture.width * 0.8), int(picture.height * 0.8)
        sheet.add_image(picture, f"H{anchor_row}")
