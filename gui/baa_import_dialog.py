"""Review what a vendor's BAA says per checklist item, then store the accepted findings.

The dialog shows the document's paragraphs beside the findings. The user
accepts, edits or rejects each finding; Save stores the accepted ones as the
vendor's answers and current BAA wording in one transaction, with the file name
in the audit trail. Nothing is stored before Save.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QItemSelection, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from exports.baa_import import BaaImport, read_vendor_baa, save_findings
from gui.baa_findings_model import BaaFindingsModel, Column, Decision
from gui.services import dialogs
from models.checklist import AnswerType
from models.errors import WorkbenchError
from models.store import Store

log = logging.getLogger(__name__)

HIGHLIGHT = QColor("#fff2a8")
DOCX_FILTER = "Word documents (*.docx)"


class BaaImportDialog(QDialog):
    """Findings of one vendor BAA, for review before they are stored.

    Signals:
        saved(int): the number of findings stored.
    """

    saved = Signal(int)

    def __init__(
        self,
        store: Store,
        result: BaaImport,
        vendor_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.baa = result
        self.setWindowTitle(f"Import vendor BAA - {result.document.source}")
        self.model = BaaFindingsModel(result.analysis.findings, store.checklist, self)
        self._rows_by_paragraph: dict[int, int] = {}
        self._highlighted: QListWidgetItem | None = None
        self._build(vendor_id)
        self.model.decisions_changed.connect(self._update_status)
        self.model.value_rejected.connect(self._show_rejected_value)
        self._update_status()
        self.resize(1200, 700)

    # -- layout ----------------------------------------------------------------

    def _build(self, vendor_id: int | None) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self._document_pane())
        splitter.addWidget(self._findings_pane(vendor_id))
        splitter.setSizes([450, 750])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _document_pane(self) -> QWidget:
        self.paragraphs = QListWidget(self)
        self.paragraphs.setWordWrap(True)
        self.paragraphs.setAlternatingRowColors(True)
        self.paragraphs.setAccessibleName("Document text")
        for paragraph in self.baa.document.text_paragraphs:
            # Word list numbers are not part of the text, so show them in front of it.
            shown = paragraph.text
            if paragraph.number and not paragraph.text.lstrip().startswith(paragraph.number):
                shown = f"{paragraph.number}  {paragraph.text}"
            self._rows_by_paragraph[paragraph.index] = self.paragraphs.count()
            self.paragraphs.addItem(QListWidgetItem(shown))
        return self.paragraphs

    def _findings_pane(self, vendor_id: int | None) -> QWidget:
        pane = QWidget(self)
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._vendor_row(vendor_id))
        self.table = QTableView(pane)
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(Column.VALUE, ValueDelegate(self.model, self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.ITEM, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.WORDING, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(Column.ITEM, 260)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table)
        self.explanation = QLabel(pane)
        self.explanation.setWordWrap(True)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.explanation)
        layout.addLayout(self._decision_buttons())
        self.status = QLabel(pane)
        layout.addWidget(self.status)
        return pane

    def _vendor_row(self, vendor_id: int | None) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel("Vendor:"))
        self.vendor_box = QComboBox(self)
        self.vendor_box.setEditable(True)  # a name not in the list creates that vendor on Save
        self.vendor_box.setToolTip("Choose the vendor, or type a new name to add a vendor")
        for vendor in self.store.vendors():
            self.vendor_box.addItem(vendor.name, vendor.id)
        if vendor_id is not None:
            self.vendor_box.setCurrentIndex(self.vendor_box.findData(vendor_id))
        row.addWidget(self.vendor_box, 1)
        silent = ", ".join(self.baa.analysis.silent) or "none"
        note = QLabel(f"The BAA is silent on: {silent}")
        note.setWordWrap(True)
        row.addWidget(note, 3)
        return row

    def _decision_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for text, slot in (
            ("&Accept", lambda: self._decide_selected(Decision.ACCEPTED)),
            ("&Reject", lambda: self._decide_selected(Decision.REJECTED)),
            ("Accept a&ll", lambda: self.model.set_all(Decision.ACCEPTED)),
            ("Reject all", lambda: self.model.set_all(Decision.REJECTED)),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            row.addWidget(button)
        edit = QPushButton("&Edit value", self)
        edit.clicked.connect(self._edit_selected)
        row.addWidget(edit)
        row.addStretch(1)
        return row

    # -- behaviour -------------------------------------------------------------

    def selected_rows(self) -> list[int]:
        return sorted({index.row() for index in self.table.selectionModel().selectedRows()})

    def select_finding(self, row: int) -> None:
        self.table.selectRow(row)

    def _decide_selected(self, decision: Decision) -> None:
        for row in self.selected_rows():
            self.model.set_decision(row, decision)

    def _edit_selected(self) -> None:
        rows = self.selected_rows()
        if rows:
            self.table.edit(self.model.index(rows[0], Column.VALUE))

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.selected_rows()
        if not rows:
            self.explanation.clear()
            return
        finding = self.model.finding(rows[0])
        where = finding.location or "the document"
        self.explanation.setText(
            f"{finding.explanation}\nVendor's words ({where}): {finding.matched_text}"
        )
        self.highlight_paragraph(finding.paragraph_index)

    def highlight_paragraph(self, paragraph_index: int) -> None:
        """Mark the paragraph a finding came from and scroll it into view."""
        if self._highlighted is not None:
            self._highlighted.setBackground(QBrush())
        row = self._rows_by_paragraph.get(paragraph_index)
        if row is None:
            self._highlighted = None
            return
        item = self.paragraphs.item(row)
        item.setBackground(QBrush(HIGHLIGHT))
        self.paragraphs.setCurrentItem(item)
        self.paragraphs.scrollToItem(item, QAbstractItemView.ScrollHint.PositionAtCenter)
        self._highlighted = item

    def highlighted_row(self) -> int | None:
        return None if self._highlighted is None else self.paragraphs.row(self._highlighted)

    def _update_status(self) -> None:
        counts = self.model.counts()
        self.status.setText(
            f"{counts[Decision.ACCEPTED]} accepted, {counts[Decision.REJECTED]} rejected, "
            f"{counts[Decision.PENDING]} not decided. Save stores only accepted findings."
        )

    def _show_rejected_value(self, message: str) -> None:
        dialogs().warning(self, "Value not accepted", message)

    def save(self) -> None:
        """Store the accepted findings for the chosen vendor in one transaction."""
        accepted = self.model.accepted()
        name = self.vendor_box.currentText().strip()
        if not name:
            dialogs().warning(self, "No vendor", "Choose the vendor this BAA belongs to.")
            return
        if not accepted:
            dialogs().info(self, "Nothing to save", "Accept at least one finding, or Cancel.")
            return
        try:
            with self.store.transaction():
                vendor = self.store.find_vendor(name) or self.store.add_vendor(name)
                count = save_findings(self.store, vendor.id, accepted, self.baa.document.source)
        except WorkbenchError as exc:
            log.info("Saving BAA findings failed: %s", exc)
            dialogs().error(self, "Findings not saved", str(exc))
            return
        self.saved.emit(count)
        self.accept()


class ValueDelegate(QStyledItemDelegate):
    """Edits a proposed value with a list of choices for yes/no and ordinal items."""

    def __init__(self, model: BaaFindingsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.findings = model

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        item = self.findings.checklist.item(self.findings.finding(index.row()).item_id)
        if item.answer is AnswerType.NUMBER:
            return super().createEditor(parent, option, index)
        editor = QComboBox(parent)
        editor.addItems(list(item.options))
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentText(str(index.data(Qt.ItemDataRole.EditRole)))
        else:
            super().setEditorData(editor, index)

    def setModelData(
        self, editor: QWidget, model: object, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        if isinstance(editor, QComboBox):
            self.findings.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)  # type: ignore[arg-type]


def open_baa_import(
    parent: QWidget | None, store: Store, vendor_id: int | None = None, path: Path | None = None
) -> BaaImportDialog | None:
    """Ask for a vendor BAA (.docx), read it and open the review dialog; None if cancelled.

    A file that cannot be read is reported through the dialog service.
    """
    path = path or dialogs().open_file(parent, "Import vendor BAA", DOCX_FILTER)
    if path is None:
        return None
    # NOTE: this reads on the GUI thread. A 20-page BAA takes well under a second and
    # the size caps bound the worst case; the main window's action uses its job runner.
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        result = read_vendor_baa(path)
    except WorkbenchError as exc:
        log.info("Vendor BAA import of %s failed: %s", path.name, exc)
        dialogs().error(parent, "Cannot read the BAA", str(exc))
        return None
    finally:
        QGuiApplication.restoreOverrideCursor()
    dialog = BaaImportDialog(store, result, vendor_id, parent)
    dialog.open()
    return dialog
