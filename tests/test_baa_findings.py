"""Findings per checklist item from BAAs in several layouts, with the hours computed."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from exports.baa_docx_reader import read_baa_docx
from exports.baa_rules import ANALYSED_ITEMS, Finding, analyse
from exports.baa_rules.durations import (
    NUMBER_WORDS,
    business_days_to_calendar_days,
    find_durations,
)
from exports.baa_rules.text import normalise, split_sentences
from tests.baa_documents import (
    NOTIFICATION_SENTENCE,
    BaaSpec,
    Clause,
    build_baa,
    document_with_paragraphs,
    tracked_change_runs,
)


def findings_of(path: Path) -> dict[str, Finding]:
    return {finding.item_id: finding for finding in analyse(read_baa_docx(path)).findings}


def findings_in(tmp_path: Path, *texts: str) -> dict[str, Finding]:
    return findings_of(document_with_paragraphs(tmp_path / "clauses.docx", texts))


# -- periods -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "hours", "day_kind"),
    [
        ("sixty (60) calendar days", 1440, "calendar"),
        ("5 business days", 168, "business"),
        ("72 hours", 72, ""),
        ("ten (10) days", 240, "unspecified"),
        ("one (1) business day", 72, "business"),
        ("ten (10) business days", 336, "business"),
        ("seventy-two (72) hours", 72, ""),
        ("forty-eight (48)-hour", 48, ""),
        ("thirty (30) working days", 42 * 24, "business"),
        ("two (2) weeks", 336, ""),
        ("90 minutes", 1.5, ""),
    ],
)
def test_period_in_hours(phrase: str, hours: float, day_kind: str) -> None:
    ((_, duration),) = find_durations(normalise(f"within {phrase} of discovery"))
    assert duration.hours == hours
    assert duration.day_kind == day_kind


def test_words_and_digits_disagree() -> None:
    ((_, duration),) = find_durations(normalise("within ten (15) days"))
    assert duration.amount == 15
    assert duration.conflict


@given(st.integers(min_value=1, max_value=99))
def test_number_words_match_digits(number: int) -> None:
    words = next(
        word for word, value in NUMBER_WORDS.items() if value == number and " " not in word
    )
    ((_, duration),) = find_durations(normalise(f"{words} ({number}) hours"))
    assert duration.amount == number
    assert not duration.conflict


@given(st.integers(min_value=1, max_value=400))
def test_business_days_span_weekends(days: int) -> None:
    calendar = business_days_to_calendar_days(days)
    assert calendar >= days * 7 / 5
    assert calendar <= days + 2 + 2 * days / 5


def test_sentences_ignore_legal_abbreviations() -> None:
    text = "3.1. Reporting. See 45 C.F.R. \u00a7 164.410, e.g. Breaches. Notice follows."
    assert [s.text for s in split_sentences(text)] == [
        "3.1. Reporting.",
        "See 45 C.F.R. \u00a7 164.410, e.g. Breaches.",
        "Notice follows.",
    ]


# -- the standard BAA in each layout ---------------------------------------------

EXPECTED_STANDARD = {
    "incident.notification_hours": 1440.0,
    "baa.breach_reporting": "yes",
    "baa.subcontractor_flowdown": "partial",
    "baa.access_to_phi": "yes",
    "baa.amendment_of_phi": "yes",
    "baa.accounting_of_disclosures": "yes",
    "baa.hhs_access": "yes",
    "vendor.audit_rights": "partial",
    "baa.termination_for_breach": "yes",
    "baa.return_or_destroy": "partial",
    "retention.destruction_certificate": "no",
    "retention.minimum_years": None,
}


@pytest.mark.parametrize("numbering", ["manual", "list"])
def test_standard_baa_findings(tmp_path: Path, numbering: str) -> None:
    found = findings_of(build_baa(tmp_path / "baa.docx", BaaSpec(numbering=numbering)))
    assert {item: found[item].value for item in EXPECTED_STANDARD} == EXPECTED_STANDARD
    notice = found["incident.notification_hours"]
    assert notice.section == "2.3"
    assert notice.matched_text == NOTIFICATION_SENTENCE
    assert notice.duration is not None
    assert notice.duration.day_kind == "calendar"
    assert notice.confidence_label == "high"
    assert found["baa.return_or_destroy"].section == "3.2"


def test_silent_items_are_listed(tmp_path: Path) -> None:
    analysis = analyse(read_baa_docx(build_baa(tmp_path / "baa.docx")))
    assert "recovery.rto_hours" in analysis.silent
    assert "incident.notification_hours" not in analysis.silent
    assert set(analysis.silent) | {f.item_id for f in analysis.findings} == set(ANALYSED_ITEMS)


def test_clause_split_over_bold_and_plain_runs(tmp_path: Path) -> None:
    runs = (
        ("Business Associate shall ", False),
        ("notify", True),
        (" Covered Entity of any Security Incident or Breach within ", False),
        ("five (5) business", True),
        (" days.", False),
    )
    found = findings_of(build_baa(tmp_path / "baa.docx", BaaSpec(notification=runs)))
    notice = found["incident.notification_hours"]
    assert notice.value == 168.0
    assert (
        notice.matched_text
        == "Business Associate shall notify Covered Entity of any Security Incident or Breach within five (5) business days."
    )


def test_smart_quotes_and_no_break_spaces(tmp_path: Path) -> None:
    sentence = (
        "Business Associate will report any \u201cBreach\u201d or \u201cSecurity Incident\u201d "
        "within seventy\u2011two\u00a0(72)\u00a0hours of discovery."
    )
    found = findings_of(
        build_baa(tmp_path / "baa.docx", BaaSpec(notification=((sentence, False),)))
    )
    notice = found["incident.notification_hours"]
    assert notice.value == 72.0
    assert notice.matched_text == sentence


def test_existing_tracked_change_is_read_accepted(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("4.2 Notice. ")
    tracked_change_runs(
        paragraph,
        "Business Associate shall report any Breach to Covered Entity within ",
        "sixty (60) calendar days",
        "ten (10) days",
        " after discovery.",
    )
    document.save(str(tmp_path / "tracked.docx"))
    notice = findings_of(tmp_path / "tracked.docx")["incident.notification_hours"]
    assert notice.value == 240.0
    assert notice.section == "4.2"
    assert notice.duration is not None and notice.duration.day_kind == "unspecified"
    assert (
        notice.matched_text
        == "Business Associate shall report any Breach to Covered Entity within ten (10) days after discovery."
    )


def test_terms_in_a_table(tmp_path: Path) -> None:
    rows = [
        ("Recovery Time Objective (RTO)", "Four (4) hours"),
        ("Recovery Point Objective (RPO)", "24 hours"),
        ("Encryption at rest", "AES-256"),
        ("Encryption in transit", "TLS 1.2 or higher"),
    ]
    found = findings_of(build_baa(tmp_path / "baa.docx", BaaSpec(service_table=rows)))
    assert found["recovery.rto_hours"].value == 4.0
    # The cell alone ("Four (4) hours") is no clause, so the row is the wording.
    assert (
        found["recovery.rto_hours"].matched_text == "Recovery Time Objective (RTO): Four (4) hours"
    )
    assert found["encryption.at_rest_aes256"].matched_text == "Encryption at rest: AES-256"
    assert found["recovery.rto_hours"].section == "Schedule A"
    assert found["recovery.rto_hours"].location == 'table "Schedule A - Service Commitments", row 2'
    assert found["recovery.rpo_hours"].value == 24.0
    assert found["encryption.at_rest_aes256"].value == "yes"
    assert found["encryption.in_transit_tls"].value == "1.2"


def test_notification_clause_inside_a_table(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Breach notification"
    table.cell(0, 1).text = "Vendor shall notify Customer of any Breach within 5 business days."
    document.save(str(tmp_path / "table.docx"))
    notice = findings_of(tmp_path / "table.docx")["incident.notification_hours"]
    assert notice.value == 168.0
    assert (
        notice.matched_text == "Vendor shall notify Customer of any Breach within 5 business days."
    )


def test_headers_do_not_produce_findings(tmp_path: Path) -> None:
    found = findings_of(build_baa(tmp_path / "baa.docx"))
    assert found["incident.notification_hours"].value != 1.0


# -- single rules ----------------------------------------------------------------


def test_notice_without_period(tmp_path: Path) -> None:
    found = findings_in(
        tmp_path,
        "Business Associate shall report any Breach to Covered Entity without unreasonable delay.",
    )
    notice = found["incident.notification_hours"]
    assert notice.value is None
    assert "without unreasonable delay" in notice.explanation
    assert "60 calendar days" in notice.explanation


def test_definition_is_not_a_notice(tmp_path: Path) -> None:
    found = findings_in(
        tmp_path,
        "\u201cBreach Notification Rule\u201d means the rule at 45 C.F.R. Part 164, Subpart D.",
    )
    assert "incident.notification_hours" not in found


def test_breach_only_reporting_is_partial(tmp_path: Path) -> None:
    found = findings_in(
        tmp_path, "Vendor will notify Customer of a Breach of Unsecured PHI within 30 days."
    )
    assert found["baa.breach_reporting"].value == "partial"
    assert "security incidents" in found["baa.breach_reporting"].explanation


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Business Associate shall ensure that any subcontractors agree to the same restrictions and conditions that apply to Business Associate.",
            "yes",
        ),
        (
            "Business Associate shall require subcontractors to agree to terms substantially similar to these.",
            "partial",
        ),
        (
            "Business Associate shall obtain reasonable assurances from its subcontractors.",
            "partial",
        ),
    ],
)
def test_subcontractor_terms(tmp_path: Path, sentence: str, expected: str) -> None:
    assert findings_in(tmp_path, sentence)["baa.subcontractor_flowdown"].value == expected


def test_return_without_escape_and_certified(tmp_path: Path) -> None:
    found = findings_in(
        tmp_path,
        "Upon termination, Business Associate shall return or destroy all PHI. Business Associate shall certify the destruction in writing within ten (10) days.",
    )
    assert found["baa.return_or_destroy"].value == "yes"
    assert found["retention.destruction_certificate"].value == "yes"
    assert found["retention.destruction_certificate"].matched_text.startswith(
        "Business Associate shall certify"
    )


def test_if_feasible_spans_sentences(tmp_path: Path) -> None:
    text = "At termination, Business Associate shall return or destroy all PHI. This obligation applies to the extent feasible. Other text."
    finding = findings_in(tmp_path, text)["baa.return_or_destroy"]
    assert finding.value == "partial"
    assert (
        finding.matched_text
        == "At termination, Business Associate shall return or destroy all PHI. This obligation applies to the extent feasible."
    )
    assert "no stated limit" in finding.explanation


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Covered Entity may audit Business Associate's facilities on-site once per year on thirty (30) days' notice.",
            "yes",
        ),
        (
            "Customer may, at its expense, audit Business Associate's compliance with this Agreement.",
            "yes",
        ),
        ("Customer shall not be entitled to audit Vendor's systems.", "no"),
        ("Customer may receive a summary of Vendor's SOC 2 report in lieu of an audit.", "partial"),
    ],
)
def test_audit_rights(tmp_path: Path, sentence: str, expected: str) -> None:
    assert findings_in(tmp_path, sentence)["vendor.audit_rights"].value == expected


def test_audit_frequency_is_reported(tmp_path: Path) -> None:
    found = findings_in(
        tmp_path, "Covered Entity may audit Business Associate on-site once per year."
    )
    assert "once per year" in found["vendor.audit_rights"].explanation


def test_hhs_audit_is_not_customer_audit(tmp_path: Path) -> None:
    found = findings_in(
        tmp_path,
        "Business Associate shall make its books and records available to the Secretary for inspection and audit.",
    )
    assert found["baa.hhs_access"].value == "yes"
    assert "vendor.audit_rights" not in found


USER_ACCESS_CLAUSE = (
    "4.1 Access. Business Associate shall make Protected Health Information available to "
    "Covered Entity within fifteen (15) business days of a request."
)


def test_plain_access_clause_is_found(tmp_path: Path) -> None:
    access = findings_in(tmp_path, USER_ACCESS_CLAUSE)["baa.access_to_phi"]
    assert access.value == "yes"
    assert access.location == "section 4.1"
    assert access.duration is not None and access.duration.day_kind == "business"
    assert access.matched_text == USER_ACCESS_CLAUSE.removeprefix("4.1 Access. ")


@pytest.mark.parametrize(
    ("item_id", "sentence"),
    [
        (
            "baa.access_to_phi",
            "Business Associate will make available to Covered Entity any PHI it maintains "
            "within ten (10) days of a request.",
        ),
        (
            "baa.access_to_phi",
            "Vendor shall provide Covered Entity with access to the ePHI it holds within five "
            "(5) business days, so that Covered Entity can answer an individual's request.",
        ),
        (
            "baa.access_to_phi",
            "Upon request, Business Associate shall permit Covered Entity to inspect and copy "
            "Protected Health Information.",
        ),
        (
            "baa.access_to_phi",
            "Business Associate shall make PHI available to Covered Entity as required by "
            "45 CFR 164.524 within 15 days.",
        ),
        (
            "baa.amendment_of_phi",
            "Business Associate shall amend Protected Health Information as directed by "
            "Covered Entity within thirty (30) days.",
        ),
        (
            "baa.amendment_of_phi",
            "Vendor shall make such amendments as Covered Entity directs to the health "
            "information it maintains.",
        ),
        (
            "baa.amendment_of_phi",
            "Vendor shall make PHI available for amendment and incorporate any amendments "
            "in accordance with 45 CFR 164.526.",
        ),
        (
            "baa.accounting_of_disclosures",
            "Business Associate shall document disclosures of PHI and give Covered Entity the "
            "information needed for an accounting within twenty (20) days.",
        ),
        (
            "baa.accounting_of_disclosures",
            "Business Associate shall account for disclosures of Protected Health Information "
            "as required by 45 C.F.R. \u00a7 164.528.",
        ),
        (
            "baa.accounting_of_disclosures",
            "Vendor shall provide an accounting to the individual upon request.",
        ),
        (
            "baa.accounting_of_disclosures",
            "Business Associate shall maintain an accounting of all disclosures of PHI.",
        ),
    ],
)
def test_patient_right_plain_wordings(tmp_path: Path, item_id: str, sentence: str) -> None:
    found = findings_in(tmp_path, sentence)
    assert item_id in found
    assert found[item_id].value == "yes"
    assert found[item_id].matched_text == sentence


@pytest.mark.parametrize(
    ("item_id", "sentence"),
    [
        (
            "baa.access_to_phi",
            "Business Associate shall make its internal practices, books and records relating "
            "to PHI available to the Secretary.",
        ),
        (
            "baa.access_to_phi",
            "Upon termination, Business Associate shall make Protected Health Information "
            "available for download for thirty (30) days.",
        ),
        (
            "baa.access_to_phi",
            "Vendor shall make PHI available for amendment as directed by Covered Entity.",
        ),
        (
            "baa.access_to_phi",
            "Business Associate shall not provide access to PHI to any third party.",
        ),
        (
            "baa.access_to_phi",
            "Business Associate shall give workforce members access to systems containing PHI "
            "only as their duties require.",
        ),
        (
            "baa.amendment_of_phi",
            "This Agreement may be amended only by a writing signed by both parties.",
        ),
        (
            "baa.amendment_of_phi",
            "The parties agree to amend this Agreement as needed to protect PHI under HIPAA.",
        ),
        (
            "baa.accounting_of_disclosures",
            "Business Associate shall keep its books under generally accepted accounting "
            "principles and disclose them on request.",
        ),
    ],
)
def test_patient_right_lookalikes(tmp_path: Path, item_id: str, sentence: str) -> None:
    assert item_id not in findings_in(tmp_path, sentence)


def test_slow_access_response_is_partial(tmp_path: Path) -> None:
    found = findings_in(
        tmp_path,
        "Business Associate shall provide access to PHI in a Designated Record Set within thirty (30) days of a request under 45 C.F.R. 164.524.",
    )
    access = found["baa.access_to_phi"]
    assert access.value == "partial"
    assert access.duration is not None and access.duration.hours == 720


def test_long_cure_period_is_partial(tmp_path: Path) -> None:
    found = findings_in(
        tmp_path,
        "Covered Entity may terminate this Agreement upon a material breach by Business Associate that is not cured within sixty (60) days.",
    )
    termination = found["baa.termination_for_breach"]
    assert termination.value == "partial"
    assert "60 days" in termination.explanation


def test_retention_in_years(tmp_path: Path) -> None:
    found = findings_in(
        tmp_path, "Vendor will retain backup copies of Customer Data for seven (7) years."
    )
    assert found["retention.minimum_years"].value == 7.0


def test_accounting_retention_is_not_backup_retention(tmp_path: Path) -> None:
    found = findings_in(
        tmp_path,
        "Business Associate shall retain the documentation of disclosures of data for six (6) years.",
    )
    assert "retention.minimum_years" not in found


def test_rto_sentence_and_rpo(tmp_path: Path) -> None:
    found = findings_in(
        tmp_path,
        "Vendor maintains a Recovery Time Objective of eight (8) hours for production restores.",
        "The Recovery Point Objective is 15 minutes.",
    )
    assert found["recovery.rto_hours"].value == 8.0
    assert found["recovery.rpo_hours"].value == 0.25


def test_weak_encryption_terms(tmp_path: Path) -> None:
    found = findings_in(
        tmp_path,
        "Data at rest is encrypted using AES-128. Transfers use TLS 1.0, TLS 1.1 or TLS 1.2.",
    )
    assert found["encryption.at_rest_aes256"].value == "partial"
    assert found["encryption.in_transit_tls"].value == "1.0"


def test_filler_text_produces_no_findings(tmp_path: Path) -> None:
    spec = BaaSpec(
        extra_clauses=[Clause("2.11", "Notices.", (("Notices shall be sent by mail.", False),))]
    )
    found = findings_of(build_baa(tmp_path / "baa.docx", spec))
    assert all(f.section != "2.11" for f in found.values())


def test_period_in_the_next_sentence(tmp_path: Path) -> None:
    text = "Business Associate shall report any Breach to Covered Entity. Such report shall be made within five (5) business days of discovery. Other terms apply."
    notice = findings_in(tmp_path, text)["incident.notification_hours"]
    assert notice.value == 168.0
    assert (
        notice.matched_text
        == "Business Associate shall report any Breach to Covered Entity. Such report shall be made within five (5) business days of discovery."
    )


def test_notice_period_in_service_table(tmp_path: Path) -> None:
    spec = BaaSpec(
        notification=(
            ("Business Associate shall report Breaches as set out in Schedule A.", False),
        ),
        service_table=[("Security incident notification", "Within 48 hours of discovery")],
    )
    notice = findings_of(build_baa(tmp_path / "baa.docx", spec))["incident.notification_hours"]
    assert notice.value == 48.0
    assert notice.matched_text == "Security incident notification: Within 48 hours of discovery"
    assert notice.section == "Schedule A"
    assert notice.location == 'table "Schedule A - Service Commitments", row 2'


def test_timing_in_its_own_paragraph(tmp_path: Path) -> None:
    found = findings_in(
        tmp_path,
        "4.1 Reporting. Vendor will report to Customer any Breach of Unsecured PHI and any Security Incident of which it becomes aware.",
        "4.2 Timing. Such notice will be provided without unreasonable delay, and in no event later than thirty (30) days after discovery.",
    )
    notice = found["incident.notification_hours"]
    assert notice.value == 720.0
    assert notice.section == "4.2"
    assert notice.matched_text.startswith("Such notice will be provided")
    assert found["baa.breach_reporting"].section == "4.1"


def test_audit_by_designated_auditor(tmp_path: Path) -> None:
    sentence = "Upon thirty (30) days' written notice and no more than once in any twelve (12) month period, Customer or its designated auditor may inspect Vendor's facilities."
    audit = findings_in(tmp_path, sentence)["vendor.audit_rights"]
    assert audit.value == "yes"
    assert "twelve (12) month period" in audit.explanation


@given(st.text(alphabet=st.sampled_from(list("Ab1 .;()\u00a0\u201c\u201dC.F.R.e.g.")), max_size=80))
def test_sentences_are_slices_of_paragraph(text: str) -> None:
    sentences = split_sentences(text)
    previous_end = 0
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.start >= previous_end
        assert sentence.text == sentence.text.strip()
        previous_end = sentence.end
