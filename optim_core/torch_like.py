r"""``torch.optim``'s optimizers in NumPy, with torch's keyword names, defaults and arithmetic.

Each update follows the single-tensor (CPU) code path of torch.optim 2.13 operation by operation, so that the
reference trajectories in ``tests/data`` agree to 1e-10 in float64. ``maximize`` is supported throughout;
``foreach``, ``fused``, ``capturable`` and ``differentiable`` only choose torch's kernels and do not exist here.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from ._errors import OptvizError
from ._hyper import betas as check_betas
from ._hyper import flag, in_range, non_negative, per_row, positive
from .book import ADAM_RULE, MOMENTUM_RULE, NESTEROV_RULE
from .display import OptimizerInfo, rule
from .optimizer import INFO, Optimizer, make, register


def _lerp(start, end, weight):
    """torch.lerp, which switches form at weight 0.5 for accuracy."""
    low = start + weight * (end - start)
    high = end - (end - start) * (1 - weight)
    if isinstance(weight, float):
        return low if abs(weight) < 0.5 else high
    return np.where(np.abs(weight) < 0.5, low, high)


def _pre(grads, params, weight_decay, maximize):
    """The gradient after torch's ``maximize`` and (coupled, L2) ``weight_decay``."""
    grads = -grads if maximize else grads
    return grads + weight_decay * params if np.any(weight_decay != 0) else grads


class SGDState(NamedTuple):
    count: np.ndarray
    momentum_buffer: np.ndarray  #: b; torch starts it at the first gradient


@register("sgd", ("torch",))
def sgd(lr=0.001, momentum=0.0, dampening=0.0, weight_decay=0.0, nesterov=False, maximize=False) -> Optimizer:
    r"""torch.optim.SGD: :math:`b \leftarrow \mu b + (1-\tau) g,\; W \leftarrow W - \eta b`.

    With ``nesterov``, the step uses :math:`g + \mu b`. The buffer starts at the first gradient.

    >>> opt = sgd(lr=0.1, momentum=0.9)
    >>> opt.update(np.array([[-0.7, 4.0]]), opt.init(np.zeros((1, 2))), np.array([[-7.0, 2.0]]))[0]
    array([[-6.93,  1.6 ]])
    """
    lr = positive("lr", lr)
    momentum = in_range("momentum", momentum, 0.0, 1.0)
    dampening = in_range("dampening", dampening, 0.0, 1.0, high_open=False)
    weight_decay = non_negative("weight_decay", weight_decay)
    nesterov, maximize = flag("nesterov", nesterov), flag("maximize", maximize)
    if nesterov and (np.any(np.asarray(momentum) <= 0) or np.any(np.asarray(dampening) != 0)):
        raise OptvizError("nesterov=True requires momentum > 0 and dampening = 0 (as in torch.optim.SGD)")
    lr_, mu_, damp_, wd_ = map(per_row, (lr, momentum, dampening, weight_decay))
    uses_buffer = np.asarray(momentum) != 0

    def init(params):
        return SGDState(np.zeros((), dtype=np.int64), np.zeros_like(params))

    def update(grads, state, params, out=None):
        grads = _pre(grads, params, wd_, maximize)
        buffer = grads if state.count == 0 else state.momentum_buffer * mu_ + (1 - damp_) * grads
        step = grads + mu_ * buffer if nesterov else buffer
        if uses_buffer.ndim == 0:  # one momentum for all params (any shape, a network's weights too)
            step = step if uses_buffer else grads
        elif not np.all(uses_buffer):  # batch rows with momentum 0 are plain SGD in torch
            step = np.where(per_row(uses_buffer), step, grads)
        return np.add(params, -lr_ * step, out=out), SGDState(state.count + 1, buffer)

    hyper = dict(lr=lr, momentum=momentum, dampening=dampening, weight_decay=weight_decay)
    info = INFO["sgd"]
    if np.any(uses_buffer):  # torch's buffer b = μb + g is the book's v = αv − ηg, scaled by −η
        info = (
            INFO["nesterov"]._replace(display_name="SGD + Nesterov", terms=NESTEROV_RULE)
            if nesterov
            else INFO["momentum"]._replace(display_name="SGD + momentum", terms=MOMENTUM_RULE)
        )
    return make("sgd", "torch", {**hyper, "nesterov": nesterov, "maximize": maximize}, init, update, info)


