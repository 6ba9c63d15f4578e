"""Import a vendor's BAA: read it, find its terms, and store the findings the user accepts."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from exports.baa_docx_reader import BaaDocument, read_baa_docx
from exports.baa_rules import Analysis, Finding, analyse
from models.store import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BaaImport:
    document: BaaDocument
    analysis: Analysis


def read_vendor_baa(path: Path | str) -> BaaImport:
    """Read a vendor BAA .docx and analyse it; nothing is written.

    Raises:
        BaaDocumentError: the file cannot be read as a Word document with body text.
    """
    document = read_baa_docx(path)
    return BaaImport(document, analyse(document))


def finding_source(source_file: str, finding: Finding) -> str:
    """Return the answer source recorded for a finding, naming the file and the place in it."""
    where = f", {finding.location}" if finding.location else ""
    return f"vendor BAA {source_file}{where}"


def save_findings(
    store: Store, vendor_id: int, findings: Iterable[Finding], source_file: str
) -> int:
    """Store the answers and the vendor's wording of *findings* in one transaction.

    A finding whose matched text shows where the BAA is silent (``is_wording``
    False) stores its answer but no wording, so the addendum inserts its clause
    instead of striking unrelated vendor text.

    The answer source and the wording source name *source_file*, so the audit
    trail shows which file each change came from. A finding without a value
    (the clause states no figure) keeps the stored value and records the wording.
    Returns the number of findings saved.
    """
    findings = list(findings)
    if not findings:
        return 0
    with store.transaction():
        stored = store.answers(vendor_id)
        answers = {}
        for finding in findings:
            value = finding.value
            if value is None and finding.item_id in stored:
                value = stored[finding.item_id].value
            note = f"{finding.explanation} ({finding_source(source_file, finding)})"
            answers[finding.item_id] = (value, note, finding_source(source_file, finding))
        store.set_answers(vendor_id, answers)
        wordings = {f.item_id: f.matched_text for f in findings if f.is_wording}
        if wordings:
            store.set_wordings(vendor_id, wordings, f"vendor BAA {source_file}")
    log.info("Saved %s findings from a vendor BAA for vendor %s", len(findings), vendor_id)
    return len(findings)
