"""Answering checklist items: saved at once, rescored everywhere, undoable, audited."""

from __future__ import annotations

from PySide6.QtCore import Qt

from gui.checklist_model import NOTE, SOURCE, STATUS, WORDING
from gui.vendor_list_model import SCORE
from tests.gui.helpers import answer_index, compare_cell, list_row

EDIT = Qt.ItemDataRole.EditRole


def _add_vendor(window, scripted_dialogs, name: str = "Acme Backup") -> int:  # type: ignore[no-untyped-def]
    scripted_dialogs.texts.append(name)
    window.window_actions.add_vendor()
    return window.store.vendor(name).id


def test_answers_update_score_and_comparison(window, scripted_dialogs) -> None:  # type: ignore[no-untyped-def]
    vendor_id = _add_vendor(window, scripted_dialogs)
    row = list_row(window, "Acme Backup")
    before = window.vendor_panel.model.index(row, SCORE).data()
    assert before == "0.0"

    assert window.checklist_tab.model.setData(answer_index(window, "baa.will_sign"), "yes", EDIT)
    assert window.checklist_tab.model.setData(answer_index(window, "recovery.rto_hours"), 2.0, EDIT)

    assert window.store.answers(vendor_id)["recovery.rto_hours"].value == 2.0
    after = window.vendor_panel.model.index(row, SCORE).data()
    assert float(after) > 0
    cell = compare_cell(window, "Acme Backup", "recovery.rto_hours")
    assert cell.data() == "✓ 2 hours"
    status = answer_index(window, "recovery.rto_hours").siblingAtColumn(STATUS).data()
    assert status == "✓ meets"


def test_undo_and_redo_restore_answer(window, scripted_dialogs) -> None:  # type: ignore[no-untyped-def]
    vendor_id = _add_vendor(window, scripted_dialogs)
    window.checklist_tab.model.setData(answer_index(window, "recovery.rto_hours"), 48.0, EDIT)
    assert window.checklist_tab.model.setData(answer_index(window, "recovery.rto_hours"), 2.0, EDIT)

    window.window_actions.undo.trigger()
    assert window.store.answers(vendor_id)["recovery.rto_hours"].value == 48.0
    assert compare_cell(window, "Acme Backup", "recovery.rto_hours").data() == "✗ 48 hours"

    window.window_actions.redo.trigger()
    assert window.store.answers(vendor_id)["recovery.rto_hours"].value == 2.0


def test_undo_of_first_answer_makes_it_unknown(window, scripted_dialogs) -> None:  # type: ignore[no-untyped-def]
    vendor_id = _add_vendor(window, scripted_dialogs)
    window.checklist_tab.model.setData(answer_index(window, "baa.will_sign"), "no", EDIT)
    assert window.session.snapshot.scores[vendor_id].disqualified

    window.session.undo_stack.undo()
    assert window.store.answers(vendor_id)["baa.will_sign"].value is None
    assert not window.session.snapshot.scores[vendor_id].disqualified


def test_invalid_answer_is_rejected_with_message(window, scripted_dialogs) -> None:  # type: ignore[no-untyped-def]
    vendor_id = _add_vendor(window, scripted_dialogs)
    depth = window.session.undo_stack.count()

    accepted = window.checklist_tab.model.setData(
        answer_index(window, "encryption.in_transit_tls"), "2.0", EDIT
    )

    assert not accepted
    assert "encryption.in_transit_tls" not in window.store.answers(vendor_id)
    assert window.session.undo_stack.count() == depth
    kind, _, message = scripted_dialogs.shown[-1]
    assert kind == "error"
    assert "is not one of" in message


def test_note_source_and_wording_are_saved_and_audited(window, scripted_dialogs) -> None:  # type: ignore[no-untyped-def]
    vendor_id = _add_vendor(window, scripted_dialogs)
    note = answer_index(window, "recovery.rto_hours").siblingAtColumn(NOTE)
    model = window.checklist_tab.model
    assert model.setData(note, "Asked sales twice", EDIT)
    assert model.setData(note.siblingAtColumn(SOURCE), "call on 3 March", EDIT)
    assert model.setData(note.siblingAtColumn(WORDING), "Restores within 24 hours.", EDIT)

    answer = window.store.answers(vendor_id)["recovery.rto_hours"]
    assert (answer.note, answer.source) == ("Asked sales twice", "call on 3 March")
    assert window.store.wording(vendor_id) == {"recovery.rto_hours": "Restores within 24 hours."}
    fields = [entry.field for entry in window.store.audit_trail("answer", vendor_id)]
    assert fields == ["recovery.rto_hours.note", "recovery.rto_hours.source"]
    assert [entry.field for entry in window.store.audit_trail("wording", vendor_id)] == [
        "recovery.rto_hours"
    ]


def test_detail_pane_edits_note_through_model(window, scripted_dialogs) -> None:  # type: ignore[no-untyped-def]
    vendor_id = _add_vendor(window, scripted_dialogs)
    tab = window.checklist_tab
    tab.show_item("incident.notification_hours")
    assert "Why it matters" in tab.detail.about.text()
    assert "at most 8 hours" in tab.detail.about.text()

    tab.detail.source.setText("SOC 2 report p. 14")
    tab.detail.mapper.submit()

    assert window.store.answers(vendor_id)["incident.notification_hours"].source == (
        "SOC 2 report p. 14"
    )
