"""The dialog service helpers."""

from __future__ import annotations

from pathlib import Path

import pytest

from gui.services import with_extension


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("chart", "chart.png"), ("chart.PNG", "chart.PNG"), ("chart.v2", "chart.v2.png"),
     ("offer.docx", "offer.docx.png")],
)  # fmt: skip
def test_with_extension_adds_never_swaps(typed: str, expected: str) -> None:
    assert with_extension(Path("/tmp") / typed, ".png") == Path("/tmp") / expected
