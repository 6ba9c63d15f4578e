"""LibreOffice opens the clean and redlined addenda, and keeps the tracked changes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest

from clause_library.library import load_library
from clause_library.planning import AddendumPlan, build_plan
from exports.addendum_docx import AddendumOptions, write_addendum
from exports.ooxml import accepted_text, qn, rejected_text
from models.store import Store
from tests.libreoffice import convert

pytestmark = pytest.mark.libreoffice


@pytest.fixture
def plan(demo_db: Store) -> AddendumPlan:
    library = load_library(demo_db.checklist)
    cedar = demo_db.vendor("CedarStack Data")
    return build_plan(demo_db, library, cedar.id, {"effective_date": "2027-03-01"})


def write(plan: AddendumPlan, store: Store, path: Path, redline: bool) -> Path:
    now = dt.datetime(2026, 12, 4, 15, 30, tzinfo=dt.UTC)
    options = AddendumOptions(redline=redline, comments=redline, now=now)
    return write_addendum(plan, store.checklist, path, options)


def test_clean_and_redlined_convert_to_pdf(
    plan: AddendumPlan, demo_db: Store, tmp_path: Path
) -> None:
    for name, redline in (("clean", False), ("redlined", True)):
        source = write(plan, demo_db, tmp_path / f"{name}.docx", redline)
        pdf = convert(source, "pdf", tmp_path / "pdf")
        assert pdf.read_bytes().startswith(b"%PDF")


def test_tracked_changes_survive_libreoffice_round_trip(
    plan: AddendumPlan, demo_db: Store, tmp_path: Path
) -> None:
    source = write(plan, demo_db, tmp_path / "redlined.docx", redline=True)
    original = docx.Document(str(source)).element.body
    saved = convert(source, "docx:MS Word 2007 XML", tmp_path / "roundtrip")
    body = docx.Document(str(saved)).element.body
    assert len(list(body.iter(qn("w:del")))) == len(list(original.iter(qn("w:del"))))
    assert len(list(body.iter(qn("w:ins")))) >= len(list(original.iter(qn("w:ins"))))
    assert {node.get(qn("w:author")) for node in body.iter(qn("w:ins"))} == {
        "Maple Street Family Dental"
    }
    assert len(list(docx.Document(str(saved)).comments)) == len(plan.in_addendum())
    assert _words(accepted_text(body)) == _words(accepted_text(original))
    assert _words(rejected_text(body)) == _words(rejected_text(original))


def _words(text: str) -> list[str]:
    """Compare by words, since LibreOffice may split runs and paragraphs' spacing differently."""
    return text.split()
