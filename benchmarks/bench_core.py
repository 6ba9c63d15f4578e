"""Time the domain core: scoring, `vendors list`, vendor JSON import.

Run: python benchmarks/bench_core.py   (prints a table: job, measured, target)
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.common import random_answers  # noqa: E402
from models.checklist import load_checklist  # noqa: E402
from models.practice import Practice  # noqa: E402
from models.scoring import Scorer  # noqa: E402
from models.store import Store  # noqa: E402
from models.vendor_json import FORMAT, import_vendor, parse_vendor_file  # noqa: E402


def best_of(job: Callable[[], object], repeat: int = 5) -> float:
    """Return the median of *repeat* runs in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        job()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def fill(store: Store, count: int, rng: random.Random) -> None:
    with store.transaction():
        for index in range(count):
            vendor = store.add_vendor(f"Vendor {index:04d}", service="Cloud backup")
            answers = random_answers(store.checklist, rng)
            store.set_answers(vendor.id, {k: (v, None, "bench") for k, v in answers.items()})


def main() -> None:
    checklist = load_checklist()
    rng = random.Random(7)
    rows = []

    vendors = [(index, random_answers(checklist, rng)) for index in range(1000)]
    scorer = Scorer(checklist, Practice())
    rows.append(
        ("score 1,000 vendors x 57 items", best_of(lambda: scorer.score_many(vendors)), 100)
    )

    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.sqlite"
        with Store(db) as store:
            start = time.perf_counter()
            fill(store, 1000, rng)
            fill_ms = (time.perf_counter() - start) * 1000
        rows.append(("create 1,000 vendors with answers (one transaction)", fill_ms, None))
        command = [sys.executable, str(REPO / "main.py"), "--db", str(db), "vendors", "list"]
        rows.append(
            (
                "`vendors list`, 1,000 vendors, whole process",
                best_of(lambda: subprocess.run(command, check=True, capture_output=True)),
                300,
            )
        )
        files = []
        for index in range(100):
            document = {
                "format": FORMAT,
                "name": f"Imported {index}",
                "answers": {k: {"value": v} for k, v in random_answers(checklist, rng).items()},
            }
            path = Path(folder) / f"v{index}.json"
            path.write_text(json.dumps(document), encoding="utf-8")
            files.append(path)

        runs = iter(range(100))

        def import_all() -> None:
            # A new database each run, so every run creates 100 vendors.
            with Store(Path(folder) / f"import{next(runs)}.sqlite") as target:
                for path in files:
                    record = parse_vendor_file(path.read_bytes(), checklist, str(path))
                    import_vendor(target, record, source=path.name)

        rows.append(("import 100 vendor JSON files", best_of(import_all, repeat=3), None))

    print(f"{'Job':<55} {'Measured':>10} {'Target':>8}")
    for name, measured, target in rows:
        shown = f"< {target} ms" if target else "-"
        print(f"{name:<55} {measured:>7.0f} ms {shown:>8}")


if __name__ == "__main__":
    main()
