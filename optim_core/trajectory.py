"""Running an optimizer on a function: the recorded :class:`Trajectory`, with divergence handling."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from ._errors import OptvizError
from .functions import Function
from .optimizer import Optimizer

#: A row whose position leaves the box ``|x|, |y| <= DEFAULT_BOUND`` counts as diverged.
DEFAULT_BOUND = 1e6
#: Steps advanced between checks for divergence: values are computed for a whole block at once.
BLOCK_STEPS = 64


@dataclass(frozen=True)
class Trajectory:
    """Everything that happened in ``steps`` updates, from one start or a batch of ``B`` starts.

    Arrays have the time axis first: ``positions[k]`` is the point after ``k`` updates (``positions[0]`` is
    the start), ``values[k]`` and ``grads[k]`` are f and its gradient there, and ``states`` is the
    optimizer's state NamedTuple with every field stacked over time (``states[k]`` after ``k`` updates).
    For a batch, the second axis is the row. A diverged row stays frozen from ``diverged_at`` on
    (``-1`` where a row never diverged).
    """

    optimizer: Optimizer
    function: Function
    positions: np.ndarray  #: (T+1, 2) or (T+1, B, 2)
    values: np.ndarray  #: (T+1,) or (T+1, B)
    grads: np.ndarray  #: (T+1, 2) or (T+1, B, 2)
    states: NamedTuple
    diverged: np.ndarray  #: () or (B,), bool
    diverged_at: np.ndarray  #: () or (B,), int; -1 where the row never diverged

    @property
    def steps(self) -> int:
        return self.positions.shape[0] - 1

    def state_at(self, k: int) -> NamedTuple:
        """The optimizer's state after ``k`` updates, as ``update`` takes it (for a single-start run)."""
        return type(self.states)(*(field[k] for field in self.states))

    def effective_lr(self) -> np.ndarray:
        """Per-coordinate effective learning rate ``-Δp / g`` of each update, shape ``(T, ..., 2)``.

        For SGD it is ``lr``; for AdaGrad it is ``lr / (sqrt(h) + eps)``, which only shrinks. NaN where the
        gradient coordinate is 0.
        """
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = -np.diff(self.positions, axis=0) / self.grads[:-1]
        return np.where(self.grads[:-1] != 0, ratio, np.nan)

    def steps_to(self, tol: float) -> np.ndarray:
        """The first step ``k`` with ``values[k] < tol``, or ``-1`` where it is never reached."""
        hit = self.values < tol
        return np.where(hit.any(axis=0), hit.argmax(axis=0), -1)


def as_starts(start, batch: int | None) -> tuple[np.ndarray, bool]:
    """Check a start of shape ``(2,)`` or ``(B, 2)``; return it as ``(B, 2)`` and whether it was batched."""
    try:
        points = np.array(start, dtype=np.float64)
    except (TypeError, ValueError):
        raise OptvizError(f"start must be a pair (x, y) or an array of shape (B, 2), got {start!r}") from None
    if points.shape not in {(2,)} and (points.ndim != 2 or points.shape[1] != 2 or points.shape[0] == 0):
        raise OptvizError(f"start must have shape (2,) or (B, 2), got shape {points.shape}")
    if not np.isfinite(points).all():
        raise OptvizError("start must be finite")
    batched = points.ndim == 2 or batch is not None
    points = points.reshape(-1, 2)
    if batch is not None:
        if points.shape[0] == 1:
            points = np.repeat(points, batch, axis=0)
        elif points.shape[0] != batch:
            raise OptvizError(
                f"start has {points.shape[0]} rows but the array hyperparameters have {batch}; give one start"
                f" or {batch}"
            )
    return points, batched


def check_steps(steps) -> int:
    if isinstance(steps, bool) or not isinstance(steps, (int, np.integer)) or steps < 1:
        raise OptvizError(f"steps must be a whole number >= 1, got {steps!r}")
    return int(steps)


def advance(opt: Optimizer, f: Function, params, state, grads, positions, fields=(), grad_record=None):
    """The hot loop: fill ``positions[i]`` with the point after each of ``len(positions)`` further updates.

    ``fields`` (one array per state field) and ``grad_record`` are filled alongside when given. Nothing is
    checked here: divergence is found afterwards, over whole blocks at once, because rows are independent
    and a diverging row's inf and NaN cannot leak into other rows. Returns ``(params, state, grads)``.
    """
    for i in range(len(positions)):
        params, state = opt.update(grads, state, params)
        grads = f.grad(params)
        positions[i] = params
        if grad_record is not None:
            grad_record[i] = grads
        for stacked, field in zip(fields, state, strict=False):
            stacked[i] = field
    return params, state, grads


