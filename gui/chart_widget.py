"""Score charts on one reused FigureCanvasQTAgg: a radar of section scores or status bars.

matplotlib is imported the first time a chart is shown, so starting the
program does not pay for it. While the widget is hidden, new data only marks
the chart stale; it is drawn when the widget is shown again. While it is
shown, new data redraws it once the changes pause for ``REDRAW_DELAY_MS``:
a redraw takes around 100 ms, and an edit must not wait for it.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from exports.charts import (
    MAX_RADAR_SERIES,
    SERIES_COLOURS,
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

REDRAW_DELAY_MS = 150
# A bar per vendor stops being readable (and takes seconds to draw) long before
# 1,000 vendors; the chart shows the first ones in the grid's column order.
MAX_BAR_SERIES = 30
RADAR = "Section scores (radar)"
BARS = "Item statuses per vendor"


class ChartWidget(QWidget):
    """Shows the chosen chart for a list of ChartSeries; ``drawn`` is what was last plotted.

    Signals:
        redrawn(): the chart was drawn again from ``series``.
    """

    redrawn = Signal()

    def __init__(self, checklist: Checklist, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.checklist = checklist
        self.series: list[ChartSeries] = []
        self.drawn: list[ChartSeries] | None = None
        self.draw_count = 0
        self.figure: Figure | None = None
        self.canvas: Any = None
        self._stale = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REDRAW_DELAY_MS)
        self._timer.timeout.connect(self._redraw_if_stale)
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
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self._layout.addWidget(self.legend)

    def set_series(self, series: Sequence[ChartSeries]) -> None:
        """Take new data; a shown chart redraws after REDRAW_DELAY_MS without further changes."""
        self.series = list(series)
        self._stale = True
        if self.isVisible():
            self._timer.start()

    def is_stale(self) -> bool:
        """Return whether the plotted data is older than ``series``."""
        return self._stale

    def _redraw_if_stale(self) -> None:
        if self._stale and self.isVisible():
            self.redraw()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.redraw()  # at once: the user just opened the tab to look at it

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
            _remove_legend(self.figure)
            self.legend.setText(legend_html(self.series))
            self.legend.show()
        else:
            draw_status_bars(self.figure, self.series[:MAX_BAR_SERIES])
            hidden = len(self.series) - MAX_BAR_SERIES
            self.legend.setText(_more_vendors_note(hidden) if hidden > 0 else "")
            self.legend.setVisible(hidden > 0)  # the bars carry their own status legend
        self.canvas.draw_idle()
        self.drawn = list(self.series)
        self.draw_count += 1
        self._stale = False
        self._timer.stop()
        self.redrawn.emit()

    def save_png(self, path: Path) -> None:
        """Write the chosen chart of the current series to *path* as a PNG file."""
        if self.kind.currentText() == RADAR:
            save_radar_png(self.checklist, self.series, path)
        else:
            save_status_bars_png(self.series[:MAX_BAR_SERIES], path)
        log.info("Saved chart to %s", path)


def _remove_legend(figure: Figure) -> None:
    """Drop the figure's own legend; the widget shows one under the canvas instead.

    Around a radar in a narrow pane a legend inside the figure overlaps the section
    labels; a Qt label below the canvas never does.
    """
    for axes in figure.axes:
        legend = axes.get_legend()
        if legend is not None:
            legend.remove()


def legend_html(series: Sequence[ChartSeries]) -> str:
    """Build the radar legend: one coloured line symbol and name per plotted vendor."""
    entries = []
    for index, vendor_series in enumerate(series[:MAX_RADAR_SERIES]):
        colour = SERIES_COLOURS[index % len(SERIES_COLOURS)]
        name = vendor_series.name.replace("&", "&amp;").replace("<", "&lt;").replace(" ", "&nbsp;")
        entries.append(f"<span style='color:{colour}'>━━</span>&nbsp;{name}")
    hidden = len(series) - MAX_RADAR_SERIES
    if hidden > 0:
        entries.append(_more_vendors_note(hidden))
    return " &nbsp; ".join(entries)


def _more_vendors_note(hidden: int) -> str:
    return f"({hidden} more vendors not shown; choose fewer under Vendors to compare)"
