"""Charts of vendor scores drawn on a matplotlib Figure: no pyplot state, no Qt.

The window draws these on its own canvas; the exports save them as PNG files.
Status colours come with text labels everywhere they are shown, so a chart still
reads in grey print or for a reader who does not tell red from green.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from models.atomic import atomic_path
from models.checklist import Checklist
from models.scoring import Status, VendorScore
from models.vendors import Vendor

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from matplotlib.projections.polar import PolarAxes

# Colour-blind-safe hues (Okabe-Ito) for statuses, in the order the bars stack.
STATUS_COLOURS = {
    "meets": "#009E73",
    "partial": "#E69F00",
    "gap": "#D55E00",
    "unknown": "#999999",
}
SERIES_COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]
# More vendors than this make a radar unreadable; the chart shows the first ones.
MAX_RADAR_SERIES = 7
# A vendor name may be 200 characters; a longer label squeezes the chart to nothing.
MAX_LABEL_CHARS = 40


@dataclass(frozen=True)
class ChartSeries:
    """One vendor's numbers as the charts plot them."""

    name: str
    sections: dict[str, float | None]
    counts: dict[str, int]


def series_from_scores(scored: Sequence[tuple[Vendor, VendorScore]]) -> list[ChartSeries]:
    return [
        ChartSeries(
            name=vendor.name,
            sections=dict(score.sections),
            counts={status.value: score.counts[status] for status in Status},
        )
        for vendor, score in scored
    ]


def draw_radar(figure: Figure, checklist: Checklist, series: Sequence[ChartSeries]) -> None:
    """Draw each vendor's section scores (0-100) as a closed line on polar axes."""
    figure.clear()
    labels = [section.title for section in checklist.sections]
    section_ids = [section.id for section in checklist.sections]
    angles = [2 * math.pi * index / len(labels) for index in range(len(labels))]
    axes: PolarAxes = figure.add_subplot(projection="polar")  # type: ignore[assignment]
    axes.set_theta_offset(math.pi / 2)
    axes.set_theta_direction(-1)
    axes.set_ylim(0, 100)
    axes.set_yticks([25, 50, 75, 100])
    axes.set_yticklabels(["25", "50", "75", "100"], fontsize=7, color="#555555")
    axes.set_xticks(angles)
    axes.set_xticklabels([_wrap(label) for label in labels], fontsize=7)
    axes.tick_params(axis="x", pad=6)
    for text, angle in zip(axes.get_xticklabels(), angles, strict=True):
        # Angles run clockwise from the top, so sin() > 0 is the right-hand side.
        side = math.sin(angle)
        if side > 0.1:
            text.set_horizontalalignment("left")
        elif side < -0.1:
            text.set_horizontalalignment("right")
        else:
            text.set_horizontalalignment("center")
    # Radial labels sit between the first two spokes, clear of the section titles.
    axes.set_rlabel_position(180 / len(labels))
    for index, one in enumerate(series[:MAX_RADAR_SERIES]):
        # A section with nothing weighted has no score; plot it at 0 so the line stays closed.
        values = [one.sections.get(section_id) or 0.0 for section_id in section_ids]
        colour = SERIES_COLOURS[index % len(SERIES_COLOURS)]
        axes.plot(
            [*angles, angles[0]],
            [*values, values[0]],
            color=colour,
            linewidth=1.5,
            label=short_label(one.name),
        )
        axes.fill([*angles, angles[0]], [*values, values[0]], color=colour, alpha=0.08)
    if series:
        # Below the radar, where no section title can collide with it.
        axes.legend(
            loc="upper center", bbox_to_anchor=(0.5, -0.07), ncols=3, fontsize=7, frameon=False
        )
    axes.set_title("Section scores (0-100)", fontsize=9, pad=18)


def draw_status_bars(figure: Figure, series: Sequence[ChartSeries]) -> None:
    """Draw one horizontal bar per vendor, stacked by meets / partial / gap / unknown."""
    figure.clear()
    axes = figure.add_subplot()
    names = [short_label(one.name) for one in series]
    positions = list(range(len(series)))
    left = [0] * len(series)
    for status, colour in STATUS_COLOURS.items():
        counts = [one.counts.get(status, 0) for one in series]
        bars = axes.barh(
            positions,
            counts,
            left=left,
            color=colour,
            label=status,
            edgecolor="white",
            linewidth=0.5,
        )
        axes.bar_label(
            bars,
            labels=[str(c) if c else "" for c in counts],
            label_type="center",
            fontsize=7,
            color="white" if status != "unknown" else "black",
        )
        left = [a + b for a, b in zip(left, counts, strict=True)]
    axes.set_yticks(positions)
    axes.set_yticklabels(names, fontsize=8)
    axes.invert_yaxis()
    axes.set_xlabel("Checklist items", fontsize=8)
    axes.tick_params(axis="x", labelsize=7)
    axes.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=4, fontsize=7, frameon=False)
    axes.spines[["top", "right"]].set_visible(False)


def save_radar_png(
    checklist: Checklist, series: Sequence[ChartSeries], path: Path | str, dpi: int = 150
) -> None:
    """Draw the radar chart and write it as a PNG file (atomically)."""
    figure = _figure(size=(6.4, 5.0))
    draw_radar(figure, checklist, series)
    _save(figure, path, dpi)


def save_status_bars_png(series: Sequence[ChartSeries], path: Path | str, dpi: int = 150) -> None:
    figure = _figure(size=(6.4, 0.6 + 0.45 * max(len(series), 1)))
    draw_status_bars(figure, series)
    _save(figure, path, dpi)


def _figure(size: tuple[float, float]) -> Figure:
    from matplotlib.figure import Figure  # imported late: start-up must not pay for matplotlib

    return Figure(figsize=size, layout="constrained")


def _save(figure: Figure, path: Path | str, dpi: int) -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(figure)
    with atomic_path(path) as temporary, warnings.catch_warnings():
        # A vendor name may contain an emoji or a script the bundled font lacks. The
        # character is drawn as a box, which is all a chart can do, so the warning
        # would only alarm the user. Other warnings still show.
        warnings.filterwarnings(
            "ignore", message=r"Glyph \d+ .* missing from font", category=UserWarning
        )
        figure.savefig(temporary, format="png", dpi=dpi, bbox_inches="tight")


def short_label(name: str, limit: int = MAX_LABEL_CHARS) -> str:
    """Cut a long vendor name to *limit* characters, ending in an ellipsis."""
    if len(name) <= limit:
        return name
    return name[: limit - 1].rstrip() + "\u2026"


def _wrap(label: str, width: int = 14) -> str:
    """Break a long section title over two lines so it fits around the radar."""
    if len(label) <= width or " " not in label:
        return label
    middle = len(label) // 2
    split = min((i for i, c in enumerate(label) if c == " "), key=lambda i: abs(i - middle))
    return label[:split] + "\n" + label[split + 1 :]
