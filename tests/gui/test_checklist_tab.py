"""Checklist tab: items grouped by section, filters by status and section, editors."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDoubleSpinBox

from gui.answer_editors import ValueDelegate, editor_value, set_editor_value
from gui.checklist_model import ANSWER, ITEM_ROLE, STATUS_ROLE


def _visible_statuses(tab) -> list[str]:  # type: ignore[no-untyped-def]
    proxy = tab.proxy
    statuses = []
    for section_row in range(proxy.rowCount()):
        parent = proxy.index(section_row, 0)
        statuses.extend(
            proxy.index(row, 0, parent).data(STATUS_ROLE) for row in range(proxy.rowCount(parent))
        )
    return statuses


def test_all_items_grouped_by_section(demo_window) -> None:  # type: ignore[no-untyped-def]
    tab = demo_window.checklist_tab
    assert tab.proxy.rowCount() == len(demo_window.store.checklist.sections)
    assert len(_visible_statuses(tab)) == len(demo_window.store.checklist)


def test_gaps_only_filter(demo_window) -> None:  # type: ignore[no-untyped-def]
    tab = demo_window.checklist_tab
    tab.show_filter.setCurrentText("Gaps only")
    statuses = _visible_statuses(tab)
    assert statuses
    assert set(statuses) == {"gap"}


def test_gaps_filter_follows_vendor_switch(demo_window) -> None:  # type: ignore[no-untyped-def]
    tab = demo_window.checklist_tab
    tab.show_filter.setCurrentText("Gaps only")
    demo_window.select_vendor(demo_window.store.vendor("Ridgeway Health Vault").id)
    assert _visible_statuses(tab) == ["gap"]
    demo_window.select_vendor(demo_window.store.vendor("NimbusVault Cloud").id)
    assert _visible_statuses(tab) == ["gap"] * 10


def test_unknown_only_filter(demo_window) -> None:  # type: ignore[no-untyped-def]
    demo_window.select_vendor(demo_window.store.vendor("CedarStack Data").id)
    tab = demo_window.checklist_tab
    tab.show_filter.setCurrentText("Unknown only")
    statuses = _visible_statuses(tab)
    assert statuses
    assert set(statuses) == {"unknown"}


def test_section_filter_shows_one_section(demo_window) -> None:  # type: ignore[no-untyped-def]
    tab = demo_window.checklist_tab
    tab.section_filter.setCurrentIndex(tab.section_filter.findData("recovery"))
    assert tab.proxy.rowCount() == 1
    section = demo_window.store.checklist.section("recovery")
    assert len(_visible_statuses(tab)) == len(section.items)


def test_filtered_item_appears_when_opened(demo_window) -> None:  # type: ignore[no-untyped-def]
    tab = demo_window.checklist_tab
    tab.show_filter.setCurrentText("Gaps only")
    tab.show_item("baa.will_sign")  # Bluefin Archive meets this, so the filter hid it
    assert tab.show_filter.currentText() == "All items"
    assert tab.view.currentIndex().data(ITEM_ROLE).id == "baa.will_sign"


def test_editor_fits_answer_type(demo_window) -> None:  # type: ignore[no-untyped-def]
    tab = demo_window.checklist_tab
    delegate = tab.view.itemDelegateForColumn(ANSWER)
    assert isinstance(delegate, ValueDelegate)
    model = tab.model

    number = model.index_of("recovery.rto_hours", ANSWER)
    spin = delegate.createEditor(tab.view, None, number)  # type: ignore[arg-type]
    assert isinstance(spin, QDoubleSpinBox)
    assert spin.suffix() == " hours"
    set_editor_value(spin, None)
    assert spin.text() == "unknown"
    assert editor_value(spin) is None

    ordinal = model.index_of("recovery.test_frequency", ANSWER)
    combo = delegate.createEditor(tab.view, None, ordinal)  # type: ignore[arg-type]
    assert isinstance(combo, QComboBox)
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "monthly",
        "quarterly",
        "semiannual",
        "annual",
        "none",
        "unknown",
    ]

    yes_no = model.index_of("baa.will_sign", ANSWER)
    combo = delegate.createEditor(tab.view, None, yes_no)  # type: ignore[arg-type]
    assert [combo.itemText(i) for i in range(combo.count())] == ["yes", "partial", "no", "unknown"]


def test_editor_commits_through_model(demo_window) -> None:  # type: ignore[no-untyped-def]
    tab = demo_window.checklist_tab
    vendor_id = demo_window.current_vendor_id()
    delegate = tab.view.itemDelegateForColumn(ANSWER)
    index = tab.model.index_of("recovery.rto_hours", ANSWER)
    spin = delegate.createEditor(tab.view, None, index)  # type: ignore[arg-type]
    spin.setValue(3.5)
    delegate.setModelData(spin, tab.model, index)
    assert demo_window.store.answers(vendor_id)["recovery.rto_hours"].value == 3.5


def test_status_is_text_not_only_colour(demo_window) -> None:  # type: ignore[no-untyped-def]
    tab = demo_window.checklist_tab
    texts = {tab.model.index_of(item.id, 2).data() for item in demo_window.store.checklist}
    assert texts <= {"✓ meets", "◐ partial", "✗ gap", "? unknown"}
    assert len(texts) >= 3
