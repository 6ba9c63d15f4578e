"""The Negotiate tab and its table model, standalone on the sample database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from clause_library.library import Position
from exports.ooxml import qn
from gui import services
from gui.clause_editor import NOTE_ONLY
from gui.negotiate_tab import NegotiateTab
from gui.negotiation_model import Column, NegotiationModel
from gui.services import ScriptedDialogs
from models.negotiation import Negotiations, NegotiationStatus
from models.store import Store

NOTICE = "incident.notification_deadline"


@pytest.fixture
def script() -> Iterator[ScriptedDialogs]:
    scripted = ScriptedDialogs()
    previous = services.install(scripted)
    yield scripted
    services.install(previous)


@pytest.fixture
def tab(qtbot, demo_db: Store, script: ScriptedDialogs) -> NegotiateTab:  # type: ignore[no-untyped-def]
    widget = NegotiateTab(demo_db)
    qtbot.addWidget(widget)
    widget.set_vendor(demo_db.vendor("Harborline Backup").id)
    return widget


def select(tab: NegotiateTab, clause_id: str) -> None:
    tab.table.selectRow(tab.model.row_of(clause_id))


def test_model_passes_qtmodeltester(qtbot, qtmodeltester, demo_db: Store) -> None:  # type: ignore[no-untyped-def]
    tab = NegotiateTab(demo_db)
    qtbot.addWidget(tab)
    tab.set_vendor(demo_db.vendor("CedarStack Data").id)
    qtmodeltester.check(tab.model, force_py=True)


def test_empty_model_passes_qtmodeltester(qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(NegotiationModel(lambda clause_id, included: None), force_py=True)


def test_tab_shows_proposed_clauses(tab: NegotiateTab) -> None:
    assert tab.model.rowCount() == 1
    row = tab.model.row_of(NOTICE)
    assert tab.model.index(row, Column.ITEMS).data() == "gap"
    assert tab.model.index(row, Column.POSITION).data() == "Preferred"
    assert tab.model.index(row, Column.STATUS).data() == "Proposed"
    assert "Harborline Backup" in tab.summary.text()
    assert tab.editor.title.text().startswith("Notice of Security Incidents")


def test_no_vendor_disables_saving(tab: NegotiateTab) -> None:
    tab.set_vendor(None)
    assert tab.model.rowCount() == 0
    assert not tab.save_button.isEnabled()
    assert "Select a vendor" in tab.summary.text()


def test_unticking_excludes_clause(qtbot, tab: NegotiateTab, demo_db: Store) -> None:  # type: ignore[no-untyped-def]
    index = tab.model.index(tab.model.row_of(NOTICE), Column.INCLUDE)
    with qtbot.waitSignal(tab.dataChanged):
        tab.model.setData(index, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    vendor_id = demo_db.vendor("Harborline Backup").id
    assert not Negotiations(demo_db).get(vendor_id, NOTICE).included
    assert (
        tab.model.index(index.row(), Column.INCLUDE).data(Qt.ItemDataRole.CheckStateRole)
        == Qt.CheckState.Unchecked
    )
    assert "0 in the addendum" in tab.summary.text()


def test_choosing_position_changes_text(qtbot, tab: NegotiateTab) -> None:  # type: ignore[no-untyped-def]
    before = tab.plan.clauses[0].text
    with qtbot.waitSignal(tab.dataChanged):
        tab.editor.positionChosen.emit("walk_away")
    assert tab.plan.clauses[0].position.value == "walk_away"
    assert tab.plan.clauses[0].text != before
    assert tab.model.index(0, Column.POSITION).data() == "Walk-away"


def test_parameter_override_updates_preview(qtbot, tab: NegotiateTab) -> None:  # type: ignore[no-untyped-def]
    field = tab.editor._fields["notification_hours"]
    field.setText("24")
    with qtbot.waitSignal(tab.dataChanged):
        field.editingFinished.emit()
    assert "twenty-four (24)" in tab.plan.clauses[0].text
    assert "twenty-four (24)" in tab.editor.preview.toPlainText()
    assert tab.editor._fields["notification_hours"].text() == "24"


def test_invalid_parameter_shows_error(tab: NegotiateTab, script: ScriptedDialogs) -> None:
    field = tab.editor._fields["notification_hours"]
    field.setText("soon")
    field.editingFinished.emit()
    assert script.shown[-1][0] == "error"
    assert "'soon' is not a number" in script.shown[-1][2]
    assert tab.plan.clauses[0].negotiation.overrides == {}


def test_preview_follows_typed_wording(tab: NegotiateTab) -> None:
    tab.editor.wording.setPlainText("Vendor shall notify within ninety days.")
    preview = tab.editor.preview.toHtml()
    assert "ninety" in preview
    assert "line-through" in preview
    assert "underline" in preview


def test_saving_wording_stores_it(qtbot, tab: NegotiateTab, demo_db: Store) -> None:  # type: ignore[no-untyped-def]
    tab.editor.wording.setPlainText("Notice within 30 days.")
    with qtbot.waitSignal(tab.dataChanged):
        tab.editor.save_wording.click()
    vendor_id = demo_db.vendor("Harborline Backup").id
    assert Negotiations(demo_db).get(vendor_id, NOTICE).vendor_wording == "Notice within 30 days."
    with qtbot.waitSignal(tab.dataChanged):
        tab.editor.recorded_wording.click()
    assert "sixty (60) days" in tab.editor.wording.toPlainText()


def test_recording_round_moves_status(qtbot, tab: NegotiateTab) -> None:  # type: ignore[no-untyped-def]
    tab.editor.next_status.setCurrentIndex(tab.editor.next_status.findData("countered"))
    tab.editor.note.setText("Vendor offers 72 hours")
    with qtbot.waitSignal(tab.dataChanged):
        tab.editor.record.click()
    negotiation = tab.plan.clauses[0].negotiation
    assert negotiation.status is NegotiationStatus.COUNTERED
    assert negotiation.rounds[-1].note == "Vendor offers 72 hours"
    assert "Countered: Vendor offers 72 hours" in tab.editor.rounds.toPlainText()
    assert tab.editor.note.text() == ""


def test_note_only_keeps_status(qtbot, tab: NegotiateTab) -> None:  # type: ignore[no-untyped-def]
    index = tab.editor.next_status.findData(NOTE_ONLY)
    assert tab.editor.next_status.itemText(index) == "Proposed (note only)"
    tab.editor.next_status.setCurrentIndex(index)
    tab.editor.note.setText("Called their counsel")
    with qtbot.waitSignal(tab.dataChanged):
        tab.editor.record.click()
    negotiation = tab.plan.clauses[0].negotiation
    assert negotiation.status is NegotiationStatus.PROPOSED
    assert negotiation.rounds[-1].note == "Called their counsel"
    assert "Proposed: Called their counsel" in tab.editor.rounds.toPlainText()


def test_empty_note_only_is_reported(tab: NegotiateTab, script: ScriptedDialogs) -> None:
    tab.editor.next_status.setCurrentIndex(tab.editor.next_status.findData(NOTE_ONLY))
    tab.editor.record.click()
    assert script.shown[-1] == (
        "error",
        "Add note",
        f"{NOTICE}: the note is empty; write what happened",
    )
    assert tab.plan is not None
    assert tab.plan.clauses[0].negotiation.rounds == []


def test_invalid_effective_date_is_reported(tab: NegotiateTab, script: ScriptedDialogs) -> None:
    tab.effective_date.setText("next spring")
    tab.effective_date.editingFinished.emit()
    assert script.shown[-1][0] == "error"
    assert "not a date like 2026-03-01" in script.shown[-1][2]
    assert tab.effective_date.text() == ""


def test_save_both_forms(tab: NegotiateTab, script: ScriptedDialogs, tmp_path: Path) -> None:
    tab.effective_date.setText("2027-03-01")
    tab.effective_date.editingFinished.emit()
    tab.comments.setChecked(True)
    script.files.append(tmp_path / "harborline")
    written = tab.save_addendum()
    assert [path.name for path in written] == ["harborline.docx", "harborline (redlined).docx"]
    redlined = docx.Document(str(written[1]))
    assert list(redlined.element.body.iter(qn("w:del")))
    assert len(list(redlined.comments)) == 1
    assert script.shown[-1][0] == "info"


def test_save_asks_about_missing_parameters(
    tab: NegotiateTab, script: ScriptedDialogs, tmp_path: Path
) -> None:
    clause_with_date = next(
        c for c in tab.library if "{effective_date}" in c.texts[Position.PREFERRED]
    )
    vendor_id = tab.vendor_id
    assert vendor_id is not None
    Negotiations(tab.store).record_round(vendor_id, clause_with_date.id, "countered")
    tab.refresh()
    script.confirmations.append(False)
    assert tab.save_addendum() == []
    assert script.shown[-1][0] == "confirm"
    assert "effective date" in script.shown[-1][2]


def test_save_cancelled(tab: NegotiateTab, script: ScriptedDialogs) -> None:
    tab.form.setCurrentIndex(0)
    assert tab.save_addendum() == []
    assert script.shown[-1][0] == "save_file"


def test_save_without_clauses_warns(
    tab: NegotiateTab, script: ScriptedDialogs, demo_db: Store
) -> None:
    Negotiations(demo_db).set_included(tab.vendor_id, NOTICE, False)  # type: ignore[arg-type]
    tab.refresh()
    assert tab.save_addendum() == []
    assert script.shown[-1] == ("warning", "Save addendum", "Include at least one clause first.")


def test_broken_clause_library_is_shown(qtbot, demo_db: Store) -> None:  # type: ignore[no-untyped-def]
    from models.paths import user_clause_dir

    user_clause_dir().mkdir(parents=True)
    (user_clause_dir() / "bad.toml").write_text("format = 9\n", encoding="utf-8")
    widget = NegotiateTab(demo_db)
    qtbot.addWidget(widget)
    widget.set_vendor(demo_db.vendor("Harborline Backup").id)
    assert widget.model.rowCount() == 0
    assert "clause library has errors" in widget.summary.text()
    assert "bad.toml: format" in widget.editor.text()


def test_clause_library_problems_wrap_one_per_line(qtbot, demo_db: Store) -> None:  # type: ignore[no-untyped-def]
    from models.paths import user_clause_dir

    user_clause_dir().mkdir(parents=True)
    (user_clause_dir() / "own.toml").write_text(
        "format = 1\nsection = 'logging'\n[[clauses]]\nid = 'practice.log_export'\n"
        "items = ['logging.no_such_item']\ntitle = 'Export'\n",
        encoding="utf-8",
    )
    widget = NegotiateTab(demo_db)
    qtbot.addWidget(widget)
    assert isinstance(widget.editor, QLabel)
    assert widget.editor.wordWrap()
    lines = widget.editor.text().splitlines()
    assert any(
        line.startswith("own.toml: clause 'practice.log_export' field items") for line in lines
    )
    assert any(line.endswith("field why: missing text") for line in lines)


# -- in the main window -------------------------------------------------------------


def test_window_has_negotiate_tab(demo_window) -> None:  # type: ignore[no-untyped-def]
    tab = demo_window.negotiate_tab
    assert demo_window.tabs.tabText(demo_window.tabs.indexOf(tab)) == "&Negotiate"
    assert tab.vendor_id == demo_window.current_vendor_id()


def test_window_selection_drives_tab(demo_window, demo_db: Store) -> None:  # type: ignore[no-untyped-def]
    demo_window.show_tab(demo_window.negotiate_tab)
    cedar = demo_db.vendor("CedarStack Data").id
    demo_window.select_vendor(cedar)
    assert demo_window.negotiate_tab.vendor_id == cedar
    assert "CedarStack Data" in demo_window.negotiate_tab.summary.text()


def test_tab_write_notifies_window(qtbot, demo_window, demo_db: Store) -> None:  # type: ignore[no-untyped-def]
    demo_window.show_tab(demo_window.negotiate_tab)
    demo_window.select_vendor(demo_db.vendor("Harborline Backup").id)
    tab = demo_window.negotiate_tab
    with qtbot.waitSignal(demo_window.dataChanged):
        tab.editor.positionChosen.emit("fallback")
    assert tab.plan.clauses[0].position.value == "fallback"


def test_window_answer_change_refreshes_tab(demo_window, demo_db: Store) -> None:  # type: ignore[no-untyped-def]
    demo_window.show_tab(demo_window.negotiate_tab)
    harborline = demo_db.vendor("Harborline Backup").id
    demo_window.select_vendor(harborline)
    demo_db.set_answer(harborline, "access.mfa", "no")
    demo_window.notify_data_changed()
    ids = [planned.clause.id for planned in demo_window.negotiate_tab.plan.clauses]
    assert any("mfa" in clause_id for clause_id in ids)


def test_window_database_switch_moves_tab(demo_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    other = tmp_path / "other.sqlite"
    assert demo_window.open_database(other)
    tab = demo_window.negotiate_tab
    assert tab.store is demo_window.store
    assert tab.vendor_id is None
    assert tab.model.rowCount() == 0


def test_window_saves_in_background_job(
    qtbot,
    demo_window,
    demo_db: Store,
    scripted_dialogs: ScriptedDialogs,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    demo_window.show_tab(demo_window.negotiate_tab)
    demo_window.select_vendor(demo_db.vendor("Harborline Backup").id)
    tab = demo_window.negotiate_tab
    scripted_dialogs.files.append(tmp_path / "harborline.docx")
    planned = tab.save_addendum()
    assert tab.save_job is not None
    with qtbot.waitSignal(tab.save_job.ended, timeout=10000):
        pass
    assert [path.name for path in planned] == ["harborline.docx", "harborline (redlined).docx"]
    assert all(path.exists() for path in planned)
    assert scripted_dialogs.shown[-1][0] == "info"


def test_header_names_unfixable_items_by_title(tab: NegotiateTab) -> None:
    assert "No clause can fix: FedRAMP authorization." in tab.summary.text()
    assert "vendor.fedramp" not in tab.summary.text()


@pytest.mark.parametrize(
    ("typed", "saved"),
    [("Acme Inc. addendum", "Acme Inc. addendum.docx"), ("harborline.DOCX", "harborline.DOCX")],
)
def test_save_adds_docx_only_when_the_name_lacks_it(
    tab: NegotiateTab, script: ScriptedDialogs, tmp_path: Path, typed: str, saved: str
) -> None:
    tab.form.setCurrentIndex(0)
    script.confirmations.append(True)
    script.files.append(tmp_path / typed)
    assert [path.name for path in tab.save_addendum()] == [saved]


def test_clause_column_fits_titles_at_the_default_window_size(
    qtbot, demo_db: Store, script: ScriptedDialogs
) -> None:  # type: ignore[no-untyped-def]
    # At 1280x800 the tab gets about 890 pixels beside the vendor list.
    widget = NegotiateTab(demo_db)
    qtbot.addWidget(widget)
    widget.resize(890, 700)
    widget.show()
    widget.set_vendor(demo_db.vendor("Bluefin Archive").id)
    needed = widget.table.fontMetrics().horizontalAdvance("Security Audit and Assessment Rights")
    assert widget.table.horizontalHeader().sectionSize(Column.CLAUSE) > needed
    tooltip = widget.model.index(0, Column.CLAUSE).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip.startswith(widget.model.planned(0).clause.title + "\n")


def test_hidden_tab_catches_up_when_shown(demo_window, demo_db: Store) -> None:  # type: ignore[no-untyped-def]
    demo_window.show_tab(demo_window.checklist_tab)
    tab = demo_window.negotiate_tab
    before = tab.plan
    cedar = demo_db.vendor("CedarStack Data").id
    demo_window.select_vendor(cedar)
    assert tab.plan is before, "a hidden tab must not rebuild its plan on every switch"
    demo_window.show_tab(tab)
    assert tab.plan is not None
    assert tab.plan.vendor.id == cedar
    assert "CedarStack Data" in tab.summary.text()
