"""Time the main window: start-up on 1,000 vendors, and edits and switches with 50 vendors.

Run: python benchmarks/bench_gui.py   (prints a table: job, measured, target)

Qt runs offscreen. Each job ends after the pending events (layouts, paints,
chart redraws) are processed, so the figures include what the user waits for
on screen, except the time a real display takes to show the pixels.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from models.checklist import AnswerType, Checklist  # noqa: E402
from models.store import Store  # noqa: E402

SHOW_WINDOW = """
import sys, time
start = time.perf_counter()
sys.path.insert(0, {repo!r})
from gui.app import application
app = application()
from gui.main_window import MainWindow
from models.store import Store
window = MainWindow(Store({db!r}))
window.show()
app.processEvents()
print((time.perf_counter() - start) * 1000)
"""


def random_answers(checklist: Checklist, rng: random.Random) -> dict[str, object]:
    answers: dict[str, object] = {}
    for item in checklist:
        if rng.random() < 0.1:
            continue
        if item.answer is AnswerType.NUMBER:
            answers[item.id] = float(rng.choice([1, 4, 8, 24, 72, 1440]))
        else:
            answers[item.id] = rng.choice(item.options)
    return answers


def fill(store: Store, count: int, rng: random.Random) -> None:
    with store.transaction():
        for index in range(count):
            vendor = store.add_vendor(f"Vendor {index:04d}", service="Cloud backup")
            answers = random_answers(store.checklist, rng)
            store.set_answers(vendor.id, {k: (v, None, "bench") for k, v in answers.items()})


def median_ms(job: Callable[[], object], repeat: int = 9) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        job()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def window_startup(db: Path) -> tuple[float, float]:
    """Median ms to show the window: whole process, and from Python start to window shown."""
    command = [sys.executable, "-c", SHOW_WINDOW.format(repo=str(REPO), db=str(db))]
    inside: list[float] = []

    def run() -> None:
        result = subprocess.run(command, check=True, capture_output=True, text=True)
        inside.append(float(result.stdout.strip().splitlines()[-1]))

    whole = median_ms(run, repeat=5)
    return whole, statistics.median(inside)


def interactive_jobs(db: Path) -> list[tuple[str, float, float | None]]:
    from gui.app import application
    from gui.checklist_model import ANSWER
    from gui.main_window import MainWindow

    app = application()
    window = MainWindow(Store(db))
    window.resize(1280, 800)
    window.show()
    vendors = window.session.snapshot.vendors
    ids = iter(vendor.id for vendor in vendors * 100)

    def settle() -> None:
        app.processEvents()

    def switch() -> None:
        window.select_vendor(next(ids))
        settle()

    window.show_tab(window.checklist_tab)
    settle()
    rows: list[tuple[str, float, float | None]] = [
        ("switch vendor (Checklist tab shown)", median_ms(switch, 21), 50)
    ]
    values = iter([2.0, 48.0] * 50)
    model = window.checklist_tab.model

    def edit() -> None:
        model.setData(model.index_of("recovery.rto_hours", ANSWER), next(values))
        settle()

    rows.append(("edit an answer: save, rescore, refresh views", median_ms(edit, 21), 50))
    window.show_tab(window.compare_tab)
    settle()
    compare = window.compare_tab

    def refresh_grid() -> None:
        compare.model.reload()
        settle()

    rows.append(("refresh the comparison grid", median_ms(refresh_grid, 21), 50))
    rows.append(("edit an answer with Compare tab and radar shown", median_ms(edit, 21), None))
    rows.append(("redraw the radar chart alone", median_ms(compare.chart.redraw, 9), None))
    window.session.store.close()
    return rows


def main() -> None:
    rng = random.Random(11)
    rows: list[tuple[str, float, float | None]] = []
    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder) / "big.sqlite"
        with Store(big) as store:
            fill(store, 1000, rng)
        whole, inside = window_startup(big)
        rows.append(("show window on 1,000 vendors, whole process", whole, 1000))
        rows.append(("show window on 1,000 vendors, after Python start", inside, None))
        small = Path(folder) / "fifty.sqlite"
        with Store(small) as store:
            fill(store, 50, rng)
        rows.extend(interactive_jobs(small))
    print(f"{'Job':<55} {'Measured':>10} {'Target':>10}")
    for name, measured, target in rows:
        shown = f"< {target:.0f} ms" if target else "-"
        print(f"{name:<55} {measured:>7.0f} ms {shown:>10}")


if __name__ == "__main__":
    main()
