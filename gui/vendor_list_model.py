"""The vendor list: name, overall score, disqualification, BAA status and review flag.

A disqualified vendor's score starts with the mark "✗" and a BAA review due
within 30 days or overdue shows "⚠ due" or "⚠ overdue", so both read without
colour; the panel's legend explains the marks.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from gui.session import Session
from gui.status_style import warning_brush
from gui.undo_commands import SetVendorFieldCommand, execute
from models.scoring import VendorScore
from models.vendors import BaaStatus, ReviewFlag, Vendor

VENDOR_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

DISQUALIFIED_ROLE = Qt.ItemDataRole.UserRole + 3

NAME, SCORE, BAA, REVIEW = range(4)
HEADERS = ("Vendor", "Score", "BAA", "Review")
DISQUALIFIED_MARK = "✗"
# Shorter than BaaStatus.label so the list stays narrow; the Vendor tab shows the full label.
BAA_TEXT = {status: status.label for status in BaaStatus} | {
    BaaStatus.IN_NEGOTIATION: "negotiating"
}
REVIEW_TEXT = {ReviewFlag.DUE: "⚠ due", ReviewFlag.OVERDUE: "⚠ overdue"}

Index = QModelIndex | QPersistentModelIndex


class VendorListModel(QAbstractTableModel):
    """One row per vendor, in name order; the name column renames through the undo stack."""

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.today = dt.date.today()
        self._vendors: list[Vendor] = list(session.snapshot.vendors)
        session.changed.connect(self.reload)

    def reload(self) -> None:
        self.beginResetModel()
        self._vendors = list(self.session.snapshot.vendors)
        self.today = dt.date.today()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self._vendors)

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
        if index.column() == NAME:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def vendor_at(self, row: int) -> Vendor:
        return self._vendors[row]

    def row_of(self, vendor_id: int) -> int:
        for row, vendor in enumerate(self._vendors):
            if vendor.id == vendor_id:
                return row
        return -1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._vendors):
            return None
        vendor = self._vendors[index.row()]
        score = self.session.snapshot.scores.get(vendor.id)
        if role == VENDOR_ID_ROLE:
            return vendor.id
        if role == DISQUALIFIED_ROLE:
            return score is not None and score.disqualified
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(vendor, score, index.column())
        if role == SORT_ROLE:
            return self._sort_key(vendor, score, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(vendor, score, index.column())
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(vendor, score, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == SCORE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, vendor: Vendor, score: VendorScore | None, column: int) -> str:
        if column == NAME:
            return vendor.name
        if column == SCORE:
            text = "n/a" if score is None or score.overall is None else f"{score.overall:.1f}"
            disqualified = score is not None and score.disqualified
            return f"{DISQUALIFIED_MARK} {text}" if disqualified else text
        if column == BAA:
            return BAA_TEXT[vendor.baa_status]
        flag = vendor.review_flag(self.today)
        return REVIEW_TEXT[flag] if flag else ""

    def _sort_key(self, vendor: Vendor, score: VendorScore | None, column: int) -> Any:
        if column == SCORE:
            return -1.0 if score is None or score.overall is None else score.overall
        return self._text(vendor, score, column).lower()

    def _tooltip(self, vendor: Vendor, score: VendorScore | None, column: int) -> str | None:
        if column == SCORE and score is not None and score.disqualified:
            titles = [self.session.checklist.items[item].title for item in score.knockouts]
            return "Disqualified by a gap on: " + "; ".join(titles)
        if column == NAME:
            return vendor.name
        if column == REVIEW and vendor.baa_next_review:
            return f"Next BAA review: {vendor.baa_next_review}"
        return None

    def _foreground(self, vendor: Vendor, score: VendorScore | None, column: int) -> Any:
        disqualified = column == SCORE and score is not None and score.disqualified
        if disqualified or (column == REVIEW and vendor.review_flag(self.today)):
            return warning_brush()
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != NAME or role != Qt.ItemDataRole.EditRole:
            return False
        vendor = self._vendors[index.row()]
        if str(value).strip() == vendor.name:
            return False
        command = SetVendorFieldCommand(self.session, vendor.id, "name", str(value))
        return execute(self.session, command)


class VendorFilterModel(QSortFilterProxyModel):
    """Search by name (case-insensitive substring) and sort by the chosen column."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setFilterKeyColumn(NAME)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSortRole(SORT_ROLE)
