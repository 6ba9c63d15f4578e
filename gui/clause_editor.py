"""The editor of one clause in the Negotiate tab: position, parameters, wording, rounds.

It shows a ``PlannedClause`` and turns the user's edits into signals; the
Negotiate tab writes them to the store and hands back the updated clause.
"""

from __future__ import annotations

import html
import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from clause_library.filling import render_value
from clause_library.library import ClauseLibrary, Position, placeholders
from clause_library.planning import PlannedClause
from exports.redline import redline_html
from models.negotiation import TRANSITIONS, NegotiationStatus

log = logging.getLogger(__name__)

# Data of the "next status" entry that records a dated note and keeps the status.
NOTE_ONLY = "note"


class ClauseEditor(QWidget):
    """Edits one clause of the negotiation.

    Signals:
        positionChosen(str): the user picked a position (``preferred``, ...).
        parameterEdited(str, str): parameter name and typed text ("" clears the override).
        wordingSaved(object): the vendor's wording to store, or None for the recorded BAA wording.
        roundRecorded(str, str): the next status and the round's note.
        noteAdded(str): a dated note that leaves the status as it is.
    """

    positionChosen = Signal(str)
    parameterEdited = Signal(str, str)
    wordingSaved = Signal(object)
    roundRecorded = Signal(str, str)
    noteAdded = Signal(str)

    def __init__(self, library: ClauseLibrary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._planned: PlannedClause | None = None
        self._fields: dict[str, QLineEdit] = {}
        # True while widgets are rebuilt: a removed field that had focus emits
        # editingFinished, which must not count as an edit of the new clause.
        self._showing = False
        self._build()
        self.show_clause(None)

    def _build(self) -> None:
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold; font-size: 11pt;")
        self.title.setWordWrap(True)
        self.why = QLabel()
        self.why.setWordWrap(True)
        self.why.setStyleSheet("color: #444;")
        self.position = QComboBox()
        for position in Position:
            self.position.addItem(position.label, position.value)
        self.position.activated.connect(self._on_position)
        self.parameters = QGroupBox("Parameters of this clause")
        self.parameter_form = QFormLayout(self.parameters)
        self.wording = QPlainTextEdit()
        self.wording.setPlaceholderText("The vendor's current wording for this clause, if any")
        self.wording.setMaximumHeight(90)
        self.wording.textChanged.connect(self._update_preview)
        self.save_wording = QPushButton("Save wording")
        self.save_wording.clicked.connect(self._on_save_wording)
        self.recorded_wording = QPushButton("Use recorded BAA wording")
        self.recorded_wording.clicked.connect(lambda: self.wordingSaved.emit(None))
        self.preview = QTextBrowser()
        self.preview.setMinimumHeight(140)
        self.status = QLabel()
        self.next_status = QComboBox()
        self.note = QLineEdit()
        self.note.setPlaceholderText("Note for this round, e.g. what the vendor countered")
        self.record = QPushButton("Record round")
        self.record.clicked.connect(self._on_record)
        self.rounds = QPlainTextEdit()
        self.rounds.setReadOnly(True)
        self.rounds.setMaximumHeight(80)
        self._lay_out()

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.why)
        form = QFormLayout()
        form.addRow("Position:", self.position)
        layout.addLayout(form)
        layout.addWidget(self.parameters)
        layout.addWidget(QLabel("Vendor's current wording:"))
        layout.addWidget(self.wording)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_wording)
        buttons.addWidget(self.recorded_wording)
        buttons.addStretch()
        layout.addLayout(buttons)
        legend = QLabel("Preview (struck: vendor's wording removed; underlined: added):")
        legend.setWordWrap(True)  # a fixed line would set the pane's minimum width
        layout.addWidget(legend)
        layout.addWidget(self.preview, stretch=1)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status)
        status_row.addStretch()
        status_row.addWidget(QLabel("Next:"))
        status_row.addWidget(self.next_status)
        status_row.addWidget(self.record)
        layout.addLayout(status_row)
        layout.addWidget(self.note)
        layout.addWidget(self.rounds)

    # -- showing a clause ------------------------------------------------------

    def show_clause(self, planned: PlannedClause | None) -> None:
        """Show *planned*, or an empty, disabled editor for None."""
        self._showing = True
        try:
            self._show(planned)
        finally:
            self._showing = False

    def _show(self, planned: PlannedClause | None) -> None:
        same_clause = (
            planned is not None
            and self._planned is not None
            and planned.clause.id == self._planned.clause.id
        )
        self._planned = planned
        self.setEnabled(planned is not None)
        if planned is None:
            self.title.setText("Select a clause")
            self.why.clear()
            self.preview.clear()
            return
        clause = planned.clause
        regulation = f" ({clause.regulation})" if clause.regulation else ""
        self.title.setText(f"{clause.title}  [{clause.id}]")
        self.why.setText(f"Why we ask: {clause.why}{regulation}")
        self.position.setCurrentIndex(self.position.findData(planned.position.value))
        self._show_parameters(planned)
        if not same_clause or not self.wording.document().isModified():
            self._set_wording(planned.vendor_wording)
        self._show_status(planned)
        self._update_preview()

    def _set_wording(self, text: str) -> None:
        self.wording.blockSignals(True)
        self.wording.setPlainText(text)
        self.wording.document().setModified(False)
        self.wording.blockSignals(False)

    def _show_parameters(self, planned: PlannedClause) -> None:
        while self.parameter_form.rowCount():
            self.parameter_form.removeRow(0)
        self._fields = {}
        # Only the chosen position's parameters: the others would change nothing visible.
        names = list(dict.fromkeys(placeholders(planned.clause.texts[planned.position])))
        self.parameters.setVisible(bool(names))
        for name in names:
            parameter = self._library.parameters[name]
            field = QLineEdit(planned.negotiation.overrides.get(name, ""))
            value = planned.values.get(name, "")
            field.setPlaceholderText(render_value(parameter, value) if value != "" else "no value")
            field.setToolTip(parameter.description)
            field.editingFinished.connect(lambda name=name: self._on_parameter(name))
            self.parameter_form.addRow(f"{name.replace('_', ' ')}:", field)
            self._fields[name] = field

    def _show_status(self, planned: PlannedClause) -> None:
        current = planned.negotiation.status
        self.status.setText(f"Status: {current.label}")
        self.next_status.clear()
        order = list(NegotiationStatus)
        for status in sorted(TRANSITIONS[current], key=order.index):
            self.next_status.addItem(status.label, status.value)
        self.next_status.addItem(f"{current.label} (note only)", NOTE_ONLY)
        lines = [
            f"{r.at[:16].replace('T', ' ')}  {r.status.label}: {r.note}".rstrip(": ")
            for r in planned.negotiation.rounds
        ]
        self.rounds.setPlainText("\n".join(lines) or "No rounds recorded yet.")

    def _update_preview(self) -> None:
        if self._planned is None:
            return
        old = self.wording.toPlainText()
        body = redline_html(old, self._planned.text)
        note = (
            "" if old.strip() else "<p><i>No vendor wording: the clause is one insertion.</i></p>"
        )
        title = html.escape(self._planned.clause.title)
        self.preview.setHtml(f"<p><b>{title}</b></p><p>{body}</p>{note}")

    # -- edits -----------------------------------------------------------------

    def _on_position(self, index: int) -> None:
        value = self.position.itemData(index)
        if self._planned is not None and value != self._planned.position.value:
            self.positionChosen.emit(value)

    def _on_parameter(self, name: str) -> None:
        field = self._fields.get(name)
        if self._showing or field is None or self._planned is None:
            return
        text = field.text().strip()
        if text != self._planned.negotiation.overrides.get(name, ""):
            self.parameterEdited.emit(name, text)

    def _on_save_wording(self) -> None:
        self.wordingSaved.emit(self.wording.toPlainText().strip())

    def _on_record(self) -> None:
        status = self.next_status.currentData()
        if status == NOTE_ONLY:
            self.noteAdded.emit(self.note.text())
            self.note.clear()
        elif status:
            self.roundRecorded.emit(status, self.note.text())
            self.note.clear()
