"""The Practice tab: the practice's name and state, and every target and weight."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.answer_editors import ValueDelegate
from gui.practice_commands import ResetTargetsCommand, SetPracticeFieldCommand
from gui.services import dialogs
from gui.targets_model import DEFAULT, ITEM_ROLE, SECTION, TARGET, TITLE, WEIGHT, TargetsModel
from gui.undo_commands import execute
from models.practice import MAX_WEIGHT, MIN_WEIGHT

if TYPE_CHECKING:
    from gui.main_window import MainWindow

Index = QModelIndex | QPersistentModelIndex


class WeightDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        spin = QSpinBox(parent)
        spin.setRange(MIN_WEIGHT, MAX_WEIGHT)
        spin.setToolTip("0 leaves the item out of the score; 5 counts it most")
        return spin


class PracticeTab(QWidget):
    """Practice profile and targets; every change rescores all vendors at once."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.main_window = window
        self.model = TargetsModel(window.session, self)
        self.name = QLineEdit()
        self.state = QLineEdit()
        self.state.setMaxLength(40)
        self.state.setPlaceholderText("e.g. OH; state law can shorten breach-notice deadlines")
        self.name.editingFinished.connect(lambda: self._save_field("name", self.name))
        self.state.editingFinished.connect(lambda: self._save_field("state", self.state))
        self.reset_button = QPushButton("Reset targets to defaults")
        self.reset_button.clicked.connect(self.reset_targets)
        self.view = self._make_view()
        form = QFormLayout()
        form.addRow("Practice name:", self.name)
        form.addRow("State:", self.state)
        note = QLabel(
            "Targets decide whether an answer meets, partly meets or misses what your practice "
            "needs. Bold values differ from the checklist defaults. Weight 0 leaves an item out "
            "of the score."
        )
        note.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(note, 1)
        bottom.addWidget(self.reset_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(bottom)
        layout.addWidget(self.view, 1)
        window.session.changed.connect(self._show_profile)
        self._show_profile()

    def _make_view(self) -> QTableView:
        view = QTableView()
        view.setModel(self.model)
        view.setItemDelegateForColumn(TARGET, ValueDelegate(ITEM_ROLE, False, view))
        view.setItemDelegateForColumn(WEIGHT, WeightDelegate(view))
        view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        view.verticalHeader().hide()
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        header = view.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in ((SECTION, 170), (DEFAULT, 150), (TARGET, 150), (WEIGHT, 60)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        return view

    def _show_profile(self) -> None:
        practice = self.main_window.session.snapshot.practice
        for editor, value in ((self.name, practice.name), (self.state, practice.state)):
            if not editor.hasFocus() and editor.text() != value:
                editor.setText(value)

    def _save_field(self, field: str, editor: QLineEdit) -> None:
        if editor.text() != getattr(self.main_window.session.snapshot.practice, field):
            execute(
                self.main_window.session,
                SetPracticeFieldCommand(self.main_window.session, field, editor.text()),
            )

    def reset_targets(self) -> None:
        question = "Set every target and weight back to the checklist defaults?"
        if dialogs().confirm(self.main_window, "Reset targets", question):
            execute(self.main_window.session, ResetTargetsCommand(self.main_window.session))
