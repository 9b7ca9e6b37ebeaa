"""Grids over hyperparameters and start points, run as one batch: arrays ready for a heatmap."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from ._errors import OptvizError
from .functions import Function
from .optimizer import get_optimizer
from .trajectory import (
    BLOCK_STEPS,
    DEFAULT_BOUND,
    Trajectory,
    advance,
    as_starts,
    check_function,
    check_steps,
    first_bad,
    first_true,
    frozen_index,
    helper_thread,
    later,
    run,
)

#: Rows per chunk in the history-free mode, so that memory stays bounded however many rows are swept: the two
#: block buffers of a chunk take 8 MB, which still sit in the last-level cache while they are tallied. Smaller
#: chunks cost more in per-step overhead and in hand-overs to the helper thread than they gain in cache (4,096
#: rows: 172 ms against 128 ms for 10,000 x 1,000 Adam steps in one process).
CHUNK_ROWS = 16384


@dataclass(frozen=True)
class SweepResult:
    """Per grid cell: the final value, the first step with f < tol, and divergence.

    Every array has the grid's shape: one axis per entry of ``axes``, in order (``"start"`` last when start
    points were swept).
    """

    axes: dict[str, np.ndarray]
    final_value: np.ndarray
    steps_to_tol: np.ndarray  #: float, NaN where f < tol was never reached (masked in a heatmap)
    diverged: np.ndarray
    diverged_at: np.ndarray  #: -1 where the cell never diverged
    trajectory: Trajectory | None  #: the batched record, when ``keep_history`` (rows in grid order)


def sweep(
    optimizer: str,
    function: Function,
    grid: Mapping[str, object] | None = None,
    *,
    start=None,
    starts=None,
    steps: int = 1000,
    tol: float = 1e-6,
    convention: str = "book",
    keep_history: bool = False,
    bound: float = DEFAULT_BOUND,
    **fixed,
) -> SweepResult:
    """Run ``optimizer`` over the grid of hyperparameter values in ``grid`` (and ``starts``, shape (S, 2)).

    Without ``starts``, every cell begins at ``start`` (default: the function's own start).

    ``fixed`` holds the hyperparameters that do not vary. With ``keep_history=False`` (the default) nothing
    is kept per step, so memory is O(B) for B grid cells: rows run in chunks of :data:`CHUNK_ROWS`, and a large
    sweep checks each block of steps on a helper thread while the next block is stepped.

    >>> import optim_core as oc
    >>> r = oc.sweep("sgd", oc.get_function("bowl"), {"lr": [0.5, 0.9, 1.1]}, steps=300)
    >>> r.steps_to_tol, r.diverged
    (array([144.,  78.,  nan]), array([False, False,  True]))
    """
    check_function(function, "function")
    steps = check_steps(steps)
    grid = dict(grid or {})
    axes = {}
    for name, values in grid.items():
        values = np.asarray(values, dtype=np.float64)
        if values.ndim != 1 or values.size == 0:
            raise OptvizError(f"grid values for {name!r} must be a non-empty 1-D list, got shape {values.shape}")
        axes[name] = values
    if starts is not None:
        starts_array, _ = as_starts(starts, None)
        axes["start"] = starts_array
    shape = tuple(len(v) for v in axes.values())
    mesh = np.meshgrid(*(np.arange(n) for n in shape), indexing="ij")
    flat = {name: axes[name][index.ravel()] for name, index in zip(axes, mesh, strict=True)}
    rows = int(np.prod(shape))
    start_rows = flat.pop("start", None)
    opt = get_optimizer(optimizer, convention=convention, **fixed, **flat)
    if start_rows is None:
        single, _ = as_starts(function.start if start is None else start, None)
        if single.shape[0] != 1:
            raise OptvizError("start must be one point (x, y); use starts= to sweep over start points")
        start_rows = np.repeat(single, rows, axis=0)

    if keep_history:
        trajectory = run(opt, function, start_rows, steps, bound=bound)
        hit = trajectory.values < tol
        first = np.where(hit.any(axis=0), hit.argmax(axis=0), -1)
        final, diverged, diverged_at = trajectory.values[-1], trajectory.diverged, trajectory.diverged_at
    else:
        trajectory = None
        final, first = np.empty(rows), np.empty(rows, dtype=np.int64)
        diverged_at = np.empty(rows, dtype=np.int64)
        with np.errstate(all="ignore"), helper_thread(start_rows.nbytes * steps) as thread:
            for low in range(0, rows, CHUNK_ROWS):
                part = slice(low, min(low + CHUNK_ROWS, rows))
                final[part], first[part], diverged_at[part] = _lean_run(
                    opt.rows(part), function, start_rows[part], steps, tol, bound, thread
                )
        diverged = diverged_at >= 0
    steps_to_tol = np.where(first >= 0, first, np.nan)
    return SweepResult(
        axes=axes,
        final_value=final.reshape(shape),
        steps_to_tol=steps_to_tol.reshape(shape),
        diverged=diverged.reshape(shape),
        diverged_at=diverged_at.reshape(shape),
        trajectory=trajectory,
    )


def _lean_run(opt, f, params, steps, tol, bound, thread):
    """Final value, first step with f < tol and divergence step per row, keeping two blocks of history.

    The main thread only steps, into two block buffers in turn; ``thread``, when given, tallies each block while
    the next one is stepped (as :func:`~optim_core.trajectory.run` checks its record), and a buffer is reused
    only once its tally is done. The tallies run in block order, so the result does not depend on the timing.
    """
    state, grads = opt.init(params), f.grad(params)
    tally = _Tally(f, params, tol, bound)
    buffers = [np.empty((BLOCK_STEPS, *params.shape)) for _ in range(2)]
    tallied = [lambda: None] * 2
    for index, low in enumerate(range(0, steps, BLOCK_STEPS)):
        tallied[index % 2]()  # the tally of the block that last used this buffer
        block = buffers[index % 2][: min(BLOCK_STEPS, steps - low)]
        params, state, grads = advance(opt, f, params, state, grads, block)
        tallied[index % 2] = later(thread, tally.add, block, low + 1)
    for wait in tallied:
        wait()
    return tally.final, tally.first, tally.diverged_at


class _Tally:
    """Per row of a history-free run: the latest value, the first step with f < tol and the divergence step,
    brought up to date one block at a time."""

    def __init__(self, f: Function, params: np.ndarray, tol: float, bound: float):
        self.f, self.tol, self.bound = f, tol, bound
        self.final = f.value(params)
        self.first = np.where(self.final < tol, 0, -1)
        self.diverged_at = first_bad(params[None], self.final[None], bound)

    def add(self, block: np.ndarray, offset: int) -> None:
        """Take in ``block``, the points after updates ``offset`` to ``offset + len(block) - 1``."""
        with np.errstate(all="ignore"):  # each thread has its own error state
            values = self.f.value(block)
            live = self.diverged_at < 0
            bad = first_bad(block, values, self.bound)
            pending = live & (self.first < 0)
            if pending.any():  # most sweeps reach tol early: the later blocks only look for divergence
                # Steps at or after a row's divergence do not count: that row is frozen there.
                hit = values < self.tol
                if np.any(bad >= 0):
                    hit &= np.arange(len(block))[:, None] < np.where(bad >= 0, bad, len(block))
                newly_hit = first_true(hit & pending)
                self.first = np.where(newly_hit >= 0, offset + newly_hit, self.first)
            previous, self.final = self.final, np.where(live, values[-1], self.final)
            newly = live & (bad >= 0)
            if newly.any():
                stay = frozen_index(block, values, np.where(newly, bad, -1))
                index = np.flatnonzero(newly)
                # -1: the row stays at the last point of the previous block, whose value ``previous`` holds.
                self.final[index] = np.where(stay >= 0, values[stay, index], previous[index])
                self.diverged_at[index] = offset + bad[index]
