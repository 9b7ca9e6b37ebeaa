"""Engine throughput: optim_core against a per-path Python loop and torch.optim, measured side by side.

    .venv/bin/python bench/engine.py            # all workloads (torch column when torch is installed)
    .venv/bin/python bench/engine.py --quick    # fewer repeats

Workload (issue 2): 10,000 start points x 1,000 steps on the bowl, each of the book's six optimizers.
- "history": optim_core.run records positions, values, gradients and state at every step; torch.optim
  copies the position into a preallocated history tensor after every step.
- "lean": optim_core.sweep(keep_history=False) (which still tracks f < tol and divergence per row) against
  torch.optim stepping alone.
- The per-path loop runs each start on its own, the way the book's code does (a dict of parameters 'x' and
  'y', one update per parameter per step); it is timed on a sample of paths and reported as throughput.
- Memory: 10^6 paths x 1,000 steps without history, peak RSS of a fresh process (Adam, the largest state).
Throughput is path-steps per second; each figure is the median of the repeats, warm-up excluded.
"""

from __future__ import annotations

import argparse
import json
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


def torch_seconds(torch, name: str, history: bool, repeats: int) -> float:
    start = torch.tensor(starts(PATHS), dtype=torch.float64)
    divisors = torch.tensor([10.0, 0.5], dtype=torch.float64)

    def work():
        params = start.clone().requires_grad_(True)
        opt = torch_optimizer(torch, name, params)
        record = torch.empty((STEPS + 1, PATHS, 2), dtype=torch.float64) if history else None
        with torch.no_grad():
            if history:
                record[0] = params
            for k in range(STEPS):
                params.grad = params / divisors  # the bowl's analytic gradient, as optim_core uses
                opt.step()
                if history:
                    record[k + 1] = params

    return median_seconds(work, repeats)


def optviz_seconds(name: str, history: bool, repeats: int) -> float:
    opt = oc.get_optimizer(name, lr=BOOK_LR[name])
    points = starts(PATHS)
    if history:
        return median_seconds(lambda: oc.run(opt, BOWL, points, STEPS), repeats)
    return median_seconds(lambda: oc.sweep(name, BOWL, starts=points, steps=STEPS, lr=BOOK_LR[name]), repeats)


def memory_child(paths: int) -> None:
    began = time.perf_counter()
    result = oc.sweep("adam", BOWL, starts=starts(paths), steps=STEPS, lr=0.3)
    seconds = time.perf_counter() - began
    # VmHWM, the peak of this process's own address space: ru_maxrss would include the parent's peak at fork.
    status = Path("/proc/self/status").read_text()
    peak_kib = int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:")))
    reached = int(np.isfinite(result.steps_to_tol).sum())
    print(json.dumps({"seconds": seconds, "peak_mib": peak_kib / 1024, "reached": reached}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 repeats instead of 5, no memory workload")
    parser.add_argument("--memory-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        memory_child(args.memory_child)
        return
    repeats = 3 if args.quick else 5
    try:
        import torch

        torch.set_default_dtype(torch.float64)
        torch_version = torch.__version__
    except ImportError:
        torch, torch_version = None, None

    print(
        f"{PATHS:,} paths x {STEPS:,} steps on the bowl; medians of {repeats} runs; numpy {np.__version__}"
        + (f", torch {torch_version} ({torch.get_num_threads()} threads)" if torch else ", torch absent")
    )
    header = "| optimizer | per-path loop | optviz history | speed-up vs loop |"
    rule = "|---|---:|---:|---:|"
    if torch:
        header += " torch history | optviz vs torch | optviz lean | torch lean | lean vs torch |"
        rule += "---:|---:|---:|---:|---:|"
    print(header)
    print(rule)
    for name in BOOK_LR:
        loop = per_path_loop(name) * PATHS * STEPS
        history = optviz_seconds(name, True, repeats)
        row = f"| {name} | {loop:.1f} s | {history:.3f} s | {loop / history:.0f}x |"
        if torch:
            torch_history = torch_seconds(torch, name, True, repeats)
            lean = optviz_seconds(name, False, repeats)
            torch_lean = torch_seconds(torch, name, False, repeats)
            row += (
                f" {torch_history:.3f} s | {torch_history / history:.2f}x | {lean:.3f} s | {torch_lean:.3f} s |"
                f" {torch_lean / lean:.2f}x |"
            )
        print(row, flush=True)
    if not args.quick:
        child = subprocess.run(
            [sys.executable, __file__, "--memory-child", "1000000"], capture_output=True, text=True, check=True
        )
        memory = json.loads(child.stdout)
        print(
            f"\n10^6 paths x {STEPS:,} steps, Adam, no history: {memory['seconds']:.1f} s,"
            f" peak RSS {memory['peak_mib']:.0f} MiB (target < 1024 MiB)"
        )


if __name__ == "__main__":
    main()
