"""Importing questionnaires as vendors really send them back, one messy case per test."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from exports import questionnaire_import
from exports import questionnaire_layout as layout
from exports.questionnaire_import import QuestionnaireFormatError, read_questionnaire
from exports.questionnaire_plan import VendorUnknownError, apply_import, plan_import
from exports.questionnaire_xlsx import write_questionnaire
from models.store import Store
from tests.excel_helpers import column_of, export_for, fill, row_of


@pytest.fixture
def vendor(fresh_db: Store) -> Store:
    """A store with one vendor, Acme Backup, who has answered two items."""
    acme = fresh_db.add_vendor("Acme Backup")
    fresh_db.set_answers(
        acme.id, {"baa.will_sign": ("yes", None, "call"), "recovery.rto_hours": (24, None, None)}
    )
    return fresh_db


@pytest.fixture
def sent(vendor: Store, tmp_path: Path) -> Path:
    return export_for(vendor, "Acme Backup", tmp_path / "acme.xlsx")


def plan_for(store: Store, path: Path, vendor_name: str | None = None):  # type: ignore[no-untyped-def]
    return plan_import(store, read_questionnaire(path, store.checklist), vendor_name)


def changes_of(plan) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {change.item_id: change.new_value for change in plan.changes}


def problems_of(plan) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {problem.item_id: problem.reason for problem in plan.problems}


def test_untouched_questionnaire_changes_nothing(vendor: Store, sent: Path) -> None:
    plan = plan_for(vendor, sent)
    assert plan.vendor_name == "Acme Backup"
    assert plan.changes == []
    assert plan.problems == []
    assert plan.unchanged == 2


def test_stray_spaces_and_case_are_read(vendor: Store, sent: Path) -> None:
    fill(sent, {"baa.will_sign": " No  ", "access.mfa": "YES", "access.rbac": "partially"})
    assert changes_of(plan_for(vendor, sent)) == {
        "baa.will_sign": "no",
        "access.mfa": "yes",
        "access.rbac": "partial",
    }


def test_not_applicable_clears_answer(vendor: Store, sent: Path) -> None:
    fill(sent, {"baa.will_sign": "N/A"})
    plan = plan_for(vendor, sent)
    assert [(c.old_value, c.new_value) for c in plan.changes] == [("yes", None)]


def test_numbers_with_units_are_converted(vendor: Store, sent: Path) -> None:
    fill(sent, {"recovery.rto_hours": "4 hrs", "incident.notification_hours": "60 days"})
    assert changes_of(plan_for(vendor, sent)) == {
        "recovery.rto_hours": 4.0,
        "incident.notification_hours": 1440.0,
    }


def test_number_typed_as_text_is_read(vendor: Store, sent: Path) -> None:
    fill(sent, {"recovery.rpo_hours": "2.5"})
    assert changes_of(plan_for(vendor, sent)) == {"recovery.rpo_hours": 2.5}


def test_ambiguous_unit_is_reported(vendor: Store, sent: Path) -> None:
    fill(sent, {"incident.notification_hours": "1 business day"})
    plan = plan_for(vendor, sent)
    assert plan.changes == []
    assert "business days" in problems_of(plan)["incident.notification_hours"]


def test_rows_are_matched_by_item_id_after_moves(vendor: Store, sent: Path) -> None:
    workbook = load_workbook(sent)
    sheet = workbook[layout.QUESTIONNAIRE_SHEET]
    response = column_of(sheet, layout.RESPONSE)
    sheet.move_range(f"A{row_of(sheet, 'baa.will_sign')}:G2", rows=sheet.max_row)
    sheet.delete_rows(row_of(sheet, "access.mfa"))
    sheet.insert_rows(5, amount=3)
    sheet.cell(row=row_of(sheet, "baa.will_sign"), column=response).value = "no"
    sheet.cell(row=row_of(sheet, "access.rbac"), column=response).value = "yes"
    workbook.save(sent)
    plan = plan_for(vendor, sent)
    assert changes_of(plan) == {"baa.will_sign": "no", "access.rbac": "yes"}
    assert plan.problems == []


def test_extra_columns_are_ignored(vendor: Store, sent: Path) -> None:
    workbook = load_workbook(sent)
    sheet = workbook[layout.QUESTIONNAIRE_SHEET]
    sheet.insert_cols(1, amount=2)
    sheet["A1"] = "Our ref"
    sheet["B1"] = "Reviewer"
    sheet["A2"] = "Q-1"
    sheet.cell(row=1, column=sheet.max_column + 1).value = "Internal notes"
    sheet.cell(
        row=row_of(sheet, "access.mfa"), column=column_of(sheet, layout.RESPONSE)
    ).value = "yes"
    workbook.save(sent)
    assert changes_of(plan_for(vendor, sent)) == {"access.mfa": "yes"}


def test_header_row_moved_down_is_found(vendor: Store, sent: Path) -> None:
    workbook = load_workbook(sent)
    sheet = workbook[layout.QUESTIONNAIRE_SHEET]
    sheet.insert_rows(1, amount=3)
    sheet["A1"] = "Acme Backup response, March"
    workbook.save(sent)
    workbook = load_workbook(sent)
    sheet = workbook[layout.QUESTIONNAIRE_SHEET]
    response = column_of(sheet, layout.RESPONSE, header_row=4)
    ids = {sheet.cell(row=row, column=1).value: row for row in range(5, sheet.max_row + 1)}
    sheet.cell(row=ids["access.mfa"], column=response).value = "yes"
    workbook.save(sent)
    assert changes_of(plan_for(vendor, sent)) == {"access.mfa": "yes"}


def test_merged_response_cells_are_read(vendor: Store, sent: Path) -> None:
    workbook = load_workbook(sent)
    sheet = workbook[layout.QUESTIONNAIRE_SHEET]
    response = column_of(sheet, layout.RESPONSE)
    first = row_of(sheet, "access.rbac")
    # One answer merged down over two items, and one merged across into Comment.
    sheet.cell(row=first, column=response).value = "yes"
    sheet.merge_cells(
        start_row=first, start_column=response, end_row=first + 1, end_column=response
    )
    rto = row_of(sheet, "recovery.rto_hours")
    sheet.cell(row=rto, column=response).value = "8 hours"
    sheet.merge_cells(start_row=rto, start_column=response, end_row=rto, end_column=response + 1)
    workbook.save(sent)
    plan = plan_for(vendor, sent)
    assert changes_of(plan) == {
        "access.rbac": "yes",
        "access.mfa": "yes",
        "recovery.rto_hours": 8.0,
    }
    assert all(change.new_note is None for change in plan.changes)


def test_blank_rows_are_skipped(vendor: Store, sent: Path) -> None:
    workbook = load_workbook(sent)
    sheet = workbook[layout.QUESTIONNAIRE_SHEET]
    sheet.insert_rows(3, amount=4)
    sheet.cell(
        row=row_of(sheet, "access.mfa"), column=column_of(sheet, layout.RESPONSE)
    ).value = "no"
    workbook.save(sent)
    plan = plan_for(vendor, sent)
    assert changes_of(plan) == {"access.mfa": "no"}
    assert plan.problems == []


def test_formula_uses_cached_value(vendor: Store, sent: Path) -> None:
    fill(sent, {"recovery.rto_hours": "=2*3"})
    _store_cached_value(sent, "=2*3", "6")
    assert changes_of(plan_for(vendor, sent)) == {"recovery.rto_hours": 6.0}


def test_formula_without_cached_value_is_reported(vendor: Store, sent: Path) -> None:
    fill(sent, {"recovery.rto_hours": "=2*3"})
    plan = plan_for(vendor, sent)
    assert plan.changes == []
    assert "formula" in problems_of(plan)["recovery.rto_hours"]


def _store_cached_value(path: Path, formula: str, value: str) -> None:
    """Add a saved result to a formula, as Excel or LibreOffice does when saving."""
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    for name, data in parts.items():
        if name.startswith("xl/worksheets/") and b"<f>" in data:
            text = data.decode()
            old = f"<f>{formula[1:]}</f><v></v>"
            assert old in text, text[text.index("<f>") - 80 : text.index("<f>") + 80]
            parts[name] = text.replace(old, f"<f>{formula[1:]}</f><v>{value}</v>").encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)


def test_unknown_item_id_is_reported(vendor: Store, sent: Path) -> None:
    workbook = load_workbook(sent)
    sheet = workbook[layout.QUESTIONNAIRE_SHEET]
    sheet.insert_rows(2)
    sheet["A2"] = "baa.invented_item"
    sheet.cell(row=2, column=column_of(sheet, layout.RESPONSE)).value = "yes"
    sheet.cell(
        row=row_of(sheet, "access.mfa"), column=column_of(sheet, layout.RESPONSE)
    ).value = "yes"
    workbook.save(sent)
    plan = plan_for(vendor, sent)
    assert problems_of(plan) == {"baa.invented_item": "unknown item ID 'baa.invented_item'"}
    assert changes_of(plan) == {"access.mfa": "yes"}


def test_missing_item_id_is_reported(vendor: Store, sent: Path) -> None:
    workbook = load_workbook(sent)
    sheet = workbook[layout.QUESTIONNAIRE_SHEET]
    row = row_of(sheet, "access.mfa")
    sheet.cell(row=row, column=1).value = None
    sheet.cell(row=row, column=column_of(sheet, layout.RESPONSE)).value = "yes"
    workbook.save(sent)
    plan = plan_for(vendor, sent)
    assert [(p.row, p.reason) for p in plan.problems] == [
        (row, "the row has an answer but no item ID")
    ]


def test_duplicate_item_row_is_reported(vendor: Store, sent: Path) -> None:
    workbook = load_workbook(sent)
    sheet = workbook[layout.QUESTIONNAIRE_SHEET]
    response = column_of(sheet, layout.RESPONSE)
    sheet.cell(row=row_of(sheet, "access.mfa"), column=response).value = "yes"
    extra = sheet.max_row + 1
    sheet.cell(row=extra, column=1).value = "access.mfa"
    sheet.cell(row=extra, column=response).value = "no"
    workbook.save(sent)
    plan = plan_for(vendor, sent)
    assert changes_of(plan) == {"access.mfa": "yes"}
    assert "already answered" in problems_of(plan)["access.mfa"]


def test_comment_and_evidence_become_note(vendor: Store, sent: Path) -> None:
    fill(sent, {"access.mfa": "yes"})
    fill(sent, {"access.mfa": "TOTP or FIDO2 for every admin"}, header=layout.COMMENT)
    fill(sent, {"access.mfa": "SOC 2 report, CC6.1"}, header=layout.EVIDENCE)
    (change,) = plan_for(vendor, sent).changes
    assert change.new_note == "TOTP or FIDO2 for every admin\nEvidence: SOC 2 report, CC6.1"


def test_sheet_renamed_is_still_found(vendor: Store, sent: Path) -> None:
    workbook = load_workbook(sent)
    workbook[layout.QUESTIONNAIRE_SHEET].title = "Answers"
    workbook.save(sent)
    fill_sheet = load_workbook(sent)
    sheet = fill_sheet["Answers"]
    sheet.cell(
        row=row_of(sheet, "access.mfa"), column=column_of(sheet, layout.RESPONSE)
    ).value = "yes"
    fill_sheet.save(sent)
    assert changes_of(plan_for(vendor, sent)) == {"access.mfa": "yes"}


def test_text_file_is_rejected(vendor: Store, tmp_path: Path) -> None:
    path = tmp_path / "answers.xlsx"
    path.write_text("item,response\nbaa.will_sign,yes\n", encoding="utf-8")
    with pytest.raises(QuestionnaireFormatError, match="not an Excel workbook"):
        read_questionnaire(path, vendor.checklist)


def test_zip_that_is_not_a_workbook_is_rejected(vendor: Store, tmp_path: Path) -> None:
    path = tmp_path / "answers.xlsx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("readme.txt", "hello")
    with pytest.raises(QuestionnaireFormatError, match=r"not an Excel workbook \(\.xlsx\)"):
        read_questionnaire(path, vendor.checklist)


def test_truncated_workbook_is_rejected(vendor: Store, sent: Path) -> None:
    data = sent.read_bytes()
    sent.write_bytes(data[: len(data) // 2])
    with pytest.raises(QuestionnaireFormatError):
        read_questionnaire(sent, vendor.checklist)


def test_other_workbook_is_rejected(vendor: Store, tmp_path: Path) -> None:
    path = tmp_path / "budget.xlsx"
    workbook = Workbook()
    workbook.active.append(["Item ID", "Response"])  # type: ignore[union-attr]
    workbook.active.append(["baa.will_sign", "yes"])  # type: ignore[union-attr]
    workbook.save(path)
    with pytest.raises(QuestionnaireFormatError, match="not a BAA Workbench questionnaire"):
        read_questionnaire(path, vendor.checklist)


def test_newer_format_is_rejected(vendor: Store, sent: Path) -> None:
    workbook = load_workbook(sent)
    workbook[layout.LISTS_SHEET][layout.FORMAT_CELL] = f"{layout.FORMAT_NAME}/99"
    workbook.save(sent)
    with pytest.raises(QuestionnaireFormatError, match="Update BAA Workbench"):
        read_questionnaire(sent, vendor.checklist)


def test_missing_file_is_rejected(vendor: Store, tmp_path: Path) -> None:
    with pytest.raises(QuestionnaireFormatError, match="cannot open"):
        read_questionnaire(tmp_path / "nowhere.xlsx", vendor.checklist)


def test_oversized_expansion_is_rejected(
    vendor: Store, sent: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A real zip bomb takes long to build; a lower limit tests the same check.
    monkeypatch.setattr(questionnaire_import, "MAX_UNCOMPRESSED_BYTES", 10_000)
    with pytest.raises(QuestionnaireFormatError, match="far more than a questionnaire"):
        read_questionnaire(sent, vendor.checklist)


def test_rows_past_limit_are_reported(
    vendor: Store, sent: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(questionnaire_import, "MAX_ROWS", 10)
    plan = plan_for(vendor, sent)
    assert [p.reason for p in plan.problems] == [
        "rows 12 to 58 were not read; a questionnaire has at most 10 rows"
    ]


def test_blank_questionnaire_needs_vendor(vendor: Store, tmp_path: Path) -> None:
    path = tmp_path / "blank.xlsx"
    write_questionnaire(path, vendor.checklist, vendor.practice())
    with pytest.raises(VendorUnknownError, match="--vendor"):
        plan_for(vendor, path)


def test_blank_questionnaire_adds_new_vendor(vendor: Store, tmp_path: Path) -> None:
    path = tmp_path / "blank.xlsx"
    write_questionnaire(path, vendor.checklist, vendor.practice())
    fill(path, {"access.mfa": "yes"})
    plan = plan_for(vendor, path, "Zephyr Cloud")
    assert plan.vendor_id is None
    apply_import(vendor, plan)
    zephyr = vendor.vendor("Zephyr Cloud")
    assert vendor.answers(zephyr.id)["access.mfa"].value == "yes"


def test_apply_records_file_as_source(vendor: Store, sent: Path) -> None:
    fill(sent, {"baa.will_sign": "no", "recovery.rto_hours": "4 hrs"})
    plan = plan_for(vendor, sent)
    apply_import(vendor, plan)
    acme = vendor.vendor("Acme Backup")
    answers = vendor.answers(acme.id)
    assert answers["baa.will_sign"].value == "no"
    assert answers["recovery.rto_hours"].value == 4.0
    assert answers["recovery.rto_hours"].source == "questionnaire acme.xlsx"
    trail = {(e.field, e.old_value, e.new_value) for e in vendor.audit_trail("answer", acme.id)}
    assert ("baa.will_sign.value", "yes", "no") in trail
    assert ("baa.will_sign.source", "call", "questionnaire acme.xlsx") in trail


def test_apply_writes_only_accepted_changes(vendor: Store, sent: Path) -> None:
    fill(sent, {"baa.will_sign": "no", "access.mfa": "yes"})
    plan = plan_for(vendor, sent)
    apply_import(vendor, plan, accepted={"access.mfa"})
    answers = vendor.answers(vendor.vendor("Acme Backup").id)
    assert answers["baa.will_sign"].value == "yes"
    assert answers["access.mfa"].value == "yes"


def test_failed_apply_writes_nothing(
    vendor: Store, sent: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(sent, {"baa.will_sign": "no", "access.mfa": "yes"})
    plan = plan_for(vendor, sent)
    acme = vendor.vendor("Acme Backup")
    before = len(vendor.audit_trail())

    original = vendor._write_answer
    calls = []

    def write_then_fail(*args: object) -> int:
        # The first answer is written, then the disk fills up on the second.
        calls.append(args)
        if len(calls) == 2:
            raise OSError("disk full")
        return original(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(vendor, "_write_answer", write_then_fail)
    with pytest.raises(OSError, match="disk full"):
        apply_import(vendor, plan)
    assert vendor.answers(acme.id)["baa.will_sign"].value == "yes"
    assert len(vendor.audit_trail()) == before


def test_zip_bomb_sheet_is_rejected(vendor: Store, tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr(
            "xl/worksheets/sheet1.xml", b" " * (questionnaire_import.MAX_CELL_XML_BYTES + 1)
        )
    assert path.stat().st_size < 100_000
    with pytest.raises(QuestionnaireFormatError, match="far more than a questionnaire"):
        read_questionnaire(path, vendor.checklist)


def test_other_vendor_is_flagged(vendor: Store, sent: Path) -> None:
    vendor.add_vendor("Bluefin Archive")
    plan = plan_for(vendor, sent, "Bluefin Archive")
    assert plan.sent_to == "Acme Backup"
    assert plan.vendor_differs
    assert not plan_for(vendor, sent, "ACME backup").vendor_differs


@pytest.mark.parametrize(
    "part", ["xl/workbook.xml", "xl/worksheets/sheet3.xml", "xl/styles.xml", "[Content_Types].xml"]
)
def test_damaged_xml_part_is_rejected(vendor: Store, sent: Path, part: str) -> None:
    with zipfile.ZipFile(sent) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    parts[part] = b"<broken"
    with zipfile.ZipFile(sent, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    # A broken content-types part hides what the package is, so either message fits.
    with pytest.raises(QuestionnaireFormatError, match="not (a readable|an) Excel workbook"):
        read_questionnaire(sent, vendor.checklist)


def test_merge_of_whole_column_is_rejected(vendor: Store, sent: Path) -> None:
    # Written into the XML directly: openpyxl itself would write a million cells.
    with zipfile.ZipFile(sent) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    sheet = next(name for name, data in parts.items() if b"<dataValidations" in data)
    merge = b'<mergeCells count="1"><mergeCell ref="H2:H1048576"/></mergeCells>'
    parts[sheet] = parts[sheet].replace(b"<dataValidations", merge + b"<dataValidations")
    with zipfile.ZipFile(sent, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    with pytest.raises(QuestionnaireFormatError, match="merges 1,048,575 cells"):
        read_questionnaire(sent, vendor.checklist)


def _word_document(path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Answers: yes to everything.")
    document.save(str(path))


def _presentation(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as package:
        package.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Override PartName="/ppt/presentation.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"/></Types>',
        )
        package.writestr("ppt/presentation.xml", "<p:presentation/>")


def _open_document_text(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        package.writestr("content.xml", "<office:document-content/>")


def _plain_zip(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("answers.csv", "baa.will_sign,yes\n")


def _plain_text(path: Path) -> None:
    path.write_text("baa.will_sign: yes\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("add.docx", _word_document),
        ("deck.pptx", _presentation),
        ("notes.odt", _open_document_text),
        ("answers.zip", _plain_zip),
        ("answers.txt", _plain_text),
    ],
)
def test_other_file_kinds_are_rejected(
    vendor: Store, tmp_path: Path, name: str, make: object
) -> None:
    path = tmp_path / name
    make(path)  # type: ignore[operator]
    with pytest.raises(QuestionnaireFormatError) as raised:
        read_questionnaire(path, vendor.checklist)
    message = str(raised.value)
    assert message.startswith(f"{name}: not an Excel workbook (.xlsx).")
    assert "save it as .xlsx" in message
    assert "None" not in message
