"""Running an optimizer on a function: the recorded :class:`Trajectory`, with divergence handling."""

from __future__ import annotations

import contextlib
import importlib
import mmap
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

import numpy as np

from ._errors import OptvizError
from .functions import Function
from .optimizer import Optimizer

#: A row whose position leaves the box ``|x|, |y| <= DEFAULT_BOUND`` counts as diverged.
DEFAULT_BOUND = 1e6
#: Steps advanced between checks for divergence: values are computed for a whole block at once. Sixteen
#: steps of 10,000 rows (2.5 MB) still fit in cache while the block is read back, and keep the temporaries
#: small, so that a fresh process touches few pages beyond the record itself; the checks stay cheap.
BLOCK_STEPS = 16
#: Records from this size up (and history-free sweeps of this much work) are written with a helper thread (see
#: ``_record``); below it, handing the helper a block costs more than the helper saves.
HELPER_BYTES = 1 << 23


@dataclass(frozen=True)
class Trajectory:
    """Everything that happened in ``steps`` updates, from one start or a batch of ``B`` starts.

    Arrays have the time axis first: ``positions[k]`` is the point after ``k`` updates (``positions[0]`` is
    the start), ``values[k]`` and ``grads[k]`` are f and its gradient there, and ``states`` is the
    optimizer's state NamedTuple with every field stacked over time (``states[k]`` after ``k`` updates).
    For a batch, the second axis is the row. A diverged row stays frozen from ``diverged_at`` on
    (``-1`` where a row never diverged).

    A run keeps only positions and values: most uses draw a path, and gradients and state would multiply the
    memory (four times the positions for Adam) and the time spent writing it. ``grads`` and ``states`` are
    computed on first access by replaying the run, which is deterministic and takes the same code path, so
    they are bit for bit what recording them during the run would have given.
    """

    optimizer: Optimizer
    function: Function
    positions: np.ndarray  #: (T+1, 2) or (T+1, B, 2)
    values: np.ndarray  #: (T+1,) or (T+1, B)
    diverged: np.ndarray  #: () or (B,), bool
    diverged_at: np.ndarray  #: () or (B,), int; -1 where the row never diverged
    bound: float = DEFAULT_BOUND  #: the divergence box, which the replay needs to freeze the same rows

    @property
    def steps(self) -> int:
        return self.positions.shape[0] - 1

    @property
    def grads(self) -> np.ndarray:
        """The gradient at every position, shaped like ``positions`` (replayed on first access)."""
        return self._history[0]

    @property
    def states(self) -> NamedTuple:
        """The optimizer's state NamedTuple, each field stacked over time (replayed on first access)."""
        return self._history[1]

    @cached_property
    def _history(self) -> tuple[np.ndarray, NamedTuple]:
        """Gradients and states, from the run repeated with recording on: same starts, steps and bound."""
        batched = self.positions.ndim == 3
        record = _record(self.optimizer, self.function, self.positions[0].reshape(-1, 2), self.steps, self.bound)
        grads, states = record.grads, record.states
        if not batched:
            grads, states = _single_row(grads), type(states)(*map(_single_row, states))
        return grads, states

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


def described(value) -> str:
    """A wrong argument as an error message names it: its type, and its value when that is short."""
    shown = repr(value)
    return type(value).__name__ + (f" {shown}" if len(shown) <= 40 else "")


def check_function(f, name: str = "f") -> None:
    """Refuse a function that is not a :class:`Function`; a name or an expression gets the call that makes one."""
    if not isinstance(f, Function):
        hint = f"; make one with oc.get_function({f.strip()!r})" if isinstance(f, str) else ""
        raise OptvizError(f"{name} must be a Function from oc.get_function, got {described(f)}{hint}")


