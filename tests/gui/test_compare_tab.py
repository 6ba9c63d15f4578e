"""Compare tab: vendors side by side, gap filter, vendor choice, sorting, charts."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import Qt

from gui.checklist_model import ITEM_ID_ROLE as CHECKLIST_ITEM_ID_ROLE
from gui.compare_model import ROW_KIND_ROLE, STATUS_ROLE
from tests.conftest import REPO
from tests.gui.helpers import answer_index, compare_cell

EDIT = Qt.ItemDataRole.EditRole


def _show_compare(window) -> None:  # type: ignore[no-untyped-def]
    window.show_tab(window.compare_tab)


def test_columns_are_vendors_in_name_order(demo_window) -> None:  # type: ignore[no-untyped-def]
    model = demo_window.compare_tab.model
    horizontal = Qt.Orientation.Horizontal
    headers = [model.headerData(c, horizontal) for c in range(model.columnCount())]
    assert headers[0] == "Checklist item"
    assert headers[1] == "Bluefin\nArchive"  # long names wrap onto two lines
    names = [model.headerData(c, horizontal, Qt.ItemDataRole.ToolTipRole) for c in range(1, 6)]
    assert names == [vendor.name for vendor in demo_window.store.vendors()]


def test_cells_show_answer_with_status_symbol(demo_window) -> None:  # type: ignore[no-untyped-def]
    cell = compare_cell(demo_window, "NimbusVault Cloud", "baa.will_sign")
    assert cell.data() == "✗ no"
    assert cell.data(STATUS_ROLE) == "gap"
    overall = demo_window.compare_tab.model.index(0, cell.column()).data()
    assert overall.startswith("✗ ")


def test_gaps_only_keeps_items_with_a_gap(demo_window) -> None:  # type: ignore[no-untyped-def]
    tab = demo_window.compare_tab
    tab.gaps_only.setChecked(True)
    proxy = tab.proxy
    kinds = [proxy.index(row, 0).data(ROW_KIND_ROLE) for row in range(proxy.rowCount())]
    assert kinds[0] == "overall"
    item_rows = [row for row, kind in enumerate(kinds) if kind == "item"]
    assert 0 < len(item_rows) < len(demo_window.store.checklist)
    for row in item_rows:
        statuses = [proxy.index(row, c).data(STATUS_ROLE) for c in range(1, proxy.columnCount())]
        assert "gap" in statuses


def test_excluded_vendor_leaves_grid_and_chart(qtbot, demo_window) -> None:  # type: ignore[no-untyped-def]
    _show_compare(demo_window)
    tab = demo_window.compare_tab
    cedar = demo_window.store.vendor("CedarStack Data")
    with qtbot.waitSignal(tab.chart.redrawn, timeout=2000):
        tab.set_compared(cedar.id, False)
    assert "CedarStack Data" not in [vendor.name for vendor in tab.model.vendors]
    assert "CedarStack Data" not in [series.name for series in tab.chart.drawn or []]
    with qtbot.waitSignal(tab.chart.redrawn, timeout=2000):
        tab.set_compared(cedar.id, True)
    assert "CedarStack Data" in [series.name for series in tab.chart.drawn or []]


def test_sort_by_score_orders_best_first(demo_window) -> None:  # type: ignore[no-untyped-def]
    tab = demo_window.compare_tab
    tab.by_score.setChecked(True)
    names = [vendor.name for vendor in tab.model.vendors]
    # Ridgeway scores highest; NimbusVault is disqualified, so it ranks last.
    assert names[0] == "Ridgeway Health Vault"
    assert names[-1] == "NimbusVault Cloud"


def test_clicking_cell_opens_that_answer(demo_window) -> None:  # type: ignore[no-untyped-def]
    tab = demo_window.compare_tab
    _show_compare(demo_window)
    cell = tab.proxy.mapFromSource(
        compare_cell(demo_window, "Harborline Backup", "recovery.rpo_hours")
    )
    tab.view.clicked.emit(cell)
    assert demo_window.current_vendor_id() == demo_window.store.vendor("Harborline Backup").id
    assert demo_window.tabs.currentWidget() is demo_window.checklist_tab
    current = demo_window.checklist_tab.view.currentIndex()
    assert current.data(CHECKLIST_ITEM_ID_ROLE) == "recovery.rpo_hours"


def test_chart_follows_answer_edit_on_same_canvas(qtbot, demo_window) -> None:  # type: ignore[no-untyped-def]
    _show_compare(demo_window)
    chart = demo_window.compare_tab.chart
    canvas = chart.canvas
    assert canvas is not None
    bluefin = demo_window.store.vendor("Bluefin Archive")
    before = next(s for s in chart.drawn or [] if s.name == "Bluefin Archive")

    demo_window.select_vendor(bluefin.id)
    model = demo_window.checklist_tab.model
    with qtbot.waitSignal(chart.redrawn, timeout=2000):
        model.setData(answer_index(demo_window, "recovery.rto_hours"), 2.0, EDIT)

    after = next(s for s in chart.drawn or [] if s.name == "Bluefin Archive")
    assert after.sections["recovery"] > (before.sections["recovery"] or 0)
    assert after.counts["meets"] == before.counts["meets"] + 1
    assert chart.canvas is canvas
    radar = chart.figure.axes[0]
    plotted = [line for line in radar.get_lines() if line.get_label() == "Bluefin Archive"]
    section_ids = [section.id for section in demo_window.store.checklist.sections]
    recovery = plotted[0].get_ydata()[section_ids.index("recovery")]
    assert recovery == after.sections["recovery"]


def test_status_bars_plot_counts(demo_window) -> None:  # type: ignore[no-untyped-def]
    _show_compare(demo_window)
    chart = demo_window.compare_tab.chart
    chart.kind.setCurrentIndex(1)
    axes = chart.figure.axes[0]
    labels = [label.get_text() for label in axes.get_yticklabels()]
    assert labels == [vendor.name for vendor in demo_window.store.vendors()]
    widths = [patch.get_width() for patch in axes.patches]
    assert sum(widths) == len(demo_window.store.checklist) * 5


def test_hidden_chart_is_not_redrawn(demo_window) -> None:  # type: ignore[no-untyped-def]
    chart = demo_window.compare_tab.chart
    assert chart.canvas is None  # the Compare tab was never shown
    demo_window.notify_data_changed()
    assert chart.draw_count == 0
    assert chart.is_stale()


def test_save_chart_png(demo_window, scripted_dialogs, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "radar"
    scripted_dialogs.files.append(out)
    demo_window.compare_tab.save_chart_png()
    assert (tmp_path / "radar.png").read_bytes().startswith(b"\x89PNG")


def test_save_chart_to_missing_folder_shows_message(
    demo_window, scripted_dialogs, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    scripted_dialogs.files.append(tmp_path / "no such folder" / "chart.png")
    demo_window.compare_tab.save_chart_png()
    kind, title, _ = scripted_dialogs.shown[-1]
    assert (kind, title) == ("error", "Could not save the chart")


def test_window_start_skips_matplotlib_and_openpyxl(tmp_path) -> None:
    script = (
        "import sys\n"
        "from gui.app import application\n"
        "application()\n"
        "from gui.main_window import MainWindow\n"
        "from models.store import Store\n"
        f"window = MainWindow(Store({str(tmp_path / 'db.sqlite')!r}))\n"
        "window.show()\n"
        "print('matplotlib' in sys.modules, 'openpyxl' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        env={"QT_QPA_PLATFORM": "offscreen", "BAA_WORKBENCH_HOME": str(tmp_path), "PATH": ""},
        check=True,
    )
    assert result.stdout.strip() == "False False"


def test_add_tool_puts_button_in_toolbar(demo_window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QPushButton

    tab = demo_window.compare_tab
    button = QPushButton("Export something")
    tab.add_tool(button)
    assert button.parent() is tab
    assert not tab.chart.isAncestorOf(button)


def test_status_bars_cap_vendor_count(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from gui.chart_widget import MAX_BAR_SERIES

    store = window.store
    with store.transaction():
        for number in range(MAX_BAR_SERIES + 5):
            store.add_vendor(f"Vendor {number:02d}")
    window.notify_data_changed()
    window.show_tab(window.compare_tab)
    chart = window.compare_tab.chart
    chart.kind.setCurrentIndex(1)
    labels = [label.get_text() for label in chart.figure.axes[0].get_yticklabels()]
    assert len(labels) == MAX_BAR_SERIES
    assert "5 more vendors not shown" in chart.legend.text()
