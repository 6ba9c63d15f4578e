"""The SQLite store: schema, transactions, audit trail, round trips and bad files."""

from __future__ import annotations

import sqlite3
import string
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models import database
from models.checklist import load_checklist
from models.database import APPLICATION_ID
from models.errors import (
    AnswerValueError,
    DatabaseInUseError,
    DuplicateVendorError,
    InvalidFieldError,
    NotOurDatabaseError,
    StorageError,
    VendorNotFoundError,
)
from models.store import Store
from models.vendors import LONG_TEXT_LIMIT, BaaStatus


def test_new_file_gets_full_schema(db_path: Path) -> None:
    Store(db_path).close()
    conn = sqlite3.connect(db_path)
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {
        "practice",
        "practice_targets",
        "vendors",
        "answers",
        "baa_wording",
        "audit_trail",
    } <= tables
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    applied = conn.execute("SELECT name FROM _sqlite_migrations").fetchall()
    assert ("0001_initial",) in applied


def test_reopening_applies_no_migration_twice(db_path: Path) -> None:
    Store(db_path).close()
    Store(db_path).close()
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0] == len(
        conn.execute("SELECT DISTINCT name FROM _sqlite_migrations").fetchall()
    )


def test_foreign_keys_are_on(fresh_db: Store) -> None:
    assert fresh_db.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_missing_folder_is_created(tmp_path: Path) -> None:
    with Store(tmp_path / "a" / "b" / "w.sqlite") as store:
        assert store.vendors() == []


def test_vendor_names_are_unique_ignoring_case(fresh_db: Store) -> None:
    fresh_db.add_vendor("Acme Backup")
    with pytest.raises(DuplicateVendorError, match="already exists"):
        fresh_db.add_vendor("  ACME   backup ")
    assert fresh_db.vendor("acme BACKUP").name == "Acme Backup"


def test_rename_to_taken_name_is_rejected(fresh_db: Store) -> None:
    fresh_db.add_vendor("One")
    two = fresh_db.add_vendor("Two")
    with pytest.raises(DuplicateVendorError):
        fresh_db.update_vendor(two.id, name="one")
    assert fresh_db.update_vendor(two.id, name="TWO").name == "TWO"


def test_unknown_vendor_is_reported(fresh_db: Store) -> None:
    with pytest.raises(VendorNotFoundError, match="no vendor named 'Ghost'"):
        fresh_db.vendor("Ghost")


def test_vendor_fields_are_validated(fresh_db: Store) -> None:
    with pytest.raises(InvalidFieldError, match="baa_next_review"):
        fresh_db.add_vendor("X", baa_next_review="next tuesday")
    with pytest.raises(InvalidFieldError, match="baa_status"):
        fresh_db.add_vendor("X", baa_status="pending")
    with pytest.raises(InvalidFieldError, match="needs a name"):
        fresh_db.add_vendor(" \t")
    assert fresh_db.vendors() == []


def test_vendor_profile_round_trip(fresh_db: Store) -> None:
    vendor = fresh_db.add_vendor(
        "Acme", service="Backup", baa_status="in negotiation", baa_next_review="2027-02-01"
    )
    assert vendor.baa_status is BaaStatus.IN_NEGOTIATION
    assert vendor.baa_next_review == "2027-02-01"
    assert fresh_db.vendor("acme").service == "Backup"


def test_control_characters_are_removed(fresh_db: Store) -> None:
    vendor = fresh_db.add_vendor("Ac\x00me\x1b", notes="line one\r\nline\x07 two")
    assert vendor.name == "Acme"
    assert vendor.notes == "line one\nline two"


def test_huge_text_is_rejected_without_writing(fresh_db: Store) -> None:
    vendor = fresh_db.add_vendor("Acme")
    with pytest.raises(InvalidFieldError, match="limit is"):
        fresh_db.set_wording(vendor.id, "baa.return_or_destroy", "x" * (LONG_TEXT_LIMIT + 1))
    assert fresh_db.wording(vendor.id) == {}


def test_delete_removes_answers_and_wording(fresh_db: Store) -> None:
    vendor = fresh_db.add_vendor("Acme")
    fresh_db.set_answer(vendor.id, "access.mfa", "yes")
    fresh_db.set_wording(vendor.id, "baa.return_or_destroy", "if feasible")
    fresh_db.delete_vendor(vendor.id)
    assert fresh_db.db.execute("SELECT count(*) FROM answers").fetchone()[0] == 0
    assert fresh_db.db.execute("SELECT count(*) FROM baa_wording").fetchone()[0] == 0


