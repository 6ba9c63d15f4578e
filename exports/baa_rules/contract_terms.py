"""Required BAA terms: subcontractors, return or destroy, HHS access, termination."""

from __future__ import annotations

from collections.abc import Iterator

from exports.baa_rules.durations import find_durations
from exports.baa_rules.model import Clause, Finding, compile_words
from exports.baa_rules.text import Sentence

_SUBCONTRACTOR = compile_words(r"subcontractors?", r"sub-contractors?", r"agents?")
_SAME_TERMS = compile_words(
    r"same (?:or (?:more|stricter|substantially similar) )?restrictions,? (?:and|&) conditions",
    r"same restrictions",
    r"(?:at least as|no less) (?:protective|restrictive|stringent)",
)
_SIMILAR_TERMS = compile_words(r"substantially (?:similar|the same|equivalent)")
_ASSURANCES = compile_words(
    r"(?:reasonable|satisfactory) assurances?", r"commercially reasonable efforts"
)


def subcontractor_findings(clause: Clause) -> Iterator[Finding]:
    for sentence in clause.matching(_SUBCONTRACTOR):
        if not compile_words(r"agree", r"ensure", r"require", r"obtain", r"bind").search(
            sentence.norm
        ):
            continue
        if _SAME_TERMS.search(sentence.norm):
            value, confidence = "yes", 0.85
            explanation = "Subcontractors must agree to the same restrictions and conditions."
        elif _SIMILAR_TERMS.search(sentence.norm):
            value, confidence = "partial", 0.7
            explanation = (
                'Subcontractor terms need only be "substantially similar"; HIPAA requires '
                "the same restrictions and conditions."
            )
        elif _ASSURANCES.search(sentence.norm):
            value, confidence = "partial", 0.75
            explanation = (
                "The vendor only obtains assurances from subcontractors; HIPAA requires them "
                "to agree to the same restrictions and conditions in writing."
            )
        else:
            value, confidence = "partial", 0.4
            explanation = (
                "Subcontractors are mentioned, but the terms they must accept are not stated."
            )
        if "subcontract" not in sentence.norm and "sub-contract" not in sentence.norm:
            confidence -= 0.15  # "agents" alone is a weaker signal than "subcontractors"
        yield clause.finding(
            "baa.subcontractor_flowdown", value, confidence, sentence.text, explanation
        )


_RETURN_DESTROY = compile_words(r"return(?:s|ed)?", r"destroy(?:s|ed)?", r"destruction")
_PHI_OR_DATA = compile_words(
    r"phi", r"protected health information", r"customer data", r"data", r"information"
)
_AT_END = compile_words(r"terminat\w*", r"expir\w*", r"end of", r"cancel\w*")
_IF_FEASIBLE = compile_words(
    r"(?:if|where|when) (?:reasonably )?feasible",
    r"to the extent (?:reasonably )?(?:feasible|practicable|possible)",
    r"commercially reasonable",
)
_DUTY = compile_words(r"shall", r"will", r"must", r"agrees?")
_EXTENDS = compile_words(r"extend\w* the protections")
_CERTIFY = compile_words(r"certif\w*")


def return_or_destroy_findings(clause: Clause) -> Iterator[Finding]:
    anchor = next(
        (
            s
            for s in clause.matching(_RETURN_DESTROY)
            if "return" in s.norm
            and ("destroy" in s.norm or "destruction" in s.norm)
            and _DUTY.search(s.norm)
        ),
        None,
    )
    if anchor is None or not (_AT_END.search(clause.norm) and _PHI_OR_DATA.search(clause.norm)):
        return
    feasible = clause.first(_IF_FEASIBLE)
    text = clause.span_text(anchor, feasible)
    if feasible is not None:
        qualifier = _IF_FEASIBLE.search(feasible.norm)
        extends = _EXTENDS.search(clause.norm) is not None
        explanation = (
            f'Return or destruction is qualified by "{qualifier.group(0) if qualifier else ""}", '
            "so the vendor may keep data it calls infeasible to return"
            + ("; protections extend to what it keeps." if extends else ", with no stated limit.")
        )
        yield clause.finding("baa.return_or_destroy", "partial", 0.8, text, explanation)
    else:
        explanation = (
            "All PHI is returned or destroyed at termination, without an 'if feasible' escape."
        )
        yield clause.finding("baa.return_or_destroy", "yes", 0.8, text, explanation)
    yield _certificate(clause, anchor, clause.first(_CERTIFY))


