"""The questionnaire import dialog, its changes model and the Excel file actions."""

from __future__ import annotations

from collections import deque
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
def scripted(scripted_dialogs: services.ScriptedDialogs) -> services.ScriptedDialogs:
    return scripted_dialogs


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


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("comparison", "comparison.xlsx"),
        ("comparison.v2", "comparison.v2.xlsx"),
        ("comparison.docx", "comparison.docx.xlsx"),
        ("comparison.XLSX", "comparison.XLSX"),
    ],
)
def test_export_adds_xlsx_to_a_name_typed_without_it(  # type: ignore[no-untyped-def]
    qtbot, scripted, demo_db: Store, tmp_path: Path, typed: str, written: str
) -> None:
    scripted.files = deque([tmp_path / typed])
    assert export_questionnaire_file(None, demo_db) == tmp_path / written
    assert [path.name for path in tmp_path.glob("comparison*")] == [written]


def test_export_cancelled_writes_nothing(qtbot, scripted, demo_db: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    scripted.files = deque([None])
    assert export_questionnaire_file(None, demo_db, demo_db.vendor("Bluefin Archive").id) is None
    assert list(tmp_path.glob("*.xlsx")) == []


def test_export_questionnaire_action(qtbot, scripted, demo_db: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    scripted.files = deque([tmp_path / "q.xlsx"])
    written = export_questionnaire_file(None, demo_db, demo_db.vendor("Bluefin Archive").id)
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
    assert (kind, title) == ("error", "Could not import the questionnaire")
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


def file_action(window, text: str):  # type: ignore[no-untyped-def]
    (action,) = [a for a in window.menu("File").actions() if a.text() == text]
    return action


def test_file_menu_has_excel_actions(demo_window) -> None:  # type: ignore[no-untyped-def]
    texts = [action.text() for action in demo_window.menu("File").actions()]
    wanted = ["Export &comparison…", "Export &questionnaire…", "Import q&uestionnaire…"]
    assert all(text in texts for text in wanted)
    assert texts.index(wanted[-1]) < texts.index("&Quit")


def test_compare_tab_exports_chosen_vendors(qtbot, demo_window, scripted, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    tab = demo_window.compare_tab
    chosen = [vendor.name for vendor, _ in tab.model.chosen_scores()]
    dropped = chosen[0]
    tab.set_compared(demo_window.store.vendor(dropped).id, False)
    scripted.files = deque([tmp_path / "compared.xlsx"])
    demo_window.excel_actions.compare_button.click()
    qtbot.waitUntil(lambda: any(kind == "info" for kind, _, _ in scripted.shown))
    sheet = load_workbook(tmp_path / "compared.xlsx")["Summary"]
    names = [row[1] for row in sheet.iter_rows(min_row=5, values_only=True) if row[0]]
    assert sorted(names) == sorted(chosen[1:])


def test_file_menu_exports_selected_vendor_questionnaire(
    demo_window, scripted, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    scripted.files = deque([tmp_path / "q.xlsx"])
    file_action(demo_window, "Export &questionnaire…").trigger()
    selected = demo_window.store.vendor_by_id(demo_window.current_vendor_id()).name
    assert load_workbook(tmp_path / "q.xlsx")["Lists"]["B2"].value == selected


def test_file_menu_import_rescores_window(qtbot, demo_window, scripted, returned: Path) -> None:  # type: ignore[no-untyped-def]
    scripted.files = deque([returned])
    file_action(demo_window, "Import q&uestionnaire…").trigger()
    dialog = demo_window.excel_actions.import_dialog
    assert dialog is not None
    with qtbot.waitSignal(demo_window.dataChanged):
        dialog.apply_button.click()
    harborline = demo_window.store.vendor("Harborline Backup")
    scores = demo_window.session.snapshot.scores[harborline.id]
    assert scores.status("incident.notification_hours").value == "meets"


def test_export_comparison_without_vendors_shows_error(  # type: ignore[no-untyped-def]
    qtbot, scripted, fresh_db: Store, tmp_path: Path
) -> None:
    scripted.files = deque([tmp_path / "empty.xlsx"])
    export_comparison_file(None, fresh_db)
    kind, _title, message = scripted.shown[-1]
    assert kind == "error"
    assert "there are no vendors to compare" in message
    assert not (tmp_path / "empty.xlsx").exists()
