"""Guard against the PySide6 6.12.0 ``SignalInstance.emit()`` reference leak on ``True``.

In PySide6-Essentials 6.12.0 on Python 3.11, ``SignalInstance.emit()``
returns ``True`` without taking a new reference to it, so every signal
emitted from Python drops one reference that Python later releases. Python
3.11 counts references to ``True`` like any object; after about a thousand
emits (a few dozen edits in the window) the count reaches zero and the
interpreter aborts with "Fatal Python error: bool_dealloc".

``install()`` measures whether the running PySide6 has the leak and, only
then, wraps ``emit`` so that it adds back the missing reference. With a
PySide6 that does not leak, it changes nothing.
"""

from __future__ import annotations

import ctypes
import logging
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

log = logging.getLogger(__name__)

_PROBE_EMITS = 8


class _Probe(QObject):
    fired = Signal()


def emit_leaks_true() -> bool:
    """Return True when emitting a signal loses a reference to ``True``."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(_PROBE_EMITS):
        probe.fired.emit()
    lost = before - sys.getrefcount(True)
    _add_references(True, max(lost, 0))  # give back what the probe itself lost
    return lost >= _PROBE_EMITS


def _add_references(value: object, count: int) -> None:
    for _ in range(count):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(value))


_installed = False


def install() -> None:
    """Wrap SignalInstance.emit once, if and only if this PySide6 has the leak."""
    global _installed
    if _installed or not emit_leaks_true():
        return
    original = SignalInstance.emit

    def emit(self: SignalInstance, *args: Any) -> Any:
        result = original(self, *args)
        if result is True:
            _add_references(True, 1)
        return result

    SignalInstance.emit = emit  # type: ignore[method-assign]
    _installed = True
    log.warning("PySide6 %s leaks a reference on every emit(); compensating", _version())


def _version() -> str:
    import PySide6

    return str(PySide6.__version__)
