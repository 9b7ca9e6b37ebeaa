"""The network chapter's speed: the book's four optimizers x 2,000 iterations on the digits, against a plain
per-layer NumPy loop, side by side.

    .venv/bin/python bench/network.py            # 5 runs of each, alternating
    .venv/bin/python bench/network.py --runs 3

- optviz: ``optim_core.network.train()``, the book's comparison (batch 128, the loss after each update, test
  accuracy every 100 iterations, the weights every 10), as the figures and the scene run it.
- Baseline: the book's own structure (``ch06/optimizer_compare_mnist.py``), a dict of arrays per network and
  one layer object after another, the loss computed again after each update, the four networks one after the
  other. Its layers and optimizers are the ones tests/test_network.py writes out from the book's formulas (the
  same code checks the engine to 1e-12), on the same batches. It runs twice: with NumPy's default BLAS threads,
  as a user would run it, and with one (``OPENBLAS_NUM_THREADS=1``): on a machine whose other core is busy,
  BLAS' threads wait for each other and the default run can be many times slower.
- ``landscape``: ``optim_core.network.landscape`` on the book's run (31 x 31 points on the plane), timed alone.

Every measurement runs in a fresh process of its own (imports and the data set are loaded before the clock
starts), optviz and the baseline taking turns, so that a shared machine's load falls on both alike. Figures
are medians; CPU is user plus system time over all threads. Goal (issue 15): optviz <= 10 s on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

MEASURE = """
import json, os, sys, time
sys.path.insert(0, {tests!r})
from optim_core import network as nn
data = nn.load_digits()
which = {which!r}
if which == "baseline":
    from test_network import BookAdaGrad, BookAdam, BookMomentum, BookNet, BookSGD
    reference = nn.train(data=data, iterations=1)  # the start and the batches only
    batches = __import__("numpy").random.default_rng(0).integers(0, len(data.t_train), size=(2000, 128))
    start = {{f"{{k}}{{i}}": v for i, (W, b) in enumerate(reference.network.layers(reference.weights[0, 0]), 1)
              for k, v in (("W", W), ("b", b))}}
    nets = [BookNet(start) for _ in range(4)]
    optimizers = [BookSGD(), BookMomentum(), BookAdaGrad(), BookAdam()]
began, cpu = time.perf_counter(), time.process_time()
if which == "optviz":
    run = nn.train(data=data)
elif which == "landscape":
    run = nn.train(data=data)
    began, cpu = time.perf_counter(), time.process_time()
    nn.landscape(run)
else:
    for rows in batches:
        x, t = data.x_train[rows], data.t_train[rows]
        for net, opt in zip(nets, optimizers):
            opt.update(net.params, net.gradient(x, t))
            net.loss(x, t)
print(json.dumps({{"seconds": time.perf_counter() - began, "cpu": time.process_time() - cpu}}))
"""


#: What is measured: the code it runs, and the BLAS threads it is given (None: NumPy's default).
MEASUREMENTS = {
    "optviz: train() (4 x 2,000)": ("optviz", None),
    "baseline: per-layer loop": ("baseline", None),
    "baseline, one BLAS thread": ("baseline", "1"),
    "optviz: landscape (31 x 31)": ("landscape", None),
}


def measure(which: str, threads: str | None) -> dict:
    code = MEASURE.format(tests=str(ROOT / "tests"), which=which)
    env = dict(os.environ) | ({"OPENBLAS_NUM_THREADS": threads} if threads else {})
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT, env=env)
    return json.loads(result.stdout.splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    found: dict[str, list[dict]] = {name: [] for name in MEASUREMENTS}
    for _ in range(args.runs):
        for name, (which, threads) in MEASUREMENTS.items():
            found[name].append(measure(which, threads))
    print(f"{args.runs} runs each, fresh processes, load {os.getloadavg()[0]:.1f} at the end")
    print(f"{'':<30} {'median':>8} {'min':>7} {'CPU':>7}")
    medians = {}
    for name, runs in found.items():
        seconds = [r["seconds"] for r in runs]
        medians[name] = statistics.median(seconds)
        cpu = statistics.median(r["cpu"] for r in runs)
        print(f"{name:<30} {medians[name]:>7.2f}s {min(seconds):>6.2f}s {cpu:>6.2f}s")
    ours = medians["optviz: train() (4 x 2,000)"]
    for name in ("baseline: per-layer loop", "baseline, one BLAS thread"):
        print(f"optviz is {medians[name] / ours:.2f}x as fast as the {name}")


if __name__ == "__main__":
    main()
