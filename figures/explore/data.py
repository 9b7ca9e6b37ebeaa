"""The numbers of the explorable page, computed once by optim_core and packed as base64 float32 arrays.

Every setting the sliders can reach is run here, in one batch per optimizer and function. A row is stored
only as far as it changes what the page draws: up to the step where it diverged (optim_core freezes it
there), or up to the step after which f stays below :data:`FLOOR` (the bottom of the loss plot) and the
point stays inside a box of :data:`SETTLED` (well under the page's 1e-6 promise). The page holds the last
stored point for later steps, so every drawn path equals ``oc.run`` to float32 precision.

On the bowl, the mean loss of :func:`optim_core.minibatch.bowl_data`'s examples, the page also holds minibatch
paths (:func:`optim_core.minibatch.run`) for the batch-size slider: a few paths per batch size for the book's
four optimizers over a range of rates, so that a reader sees the spread of the noise, not one lucky path.
"""

from __future__ import annotations

import base64
import math
from dataclasses import dataclass

import contourpy
import numpy as np

import optim_core as oc
from catalog import number, power_of_ten, text
from optim_core import minibatch

#: The book's four, plus Nesterov and RMSprop, in the book's convention.
OPTIMIZERS = ("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam")
#: Momentum α from none to the book's 0.9 and beyond; 0.4 is near the bowl's theoretical optimum.
MOMENTA = (0.0, 0.2, 0.4, 0.6, 0.8, 0.9, 0.95)
#: The second slider of an optimizer, when it has one, and its grid.
SECOND = {
    "momentum": ("momentum", MOMENTA),
    "nesterov": ("momentum", MOMENTA),
    "adam": ("beta1", (0.0, 0.5, 0.9, 0.99)),
}
#: Learning rates are 1, 2 and 5 times powers of ten: log-spaced, and each readable on a slider.
MANTISSAS = (1.0, 2.0, 5.0)
#: The bottom of the loss plot.
FLOOR = 1e-10
#: A row that stays inside a box this wide (and below FLOOR) is no longer stored.
SETTLED = 1e-7
#: The slowest rate the rate map tells apart (a tenfold shrink every 2,300 steps); slower ones share its colour.
SLOWEST_RATE = 0.999
#: Rates labelled on the rate map's colour bar.
SCALE_TICKS = (0.7, 0.9, 0.97, 0.99, 0.999)
#: Rate-map resolution (learning rates × momenta).
RATE_CELLS = (120, 80)
#: The function that has minibatch paths: the mean loss of optim_core.minibatch.bowl_data's examples.
MINIBATCH_FUNCTION = "bowl"
#: Minibatch sizes, smallest first (the full batch, all the examples, is the exact path the page already holds).
NOISY_BATCHES = (3, 10, 100)
#: Paths per setting and batch size, each on batches of its own.
NOISY_RUNS = 3
#: One seed for every setting: each optimizer and rate sees the same draws, and a smaller batch is the first
#: examples of a larger one's (optim_core.minibatch draws a permutation per step and takes its first B).
NOISY_SEED = 0
#: Minibatch paths exist for the book's four at the slider's rates from the book's rate divided by this up to it.
NOISY_RATE_SPAN = 10.0


@dataclass(frozen=True)
class Setup:
    """What the page offers on one function: start candidates, the learning-rate range and the steps."""

    starts: tuple[tuple[float, float], ...]  #: the function's own start first
    lr_range: tuple[float, float]
    steps: int
    extra_lrs: tuple[float, ...] = ()  #: values the ladder misses but the story needs (the book's 0.95)
    wide: bool = False  #: draw Function.frame(wide=True), where the paths live