def check_run_inputs(opt, f, bound) -> None:
    """Refuse what :func:`run` cannot run, before anything is allocated: an optimizer that is not an
    :class:`Optimizer`, a function that is not a :class:`Function` (a name or an expression is turned into one
    by ``get_function``), or a divergence bound that is not a positive number."""
    if isinstance(opt, Function) and isinstance(f, Optimizer):
        raise OptvizError("run takes the optimizer first, then the function: oc.run(opt, f, start, steps)")
    if not isinstance(opt, Optimizer):
        hint = ""
        if isinstance(opt, str):  # a SPEC ("adam:lr=0.3") as the command line takes it, or a bare name
            maker = "parse_optimizer" if ":" in opt else "get_optimizer"
            hint = f"; make one with oc.{maker}({opt.strip()!r})"
        raise OptvizError(
            f"opt must be an Optimizer from oc.get_optimizer or oc.parse_optimizer, got {described(opt)}{hint}"
        )
    check_function(f)
    if isinstance(bound, bool) or not isinstance(bound, (int, float, np.integer, np.floating)) or not bound > 0:
        raise OptvizError(f"bound must be a number > 0 (default {DEFAULT_BOUND:g}), got {described(bound)}")


def check_steps(steps) -> int:
    if isinstance(steps, bool) or not isinstance(steps, (int, np.integer)) or steps < 1:
        raise OptvizError(f"steps must be a whole number >= 1, got {steps!r}")
    return int(steps)


