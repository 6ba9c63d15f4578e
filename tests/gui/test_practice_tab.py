"""Practice tab: targets and weights rescore every vendor at once; reset and undo."""

from __future__ import annotations

from PySide6.QtCore import Qt

from gui.targets_model import TARGET, WEIGHT
from tests.gui.helpers import compare_cell

EDIT = Qt.ItemDataRole.EditRole


def _row(window, item_id: str) -> int:  # type: ignore[no-untyped-def]
    items = window.practice_tab.model.items
    return [item.id for item in items].index(item_id)


def test_target_change_rescores_every_vendor(demo_window) -> None:  # type: ignore[no-untyped-def]
    model = demo_window.practice_tab.model
    bluefin = demo_window.store.vendor("Bluefin Archive")
    assert (
        compare_cell(demo_window, "Bluefin Archive", "recovery.rto_hours").data(
            Qt.ItemDataRole.UserRole + 3
        )
        == "partial"
    )
    scores_before = dict(demo_window.session.snapshot.scores)

    assert model.setData(model.index(_row(demo_window, "recovery.rto_hours"), TARGET), 24.0, EDIT)

    assert demo_window.store.practice().targets["recovery.rto_hours"] == 24.0
    cell = compare_cell(demo_window, "Bluefin Archive", "recovery.rto_hours")
    assert cell.data(Qt.ItemDataRole.UserRole + 3) == "meets"
    after = demo_window.session.snapshot.scores[bluefin.id]
    assert after.overall > scores_before[bluefin.id].overall
    target_text = model.index(_row(demo_window, "recovery.rto_hours"), TARGET).data()
    assert target_text == "at most 24 hours"


def test_weight_zero_takes_item_out_of_score(demo_window) -> None:  # type: ignore[no-untyped-def]
    model = demo_window.practice_tab.model
    assert model.setData(model.index(_row(demo_window, "recovery.rto_hours"), WEIGHT), 0, EDIT)
    assert demo_window.store.practice().weights["recovery.rto_hours"] == 0


def test_weight_out_of_range_is_rejected(demo_window, scripted_dialogs) -> None:  # type: ignore[no-untyped-def]
    model = demo_window.practice_tab.model
    assert not model.setData(model.index(_row(demo_window, "recovery.rto_hours"), WEIGHT), 9, EDIT)
    assert "out of range" in scripted_dialogs.shown[-1][2]
    assert "recovery.rto_hours" not in demo_window.store.practice().weights


def test_yes_no_target_is_not_editable(demo_window) -> None:  # type: ignore[no-untyped-def]
    model = demo_window.practice_tab.model
    index = model.index(_row(demo_window, "baa.will_sign"), TARGET)
    assert not model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(index, "no", EDIT)


def test_reset_to_defaults_and_undo(demo_window) -> None:  # type: ignore[no-untyped-def]
    store = demo_window.store
    model = demo_window.practice_tab.model
    model.setData(model.index(_row(demo_window, "recovery.rto_hours"), TARGET), 24.0, EDIT)
    model.setData(model.index(_row(demo_window, "recovery.rto_hours"), WEIGHT), 1, EDIT)
    overrides = (store.practice().targets, store.practice().weights)

    demo_window.practice_tab.reset_targets()
    assert store.practice().targets == {}
    assert store.practice().weights == {}

    demo_window.session.undo_stack.undo()
    assert (store.practice().targets, store.practice().weights) == overrides


def test_practice_name_edit_is_saved(demo_window) -> None:  # type: ignore[no-untyped-def]
    tab = demo_window.practice_tab
    tab.name.setText("Oak Lane Dental")
    tab.name.editingFinished.emit()
    assert demo_window.store.practice().name == "Oak Lane Dental"
    demo_window.session.undo_stack.undo()
    assert demo_window.store.practice().name == "Maple Street Family Dental"