class AdagradState(NamedTuple):
    count: np.ndarray
    sum: np.ndarray  #: the running sum of squared gradients


@register("adagrad", ("torch",))
def adagrad(
    lr=0.01, lr_decay=0.0, weight_decay=0.0, initial_accumulator_value=0.0, eps=1e-10, maximize=False
) -> Optimizer:
    r"""torch.optim.Adagrad: :math:`s \leftarrow s + g^2,\; W \leftarrow W - \frac{\eta}{1+(t-1)\delta}
    \frac{g}{\sqrt{s} + \epsilon}`.

    >>> opt = adagrad(lr=1.5)
    >>> opt.update(np.array([[-0.7, 4.0]]), opt.init(np.zeros((1, 2))), np.array([[-7.0, 2.0]]))[0]
    array([[-5.5,  0.5]])
    """
    lr = positive("lr", lr)
    lr_decay = non_negative("lr_decay", lr_decay)
    weight_decay = non_negative("weight_decay", weight_decay)
    initial = non_negative("initial_accumulator_value", initial_accumulator_value)
    eps, maximize = non_negative("eps", eps), flag("maximize", maximize)
    lr_, decay_, wd_, initial_, eps_ = map(per_row, (lr, lr_decay, weight_decay, initial, eps))

    def init(params):
        return AdagradState(np.zeros((), dtype=np.int64), np.zeros_like(params) + initial_)

    def update(grads, state, params, out=None):
        count = state.count + 1
        grads = _pre(grads, params, wd_, maximize)
        clr = lr_ / (1 + (count - 1) * decay_)
        total = state.sum + grads * grads
        return np.add(params, -clr * grads / (np.sqrt(total) + eps_), out=out), AdagradState(count, total)

    hyper = dict(lr=lr, lr_decay=lr_decay, weight_decay=weight_decay, initial_accumulator_value=initial)
    return make("adagrad", "torch", {**hyper, "eps": eps, "maximize": maximize}, init, update)


class RMSpropState(NamedTuple):
    count: np.ndarray
    square_avg: np.ndarray
    grad_avg: np.ndarray  #: used when ``centered``
    momentum_buffer: np.ndarray  #: used when ``momentum > 0``


@register("rmsprop", ("torch",))
def rmsprop(lr=0.01, alpha=0.99, eps=1e-8, weight_decay=0.0, momentum=0.0, centered=False, maximize=False) -> Optimizer:
    r"""torch.optim.RMSprop: :math:`s \leftarrow \alpha s + (1-\alpha) g^2,\; W \leftarrow W - \eta
    \frac{g}{\sqrt{s} + \epsilon}`, optionally centered and with momentum.

    >>> opt = rmsprop(lr=0.1)
    >>> opt.update(np.array([[-0.7, 4.0]]), opt.init(np.zeros((1, 2))), np.array([[-7.0, 2.0]]))[0]
    array([[-6.00000014,  1.00000002]])
    """
    lr = positive("lr", lr)
    alpha = in_range("alpha", alpha, 0.0, 1.0, high_open=False)
    eps, weight_decay = non_negative("eps", eps), non_negative("weight_decay", weight_decay)
    momentum = in_range("momentum", momentum, 0.0, 1.0)
    centered, maximize = flag("centered", centered), flag("maximize", maximize)
    lr_, alpha_, eps_, wd_, mu_ = map(per_row, (lr, alpha, eps, weight_decay, momentum))
    uses_buffer = np.asarray(momentum) > 0

    def init(params):
        zeros = np.zeros_like(params)
        return RMSpropState(np.zeros((), dtype=np.int64), zeros, zeros, zeros)

    def update(grads, state, params, out=None):
        grads = _pre(grads, params, wd_, maximize)
        square_avg = state.square_avg * alpha_ + (1 - alpha_) * grads * grads
        grad_avg = state.grad_avg
        if centered:
            grad_avg = _lerp(grad_avg, grads, 1 - alpha_)
            avg = np.sqrt(square_avg + -1 * grad_avg * grad_avg) + eps_
        else:
            avg = np.sqrt(square_avg) + eps_
        buffer = state.momentum_buffer
        if np.any(uses_buffer):
            buffer = buffer * mu_ + grads / avg
            step = -lr_ * buffer
            if not np.all(uses_buffer):
                step = np.where(per_row(np.broadcast_to(uses_buffer, grads.shape[:1])), step, -lr_ * grads / avg)
        else:
            step = -lr_ * grads / avg
        return np.add(params, step, out=out), RMSpropState(state.count + 1, square_avg, grad_avg, buffer)

    hyper = dict(lr=lr, alpha=alpha, eps=eps, weight_decay=weight_decay, momentum=momentum)
    name = ("centered RMSprop" if centered else "RMSprop") + (" + momentum" if np.any(uses_buffer) else "")
    info = INFO["rmsprop"]._replace(display_name=name)
    return make("rmsprop", "torch", {**hyper, "centered": centered, "maximize": maximize}, init, update, info)


