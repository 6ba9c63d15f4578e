"""Fill clause parameters: values from the practice and vendor, overrides, contract wording.

Clause texts carry the unit after the placeholder ("within {rto_hours} hours"),
so a number renders in contract style without its unit: ``eight (8)``. Amounts
in dollars render as ``$1,000,000`` and ISO dates as ``March 1, 2026``.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass

from clause_library.library import NUMBER_KINDS, Clause, ClauseLibrary, Parameter, Position
from models.checklist import Checklist
from models.errors import WorkbenchError
from models.number_words import ONES, TENS
from models.practice import Practice
from models.vendors import Vendor

TLS_VERSIONS = ("1.0", "1.1", "1.2", "1.3")
FREQUENCIES = ("annual", "semiannual", "quarterly", "monthly")
# Maximum length of a text parameter such as a legal name.
TEXT_LIMIT = 300
# Numbers above this are typing mistakes in a contract term (hours, days, dollars).
MAX_NUMBER = 1e12

ParameterValue = str | int | float

# The practice profile may hold a postal code; contract text names the state in full.
US_STATES = {
    code: name.replace("_", " ")
    for code, name in (
        pair.split(":")
        for pair in [
            "AL:Alabama",
            "AK:Alaska",
            "AZ:Arizona",
            "AR:Arkansas",
            "CA:California",
            "CO:Colorado",
            "CT:Connecticut",
            "DE:Delaware",
            "DC:District_of_Columbia",
            "FL:Florida",
            "GA:Georgia",
            "HI:Hawaii",
            "ID:Idaho",
            "IL:Illinois",
            "IN:Indiana",
            "IA:Iowa",
            "KS:Kansas",
            "KY:Kentucky",
            "LA:Louisiana",
            "ME:Maine",
            "MD:Maryland",
            "MA:Massachusetts",
            "MI:Michigan",
            "MN:Minnesota",
            "MS:Mississippi",
            "MO:Missouri",
            "MT:Montana",
            "NE:Nebraska",
            "NV:Nevada",
            "NH:New_Hampshire",
            "NJ:New_Jersey",
            "NM:New_Mexico",
            "NY:New_York",
            "NC:North_Carolina",
            "ND:North_Dakota",
            "OH:Ohio",
            "OK:Oklahoma",
            "OR:Oregon",
            "PA:Pennsylvania",
            "PR:Puerto_Rico",
            "RI:Rhode_Island",
            "SC:South_Carolina",
            "SD:South_Dakota",
            "TN:Tennessee",
            "TX:Texas",
            "UT:Utah",
            "VT:Vermont",
            "VA:Virginia",
            "WA:Washington",
            "WV:West_Virginia",
            "WI:Wisconsin",
            "WY:Wyoming",
        ]
    )
}


class ParameterValueError(WorkbenchError):
    """A parameter value does not fit the parameter's kind."""


@dataclass(frozen=True)
class FilledText:
    """A clause text with its parameters filled, and the parameters that had no value."""

    text: str
    missing: tuple[str, ...]


def number_words(number: int) -> str:
    """Spell a whole number from 0 to 999,999 in words, as contracts do (``seventy-two``)."""
    if number < 20:
        return ONES[number]
    if number < 100:
        tens, ones = divmod(number, 10)
        return TENS[tens] + (f"-{ONES[ones]}" if ones else "")
    if number < 1000:
        hundreds, rest = divmod(number, 100)
        return f"{ONES[hundreds]} hundred" + (f" {number_words(rest)}" if rest else "")
    thousands, rest = divmod(number, 1000)
    return f"{number_words(thousands)} thousand" + (f" {number_words(rest)}" if rest else "")


def render_value(parameter: Parameter, value: ParameterValue) -> str:
    """Write a parameter value the way the clause text needs it."""
    if parameter.kind == "usd":
        amount = float(value)
        return f"${amount:,.0f}" if amount.is_integer() else f"${amount:,.2f}"
    if parameter.kind in NUMBER_KINDS:
        number = float(value)
        if number.is_integer() and 0 <= number < 1_000_000:
            return f"{number_words(int(number))} ({int(number)})"
        return f"{number:g}"
    if parameter.kind == "date":
        return _render_date(str(value))
    return str(value)


