"""Every Qt item model of the window passes pytest-qt's model tester on the sample data."""

from __future__ import annotations

from gui.checklist_model import ChecklistFilterModel, ChecklistModel
from gui.compare_model import CompareFilterModel, CompareModel
from gui.targets_model import TargetsModel
from gui.vendor_list_model import VendorFilterModel, VendorListModel
from gui.vendor_profile_model import VendorProfileModel


def test_vendor_list_model_is_consistent(qtmodeltester, demo_window) -> None:  # type: ignore[no-untyped-def]
    model = VendorListModel(demo_window.session)
    qtmodeltester.check(model)
    proxy = VendorFilterModel()
    proxy.setSourceModel(model)
    proxy.setFilterFixedString("vault")
    qtmodeltester.check(proxy)


def test_vendor_profile_model_is_consistent(qtmodeltester, demo_window) -> None:  # type: ignore[no-untyped-def]
    model = VendorProfileModel(demo_window.session)
    qtmodeltester.check(model)
    model.set_vendor(demo_window.current_vendor_id())
    qtmodeltester.check(model)


def test_checklist_model_is_consistent(qtmodeltester, demo_window) -> None:  # type: ignore[no-untyped-def]
    model = ChecklistModel(demo_window.session)
    qtmodeltester.check(model)
    model.set_vendor(demo_window.current_vendor_id())
    qtmodeltester.check(model)
    proxy = ChecklistFilterModel()
    proxy.setSourceModel(model)
    proxy.set_filter({"gap"}, None)
    qtmodeltester.check(proxy)


def test_compare_model_is_consistent(qtmodeltester, demo_window) -> None:  # type: ignore[no-untyped-def]
    model = CompareModel(demo_window.session)
    qtmodeltester.check(model)
    proxy = CompareFilterModel()
    proxy.setSourceModel(model)
    proxy.set_gaps_only(True)
    qtmodeltester.check(proxy)


def test_targets_model_is_consistent(qtmodeltester, demo_window) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(TargetsModel(demo_window.session))
