"""The addendum plan of one vendor: proposed and negotiated clauses with their filled text.

It joins the clause library, the vendor's score and the stored negotiation, so
the Negotiate tab, the CLI and the Word writer all see the same clauses with the
same text.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass

from clause_library.filling import (
    FilledText,
    ParameterValue,
    ParameterValueError,
    default_values,
    fill,
    parse_value,
)
from clause_library.library import Clause, ClauseLibrary, Position
from clause_library.selection import propose, unremedied
from models.checklist import Checklist
from models.negotiation import ClauseNegotiation, Negotiations
from models.practice import Practice
from models.scoring import Scorer, Status
from models.store import Store
from models.vendors import Vendor

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PlannedClause:
    """One clause as the addendum will carry it."""

    clause: Clause
    statuses: dict[str, Status]
    proposed: bool
    negotiation: ClauseNegotiation
    values: dict[str, ParameterValue]
    filled: FilledText
    vendor_wording: str

    @property
    def position(self) -> Position:
        return Position(self.negotiation.position)

    @property
    def text(self) -> str:
        return self.filled.text

    @property
    def in_addendum(self) -> bool:
        return self.negotiation.in_addendum


@dataclass(frozen=True)
class AddendumPlan:
    practice: Practice
    vendor: Vendor
    clauses: list[PlannedClause]
    unremedied: list[str]
    values: dict[str, ParameterValue]
    """Parameter values that apply to every clause, before each clause's own overrides."""

    def in_addendum(self) -> list[PlannedClause]:
        return [planned for planned in self.clauses if planned.in_addendum]

    def unremedied_titles(self, checklist: Checklist) -> list[str]:
        """Titles of the failing items no clause can fix, for text a person reads."""
        return [checklist.item(item_id).title for item_id in self.unremedied]

    def missing_parameters(self) -> list[str]:
        """Parameters without a value in clauses the addendum includes, in first-use order."""
        names: dict[str, None] = {}
        for planned in self.in_addendum():
            names.update(dict.fromkeys(planned.filled.missing))
        return list(names)


def build_plan(
    store: Store,
    library: ClauseLibrary,
    vendor_id: int,
    extra_values: Mapping[str, str] | None = None,
) -> AddendumPlan:
    """Plan the addendum of one vendor from its score and stored negotiation.

    *extra_values* (parameter name -> text, e.g. from the command line) override
    the vendor-wide parameters for this plan only; they are validated, not stored.

    Raises:
        ParameterValueError: an extra value does not fit its parameter.
    """
    vendor = store.vendor_by_id(vendor_id)
    practice = store.practice()
    score = Scorer(store.checklist, practice).score(store.answer_values().get(vendor_id, {}))
    negotiations = Negotiations(store)
    stored = negotiations.for_vendor(vendor_id)
    base = default_values(library, store.checklist, practice, vendor)
    base.update(_checked(library, negotiations.parameters(vendor_id), stored_values=True))
    base.update(_checked(library, extra_values or {}, stored_values=False))
    recorded = store.wording(vendor_id)
    proposals = {proposal.clause.id: proposal for proposal in propose(library, score)}
    clauses = []
    for clause in library:
        if clause.id not in proposals and clause.id not in stored:
            continue
        negotiation = stored.get(clause.id) or ClauseNegotiation(vendor_id, clause.id)
        statuses = {item: score.status(item) for item in clause.items}
        clauses.append(
            plan_clause(
                library, clause, negotiation, base, recorded, statuses, clause.id in proposals
            )
        )
    return AddendumPlan(practice, vendor, clauses, unremedied(library, score), base)


def plan_clause(
    library: ClauseLibrary,
    clause: Clause,
    negotiation: ClauseNegotiation,
    base: Mapping[str, ParameterValue],
    recorded: Mapping[str, str],
    statuses: dict[str, Status],
    proposed: bool,
) -> PlannedClause:
    """Fill one clause with the vendor-wide values and the clause's own overrides."""
    values = dict(base)
    values.update(_checked(library, negotiation.overrides, stored_values=True))
    position = _position(negotiation.position)
    wording = negotiation.vendor_wording
    if wording is None:
        wording = next((recorded[item] for item in clause.items if recorded.get(item)), "")
    filled = fill(clause, position, library, values)
    return PlannedClause(clause, statuses, proposed, negotiation, values, filled, wording)


def _position(raw: str) -> Position:
    try:
        return Position(raw)
    except ValueError:
        return Position.PREFERRED


def _checked(
    library: ClauseLibrary, raw_values: Mapping[str, str], stored_values: bool
) -> dict[str, ParameterValue]:
    """Validate parameter values; stored ones that no longer fit are skipped and logged."""
    values: dict[str, ParameterValue] = {}
    for name, raw in raw_values.items():
        parameter = library.parameters.get(name)
        try:
            if parameter is None:
                raise ParameterValueError(f"{name}: not a clause parameter")
            values[name] = parse_value(parameter, raw)
        except ParameterValueError as exc:
            if not stored_values:
                raise
            log.warning("Stored parameter value skipped: %s", exc)
    return values
