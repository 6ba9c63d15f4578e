"""Patients' rights the vendor must support (access, amendment, accounting) and audit rights."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from exports.baa_rules.durations import find_durations
from exports.baa_rules.model import Clause, Finding, compile_words


@dataclass(frozen=True)
class PatientRight:
    """How a BAA words the vendor's part in one patient right.

    A sentence speaks to the right when it cites the regulation or names the
    right (``cited``), or when it uses a plain wording (``plain``) about health
    information (``subject``), names who asks (``requester``), and is not
    about something else (``other``).
    """

    item_id: str
    name: str
    cited: re.Pattern[str]
    plain: re.Pattern[str]
    subject: re.Pattern[str]
    requester: re.Pattern[str]
    other: re.Pattern[str]
    # The practice's own deadline to answer the patient; a vendor that takes as
    # long leaves the practice no time, so its clause is marked partial.
    practice_deadline_days: int
    regulation: str

    def matches(self, norm: str) -> bool:
        if self.cited.search(norm):
            return True
        return all(
            pattern.search(norm) for pattern in (self.plain, self.subject, self.requester)
        ) and not self.other.search(norm)


_RECORD_SET = r"(?:designated record set|protected health information|phi|individual)"
_HEALTH_INFORMATION = compile_words(
    r"designated record sets?",
    r"protected health information",
    r"e?phi",
    r"health information",
    r"medical records?",
    r"such information",
    r"individuals?",
    r"patients?",
)
# Sentences with these words are about HHS, the contract itself, the end of the
# contract, or another patient right, even when they "make PHI available".
_REQUESTER = compile_words(
    r"covered entity",
    r"customers?",
    r"clients?",
    r"(?:the )?practice",
    r"individuals?",
    r"patients?",
    r"requests?",
    r"direct\w*",
)
_NOT_ACCESS = compile_words(
    r"secretary",
    r"books",
    r"amend\w*",
    r"accounting",
    r"terminat\w*",
    r"expiration",
    r"return\w*",
    r"(?:shall|will|may) not (?:make|provide|give|grant|permit)",
)
_NOT_AMENDMENT = compile_words(
    r"amend\w* (?:to |of )?(?:this|the) (?:agreement|baa|addendum|contract)",
    r"(?:agreement|baa|addendum|contract) (?:may|shall|will) (?:only )?be amended",
    r"secretary",
)
_NOT_ACCOUNTING = compile_words(r"accounting (?:principles|standards|records|period)")

PATIENT_RIGHTS = (
    PatientRight(
        "baa.access_to_phi",
        "access",
        compile_words(r"164\.524", r"right of access"),
        compile_words(
            rf"access to [\w ,]{{0,60}}{_RECORD_SET}",
            r"make\w* [\w ,()'-]{0,80}?available",
            r"make\w* available",
            r"(?:provide|give|grant|afford)\w* [\w ,()'-]{0,60}?access",
            r"inspect\w* and (?:copy|copying|obtain)",
        ),
        _HEALTH_INFORMATION,
        _REQUESTER,
        _NOT_ACCESS,
        30,
        "45 CFR 164.524(b)(2)",
    ),
    PatientRight(
        "baa.amendment_of_phi",
        "amendment",
        compile_words(r"164\.526"),
        compile_words(r"amend(?:s|ed|ing|ments?)?"),
        _HEALTH_INFORMATION,
        _REQUESTER,
        _NOT_AMENDMENT,
        60,
        "45 CFR 164.526(b)(2)",
    ),
    PatientRight(
        "baa.accounting_of_disclosures",
        "accounting of disclosures",
        compile_words(
            r"164\.528",
            r"accounting of (?:[\w-]+ ){0,4}disclosures?",
            r"account for (?:[\w-]+ ){0,4}disclosures?",
            r"disclosure accounting",
        ),
        compile_words(r"(?:an|any|the|such) accounting"),
        compile_words(r"disclos\w*", r"individuals?", r"request\w*"),
        _REQUESTER,
        _NOT_ACCOUNTING,
        60,
        "45 CFR 164.528(c)(1)",
    ),
)


def patient_right_findings(clause: Clause) -> Iterator[Finding]:
    for right in PATIENT_RIGHTS:
        sentence = next((s for s in clause.sentences if right.matches(s.norm)), None)
        if sentence is None:
            continue
        periods = [d for _, d in find_durations(sentence.norm) if d.unit != "year"]
        if not periods:
            explanation = f"The vendor supports {right.name} requests; no response time is stated."
            yield clause.finding(right.item_id, "yes", 0.7, sentence.text, explanation)
            continue
        period = periods[0]
        explanation = f"The vendor answers {right.name} requests within {period.describe()}."
        value = "yes"
        if period.hours >= right.practice_deadline_days * 24:
            value = "partial"
            explanation += (
                f" The practice itself must answer within {right.practice_deadline_days} "
                f"days ({right.regulation}), so this leaves it no time."
            )
        yield clause.finding(right.item_id, value, 0.8, sentence.text, explanation, period)


_AUDIT = compile_words(r"audit\w*", r"inspect\w*", r"assess\w*")
_CUSTOMER_RIGHT = compile_words(
    r"(?:covered entity|customer|practice|client)(?: or its [\w ]{1,40}?)? "
    r"(?:may|shall have the right|has the right|is entitled)",
    r"right to (?:audit|inspect)",
    r"permit (?:covered entity|customer|the practice|client)",
    r"allow (?:covered entity|customer|the practice|client)",
)
_NO_AUDIT = compile_words(
    r"(?:shall|will) not (?:be entitled|have (?:the|any) right) to (?:audit|inspect)",
    r"no right to (?:audit|inspect)",
    r"(?:is|are) not permitted to (?:audit|inspect)",
)
_ON_SITE = compile_words(r"on-?site", r"on site", r"premises", r"facilities")
_SUMMARY = compile_words(
    r"summar\w*",
    r"soc ?2",
    r"soc 1",
    r"third-party (?:audit )?reports?",
    r"attestation",
    r"in lieu of",
    r"iso 27001",
)
_FREQUENCY = re.compile(
    r"(?:once|one time|no more than once|not more than once) (?:per|every|each|in any) "
    r"(?:calendar )?(?:year|(?:twelve \(12\)|12|\w+ \(\d+\))[ -]months?(?: period)?)|annually"
)


def audit_findings(clause: Clause) -> Iterator[Finding]:
    for sentence in clause.matching(_AUDIT):
        norm = sentence.norm
        if _SECRETARY_ONLY.search(norm):
            continue  # access for HHS, read by the HHS access rule
        if _NO_AUDIT.search(norm):
            explanation = "The BAA excludes audits by the practice."
            yield clause.finding("vendor.audit_rights", "no", 0.85, sentence.text, explanation)
            continue
        if not _CUSTOMER_RIGHT.search(norm):
            continue
        yield _audit_scope(clause, sentence.text, norm)


_SECRETARY_ONLY = compile_words(r"secretary")


def _audit_scope(clause: Clause, text: str, norm: str) -> Finding:
    frequency = _FREQUENCY.search(norm)
    often = f' Frequency: "{frequency.group(0)}".' if frequency else ""
    if _SUMMARY.search(norm):
        explanation = "The practice receives audit reports or summaries, not its own audit." + often
        return clause.finding("vendor.audit_rights", "partial", 0.75, text, explanation)
    if _ON_SITE.search(norm):
        explanation = "The practice may audit, including on site." + often
        return clause.finding("vendor.audit_rights", "yes", 0.8, text, explanation)
    explanation = "The practice may audit; the scope (on site or remote) is not stated." + often
    return clause.finding("vendor.audit_rights", "yes", 0.6, text, explanation)
