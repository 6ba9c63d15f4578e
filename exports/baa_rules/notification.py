"""Breach and security-incident reporting: what is reported and within how many hours."""

from __future__ import annotations

from collections.abc import Iterator

from exports.baa_rules.durations import find_durations
from exports.baa_rules.model import Clause, Finding, compile_words
from exports.baa_rules.text import Sentence

NOTIFICATION_ITEM = "incident.notification_hours"
REPORTING_ITEM = "baa.breach_reporting"

# "shall report", "will notify", "agrees to provide notice": an obligation, not a definition.
_DUTY = compile_words(
    r"(?:shall|will|must|agrees? to|is required to)\b.{0,80}?\b"
    r"(?:report|notify|notification|notice|inform)"
)
_BREACH = compile_words(r"breach(?:es)?", r"unsecured (?:phi|protected health information)")
_INCIDENT = compile_words(r"security incidents?")
_IMPROPER_USE = compile_words(
    r"(?:use|disclosure)s? (?:of [\w ]{1,40} )?not (?:provided|permitted)"
)
_VAGUE_TIMING = compile_words(
    r"without unreasonable delay",
    r"promptly",
    r"immediately",
    r"as soon as (?:reasonably )?practicable",
)


_REPORT_WORD = compile_words(r"report\w*", r"notif\w*", r"notice")


_DISCOVERY = compile_words(r"discover\w*", r"becom\w+ aware")


def notification_findings(clause: Clause) -> Iterator[Finding]:
    yield from _table_period(clause)
    for sentence in clause.sentences:
        if not _DUTY.search(sentence.norm):
            yield from _timing_only(clause, sentence)
        elif _BREACH.search(sentence.norm) or _INCIDENT.search(sentence.norm):
            yield _period(clause, sentence)
            yield _coverage(clause, sentence)


def _timing_only(clause: Clause, sentence: Sentence) -> Iterator[Finding]:
    """Read a sentence that states only the timing of a notice that another sentence requires.

    Vendors often put the period in its own clause after the reporting duty, so
    the sentence is matched by notice, period and discovery together.
    """
    norm = sentence.norm
    if not (_REPORT_WORD.search(norm) and _DISCOVERY.search(norm)):
        return
    durations = [d for _, d in find_durations(norm) if d.unit != "year"]
    if durations:
        explanation = f"The notice period is {durations[0].describe()}, counted from discovery."
        yield clause.finding(
            NOTIFICATION_ITEM, durations[0].hours, 0.7, sentence.text, explanation, durations[0]
        )


def _table_period(clause: Clause) -> Iterator[Finding]:
    """Read a service table row such as "Breach notification | 5 business days"."""
    label = clause.label_norm
    if not (label and _REPORT_WORD.search(label)):
        return
    if not (_BREACH.search(label) or _INCIDENT.search(label) or "incident" in label):
        return
    durations = [d for _, d in find_durations(clause.norm) if d.unit != "year"]
    if durations:
        explanation = f"The table states notice within {durations[0].describe()}."
        yield clause.finding(
            NOTIFICATION_ITEM, durations[0].hours, 0.8, clause.row_text, explanation, durations[0]
        )


def _period(clause: Clause, sentence: Sentence) -> Finding:
    durations = [d for _, d in find_durations(sentence.norm) if d.unit != "year"]
    follow_up = _follow_up(clause, sentence)
    if not durations and follow_up is not None:
        # "... shall report any Breach. Such report shall be made within 5 business days."
        durations = [d for _, d in find_durations(follow_up.norm) if d.unit != "year"]
        text = clause.span_text(sentence, follow_up)
        explanation = f"Notice within {durations[0].describe()}, stated in the next sentence."
        return clause.finding(
            NOTIFICATION_ITEM, durations[0].hours, 0.8, text, explanation, durations[0]
        )
    if not durations:
        vague = _VAGUE_TIMING.search(sentence.norm)
        wording = f'says "{vague.group(0)}" but' if vague else "is about reporting but"
        return clause.finding(
            NOTIFICATION_ITEM,
            None,
            0.5,
            sentence.text,
            f"The clause {wording} states no period; the legal outer limit is "
            "60 calendar days after discovery (45 CFR 164.410).",
        )
    duration = durations[0]
    explanation = f"Notice within {duration.describe()}."
    confidence = 0.9
    if duration.conflict:
        explanation += " The words and the digits of the number differ; check the clause."
        confidence = 0.6
    if len(durations) > 1:
        explanation += " The clause states more than one period; the first is used."
        confidence -= 0.1
    return clause.finding(
        NOTIFICATION_ITEM, duration.hours, confidence, sentence.text, explanation, duration
    )


def _coverage(clause: Clause, sentence: Sentence) -> Finding:
    """Report security incidents and breaches (yes) or only one of the two (partial)."""
    breach = _BREACH.search(sentence.norm) is not None
    incident = _INCIDENT.search(sentence.norm) is not None
    if breach and incident:
        improper = _IMPROPER_USE.search(clause.norm) is not None
        extra = " and uses or disclosures the agreement does not allow" if improper else ""
        return clause.finding(
            REPORTING_ITEM,
            "yes",
            0.85 if improper else 0.75,
            sentence.text,
            f"The vendor reports security incidents and breaches{extra}.",
        )
    missing = "security incidents" if breach else "breaches of unsecured PHI"
    return clause.finding(
        REPORTING_ITEM,
        "partial",
        0.6,
        sentence.text,
        f"This clause does not mention {missing}; HIPAA requires reporting both.",
    )


def _follow_up(clause: Clause, sentence: Sentence) -> Sentence | None:
    """Return the next sentence when it states the reporting period, else None."""
    position = clause.sentences.index(sentence)
    if position + 1 >= len(clause.sentences):
        return None
    following = clause.sentences[position + 1]
    if not _REPORT_WORD.search(following.norm):
        return None
    periods = [d for _, d in find_durations(following.norm) if d.unit != "year"]
    return following if periods else None
