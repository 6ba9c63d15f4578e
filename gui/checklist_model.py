"""The selected vendor's checklist: sections as parents, items as children.

Columns: item, answer, status, practice target, note, source, and the vendor's
current BAA wording (shown in the detail pane, not the table). Answer, note,
source and wording are editable; each edit is one undo command. The tree's
shape is the checklist's, so a change of data never resets the model: it
emits dataChanged and views keep their expanded sections and current item.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from gui.session import Session
from gui.status_style import STATUS_TEXT, status_brush, text_brush
from gui.undo_commands import SetAnswerCommand, SetWordingCommand, execute
from models.checklist import AnswerType, Item, Section, format_quantity, format_value
from models.scoring import Status, VendorScore
from models.vendors import Answer

ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
ITEM_ROLE = Qt.ItemDataRole.UserRole + 3

TITLE, ANSWER, STATUS, TARGET, NOTE, SOURCE, WORDING = range(7)
HEADERS = ("Item", "Answer", "Status", "Practice target", "Note", "Source", "BAA wording")
EDITABLE = (ANSWER, NOTE, SOURCE, WORDING)
ANSWERED_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
        ITEM_ID_ROLE,
        STATUS_ROLE,
        ITEM_ROLE,
    }
)
SECTION_ID = 0  # internalId of a section row; an item row stores its section's row + 1

Index = QModelIndex | QPersistentModelIndex


def answer_text(item: Item, value: object) -> str:
    """An answer as shown in tables: "4 hours", "yes", or "unknown"."""
    if value is None:
        return "unknown"
    if item.answer is AnswerType.NUMBER:
        return format_quantity(value, item.unit)  # type: ignore[arg-type]
    return format_value(value)  # type: ignore[arg-type]


class ChecklistModel(QAbstractItemModel):
    """Every checklist item with the selected vendor's answer and status."""

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.sections: tuple[Section, ...] = session.checklist.sections
        self.vendor_id: int | None = None
        self._answers: dict[str, Answer] = {}
        self._wording: dict[str, str] = {}
        session.changed.connect(self.reload)

    # -- data loading --------------------------------------------------------

    def set_vendor(self, vendor_id: int | None) -> None:
        self.vendor_id = None if vendor_id is None or vendor_id < 0 else vendor_id
        self.reload()

    def reload(self) -> None:
        if self.vendor_id is not None and self.session.snapshot.vendor(self.vendor_id) is None:
            self.vendor_id = None
        store = self.session.store
        self._answers = store.answers(self.vendor_id) if self.vendor_id is not None else {}
        self._wording = store.wording(self.vendor_id) if self.vendor_id is not None else {}
        self._announce_all_changed()

    def _announce_all_changed(self) -> None:
        last = len(HEADERS) - 1
        for row, section in enumerate(self.sections):
            self.dataChanged.emit(self.index(row, 0), self.index(row, last))
            parent = self.index(row, 0)
            self.dataChanged.emit(
                self.index(0, 0, parent), self.index(len(section.items) - 1, last, parent)
            )

    def score(self) -> VendorScore | None:
        if self.vendor_id is None:
            return None
        return self.session.snapshot.scores.get(self.vendor_id)

    # -- tree structure ------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        # Bounds checked by hand: hasIndex() calls back into rowCount() and columnCount(),
        # and views call index() thousands of times per repaint.
        if row < 0 or not 0 <= column < len(HEADERS):
            return QModelIndex()
        if not parent.isValid():
            if row >= len(self.sections):
                return QModelIndex()
            return self.createIndex(row, column, SECTION_ID)
        if parent.internalId() != SECTION_ID or parent.column() != 0:
            return QModelIndex()
        if row >= len(self.sections[parent.row()].items):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == SECTION_ID:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, SECTION_ID)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self.sections)
        if parent.internalId() == SECTION_ID and parent.column() == 0:
            return len(self.sections[parent.row()].items)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section] if 0 <= section < len(HEADERS) else None
        return None

    def item_at(self, index: Index) -> Item | None:
        if not index.isValid() or index.internalId() == SECTION_ID:
            return None
        return self.sections[index.internalId() - 1].items[index.row()]

    def index_of(self, item_id: str, column: int = TITLE) -> QModelIndex:
        for section_row, section in enumerate(self.sections):
            for row, item in enumerate(section.items):
                if item.id == item_id:
                    return self.index(row, column, self.index(section_row, 0))
        return QModelIndex()

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if (
            self.item_at(index) is not None
            and index.column() in EDITABLE
            and self.vendor_id is not None
        ):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # -- cell contents -------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Views ask for about ten roles per cell on every repaint; most are answered here.
        if role not in ANSWERED_ROLES or not index.isValid():
            return None
        item = self.item_at(index)
        if item is None:
            return self._section_data(self.sections[index.row()], index.column(), role)
        return self._item_data(item, index.column(), role)

    def _section_data(self, section: Section, column: int, role: int) -> Any:
        score = self.score()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == TITLE:
                return section.title
            if column == STATUS and score is not None:
                value = score.sections.get(section.id)
                return "n/a" if value is None else f"{value:.0f} / 100"
        if role == Qt.ItemDataRole.ToolTipRole and column == TITLE:
            return section.summary or None
        return None

    def _item_data(self, item: Item, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._item_text(item, column, role, self._status(item))
        if role == ITEM_ID_ROLE:
            return item.id
        if role == ITEM_ROLE:
            return item
        if role == STATUS_ROLE:
            status = self._status(item)
            return None if status is None else status.value
        if column == STATUS and role in (
            Qt.ItemDataRole.BackgroundRole,
            Qt.ItemDataRole.ForegroundRole,
        ):
            status = self._status(item)
            if status is None:
                return None
            return status_brush(status) if role == Qt.ItemDataRole.BackgroundRole else text_brush()
        if role == Qt.ItemDataRole.ToolTipRole and column in (TITLE, ANSWER):
            return item.question
        return None

    def _status(self, item: Item) -> Status | None:
        score = self.score()
        return None if score is None else score.items[item.id].status

    def _item_text(self, item: Item, column: int, role: int, status: Status | None) -> Any:
        answer = self._answers.get(item.id)
        if column == TITLE:
            return f"{item.title} (knockout)" if item.knockout else item.title
        if column == ANSWER:
            value = answer.value if answer else None
            if role == Qt.ItemDataRole.EditRole:
                return value
            return answer_text(item, value) if self.vendor_id is not None else ""
        if column == STATUS:
            return STATUS_TEXT[status] if status is not None else ""
        if column == TARGET:
            return self.session.snapshot.practice.describe_target(item)
        if column == NOTE:
            return answer.note if answer else ""
        if column == SOURCE:
            return answer.source if answer else ""
        return self._wording.get(item.id, "")

    # -- editing -------------------------------------------------------------

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        item = self.item_at(index)
        if item is None or self.vendor_id is None or role != Qt.ItemDataRole.EditRole:
            return False
        column = index.column()
        if column not in EDITABLE or value == self.data(index, Qt.ItemDataRole.EditRole):
            return False
        if column == WORDING:
            command: SetAnswerCommand | SetWordingCommand = SetWordingCommand(
                self.session, self.vendor_id, item.id, str(value or "")
            )
        elif column == ANSWER:
            command = SetAnswerCommand(self.session, self.vendor_id, item.id, value=value)
        elif column == NOTE:
            command = SetAnswerCommand(self.session, self.vendor_id, item.id, note=str(value or ""))
        else:
            command = SetAnswerCommand(
                self.session, self.vendor_id, item.id, source=str(value or "")
            )
        return execute(self.session, command)


class ChecklistFilterModel(QSortFilterProxyModel):
    """Shows only items with the chosen statuses, in one section or all."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.statuses: set[str] | None = None
        self.section_id: str | None = None
        self.setRecursiveFilteringEnabled(True)
        # An item the user just answered stays in view until the filter changes, instead
        # of vanishing under the cursor when its status leaves the filter.
        self.setDynamicSortFilter(False)

    def set_filter(self, statuses: set[str] | None, section_id: str | None) -> None:
        self.beginFilterChange()
        self.statuses = statuses
        self.section_id = section_id
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not source_parent.isValid():
            section = model.sections[source_row]  # type: ignore[attr-defined]
            in_section = self.section_id is None or section.id == self.section_id
            return in_section and self.statuses is None
        if self.section_id is not None:
            section = model.sections[source_parent.row()]  # type: ignore[attr-defined]
            if section.id != self.section_id:
                return False
        if self.statuses is None:
            return True
        status = model.index(source_row, 0, source_parent).data(STATUS_ROLE)
        return status in self.statuses
