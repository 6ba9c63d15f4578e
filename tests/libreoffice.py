"""Open generated files in a real LibreOffice, headless, as integration tests need.

Each call uses its own LibreOffice profile folder, so parallel test workers do
not fight over the profile lock.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
# A cold LibreOffice start on 2 cores takes a few seconds; a minute means it hangs.
TIMEOUT_SECONDS = 120


def require_soffice() -> str:
    """Return the soffice path; skip the test without it, except in CI where it must exist."""
    if SOFFICE:
        return SOFFICE
    if os.environ.get("CI"):
        pytest.fail("LibreOffice (soffice) is missing in CI; .ci/system-packages installs it")
    pytest.skip("LibreOffice (soffice) is not installed")


def convert(source: Path, target_format: str, out_dir: Path) -> Path:
    """Convert *source* with LibreOffice to *target_format* (e.g. "pdf", "docx", "xlsx")."""
    soffice = require_soffice()
    out_dir.mkdir(parents=True, exist_ok=True)
    profile = out_dir / ".lo-profile"
    result = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.resolve().as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            target_format,
            "--outdir",
            str(out_dir),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=TIMEOUT_SECONDS,
        check=False,
    )
    extension = target_format.split(":")[0]
    converted = out_dir / f"{source.stem}.{extension}"
    assert converted.exists(), (
        f"LibreOffice did not convert {source.name}: {result.stderr}{result.stdout}"
    )
    assert converted.stat().st_size > 0
    return converted
