"""Reading a vendor BAA: paragraphs in order, section numbers, tracked changes, tables."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from exports.baa_docx_reader import accepted_text, read_baa_docx
from exports.docx_numbering import Level, ListCounter, ListDefinitions, format_number
from tests.baa_documents import (
    NOTIFICATION_SENTENCE,
    SERVICE_ROWS,
    SEVEN_SECTIONS,
    BaaSpec,
    build_baa,
    document_with_table,
    set_numbering,
    tracked_change_runs,
)


def paragraph_starting(path: Path, start: str):  # type: ignore[no-untyped-def]
    return next(p for p in read_baa_docx(path).paragraphs if p.text.startswith(start))


def test_manual_numbers_become_sections(tmp_path: Path) -> None:
    path = build_baa(tmp_path / "baa.docx")
    reporting = paragraph_starting(path, "2.3 Reporting.")
    assert reporting.number == "2.3"
    assert reporting.section == "2.3"
    assert reporting.text.endswith(NOTIFICATION_SENTENCE)


def test_list_numbering_is_rendered(tmp_path: Path) -> None:
    path = build_baa(tmp_path / "baa.docx", BaaSpec(numbering="list"))
    paragraphs = {p.text.split(" ")[0]: p for p in read_baa_docx(path).paragraphs}
    assert paragraphs["Definitions"].number == "1."
    assert paragraphs["Reporting."].number == "2.3"
    assert paragraphs["Reporting."].section == "2.3"
    assert paragraphs["Return"].number == "3.2"
    assert paragraphs["Interpretation."].number == "4.1"


def test_numbered_style_is_followed(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Term", style="List Number")
    document.add_paragraph("Termination", style="List Number")
    document.save(str(tmp_path / "styled.docx"))
    paragraphs = read_baa_docx(tmp_path / "styled.docx").paragraphs
    assert [p.number for p in paragraphs] == ["1.", "2."]


def test_subitems_join_their_section(tmp_path: Path) -> None:
    document = docx.Document()
    for text in ("5.2 Obligations.", "(a) report incidents;", "(b) keep records."):
        document.add_paragraph(text)
    document.save(str(tmp_path / "sub.docx"))
    sections = [p.section for p in read_baa_docx(tmp_path / "sub.docx").paragraphs]
    assert sections == ["5.2", "5.2(a)", "5.2(b)"]


def test_headers_and_footers_are_ignored(tmp_path: Path) -> None:
    path = build_baa(tmp_path / "baa.docx")
    texts = [p.text for p in read_baa_docx(path).paragraphs]
    assert not any("within 1 hour" in text for text in texts)
    assert not any("Confidential" in text for text in texts)


def test_tracked_change_reads_as_accepted(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph()
    tracked_change_runs(
        paragraph,
        "Business Associate shall report any Breach within ",
        "sixty (60) calendar days",
        "five (5) business days",
        " of discovery.",
    )
    document.save(str(tmp_path / "tracked.docx"))
    (only,) = read_baa_docx(tmp_path / "tracked.docx").paragraphs
    assert (
        only.text
        == "Business Associate shall report any Breach within five (5) business days of discovery."
    )


def test_deleted_paragraph_mark_joins_paragraphs(tmp_path: Path) -> None:
    document = docx.Document()
    first = document.add_paragraph("Business Associate shall report ")
    document.add_paragraph("any Breach within ten (10) days.")
    mark = etree.SubElement(etree.SubElement(first._p.get_or_add_pPr(), qn("w:rPr")), qn("w:del"))
    mark.set(qn("w:id"), "7")
    mark.set(qn("w:author"), "Vendor Counsel")
    document.save(str(tmp_path / "joined.docx"))
    (only,) = read_baa_docx(tmp_path / "joined.docx").paragraphs
    assert only.text == "Business Associate shall report any Breach within ten (10) days."


def test_table_cells_keep_order_and_label(tmp_path: Path) -> None:
    path = build_baa(tmp_path / "baa.docx", BaaSpec(service_table=[("RTO", "4 hours")]))
    paragraphs = read_baa_docx(path).paragraphs
    value = next(p for p in paragraphs if p.text == "4 hours")
    assert value.in_table
    assert value.row_label == "RTO"
    assert value.section == "Schedule A"
    assert paragraphs[value.index - 1].text == "RTO"


def test_table_is_named_by_its_caption(tmp_path: Path) -> None:
    path = build_baa(tmp_path / "baa.docx", BaaSpec(service_table=[("RTO", "4 hours")]))
    value = next(p for p in read_baa_docx(path).paragraphs if p.text == "4 hours")
    assert value.table == 'table "Schedule A - Service Commitments"'
    assert value.row == 2  # row 1 is the header row
    assert value.location == 'table "Schedule A - Service Commitments", row 2'


def test_table_after_a_section_is_not_that_section(tmp_path: Path) -> None:
    path = document_with_table(tmp_path / "baa.docx", SEVEN_SECTIONS, SERVICE_ROWS)
    paragraphs = read_baa_docx(path).paragraphs
    last_clause = next(p for p in paragraphs if p.text.startswith("7."))
    assert last_clause.location == "section 7"
    cells = {p.text: p for p in paragraphs if p.in_table}
    assert cells["24 hours"].location == "table after section 7, row 1"
    assert cells["AES-256"].location == "table after section 7, row 2"
    assert cells["Data at rest encryption"].row == 2


def test_table_before_any_section_is_numbered(tmp_path: Path) -> None:
    path = document_with_table(tmp_path / "baa.docx", (), SERVICE_ROWS)
    cells = {p.text: p for p in read_baa_docx(path).paragraphs}
    assert cells["24 hours"].location == "table 1, row 1"


def test_second_table_in_a_row_has_no_caption(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Service levels")
    for label in ("RTO", "RPO"):
        document.add_table(rows=1, cols=2).cell(0, 0).text = label
    document.save(str(tmp_path / "two.docx"))
    cells = {p.text: p for p in read_baa_docx(tmp_path / "two.docx").paragraphs if p.in_table}
    assert cells["RTO"].table == 'table "Service levels"'
    assert cells["RPO"].table == "table 2"


def test_sentence_before_table_is_not_a_caption(tmp_path: Path) -> None:
    texts = ("The service levels below apply to all backups.",)
    path = document_with_table(tmp_path / "baa.docx", texts, SERVICE_ROWS)
    cells = {p.text: p for p in read_baa_docx(path).paragraphs}
    assert cells["24 hours"].table == "table 1"


def test_smart_quotes_and_spaces_kept(tmp_path: Path) -> None:
    text = "\u201cBreach\u201d notice within sixty\u00a0(60)\u00a0days\u2014no later."
    document = docx.Document()
    document.add_paragraph(text)
    document.save(str(tmp_path / "quotes.docx"))
    (only,) = read_baa_docx(tmp_path / "quotes.docx").paragraphs
    assert only.text == text


def test_runs_split_over_bold_are_joined(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph()
    for text, bold in (
        ("Notice within ", False),
        ("seventy", True),
        ("-two (72) ", True),
        ("hours.", False),
    ):
        paragraph.add_run(text).bold = bold
    document.save(str(tmp_path / "runs.docx"))
    (only,) = read_baa_docx(tmp_path / "runs.docx").paragraphs
    assert only.text == "Notice within seventy-two (72) hours."


def test_tab_and_break_characters(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("A")
    paragraph.add_run().add_tab()
    paragraph.add_run("B").add_break()
    paragraph.add_run("C")
    document.save(str(tmp_path / "tabs.docx"))
    (only,) = read_baa_docx(tmp_path / "tabs.docx").paragraphs
    assert only.text == "A\tB\nC"


def test_numbering_levels_reset_and_restart() -> None:
    definitions = ListDefinitions(
        levels={"1": {0: Level(1, "upperRoman", "Article %1"), 1: Level(1, "lowerLetter", "(%2)")}},
        nums={"5": "1", "6": "1"},
        start_overrides={"6": {0: 7}},
    )
    counter = ListCounter(definitions)
    rendered = [
        counter.number("5", 0),
        counter.number("5", 1),
        counter.number("5", 1),
        counter.number("5", 0),
        counter.number("5", 1),
        counter.number("6", 0),
    ]
    assert rendered == ["Article I", "(a)", "(b)", "Article II", "(a)", "Article VII"]


@pytest.mark.parametrize(
    ("value", "number_format", "expected"),
    [
        (4, "decimal", "4"),
        (4, "lowerRoman", "iv"),
        (1994, "upperRoman", "MCMXCIV"),
        (2, "lowerLetter", "b"),
        (27, "upperLetter", "AA"),
        (3, "decimalZero", "03"),
        (5, "cardinalText", "5"),
    ],
)
def test_number_formats(value: int, number_format: str, expected: str) -> None:
    assert format_number(value, number_format) == expected


def test_numbering_without_definition_is_empty(tmp_path: Path) -> None:
    document = docx.Document()
    set_numbering(document.add_paragraph("Orphan list item"), 4242, 0)
    document.save(str(tmp_path / "orphan.docx"))
    (only,) = read_baa_docx(tmp_path / "orphan.docx").paragraphs
    assert only.number == ""


# XML 1.0 allows these characters in text; Word never writes the others.
xml_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"),
    max_size=30,
)


@given(st.lists(st.tuples(xml_text, st.sampled_from(["plain", "ins", "del"])), max_size=8))
def test_accepted_text_keeps_insertions_only(pieces: list[tuple[str, str]]) -> None:
    paragraph = etree.Element(qn("w:p"))
    for text, kind in pieces:
        parent = paragraph if kind == "plain" else etree.SubElement(paragraph, qn(f"w:{kind}"))
        run = etree.SubElement(parent, qn("w:r"))
        tag = "w:delText" if kind == "del" else "w:t"
        etree.SubElement(run, qn(tag)).text = text
    expected = "".join(text for text, kind in pieces if kind != "del")
    assert accepted_text(paragraph) == expected


def test_nested_table_cells_are_read(tmp_path: Path) -> None:
    document = docx.Document()
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "Service levels"
    inner = outer.cell(0, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "RPO"
    inner.cell(0, 1).text = "1 hour"
    document.add_paragraph("After the table.")
    document.save(str(tmp_path / "nested.docx"))
    paragraphs = [p for p in read_baa_docx(tmp_path / "nested.docx").text_paragraphs]
    texts = [p.text for p in paragraphs]
    assert texts == ["Service levels", "RPO", "1 hour", "After the table."]
    assert paragraphs[2].row_label == "RPO"


def test_deleted_table_row_is_skipped(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    for row, (label, value) in enumerate((("RTO", "48 hours"), ("RTO", "4 hours"))):
        table.cell(row, 0).text = label
        table.cell(row, 1).text = value
    row_properties = table.rows[0]._tr.get_or_add_trPr()
    deletion = etree.SubElement(row_properties, qn("w:del"))
    deletion.set(qn("w:id"), "3")
    deletion.set(qn("w:author"), "Vendor Counsel")
    document.save(str(tmp_path / "rows.docx"))
    texts = [p.text for p in read_baa_docx(tmp_path / "rows.docx").paragraphs]
    assert texts == ["RTO", "4 hours"]
