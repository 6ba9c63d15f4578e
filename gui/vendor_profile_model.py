"""The selected vendor's profile as a one-row table, one column per field.

The Vendor tab maps its editors onto the columns with a QDataWidgetMapper, so
every profile edit goes through ``setData`` and becomes one undo command.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from gui.session import Session
from gui.undo_commands import SetVendorFieldCommand, execute
from models.vendors import VENDOR_DATE_FIELDS, BaaStatus, Vendor

FIELDS = (
    "name",
    "service",
    "website",
    "contact",
    "baa_status",
    "baa_executed",
    "baa_term_end",
    "baa_next_review",
    "notes",
)
LABELS = {
    "name": "Name",
    "service": "Service",
    "website": "Website",
    "contact": "Contact",
    "baa_status": "BAA status",
    "baa_executed": "BAA signed on",
    "baa_term_end": "BAA term ends",
    "baa_next_review": "Next BAA review",
    "notes": "Notes",
}
COLUMN = {field: column for column, field in enumerate(FIELDS)}

Index = QModelIndex | QPersistentModelIndex


class VendorProfileModel(QAbstractTableModel):
    """One row for the selected vendor (none when no vendor is selected)."""

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.vendor: Vendor | None = None
        session.changed.connect(self.reload)

    def set_vendor(self, vendor_id: int | None) -> None:
        self.beginResetModel()
        self.vendor = None
        if vendor_id is not None and vendor_id >= 0:
            self.vendor = self.session.snapshot.vendor(vendor_id)
        self.endResetModel()

    def reload(self) -> None:
        self.set_vendor(None if self.vendor is None else self.vendor.id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() or self.vendor is None else 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(FIELDS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return LABELS[FIELDS[section]] if 0 <= section < len(FIELDS) else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.vendor is None or index.row() != 0:
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        field = FIELDS[index.column()]
        value = getattr(self.vendor, field)
        if field in VENDOR_DATE_FIELDS:
            if role == Qt.ItemDataRole.DisplayRole:
                return value
            return QDate.fromString(value, Qt.DateFormat.ISODate) if value else QDate()
        if field == "baa_status":
            return BaaStatus(value).label
        return value

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or self.vendor is None or role != Qt.ItemDataRole.EditRole:
            return False
        field = FIELDS[index.column()]
        stored = _stored_form(field, value)
        if stored == _stored_form(field, self.data(index, Qt.ItemDataRole.EditRole)):
            return False
        command = SetVendorFieldCommand(self.session, self.vendor.id, field, stored)
        return execute(self.session, command)


def _stored_form(field: str, value: Any) -> str:
    """The text the store keeps for an editor's value: ISO dates, "" for no date."""
    if isinstance(value, QDate):
        return value.toString(Qt.DateFormat.ISODate) if value.isValid() else ""
    text = "" if value is None else str(value)
    return " ".join(text.split()) if field == "name" else text