class AdamState(NamedTuple):
    count: np.ndarray
    exp_avg: np.ndarray
    exp_avg_sq: np.ndarray
    max_exp_avg_sq: np.ndarray  #: used when ``amsgrad``


def _adam(name, lr, betas, eps, weight_decay, amsgrad, maximize, decoupled) -> Optimizer:
    lr = positive("lr", lr)
    beta1, beta2 = check_betas("betas", betas)
    eps, weight_decay = non_negative("eps", eps), non_negative("weight_decay", weight_decay)
    amsgrad, maximize = flag("amsgrad", amsgrad), flag("maximize", maximize)
    lr_, eps_, wd_ = map(per_row, (lr, eps, weight_decay))

    def init(params):
        zeros = np.zeros_like(params)
        return AdamState(np.zeros((), dtype=np.int64), zeros, zeros, zeros)

    def update(grads, state, params, out=None):
        count = state.count + 1
        if decoupled:
            grads = -grads if maximize else grads
            params = params * (1 - lr_ * wd_)
        else:
            grads = _pre(grads, params, wd_, maximize)
        exp_avg = _lerp(state.exp_avg, grads, per_row(1 - beta1))
        exp_avg_sq = state.exp_avg_sq * per_row(beta2) + per_row(1 - beta2) * grads * grads
        step_size = per_row(lr / (1 - beta1**count))
        correction2_sqrt = per_row((1 - beta2**count) ** 0.5)
        max_sq = np.maximum(state.max_exp_avg_sq, exp_avg_sq) if amsgrad else state.max_exp_avg_sq
        denom = np.sqrt(max_sq if amsgrad else exp_avg_sq) / correction2_sqrt + eps_
        new_state = AdamState(count, exp_avg, exp_avg_sq, max_sq)
        return np.add(params, -step_size * exp_avg / denom, out=out), new_state

    hyper = dict(lr=lr, betas=(beta1, beta2), eps=eps, weight_decay=weight_decay)
    info = INFO[name]._replace(display_name=INFO[name].display_name + (" + AMSGrad" if amsgrad else ""))
    return make(name, "torch", {**hyper, "amsgrad": amsgrad, "maximize": maximize}, init, update, info)


@register("adam", ("torch",))
def adam(lr=0.001, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, amsgrad=False, maximize=False) -> Optimizer:
    r"""torch.optim.Adam: :math:`m \leftarrow \beta_1 m + (1-\beta_1) g,\; v \leftarrow \beta_2 v + (1-\beta_2)
    g^2,\; W \leftarrow W - \eta \hat m / (\sqrt{\hat v} + \epsilon)`; ``amsgrad`` uses the running max of v.

    >>> opt = adam(lr=0.3)
    >>> opt.update(np.array([[-0.7, 4.0]]), opt.init(np.zeros((1, 2))), np.array([[-7.0, 2.0]]))[0]
    array([[-6.7,  1.7]])
    """
    return _adam("adam", lr, betas, eps, weight_decay, amsgrad, maximize, decoupled=False)


