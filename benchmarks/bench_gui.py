"""Time the main window: start-up on 1,000 vendors, and edits and switches with 50 vendors.

Run: python benchmarks/bench_gui.py   (prints a table: job, measured, target)

Qt runs offscreen. Each job ends after the pending events (layouts, paints,
chart redraws) are processed, so the figures include what the user waits for
on screen, except the time a real display takes to show the pixels.

Each row gives the median wall-clock time and the median CPU time of the
process. On a busy machine the wall-clock time grows while the CPU time stays
close to what an idle machine would show.
"""

from __future__ import annotations

import os
import random
import resource
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

from benchmarks.common import random_answers  # noqa: E402
from models.store import Store  # noqa: E402

SHOW_WINDOW = """
import sys
sys.path.insert(0, {repo!r})
from gui.app import application
app = application()
from gui.main_window import MainWindow
from models.store import Store
window = MainWindow(Store({db!r}))
window.show()
app.processEvents()
"""


def fill(store: Store, count: int, rng: random.Random) -> None:
    with store.transaction():
        for index in range(count):
            vendor = store.add_vendor(f"Vendor {index:04d}", service="Cloud backup")
            answers = random_answers(store.checklist, rng)
            store.set_answers(vendor.id, {k: (v, None, "bench") for k, v in answers.items()})


Timing = tuple[float, float]
"""Median wall-clock and CPU milliseconds."""


def median_ms(job: Callable[[], object], repeat: int = 9) -> Timing:
    walls, cpus = [], []
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        job()
        walls.append((time.perf_counter() - start) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return statistics.median(walls), statistics.median(cpus)


def _children_cpu_ms() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (usage.ru_utime + usage.ru_stime) * 1000


def window_startup(db: Path) -> Timing:
    """Median ms from starting Python to the window shown on *db*, wall-clock and CPU."""
    command = [sys.executable, "-c", SHOW_WINDOW.format(repo=str(REPO), db=str(db))]
    walls, cpus = [], []
    for _ in range(5):
        start, cpu = time.perf_counter(), _children_cpu_ms()
        subprocess.run(command, check=True, capture_output=True, text=True)
        walls.append((time.perf_counter() - start) * 1000)
        cpus.append(_children_cpu_ms() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def interactive_jobs(db: Path) -> list[tuple[str, Timing, float | None]]:
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
    rows: list[tuple[str, Timing, float | None]] = [
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
    rows: list[tuple[str, Timing, float | None]] = []
    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder) / "big.sqlite"
        with Store(big) as store:
            fill(store, 1000, rng)
        rows.append(("show window on 1,000 vendors, whole process", window_startup(big), 1000))
        small = Path(folder) / "fifty.sqlite"
        with Store(small) as store:
            fill(store, 50, rng)
        rows.extend(interactive_jobs(small))
    print(f"{'Job':<50} {'Wall':>9} {'CPU':>9} {'Target':>10}")
    for name, (wall, cpu), target in rows:
        shown = f"< {target:.0f} ms" if target else "-"
        print(f"{name:<50} {wall:>6.0f} ms {cpu:>6.0f} ms {shown:>10}")


if __name__ == "__main__":
    main()
