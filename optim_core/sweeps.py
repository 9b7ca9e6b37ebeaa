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
    check_steps,
    first_bad,
    first_true,
    frozen_index,
    run,
)

#: Rows per chunk in the history-free mode: small enough that the working set stays in cache.
CHUNK_ROWS = 4096


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
    is kept per step, so memory is O(B) for B grid cells, and rows run in cache-sized chunks.

    >>> import optim_core as oc
    >>> r = oc.sweep("sgd", oc.get_function("bowl"), {"lr": [0.5, 0.9, 1.1]}, steps=300)
    >>> r.steps_to_tol, r.diverged
    (array([144.,  78.,  nan]), array([False, False,  True]))
    """
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
        with np.errstate(all="ignore"):
            for low in range(0, rows, CHUNK_ROWS):
                part = slice(low, min(low + CHUNK_ROWS, rows))
                final[part], first[part], diverged_at[part] = _lean_run(
                    opt.rows(part), function, start_rows[part], steps, tol, bound
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


def _lean_run(opt, f, params, steps, tol, bound):
    """Final value, first step with f < tol and divergence step per row, keeping only BLOCK_STEPS of history."""
    rows = params.shape[0]
    state, grads = opt.init(params), f.grad(params)
    final = f.value(params)
    first = np.where(final < tol, 0, -1)
    diverged_at = first_bad(params[None], final[None], bound)
    buffer = np.empty((BLOCK_STEPS, rows, 2))
    done = 0
    while done < steps:
        block = buffer[: min(BLOCK_STEPS, steps - done)]
        params, state, grads = advance(opt, f, params, state, grads, block)
        values = f.value(block)
        offset = done + 1
        live = diverged_at < 0
        bad = first_bad(block, values, bound)
        # Steps at or after a row's divergence do not count: that row is frozen there.
        hit = values < tol
        if np.any(bad >= 0):
            hit &= np.arange(len(block))[:, None] < np.where(bad >= 0, bad, len(block))
        pending = live & (first < 0)
        newly_hit = first_true(hit & pending)
        first = np.where(newly_hit >= 0, offset + newly_hit, first)
        previous, final = final, np.where(live, values[-1], final)
        newly = live & (bad >= 0)
        if newly.any():
            at = np.where(newly, bad, -1)
            stay = frozen_index(block, values, at)
            index = np.flatnonzero(newly)
            # -1: the row stays at the last point of the previous block, whose value ``previous`` holds.
            final[index] = np.where(stay >= 0, values[stay, index], previous[index])
            diverged_at[index] = offset + bad[index]
        done += len(block)
    return final, first, diverged_at
