"""Vendor profiles, their answers and the clean-up applied to every stored text."""

from __future__ import annotations

import datetime as dt
import enum
import re
from dataclasses import dataclass

from models.checklist import Value
from models.errors import InvalidFieldError

# Maximum text lengths, in characters. A vendor's whole BAA section fits in the
# wording limit; anything longer is a pasted file, not a field.
NAME_LIMIT = 200
SHORT_TEXT_LIMIT = 2_000
LONG_TEXT_LIMIT = 100_000

# C0 controls other than tab and newline, DEL, C1 controls and lone surrogates cannot be
# stored in XML-based exports and never belong in a field, so they are removed. So are
# the bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069): pasted from a
# web page or PDF, they silently reverse how a vendor name prints in every document.
_CONTROL = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]"
)
REVIEW_WINDOW_DAYS = 30


class BaaStatus(enum.StrEnum):
    NONE = "none"
    REQUESTED = "requested"
    IN_NEGOTIATION = "in_negotiation"
    SIGNED = "signed"
    EXPIRED = "expired"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


class ReviewFlag(enum.StrEnum):
    DUE = "due"
    OVERDUE = "overdue"


VENDOR_TEXT_FIELDS = {
    "name": NAME_LIMIT,
    "service": SHORT_TEXT_LIMIT,
    "website": SHORT_TEXT_LIMIT,
    "contact": SHORT_TEXT_LIMIT,
    "notes": LONG_TEXT_LIMIT,
}
VENDOR_DATE_FIELDS = ("baa_executed", "baa_term_end", "baa_next_review")
VENDOR_FIELDS = (*VENDOR_TEXT_FIELDS, "baa_status", *VENDOR_DATE_FIELDS)


@dataclass(frozen=True)
class Vendor:
    id: int
    name: str
    service: str = ""
    website: str = ""
    contact: str = ""
    notes: str = ""
    baa_status: BaaStatus = BaaStatus.NONE
    baa_executed: str = ""
    baa_term_end: str = ""
    baa_next_review: str = ""
    updated_at: str = ""

    def review_flag(self, today: dt.date | None = None) -> ReviewFlag | None:
        """Flag a BAA review that is overdue, or due within the next 30 days."""
        if not self.baa_next_review:
            return None
        today = today or dt.date.today()
        due = dt.date.fromisoformat(self.baa_next_review)
        if due < today:
            return ReviewFlag.OVERDUE
        if (due - today).days <= REVIEW_WINDOW_DAYS:
            return ReviewFlag.DUE
        return None


@dataclass(frozen=True)
class Answer:
    item_id: str
    value: Value | None
    note: str = ""
    source: str = ""
    updated_at: str = ""


def clean_text(raw: object, field: str, limit: int = SHORT_TEXT_LIMIT) -> str:
    """Return *raw* as stored text: control characters removed, line ends normalised.

    Raises:
        InvalidFieldError: the value is not text or is longer than *limit*.
    """
    if raw is None:
        return ""
    if not isinstance(raw, str):
        raise InvalidFieldError(f"{field}: expected text, got {type(raw).__name__}")
    text = _CONTROL.sub("", raw.replace("\r\n", "\n").replace("\r", "\n"))
    if len(text) > limit:
        raise InvalidFieldError(
            f"{field}: text is {len(text):,} characters long; the limit is {limit:,}"
        )
    return text


def clean_name(raw: object) -> str:
    name = " ".join(clean_text(raw, "name", NAME_LIMIT).split())
    if not name:
        raise InvalidFieldError("name: a vendor needs a name")
    return name


def clean_date(raw: object, field: str) -> str:
    """Return an ISO date (YYYY-MM-DD) or "" for no date."""
    if raw is None or raw == "":
        return ""
    if isinstance(raw, dt.date):
        return raw.isoformat()
    try:
        return dt.date.fromisoformat(str(raw).strip()).isoformat()
    except ValueError:
        raise InvalidFieldError(
            f"{field}: {str(raw)[:40]!r} is not a date like 2026-12-31"
        ) from None


def clean_status(raw: object) -> BaaStatus:
    text = str(raw or "none").strip().lower().replace(" ", "_")
    try:
        return BaaStatus(text)
    except ValueError:
        allowed = ", ".join(status.label for status in BaaStatus)
        raise InvalidFieldError(f"baa_status: {str(raw)[:40]!r} is not one of: {allowed}") from None


def clean_vendor_field(field: str, raw: object) -> object:
    """Validate one vendor profile field and return its stored form."""
    if field == "name":
        return clean_name(raw)
    if field in VENDOR_TEXT_FIELDS:
        return clean_text(raw, field, VENDOR_TEXT_FIELDS[field])
    if field in VENDOR_DATE_FIELDS:
        return clean_date(raw, field)
    if field == "baa_status":
        return clean_status(raw).value
    raise InvalidFieldError(f"{field}: not a vendor field; use one of {', '.join(VENDOR_FIELDS)}")
