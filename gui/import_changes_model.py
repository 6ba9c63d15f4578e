"""Qt table model of the answer changes a questionnaire import would make.

Each row is one planned change with a check box in the first column; the
dialog applies the checked ones. All rows start checked.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from exports.questionnaire_plan import PlannedChange
from models.checklist import format_value

Index = QModelIndex | QPersistentModelIndex
HEADERS = ("Apply", "Row", "Item", "Current answer", "New answer", "New note")


class ImportChangesModel(QAbstractTableModel):
    """Planned changes with an accept check box each."""

    def __init__(self, changes: Sequence[PlannedChange] = (), parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._changes = list(changes)
        self._accepted = [True] * len(self._changes)

    def set_changes(self, changes: Sequence[PlannedChange]) -> None:
        self.beginResetModel()
        self._changes = list(changes)
        self._accepted = [True] * len(self._changes)
        self.endResetModel()

    def accepted_item_ids(self) -> list[str]:
        return [c.item_id for c, ok in zip(self._changes, self._accepted, strict=True) if ok]

    def set_all_accepted(self, accepted: bool) -> None:
        self._accepted = [accepted] * len(self._changes)
        if self._changes:
            last = self.index(len(self._changes) - 1, 0)
            self.dataChanged.emit(self.index(0, 0), last, [Qt.ItemDataRole.CheckStateRole])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._changes)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(HEADERS):
            return HEADERS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._changes):
            return None
        change = self._changes[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
            accepted = self._accepted[index.row()]
            return Qt.CheckState.Checked if accepted else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return _cell_text(change, index.column(), role == Qt.ItemDataRole.ToolTipRole)
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole:
            return False
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value)
        self._accepted[index.row()] = checked
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True


def _cell_text(change: PlannedChange, column: int, full: bool) -> str | None:
    if column == 1:
        return str(change.row)
    if column == 2:
        return change.item_id
    if column == 3:
        return format_value(change.old_value) or "unknown"
    if column == 4:
        return format_value(change.new_value) or "unknown"
    if column == 5:
        if not change.note_changes:
            return ""
        note = change.new_note or ""
        return note if full else " ".join(note.split())[:80]
    return None
