"""Validation of hyperparameters.

A hyperparameter is a scalar or a 1-D array of shape ``(B,)``, one value per batch row. Validators return a
Python ``float`` for scalars (cheapest in NumPy expressions) and a read-only float array otherwise;
:func:`per_row` turns either into something that broadcasts against params of shape ``(B, 2)``.
"""

from __future__ import annotations

import numpy as np

from ._errors import OptvizError

Hyper = float | np.ndarray


def _as_hyper(name: str, value: object) -> Hyper:
    if isinstance(value, bool) or value is None or isinstance(value, str):
        raise OptvizError(f"{name} must be a number or a 1-D array of numbers, got {value!r}")
    try:
        array = np.array(value, dtype=np.float64)
    except (TypeError, ValueError):
        raise OptvizError(f"{name} must be a number or a 1-D array of numbers, got {value!r}") from None
    if array.ndim == 0:
        return float(array)
    if array.ndim != 1 or array.size == 0:
        raise OptvizError(f"{name} must be a number or a 1-D array of shape (B,), got shape {array.shape}")
    array.setflags(write=False)
    return array


def positive(name: str, value: object) -> Hyper:
    """A finite value > 0 (learning rates, epsilons)."""
    hyper = _as_hyper(name, value)
    ok = np.isfinite(hyper) & (np.asarray(hyper) > 0)
    if not np.all(ok):
        bad = hyper if isinstance(hyper, float) else float(np.asarray(hyper)[~ok][0])
        raise OptvizError(f"{name} must be a finite number > 0, got {bad!r}")
    return hyper


def in_range(name: str, value: object, low: float, high: float, *, high_open: bool = True) -> Hyper:
    """A value in ``[low, high)`` (or ``[low, high]`` with ``high_open=False``)."""
    hyper = _as_hyper(name, value)
    array = np.asarray(hyper)
    ok = (array >= low) & ((array < high) if high_open else (array <= high))
    if not np.all(ok):
        bad = hyper if isinstance(hyper, float) else float(array[~ok][0])
        interval = f"[{low:g}, {high:g}{')' if high_open else ']'}"
        raise OptvizError(f"{name} must be in {interval}, got {bad!r}")
    return hyper


def non_negative(name: str, value: object) -> Hyper:
    """A finite value >= 0 (weight decay, lr decay)."""
    return in_range(name, value, 0.0, np.inf)


def betas(name: str, value: object) -> tuple[Hyper, Hyper]:
    """A pair of decay rates, each in ``[0, 1)``."""
    if isinstance(value, str) or not hasattr(value, "__len__") or len(value) != 2:
        raise OptvizError(f"{name} must be a pair (beta1, beta2), each in [0, 1), got {value!r}")
    return in_range(f"{name}[0]", value[0], 0.0, 1.0), in_range(f"{name}[1]", value[1], 0.0, 1.0)


def flag(name: str, value: object) -> bool:
    """A boolean switch (no batching: a switch changes the form of the update, not a number in it)."""
    if not isinstance(value, (bool, np.bool_)):
        raise OptvizError(f"{name} must be true or false, got {value!r}")
    return bool(value)


def per_row(value: Hyper) -> Hyper:
    """A hyperparameter shaped to combine with params of shape ``(B, 2)``.

    Arrays are repeated to a contiguous ``(B, 2)``: broadcasting a ``(B, 1)`` operand makes NumPy run an
    inner loop of length 2 per row, several times slower than a plain elementwise loop.
    """
    return value if isinstance(value, float) else np.repeat(np.asarray(value)[:, None], 2, axis=1)


def batch_size(hyperparams: dict[str, object]) -> int | None:
    """The common ``B`` of the array-valued hyperparameters, or ``None`` when all are scalars."""
    sizes = {np.shape(v)[0] for v in _leaves(hyperparams.values()) if isinstance(v, np.ndarray)}
    if len(sizes) > 1:
        raise OptvizError(f"array hyperparameters must all have the same length, got lengths {sorted(sizes)}")
    return sizes.pop() if sizes else None


def _leaves(values):
    for value in values:
        if isinstance(value, tuple):
            yield from value
        else:
            yield value
