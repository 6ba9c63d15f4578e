"""Start the Qt application and show the main window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from gui import settings
from gui.error_reporting import install_excepthook, show_error
from models import paths
from models.errors import WorkbenchError
from models.store import Store

log = logging.getLogger(__name__)


def application() -> QApplication:
    """The running QApplication, created with the program's names on first use."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    QApplication.setOrganizationName(settings.ORGANIZATION)
    QApplication.setApplicationName(settings.APPLICATION)
    return QApplication(sys.argv[:1])


def open_start_store(db: Path | None) -> Store | None:
    """Open the database the program starts with; None after telling the user why it failed."""
    path = db or paths.default_database()
    try:
        return Store(path)
    except WorkbenchError as exc:
        show_error(None, "Could not open the database", exc)
        return None


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _log_qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    logging.getLogger("qt").log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)


def log_qt_messages() -> None:
    """Send Qt's own messages to the log file instead of the terminal.

    The offscreen platform, for one, prints "This plugin does not support
    propagateSizeHints()" on every window, which would break the CLI's rule of one
    error line on stderr. Tests keep pytest-qt's handler, which fails on warnings.
    """
    qInstallMessageHandler(_log_qt_message)


def run_gui(db: Path | None) -> int:
    """Show the main window on *db* (the default database when None); return the exit status."""
    from gui.main_window import MainWindow

    log_qt_messages()
    app = application()
    install_excepthook()
    store = open_start_store(db)
    if store is None:
        return 1
    settings.remember_database(store.path)
    window = MainWindow(store)
    window.show()
    log.info("Window opened on %s", store.path)
    status = app.exec()
    window.session.store.close()
    return status
