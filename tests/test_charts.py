"""Charts drawn from scores: the plotted data, and PNG files."""

from __future__ import annotations

from pathlib import Path

from matplotlib.figure import Figure

from exports.charts import (
    ChartSeries,
    draw_radar,
    draw_status_bars,
    save_radar_png,
    save_status_bars_png,
    series_from_scores,
)
from models.comparison import score_all
from models.store import Store


def test_radar_plots_each_vendors_section_scores(demo_db: Store) -> None:
    scored = score_all(demo_db, ["Harborline Backup", "CedarStack Data"])
    series = series_from_scores(scored)
    figure = Figure()
    draw_radar(figure, demo_db.checklist, series)
    lines = figure.axes[0].get_lines()
    assert [line.get_label() for line in lines] == ["Harborline Backup", "CedarStack Data"]
    expected = [scored[0][1].sections[s.id] for s in demo_db.checklist.sections]
    plotted = list(lines[0].get_ydata())
    assert plotted[:-1] == expected
    assert plotted[-1] == plotted[0]


def test_status_bars_stack_the_counts(demo_db: Store) -> None:
    series = series_from_scores(score_all(demo_db))
    figure = Figure()
    draw_status_bars(figure, series)
    axes = figure.axes[0]
    widths = [patch.get_width() for patch in axes.patches]
    assert sum(widths) == 57 * len(series)
    assert [label.get_text() for label in axes.get_yticklabels()] == [s.name for s in series]


def test_redrawing_reuses_the_figure(demo_db: Store) -> None:
    series = series_from_scores(score_all(demo_db))
    figure = Figure()
    draw_radar(figure, demo_db.checklist, series)
    draw_radar(figure, demo_db.checklist, series[:1])
    assert len(figure.axes) == 1
    assert len(figure.axes[0].get_lines()) == 1


def test_png_files_are_written(demo_db: Store, tmp_path: Path) -> None:
    series = series_from_scores(score_all(demo_db))
    save_radar_png(demo_db.checklist, series, tmp_path / "radar.png")
    save_status_bars_png(series, tmp_path / "bars.png")
    for name in ("radar.png", "bars.png"):
        assert (tmp_path / name).read_bytes().startswith(b"\x89PNG")
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []


def test_empty_comparison_still_draws(demo_db: Store, tmp_path: Path) -> None:
    save_radar_png(demo_db.checklist, [], tmp_path / "empty.png")
    assert (tmp_path / "empty.png").stat().st_size > 0


LONGEST_NAME = "L" * 200  # the longest vendor name the store accepts
EMOJI_NAME = "Tooth \U0001f9b7 Backup"  # DejaVu Sans, matplotlib's font, has no tooth


def _png_width(path: Path) -> int:
    # The IHDR chunk follows the 8-byte signature and 8 bytes of chunk header.
    return int.from_bytes(path.read_bytes()[16:20], "big")


def _odd_names(demo_db: Store) -> list[ChartSeries]:
    demo_db.add_vendor(LONGEST_NAME)
    demo_db.add_vendor(EMOJI_NAME)
    return series_from_scores(score_all(demo_db))


def test_long_names_shortened_in_labels(demo_db: Store) -> None:
    series = _odd_names(demo_db)
    radar, bars = Figure(), Figure()
    draw_radar(radar, demo_db.checklist, series)
    draw_status_bars(bars, series)
    legend = [text.get_text() for text in radar.axes[0].get_legend().get_texts()]
    rows = [label.get_text() for label in bars.axes[0].get_yticklabels()]
    shortened = "L" * 39 + "\u2026"
    assert shortened in legend
    assert shortened in rows
    assert EMOJI_NAME in legend
    assert max(len(label) for label in legend + rows) == 40


def test_odd_name_pngs_stay_small_and_silent(demo_db: Store, tmp_path: Path) -> None:
    # pytest turns warnings into errors, so a missing glyph or a collapsed layout fails here.
    series = _odd_names(demo_db)
    save_radar_png(demo_db.checklist, series, tmp_path / "radar.png")
    save_status_bars_png(series, tmp_path / "bars.png")
    # 6.4 inches at 150 dpi is 960 px; the tight bounding box adds little.
    assert _png_width(tmp_path / "radar.png") < 1100
    assert _png_width(tmp_path / "bars.png") < 1100
