"""Remembered window state and recent databases, in QSettings under "BAA Workbench".

Settings live in an INI file in the per-user config folder. Tests point
QSettings at a temporary folder (tests/gui/conftest.py) so they never touch it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

ORGANIZATION = "BAA Workbench"
APPLICATION = "BAA Workbench"
RECENT_KEY = "recent_databases"
MAX_RECENT = 8


def app_settings() -> QSettings:
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )


def recent_databases() -> list[Path]:
    """Databases opened before, most recent first, skipping files that no longer exist."""
    raw = app_settings().value(RECENT_KEY, [])
    names = [raw] if isinstance(raw, str) else [str(name) for name in raw or []]  # type: ignore[attr-defined]
    return [Path(name) for name in names if Path(name).is_file()]


def remember_database(path: Path) -> None:
    path = path.resolve()
    names = [str(path)] + [str(p) for p in recent_databases() if p.resolve() != path]
    app_settings().setValue(RECENT_KEY, names[:MAX_RECENT])
