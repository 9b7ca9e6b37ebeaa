"""Engine throughput: optim_core against a per-path Python loop and torch.optim, measured side by side.

    .venv/bin/python bench/engine.py                  # all workloads (torch columns when torch is installed)
    .venv/bin/python bench/engine.py --quick          # 3 repeats instead of 5, no 10^6-path workload
    .venv/bin/python bench/engine.py --optimizer adam # only some of the six optimizers

Workload (issues 2 and 11): 10,000 start points x 1,000 steps on the bowl, each of the book's six optimizers.
- "history": optim_core.run, which keeps positions and values at every step, against torch.optim copying the
  position into a preallocated history tensor after every step.
- "lean": optim_core.sweep(keep_history=False) (which still tracks f < tol and divergence per row, on a helper
  thread while the next block is stepped) against torch.optim stepping alone.
- Fresh process (the headline): every measurement runs in a new process of its own, optviz and torch taking
  turns. The time is the run alone: imports, the start points and one tiny run that triggers lazy imports
  (torch.optim's first step) happen before the clock starts; allocating and first touching the history is
  part of the run, as it is for a user. Peak RSS is that process's VmHWM; "before" is its VmRSS just before
  the run, the interpreter with its imports. CPU is user plus system time over all of the process's threads
  (torch computes on two), which other people's load on a shared machine disturbs less than wall time.
- Warm: repeats in one process after a warm-up, so page faults and lazy imports are paid once beforehand.
- The per-path loop runs each start on its own, the way the book's code does (a dict of parameters 'x' and
  'y', one update per parameter per step); it is timed on a sample of paths and scaled to the workload.
- Memory: 10^6 paths x 1,000 steps of Adam without history, in a fresh process.
Every figure is a median over the repeats.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

import optim_core as oc

PATHS, STEPS, SAMPLE_PATHS = 10_000, 1_000, 20
BOOK_LR = {"sgd": 0.95, "momentum": 0.1, "nesterov": 0.1, "adagrad": 1.5, "rmsprop": 0.3, "adam": 0.3}
BOWL = oc.get_function("bowl")
MIB = 2**20


def starts(n: int) -> np.ndarray:
    return np.random.default_rng(0).uniform([-10, -5], [10, 5], size=(n, 2))


def median_seconds(work, repeats: int) -> float:
    work()  # warm-up: first-touch page faults and lazy imports are not the engine's speed
    times = []
    for _ in range(repeats):
        began = time.perf_counter()
        work()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def per_path_loop(name: str) -> float:
    """Seconds per path-step of the book-style loop: one path at a time and, as the book's optimizers do with
    their ``params`` dict, one update per parameter ('x' and 'y'), each with its own state; optim_core's own
    update does the arithmetic, so only the loop's shape differs."""
    opt = oc.get_optimizer(name, lr=BOOK_LR[name])
    sample = starts(SAMPLE_PATHS)

    def work():
        for start in sample:
            params = {"x": start[None, :1], "y": start[None, 1:]}
            state = {key: opt.init(value) for key, value in params.items()}
            for _ in range(STEPS):
                grads = BOWL.grad(np.concatenate([params["x"], params["y"]], axis=1))
                for index, key in enumerate(params):
                    params[key], state[key] = opt.update(grads[:, index : index + 1], state[key], params[key])

    return median_seconds(work, 3) / (SAMPLE_PATHS * STEPS)


def optviz_work(name: str, history: bool, points: np.ndarray):
    opt = oc.get_optimizer(name, lr=BOOK_LR[name])
    if history:
        return lambda: oc.run(opt, BOWL, points, STEPS)
    return lambda: oc.sweep(name, BOWL, starts=points, steps=STEPS, lr=BOOK_LR[name])


