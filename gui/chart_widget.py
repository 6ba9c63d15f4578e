"""Score charts on one reused FigureCanvasQTAgg: a radar of section scores or status bars.

matplotlib is imported the first time a chart is shown, so starting the
program does not pay for it. While the widget is hidden, new data only marks
the chart stale; it is drawn when the widget is shown again.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from exports.charts import (
    ChartSeries,
    draw_radar,
    draw_status_bars,
    save_radar_png,
    save_status_bars_png,
)
from models.checklist import Checklist

if TYPE_CHECKING:
    from matplotlib.figure import Figure

log = logging.getLogger(__name__)

RADAR = "Section scores (radar)"
BARS = "Item statuses per vendor"


class ChartWidget(QWidget):
    """Shows the chosen chart for a list of ChartSeries; ``drawn`` is what was last plotted."""

    def __init__(self, checklist: Checklist, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.checklist = checklist
        self.series: list[ChartSeries] = []
        self.drawn: list[ChartSeries] | None = None
        self.draw_count = 0
        self.figure: Figure | None = None
        self.canvas: Any = None
        self._stale = True
        self.kind = QComboBox()
        self.kind.addItems([RADAR, BARS])
        self.kind.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.kind.setMinimumContentsLength(10)
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.placeholder = QLabel("The chart appears here.")
        self.top = QHBoxLayout()
        self.top.addWidget(QLabel("Chart:"))
        self.top.addWidget(self.kind, 1)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addLayout(self.top)
        self._layout.addWidget(self.placeholder, 1)

    def set_series(self, series: Sequence[ChartSeries]) -> None:
        self.series = list(series)
        self._stale = True
        if self.isVisible():
            self.redraw()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.redraw()

    def _on_kind_changed(self) -> None:
        self._stale = True
        if self.isVisible():
            self.redraw()

    def _ensure_canvas(self) -> None:
        if self.canvas is not None:
            return
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        self.figure = Figure(layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setMinimumSize(240, 220)
        self._layout.replaceWidget(self.placeholder, self.canvas)
        self.placeholder.deleteLater()
        log.info("Chart canvas created")

    def redraw(self) -> None:
        """Draw the chosen chart for the current series on the one canvas."""
        self._ensure_canvas()
        assert self.figure is not None
        if self.kind.currentText() == RADAR:
            draw_radar(self.figure, self.checklist, self.series)
            _legend_below(self.figure)
        else:
            draw_status_bars(self.figure, self.series)
        self.canvas.draw_idle()
        self.drawn = list(self.series)
        self.draw_count += 1
        self._stale = False

    def save_png(self, path: Path) -> None:
        """Write the chosen chart of the current series to *path* as a PNG file."""
        if self.kind.currentText() == RADAR:
            save_radar_png(self.checklist, self.series, path)
        else:
            save_status_bars_png(self.series, path)
        log.info("Saved chart to %s", path)


def _legend_below(figure: Figure) -> None:
    """Move the radar's legend under the chart: the pane is too narrow for one at the side."""
    axes = figure.axes[0] if figure.axes else None
    if axes is None or axes.get_legend() is None:
        return
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=2, fontsize=7, frameon=False)
