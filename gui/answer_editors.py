"""Editors for answers and targets: a choice list or a number box with its unit.

Yes/no items offer yes, partial and no; ordinal items offer their choices,
best last; number items get a spin box with the unit as suffix. An answer
editor also offers "unknown"; a target editor does not, since a target
cannot be unknown.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from models.checklist import MAX_NUMBER, AnswerType, Item

UNKNOWN = "unknown"
# The spin box's minimum stands for "unknown", shown as that word.
UNKNOWN_NUMBER = -1.0

Index = QModelIndex | QPersistentModelIndex


def make_editor(item: Item, parent: QWidget | None, allow_unknown: bool) -> QWidget:
    if item.answer is AnswerType.NUMBER:
        spin = QDoubleSpinBox(parent)
        spin.setDecimals(2 if item.unit == "USD" else 1)
        spin.setRange(UNKNOWN_NUMBER if allow_unknown else 0.0, MAX_NUMBER)
        spin.setSuffix(f" {item.unit}")
        if allow_unknown:
            spin.setSpecialValueText(UNKNOWN)
        return spin
    combo = QComboBox(parent)
    choices = list(reversed(item.options))  # best first reads naturally in a drop-down
    combo.addItems([*choices, UNKNOWN] if allow_unknown else choices)
    return combo


def set_editor_value(editor: QWidget, value: Any) -> None:
    if isinstance(editor, QDoubleSpinBox):
        editor.setValue(UNKNOWN_NUMBER if value is None else float(value))
    elif isinstance(editor, QComboBox):
        text = UNKNOWN if value is None else str(value)
        editor.setCurrentIndex(max(editor.findText(text), 0))


def editor_value(editor: QWidget) -> Any:
    """The value an editor holds: a float, a choice text, or None for unknown."""
    if isinstance(editor, QDoubleSpinBox):
        return None if editor.value() == editor.minimum() == UNKNOWN_NUMBER else editor.value()
    if isinstance(editor, QComboBox):
        text = editor.currentText()
        return None if text == UNKNOWN else text
    return None


class ValueDelegate(QStyledItemDelegate):
    """Creates the editor an item's answer type needs, for cells carrying ``item_role``."""

    def __init__(self, item_role: int, allow_unknown: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item_role = item_role
        self.allow_unknown = allow_unknown

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        item = index.data(self.item_role)
        if not isinstance(item, Item):
            return super().createEditor(parent, option, index)
        editor = make_editor(item, parent, self.allow_unknown)
        if isinstance(editor, QComboBox):
            editor.activated.connect(lambda _: self.commitData.emit(editor))
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QDoubleSpinBox | QComboBox):
            set_editor_value(editor, index.data(Qt.ItemDataRole.EditRole))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QDoubleSpinBox | QComboBox):
            model.setData(index, editor_value(editor), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)