def _render_date(text: str) -> str:
    try:
        date = dt.date.fromisoformat(text)
    except ValueError:
        return text
    return f"{date:%B} {date.day}, {date.year}"


def parse_value(parameter: Parameter, raw: object, fractions: bool = False) -> ParameterValue:
    """Check a value typed for *parameter* and return it in canonical form.

    Periods (hours, days, years) must be whole numbers, because contract style
    spells them out ("eight (8) hours"); *fractions* lets a practice target such
    as a half-hour RPO through unchanged.

    Raises:
        ParameterValueError: the value does not fit the parameter's kind.
    """
    text = " ".join(str(raw).split()) if raw is not None else ""
    if parameter.kind in NUMBER_KINDS:
        number = _parse_number(parameter, raw, text)
        if isinstance(number, float) and parameter.kind != "usd" and not fractions:
            unit = parameter.kind.replace("_", " ")
            raise ParameterValueError(
                f"{parameter.name}: {text[:40] or number!r} is not a whole number of {unit}; "
                f"the contract states whole {unit}, so enter one such as {max(1, round(number))}"
            )
        return number
    if parameter.kind == "tls_version":
        return _parse_choice(parameter, text.removeprefix("TLS ").strip(), TLS_VERSIONS)
    if parameter.kind == "frequency":
        return _parse_choice(parameter, text.lower(), FREQUENCIES)
    if parameter.kind == "date":
        return _parse_date(parameter, text)
    if len(text) > TEXT_LIMIT:
        raise ParameterValueError(
            f"{parameter.name}: text is {len(text)} characters long; the limit is {TEXT_LIMIT}"
        )
    return text


def _parse_number(parameter: Parameter, raw: object, text: str) -> ParameterValue:
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        number = float(raw)
    else:
        try:
            number = float(text.replace(",", "").removeprefix("$"))
        except ValueError:
            raise ParameterValueError(
                f"{parameter.name}: {text[:40]!r} is not a number; enter a number of "
                f"{parameter.kind.replace('_', ' ')}"
            ) from None
    if not math.isfinite(number) or number <= 0 or number > MAX_NUMBER:
        raise ParameterValueError(
            f"{parameter.name}: {text[:40] or number!r} is out of range; enter a positive number"
        )
    return int(number) if number.is_integer() else number


def _parse_choice(parameter: Parameter, text: str, choices: tuple[str, ...]) -> str:
    if text not in choices:
        raise ParameterValueError(
            f"{parameter.name}: {text[:40]!r} is not one of {', '.join(choices)}"
        )
    return text


def _parse_date(parameter: Parameter, text: str) -> str:
    if not text:
        return ""
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise ParameterValueError(
            f"{parameter.name}: {text[:40]!r} is not a date like 2026-03-01"
        ) from None


def default_values(
    library: ClauseLibrary, checklist: Checklist, practice: Practice, vendor: Vendor
) -> dict[str, ParameterValue]:
    """Fill every parameter from the practice profile, its targets and the vendor."""
    return {
        name: _value_from_source(parameter, checklist, practice, vendor)
        for name, parameter in library.parameters.items()
    }


def _value_from_source(
    parameter: Parameter, checklist: Checklist, practice: Practice, vendor: Vendor
) -> ParameterValue:
    source = parameter.source
    if source == "practice.name":
        return practice.name or parameter.default
    if source == "practice.state":
        state = practice.state.strip()
        return US_STATES.get(state.upper(), state) or parameter.default
    if source == "vendor.name":
        return vendor.name or parameter.default
    if source.startswith("target:"):
        target = practice.target_for(checklist.item(source.removeprefix("target:")))
        try:
            return parse_value(parameter, target, fractions=True)
        except ParameterValueError:
            return parameter.default  # a target of another type, e.g. a yes/no item
    return parameter.default


def fill(
    clause: Clause,
    position: Position,
    library: ClauseLibrary,
    values: Mapping[str, ParameterValue],
) -> FilledText:
    """Put the parameter values into one position's text; an empty value shows as [name]."""
    rendered: dict[str, str] = {}
    missing = []
    for name in clause.parameters():
        value = values.get(name, "")
        if value == "" or value is None:
            missing.append(name)
            rendered[name] = f"[{name.replace('_', ' ')}]"
        else:
            rendered[name] = render_value(library.parameters[name], value)
    return FilledText(clause.texts[position].format_map(rendered), tuple(missing))