@register(
    "adamw",
    ("torch",),
    OptimizerInfo("AdamW", rule(r"W \leftarrow (1-\eta\lambda) W \qquad", *ADAM_RULE), "#56B4E9"),
)
def adamw(lr=0.001, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.01, amsgrad=False, maximize=False) -> Optimizer:
    r"""torch.optim.AdamW: Adam with decoupled weight decay, :math:`W \leftarrow (1-\eta\lambda)W` first.

    Reference: Loshchilov and Hutter 2019.
    """
    return _adam("adamw", lr, betas, eps, weight_decay, amsgrad, maximize, decoupled=True)


class NAdamState(NamedTuple):
    count: np.ndarray
    mu_product: np.ndarray  #: the product of the momentum schedule so far
    exp_avg: np.ndarray
    exp_avg_sq: np.ndarray


@register(
    "nadam",
    ("torch",),
    OptimizerInfo(
        "NAdam",
        rule(r"W \leftarrow W - \eta \frac{\mu_{t+1} \hat m + (1-\mu_t) \hat g}{\sqrt{\hat v} + \epsilon}"),
        "#0072B2",
    ),
)
def nadam(
    lr=0.002,
    betas=(0.9, 0.999),
    eps=1e-8,
    weight_decay=0.0,
    momentum_decay=0.004,
    decoupled_weight_decay=False,
    maximize=False,
) -> Optimizer:
    r"""torch.optim.NAdam: Adam with Nesterov momentum and the momentum schedule
    :math:`\mu_t = \beta_1 (1 - \tfrac12 \cdot 0.96^{t \psi})`. Reference: Dozat 2016.
    """
    lr = positive("lr", lr)
    beta1, beta2 = check_betas("betas", betas)
    eps, weight_decay = non_negative("eps", eps), non_negative("weight_decay", weight_decay)
    psi = non_negative("momentum_decay", momentum_decay)
    decoupled, maximize = flag("decoupled_weight_decay", decoupled_weight_decay), flag("maximize", maximize)
    lr_, eps_, wd_ = map(per_row, (lr, eps, weight_decay))

    def init(params):
        zeros = np.zeros_like(params)
        return NAdamState(np.zeros((), dtype=np.int64), np.ones(np.shape(beta1 * psi)), zeros, zeros)

    def update(grads, state, params, out=None):
        count = state.count + 1
        correction2 = per_row(1 - beta2**count)
        if decoupled:
            grads = -grads if maximize else grads
            params = params * (1 - lr_ * wd_)
        else:
            grads = _pre(grads, params, wd_, maximize)
        mu = beta1 * (1.0 - 0.5 * (0.96 ** (count * psi)))
        mu_next = beta1 * (1.0 - 0.5 * (0.96 ** ((count + 1) * psi)))
        mu_product = state.mu_product * mu
        exp_avg = _lerp(state.exp_avg, grads, per_row(1 - beta1))
        exp_avg_sq = state.exp_avg_sq * per_row(beta2) + per_row(1 - beta2) * grads * grads
        denom = np.sqrt(exp_avg_sq / correction2) + eps_
        mu_product_next = mu_product * mu_next
        params = params + per_row(-lr * (1.0 - mu) / (1.0 - mu_product)) * grads / denom
        params = np.add(params, per_row(-lr * mu_next / (1.0 - mu_product_next)) * exp_avg / denom, out=out)
        return params, NAdamState(count, mu_product, exp_avg, exp_avg_sq)

    hyper = dict(lr=lr, betas=(beta1, beta2), eps=eps, weight_decay=weight_decay, momentum_decay=psi)
    info = INFO["nadam"]._replace(display_name="NAdamW") if decoupled else None
    return make(
        "nadam", "torch", {**hyper, "decoupled_weight_decay": decoupled, "maximize": maximize}, init, update, info
    )