def test_bad_value_in_batch_writes_nothing(fresh_db: Store) -> None:
    vendor = fresh_db.add_vendor("Acme")
    with pytest.raises(AnswerValueError, match="recovery.rto_hours"):
        fresh_db.set_answers(
            vendor.id,
            {"access.mfa": ("yes", None, None), "recovery.rto_hours": ("soon", None, None)},
        )
    assert fresh_db.answers(vendor.id) == {}


def test_failure_inside_transaction_rolls_back(fresh_db: Store) -> None:
    vendor = fresh_db.add_vendor("Acme")
    with pytest.raises(RuntimeError), fresh_db.transaction():
        fresh_db.set_answer(vendor.id, "access.mfa", "yes")
        raise RuntimeError("simulated crash")
    assert fresh_db.answers(vendor.id) == {}


def test_answer_edits_are_audited(fresh_db: Store) -> None:
    vendor = fresh_db.add_vendor("Acme")
    fresh_db.set_answer(vendor.id, "recovery.rto_hours", "4", note="per SLA", source="call")
    fresh_db.set_answer(vendor.id, "recovery.rto_hours", 6)
    entries = fresh_db.audit_trail("answer", vendor.id)
    changes = [(entry.field, entry.old_value, entry.new_value) for entry in entries]
    assert ("recovery.rto_hours.value", None, "4") in changes
    assert ("recovery.rto_hours.note", "", "per SLA") in changes
    assert ("recovery.rto_hours.value", "4", "6") in changes
    assert all(entry.user for entry in entries)


def test_unchanged_answer_is_not_audited(fresh_db: Store) -> None:
    vendor = fresh_db.add_vendor("Acme")
    fresh_db.set_answer(vendor.id, "access.mfa", "yes")
    before = len(fresh_db.audit_trail())
    fresh_db.set_answer(vendor.id, "access.mfa", "YES")
    assert len(fresh_db.audit_trail()) == before


def test_audit_trail_is_append_only(fresh_db: Store) -> None:
    fresh_db.add_vendor("Acme")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        fresh_db.db.execute("UPDATE audit_trail SET user = 'mallory'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        fresh_db.db.execute("DELETE FROM audit_trail")


def test_practice_targets_and_weights(fresh_db: Store) -> None:
    fresh_db.update_practice(name="Maple Dental", state="OH")
    fresh_db.set_target("incident.notification_hours", "24", source="state law")
    fresh_db.set_target("encryption.in_transit_tls", "1.3")
    fresh_db.set_weight("access.mfa", 5)
    practice = fresh_db.practice()
    assert practice.name == "Maple Dental"
    assert practice.targets == {
        "incident.notification_hours": 24.0,
        "encryption.in_transit_tls": "1.3",
    }
    assert practice.target_sources["incident.notification_hours"] == "state law"
    assert practice.weights == {"access.mfa": 5}
    fresh_db.reset_targets()
    assert fresh_db.practice().targets == {}


@pytest.mark.parametrize(
    ("item_id", "target"),
    [("access.mfa", "no"), ("encryption.in_transit_tls", "2.0"), ("recovery.rto_hours", "-1")],
)
def test_invalid_target_is_rejected(fresh_db: Store, item_id: str, target: str) -> None:
    with pytest.raises(AnswerValueError, match=item_id):
        fresh_db.set_target(item_id, target)


def test_invalid_weight_is_rejected(fresh_db: Store) -> None:
    with pytest.raises(AnswerValueError, match="out of range"):
        fresh_db.set_weight("access.mfa", 9)


CHECKLIST = load_checklist()
_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"])
    | st.sampled_from("\n\t\"'«»’“”"),
    max_size=200,
)


def _value_for(item_id: str) -> st.SearchStrategy:
    item = CHECKLIST.item(item_id)
    if item.unit:
        return st.floats(min_value=0, max_value=1e9, allow_nan=False).map(lambda v: round(v, 3))
    return st.sampled_from([*item.options, None])


@given(
    st.lists(st.sampled_from(sorted(CHECKLIST.items)), unique=True, max_size=12).flatmap(
        lambda ids: st.fixed_dictionaries(
            {item_id: st.tuples(_value_for(item_id), _text) for item_id in ids}
        )
    )
)
def test_answers_round_trip(tmp_path_factory: pytest.TempPathFactory, answers: dict) -> None:
    path = tmp_path_factory.mktemp("rt") / "w.sqlite"
    with Store(path) as store:
        vendor = store.add_vendor("Acme")
        store.set_answers(vendor.id, {k: (v, note, "src") for k, (v, note) in answers.items()})
    with Store(path) as store:
        stored = store.answers(vendor.id)
    for item_id, (value, note) in answers.items():
        if value is None and not note:
            assert item_id not in stored or stored[item_id].value is None
            continue
        assert stored[item_id].value == (float(value) if isinstance(value, float) else value)
        assert stored[item_id].note == note


