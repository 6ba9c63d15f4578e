"""The vendor JSON exchange file: round trip, idempotent import, every bad input."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.errors import VendorFileError
from models.store import Store
from models.vendor_json import FORMAT, export_vendor, import_vendor, parse_vendor_file


def _import(store: Store, document: object) -> tuple:
    data = json.dumps(document).encode() if not isinstance(document, bytes) else document
    record = parse_vendor_file(data, store.checklist, "vendor.json")
    return import_vendor(store, record, source="vendor.json")


def _minimal(**extra: object) -> dict:
    return {"format": FORMAT, "name": "Acme Backup", **extra}


def test_export_then_import_into_new_database(demo_db: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    original = demo_db.vendor("Harborline Backup")
    document = export_vendor(demo_db, original)
    with Store(tmp_path / "other.sqlite") as other:
        vendor, created = _import(other, document)
        assert created
        assert export_vendor(other, vendor) == document


def test_import_twice_updates_instead_of_duplicating(fresh_db: Store) -> None:
    document = _minimal(answers={"access.mfa": {"value": "yes"}})
    _, created = _import(fresh_db, document)
    document["answers"]["access.mfa"]["value"] = "no"
    document["name"] = "ACME BACKUP"
    vendor, created_again = _import(fresh_db, document)
    assert created and not created_again
    assert len(fresh_db.vendors()) == 1
    assert fresh_db.answers(vendor.id)["access.mfa"].value == "no"


def test_import_records_file_as_source(fresh_db: Store) -> None:
    vendor, _ = _import(fresh_db, _minimal(answers={"recovery.rto_hours": {"value": 4}}))
    assert fresh_db.answers(vendor.id)["recovery.rto_hours"].source == "vendor.json"


def test_unknown_value_clears_an_answer(fresh_db: Store) -> None:
    vendor, _ = _import(fresh_db, _minimal(answers={"access.mfa": "yes"}))
    _import(fresh_db, _minimal(answers={"access.mfa": {"value": "unknown"}}))
    assert fresh_db.answers(vendor.id)["access.mfa"].value is None


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (_minimal(format="other/9"), "$.format: expected"),
        ({"format": FORMAT}, "$.name: a vendor needs a name"),
        (
            _minimal(answers={"nope.item": {"value": "yes"}}),
            '$.answers["nope.item"]: unknown checklist item id',
        ),
        (
            _minimal(answers={"recovery.rto_hours": {"value": "fast"}}),
            '$.answers["recovery.rto_hours"]: expected a number',
        ),
        (_minimal(answers={"recovery.rto_hours": {"value": -4}}), "out of range"),
        (_minimal(answers={"recovery.rto_hours": {"value": 1e300}}), "out of range"),
        (_minimal(answers={"access.mfa": {"value": True}}), '$.answers["access.mfa"]'),
        (_minimal(answers=[1, 2]), "$.answers: expected an object"),
        (_minimal(baa={"status": "pending"}), "$.baa.status"),
        (_minimal(baa={"next_review": "soon"}), "$.baa.next_review"),
        (
            _minimal(current_wording={"access.mfa": 12}),
            '$.current_wording["access.mfa"]: expected text',
        ),
        (_minimal(notes="x" * 200_001), "$.notes: text is 200,001 characters long"),
        (_minimal(website=["a"]), "$.website: expected text"),
        (_minimal(colour="blue"), "$.colour: unknown field"),
        ([1, 2, 3], "$: expected a JSON object"),
    ],
)
def test_bad_document_is_rejected_with_path(
    fresh_db: Store, document: object, message: str
) -> None:
    with pytest.raises(VendorFileError) as raised:
        _import(fresh_db, document)
    assert message in str(raised.value)
    assert fresh_db.vendors() == []
    assert fresh_db.audit_trail() == []


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"{not json", "malformed JSON at line 1"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        (b"", "malformed JSON"),
    ],
)
def test_unreadable_bytes_are_rejected(fresh_db: Store, data: bytes, message: str) -> None:
    with pytest.raises(VendorFileError, match=message):
        _import(fresh_db, data)


def test_every_problem_is_reported_at_once(fresh_db: Store) -> None:
    document = {"format": "x", "answers": {"a.b": 1, "access.mfa": "maybe"}}
    with pytest.raises(VendorFileError) as raised:
        _import(fresh_db, document)
    assert len(raised.value.problems) == 4


def test_control_characters_are_cleaned_not_rejected(fresh_db: Store) -> None:
    vendor, _ = _import(
        fresh_db, _minimal(notes="ok\x00\x1b[31m red", current_wording={"access.mfa": "a\x07b"})
    )
    assert vendor.notes == "ok[31m red"
    assert fresh_db.wording(vendor.id) == {"access.mfa": "ab"}


def test_multi_megabyte_file_is_rejected_before_parsing(fresh_db: Store) -> None:
    with pytest.raises(VendorFileError, match="larger than"):
        _import(fresh_db, b" " * 20_000_001)


@given(
    st.text(min_size=1, max_size=40).filter(
        lambda s: (
            s.strip()
            and not any(ord(c) < 32 or 127 <= ord(c) < 160 or 0xD800 <= ord(c) < 0xE000 for c in s)
        )
    ),
    st.text(max_size=300),
)
def test_round_trip_of_any_name_and_note(tmp_path_factory, name: str, note: str) -> None:  # type: ignore[no-untyped-def]
    with Store(tmp_path_factory.mktemp("j") / "w.sqlite") as store:
        vendor, _ = _import(
            store, _minimal(name=name, answers={"access.mfa": {"value": "yes", "note": note}})
        )
        document = export_vendor(store, vendor)
        assert document["name"] == " ".join(name.split())
        stored_note = document["answers"]["access.mfa"]["note"]
        again, created = _import(store, document)
        assert not created
        assert store.answers(again.id)["access.mfa"].note == stored_note
