r"""Closed-form convergence rates of gradient descent and heavy-ball momentum on quadratics.

On :math:`f(p) = \tfrac12 p^\top A p`, each eigen-direction of :math:`A` (eigenvalue :math:`\lambda`) evolves
on its own. Gradient descent multiplies it by :math:`1 - \eta\lambda` per step. Heavy-ball momentum
(:math:`v \leftarrow \alpha v - \eta g,\ p \leftarrow p + v`) follows
:math:`p_{k+1} = (1 + \alpha - \eta\lambda) p_k - \alpha p_{k-1}`, whose rate is the larger root modulus of
:math:`z^2 - (1 + \alpha - \eta\lambda) z + \alpha = 0`. The rate of the whole problem is the maximum over
eigenvalues (the spectral radius); below 1 the iteration converges, above 1 it diverges.
Reference: Polyak 1964; Goh, "Why Momentum Really Works", Distill 2017.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from ._errors import OptvizError
from .functions import Function


def _eigenvalues(eigenvalues) -> np.ndarray:
    if isinstance(eigenvalues, Function):
        if eigenvalues.eigenvalues is None:
            raise OptvizError(f"theory needs a quadratic function (bowl or quadratic), got {eigenvalues.name!r}")
        eigenvalues = eigenvalues.eigenvalues
    if isinstance(eigenvalues, str):
        raise OptvizError(
            f"theory takes a Function or its eigenvalues, got the name {eigenvalues!r};"
            f" make one with oc.get_function({eigenvalues!r})"
        )
    try:
        values = np.asarray(eigenvalues, dtype=np.float64)
    except (TypeError, ValueError):
        raise OptvizError(f"eigenvalues must be a non-empty list of finite numbers > 0, got {eigenvalues!r}") from None
    if values.ndim != 1 or values.size == 0 or not np.all(values > 0) or not np.isfinite(values).all():
        raise OptvizError(f"eigenvalues must be a non-empty list of finite numbers > 0, got {eigenvalues!r}")
    return values


def gd_radius(lr, eigenvalue):
    """Per eigenvalue: :math:`|1 - \\eta\\lambda|` (broadcasts)."""
    return np.abs(1 - np.asarray(lr) * eigenvalue)


def heavy_ball_radius(lr, momentum, eigenvalue):
    """Per eigenvalue: the larger root modulus of :math:`z^2 - (1 + \\alpha - \\eta\\lambda) z + \\alpha`."""
    lr, momentum = np.asarray(lr, dtype=np.float64), np.asarray(momentum, dtype=np.float64)
    b = 1 + momentum - lr * eigenvalue
    disc = b * b - 4 * momentum
    real_roots = (np.abs(b) + np.sqrt(np.maximum(disc, 0))) / 2
    return np.where(disc >= 0, real_roots, np.sqrt(np.maximum(momentum, 0)))


def gd_rate(lr, eigenvalues) -> np.ndarray:
    """The spectral radius of gradient descent: the worst :func:`gd_radius` over the eigenvalues.

    >>> float(gd_rate(0.95, [0.1, 2.0]))
    0.905
    """
    lams = _eigenvalues(eigenvalues)
    return np.max([gd_radius(lr, lam) for lam in lams], axis=0)


def heavy_ball_rate(lr, momentum, eigenvalues) -> np.ndarray:
    """The spectral radius of heavy-ball momentum; ``lr`` and ``momentum`` broadcast (e.g. a meshgrid).

    >>> round(float(heavy_ball_rate(0.1, 0.9, [0.1, 2.0])), 6)
    0.948683
    """
    lams = _eigenvalues(eigenvalues)
    return np.max([heavy_ball_radius(lr, momentum, lam) for lam in lams], axis=0)


class Optimum(NamedTuple):
    lr: float
    momentum: float
    rate: float


def optimal_gd(eigenvalues) -> Optimum:
    r"""The best gradient-descent step :math:`2/(\lambda_{min}+\lambda_{max})`, rate :math:`(\kappa-1)/(\kappa+1)`.

    >>> o = optimal_gd([0.1, 2.0])
    >>> round(o.lr, 6), round(o.rate, 6)
    (0.952381, 0.904762)
    """
    lams = _eigenvalues(eigenvalues)
    low, high = lams.min(), lams.max()
    return Optimum(float(2 / (low + high)), 0.0, float((high - low) / (high + low)))


def optimal_heavy_ball(eigenvalues) -> Optimum:
    r"""The best heavy-ball pair: :math:`\eta^* = (2/(\sqrt{\lambda_{min}}+\sqrt{\lambda_{max}}))^2`,
    :math:`\alpha^* = ((\sqrt\kappa-1)/(\sqrt\kappa+1))^2`, with rate :math:`\sqrt{\alpha^*}`.

    >>> o = optimal_heavy_ball([0.1, 2.0])
    >>> round(o.lr, 6), round(o.momentum, 6), round(o.rate, 6)
    (1.335815, 0.402605, 0.634512)
    """
    lams = _eigenvalues(eigenvalues)
    low, high = lams.min(), lams.max()
    root_kappa = np.sqrt(high / low)
    momentum = ((root_kappa - 1) / (root_kappa + 1)) ** 2
    return Optimum(float((2 / (np.sqrt(low) + np.sqrt(high))) ** 2), float(momentum), float(np.sqrt(momentum)))
