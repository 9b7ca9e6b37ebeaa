"""Grids over hyperparameters and start points, run as one batch: arrays ready for a heatmap."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from ._errors import OptvizError
from .functions import Function
from .optimizer import get_optimizer
from .trajectory import DEFAULT_BOUND, Trajectory, as_starts, check_steps, iterate, run

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
    starts=None,
    steps: int = 1000,
    tol: float = 1e-6,
    convention: str = "book",
    keep_history: bool = False,
    bound: float = DEFAULT_BOUND,
    **fixed,
) -> SweepResult:
    """Run ``optimizer`` over the grid of hyperparameter values in ``grid`` (and ``starts``, shape (S, 2)).

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
        start_rows = np.repeat(np.asarray(function.start, dtype=np.float64)[None], rows, axis=0)

    if keep_history:
        trajectory = run(opt, function, start_rows, steps, bound=bound)
        hit = trajectory.values < tol
        first = np.where(hit.any(axis=0), hit.argmax(axis=0), -1)
        final, diverged, diverged_at = trajectory.values[-1], trajectory.diverged, trajectory.diverged_at
    else:
        trajectory = None
        final, first = np.empty(rows), np.empty(rows, dtype=np.int64)
        diverged, diverged_at = np.empty(rows, dtype=bool), np.empty(rows, dtype=np.int64)
        for low in range(0, rows, CHUNK_ROWS):
            part = slice(low, min(low + CHUNK_ROWS, rows))
            summary = _Summary(tol, part.stop - part.start)
            diverged[part], diverged_at[part] = iterate(
                opt.rows(part), function, start_rows[part], steps, bound, summary
            )
            final[part], first[part] = summary.final, summary.first
    steps_to_tol = np.where(first >= 0, first, np.nan)
    return SweepResult(
        axes=axes,
        final_value=final.reshape(shape),
        steps_to_tol=steps_to_tol.reshape(shape),
        diverged=diverged.reshape(shape),
        diverged_at=diverged_at.reshape(shape),
        trajectory=trajectory,
    )


class _Summary:
    """A recorder that keeps only the last value and the first step below ``tol``."""

    def __init__(self, tol: float, rows: int):
        self.tol = tol
        self.first = np.full(rows, -1, dtype=np.int64)
        self.final = np.empty(rows)

    def __call__(self, k, params, values, grads, state):
        self.first[(values < self.tol) & (self.first < 0)] = k
        self.final = values
