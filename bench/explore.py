"""Speed of the explorable page: building it, its first paint in Chromium, and how fast a slider redraws.

Goals (issue 10): build the default page in at most 2 s; first paint at most 500 ms; slider response at most
30 ms, measured in the page with performance.now around the redraw. Each figure is a median of several runs,
beside a named baseline measured in the same run:

- build: the batched build against one ``oc.run`` per setting (the loop the page would need without sweeps),
  plus the same minibatch runs (one ``optim_core.minibatch.run`` per setting and batch size, as the build);
- first paint: the page against a blank page with a heading and one canvas, in the same browser;
- slider: moving the learning rate (every view redraws) against moving the step slider (path and loss only);
  the batch slider and the step slider at the smallest batch, where three more paths are drawn.

Run: ``.venv/bin/python bench/explore.py``
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Python puts this script's folder first on the path, where bench/figures.py would hide the figures package.
sys.path[:] = [p for p in sys.path if Path(p).resolve() != Path(__file__).resolve().parent]

import optim_core as oc  # noqa: E402
from figures.explore import data, page, write_explore  # noqa: E402
from figures.explore.chromium import ARGS, DRAWN, open_offline, until  # noqa: E402

RUNS = 5
PRESSES = 40
BLANK = "<!DOCTYPE html><html><body><h1>optviz</h1><canvas width=640 height=430></canvas></body></html>"
COLD = "from pathlib import Path; from figures.explore import write_explore; write_explore(Path({path!r}))"


def seconds(action, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        begin = time.perf_counter()
        action()
        times.append(time.perf_counter() - begin)
    return times


def one_run_per_setting():
    """The baseline: every setting of the default page run on its own, and its minibatch paths as the build
    runs them (one call per setting and batch size already steps its paths together)."""
    data.noisy_runs(data.SETUPS[data.MINIBATCH_FUNCTION], data.lr_grid(data.SETUPS[data.MINIBATCH_FUNCTION]))
    for name in data.DEFAULT_FUNCTIONS:
        f, setup = oc.get_function(name), data.SETUPS[name]
        for optimizer in data.OPTIMIZERS:
            key, seconds_ = data.SECOND.get(optimizer, (None, (None,)))
            for lr in data.lr_grid(setup):
                for second in seconds_:
                    opt = oc.get_optimizer(optimizer, lr=lr, **({key: second} if key else {}))
                    for start in setup.starts:
                        oc.run(opt, f, start, setup.steps)


def paint_times(browser, path: Path, own_mark: bool) -> tuple[float, float | None]:
    """First contentful paint and, for the explorable page, the end of its first complete draw (ms)."""
    fcp = "performance.getEntriesByName('first-contentful-paint').length > 0"
    view, _, _ = open_offline(browser, path, f"{DRAWN} && {fcp}" if own_mark else fcp)
    painted = view.evaluate("performance.getEntriesByName('first-contentful-paint')[0].startTime")
    drawn = view.evaluate("window.optvizExplore.timings.firstDrawMs") if own_mark else None
    view.context.close()
    return painted, drawn


def slider_times(browser, path: Path, control: str, before: tuple[str, ...] = ()) -> tuple[list[float], list[float]]:
    """Redraw time and key-event-to-redrawn time (ms) for each of PRESSES arrow keys on ``control``, after
    pressing ``before`` ("#selector:Key") to choose the setting."""
    view, _, _ = open_offline(browser, path)
    for press in before:
        selector, key = press.split(":")
        view.focus(selector)
        view.keyboard.press(key)
    view.focus(control)
    redraw, response = [], []
    # From the slider's start: up to four steps right, as many left, and so on, so that every press changes its
    # value (the batch slider has four positions).
    swing = min(4, int(view.get_attribute(control, "max")))
    keys = ["ArrowRight" if (i // swing) % 2 == 0 else "ArrowLeft" for i in range(PRESSES)]
    for i, key in enumerate(["Home", *keys]):
        before = view.evaluate("window.optvizExplore.timings.redraws")
        view.keyboard.press(key)
        until(view, f"window.optvizExplore.timings.redraws > {before}")
        timings = view.evaluate("window.optvizExplore.timings")
        if i == 0:
            continue
        redraw.append(timings["lastRedrawMs"])
        response.append(timings["lastResponseMs"])
    view.context.close()
    return redraw, response


def main():
    from playwright.sync_api import sync_playwright

    build = seconds(lambda: page(data.DEFAULT_FUNCTIONS, "en", "light"), RUNS)
    bowl = data.SETUPS[data.MINIBATCH_FUNCTION]
    noisy = seconds(lambda: data.noisy_runs(bowl, data.lr_grid(bowl)), RUNS)
    loop = seconds(one_run_per_setting, 3)
    folder = Path(tempfile.mkdtemp())
    target = write_explore(folder / "explore.html")
    command = [sys.executable, "-c", COLD.format(path=str(folder / "cold.html"))]
    cold = seconds(lambda: subprocess.run(command, check=True), 3)
    blank = folder / "blank.html"
    blank.write_text(BLANK)
    print(f"default page: {target.stat().st_size / 1e6:.2f} MB (goal <= 3 MB)")
    print("| measurement | optviz | baseline | goal |")
    print("|---|---:|---:|---:|")
    print(
        f"| build the default page (median of {RUNS}) | {statistics.median(build):.2f} s"
        f" | {statistics.median(loop):.2f} s (one oc.run per setting, median of 3) | <= 2 s |"
    )
    print(f"| of which the minibatch paths (median of {RUNS}) | {statistics.median(noisy):.2f} s | | |")
    print(
        f"| the same in a fresh Python process, imports included (median of 3) | {statistics.median(cold):.2f} s | | |"
    )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=ARGS)
        pages = [paint_times(browser, target, True) for _ in range(RUNS)]
        blanks = [paint_times(browser, blank, False)[0] for _ in range(RUNS)]
        print(
            f"| first contentful paint (median of {RUNS}) | {statistics.median(p[0] for p in pages):.0f} ms"
            f" | {statistics.median(blanks):.0f} ms (blank page: a heading and a canvas) | <= 500 ms |"
        )
        print(
            f"| first complete draw of all views (median of {RUNS}) | {statistics.median(p[1] for p in pages):.0f} ms"
            " | | |"
        )
        lr_redraw, lr_response = slider_times(browser, target, "#lr")
        step_redraw, step_response = slider_times(browser, target, "#step")
        batch_redraw, _ = slider_times(browser, target, "#batch")
        noisy_step_redraw, _ = slider_times(browser, target, "#step", ("#optimizer:Home", "#batch:Home"))
        print(
            f"| lr slider: redraw (median / max of {PRESSES}) | {statistics.median(lr_redraw):.1f} /"
            f" {max(lr_redraw):.1f} ms | {statistics.median(step_redraw):.1f} / {max(step_redraw):.1f} ms"
            " (step slider) | <= 30 ms |"
        )
        print(
            f"| lr slider: key event to redrawn (median / max of {PRESSES}) | {statistics.median(lr_response):.1f} /"
            f" {max(lr_response):.1f} ms | {statistics.median(step_response):.1f} / {max(step_response):.1f} ms"
            " (step slider) | |"
        )
        print(
            f"| batch slider: redraw (median / max of {PRESSES}) | {statistics.median(batch_redraw):.1f} /"
            f" {max(batch_redraw):.1f} ms | {statistics.median(noisy_step_redraw):.1f} /"
            f" {max(noisy_step_redraw):.1f} ms (step slider, SGD at B = 3) | <= 30 ms |"
        )
        browser.close()
    shutil.rmtree(folder)


if __name__ == "__main__":
    main()
