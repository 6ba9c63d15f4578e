"""Findings: what a BAA says about one checklist item, with the vendor's exact words."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from exports.baa_docx_reader import Paragraph
from exports.baa_rules.durations import Duration
from exports.baa_rules.text import Sentence, normalise, split_sentences
from models.checklist import Value, format_value

HIGH_CONFIDENCE = 0.8
# Longer "sentences" are run-on text without periods; they cannot be stored as
# wording and would only slow the rules down.
MAX_SENTENCE_CHARACTERS = 5_000
MEDIUM_CONFIDENCE = 0.5


@dataclass(frozen=True)
class Finding:
    """One proposed answer read from the BAA.

    Attributes:
        value: the proposed answer in the item's answer type (a choice text or a
            number in the item's unit); None when the clause speaks to the item
            but states no answer, such as "promptly" with no period.
        confidence: 0 to 1; how surely the rule matched the item, not legal weight.
        matched_text: a slice of the paragraph's current text, exactly as written,
            or for a figure read from a table row, the row as "label: value".
        explanation: why the rule proposes this value, in plain words.
        duration: the period the value came from, for items measured in time.
        is_wording: False when the matched text is where the BAA is silent on the
            item (a "no" read from a clause that leaves it out), so the text is
            not the vendor's wording for the item and is not stored as such.
        location: where the text is, for people: "section 2.3" or
            "table after section 7, row 2"; "" for text outside tables that
            comes before the first numbered section.
    """

    item_id: str
    value: Value | None
    confidence: float
    paragraph_index: int
    section: str
    matched_text: str
    explanation: str
    duration: Duration | None = None
    is_wording: bool = True
    location: str = ""

    @property
    def confidence_label(self) -> str:
        if self.confidence >= HIGH_CONFIDENCE:
            return "high"
        return "medium" if self.confidence >= MEDIUM_CONFIDENCE else "low"

    @property
    def value_text(self) -> str:
        return format_value(self.value) or "unknown"

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "item_id": self.item_id,
            "value": self.value,
            "confidence": round(self.confidence, 2),
            "confidence_label": self.confidence_label,
            "section": self.section,
            "location": self.location,
            "paragraph": self.paragraph_index,
            "matched_text": self.matched_text,
            "explanation": self.explanation,
            "is_wording": self.is_wording,
        }
        if self.duration is not None:
            data["hours"] = self.duration.hours
            data["day_kind"] = self.duration.day_kind or None
            data["period"] = self.duration.describe()
        return data


@dataclass(frozen=True)
class Clause:
    """A paragraph handed to the rules, split into sentences."""

    paragraph: Paragraph
    sentences: tuple[Sentence, ...]

    @classmethod
    def of(cls, paragraph: Paragraph) -> Clause:
        """Split *paragraph* into sentences, leaving out any too long to be a clause sentence."""
        sentences = split_sentences(paragraph.text)
        return cls(paragraph, tuple(s for s in sentences if len(s.text) <= MAX_SENTENCE_CHARACTERS))

    @property
    def norm(self) -> str:
        return " ".join(sentence.norm for sentence in self.sentences)

    @property
    def label_norm(self) -> str:
        """The normalised first-cell text of a table row, "" outside tables."""
        return normalise(self.paragraph.row_label)

    @property
    def row_text(self) -> str:
        """The table row as "label: value", so a figure reads whole; the text outside tables."""
        label = " ".join(self.paragraph.row_label.split()).rstrip(":")
        return f"{label}: {self.paragraph.text.strip()}" if label else self.paragraph.text

    def matching(self, pattern: re.Pattern[str]) -> Iterator[Sentence]:
        return (sentence for sentence in self.sentences if pattern.search(sentence.norm))

    def first(self, pattern: re.Pattern[str]) -> Sentence | None:
        return next(self.matching(pattern), None)

    def span_text(self, *sentences: Sentence | None) -> str:
        """Return the paragraph text from the first to the last of *sentences*, unchanged."""
        present = [sentence for sentence in sentences if sentence is not None]
        start = min(sentence.start for sentence in present)
        end = max(sentence.end for sentence in present)
        return self.paragraph.text[start:end]

    def finding(
        self,
        item_id: str,
        value: Value | None,
        confidence: float,
        text: str,
        explanation: str,
        duration: Duration | None = None,
        is_wording: bool = True,
    ) -> Finding:
        return Finding(
            item_id,
            value,
            round(min(max(confidence, 0.0), 1.0), 2),
            self.paragraph.index,
            self.paragraph.section,
            text,
            explanation,
            duration,
            is_wording,
            self.paragraph.location,
        )


Rule = Callable[[Clause], Iterable[Finding]]


def compile_words(*alternatives: str) -> re.Pattern[str]:
    """Compile alternatives into one pattern matched on word boundaries."""
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b")
