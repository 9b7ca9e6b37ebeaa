"""Figure timings beside a named baseline: the default article cold and unchanged, and `optviz --help`.

    .venv/bin/python bench/figures.py [--baseline REV] [--runs N]

The baseline is the source of figures/, optim_core/, catalog/ and scenes/ at git revision REV (default
d3ed937, before issue 9), unpacked with `git archive` into a temporary folder and run with the same Python,
first on PYTHONPATH. Both are timed in the same run, alternating, so that the load of a shared machine falls
on both alike. Each figure is a median: cold in a fresh output folder, unchanged on the folder just built.
A last row gives the figure work alone in CPU seconds (see WORK), for a machine too loaded for wall times.
Goals (issue 9): cold article (14 outputs and the explorable page) <= 3 s with --jobs 2; unchanged <= 0.5 s;
`optviz --help` < 0.3 s.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CODE = ("figures", "optim_core", "catalog", "scenes")
MAIN = "import sys; from figures.cli import main; sys.argv[0] = 'optviz'; main()"
#: The figure work alone, in one process: every job of the default article rendered once after one warm-up
#: render, timed in CPU seconds, which a shared machine's load changes far less than wall time.
WORK = """
import sys, tempfile, time
from pathlib import Path
from figures.article import load_spec
from figures.jobs import render
_, jobs = load_spec(None, Path(tempfile.mkdtemp()))
render(jobs[0], warn=lambda message: None)
began = time.process_time()
for job in jobs:
    render(job, warn=lambda message: None)
print(time.process_time() - began, len(jobs))
"""


def seconds(command: list[str], env: dict[str, str]) -> float:
    began = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)
    return time.perf_counter() - began


def unpack(revision: str, into: Path) -> None:
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision, *CODE], check=True, capture_output=True)
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(into, filter="data")


def measure(source: Path, runs: int) -> dict[str, list[float]]:
    env = {**os.environ, "PYTHONPATH": str(source)}
    optviz = [sys.executable, "-c", MAIN]
    times: dict[str, list[float]] = {"cold": [], "unchanged": [], "help": [], "work": []}
    for _ in range(runs):
        work = subprocess.run([sys.executable, "-c", WORK], check=True, capture_output=True, text=True, env=env)
        times["work"].append(float(work.stdout.split()[0]))
        with tempfile.TemporaryDirectory() as directory:
            times["cold"].append(seconds([*optviz, "article", "-o", directory, "--jobs", "2"], env))
            times["unchanged"].append(seconds([*optviz, "article", "-o", directory, "--jobs", "2"], env))
        times["help"].append(seconds([*optviz, "--help"], env))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default="d3ed937", help="git revision to compare with")
    parser.add_argument("--runs", type=int, default=3, help="runs of each measurement per side")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as baseline:
        unpack(args.baseline, Path(baseline))
        sides = {"this tree": ROOT, f"baseline {args.baseline}": Path(baseline)}
        results = {name: {"cold": [], "unchanged": [], "help": [], "work": []} for name in sides}
        for _ in range(args.runs):  # alternate, so that both sides see the same load
            for name, source in sides.items():
                for key, values in measure(source, 1).items():
                    results[name][key].extend(values)
    goals = {"cold": "<= 3 s", "unchanged": "<= 0.5 s", "help": "< 0.3 s", "work": "-"}
    rows = {
        "cold": "`optviz article -o DIR --jobs 2`, cold",
        "unchanged": "the same, nothing changed",
        "help": "`optviz --help`",
        "work": "every figure of the article rendered in one process (CPU s)",
    }
    names = list(sides)
    print(f"| measurement | {' | '.join(names)} | runs | goal |")
    print("|---|" + "---:|" * len(names) + "---:|---:|")
    for key, title in rows.items():
        medians = " | ".join(f"{statistics.median(results[name][key]):.2f} s" for name in names)
        print(f"| {title} | {medians} | {args.runs} | {goals[key]} |")
    print(f"\nload average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