def advance(opt: Optimizer, f: Function, params, state, grads, positions, records=()):
    """The hot loop: fill ``positions[i]`` with the point after each of ``len(positions)`` further updates.

    Each update writes its new params straight into ``positions[i]`` (``out=``), and the returned ``params`` is
    a view of the last row, valid while ``positions`` is.

    ``records``, when given, are filled alongside with the gradient and then each state field, in that order.
    Nothing is checked here: divergence is found afterwards, over whole blocks at once, because rows are
    independent and a diverging row's inf and NaN cannot leak into other rows. Returns ``(params, state,
    grads)``.
    """
    for i in range(len(positions)):
        params, state = opt.update(grads, state, params, out=positions[i])
        grads = f.grad(params)
        for record, value in zip(records, (grads, *state), strict=False):
            record[i] = value
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
    picture can show it leaving), else the point before, which is ``-1`` when that point precedes the arrays
    given (a block of a longer run, or a start that is already bad)."""
    rows = np.flatnonzero(diverged_at >= 0)
    at = diverged_at[rows]
    usable = np.isfinite(values[at, rows]) & np.isfinite(positions[at, rows]).all(axis=-1)
    return np.where(usable, at, at - 1)


def _freeze(array: np.ndarray, rows: np.ndarray, at: np.ndarray, frozen: np.ndarray) -> None:
    """In place on our own record: from ``at`` on, each of ``rows`` repeats its entry at ``frozen``."""
    steps = np.arange(array.shape[0])[:, None]
    source = np.where(steps >= at[None, :], frozen[None, :], steps)
    part = array[:, rows]
    index = source.reshape(source.shape + (1,) * (part.ndim - 2))
    array[:, rows] = np.take_along_axis(part, index, axis=0)


class _Record(NamedTuple):
    positions: np.ndarray  #: (T+1, B, 2)
    values: np.ndarray  #: (T+1, B)
    diverged_at: np.ndarray  #: (B,)
    grads: np.ndarray | None  #: (T+1, B, 2), with ``history``
    states: NamedTuple | None  #: each field stacked over time, with ``history``


def _record(opt: Optimizer, f: Function, params: np.ndarray, steps: int, bound: float, history=True) -> _Record:
    """The run itself from starts ``params`` (B, 2), with divergence found per block and frozen at the end.

    :func:`run` calls it without ``history`` and :class:`Trajectory` with it to replay the same run, so the
    two share every operation: the gradients and states of a replay are those the run itself passed through.

    The main thread only steps and writes the record. In a fresh process, having the kernel map and zero the
    record's pages costs about as much as the arithmetic, so for a large record a helper thread touches them
    ahead of the main thread, then evaluates and checks each block once it is written. NumPy releases the GIL
    for both, so they run on a second core, as torch.optim's own arithmetic does. Rows never wait for their
    checks, which are combined at the end, so the result does not depend on the helper's timing.
    """
    with np.errstate(all="ignore"):  # divergence is reported through the record, never as warnings
        state = opt.init(params)
        grads = f.grad(params)
        positions = _empty((steps + 1, *params.shape))
        values = _empty(positions.shape[:-1])
        records = [_empty((steps + 1, *np.shape(a)), np.asarray(a).dtype) for a in (grads, *state)] if history else []
        positions[0] = params
        for record, value in zip(records, (grads, *state), strict=False):
            record[0] = value
        blocks = [slice(low, min(low + BLOCK_STEPS, steps + 1)) for low in range(1, steps + 1, BLOCK_STEPS)]
        with helper_thread(positions.nbytes) as thread:
            touched = [later(thread, _touch, [positions, *records], block) for block in blocks]
            checked = [later(thread, _evaluate, f, positions, values, slice(0, 1), bound)]
            for block, touch in zip(blocks, touched, strict=True):
                touch()  # the helper's zeros must land before the record does
                params, state, grads = advance(
                    opt, f, params, state, grads, positions[block], [r[block] for r in records]
                )
                checked.append(later(thread, _evaluate, f, positions, values, block, bound))
            diverged_at = np.full(values.shape[1], -1)
            for block, check in zip([slice(0, 1), *blocks], checked, strict=True):
                bad = check()
                diverged_at = np.where((diverged_at < 0) & (bad >= 0), block.start + bad, diverged_at)
        if np.any(diverged_at >= 0):
            rows = np.flatnonzero(diverged_at >= 0)
            at, frozen = diverged_at[rows], np.maximum(frozen_index(positions, values, diverged_at), 0)
            for array in (positions, values, *records):
                if array.ndim >= 2:
                    _freeze(array, rows, at, frozen)
    if not history:
        return _Record(positions, values, diverged_at, None, None)
    return _Record(positions, values, diverged_at, records[0], type(state)(*records[1:]))


def _empty(shape: tuple[int, ...], dtype=np.float64) -> np.ndarray:
    """``np.empty`` on ordinary pages.

    NumPy asks the kernel for transparent huge pages for arrays of 4 MB and more. A record is written once,
    front to back, so huge pages save no TLB misses worth having, while zeroing each 2 MB page on first touch
    made a fresh 10,000 x 1,000 SGD run twice as slow (0.55 s CPU against 0.27 s, side by side). NumPy's own
    switch (the one ``NUMPY_MADVISE_HUGEPAGE=0`` sets) is turned off for this allocation only; the memory still
    comes from malloc, which reuses it in a long-lived process.
    """
    previous = _HUGEPAGE_SWITCH(False)
    try:
        return np.empty(shape, dtype)
    finally:
        _HUGEPAGE_SWITCH(previous)


def _hugepage_switch():
    """NumPy's setter for its huge-page advice (private, present since NumPy 1.20); a no-op if it moves."""
    for module in ("numpy._core.multiarray", "numpy.core.multiarray"):
        with contextlib.suppress(ImportError, AttributeError):
            return importlib.import_module(module)._set_madvise_hugepage
    return lambda enabled: enabled


_HUGEPAGE_SWITCH = _hugepage_switch()


def helper_thread(nbytes: int):
    """A helper thread for work on ``nbytes`` of records, or ``None`` (as a context) when there is too little
    to gain from handing blocks to a second thread (see :data:`HELPER_BYTES`)."""
    return _Helper() if nbytes >= HELPER_BYTES else contextlib.nullcontext()


