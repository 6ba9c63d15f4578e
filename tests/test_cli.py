"""The command line: every command, its output formats, exit statuses and errors."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from cli import build_parser, run
from models.store import Store
from tests.conftest import REPO


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = run(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def demo_path(db_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert cli(capsys, "--db", str(db_path), "demo")[0] == 0
    return db_path


def test_demo_is_idempotent(demo_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, _ = cli(capsys, "--db", str(demo_path), "demo")
    assert status == 0
    _, out, _ = cli(capsys, "--db", str(demo_path), "vendors", "list", "--json")
    names = [row["name"] for row in json.loads(out)]
    assert len(names) == len(set(names)) >= 4


def test_demo_vendors_differ_as_documented(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = cli(capsys, "--db", str(demo_path), "score", "--json")
    vendors = {row["name"]: row for row in json.loads(out)["vendors"]}
    assert vendors["NimbusVault Cloud"]["disqualified"]
    assert vendors["Harborline Backup"]["items"]["incident.notification_hours"] == "gap"
    assert vendors["Harborline Backup"]["overall"] > 90
    assert vendors["CedarStack Data"]["counts"]["unknown"] > 30


def test_score_json_has_documented_shape(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = cli(capsys, "--db", str(demo_path), "score", "--json")
    assert status == 0
    row = json.loads(out)["vendors"][0]
    assert {"name", "overall", "disqualified", "sections", "items"} <= set(row)
    assert len(row["items"]) == 57
    assert set(row["items"].values()) <= {"meets", "partial", "gap", "unknown"}


def test_score_table_marks_disqualified(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = cli(capsys, "--db", str(demo_path), "score")
    assert re.search(r"NimbusVault Cloud .*DISQUALIFIED: baa.will_sign", out)


def test_checklist_json_lists_every_item(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = cli(capsys, "checklist", "--json")
    sections = json.loads(out)["sections"]
    assert status == 0
    assert sum(len(section["items"]) for section in sections) == 57


def test_checklist_text(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = cli(capsys, "checklist")
    assert "incident.notification_hours" in out
    assert "at most 8 hours" in out


def test_vendors_show_text_and_json(demo_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = cli(capsys, "--db", str(demo_path), "vendors", "show", "harborline backup")
    assert status == 0
    assert "Harborline Backup" in out
    assert "incident.notification_hours" in out
    _, out, _ = cli(
        capsys, "--db", str(demo_path), "vendors", "show", "Harborline Backup", "--json"
    )
    shown = json.loads(out)
    assert "sixty (60) days" in shown["current_wording"]["incident.notification_hours"]


def test_vendors_export_import_round_trip(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "harborline.json"
    assert (
        cli(
            capsys,
            "--db",
            str(demo_path),
            "vendors",
            "export",
            "Harborline Backup",
            "--out",
            str(out_file),
        )[0]
        == 0
    )
    other = tmp_path / "other.sqlite"
    status, out, _ = cli(capsys, "--db", str(other), "vendors", "import", str(out_file))
    assert status == 0
    assert "Created vendor Harborline Backup" in out
    status, out, _ = cli(capsys, "--db", str(other), "vendors", "import", str(out_file))
    assert "Updated vendor Harborline Backup" in out


def test_unknown_vendor_exits_nonzero_with_one_line(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = cli(capsys, "--db", str(demo_path), "vendors", "show", "Ghost")
    assert status == 1
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("error: no vendor named 'Ghost'")


def test_bad_json_file_exits_nonzero(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    status, _, err = cli(capsys, "--db", str(db_path), "vendors", "import", str(bad))
    assert status == 1
    assert "malformed JSON" in err


def test_missing_import_file_exits_nonzero(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = cli(
        capsys, "--db", str(db_path), "vendors", "import", str(tmp_path / "none.json")
    )
    assert status == 1
    assert "none.json" in err


def test_not_a_database_exits_nonzero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "readme.txt"
    text.write_text("hello", encoding="utf-8")
    status, _, err = cli(capsys, "--db", str(text), "vendors", "list")
    assert status == 1
    assert "not a BAA Workbench database" in err


def test_default_database_lives_in_data_folder(
    private_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(capsys, "demo")[0] == 0
    assert (private_home / "data" / "workbench.sqlite").exists()


def test_empty_database_lists_hint(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Store(db_path).close()
    _, out, _ = cli(capsys, "--db", str(db_path), "vendors", "list")
    assert "No vendors yet" in out


def _subcommands(parser, prefix=()):  # type: ignore[no-untyped-def]
    for action in parser._actions:
        if action.__class__.__name__ == "_SubParsersAction":
            for name, child in action.choices.items():
                yield (*prefix, name)
                yield from _subcommands(child, (*prefix, name))


def test_readme_documents_every_command() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    missing = [
        " ".join(command)
        for command in _subcommands(build_parser())
        if " ".join(command) not in readme
    ]
    assert missing == []


def test_main_runs_as_a_script(db_path: Path) -> None:
    Store(db_path).close()
    result = subprocess.run(
        [sys.executable, str(REPO / "main.py"), "--db", str(db_path), "vendors", "list"],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    assert "No vendors yet" in result.stdout


def test_usage_error_exits_two(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        run(["vendors", "frobnicate"])
    assert raised.value.code == 2


def test_cli_start_up_skips_heavy_libraries() -> None:
    # `vendors list` must start fast, so only the commands that need them load these.
    code = (
        "import sys, cli; "
        "print(sorted(m for m in ('openpyxl', 'docx', 'matplotlib', 'PySide6', 'sqlite_utils', "
        "'numpy') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert result.stdout.strip() == "[]"


def test_read_only_command_rejects_missing_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "typo" / "workbench.sqlite"
    for command in (
        ["vendors", "list"],
        ["score"],
        ["vendors", "show", "Acme"],
        ["practice", "show"],
    ):
        status, _, err = cli(capsys, "--db", str(missing), *command)
        assert status == 1, command
        assert "database not found" in err
    assert not missing.parent.exists()


def test_export_rejects_wrong_extension(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "harborline.txt"
    status, _, err = cli(
        capsys,
        "--db",
        str(demo_path),
        "vendors",
        "export",
        "Harborline Backup",
        "--out",
        str(target),
    )
    assert status == 1
    assert "give a name ending in .json" in err
    assert not target.exists()


def test_import_keeps_stored_spelling_of_name(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "h.json"
    cli(
        capsys,
        "--db",
        str(demo_path),
        "vendors",
        "export",
        "Harborline Backup",
        "--out",
        str(out_file),
    )
    document = json.loads(out_file.read_text(encoding="utf-8"))
    document["name"] = "HARBORLINE backup"
    out_file.write_text(json.dumps(document), encoding="utf-8")
    status, out, _ = cli(capsys, "--db", str(demo_path), "vendors", "import", str(out_file))
    assert status == 0
    assert "Updated vendor Harborline Backup" in out


def test_practice_commands_change_targets(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        cli(
            capsys, "--db", str(db_path), "practice", "set", "--name", "Oak Dental", "--state", "OH"
        )[0]
        == 0
    )
    status, out, _ = cli(
        capsys,
        "--db",
        str(db_path),
        "practice",
        "target",
        "incident.notification_hours",
        "24",
        "--source",
        "payer contract",
    )
    assert status == 0
    assert "at most 24 hours" in out
    assert cli(capsys, "--db", str(db_path), "practice", "weight", "access.mfa", "5")[0] == 0
    _, out, _ = cli(capsys, "--db", str(db_path), "practice", "show", "--json")
    shown = json.loads(out)
    assert shown["name"] == "Oak Dental"
    rows = {row["id"]: row for row in shown["targets"]}
    assert rows["incident.notification_hours"]["source"] == "payer contract"
    assert rows["access.mfa"]["weight"] == 5
    assert rows["access.mfa"]["changed"]
    assert cli(capsys, "--db", str(db_path), "practice", "reset")[0] == 0
    _, out, _ = cli(capsys, "--db", str(db_path), "practice", "show", "--json")
    assert not any(row["changed"] for row in json.loads(out)["targets"])


def test_practice_rejects_bad_target(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = cli(
        capsys, "--db", str(db_path), "practice", "target", "recovery.rto_hours", "soon"
    )
    assert status == 1
    assert "recovery.rto_hours" in err


def test_practice_set_without_fields_is_usage_error(db_path: Path) -> None:
    with pytest.raises(SystemExit) as raised:
        run(["--db", str(db_path), "practice", "set"])
    assert raised.value.code == 2


def test_demo_refresh_restores_sample_answers(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store(demo_path) as store:
        vendor = store.vendor("CedarStack Data")
        store.set_answer(vendor.id, "access.rbac", "yes")
    cli(capsys, "--db", str(demo_path), "demo")
    with Store(demo_path) as store:
        assert store.answers(vendor.id)["access.rbac"].value is None


def test_vendors_show_prints_units(demo_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = cli(capsys, "--db", str(demo_path), "vendors", "show", "Harborline Backup")
    assert re.search(r"incident.notification_hours\s+1440 hours", out)
    _, out, _ = cli(
        capsys, "--db", str(demo_path), "vendors", "show", "Harborline Backup", "--json"
    )
    assert json.loads(out)["answers"]["incident.notification_hours"]["value"] == 1440


def test_screenshot_error_is_one_line(demo_path: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "main.py"), "--db", str(demo_path), "screenshot",
         "--out", str(tmp_path / "s.png"), "--vendor", "Nobody"],
        capture_output=True, text=True, check=False, cwd=REPO,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "error: no vendor named 'Nobody'; `vendors list` shows the names"
    ]