def first_true(mask: np.ndarray) -> np.ndarray:
    """Per column of ``mask`` (K, B), the first row index that is true, or -1.

    ``argmax`` along axis 0 is slow (strided); ``any`` along it is fast, so argmax only the columns with a hit.
    """
    first = np.full(mask.shape[1], -1, dtype=np.int64)
    columns = np.flatnonzero(mask.any(axis=0))
    if columns.size:
        first[columns] = mask[:, columns].argmax(axis=0)
    return first


def first_bad(positions: np.ndarray, values: np.ndarray, bound: float) -> np.ndarray:
    """Per row, the first index along axis 0 that leaves ``[-bound, bound]²`` or has a non-finite value,
    or -1. ``positions`` is ``(K, B, 2)`` and ``values`` ``(K, B)``."""
    # Fast path over flat arrays; NaN makes the max NaN, which fails the comparison and takes the slow path.
    # A sum that overflows only sends us down the exact path.
    if positions.max() <= bound and positions.min() >= -bound and np.isfinite(values.sum()):
        return np.full(values.shape[1], -1, dtype=np.int64)
    inside = np.abs(positions) <= bound  # NaN compares False: NaN is bad
    return first_true(~(inside[..., 0] & inside[..., 1] & np.isfinite(values)))


def frozen_index(positions: np.ndarray, values: np.ndarray, diverged_at: np.ndarray) -> np.ndarray:
    """Where each diverged row stays: its first bad point when that point and its value are finite (so a
    picture can show it leaving), else the point before."""
    rows = np.flatnonzero(diverged_at >= 0)
    at = diverged_at[rows]
    usable = np.isfinite(values[at, rows]) & np.isfinite(positions[at, rows]).all(axis=-1)
    return np.where(usable | (at == 0), at, at - 1)


def _freeze(array: np.ndarray, rows: np.ndarray, at: np.ndarray, frozen: np.ndarray) -> None:
    """In place on our own record: from ``at`` on, each of ``rows`` repeats its entry at ``frozen``."""
    steps = np.arange(array.shape[0])[:, None]
    source = np.where(steps >= at[None, :], frozen[None, :], steps)
    part = array[:, rows]
    index = source.reshape(source.shape + (1,) * (part.ndim - 2))
    array[:, rows] = np.take_along_axis(part, index, axis=0)


def run(opt: Optimizer, f: Function, start=None, steps: int = 100, *, bound: float = DEFAULT_BOUND) -> Trajectory:
    """Run ``opt`` on ``f`` for ``steps`` updates and record everything.

    ``start`` is ``(x, y)`` or an array ``(B, 2)``; it defaults to the function's start. When hyperparameters
    are arrays of shape ``(B,)``, a single start is shared by all rows.

    >>> import optim_core as oc
    >>> t = oc.run(oc.get_optimizer("sgd", lr=0.95), oc.get_function("bowl"), steps=2)
    >>> t.positions
    array([[-7.      ,  2.      ],
           [-6.335   , -1.8     ],
           [-5.733175,  1.62    ]])
    """
    steps = check_steps(steps)
    params, batched = as_starts(f.start if start is None else start, opt.batch_size)
    with np.errstate(all="ignore"):  # divergence is reported through the record, never as warnings
        state = opt.init(params)
        grads = f.grad(params)
        positions = np.empty((steps + 1, *params.shape))
        grad_record = np.empty_like(positions)
        fields = [np.empty((steps + 1, *np.shape(s)), np.asarray(s).dtype) for s in state]
        values = np.empty(positions.shape[:-1])
        positions[0], grad_record[0], values[0] = params, grads, f.value(params)
        for stacked, field in zip(fields, state, strict=True):
            stacked[0] = field
        diverged_at = first_bad(positions[:1], values[:1], bound)
        for low in range(1, steps + 1, BLOCK_STEPS):
            block = slice(low, min(low + BLOCK_STEPS, steps + 1))
            params, state, grads = advance(
                opt, f, params, state, grads, positions[block], [s[block] for s in fields], grad_record[block]
            )
            # Evaluated per block rather than per step (fewer calls) or per run (no huge temporaries).
            values[block] = f.value(positions[block])
            bad = first_bad(positions[block], values[block], bound)
            diverged_at = np.where((diverged_at < 0) & (bad >= 0), low + bad, diverged_at)
        if np.any(diverged_at >= 0):
            rows = np.flatnonzero(diverged_at >= 0)
            at, frozen = diverged_at[rows], frozen_index(positions, values, diverged_at)
            for array in (positions, values, grad_record, *fields):
                if array.ndim >= 2:
                    _freeze(array, rows, at, frozen)
    states = type(state)(*fields)
    diverged = diverged_at >= 0
    if not batched:
        positions, values, grad_record, diverged, diverged_at = (
            a[:, 0] if a.ndim >= 2 else a[0] for a in (positions, values, grad_record, diverged, diverged_at)
        )
        states = type(state)(*(s[:, 0] if s.ndim >= 2 else s for s in states))
    return Trajectory(opt, f, positions, values, grad_record, states, diverged, diverged_at)
