"""The compare and questionnaire commands, as a script runs them."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from cli import run
from models.store import Store
from tests.excel_helpers import fill


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = run(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def demo_path(db_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert cli(capsys, "--db", str(db_path), "demo")[0] == 0
    return db_path


def test_compare_writes_workbook_and_png(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_xlsx, out_png = tmp_path / "c.xlsx", tmp_path / "c.png"
    status, out, _ = cli(
        capsys,
        "--db",
        str(demo_path),
        "compare",
        "--xlsx",
        str(out_xlsx),
        "--png",
        str(out_png),
        "--vendors",
        "Harborline Backup, Bluefin Archive",
    )
    assert status == 0
    assert "Compared 2 vendors" in out
    assert load_workbook(out_xlsx).sheetnames == ["Summary", "Detail", "Targets"]
    assert out_png.read_bytes().startswith(b"\x89PNG")


def usage_error(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """Run a command that argparse must refuse; return its stderr."""
    with pytest.raises(SystemExit) as exited:
        run(list(argv))
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: main.py ")
    return err


def test_compare_needs_an_output(demo_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = usage_error(capsys, "--db", str(demo_path), "compare")
    assert "main.py compare: error: name a file to write with --xlsx" in err


def test_compare_needs_a_vendor_name(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = usage_error(
        capsys,
        "--db",
        str(demo_path),
        "compare",
        "--xlsx",
        str(tmp_path / "c.xlsx"),
        "--vendors",
        " , ",
    )
    assert "--vendors needs at least one vendor name" in err


def test_compare_unknown_vendor_fails(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = cli(
        capsys,
        "--db",
        str(demo_path),
        "compare",
        "--xlsx",
        str(tmp_path / "c.xlsx"),
        "--vendors",
        "Nobody Inc",
    )
    assert status == 1
    assert err.startswith("error:")


def test_export_needs_name_or_blank(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "q.xlsx"
    err = usage_error(capsys, "--db", str(demo_path), "questionnaire", "export", "--out", str(out))
    assert "main.py questionnaire export: error: give either a vendor NAME or --blank" in err
    assert not out.exists()


def test_import_dry_run_writes_nothing(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "q.xlsx"
    cli(
        capsys,
        "--db",
        str(demo_path),
        "questionnaire",
        "export",
        "Harborline Backup",
        "--out",
        str(path),
    )
    fill(path, {"incident.notification_hours": "8 hrs", "recovery.rto_hours": "4-8 hours"})
    status, out, _ = cli(
        capsys, "--db", str(demo_path), "questionnaire", "import", str(path), "--dry-run"
    )
    assert status == 0
    assert "incident.notification_hours: 1440 -> 8" in out
    assert "recovery.rto_hours: '4-8 hours' is a range" in out
    assert "Dry run: nothing was written." in out
    _, again, _ = cli(
        capsys, "--db", str(demo_path), "questionnaire", "import", str(path), "--dry-run"
    )
    assert "1440 -> 8" in again


def test_import_writes_changes(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "q.xlsx"
    cli(capsys, "--db", str(demo_path), "questionnaire", "export", "--blank", "--out", str(path))
    fill(path, {"access.mfa": "no"})
    status, out, _ = cli(
        capsys,
        "--db",
        str(demo_path),
        "questionnaire",
        "import",
        str(path),
        "--vendor",
        "Bluefin Archive",
    )
    assert status == 0
    assert 'source "questionnaire q.xlsx"' in out
    assert "Warning" not in out
    _, shown, _ = cli(
        capsys, "--db", str(demo_path), "vendors", "show", "Bluefin Archive", "--json"
    )
    assert '"access.mfa"' in shown


def test_import_of_foreign_file_fails(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "notes.xlsx"
    path.write_bytes(b"not a zip")
    status, _, err = cli(capsys, "--db", str(demo_path), "questionnaire", "import", str(path))
    assert status == 1
    assert "not an Excel workbook" in err


def test_import_of_word_document_fails(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import docx

    path = tmp_path / "add.docx"
    docx.Document().save(str(path))
    status, _, err = cli(
        capsys, "--db", str(demo_path), "questionnaire", "import", str(path), "--vendor", "Acme"
    )
    assert status == 1
    assert err == (
        "error: add.docx: not an Excel workbook (.xlsx). Choose the questionnaire file the "
        "vendor returned, or ask the vendor to save it as .xlsx and send it again.\n"
    )


@pytest.mark.parametrize(
    ("option", "name", "expected"),
    [("--xlsx", "c.docx", ".xlsx"), ("--png", "c.jpg", ".png"), ("--xlsx", "c", ".xlsx")],
)
def test_compare_rejects_an_output_name_of_another_kind(
    demo_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    option: str,
    name: str,
    expected: str,
) -> None:
    out = tmp_path / name
    status, _, err = cli(capsys, "--db", str(demo_path), "compare", option, str(out))
    assert status == 1
    assert f"give a name ending in {expected}" in err
    assert not out.exists()


def test_questionnaire_export_rejects_a_word_file_name(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "q.docx"
    status, _, err = cli(
        capsys, "--db", str(demo_path), "questionnaire", "export", "--blank", "--out", str(out)
    )
    assert status == 1
    assert "give a name ending in .xlsx" in err
    assert not out.exists()


def test_compare_odd_names_prints_no_warning(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store(demo_path) as store:
        store.add_vendor("Tooth \U0001f9b7 Backup")
        store.add_vendor("L" * 200)
    status, out, err = cli(
        capsys,
        "--db",
        str(demo_path),
        "compare",
        "--xlsx",
        str(tmp_path / "c.xlsx"),
        "--png",
        str(tmp_path / "c.png"),
    )
    assert (status, err) == (0, "")
    assert "Compared 7 vendors" in out


@pytest.mark.parametrize("option", ["--xlsx", "--png"])
def test_compare_without_vendors_fails(
    fresh_db: Store, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str
) -> None:
    out = tmp_path / ("c" + option.replace("--", "."))
    status, printed, err = cli(capsys, "--db", str(db_path), "compare", option, str(out))
    assert status == 1
    assert printed == ""
    assert "there are no vendors to compare" in err
    assert "`vendors import FILE.json`" in err
    assert not out.exists()


def compared_vendors(path: Path) -> list[str]:
    """Return the vendor names on the Summary sheet, in rank order."""
    sheet = load_workbook(path)["Summary"]
    return [row[1] for row in sheet.iter_rows(min_row=5, values_only=True) if row[0]]


@pytest.mark.parametrize(
    "selection",
    [
        ["--vendors", "Harborline Backup,Harborline Backup"],
        ["--vendors", "Harborline Backup, HARBORLINE backup"],
        ["--vendors", "Harborline Backup", "--vendors", "harborline  backup"],
    ],
)
def test_compare_counts_a_repeated_vendor_once(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], selection: list[str]
) -> None:
    out = tmp_path / "c.xlsx"
    status, printed, _ = cli(
        capsys, "--db", str(demo_path), "compare", "--xlsx", str(out), *selection
    )
    assert status == 0
    assert "Compared 1 vendor:" in printed
    assert compared_vendors(out) == ["Harborline Backup"]


@pytest.mark.parametrize(
    "selection",
    [
        ["--vendors", "Bluefin Archive", "--vendors", "Smith, Jones Backup"],
        ["--vendors", "Smith, Jones Backup", "--vendors", "Bluefin Archive"],
        ["--vendors", "smith,  jones backup", "--vendors", "Bluefin Archive"],
    ],
)
def test_compare_selects_a_name_with_a_comma(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], selection: list[str]
) -> None:
    with Store(demo_path) as store:
        store.add_vendor("Smith, Jones Backup")
    out = tmp_path / "c.xlsx"
    status, _, err = cli(capsys, "--db", str(demo_path), "compare", "--xlsx", str(out), *selection)
    assert (status, err) == (0, "")
    assert sorted(compared_vendors(out)) == ["Bluefin Archive", "Smith, Jones Backup"]


def test_compare_selects_a_lone_name_with_a_comma(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store(demo_path) as store:
        store.add_vendor("Smith, Jones Backup")
    out = tmp_path / "c.xlsx"
    argv = [
        "--db",
        str(demo_path),
        "compare",
        "--xlsx",
        str(out),
        "--vendors",
        "Smith, Jones Backup",
    ]
    assert cli(capsys, *argv)[0] == 0
    assert compared_vendors(out) == ["Smith, Jones Backup"]


@pytest.mark.parametrize(
    "command",
    [["compare", "--xlsx", "c.xlsx"], ["questionnaire", "export", "--blank", "--out", "q.xlsx"]],
)
def test_missing_database_is_not_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    missing = tmp_path / "typo" / "workbench.sqlite"
    argv = [str(tmp_path / part) if part.endswith(".xlsx") else part for part in command]
    status, _, err = cli(capsys, "--db", str(missing), *argv)
    assert status == 1
    assert "database not found" in err
    assert not missing.exists()
    assert list(tmp_path.glob("*.xlsx")) == []
