"""The workbench database: practice profile, vendors, answers, BAA wording, audit trail.

Each public method that writes is one transaction, and every change it makes
to stored data appends a row to the audit trail with the operating-system user.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import logging
import sqlite3
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from models.checklist import Checklist, Item, Value, format_value, load_checklist
from models.database import open_database, transaction, translate_errors
from models.errors import AnswerValueError, DuplicateVendorError, VendorNotFoundError
from models.practice import Practice, validate_target, validate_weight
from models.vendors import (
    LONG_TEXT_LIMIT,
    SHORT_TEXT_LIMIT,
    Answer,
    BaaStatus,
    Vendor,
    clean_name,
    clean_text,
    clean_vendor_field,
)

log = logging.getLogger(__name__)

PRACTICE_FIELDS = ("name", "state", "contact")


@dataclass(frozen=True)
class AuditEntry:
    at: str
    user: str
    entity: str
    entity_id: str
    field: str
    old_value: str | None
    new_value: str | None


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return "unknown"


class Store:
    """The database file with the operations the program performs on it."""

    def __init__(self, path: Path | str, checklist: Checklist | None = None) -> None:
        self.path = Path(path)
        self.checklist = checklist or load_checklist()
        self.db: sqlite3.Connection = open_database(self.path)
        self._user = _os_user()
        self._canonical_choices = {
            item.id: frozenset(item.options) for item in self.checklist if item.options
        }
        log.info("Opened database %s", self.path)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- transactions and the audit trail ------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Group writes into one transaction; nested calls join the outer one."""
        with translate_errors(self.path), transaction(self.db):
            yield

    @contextlib.contextmanager
    def _reading(self) -> Iterator[None]:
        with translate_errors(self.path):
            yield

    def _audit(self, entity: str, entity_id: object, field: str, old: object, new: object) -> None:
        self.db.execute(
            "INSERT INTO audit_trail (at, user, entity, entity_id, field, old_value, new_value)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [_now(), self._user, entity, str(entity_id), field, _audit_text(old), _audit_text(new)],
        )

    def audit_trail(self, entity: str | None = None, entity_id: object = None) -> list[AuditEntry]:
        sql = "SELECT at, user, entity, entity_id, field, old_value, new_value FROM audit_trail"
        where, params = [], []
        if entity is not None:
            where.append("entity = ?")
            params.append(entity)
        if entity_id is not None:
            where.append("entity_id = ?")
            params.append(str(entity_id))
        if where:
            sql += " WHERE " + " AND ".join(where)
        with self._reading():
            rows = self.db.execute(sql + " ORDER BY id", params).fetchall()
        return [AuditEntry(*row) for row in rows]

    # -- practice profile ----------------------------------------------------

    def practice(self) -> Practice:
        with self._reading():
            row = self.db.execute("SELECT name, state, contact FROM practice").fetchone()
            overrides = self.db.execute(
                "SELECT item_id, target, weight, source FROM practice_targets"
            ).fetchall()
        practice = Practice(name=row[0], state=row[1], contact=row[2])
        for item_id, target, weight, source in overrides:
            item = self.checklist.items.get(item_id)
            if item is None:
                continue  # an item a later checklist retired; kept, not scored
            if target is not None:
                practice.targets[item_id] = validate_target(item, target)
            if weight is not None:
                practice.weights[item_id] = weight
            if source:
                practice.target_sources[item_id] = source
        return practice

    def update_practice(self, **fields: object) -> None:
        """Change the practice's name, state or contact."""
        cleaned = {}
        for key, raw in fields.items():
            if key not in PRACTICE_FIELDS:
                raise ValueError(f"unknown practice field {key!r}")
            cleaned[key] = clean_text(raw, key, SHORT_TEXT_LIMIT).strip()
        with self.transaction():
            row = self.db.execute("SELECT name, state, contact FROM practice").fetchone()
            old = dict(zip(PRACTICE_FIELDS, row, strict=True))
            for key, value in cleaned.items():
                if old[key] != value:
                    self.db.execute(
                        f"UPDATE practice SET {key} = ?, updated_at = ?", [value, _now()]
                    )
                    self._audit("practice", "", key, old[key], value)

    def set_target(self, item_id: str, target: object, source: str | None = None) -> None:
        """Override the checklist's default target for one item; None restores the default."""
        item = self.checklist.item(item_id)
        value = None if target is None else format_value(validate_target(item, target))
        self._set_override(item_id, "target", value)
        if source is not None:
            self._set_override(item_id, "source", clean_text(source, "source"))

    def set_weight(self, item_id: str, weight: object) -> None:
        """Override the checklist's default weight for one item; None restores the default."""
        self.checklist.item(item_id)
        value = None if weight is None else validate_weight(item_id, weight)
        self._set_override(item_id, "weight", value)

    def _set_override(self, item_id: str, column: str, value: object) -> None:
        with self.transaction():
            row = self.db.execute(
                f"SELECT {column} FROM practice_targets WHERE item_id = ?", [item_id]
            ).fetchone()
            old = row[0] if row else None
            if old == value:
                return
            self.db.execute(
                "INSERT INTO practice_targets (item_id) VALUES (?) ON CONFLICT DO NOTHING",
                [item_id],
            )
            self.db.execute(
                f"UPDATE practice_targets SET {column} = ? WHERE item_id = ?", [value, item_id]
            )
            self._audit("practice_target", item_id, column, old, value)

    def reset_targets(self) -> None:
        """Drop every target and weight override so the checklist defaults apply."""
        with self.transaction():
            rows = self.db.execute("SELECT item_id, target, weight FROM practice_targets")
            for item_id, target, weight in rows.fetchall():
                self._audit("practice_target", item_id, "target", target, None)
                self._audit("practice_target", item_id, "weight", weight, None)
            self.db.execute("DELETE FROM practice_targets")

    # -- vendors -------------------------------------------------------------

    def vendors(self) -> list[Vendor]:
        """Return all vendors, sorted by name ignoring case."""
        with self._reading():
            rows = self.db.execute(_VENDOR_SELECT + " ORDER BY name COLLATE NOCASE").fetchall()
        return [_vendor_from_row(row) for row in rows]

    def vendor(self, name: str) -> Vendor:
        """Return the vendor called *name*, ignoring case and surrounding spaces."""
        with self._reading():
            row = self.db.execute(
                _VENDOR_SELECT + " WHERE name = ? COLLATE NOCASE", [" ".join(str(name).split())]
            ).fetchone()
        if row is None:
            raise VendorNotFoundError(f"no vendor named {name!r}; `vendors list` shows the names")
        return _vendor_from_row(row)

    def vendor_by_id(self, vendor_id: int) -> Vendor:
        with self._reading():
            row = self.db.execute(_VENDOR_SELECT + " WHERE id = ?", [vendor_id]).fetchone()
        if row is None:
            raise VendorNotFoundError(f"no vendor with id {vendor_id}")
        return _vendor_from_row(row)

    def find_vendor(self, name: str) -> Vendor | None:
        try:
            return self.vendor(name)
        except VendorNotFoundError:
            return None

    def add_vendor(self, name: str, **fields: object) -> Vendor:
        """Create a vendor; the name must be unique ignoring case."""
        cleaned = {key: clean_vendor_field(key, raw) for key, raw in fields.items()}
        cleaned["name"] = clean_name(name)
        now = _now()
        with self.transaction():
            if self.find_vendor(str(cleaned["name"])) is not None:
                raise DuplicateVendorError(
                    f"a vendor named {cleaned['name']!r} already exists; choose another name"
                )
            row = {**cleaned, "created_at": now, "updated_at": now}
            cursor = self.db.execute(
                f"INSERT INTO vendors ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                list(row.values()),
            )
            vendor_id = int(cursor.lastrowid or 0)
            self._audit("vendor", vendor_id, "created", None, cleaned["name"])
            for key, value in cleaned.items():
                if key != "name" and value:
                    self._audit("vendor", vendor_id, key, None, value)
        log.info("Added vendor %s", vendor_id)
        return self.vendor_by_id(vendor_id)

    def update_vendor(self, vendor_id: int, **fields: object) -> Vendor:
        """Change profile fields of a vendor (renaming included)."""
        cleaned = {key: clean_vendor_field(key, raw) for key, raw in fields.items()}
        with self.transaction():
            current = self.vendor_by_id(vendor_id)
            if "name" in cleaned:
                other = self.find_vendor(str(cleaned["name"]))
                if other is not None and other.id != vendor_id:
                    raise DuplicateVendorError(
                        f"a vendor named {cleaned['name']!r} already exists; choose another name"
                    )
            for key, value in cleaned.items():
                old = getattr(current, key)
                if old != value:
                    self.db.execute(
                        f"UPDATE vendors SET {key} = ?, updated_at = ? WHERE id = ?",
                        [value, _now(), vendor_id],
                    )
                    self._audit("vendor", vendor_id, key, old, value)
        return self.vendor_by_id(vendor_id)

    def delete_vendor(self, vendor_id: int) -> None:
        """Delete a vendor with its answers and wording; the audit trail keeps the history."""
        with self.transaction():
            vendor = self.vendor_by_id(vendor_id)
            self.db.execute("DELETE FROM vendors WHERE id = ?", [vendor_id])
            self._audit("vendor", vendor_id, "deleted", vendor.name, None)
        log.info("Deleted vendor %s", vendor_id)

    # -- answers and wording -------------------------------------------------

    def answers(self, vendor_id: int) -> dict[str, Answer]:
        with self._reading():
            rows = self.db.execute(
                "SELECT item_id, value, note, source, updated_at FROM answers WHERE vendor_id = ?",
                [vendor_id],
            ).fetchall()
        return {
            row[0]: self._answer_from_row(row) for row in rows if row[0] in self.checklist.items
        }

    def answer_values(self) -> dict[int, dict[str, Value | None]]:
        """Return every vendor's answer values by vendor id, ready for scoring."""
        with self._reading():
            vendor_ids = [row[0] for row in self.db.execute("SELECT id FROM vendors")]
            rows = self.db.execute("SELECT vendor_id, item_id, value FROM answers").fetchall()
        values: dict[int, dict[str, Value | None]] = {vendor_id: {} for vendor_id in vendor_ids}
        # Stored values are canonical, so a set lookup or float() reads nearly all of them.
        # Only a value that an older checklist allowed goes through full validation.
        choices = self._canonical_choices
        items = self.checklist.items
        for vendor_id, item_id, raw in rows:
            if raw is None or item_id not in items:
                continue
            allowed = choices.get(item_id)
            if allowed is None:
                values[vendor_id][item_id] = _stored_number(items[item_id], raw)
            elif raw in allowed:
                values[vendor_id][item_id] = raw
            else:
                values[vendor_id][item_id] = _stored_value(items[item_id], raw)
        return values

    def set_answer(
        self,
        vendor_id: int,
        item_id: str,
        value: object,
        note: str | None = None,
        source: str | None = None,
    ) -> None:
        """Record one answer; None for *note* or *source* keeps what is stored."""
        self.set_answers(vendor_id, {item_id: (value, note, source)})

    def set_answers(
        self,
        vendor_id: int,
        changes: Mapping[str, tuple[object, str | None, str | None]],
    ) -> int:
        """Record several answers in one transaction; return how many fields changed.

        Every value is validated before anything is written.
        """
        prepared = {}
        for item_id, (raw, note, source) in changes.items():
            item = self.checklist.item(item_id)
            prepared[item_id] = (
                format_value(item.parse_value(raw)) or None,
                None if note is None else clean_text(note, f"{item_id} note", LONG_TEXT_LIMIT),
                None if source is None else clean_text(source, f"{item_id} source"),
            )
        changed = 0
        with self.transaction():
            self.vendor_by_id(vendor_id)
            for item_id, new in prepared.items():
                changed += self._write_answer(vendor_id, item_id, *new)
            if changed:
                self.db.execute(
                    "UPDATE vendors SET updated_at = ? WHERE id = ?", [_now(), vendor_id]
                )
        return changed

    def _write_answer(
        self, vendor_id: int, item_id: str, value: str | None, note: str | None, source: str | None
    ) -> int:
        row = self.db.execute(
            "SELECT value, note, source FROM answers WHERE vendor_id = ? AND item_id = ?",
            [vendor_id, item_id],
        ).fetchone()
        old = dict(zip(("value", "note", "source"), row or (None, "", ""), strict=True))
        new = {
            "value": value,
            "note": old["note"] if note is None else note,
            "source": old["source"] if source is None else source,
        }
        diffs = [key for key in new if new[key] != old[key]]
        if not diffs:
            return 0
        self.db.execute(
            "INSERT INTO answers (vendor_id, item_id, value, note, source, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (vendor_id, item_id) DO UPDATE SET"
            " value = excluded.value, note = excluded.note, source = excluded.source,"
            " updated_at = excluded.updated_at",
            [vendor_id, item_id, new["value"], new["note"], new["source"], _now()],
        )
        for key in diffs:
            self._audit("answer", vendor_id, f"{item_id}.{key}", old[key], new[key])
        return len(diffs)

    def wording(self, vendor_id: int) -> dict[str, str]:
        """Return the vendor's current BAA wording by checklist item id."""
        with self._reading():
            rows = self.db.execute(
                "SELECT item_id, text FROM baa_wording WHERE vendor_id = ?", [vendor_id]
            ).fetchall()
        return dict(rows)

    def set_wording(self, vendor_id: int, item_id: str, text: str, source: str = "") -> None:
        """Record the vendor's current BAA wording for an item; empty text removes it."""
        self.set_wordings(vendor_id, {item_id: text}, source)

    def set_wordings(self, vendor_id: int, texts: Mapping[str, str], source: str = "") -> None:
        cleaned = {}
        for item_id, text in texts.items():
            self.checklist.item(item_id)
            cleaned[item_id] = clean_text(text, f"{item_id} wording", LONG_TEXT_LIMIT).strip()
        source = clean_text(source, "source")
        with self.transaction():
            self.vendor_by_id(vendor_id)
            old_texts = self.wording(vendor_id)
            for item_id, text in cleaned.items():
                self._write_wording(vendor_id, item_id, old_texts.get(item_id), text, source)

    def _write_wording(
        self, vendor_id: int, item_id: str, old: str | None, text: str, source: str
    ) -> None:
        if (old or "") == text:
            return
        if text:
            self.db.execute(
                "INSERT INTO baa_wording (vendor_id, item_id, text, source, updated_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (vendor_id, item_id) DO UPDATE SET"
                " text = excluded.text, source = excluded.source,"
                " updated_at = excluded.updated_at",
                [vendor_id, item_id, text, source, _now()],
            )
        else:
            self.db.execute(
                "DELETE FROM baa_wording WHERE vendor_id = ? AND item_id = ?",
                [vendor_id, item_id],
            )
        self._audit("wording", vendor_id, item_id, old, text or None)

    def _answer_from_row(self, row: tuple[Any, ...]) -> Answer:
        item_id, raw, note, source, updated_at = row
        value = None if raw is None else _stored_value(self.checklist.items[item_id], raw)
        return Answer(item_id, value, note, source, updated_at)


_VENDOR_SELECT = (
    "SELECT id, name, service, website, contact, notes, baa_status, baa_executed,"
    " baa_term_end, baa_next_review, updated_at FROM vendors"
)


def _vendor_from_row(row: tuple[Any, ...]) -> Vendor:
    fields = list(row)
    fields[6] = BaaStatus(fields[6])
    return Vendor(*fields)


def _stored_value(item: Item, raw: str) -> Value | None:
    """Parse a stored value; a value the current checklist rejects reads as unknown."""
    try:
        return item.parse_value(raw)
    except AnswerValueError as exc:
        log.warning("Stored answer of %s no longer fits the checklist: %s", item.id, exc)
        return None


def _stored_number(item: Item, raw: str) -> Value | None:
    try:
        return float(raw)
    except ValueError:
        return _stored_value(item, raw)


def _audit_text(value: object) -> str | None:
    if value is None:
        return None
    return str(value)
