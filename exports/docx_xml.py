"""Safe XML parsing for parts of a vendor's .docx, and WordprocessingML names."""

from __future__ import annotations

from lxml import etree

from models.errors import WorkbenchError


class BaaDocumentError(WorkbenchError):
    """A vendor BAA file cannot be read as a Word document."""


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
# Word's "Strict Open XML Document" format uses other namespaces than a .docx.
STRICT_W_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"

# No entity expansion, no DTD or network fetch, and lxml's default limits on
# tree depth and text size (huge_tree off) so a hostile part cannot exhaust memory.
_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=False,
    remove_comments=True,
    remove_pis=True,
)


def parse_part(data: bytes, source: str, part: str) -> etree._Element:
    """Parse one XML part; reject malformed XML and any DOCTYPE.

    Word does not write a DOCTYPE, and a DTD is where entity bombs are declared.

    Raises:
        BaaDocumentError: naming the file and the part.
    """
    try:
        tree = etree.fromstring(data, _PARSER).getroottree()
    except etree.XMLSyntaxError as exc:
        raise BaaDocumentError(
            f"{source}: the {part} part is not valid XML ({exc.msg}); the file is damaged, "
            "ask the vendor to send it again"
        ) from None
    if tree.docinfo.doctype:
        raise BaaDocumentError(
            f"{source}: the {part} part declares a DOCTYPE, which Word does not write; "
            "the file was not saved by a word processor and is not read"
        )
    return tree.getroot()


def wattr(element: etree._Element, name: str) -> str | None:
    """Return the w:-namespaced attribute *name* of *element*."""
    return element.get(f"{W}{name}")
