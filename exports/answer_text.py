"""Read the answers vendors type into a questionnaire as checklist values.

Vendors write "Yes ", "N/A", "partially", "4 hrs", "60 days" or "$1M". This
module turns such text into the item's canonical value in the checklist's
unit, and raises when it cannot: ``AnswerValueError`` for text that is not an
answer of the right kind, ``AmbiguousAnswerError`` for text that has more than
one reasonable reading (a range, business days where the checklist counts
hours, calendar days where it counts business days).
"""

from __future__ import annotations

import datetime as dt
import re

from models.checklist import AnswerType, Item, Value
from models.errors import AnswerValueError

# Texts that mean "no answer" rather than a missing cell; they clear the value.
UNKNOWN_TEXTS = frozenset(
    {"unknown", "n/a", "na", "n.a.", "not applicable", "none given", "tbd", "?", "-", "--"}
)
YES_NO_SYNONYMS = {
    "yes": "yes",
    "y": "yes",
    "true": "yes",
    "no": "no",
    "n": "no",
    "false": "no",
    "partial": "partial",
    "partially": "partial",
    "partly": "partial",
    "in part": "partial",
}
ORDINAL_SYNONYMS = {
    "annually": "annual",
    "yearly": "annual",
    "semi-annual": "semiannual",
    "semi annual": "semiannual",
    "semiannually": "semiannual",
    "twice a year": "semiannual",
    "quarterly": "quarterly",
    "every quarter": "quarterly",
    "monthly": "monthly",
    "every month": "monthly",
    "never": "none",
}
# Words vendors put in front of a bound ("within 4 hours", "up to 2 days").
_QUALIFIER = re.compile(
    r"^(within|up to|under|less than|no more than|not more than|at most|max(imum)?|"
    r"at least|minimum|min|no less than|more than|over|about|approx(imately)?|"
    r"<=|>=|<|>|≤|≥|~)\s*",
)
_NUMBER = re.compile(r"^\$?\s*(\d[\d,]*(?:\.\d+)?|\.\d+)\s*(.*)$")
_RANGE = re.compile(r"\d\s*(-|–|to)\s*\$?\d")

# Units vendors write, by the checklist unit they name.
UNIT_WORDS = {
    "minutes": ("minutes", "minute", "mins", "min", "m"),
    "hours": ("hours", "hour", "hrs", "hr", "h"),
    "days": ("calendar days", "calendar day", "days", "day", "d"),
    "business days": ("business days", "business day", "working days", "working day", "bd"),
    "weeks": ("weeks", "week", "wks", "wk"),
    "months": ("months", "month", "mos", "mo"),
    "years": ("years", "year", "yrs", "yr", "y"),
    "USD": ("usd", "dollars", "dollar", "$"),
}
# Factors from a written unit to a checklist unit. A pair that is missing here
# has no single reading (one business day is 24 to 72 hours around a weekend).
CONVERSIONS: dict[tuple[str, str], float] = {
    ("minutes", "minutes"): 1,
    ("hours", "minutes"): 60,
    ("minutes", "hours"): 1 / 60,
    ("hours", "hours"): 1,
    ("days", "hours"): 24,
    ("weeks", "hours"): 168,
    ("days", "days"): 1,
    ("weeks", "days"): 7,
    ("business days", "business days"): 1,
    ("years", "years"): 1,
    ("months", "years"): 1 / 12,
    ("USD", "USD"): 1,
}
_MULTIPLIERS = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mm": 1e6, "million": 1e6}


class AmbiguousAnswerError(AnswerValueError):
    """The answer has more than one reasonable reading, so a person must decide."""


def read_answer(item: Item, raw: object) -> Value | None:
    """Convert a questionnaire response to *item*'s canonical value; None means unknown.

    Raises:
        AnswerValueError: the response is not an answer of the item's kind.
        AmbiguousAnswerError: the response could mean different values.
    """
    if isinstance(raw, str):
        text = " ".join(raw.split()).lower()
        if text in UNKNOWN_TEXTS:
            return None
    if isinstance(raw, dt.datetime | dt.date | dt.time):
        raise AnswerValueError(f"{item.id}: a date or time is not an answer to this question")
    if item.answer is AnswerType.NUMBER:
        return _read_number(item, raw)
    if item.answer is AnswerType.YES_NO:
        return _read_yes_no(item, raw)
    return _read_ordinal(item, raw)


def _read_yes_no(item: Item, raw: object) -> Value | None:
    if isinstance(raw, bool):
        return "yes" if raw else "no"
    text = " ".join(str(raw).split()).lower().rstrip(".!")
    if text in YES_NO_SYNONYMS:
        return YES_NO_SYNONYMS[text]
    return item.parse_value(raw)


def _read_ordinal(item: Item, raw: object) -> Value | None:
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        # A re-saved file may turn "1.2" into the number 1.2 (and "1.0" into 1).
        raw = f"{float(raw):.1f}"
    text = " ".join(str(raw).split()).lower().rstrip(".")
    text = ORDINAL_SYNONYMS.get(text, text)
    for candidate in (text, re.sub(r"^(tls|fips|version|v)\s*", "", text)):
        for choice in item.options:
            if choice.lower() == candidate:
                return choice
    return item.parse_value(raw)


def _read_number(item: Item, raw: object) -> Value | None:
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return item.parse_value(float(raw))
    text = " ".join(str(raw).split()).lower()
    try:
        # A bare number in any notation Python reads, "2.5" or "1e+06", is in the item's unit.
        return item.parse_value(float(text))
    except ValueError:
        pass
    if _RANGE.search(text):
        raise AmbiguousAnswerError(
            f"{item.id}: {_quote(raw)} is a range; enter one number of {item.unit}"
        )
    match = _NUMBER.match(_QUALIFIER.sub("", text))
    if match is None:
        return item.parse_value(raw)
    number = float(match.group(1).replace(",", ""))
    rest = match.group(2).strip().rstrip(".")
    if item.unit == "USD":
        # Only money has "k" and "M"; for a minutes item "30 m" means 30 minutes.
        number, rest = _apply_multiplier(number, rest)
    written_unit = _unit_of(item, rest, raw)
    factor = CONVERSIONS.get((written_unit, item.unit))
    if factor is None:
        raise AmbiguousAnswerError(
            f"{item.id}: {_quote(raw)} is in {written_unit}, which has no exact number "
            f"of {item.unit}; enter the number of {item.unit}"
        )
    return item.parse_value(round(number * factor, 6))


def _apply_multiplier(number: float, rest: str) -> tuple[float, str]:
    word, _, tail = rest.partition(" ")
    if word in _MULTIPLIERS:
        return number * _MULTIPLIERS[word], tail.strip()
    return number, rest


def _unit_of(item: Item, rest: str, raw: object) -> str:
    """Name the checklist-style unit written after the number; none written means the item's."""
    if not rest:
        return item.unit
    for unit, words in UNIT_WORDS.items():
        if rest in words:
            return unit
    raise AnswerValueError(
        f"{item.id}: cannot read the unit in {_quote(raw)}; enter a number of {item.unit}"
    )


def _quote(raw: object, limit: int = 40) -> str:
    text = repr(str(raw))
    return text if len(text) <= limit else text[: limit - 3] + "..."
