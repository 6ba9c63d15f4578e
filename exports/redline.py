"""Word-level redlines: diff two texts and write them as Word tracked changes.

``diff_words`` splits both texts into words, runs of whitespace and single
punctuation marks, and compares them with difflib, so a change of "sixty (60)
days" to "eight (8) hours" strikes and inserts whole words. ``write_redline``
writes the result into a paragraph as ``w:del`` runs (text in ``w:delText``)
and ``w:ins`` runs, each with a unique ``w:id``, the author and the date, so
Word and LibreOffice can accept or reject every change.
"""

from __future__ import annotations

import difflib
import enum
import html
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.paragraph import Paragraph

from exports.ooxml import clean_xml_text

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
# Revision ids are kept apart from comment ids as a precaution, since both are annotation
# ids. python-docx numbers comments from 0, so revision ids start far above that range.
FIRST_REVISION_ID = 10_000


# Maximum length of an unchanged run of non-word characters folded into the changes around it.
MAX_GLUE = 3
# When fewer of the old text's words than this share survive unchanged, the new text is a
# rewrite, and keeping the few shared words ("hours" of "RTO: 24 hours") would leave
# fragments of the old text inside the new sentence.
MIN_KEPT_WORD_SHARE = 1 / 3


class Change(enum.StrEnum):
    EQUAL = "equal"
    DELETE = "delete"
    INSERT = "insert"


@dataclass(frozen=True)
class Segment:
    change: Change
    text: str


def tokenize(text: str) -> list[str]:
    """Split text into words, whitespace runs and punctuation; joined they give *text*."""
    return _TOKEN.findall(text)


def diff_words(old: str, new: str) -> list[Segment]:
    """Return the segments that turn *old* into *new*, deletions before insertions."""
    old_tokens, new_tokens = tokenize(old), tokenize(new)
    matcher = difflib.SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    segments: list[Segment] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            _append(segments, Change.EQUAL, "".join(old_tokens[i1:i2]))
            continue
        _append(segments, Change.DELETE, "".join(old_tokens[i1:i2]))
        _append(segments, Change.INSERT, "".join(new_tokens[j1:j2]))
    if _is_rewrite(segments, old_tokens):
        return [Segment(change, text) for change, text in _replacement(old, new)]
    return _absorb_glue(segments)


def _is_rewrite(segments: list[Segment], old_tokens: list[str]) -> bool:
    old_words = sum(1 for token in old_tokens if _is_word(token))
    kept_words = sum(
        1
        for segment in segments
        if segment.change is Change.EQUAL
        for token in tokenize(segment.text)
        if _is_word(token)
    )
    return old_words > 0 and kept_words < old_words * MIN_KEPT_WORD_SHARE


def _is_word(token: str) -> bool:
    return any(char.isalnum() for char in token)


def _replacement(old: str, new: str) -> list[tuple[Change, str]]:
    return [(change, text) for change, text in ((Change.DELETE, old), (Change.INSERT, new)) if text]


def _append(segments: list[Segment], change: Change, text: str) -> None:
    if not text:
        return
    if segments and segments[-1].change is change:
        segments[-1] = Segment(change, segments[-1].text + text)
    else:
        segments.append(Segment(change, text))


def _absorb_glue(segments: list[Segment]) -> list[Segment]:
    """Fold short unchanged glue (spaces, brackets, punctuation) between two changes into them.

    The redline then reads as one struck phrase and one inserted phrase, e.g.
    "sixty (60) days" -> "eight (8) hours", instead of word-by-word fragments.
    """
    merged: list[Segment] = []
    index = 0
    while index < len(segments):
        segment = segments[index]
        is_gap = (
            segment.change is Change.EQUAL
            and _is_glue(segment.text)
            and 0 < index < len(segments) - 1
            and segments[index - 1].change is not Change.EQUAL
            and segments[index + 1].change is not Change.EQUAL
        )
        if is_gap:
            _append(merged, Change.DELETE, segment.text)
            _append(merged, Change.INSERT, segment.text)
        else:
            _append(merged, segment.change, segment.text)
        index += 1
    return _order_changes(merged)


