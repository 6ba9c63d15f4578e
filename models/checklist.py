"""The due-diligence checklist: sections, items, answer types and default targets.

The items live in ``checklist.toml`` beside this module. Their ids are fixed
(``section.item``) because stored answers, questionnaires, clause files and
vendor JSON files refer to them.
"""

from __future__ import annotations

import enum
import functools
import math
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from models.errors import AnswerValueError, ChecklistError

CHECKLIST_PATH = Path(__file__).with_name("checklist.toml")

YES_NO_CHOICES = ("yes", "partial", "no")
NUMBER_UNITS = ("hours", "minutes", "days", "business days", "years", "USD")
# Answers above this are typing mistakes, not vendor commitments.
MAX_NUMBER = 1e12

Value = str | float
"""An answer value: a choice text for yes/no and ordinal items, a float for numbers."""


class AnswerType(enum.StrEnum):
    YES_NO = "yes_no"
    NUMBER = "number"
    ORDINAL = "ordinal"


class Direction(enum.StrEnum):
    AT_MOST = "at_most"
    AT_LEAST = "at_least"


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    summary: str
    items: tuple[Item, ...] = ()


@dataclass(frozen=True)
class Item:
    """One checklist item with its answer type and default target."""

    id: str
    section: str
    title: str
    question: str
    why: str
    answer: AnswerType
    target: Value
    weight: int
    knockout: bool = False
    regulation: str = ""
    unit: str = ""
    direction: Direction | None = None
    partial: float | None = None
    choices: tuple[str, ...] = field(default=())

    @property
    def options(self) -> tuple[str, ...]:
        """The allowed choice texts, worst first; empty for number items."""
        if self.answer is AnswerType.YES_NO:
            return ("no", "partial", "yes")
        return self.choices

    def parse_value(self, raw: object) -> Value | None:
        """Convert *raw* to this item's canonical value; None means unknown.

        Raises:
            AnswerValueError: the value does not fit the answer type.
        """
        if raw is None or (isinstance(raw, str) and raw.strip().lower() in ("", "unknown")):
            return None
        if self.answer is AnswerType.NUMBER:
            return self._parse_number(raw)
        return self._parse_choice(raw)

    def _parse_number(self, raw: object) -> float:
        if isinstance(raw, bool):
            raise AnswerValueError(f"{self.id}: expected a number of {self.unit}, got {raw!r}")
        try:
            number = float(raw)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            raise AnswerValueError(
                f"{self.id}: expected a number of {self.unit}, got {_shorten(raw)}"
            ) from None
        if not math.isfinite(number) or number < 0 or number > MAX_NUMBER:
            raise AnswerValueError(
                f"{self.id}: {_shorten(raw)} is out of range; enter a number of "
                f"{self.unit} from 0 to {MAX_NUMBER:,.0f}"
            )
        return number

    def _parse_choice(self, raw: object) -> str:
        text = str(raw).strip().lower()
        for choice in self.options:
            if choice.lower() == text:
                return choice
        allowed = ", ".join(self.options)
        raise AnswerValueError(f"{self.id}: {_shorten(raw)} is not one of: {allowed}")


@dataclass(frozen=True)
class Checklist:
    sections: tuple[Section, ...]
    items: dict[str, Item]

    def __iter__(self) -> Iterator[Item]:
        return iter(self.items.values())

    def __len__(self) -> int:
        return len(self.items)

    def item(self, item_id: str) -> Item:
        try:
            return self.items[item_id]
        except KeyError:
            raise ChecklistError(f"unknown checklist item id {item_id!r}") from None

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise ChecklistError(f"unknown checklist section {section_id!r}")


def format_value(value: Value | None, item: Item | None = None) -> str:
    """Format *value* for display and storage: ``4`` not ``4.0``; "" for unknown."""
    if value is None:
        return ""
    if isinstance(value, float):
        # repr() is the shortest text that reads back as the same float.
        return str(int(value)) if value.is_integer() else repr(value)
    return value


_SINGULAR = {"hours": "hour", "minutes": "minute", "days": "day", "business days": "business day",
             "years": "year"}  # fmt: skip


def format_quantity(value: Value | None, unit: str) -> str:
    """Format a number with its unit for people: "1 hour", "8 hours", "$1,000,000"."""
    if value is None:
        return ""
    if unit == "USD" and isinstance(value, float):
        return f"${value:,.0f}" if value.is_integer() else f"${value:,.2f}"
    return f"{format_value(value)} {_SINGULAR.get(unit, unit) if value == 1 else unit}"


def _shorten(raw: object, limit: int = 40) -> str:
    text = repr(raw)
    return text if len(text) <= limit else text[: limit - 3] + "..."


