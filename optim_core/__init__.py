"""optim_core: the NumPy engine of optviz.

It computes every optimizer path and every piece of optimizer state that optviz's figures and scenes draw::

    import optim_core as oc
    f = oc.get_function("bowl")
    opt = oc.get_optimizer("momentum", lr=0.1)
    t = oc.run(opt, f, start=(-7.0, 2.0), steps=30)
    t.positions, t.states.velocity

``get_optimizer`` keeps each optimizer's own defaults (the book's ``lr=0.01`` for Momentum);
``parse_optimizer("momentum", f)`` reads a SPEC as ``optviz`` does, with the rate the command line takes on
``f`` (0.1 on the bowl).

:mod:`optim_core.network` trains the book's network on real digits with the same optimizers, and
:mod:`optim_core.minibatch` gives the bowl minibatch noise.

NumPy (SymPy for custom expressions, scikit-learn's bundled digits for the network) only: no plotting here.
"""

from . import analogy, book, display, lion, minibatch, network, theory, torch_like
from ._errors import OptvizError
from .display import PALETTE, OptimizerInfo, Series, Term, series
from .functions import Function, function_names, get_function, quadratic
from .optimizer import (
    CONVENTIONS,
    INFO,
    Optimizer,
    defaults,
    get_optimizer,
    optimizer_names,
)
from .spec import parse_function, parse_optimizer
from .sweeps import SweepResult, sweep
from .trajectory import DEFAULT_BOUND, Trajectory, run

#: The four optimizers of the book's comparison figure, with the learning rates it uses.
BOOK_COMPARISON = {"sgd": 0.95, "momentum": 0.1, "adagrad": 1.5, "adam": 0.3}

__all__ = [
    "BOOK_COMPARISON",
    "CONVENTIONS",
    "DEFAULT_BOUND",
    "INFO",
    "PALETTE",
    "Function",
    "Optimizer",
    "OptimizerInfo",
    "OptvizError",
    "Series",
    "SweepResult",
    "Term",
    "Trajectory",
    "analogy",
    "book",
    "defaults",
    "display",
    "function_names",
    "get_function",
    "get_optimizer",
    "lion",
    "minibatch",
    "network",
    "optimizer_names",
    "parse_function",
    "parse_optimizer",
    "quadratic",
    "run",
    "series",
    "sweep",
    "theory",
    "torch_like",
]
