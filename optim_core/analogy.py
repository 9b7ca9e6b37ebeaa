r"""The two pictures the article explains momentum with, computed rather than drawn by hand.

- :func:`step_parts` splits one real update into the part carried over from the previous step
  (:math:`\alpha v`) and the new gradient step (:math:`-\eta \nabla L`), using nothing but the optimizer's own
  ``update``: the gradient step is the update from rest, and the carried part is what remains.
- :func:`adam_parts` splits one Adam step into Momentum's part (the bias-corrected first moment
  :math:`\hat m`) and AdaGrad's part (:math:`\sqrt{\hat v}`), for the book's and torch's Adam alike.
- :func:`adagrad_h` reads AdaGrad's :math:`h` from either convention's state.
- :func:`impulse` is the mechanics it mirrors: :math:`m v_{before} + F \Delta t = m v_{after}`.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

from . import book
from ._errors import OptvizError
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


class AdamParts(NamedTuple):
    m_hat: np.ndarray  #: Momentum's part: the first moment, bias-corrected, m / (1 - β1^t)
    root_v_hat: np.ndarray  #: AdaGrad's part: √v̂, the root of the second moment v / (1 - β2^t)
    lr: float  #: η
    eps: float  #: ε as it stands beside √v̂ in this convention

    @property
    def step(self) -> np.ndarray:
        r""":math:`-\eta \hat m / (\sqrt{\hat v} + \epsilon)`, the step Adam takes."""
        return -self.lr * self.m_hat / (self.root_v_hat + self.eps)


def adam_parts(opt: Optimizer, grads, state, params) -> AdamParts:
    r"""The two parts of the Adam step ``opt.update(grads, state, params)``: :math:`\hat m = m/(1-\beta_1^t)`
    and :math:`\sqrt{\hat v}` with :math:`\hat v = v/(1-\beta_2^t)`, after the update, for the book's Adam
    (which folds the correction into η, so its ε becomes :math:`\epsilon/\sqrt{1-\beta_2^t}` here) and
    torch's (without weight decay, AMSGrad or ``maximize``). Their :attr:`AdamParts.step` is the real step.

    >>> import optim_core as oc
    >>> for convention in ("book", "torch"):
    ...     opt = oc.get_optimizer("adam", lr=0.3, convention=convention)
    ...     start, grads = np.array([[-7.0, 2.0]]), np.array([[-0.7, 4.0]])
    ...     parts = adam_parts(opt, grads, opt.init(start), start)
    ...     print(parts.m_hat, parts.root_v_hat.round(6), parts.step.round(4))
    [[-0.7  4. ]] [[0.7 4. ]] [[ 0.3 -0.3]]
    [[-0.7  4. ]] [[0.7 4. ]] [[ 0.3 -0.3]]
    """
    if opt.name != "adam":
        raise OptvizError(f"adam_parts needs Adam, got {opt.name!r}")
    hyper = opt.hyperparams
    _, new = opt.update(grads, state, params)
    count = np.asarray(new.count, dtype=np.float64)
    if opt.convention == "book":
        beta1, beta2 = hyper["beta1"], hyper["beta2"]
        first, second, eps = new.m, new.v, book.EPS / np.sqrt(1.0 - beta2**count)
    elif opt.convention == "torch" and not (hyper["weight_decay"] or hyper["amsgrad"] or hyper["maximize"]):
        (beta1, beta2), eps = hyper["betas"], hyper["eps"]
        first, second = new.exp_avg, new.exp_avg_sq
    else:
        raise OptvizError("adam_parts supports the book's Adam and torch's without weight decay, AMSGrad or maximize")
    return AdamParts(
        first / (1.0 - beta1**count), np.sqrt(second / (1.0 - beta2**count)), float(hyper["lr"]), float(eps)
    )


def adagrad_h(opt: Optimizer, state) -> np.ndarray:
    r"""AdaGrad's :math:`h`, the running sum of squared gradients per coordinate, from the book's state or
    torch's (where it is called ``sum``).

    >>> import optim_core as oc
    >>> for convention in ("book", "torch"):
    ...     opt = oc.get_optimizer("adagrad", lr=1.5, convention=convention)
    ...     start = np.array([[-7.0, 2.0]])
    ...     print(adagrad_h(opt, opt.update(np.array([[-0.7, 4.0]]), opt.init(start), start)[1]))
    [[ 0.49 16.  ]]
    [[ 0.49 16.  ]]
    """
    if opt.name != "adagrad":
        raise OptvizError(f"adagrad_h needs AdaGrad, got {opt.name!r}")
    return np.asarray(state.h if opt.convention == "book" else state.sum)


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
