"""The vendor JSON exchange format: move one vendor's profile between machines.

Format ``baa-workbench.vendor/1``::

    {"format": "baa-workbench.vendor/1",
     "name": "...", "service": "...", "website": "...", "contact": "...", "notes": "...",
     "baa": {"status": "signed", "executed": "2026-01-31", "term_end": "", "next_review": ""},
     "answers": {"incident.notification_hours": {"value": 24, "note": "", "source": ""}},
     "current_wording": {"incident.notification_hours": "Vendor shall notify ..."}}

Import validates the whole file before it writes anything, then creates the
vendor or updates the one with the same name (ignoring case) in one
transaction. Items the file does not mention keep their stored answers.
Control characters are removed from every text; texts over the field limits
are rejected.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from typing import Any

from models.checklist import Checklist, format_value
from models.errors import AnswerValueError, InvalidFieldError, VendorFileError, WorkbenchError
from models.store import Store
from models.vendors import (
    LONG_TEXT_LIMIT,
    SHORT_TEXT_LIMIT,
    Vendor,
    clean_text,
    clean_vendor_field,
)

log = logging.getLogger(__name__)

FORMAT = "baa-workbench.vendor/1"
# A complete vendor file is a few hundred kilobytes at most; larger is not ours.
MAX_FILE_BYTES = 20_000_000
_PROFILE_KEYS = ("service", "website", "contact", "notes")
_BAA_KEYS = {
    "status": "baa_status",
    "executed": "baa_executed",
    "term_end": "baa_term_end",
    "next_review": "baa_next_review",
}
_TOP_KEYS = {"format", "name", *_PROFILE_KEYS, "baa", "answers", "current_wording"}


@dataclass
class VendorRecord:
    """A validated vendor file, ready to write."""

    name: str
    profile: dict[str, object] = field(default_factory=dict)
    answers: dict[str, tuple[object, str, str]] = field(default_factory=dict)
    wording: dict[str, str] = field(default_factory=dict)


def export_vendor(store: Store, vendor: Vendor) -> dict[str, Any]:
    answers = store.answers(vendor.id)
    return {
        "format": FORMAT,
        "name": vendor.name,
        **{key: getattr(vendor, key) for key in _PROFILE_KEYS},
        "baa": {key: str(getattr(vendor, column)) for key, column in _BAA_KEYS.items()},
        "answers": {
            item_id: {
                "value": _json_value(answer.value),
                "note": answer.note,
                "source": answer.source,
            }
            for item_id, answer in sorted(answers.items())
        },
        "current_wording": dict(sorted(store.wording(vendor.id).items())),
    }


def _json_value(value: object) -> object:
    if value is None:
        return "unknown"
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    return value


def dumps_vendor(store: Store, vendor: Vendor) -> str:
    return json.dumps(export_vendor(store, vendor), indent=2, ensure_ascii=False) + "\n"


def parse_vendor_file(data: bytes, checklist: Checklist, source: str) -> VendorRecord:
    """Validate a vendor file's bytes and return the record to import.

    Raises:
        VendorFileError: listing every problem with its JSON path.
    """
    if len(data) > MAX_FILE_BYTES:
        raise VendorFileError(source, [f"$: file is larger than {MAX_FILE_BYTES:,} bytes"])
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise VendorFileError(source, [f"$: not UTF-8 text ({exc.reason})"]) from None
    except json.JSONDecodeError as exc:
        raise VendorFileError(
            source, [f"$: malformed JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"]
        ) from None
    return _Validator(checklist).record(document, source)


class _Validator:
    """Collect every problem of a vendor document instead of stopping at the first."""

    def __init__(self, checklist: Checklist) -> None:
        self.checklist = checklist
        self.problems: list[str] = []

    def record(self, document: object, source: str) -> VendorRecord:
        if not isinstance(document, dict):
            raise VendorFileError(source, ["$: expected a JSON object"])
        if document.get("format") != FORMAT:
            self.problems.append(f"$.format: expected {FORMAT!r}, got {document.get('format')!r}")
        for key in sorted(set(document) - _TOP_KEYS):
            self.problems.append(f"$.{key}: unknown field")
        name = self._field("$.name", "name", document.get("name"))
        record = VendorRecord(name=str(name or ""))
        for key in _PROFILE_KEYS:
            if key in document:
                record.profile[key] = self._field(f"$.{key}", key, document[key])
        self._baa(document.get("baa", {}), record)
        self._answers(document.get("answers", {}), record)
        self._wording(document.get("current_wording", {}), record)
        if self.problems:
            raise VendorFileError(source, self.problems)
        return record

    def _field(self, path: str, key: str, raw: object) -> object:
        try:
            return clean_vendor_field(key, raw)
        except InvalidFieldError as exc:
            self.problems.append(f"{path}: {_reason(exc)}")
            return None

    def _baa(self, baa: object, record: VendorRecord) -> None:
        if not isinstance(baa, dict):
            self.problems.append("$.baa: expected an object")
            return
        for key in sorted(set(baa) - set(_BAA_KEYS)):
            self.problems.append(f"$.baa.{key}: unknown field")
        for key, column in _BAA_KEYS.items():
            if key in baa:
                record.profile[column] = self._field(f"$.baa.{key}", column, baa[key])

    def _answers(self, answers: object, record: VendorRecord) -> None:
        if not isinstance(answers, dict):
            self.problems.append("$.answers: expected an object keyed by item id")
            return
        for item_id, entry in answers.items():
            path = f"$.answers[{json.dumps(item_id)}]"
            item = self.checklist.items.get(item_id)
            if item is None:
                self.problems.append(f"{path}: unknown checklist item id")
                continue
            if not isinstance(entry, dict):
                entry = {"value": entry}
            try:
                value = item.parse_value(entry.get("value"))
                note = clean_text(entry.get("note", ""), "note", LONG_TEXT_LIMIT)
                source = clean_text(entry.get("source", ""), "source", SHORT_TEXT_LIMIT)
            except (AnswerValueError, InvalidFieldError) as exc:
                self.problems.append(f"{path}: {_reason(exc)}")
                continue
            record.answers[item_id] = (format_value(value) or None, note, source)

    def _wording(self, wording: object, record: VendorRecord) -> None:
        if not isinstance(wording, dict):
            self.problems.append("$.current_wording: expected an object keyed by item id")
            return
        for item_id, text in wording.items():
            path = f"$.current_wording[{json.dumps(item_id)}]"
            if item_id not in self.checklist.items:
                self.problems.append(f"{path}: unknown checklist item id")
                continue
            try:
                record.wording[item_id] = clean_text(text, "wording", LONG_TEXT_LIMIT).strip()
            except InvalidFieldError as exc:
                self.problems.append(f"{path}: {_reason(exc)}")


def _reason(exc: WorkbenchError) -> str:
    """The part of a field error after its field name, since the JSON path replaces it."""
    text = str(exc)
    return text.split(": ", 1)[1] if ": " in text else text


def import_vendor(store: Store, record: VendorRecord, source: str = "") -> tuple[Vendor, bool]:
    """Write a validated record in one transaction; return the vendor and whether it is new."""
    with store.transaction():
        vendor = store.find_vendor(record.name)
        created = vendor is None
        if vendor is None:
            vendor = store.add_vendor(record.name, **record.profile)
        else:
            # Matching ignores case; the stored spelling of the name stays as it is.
            vendor = store.update_vendor(vendor.id, **record.profile)
        answer_source = {
            item_id: (value, note, note_source or source)
            for item_id, (value, note, note_source) in record.answers.items()
        }
        store.set_answers(vendor.id, answer_source)
        store.set_wordings(vendor.id, record.wording, source)
    log.info("Imported vendor %s from %s (new: %s)", vendor.id, source or "data", created)
    return store.vendor_by_id(vendor.id), created