class _Helper:
    """One thread that runs tasks in the order they are handed over.

    Built on ``threading`` rather than ``concurrent.futures``, which adds 4 ms to a fresh process's run. Tasks
    run in order, so a task may build on the ones before it (the history-free sweep's tallies do).
    """

    def __init__(self):
        import queue
        import threading

        self._queue = queue
        self._tasks = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._serve, name="optim_core helper", daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while (item := self._tasks.get()) is not None:
            task, args, box = item
            try:
                box.put((True, task(*args)))
            except BaseException as error:  # handed to the caller, who re-raises it in its own thread
                box.put((False, error))

    def submit(self, task, *args):
        """Queue ``task(*args)``; returns a call that waits for its result, or raises what it raised."""
        box, outcome = self._queue.SimpleQueue(), []
        self._tasks.put((task, args, box))

        def result():
            if not outcome:
                outcome.append(box.get())
            done, value = outcome[0]
            if not done:
                raise value
            return value

        return result

    def __enter__(self) -> _Helper:
        return self

    def __exit__(self, *exc) -> None:
        self._tasks.put(None)  # after the tasks already queued
        self._thread.join()


def later(thread: _Helper | None, task, *args):
    """Hand ``task`` to the helper thread, or without one run it at once; returns a call that waits for the
    result (records too small to gain from a second thread run inline)."""
    if thread is None:
        result = task(*args)
        return lambda: result
    return thread.submit(task, *args)


def _touch(arrays: list[np.ndarray], block: slice) -> None:
    """Write one element per memory page of each array's ``block``, so that its pages are mapped now."""
    for array in arrays:
        part = array[block].reshape(-1)
        part[:: max(1, mmap.PAGESIZE // part.itemsize)] = 0


def _evaluate(f: Function, positions: np.ndarray, values: np.ndarray, block: slice, bound: float) -> np.ndarray:
    """Fill ``values[block]`` and return the block's first bad index per row (see :func:`first_bad`).

    Evaluated per block rather than per step (fewer calls) or per run (no huge temporaries)."""
    with np.errstate(all="ignore"):  # each thread has its own error state
        values[block] = f.value(positions[block])
        return first_bad(positions[block], values[block], bound)


def _single_row(array: np.ndarray) -> np.ndarray:
    """A time-major record of a one-row batch as a single start's: ``(T+1, 1, ...)`` to ``(T+1, ...)``; shared
    fields such as Adam's step count, ``(T+1,)``, stay as they are."""
    return array[:, 0] if array.ndim >= 2 else array


def run(opt: Optimizer, f: Function, start=None, steps: int = 100, *, bound: float = DEFAULT_BOUND) -> Trajectory:
    """Run ``opt`` on ``f`` for ``steps`` updates, keeping the positions and values of every step.

    ``start`` is ``(x, y)`` or an array ``(B, 2)``; it defaults to the function's start. When hyperparameters
    are arrays of shape ``(B,)``, a single start is shared by all rows. Gradients and states are there too,
    computed when first read (see :class:`Trajectory`). Anything else, such as a function given by name, is an
    :class:`OptvizError` that says what to pass instead.

    >>> import optim_core as oc
    >>> t = oc.run(oc.get_optimizer("sgd", lr=0.95), oc.get_function("bowl"), steps=2)
    >>> t.positions
    array([[-7.      ,  2.      ],
           [-6.335   , -1.8     ],
           [-5.733175,  1.62    ]])
    >>> t.grads[1]
    array([-0.6335, -3.6   ])
    >>> try:
    ...     oc.run(oc.get_optimizer("sgd"), "bowl")
    ... except oc.OptvizError as error:
    ...     print(error)
    f must be a Function from oc.get_function, got str 'bowl'; make one with oc.get_function('bowl')
    """
    check_run_inputs(opt, f, bound)
    steps = check_steps(steps)
    params, batched = as_starts(f.start if start is None else start, opt.batch_size)
    positions, values, diverged_at, _, _ = _record(opt, f, params, steps, bound, history=False)
    diverged = diverged_at >= 0
    if not batched:
        positions, values = _single_row(positions), _single_row(values)
        diverged, diverged_at = diverged[0], diverged_at[0]
    return Trajectory(opt, f, positions, values, diverged, diverged_at, bound)