def torch_optimizer(torch, name: str, params):
    lr = BOOK_LR[name]
    return {
        "sgd": lambda: torch.optim.SGD([params], lr=lr),
        "momentum": lambda: torch.optim.SGD([params], lr=lr, momentum=0.9),
        "nesterov": lambda: torch.optim.SGD([params], lr=lr, momentum=0.9, nesterov=True),
        "adagrad": lambda: torch.optim.Adagrad([params], lr=lr),
        "rmsprop": lambda: torch.optim.RMSprop([params], lr=lr, alpha=0.99),
        "adam": lambda: torch.optim.Adam([params], lr=lr),
    }[name]()


def use_torch(torch) -> None:
    """float64 as optim_core, and one thread as NumPy: with two, each of torch's parallel regions waits at a
    barrier for the other core, and on a shared machine a fresh Adam run measured 0.25 s or 7 s by chance."""
    torch.set_default_dtype(torch.float64)
    torch.set_num_threads(1)


def torch_work(torch, name: str, history: bool, points: np.ndarray):
    start = torch.tensor(points, dtype=torch.float64)
    divisors = torch.tensor([10.0, 0.5], dtype=torch.float64)

    def work():
        params = start.clone().requires_grad_(True)
        opt = torch_optimizer(torch, name, params)
        record = torch.empty((STEPS + 1, len(points), 2), dtype=torch.float64) if history else None
        with torch.no_grad():
            if history:
                record[0] = params
            for k in range(STEPS):
                params.grad = params / divisors  # the bowl's analytic gradient, as optim_core uses
                opt.step()
                if history:
                    record[k + 1] = params
        return record

    return work


def status_mib(field: str) -> float:
    """A field of this process's /proc/self/status in MiB (VmHWM is the peak of this process alone, where
    ru_maxrss would include the parent's peak at fork)."""
    status = Path("/proc/self/status").read_text()
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith(field + ":"))) / 1024


def child(side: str, mode: str, name: str, paths: int) -> None:
    """One fresh-process measurement, printed as JSON: wall and CPU seconds of the run (CPU time, user and
    system over all threads, is less sensitive to other people's load), peak RSS and RSS before the run."""
    if side == "torch":
        import torch

        use_torch(torch)

        def make(*args):
            return torch_work(torch, *args)
    else:
        make = optviz_work
    history = mode == "history"
    make(name, history, starts(2))()  # lazy imports and one-time set-up, outside the timing
    work = make(name, history, starts(paths))
    before = status_mib("VmRSS")
    began, cpu_began = time.perf_counter(), time.process_time()
    kept = work()  # freed after the clock stops, on both sides
    seconds, cpu = time.perf_counter() - began, time.process_time() - cpu_began
    del kept
    print(json.dumps({"seconds": seconds, "cpu": cpu, "peak_mib": status_mib("VmHWM"), "before_mib": before}))


def fresh(side: str, mode: str, name: str, paths: int = PATHS) -> dict:
    command = [sys.executable, __file__, "--child", side, mode, name, str(paths)]
    return json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)


