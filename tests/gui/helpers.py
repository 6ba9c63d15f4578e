"""Small lookups shared by the window tests."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex

from gui.compare_model import ITEM_ID_ROLE
from gui.main_window import MainWindow


def answer_index(window: MainWindow, item_id: str) -> QModelIndex:
    """The checklist model's answer cell of *item_id* for the selected vendor."""
    from gui.checklist_model import ANSWER

    return window.checklist_tab.model.index_of(item_id, ANSWER)


def compare_cell(window: MainWindow, vendor_name: str, item_id: str) -> QModelIndex:
    model = window.compare_tab.model
    column = 1 + [vendor.name for vendor in model.vendors].index(vendor_name)
    for row in range(model.rowCount()):
        if model.index(row, 0).data(ITEM_ID_ROLE) == item_id:
            return model.index(row, column)
    raise AssertionError(f"no comparison row for {item_id}")


def list_row(window: MainWindow, vendor_name: str) -> int:
    model = window.vendor_panel.model
    return model.row_of(window.store.vendor(vendor_name).id)
