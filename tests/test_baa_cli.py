"""`baa import`: printed findings, JSON shape, and what it stores."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from cli import run
from exports.ooxml import accepted_text, qn, rejected_text
from models.store import Store
from tests.baa_documents import (
    NOTIFICATION_SENTENCE,
    SERVICE_ROWS,
    SEVEN_SECTIONS,
    BaaSpec,
    build_baa,
    document_with_table,
)


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = run(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def baa_path(tmp_path: Path) -> Path:
    rows = [("Recovery Time Objective (RTO)", "Four (4) hours")]
    return build_baa(tmp_path / "Stratus BAA.docx", BaaSpec(service_table=rows))


def test_dry_run_json_lists_findings(
    baa_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["--db", str(db_path), "baa", "import", str(baa_path), "--vendor", "Stratus"]
    status, out, _ = cli(capsys, *argv, "--dry-run", "--json")
    assert status == 0
    data = json.loads(out)
    assert data["written"] is False
    assert data["file"] == "Stratus BAA.docx"
    notice = next(f for f in data["findings"] if f["item_id"] == "incident.notification_hours")
    assert notice["value"] == 1440
    assert notice["hours"] == 1440
    assert notice["day_kind"] == "calendar"
    assert notice["section"] == "2.3"
    assert notice["matched_text"] == NOTIFICATION_SENTENCE
    assert "retention.minimum_years" not in data["silent"]


def test_dry_run_stores_nothing(
    baa_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["--db", str(db_path), "baa", "import", str(baa_path), "--vendor", "Stratus"]
    assert cli(capsys, *argv, "--dry-run")[0] == 0
    with Store(db_path) as store:
        assert store.find_vendor("Stratus") is None


def test_text_output_names_item_section_and_words(
    baa_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["--db", str(db_path), "baa", "import", str(baa_path), "--vendor", "Stratus"]
    _, out, _ = cli(capsys, *argv, "--dry-run")
    assert "nothing stored (dry run)" in out
    assert "[section 2.3] incident.notification_hours = 1440 (high confidence)" in out
    assert '[table "Schedule A - Service Commitments", row 2] recovery.rto_hours = 4' in out
    assert '"Business Associate shall report to Covered Entity' in out
    assert "silent on: " in out


def test_import_stores_answers_wording_and_audit(
    baa_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["--db", str(db_path), "baa", "import", str(baa_path), "--vendor", "Stratus"]
    status, out, _ = cli(capsys, *argv)
    assert status == 0
    assert "stored for Stratus" in out
    with Store(db_path) as store:
        vendor = store.vendor("Stratus")
        answers = store.answers(vendor.id)
        assert answers["incident.notification_hours"].value == 1440.0
        assert answers["baa.subcontractor_flowdown"].value == "partial"
        assert answers["recovery.rto_hours"].value == 4.0
        assert (
            answers["incident.notification_hours"].source
            == "vendor BAA Stratus BAA.docx, section 2.3"
        )
        assert store.wording(vendor.id)["incident.notification_hours"] == NOTIFICATION_SENTENCE
        trail = store.audit_trail("wording", vendor.id)
        assert any(entry.field == "incident.notification_hours" for entry in trail)
        sources = [
            e.new_value
            for e in store.audit_trail("answer", vendor.id)
            if e.field.endswith(".source")
        ]
        assert sources and all("Stratus BAA.docx" in (value or "") for value in sources)


def test_finding_without_value_keeps_stored_answer(
    baa_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store(db_path) as store:
        vendor = store.add_vendor("Stratus")
        store.set_answer(vendor.id, "retention.minimum_years", 7)
    cli(capsys, "--db", str(db_path), "baa", "import", str(baa_path), "--vendor", "stratus")
    with Store(db_path) as store:
        assert store.answers(vendor.id)["retention.minimum_years"].value == 7.0
        assert "as long as" in store.wording(vendor.id)["retention.minimum_years"]


def test_reimport_changes_nothing(
    baa_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["--db", str(db_path), "baa", "import", str(baa_path), "--vendor", "Stratus"]
    cli(capsys, *argv)
    with Store(db_path) as store:
        before = len(store.audit_trail())
    cli(capsys, *argv)
    with Store(db_path) as store:
        assert len(store.audit_trail()) == before


def test_silent_item_stores_answer_without_wording(
    baa_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["--db", str(db_path), "baa", "import", str(baa_path), "--vendor", "Stratus"]
    _, out, _ = cli(capsys, *argv)
    assert "not stored as wording" in out
    with Store(db_path) as store:
        vendor = store.vendor("Stratus")
        assert store.answers(vendor.id)["retention.destruction_certificate"].value == "no"
        assert "retention.destruction_certificate" not in store.wording(vendor.id)


def test_failed_save_leaves_no_new_vendor(
    baa_path: Path,
    db_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from models.errors import InvalidFieldError

    def failing_wordings(*args: object, **kwargs: object) -> None:
        raise InvalidFieldError("incident.notification_hours wording: text is too long")

    monkeypatch.setattr(Store, "set_wordings", failing_wordings)
    argv = ["--db", str(db_path), "baa", "import", str(baa_path), "--vendor", "Stratus"]
    status, _, err = cli(capsys, *argv)
    assert status == 1
    assert err == "error: incident.notification_hours wording: text is too long\n"
    monkeypatch.undo()
    with Store(db_path) as store:
        assert store.find_vendor("Stratus") is None
        assert store.audit_trail() == []


def test_table_findings_name_the_table(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = document_with_table(tmp_path / "vendor-baa.docx", SEVEN_SECTIONS, SERVICE_ROWS)
    status, out, _ = cli(capsys, "--db", str(db_path), "baa", "import", str(path), "--vendor", "X")
    assert status == 0
    assert "[table after section 7, row 1] recovery.rto_hours = 24" in out
    assert "[table after section 7, row 2] encryption.at_rest_aes256 = yes" in out
    assert "[7]" not in out
    with Store(db_path) as store:
        answers = store.answers(store.vendor("X").id)
    assert (
        answers["recovery.rto_hours"].source
        == "vendor BAA vendor-baa.docx, table after section 7, row 1"
    )


def test_redline_replaces_a_table_row_whole(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = document_with_table(tmp_path / "vendor-baa.docx", SEVEN_SECTIONS, SERVICE_ROWS)
    cli(capsys, "--db", str(db_path), "baa", "import", str(path), "--vendor", "X")
    with Store(db_path) as store:
        wording = store.wording(store.vendor("X").id)
    assert wording["recovery.rto_hours"] == "Recovery time objective (RTO): 24 hours"
    out = tmp_path / "a.docx"
    status, _, _ = cli(
        capsys, "--db", str(db_path), "addendum", "X", "--out", str(out), "--redline"
    )
    assert status == 0
    body = docx.Document(str(out)).element.body
    (clause,) = [p for p in body.iter(qn("w:p")) if "(RTO): 24" in rejected_text(p)]
    changes = [child.tag for child in clause if child.tag != qn("w:pPr")]
    assert changes == [qn("w:del"), qn("w:ins")]
    assert rejected_text(clause) == "Recovery time objective (RTO): 24 hours"
    assert accepted_text(clause).startswith("Business Associate shall")
