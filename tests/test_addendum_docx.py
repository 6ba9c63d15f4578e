"""The Word addendum: structure, properties, redline round trips, comments, safe writing."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import docx
import pytest

from clause_library.library import load_library
from clause_library.planning import AddendumPlan, build_plan
from exports.addendum_docx import (
    AddendumError,
    AddendumOptions,
    build_document,
    heading_case,
    write_addendum,
)
from exports.ooxml import accepted_text, paragraph_texts, qn
from models.negotiation import Negotiations
from models.store import Store

NOW = dt.datetime(2026, 12, 4, 15, 30, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def library():  # type: ignore[no-untyped-def]
    from models.checklist import load_checklist

    return load_library(load_checklist())


@pytest.fixture
def plan(demo_db: Store, library) -> AddendumPlan:  # type: ignore[no-untyped-def]
    cedar = demo_db.vendor("CedarStack Data")
    return build_plan(demo_db, library, cedar.id, {"effective_date": "2027-03-01"})


def write(plan: AddendumPlan, store: Store, path: Path, **options: bool) -> docx.document.Document:
    write_addendum(plan, store.checklist, path, AddendumOptions(now=NOW, **options))
    return docx.Document(str(path))


def body_texts(document, accept: bool = True) -> list[str]:  # type: ignore[no-untyped-def]
    return paragraph_texts(document.element.body, accept=accept)


def test_clean_addendum_structure(plan: AddendumPlan, demo_db: Store, tmp_path: Path) -> None:
    document = write(plan, demo_db, tmp_path / "clean.docx")
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "Addendum to Business Associate Agreement"
    assert document.paragraphs[0].style.name == "Title"
    assert "Maple Street Family Dental (\u201cCovered Entity\u201d)" in texts[1]
    assert "CedarStack Data (\u201cBusiness Associate\u201d)" in texts[1]
    assert texts[2] == "1. Agreement Amended and Order of Precedence"
    assert "It takes effect on March 1, 2027." in texts[3]
    assert "this Addendum controls" in texts[4]
    assert texts[5] == "2. The Agreement Itself"
    assert texts[6].startswith("2.1 ")
    assert texts[-2] == f"{texts[-2].split('.')[0]}. Signatures"


def test_clauses_are_numbered_by_section(
    plan: AddendumPlan, demo_db: Store, tmp_path: Path
) -> None:
    document = write(plan, demo_db, tmp_path / "clean.docx")
    level2 = [p.text.split(" ")[0] for p in document.paragraphs if p.style.name == "Heading 2"]
    assert len(level2) == len(plan.in_addendum())
    assert level2[:2] == ["2.1", "2.2"]
    level1 = [p.text.split(" ")[0] for p in document.paragraphs if p.style.name == "Heading 1"]
    assert level1 == [f"{n}." for n in range(1, len(level1) + 1)]


def test_clause_text_is_in_document(plan: AddendumPlan, demo_db: Store, tmp_path: Path) -> None:
    document = write(plan, demo_db, tmp_path / "clean.docx")
    texts = body_texts(document)
    for planned in plan.in_addendum():
        assert planned.text in texts


def test_signature_table(plan: AddendumPlan, demo_db: Store, tmp_path: Path) -> None:
    document = write(plan, demo_db, tmp_path / "clean.docx")
    table = document.tables[-1]
    assert [cell.text for cell in table.rows[0].cells] == ["COVERED ENTITY", "BUSINESS ASSOCIATE"]
    assert [cell.text for cell in table.rows[1].cells] == [
        "Maple Street Family Dental",
        "CedarStack Data",
    ]
    labels = [row.cells[0].text.split(" ")[0] for row in table.rows[2:]]
    assert labels == ["By:", "Name:", "Title:", "Date:"]


def test_footer_has_page_fields_and_disclaimer(
    plan: AddendumPlan, demo_db: Store, tmp_path: Path
) -> None:
    document = write(plan, demo_db, tmp_path / "clean.docx")
    footer = document.sections[0].footer._element
    instructions = [node.text.strip() for node in footer.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    text = accepted_text(footer)
    assert text.startswith("Page 1 of 1\n")
    assert "not legal advice" in text


def test_document_properties(plan: AddendumPlan, demo_db: Store, tmp_path: Path) -> None:
    properties = write(plan, demo_db, tmp_path / "clean.docx").core_properties
    assert properties.title == "Addendum to Business Associate Agreement with CedarStack Data"
    assert properties.author == "Maple Street Family Dental"
    assert "not legal advice" in properties.comments
    assert properties.created == NOW


def test_clean_form_has_no_tracked_changes(
    plan: AddendumPlan, demo_db: Store, tmp_path: Path
) -> None:
    body = write(plan, demo_db, tmp_path / "clean.docx").element.body
    assert list(body.iter(qn("w:ins"), qn("w:del"))) == []


def test_accepting_redline_gives_clean_text(
    plan: AddendumPlan, demo_db: Store, tmp_path: Path
) -> None:
    clean = write(plan, demo_db, tmp_path / "clean.docx")
    redlined = write(plan, demo_db, tmp_path / "redlined.docx", redline=True)
    assert accepted_text(redlined.element.body) == accepted_text(clean.element.body)


def test_rejecting_redline_gives_vendor_wording(
    plan: AddendumPlan, demo_db: Store, tmp_path: Path
) -> None:
    redlined = write(plan, demo_db, tmp_path / "redlined.docx", redline=True)
    accepted = body_texts(redlined, accept=True)
    rejected = body_texts(redlined, accept=False)
    with_wording = 0
    for planned in plan.in_addendum():
        index = accepted.index(planned.text)
        assert rejected[index] == planned.vendor_wording
        with_wording += bool(planned.vendor_wording)
    assert with_wording >= 3


def test_redline_marks_author_and_unique_ids(
    plan: AddendumPlan, demo_db: Store, tmp_path: Path
) -> None:
    body = write(plan, demo_db, tmp_path / "redlined.docx", redline=True).element.body
    changes = list(body.iter(qn("w:ins"), qn("w:del")))
    ids = [change.get(qn("w:id")) for change in changes]
    assert len(ids) == len(set(ids)) > len(plan.in_addendum())
    assert {change.get(qn("w:author")) for change in changes} == {"Maple Street Family Dental"}
    assert {change.get(qn("w:date")) for change in changes} == {"2026-12-04T15:30:00Z"}


def test_comments_anchor_why_notes_on_headings(
    plan: AddendumPlan, demo_db: Store, tmp_path: Path
) -> None:
    document = write(plan, demo_db, tmp_path / "comments.docx", comments=True)
    comments = list(document.comments)
    assert len(comments) == len(plan.in_addendum())
    assert comments[0].text.startswith(plan.in_addendum()[0].clause.why)
    assert comments[0].author == "Maple Street Family Dental"
    headings = [p for p in document.paragraphs if p.style.name == "Heading 2"]
    assert headings[0]._p.find(qn("w:commentRangeStart")) is not None


def test_no_comments_unless_asked(plan: AddendumPlan, demo_db: Store, tmp_path: Path) -> None:
    path = tmp_path / "clean.docx"
    write(plan, demo_db, path)
    with zipfile.ZipFile(path) as archive:
        assert "word/comments.xml" not in archive.namelist()


def test_user_text_cannot_break_the_file(
    demo_db: Store,
    library,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    cedar = demo_db.vendor("CedarStack Data")
    hostile = 'Acme <b>&amp;</b> "Backup" ]]> \U0001f600'
    demo_db.update_vendor(cedar.id, name=hostile)
    clause = build_plan(demo_db, library, cedar.id).clauses[0].clause
    Negotiations(demo_db).set_vendor_wording(cedar.id, clause.id, "old <w:t> & \x01 wording\ufffe")
    plan = build_plan(demo_db, library, cedar.id)
    document = write(plan, demo_db, tmp_path / "hostile.docx", redline=True, comments=True)
    assert hostile in document.paragraphs[1].text
    assert "old <w:t> &  wording" in body_texts(document, accept=False)


def test_addendum_without_clauses_is_rejected(
    demo_db: Store,
    library,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    cedar = demo_db.vendor("CedarStack Data")
    negotiations = Negotiations(demo_db)
    for planned in build_plan(demo_db, library, cedar.id).clauses:
        negotiations.set_included(cedar.id, planned.clause.id, False)
    plan = build_plan(demo_db, library, cedar.id)
    with pytest.raises(AddendumError, match="has no clauses; include at least one clause"):
        write_addendum(plan, demo_db.checklist, tmp_path / "empty.docx", AddendumOptions())
    assert not (tmp_path / "empty.docx").exists()


def test_failed_write_keeps_existing_file(
    plan: AddendumPlan, demo_db: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "addendum.docx"
    target.write_bytes(b"the signed copy")

    def fail(self, path) -> None:  # type: ignore[no-untyped-def]
        Path(path).write_bytes(b"half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(docx.document.Document, "save", fail)
    with pytest.raises(AddendumError, match="cannot write the addendum"):
        write_addendum(plan, demo_db.checklist, target, AddendumOptions())
    assert target.read_bytes() == b"the signed copy"
    assert [p.name for p in folder.iterdir()] == ["addendum.docx"]


def test_missing_folder_is_reported(plan: AddendumPlan, demo_db: Store, tmp_path: Path) -> None:
    with pytest.raises(AddendumError, match="cannot write the addendum"):
        write_addendum(plan, demo_db.checklist, tmp_path / "no" / "a.docx", AddendumOptions())


def test_effective_date_defaults_to_signature(
    demo_db: Store,
    library,  # type: ignore[no-untyped-def]
) -> None:
    plan = build_plan(demo_db, library, demo_db.vendor("CedarStack Data").id)
    document = build_document(plan, demo_db.checklist, AddendumOptions())
    assert "takes effect on the date of the last signature below" in document.paragraphs[3].text


def test_heading_case() -> None:
    assert heading_case("Incidents and breach notice") == "Incidents and Breach Notice"
    assert heading_case("The agreement itself") == "The Agreement Itself"


def test_unnamed_practice_leaves_blank(
    demo_db: Store,
    library,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    demo_db.update_practice(name="")
    plan = build_plan(demo_db, library, demo_db.vendor("CedarStack Data").id)
    document = write(plan, demo_db, tmp_path / "unnamed.docx", redline=True, comments=True)
    assert document.paragraphs[1].text.startswith("between [practice name] (")
    changes = list(document.element.body.iter(qn("w:ins")))
    assert {change.get(qn("w:author")) for change in changes} == {"BAA Workbench"}
    assert document.core_properties.author == "BAA Workbench"
