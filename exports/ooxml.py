"""WordprocessingML helpers python-docx lacks: XML-safe text and tracked-change reading.

python-docx's ``Paragraph.text`` skips the runs inside ``w:ins`` and ignores
``w:delText``, so it cannot give a document's text with its tracked changes
accepted or rejected. ``accepted_text`` and ``rejected_text`` read that from the
XML: accepting keeps inserted runs and drops deleted ones; rejecting does the
opposite. Moves (``w:moveFrom``/``w:moveTo``) count as deletion and insertion.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_NS = "http://www.w3.org/XML/1998/namespace"


def qn(tag: str) -> str:
    """Return the Clark name of a ``w:`` tag, e.g. ``w:ins`` -> ``{...main}ins``."""
    prefix, _, local = tag.partition(":")
    if prefix != "w":
        raise ValueError(f"only w: tags are supported, got {tag!r}")
    return f"{{{W_NS}}}{local}"


# Characters XML 1.0 cannot contain: C0 controls except tab, newline and carriage
# return, lone surrogates, and U+FFFE/U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

_INSERTED = frozenset((qn("w:ins"), qn("w:moveTo")))
_DELETED = frozenset((qn("w:del"), qn("w:moveFrom")))
_TEXT = qn("w:t")
_DELETED_TEXT = qn("w:delText")
_TAB = qn("w:tab")
_BREAK = qn("w:br")
_PARAGRAPH = qn("w:p")
_RUN = qn("w:r")
_RUN_PROPERTIES = qn("w:rPr")


def clean_xml_text(text: str) -> str:
    """Return *text* without the characters XML 1.0 cannot hold, line ends as ``\\n``.

    An XML parser turns a carriage return in text into a line feed, so the
    text is normalised the same way before it is written.
    """
    return _NOT_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def accepted_text(element: etree._Element) -> str:
    """Return the text of *element* with tracked changes accepted; a paragraph ends in ``\\n``."""
    return _text(element, keep_inserted=True)


def rejected_text(element: etree._Element) -> str:
    """Return the text of *element* with tracked changes rejected; a paragraph ends in ``\\n``."""
    return _text(element, keep_inserted=False)


def paragraph_texts(element: etree._Element, accept: bool = True) -> list[str]:
    """Return the text of each ``w:p`` under *element*, with changes accepted or rejected."""
    return [_run_texts(paragraph, keep_inserted=accept) for paragraph in element.iter(_PARAGRAPH)]


def _text(element: etree._Element, keep_inserted: bool) -> str:
    if element.tag == _PARAGRAPH:
        return _run_texts(element, keep_inserted)
    return "".join(text + "\n" for text in paragraph_texts(element, keep_inserted))


def _run_texts(paragraph: etree._Element, keep_inserted: bool) -> str:
    return "".join(_pieces(paragraph, keep_inserted))


def _pieces(paragraph: etree._Element, keep_inserted: bool) -> Iterable[str]:
    for node in paragraph.iter(_TEXT, _DELETED_TEXT, _TAB, _BREAK):
        if _inside_nested_paragraph(node, paragraph):
            continue
        inserted, deleted = _revision_marks(node, paragraph)
        if (inserted and not keep_inserted) or (deleted and keep_inserted):
            continue
        if node.tag in (_TEXT, _DELETED_TEXT):
            yield node.text or ""
        elif node.getparent() is not None and node.getparent().tag == _RUN:
            yield "\t" if node.tag == _TAB else "\n"


def _revision_marks(node: etree._Element, stop: etree._Element) -> tuple[bool, bool]:
    """Report whether *node* is inside an insertion and inside a deletion, up to *stop*."""
    inserted = deleted = False
    for ancestor in node.iterancestors():
        if ancestor is stop:
            break
        inserted = inserted or ancestor.tag in _INSERTED
        deleted = deleted or ancestor.tag in _DELETED
    return inserted, deleted


def _inside_nested_paragraph(node: etree._Element, paragraph: etree._Element) -> bool:
    """A text box contains its own paragraphs; their text belongs to them, not to *paragraph*."""
    for ancestor in node.iterancestors():
        if ancestor is paragraph:
            return False
        if ancestor.tag == _PARAGRAPH:
            return True
    return False
