r"""The two pictures the article explains momentum with, computed rather than drawn by hand.

- :func:`step_parts` splits one real update into the part carried over from the previous step
  (:math:`\alpha v`) and the new gradient step (:math:`-\eta \nabla L`), using nothing but the optimizer's own
  ``update``: the gradient step is the update from rest, and the carried part is what remains.
- :func:`impulse` is the mechanics it mirrors: :math:`m v_{before} + F \Delta t = m v_{after}`.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

from .optimizer import Optimizer


class StepParts(NamedTuple):
    carried: np.ndarray  #: ① the previous step's contribution, α·v
    gradient_step: np.ndarray  #: ② the new gradient step, −η·∇L
    step: np.ndarray  #: their sum, the step actually taken

    @property
    def turn_degrees(self) -> float:
        """The angle between the carried direction and the step taken."""
        return _angle_between(self.carried, self.step)


def step_parts(opt: Optimizer, grads, state, params) -> StepParts:
    """Split the step ``opt.update(grads, state, params)`` into its carried and gradient parts.

    >>> import optim_core as oc
    >>> parts = right_angle_turn(oc.get_optimizer("momentum", lr=0.1, momentum=0.9))
    >>> parts.carried.round(12), parts.gradient_step.round(12), round(parts.turn_degrees, 6)
    (array([0., 1.]), array([1., 0.]), 45.0)
    """
    params = np.asarray(params, dtype=np.float64)
    step = opt.update(grads, state, params)[0] - params
    gradient_step = opt.update(grads, opt.init(params), params)[0] - params
    return StepParts(step - gradient_step, gradient_step, step)


def right_angle_turn(opt: Optimizer, size: float = 1.0) -> StepParts:
    """The article's sketch for a momentum optimizer: ① the previous step points up, ② the new gradient step
    points right, both of length ``size``; the step taken turns only 45°, not 90°."""
    lr, momentum = opt.hyperparams["lr"], opt.hyperparams["momentum"]
    params = np.zeros((1, 2))
    state = opt.init(params)._replace(velocity=np.array([[0.0, size / momentum]]))
    grads = np.array([[-size / lr, 0.0]])
    return StepParts(*(part[0] for part in step_parts(opt, grads, state, params)))


class Impulse(NamedTuple):
    momentum_before: np.ndarray  #: m·v before
    impulse: np.ndarray  #: F·Δt
    momentum_after: np.ndarray  #: m·v after = m·v before + F·Δt

    @property
    def turn_degrees(self) -> float:
        return _angle_between(self.momentum_before, self.momentum_after)


def impulse(mass: float, velocity, force, dt: float) -> Impulse:
    """Newton's second law in impulse form: :math:`m v_{before} + F \\Delta t = m v_{after}`.

    >>> round(impulse(1.0, (0.0, 1.0), (1.0, 0.0), 1.0).turn_degrees, 6)
    45.0
    """
    before = mass * np.asarray(velocity, dtype=np.float64)
    kick = np.asarray(force, dtype=np.float64) * dt
    return Impulse(before, kick, before + kick)


def _angle_between(a, b) -> float:
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    return math.degrees(math.atan2(abs(a[0] * b[1] - a[1] * b[0]), float(a @ b)))
