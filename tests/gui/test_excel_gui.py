"""The questionnaire import dialog, its changes model and the Excel file actions."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from exports.questionnaire_import import read_questionnaire
from exports.questionnaire_plan import plan_import
from gui import services
from gui.excel_actions import (
    export_comparison_file,
    export_questionnaire_file,
    import_questionnaire_file,
)
from gui.import_changes_model import ImportChangesModel
from gui.questionnaire_import_dialog import QuestionnaireImportDialog
from models.store import Store
from tests.excel_helpers import export_for, fill


@pytest.fixture
def scripted() -> Iterator[services.ScriptedDialogs]:
    fake = services.ScriptedDialogs()
    previous = services.install(fake)
    yield fake
    services.install(previous)


@pytest.fixture
def returned(demo_db: Store, tmp_path: Path) -> Path:
    """Harborline's questionnaire, filled with two changes and one unreadable row."""
    path = export_for(demo_db, "Harborline Backup", tmp_path / "harborline.xlsx")
    return fill(
        path,
        {
            "incident.notification_hours": "8 hrs",
            "recovery.rto_hours": "2",
            "recovery.rpo_hours": "1-4 hours",
        },
    )


def test_changes_model_passes_modeltester(qtmodeltester, demo_db: Store, returned: Path) -> None:  # type: ignore[no-untyped-def]
    plan = plan_import(demo_db, read_questionnaire(returned, demo_db.checklist))
    model = ImportChangesModel(plan.changes)
    qtmodeltester.check(model)
    assert model.rowCount() == 2


def test_changes_model_unchecks(demo_db: Store, returned: Path) -> None:
    plan = plan_import(demo_db, read_questionnaire(returned, demo_db.checklist))
    model = ImportChangesModel(plan.changes)
    assert model.setData(model.index(0, 0), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert model.accepted_item_ids() == [plan.changes[1].item_id]
    model.set_all_accepted(False)
    assert model.accepted_item_ids() == []


def test_dialog_previews_without_writing(qtbot, demo_db: Store, returned: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = QuestionnaireImportDialog(demo_db, read_questionnaire(returned, demo_db.checklist))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.model.rowCount() == 2
    assert dialog.problems.count() == 1
    assert "recovery.rpo_hours" in dialog.problems.item(0).text()
    harborline = demo_db.vendor("Harborline Backup")
    assert demo_db.answers(harborline.id)["incident.notification_hours"].value == 1440.0


def test_dialog_applies_checked_changes(qtbot, demo_db: Store, returned: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = QuestionnaireImportDialog(demo_db, read_questionnaire(returned, demo_db.checklist))
    qtbot.addWidget(dialog)
    dialog.open()
    rows = {dialog.model.index(r, 2).data(): r for r in range(dialog.model.rowCount())}
    dialog.model.setData(
        dialog.model.index(rows["recovery.rto_hours"], 0),
        Qt.CheckState.Unchecked,
        Qt.ItemDataRole.CheckStateRole,
    )
    with qtbot.waitSignal(dialog.applied) as applied:
        dialog.apply_button.click()
    assert applied.args[0] >= 2
    answers = demo_db.answers(demo_db.vendor("Harborline Backup").id)
    assert answers["incident.notification_hours"].value == 8.0
    assert answers["incident.notification_hours"].source == "questionnaire harborline.xlsx"
    assert answers["recovery.rto_hours"].value != 2.0


def test_blank_questionnaire_asks_vendor(qtbot, demo_db: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from exports.questionnaire_xlsx import write_questionnaire

    path = tmp_path / "blank.xlsx"
    write_questionnaire(path, demo_db.checklist, demo_db.practice())
    fill(path, {"access.mfa": "no"})
    dialog = QuestionnaireImportDialog(demo_db, read_questionnaire(path, demo_db.checklist))
    qtbot.addWidget(dialog)
    assert not dialog.apply_button.isEnabled()
    assert "names no vendor" in dialog.summary.text()
    dialog.vendor_box.setCurrentText("Bluefin Archive")
    assert dialog.apply_button.isEnabled()
    assert dialog.model.rowCount() == 1


def test_export_comparison_action(qtbot, scripted, demo_db: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    scripted.files = deque([tmp_path / "comparison"])
    written = export_comparison_file(None, demo_db)
    assert written == tmp_path / "comparison.xlsx"
    assert load_workbook(written).sheetnames == ["Summary", "Detail", "Targets"]
    assert scripted.shown[-1][0] == "info"


def test_export_cancelled_writes_nothing(qtbot, scripted, demo_db: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    scripted.files = deque([None])
    assert export_questionnaire_file(None, demo_db, "Bluefin Archive") is None
    assert list(tmp_path.glob("*.xlsx")) == []


def test_export_questionnaire_action(qtbot, scripted, demo_db: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    scripted.files = deque([tmp_path / "q.xlsx"])
    written = export_questionnaire_file(None, demo_db, "Bluefin Archive")
    assert written is not None
    assert load_workbook(written)["Lists"]["B2"].value == "Bluefin Archive"


def test_import_action_shows_error_for_bad_file(
    qtbot, scripted, demo_db: Store, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "notes.xlsx"
    bad.write_text("hello", encoding="utf-8")
    scripted.files = deque([bad])
    assert import_questionnaire_file(None, demo_db) is None
    kind, title, message = scripted.shown[-1]
    assert (kind, title) == ("error", "Import questionnaire failed")
    assert "not an Excel workbook" in message


def test_import_action_opens_dialog(qtbot, scripted, demo_db: Store, returned: Path) -> None:  # type: ignore[no-untyped-def]
    scripted.files = deque([returned])
    calls: list[int] = []
    dialog = import_questionnaire_file(None, demo_db, calls.append)
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    with qtbot.waitSignal(dialog.applied):
        dialog.apply_button.click()
    assert calls and calls[0] > 0