SETUPS = {
    "bowl": Setup(
        ((-7.0, 2.0), (-9.0, -4.0), (4.0, 4.5)),
        (0.01, 2.0),
        100,
        extra_lrs=tuple(oc.BOOK_COMPARISON.values()),
        wide=True,
    ),
    "rosenbrock": Setup(((-1.5, 2.0), (-1.2, 1.0), (1.5, -0.5)), (1e-4, 0.5), 120),
    "himmelblau": Setup(((0.0, -1.0), (-0.5, 0.5), (-4.5, 4.5)), (1e-3, 0.5), 100),
    "beale": Setup(((1.0, 1.4), (-3.0, -3.0), (3.5, 3.5)), (1e-4, 0.5), 120),
    "rastrigin": Setup(((-4.2, 4.3), (2.3, -3.7), (0.6, 0.4)), (1e-4, 0.5), 100),
}
DEFAULT_FUNCTIONS = ("bowl", "rosenbrock", "himmelblau")


def lr_grid(setup: Setup) -> np.ndarray:
    """The ladder of learning rates inside ``setup.lr_range``, plus its extra values, sorted."""
    low, high = setup.lr_range
    ladder = [
        m * 10.0**e for e in range(math.floor(math.log10(low)), math.ceil(math.log10(high)) + 1) for m in MANTISSAS
    ]
    values = {round(v, 12) for v in ladder if low * (1 - 1e-9) <= v <= high * (1 + 1e-9)} | set(setup.extra_lrs)
    return np.array(sorted(values))


def pack(array: np.ndarray, dtype: str) -> str:
    """``array`` as little-endian ``dtype`` bytes in base64 (what the page decodes into a typed array)."""
    with np.errstate(over="ignore"):  # a diverged value beyond float32's range is stored as inf: off the plot
        raw = np.ascontiguousarray(array, dtype=np.dtype(dtype).newbyteorder("<")).tobytes()
    return base64.b64encode(raw).decode()


def stored_length(positions: np.ndarray, values: np.ndarray, diverged_at: np.ndarray) -> np.ndarray:
    """Per row of ``positions`` (T+1, B, 2): how many leading steps change what the page draws."""
    total = positions.shape[0]
    # Suffix extremes: from step k on, the box the row stays in and the largest value it takes.
    flipped = positions[::-1]
    high = np.maximum.accumulate(flipped, axis=0)[::-1]
    low = np.minimum.accumulate(flipped, axis=0)[::-1]
    with np.errstate(invalid="ignore"):
        top = np.maximum.accumulate(values[::-1], axis=0)[::-1]
        settled = ((high - low).max(axis=-1) <= SETTLED) & (top < FLOOR)
    first_settled = np.where(settled.any(axis=0), settled.argmax(axis=0), total - 1)
    length = first_settled + 1
    return np.where(diverged_at >= 0, np.minimum(diverged_at + 1, length), length)


def packed_rows(positions: np.ndarray, values: np.ndarray, diverged_at: np.ndarray) -> dict:
    """Rows of ``positions`` (T+1, B, 2) and ``values`` (T+1, B), each as far as it changes the drawing, packed."""
    length = stored_length(positions, values, diverged_at)
    rows = range(positions.shape[1])
    return {
        "length": pack(length, "i4"),
        "offset": pack(np.concatenate([[0], np.cumsum(length)[:-1]]), "i4"),
        "diverged_at": pack(diverged_at, "i4"),
        "xy": pack(np.concatenate([positions[: length[r], r] for r in rows]), "f4"),
        "f": pack(np.concatenate([values[: length[r], r] for r in rows]), "f4"),
    }


def runs(f: oc.Function, setup: Setup, lrs: np.ndarray) -> dict:
    """Every optimizer over (lr, its second hyperparameter, start), in that index order, as packed rows."""
    packed = {}
    starts = np.array(setup.starts)
    for name in OPTIMIZERS:
        grid = {"lr": lrs}
        if name in SECOND:
            key, values = SECOND[name]
            grid[key] = np.array(values)
        result = oc.sweep(name, f, grid, starts=starts, steps=setup.steps, keep_history=True)
        t = result.trajectory
        packed[name] = {"default_lr": default_lr(f, name, lrs, result)} | packed_rows(
            t.positions, t.values, t.diverged_at
        )
    return packed


def noisy_lrs(name: str, lrs: np.ndarray) -> np.ndarray:
    """Indices of the rates in ``lrs`` at which ``name`` (one of the book's four) has minibatch paths."""
    book = oc.BOOK_COMPARISON[name]
    return np.flatnonzero((lrs >= book / NOISY_RATE_SPAN * (1 - 1e-9)) & (lrs <= book))


