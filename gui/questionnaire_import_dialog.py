"""Dialog that previews a returned questionnaire and applies the accepted changes.

Nothing is written until the user presses Apply; then every checked change
is written in one transaction with the file name as the answers' source.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from exports.questionnaire_import import QuestionnaireFile
from exports.questionnaire_plan import ImportPlan, apply_import, plan_import
from gui.import_changes_model import ImportChangesModel
from gui.services import dialogs
from models.errors import WorkbenchError
from models.store import Store

log = logging.getLogger(__name__)


class QuestionnaireImportDialog(QDialog):
    """Preview of one questionnaire import: changes with check boxes and unread rows.

    Signals:
        applied(int): emitted after Apply with the number of answer fields changed.
    """

    applied = Signal(int)

    def __init__(
        self, store: Store, questionnaire: QuestionnaireFile, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.questionnaire = questionnaire
        self.plan: ImportPlan | None = None
        self.setWindowTitle(f"Import questionnaire - {questionnaire.source}")
        self.resize(900, 600)
        self.model = ImportChangesModel(parent=self)
        self._build()
        self.vendor_box.setCurrentText(questionnaire.vendor_name)
        self.replan()

    def _build(self) -> None:
        self.vendor_box = QComboBox()
        self.vendor_box.setEditable(True)
        self.vendor_box.addItems([vendor.name for vendor in self.store.vendors()])
        self.vendor_box.setCurrentIndex(-1)
        self.vendor_box.currentTextChanged.connect(self.replan)
        form = QFormLayout()
        form.addRow("File:", QLabel(self.questionnaire.source))
        form.addRow("Vendor:", self.vendor_box)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.problems = QListWidget()
        self.problems.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Cancel
        )
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.apply_button.clicked.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addLayout(self._check_buttons())
        layout.addWidget(self.table, stretch=3)
        layout.addWidget(QLabel("Rows not read:"))
        layout.addWidget(self.problems, stretch=1)
        layout.addWidget(self.buttons)

    def _check_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for text, accepted in (("Check all", True), ("Uncheck all", False)):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, a=accepted: self.model.set_all_accepted(a))
            row.addWidget(button)
        row.addStretch()
        return row

    def replan(self) -> None:
        """Compare the file with the stored answers of the vendor now chosen."""
        name = " ".join(self.vendor_box.currentText().split())
        self.plan = plan_import(self.store, self.questionnaire, name) if name else None
        self.model.set_changes(self.plan.changes if self.plan else [])
        self.problems.clear()
        for problem in self.questionnaire.problems if self.plan is None else self.plan.problems:
            where = f"{problem.item_id}: " if problem.item_id else ""
            self.problems.addItem(f"Row {problem.row}: {where}{problem.reason}")
        self.summary.setText(self._summary_text())
        self.apply_button.setEnabled(bool(self.plan and self.plan.changes))

    def _summary_text(self) -> str:
        if self.plan is None:
            return "This questionnaire names no vendor. Choose or type the vendor it belongs to."
        new = " (a new vendor, added on Apply)" if self.plan.vendor_id is None else ""
        warning = ""
        if self.plan.vendor_differs:
            warning = f"This questionnaire was sent to {self.plan.sent_to}, not to this vendor. "
        return warning + (
            f"{len(self.plan.changes)} changes for {self.plan.vendor_name}{new}; "
            f"{len(self.plan.problems)} rows not read; {self.plan.unchanged} answers unchanged; "
            f"{self.plan.unanswered} items not answered. Uncheck a change to keep the "
            "current answer."
        )

    def apply(self) -> None:
        """Write the checked changes in one transaction and close the dialog."""
        if self.plan is None:
            return
        accepted = self.model.accepted_item_ids()
        if not accepted:
            dialogs().info(self, "Nothing to import", "No change is checked; nothing was written.")
            return
        try:
            changed = apply_import(self.store, self.plan, accepted)
        except (WorkbenchError, OSError) as exc:
            log.warning("Questionnaire import of %s failed: %s", self.plan.source, exc)
            dialogs().error(self, "Import failed", f"Nothing was written. {exc}")
            return
        self.applied.emit(changed)
        self.accept()
