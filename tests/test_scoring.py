"""Scoring answers against the practice's targets."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.checklist import load_checklist
from models.practice import Practice
from models.scoring import Scorer, Status, item_status, score_vendor


@pytest.fixture
def checklist():  # type: ignore[no-untyped-def]
    return load_checklist()


def _all_meet(checklist) -> dict:  # type: ignore[no-untyped-def]
    return {item.id: item.target for item in checklist}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("yes", Status.MEETS),
        ("partial", Status.PARTIAL),
        ("no", Status.GAP),
        (None, Status.UNKNOWN),
    ],
)
def test_yes_no_status(checklist, value, expected) -> None:  # type: ignore[no-untyped-def]
    assert item_status(checklist.item("access.mfa"), value, Practice()) is expected


@pytest.mark.parametrize(
    ("hours", "expected"),
    [
        (0.0, Status.MEETS),
        (8.0, Status.MEETS),
        (8.5, Status.PARTIAL),
        (72.0, Status.PARTIAL),
        (73.0, Status.GAP),
        (1440.0, Status.GAP),
    ],
)
def test_notification_hours_at_most(checklist, hours, expected) -> None:  # type: ignore[no-untyped-def]
    assert item_status(checklist.item("incident.notification_hours"), hours, Practice()) is expected


@pytest.mark.parametrize(
    ("years", "expected"),
    [
        (10.0, Status.MEETS),
        (6.0, Status.MEETS),
        (5.0, Status.PARTIAL),
        (3.0, Status.PARTIAL),
        (2.0, Status.GAP),
    ],
)
def test_retention_years_at_least(checklist, years, expected) -> None:  # type: ignore[no-untyped-def]
    assert item_status(checklist.item("retention.minimum_years"), years, Practice()) is expected


@pytest.mark.parametrize(
    ("tls", "expected"),
    [
        ("1.3", Status.MEETS),
        ("1.2", Status.MEETS),
        ("1.1", Status.PARTIAL),
        ("1.0", Status.GAP),
        ("none", Status.GAP),
        (None, Status.UNKNOWN),
    ],
)
def test_tls_ordinal(checklist, tls, expected) -> None:  # type: ignore[no-untyped-def]
    assert item_status(checklist.item("encryption.in_transit_tls"), tls, Practice()) is expected


def test_lowest_ordinal_choice_is_never_partial(checklist) -> None:  # type: ignore[no-untyped-def]
    practice = Practice(targets={"recovery.test_frequency": "annual"})
    item = checklist.item("recovery.test_frequency")
    assert item_status(item, "none", practice) is Status.GAP


def test_practice_target_overrides_default(checklist) -> None:  # type: ignore[no-untyped-def]
    item = checklist.item("incident.notification_hours")
    strict = Practice(targets={item.id: 4.0})
    assert item_status(item, 6.0, Practice()) is Status.MEETS
    assert item_status(item, 6.0, strict) is Status.PARTIAL


def test_loose_target_widens_partial_band(checklist) -> None:  # type: ignore[no-untyped-def]
    item = checklist.item("incident.notification_hours")
    loose = Practice(targets={item.id: 100.0})
    assert item_status(item, 100.0, loose) is Status.MEETS
    assert item_status(item, 101.0, loose) is Status.GAP


def test_all_targets_met_scores_100(checklist) -> None:  # type: ignore[no-untyped-def]
    score = score_vendor(checklist, Practice(), _all_meet(checklist))
    assert score.overall == 100.0
    assert set(score.sections.values()) == {100.0}
    assert not score.disqualified
    assert score.lowered_by() == []


def test_no_answers_scores_zero_and_all_unknown(checklist) -> None:  # type: ignore[no-untyped-def]
    score = score_vendor(checklist, Practice(), {})
    assert score.overall == 0.0
    assert score.counts[Status.UNKNOWN] == len(checklist)
    assert score.counts[Status.GAP] == 0
    assert not score.disqualified


def test_knockout_gap_disqualifies(checklist) -> None:  # type: ignore[no-untyped-def]
    answers = {**_all_meet(checklist), "baa.will_sign": "no"}
    score = score_vendor(checklist, Practice(), answers)
    assert score.disqualified
    assert score.knockouts == ["baa.will_sign"]
    assert score.overall is not None and score.overall > 90


def test_unknown_knockout_does_not_disqualify(checklist) -> None:  # type: ignore[no-untyped-def]
    answers = _all_meet(checklist)
    del answers["baa.will_sign"]
    assert not score_vendor(checklist, Practice(), answers).disqualified


def test_partial_earns_half_the_weight(checklist) -> None:  # type: ignore[no-untyped-def]
    practice = Practice(weights={item.id: 0 for item in checklist})
    practice.weights["access.mfa"] = 2
    practice.weights["access.rbac"] = 2
    score = score_vendor(checklist, practice, {"access.mfa": "partial", "access.rbac": "yes"})
    assert score.sections["access"] == 75.0
    assert score.overall == 75.0
    assert score.sections["baa"] is None


def test_lowered_by_lists_costliest_items_first(checklist) -> None:  # type: ignore[no-untyped-def]
    answers = {**_all_meet(checklist), "access.mfa": "no", "access.rbac": "partial"}
    score = score_vendor(checklist, Practice(), answers)
    lowered = score.lowered_by("access")
    assert [result.item_id for result in lowered] == ["access.mfa", "access.rbac"]
    assert lowered[0].lost == checklist.item("access.mfa").weight
    assert score.lowered_by("baa") == []


statuses = st.sampled_from(["yes", "no", "partial", None])


@given(st.dictionaries(st.sampled_from(sorted(load_checklist().items)), statuses))
def test_unknown_never_scores_above_meets(answers) -> None:  # type: ignore[no-untyped-def]
    checklist = load_checklist()
    yes_no = {
        k: v for k, v in answers.items() if checklist.item(k).options == ("no", "partial", "yes")
    }
    score = score_vendor(checklist, Practice(), yes_no)
    all_meet = score_vendor(
        checklist,
        Practice(),
        {**_all_meet(checklist), **{k: v for k, v in yes_no.items() if v is not None}},
    )
    assert score.overall is not None and 0 <= score.overall <= 100
    assert all_meet.overall is not None and score.overall <= all_meet.overall
    unknown = sum(1 for item in checklist if score.status(item.id) is Status.UNKNOWN)
    assert unknown == score.counts[Status.UNKNOWN]


def test_scorer_reused_for_many_vendors(checklist) -> None:  # type: ignore[no-untyped-def]
    scorer = Scorer(checklist, Practice())
    scores = scorer.score_many([(1, _all_meet(checklist)), (2, {})])
    assert scores[1].overall == 100.0
    assert scores[2].overall == 0.0
