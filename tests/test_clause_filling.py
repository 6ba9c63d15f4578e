"""Filling clause parameters, selecting clauses for a vendor, and the addendum plan."""

from __future__ import annotations

import pytest

from clause_library.filling import (
    ParameterValueError,
    default_values,
    fill,
    number_words,
    parse_value,
    render_value,
)
from clause_library.library import Parameter, Position, load_library
from clause_library.planning import build_plan
from clause_library.selection import propose, unremedied
from models.checklist import load_checklist
from models.negotiation import Negotiations
from models.practice import Practice
from models.scoring import Scorer, Status
from models.vendors import BaaStatus, Vendor

CHECKLIST = load_checklist()
LIBRARY = load_library(CHECKLIST)


def parameter(kind: str) -> Parameter:
    return Parameter("p", "a parameter", kind, "", "")


def vendor(name: str = "Acme Backup") -> Vendor:
    return Vendor(1, name, "", "", "", "", BaaStatus.NONE, "", "", "", "")


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (0, "zero"),
        (8, "eight"),
        (15, "fifteen"),
        (60, "sixty"),
        (72, "seventy-two"),
        (100, "one hundred"),
        (365, "three hundred sixty-five"),
        (2500, "two thousand five hundred"),
    ],
)
def test_number_words(number: int, words: str) -> None:
    assert number_words(number) == words


@pytest.mark.parametrize(
    ("kind", "value", "text"),
    [
        ("hours", 8, "eight (8)"),
        ("hours", 1.5, "1.5"),
        ("business_days", 10, "ten (10)"),
        ("usd", 1000000, "$1,000,000"),
        ("usd", 2500.5, "$2,500.50"),
        ("date", "2026-03-01", "March 1, 2026"),
        ("tls_version", "1.2", "1.2"),
        ("frequency", "quarterly", "quarterly"),
        ("text", "Maple Street Dental", "Maple Street Dental"),
    ],
)
def test_render_value(kind: str, value: object, text: str) -> None:
    assert render_value(parameter(kind), value) == text  # type: ignore[arg-type]


def test_parse_value_accepts_typed_numbers() -> None:
    assert parse_value(parameter("usd"), "$2,000,000") == 2000000
    assert parse_value(parameter("hours"), " 4 ") == 4
    assert parse_value(parameter("hours"), "1.5", fractions=True) == 1.5


@pytest.mark.parametrize(
    ("kind", "raw", "message"),
    [
        ("hours", "soon", "'soon' is not a number; enter a number of hours"),
        ("hours", "0", "out of range"),
        ("days", "-3", "out of range"),
        ("hours", "nan", "out of range"),
        ("hours", "0.5", "'0.5' is not a whole number of hours; .* such as 1"),
        ("business_days", "2.5", "'2.5' is not a whole number of business days"),
        ("tls_version", "1.4", "'1.4' is not one of 1.0, 1.1, 1.2, 1.3"),
        ("frequency", "weekly", "'weekly' is not one of annual"),
        ("date", "March 1", "'March 1' is not a date like 2026-03-01"),
        ("text", "x" * 301, "the limit is 300"),
    ],
)
def test_parse_value_rejects_bad_values(kind: str, raw: str, message: str) -> None:
    with pytest.raises(ParameterValueError, match=message):
        parse_value(parameter(kind), raw)


def test_default_values_come_from_practice_targets_and_vendor() -> None:
    practice = Practice(name="Maple Street Family Dental", state="OH")
    practice.targets["incident.notification_hours"] = 4.0
    values = default_values(LIBRARY, CHECKLIST, practice, vendor())
    assert values["practice_name"] == "Maple Street Family Dental"
    assert values["practice_state"] == "Ohio"
    assert values["vendor_name"] == "Acme Backup"
    assert values["notification_hours"] == 4
    assert values["tls_version"] == "1.2"
    assert values["effective_date"] == ""


def test_fill_marks_missing_values() -> None:
    clause = next(c for c in LIBRARY if "effective_date" in c.parameters())
    position = next(p for p in Position if "{effective_date}" in clause.texts[p])
    filled = fill(clause, position, LIBRARY, {"effective_date": ""})
    assert "[effective date]" in filled.text
    assert "effective_date" in filled.missing


def test_fill_uses_contract_style_numbers() -> None:
    clause = LIBRARY.clauses_for("incident.notification_hours")[0]
    values = default_values(LIBRARY, CHECKLIST, Practice(name="P"), vendor())
    filled = fill(clause, Position.PREFERRED, LIBRARY, values)
    assert "eight (8) hours" in filled.text
    assert "{" not in filled.text


