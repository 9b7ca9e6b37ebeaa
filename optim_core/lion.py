r"""Lion (EvoLved Sign Momentum), from Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms".

Available in both conventions, with the paper's names and defaults (which ``lion-pytorch`` also uses).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from ._hyper import betas as check_betas
from ._hyper import non_negative, per_row, positive
from .display import OptimizerInfo, rule
from .optimizer import Optimizer, make, register


class LionState(NamedTuple):
    exp_avg: np.ndarray  #: m, the momentum that the sign is taken of


@register(
    "lion",
    ("book", "torch"),
    OptimizerInfo(
        "Lion",
        rule(
            r"W \leftarrow W - \eta\, \mathrm{sign}\big(\beta_1 m + (1-\beta_1) g\big)"
            r" \qquad m \leftarrow \beta_2 m + (1-\beta_2) g"
        ),
        "#7B3FE4",  # violet: its own colour, so that Lion beside AdaGrad (green) is told apart
    ),
)
def lion(lr=1e-4, betas=(0.9, 0.99), weight_decay=0.0) -> Optimizer:
    r"""Lion: every coordinate moves by exactly :math:`\eta` (plus decay), in the sign of an interpolated momentum.

    :math:`c = \beta_1 m + (1-\beta_1) g`, :math:`W \leftarrow W - \eta(\mathrm{sign}(c) + \lambda W)`,
    :math:`m \leftarrow \beta_2 m + (1-\beta_2) g`.

    >>> opt = lion(lr=0.1)
    >>> opt.update(np.array([[-0.7, 4.0]]), opt.init(np.zeros((1, 2))), np.array([[-7.0, 2.0]]))[0]
    array([[-6.9,  1.9]])
    """
    lr = positive("lr", lr)
    beta1, beta2 = check_betas("betas", betas)
    weight_decay = non_negative("weight_decay", weight_decay)
    lr_, b1_, b2_, wd_ = map(per_row, (lr, beta1, beta2, weight_decay))

    def init(params):
        return LionState(np.zeros_like(params))

    def update(grads, state, params, out=None):
        direction = np.sign(b1_ * state.exp_avg + (1 - b1_) * grads)
        params = np.subtract(params, lr_ * (direction + wd_ * params), out=out)
        return params, LionState(b2_ * state.exp_avg + (1 - b2_) * grads)

    return make("lion", "torch", {"lr": lr, "betas": (beta1, beta2), "weight_decay": weight_decay}, init, update)
