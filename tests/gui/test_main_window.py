"""The main window: welcome page, extension points, menus, status bar, settings."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from gui.main_window import MainWindow
from gui.settings import recent_databases


def test_empty_database_shows_welcome_page(window) -> None:  # type: ignore[no-untyped-def]
    assert window.pages.currentWidget() is window.welcome


def test_welcome_add_vendor_opens_vendor_tab(window, scripted_dialogs) -> None:  # type: ignore[no-untyped-def]
    scripted_dialogs.texts.append("Acme Backup")
    window.welcome.add_button.click()
    assert [vendor.name for vendor in window.store.vendors()] == ["Acme Backup"]
    assert window.pages.currentWidget() is window.tabs
    assert window.tabs.currentWidget() is window.vendor_tab
    assert window.current_vendor_id() == window.store.vendor("Acme Backup").id


def test_welcome_loads_sample_data(window) -> None:  # type: ignore[no-untyped-def]
    window.welcome.sample_button.click()
    assert len(window.store.vendors()) == 5
    assert window.pages.currentWidget() is window.tabs
    assert window.current_vendor_id() is not None


def test_notify_data_changed_emits_and_rescores(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    vendor = window.store.add_vendor("Written Elsewhere")
    with qtbot.waitSignal(window.dataChanged, timeout=1000):
        window.notify_data_changed()
    assert window.session.snapshot.vendor(vendor.id) is not None
    assert vendor.id in window.session.snapshot.scores


def test_selecting_vendor_emits_its_id(qtbot, demo_window) -> None:  # type: ignore[no-untyped-def]
    second = demo_window.session.snapshot.vendors[1]
    with qtbot.waitSignal(demo_window.vendorSelected, timeout=1000) as blocker:
        demo_window.select_vendor(second.id)
    assert blocker.args == [second.id]
    assert demo_window.current_vendor_id() == second.id


def test_menus_and_add_tab_accept_extensions(window) -> None:  # type: ignore[no-untyped-def]
    for name in ("File", "Edit", "Vendor", "Help"):
        assert window.menu(name).title().replace("&", "") == name
    label = QLabel("negotiation")
    index = window.add_tab(label, "Negotiate")
    assert window.tabs.widget(index) is label
    assert window.tabs.tabText(index) == "Negotiate"


def test_status_bar_names_database(window) -> None:  # type: ignore[no-untyped-def]
    assert str(window.store.path) in window.database_label.text()


def test_open_database_switches_and_remembers(window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    other = tmp_path / "other.sqlite"
    assert window.open_database(other)
    assert window.store.path == other
    assert other.resolve() in [path.resolve() for path in recent_databases()]
    assert str(other) in window.database_label.text()


def test_window_size_is_remembered(qtbot, fresh_db, db_path) -> None:  # type: ignore[no-untyped-def]
    first = MainWindow(fresh_db)
    qtbot.addWidget(first)
    first.resize(700, 520)
    first.splitter.setSizes([200, 500])
    first.save_window_state()
    second = MainWindow(fresh_db)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (700, 520)
    assert second.splitter.sizes()[0] == first.splitter.sizes()[0]


def test_run_gui_shows_window_until_closed(qtbot, demo_db, db_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import sys

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from gui.app import run_gui

    shown: list[str] = []

    def close_window() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                shown.append(widget.windowTitle())
                widget.close()

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own
    QTimer.singleShot(0, close_window)
    assert run_gui(db_path) == 0
    assert shown == ["BAA Workbench"]
    assert db_path.resolve() in [path.resolve() for path in recent_databases()]


def test_about_says_not_legal_advice(window, scripted_dialogs) -> None:  # type: ignore[no-untyped-def]
    window.window_actions.about()
    kind, title, message = scripted_dialogs.shown[-1]
    assert (kind, title) == ("info", "About BAA Workbench")
    assert "Not legal advice" in message


def test_new_database_adds_suffix_and_lists_recent(window, scripted_dialogs, tmp_path) -> None:  # type: ignore[no-untyped-def]
    scripted_dialogs.files.append(tmp_path / "second practice")
    window.window_actions.new_database()
    created = tmp_path / "second practice.sqlite"
    assert window.store.path == created
    assert created.is_file()
    recent = [action.text() for action in window.window_actions.recent_menu.actions()]
    assert str(created.resolve()) in recent
    assert window.pages.currentWidget() is window.welcome


def test_settings_use_organization_name(private_settings) -> None:  # type: ignore[no-untyped-def]
    from gui.settings import app_settings

    stored = app_settings()
    stored.setValue("probe", 1)
    stored.sync()
    assert stored.organizationName() == "BAA Workbench"
    assert str(private_settings) in stored.fileName()


def test_window_opens_with_first_vendor_selected(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    main = MainWindow(demo_db)
    qtbot.addWidget(main)
    assert main.current_vendor_id() == demo_db.vendor("Bluefin Archive").id
    assert main.vendor_tab.editors["name"].text() == "Bluefin Archive"
