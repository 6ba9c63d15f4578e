"""File > Import vendor BAA (.docx)... in the main window."""

from __future__ import annotations

from pathlib import Path

import pytest

from gui.baa_findings_model import Decision
from gui.baa_import_action import ACTION_TEXT
from gui.services import ScriptedDialogs
from tests.baa_documents import NOTIFICATION_SENTENCE, build_baa


@pytest.fixture
def baa_path(tmp_path: Path) -> Path:
    return build_baa(tmp_path / "Harborline BAA.docx")


def run_import(qtbot, window, path: Path, scripted: ScriptedDialogs) -> None:  # type: ignore[no-untyped-def]
    scripted.files.append(path)
    window.baa_import.action.trigger()
    job = window.baa_import.job
    assert job is not None
    with qtbot.waitSignal(job.ended, timeout=10_000):
        pass


def test_action_sits_in_file_menu(window) -> None:  # type: ignore[no-untyped-def]
    texts = [action.text() for action in window.menu("File").actions()]
    position = texts.index(ACTION_TEXT)
    assert texts[position - 1] == "&Import vendor JSON…"


def test_import_opens_review_for_selected_vendor(
    qtbot, demo_window, baa_path: Path, scripted_dialogs
) -> None:  # type: ignore[no-untyped-def]
    selected = demo_window.current_vendor_id()
    run_import(qtbot, demo_window, baa_path, scripted_dialogs)
    dialog = demo_window.baa_import.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.vendor_box.currentData() == selected
    assert (
        demo_window.store.wording(selected).get("incident.notification_hours")
        != NOTIFICATION_SENTENCE
    )


def test_saved_findings_refresh_the_window(
    qtbot, demo_window, baa_path: Path, scripted_dialogs
) -> None:  # type: ignore[no-untyped-def]
    selected = demo_window.current_vendor_id()
    run_import(qtbot, demo_window, baa_path, scripted_dialogs)
    dialog = demo_window.baa_import.dialog
    dialog.model.set_all(Decision.ACCEPTED)
    with qtbot.waitSignal(demo_window.dataChanged):
        dialog.save()
    assert (
        demo_window.store.wording(selected)["incident.notification_hours"] == NOTIFICATION_SENTENCE
    )
    assert demo_window.store.answers(selected)["incident.notification_hours"].value == 1440.0
    assert demo_window.current_vendor_id() == selected
    assert "Stored" in demo_window.statusBar().currentMessage()


def test_unreadable_file_shows_message(qtbot, window, tmp_path: Path, scripted_dialogs) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "scan.docx"
    bad.write_bytes(b"%PDF-1.7")
    run_import(qtbot, window, bad, scripted_dialogs)
    kind, title, message = scripted_dialogs.shown[-1]
    assert kind == "error"
    assert title == "Reading the vendor BAA"
    assert "not a Word document" in message
    assert window.baa_import.dialog is None
