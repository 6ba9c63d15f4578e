"""The main window's File > Import vendor BAA (.docx)... action."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from exports.baa_docx_reader import read_baa_docx
from exports.baa_import import BaaImport
from exports.baa_rules import analyse
from gui.baa_import_dialog import DOCX_FILTER, BaaImportDialog
from gui.jobs import Job, Progress
from gui.services import dialogs

if TYPE_CHECKING:
    from gui.main_window import MainWindow

log = logging.getLogger(__name__)

ACTION_TEXT = "Import vendor &BAA (.docx)…"
JOB_TITLE = "Reading the vendor BAA"


class BaaImportAction:
    """Reads a vendor BAA off the GUI thread, then opens the review dialog for it."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.action = QAction(ACTION_TEXT, window)
        self.action.setStatusTip(
            "Read a vendor's own BAA and review what it says per checklist item"
        )
        self.action.triggered.connect(self.choose_file)
        menu = window.menu("File")
        menu.insertAction(window.window_actions.export_json, self.action)
        self.dialog: BaaImportDialog | None = None
        self.job: Job | None = None

    def choose_file(self) -> None:
        path = dialogs().open_file(self.window, "Import vendor BAA", DOCX_FILTER)
        if path is not None:
            self.read(path)

    def read(self, path: Path) -> Job:
        """Start reading *path* on a worker thread; the dialog opens when it is done."""
        log.info("Reading vendor BAA %s", path.name)
        self.job = self.window.run_job(JOB_TITLE, lambda progress: _read(path, progress))
        self.job.finished.connect(self._show_findings)
        return self.job

    def _show_findings(self, result: BaaImport) -> None:
        vendor_id = self.window.current_vendor_id()
        self.dialog = BaaImportDialog(self.window.store, result, vendor_id, self.window)
        self.dialog.saved.connect(self._saved)
        self.dialog.open()

    def _saved(self, count: int) -> None:
        # The dialog wrote to the store directly, so every view must reload and rescore.
        self.window.notify_data_changed()
        if self.dialog is not None:
            vendor = self.window.store.find_vendor(self.dialog.vendor_box.currentText())
            if vendor is not None:
                self.window.select_vendor(vendor.id)
        self.window.statusBar().showMessage(f"Stored {count} findings from the vendor BAA", 5000)


def _read(path: Path, progress: Progress) -> BaaImport:
    # Runs on the worker thread: it reads the file only and never touches the store.
    progress.report(0, 2, f"Reading {path.name}")
    document = read_baa_docx(path)
    progress.check()
    progress.report(1, 2, "Finding the terms per checklist item")
    return BaaImport(document, analyse(document))


def install(window: MainWindow) -> BaaImportAction:
    """Add the BAA import action to *window*'s File menu, after the vendor JSON import."""
    return BaaImportAction(window)