@functools.cache
def load_checklist(path: Path = CHECKLIST_PATH) -> Checklist:
    """Load and validate the checklist file.

    Raises:
        ChecklistError: naming the item and field of the first invalid entry.
    """
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ChecklistError(f"{path}: cannot read the checklist: {exc}") from exc
    return parse_checklist(data, source=str(path))


def parse_checklist(data: dict[str, Any], source: str = "checklist") -> Checklist:
    """Build a Checklist from parsed TOML data, validating every field."""
    section_rows = data.get("sections")
    item_rows = data.get("items")
    if not isinstance(section_rows, list) or not isinstance(item_rows, list):
        raise ChecklistError(f"{source}: needs [[sections]] and [[items]] tables")
    section_ids = [_text(row, "id", f"{source}: section") for row in section_rows]
    items: dict[str, Item] = {}
    for index, row in enumerate(item_rows):
        item = _parse_item(row, set(section_ids), f"{source}: item {row.get('id', index)!r}")
        if item.id in items:
            raise ChecklistError(f"{source}: item {item.id!r}: duplicate id")
        items[item.id] = item
    sections = tuple(
        Section(
            id=section_id,
            title=_text(row, "title", f"{source}: section {section_id!r}"),
            summary=str(row.get("summary", "")),
            items=tuple(item for item in items.values() if item.section == section_id),
        )
        for section_id, row in zip(section_ids, section_rows, strict=True)
    )
    return Checklist(sections=sections, items=items)


def _parse_item(row: dict[str, Any], section_ids: set[str], where: str) -> Item:
    item_id = _text(row, "id", where)
    section, _, rest = item_id.partition(".")
    if section not in section_ids or not rest:
        raise ChecklistError(f"{where}: field 'id' must start with a known section id")
    try:
        answer = AnswerType(str(row.get("answer")))
    except ValueError:
        raise ChecklistError(
            f"{where}: field 'answer' must be one of {[a.value for a in AnswerType]}"
        ) from None
    weight = row.get("weight")
    if not isinstance(weight, int) or isinstance(weight, bool) or not 1 <= weight <= 3:
        raise ChecklistError(f"{where}: field 'weight' must be a whole number from 1 to 3")
    common: dict[str, Any] = {
        "id": item_id,
        "section": section,
        "title": _text(row, "title", where),
        "question": _text(row, "question", where),
        "why": _text(row, "why", where),
        "answer": answer,
        "weight": weight,
        "knockout": _flag(row, "knockout", where),
        "regulation": str(row.get("regulation", "")),
    }
    if answer is AnswerType.NUMBER:
        return _number_item(row, common, where)
    if answer is AnswerType.ORDINAL:
        return _ordinal_item(row, common, where)
    if row.get("target") != "yes":
        raise ChecklistError(f"{where}: field 'target' must be \"yes\" for a yes_no item")
    return Item(target="yes", **common)


def _number_item(row: dict[str, Any], common: dict[str, Any], where: str) -> Item:
    unit = row.get("unit")
    if unit not in NUMBER_UNITS:
        raise ChecklistError(f"{where}: field 'unit' must be one of {list(NUMBER_UNITS)}")
    try:
        direction = Direction(str(row.get("direction")))
    except ValueError:
        raise ChecklistError(f"{where}: field 'direction' must be at_most or at_least") from None
    target = _number(row, "target", where)
    partial = _number(row, "partial", where)
    looser = partial >= target if direction is Direction.AT_MOST else partial <= target
    if not looser:
        raise ChecklistError(f"{where}: field 'partial' must be looser than 'target'")
    return Item(unit=unit, direction=direction, target=target, partial=partial, **common)


def _ordinal_item(row: dict[str, Any], common: dict[str, Any], where: str) -> Item:
    choices = row.get("choices")
    if (
        not isinstance(choices, list)
        or len(choices) < 2
        or not all(isinstance(c, str) and c for c in choices)
        or len({c.lower() for c in choices}) != len(choices)
    ):
        raise ChecklistError(f"{where}: field 'choices' must list two or more distinct texts")
    if row.get("target") not in choices:
        raise ChecklistError(f"{where}: field 'target' must be one of the choices")
    return Item(choices=tuple(choices), target=row["target"], **common)


def _text(row: dict[str, Any], key: str, where: str) -> str:
    value = row.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ChecklistError(f"{where}: field {key!r} is missing or empty")
    return value.strip()


def _number(row: dict[str, Any], key: str, where: str) -> float:
    value = row.get(key)
    if not isinstance(value, int | float) or isinstance(value, bool) or value < 0:
        raise ChecklistError(f"{where}: field {key!r} must be a number of 0 or more")
    return float(value)


def _flag(row: dict[str, Any], key: str, where: str) -> bool:
    value = row.get(key, False)
    if not isinstance(value, bool):
        raise ChecklistError(f"{where}: field {key!r} must be true or false")
    return value
