"""Lecture build timings: the whole lecture cold with --jobs 2 beside --jobs 1 (the baseline), as a fraction of
the lecture's own duration, and the rerun with nothing changed.

    .venv/bin/python bench/lecture.py                  # low quality
    .venv/bin/python bench/lecture.py --quality high   # 1080p60; about half an hour on 2 cores
    .venv/bin/python bench/lecture.py --jobs-only 2    # without the --jobs 1 baseline

Cold runs start from an empty scene cache and output folder. Goals (issue 8), on 2 cores with --jobs 2: at most
0.5x the lecture's duration at low quality and 1.5x at high quality; a rerun with nothing changed under 2 s.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

OPTVIZ = str(Path(sys.executable).with_name("optviz"))
GOALS = {"low": 0.5, "high": 1.5}


def build(directory: str, cache: str, quality: str, jobs: int) -> float:
    command = [OPTVIZ, "lecture", "-o", directory, "--quality", quality, "--jobs", str(jobs)]
    began = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env={**os.environ, "OPTVIZ_CACHE": cache})
    return time.perf_counter() - began


def duration(video: Path) -> float:
    done = subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "json", str(video)],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(json.loads(done.stdout)["format"]["duration"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quality", default="low", choices=("low", "medium", "high", "4k"))
    parser.add_argument("--jobs-only", type=int, help="time only this --jobs value, without the baseline")
    parser.add_argument("--reruns", type=int, default=5, help="runs of the nothing-changed rebuild")
    options = parser.parse_args()
    rows, reruns, length = [], [], 0.0
    for jobs in [options.jobs_only] if options.jobs_only else [2, 1]:
        with tempfile.TemporaryDirectory() as cache, tempfile.TemporaryDirectory() as directory:
            cold = build(directory, cache, options.quality, jobs)
            length = duration(Path(directory) / f"lecture-en-{options.quality}.mp4")
            rows.append((jobs, cold))
            if not reruns:
                reruns = [build(directory, cache, options.quality, jobs) for _ in range(options.reruns)]
    goal = GOALS.get(options.quality)
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"lecture: {length:.1f} s of video at {options.quality} quality; {os.cpu_count()} cores, load {load}\n")
    print("| build | time | x lecture duration | goal |")
    print("|---|---:|---:|---:|")
    for jobs, cold in rows:
        target = f"<= {goal}x" if goal and jobs == 2 else "baseline" if jobs == 1 else ""
        print(f"| `optviz lecture --quality {options.quality} --jobs {jobs}`, cold | {cold:.1f} s |"
              f" {cold / length:.2f}x | {target} |")  # fmt: skip
    print(f"| the same, nothing changed (median of {len(reruns)}) | {statistics.median(reruns):.2f} s | | < 2 s |")


if __name__ == "__main__":
    main()
