"""Emitting signals from Python must not drain the reference count of True."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

import gui  # noqa: F401 - importing the package installs the guard
from gui.pyside_fix import emit_leaks_true


class _Sender(QObject):
    changed = Signal(int)


def test_many_emits_keep_true_alive() -> None:
    sender = _Sender()
    before = sys.getrefcount(True)
    for number in range(3000):
        sender.changed.emit(number)
    assert sys.getrefcount(True) >= before - 5


def test_probe_reports_no_leak_once_installed() -> None:
    assert not emit_leaks_true()