def noisy_runs(setup: Setup, lrs: np.ndarray) -> dict:
    """Minibatch paths of the book's four (default second hyperparameter) from the function's own start, over
    (lr, batch size, path) in that index order, as packed rows; a row is ``optim_core.minibatch.run``'s path."""
    examples = minibatch.bowl_data()
    optimizers = {}
    for name in oc.BOOK_COMPARISON:
        chosen = noisy_lrs(name, lrs)
        noisy = [
            minibatch.run(
                oc.get_optimizer(name, lr=float(lrs[i])),
                examples,
                batch=batch,
                steps=setup.steps,
                start=setup.starts[0],
                runs=NOISY_RUNS,
                seed=NOISY_SEED,
            )
            for i in chosen
            for batch in NOISY_BATCHES
        ]
        optimizers[name] = {"lrs": chosen.tolist()} | packed_rows(
            np.concatenate([r.positions for r in noisy], axis=1),
            np.concatenate([r.values for r in noisy], axis=1),
            np.concatenate([r.diverged_at for r in noisy]),
        )
    return {
        "size": examples.size,
        "batches": list(NOISY_BATCHES),
        "runs": NOISY_RUNS,
        "seed": NOISY_SEED,
        "optimizers": optimizers,
    }


def default_lr(f: oc.Function, name: str, lrs: np.ndarray, result: oc.SweepResult) -> int:
    """The learning rate the page opens with: the book's on the bowl, elsewhere the one that ends lowest from
    the function's own start (with the optimizer's default second hyperparameter)."""
    if f.name == "bowl" and name in oc.BOOK_COMPARISON:
        return int(np.flatnonzero(lrs == oc.BOOK_COMPARISON[name])[0])
    second = list(SECOND[name][1]).index(oc.defaults(name)[SECOND[name][0]]) if name in SECOND else 0
    final = result.final_value.reshape(len(lrs), -1, result.final_value.shape[-1])[:, second, 0]
    return int(np.argmin(np.where(np.isfinite(final), final, np.inf)))


def contours(f: oc.Function, window, colors) -> list[dict]:
    """Contour polylines of ``f`` at :meth:`Function.contour_levels` over ``window``, NaN between pieces."""
    (x0, x1), (y0, y1) = window
    x, y = np.linspace(x0, x1, 241), np.linspace(y0, y1, 241)
    z = f.value(np.stack(np.meshgrid(x, y), axis=-1))
    generator = contourpy.contour_generator(x, y, z, line_type=contourpy.LineType.Separate)
    levels = f.contour_levels(count=12, window=window)
    lines = []
    for level, color in zip(levels, colors(len(levels)), strict=True):
        pieces = [np.vstack([piece, [np.nan, np.nan]]) for piece in generator.lines(level)]
        if pieces:
            lines.append({"color": color, "xy": pack(np.concatenate(pieces), "f4")})
    return lines


def _tenfold(rate):
    """How many steps at ``rate`` shrink the distance to the minimum tenfold."""
    return -1.0 / np.log10(rate)


