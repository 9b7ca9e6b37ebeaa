"""Figure timings: the default article cold and unchanged, and `optviz --help` start-up.

    .venv/bin/python bench/figures.py

Each figure is the median of several runs in fresh output directories (cold) or the same one (unchanged).
Goals (issue 3): cold article <= 10 s with --jobs 2; unchanged rerun <= 1 s; `optviz --help` < 0.3 s.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

OPTVIZ = str(Path(sys.executable).with_name("optviz"))


def seconds(command: list[str]) -> float:
    began = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - began


def main() -> None:
    cold, warm = [], []
    for _ in range(3):
        with tempfile.TemporaryDirectory() as directory:
            cold.append(seconds([OPTVIZ, "article", "-o", directory, "--jobs", "2"]))
            warm.extend(seconds([OPTVIZ, "article", "-o", directory, "--jobs", "2"]) for _ in range(3))
    help_times = [seconds([OPTVIZ, "--help"]) for _ in range(10)]
    print("| measurement | median | runs | goal |")
    print("|---|---:|---:|---:|")
    article = "`optviz article -o DIR --jobs 2`, cold (13 outputs)"
    print(f"| {article} | {statistics.median(cold):.2f} s | {len(cold)} | <= 10 s |")
    print(f"| the same, nothing changed | {statistics.median(warm):.2f} s | {len(warm)} | <= 1 s |")
    print(f"| `optviz --help` | {statistics.median(help_times):.3f} s | {len(help_times)} | < 0.3 s |")


if __name__ == "__main__":
    main()
