"""The vendor BAA review dialog and its findings model, standalone and offscreen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from exports.baa_import import read_vendor_baa
from gui import services
from gui.baa_findings_model import BaaFindingsModel, Column, Decision
from gui.baa_import_dialog import BaaImportDialog, open_baa_import
from models.store import Store
from tests.baa_documents import NOTIFICATION_SENTENCE, BaaSpec, build_baa


@pytest.fixture
def scripted(scripted_dialogs: services.ScriptedDialogs) -> services.ScriptedDialogs:
    return scripted_dialogs


@pytest.fixture
def baa_path(tmp_path: Path) -> Path:
    rows = [("Recovery Time Objective (RTO)", "Four (4) hours")]
    return build_baa(tmp_path / "Stratus BAA.docx", BaaSpec(service_table=rows))


@pytest.fixture
def vendor_id(fresh_db: Store) -> int:
    return fresh_db.add_vendor("Stratus Vault").id


@pytest.fixture
def dialog(qtbot, fresh_db: Store, vendor_id: int, baa_path: Path, scripted) -> BaaImportDialog:  # type: ignore[no-untyped-def]
    dialog = BaaImportDialog(fresh_db, read_vendor_baa(baa_path), vendor_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def row_of(model: BaaFindingsModel, item_id: str) -> int:
    return next(i for i, row in enumerate(model.rows) if row.finding.item_id == item_id)


def test_findings_model_passes_qtmodeltester(
    qtmodeltester, fresh_db: Store, baa_path: Path
) -> None:  # type: ignore[no-untyped-def]
    model = BaaFindingsModel(read_vendor_baa(baa_path).analysis.findings, fresh_db.checklist)
    qtmodeltester.check(model)
    model.set_decision(0, Decision.ACCEPTED)
    model.setData(model.index(1, Column.VALUE), "no", Qt.ItemDataRole.EditRole)
    qtmodeltester.check(model)


def test_model_shows_item_value_and_wording(fresh_db: Store, baa_path: Path) -> None:
    model = BaaFindingsModel(read_vendor_baa(baa_path).analysis.findings, fresh_db.checklist)
    row = row_of(model, "incident.notification_hours")
    assert model.index(row, Column.VALUE).data() == "1440 hours"
    assert model.index(row, Column.LOCATION).data() == "section 2.3"
    assert model.index(row, Column.WORDING).data() == NOTIFICATION_SENTENCE
    assert model.index(row, Column.DECISION).data() == "pending"
    assert "[incident.notification_hours]" in model.index(row, Column.ITEM).data()


def test_invalid_edit_is_refused(qtbot, fresh_db: Store, baa_path: Path) -> None:  # type: ignore[no-untyped-def]
    model = BaaFindingsModel(read_vendor_baa(baa_path).analysis.findings, fresh_db.checklist)
    row = row_of(model, "incident.notification_hours")
    with qtbot.waitSignal(model.value_rejected) as signal:
        assert not model.setData(model.index(row, Column.VALUE), "soon", Qt.ItemDataRole.EditRole)
    assert "expected a number of hours" in signal.args[0]
    assert model.rows[row].decision is Decision.PENDING


def test_selecting_finding_highlights_paragraph(dialog: BaaImportDialog) -> None:
    row = row_of(dialog.model, "baa.return_or_destroy")
    dialog.select_finding(row)
    highlighted = dialog.paragraphs.item(dialog.highlighted_row())
    assert highlighted.text().startswith("3.2 Return or Destruction.")
    assert "if feasible" in dialog.explanation.text()


def test_nothing_stored_before_save(
    dialog: BaaImportDialog, fresh_db: Store, vendor_id: int
) -> None:
    dialog.model.set_all(Decision.ACCEPTED)
    dialog.reject()
    assert fresh_db.answers(vendor_id) == {}
    assert fresh_db.wording(vendor_id) == {}


def test_save_stores_only_accepted_and_edited(
    qtbot, dialog: BaaImportDialog, fresh_db: Store, vendor_id: int
) -> None:  # type: ignore[no-untyped-def]
    model = dialog.model
    notice = row_of(model, "incident.notification_hours")
    subcontractors = row_of(model, "baa.subcontractor_flowdown")
    rto = row_of(model, "recovery.rto_hours")
    model.setData(
        model.index(notice, Column.DECISION),
        Qt.CheckState.Checked.value,
        Qt.ItemDataRole.CheckStateRole,
    )
    model.setData(model.index(subcontractors, Column.VALUE), "no", Qt.ItemDataRole.EditRole)
    dialog.select_finding(rto)
    dialog._decide_selected(Decision.REJECTED)
    with qtbot.waitSignal(dialog.saved) as signal:
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert signal.args == [2]
    answers = fresh_db.answers(vendor_id)
    assert set(answers) == {"incident.notification_hours", "baa.subcontractor_flowdown"}
    assert answers["baa.subcontractor_flowdown"].value == "no"
    assert fresh_db.wording(vendor_id)["incident.notification_hours"] == NOTIFICATION_SENTENCE
    wording_audit = fresh_db.audit_trail("wording", vendor_id)
    assert {entry.field for entry in wording_audit} == set(answers)
    sources = {
        e.new_value
        for e in fresh_db.audit_trail("answer", vendor_id)
        if e.field.endswith(".source")
    }
    assert sources == {
        "vendor BAA Stratus BAA.docx, section 2.3",
        "vendor BAA Stratus BAA.docx, section 2.4",
    }


def test_save_without_accepted_findings(
    dialog: BaaImportDialog, scripted, fresh_db: Store, vendor_id: int
) -> None:  # type: ignore[no-untyped-def]
    dialog.save()
    assert scripted.shown[-1][:2] == ("info", "Nothing to save")
    assert dialog.isVisible()
    assert fresh_db.answers(vendor_id) == {}


def test_save_to_new_vendor_typed_in(dialog: BaaImportDialog, fresh_db: Store) -> None:
    dialog.vendor_box.setCurrentText("Brand New Backup")
    dialog.model.set_all(Decision.ACCEPTED)
    dialog.save()
    vendor = fresh_db.vendor("Brand New Backup")
    assert fresh_db.answers(vendor.id)["incident.notification_hours"].value == 1440.0


def test_failed_save_writes_nothing(
    dialog: BaaImportDialog,
    scripted,
    fresh_db: Store,
    vendor_id: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # type: ignore[no-untyped-def]
    from models.errors import InvalidFieldError

    def failing_wordings(*args: object, **kwargs: object) -> None:
        raise InvalidFieldError("incident.notification_hours wording: text is too long")

    monkeypatch.setattr(fresh_db, "set_wordings", failing_wordings)
    dialog.model.set_all(Decision.ACCEPTED)
    dialog.save()
    assert scripted.shown[-1][:2] == ("error", "Findings not saved")
    assert fresh_db.answers(vendor_id) == {}
    assert fresh_db.audit_trail("answer", vendor_id) == []


def test_open_reports_unreadable_file(qtbot, tmp_path: Path, fresh_db: Store, scripted) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "scan.docx"
    bad.write_bytes(b"%PDF-1.7 not a word file")
    scripted.files.append(bad)
    assert open_baa_import(None, fresh_db) is None
    kind, title, message = scripted.shown[-1]
    assert (kind, title) == ("error", "Cannot read the BAA")
    assert message.startswith("scan.docx: not a Word document")


def test_open_shows_dialog_for_chosen_file(
    qtbot, baa_path: Path, fresh_db: Store, vendor_id: int, scripted
) -> None:  # type: ignore[no-untyped-def]
    scripted.files.append(baa_path)
    dialog = open_baa_import(None, fresh_db, vendor_id)
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    assert dialog.vendor_box.currentText() == "Stratus Vault"
    assert dialog.model.rowCount() == len(dialog.baa.analysis.findings)


def test_cancelled_file_choice_opens_nothing(fresh_db: Store, scripted) -> None:  # type: ignore[no-untyped-def]
    scripted.files.append(None)
    assert open_baa_import(None, fresh_db) is None


def test_value_editor_offers_choices(dialog: BaaImportDialog) -> None:
    from PySide6.QtWidgets import QComboBox, QStyleOptionViewItem

    row = row_of(dialog.model, "baa.return_or_destroy")
    index = dialog.model.index(row, Column.VALUE)
    delegate = dialog.table.itemDelegateForColumn(Column.VALUE)
    editor = delegate.createEditor(dialog.table.viewport(), QStyleOptionViewItem(), index)
    assert isinstance(editor, QComboBox)
    assert [editor.itemText(i) for i in range(editor.count())] == ["no", "partial", "yes"]
    delegate.setEditorData(editor, index)
    assert editor.currentText() == "partial"
    editor.setCurrentText("yes")
    delegate.setModelData(editor, dialog.model, index)
    assert dialog.model.finding(row).value == "yes"
    assert dialog.model.rows[row].decision is Decision.ACCEPTED
    editor.deleteLater()


def test_silent_finding_is_marked(fresh_db: Store, baa_path: Path) -> None:
    model = BaaFindingsModel(read_vendor_baa(baa_path).analysis.findings, fresh_db.checklist)
    row = row_of(model, "retention.destruction_certificate")
    assert model.index(row, Column.WORDING).data().startswith("(silent; not stored as wording)")
