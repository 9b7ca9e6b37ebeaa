r"""The "S" in SGD: the bowl as a least-squares problem on data, so that a minibatch's gradient is noisy.

On a real network the loss is a mean over training examples and each step sees a random minibatch of them.
:func:`bowl_data` builds examples whose mean loss is exactly the book's bowl plus a constant: ``N`` examples
``(a_i, b_i)`` with loss :math:`\ell_i(x, y) = (a_i \cdot (x, y) - b_i)^2`, where

.. math:: \frac1N \sum_i \ell_i(x, y) = \frac{x^2}{20} + y^2 + c, \qquad c = \frac1N \sum_i b_i^2.

Every feature vector is :math:`a_i = (\pm 1/\sqrt{20}, \pm 1)`, each of the four sign patterns for a quarter of
the examples, so :math:`\frac1N A^\top A = \mathrm{diag}(1/20, 1)`; the targets are noise with the part along
both feature columns taken out, so :math:`A^\top b = 0`. A minibatch of ``B`` examples has the gradient

.. math:: g_B = \frac2B A_B^\top (A_B p - b_B) = \nabla f(p) + (S_B - S)\, p - (r_B - r),

the full gradient plus the batch's deviation from the whole data (:math:`S = \frac2N A^\top A`,
:math:`r = \frac2N A^\top b`, and :math:`S_B, r_B` the same over the batch). :func:`run` takes the gradient
in that form, so that a batch of all ``N`` examples, whose deviation is zero, steps exactly the book's path.

    >>> import optim_core as oc
    >>> data = bowl_data()
    >>> noisy = run(oc.get_optimizer("sgd", lr=0.95), data, batch=10, steps=30, runs=3)
    >>> noisy.positions.shape
    (31, 3, 2)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ._errors import OptvizError
from .functions import Function, get_function
from .optimizer import Optimizer
from .trajectory import DEFAULT_BOUND, _freeze, as_starts, check_steps, first_bad, frozen_index

#: Examples in the default data set: a multiple of four (the sign patterns) and a batch of any size up to it.
SIZE = 1000
#: The most independent noisy paths one run computes at once.
MAX_RUNS = 10_000


@dataclass(frozen=True)
class LeastSquares:
    """Examples whose mean squared error over all of them is :attr:`function` plus :attr:`constant`."""

    features: np.ndarray  #: (N, 2): a_i
    targets: np.ndarray  #: (N,): b_i
    constant: float  #: the mean loss at the minimum, mean(b_i²)
    function: Function  #: the full-batch loss less the constant: the book's bowl

    @property
    def size(self) -> int:
        return len(self.targets)

    def loss(self, points, rows: np.ndarray | None = None) -> np.ndarray:
        """The mean loss over the examples ``rows`` (default: all) at ``points`` of shape ``(..., 2)``.

        >>> data = bowl_data()
        >>> bool(abs(data.loss([-7.0, 2.0]) - data.constant - 6.45) < 1e-12)
        True
        """
        points = np.asarray(points, dtype=np.float64)
        features = self.features if rows is None else self.features[rows]
        targets = self.targets if rows is None else self.targets[rows]
        residuals = points[..., None, :] @ features.T - targets  # (..., 1, n)
        return np.mean(residuals[..., 0, :] ** 2, axis=-1)


def bowl_data(size: int = SIZE, noise: float = 1.0, seed: int = 0) -> LeastSquares:
    """``size`` examples (a multiple of 4) whose mean loss is the bowl x²/20 + y² plus a constant, with
    targets of standard deviation about ``noise``, drawn from a generator seeded with ``seed``.

    The larger ``noise``, the noisier a small minibatch's gradient; the full-batch loss does not change
    but for its constant.
    """
    if isinstance(size, bool) or not isinstance(size, (int, np.integer)) or size < 4 or size % 4:
        raise OptvizError(f"size must be a whole multiple of 4 (one quarter per sign pattern), got {size!r}")
    if isinstance(noise, bool) or not isinstance(noise, (int, float)) or not math.isfinite(noise) or noise < 0:
        raise OptvizError(f"noise must be a finite number >= 0, got {noise!r}")
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise OptvizError(f"seed must be a whole number >= 0, got {seed!r}")
    rng = np.random.default_rng(int(seed))
    quarter = int(size) // 4
    signs = np.repeat(np.array([[1.0, 1.0], [1.0, -1.0], [-1.0, 1.0], [-1.0, -1.0]]), quarter, axis=0)
    features = rng.permutation(signs) * np.array([1.0 / math.sqrt(20.0), 1.0])
    raw = noise * rng.standard_normal(int(size))
    # Take out the targets' part along each feature column (the columns are orthogonal: balanced signs), so
    # that the data carry no linear trend and the minimum stays at the origin.
    targets = raw - features @ ((features.T @ raw) / np.sum(features**2, axis=0))
    return LeastSquares(features, targets, float(np.mean(targets**2)), get_function("bowl"))


@dataclass(frozen=True)
class MinibatchRun:
    """Independent noisy paths of one optimizer on :class:`LeastSquares` data, each step on a random batch.

    Arrays have the time axis first and the path second, as a batched :class:`~optim_core.Trajectory`'s.
    A diverged path stays frozen from ``diverged_at`` on, and its later gradients and batch losses are NaN.
    """

    optimizer: Optimizer
    data: LeastSquares
    batch: int  #: examples per step; ``data.size`` is full-batch gradient descent
    seed: int
    positions: np.ndarray  #: (T+1, R, 2)
    values: np.ndarray  #: (T+1, R): the full-batch loss less its constant, i.e. the bowl's f
    grads: np.ndarray  #: (T, R, 2): the minibatch gradient each update used, at ``positions[k]``
    batch_loss: np.ndarray  #: (T, R): the minibatch's mean loss at ``positions[k]``
    diverged_at: np.ndarray  #: (R,): -1 where the path never diverged

    @property
    def steps(self) -> int:
        return self.positions.shape[0] - 1

    @property
    def diverged(self) -> np.ndarray:
        return self.diverged_at >= 0


def run(
    opt: Optimizer,
    data: LeastSquares,
    *,
    batch: int,
    steps: int = 30,
    start=None,
    runs: int = 1,
    seed: int = 0,
    bound: float = DEFAULT_BOUND,
) -> MinibatchRun:
    """``runs`` paths of ``opt`` from ``start`` (default: the bowl's (−7, 2)), each step on ``batch`` examples
    drawn without replacement (so that a batch of all of them is the full data), every path with batches of
    its own from a generator seeded with ``seed``.

    >>> import optim_core as oc
    >>> sgd, data = oc.get_optimizer("sgd", lr=0.95), bowl_data()
    >>> full = run(sgd, data, batch=data.size, steps=30)
    >>> bool(np.array_equal(full.positions[:, 0], oc.run(sgd, data.function, steps=30).positions))
    True
    """
    if not isinstance(opt, Optimizer):
        raise OptvizError(f"opt must be an optimizer (optim_core.get_optimizer), got {type(opt).__name__}")
    if opt.batch_size is not None:
        raise OptvizError("a minibatch run takes scalar hyperparameters; run one optimizer per setting")
    if not isinstance(data, LeastSquares):
        raise OptvizError(
            f"data must be least-squares data (optim_core.minibatch.bowl_data), got {type(data).__name__}"
        )
    if isinstance(batch, bool) or not isinstance(batch, (int, np.integer)) or not 1 <= batch <= data.size:
        raise OptvizError(f"batch must be a whole number from 1 to the {data.size} examples, got {batch!r}")
    if isinstance(runs, bool) or not isinstance(runs, (int, np.integer)) or not 1 <= runs <= MAX_RUNS:
        raise OptvizError(f"runs must be a whole number from 1 to {MAX_RUNS}, got {runs!r}")
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise OptvizError(f"seed must be a whole number >= 0, got {seed!r}")
    steps, batch, runs = check_steps(steps), int(batch), int(runs)
    f = data.function
    starts, _ = as_starts(f.start if start is None else start, None)
    if starts.shape[0] != 1:
        raise OptvizError("start must be one point (x, y); runs= sets how many noisy paths start there")
    rng = np.random.default_rng(int(seed))
    full = batch == data.size
    whole = np.tile(np.arange(data.size), (runs, 1))
    total_moment = 2.0 / data.size * data.features.T @ data.features  # S
    total_trend = 2.0 / data.size * data.features.T @ data.targets  # r

    positions = np.empty((steps + 1, runs, 2))
    grads = np.empty((steps, runs, 2))
    batch_loss = np.empty((steps, runs))
    positions[0] = starts
    params, state = positions[0], opt.init(positions[0])
    with np.errstate(all="ignore"):  # divergence is reported through diverged_at, never as warnings
        for k in range(steps):
            gradient = f.grad(params)
            if full:
                batch_loss[k] = data.loss(params)
            else:
                rows = rng.permuted(whole, axis=1)[:, :batch]  # (R, B): each path's batch, no repeats
                features, targets = data.features[rows], data.targets[rows]
                moment = 2.0 / batch * np.einsum("rbi,rbj->rij", features, features)  # S_B
                trend = 2.0 / batch * np.einsum("rbi,rb->ri", features, targets)  # r_B
                gradient = gradient + np.einsum("rij,rj->ri", moment - total_moment, params) - (trend - total_trend)
                residuals = np.einsum("rbi,ri->rb", features, params) - targets
                batch_loss[k] = np.mean(residuals**2, axis=1)
            grads[k] = gradient
            params, state = opt.update(gradient, state, params, out=positions[k + 1])
        values = f.value(positions)
        diverged_at = first_bad(positions, values, bound)
        if np.any(diverged_at >= 0):
            rows = np.flatnonzero(diverged_at >= 0)
            at, frozen = diverged_at[rows], np.maximum(frozen_index(positions, values, diverged_at), 0)
            for array in (positions, values):
                _freeze(array, rows, at, frozen)
            later = np.arange(steps)[:, None] >= diverged_at[rows][None, :]
            grads[:, rows] = np.where(later[..., None], np.nan, grads[:, rows])
            batch_loss[:, rows] = np.where(later, np.nan, batch_loss[:, rows])
    return MinibatchRun(opt, data, batch, int(seed), positions, values, grads, batch_loss, diverged_at)
