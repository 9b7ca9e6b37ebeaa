"""Figure timings beside a named baseline: the default article cold and unchanged, and `optviz --help`.

    .venv/bin/python bench/figures.py [--baseline REV] [--runs N]

The baseline is the source of figures/, optim_core/, catalog/ and scenes/ at git revision REV (default
624724c, the article of 15 outputs before the network chapter's three), unpacked with `git archive` into a
temporary folder and run with the same Python, first on PYTHONPATH. Both are timed in the same run,
alternating, so that the load of a shared machine falls on both alike. Each figure is a median: cold in a
fresh output folder with an empty cache (``OPTVIZ_CACHE``: the network chapter trains), cold in another fresh
folder with the chapter cached (as a second language's article is), and unchanged on the folder just built.
A last row gives the figure work alone in CPU seconds (see WORK, chapter cached), for a machine too loaded for
wall times. Goals (issues 9 and 15): cold article with the chapter cached <= 3 s with --jobs 2; unchanged
<= 0.5 s; `optviz --help` < 0.3 s. The empty-cache build has no goal: it trains four networks (about 7 s on
two cores, bench/network.py) and evaluates the plane (about 3.5 s).
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


ROWS = {
    "cold": "`optviz article -o DIR --jobs 2`, cold, empty cache",
    "cached": "the same into a new folder, the network chapter cached",
    "unchanged": "the same, nothing changed",
    "help": "`optviz --help`",
    "work": "every figure of the article rendered in one process (CPU s)",
}


def seconds(command: list[str], env: dict[str, str], cwd: Path) -> float:
    began = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env, cwd=cwd)
    return time.perf_counter() - began


def unpack(revision: str, into: Path) -> None:
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision, *CODE], check=True, capture_output=True)
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(into, filter="data")


def measure(source: Path, runs: int) -> dict[str, list[float]]:
    """Each side runs in its own source folder: ``python -c`` puts the working directory ahead of PYTHONPATH,
    so from this tree's root the baseline would import this tree's code."""
    optviz = [sys.executable, "-c", MAIN]
    times: dict[str, list[float]] = {key: [] for key in ROWS}
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as cache:
            env = {**os.environ, "PYTHONPATH": str(source), "OPTVIZ_CACHE": cache}
            with tempfile.TemporaryDirectory() as directory:
                times["cold"].append(seconds([*optviz, "article", "-o", directory, "--jobs", "2"], env, source))
            with tempfile.TemporaryDirectory() as directory:
                times["cached"].append(seconds([*optviz, "article", "-o", directory, "--jobs", "2"], env, source))
                times["unchanged"].append(seconds([*optviz, "article", "-o", directory, "--jobs", "2"], env, source))
            work = subprocess.run(
                [sys.executable, "-c", WORK], check=True, capture_output=True, text=True, env=env, cwd=source
            )
            times["work"].append(float(work.stdout.split()[0]))
            times["help"].append(seconds([*optviz, "--help"], env, source))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default="624724c", help="git revision to compare with")
    parser.add_argument("--runs", type=int, default=3, help="runs of each measurement per side")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as baseline:
        unpack(args.baseline, Path(baseline))
        sides = {"this tree": ROOT, f"baseline {args.baseline}": Path(baseline)}
        results = {name: {key: [] for key in ROWS} for name in sides}
        for _ in range(args.runs):  # alternate, so that both sides see the same load
            for name, source in sides.items():
                for key, values in measure(source, 1).items():
                    results[name][key].extend(values)
    goals = {"cold": "-", "cached": "<= 3 s", "unchanged": "<= 0.5 s", "help": "< 0.3 s", "work": "-"}
    names = list(sides)
    print(f"| measurement | {' | '.join(names)} | runs | goal |")
    print("|---|" + "---:|" * len(names) + "---:|---:|")
    for key, title in ROWS.items():
        medians = " | ".join(f"{statistics.median(results[name][key]):.2f} s" for name in names)
        print(f"| {title} | {medians} | {args.runs} | {goals[key]} |")
    print(f"\nload average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
