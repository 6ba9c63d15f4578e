"""Qt table model over a vendor's addendum plan: one row per proposed or negotiated clause."""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from clause_library.planning import AddendumPlan, PlannedClause
from clause_library.selection import Proposal

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex
# Receives (clause id, included) when the user ticks or clears a row's checkbox.
IncludeWriter = Callable[[str, bool], None]

# Background tints of the worst item status, light enough for black text.
STATUS_COLORS = {"gap": "#f8d7da", "partial": "#fff3cd", "unknown": "#e2e3e5", "meets": "#d1e7dd"}


class Column(enum.IntEnum):
    INCLUDE = 0
    CLAUSE = 1
    ITEMS = 2
    POSITION = 3
    STATUS = 4


HEADERS = {
    Column.INCLUDE: "Include",
    Column.CLAUSE: "Clause",
    Column.ITEMS: "Vendor",
    Column.POSITION: "Position",
    Column.STATUS: "Negotiation",
}


class NegotiationModel(QAbstractTableModel):
    """Rows are the plan's clauses; only the Include column is editable (a checkbox)."""

    def __init__(self, write_include: IncludeWriter, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._write_include = write_include
        self._rows: list[PlannedClause] = []

    def set_plan(self, plan: AddendumPlan | None) -> None:
        self.beginResetModel()
        self._rows = [] if plan is None else list(plan.clauses)
        self.endResetModel()

    def update_plan(self, plan: AddendumPlan) -> None:
        """Refresh rows in place when the clause list is unchanged, so the selection stays."""
        if [p.clause.id for p in plan.clauses] != [p.clause.id for p in self._rows]:
            self.set_plan(plan)
            return
        self._rows = list(plan.clauses)
        if self._rows:
            last = self.index(len(self._rows) - 1, len(Column) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def planned(self, row: int) -> PlannedClause:
        return self._rows[row]

    def row_of(self, clause_id: str) -> int:
        for row, planned in enumerate(self._rows):
            if planned.clause.id == clause_id:
                return row
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[Column(section)] if 0 <= section < len(Column) else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == Column.INCLUDE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        planned = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.CheckStateRole and column is Column.INCLUDE:
            included = planned.negotiation.included
            return Qt.CheckState.Checked if included else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(planned, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(planned, column)
        if role == Qt.ItemDataRole.BackgroundRole and column is Column.ITEMS:
            return QBrush(QColor(STATUS_COLORS[_worst(planned)]))
        if role == Qt.ItemDataRole.UserRole:
            return planned.clause.id
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != Column.INCLUDE:
            return False
        if role != Qt.ItemDataRole.CheckStateRole:
            return False
        included = _is_checked(value)
        self._write_include(self._rows[index.row()].clause.id, included)
        return True


def _is_checked(value: object) -> bool:
    if isinstance(value, Qt.CheckState):
        return value == Qt.CheckState.Checked
    return value == Qt.CheckState.Checked.value


def _worst(planned: PlannedClause) -> str:
    return Proposal(planned.clause, planned.statuses).worst.value if planned.statuses else "meets"


def _display(planned: PlannedClause, column: Column) -> str:
    if column is Column.CLAUSE:
        return planned.clause.title
    if column is Column.ITEMS:
        return _worst(planned)
    if column is Column.POSITION:
        return planned.position.label
    if column is Column.STATUS:
        status = planned.negotiation.status.label
        return status if planned.in_addendum or status == "Dropped" else f"{status} (excluded)"
    return ""


def _tooltip(planned: PlannedClause, column: Column) -> str | None:
    if column is Column.ITEMS:
        return "\n".join(f"{item}: {status.value}" for item, status in planned.statuses.items())
    if column is Column.CLAUSE:
        return f"{planned.clause.title}\n{planned.clause.id}\n\n{planned.clause.why}"
    return None
