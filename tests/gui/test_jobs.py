"""Background jobs: result on the GUI thread, progress, cancel, errors as messages."""

from __future__ import annotations

import threading

from gui.jobs import Progress, run_job
from models.errors import StorageError


def test_job_returns_result_on_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    gui_thread = threading.get_ident()
    seen: dict[str, int] = {}

    def work(progress: Progress) -> int:
        seen["worker"] = threading.get_ident()
        progress.report(1, 2, "half way")
        return 42

    results: list[int] = []
    job = run_job(None, "Adding numbers", work, on_done=results.append)
    with qtbot.waitSignal(job.ended, timeout=5000):
        pass
    assert results == [42]
    assert seen["worker"] != gui_thread


def test_job_stops_when_cancelled(qtbot) -> None:  # type: ignore[no-untyped-def]
    started = threading.Event()

    def work(progress: Progress) -> None:
        started.set()
        while True:
            progress.check()  # raises JobCancelled once cancel() was called

    job = run_job(None, "Endless work", work)
    assert started.wait(5)
    with qtbot.waitSignal(job.cancelled, timeout=5000):
        job.cancel()


def test_job_error_becomes_message(qtbot, scripted_dialogs) -> None:  # type: ignore[no-untyped-def]
    def work(progress: Progress) -> None:
        raise StorageError("out.xlsx: disk full; free some space and try again")

    job = run_job(None, "Exporting comparison", work)
    with qtbot.waitSignal(job.failed, timeout=5000) as blocker:
        pass
    assert isinstance(blocker.args[0], StorageError)
    assert scripted_dialogs.shown == [
        ("error", "Exporting comparison", "out.xlsx: disk full; free some space and try again")
    ]


def test_job_bug_reaches_crash_dialog(qtbot, scripted_dialogs) -> None:  # type: ignore[no-untyped-def]
    def work(progress: Progress) -> None:
        raise ZeroDivisionError("division by zero")

    job = run_job(None, "Broken job", work)
    with qtbot.waitSignal(job.failed, timeout=5000):
        pass
    kinds = [entry[0] for entry in scripted_dialogs.shown]
    assert kinds == ["crash"]
    assert "ZeroDivisionError" in scripted_dialogs.shown[0][2]
