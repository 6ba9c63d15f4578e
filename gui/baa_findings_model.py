"""Qt table model of the findings read from a vendor's BAA, with the user's decision per row."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from exports.baa_rules import Finding
from models.checklist import Checklist, format_value
from models.errors import AnswerValueError

AnyIndex = QModelIndex | QPersistentModelIndex


class Decision(enum.StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


@dataclass
class FindingRow:
    finding: Finding
    decision: Decision = Decision.PENDING
    edited: bool = False


class Column(enum.IntEnum):
    DECISION = 0
    ITEM = 1
    VALUE = 2
    CONFIDENCE = 3
    LOCATION = 4
    WORDING = 5


HEADERS = {
    Column.DECISION: "Decision",
    Column.ITEM: "Checklist item",
    Column.VALUE: "Proposed value",
    Column.CONFIDENCE: "Confidence",
    Column.LOCATION: "Location",
    Column.WORDING: "Vendor's wording",
}


class BaaFindingsModel(QAbstractTableModel):
    """Findings as rows; the decision column is checkable and the value column editable.

    Signals:
        decisions_changed: a row was accepted, rejected or edited.
        value_rejected(str): an edited value does not fit the item; the message says why.
    """

    decisions_changed = Signal()
    value_rejected = Signal(str)

    def __init__(
        self, findings: Sequence[Finding], checklist: Checklist, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.checklist = checklist
        self.rows = [FindingRow(finding) for finding in findings]

    # -- read ------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(Column):
            return HEADERS[Column(section)]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.rows):
            return str(section + 1)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == Column.DECISION:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == Column.VALUE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.EditRole and column == Column.VALUE:
            return format_value(row.finding.value)
        if role == Qt.ItemDataRole.CheckStateRole and column == Column.DECISION:
            accepted = row.decision is Decision.ACCEPTED
            return Qt.CheckState.Checked if accepted else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.finding.explanation
        return None

    def _display(self, row: FindingRow, column: Column) -> str:
        finding = row.finding
        if column == Column.DECISION:
            return f"{row.decision.value} (edited)" if row.edited else row.decision.value
        if column == Column.ITEM:
            return f"{self.checklist.item(finding.item_id).title} [{finding.item_id}]"
        if column == Column.VALUE:
            unit = self.checklist.item(finding.item_id).unit
            value = finding.value_text
            return f"{value} {unit}" if unit and finding.value is not None else value
        if column == Column.CONFIDENCE:
            return f"{finding.confidence_label} ({finding.confidence:.2f})"
        if column == Column.LOCATION:
            return finding.location
        text = " ".join(finding.matched_text.split())
        return text if finding.is_wording else f"(silent; not stored as wording) {text}"

    # -- write -----------------------------------------------------------------

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == Column.DECISION:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            return self.set_decision(
                index.row(), Decision.ACCEPTED if checked else Decision.REJECTED
            )
        if role == Qt.ItemDataRole.EditRole and index.column() == Column.VALUE:
            return self._set_value(index.row(), value)
        return False

    def _set_value(self, row_number: int, raw: object) -> bool:
        row = self.rows[row_number]
        item = self.checklist.item(row.finding.item_id)
        try:
            value = item.parse_value(raw)
        except AnswerValueError as exc:
            self.value_rejected.emit(str(exc))
            return False
        row.finding = replace(row.finding, value=value)
        row.edited = True
        row.decision = Decision.ACCEPTED  # editing a value is accepting it
        self._row_changed(row_number)
        return True

    def set_decision(self, row_number: int, decision: Decision) -> bool:
        if not 0 <= row_number < len(self.rows):
            return False
        self.rows[row_number].decision = decision
        self._row_changed(row_number)
        return True

    def set_all(self, decision: Decision) -> None:
        for row in self.rows:
            row.decision = decision
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(Column) - 1))
        self.decisions_changed.emit()

    def _row_changed(self, row_number: int) -> None:
        self.dataChanged.emit(self.index(row_number, 0), self.index(row_number, len(Column) - 1))
        self.decisions_changed.emit()

    # -- results ---------------------------------------------------------------

    def finding(self, row_number: int) -> Finding:
        return self.rows[row_number].finding

    def accepted(self) -> list[Finding]:
        return [row.finding for row in self.rows if row.decision is Decision.ACCEPTED]

    def counts(self) -> dict[Decision, int]:
        counts = dict.fromkeys(Decision, 0)
        for row in self.rows:
            counts[row.decision] += 1
        return counts
