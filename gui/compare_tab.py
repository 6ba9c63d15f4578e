"""The Compare tab: the comparison grid beside the score charts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from exports.charts import series_from_scores
from gui.chart_widget import ChartWidget
from gui.compare_model import (
    ITEM_ID_ROLE,
    VENDOR_ID_ROLE,
    CompareFilterModel,
    CompareModel,
)
from gui.error_reporting import reporting
from gui.services import dialogs, with_extension
from gui.status_style import DISQUALIFIED_MARK, STATUS_TEXT

if TYPE_CHECKING:
    from gui.main_window import MainWindow

PNG_FILTER = "PNG image (*.png)"


class CompareTab(QWidget):
    """Chosen vendors side by side, filterable to gaps, with charts that follow every edit."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.main_window = window
        self.model = CompareModel(window.session, self)
        self.proxy = CompareFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.gaps_only = QCheckBox("Gaps only")
        self.gaps_only.toggled.connect(self.proxy.set_gaps_only)
        self.by_score = QCheckBox("Sort vendors by score")
        self.by_score.toggled.connect(self.model.set_by_score)
        self.vendor_menu = QMenu(self)
        self.vendor_menu.aboutToShow.connect(self._fill_vendor_menu)
        self.vendor_button = QToolButton()
        self.vendor_button.setText("Vendors to compare")
        self.vendor_button.setMenu(self.vendor_menu)
        self.vendor_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.save_button = QPushButton("Save as PNG…")
        self.save_button.clicked.connect(self.save_chart_png)
        legend = QLabel(
            "Each answer starts with its status:   "
            + "   ".join(STATUS_TEXT.values())
            + f"   ·   {DISQUALIFIED_MARK} before a score: disqualified"
        )
        legend.setWordWrap(True)
        legend.setToolTip("Each answer starts with its status symbol; colours repeat it.")
        self.view = self._make_view()
        self.chart = ChartWidget(window.store.checklist)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(self.chart)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([600, 340])
        self.splitter = splitter
        bar = QHBoxLayout()
        for widget in (self.vendor_button, self.gaps_only, self.by_score):
            bar.addWidget(widget)
        bar.addStretch(1)
        self._toolbar = bar
        self.chart.top.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        layout.addWidget(legend)
        self.model.modelReset.connect(self._update_chart)
        self.model.dataChanged.connect(self._update_chart)
        self._update_chart()

    def add_tool(self, widget: QWidget) -> None:
        """Add a button for the compared vendors at the right end of the tab's toolbar.

        Buttons belong here rather than beside the chart: there they widen the chart
        pane and leave the grid room for fewer vendors.
        """
        self._toolbar.addWidget(widget)

    def _make_view(self) -> QTableView:
        view = QTableView()
        view.setModel(self.proxy)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        view.setWordWrap(False)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.horizontalHeader().setDefaultSectionSize(92)
        view.setColumnWidth(0, 190)
        view.clicked.connect(self._open_answer)
        view.activated.connect(self._open_answer)
        self.proxy.modelReset.connect(lambda: view.setColumnWidth(0, 190))
        return view

    def _update_chart(self) -> None:
        self.chart.set_series(series_from_scores(self.model.chosen_scores()))

    def _fill_vendor_menu(self) -> None:
        self.vendor_menu.clear()
        for vendor in self.main_window.session.snapshot.vendors:
            action = self.vendor_menu.addAction(vendor.name)
            action.setCheckable(True)
            action.setChecked(vendor.id not in self.model.excluded)
            action.toggled.connect(lambda on, vid=vendor.id: self.set_compared(vid, on))

    def set_compared(self, vendor_id: int, compared: bool) -> None:
        excluded = set(self.model.excluded)
        if compared:
            excluded.discard(vendor_id)
        else:
            excluded.add(vendor_id)
        self.model.set_excluded(excluded)

    def _open_answer(self, index: QModelIndex) -> None:
        vendor_id = index.data(VENDOR_ID_ROLE)
        item_id = index.data(ITEM_ID_ROLE)
        if vendor_id is not None and item_id is not None:
            self.main_window.open_answer(int(vendor_id), str(item_id))

    def save_chart_png(self) -> None:
        path = dialogs().save_file(self.main_window, "Save chart as PNG", PNG_FILTER, "chart.png")
        if path is None:
            return
        path = with_extension(path, ".png")
        with reporting(self.main_window, "Could not save the chart"):
            self.chart.save_png(path)
            self.main_window.statusBar().showMessage(f"Saved {path}", 5000)
