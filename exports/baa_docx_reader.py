"""Read the body text of a vendor's BAA (.docx) paragraph by paragraph, with section numbers.

The text of each paragraph is the vendor's current text: tracked insertions are
kept and tracked deletions dropped, as if every change were accepted. Nothing
else is normalised, so a sentence cut from it is exactly what the vendor wrote.
Headers, footers, footnotes, comments and text boxes are not read.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from lxml import etree

from exports.docx_numbering import ListCounter, ListDefinitions, load_definitions
from exports.docx_safety import BaaDocumentError, read_docx_parts
from exports.docx_xml import STRICT_W_NS, W, parse_part, wattr

log = logging.getLogger(__name__)

# Hand-typed clause numbers: "3.", "3.1", "12.4.2", "Section 5", "Article IV", "(a)", "(iv)",
# and the names of attachments such as "Schedule A".
# A bare "5" is not a clause number, because paragraphs like "5 business days" start so.
_MANUAL_NUMBER = re.compile(
    r"^\s*(?P<number>(?:(?:Section|Article|Clause)\s+(?:\d+(?:\.\d+)*|[IVXLC]+)\.?)"
    r"|(?:Schedule|Exhibit|Appendix|Attachment|Annex)\s+[A-Z0-9]{1,3}\b"
    r"|\d+\.(?:\d+\.?)*|\([a-z]{1,4}\)|\(\d{1,3}\)|[IVXLC]{1,6}\.|[A-Z]\.)(?=\s)"
)
# A 20-page BAA has about 60,000 characters. The cap keeps the rules' run time
# to a few seconds whatever the file contains.
MAX_BODY_CHARACTERS = 2_000_000
_SUBITEM = re.compile(r"^\(\w+\)$")
# A paragraph right before a table names it when it reads as a title: a heading or
# caption style, or a short line that is not a sentence ("Schedule A - Service Levels").
MAX_CAPTION_CHARACTERS = 80
_CAPTION_STYLE = re.compile(r"^(?:heading|title|caption|subtitle)", re.IGNORECASE)

# Elements whose text belongs to the paragraph as it reads after accepting all changes.
_TRANSPARENT = {
    f"{W}{name}"
    for name in (
        "ins",
        "moveTo",
        "hyperlink",
        "smartTag",
        "sdt",
        "sdtContent",
        "customXml",
        "fldSimple",
        "bdo",
        "dir",
    )
}
_RUN_TEXT = {
    f"{W}tab": "\t",
    f"{W}br": "\n",
    f"{W}cr": "\n",
    f"{W}noBreakHyphen": "\u2011",
    f"{W}softHyphen": "\u00ad",
}


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the body as the vendor's current text.

    Attributes:
        index: position among the document's paragraphs, from 0.
        number: the number Word shows before it or typed at its start, "" if none.
        section: the clause it belongs to: its own number or the last one above it.
        row_label: for a paragraph in a table cell after the first, the first cell's text.
        table: for a paragraph in a table, the table's name: its caption, or
            "table after section 7", or "table 2" when no section precedes it.
        row: for a paragraph in a table, its row number in that table, from 1.
    """

    index: int
    text: str
    number: str = ""
    section: str = ""
    style: str = ""
    in_table: bool = False
    row_label: str = ""
    table: str = ""
    row: int = 0

    @property
    def location(self) -> str:
        """The place shown to the user: "section 2.3" or "table after section 7, row 2"."""
        if self.in_table:
            return f"{self.table}, row {self.row}"
        return f"section {self.section}" if self.section else ""


@dataclass(frozen=True)
class _Cell:
    """The table position handed down to the paragraphs of one table cell."""

    table: str
    row: int
    row_label: str


@dataclass(frozen=True)
class BaaDocument:
    source: str
    paragraphs: tuple[Paragraph, ...]

    @property
    def text_paragraphs(self) -> tuple[Paragraph, ...]:
        return tuple(paragraph for paragraph in self.paragraphs if paragraph.text.strip())


def read_baa_docx(path: Path | str) -> BaaDocument:
    """Read every body paragraph, tables included, in document order.

    Raises:
        BaaDocumentError: the file is not a safe, readable .docx, or its body has no text.
    """
    path = Path(path)
    parts = read_docx_parts(path)
    root = parse_part(parts.document, path.name, "document")
    definitions = load_definitions(parts.numbering, parts.styles, path.name)
    if root.tag.startswith(f"{{{STRICT_W_NS}}}"):
        raise BaaDocumentError(
            f"{path.name}: saved as a Strict Open XML Document, which this reader does not "
            "read; open it in Word and save it as a Word Document (.docx)"
        )
    if root.tag != f"{W}document":
        raise BaaDocumentError(
            f"{path.name}: not a Word document (.docx); its main part is "
            f"{etree.QName(root).localname!r}, not a Word body. Save the vendor's BAA as a "
            "Word document (.docx) and import that file"
        )
    body = root.find(f"{W}body")
    if body is None:
        raise BaaDocumentError(f"{path.name}: the document has no body; it is not a BAA")
    document = BaaDocument(path.name, tuple(_BodyWalker(definitions).walk(body)))
    characters = sum(len(paragraph.text) for paragraph in document.paragraphs)
    if characters > MAX_BODY_CHARACTERS:
        raise BaaDocumentError(
            f"{path.name}: the body has {characters:,} characters, more than the "
            f"{MAX_BODY_CHARACTERS:,} (about 600 pages) this reader accepts; "
            "import the BAA without its attachments"
        )
    if not document.text_paragraphs:
        raise BaaDocumentError(
            f"{path.name}: the document body has no text (a scan or an empty file?); "
            "ask the vendor for the BAA as an editable Word document"
        )
    log.info("Read %s paragraphs from %s", len(document.paragraphs), path.name)
    return document


