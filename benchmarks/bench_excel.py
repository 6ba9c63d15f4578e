"""Time the Excel jobs: the comparison workbook and a questionnaire import.

Run: python benchmarks/bench_excel.py   (prints a table: job, measured, target)
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.common import random_answers  # noqa: E402
from exports.comparison_xlsx import export_comparison  # noqa: E402
from exports.questionnaire_import import read_questionnaire  # noqa: E402
from exports.questionnaire_plan import apply_import, plan_import  # noqa: E402
from exports.questionnaire_xlsx import write_questionnaire  # noqa: E402
from models.checklist import AnswerType, Checklist  # noqa: E402
from models.store import Store  # noqa: E402
from tests.excel_helpers import fill  # noqa: E402


def spelled_responses(checklist: Checklist, rng: random.Random) -> dict[str, object]:
    """Every item answered as vendors type it: mixed case, spaces, numbers with units."""
    responses: dict[str, object] = {}
    for item in checklist:
        if item.answer is AnswerType.NUMBER:
            responses[item.id] = f"{rng.choice([1, 4, 8, 24])} {item.unit}"
        else:
            responses[item.id] = f" {rng.choice(item.options).upper()} "
    return responses


def median_ms(job: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        job()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    rng = random.Random(11)
    rows = []
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        with Store(folder / "bench.sqlite") as store:
            with store.transaction():
                for index in range(50):
                    vendor = store.add_vendor(f"Vendor {index:02d}")
                    answers = random_answers(store.checklist, rng)
                    store.set_answers(
                        vendor.id, {k: (v, None, "bench") for k, v in answers.items()}
                    )
            out = folder / "comparison.xlsx"
            rows.append(
                (
                    "comparison workbook, 50 vendors",
                    median_ms(lambda: export_comparison(store, out)),
                    1000,
                )
            )
            png = folder / "radar.png"
            rows.append(
                (
                    "comparison workbook + --png, 50 vendors",
                    median_ms(lambda: export_comparison(store, out, png_path=png)),
                    None,
                )
            )
            questionnaire = folder / "filled.xlsx"
            vendor = store.vendor("Vendor 00")
            write_questionnaire(questionnaire, store.checklist, store.practice(), vendor.name)
            fill(questionnaire, spelled_responses(store.checklist, rng))

            runs = iter(range(100))

            def import_all() -> None:
                # A new vendor each run, so every run writes all 57 answers.
                name = f"Imported {next(runs)}"
                plan = plan_import(store, read_questionnaire(questionnaire, store.checklist), name)
                apply_import(store, plan)

            rows.append(("import a filled questionnaire (57 answers)", median_ms(import_all), 500))
            blank = folder / "blank.xlsx"
            rows.append(
                (
                    "export a questionnaire",
                    median_ms(
                        lambda: write_questionnaire(blank, store.checklist, store.practice())
                    ),
                    None,
                )
            )

    print(f"{'Job':<50} {'Measured':>10} {'Target':>10}")
    for name, measured, target in rows:
        shown = f"< {target} ms" if target else "-"
        print(f"{name:<50} {measured:>7.0f} ms {shown:>10}")


if __name__ == "__main__":
    main()
