"""The one place where errors become messages, and the crash dialog for bugs.

``WorkbenchError`` (and ``OSError`` from file dialogs) is a problem the user can
fix: it is logged and shown as a message box through ``gui.services.dialogs()``
and the window stays usable. Any other exception is a bug: ``install_excepthook``
logs it with its traceback and offers to open the log file.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from cli.logsetup import log_file
from gui.services import dialogs
from models.errors import WorkbenchError

log = logging.getLogger(__name__)


def show_error(parent: QWidget | None, title: str, exc: BaseException) -> None:
    """Log a user-fixable error and show it as a message box."""
    log.warning("%s: %s", title, exc)
    dialogs().error(parent, title, _describe(exc))


def _describe(exc: BaseException) -> str:
    if isinstance(exc, OSError) and not isinstance(exc, WorkbenchError):
        name = f"{exc.filename}: " if exc.filename else ""
        return f"{name}{exc.strerror or exc}. Check the file name and that you may write there."
    return str(exc)


@contextlib.contextmanager
def reporting(parent: QWidget | None, title: str) -> Iterator[None]:
    """Turn a WorkbenchError or OSError raised inside the block into a message box."""
    try:
        yield
    except (WorkbenchError, OSError) as exc:
        show_error(parent, title, exc)


def report_crash(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    """Log an unexpected exception and offer the log file to the user."""
    log.critical("Unexpected error", exc_info=(exc_type, exc, tb))
    path = log_file()
    message = (
        f"Something went wrong that the program did not expect ({exc_type.__name__}: {exc}).\n\n"
        f"Your data is saved up to the last completed change. The details are in the log file "
        f"{path}; please include it when you report this problem."
    )
    if dialogs().crash(None, "Unexpected error", message):
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path))))


def install_excepthook() -> None:
    """Route uncaught exceptions (including those in Qt slots) to the crash dialog."""
    sys.excepthook = _excepthook


def _excepthook(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    if issubclass(exc_type, WorkbenchError):
        show_error(None, "Could not complete the action", exc)
        return
    report_crash(exc_type, exc, tb)