class _BodyWalker:
    """Walks the body in document order, numbering paragraphs as Word would."""

    def __init__(self, definitions: ListDefinitions) -> None:
        self.definitions = definitions
        self.counter = ListCounter(definitions)
        self.section = ""
        self.base_section = ""
        self.count = 0
        self.carried = ""  # text of a paragraph whose mark is a tracked deletion
        self.tables = 0
        self.previous: Paragraph | None = None  # the last paragraph outside a table

    def walk(self, container: etree._Element, cell: _Cell | None = None) -> Iterator[Paragraph]:
        for child in container:
            if child.tag == f"{W}p":
                paragraph = self._paragraph(child, cell)
                if paragraph is not None:
                    yield paragraph
            elif child.tag == f"{W}tbl":
                yield from self._table(child, cell)
            elif child.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml"):
                yield from self.walk(child, cell)

    def _table(self, table: etree._Element, outer: _Cell | None) -> Iterator[Paragraph]:
        self.tables += 1
        # A nested table is reported as the cell of its outer table that contains it.
        name = outer.table if outer else self._table_name()
        rows = [row for row in table.iter(f"{W}tr") if row.getparent() is table]
        for number, row in enumerate(rows, start=1):
            if row.find(f"{W}trPr/{W}del") is not None:
                continue  # a tracked row deletion: the accepted text has no such row
            yield from self._row(row, outer or _Cell(name, number, ""))
        if outer is None:
            self.previous = None  # a second table right after this one has no caption

    def _row(self, row: etree._Element, position: _Cell) -> Iterator[Paragraph]:
        label = ""
        cells = [cell for cell in row.iter(f"{W}tc") if cell.getparent() is row]
        for index, cell in enumerate(cells):
            cell_paragraphs = list(self.walk(cell, replace(position, row_label=label)))
            yield from cell_paragraphs
            if index == 0:
                label = " ".join(p.text.strip() for p in cell_paragraphs if p.text.strip())

    def _table_name(self) -> str:
        """Name a table by the caption above it, else by the section it follows."""
        caption = _caption(self.previous)
        if caption:
            return f'table "{caption}"'
        # NOTE: a caption below the table is not read, so such a table is named by section.
        if self.section:
            return f"table after section {self.section}"
        return f"table {self.tables}"

    def _paragraph(self, element: etree._Element, cell: _Cell | None) -> Paragraph | None:
        text = self.carried + accepted_text(element)
        if element.find(f"{W}pPr/{W}rPr/{W}del") is not None:
            # Accepting the deletion of the paragraph mark joins this text to the next paragraph.
            self.carried = text
            return None
        self.carried = ""
        style = _paragraph_style(element)
        number = self._list_number(element, style)
        if not number and not (cell and cell.row_label):
            match = _MANUAL_NUMBER.match(text)
            number = match.group("number").strip() if match else ""
        self._enter_section(number)
        paragraph = Paragraph(self.count, text, number, self.section, style)
        if cell is not None:
            paragraph = replace(
                paragraph, in_table=True, row_label=cell.row_label, table=cell.table, row=cell.row
            )
        elif text.strip():
            self.previous = paragraph
        self.count += 1
        return paragraph

    def _list_number(self, element: etree._Element, style: str) -> str:
        num_pr = element.find(f"{W}pPr/{W}numPr")
        num_id, ilvl = self.definitions.style_numbering.get(style, (None, 0))
        if num_pr is not None:
            num_id = _val(num_pr, "numId") or num_id
            ilvl = _int(_val(num_pr, "ilvl"), ilvl)
        return self.counter.number(num_id, ilvl) if num_id else ""

    def _enter_section(self, number: str) -> None:
        if not number:
            return
        if _SUBITEM.match(number) and self.base_section:
            self.section = f"{self.base_section}{number}"
        else:
            self.section = self.base_section = number.rstrip(".")


def _caption(paragraph: Paragraph | None) -> str:
    if paragraph is None:
        return ""
    text = " ".join(paragraph.text.split()).rstrip(":")
    if _CAPTION_STYLE.match(paragraph.style):
        return text[:MAX_CAPTION_CHARACTERS]
    is_title = len(text) <= MAX_CAPTION_CHARACTERS and not text.endswith((".", "!", "?", ";"))
    return text if is_title else ""


def accepted_text(paragraph: etree._Element) -> str:
    """Return the paragraph's text with tracked insertions kept and deletions dropped."""
    parts: list[str] = []
    _collect(paragraph, parts)
    return "".join(parts)


def _collect(element: etree._Element, parts: list[str]) -> None:
    for child in element:
        tag = child.tag
        if tag == f"{W}r":
            _collect_run(child, parts)
        elif tag in _TRANSPARENT:
            _collect(child, parts)


def _collect_run(run: etree._Element, parts: list[str]) -> None:
    # Deleted text (w:delText), field codes (w:instrText) and drawings are not read.
    for child in run:
        if child.tag == f"{W}t":
            parts.append(child.text or "")
        elif child.tag in _RUN_TEXT:
            parts.append(_RUN_TEXT[child.tag])


def _paragraph_style(element: etree._Element) -> str:
    style = element.find(f"{W}pPr/{W}pStyle")
    return "" if style is None else wattr(style, "val") or ""


def _val(element: etree._Element, name: str) -> str | None:
    child = element.find(f"{W}{name}")
    return None if child is None else wattr(child, "val")


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default
