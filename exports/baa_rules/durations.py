"""Periods of time in contract language ("sixty (60) calendar days", "72 hours") as hours.

Conversion rules, stated once here and in the README:

- An hour is an hour; a minute is 1/60 hour.
- A calendar day is 24 hours. A day that the contract does not call business
  or calendar days is read as a calendar day, the unit of the HIPAA breach
  notice limit (45 CFR 164.410: "60 calendar days"), and the finding states
  that assumption.
- Business days are converted to the longest calendar span they can take,
  ignoring public holidays: every started run of five business days contains a
  weekend, so n business days = n + 2 x ceil(n / 5) calendar days. 1 business
  day = 3 calendar days (found on a Friday, due on Monday), 5 business days =
  7 calendar days, 10 business days = 14 calendar days.
- A week is 7 calendar days, a month 30 calendar days, a year 365 calendar days.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from models.number_words import ONES, TENS

HOURS_PER_DAY = 24
DAYS_PER_UNIT = {"day": 1, "week": 7, "month": 30, "year": 365}

_UNITS = {
    "minute": "minute",
    "minutes": "minute",
    "min": "minute",
    "mins": "minute",
    "hour": "hour",
    "hours": "hour",
    "hr": "hour",
    "hrs": "hour",
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "month": "month",
    "months": "month",
    "year": "year",
    "years": "year",
}
NUMBER_WORDS: dict[str, int] = {word: value for value, word in enumerate(ONES)}
for _tens_index, _tens in enumerate(TENS[2:]):
    NUMBER_WORDS[_tens] = 20 + 10 * _tens_index
    for _unit_digit in range(1, 10):
        _value = 20 + 10 * _tens_index + _unit_digit
        NUMBER_WORDS[f"{_tens}-{ONES[_unit_digit]}"] = _value
        NUMBER_WORDS[f"{_tens} {ONES[_unit_digit]}"] = _value
NUMBER_WORDS.update({"a": 1, "an": 1, "one hundred": 100, "one hundred twenty": 120})

_WORDS_PATTERN = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
# Matched against normalised text (lower case, plain hyphens and spaces).
_DURATION = re.compile(
    rf"\b(?:(?P<digits>\d+(?:\.\d+)?)|(?P<words>{_WORDS_PATTERN}))"
    r"(?:\s*\(\s*(?P<paren>\d+(?:\.\d+)?)\s*\))?"
    r"[\s-]*(?:\((?P<kind_paren>calendar|business|working)\)\s*)?"
    r"(?P<kind>calendar|business|working)?[\s-]*"
    r"(?P<unit>minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\b"
)


@dataclass(frozen=True)
class Duration:
    """A period stated in the text.

    Attributes:
        amount: the number as written; when words and digits are both given
            ("ten (10)") the digits, and ``conflict`` is set when they differ.
        unit: minute, hour, day, week, month or year.
        day_kind: "calendar", "business" or "unspecified" for days; "" otherwise.
        phrase: the matched words from the normalised text.
    """

    amount: float
    unit: str
    day_kind: str
    phrase: str
    conflict: bool = False

    @property
    def hours(self) -> float:
        if self.unit == "minute":
            return self.amount / 60
        if self.unit == "hour":
            return self.amount
        if self.unit == "day" and self.day_kind == "business":
            return business_days_to_calendar_days(self.amount) * HOURS_PER_DAY
        return self.amount * DAYS_PER_UNIT[self.unit] * HOURS_PER_DAY

    def describe(self) -> str:
        """Say how the period became hours, e.g. "5 business days = 7 calendar days = 168 hours"."""
        amount = _format(self.amount)
        if self.unit == "hour":
            return f"{amount} hours"
        hours = f"{_format(self.hours)} hours"
        if self.unit == "day" and self.day_kind == "business":
            calendar = _format(business_days_to_calendar_days(self.amount))
            return f"{amount} business days = {calendar} calendar days = {hours}"
        if self.unit == "day" and self.day_kind == "unspecified":
            return f"{amount} days (read as calendar days) = {hours}"
        if self.unit == "day":
            return f"{amount} calendar days = {hours}"
        return f"{amount} {self.unit}s = {hours}"


def business_days_to_calendar_days(business_days: float) -> float:
    """Return the longest calendar span of *business_days*: one weekend per started five."""
    if business_days <= 0:
        return 0.0
    return business_days + 2 * math.ceil(business_days / 5)


def find_durations(norm: str) -> list[tuple[int, Duration]]:
    """Return every period in normalised text with its position, in reading order."""
    found = []
    for match in _DURATION.finditer(norm):
        found.append((match.start(), _duration(match)))
    return found


def _duration(match: re.Match[str]) -> Duration:
    paren = match.group("paren")
    words = match.group("words")
    written = float(NUMBER_WORDS[words]) if words else float(match.group("digits"))
    amount = float(paren) if paren is not None else written
    unit = _UNITS[match.group("unit")]
    kind = match.group("kind") or match.group("kind_paren") or ""
    day_kind = {"working": "business", "": "unspecified"}.get(kind, kind) if unit == "day" else ""
    conflict = paren is not None and written != amount
    return Duration(amount, unit, day_kind, match.group(0).strip(), conflict)


def _format(number: float) -> str:
    return f"{number:,.0f}" if float(number).is_integer() else f"{number:,.2f}"
