"""Fixtures for window tests: scripted dialogs, private QSettings, a shown main window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths

from gui import services
from gui.services import ScriptedDialogs


@pytest.fixture(autouse=True)
def private_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Keep QSettings and standard paths out of the real user folders."""
    folder = tmp_path_factory.mktemp("settings")
    QStandardPaths.setTestModeEnabled(True)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture(autouse=True)
def scripted_dialogs() -> Iterator[ScriptedDialogs]:
    """Answer every dialog from a script; a test reads ``shown`` to see what appeared."""
    scripted = ScriptedDialogs()
    previous = services.install(scripted)
    yield scripted
    services.install(previous)


@pytest.fixture
def window(qtbot, fresh_db):  # type: ignore[no-untyped-def]
    """The main window on an empty database."""
    from gui.main_window import MainWindow

    main = MainWindow(fresh_db)
    qtbot.addWidget(main)
    main.show()
    return main


@pytest.fixture
def demo_window(qtbot, demo_db):  # type: ignore[no-untyped-def]
    """The main window on the sample practice and vendors, first vendor selected."""
    from gui.main_window import MainWindow

    main = MainWindow(demo_db)
    qtbot.addWidget(main)
    main.show()
    main.select_vendor(main.session.snapshot.vendors[0].id)
    return main
