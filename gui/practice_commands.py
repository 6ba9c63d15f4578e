"""Undoable edits of the practice profile: name, state, targets and weights."""

from __future__ import annotations

from gui.session import Session
from gui.undo_commands import StoreCommand
from models.checklist import Value


class SetPracticeFieldCommand(StoreCommand):
    def __init__(self, session: Session, field: str, value: str) -> None:
        super().__init__(session, f"Edit practice {field}")
        self.field = field
        self.old = str(getattr(session.store.practice(), field))
        self.new = value

    def apply(self) -> None:
        self.session.store.update_practice(**{self.field: self.new})

    def revert(self) -> None:
        self.session.store.update_practice(**{self.field: self.old})


class SetTargetCommand(StoreCommand):
    """Override one item's target; None restores the checklist default."""

    def __init__(self, session: Session, item_id: str, target: object) -> None:
        super().__init__(session, f"Change target of {item_id}")
        self.item_id = item_id
        self.old: Value | None = session.store.practice().targets.get(item_id)
        self.new = target

    def apply(self) -> None:
        self.session.store.set_target(self.item_id, self.new)

    def revert(self) -> None:
        self.session.store.set_target(self.item_id, self.old)


class SetWeightCommand(StoreCommand):
    """Override one item's weight (0 to 5); None restores the checklist default."""

    def __init__(self, session: Session, item_id: str, weight: object) -> None:
        super().__init__(session, f"Change weight of {item_id}")
        self.item_id = item_id
        self.old: int | None = session.store.practice().weights.get(item_id)
        self.new = weight

    def apply(self) -> None:
        self.session.store.set_weight(self.item_id, self.new)

    def revert(self) -> None:
        self.session.store.set_weight(self.item_id, self.old)


class ResetTargetsCommand(StoreCommand):
    """Drop every target and weight override; undo puts them back."""

    def __init__(self, session: Session) -> None:
        super().__init__(session, "Reset targets to defaults")
        practice = session.store.practice()
        self.targets = dict(practice.targets)
        self.weights = dict(practice.weights)

    def apply(self) -> None:
        self.session.store.reset_targets()

    def revert(self) -> None:
        store = self.session.store
        with store.transaction():
            for item_id, target in self.targets.items():
                store.set_target(item_id, target)
            for item_id, weight in self.weights.items():
                store.set_weight(item_id, weight)
