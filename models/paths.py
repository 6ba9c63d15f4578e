"""Where the program keeps its files: per-user data and log folders (platformdirs)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "BAA Workbench"
# Lets tests and portable installs keep everything in one folder.
HOME_ENV = "BAA_WORKBENCH_HOME"


def data_dir() -> Path:
    home = os.environ.get(HOME_ENV)
    if home:
        return Path(home) / "data"
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    home = os.environ.get(HOME_ENV)
    if home:
        return Path(home) / "logs"
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def default_database() -> Path:
    return data_dir() / "workbench.sqlite"


def user_clause_dir() -> Path:
    """The folder where a practice puts its own clause files."""
    return data_dir() / "clauses"
