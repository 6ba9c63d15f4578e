"""Message boxes and file dialogs behind one small service that tests replace.

Widgets never call QMessageBox or QFileDialog directly; they call ``dialogs()``.
Tests install a ``ScriptedDialogs`` with the answers the test wants, so no test
ever blocks on a modal dialog.
"""

from __future__ import annotations

import logging
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

log = logging.getLogger(__name__)


class DialogService:
    """Real dialogs shown to the user."""

    def error(self, parent: QWidget | None, title: str, message: str) -> None:
        QMessageBox.critical(parent, title, message)

    def warning(self, parent: QWidget | None, title: str, message: str) -> None:
        QMessageBox.warning(parent, title, message)

    def info(self, parent: QWidget | None, title: str, message: str) -> None:
        QMessageBox.information(parent, title, message)

    def confirm(self, parent: QWidget | None, title: str, message: str) -> bool:
        answer = QMessageBox.question(parent, title, message)
        return answer == QMessageBox.StandardButton.Yes

    def crash(self, parent: QWidget | None, title: str, message: str) -> bool:
        """Show an unexpected error; return True when the user asks to open the log file."""
        box = QMessageBox(QMessageBox.Icon.Critical, title, message, parent=parent)
        open_log = box.addButton("Open log file", QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        return box.clickedButton() is open_log

    def ask_text(
        self, parent: QWidget | None, title: str, label: str, text: str = ""
    ) -> str | None:
        """Ask for one line of text; None when cancelled."""
        value, accepted = QInputDialog.getText(parent, title, label, text=text)
        return value if accepted else None

    def open_file(
        self, parent: QWidget | None, title: str, file_filter: str, folder: str = ""
    ) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(parent, title, folder, file_filter)
        return Path(name) if name else None

    def save_file(
        self, parent: QWidget | None, title: str, file_filter: str, suggested: str = ""
    ) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
        return Path(name) if name else None


@dataclass
class ScriptedDialogs(DialogService):
    """Dialogs for tests: returns queued answers and records every message shown.

    ``files`` answers open_file and save_file in order (None = cancelled);
    ``confirmations`` answers confirm in order (default True when empty);
    ``texts`` answers ask_text in order (None = cancelled, also when empty).
    crash records the message and never asks to open the log.
    """

    files: deque[Path | None] = field(default_factory=deque)
    confirmations: deque[bool] = field(default_factory=deque)
    texts: deque[str | None] = field(default_factory=deque)
    shown: list[tuple[str, str, str]] = field(default_factory=list)

    def error(self, parent: QWidget | None, title: str, message: str) -> None:
        self.shown.append(("error", title, message))

    def warning(self, parent: QWidget | None, title: str, message: str) -> None:
        self.shown.append(("warning", title, message))

    def info(self, parent: QWidget | None, title: str, message: str) -> None:
        self.shown.append(("info", title, message))

    def confirm(self, parent: QWidget | None, title: str, message: str) -> bool:
        self.shown.append(("confirm", title, message))
        return self.confirmations.popleft() if self.confirmations else True

    def crash(self, parent: QWidget | None, title: str, message: str) -> bool:
        self.shown.append(("crash", title, message))
        return False

    def ask_text(
        self, parent: QWidget | None, title: str, label: str, text: str = ""
    ) -> str | None:
        self.shown.append(("ask_text", title, label))
        return self.texts.popleft() if self.texts else None

    def open_file(
        self, parent: QWidget | None, title: str, file_filter: str, folder: str = ""
    ) -> Path | None:
        self.shown.append(("open_file", title, file_filter))
        return self.files.popleft() if self.files else None

    def save_file(
        self, parent: QWidget | None, title: str, file_filter: str, suggested: str = ""
    ) -> Path | None:
        self.shown.append(("save_file", title, file_filter))
        return self.files.popleft() if self.files else None


def with_extension(path: Path, suffix: str) -> Path:
    """Add *suffix* (".docx", ".xlsx", ".png") to a file name typed without it.

    The suffix is added, not swapped, so "offer.v2" becomes "offer.v2.docx" and a
    name ending in another extension never turns into an existing file of ours.
    """
    if path.suffix.lower() == suffix:
        return path
    return path.with_name(path.name + suffix)


_service: DialogService = DialogService()


def dialogs() -> DialogService:
    return _service


def install(service: DialogService) -> DialogService:
    """Replace the dialog service (tests do this); return the previous one."""
    global _service
    previous, _service = _service, service
    return previous
