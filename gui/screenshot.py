"""Render the main window offscreen and save it as a PNG, for docs and display-less checks."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QApplication

from gui.app import application
from models.atomic import atomic_path
from models.errors import WorkbenchError
from models.store import Store

log = logging.getLogger(__name__)


class ScreenshotError(WorkbenchError):
    """The window image could not be written."""


def render_screenshot(
    store: Store,
    out: Path,
    tab: str = "vendor",
    size: tuple[int, int] = (1280, 800),
    vendor_name: str | None = None,
) -> None:
    """Show the window on *store* at *size*, open *tab*, and save the window as a PNG.

    Raises:
        VendorNotFoundError: *vendor_name* is not a vendor.
        ScreenshotError: the PNG file could not be written.
    """
    from gui.main_window import MainWindow

    app = application()
    window = MainWindow(store)
    try:
        window.resize(*size)
        window.show()
        vendors = window.session.snapshot.vendors
        if vendor_name is not None:
            window.select_vendor(store.vendor(vendor_name).id)
        elif vendors:
            window.select_vendor(vendors[0].id)
        if vendors:
            window.show_tab(getattr(window, f"{tab}_tab"))
        _settle(app)
        _save(window.grab(), out)
    finally:
        window.hide()
        window.deleteLater()
        _settle(app)
    log.info("Saved a screenshot of the %s tab to %s", tab, out)


def _settle(app: QApplication) -> None:
    """Let pending layouts and chart paints finish before the window is grabbed."""
    for _ in range(3):
        app.processEvents()


def _save(pixmap: object, out: Path) -> None:
    with atomic_path(out) as temporary:
        if not pixmap.save(str(temporary), "PNG"):  # type: ignore[attr-defined]
            raise ScreenshotError(f"{out}: could not write the PNG file; check the folder")
