"""Vendor tab: profile editors and BAA dates save through the profile model and undo."""

from __future__ import annotations

from PySide6.QtCore import QDate


def _tab(window):  # type: ignore[no-untyped-def]
    window.show_tab(window.vendor_tab)
    return window.vendor_tab


def test_editors_show_selected_vendor(demo_window) -> None:  # type: ignore[no-untyped-def]
    ridgeway = demo_window.store.vendor("Ridgeway Health Vault")
    demo_window.select_vendor(ridgeway.id)
    tab = _tab(demo_window)
    assert tab.editors["name"].text() == "Ridgeway Health Vault"
    assert tab.editors["baa_status"].currentText() == "signed"
    review = tab.editors["baa_next_review"].date
    assert review == QDate.fromString(ridgeway.baa_next_review, "yyyy-MM-dd")
    assert "Overall" in tab.summary.text()


def test_service_edit_saves_and_undoes(demo_window) -> None:  # type: ignore[no-untyped-def]
    tab = _tab(demo_window)
    vendor_id = demo_window.current_vendor_id()
    old = demo_window.store.vendor_by_id(vendor_id).service
    tab.editors["service"].setText("Object storage with object lock")
    tab.mapper.submit()
    assert demo_window.store.vendor_by_id(vendor_id).service == "Object storage with object lock"
    demo_window.window_actions.undo.trigger()
    assert demo_window.store.vendor_by_id(vendor_id).service == old
    assert tab.editors["service"].text() == old


def test_review_date_set_and_cleared(demo_window) -> None:  # type: ignore[no-untyped-def]
    tab = _tab(demo_window)
    vendor_id = demo_window.current_vendor_id()
    field = tab.editors["baa_next_review"]
    field.enabled_box.setChecked(False)
    assert demo_window.store.vendor_by_id(vendor_id).baa_next_review == ""

    field.enabled_box.setChecked(True)
    field.editor.setDate(QDate(2027, 3, 31))
    field.editor.editingFinished.emit()
    assert demo_window.store.vendor_by_id(vendor_id).baa_next_review == "2027-03-31"
    entries = demo_window.store.audit_trail("vendor", vendor_id)
    assert entries[-1].field == "baa_next_review"
    assert entries[-1].new_value == "2027-03-31"


def test_baa_status_choice_saves(demo_window) -> None:  # type: ignore[no-untyped-def]
    tab = _tab(demo_window)
    vendor_id = demo_window.current_vendor_id()
    combo = tab.editors["baa_status"]
    combo.setCurrentText("in negotiation")
    combo.activated.emit(combo.currentIndex())
    assert demo_window.store.vendor_by_id(vendor_id).baa_status.value == "in_negotiation"


def test_status_change_keeps_other_typed_field(demo_window) -> None:  # type: ignore[no-untyped-def]
    tab = _tab(demo_window)
    vendor_id = demo_window.current_vendor_id()
    tab.editors["contact"].setText("Pat Lee, account manager")
    tab.mapper.submit()
    combo = tab.editors["baa_status"]
    combo.setCurrentText("signed")
    combo.activated.emit(combo.currentIndex())
    vendor = demo_window.store.vendor_by_id(vendor_id)
    assert vendor.contact == "Pat Lee, account manager"
    assert vendor.baa_status.value == "signed"


def test_empty_name_is_rejected(demo_window, scripted_dialogs) -> None:  # type: ignore[no-untyped-def]
    tab = _tab(demo_window)
    vendor_id = demo_window.current_vendor_id()
    name = demo_window.store.vendor_by_id(vendor_id).name
    tab.editors["name"].setText("   ")
    tab.mapper.submit()
    assert demo_window.store.vendor_by_id(vendor_id).name == name
    assert "needs a name" in scripted_dialogs.shown[-1][2]
    assert tab.editors["name"].text() == name


def test_no_vendor_shows_hint(window) -> None:  # type: ignore[no-untyped-def]
    assert window.vendor_tab.model.vendor is None
    assert not window.vendor_tab.empty.isHidden()
