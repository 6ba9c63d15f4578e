"""Vendor BAA .docx files built for the tests and the benchmark, in several layouts.

The text is written for these tests: a fictional vendor's standard BAA with the
weak terms real standard BAAs tend to have (sixty days' notice, "reasonable
assurances", return or destroy "if feasible").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from lxml import etree

Runs = Sequence[tuple[str, bool]]  # (text, bold)

NOTIFICATION_SENTENCE = (
    "Business Associate shall report to Covered Entity any Security Incident or Breach of "
    "Unsecured Protected Health Information of which it becomes aware without unreasonable "
    "delay and in no case later than sixty (60) calendar days after discovery."
)
SUBCONTRACTOR_SENTENCE = (
    "Business Associate shall obtain reasonable assurances from any subcontractor that "
    "creates, receives, maintains or transmits Protected Health Information on its behalf "
    "that such subcontractor will protect the information."
)
RETURN_SENTENCES = (
    "Upon termination of this Agreement, Business Associate shall, if feasible, return or "
    "destroy all Protected Health Information received from Covered Entity. Where return "
    "or destruction is not feasible, Business Associate shall extend the protections of "
    "this Agreement to that information."
)


@dataclass
class Clause:
    """A numbered clause: heading in bold, body runs; level 0 = article, 1 = section."""

    number: str
    heading: str
    runs: Runs
    level: int = 1


@dataclass
class BaaSpec:
    """What to put in a test BAA and how to lay it out."""

    vendor: str = "Stratus Vault Backup, Inc."
    numbering: str = "manual"  # "manual" (typed "3.1") or "list" (Word list numbering)
    notification: Runs = ((NOTIFICATION_SENTENCE, False),)
    extra_clauses: list[Clause] = field(default_factory=list)
    service_table: Sequence[tuple[str, str]] = ()
    filler_paragraphs: int = 0


def standard_clauses(spec: BaaSpec) -> list[Clause]:
    plain = lambda text: ((text, False),)  # noqa: E731 - local shorthand for one plain run
    return [
        Clause(
            "1.",
            "Definitions",
            plain(
                "Capitalized terms used but not defined in this Agreement have the meanings given "
                "in 45 C.F.R. Parts 160 and 164. \u201cBreach Notification Rule\u201d means the "
                "rule at 45 C.F.R. Part 164, Subpart D."
            ),
            0,
        ),
        Clause("2.", "Obligations of Business Associate", (), 0),
        Clause(
            "2.1",
            "Permitted Uses.",
            plain(
                "Business Associate shall not use or disclose Protected Health Information other "
                "than as permitted or required by this Agreement or as required by law."
            ),
        ),
        Clause(
            "2.2",
            "Safeguards.",
            plain(
                "Business Associate shall use appropriate safeguards and comply with Subpart C of "
                "45 C.F.R. Part 164 with respect to electronic Protected Health Information."
            ),
        ),
        Clause("2.3", "Reporting.", spec.notification),
        Clause("2.4", "Subcontractors.", plain(SUBCONTRACTOR_SENTENCE)),
        Clause(
            "2.5",
            "Access.",
            plain(
                "Business Associate shall make Protected Health Information in a Designated Record "
                "Set available to Covered Entity within fifteen (15) days of a request, as "
                "necessary to satisfy Covered Entity's obligations under 45 C.F.R. \u00a7 164.524."
            ),
        ),
        Clause(
            "2.6",
            "Amendment.",
            plain(
                "Business Associate shall make any amendment to Protected Health Information in a "
                "Designated Record Set as directed by Covered Entity under 45 C.F.R. \u00a7 164.526."
            ),
        ),
        Clause(
            "2.7",
            "Accounting.",
            plain(
                "Business Associate shall provide the information required for an accounting of "
                "disclosures within thirty (30) days of a request by Covered Entity."
            ),
        ),
        Clause(
            "2.8",
            "Books and Records.",
            plain(
                "Business Associate shall make its internal practices, books, and records available "
                "to the Secretary for purposes of determining compliance with the HIPAA Rules."
            ),
        ),
        Clause(
            "2.9",
            "Audits.",
            plain(
                "Covered Entity may request a summary of Business Associate's most recent SOC 2 "
                "Type II report no more than once per year, in lieu of any audit."
            ),
        ),
        Clause(
            "2.10",
            "Retention.",
            plain(
                "Business Associate will retain backup copies of Customer Data for as long as the "
                "Customer's account remains active."
            ),
        ),
        *spec.extra_clauses,
        Clause("3.", "Term and Termination", (), 0),
        Clause(
            "3.1",
            "Termination for Cause.",
            plain(
                "Covered Entity may terminate this Agreement if Business Associate has materially "
                "breached this Agreement and has not cured the breach within thirty (30) days of "
                "written notice."
            ),
        ),
        Clause("3.2", "Return or Destruction.", plain(RETURN_SENTENCES)),
        Clause("4.", "Miscellaneous", (), 0),
        Clause(
            "4.1",
            "Interpretation.",
            plain(
                "Any ambiguity in this Agreement shall be resolved to permit compliance with the "
                "HIPAA Rules."
            ),
        ),
    ]


def build_baa(path: Path, spec: BaaSpec | None = None) -> Path:
    """Write a vendor BAA laid out as *spec* says and return its path."""
    spec = spec or BaaSpec()
    document = docx.Document()
    _add_header_and_footer(document)
    document.add_heading("Business Associate Agreement", 0)
    document.add_paragraph(
        f"This Business Associate Agreement is entered into by {spec.vendor} "
        "(\u201cBusiness Associate\u201d) and the customer named in the order form "
        "(\u201cCovered Entity\u201d)."
    )
    num_id = _add_list_definition(document) if spec.numbering == "list" else None
    for clause in standard_clauses(spec):
        _add_clause(document, clause, num_id)
    for index in range(spec.filler_paragraphs):
        document.add_paragraph(_filler(index))
    if spec.service_table:
        _add_service_table(document, spec.service_table)
    document.save(str(path))
    return path


def _add_header_and_footer(document: Document) -> None:
    # Header text must not become a finding: it states a period the body does not.
    section = document.sections[0]
    section.header.paragraphs[0].text = "Notification within 1 hour of any Security Incident."
    section.footer.paragraphs[0].text = "Stratus Vault standard BAA v4.2 - Confidential"


def _add_clause(document: Document, clause: Clause, num_id: int | None) -> None:
    paragraph = document.add_paragraph()
    if num_id is not None:
        set_numbering(paragraph, num_id, clause.level)
    else:
        paragraph.add_run(f"{clause.number} ")
    heading = paragraph.add_run(clause.heading)
    heading.bold = True
    for position, (text, bold) in enumerate(clause.runs):
        run = paragraph.add_run(" " + text if position == 0 else text)
        run.bold = bold


_FILLER = (
    "The parties acknowledge that the services are provided under the master services "
    "agreement, that this Agreement controls in the event of a conflict regarding Protected "
    "Health Information, and that nothing here confers rights on any third party.",
    "Any notice under this Agreement shall be in writing and is deemed given five (5) days "
    "after mailing, or on the next business day when sent by courier, to the address in the "
    "order form.",
    "Business Associate shall train its workforce on the HIPAA Rules at least annually and "
    "shall maintain written policies for the handling of Protected Health Information.",
    "Headings are for convenience only. If any provision is held invalid, the remainder of "
    "this Agreement stays in effect, and the parties shall negotiate a valid replacement.",
)


def _filler(index: int) -> str:
    return f"{_FILLER[index % len(_FILLER)]} {_FILLER[(index + 1) % len(_FILLER)]}"


def _add_service_table(document: Document, rows: Sequence[tuple[str, str]]) -> None:
    document.add_paragraph("Schedule A - Service Commitments").runs[0].bold = True
    table = document.add_table(rows=len(rows) + 1, cols=2)
    table.style = "Table Grid"
    table.cell(0, 0).text = "Commitment"
    table.cell(0, 1).text = "Level"
    for index, (label, value) in enumerate(rows, start=1):
        table.cell(index, 0).text = label
        table.cell(index, 1).text = value


# -- Word list numbering -------------------------------------------------------


def _add_list_definition(document: Document) -> int:
    """Add a two-level list "1." / "1.1" to numbering.xml and return its numId."""
    numbering = document.part.numbering_part.element
    abstract_id, num_id = 90, 91
    abstract = etree.SubElement(numbering, qn("w:abstractNum"))
    abstract.set(qn("w:abstractNumId"), str(abstract_id))
    for ilvl, pattern in ((0, "%1."), (1, "%1.%2")):
        level = etree.SubElement(abstract, qn("w:lvl"))
        level.set(qn("w:ilvl"), str(ilvl))
        for name, value in (("start", "1"), ("numFmt", "decimal"), ("lvlText", pattern)):
            etree.SubElement(level, qn(f"w:{name}")).set(qn("w:val"), value)
    # Schema order: every w:abstractNum comes before the first w:num.
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    num = etree.SubElement(numbering, qn("w:num"))
    num.set(qn("w:numId"), str(num_id))
    etree.SubElement(num, qn("w:abstractNumId")).set(qn("w:val"), str(abstract_id))
    return num_id


def set_numbering(paragraph: Paragraph, num_id: int, ilvl: int) -> None:
    properties = paragraph._p.get_or_add_pPr()
    num_pr = etree.SubElement(properties, qn("w:numPr"))
    etree.SubElement(num_pr, qn("w:ilvl")).set(qn("w:val"), str(ilvl))
    etree.SubElement(num_pr, qn("w:numId")).set(qn("w:val"), str(num_id))


# -- tracked changes -------------------------------------------------------------


def tracked_change_runs(
    paragraph: Paragraph, before: str, deleted: str, inserted: str, after: str
) -> None:
    """Append plain text with a tracked deletion and insertion between *before* and *after*."""
    paragraph.add_run(before)
    paragraph._p.append(_revision("del", "delText", deleted, 1))
    paragraph._p.append(_revision("ins", "t", inserted, 2))
    paragraph.add_run(after)


def _revision(kind: str, text_tag: str, text: str, revision_id: int) -> etree._Element:
    element = etree.Element(qn(f"w:{kind}"))
    element.set(qn("w:id"), str(revision_id))
    element.set(qn("w:author"), "Vendor Counsel")
    element.set(qn("w:date"), "2026-11-02T10:00:00Z")
    run = etree.SubElement(element, qn("w:r"))
    text_element = etree.SubElement(run, qn(f"w:{text_tag}"))
    text_element.text = text
    text_element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return element


def document_with_paragraphs(path: Path, texts: Sequence[str]) -> Path:
    """Write a .docx with one plain paragraph per text."""
    document = docx.Document()
    for text in texts:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def document_with_table(path: Path, texts: Sequence[str], rows: Sequence[tuple[str, str]]) -> Path:
    """Write a .docx with one plain paragraph per text, then a two-column table of *rows*."""
    document = docx.Document()
    for text in texts:
        document.add_paragraph(text)
    table = document.add_table(rows=len(rows), cols=2)
    table.style = "Table Grid"
    for index, (label, value) in enumerate(rows):
        table.cell(index, 0).text = label
        table.cell(index, 1).text = value
    document.save(str(path))
    return path


# The user's case: numbered paragraphs 1 to 7, then a service table with no caption.
SEVEN_SECTIONS = tuple(
    f"{number}. Term {number}. Business Associate shall comply with obligation {number} "
    "of this Agreement."
    for number in range(1, 8)
)
SERVICE_ROWS = (
    ("Recovery time objective (RTO)", "24 hours"),
    ("Data at rest encryption", "AES-256"),
)


__all__ = [
    "NOTIFICATION_SENTENCE",
    "SERVICE_ROWS",
    "SEVEN_SECTIONS",
    "BaaSpec",
    "Clause",
    "build_baa",
    "document_with_paragraphs",
    "document_with_table",
    "set_numbering",
    "tracked_change_runs",
]