@given(_text.filter(lambda text: text.strip() != ""))
def test_wording_round_trip(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    path = tmp_path_factory.mktemp("rt") / "w.sqlite"
    with Store(path) as store:
        vendor = store.add_vendor("Acme")
        store.set_wording(vendor.id, "incident.notification_hours", text)
        assert store.wording(vendor.id) == {"incident.notification_hours": text.strip()}


@given(
    st.text(alphabet=string.ascii_letters + " ’“”&<>'\"", min_size=1, max_size=60).filter(str.strip)
)
def test_vendor_name_round_trip(tmp_path_factory: pytest.TempPathFactory, name: str) -> None:
    path = tmp_path_factory.mktemp("rt") / "w.sqlite"
    with Store(path) as store:
        vendor = store.add_vendor(name)
        assert store.vendor(name).id == vendor.id
        assert vendor.name == " ".join(name.split())


def test_text_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("these are my notes", encoding="utf-8")
    with pytest.raises(NotOurDatabaseError, match="not an SQLite file"):
        Store(path)
    assert path.read_text(encoding="utf-8") == "these are my notes"


def test_other_programs_database_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(NotOurDatabaseError, match="another program"):
        Store(path)
    conn = sqlite3.connect(path)
    assert [row[0] for row in conn.execute("SELECT name FROM sqlite_master")] == ["photos"]


def test_corrupt_database_is_reported(db_path: Path) -> None:
    Store(db_path).close()
    data = bytearray(db_path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    db_path.write_bytes(bytes(data))
    with (
        pytest.raises(StorageError, match="damaged or not a database|database operation failed"),
        Store(db_path) as store,
    ):
        store.vendors()


def test_folder_as_database_is_reported(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="is a folder"):
        Store(tmp_path)


def test_second_instance_sees_first_instance_writes(db_path: Path) -> None:
    first, second = Store(db_path), Store(db_path)
    first.add_vendor("Acme")
    assert [vendor.name for vendor in second.vendors()] == ["Acme"]
    second.add_vendor("Beta")
    assert len(first.vendors()) == 2
    first.close()
    second.close()


def test_locked_database_reports_in_use(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("models.database.BUSY_TIMEOUT", 0.05)
    Store(db_path).close()
    blocker = sqlite3.connect(db_path)
    blocker.execute("BEGIN IMMEDIATE")
    store = Store(db_path)
    with pytest.raises(DatabaseInUseError, match="in use by another program"):
        store.add_vendor("Acme")
    blocker.rollback()
    store.add_vendor("Acme")
    assert [vendor.name for vendor in store.vendors()] == ["Acme"]
    store.close()
    blocker.close()


def test_failed_migration_leaves_schema_unchanged(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Store(db_path).close()

    def broken_migration(db) -> None:  # type: ignore[no-untyped-def]
        db.execute("CREATE TABLE half_done (id INTEGER)")
        raise RuntimeError("simulated failure in a migration")

    monkeypatch.setattr(
        "models.database.MIGRATIONS", [*database.MIGRATIONS, ("9999_broken", broken_migration)]
    )
    with pytest.raises(RuntimeError, match="simulated failure"):
        Store(db_path)
    conn = sqlite3.connect(db_path)
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    assert "half_done" not in tables
    names = {row[0] for row in conn.execute("SELECT name FROM _sqlite_migrations")}
    assert "9999_broken" not in names


def test_writes_are_one_transaction_per_operation(fresh_db: Store) -> None:
    vendor = fresh_db.add_vendor("Acme")
    statements: list[str] = []
    fresh_db.db.set_trace_callback(statements.append)
    fresh_db.set_answers(
        vendor.id, {"access.mfa": ("yes", None, None), "access.rbac": ("no", None, None)}
    )
    fresh_db.db.set_trace_callback(None)
    assert statements.count("BEGIN IMMEDIATE") == 1
    assert statements.count("COMMIT") == 1


def test_bidi_overrides_are_removed(fresh_db: Store) -> None:
    vendor = fresh_db.add_vendor("Acme\u202e Backup\u2066")
    assert vendor.name == "Acme Backup"
