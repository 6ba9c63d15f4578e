"""The checklist data file: complete, valid, and rejected with a clear message when not."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from models.checklist import AnswerType, format_quantity, load_checklist, parse_checklist
from models.errors import AnswerValueError, ChecklistError
from tests.conftest import REPO

# The fixed item ids; stored answers, questionnaires and clause files refer to them.
DOMAIN_IDS = [
    "baa.will_sign",
    "baa.covers_all_services",
    "baa.permitted_uses",
    "baa.no_further_disclosure",
    "baa.safeguards",
    "baa.breach_reporting",
    "baa.subcontractor_flowdown",
    "baa.access_to_phi",
    "baa.amendment_of_phi",
    "baa.accounting_of_disclosures",
    "baa.covered_entity_obligations",
    "baa.hhs_access",
    "baa.return_or_destroy",
    "baa.termination_for_breach",
    "vendor.soc2_type2",
    "vendor.hitrust_csf",
    "vendor.fedramp",
    "vendor.subcontractor_list",
    "vendor.audit_rights",
    "vendor.compliance_docs_on_request",
    "vendor.questionnaire_response_days",
    "encryption.at_rest_aes256",
    "encryption.in_transit_tls",
    "encryption.fips_validated",
    "encryption.customer_managed_keys",
    "access.rbac",
    "access.mfa",
    "access.unique_user_ids",
    "access.session_timeout_minutes",
    "access.admin_approval",
    "logging.immutable",
    "logging.captures_who_when_what_where",
    "logging.siem_export",
    "recovery.rto_hours",
    "recovery.rpo_hours",
    "recovery.isolated_restore_testing",
    "recovery.test_frequency",
    "recovery.geo_redundancy",
    "keys.customer_control",
    "keys.rotation_schedule",
    "keys.activity_logging",
    "keys.immediate_revocation",
    "keys.escrow",
    "immutability.worm_or_airgap",
    "immutability.admin_cannot_delete",
    "retention.minimum_years",
    "retention.secure_deletion",
    "retention.destruction_certificate",
    "retention.lifecycle_archival",
    "incident.notification_hours",
    "incident.response_support",
    "incident.root_cause_reports",
    "incident.regulatory_reporting_roles",
    "stability.business_continuity",
    "stability.data_portability",
    "stability.cyber_insurance",
    "stability.eo_insurance",
]

DOMAIN_FILE = REPO.parent / "shared" / "DOMAIN.md"


def test_checklist_has_exactly_the_domain_ids() -> None:
    checklist = load_checklist()
    assert sorted(checklist.items) == sorted(DOMAIN_IDS)


@pytest.mark.skipif(
    not DOMAIN_FILE.exists(), reason="the shared domain brief is not beside the repo"
)
def test_domain_brief_lists_the_same_ids() -> None:
    text = DOMAIN_FILE.read_text(encoding="utf-8")
    sections = {item_id.split(".")[0] for item_id in DOMAIN_IDS}
    mentioned = {
        found
        for found in re.findall(r"`([a-z_]+\.[a-z0-9_]+)`", text)
        if found.split(".")[0] in sections
    }
    assert mentioned == set(DOMAIN_IDS)


def test_every_item_is_complete() -> None:
    for item in load_checklist():
        assert item.title and item.question and item.why, item.id
        assert len(item.why.split()) >= 25, f"{item.id}: why-it-matters text is too short"
        assert 1 <= item.weight <= 3, item.id


def test_only_will_sign_is_a_knockout() -> None:
    knockouts = [item.id for item in load_checklist() if item.knockout]
    assert knockouts == ["baa.will_sign"]


def test_answer_types_of_numeric_and_ordinal_items() -> None:
    checklist = load_checklist()
    assert checklist.item("incident.notification_hours").answer is AnswerType.NUMBER
    assert checklist.item("incident.notification_hours").unit == "hours"
    assert checklist.item("incident.notification_hours").target == 8
    assert checklist.item("encryption.in_transit_tls").choices == (
        "none",
        "1.0",
        "1.1",
        "1.2",
        "1.3",
    )
    assert checklist.item("recovery.test_frequency").target == "quarterly"
    assert checklist.item("retention.minimum_years").target == 6


def test_sections_keep_file_order() -> None:
    sections = [section.id for section in load_checklist().sections]
    assert sections[0] == "baa"
    assert sections[-1] == "stability"
    assert len(sections) == 11


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("Yes", "yes"), (" partial ", "partial"), ("NO", "no"), ("", None), ("unknown", None)],
)
def test_parse_yes_no_values(raw: str, expected: str | None) -> None:
    assert load_checklist().item("access.mfa").parse_value(raw) == expected


@pytest.mark.parametrize("raw", ["maybe", "1", "yes please"])
def test_parse_yes_no_rejects_other_text(raw: str) -> None:
    with pytest.raises(AnswerValueError, match="access.mfa"):
        load_checklist().item("access.mfa").parse_value(raw)


@pytest.mark.parametrize("raw", ["-1", "nan", "inf", "1e13", True, "four"])
def test_parse_number_rejects_bad_values(raw: object) -> None:
    with pytest.raises(AnswerValueError, match="recovery.rto_hours"):
        load_checklist().item("recovery.rto_hours").parse_value(raw)


def test_parse_ordinal_is_case_insensitive() -> None:
    item = load_checklist().item("recovery.test_frequency")
    assert item.parse_value("Quarterly") == "quarterly"
    with pytest.raises(AnswerValueError, match="not one of"):
        item.parse_value("weekly")


def _data() -> dict:
    return tomllib.loads((REPO / "models" / "checklist.toml").read_text(encoding="utf-8"))


def _item(data: dict, item_id: str) -> dict:
    return next(row for row in data["items"] if row["id"] == item_id)


@pytest.mark.parametrize(
    ("item_id", "field", "value", "message"),
    [
        ("access.mfa", "weight", 7, "'access.mfa': field 'weight'"),
        ("access.mfa", "question", "", "'access.mfa': field 'question'"),
        ("access.mfa", "answer", "essay", "'access.mfa': field 'answer'"),
        ("access.mfa", "target", "no", "'access.mfa': field 'target'"),
        ("access.mfa", "knockout", "yes", "'access.mfa': field 'knockout'"),
        ("recovery.rto_hours", "unit", "weeks", "'recovery.rto_hours': field 'unit'"),
        ("recovery.rto_hours", "partial", 1, "'recovery.rto_hours': field 'partial'"),
        ("recovery.rto_hours", "direction", "up", "'recovery.rto_hours': field 'direction'"),
        ("recovery.test_frequency", "target", "weekly", "field 'target'"),
        ("recovery.test_frequency", "choices", ["a"], "field 'choices'"),
        ("access.mfa", "id", "nosuchsection.mfa", "field 'id'"),
    ],
)
def test_bad_entry_names_item_and_field(
    item_id: str, field: str, value: object, message: str
) -> None:
    data = _data()
    _item(data, item_id)[field] = value
    with pytest.raises(ChecklistError, match=re.escape(message)):
        parse_checklist(data)


def test_duplicate_item_id_is_rejected() -> None:
    data = _data()
    data["items"].append(dict(_item(data, "access.mfa")))
    with pytest.raises(ChecklistError, match="'access.mfa': duplicate id"):
        parse_checklist(data)


def test_unreadable_file_names_the_path(tmp_path: Path) -> None:
    broken = tmp_path / "checklist.toml"
    broken.write_text("[[items]\nid = ", encoding="utf-8")
    with pytest.raises(ChecklistError, match="checklist.toml: cannot read"):
        load_checklist(broken)


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [(1.0, "hours", "1 hour"), (8.0, "hours", "8 hours"), (1.0, "business days", "1 business day"),
     (2.5, "years", "2.5 years"), (1_000_000.0, "USD", "$1,000,000"), (None, "hours", "")],
)  # fmt: skip
def test_format_quantity(value: float | None, unit: str, expected: str) -> None:
    assert format_quantity(value, unit) == expected
