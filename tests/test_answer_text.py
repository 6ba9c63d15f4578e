"""Reading what vendors type as answers: units, spelling, case and ambiguity."""

from __future__ import annotations

import datetime as dt

import pytest

from exports.answer_text import AmbiguousAnswerError, read_answer
from models.checklist import load_checklist
from models.errors import AnswerValueError

CHECKLIST = load_checklist()


@pytest.mark.parametrize(
    ("item_id", "raw", "expected"),
    [
        ("baa.will_sign", "Yes ", "yes"),
        ("baa.will_sign", "  NO.", "no"),
        ("baa.will_sign", "partially", "partial"),
        ("baa.will_sign", "Partly", "partial"),
        ("baa.will_sign", "N/A", None),
        ("baa.will_sign", "unknown", None),
        ("baa.will_sign", True, "yes"),
        ("recovery.rto_hours", "4 hrs", 4.0),
        ("recovery.rto_hours", "2.5", 2.5),
        ("recovery.rto_hours", 2.5, 2.5),
        ("recovery.rto_hours", 6, 6.0),
        ("recovery.rto_hours", "within 30 minutes", 0.5),
        ("recovery.rto_hours", "up to 2 days", 48.0),
        ("incident.notification_hours", "60 days", 1440.0),
        ("incident.notification_hours", "60 calendar days", 1440.0),
        ("access.session_timeout_minutes", "30 m", 30.0),
        ("access.session_timeout_minutes", "1 hour", 60.0),
        ("vendor.questionnaire_response_days", "5 business days", 5.0),
        ("vendor.questionnaire_response_days", "5 working days", 5.0),
        ("retention.minimum_years", "6 yrs", 6.0),
        ("retention.minimum_years", "18 months", 1.5),
        ("stability.cyber_insurance", "$1,000,000", 1_000_000.0),
        ("stability.cyber_insurance", "2M", 2_000_000.0),
        ("stability.cyber_insurance", "$500k", 500_000.0),
        ("stability.cyber_insurance", "$2 million", 2_000_000.0),
        ("encryption.in_transit_tls", "TLS 1.3", "1.3"),
        ("encryption.in_transit_tls", 1.2, "1.2"),
        ("encryption.in_transit_tls", 1, "1.0"),
        ("encryption.fips_validated", "FIPS 140-3", "140-3"),
        ("recovery.test_frequency", "Semi-Annual", "semiannual"),
        ("recovery.test_frequency", "yearly", "annual"),
        ("recovery.test_frequency", " QUARTERLY ", "quarterly"),
    ],
)
def test_answer_is_read(item_id: str, raw: object, expected: object) -> None:
    assert read_answer(CHECKLIST.item(item_id), raw) == expected


@pytest.mark.parametrize(
    ("item_id", "raw", "reason"),
    [
        ("incident.notification_hours", "1 business day", "business days"),
        ("vendor.questionnaire_response_days", "10 days", "no exact number of business days"),
        ("recovery.rto_hours", "4-8 hours", "range"),
        ("recovery.rto_hours", "2 to 4 hours", "range"),
        ("retention.minimum_years", "2190 days", "no exact number of years"),
    ],
)
def test_ambiguous_answer_is_reported(item_id: str, raw: object, reason: str) -> None:
    with pytest.raises(AmbiguousAnswerError, match=reason):
        read_answer(CHECKLIST.item(item_id), raw)


@pytest.mark.parametrize(
    ("item_id", "raw"),
    [
        ("recovery.rto_hours", "fast"),
        ("recovery.rto_hours", "4 parsecs"),
        ("recovery.rto_hours", -3),
        ("baa.will_sign", "Yes, with exceptions"),
        ("encryption.in_transit_tls", "SSL 3"),
        ("recovery.rto_hours", dt.datetime(2026, 1, 1)),
    ],
)
def test_unreadable_answer_is_rejected(item_id: str, raw: object) -> None:
    with pytest.raises(AnswerValueError):
        read_answer(CHECKLIST.item(item_id), raw)
