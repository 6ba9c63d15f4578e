"""How item statuses look: a pale background colour plus a symbol and word.

The symbol and word carry the meaning on their own, so a status reads the same
in greyscale, for colour-blind users and in a screen reader; the colour only
speeds up scanning. Backgrounds are pale so black text on them keeps a
contrast ratio well above 4.5:1.
"""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor

from models.scoring import Status

STATUS_TEXT = {
    Status.MEETS: "✓ meets",
    Status.PARTIAL: "◐ partial",
    Status.GAP: "✗ gap",
    Status.UNKNOWN: "? unknown",
}
STATUS_BACKGROUND = {
    Status.MEETS: "#d9f2d9",
    Status.PARTIAL: "#fff0c2",
    Status.GAP: "#f9d2d2",
    Status.UNKNOWN: "#e6e6e6",
}
DISQUALIFIED_TEXT = "✗ disqualified"
WARNING_COLOUR = "#a00000"


def status_brush(status: Status) -> QBrush:
    return QBrush(QColor(STATUS_BACKGROUND[status]))


def text_brush() -> QBrush:
    """Black text, so a status cell stays readable on its pale background in a dark theme."""
    return QBrush(QColor("#000000"))


def warning_brush() -> QBrush:
    return QBrush(QColor(WARNING_COLOUR))
