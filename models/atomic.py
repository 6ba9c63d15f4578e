"""Write files so that a failure never leaves a half-written file over a good one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def atomic_path(target: Path | str) -> Iterator[Path]:
    """Yield a temporary path beside *target*; on success move it over *target*.

    The temporary file is in the same folder, so the final ``os.replace`` is a
    rename on one file system. If the block raises, the temporary file is
    removed and *target* is untouched.
    """
    target = Path(target)
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(fd)
    temporary = Path(name)
    try:
        yield temporary
        # mkstemp makes the file private (0600); give it the mode an ordinary save would.
        os.chmod(temporary, _ordinary_mode(target))
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def _ordinary_mode(target: Path) -> int:
    """Keep the mode of a file being replaced; else 0666 less the process umask."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_text_atomic(target: Path | str, text: str) -> None:
    with atomic_path(target) as temporary:
        temporary.write_text(text, encoding="utf-8", newline="\n")


def write_bytes_atomic(target: Path | str, data: bytes) -> None:
    with atomic_path(target) as temporary:
        temporary.write_bytes(data)
