"""The page shown instead of the tabs while the database has no vendors."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

WELCOME_TEXT = (
    "<h2>Welcome to BAA Workbench</h2>"
    "<p>Compare cloud backup vendors for the systems that hold your practice's ePHI: "
    "answer the due-diligence checklist for each vendor, see them scored against your "
    "practice's targets, and prepare the changes to ask for in their HIPAA Business "
    "Associate Agreement.</p>"
    "<p>Start by adding the first vendor you are considering, or load five fictional "
    "sample vendors to explore the program first (you can delete them later).</p>"
    "<p><i>Not legal advice: have an attorney review any agreement before you sign it.</i></p>"
)


class WelcomePage(QWidget):
    """Offers "Add a vendor" and "Load sample data" on an empty database."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        text = QLabel(WELCOME_TEXT)
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setMaximumWidth(560)
        self.add_button = QPushButton("Add a vendor…")
        self.sample_button = QPushButton("Load sample data")
        self.add_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.sample_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(text, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(buttons)
        layout.addStretch(2)
