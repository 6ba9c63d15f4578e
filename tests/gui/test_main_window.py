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
    first.save_window_state()
    second = MainWindow(fresh_db)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (700, 520)
