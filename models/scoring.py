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
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from models.checklist import AnswerType, Checklist, Direction, Item, Value
from models.practice import Practice


class Status(enum.StrEnum):
    MEETS = "meets"
    PARTIAL = "partial"
    GAP = "gap"
    UNKNOWN = "unknown"


CREDIT = {Status.MEETS: 1.0, Status.PARTIAL: 0.5, Status.GAP: 0.0, Status.UNKNOWN: 0.0}

# Rules return these small codes instead of Status members: hashing an enum member
# runs Python code, and the hot loop below would do it 57,000 times per 1,000 vendors.
_MEETS, _PARTIAL, _GAP, _UNKNOWN = range(4)
_STATUS = (Status.MEETS, Status.PARTIAL, Status.GAP, Status.UNKNOWN)
_CREDIT = (1.0, 0.5, 0.0, 0.0)
Rule = Callable[[Any], int]


def item_status(item: Item, value: Value | None, practice: Practice) -> Status:
    """Compare one answer with the practice's target for that item."""
    return _STATUS[_rule_for(item, practice)(value)]


def _rule_for(item: Item, practice: Practice) -> Rule:
    """Build the status function of one item, so scoring many vendors compares fast."""
    if item.answer is AnswerType.NUMBER:
        return _number_rule(item, practice)
    if item.answer is AnswerType.ORDINAL:
        return _ordinal_rule(item, practice)
    table = {"yes": _MEETS, "partial": _PARTIAL, "no": _GAP}
    return lambda value: table.get(value, _UNKNOWN)


def _number_rule(item: Item, practice: Practice) -> Rule:
    target = float(practice.target_for(item))
    bound = practice.partial_bound_for(item)
    sign = 1.0 if item.direction is Direction.AT_MOST else -1.0
    target, bound = sign * target, sign * (bound if bound is not None else target)

    def rule(value: Value | None) -> int:
        if not isinstance(value, float | int):
            return _UNKNOWN
        signed = sign * value
        if signed <= target:
            return _MEETS
        return _PARTIAL if signed <= bound else _GAP

    return rule


def _ordinal_rule(item: Item, practice: Practice) -> Rule:
    rank = {choice: index for index, choice in enumerate(item.choices)}
    target = rank[str(practice.target_for(item))]

    def rule(value: Value | None) -> int:
        position = rank.get(value) if isinstance(value, str) else None
        if position is None:
            return _UNKNOWN
        if position >= target:
            return _MEETS
        return _PARTIAL if position == target - 1 and position > 0 else _GAP

    return rule


class ItemResult(NamedTuple):
    """One item's status and weight; a tuple because scoring makes thousands of them."""

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
    """A vendor's scores with the item results that explain them.

    ``items`` is built on first use from the status codes the scorer kept, so
    listing many vendors by overall score does not pay for per-item objects.
    """

    overall: float | None
    disqualified: bool
    knockouts: list[str]
    sections: dict[str, float | None]
    counts: Counter[Status] = field(default_factory=Counter)
    _rules: Sequence[tuple[str, str, bool, int, Rule]] = field(default=(), repr=False)
    _codes: Sequence[int] = field(default=(), repr=False)
    _items: dict[str, ItemResult] | None = field(default=None, repr=False)

    @property
    def items(self) -> dict[str, ItemResult]:
        if self._items is None:
            self._items = {
                item_id: ItemResult(item_id, section, _STATUS[code], weight)
                for (item_id, section, _, weight, _), code in zip(
                    self._rules, self._codes, strict=True
                )
            }
        return self._items

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
            (
                item.id,
                item.section,
                item.knockout,
                practice.weight_for(item),
                _rule_for(item, practice),
            )
            for item in checklist
        ]
        self._sections = [section.id for section in checklist.sections]

    def score(self, answers: Mapping[str, Value | None]) -> VendorScore:
        codes = []
        earned: dict[str, float] = dict.fromkeys(self._sections, 0.0)
        possible: dict[str, float] = dict.fromkeys(self._sections, 0.0)
        counts = [0, 0, 0, 0]
        knockouts = []
        for item_id, section, knockout, weight, rule in self._rules:
            code = rule(answers.get(item_id))
            codes.append(code)
            earned[section] += weight * _CREDIT[code]
            possible[section] += weight
            counts[code] += 1
            if knockout and code == _GAP:
                knockouts.append(item_id)
        sections = {
            section.id: _percent(earned[section.id], possible[section.id])
            for section in self.checklist.sections
        }
        return VendorScore(
            overall=_percent(sum(earned.values()), sum(possible.values())),
            disqualified=bool(knockouts),
            knockouts=knockouts,
            sections=sections,
            counts=Counter(dict(zip(_STATUS, counts, strict=True))),
            _rules=self._rules,
            _codes=codes,
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
    """Return a weighted percentage rounded to one decimal, or None when nothing is weighted."""
    if possible <= 0:
        return None
    return round(100.0 * earned / possible, 1)
