"""The vendor list beside the main area: search field, sortable table, add and delete buttons."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.session import Session
from gui.vendor_list_model import (
    NAME,
    VENDOR_ID_ROLE,
    VendorFilterModel,
    VendorListModel,
)

LEGEND = (
    "<small>✗ disqualified by a gap on a knockout item · "
    "⚠ BAA review due within 30 days or overdue</small>"
)


class VendorPanel(QWidget):
    """Lists vendors and keeps one selected across refreshes.

    Signals:
        vendorSelected(int): the selected vendor's id, or -1 when none is selected.
    """

    vendorSelected = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = VendorListModel(session, self)
        self.proxy = VendorFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self._current = -1
        self.search = QLineEdit(placeholderText="Search vendors by name")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = self._make_view()
        self.legend = QLabel(LEGEND)
        self.legend.setWordWrap(True)
        self.add_button = QPushButton("Add…")
        self.duplicate_button = QPushButton("Duplicate")
        self.delete_button = QPushButton("Delete…")
        buttons = QHBoxLayout()
        for button in (self.add_button, self.duplicate_button, self.delete_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.legend)
        layout.addLayout(buttons)
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)
        self._update_buttons()

    def _make_view(self) -> QTableView:
        view = QTableView()
        view.setModel(self.proxy)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        view.setSortingEnabled(True)
        view.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
        view.verticalHeader().hide()
        view.setWordWrap(False)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        view.selectionModel().currentRowChanged.connect(self._on_current_changed)
        return view

    def current_vendor_id(self) -> int | None:
        return None if self._current < 0 else self._current

    def select_vendor(self, vendor_id: int | None) -> None:
        """Select the vendor's row (clearing the search when it hides the vendor)."""
        row = -1 if vendor_id is None else self.model.row_of(vendor_id)
        if row >= 0 and not self.proxy.mapFromSource(self.model.index(row, NAME)).isValid():
            self.search.clear()
        index = self.proxy.mapFromSource(self.model.index(row, NAME)) if row >= 0 else None
        selection = self.view.selectionModel()
        if index is None or not index.isValid():
            selection.clearSelection()
            selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.Clear)
            self._set_current(-1)
            return
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        selection.setCurrentIndex(index, flags)
        self.view.scrollTo(index)

    def _on_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        del previous
        vendor_id = current.data(VENDOR_ID_ROLE) if current.isValid() else -1
        self._set_current(-1 if vendor_id is None else int(vendor_id))

    def _set_current(self, vendor_id: int) -> None:
        self._update_buttons(vendor_id)
        if vendor_id != self._current:
            self._current = vendor_id
            self.vendorSelected.emit(vendor_id)

    def _remember_selection(self) -> None:
        self._kept = self._current

    def _restore_selection(self) -> None:
        kept = getattr(self, "_kept", -1)
        if kept >= 0 and self.model.row_of(kept) >= 0:
            self._current = -1  # the reset dropped the row; re-selecting announces it again
            self.blockSignals(True)
            self.select_vendor(kept)
            self.blockSignals(False)
            self._current = kept
        elif self.model.rowCount() and kept >= 0:
            self.select_vendor(self.model.vendor_at(0).id)
        else:
            self.select_vendor(None)

    def _update_buttons(self, vendor_id: int = -1) -> None:
        self.duplicate_button.setEnabled(vendor_id >= 0)
        self.delete_button.setEnabled(vendor_id >= 0)
