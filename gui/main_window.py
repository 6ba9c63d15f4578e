"""The main window: vendor list beside the tabs, menus, status bar.

Extension points for features that plug in from other modules:

- ``window.store``: the open ``models.store.Store``. It changes when the user
  opens another database, so read it each time instead of keeping it.
- ``window.current_vendor_id() -> int | None`` and the signal
  ``vendorSelected(int)`` (the vendor's id, or -1 when none is selected).
- ``window.notify_data_changed()``: call it after writing to the store outside
  the window's own edits (an import dialog, a negotiation tab). It rescores
  every vendor and emits ``dataChanged()``, which every view listens to.
  ``window.session.snapshot`` contains the vendors and their scores as of then.
- ``window.add_tab(widget, title)`` adds a tab after the built-in ones; a
  per-vendor tab connects to ``vendorSelected`` and ``dataChanged``.
- ``window.compare_tab.add_tool(widget)`` adds a button to the Compare tab's
  toolbar; ``window.compare_tab.model.chosen_scores()`` lists the compared
  vendors with their scores, in column order.
- ``window.menu(name) -> QMenu`` for "File", "Edit", "Vendor" and "Help";
  add actions there. File has a marked place for exports
  (``window.window_actions.export_separator``): insert before it with
  ``menu.insertAction(window.window_actions.export_separator, action)``.
- ``window.run_job(title, function, on_done=None)`` runs a function off the
  GUI thread with a progress dialog and Cancel (see ``gui.jobs``).
- ``window.report_error(title, exc)`` or ``with reporting(window, title):``
  (``gui.error_reporting``) turns a ``WorkbenchError`` into a message box; any
  other uncaught exception reaches the crash dialog that offers the log file.
- Undoable edits: build a ``gui.undo_commands.StoreCommand`` and call
  ``gui.undo_commands.execute(window.session, command)``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from gui import baa_import_action, settings
from gui.checklist_tab import ChecklistTab
from gui.compare_tab import CompareTab
from gui.error_reporting import show_error
from gui.excel_menu import ExcelActions
from gui.jobs import Job, Progress, run_job
from gui.negotiate_tab import attach_negotiate_tab
from gui.practice_tab import PracticeTab
from gui.session import Session
from gui.vendor_panel import VendorPanel
from gui.vendor_tab import VendorTab
from gui.welcome_page import WelcomePage
from gui.window_actions import WindowActions
from models.errors import WorkbenchError
from models.store import Store

log = logging.getLogger(__name__)

DEFAULT_SIZE = (1280, 800)
# How long closing the window waits for a cancelled job to reach its next check().
JOB_STOP_TIMEOUT_MS = 5000


class MainWindow(QMainWindow):
    """The window a practice administrator works in.

    Signals:
        vendorSelected(int): the selected vendor's id, or -1 for none.
        dataChanged(): the store was written and the scores were recomputed.
    """

    vendorSelected = Signal(int)
    dataChanged = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("BAA Workbench")
        self.session = Session(store, self)
        self.vendor_panel = VendorPanel(self.session)
        self.vendor_panel.vendorSelected.connect(self.vendorSelected)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.welcome = WelcomePage()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.welcome)
        self.pages.addWidget(self.tabs)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.vendor_panel)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([380, 900])
        self.setCentralWidget(self.splitter)
        self._menus: dict[str, QMenu] = {}
        self._jobs: set[Job] = set()
        for name in ("File", "Edit", "Vendor", "Help"):
            self._menus[name] = self.menuBar().addMenu(f"&{name}")
        self._build_tabs()
        self.window_actions = WindowActions(self)
        self.baa_import = baa_import_action.install(self)
        self.excel_actions = ExcelActions(self)
        self.database_label = QLabel()
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addPermanentWidget(self.database_label, 1)
        self.session.changed.connect(self._on_data_changed)
        self._on_data_changed()
        self._restore_window_state()
        if self.session.snapshot.vendors:
            self.select_vendor(self.session.snapshot.vendors[0].id)

    def _build_tabs(self) -> None:
        self.vendor_tab = VendorTab(self)
        self.checklist_tab = ChecklistTab(self)
        self.compare_tab = CompareTab(self)
        self.practice_tab = PracticeTab(self)
        self.tabs.addTab(self.vendor_tab, "&Vendor")
        self.tabs.addTab(self.checklist_tab, "&Checklist")
        self.tabs.addTab(self.compare_tab, "C&ompare")
        self.tabs.addTab(self.practice_tab, "&Practice")
        # Feature tabs plug in through the extension points, like outside code would.
        self.negotiate_tab = attach_negotiate_tab(self)

    # -- extension points ----------------------------------------------------

    @property
    def store(self) -> Store:
        return self.session.store

    def current_vendor_id(self) -> int | None:
        return self.vendor_panel.current_vendor_id()

    def select_vendor(self, vendor_id: int | None) -> None:
        self.vendor_panel.select_vendor(vendor_id)

    def notify_data_changed(self) -> None:
        """Rescore and refresh every view after a write to the store; emits dataChanged."""
        self.session.refresh()

    def add_tab(self, widget: QWidget, title: str) -> int:
        return self.tabs.addTab(widget, title)

    def menu(self, name: str) -> QMenu:
        """Return the top-level menu called *name*: "File", "Edit", "Vendor" or "Help"."""
        return self._menus[name]

    def run_job(
        self,
        title: str,
        function: Callable[[Progress], Any],
        on_done: Callable[[Any], None] | None = None,
    ) -> Job:
        job = run_job(self, title, function, on_done)
        self._jobs.add(job)
        job.ended.connect(lambda: self._jobs.discard(job))
        return job

    def report_error(self, title: str, exc: WorkbenchError | OSError) -> None:
        show_error(self, title, exc)

    def open_answer(self, vendor_id: int, item_id: str) -> None:
        """Show one vendor's answer to one item on the Checklist tab."""
        self.select_vendor(vendor_id)
        self.show_tab(self.checklist_tab)
        self.checklist_tab.show_item(item_id)

    def show_tab(self, widget: QWidget) -> None:
        self.pages.setCurrentWidget(self.tabs)
        self.tabs.setCurrentWidget(widget)

    # -- database ------------------------------------------------------------

    def open_database(self, path: Path) -> bool:
        """Switch to the database at *path*; on failure show why and keep the current one."""
        try:
            store = Store(path)
        except WorkbenchError as exc:
            show_error(self, "Could not open the database", exc)
            return False
        self.session.replace_store(store)
        settings.remember_database(store.path)
        self.window_actions.update_recent_menu()
        log.info("Window switched to database %s", store.path)
        return True

    def _on_data_changed(self) -> None:
        has_vendors = bool(self.session.snapshot.vendors)
        self.pages.setCurrentWidget(self.tabs if has_vendors else self.welcome)
        count = len(self.session.snapshot.vendors)
        self.database_label.setText(
            f"Database: {self.store.path}  ·  {count} vendor{'s' * (count != 1)}  ·  "
            "every change is saved at once"
        )
        self.dataChanged.emit()

    # -- window state --------------------------------------------------------

    def _restore_window_state(self) -> None:
        stored = settings.app_settings()
        geometry = stored.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(*DEFAULT_SIZE)
        for key, splitter in self._splitters().items():
            state = stored.value(f"window/{key}")
            if isinstance(state, QByteArray) and not state.isEmpty():
                splitter.restoreState(state)

    def _splitters(self) -> dict[str, QSplitter]:
        return {
            "splitter": self.splitter,
            "checklist_splitter": self.checklist_tab.splitter,
            "compare_splitter": self.compare_tab.splitter,
        }

    def save_window_state(self) -> None:
        stored = settings.app_settings()
        stored.setValue("window/geometry", self.saveGeometry())
        for key, splitter in self._splitters().items():
            stored.setValue(f"window/{key}", splitter.saveState())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_window_state()
        self._stop_jobs()
        super().closeEvent(event)

    def _stop_jobs(self) -> None:
        """Cancel running jobs and wait for them, so no worker thread outlives the window."""
        for job in list(self._jobs):
            job.cancel()
            if not job.wait(JOB_STOP_TIMEOUT_MS):
                log.warning("Job %r did not stop within %s ms", job.title, JOB_STOP_TIMEOUT_MS)
