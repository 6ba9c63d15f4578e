"""The screenshot command renders the window offscreen to a PNG."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

from cli import run
from cli.screenshot_commands import parse_size
from models.errors import WorkbenchError


@pytest.mark.parametrize("tab", ["vendor", "compare"])
def test_screenshot_writes_png_of_requested_size(demo_db, db_path, tmp_path, tab: str) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / f"{tab}.png"
    status = run(
        ["--db", str(db_path), "screenshot", "--out", str(out), "--tab", tab, "--size", "1024x700"]
    )
    assert status == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1024, 700)


def test_screenshot_of_unknown_vendor_fails(demo_db, db_path, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "shot.png"
    status = run(["--db", str(db_path), "screenshot", "--out", str(out), "--vendor", "Nobody"])
    assert status == 1
    assert "no vendor named 'Nobody'" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize("size", ["big", "1280", "10x10", "1280x800x2", "0x0"])
def test_bad_size_is_rejected(size: str) -> None:
    with pytest.raises(WorkbenchError, match="--size"):
        parse_size(size)


def test_screenshot_into_missing_folder_fails(demo_db, db_path, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "missing" / "shot.png"
    status = run(["--db", str(db_path), "screenshot", "--out", str(out)])
    assert status == 1
    assert "shot.png" in capsys.readouterr().err
