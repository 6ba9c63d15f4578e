"""The comparison workbook: what each sheet contains and how it prints."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from exports.comparison_xlsx import SUMMARY_HEADER_ROW, NothingToCompareError, export_comparison
from models.comparison import rank, score_all
from models.errors import VendorNotFoundError
from models.store import Store


@pytest.fixture
def workbook(demo_db: Store, tmp_path: Path):  # type: ignore[no-untyped-def]
    export_comparison(demo_db, tmp_path / "comparison.xlsx", png_path=tmp_path / "radar.png")
    return load_workbook(tmp_path / "comparison.xlsx")


def summary_rows(sheet) -> list[list[object]]:  # type: ignore[no-untyped-def]
    rows = sheet.iter_rows(min_row=SUMMARY_HEADER_ROW + 1, values_only=True)
    return [list(row) for row in rows if row[0] is not None]


def test_sheets_and_properties(workbook) -> None:  # type: ignore[no-untyped-def]
    assert workbook.sheetnames == ["Summary", "Detail", "Targets"]
    assert workbook.properties.title == "Cloud backup vendor comparison"
    assert "Not legal advice" in workbook.properties.description


def test_summary_rows_in_rank_order(workbook, demo_db: Store) -> None:  # type: ignore[no-untyped-def]
    ranked = rank(score_all(demo_db))
    rows = summary_rows(workbook["Summary"])
    assert [row[1] for row in rows] == [vendor.name for vendor, _ in ranked]
    assert [row[0] for row in rows] == list(range(1, len(ranked) + 1))
    assert [row[2] for row in rows] == [score.overall for _, score in ranked]


def test_summary_shows_disqualification(workbook) -> None:  # type: ignore[no-untyped-def]
    rows = {row[1]: row for row in summary_rows(workbook["Summary"])}
    assert rows["NimbusVault Cloud"][3] == "yes: baa.will_sign"
    assert rows["Harborline Backup"][3] == "no"


def test_summary_counts_each_status(workbook, demo_db: Store) -> None:  # type: ignore[no-untyped-def]
    sheet = workbook["Summary"]
    headers = [cell.value for cell in sheet[SUMMARY_HEADER_ROW]]
    assert headers[-5:] == ["Meets", "Partial", "Gap", "Unknown", "Chart label"]
    assert headers[4:-5] == [section.title for section in demo_db.checklist.sections]
    assert all(sum(row[-5:-1]) == 57 for row in summary_rows(sheet))


def test_summary_has_bar_chart_and_radar(workbook) -> None:  # type: ignore[no-untyped-def]
    sheet = workbook["Summary"]
    assert len(sheet._charts) == 1
    assert sheet._charts[0].tagname == "barChart"
    assert len(sheet._images) == 1


def test_bar_chart_marks_disqualified_vendor(workbook) -> None:  # type: ignore[no-untyped-def]
    sheet = workbook["Summary"]
    rows = summary_rows(sheet)
    labels = [row[-1] for row in rows]
    assert labels[-1] == "NimbusVault Cloud (disqualified)"
    assert labels[0] == rows[0][1]
    label_column = get_column_letter(len(rows[0]))
    assert sheet.column_dimensions[label_column].hidden
    chart = sheet._charts[0]
    assert not chart.visible_cells_only
    series = chart.series[0]
    assert series.cat.numRef.f == f"'Summary'!${label_column}$5:${label_column}$9"
    grey = [point.idx for point in series.dPt]
    assert grey == [len(rows) - 1]


def test_bar_chart_shortens_long_names(demo_db: Store, tmp_path: Path) -> None:
    demo_db.add_vendor("L" * 200)
    export_comparison(demo_db, tmp_path / "c.xlsx")
    labels = [row[-1] for row in summary_rows(load_workbook(tmp_path / "c.xlsx")["Summary"])]
    assert "L" * 39 + "\u2026" in labels
    assert max(len(label) for label in labels) <= 40 + len(" (disqualified)")


def test_detail_header_shortens_long_names(demo_db: Store, tmp_path: Path) -> None:
    demo_db.add_vendor("L" * 200)
    export_comparison(demo_db, tmp_path / "c.xlsx")
    sheet = load_workbook(tmp_path / "c.xlsx")["Detail"]
    vendors = [cell.value for cell in sheet[1][5::2]]
    assert "L" * 39 + "\u2026" in vendors
    assert "Harborline Backup" in vendors


def test_overall_and_disqualified_read_apart(workbook) -> None:  # type: ignore[no-untyped-def]
    sheet = workbook["Summary"]
    first = SUMMARY_HEADER_ROW + 1
    assert sheet.cell(row=first, column=3).alignment.horizontal == "center"
    assert sheet.cell(row=first, column=4).alignment.indent == 1


def test_png_written(workbook, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert (tmp_path / "radar.png").read_bytes().startswith(b"\x89PNG")


def test_detail_answers_and_statuses(workbook) -> None:  # type: ignore[no-untyped-def]
    sheet = workbook["Detail"]
    vendors = [cell.value for cell in sheet[1][5::2]]
    column = 6 + 2 * vendors.index("Harborline Backup")
    rows = {sheet.cell(row=r, column=2).value: r for r in range(3, sheet.max_row + 1)}
    row = rows["incident.notification_hours"]
    assert sheet.cell(row=row, column=column).value == "1440 hours"
    status = sheet.cell(row=row, column=column + 1)
    assert status.value == "gap"
    assert status.fill.fgColor.rgb == "00FFC7CE"
    assert sheet.cell(row=row, column=4).value == "at most 8 hours"


def test_detail_frozen_and_filtered(workbook) -> None:  # type: ignore[no-untyped-def]
    sheet = workbook["Detail"]
    assert sheet.freeze_panes == "D3"
    assert sheet.auto_filter.ref.startswith("A2:")
    assert sheet.max_row == 59


def test_targets_record_practice_changes(demo_db: Store, tmp_path: Path) -> None:
    demo_db.set_target("recovery.rto_hours", 2, source="owner's decision")
    export_comparison(demo_db, tmp_path / "c.xlsx")
    sheet = load_workbook(tmp_path / "c.xlsx")["Targets"]
    rows = {row[1]: row for row in sheet.iter_rows(min_row=5, values_only=True)}
    assert rows["recovery.rto_hours"][3:] == (
        "at most 2 hours",
        3,
        None,
        "practice",
        "owner's decision",
    )
    assert rows["baa.will_sign"][5:7] == ("yes", "checklist default")
    assert "scored" in sheet["A2"].value
    assert sheet["A3"].value.startswith("Vendors scored: Ridgeway Health Vault, Harborline Backup")


def test_every_sheet_prints_landscape(workbook) -> None:  # type: ignore[no-untyped-def]
    for sheet in workbook.worksheets:
        assert sheet.page_setup.orientation == "landscape", sheet.title
        assert sheet.print_title_rows, sheet.title
        assert "&D" in sheet.oddFooter.center.text, sheet.title
        assert "&P" in sheet.oddFooter.right.text, sheet.title
    assert workbook["Summary"].sheet_properties.pageSetUpPr.fitToPage
    assert workbook["Targets"].sheet_properties.pageSetUpPr.fitToPage


def test_detail_breaks_pages_between_vendors(workbook) -> None:  # type: ignore[no-untyped-def]
    sheet = workbook["Detail"]
    assert not sheet.sheet_properties.pageSetUpPr.fitToPage
    assert [brk.id for brk in sheet.col_breaks.brk] == [5 + 2 * 4]
    assert sheet.print_title_cols == "$A:$C"


def test_detail_of_few_vendors_fits_width(demo_db: Store, tmp_path: Path) -> None:
    export_comparison(demo_db, tmp_path / "c.xlsx", ["Harborline Backup", "Bluefin Archive"])
    sheet = load_workbook(tmp_path / "c.xlsx")["Detail"]
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.page_setup.fitToWidth == 1
    assert not sheet.col_breaks.brk


def test_vendor_subset(demo_db: Store, tmp_path: Path) -> None:
    data = export_comparison(demo_db, tmp_path / "c.xlsx", ["harborline backup", "Bluefin Archive"])
    assert sorted(vendor.name for vendor, _ in data.ranked) == [
        "Bluefin Archive",
        "Harborline Backup",
    ]


def test_unknown_vendor_writes_nothing(demo_db: Store, tmp_path: Path) -> None:
    with pytest.raises(VendorNotFoundError):
        export_comparison(demo_db, tmp_path / "c.xlsx", ["Nobody Inc"])
    assert [path.name for path in tmp_path.iterdir() if ".xlsx" in path.name] == []


def test_no_vendors_writes_nothing(fresh_db: Store, tmp_path: Path) -> None:
    with pytest.raises(NothingToCompareError, match="no vendors to compare"):
        export_comparison(fresh_db, tmp_path / "c.xlsx")
    assert list(tmp_path.glob("c.*")) == []
