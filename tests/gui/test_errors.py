"""Errors reach the user as messages and the window stays usable; bugs reach the crash dialog."""

from __future__ import annotations

import logging
import sqlite3
import sys

from PySide6.QtCore import Qt

from gui.app import open_start_store
from gui.error_reporting import install_excepthook
from models.errors import DuplicateVendorError
from models.store import Store
from tests.gui.helpers import answer_index


def _corrupt(path) -> None:  # type: ignore[no-untyped-def]
    Store(path).close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    path.write_bytes(bytes(data))


def test_opening_corrupt_database_keeps_current(window, scripted_dialogs, tmp_path) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "broken.sqlite"
    _corrupt(broken)
    current = window.store.path

    assert not window.open_database(broken)

    kind, title, message = scripted_dialogs.shown[-1]
    assert (kind, title) == ("error", "Could not open the database")
    assert "broken.sqlite" in message
    assert window.store.path == current
    window.store.add_vendor("Still Works")
    window.notify_data_changed()
    assert window.pages.currentWidget() is window.tabs


def test_opening_other_file_type_is_explained(window, scripted_dialogs, tmp_path) -> None:  # type: ignore[no-untyped-def]
    text_file = tmp_path / "notes.txt"
    text_file.write_text("not a database", encoding="utf-8")
    assert not window.open_database(text_file)
    assert "not a BAA Workbench database" in scripted_dialogs.shown[-1][2]


def test_start_on_corrupt_database_shows_message(scripted_dialogs, tmp_path) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    assert open_start_store(broken) is None
    assert scripted_dialogs.shown[-1][1] == "Could not open the database"


def test_locked_database_edit_shows_message(qtbot, db_path, scripted_dialogs, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from gui.main_window import MainWindow

    monkeypatch.setattr("models.database.BUSY_TIMEOUT", 0.05)
    store = Store(db_path)
    vendor = store.add_vendor("Acme Backup")
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.select_vendor(vendor.id)
    blocker = sqlite3.connect(db_path)
    blocker.execute("BEGIN IMMEDIATE")

    accepted = window.checklist_tab.model.setData(
        answer_index(window, "baa.will_sign"), "yes", Qt.ItemDataRole.EditRole
    )

    assert not accepted
    kind, _, message = scripted_dialogs.shown[-1]
    assert kind == "error"
    assert "in use by another program" in message
    assert window.session.undo_stack.count() == 0
    blocker.rollback()
    blocker.close()
    assert window.checklist_tab.model.setData(
        answer_index(window, "baa.will_sign"), "yes", Qt.ItemDataRole.EditRole
    )
    assert store.answers(vendor.id)["baa.will_sign"].value == "yes"


def test_unexpected_exception_offers_log(scripted_dialogs, monkeypatch, caplog) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_excepthook()
    try:
        raise KeyError("surprise")
    except KeyError:
        with caplog.at_level(logging.CRITICAL):
            sys.excepthook(*sys.exc_info())
    kind, title, message = scripted_dialogs.shown[-1]
    assert (kind, title) == ("crash", "Unexpected error")
    assert "baa-workbench.log" in message
    assert "KeyError" in caplog.text


def test_uncaught_workbench_error_is_a_message(scripted_dialogs, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_excepthook()
    error = DuplicateVendorError("a vendor named 'Acme' already exists; choose another name")
    sys.excepthook(DuplicateVendorError, error, None)
    assert scripted_dialogs.shown[-1] == ("error", "Could not complete the action", str(error))
