"""Sentences of a paragraph and the normalised form the rules match against.

Rules match a normalised copy (lower case, straight quotes, plain spaces and
hyphens) but report spans of the original paragraph, so the wording that is
stored is a slice of the vendor's text, unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CHARACTER_MAP = str.maketrans(
    {
        "\u00a0": " ",  # no-break space
        "\u202f": " ",  # narrow no-break space
        "\u2007": " ",  # figure space
        "\u2009": " ",  # thin space
        "\t": " ",
        "\n": " ",
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2010": "-",
        "\u2011": "-",  # non-breaking hyphen
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u00ad": None,  # soft hyphen
        "\u200b": None,  # zero-width space
    }
)
_SPACES = re.compile(r" {2,}")

# A sentence ends at . ! or ? (after any closing quote or bracket) followed by
# white space and a capital, a digit, a quote or an opening bracket.
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[A-Z0-9])")
# Abbreviations in contracts that end in a period without ending the sentence.
_ABBREVIATIONS = {
    "u.s.c",
    "c.f.r",
    "cfr",
    "e.g",
    "i.e",
    "inc",
    "no",
    "nos",
    "sec",
    "secs",
    "co",
    "corp",
    "ltd",
    "llc",
    "etc",
    "vs",
    "st",
    "mr",
    "ms",
    "dr",
    "art",
    "para",
    "pub",
    "l",
    "stat",
    "u.s",
}
_LAST_WORD = re.compile(r"([\w.]+)$")
_CLAUSE_NUMBER = re.compile(r"^\s*\d+(?:\.\d+)*$")


def normalise(text: str) -> str:
    """Return *text* lower-cased with typographic spaces, quotes and hyphens made plain."""
    return _SPACES.sub(" ", text.translate(_CHARACTER_MAP)).lower()


@dataclass(frozen=True)
class Sentence:
    """A sentence as a span of its paragraph's text, with its normalised form."""

    start: int
    end: int
    text: str
    norm: str


def split_sentences(text: str) -> list[Sentence]:
    """Split a paragraph into sentences; the spans exclude surrounding white space."""
    sentences = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if _ends_in_abbreviation(text[start : match.start()]):
            continue
        sentences.append(_sentence(text, start, match.end()))
        start = match.end()
    sentences.append(_sentence(text, start, len(text)))
    return [sentence for sentence in sentences if sentence.text]


def _ends_in_abbreviation(before_period: str) -> bool:
    if _CLAUSE_NUMBER.match(before_period):
        return True  # "3.1. Term." keeps its number with the heading
    match = _LAST_WORD.search(before_period)
    if match is None:
        return False
    word = match.group(1).lower().strip(".")
    # A lone letter before the period is an initial or a list marker such as "a."
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _sentence(text: str, start: int, end: int) -> Sentence:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(start, end, text[start:end], normalise(text[start:end]))
