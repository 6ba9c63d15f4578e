"""Score vendors' answers against the practice's targets.

Pure functions over plain data. Each item gets a status: ``meets``, ``partial``,
``gap`` or ``unknown``. Meets earns the item's full weight, partial half of it,
gap and unknown nothing, so an unanswered item never counts in a vendor's
favour; unknowns are counted apart from gaps so the practice can chase them.
Section and overall scores are weighted percentages (0-100). A gap on a
knockout item disqualifies the vendor whatever its score.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from models.checklist import AnswerType, Checklist, Direction, Item, Value
from models.practice import Practice


class Status(enum.StrEnum):
    MEETS = "meets"
    PARTIAL = "partial"
    GAP = "gap"
    UNKNOWN = "unknown"


CREDIT = {Status.MEETS: 1.0, Status.PARTIAL: 0.5, Status.GAP: 0.0, Status.UNKNOWN: 0.0}


def item_status(item: Item, value: Value | None, practice: Practice) -> Status:
    """Compare one answer with the practice's target for that item."""
    return _rule_for(item, practice)(value)


def _rule_for(item: Item, practice: Practice) -> Callable[[Value | None], Status]:
    """Build the status function of one item, so scoring many vendors compares fast."""
    if item.answer is AnswerType.NUMBER:
        return _number_rule(item, practice)
    if item.answer is AnswerType.ORDINAL:
        return _ordinal_rule(item, practice)
    table = {"yes": Status.MEETS, "partial": Status.PARTIAL, "no": Status.GAP}
    return lambda value: table.get(value, Status.UNKNOWN)  # type: ignore[arg-type]


def _number_rule(item: Item, practice: Practice) -> Callable[[Value | None], Status]:
    target = float(practice.target_for(item))
    bound = practice.partial_bound_for(item)
    sign = 1.0 if item.direction is Direction.AT_MOST else -1.0
    target, bound = sign * target, sign * (bound if bound is not None else target)

    def rule(value: Value | None) -> Status:
        if not isinstance(value, float | int):
            return Status.UNKNOWN
        signed = sign * value
        if signed <= target:
            return Status.MEETS
        return Status.PARTIAL if signed <= bound else Status.GAP

    return rule


def _ordinal_rule(item: Item, practice: Practice) -> Callable[[Value | None], Status]:
    rank = {choice: index for index, choice in enumerate(item.choices)}
    target = rank[str(practice.target_for(item))]

    def rule(value: Value | None) -> Status:
        position = rank.get(value) if isinstance(value, str) else None
        if position is None:
            return Status.UNKNOWN
        if position >= target:
            return Status.MEETS
        return Status.PARTIAL if position == target - 1 and position > 0 else Status.GAP

    return rule


@dataclass(frozen=True)
class ItemResult:
    item_id: str
    section: str
    status: Status
    weight: int

    @property
    def lost(self) -> float:
        """Weight points this item cost the score."""
        return self.weight * (1.0 - CREDIT[self.status])


@dataclass
class VendorScore:
    """A vendor's scores with the item results that explain them."""

    overall: float | None
    disqualified: bool
    knockouts: list[str]
    sections: dict[str, float | None]
    items: dict[str, ItemResult]
    counts: Counter[Status] = field(default_factory=Counter)

    def status(self, item_id: str) -> Status:
        return self.items[item_id].status

    def lowered_by(self, section: str | None = None) -> list[ItemResult]:
        """List the items that cost points, largest loss first; one section or all."""
        results = [
            result
            for result in self.items.values()
            if result.lost > 0 and (section is None or result.section == section)
        ]
        return sorted(results, key=lambda result: (-result.lost, result.item_id))


class Scorer:
    """Scores answers for one checklist and practice profile.

    Build one per change of targets; it precomputes each item's rule so that
    scoring a thousand vendors stays fast.
    """

    def __init__(self, checklist: Checklist, practice: Practice) -> None:
        self.checklist = checklist
        self._rules = [
            (item, practice.weight_for(item), _rule_for(item, practice)) for item in checklist
        ]
        self._sections = [section.id for section in checklist.sections]

    def score(self, answers: Mapping[str, Value | None]) -> VendorScore:
        items: dict[str, ItemResult] = {}
        earned: dict[str, float] = dict.fromkeys(self._sections, 0.0)
        possible: dict[str, float] = dict.fromkeys(self._sections, 0.0)
        knockouts = []
        for item, weight, rule in self._rules:
            status = rule(answers.get(item.id))
            items[item.id] = ItemResult(item.id, item.section, status, weight)
            earned[item.section] += weight * CREDIT[status]
            possible[item.section] += weight
            if item.knockout and status is Status.GAP:
                knockouts.append(item.id)
        sections = {
            section.id: _percent(earned[section.id], possible[section.id])
            for section in self.checklist.sections
        }
        return VendorScore(
            overall=_percent(sum(earned.values()), sum(possible.values())),
            disqualified=bool(knockouts),
            knockouts=knockouts,
            sections=sections,
            items=items,
            counts=Counter(result.status for result in items.values()),
        )

    def score_many(
        self, answers_by_vendor: Iterable[tuple[int, Mapping[str, Value | None]]]
    ) -> dict[int, VendorScore]:
        return {vendor_id: self.score(answers) for vendor_id, answers in answers_by_vendor}


def score_vendor(
    checklist: Checklist, practice: Practice, answers: Mapping[str, Value | None]
) -> VendorScore:
    return Scorer(checklist, practice).score(answers)


def _percent(earned: float, possible: float) -> float | None:
    """A weighted percentage rounded to one decimal; None when nothing is weighted."""
    if possible <= 0:
        return None
    return round(100.0 * earned / possible, 1)
