"""End to end: a vendor's own BAA is read in, and the addendum redlines against its words."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import docx
import pytest

from cli import run
from exports.ooxml import accepted_text, qn, rejected_text
from tests.baa_documents import NOTIFICATION_SENTENCE, build_baa
from tests.libreoffice import convert

VENDOR = "Stratus Vault"


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    status = run(list(argv))
    out, err = capsys.readouterr()
    assert status == 0, err
    return out


@pytest.fixture
def redlined(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[Path, dict[str, Any]]:
    """Import the standard vendor BAA and write the redlined addendum.

    Returns the addendum's path and the notification clause's row of the plan.
    """
    baa = build_baa(tmp_path / "Stratus BAA.docx")
    db = str(db_path)
    cli(capsys, "--db", db, "baa", "import", str(baa), "--vendor", VENDOR)
    rows = json.loads(cli(capsys, "--db", db, "clauses", "list", "--vendor", VENDOR, "--json"))
    notice = next(row for row in rows if "incident.notification_hours" in row["items"])
    out = tmp_path / "addendum.docx"
    cli(capsys, "--db", db, "addendum", VENDOR, "--out", str(out), "--redline")
    return out, notice


def test_notice_clause_planned_against_vendor_words(
    redlined: tuple[Path, dict[str, Any]],
) -> None:
    _, notice = redlined
    assert notice["included"]
    assert notice["vendor_wording"] == NOTIFICATION_SENTENCE


def test_reject_all_restores_vendor_sentence(redlined: tuple[Path, dict[str, Any]]) -> None:
    path, notice = redlined
    paragraphs = list(docx.Document(str(path)).element.body.iter(qn("w:p")))
    matching = [p for p in paragraphs if rejected_text(p) == NOTIFICATION_SENTENCE]
    assert len(matching) == 1
    accepted = accepted_text(matching[0])
    assert accepted == notice["text"]
    assert "sixty (60)" not in accepted
    # The practice's default target for incident notice is 8 hours.
    assert "eight (8) hours after discovery" in accepted


@pytest.mark.libreoffice
def test_redlined_addendum_opens_in_libreoffice(
    redlined: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    path, _ = redlined
    pdf = convert(path, "pdf", tmp_path / "pdf")
    assert pdf.stat().st_size > 1000
