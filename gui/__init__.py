"""The PySide6 user interface. Only this package imports Qt."""

from gui import pyside_fix

pyside_fix.install()
