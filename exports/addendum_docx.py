"""Write the negotiated BAA addendum as a Word document, clean or redlined.

The document starts from the shipped template, which brings the styles, US
Letter pages and a footer with "Page X of Y" and the not-legal-advice line. It
contains the title, the parties and the agreement it amends, an
order-of-precedence clause, the amendments numbered and grouped by checklist
section, and a signature table.

In the redlined form each clause body is a tracked change against the vendor's
current wording, so accepting every change gives exactly the clean form's text
and rejecting every change gives the vendor's wording (nothing, for a clause
the vendor's BAA lacks). Headings and the framing text are not tracked.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.shared import Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from clause_library.planning import AddendumPlan, PlannedClause
from exports.ooxml import clean_xml_text
from exports.redline import Revision, RevisionIds, write_insertion, write_plain, write_redline
from models.atomic import atomic_path
from models.checklist import Checklist
from models.errors import WorkbenchError

log = logging.getLogger(__name__)

TEMPLATE = Path(__file__).resolve().parent / "templates" / "addendum_template.docx"
TITLE = "Addendum to Business Associate Agreement"
NOT_LEGAL_ADVICE = "Prepared with BAA Workbench; not legal advice."
SIGNATURE_LINES = ("By:", "Name:", "Title:", "Date:")
# Words a contract heading keeps in lower case unless they start it.
MINOR_WORDS = frozenset(
    ["a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"]
)


class AddendumError(WorkbenchError):
    """The addendum cannot be written (nothing to write, or the file cannot be saved)."""


@dataclass(frozen=True)
class AddendumOptions:
    """How to write the addendum: ``redline`` tracks changes, ``comments`` adds "why" notes."""

    redline: bool = False
    comments: bool = False
    now: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))


def write_addendum(
    plan: AddendumPlan, checklist: Checklist, target: Path, options: AddendumOptions
) -> Path:
    """Write the addendum of *plan* to *target* atomically and return *target*.

    Raises:
        AddendumError: the plan includes no clause, or the file cannot be written.
    """
    document = build_document(plan, checklist, options)
    try:
        with atomic_path(target) as temporary:
            document.save(str(temporary))
    except OSError as exc:
        raise AddendumError(
            f"{target}: cannot write the addendum ({exc.strerror or exc}); "
            "close the file if Word has it open, or choose another folder"
        ) from exc
    log.info(
        "Wrote addendum of vendor %s with %d clauses (redline=%s) to %s",
        plan.vendor.id,
        len(plan.in_addendum()),
        options.redline,
        target,
    )
    return target


def build_document(plan: AddendumPlan, checklist: Checklist, options: AddendumOptions) -> Document:
    """Build the addendum in memory (``write_addendum`` saves it)."""
    clauses = plan.in_addendum()
    if not clauses:
        raise AddendumError(
            f"{plan.vendor.name}: the addendum has no clauses; include at least one clause"
        )
    document = docx.Document(str(TEMPLATE))
    writer = _Writer(document, plan, options)
    writer.preamble()
    number = 2
    for section_id, group in groupby(clauses, key=lambda planned: planned.clause.section):
        writer.section(number, heading_case(checklist.section(section_id).title), list(group))
        number += 1
    writer.signatures(number)
    _set_properties(document, plan, options)
    return document


class _Writer:
    def __init__(self, document: Document, plan: AddendumPlan, options: AddendumOptions) -> None:
        self.document = document
        self.plan = plan
        self.options = options
        # An unnamed practice shows a blank to fill in, like a parameter without a value.
        self.practice = _clean(plan.practice.name) or "[practice name]"
        self.vendor = _clean(plan.vendor.name)
        date = options.now.astimezone(dt.UTC).replace(microsecond=0, tzinfo=None)
        author = _clean(plan.practice.name) or "BAA Workbench"
        self.revision = Revision(author, date.isoformat() + "Z", RevisionIds())

    def preamble(self) -> None:
        self.document.add_paragraph(TITLE, style="Title")
        parties = self.document.add_paragraph(style="Normal")
        parties.alignment = WD_ALIGN_PARAGRAPH.CENTER
        parties.add_run(
            f"between {self.practice} (\u201cCovered Entity\u201d) and "
            f"{self.vendor} (\u201cBusiness Associate\u201d)"
        )
        self.document.add_heading("1. Agreement Amended and Order of Precedence", level=1)
        self.body(
            "This Addendum amends the Business Associate Agreement between Covered Entity and "
            f"Business Associate{self._executed()} (the \u201cAgreement\u201d). "
            f"It takes effect on {self._effective_date()}."
        )
        self.body(
            "If this Addendum conflicts with the Agreement, with any other agreement between the "
            "parties, or with any terms of service or policy that Business Associate publishes, "
            "this Addendum controls. Capitalized terms not defined in this Addendum have the "
            "meanings given in the Agreement or in 45 CFR Parts 160 and 164. Except as amended "
            "by this Addendum, the Agreement remains in full force and effect."
        )

    def _executed(self) -> str:
        executed = self.plan.vendor.baa_executed
        if not executed:
            return ""
        date = dt.date.fromisoformat(executed)
        return f" dated {date:%B} {date.day}, {date.year}"

    def _effective_date(self) -> str:
        raw = str(self.plan.values.get("effective_date", "") or "")
        try:
            date = dt.date.fromisoformat(raw)
        except ValueError:
            return "the date of the last signature below"
        return f"{date:%B} {date.day}, {date.year}"

    def body(self, text: str) -> Paragraph:
        return self.document.add_paragraph(_clean(text), style="Clause Text")

    def section(self, number: int, title: str, clauses: list[PlannedClause]) -> None:
        self.document.add_heading(f"{number}. {_clean(title)}", level=1)
        for index, planned in enumerate(clauses, start=1):
            heading = self.document.add_heading(
                f"{number}.{index} {_clean(planned.clause.title)}", level=2
            )
            if self.options.comments:
                self._comment(heading, planned)
            self._clause_body(planned)

    def _clause_body(self, planned: PlannedClause) -> None:
        paragraph = self.document.add_paragraph(style="Clause Text")
        if not self.options.redline:
            write_plain(paragraph, planned.text)
        elif planned.vendor_wording:
            write_redline(paragraph, planned.vendor_wording, planned.text, self.revision)
        else:
            write_insertion(paragraph, planned.text, self.revision)

    def _comment(self, heading: Paragraph, planned: PlannedClause) -> None:
        note = _clean(planned.clause.why)
        if planned.clause.regulation:
            note += f" ({_clean(planned.clause.regulation)})"
        author = self.revision.author
        self.document.add_comment(
            heading.runs, text=note, author=author, initials=_initials(author)
        )

    def signatures(self, number: int) -> None:
        self.document.add_heading(f"{number}. Signatures", level=1)
        lead_in = self.body(
            "The parties have signed this Addendum by their authorized representatives. It may "
            "be signed in counterparts and by electronic signature, each of which is an original."
        )
        lead_in.paragraph_format.keep_with_next = True
        table = self.document.add_table(rows=2 + len(SIGNATURE_LINES), cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        _keep_together(table)
        parties = (("COVERED ENTITY", self.practice), ("BUSINESS ASSOCIATE", self.vendor))
        for column, (role, name) in enumerate(parties):
            _cell_text(table.cell(0, column), role, bold=True)
            _cell_text(table.cell(1, column), name, bold=False)
            for row, label in enumerate(SIGNATURE_LINES, start=2):
                _cell_text(table.cell(row, column), f"{label} {'_' * 30}", bold=False)


def _keep_together(table: Table) -> None:
    """Keep the signature block on one page: rows do not split, each keeps with the next."""
    for row in table.rows:
        row_properties = row._tr.get_or_add_trPr()
        row_properties.append(OxmlElement("w:cantSplit"))
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True


def heading_case(title: str) -> str:
    """Capitalize a section title as a contract heading: "Incidents and Breach Notice"."""
    words = title.split()
    return " ".join(
        word if index and word.lower() in MINOR_WORDS else word[:1].upper() + word[1:]
        for index, word in enumerate(words)
    )


def _cell_text(cell: _Cell, text: str, bold: bool) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.space_before = Pt(10 if not bold else 0)
    run = paragraph.add_run(_clean(text))
    run.bold = bold


def _set_properties(document: Document, plan: AddendumPlan, options: AddendumOptions) -> None:
    properties = document.core_properties
    properties.title = _clean(f"{TITLE} with {plan.vendor.name}")[:255]
    properties.author = _clean(plan.practice.name)[:255] or "BAA Workbench"
    properties.last_modified_by = properties.author
    properties.subject = "HIPAA Business Associate Agreement addendum"
    properties.comments = NOT_LEGAL_ADVICE
    properties.keywords = "BAA, HIPAA, addendum, redline" if options.redline else "BAA, HIPAA"
    properties.created = options.now.astimezone(dt.UTC).replace(tzinfo=None)
    properties.modified = properties.created
    properties.revision = 1


def _clean(text: str) -> str:
    return clean_xml_text(str(text))


def _initials(name: str) -> str:
    letters = "".join(word[0] for word in name.split() if word[:1].isalpha())
    return letters[:4].upper() or "BW"
