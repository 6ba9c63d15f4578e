"""The addendum and clauses commands."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from cli import run
from exports.ooxml import qn
from models.paths import user_clause_dir


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = run(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def demo_path(db_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert cli(capsys, "--db", str(db_path), "demo")[0] == 0
    return db_path


def test_addendum_writes_clean_document(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "addendum.docx"
    status, stdout, stderr = cli(
        capsys,
        "--db",
        str(demo_path),
        "addendum",
        "cedarstack data",
        "--out",
        str(out),
        "--set",
        "effective_date=2027-03-01",
    )
    assert status == 0
    assert stdout.startswith("Wrote clean addendum with ")
    assert "effective_date" not in stderr
    body = docx.Document(str(out)).element.body
    assert list(body.iter(qn("w:ins"))) == []


def test_addendum_redline_and_comments(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "redlined.docx"
    status, stdout, stderr = cli(
        capsys,
        "--db",
        str(demo_path),
        "addendum",
        "CedarStack Data",
        "--out",
        str(out),
        "--redline",
        "--comments",
    )
    assert status == 0
    assert stdout.startswith("Wrote redlined addendum")
    assert "warning: parameter effective_date has no value" in stderr
    assert (
        "note: no clause can fix HITRUST CSF certification, FedRAMP authorization; "
        "weigh them in the choice\n"
    ) in stderr
    document = docx.Document(str(out))
    assert list(document.element.body.iter(qn("w:del")))
    assert len(list(document.comments)) > 10


def test_addendum_unknown_vendor(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, stderr = cli(
        capsys, "--db", str(demo_path), "addendum", "Nobody", "--out", str(tmp_path / "a.docx")
    )
    assert status == 1
    assert stderr == "error: no vendor named 'Nobody'; `vendors list` shows the names\n"


@pytest.mark.parametrize(
    ("argument", "message"),
    [
        ("colour=red", "error: colour: not a clause parameter"),
        ("rto_hours=fast", "error: rto_hours: 'fast' is not a number"),
    ],
)
def test_addendum_bad_parameter(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], argument: str, message: str
) -> None:
    out = tmp_path / "a.docx"
    status, _, stderr = cli(
        capsys,
        "--db",
        str(demo_path),
        "addendum",
        "CedarStack Data",
        "--out",
        str(out),
        "--set",
        argument,
    )
    assert status == 1
    assert stderr.startswith(message)
    assert not out.exists()


def test_clauses_list_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = cli(capsys, "clauses", "list", "--json")
    rows = json.loads(out)
    assert status == 0
    assert len(rows) >= 40
    assert {"id", "section", "items", "title", "parameters", "file"} <= set(rows[0])


def test_clauses_list_for_vendor(demo_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = cli(
        capsys, "--db", str(demo_path), "clauses", "list", "--vendor", "Harborline Backup", "--json"
    )
    rows = json.loads(out)
    assert status == 0
    notice = next(row for row in rows if "incident.notification_hours" in row["items"])
    assert notice["items"]["incident.notification_hours"] == "gap"
    assert notice["status"] == "proposed"
    assert "sixty (60) days" in notice["vendor_wording"]


def test_clauses_check_without_practice_folder(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = cli(capsys, "clauses", "check")
    assert status == 0
    assert out.startswith("OK: ")
    assert "no practice clause folder" in out


def test_clauses_check_reports_every_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.toml").write_text('format = 1\nsection = "nope"\n', encoding="utf-8")
    (tmp_path / "b.toml").write_text("format = 3\n", encoding="utf-8")
    status, _, stderr = cli(capsys, "clauses", "check", str(tmp_path))
    assert status == 1
    assert stderr.splitlines() == [
        "error: a.toml: section: 'nope' is not a checklist section",
        "error: b.toml: format: expected format = 1",
    ]


def test_clauses_check_counts_practice_clauses(capsys: pytest.CaptureFixture[str]) -> None:
    folder = user_clause_dir()
    folder.mkdir(parents=True)
    (folder / "own.toml").write_text(
        'format = 1\nsection = "access"\n[[clauses]]\nid = "own.mfa"\nitems = ["access.mfa"]\n'
        'title = "MFA"\nwhy = "Because."\nregulation = ""\npreferred = "A."\nfallback = "B."\n'
        'walk_away = "C."\n',
        encoding="utf-8",
    )
    status, out, _ = cli(capsys, "clauses", "check")
    assert status == 0
    assert "(1 from " in out


def test_broken_practice_clause_file_stops_addendum(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = user_clause_dir()
    folder.mkdir(parents=True)
    (folder / "own.toml").write_text("format = 1\nsection = 'access'\n[[clauses]]\nid = 'x'\n")
    status, _, stderr = cli(
        capsys,
        "--db",
        str(demo_path),
        "addendum",
        "CedarStack Data",
        "--out",
        str(tmp_path / "a.docx"),
    )
    assert status == 1
    assert stderr.startswith("error: invalid clause library: own.toml: clause 'x' field items")


def test_negotiate_clause(demo_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = cli(
        capsys,
        "--db",
        str(demo_path),
        "negotiate",
        "Harborline Backup",
        "incident.notification_deadline",
        "--position",
        "walk_away",
        "--set",
        "notification_hours=24",
        "--wording",
        "Notice within 30 days.",
        "--status",
        "countered",
        "--note",
        "They offer 72 hours",
    )
    assert status == 0
    assert out == (
        "Updated Harborline Backup, clause incident.notification_deadline: position walk_away; "
        "notification_hours = 24; vendor wording stored; status countered with a note\n"
    )
    _, out, _ = cli(
        capsys, "--db", str(demo_path), "clauses", "list", "--vendor", "Harborline Backup", "--json"
    )
    row = json.loads(out)[0]
    assert row["position"] == "walk_away"
    assert row["status"] == "countered"
    assert row["vendor_wording"] == "Notice within 30 days."


def test_negotiate_vendor_parameter(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        cli(
            capsys,
            "--db",
            str(demo_path),
            "negotiate",
            "CedarStack Data",
            "--set",
            "effective_date=2027-02-01",
        )[0]
        == 0
    )
    out = tmp_path / "a.docx"
    _, _, stderr = cli(
        capsys, "--db", str(demo_path), "addendum", "CedarStack Data", "--out", str(out)
    )
    assert "effective_date" not in stderr
    assert "takes effect on February 1, 2027" in docx.Document(str(out)).paragraphs[3].text


def test_negotiate_exclude_and_drop(demo_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = (
        "--db",
        str(demo_path),
        "negotiate",
        "Harborline Backup",
        "incident.notification_deadline",
    )
    assert cli(capsys, *base, "--exclude")[0] == 0
    assert cli(capsys, *base, "--status", "dropped")[0] == 0
    status, _, stderr = cli(capsys, *base, "--status", "agreed")
    assert status == 1
    assert stderr == (
        "error: incident.notification_deadline: cannot go from dropped to agreed; next can be proposed\n"
    )


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ["no.clause", "--exclude"],
            "error: no clause with id 'no.clause'; `clauses list` shows the ids",
        ),
        (["--set", "colour=red"], "error: colour: not a clause parameter"),
        (
            ["--set", "effective_date=soon"],
            "error: effective_date: 'soon' is not a date like 2026-03-01",
        ),
    ],
)
def test_negotiate_bad_arguments(
    demo_path: Path, capsys: pytest.CaptureFixture[str], arguments: list[str], message: str
) -> None:
    status, _, stderr = cli(
        capsys, "--db", str(demo_path), "negotiate", "Harborline Backup", *arguments
    )
    assert status == 1
    assert stderr.startswith(message)


def test_clauses_list_for_vendor_shows_inclusion_position_and_status(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    vendor, notice = "Harborline Backup", "incident.notification_deadline"
    negotiate = ("--db", str(demo_path), "negotiate", vendor)
    assert cli(capsys, *negotiate, notice, "--exclude", "--position", "fallback")[0] == 0
    assert cli(capsys, *negotiate, "baa.hhs_access", "--include", "--position", "fallback")[0] == 0
    status, out, _ = cli(capsys, "--db", str(demo_path), "clauses", "list", "--vendor", vendor)
    assert status == 0
    lines = out.splitlines()
    assert lines[0].split() == [
        "Clause",
        "Title",
        "Vendor",
        "In",
        "addendum",
        "Position",
        "Negotiation",
    ]
    rows = {line.split()[0]: line for line in lines[1:]}
    assert "NO: excluded  fallback" in rows[notice]
    assert " meets " in rows["baa.hhs_access"]
    assert "yes" in rows["baa.hhs_access"]
    # Both clauses are at the fallback position; the column lines up under its header.
    starts = {lines[0].index("Position")} | {row.index("fallback") for row in rows.values()}
    assert len(starts) == 1


def test_clauses_list_for_vendor_json_separates_inclusion_from_addendum(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    vendor, notice = "Harborline Backup", "incident.notification_deadline"
    negotiate = ("--db", str(demo_path), "negotiate", vendor, notice)
    assert cli(capsys, *negotiate, "--status", "dropped")[0] == 0
    _, out, _ = cli(capsys, "--db", str(demo_path), "clauses", "list", "--vendor", vendor, "--json")
    row = next(row for row in json.loads(out) if row["id"] == notice)
    assert (row["included"], row["in_addendum"], row["vendor_status"]) == (True, False, "gap")


@pytest.mark.parametrize("name", ["a.pdf", "a", "a.doc"])
def test_addendum_refuses_a_name_without_docx(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    out = tmp_path / name
    status, _, stderr = cli(
        capsys, "--db", str(demo_path), "addendum", "CedarStack Data", "--out", str(out)
    )
    assert status == 1
    assert stderr == (
        f"error: {out}: the file will be written as .docx; give a name ending in .docx\n"
    )
    assert not out.exists()


def test_addendum_counts_one_clause_and_one_unfixable_item(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "one.DOCX"
    status, stdout, stderr = cli(
        capsys, "--db", str(demo_path), "addendum", "Harborline Backup", "--out", str(out)
    )
    assert status == 0
    assert stdout == f"Wrote clean addendum with 1 clause to {out}\n"
    assert "note: no clause can fix FedRAMP authorization; weigh it in the choice\n" in stderr


@pytest.mark.parametrize(
    "command",
    [["addendum", "CedarStack Data", "--out", "a.docx"], ["negotiate", "CedarStack Data"]],
)
@pytest.mark.parametrize("argument", ["effective_date", "=2027-03-01"])
def test_set_without_name_and_value_is_a_usage_error(
    demo_path: Path, capsys: pytest.CaptureFixture[str], command: list[str], argument: str
) -> None:
    with pytest.raises(SystemExit) as exited:
        run(["--db", str(demo_path), *command, "--set", argument])
    assert exited.value.code == 2
    assert (
        capsys.readouterr()
        .err.splitlines()[-1]
        .endswith(
            f"error: argument --set: {argument!r}: expected NAME=VALUE, e.g. effective_date=2027-03-01"
        )
    )
