"""The open database as the window sees it: the store, its scores, and the undo stack.

Every view reads vendors and scores from one ``Session`` and refreshes when it
emits ``changed``. Scores are computed once per change, not once per view, so
the vendor list, the checklist, the comparison and the charts agree.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from models.checklist import Checklist, Value
from models.practice import Practice
from models.scoring import Scorer, VendorScore
from models.store import Store
from models.vendors import Vendor

log = logging.getLogger(__name__)


@dataclass
class Snapshot:
    """Vendors in name order with their scores, as of the last change."""

    practice: Practice
    vendors: list[Vendor] = field(default_factory=list)
    scores: dict[int, VendorScore] = field(default_factory=dict)
    values: dict[int, dict[str, Value | None]] = field(default_factory=dict)

    def vendor(self, vendor_id: int) -> Vendor | None:
        for vendor in self.vendors:
            if vendor.id == vendor_id:
                return vendor
        return None


class Session(QObject):
    """One open store with its scores snapshot and undo stack.

    Signals:
        changed: the store was written; ``snapshot`` already holds the new scores.
    """

    changed = Signal()

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.undo_stack = QUndoStack(self)
        self._aliases: dict[int, int] = {}
        self.snapshot = self._take_snapshot()

    @property
    def checklist(self) -> Checklist:
        return self.store.checklist

    def replace_store(self, store: Store) -> None:
        """Switch to another database; undo history of the old one is dropped."""
        old = self.store
        self.store = store
        self.undo_stack.clear()
        self._aliases.clear()
        old.close()
        self.refresh()

    def refresh(self) -> None:
        """Rescore every vendor and tell every view to redraw."""
        self.snapshot = self._take_snapshot()
        self.changed.emit()

    def _take_snapshot(self) -> Snapshot:
        practice = self.store.practice()
        scorer = Scorer(self.store.checklist, practice)
        values = self.store.answer_values()
        vendors = self.store.vendors()
        return Snapshot(
            practice=practice,
            vendors=vendors,
            scores={vendor.id: scorer.score(values.get(vendor.id, {})) for vendor in vendors},
            values=values,
        )

    def resolve(self, vendor_id: int) -> int:
        """Map a vendor id an undo command remembers to the vendor's id today.

        Undoing a delete re-creates the vendor under a new id; commands recorded
        before the delete still hold the old one.
        """
        while vendor_id in self._aliases:
            vendor_id = self._aliases[vendor_id]
        return vendor_id

    def add_alias(self, old_id: int, new_id: int) -> None:
        if old_id != new_id:
            self._aliases[old_id] = new_id
