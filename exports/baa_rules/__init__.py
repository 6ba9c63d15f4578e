"""Rules that find what a vendor's BAA says per checklist item, from phrases and numbers.

Every rule is plain code in this package: no network service and no model. Each
rule reads one paragraph at a time and proposes findings; ``analyse`` keeps the
most confident finding per item.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from exports.baa_docx_reader import BaaDocument
from exports.baa_rules.contract_terms import (
    hhs_access_findings,
    retention_findings,
    return_or_destroy_findings,
    subcontractor_findings,
    termination_findings,
)
from exports.baa_rules.model import Clause, Finding, Rule
from exports.baa_rules.notification import notification_findings
from exports.baa_rules.rights import audit_findings, patient_right_findings
from exports.baa_rules.service_figures import encryption_findings, recovery_findings

log = logging.getLogger(__name__)

RULES: tuple[Rule, ...] = (
    notification_findings,
    subcontractor_findings,
    return_or_destroy_findings,
    retention_findings,
    hhs_access_findings,
    termination_findings,
    patient_right_findings,
    audit_findings,
    recovery_findings,
    encryption_findings,
)

# The checklist items the rules can answer, in checklist order.
ANALYSED_ITEMS = (
    "baa.breach_reporting",
    "baa.subcontractor_flowdown",
    "baa.access_to_phi",
    "baa.amendment_of_phi",
    "baa.accounting_of_disclosures",
    "baa.hhs_access",
    "baa.return_or_destroy",
    "baa.termination_for_breach",
    "vendor.audit_rights",
    "encryption.at_rest_aes256",
    "encryption.in_transit_tls",
    "recovery.rto_hours",
    "recovery.rpo_hours",
    "retention.minimum_years",
    "retention.destruction_certificate",
    "incident.notification_hours",
)


@dataclass(frozen=True)
class Analysis:
    """The findings of one BAA, in document order, and the items it is silent on."""

    source: str
    findings: tuple[Finding, ...]
    silent: tuple[str, ...]


def analyse(document: BaaDocument) -> Analysis:
    """Run every rule over every paragraph and keep the best finding per item."""
    best: dict[str, Finding] = {}
    for paragraph in document.text_paragraphs:
        clause = Clause.of(paragraph)
        for rule in RULES:
            for finding in rule(clause):
                current = best.get(finding.item_id)
                # Ties keep the earlier paragraph: the clause that first speaks to the item.
                if current is None or finding.confidence > current.confidence:
                    best[finding.item_id] = finding
    findings = tuple(sorted(best.values(), key=lambda f: (f.paragraph_index, f.item_id)))
    silent = tuple(item_id for item_id in ANALYSED_ITEMS if item_id not in best)
    log.info(
        "Found %s findings in %s; silent on %s items", len(findings), document.source, len(silent)
    )
    return Analysis(document.source, findings, silent)


__all__ = ["ANALYSED_ITEMS", "RULES", "Analysis", "Finding", "analyse"]
