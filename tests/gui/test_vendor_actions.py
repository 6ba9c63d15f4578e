"""Vendor menu and File menu actions: add, duplicate, rename, delete, JSON import and export."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from gui.vendor_list_model import NAME
from tests.gui.helpers import list_row


def _names(window) -> list[str]:  # type: ignore[no-untyped-def]
    return [vendor.name for vendor in window.store.vendors()]


def test_delete_asks_and_undo_restores_answers(demo_window, scripted_dialogs) -> None:  # type: ignore[no-untyped-def]
    store = demo_window.store
    vendor = store.vendor("Bluefin Archive")
    answers = {item: answer.value for item, answer in store.answers(vendor.id).items()}
    wording = store.wording(vendor.id)
    demo_window.select_vendor(vendor.id)

    demo_window.window_actions.delete_vendor()

    assert scripted_dialogs.shown[-1][0] == "confirm"
    assert "Bluefin Archive" not in _names(demo_window)
    demo_window.window_actions.undo.trigger()
    restored = store.vendor("Bluefin Archive")
    assert {item: answer.value for item, answer in store.answers(restored.id).items()} == answers
    assert store.wording(restored.id) == wording
    assert restored.baa_status == vendor.baa_status


def test_delete_cancelled_keeps_vendor(demo_window, scripted_dialogs) -> None:  # type: ignore[no-untyped-def]
    scripted_dialogs.confirmations.append(False)
    demo_window.window_actions.delete_vendor()
    assert len(_names(demo_window)) == 5
    assert demo_window.session.undo_stack.count() == 0


def test_edit_before_delete_undoes_after_restore(demo_window) -> None:  # type: ignore[no-untyped-def]
    store = demo_window.store
    vendor = store.vendor("Bluefin Archive")
    demo_window.select_vendor(vendor.id)
    model = demo_window.checklist_tab.model
    model.setData(model.index_of("recovery.rto_hours", 1), 2.0, Qt.ItemDataRole.EditRole)
    demo_window.window_actions.delete_vendor()

    demo_window.session.undo_stack.undo()  # the delete
    demo_window.session.undo_stack.undo()  # the answer, on the re-created vendor

    restored = store.vendor("Bluefin Archive")
    assert store.answers(restored.id)["recovery.rto_hours"].value == 24.0


def test_duplicate_copies_answers_under_new_name(demo_window) -> None:  # type: ignore[no-untyped-def]
    store = demo_window.store
    original = store.vendor("Bluefin Archive")
    demo_window.select_vendor(original.id)

    demo_window.window_actions.duplicate_vendor()

    copy = store.vendor("Bluefin Archive (copy)")
    assert demo_window.current_vendor_id() == copy.id
    assert store.answer_values()[copy.id] == store.answer_values()[original.id]
    demo_window.session.undo_stack.undo()
    assert "Bluefin Archive (copy)" not in _names(demo_window)


def test_add_duplicate_name_shows_message(demo_window, scripted_dialogs) -> None:  # type: ignore[no-untyped-def]
    scripted_dialogs.texts.append("bluefin archive")
    demo_window.window_actions.add_vendor()
    assert len(_names(demo_window)) == 5
    kind, _, message = scripted_dialogs.shown[-1]
    assert kind == "error"
    assert "already exists" in message


def test_rename_in_list_is_undoable(demo_window) -> None:  # type: ignore[no-untyped-def]
    model = demo_window.vendor_panel.model
    index = model.index(list_row(demo_window, "Bluefin Archive"), NAME)
    assert model.setData(index, "Bluefin Cold Archive", Qt.ItemDataRole.EditRole)
    assert "Bluefin Cold Archive" in _names(demo_window)
    demo_window.session.undo_stack.undo()
    assert "Bluefin Archive" in _names(demo_window)


def test_rename_action_asks_for_name(demo_window, scripted_dialogs) -> None:  # type: ignore[no-untyped-def]
    demo_window.select_vendor(demo_window.store.vendor("Bluefin Archive").id)
    scripted_dialogs.texts.append("Bluefin Vault")
    demo_window.window_actions.rename_vendor()
    assert "Bluefin Vault" in _names(demo_window)


def test_search_filters_list_by_name(demo_window) -> None:  # type: ignore[no-untyped-def]
    demo_window.vendor_panel.search.setText("VAULT")
    proxy = demo_window.vendor_panel.proxy
    shown = {proxy.index(row, NAME).data() for row in range(proxy.rowCount())}
    assert shown == {"NimbusVault Cloud", "Ridgeway Health Vault"}


def test_vendor_list_marks_disqualified_and_review(demo_window) -> None:  # type: ignore[no-untyped-def]
    model = demo_window.vendor_panel.model
    nimbus = list_row(demo_window, "NimbusVault Cloud")
    assert model.index(nimbus, 1).data().startswith("✗ ")
    ridgeway = list_row(demo_window, "Ridgeway Health Vault")
    assert model.index(ridgeway, 3).data() == "⚠ overdue"


def test_export_then_import_round_trip(demo_window, scripted_dialogs, tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = demo_window.store
    vendor = store.vendor("CedarStack Data")
    demo_window.select_vendor(vendor.id)
    out = tmp_path / "cedarstack.json"
    scripted_dialogs.files.append(out)
    demo_window.window_actions.export_vendor_json()
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["name"] == "CedarStack Data"

    document["name"] = "CedarStack Two"
    document["answers"]["recovery.rto_hours"] = {"value": 3, "note": "", "source": "call"}
    changed = tmp_path / "cedarstack-two.json"
    changed.write_text(json.dumps(document), encoding="utf-8")
    scripted_dialogs.files.append(changed)
    demo_window.window_actions.import_vendor_json()

    imported = store.vendor("CedarStack Two")
    assert demo_window.current_vendor_id() == imported.id
    assert store.answers(imported.id)["recovery.rto_hours"].value == 3.0
    demo_window.session.undo_stack.undo()
    assert "CedarStack Two" not in _names(demo_window)


def test_import_over_existing_vendor_undoes_exactly(
    demo_window, scripted_dialogs, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    store = demo_window.store
    vendor = store.vendor("CedarStack Data")
    before = store.answer_values()[vendor.id]
    path = tmp_path / "update.json"
    path.write_text(
        json.dumps(
            {
                "format": "baa-workbench.vendor/1",
                "name": "CedarStack Data",
                "answers": {"recovery.test_frequency": "monthly"},
            }
        ),
        encoding="utf-8",
    )
    scripted_dialogs.files.append(path)
    demo_window.window_actions.import_vendor_json()
    after = store.vendor("CedarStack Data")
    assert store.answer_values()[after.id]["recovery.test_frequency"] == "monthly"

    demo_window.session.undo_stack.undo()
    restored = store.vendor("CedarStack Data")
    assert store.answer_values()[restored.id] == before


def test_bad_import_file_shows_message(demo_window, scripted_dialogs, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "broken.json"
    path.write_text("{not json", encoding="utf-8")
    scripted_dialogs.files.append(path)
    demo_window.window_actions.import_vendor_json()
    kind, title, message = scripted_dialogs.shown[-1]
    assert kind == "error"
    assert title == "Could not import the vendor file"
    assert "malformed JSON" in message
    assert len(_names(demo_window)) == 5


def test_import_file_missing_shows_message(demo_window, scripted_dialogs, tmp_path) -> None:  # type: ignore[no-untyped-def]
    scripted_dialogs.files.append(tmp_path / "gone.json")
    demo_window.window_actions.import_vendor_json()
    kind, _, message = scripted_dialogs.shown[-1]
    assert kind == "error"
    assert "gone.json" in message
