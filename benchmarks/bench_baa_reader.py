"""Time reading and analysing a 20-page vendor BAA (.docx).

Run: /tmp/venv0/bin/python benchmarks/bench_baa_reader.py
Prints one row per step with the median of several runs and the target.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from exports.baa_docx_reader import read_baa_docx  # noqa: E402
from exports.baa_rules import analyse  # noqa: E402
from tests.baa_documents import BaaSpec, build_baa  # noqa: E402

RUNS = 7
# About 20 pages in LibreOffice with the default template (measured when converting to PDF).
FILLER_PARAGRAPHS = 128
TARGET_SECONDS = 1.0


def median_seconds(step: Callable[[], object]) -> float:
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        step()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        rows = [("Recovery Time Objective (RTO)", "Four (4) hours"), ("RPO", "1 hour")]
        spec = BaaSpec(numbering="list", filler_paragraphs=FILLER_PARAGRAPHS, service_table=rows)
        path = build_baa(Path(folder) / "baa-20-pages.docx", spec)
        document = read_baa_docx(path)
        read = median_seconds(lambda: read_baa_docx(path))
        rules = median_seconds(lambda: analyse(document))
        total = median_seconds(lambda: analyse(read_baa_docx(path)))
        command = [sys.executable, str(REPO / "main.py"), "baa", "import", str(path)]
        command += ["--vendor", "Bench", "--dry-run", "--json"]
        process = median_seconds(
            lambda: subprocess.run(command, check=True, capture_output=True, cwd=REPO)
        )
        paragraphs = len(document.text_paragraphs)
        findings = len(analyse(document).findings)
    print(f"20-page BAA: {paragraphs} paragraphs, {findings} findings, median of {RUNS} runs")
    print(f"{'step':<28}{'measured':>12}{'target':>12}")
    print(f"{'read .docx':<28}{read * 1000:>10.0f}ms{'':>12}")
    print(f"{'analyse (rules)':<28}{rules * 1000:>10.0f}ms{'':>12}")
    print(f"{'read + analyse':<28}{total * 1000:>10.0f}ms{TARGET_SECONDS * 1000:>10.0f}ms")
    print(f"{'baa import --dry-run (CLI)':<28}{process * 1000:>10.0f}ms{'':>12}")


if __name__ == "__main__":
    main()
