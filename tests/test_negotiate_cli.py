"""The negotiate command says what it changed, and refuses what would change nothing."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from cli import run

VENDOR = "Harborline Backup"
NOTICE = "incident.notification_deadline"


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = run(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def usage_error(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as exited:
        run(list(argv))
    assert exited.value.code == 2
    return capsys.readouterr().err.splitlines()[-1]


@pytest.fixture
def demo_path(db_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert cli(capsys, "--db", str(db_path), "demo")[0] == 0
    return db_path


def negotiate(capsys: pytest.CaptureFixture[str], db: Path, *argv: str) -> tuple[int, str, str]:
    return cli(capsys, "--db", str(db), "negotiate", VENDOR, *argv)


def plan(capsys: pytest.CaptureFixture[str], db: Path) -> dict[str, dict[str, object]]:
    _, out, _ = cli(capsys, "--db", str(db), "clauses", "list", "--vendor", VENDOR, "--json")
    return {row["id"]: row for row in json.loads(out)}


def test_note_alone_keeps_status(demo_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = negotiate(capsys, demo_path, NOTICE, "--note", "just a note")
    assert status == 0
    assert out == f"Updated {VENDOR}, clause {NOTICE}: note added; status stays proposed\n"
    with sqlite3.connect(demo_path) as db:
        rounds = db.execute("SELECT status, note FROM negotiation_rounds").fetchall()
        audited = db.execute(
            "SELECT count(*) FROM audit_trail WHERE new_value = 'just a note'"
        ).fetchone()[0]
    assert rounds == [("proposed", "just a note")]
    assert audited == 1
    assert plan(capsys, demo_path)[NOTICE]["status"] == "proposed"


def test_blank_note_alone_rejected(demo_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, stderr = negotiate(capsys, demo_path, NOTICE, "--note", "   ")
    assert status == 1
    assert stderr == f"error: {NOTICE}: the note is empty; write what happened\n"


def test_no_options_usage_error(demo_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    message = usage_error(capsys, "--db", str(demo_path), "negotiate", VENDOR, NOTICE)
    assert message.endswith(
        "error: nothing to change: give --include, --exclude, --position, "
        "--set, --wording, --recorded-wording, --status or --note"
    )


@pytest.mark.parametrize("option", [["--position", "fallback"], ["--note", "x"]])
def test_clause_option_without_clause_usage_error(
    demo_path: Path, capsys: pytest.CaptureFixture[str], option: list[str]
) -> None:
    message = usage_error(capsys, "--db", str(demo_path), "negotiate", VENDOR, *option)
    assert "need a clause id; `clauses list --vendor NAME` shows them" in message


def test_repeated_change_reports_nothing(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert negotiate(capsys, demo_path, NOTICE, "--position", "fallback")[1] == (
        f"Updated {VENDOR}, clause {NOTICE}: position fallback\n"
    )
    _, out, _ = negotiate(capsys, demo_path, NOTICE, "--position", "fallback")
    assert out == f"Nothing changed for {VENDOR}, clause {NOTICE}: it already has these values\n"


def test_unused_parameter_warns(demo_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    negotiate(capsys, demo_path, NOTICE, "--position", "fallback")
    status, out, stderr = negotiate(capsys, demo_path, NOTICE, "--set", "notification_hours=24")
    assert status == 0
    assert out == f"Updated {VENDOR}, clause {NOTICE}: notification_hours = 24\n"
    assert stderr == (
        f"warning: the fallback position of {NOTICE} uses no parameter notification_hours; "
        "the value is stored but changes no text\n"
    )


def test_used_parameter_no_warning(demo_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, _, stderr = negotiate(capsys, demo_path, NOTICE, "--set", "notification_hours=24")
    assert stderr == ""
    assert "within twenty-four (24) hours" in str(plan(capsys, demo_path)[NOTICE]["text"])


def test_include_adds_unproposed_clause(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert "baa.hhs_access" not in plan(capsys, demo_path)
    status, out, _ = negotiate(capsys, demo_path, "baa.hhs_access", "--include")
    assert status == 0
    assert out == f"Updated {VENDOR}, clause baa.hhs_access: added to the plan and the addendum\n"
    assert plan(capsys, demo_path)["baa.hhs_access"]["included"] is True


def test_unproposed_clause_change_rejected(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, stderr = negotiate(capsys, demo_path, "baa.hhs_access", "--position", "fallback")
    assert status == 1
    assert stderr.startswith(
        f"error: baa.hhs_access: not proposed for {VENDOR}, because the vendor meets "
    )
    assert stderr.endswith("; add --include to put it in the addendum anyway\n")
    assert "baa.hhs_access" not in plan(capsys, demo_path)


@pytest.mark.parametrize("value", ["0.5", "1.25"])
def test_fractional_hours_rejected(
    demo_path: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    status, _, stderr = negotiate(capsys, demo_path, NOTICE, "--set", f"notification_hours={value}")
    assert status == 1
    assert stderr.startswith(
        f"error: notification_hours: '{value}' is not a whole number of hours; "
        "the contract states whole hours, so enter one such as 1"
    )


def test_include_of_included_clause_reports_nothing(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = negotiate(capsys, demo_path, NOTICE, "--include")
    assert out == f"Nothing changed for {VENDOR}, clause {NOTICE}: it already has these values\n"


def test_include_after_exclude_reports_inclusion(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    negotiate(capsys, demo_path, NOTICE, "--exclude")
    _, out, _ = negotiate(capsys, demo_path, NOTICE, "--include")
    assert out == f"Updated {VENDOR}, clause {NOTICE}: included in the addendum\n"
