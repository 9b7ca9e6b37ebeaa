"""Running an optimizer on a function: the recorded :class:`Trajectory`, with divergence handling."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from ._errors import OptvizError
from .functions import Function
from .optimizer import Optimizer

#: A row whose position leaves the box ``|x|, |y| <= DEFAULT_BOUND`` counts as diverged.
DEFAULT_BOUND = 1e6


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


Recorder = Callable[[int, np.ndarray, np.ndarray, np.ndarray, NamedTuple], None]


def iterate(opt: Optimizer, f: Function, params: np.ndarray, steps: int, bound: float, record: Recorder):
    """Run ``steps`` updates from ``params`` (B, 2), calling ``record(k, params, values, grads, state)``
    for k = 0..steps. Returns ``(diverged, diverged_at)``.

    A row diverges at the first step whose position leaves ``[-bound, bound]²`` or whose value is not
    finite. It is frozen there: at the new point when that point and its value are finite (so a picture can
    show it leaving), else at the last finite point. No NumPy warnings escape.
    """
    with np.errstate(all="ignore"):
        state = opt.init(params)
        values, grads = f.value(params), f.grad(params)
        diverged = _bad(params, values, bound)
        diverged_at = np.where(diverged, 0, -1)
        record(0, params, values, grads, state)
        for k in range(1, steps + 1):
            new_params, new_state = opt.update(grads, state, params)
            new_values = f.value(new_params)
            bad = _bad(new_params, new_values, bound)
            if bad.any() or diverged.any():
                newly = bad & ~diverged
                diverged_at[newly] = k
                unusable = ~(np.isfinite(new_values) & np.isfinite(new_params).all(axis=-1))
                keep = diverged | (newly & unusable)
                diverged = diverged | bad
                new_params = np.where(keep[:, None], params, new_params)
                new_values = np.where(keep, values, new_values)
                new_state = _select(keep, state, new_state)
            params, values, state = new_params, new_values, new_state
            grads = f.grad(params)
            record(k, params, values, grads, state)
    return diverged, diverged_at


def _bad(params, values, bound):
    # Written so that NaN compares as bad.
    return ~((np.abs(params) <= bound).all(axis=-1) & np.isfinite(values))


def _select(keep, old: NamedTuple, new: NamedTuple) -> NamedTuple:
    """Per row, the old state where ``keep`` and the new one elsewhere (fields without a row axis: new)."""
    fields = []
    for o, n in zip(old, new, strict=True):
        if np.ndim(n) >= 1 and np.shape(n)[0] == keep.shape[0]:
            mask = keep.reshape(keep.shape + (1,) * (np.ndim(n) - 1))
            fields.append(np.where(mask, o, n))
        else:
            fields.append(n)
    return type(new)(*fields)


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
    history: dict[str, np.ndarray] = {}
    state_history: list[np.ndarray] = []

    def record(k, params, values, grads, state):
        if k == 0:
            for name, array in (("positions", params), ("values", values), ("grads", grads)):
                history[name] = np.empty((steps + 1, *array.shape))
            state_history.extend(np.empty((steps + 1, *np.shape(s)), np.asarray(s).dtype) for s in state)
        history["positions"][k] = params
        history["values"][k] = values
        history["grads"][k] = grads
        for stacked, field in zip(state_history, state, strict=True):
            stacked[k] = field

    diverged, diverged_at = iterate(opt, f, params, steps, bound, record)
    state_type = type(opt.init(params[:1]))
    states = state_type(*state_history)
    if not batched:
        history = {name: array[:, 0] for name, array in history.items()}
        states = state_type(*(s[:, 0] if s.ndim >= 2 else s for s in states))
        diverged, diverged_at = diverged[0], diverged_at[0]
    return Trajectory(opt, f, **history, states=states, diverged=diverged, diverged_at=diverged_at)
