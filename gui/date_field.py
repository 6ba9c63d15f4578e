"""A date editor that can also hold "no date": a check box beside a calendar date edit."""

from __future__ import annotations

from PySide6.QtCore import Property, QDate, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget


class OptionalDateEdit(QWidget):
    """Unticked means no date; ticking it starts at today.

    The ``date`` property (a QDate, invalid for no date) is what a
    QDataWidgetMapper reads and writes.

    Signals:
        edited(): the user changed the date or ticked or unticked the box.
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enabled_box = QCheckBox()
        self.enabled_box.setToolTip("Untick when there is no date")
        self.editor = QDateEdit()
        self.editor.setCalendarPopup(True)
        self.editor.setDisplayFormat("yyyy-MM-dd")
        self.editor.setDateRange(QDate(1990, 1, 1), QDate(2100, 12, 31))
        self.editor.setSpecialValueText(" ")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabled_box)
        layout.addWidget(self.editor, 1)
        self.enabled_box.toggled.connect(self._on_toggled)
        self.editor.editingFinished.connect(self.edited)
        self.setFocusProxy(self.editor)
        self.set_date(QDate())

    def get_date(self) -> QDate:
        return self.editor.date() if self.enabled_box.isChecked() else QDate()

    def set_date(self, value: QDate) -> None:
        has_date = value.isValid()
        self.enabled_box.blockSignals(True)
        self.enabled_box.setChecked(has_date)
        self.enabled_box.blockSignals(False)
        self.editor.setEnabled(has_date)
        self.editor.setDate(value if has_date else self.editor.minimumDate())

    def _on_toggled(self, checked: bool) -> None:
        self.editor.setEnabled(checked)
        self.editor.setDate(QDate.currentDate() if checked else self.editor.minimumDate())
        self.edited.emit()

    date = Property(QDate, get_date, set_date, user=True)
