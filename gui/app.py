"""Start the Qt application and show the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from models import paths


def run_gui(db: Path | None) -> int:
    # NOTE: placeholder window until the main window lands.
    app = QApplication.instance() or QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("BAA Workbench")
    window.setCentralWidget(QLabel(f"Database: {db or paths.default_database()}"))
    window.show()
    return app.exec()
