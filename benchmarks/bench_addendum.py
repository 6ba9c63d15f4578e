"""Time the addendum: plan and write 40 redlined clauses to a Word file.

Run: python benchmarks/bench_addendum.py   (prints a table: job, measured, target)
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from clause_library.library import load_library  # noqa: E402
from clause_library.planning import AddendumPlan, build_plan  # noqa: E402
from exports.addendum_docx import AddendumOptions, write_addendum  # noqa: E402
from models.checklist import load_checklist  # noqa: E402
from models.negotiation import Negotiations  # noqa: E402
from models.store import Store  # noqa: E402

CLAUSES = 40
# A vendor form's typical wording, so every clause is a real word diff, not one insertion.
VENDOR_WORDING = (
    "Business Associate shall use reasonable efforts to notify Covered Entity without "
    "unreasonable delay and in no case later than sixty (60) days after discovery, if feasible."
)


def median_ms(job: Callable[[], object], repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        job()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def prepare(folder: Path) -> tuple[Store, AddendumPlan]:
    """Create a vendor with no recorded answers (so every clause is proposed) and wording on 40."""
    checklist = load_checklist()
    library = load_library(checklist)
    store = Store(folder / "bench.sqlite", checklist)
    store.update_practice(name="Maple Street Family Dental", state="OH")
    vendor = store.add_vendor("Benchmark Backup")
    negotiations = Negotiations(store)
    with store.transaction():
        for clause in list(library)[:CLAUSES]:
            negotiations.set_vendor_wording(vendor.id, clause.id, VENDOR_WORDING)
        for clause in list(library)[CLAUSES:]:
            negotiations.set_included(vendor.id, clause.id, False)
    plan = build_plan(store, library, vendor.id, {"effective_date": "2027-03-01"})
    assert len(plan.in_addendum()) == CLAUSES
    return store, plan


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        store, plan = prepare(folder)
        checklist = store.checklist
        library = load_library(checklist)
        vendor_id = plan.vendor.id
        redlined = AddendumOptions(redline=True, comments=True)
        rows = [
            (
                "Load and validate the clause library",
                median_ms(lambda: load_library(checklist)),
                "-",
            ),
            (
                "Plan the addendum of one vendor",
                median_ms(lambda: build_plan(store, library, vendor_id)),
                "-",
            ),
            (
                f"Write {CLAUSES} clauses, clean",
                median_ms(
                    lambda: write_addendum(
                        plan, checklist, folder / "clean.docx", AddendumOptions()
                    )
                ),
                "-",
            ),
            (
                f"Write {CLAUSES} clauses, redlined with comments",
                median_ms(lambda: write_addendum(plan, checklist, folder / "red.docx", redlined)),
                "< 500 ms",
            ),
        ]
        store.close()
    print(f"{'Job':<50} {'Measured':>10}  Target")
    for job, measured, target in rows:
        print(f"{job:<50} {measured:>7.0f} ms  {target}")


if __name__ == "__main__":
    main()