def _certificate(clause: Clause, anchor: Sentence, certify: Sentence | None) -> Finding:
    if certify is not None:
        explanation = "The vendor certifies the return or destruction in writing."
        return clause.finding(
            "retention.destruction_certificate", "yes", 0.75, certify.text, explanation
        )
    explanation = "The return or destroy clause gives no certificate of destruction."
    return clause.finding(
        "retention.destruction_certificate",
        "no",
        0.4,
        anchor.text,
        explanation,
        is_wording=False,
    )


_RETAIN = compile_words(r"retain\w*", r"retention", r"keep", r"kept", r"maintain\w*", r"stor\w+")
_BACKUP_DATA = compile_words(
    r"backups?", r"customer data", r"data", r"copies", r"snapshots?", r"archives?", r"versions?"
)
# Retention periods that are not the backup retention the checklist asks about.
_OTHER_RETENTION = compile_words(
    r"accounting",
    r"documentation",
    r"disclosures",
    r"after (?:the )?(?:termination|expiration)",
    r"following (?:termination|expiration)",
    r"upon (?:termination|expiration)",
)
_ACCOUNT_ACTIVE = compile_words(
    r"as long as [\w' ]{0,30}(?:account|subscription|agreement)",
    r"(?:during|for) the term of (?:the|this) (?:agreement|subscription)",
    r"while (?:the|your) (?:account|subscription) (?:is|remains) active",
)


def retention_findings(clause: Clause) -> Iterator[Finding]:
    for sentence in clause.matching(_RETAIN):
        norm = sentence.norm
        if not _BACKUP_DATA.search(norm) or _OTHER_RETENTION.search(norm):
            continue
        periods = [d for _, d in find_durations(norm) if d.unit in ("day", "week", "month", "year")]
        if periods:
            years = round(periods[0].hours / (365 * 24), 2)
            explanation = f"Data is retained for {periods[0].describe()} = {years:g} years."
            yield clause.finding("retention.minimum_years", years, 0.7, sentence.text, explanation)
        elif _ACCOUNT_ACTIVE.search(norm):
            explanation = (
                "Retention lasts only while the account is active; no period in years is stated."
            )
            yield clause.finding("retention.minimum_years", None, 0.55, sentence.text, explanation)


_SECRETARY = compile_words(r"secretary", r"hhs", r"health and human services")
_BOOKS = compile_words(r"books", r"records", r"internal practices")


def hhs_access_findings(clause: Clause) -> Iterator[Finding]:
    for sentence in clause.matching(_SECRETARY):
        books = _BOOKS.search(sentence.norm) is not None
        available = compile_words(r"available", r"access", r"inspect\w*").search(sentence.norm)
        if books and available:
            explanation = "Internal practices, books and records are open to the HHS Secretary."
            yield clause.finding("baa.hhs_access", "yes", 0.9, sentence.text, explanation)
        elif books:
            explanation = (
                "Books and records are mentioned with the Secretary; check the access terms."
            )
            yield clause.finding("baa.hhs_access", "yes", 0.6, sentence.text, explanation)


_TERMINATE = compile_words(r"terminat\w*")
_BREACH_OF_TERMS = compile_words(
    r"material(?:ly)? (?:breach\w*|violat\w*)", r"breach\w* (?:of|by)", r"violat\w*"
)
_CURE = compile_words(r"cure[sd]?", r"remed\w+")
# NOTE: a cure period longer than 30 days is marked partial. HIPAA sets no
# length; 30 days is the common market term and keeps the practice's exit short.
MAX_CURE_HOURS = 30 * 24


def termination_findings(clause: Clause) -> Iterator[Finding]:
    for sentence in clause.matching(_TERMINATE):
        if not _BREACH_OF_TERMS.search(sentence.norm):
            continue
        cure = clause.first(_CURE)
        periods = [d for _, d in find_durations(cure.norm)] if cure else []
        text = clause.span_text(sentence, cure if periods else None)
        if not periods:
            explanation = "The practice may terminate for a material breach."
            yield clause.finding("baa.termination_for_breach", "yes", 0.8, text, explanation)
            continue
        period = periods[0]
        value = "yes" if period.hours <= MAX_CURE_HOURS else "partial"
        explanation = f"Termination for breach after a cure period of {period.describe()}."
        if value == "partial":
            explanation += " A cure period over 30 days delays the practice's exit."
        yield clause.finding("baa.termination_for_breach", value, 0.8, text, explanation, period)
