"""Run long work off the GUI thread with a progress dialog and a Cancel button.

    job = run_job(window, "Exporting comparison", write_workbook, on_done=show_result)

The function receives a ``Progress`` as its only argument. It reports with
``progress.report(done, total, text)`` and calls ``progress.check()`` between
steps, which raises ``JobCancelled`` once the user pressed Cancel. The function
runs on a worker thread, so it must not touch widgets or the window's ``Store``
(an SQLite connection belongs to the thread that opened it): read what it needs
on the GUI thread first, or open its own ``Store(path)``.

When it ends, ``on_done(result)`` runs on the GUI thread; a ``WorkbenchError``
or ``OSError`` becomes a message box, and any other exception reaches the crash
dialog.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from gui.error_reporting import report_crash, show_error
from models.errors import WorkbenchError

log = logging.getLogger(__name__)

# Jobs that end sooner than this never show the dialog, so quick work does not flash it.
DIALOG_DELAY_MS = 400


class JobCancelled(Exception):
    """Raised by Progress.check() after the user cancelled the job."""


class Progress(QObject):
    """What a job function uses to report progress and notice cancellation."""

    reported = Signal(int, int, str)

    def __init__(self) -> None:
        super().__init__()
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def report(self, done: int, total: int, text: str = "") -> None:
        self.reported.emit(done, total, text)

    def check(self) -> None:
        if self._cancel.is_set():
            raise JobCancelled


class _Worker(QObject):
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, function: Callable[[Progress], Any], progress: Progress) -> None:
        super().__init__()
        self._function = function
        self._progress = progress

    @Slot()
    def run(self) -> None:
        try:
            result = self._function(self._progress)
        except Exception as exc:
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)


class Job(QObject):
    """One running job.

    Signals:
        finished(object): the function returned this result.
        failed(object): the function raised this exception (already reported).
        cancelled(): the user cancelled and the function stopped.
        ended(): emitted last in every case, once the worker thread has stopped.
    """

    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    ended = Signal()

    def __init__(
        self, parent: QWidget | None, title: str, function: Callable[[Progress], Any]
    ) -> None:
        super().__init__(parent)
        self.title = title
        self._parent_widget = parent
        self.progress = Progress()
        self._thread = QThread()
        self._worker = _Worker(function, self.progress)
        self._worker.moveToThread(self._thread)
        self._dialog = _progress_dialog(parent, title)
        self._dialog.canceled.connect(self.cancel)
        self.progress.reported.connect(self._show_progress, Qt.ConnectionType.QueuedConnection)
        self._thread.started.connect(self._worker.run)
        self._worker.succeeded.connect(self._on_succeeded, Qt.ConnectionType.QueuedConnection)
        self._worker.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)

    def start(self) -> None:
        log.info("Job started: %s", self.title)
        self._thread.start()

    def cancel(self) -> None:
        log.info("Job cancel requested: %s", self.title)
        self.progress.cancel()

    @Slot(int, int, str)
    def _show_progress(self, done: int, total: int, text: str) -> None:
        self._dialog.setMaximum(max(total, 1))
        self._dialog.setValue(min(done, max(total, 1)))
        if text:
            self._dialog.setLabelText(text)

    @Slot(object)
    def _on_succeeded(self, result: object) -> None:
        self._stop()
        log.info("Job finished: %s", self.title)
        self.finished.emit(result)
        self.ended.emit()

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        self._stop()
        if isinstance(exc, JobCancelled):
            log.info("Job cancelled: %s", self.title)
            self.cancelled.emit()
        elif isinstance(exc, WorkbenchError | OSError):
            show_error(self._parent_widget, self.title, exc)
            self.failed.emit(exc)
        else:
            report_crash(type(exc), exc, exc.__traceback__)
            self.failed.emit(exc)
        self.ended.emit()

    def _stop(self) -> None:
        self._thread.quit()
        self._thread.wait()
        self._dialog.reset()
        self._dialog.hide()


def _progress_dialog(parent: QWidget | None, title: str) -> QProgressDialog:
    dialog = QProgressDialog(title, "Cancel", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(DIALOG_DELAY_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    return dialog


def run_job(
    parent: QWidget | None,
    title: str,
    function: Callable[[Progress], Any],
    on_done: Callable[[Any], None] | None = None,
) -> Job:
    """Start *function* on a worker thread; return the Job (keep it to wait on its signals)."""
    job = Job(parent, title, function)
    if on_done is not None:
        job.finished.connect(on_done)
    job.ended.connect(job.deleteLater)
    job.start()
    return job