class AdamaxState(NamedTuple):
    count: np.ndarray
    exp_avg: np.ndarray
    exp_inf: np.ndarray  #: the decayed running max of |g|


@register(
    "adamax",
    ("torch",),
    OptimizerInfo(
        "Adamax",
        rule(
            r"u \leftarrow \max(\beta_2 u, |g| + \epsilon) \qquad W \leftarrow W - \frac{\eta}{1-\beta_1^t} \frac{m}{u}"
        ),
        "#E69F00",
    ),
)
def adamax(lr=0.002, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, maximize=False) -> Optimizer:
    r"""torch.optim.Adamax: Adam with the infinity norm, :math:`u \leftarrow \max(\beta_2 u, |g| + \epsilon)`.

    Reference: Kingma and Ba 2015, section 7.
    """
    lr = positive("lr", lr)
    beta1, beta2 = check_betas("betas", betas)
    eps, weight_decay = non_negative("eps", eps), non_negative("weight_decay", weight_decay)
    maximize = flag("maximize", maximize)
    eps_, wd_ = per_row(eps), per_row(weight_decay)

    def init(params):
        zeros = np.zeros_like(params)
        return AdamaxState(np.zeros((), dtype=np.int64), zeros, zeros)

    def update(grads, state, params, out=None):
        count = state.count + 1
        grads = _pre(grads, params, wd_, maximize)
        exp_avg = _lerp(state.exp_avg, grads, per_row(1 - beta1))
        exp_inf = np.maximum(state.exp_inf * per_row(beta2), np.abs(grads) + eps_)
        clr = per_row(lr / (1 - beta1**count))
        return np.add(params, -clr * exp_avg / exp_inf, out=out), AdamaxState(count, exp_avg, exp_inf)

    hyper = dict(lr=lr, betas=(beta1, beta2), eps=eps, weight_decay=weight_decay, maximize=maximize)
    return make("adamax", "torch", hyper, init, update)


class AdadeltaState(NamedTuple):
    count: np.ndarray
    square_avg: np.ndarray
    acc_delta: np.ndarray


@register(
    "adadelta",
    ("torch",),
    OptimizerInfo(
        "Adadelta",
        rule(
            r"\Delta \leftarrow \frac{\sqrt{u + \epsilon}}{\sqrt{v + \epsilon}} g \qquad W \leftarrow W - \eta \Delta"
        ),
        "#F0E442",
    ),
)
def adadelta(lr=1.0, rho=0.9, eps=1e-6, weight_decay=0.0, maximize=False) -> Optimizer:
    r"""torch.optim.Adadelta: steps scaled by the ratio of RMS step to RMS gradient. Reference: Zeiler 2012."""
    lr = positive("lr", lr)
    rho = in_range("rho", rho, 0.0, 1.0, high_open=False)
    eps, weight_decay = non_negative("eps", eps), non_negative("weight_decay", weight_decay)
    maximize = flag("maximize", maximize)
    lr_, rho_, eps_, wd_ = map(per_row, (lr, rho, eps, weight_decay))

    def init(params):
        zeros = np.zeros_like(params)
        return AdadeltaState(np.zeros((), dtype=np.int64), zeros, zeros)

    def update(grads, state, params, out=None):
        grads = _pre(grads, params, wd_, maximize)
        square_avg = state.square_avg * rho_ + (1 - rho_) * grads * grads
        std = np.sqrt(square_avg + eps_)
        delta = np.sqrt(state.acc_delta + eps_) / std * grads
        acc_delta = state.acc_delta * rho_ + (1 - rho_) * delta * delta
        return np.add(params, -lr_ * delta, out=out), AdadeltaState(state.count + 1, square_avg, acc_delta)

    hyper = dict(lr=lr, rho=rho, eps=eps, weight_decay=weight_decay, maximize=maximize)
    return make("adadelta", "torch", hyper, init, update)
