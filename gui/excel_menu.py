"""Put the Excel actions into the main window: File menu entries and a Compare-tab button."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton

from gui.excel_actions import (
    export_comparison_file,
    export_questionnaire_file,
    import_questionnaire_file,
)

if TYPE_CHECKING:
    from gui.main_window import MainWindow
    from gui.questionnaire_import_dialog import QuestionnaireImportDialog


class ExcelActions:
    """The comparison export and the questionnaire round trip, wired into *window*."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.import_dialog: QuestionnaireImportDialog | None = None
        file_menu = window.menu("File")
        before = window.window_actions.export_separator
        self.export_comparison = QAction("Export &comparison…", window)
        self.export_questionnaire = QAction("Export &questionnaire…", window)
        self.import_questionnaire = QAction("Import q&uestionnaire…", window)
        for action, slot in (
            (self.export_comparison, self.on_export_comparison),
            (self.export_questionnaire, self.on_export_questionnaire),
            (self.import_questionnaire, self.on_import_questionnaire),
        ):
            action.triggered.connect(slot)
            file_menu.insertAction(before, action)
        self.export_questionnaire.setToolTip(
            "Writes the questionnaire for the selected vendor, or a blank one when none is selected"
        )
        self.compare_button = QPushButton("Export comparison…")
        self.compare_button.setToolTip("Writes the compared vendors to an Excel workbook")
        self.compare_button.clicked.connect(self.on_export_compared)
        window.compare_tab.add_tool(self.compare_button)

    def on_export_comparison(self) -> None:
        """Export every vendor, ranked."""
        export_comparison_file(self.window, self.window.store, None, self.window.run_job)

    def on_export_compared(self) -> None:
        """Export the vendors chosen on the Compare tab."""
        names = [vendor.name for vendor, _ in self.window.compare_tab.model.chosen_scores()]
        export_comparison_file(self.window, self.window.store, names, self.window.run_job)

    def on_export_questionnaire(self) -> None:
        export_questionnaire_file(self.window, self.window.store, self.window.current_vendor_id())

    def on_import_questionnaire(self) -> None:
        self.import_dialog = import_questionnaire_file(
            self.window, self.window.store, lambda _changed: self.window.notify_data_changed()
        )