def test_propose_selects_gap_partial_and_unknown() -> None:
    answers = {item.id: item.target for item in CHECKLIST}
    answers["incident.notification_hours"] = 1440.0
    answers["recovery.rto_hours"] = 6.0
    del answers["access.mfa"]
    score = Scorer(CHECKLIST, Practice()).score(answers)
    proposals = {proposal.clause.id: proposal for proposal in propose(LIBRARY, score)}
    items = {item for proposal in proposals.values() for item in proposal.statuses}
    assert {"incident.notification_hours", "recovery.rto_hours", "access.mfa"} <= items
    notice = LIBRARY.clauses_for("incident.notification_hours")[0]
    assert proposals[notice.id].worst is Status.GAP


def test_propose_nothing_when_all_targets_met() -> None:
    score = Scorer(CHECKLIST, Practice()).score({item.id: item.target for item in CHECKLIST})
    assert propose(LIBRARY, score) == []
    assert unremedied(LIBRARY, score) == []


def test_unremedied_lists_items_without_clause() -> None:
    answers = {item.id: item.target for item in CHECKLIST}
    answers["vendor.fedramp"] = "no"
    score = Scorer(CHECKLIST, Practice()).score(answers)
    assert unremedied(LIBRARY, score) == ["vendor.fedramp"]


# -- the plan over a real database --------------------------------------------------


def test_plan_prefills_vendor_wording(demo_db) -> None:  # type: ignore[no-untyped-def]
    cedar = demo_db.vendor("CedarStack Data")
    recorded = demo_db.wording(cedar.id)
    plan = build_plan(demo_db, LIBRARY, cedar.id)
    notice = next(p for p in plan.clauses if "incident.notification_hours" in p.clause.items)
    assert notice.vendor_wording == recorded["incident.notification_hours"]
    assert notice.proposed
    assert notice.position is Position.PREFERRED


def test_plan_applies_overrides_and_positions(demo_db) -> None:  # type: ignore[no-untyped-def]
    cedar = demo_db.vendor("CedarStack Data")
    clause = LIBRARY.clauses_for("recovery.rto_hours")[0]
    negotiations = Negotiations(demo_db)
    negotiations.set_override(cedar.id, clause.id, "rto_hours", "6")
    negotiations.set_parameter(cedar.id, "effective_date", "2027-01-15")
    plan = build_plan(demo_db, LIBRARY, cedar.id)
    planned = next(p for p in plan.clauses if p.clause.id == clause.id)
    assert planned.values["rto_hours"] == 6
    assert "six (6)" in planned.text
    assert "effective_date" not in plan.missing_parameters()


def test_plan_keeps_negotiated_clause_after_vendor_improves(demo_db) -> None:  # type: ignore[no-untyped-def]
    cedar = demo_db.vendor("CedarStack Data")
    clause = LIBRARY.clauses_for("access.mfa")[0]
    Negotiations(demo_db).record_round(cedar.id, clause.id, "countered", "they want 30 days")
    demo_db.set_answer(cedar.id, "access.mfa", "yes")
    plan = build_plan(demo_db, LIBRARY, cedar.id)
    planned = next(p for p in plan.clauses if p.clause.id == clause.id)
    assert not planned.proposed


def test_plan_rejects_bad_extra_value(demo_db) -> None:  # type: ignore[no-untyped-def]
    cedar = demo_db.vendor("CedarStack Data")
    with pytest.raises(ParameterValueError, match="effective_date"):
        build_plan(demo_db, LIBRARY, cedar.id, {"effective_date": "soon"})
    with pytest.raises(ParameterValueError, match="not a clause parameter"):
        build_plan(demo_db, LIBRARY, cedar.id, {"colour": "red"})


def test_dropped_and_excluded_clauses_leave_addendum(demo_db) -> None:  # type: ignore[no-untyped-def]
    cedar = demo_db.vendor("CedarStack Data")
    plan = build_plan(demo_db, LIBRARY, cedar.id)
    first, second = plan.clauses[0].clause.id, plan.clauses[1].clause.id
    negotiations = Negotiations(demo_db)
    negotiations.set_included(cedar.id, first, False)
    negotiations.record_round(cedar.id, second, "dropped", "not worth it")
    ids = [p.clause.id for p in build_plan(demo_db, LIBRARY, cedar.id).in_addendum()]
    assert first not in ids
    assert second not in ids
    assert len(ids) == len(plan.clauses) - 2