def _is_glue(text: str) -> bool:
    return len(text) <= MAX_GLUE and not any(char.isalnum() for char in text)


def _order_changes(segments: list[Segment]) -> list[Segment]:
    """Put each block of changes as all deletions, then all insertions."""
    ordered: list[Segment] = []
    for is_equal, group in itertools.groupby(segments, key=lambda s: s.change is Change.EQUAL):
        block = list(group)
        if is_equal:
            ordered.extend(block)
            continue
        for change in (Change.DELETE, Change.INSERT):
            text = "".join(s.text for s in block if s.change is change)
            _append(ordered, change, text)
    return ordered


# Colours of the on-screen preview, as Word shows tracked changes by default.
DELETED_STYLE = "color:#b00020;text-decoration:line-through;"
INSERTED_STYLE = "color:#0645ad;text-decoration:underline;"


def redline_html(old: str, new: str) -> str:
    """Render *old* -> *new* as HTML: deletions struck in red, insertions underlined in blue."""
    parts = []
    for segment in diff_words(clean_xml_text(old), clean_xml_text(new)):
        text = html.escape(segment.text).replace("\n", "<br>")
        if segment.change is Change.DELETE:
            parts.append(f'<span style="{DELETED_STYLE}">{text}</span>')
        elif segment.change is Change.INSERT:
            parts.append(f'<span style="{INSERTED_STYLE}">{text}</span>')
        else:
            parts.append(text)
    return "".join(parts)


class RevisionIds:
    """Hands out the unique ``w:id`` values of one document's tracked changes."""

    def __init__(self, start: int = FIRST_REVISION_ID) -> None:
        self._counter = itertools.count(start)

    def next(self) -> str:
        return str(next(self._counter))


@dataclass(frozen=True)
class Revision:
    """Author and time of the tracked changes (ISO 8601 without fractions, as Word writes them)."""

    author: str
    date: str
    ids: RevisionIds


def write_redline(paragraph: Paragraph, old: str, new: str, revision: Revision) -> None:
    """Append *old* -> *new* to *paragraph* as tracked deletions and insertions."""
    for segment in diff_words(clean_xml_text(old), clean_xml_text(new)):
        if segment.change is Change.EQUAL:
            paragraph._p.append(_run(segment.text, deleted=False))
        else:
            paragraph._p.append(_tracked(segment, revision))


def write_insertion(paragraph: Paragraph, text: str, revision: Revision) -> None:
    """Append *text* to *paragraph* as one tracked insertion."""
    paragraph._p.append(_tracked(Segment(Change.INSERT, clean_xml_text(text)), revision))


def write_plain(paragraph: Paragraph, text: str) -> None:
    """Append *text* as an untracked run, keeping tabs and line breaks."""
    paragraph._p.append(_run(clean_xml_text(text), deleted=False))


def _tracked(segment: Segment, revision: Revision) -> BaseOxmlElement:
    tag = "w:del" if segment.change is Change.DELETE else "w:ins"
    wrapper = OxmlElement(tag)
    wrapper.set(qn("w:id"), revision.ids.next())
    wrapper.set(qn("w:author"), clean_xml_text(revision.author) or "BAA Workbench")
    wrapper.set(qn("w:date"), revision.date)
    wrapper.append(_run(segment.text, deleted=segment.change is Change.DELETE))
    return wrapper


def _run(text: str, deleted: bool) -> BaseOxmlElement:
    """Build a ``w:r`` for *text*; tabs and newlines become ``w:tab`` and ``w:br``."""
    run = OxmlElement("w:r")
    text_tag = "w:delText" if deleted else "w:t"
    for piece in _pieces(text):
        if piece == "\t":
            run.append(OxmlElement("w:tab"))
        elif piece == "\n":
            run.append(OxmlElement("w:br"))
        else:
            node = OxmlElement(text_tag)
            node.set(qn("xml:space"), "preserve")
            node.text = piece
            run.append(node)
    return run


def _pieces(text: str) -> Iterator[str]:
    for piece in re.split(r"([\t\n])", text):
        if piece:
            yield piece
