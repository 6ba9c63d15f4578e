"""Atomic file writes: all or nothing, with an ordinary file mode."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from models.atomic import atomic_path, write_text_atomic


def test_failure_leaves_existing_file_untouched(tmp_path: Path) -> None:
    target = tmp_path / "addendum.docx"
    target.write_text("signed copy", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_path(target) as temporary:
        temporary.write_text("half", encoding="utf-8")
        raise RuntimeError("disk full")
    assert target.read_text(encoding="utf-8") == "signed copy"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["addendum.docx"]


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_new_file_gets_umask_mode_not_private(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        write_text_atomic(tmp_path / "out.json", "{}")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "out.json").stat().st_mode) == 0o644


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    write_text_atomic(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_text(encoding="utf-8") == "new"
