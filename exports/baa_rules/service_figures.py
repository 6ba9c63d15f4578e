"""Service figures a BAA or its service table states: RTO, RPO and encryption.

In a table, the row's first cell names the figure ("Recovery Time Objective")
and a later cell states it ("4 hours"). The rules read the label with the cell
and record the row as "label: value" as the vendor's wording, because the
cell's text alone ("4 hours") is not a clause a redline can replace.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from exports.baa_rules.durations import find_durations
from exports.baa_rules.model import Clause, Finding, compile_words

_RTO = compile_words(r"rto", r"recovery time objective", r"(?:restore|recover)\w* (?:within|in)")
_RPO = compile_words(r"rpo", r"recovery point objective")
_BACKUP_INTERVAL = compile_words(r"backups? (?:are |is )?(?:taken|performed|run|made) every")


def recovery_findings(clause: Clause) -> Iterator[Finding]:
    yield from _hours_figure(clause, "recovery.rto_hours", "recovery time objective", _RTO)
    yield from _hours_figure(clause, "recovery.rpo_hours", "recovery point objective", _RPO)
    yield from _hours_figure(
        clause, "recovery.rpo_hours", "backup interval", _BACKUP_INTERVAL, confidence=0.6
    )


def _hours_figure(
    clause: Clause, item_id: str, name: str, pattern: re.Pattern[str], confidence: float = 0.85
) -> Iterator[Finding]:
    label = clause.label_norm
    if label and pattern.search(label):
        periods = [duration for _, duration in find_durations(clause.norm)]
        if periods:
            period = periods[0]
            explanation = f"The service table states a {name} of {period.describe()}."
            yield clause.finding(
                item_id, period.hours, confidence, clause.row_text, explanation, period
            )
        return
    for sentence in clause.matching(pattern):
        # Take the period after the term, so "within 30 days, an RTO of 4 hours" reads 4.
        term = pattern.search(sentence.norm)
        at = term.start() if term else 0
        periods = [d for position, d in find_durations(sentence.norm) if position > at]
        if periods:
            explanation = f"The {name} is {periods[0].describe()}."
            yield clause.finding(
                item_id, periods[0].hours, confidence, sentence.text, explanation, periods[0]
            )
            return


_AT_REST = compile_words(r"at rest", r"stored", r"storage", r"in storage", r"backups?")
_AES_256 = compile_words(r"aes[- ]?256", r"256[- ]bit (?:aes|advanced encryption)", r"aes \(256")
_AES_128 = compile_words(r"aes[- ]?128", r"128[- ]bit (?:aes|advanced encryption)")
_ENCRYPT = compile_words(r"encrypt\w*")
_TLS_VERSION = re.compile(r"\btls\s*(?:v|version\s*)?(1\.[0-3])\b")


def encryption_findings(clause: Clause) -> Iterator[Finding]:
    yield from _at_rest(clause)
    yield from _in_transit(clause)


def _at_rest(clause: Clause) -> Iterator[Finding]:
    for text, norm in _texts(clause):
        if not (_AT_REST.search(norm) and (_ENCRYPT.search(norm) or "aes" in norm)):
            continue
        if _AES_256.search(norm):
            explanation = "Data at rest is encrypted with AES-256."
            yield clause.finding("encryption.at_rest_aes256", "yes", 0.85, text, explanation)
        elif _AES_128.search(norm):
            explanation = "Data at rest is encrypted with AES-128, not AES-256."
            yield clause.finding("encryption.at_rest_aes256", "partial", 0.7, text, explanation)
        elif _ENCRYPT.search(norm):
            explanation = (
                "Data at rest is encrypted, but the algorithm and key length are not stated."
            )
            yield clause.finding("encryption.at_rest_aes256", "partial", 0.45, text, explanation)


def _in_transit(clause: Clause) -> Iterator[Finding]:
    for text, norm in _texts(clause):
        versions = _TLS_VERSION.findall(norm)
        if versions:
            lowest = min(versions)
            explanation = f"The lowest TLS version the clause allows is {lowest}."
            yield clause.finding("encryption.in_transit_tls", lowest, 0.8, text, explanation)


def _texts(clause: Clause) -> Iterator[tuple[str, str]]:
    """Yield (wording, normalised) text per sentence, or the whole row for a table cell."""
    if clause.paragraph.row_label:
        yield clause.row_text, f"{clause.label_norm} {clause.norm}"
        return
    for sentence in clause.sentences:
        yield sentence.text, sentence.norm
