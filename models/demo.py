"""Sample practice and fictional vendors, so a new user can explore every feature.

The vendors differ on purpose: one refuses to sign a BAA (knockout), one is
strong but slow to notify, one leaves many items unanswered, one is a solid
all-rounder and one is cheap and weak. Every name is invented.
"""

from __future__ import annotations

import logging
from typing import Any

from models.checklist import AnswerType, Checklist
from models.store import Store

log = logging.getLogger(__name__)

DEMO_SOURCE = "sample data"

PRACTICE = {
    "name": "Maple Street Family Dental",
    "state": "OH",
    "contact": "Dana Whitfield, Practice Administrator, (555) 010-2233",
}

# Figures of a vendor that meets every default target; every yes/no item is "yes" too
# (see _strong_answers). Each sample vendor marked "strong" changes some of them.
_STRONG_FIGURES: dict[str, object] = {
    "vendor.questionnaire_response_days": 5,
    "encryption.in_transit_tls": "1.3",
    "encryption.fips_validated": "140-3",
    "access.session_timeout_minutes": 15,
    "recovery.rto_hours": 4,
    "recovery.rpo_hours": 1,
    "recovery.test_frequency": "quarterly",
    "retention.minimum_years": 7,
    "incident.notification_hours": 8,
    "stability.cyber_insurance": 5_000_000,
    "stability.eo_insurance": 2_000_000,
}

_SIXTY_DAYS = (
    "Business Associate shall report to Covered Entity any Breach of Unsecured Protected "
    "Health Information without unreasonable delay and within sixty (60) days of discovery."
)
_ASSURANCES = (
    "Business Associate shall obtain reasonable assurances from any subcontractor that it "
    "will protect Protected Health Information."
)
_ACCOUNT_ACTIVE = "Backups are retained for as long as the account is active."
_IF_FEASIBLE = (
    "Upon termination, Business Associate shall, if feasible, return or destroy all "
    "Protected Health Information received from Covered Entity."
)

