"""Vendors side by side: one column per chosen vendor, one row per checklist item.

Row 0 is the overall score; each section has a row with the section score,
followed by its items. An item cell shows the vendor's answer prefixed with
the status symbol (see ``gui.status_style``) on the status colour.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont

from gui.checklist_model import answer_text
from gui.session import Session
from gui.status_style import DISQUALIFIED_TEXT, STATUS_TEXT, status_brush, text_brush
from models.checklist import Item, Section
from models.comparison import rank
from models.scoring import Status, VendorScore
from models.vendors import Vendor

VENDOR_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 2
STATUS_ROLE = Qt.ItemDataRole.UserRole + 3
ROW_KIND_ROLE = Qt.ItemDataRole.UserRole + 4

OVERALL, SECTION, ITEM = "overall", "section", "item"
STATUS_SYMBOL = {status: text.split()[0] for status, text in STATUS_TEXT.items()}

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Row:
    kind: str
    section: Section | None = None
    item: Item | None = None


class CompareModel(QAbstractTableModel):
    """The comparison grid; ``excluded`` vendors are left out, ``by_score`` orders columns."""

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.excluded: set[int] = set()
        self.by_score = False
        self.rows = [Row(OVERALL)]
        for section in session.checklist.sections:
            self.rows.append(Row(SECTION, section=section))
            self.rows.extend(Row(ITEM, section=section, item=item) for item in section.items)
        self.vendors: list[Vendor] = self._chosen()
        self._bold = QFont()
        self._bold.setBold(True)
        session.changed.connect(self.reload)

    def _chosen(self) -> list[Vendor]:
        snapshot = self.session.snapshot
        vendors = [vendor for vendor in snapshot.vendors if vendor.id not in self.excluded]
        if self.by_score:
            ranked = rank([(vendor, snapshot.scores[vendor.id]) for vendor in vendors])
            vendors = [vendor for vendor, _ in ranked]
        return vendors

    def chosen_scores(self) -> list[tuple[Vendor, VendorScore]]:
        """The compared vendors with their scores, in column order."""
        return [(vendor, self.session.snapshot.scores[vendor.id]) for vendor in self.vendors]

    def set_excluded(self, vendor_ids: set[int]) -> None:
        self.excluded = set(vendor_ids)
        self.reload()

    def set_by_score(self, by_score: bool) -> None:
        self.by_score = by_score
        self.reload()

    def reload(self) -> None:
        """Refresh cells; the columns are rebuilt only when the compared vendors change."""
        chosen = self._chosen()
        if [vendor.id for vendor in chosen] != [vendor.id for vendor in self.vendors]:
            self.beginResetModel()
            self.vendors = chosen
            self.endResetModel()
            return
        self.vendors = chosen
        if self.vendors:
            last = self.index(len(self.rows) - 1, len(self.vendors))
            self.dataChanged.emit(self.index(0, 0), last)
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 1, len(self.vendors))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.vendors) + 1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section <= len(self.vendors):
            return None
        if section == 0:
            return "Checklist item" if role == Qt.ItemDataRole.DisplayRole else None
        vendor = self.vendors[section - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            return vendor.name
        if role == VENDOR_ID_ROLE:
            return vendor.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == ROW_KIND_ROLE:
            return row.kind
        if role == ITEM_ID_ROLE:
            return row.item.id if row.item else None
        if role == Qt.ItemDataRole.FontRole and row.kind != ITEM:
            return self._bold
        if index.column() == 0:
            return self._label(row, role)
        vendor = self.vendors[index.column() - 1]
        if role == VENDOR_ID_ROLE:
            return vendor.id
        score = self.session.snapshot.scores[vendor.id]
        if row.kind == ITEM:
            return self._item_cell(row.item, vendor, score, role)  # type: ignore[arg-type]
        return self._score_cell(row, score, role)

    def _label(self, row: Row, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if row.kind == OVERALL:
                return "Overall score"
            if row.kind == SECTION:
                return row.section.title  # type: ignore[union-attr]
            item = row.item
            return f"    {item.title}{' (knockout)' if item.knockout else ''}"  # type: ignore[union-attr]
        if role == Qt.ItemDataRole.ToolTipRole and row.item is not None:
            return row.item.question
        return None

    def _score_cell(self, row: Row, score: VendorScore, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        value = score.overall if row.kind == OVERALL else score.sections.get(row.section.id)  # type: ignore[union-attr]
        text = "n/a" if value is None else f"{value:.0f}"
        if row.kind == OVERALL and score.disqualified:
            text += f"  {DISQUALIFIED_TEXT}"
        return text

    def _item_cell(self, item: Item, vendor: Vendor, score: VendorScore, role: int) -> Any:
        status = score.items[item.id].status
        if role == STATUS_ROLE:
            return status.value
        if role == Qt.ItemDataRole.DisplayRole:
            value = self.session.snapshot.values.get(vendor.id, {}).get(item.id)
            return f"{STATUS_SYMBOL[status]} {answer_text(item, value)}"
        if role == Qt.ItemDataRole.BackgroundRole:
            return status_brush(status)
        if role == Qt.ItemDataRole.ForegroundRole:
            return text_brush()
        if role == Qt.ItemDataRole.ToolTipRole:
            target = self.session.snapshot.practice.describe_target(item)
            return f"{vendor.name}: {STATUS_TEXT[status]} (target: {target}). Click to open."
        return None


class CompareFilterModel(QSortFilterProxyModel):
    """Hides item rows where no compared vendor has a gap, when ``gaps_only`` is set."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.gaps_only = False

    def set_gaps_only(self, gaps_only: bool) -> None:
        self.beginFilterChange()
        self.gaps_only = gaps_only
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not self.gaps_only or model.index(source_row, 0).data(ROW_KIND_ROLE) != ITEM:
            return True
        gap = Status.GAP.value
        return any(
            model.index(source_row, column).data(STATUS_ROLE) == gap
            for column in range(1, model.columnCount())
        )
