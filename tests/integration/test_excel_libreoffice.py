"""Both workbooks open in a real LibreOffice, and a questionnaire it re-saved imports."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from exports.comparison_xlsx import export_comparison
from exports.questionnaire_import import read_questionnaire
from exports.questionnaire_plan import apply_import, plan_import
from models.store import Store
from tests.excel_helpers import export_for, fill
from tests.libreoffice import convert

pytestmark = pytest.mark.libreoffice

HYPERLINK = '=HYPERLINK("http://example.invalid","x")'


def page_count(pdf: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))


def test_comparison_opens_and_resaves(demo_db: Store, tmp_path: Path) -> None:
    demo_db.add_vendor(HYPERLINK)
    source = export_comparison(demo_db, tmp_path / "comparison.xlsx")
    pdf = convert(tmp_path / "comparison.xlsx", "pdf", tmp_path / "pdf")
    assert page_count(pdf) >= 3
    resaved = load_workbook(convert(tmp_path / "comparison.xlsx", "xlsx", tmp_path / "resaved"))
    assert resaved.sheetnames == ["Summary", "Detail", "Targets"]
    names = [row[1] for row in resaved["Summary"].iter_rows(min_row=5, values_only=True) if row[0]]
    assert names == [vendor.name for vendor, _ in source.ranked]
    formulas = [
        cell.coordinate
        for sheet in resaved.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]
    assert formulas == []


def test_questionnaire_resaved_by_libreoffice_imports(demo_db: Store, tmp_path: Path) -> None:
    sent = export_for(demo_db, "Bluefin Archive", tmp_path / "bluefin.xlsx")
    fill(
        sent,
        {
            "incident.notification_hours": "60 days",
            "recovery.rto_hours": 6,
            "encryption.in_transit_tls": "TLS 1.3",
            "access.mfa": "Partially ",
            "recovery.test_frequency": '="quarterly"',
        },
    )
    pdf = convert(sent, "pdf", tmp_path / "pdf")
    assert page_count(pdf) >= 3
    resaved = convert(sent, "xlsx", tmp_path / "resaved")
    plan = plan_import(demo_db, read_questionnaire(resaved, demo_db.checklist))
    assert plan.problems == []
    apply_import(demo_db, plan)
    answers = demo_db.answers(demo_db.vendor("Bluefin Archive").id)
    assert answers["incident.notification_hours"].value == 1440.0
    assert answers["recovery.rto_hours"].value == 6.0
    assert answers["encryption.in_transit_tls"].value == "1.3"
    assert answers["access.mfa"].value == "partial"
    assert answers["recovery.test_frequency"].value == "quarterly"
    assert answers["recovery.rto_hours"].source == "questionnaire bluefin.xlsx"