def fresh_table(names: list[str], repeats: int, with_torch: bool) -> None:
    """The headline: each run in a new process, optviz and torch taking turns so that both see the same load."""
    kinds = [(side, mode) for mode in ("history", "lean") for side in ("optviz", "torch")[: 1 + with_torch]]
    positions_mib = (STEPS + 1) * PATHS * 2 * 8 / MIB
    print(
        f"\nFresh process, one run each; the positions array alone is {positions_mib:.1f} MiB, and growth is"
        " optviz's peak RSS less its RSS before the run (target <= 2x):\n"
    )
    header = "| optimizer | optviz history | peak RSS (before) | growth / positions |"
    rule = "|---|---:|---:|---:|"
    if with_torch:
        header += (
            " torch history | peak RSS (before) | optviz vs torch | CPU optviz / torch | optviz lean | torch lean |"
            " lean vs torch | CPU lean optviz / torch |"
        )
        rule += "---:|---:|---:|---:|---:|---:|---:|---:|"
    else:
        header += " optviz lean |"
        rule += "---:|"
    print(header)
    print(rule)
    for name in names:
        samples = {kind: [] for kind in kinds}
        for _ in range(repeats):
            for kind in kinds:
                samples[kind].append(fresh(*kind, name))
        med = {
            kind: {key: statistics.median(s[key] for s in runs) for key in runs[0]} for kind, runs in samples.items()
        }
        mine, mine_lean = med["optviz", "history"], med["optviz", "lean"]
        growth = (mine["peak_mib"] - mine["before_mib"]) / positions_mib
        row = (
            f"| {name} | {mine['seconds']:.3f} s | {mine['peak_mib']:.0f} MiB ({mine['before_mib']:.0f}) |"
            f" {growth:.2f}x |"
        )
        if with_torch:
            theirs, theirs_lean = med["torch", "history"], med["torch", "lean"]
            row += (
                f" {theirs['seconds']:.3f} s | {theirs['peak_mib']:.0f} MiB ({theirs['before_mib']:.0f}) |"
                f" {theirs['seconds'] / mine['seconds']:.2f}x | {mine['cpu']:.2f} / {theirs['cpu']:.2f} s |"
                f" {mine_lean['seconds']:.3f} s |"
                f" {theirs_lean['seconds']:.3f} s | {theirs_lean['seconds'] / mine_lean['seconds']:.2f}x |"
                f" {mine_lean['cpu']:.3f} / {theirs_lean['cpu']:.3f} s |"
            )
        else:
            row += f" {mine_lean['seconds']:.3f} s |"
        print(row, flush=True)


def warm_table(names: list[str], repeats: int, torch) -> None:
    print("\nWarm, repeats in one process:\n")
    header = "| optimizer | per-path loop | optviz history | speed-up vs loop |"
    rule = "|---|---:|---:|---:|"
    if torch:
        header += " torch history | optviz vs torch | optviz lean | torch lean | lean vs torch |"
        rule += "---:|---:|---:|---:|---:|"
    print(header)
    print(rule)
    points = starts(PATHS)
    for name in names:
        loop = per_path_loop(name) * PATHS * STEPS
        history = median_seconds(optviz_work(name, True, points), repeats)
        row = f"| {name} | {loop:.1f} s | {history:.3f} s | {loop / history:.0f}x |"
        if torch:
            torch_history = median_seconds(torch_work(torch, name, True, points), repeats)
            lean = median_seconds(optviz_work(name, False, points), repeats)
            torch_lean = median_seconds(torch_work(torch, name, False, points), repeats)
            row += (
                f" {torch_history:.3f} s | {torch_history / history:.2f}x | {lean:.3f} s | {torch_lean:.3f} s |"
                f" {torch_lean / lean:.2f}x |"
            )
        print(row, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 repeats instead of 5, no 10^6-path workload")
    parser.add_argument("--optimizer", action="append", choices=list(BOOK_LR), help="repeatable; default: all")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        side, mode, name, paths = args.child
        child(side, mode, name, int(paths))
        return
    repeats = 3 if args.quick else 5
    names = args.optimizer or list(BOOK_LR)
    try:
        import torch

        use_torch(torch)
        torch_version = torch.__version__
    except ImportError:
        torch, torch_version = None, None

    print(
        f"{PATHS:,} paths x {STEPS:,} steps on the bowl; medians of {repeats} runs; numpy {np.__version__}"
        + (f", torch {torch_version} (1 thread, as NumPy)" if torch else ", torch absent")
        + f"; load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs (others' work makes the figures noisy)"
    )
    fresh_table(names, repeats, torch is not None)
    warm_table(names, repeats, torch)
    if not args.quick:
        memory = fresh("optviz", "lean", "adam", 1_000_000)
        print(
            f"\n10^6 paths x {STEPS:,} steps, Adam, no history, fresh process: {memory['seconds']:.1f} s,"
            f" peak RSS {memory['peak_mib']:.0f} MiB (target < 1024 MiB)"
        )


if __name__ == "__main__":
    main()
