"""Negotiation state per vendor and clause, stored in the workbench database.

For each clause it tracks whether the addendum includes it, the chosen
position, parameter overrides, the vendor's current wording and a status that
moves through rounds: proposed -> countered (any number of rounds) -> agreed or
dropped, each round with a dated note. Every change is in the audit trail
under entity ``negotiation`` with the vendor id and ``<clause_id>.<field>``.

This module stores what it is given: the clause library checks clause ids and
parameter values before they arrive here.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import logging
from dataclasses import dataclass, field

from models.errors import WorkbenchError
from models.store import Store
from models.vendors import LONG_TEXT_LIMIT, clean_text

log = logging.getLogger(__name__)

POSITIONS = ("preferred", "fallback", "walk_away")
NOTE_LIMIT = 4000


class NegotiationError(WorkbenchError):
    """A negotiation change is not allowed (unknown position, status or transition)."""


class NegotiationStatus(enum.StrEnum):
    PROPOSED = "proposed"
    COUNTERED = "countered"
    AGREED = "agreed"
    DROPPED = "dropped"

    @property
    def label(self) -> str:
        return self.value.capitalize()


# A countered clause may be countered again (another round); a settled clause
# can be reopened, an agreed one by a counter, a dropped one by proposing it again.
TRANSITIONS = {
    NegotiationStatus.PROPOSED: {
        NegotiationStatus.COUNTERED,
        NegotiationStatus.AGREED,
        NegotiationStatus.DROPPED,
    },
    NegotiationStatus.COUNTERED: {
        NegotiationStatus.COUNTERED,
        NegotiationStatus.AGREED,
        NegotiationStatus.DROPPED,
    },
    NegotiationStatus.AGREED: {NegotiationStatus.COUNTERED, NegotiationStatus.DROPPED},
    NegotiationStatus.DROPPED: {NegotiationStatus.PROPOSED},
}


@dataclass(frozen=True)
class Round:
    at: str
    user: str
    status: NegotiationStatus
    note: str


@dataclass
class ClauseNegotiation:
    """The negotiation of one clause with one vendor; defaults until something is stored."""

    vendor_id: int
    clause_id: str
    included: bool = True
    position: str = "preferred"
    overrides: dict[str, str] = field(default_factory=dict)
    vendor_wording: str | None = None
    status: NegotiationStatus = NegotiationStatus.PROPOSED
    rounds: list[Round] = field(default_factory=list)
    stored: bool = False

    @property
    def in_addendum(self) -> bool:
        """Whether the clause goes into the addendum (included and not dropped)."""
        return self.included and self.status is not NegotiationStatus.DROPPED


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class Negotiations:
    """Reads and writes negotiation state through a Store, with the audit trail."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # -- reading ---------------------------------------------------------------

    def for_vendor(self, vendor_id: int) -> dict[str, ClauseNegotiation]:
        """Every stored clause negotiation of a vendor by clause id, with its rounds."""
        with self.store._reading():
            return self._read_vendor(vendor_id)

    def _read_vendor(self, vendor_id: int) -> dict[str, ClauseNegotiation]:
        db = self.store.db
        rows = db.execute(
            "SELECT clause_id, included, position, overrides, vendor_wording, status"
            " FROM negotiations WHERE vendor_id = ?",
            [vendor_id],
        ).fetchall()
        result = {row[0]: _negotiation_from_row(vendor_id, row) for row in rows}
        rounds = db.execute(
            "SELECT clause_id, at, user, status, note FROM negotiation_rounds"
            " WHERE vendor_id = ? ORDER BY id",
            [vendor_id],
        ).fetchall()
        for clause_id, at, user, status, note in rounds:
            negotiation = result.setdefault(clause_id, ClauseNegotiation(vendor_id, clause_id))
            negotiation.rounds.append(Round(at, user, NegotiationStatus(status), note))
        return result

    def get(self, vendor_id: int, clause_id: str) -> ClauseNegotiation:
        found = self.for_vendor(vendor_id).get(clause_id)
        return found or ClauseNegotiation(vendor_id, clause_id)

    def parameters(self, vendor_id: int) -> dict[str, str]:
        """Parameter values set for every clause of the vendor (such as the effective date)."""
        with self.store._reading():
            rows = self.store.db.execute(
                "SELECT name, value FROM negotiation_parameters WHERE vendor_id = ?", [vendor_id]
            ).fetchall()
        return dict(rows)

    # -- writing ---------------------------------------------------------------

    # Each setter returns whether it changed anything, so callers can say what changed.

    def set_included(self, vendor_id: int, clause_id: str, included: bool) -> bool:
        return self._set_column(vendor_id, clause_id, "included", int(bool(included)))

    def add_clause(self, vendor_id: int, clause_id: str) -> bool:
        """Store a clause the score does not propose, so the plan and the addendum carry it."""
        with self.store.transaction():
            self.store.vendor_by_id(vendor_id)
            if clause_id in self._read_vendor(vendor_id):
                return self.set_included(vendor_id, clause_id, True)
            self._write(vendor_id, clause_id, "included", 1)
            self.store._audit("negotiation", vendor_id, f"{clause_id}.included", None, 1)
        return True

    def set_position(self, vendor_id: int, clause_id: str, position: str) -> bool:
        if position not in POSITIONS:
            raise NegotiationError(
                f"{clause_id}: position {position!r} is not one of {', '.join(POSITIONS)}"
            )
        return self._set_column(vendor_id, clause_id, "position", position)

    def set_vendor_wording(self, vendor_id: int, clause_id: str, text: str | None) -> bool:
        """Record the vendor's wording for a clause; None goes back to the recorded BAA wording."""
        cleaned = (
            None if text is None else clean_text(text, f"{clause_id} wording", LONG_TEXT_LIMIT)
        )
        return self._set_column(vendor_id, clause_id, "vendor_wording", cleaned)

    def set_override(self, vendor_id: int, clause_id: str, name: str, value: str | None) -> bool:
        """Set one parameter for one clause; None removes the override."""
        with self.store.transaction():
            current = self.get(vendor_id, clause_id)
            overrides = dict(current.overrides)
            old = overrides.get(name)
            if value is None:
                overrides.pop(name, None)
            else:
                overrides[name] = clean_text(value, name)
            if overrides.get(name) == old:
                return False
            self._write(vendor_id, clause_id, "overrides", json.dumps(overrides, sort_keys=True))
            self.store._audit(
                "negotiation", vendor_id, f"{clause_id}.parameter.{name}", old, overrides.get(name)
            )
        return True

    def set_parameter(self, vendor_id: int, name: str, value: str | None) -> bool:
        """Set a parameter for every clause of the vendor; None removes it."""
        with self.store.transaction():
            self.store.vendor_by_id(vendor_id)
            old = self.parameters(vendor_id).get(name)
            new = None if value is None else clean_text(value, name)
            if old == new:
                return False
            if new is None:
                self.store.db.execute(
                    "DELETE FROM negotiation_parameters WHERE vendor_id = ? AND name = ?",
                    [vendor_id, name],
                )
            else:
                self.store.db.execute(
                    "INSERT INTO negotiation_parameters (vendor_id, name, value) VALUES (?, ?, ?)"
                    " ON CONFLICT DO UPDATE SET value = excluded.value",
                    [vendor_id, name, new],
                )
            self.store._audit("negotiation", vendor_id, f"parameter.{name}", old, new)
        return True

    def record_round(
        self, vendor_id: int, clause_id: str, status: NegotiationStatus | str, note: str = ""
    ) -> None:
        """Move a clause to *status* with a dated note, checking the move is allowed."""
        new = _status(clause_id, status)
        note = clean_text(note, f"{clause_id} note", NOTE_LIMIT).strip()
        with self.store.transaction():
            current = self.get(vendor_id, clause_id)
            if new not in TRANSITIONS[current.status]:
                raise NegotiationError(
                    f"{clause_id}: cannot go from {current.status.value} to {new.value}; "
                    f"next can be {', '.join(sorted(s.value for s in TRANSITIONS[current.status]))}"
                )
            self._set_column(vendor_id, clause_id, "status", new.value)
            self._insert_round(vendor_id, clause_id, new, note)
        log.info("Clause %s of vendor %s is now %s", clause_id, vendor_id, new.value)

    def add_note(self, vendor_id: int, clause_id: str, note: str) -> NegotiationStatus:
        """Add a dated note to the clause's current round without changing its status.

        Returns the status the note was filed under.

        Raises:
            NegotiationError: the note is empty.
        """
        note = clean_text(note, f"{clause_id} note", NOTE_LIMIT).strip()
        if not note:
            raise NegotiationError(f"{clause_id}: the note is empty; write what happened")
        with self.store.transaction():
            self.store.vendor_by_id(vendor_id)
            current = self.get(vendor_id, clause_id).status
            self._insert_round(vendor_id, clause_id, current, note)
        return current

    def _insert_round(
        self, vendor_id: int, clause_id: str, status: NegotiationStatus, note: str
    ) -> None:
        self.store.db.execute(
            "INSERT INTO negotiation_rounds (vendor_id, clause_id, at, user, status, note)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [vendor_id, clause_id, _now(), self.store._user, status.value, note],
        )
        if note:
            self.store._audit("negotiation", vendor_id, f"{clause_id}.note", None, note)

    def _set_column(self, vendor_id: int, clause_id: str, column: str, value: object) -> bool:
        with self.store.transaction():
            self.store.vendor_by_id(vendor_id)
            row = self.store.db.execute(
                f"SELECT {column} FROM negotiations WHERE vendor_id = ? AND clause_id = ?",
                [vendor_id, clause_id],
            ).fetchone()
            old = row[0] if row else _COLUMN_DEFAULTS[column]
            if old == value:
                return False
            self._write(vendor_id, clause_id, column, value)
            self.store._audit("negotiation", vendor_id, f"{clause_id}.{column}", old, value)
        return True

    def _write(self, vendor_id: int, clause_id: str, column: str, value: object) -> None:
        self.store.db.execute(
            "INSERT INTO negotiations (vendor_id, clause_id, updated_at) VALUES (?, ?, ?)"
            " ON CONFLICT DO NOTHING",
            [vendor_id, clause_id, _now()],
        )
        self.store.db.execute(
            f"UPDATE negotiations SET {column} = ?, updated_at = ?"
            " WHERE vendor_id = ? AND clause_id = ?",
            [value, _now(), vendor_id, clause_id],
        )


_COLUMN_DEFAULTS: dict[str, object] = {
    "included": 1,
    "position": "preferred",
    "vendor_wording": None,
    "status": NegotiationStatus.PROPOSED.value,
}


def _status(clause_id: str, raw: NegotiationStatus | str) -> NegotiationStatus:
    try:
        return NegotiationStatus(str(raw).strip().lower())
    except ValueError:
        allowed = ", ".join(status.value for status in NegotiationStatus)
        raise NegotiationError(f"{clause_id}: status {raw!r} is not one of {allowed}") from None


def _negotiation_from_row(vendor_id: int, row: tuple[object, ...]) -> ClauseNegotiation:
    clause_id, included, position, overrides, wording, status = row
    return ClauseNegotiation(
        vendor_id=vendor_id,
        clause_id=str(clause_id),
        included=bool(included),
        position=str(position),
        overrides=json.loads(str(overrides)),
        vendor_wording=None if wording is None else str(wording),
        status=NegotiationStatus(str(status)),
        stored=True,
    )
