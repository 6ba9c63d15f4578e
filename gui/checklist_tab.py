"""The Checklist tab: every item of the selected vendor, grouped by section, with filters.

The tree edits answers, notes and sources in place; the pane beside it shows
the selected item's question, why it matters, the practice's target, and the
vendor's BAA wording for it. Both edit through ChecklistModel.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDataWidgetMapper,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from gui.answer_editors import ValueDelegate
from gui.checklist_model import (
    ANSWER,
    ITEM_ROLE,
    NOTE,
    SOURCE,
    STATUS,
    TARGET,
    TITLE,
    WORDING,
    ChecklistFilterModel,
    ChecklistModel,
)
from models.checklist import Item

if TYPE_CHECKING:
    from gui.main_window import MainWindow

SHOW_CHOICES = {
    "All items": None,
    "Gaps only": {"gap"},
    "Unknown only": {"unknown"},
    "Gaps and unknown": {"gap", "unknown"},
}


class ChecklistTab(QWidget):
    """Answers of the selected vendor with their status against the practice's targets."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.main_window = window
        self.model = ChecklistModel(window.session, self)
        self.proxy = ChecklistFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.show_filter = QComboBox()
        self.show_filter.addItems(list(SHOW_CHOICES))
        self.section_filter = QComboBox()
        self.section_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.section_filter.setMinimumContentsLength(12)
        self.section_filter.addItem("All sections", None)
        for section in window.store.checklist.sections:
            self.section_filter.addItem(section.title, section.id)
        self.show_filter.currentIndexChanged.connect(self._apply_filter)
        self.section_filter.currentIndexChanged.connect(self._apply_filter)
        self.view = self._make_view()
        self.detail = ItemDetail(self.proxy)
        self.heading = QLabel()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([640, 300])
        self.splitter = splitter
        filters = QHBoxLayout()
        filters.addWidget(self.heading, 1)
        filters.addWidget(QLabel("Show:"))
        filters.addWidget(self.show_filter)
        filters.addWidget(QLabel("Section:"))
        filters.addWidget(self.section_filter)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        window.vendorSelected.connect(self._on_vendor_selected)
        window.session.changed.connect(self._refresh_detail)
        self.proxy.layoutChanged.connect(self.view.expandAll)
        self.proxy.rowsInserted.connect(lambda *_: self.view.expandAll())
        self._on_vendor_selected(-1)

    def _make_view(self) -> QTreeView:
        view = QTreeView()
        view.setModel(self.proxy)
        view.setItemDelegateForColumn(ANSWER, ValueDelegate(ITEM_ROLE, True, view))
        view.setAlternatingRowColors(True)
        view.setUniformRowHeights(True)
        view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        view.setColumnHidden(WORDING, True)
        header = view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in ((ANSWER, 105), (STATUS, 90), (TARGET, 130)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        # Note and source are edited in the detail pane; the tree keeps room for titles.
        view.setColumnHidden(NOTE, True)
        view.setColumnHidden(SOURCE, True)
        view.selectionModel().currentChanged.connect(self._on_current_changed)
        view.expandAll()
        return view

    def _on_vendor_selected(self, vendor_id: int) -> None:
        self.model.set_vendor(vendor_id)
        vendor = self.main_window.session.snapshot.vendor(vendor_id) if vendor_id >= 0 else None
        self.heading.setText(f"<b>{_escape(vendor.name)}</b>" if vendor else "No vendor selected")
        self.view.setEnabled(vendor is not None)
        self.view.expandAll()

    def _refresh_detail(self) -> None:
        self.detail.show_index(self.view.currentIndex())

    def _apply_filter(self) -> None:
        statuses = SHOW_CHOICES[self.show_filter.currentText()]
        self.proxy.set_filter(statuses, self.section_filter.currentData())
        self.view.expandAll()

    def _on_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        del previous
        self.detail.show_index(current)

    def show_item(self, item_id: str) -> None:
        """Select *item_id*, clearing filters that hide it."""
        source = self.model.index_of(item_id)
        if not self.proxy.mapFromSource(source).isValid():
            self.show_filter.setCurrentIndex(0)
            self.section_filter.setCurrentIndex(0)
        index = self.proxy.mapFromSource(self.model.index_of(item_id, ANSWER))
        self.view.scrollTo(index)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.view.setFocus()


class ItemDetail(QWidget):
    """Question, why it matters and target of the current item; note, source and wording editors."""

    def __init__(self, model: ChecklistFilterModel) -> None:
        super().__init__()
        self.model = model
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.about = QLabel()
        self.about.setWordWrap(True)
        self.about.setTextFormat(Qt.TextFormat.RichText)
        self.about.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText("Your note on this answer")
        self.source = QLineEdit(
            placeholderText="Where the answer comes from, e.g. SOC 2 report p. 14"
        )
        self.wording = QPlainTextEdit()
        self.wording.setTabChangesFocus(True)
        self.wording.setPlaceholderText("Paste the vendor's current BAA wording for this item")
        self.mapper = QDataWidgetMapper(self)
        self.mapper.setModel(model)
        self.mapper.setSubmitPolicy(QDataWidgetMapper.SubmitPolicy.AutoSubmit)
        self.mapper.addMapping(self.note, NOTE)
        self.mapper.addMapping(self.source, SOURCE)
        self.mapper.addMapping(self.wording, WORDING)
        form = QFormLayout()
        form.addRow("Note:", self.note)
        form.addRow("Source:", self.source)
        form.addRow("BAA wording:", self.wording)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.about)
        layout.addLayout(form, 1)
        self.show_index(QModelIndex())

    def show_index(self, index: QModelIndex) -> None:
        item = index.data(ITEM_ROLE) if index.isValid() else None
        editable = isinstance(item, Item) and bool(index.flags() & Qt.ItemFlag.ItemIsEditable)
        for editor in (self.note, self.source, self.wording):
            editor.setEnabled(editable)
        if not isinstance(item, Item):
            self.title.setText("<b>Select an item</b> to see why it matters.")
            self.about.setText("")
            return
        self.mapper.setRootIndex(index.parent())
        self.mapper.setCurrentModelIndex(index)
        target = index.siblingAtColumn(TARGET).data()
        status = index.siblingAtColumn(STATUS).data() or "no vendor selected"
        self.title.setText(f"<b>{_escape(item.title)}</b> <small>({item.id})</small>")
        self.about.setText(
            f"<p>{_escape(item.question)}</p>"
            f"<p><b>Why it matters:</b> {_escape(item.why)}</p>"
            f"<p><b>Practice target:</b> {_escape(str(target))} &nbsp; <b>Status:</b> {status}</p>"
            + (f"<p><small>{_escape(item.regulation)}</small></p>" if item.regulation else "")
            + (
                "<p><b>Knockout:</b> a gap here disqualifies the vendor.</p>"
                if item.knockout
                else ""
            )
        )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
