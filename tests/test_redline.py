"""Word-level redlines written as tracked changes, read back with changes accepted or rejected."""

from __future__ import annotations

import io

import docx
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from exports.ooxml import accepted_text, clean_xml_text, qn, rejected_text
from exports.redline import (
    Change,
    Revision,
    RevisionIds,
    Segment,
    diff_words,
    tokenize,
    write_insertion,
    write_redline,
)

REVISION_DATE = "2026-12-04T10:00:00Z"
CONTRACT_WORDS = [
    "Business",
    "Associate",
    "shall",
    "notify",
    "Covered",
    "Entity",
    "within",
    "sixty",
    "(60)",
    "eight",
    "(8)",
    "hours",
    "days",
    "of",
    "discovery",
    "if",
    "feasible",
    ".",
    ",",
    ";",
    " ",
    "  ",
    "\n",
    "\t",
    "é",
    "§",
    "—",
    "&",
    "<",
    ">",
    '"',
    "'",
]
contract_texts = st.lists(st.sampled_from(CONTRACT_WORDS), max_size=40).map("".join)
any_texts = st.text(max_size=60)


def redlined_paragraph(old: str, new: str):  # type: ignore[no-untyped-def]
    """Write a redline into a new document, save it, and return the reread paragraph."""
    document = docx.Document()
    paragraph = document.add_paragraph()
    write_redline(
        paragraph, old, new, Revision("Maple Street Dental", REVISION_DATE, RevisionIds())
    )
    buffer = io.BytesIO()
    document.save(buffer)
    return docx.Document(io.BytesIO(buffer.getvalue())).paragraphs[0]._p


@given(contract_texts, contract_texts)
def test_accept_gives_new_and_reject_gives_old(old: str, new: str) -> None:
    paragraph = redlined_paragraph(old, new)
    assert accepted_text(paragraph) == new
    assert rejected_text(paragraph) == old


@given(any_texts, any_texts)
def test_any_text_round_trips_after_cleaning(old: str, new: str) -> None:
    paragraph = redlined_paragraph(old, new)
    assert accepted_text(paragraph) == clean_xml_text(new)
    assert rejected_text(paragraph) == clean_xml_text(old)


@given(any_texts)
def test_tokens_join_to_text(text: str) -> None:
    assert "".join(tokenize(text)) == text


def test_changed_words_are_struck_and_inserted() -> None:
    segments = diff_words(
        "within sixty (60) days of discovery", "within eight (8) hours of discovery"
    )
    assert segments == [
        Segment(Change.EQUAL, "within "),
        Segment(Change.DELETE, "sixty (60) days"),
        Segment(Change.INSERT, "eight (8) hours"),
        Segment(Change.EQUAL, " of discovery"),
    ]


def test_rewrite_is_one_deletion_and_insertion() -> None:
    old = "Recovery time objective (RTO): 24 hours"
    new = "Business Associate shall restore the data within four (4) hours after a request."
    # Word by word, " hours" would stay unchanged in the middle of the new sentence.
    assert diff_words(old, new) == [Segment(Change.DELETE, old), Segment(Change.INSERT, new)]


def test_mostly_kept_sentence_is_diffed_by_word() -> None:
    old = "Business Associate shall report any Breach within sixty (60) days."
    new = "Business Associate shall report any Breach within five (5) days."
    changes = [segment.change for segment in diff_words(old, new)]
    assert changes == [Change.EQUAL, Change.DELETE, Change.INSERT, Change.EQUAL]


def test_identical_texts_have_no_changes() -> None:
    assert diff_words("same text", "same text") == [Segment(Change.EQUAL, "same text")]


def test_tracked_changes_carry_id_author_and_date() -> None:
    paragraph = redlined_paragraph("return if feasible", "return within 30 days")
    changes = paragraph.findall(qn("w:del")) + paragraph.findall(qn("w:ins"))
    assert len(changes) == 2
    ids = [change.get(qn("w:id")) for change in changes]
    assert len(set(ids)) == len(ids)
    assert {change.get(qn("w:author")) for change in changes} == {"Maple Street Dental"}
    assert {change.get(qn("w:date")) for change in changes} == {REVISION_DATE}
    deleted = paragraph.find(qn("w:del"))
    assert deleted.find(f"{qn('w:r')}/{qn('w:delText')}").text == "if feasible"


def test_spaces_are_preserved() -> None:
    paragraph = redlined_paragraph("  two  spaces ", " one space  ")
    texts = paragraph.iter(qn("w:t"), qn("w:delText"))
    space = "{http://www.w3.org/XML/1998/namespace}space"
    assert all(node.get(space) == "preserve" for node in texts)
    assert accepted_text(paragraph) == " one space  "


def test_insertion_without_vendor_wording() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph()
    write_insertion(paragraph, "New duty.", Revision("P", REVISION_DATE, RevisionIds()))
    assert [child.tag for child in paragraph._p if child.tag != qn("w:pPr")] == [qn("w:ins")]
    assert accepted_text(paragraph._p) == "New duty."
    assert rejected_text(paragraph._p) == ""


def test_revision_ids_are_unique_across_paragraphs() -> None:
    document = docx.Document()
    revision = Revision("P", REVISION_DATE, RevisionIds())
    for old, new in (("a b", "a c"), ("x", "y"), ("", "z")):
        write_redline(document.add_paragraph(), old, new, revision)
    ids = [node.get(qn("w:id")) for node in document.element.body.iter(qn("w:ins"), qn("w:del"))]
    assert len(ids) == 5
    assert len(set(ids)) == 5


def test_clean_xml_text_removes_forbidden_characters() -> None:
    assert clean_xml_text("a\x00b\x0bc\x1fd\ufffee\r\nf\rg\th") == "abcde\nf\ng\th"


def test_reader_handles_moves_tabs_and_nested_paragraphs() -> None:
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xml = (
        f'<w:p xmlns:w="{w}"><w:r><w:t>A</w:t><w:tab/></w:r>'
        "<w:moveFrom><w:r><w:delText>old</w:delText></w:r></w:moveFrom>"
        "<w:moveTo><w:r><w:t>new</w:t></w:r></w:moveTo>"
        "<w:r><w:pict><w:p><w:r><w:t>box</w:t></w:r></w:p></w:pict><w:br/></w:r></w:p>"
    )
    paragraph = etree.fromstring(xml)
    assert accepted_text(paragraph) == "A\tnew\n"
    assert rejected_text(paragraph) == "A\told\n"


def test_body_text_ends_each_paragraph() -> None:
    document = docx.Document()
    document.add_paragraph("one")
    document.add_paragraph("two")
    assert accepted_text(document.element.body) == "one\ntwo\n"


def test_redline_html_marks_and_escapes() -> None:
    from exports.redline import redline_html

    rendered = redline_html("notify <within> sixty days", "notify <within> eight hours")
    assert rendered.startswith("notify &lt;within&gt; ")
    assert '<span style="color:#b00020;text-decoration:line-through;">sixty days</span>' in rendered
    assert '<span style="color:#0645ad;text-decoration:underline;">eight hours</span>' in rendered
