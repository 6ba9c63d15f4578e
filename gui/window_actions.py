"""The main window's menus, shortcuts and the actions behind them."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QMenu

from gui import settings
from gui.error_reporting import reporting
from gui.services import dialogs
from gui.undo_commands import (
    AddVendorCommand,
    DeleteVendorCommand,
    ReplaceVendorCommand,
    SetVendorFieldCommand,
    execute,
    vendor_record,
)
from models import paths
from models.atomic import write_text_atomic
from models.demo import load_demo
from models.vendor_json import VendorRecord, dumps_vendor, parse_vendor_file

if TYPE_CHECKING:
    from gui.main_window import MainWindow

log = logging.getLogger(__name__)

DATABASE_FILTER = "BAA Workbench database (*.sqlite *.db);;All files (*)"
JSON_FILTER = "Vendor JSON file (*.json);;All files (*)"
ABOUT_TEXT = (
    "<h3>BAA Workbench</h3>"
    "<p>Due diligence and HIPAA Business Associate Agreement negotiation for the cloud "
    "backup vendor of a small medical or dental practice. Works offline; your data stays "
    "in one file on this computer.</p>"
    "<p><b>Not legal advice.</b> The program organizes due diligence and drafts contract "
    "language for you to review. Have a qualified attorney review any agreement before "
    "you sign it.</p>"
)


class WindowActions:
    """Builds the File, Edit, Vendor and Help menus of *window* and handles their actions."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.recent_menu = QMenu("Recent databases", window)
        self._build_file_menu()
        self._build_edit_menu()
        self._build_vendor_menu()
        self._build_help_menu()
        panel = window.vendor_panel
        panel.add_button.clicked.connect(self.add_vendor)
        panel.duplicate_button.clicked.connect(self.duplicate_vendor)
        panel.delete_button.clicked.connect(self.delete_vendor)
        window.welcome.add_button.clicked.connect(self.add_vendor)
        window.welcome.sample_button.clicked.connect(self.load_sample_data)
        window.vendorSelected.connect(self._update_vendor_actions)
        self._update_vendor_actions(-1)
        self.update_recent_menu()

    def _action(
        self,
        menu: str,
        text: str,
        slot: object,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.window.menu(menu).addAction(action)
        return action

    def _build_file_menu(self) -> None:
        self._action("File", "&New database…", self.new_database, QKeySequence.StandardKey.New)
        self._action("File", "&Open database…", self.open_database, QKeySequence.StandardKey.Open)
        self.window.menu("File").addMenu(self.recent_menu)
        self.window.menu("File").addSeparator()
        self.import_json = self._action(
            "File", "&Import vendor JSON…", self.import_vendor_json, "Ctrl+I"
        )
        self.export_json = self._action(
            "File", "&Export vendor JSON…", self.export_vendor_json, "Ctrl+E"
        )
        self.save_chart = self._action(
            "File", "Save chart as &PNG…", self.window.compare_tab.save_chart_png
        )
        self.export_separator = self.window.menu("File").addSeparator()
        self._action("File", "&Quit", self.window.close, QKeySequence.StandardKey.Quit)

    def _build_edit_menu(self) -> None:
        stack = self.window.session.undo_stack
        self.undo = stack.createUndoAction(self.window, "&Undo")
        self.undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo = stack.createRedoAction(self.window, "&Redo")
        self.redo.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Y")]
        )
        self.window.menu("Edit").addAction(self.undo)
        self.window.menu("Edit").addAction(self.redo)
        self.window.menu("Edit").addSeparator()
        self._action("Edit", "&Find vendor", self.window.vendor_panel.search.setFocus, "Ctrl+F")

    def _build_vendor_menu(self) -> None:
        self._action("Vendor", "&Add vendor…", self.add_vendor, "Ctrl+Shift+N")
        self.duplicate = self._action(
            "Vendor", "D&uplicate vendor", self.duplicate_vendor, "Ctrl+D"
        )
        self.rename = self._action("Vendor", "&Rename vendor…", self.rename_vendor, "F2")
        self.delete = self._action("Vendor", "&Delete vendor…", self.delete_vendor, "Ctrl+Del")
        self.window.menu("Vendor").addSeparator()
        self._action("Vendor", "Load &sample data", self.load_sample_data)

    def _build_help_menu(self) -> None:
        self._action("Help", "&About BAA Workbench", self.about)
        self._action("Help", "Open &log folder", self.open_log_folder)

    def _update_vendor_actions(self, vendor_id: int) -> None:
        for action in (self.duplicate, self.rename, self.delete, self.export_json):
            action.setEnabled(vendor_id >= 0)

    # -- database ------------------------------------------------------------

    def new_database(self) -> None:
        path = dialogs().save_file(self.window, "New database", DATABASE_FILTER, "workbench.sqlite")
        if path is not None:
            if path.suffix == "":
                path = path.with_suffix(".sqlite")
            self.window.open_database(path)

    def open_database(self) -> None:
        path = dialogs().open_file(self.window, "Open database", DATABASE_FILTER)
        if path is not None:
            self.window.open_database(path)

    def update_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in settings.recent_databases():
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(lambda _=False, p=path: self.window.open_database(p))
        self.recent_menu.setEnabled(not self.recent_menu.isEmpty())

    # -- vendors -------------------------------------------------------------

    def add_vendor(self) -> None:
        name = dialogs().ask_text(self.window, "Add vendor", "Vendor name:")
        if name is None or not name.strip():
            return
        command = AddVendorCommand(self.window.session, VendorRecord(name=name.strip()))
        if execute(self.window.session, command):
            self.window.select_vendor(command.vendor_id)
            self.window.show_tab(self.window.vendor_tab)

    def duplicate_vendor(self) -> None:
        vendor_id = self.window.current_vendor_id()
        if vendor_id is None:
            return
        store = self.window.store
        vendor = store.vendor_by_id(vendor_id)
        record = vendor_record(store, vendor_id)
        record.name = _free_name(self.window, f"{vendor.name} (copy)")
        command = AddVendorCommand(self.window.session, record, f"Duplicate {vendor.name}")
        if execute(self.window.session, command):
            self.window.select_vendor(command.vendor_id)

    def rename_vendor(self) -> None:
        vendor_id = self.window.current_vendor_id()
        if vendor_id is None:
            return
        old = self.window.store.vendor_by_id(vendor_id).name
        name = dialogs().ask_text(self.window, "Rename vendor", "New name:", old)
        if name is None or name.strip() == old:
            return
        command = SetVendorFieldCommand(self.window.session, vendor_id, "name", name)
        execute(self.window.session, command)

    def delete_vendor(self) -> None:
        vendor_id = self.window.current_vendor_id()
        if vendor_id is None:
            return
        name = self.window.store.vendor_by_id(vendor_id).name
        question = (
            f"Delete {name} with all its answers and BAA wording?\n\n"
            "Edit > Undo brings it back; the audit trail keeps its history."
        )
        if dialogs().confirm(self.window, "Delete vendor", question):
            execute(self.window.session, DeleteVendorCommand(self.window.session, vendor_id))

    def import_vendor_json(self) -> None:
        path = dialogs().open_file(self.window, "Import vendor JSON", JSON_FILTER)
        if path is None:
            return
        with reporting(self.window, "Could not import the vendor file"):
            record = parse_vendor_file(path.read_bytes(), self.window.store.checklist, str(path))
            existing = self.window.store.find_vendor(record.name)
            session = self.window.session
            command: AddVendorCommand | ReplaceVendorCommand
            if existing is None:
                command = AddVendorCommand(session, record, f"Import {record.name}")
            elif dialogs().confirm(
                self.window,
                "Update vendor",
                f"{existing.name} already exists. Update it with the answers in {path.name}?",
            ):
                command = ReplaceVendorCommand(session, existing.id, record)
            else:
                return
            if execute(session, command):
                self.window.select_vendor(self.window.store.vendor(record.name).id)
                log.info("Imported vendor file %s", path)

    def export_vendor_json(self) -> None:
        vendor_id = self.window.current_vendor_id()
        if vendor_id is None:
            return
        vendor = self.window.store.vendor_by_id(vendor_id)
        path = dialogs().save_file(
            self.window, "Export vendor JSON", JSON_FILTER, f"{_file_stem(vendor.name)}.json"
        )
        if path is None:
            return
        with reporting(self.window, "Could not export the vendor file"):
            write_text_atomic(path, dumps_vendor(self.window.store, vendor))
            self.window.statusBar().showMessage(f"Saved {path}", 5000)
            log.info("Exported vendor %s to %s", vendor.id, path)

    def load_sample_data(self) -> None:
        with reporting(self.window, "Could not load the sample data"):
            names = load_demo(self.window.store)
            self.window.notify_data_changed()
            self.window.select_vendor(self.window.store.vendor(names[0]).id)

    # -- help ----------------------------------------------------------------

    def about(self) -> None:
        dialogs().info(self.window, "About BAA Workbench", ABOUT_TEXT)

    def open_log_folder(self) -> None:
        folder = paths.log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def _free_name(window: MainWindow, wanted: str) -> str:
    name, number = wanted, 2
    while window.store.find_vendor(name) is not None:
        name = f"{wanted} {number}"
        number += 1
    return name


def _file_stem(name: str) -> str:
    """A file name from a vendor name, keeping letters, digits, spaces, dots and dashes."""
    kept = "".join(ch if ch.isalnum() or ch in " .-_" else "_" for ch in name).strip(" .")
    return kept or "vendor"
