"""File-menu and Compare-tab actions for the Excel exports and the questionnaire import.

Each function asks for a file through the dialog service, does the work and
reports the outcome, so the main window only connects them. Errors the user
can fix (WorkbenchError) and file-system errors become a message box through
``gui.error_reporting``; they never escape into the event loop.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from gui.error_reporting import reporting
from gui.services import dialogs, with_extension
from models.store import Store

if TYPE_CHECKING:
    from gui.questionnaire_import_dialog import QuestionnaireImportDialog

# The exports and the import dialog are imported inside the functions that use them:
# they load openpyxl, about 200 ms that the window's start-up would otherwise pay.

log = logging.getLogger(__name__)

XLSX_FILTER = "Excel workbook (*.xlsx)"
# The signature of MainWindow.run_job: title, work(progress), on_done(result).
JobRunner = Callable[[str, Callable[[Any], Any], Callable[[Any], None]], object]


def _ask_xlsx(parent: QWidget | None, title: str, suggested: str) -> Path | None:
    path = dialogs().save_file(parent, title, XLSX_FILTER, suggested)
    if path is None:
        return None
    return with_xlsx_suffix(path)


def with_xlsx_suffix(path: Path) -> Path:
    return with_extension(path, ".xlsx")


def export_comparison_file(
    parent: QWidget | None,
    store: Store,
    names: list[str] | None = None,
    run_job: JobRunner | None = None,
) -> Path | None:
    """Ask where to save the comparison of *names* (all vendors when None) and write it.

    With *run_job* (the window's ``run_job``), drawing and saving run off the GUI
    thread. The store is read here first, because its SQLite connection belongs
    to this thread. Returns the chosen path, or None when the user cancelled.
    """
    path = _ask_xlsx(parent, "Export comparison", "vendor-comparison.xlsx")
    if path is None:
        return None
    from exports.comparison_xlsx import collect_comparison, write_comparison_files

    with reporting(parent, "Could not export the comparison"):
        data = collect_comparison(store, names)

        def done(_result: object = None) -> None:
            count = len(data.ranked)
            dialogs().info(parent, "Comparison exported", f"Compared {count} vendors in {path}.")

        if run_job is None:
            write_comparison_files(data, path)
            done()
        else:
            run_job(
                "Exporting comparison",
                lambda progress: write_comparison_files(data, path, None, _step_reporter(progress)),
                done,
            )
    return path


def _step_reporter(progress: Any) -> Callable[[str], None]:
    steps = iter(range(2))

    def step(text: str) -> None:
        progress.check()  # raises JobCancelled after Cancel
        progress.report(next(steps, 1), 2, text)

    return step


def export_questionnaire_file(
    parent: QWidget | None, store: Store, vendor_id: int | None = None
) -> Path | None:
    """Ask where to save the questionnaire for *vendor_id* (blank when None) and write it."""
    vendor = store.vendor_by_id(vendor_id) if vendor_id is not None else None
    stem = _file_stem(vendor.name) if vendor else "blank"
    path = _ask_xlsx(parent, "Export questionnaire", f"questionnaire {stem}.xlsx")
    if path is None:
        return None
    from exports.questionnaire_xlsx import write_questionnaire

    with reporting(parent, "Could not export the questionnaire"):
        answers = {}
        if vendor is not None:
            answers = {key: answer.value for key, answer in store.answers(vendor.id).items()}
        name = vendor.name if vendor else ""
        write_questionnaire(path, store.checklist, store.practice(), name, answers)
        dialogs().info(parent, "Questionnaire exported", f"Send {path.name} to the vendor.")
        return path
    return None


def _file_stem(name: str) -> str:
    """Replace characters that file systems reject, e.g. "/" in "A/B Backup"."""
    kept = [char if char.isalnum() or char in " -_." else "-" for char in name]
    return "".join(kept).strip(" .") or "vendor"


def import_questionnaire_file(
    parent: QWidget | None, store: Store, on_applied: Callable[[int], None] | None = None
) -> QuestionnaireImportDialog | None:
    """Ask for a filled questionnaire, read it and open the preview dialog (window-modal).

    *on_applied* is called with the number of changed fields after Apply,
    e.g. to let the main window rescore (notify_data_changed).
    """
    path = dialogs().open_file(parent, "Import questionnaire", XLSX_FILTER)
    if path is None:
        return None
    from exports.questionnaire_import import read_questionnaire
    from gui.questionnaire_import_dialog import QuestionnaireImportDialog

    with reporting(parent, "Could not import the questionnaire"):
        questionnaire = read_questionnaire(path, store.checklist)
        dialog = QuestionnaireImportDialog(store, questionnaire, parent)
        if on_applied is not None:
            dialog.applied.connect(on_applied)
        dialog.open()
        return dialog
    return None
