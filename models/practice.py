"""The practice profile: who the practice is and the targets it scores vendors against."""

from __future__ import annotations

from dataclasses import dataclass, field

from models.checklist import AnswerType, Checklist, Direction, Item, Value, format_quantity
from models.errors import AnswerValueError

# Weight 0 takes an item out of the score; 5 lets a practice stress what matters most.
MIN_WEIGHT = 0
MAX_WEIGHT = 5


@dataclass
class Practice:
    """The practice profile with its overrides of the checklist defaults.

    ``targets`` and ``weights`` hold only the items the practice changed.
    """

    name: str = ""
    state: str = ""
    contact: str = ""
    targets: dict[str, Value] = field(default_factory=dict)
    weights: dict[str, int] = field(default_factory=dict)
    target_sources: dict[str, str] = field(default_factory=dict)

    def target_for(self, item: Item) -> Value:
        return self.targets.get(item.id, item.target)

    def weight_for(self, item: Item) -> int:
        return self.weights.get(item.id, item.weight)

    def partial_bound_for(self, item: Item) -> float | None:
        """Return the looser bound of a number item, never tighter than the practice's target."""
        if item.partial is None:
            return None
        target = float(self.target_for(item))
        if item.direction is Direction.AT_MOST:
            return max(item.partial, target)
        return min(item.partial, target)

    def describe_target(self, item: Item) -> str:
        """Describe the target in words, e.g. "at most 8 hours" or "1.2 or better"."""
        target = self.target_for(item)
        if item.answer is AnswerType.NUMBER:
            word = "at most" if item.direction is Direction.AT_MOST else "at least"
            return f"{word} {format_quantity(target, item.unit)}"
        if item.answer is AnswerType.ORDINAL:
            return f"{target} or better"
        return "yes"


def validate_target(item: Item, raw: object) -> Value:
    """Check a practice's target for *item* and return it in canonical form.

    Raises:
        AnswerValueError: yes/no targets cannot change; others must fit the answer type.
    """
    if item.answer is AnswerType.YES_NO:
        if str(raw).strip().lower() != "yes":
            raise AnswerValueError(f"{item.id}: the target of a yes/no item is always yes")
        return "yes"
    value = item.parse_value(raw)
    if value is None:
        raise AnswerValueError(f"{item.id}: a target cannot be unknown")
    return value


def validate_weight(item_id: str, raw: object) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int | str):
        raise AnswerValueError(f"{item_id}: weight must be a whole number")
    try:
        weight = int(raw)
    except ValueError:
        raise AnswerValueError(f"{item_id}: weight {raw!r} is not a whole number") from None
    if not MIN_WEIGHT <= weight <= MAX_WEIGHT:
        raise AnswerValueError(
            f"{item_id}: weight {weight} is out of range; use {MIN_WEIGHT} to {MAX_WEIGHT}"
        )
    return weight


def default_practice(checklist: Checklist) -> Practice:
    """A practice with no overrides, so every item uses its checklist default."""
    del checklist  # the defaults live on the items themselves
    return Practice()