VENDORS: list[dict[str, Any]] = [
    {
        "name": "Harborline Backup",
        "profile": {
            "service": "Managed image and file backup with cloud replication",
            "website": "https://harborline.example",
            "contact": "compliance@harborline.example",
            "notes": "Strong technical controls; standard BAA repeats the 60-day legal maximum.",
            "baa_status": "in_negotiation",
            "baa_next_review": "2027-01-15",
        },
        "strong": True,
        "answers": {
            "incident.notification_hours": 1440,
            "baa.breach_reporting": "partial",
            "vendor.fedramp": "no",
        },
        "wording": {
            "incident.notification_hours": _SIXTY_DAYS,
            "baa.breach_reporting": _SIXTY_DAYS,
            "baa.subcontractor_flowdown": (
                "Business Associate shall ensure that any subcontractor that creates, receives, "
                "maintains or transmits Protected Health Information agrees to the same "
                "restrictions and conditions that apply to Business Associate."
            ),
            "retention.minimum_years": (
                "Backup copies are kept for seven (7) years unless Covered Entity directs "
                "otherwise."
            ),
            "baa.return_or_destroy": _IF_FEASIBLE,
        },
    },
    {
        "name": "NimbusVault Cloud",
        "profile": {
            "service": "Low-cost consumer-grade cloud storage",
            "website": "https://nimbusvault.example",
            "notes": "Declined to sign a BAA; terms of service disclaim HIPAA obligations.",
            "baa_status": "none",
        },
        "strong": True,
        "answers": {
            "baa.will_sign": "no",
            "baa.covers_all_services": "no",
            "vendor.hitrust_csf": "no",
            "vendor.fedramp": "no",
            "vendor.audit_rights": "no",
            "encryption.customer_managed_keys": "no",
            "keys.customer_control": "no",
            "keys.escrow": "no",
            "incident.notification_hours": 720,
            "recovery.rto_hours": 48,
        },
        "wording": {"retention.minimum_years": _ACCOUNT_ACTIVE},
    },
    {
        "name": "CedarStack Data",
        "profile": {
            "service": "Regional backup provider for clinics",
            "website": "https://cedarstack.example",
            "contact": "Sam Ortiz, sales engineer",
            "notes": "Questionnaire only half answered; follow up on keys and logging.",
            "baa_status": "requested",
            "baa_next_review": "2026-12-20",
        },
        "answers": {
            "baa.will_sign": "yes",
            "baa.covers_all_services": "partial",
            "baa.safeguards": "yes",
            "baa.breach_reporting": "yes",
            "baa.subcontractor_flowdown": "partial",
            "baa.return_or_destroy": "partial",
            "vendor.soc2_type2": "partial",
            "encryption.at_rest_aes256": "yes",
            "encryption.in_transit_tls": "1.2",
            "access.mfa": "yes",
            "recovery.rto_hours": 8,
            "recovery.rpo_hours": 4,
            "retention.minimum_years": 3,
            "incident.notification_hours": 72,
        },
        "wording": {
            "incident.notification_hours": (
                "Vendor will notify Customer of a Security Incident within seventy-two (72) "
                "hours after confirming it."
            ),
            "baa.subcontractor_flowdown": _ASSURANCES,
            "retention.minimum_years": "Backups are retained for three (3) years.",
            "baa.return_or_destroy": _IF_FEASIBLE,
        },
    },
    {
        "name": "Ridgeway Health Vault",
        "profile": {
            "service": "Healthcare-focused immutable backup with quarterly restore testing",
            "website": "https://ridgeway.example",
            "contact": "privacy@ridgeway.example",
            "notes": "Best fit so far; confirm insurance certificates before signing.",
            "baa_status": "signed",
            "baa_executed": "2025-12-01",
            "baa_term_end": "2028-11-30",
            "baa_next_review": "2026-11-15",
        },
        "strong": True,
        "answers": {
            "vendor.fedramp": "no",
            "recovery.rto_hours": 6,
            "stability.eo_insurance": 500_000,
        },
        "wording": {
            "incident.notification_hours": (
                "Business Associate shall notify Covered Entity of any Security Incident or "
                "Breach within eight (8) hours of discovery."
            ),
            "baa.subcontractor_flowdown": (
                "Business Associate shall require each subcontractor to sign a business "
                "associate agreement with terms no less protective than this Agreement."
            ),
            "retention.minimum_years": "Backups are retained for ten (10) years.",
            "baa.return_or_destroy": (
                "Within thirty (30) days after termination, Business Associate shall return "
                "or destroy all Protected Health Information and certify the destruction in "
                "writing."
            ),
        },
    },
    {
        "name": "Bluefin Archive",
        "profile": {
            "service": "Archive storage resold from a large cloud provider",
            "website": "https://bluefin.example",
            "baa_status": "requested",
        },
        "strong": True,
        "answers": {
            "vendor.soc2_type2": "partial",
            "vendor.hitrust_csf": "no",
            "vendor.fedramp": "no",
            "vendor.audit_rights": "no",
            "vendor.questionnaire_response_days": 30,
            "encryption.in_transit_tls": "1.1",
            "encryption.fips_validated": "140-2 (historical)",
            "access.session_timeout_minutes": 60,
            "recovery.rto_hours": 24,
            "recovery.rpo_hours": 24,
            "recovery.test_frequency": "annual",
            "immutability.admin_cannot_delete": "no",
            "retention.minimum_years": 1,
            "incident.notification_hours": 1440,
            "stability.cyber_insurance": 0,
        },
        "wording": {
            "incident.notification_hours": _SIXTY_DAYS,
            "baa.subcontractor_flowdown": _ASSURANCES,
            "retention.minimum_years": _ACCOUNT_ACTIVE,
            "baa.return_or_destroy": _IF_FEASIBLE,
        },
    },
]


def _sample_answers(checklist: Checklist, sample: dict[str, Any]) -> dict[str, object]:
    """Return a sample vendor's answers: its own, over the strong profile when marked so."""
    if not sample.get("strong"):
        return dict(sample["answers"])
    strong = {item.id: "yes" for item in checklist if item.answer is AnswerType.YES_NO}
    return {**strong, **_STRONG_FIGURES, **sample["answers"]}


def load_demo(store: Store) -> list[str]:
    """Create or refresh the sample practice and vendors; return the vendor names.

    Running it again resets the same rows to the sample answers, so nothing is duplicated.
    """
    with store.transaction():
        store.update_practice(**PRACTICE)
        for sample in VENDORS:
            vendor = store.find_vendor(sample["name"])
            if vendor is None:
                vendor = store.add_vendor(sample["name"], **sample["profile"])
            else:
                vendor = store.update_vendor(vendor.id, **sample["profile"])
            # Every item is set, so a refresh also clears answers added since the last run.
            answers = _sample_answers(store.checklist, sample)
            store.set_answers(
                vendor.id,
                {
                    item.id: (
                        answers.get(item.id),
                        None,
                        DEMO_SOURCE if item.id in answers else None,
                    )
                    for item in store.checklist
                },
            )
            store.set_wordings(vendor.id, sample["wording"], DEMO_SOURCE)
    log.info("Loaded %d sample vendors into %s", len(VENDORS), store.path)
    return [sample["name"] for sample in VENDORS]
