"""Negotiation state per vendor and clause: storage, rounds, transitions, audit trail."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from models.errors import InvalidFieldError, VendorNotFoundError
from models.negotiation import NegotiationError, Negotiations, NegotiationStatus
from models.store import Store

CLAUSE = "incident.notification_deadline"


@pytest.fixture
def vendor_id(fresh_db: Store) -> int:
    return fresh_db.add_vendor("Acme Backup").id


def test_defaults_before_anything_is_stored(fresh_db: Store, vendor_id: int) -> None:
    negotiation = Negotiations(fresh_db).get(vendor_id, CLAUSE)
    assert negotiation.included
    assert negotiation.position == "preferred"
    assert negotiation.status is NegotiationStatus.PROPOSED
    assert negotiation.vendor_wording is None
    assert not negotiation.stored


def test_changes_are_stored_and_reread(db_path: Path, fresh_db: Store, vendor_id: int) -> None:
    negotiations = Negotiations(fresh_db)
    negotiations.set_included(vendor_id, CLAUSE, False)
    negotiations.set_position(vendor_id, CLAUSE, "walk_away")
    negotiations.set_override(vendor_id, CLAUSE, "notification_hours", "24")
    negotiations.set_vendor_wording(vendor_id, CLAUSE, "within sixty (60) days")
    fresh_db.close()
    with Store(db_path) as reopened:
        negotiation = Negotiations(reopened).get(vendor_id, CLAUSE)
    assert not negotiation.included
    assert negotiation.position == "walk_away"
    assert negotiation.overrides == {"notification_hours": "24"}
    assert negotiation.vendor_wording == "within sixty (60) days"


def test_every_change_is_audited(fresh_db: Store, vendor_id: int) -> None:
    negotiations = Negotiations(fresh_db)
    negotiations.set_position(vendor_id, CLAUSE, "fallback")
    negotiations.set_override(vendor_id, CLAUSE, "notification_hours", "24")
    negotiations.set_override(vendor_id, CLAUSE, "notification_hours", None)
    negotiations.record_round(vendor_id, CLAUSE, "countered", "vendor offers 72 hours")
    negotiations.set_parameter(vendor_id, "effective_date", "2027-01-01")
    trail = [
        (entry.field, entry.old_value, entry.new_value)
        for entry in fresh_db.audit_trail("negotiation", vendor_id)
    ]
    assert trail == [
        (f"{CLAUSE}.position", "preferred", "fallback"),
        (f"{CLAUSE}.parameter.notification_hours", None, "24"),
        (f"{CLAUSE}.parameter.notification_hours", "24", None),
        (f"{CLAUSE}.status", "proposed", "countered"),
        (f"{CLAUSE}.note", None, "vendor offers 72 hours"),
        ("parameter.effective_date", None, "2027-01-01"),
    ]


def test_unchanged_value_writes_nothing(fresh_db: Store, vendor_id: int) -> None:
    negotiations = Negotiations(fresh_db)
    negotiations.set_position(vendor_id, CLAUSE, "preferred")
    negotiations.set_included(vendor_id, CLAUSE, True)
    assert fresh_db.audit_trail("negotiation") == []
    assert negotiations.for_vendor(vendor_id) == {}


def test_rounds_are_dated_in_order(fresh_db: Store, vendor_id: int) -> None:
    negotiations = Negotiations(fresh_db)
    negotiations.record_round(vendor_id, CLAUSE, "countered", "round one")
    negotiations.record_round(vendor_id, CLAUSE, NegotiationStatus.COUNTERED, "round two")
    negotiations.record_round(vendor_id, CLAUSE, "agreed", "")
    negotiation = negotiations.get(vendor_id, CLAUSE)
    assert [(r.status.value, r.note) for r in negotiation.rounds] == [
        ("countered", "round one"),
        ("countered", "round two"),
        ("agreed", ""),
    ]
    assert all(r.at.startswith("20") for r in negotiation.rounds)
    assert negotiation.status is NegotiationStatus.AGREED


@pytest.mark.parametrize(
    ("path", "bad"),
    [
        ([], "proposed"),
        (["dropped"], "agreed"),
        (["agreed"], "agreed"),
        (["dropped"], "countered"),
    ],
)
def test_invalid_transition_is_rejected(
    fresh_db: Store, vendor_id: int, path: list[str], bad: str
) -> None:
    negotiations = Negotiations(fresh_db)
    for status in path:
        negotiations.record_round(vendor_id, CLAUSE, status)
    with pytest.raises(NegotiationError, match=f"cannot go from .* to {bad}"):
        negotiations.record_round(vendor_id, CLAUSE, bad)


def test_dropped_clause_can_be_proposed_again(fresh_db: Store, vendor_id: int) -> None:
    negotiations = Negotiations(fresh_db)
    negotiations.record_round(vendor_id, CLAUSE, "dropped")
    assert not negotiations.get(vendor_id, CLAUSE).in_addendum
    negotiations.record_round(vendor_id, CLAUSE, "proposed", "try again next year")
    assert negotiations.get(vendor_id, CLAUSE).in_addendum


def test_unknown_status_is_rejected(fresh_db: Store, vendor_id: int) -> None:
    with pytest.raises(NegotiationError, match="status 'signed' is not one of proposed"):
        Negotiations(fresh_db).record_round(vendor_id, CLAUSE, "signed")


def test_unknown_position_is_rejected(fresh_db: Store, vendor_id: int) -> None:
    with pytest.raises(NegotiationError, match="position 'best' is not one of"):
        Negotiations(fresh_db).set_position(vendor_id, CLAUSE, "best")


def test_unknown_vendor_is_rejected(fresh_db: Store) -> None:
    with pytest.raises(VendorNotFoundError):
        Negotiations(fresh_db).set_position(999, CLAUSE, "fallback")


def test_too_long_note_is_rejected(fresh_db: Store, vendor_id: int) -> None:
    with pytest.raises(InvalidFieldError, match="limit is 4,000"):
        Negotiations(fresh_db).record_round(vendor_id, CLAUSE, "countered", "x" * 4001)


def test_control_characters_are_removed(fresh_db: Store, vendor_id: int) -> None:
    negotiations = Negotiations(fresh_db)
    negotiations.set_vendor_wording(vendor_id, CLAUSE, "sixty\x00 (60)\x1b days")
    assert negotiations.get(vendor_id, CLAUSE).vendor_wording == "sixty (60) days"


def test_empty_wording_differs_from_recorded_wording(fresh_db: Store, vendor_id: int) -> None:
    negotiations = Negotiations(fresh_db)
    negotiations.set_vendor_wording(vendor_id, CLAUSE, "")
    assert negotiations.get(vendor_id, CLAUSE).vendor_wording == ""
    negotiations.set_vendor_wording(vendor_id, CLAUSE, None)
    assert negotiations.get(vendor_id, CLAUSE).vendor_wording is None


def test_deleting_vendor_deletes_negotiation(fresh_db: Store, vendor_id: int) -> None:
    negotiations = Negotiations(fresh_db)
    negotiations.record_round(vendor_id, CLAUSE, "countered", "note")
    negotiations.set_parameter(vendor_id, "effective_date", "2027-01-01")
    fresh_db.delete_vendor(vendor_id)
    for table in ("negotiations", "negotiation_rounds", "negotiation_parameters"):
        assert fresh_db.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0


def test_failed_round_leaves_no_trace(fresh_db: Store, vendor_id: int) -> None:
    negotiations = Negotiations(fresh_db)
    negotiations.record_round(vendor_id, CLAUSE, "agreed")
    with pytest.raises(NegotiationError):
        negotiations.record_round(vendor_id, CLAUSE, "agreed", "again")
    assert len(negotiations.get(vendor_id, CLAUSE).rounds) == 1


def test_migration_upgrades_database_without_negotiations(db_path: Path) -> None:
    Store(db_path).close()
    connection = sqlite3.connect(db_path)
    connection.executescript(
        "DROP TABLE negotiations; DROP TABLE negotiation_rounds; DROP TABLE negotiation_parameters;"
        " DELETE FROM _sqlite_migrations WHERE name = '0002_negotiations';"
    )
    connection.close()
    with Store(db_path) as store:
        vendor = store.add_vendor("Acme Backup")
        Negotiations(store).set_position(vendor.id, CLAUSE, "fallback")
        assert Negotiations(store).get(vendor.id, CLAUSE).position == "fallback"
