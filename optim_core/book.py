r"""The six optimizers of *Deep Learning from Scratch*, ch. 6, exactly as the book's ``common/optimizer.py``.

Each factory reproduces the book's arithmetic operation by operation (the reference trajectories in
``tests/data`` agree to 1e-12), but returns new arrays instead of updating a dict in place. In the rules,
:math:`\eta` is ``lr``, :math:`\alpha` is ``momentum`` and :math:`g = \partial L / \partial W`.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from ._hyper import in_range, per_row, positive
from .display import OptimizerInfo, rule
from .optimizer import Optimizer, make, register

EPS = 1e-7  # the book adds it outside the square root

SGD_COLOR, MOMENTUM_COLOR, NESTEROV_COLOR = "#D55E00", "#0072B2", "#56B4E9"
ADAGRAD_COLOR, RMSPROP_COLOR, ADAM_COLOR = "#009E73", "#E69F00", "#CC79A7"
#: The rules' shared pieces, each in the colour of the idea it stands for: the gradient step is SGD's, the
#: carried step Momentum's, the per-coordinate scale AdaGrad's.
GRAD = r"\frac{\partial L}{\partial W}"
GRADIENT_STEP = (r"- \eta " + GRAD, SGD_COLOR)
CARRIED = (r"\alpha v", MOMENTUM_COLOR)
MOMENTUM_RULE = rule(r"v \leftarrow", CARRIED, GRADIENT_STEP, r"\qquad W \leftarrow W + v")
NESTEROV_RULE = rule(
    r"W \leftarrow W + \alpha^2 v - (1+\alpha)\eta " + GRAD, r"\qquad v \leftarrow", CARRIED, GRADIENT_STEP
)
SCALE = (r"\frac{1}{\sqrt{h}}", ADAGRAD_COLOR)


class EmptyState(NamedTuple):
    """The state of a stateless optimizer."""


@register(
    "sgd",
    ("book",),
    OptimizerInfo("SGD", rule(r"W \leftarrow W", GRADIENT_STEP), SGD_COLOR),
)
def sgd(lr=0.01) -> Optimizer:
    r"""Stochastic gradient descent: :math:`W \leftarrow W - \eta g`.

    Reference: the book, section 6.1.2.

    >>> opt = sgd(lr=0.95)
    >>> opt.update(np.array([[-0.7, 4.0]]), opt.init(np.zeros((1, 2))), np.array([[-7.0, 2.0]]))[0]
    array([[-6.335, -1.8  ]])
    """
    lr_ = per_row(lr := positive("lr", lr))

    def init(params):
        return EmptyState()

    def update(grads, state, params, out=None):
        return np.subtract(params, lr_ * grads, out=out), state

    return make("sgd", "book", {"lr": lr}, init, update)


class MomentumState(NamedTuple):
    velocity: np.ndarray  #: v, the previous step


@register(
    "momentum",
    ("book",),
    OptimizerInfo("Momentum", MOMENTUM_RULE, MOMENTUM_COLOR),
)
def momentum(lr=0.01, momentum=0.9) -> Optimizer:
    r"""Heavy-ball momentum: :math:`v \leftarrow \alpha v - \eta g,\; W \leftarrow W + v`.

    Each step is the previous step scaled by :math:`\alpha` plus the new gradient step. Reference: the book,
    section 6.1.4.

    >>> opt = momentum(lr=0.1)
    >>> opt.update(np.array([[-0.7, 4.0]]), opt.init(np.zeros((1, 2))), np.array([[-7.0, 2.0]]))[0]
    array([[-6.93,  1.6 ]])
    """
    lr_ = per_row(lr := positive("lr", lr))
    mu_ = per_row(mu := in_range("momentum", momentum, 0.0, 1.0))

    def init(params):
        return MomentumState(np.zeros_like(params))

    def update(grads, state, params, out=None):
        velocity = mu_ * state.velocity - lr_ * grads
        return np.add(params, velocity, out=out), MomentumState(velocity)

    return make("momentum", "book", {"lr": lr, "momentum": mu}, init, update)


class NesterovState(NamedTuple):
    velocity: np.ndarray


@register(
    "nesterov",
    ("book",),
    OptimizerInfo("Nesterov", NESTEROV_RULE, NESTEROV_COLOR),
)
def nesterov(lr=0.01, momentum=0.9) -> Optimizer:
    r"""Nesterov's accelerated gradient in the book's 2021 (corrected) order.

    :math:`W \leftarrow W + \alpha^2 v - (1+\alpha)\eta g,\; v \leftarrow \alpha v - \eta g`.
    Reference: the book's ``common/optimizer.py`` (Sutskever et al. 2013, eq. 7, reparameterised).

    >>> opt = nesterov(lr=0.1)
    >>> opt.update(np.array([[-0.7, 4.0]]), opt.init(np.zeros((1, 2))), np.array([[-7.0, 2.0]]))[0]
    array([[-6.867,  1.24 ]])
    """
    lr_ = per_row(lr := positive("lr", lr))
    mu_ = per_row(mu := in_range("momentum", momentum, 0.0, 1.0))

    def init(params):
        return NesterovState(np.zeros_like(params))

    def update(grads, state, params, out=None):
        params = params + mu_ * mu_ * state.velocity
        params = np.subtract(params, (1 + mu_) * lr_ * grads, out=out)
        velocity = state.velocity * mu_ - lr_ * grads
        return params, NesterovState(velocity)

    return make("nesterov", "book", {"lr": lr, "momentum": mu}, init, update)


class AdaGradState(NamedTuple):
    h: np.ndarray  #: the running sum of squared gradients, per coordinate


@register(
    "adagrad",
    ("book",),
    OptimizerInfo(
        "AdaGrad",
        rule(r"h \leftarrow h + " + GRAD + r" \odot " + GRAD + r" \qquad W \leftarrow W - \eta", SCALE, GRAD),
        ADAGRAD_COLOR,
    ),
)
def adagrad(lr=0.01) -> Optimizer:
    r"""AdaGrad: :math:`h \leftarrow h + g \odot g,\; W \leftarrow W - \eta g / (\sqrt{h} + 10^{-7})`.

    The effective learning rate :math:`\eta / \sqrt{h}` only shrinks. Reference: the book, section 6.1.5
    (Duchi et al. 2011).

    >>> opt = adagrad(lr=1.5)
    >>> opt.update(np.array([[-0.7, 4.0]]), opt.init(np.zeros((1, 2))), np.array([[-7.0, 2.0]]))[0]
    array([[-5.50000021,  0.50000004]])
    """
    lr_ = per_row(lr := positive("lr", lr))

    def init(params):
        return AdaGradState(np.zeros_like(params))

    def update(grads, state, params, out=None):
        h = state.h + grads * grads
        return np.subtract(params, lr_ * grads / (np.sqrt(h) + EPS), out=out), AdaGradState(h)

    return make("adagrad", "book", {"lr": lr}, init, update)


class RMSpropState(NamedTuple):
    h: np.ndarray  #: the moving average of squared gradients


@register(
    "rmsprop",
    ("book",),
    OptimizerInfo(
        "RMSprop",
        rule(
            r"h \leftarrow \rho h + (1-\rho) " + GRAD + r" \odot " + GRAD + r" \qquad W \leftarrow W - \eta",
            SCALE,
            GRAD,
        ),
        RMSPROP_COLOR,
    ),
)
def rmsprop(lr=0.01, decay_rate=0.99) -> Optimizer:
    r"""RMSprop: :math:`h \leftarrow \rho h + (1-\rho) g \odot g,\; W \leftarrow W - \eta g / (\sqrt{h} + 10^{-7})`.

    Reference: the book's ``common/optimizer.py`` (Tieleman and Hinton 2012).

    >>> opt = rmsprop(lr=0.3)
    >>> opt.update(np.array([[-0.7, 4.0]]), opt.init(np.zeros((1, 2))), np.array([[-7.0, 2.0]]))[0]
    array([[-4.00000429, -0.99999925]])
    """
    lr_ = per_row(lr := positive("lr", lr))
    rho_ = per_row(rho := in_range("decay_rate", decay_rate, 0.0, 1.0))

    def init(params):
        return RMSpropState(np.zeros_like(params))

    def update(grads, state, params, out=None):
        h = state.h * rho_ + (1 - rho_) * grads * grads
        return np.subtract(params, lr_ * grads / (np.sqrt(h) + EPS), out=out), RMSpropState(h)

    return make("rmsprop", "book", {"lr": lr, "decay_rate": rho}, init, update)


#: Adam's step: m̂ in Momentum's colour (a running direction), √v̂ in AdaGrad's (a running size).
ADAM_RULE = rule(
    r"m \leftarrow \beta_1 m + (1-\beta_1) " + GRAD,
    r"\qquad v \leftarrow \beta_2 v + (1-\beta_2) \left(" + GRAD + r"\right)^2",
    r"\qquad W \leftarrow W - \eta \frac{",
    (r"\hat m", MOMENTUM_COLOR),
    "}{",
    (r"\sqrt{\hat v}", ADAGRAD_COLOR),
    r"+ \epsilon}",
)


class AdamState(NamedTuple):
    count: np.ndarray  #: t, the number of updates so far
    m: np.ndarray  #: first moment (momentum's part)
    v: np.ndarray  #: second moment (AdaGrad's part)


@register(
    "adam",
    ("book",),
    OptimizerInfo("Adam", ADAM_RULE, ADAM_COLOR),
)
def adam(lr=0.001, beta1=0.9, beta2=0.999) -> Optimizer:
    r"""Adam with the bias correction folded into the step size, as the book writes it.

    :math:`\eta_t = \eta \sqrt{1-\beta_2^t} / (1-\beta_1^t)`, :math:`m \mathrel{+}= (1-\beta_1)(g-m)`,
    :math:`v \mathrel{+}= (1-\beta_2)(g^2-v)`, :math:`W \mathrel{-}= \eta_t m / (\sqrt{v} + 10^{-7})`.
    Reference: the book, section 6.1.6 (Kingma and Ba 2015).

    >>> opt = adam(lr=0.3)
    >>> opt.update(np.array([[-0.7, 4.0]]), opt.init(np.zeros((1, 2))), np.array([[-7.0, 2.0]]))[0]
    array([[-6.70000136,  1.70000024]])
    """
    lr = positive("lr", lr)
    beta1 = in_range("beta1", beta1, 0.0, 1.0)
    beta2 = in_range("beta2", beta2, 0.0, 1.0)

    def init(params):
        return AdamState(np.zeros((), dtype=np.int64), np.zeros_like(params), np.zeros_like(params))

    def update(grads, state, params, out=None):
        count = state.count + 1
        lr_t = per_row(lr * np.sqrt(1.0 - beta2**count) / (1.0 - beta1**count))
        m = state.m + per_row(1 - beta1) * (grads - state.m)
        v = state.v + per_row(1 - beta2) * (grads**2 - state.v)
        return np.subtract(params, lr_t * m / (np.sqrt(v) + EPS), out=out), AdamState(count, m, v)

    return make("adam", "book", {"lr": lr, "beta1": beta1, "beta2": beta2}, init, update)
