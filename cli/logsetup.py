"""Logging to a rotating file in the per-user log folder."""

from __future__ import annotations

import logging
import logging.handlers

from models import paths

LOG_FILE_NAME = "baa-workbench.log"


def configure_logging(level: int = logging.INFO) -> None:
    """Send log records to the rotating log file; the console stays quiet."""
    root = logging.getLogger()
    if any(getattr(handler, "_baa_workbench", False) for handler in root.handlers):
        return
    try:
        folder = paths.log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            folder / LOG_FILE_NAME, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        handler = logging.NullHandler()  # an unwritable log folder must not stop the program
    handler._baa_workbench = True  # type: ignore[attr-defined]
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s %(funcName)s:%(lineno)d %(message)s")
    )
    root.addHandler(handler)
    root.setLevel(level)


def log_file() -> str:
    return str(paths.log_dir() / LOG_FILE_NAME)
