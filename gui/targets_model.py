"""The practice's target and weight for every checklist item, editable in place."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from gui.practice_commands import SetTargetCommand, SetWeightCommand
from gui.session import Session
from gui.undo_commands import execute
from models.checklist import AnswerType, Item, format_quantity
from models.practice import Practice

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1

SECTION, TITLE, DEFAULT, TARGET, WEIGHT = range(5)
HEADERS = ("Section", "Item", "Default target", "Practice target", "Weight")

Index = QModelIndex | QPersistentModelIndex


class TargetsModel(QAbstractTableModel):
    """One row per checklist item; target and weight edits rescore every vendor at once."""

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.items: list[Item] = list(session.checklist)
        self._titles = {section.id: section.title for section in session.checklist.sections}
        self._bold = QFont()
        self._bold.setBold(True)
        session.changed.connect(self.reload)

    @property
    def practice(self) -> Practice:
        return self.session.snapshot.practice

    def reload(self) -> None:
        self.dataChanged.emit(self.index(0, 0), self.index(len(self.items) - 1, len(HEADERS) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section] if 0 <= section < len(HEADERS) else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        item = self.items[index.row()]
        if index.column() == WEIGHT or (
            index.column() == TARGET and item.answer is not AnswerType.YES_NO
        ):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        column = index.column()
        if role == ITEM_ROLE:
            return item
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, column)
        if role == Qt.ItemDataRole.EditRole:
            if column == TARGET:
                return self.practice.target_for(item)
            if column == WEIGHT:
                return self.practice.weight_for(item)
            return self._text(item, column)
        if role == Qt.ItemDataRole.FontRole and self._changed(item, column):
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole and column == TITLE:
            return item.why
        return None

    def _text(self, item: Item, column: int) -> str:
        if column == SECTION:
            return self._titles[item.section]
        if column == TITLE:
            return f"{item.title} (knockout)" if item.knockout else item.title
        if column == DEFAULT:
            return _describe(item, item.target)
        if column == TARGET:
            return self.practice.describe_target(item)
        return str(self.practice.weight_for(item))

    def _changed(self, item: Item, column: int) -> bool:
        """Whether the practice changed this cell from the checklist default (shown bold)."""
        if column == TARGET:
            return self.practice.target_for(item) != item.target
        if column == WEIGHT:
            return self.practice.weight_for(item) != item.weight
        return False

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        if not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        if value == self.data(index, Qt.ItemDataRole.EditRole):
            return False
        item = self.items[index.row()]
        command: SetTargetCommand | SetWeightCommand
        if index.column() == TARGET:
            command = SetTargetCommand(self.session, item.id, value)
        else:
            command = SetWeightCommand(self.session, item.id, value)
        return execute(self.session, command)


def _describe(item: Item, target: object) -> str:
    if item.answer is AnswerType.NUMBER:
        return format_quantity(target, item.unit)  # type: ignore[arg-type]
    return str(target)