def rate_map(f: oc.Function, lrs: np.ndarray, lang: str) -> dict:
    """Heavy-ball momentum's rate per step over (lr, momentum), on a fine grid and at every slider setting."""
    momenta = np.array(SECOND["momentum"][1])
    cells_lr, cells_mu = RATE_CELLS
    # Cell centres, log-spaced in lr over the sliders' range, linear in momentum over [0, 1).
    fine_lr = np.geomspace(lrs[0], lrs[-1], cells_lr)
    fine_mu = (np.arange(cells_mu) + 0.5) / cells_mu
    rate = oc.theory.heavy_ball_rate(*np.meshgrid(fine_lr, fine_mu), f)
    best = oc.theory.optimal_heavy_ball(f)
    # Colour by the steps each tenfold shrink takes, -1/log10(rate), on a log scale (as the sweep figure colours
    # steps): index 0..254 from the optimum's rate to SLOWEST_RATE, 255 where rate >= 1 (diverges).
    fastest, slowest = _tenfold(best.rate), _tenfold(SLOWEST_RATE)
    with np.errstate(divide="ignore", invalid="ignore"):
        position = (np.log(_tenfold(np.minimum(rate, SLOWEST_RATE))) - np.log(fastest)) / (
            np.log(slowest) - np.log(fastest)
        )
    cells = np.where(rate < 1, np.clip(np.floor(position * 255), 0, 254), 255)
    at_grid = oc.theory.heavy_ball_rate(*np.meshgrid(lrs, momenta, indexing="ij"), f)
    boundary = contourpy.contour_generator(np.log10(fine_lr), fine_mu, rate).lines(1.0)
    edge = [np.vstack([np.column_stack([10.0 ** piece[:, 0], piece[:, 1]]), [np.nan, np.nan]]) for piece in boundary]
    return {
        "lr": [float(fine_lr[0]), float(fine_lr[-1])],
        "shape": [cells_mu, cells_lr],
        "cells": pack(cells, "u1"),
        "scale_ticks": [
            [float((np.log(_tenfold(v)) - np.log(fastest)) / (np.log(slowest) - np.log(fastest))), number(v, lang)]
            for v in SCALE_TICKS
            if v >= best.rate
        ],
        "lr_ticks": [[v, number(v, lang)] for v in lrs.tolist() if math.log10(v).is_integer()],
        "momentum_ticks": ticks(0.0, 1.0, lang),
        "at_grid": pack(at_grid, "f4"),
        "boundary": pack(np.concatenate(edge), "f4") if edge else "",
        "optimum": [best.lr, best.momentum, best.rate],
        "legend": text("explore_rate_legend", lang, lr=best.lr, momentum=best.momentum, rate=best.rate),
    }


def ticks(low: float, high: float, lang: str, count: int = 5) -> list[list]:
    """Round tick positions inside [low, high], each with its label in ``lang``."""
    from matplotlib.ticker import MaxNLocator

    values = [v for v in MaxNLocator(count).tick_values(low, high) if low - 1e-9 <= v <= high + 1e-9]
    return [[float(v), shown(float(v) + 0.0, lang)] for v in values]


def shown(value: float, lang: str) -> str:
    """``value`` as the page shows it: the language's decimal separator and a real minus sign."""
    return number(value, lang).replace("-", "−")


def decade_ticks(low: float, high: float, count: int = 6) -> list[list]:
    """Powers of ten from ``high`` down to ``low``, at most ``count``, labelled 10⁻¹⁰ and so on."""
    top, bottom = round(math.log10(high)), round(math.log10(low))
    every = max(1, math.ceil((top - bottom) / (count - 1)))
    return [[10.0**e, power_of_ten(e)] for e in range(top, bottom - 1, -every)]


def function_data(name: str, lang: str, colors) -> dict:
    """What the page knows about one function: its frame, contours, starts, grids, runs and (for quadratics)
    the rate map. ``colors(n)`` gives the colours of n contour levels."""
    f = oc.get_function(name)
    setup = SETUPS[name]
    window = f.frame(wide=setup.wide)
    lrs = lr_grid(setup)
    starts = np.array(setup.starts)
    top = float(10 ** math.ceil(math.log10(float(np.max(f.value(starts))))))
    data = {
        "name": name,
        "expression": f.expression,
        "window": [list(window[0]), list(window[1])],
        "ticks": [ticks(*window[0], lang), ticks(*window[1], lang)],
        "minima": [list(m) for m in f.minima],
        "starts": [list(s) for s in setup.starts],
        "steps": setup.steps,
        "loss_range": [FLOOR, top],
        "loss_ticks": decade_ticks(FLOOR, top),
        "step_ticks": ticks(0, setup.steps, lang),
        "lr": lrs.tolist(),
        "contours": contours(f, window, colors),
        "runs": runs(f, setup, lrs),
    }
    if f.eigenvalues is not None:
        data["rate_map"] = rate_map(f, lrs, lang)
    if name == MINIBATCH_FUNCTION:
        data["noisy"] = noisy_runs(setup, lrs)
    return data
