"""File-menu and Compare-tab actions for the Excel exports and the questionnaire import.

Each function asks for a file through the dialog service, does the work and
reports the outcome in a message box, so the main window only connects them.
Errors the user can fix (WorkbenchError) and file-system errors are shown,
never raised into the event loop.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from exports.comparison_xlsx import export_comparison
from exports.questionnaire_import import read_questionnaire
from exports.questionnaire_xlsx import write_questionnaire
from gui.questionnaire_import_dialog import QuestionnaireImportDialog
from gui.services import dialogs
from models.errors import WorkbenchError
from models.store import Store

log = logging.getLogger(__name__)

XLSX_FILTER = "Excel workbook (*.xlsx)"


@contextmanager
def _reporting(parent: QWidget | None, title: str) -> Iterator[None]:
    """Show a failure of the block as an error message instead of raising it."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    except (WorkbenchError, OSError) as exc:
        log.warning("%s failed: %s", title, exc)
        dialogs().error(parent, title, str(exc))
    finally:
        QGuiApplication.restoreOverrideCursor()


def export_comparison_file(
    parent: QWidget | None, store: Store, names: list[str] | None = None
) -> Path | None:
    """Ask where to save the comparison workbook of *names* (all vendors when None) and write it.

    Returns the path written, or None when the user cancelled or it failed.
    """
    # NOTE: runs on the GUI thread; 50 vendors take under a second (benchmarks/bench_excel.py).
    path = dialogs().save_file(parent, "Export comparison", XLSX_FILTER, "vendor-comparison.xlsx")
    if path is None:
        return None
    path = path.with_suffix(".xlsx")
    with _reporting(parent, "Export comparison failed"):
        data = export_comparison(store, path, names)
        dialogs().info(
            parent, "Comparison exported", f"Compared {len(data.ranked)} vendors in {path}."
        )
        return path
    return None


def export_questionnaire_file(
    parent: QWidget | None, store: Store, vendor_name: str | None = None
) -> Path | None:
    """Ask where to save the questionnaire for *vendor_name* (blank when None) and write it."""
    suggested = f"questionnaire-{vendor_name or 'blank'}.xlsx".replace("/", "-")
    path = dialogs().save_file(parent, "Export questionnaire", XLSX_FILTER, suggested)
    if path is None:
        return None
    path = path.with_suffix(".xlsx")
    with _reporting(parent, "Export questionnaire failed"):
        answers = {}
        name = ""
        if vendor_name:
            vendor = store.vendor(vendor_name)
            name = vendor.name
            answers = {key: answer.value for key, answer in store.answers(vendor.id).items()}
        write_questionnaire(path, store.checklist, store.practice(), name, answers)
        dialogs().info(parent, "Questionnaire exported", f"Send {path.name} to the vendor.")
        return path
    return None


def import_questionnaire_file(
    parent: QWidget | None, store: Store, on_applied: Callable[[int], None] | None = None
) -> QuestionnaireImportDialog | None:
    """Ask for a filled questionnaire, read it and open the preview dialog (not modal-blocking).

    *on_applied* is called with the number of changed fields after Apply,
    e.g. the main window's notify_data_changed.
    """
    path = dialogs().open_file(parent, "Import questionnaire", XLSX_FILTER)
    if path is None:
        return None
    with _reporting(parent, "Import questionnaire failed"):
        questionnaire = read_questionnaire(path, store.checklist)
        dialog = QuestionnaireImportDialog(store, questionnaire, parent)
        if on_applied is not None:
            dialog.applied.connect(on_applied)
        dialog.open()
        return dialog
    return None
