"""The optimizer type, its display metadata and the registry behind :func:`get_optimizer`.

Like an optax ``GradientTransformation``, an :class:`Optimizer` is a pair of pure functions::

    state = opt.init(params)                                  # params: (B, 2)
    params, state = opt.update(grads, state, params)          # new arrays; nothing is mutated
    params, state = opt.update(grads, state, params, out=row) # the new params written into ``row``

``out``, as in a NumPy ufunc, is memory for the new params that shares none with the inputs; the engine
passes the next row of its record, so that no step is copied after it is computed.

Two conventions exist side by side. ``"book"`` (the default) is the code of *Deep Learning from Scratch*
(ch. 6, ``common/optimizer.py``); ``"torch"`` follows ``torch.optim``'s semantics, keyword names and
defaults. ``lion`` is available in both.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, NamedTuple

import numpy as np

from ._errors import OptvizError
from ._hyper import batch_size
from ._lookup import lookup
from .display import OptimizerInfo, series

CONVENTIONS = ("book", "torch")


class Optimizer(NamedTuple):
    """An immutable optimizer spec with pure ``init`` and ``update`` functions."""

    name: str
    convention: str
    hyperparams: Mapping[str, Any]
    init: Callable[[np.ndarray], NamedTuple]
    update: Callable[..., tuple[np.ndarray, NamedTuple]]  #: ``(grads, state, params, out=None)``
    #: How it is shown; it may depend on the hyperparameters (torch SGD with momentum is "SGD + momentum").
    info: OptimizerInfo
    #: Presentation set by the user (a SPEC's ``label=`` and ``color=``); see :func:`optim_core.display.series`.
    style: Mapping[str, str] = MappingProxyType({})

    @property
    def batch_size(self) -> int | None:
        """``B`` when any hyperparameter is an array of shape ``(B,)``, else ``None``."""
        return batch_size(dict(self.hyperparams))

    def label(self) -> str:
        """A short legend label, e.g. ``"Momentum (η=0.1)"``; array hyperparameters are left out."""
        return series([self])[0].label

    def rows(self, index: slice | np.ndarray) -> Optimizer:
        """The same optimizer restricted to some batch rows of its array hyperparameters."""
        if self.batch_size is None:
            return self

        def take(value):
            if isinstance(value, tuple):
                return tuple(take(v) for v in value)
            return value[index] if isinstance(value, np.ndarray) else value

        subset = get_optimizer(
            self.name, convention=self.convention, **{k: take(v) for k, v in self.hyperparams.items()}
        )
        return subset._replace(style=self.style)


INFO: dict[str, OptimizerInfo] = {}
_FACTORIES: dict[str, dict[str, Callable[..., Optimizer]]] = {c: {} for c in CONVENTIONS}


def register(name: str, conventions: tuple[str, ...], info: OptimizerInfo | None = None):
    """File the decorated factory as optimizer ``name`` in ``conventions``.

    ``info`` may be left out when another convention already registered the same name: an optimizer keeps
    one display name, formula and colour whatever its convention.
    """

    def decorate(factory):
        if info is not None:
            INFO[name] = info
        elif name not in INFO:
            raise KeyError(f"optimizer {name!r} needs an OptimizerInfo")
        for convention in conventions:
            _FACTORIES[convention][name] = factory
        return factory

    return decorate


def make(
    name: str, convention: str, hyperparams: dict[str, Any], init, update, info: OptimizerInfo | None = None
) -> Optimizer:
    """Build an :class:`Optimizer`; factories call this with their validated hyperparameters, and with
    ``info`` when the way it is shown depends on them (else the registered :data:`INFO` entry)."""
    batch_size(hyperparams)  # raises when array lengths disagree
    return Optimizer(name, convention, MappingProxyType(dict(hyperparams)), init, update, info or INFO[name])


def get_optimizer(name: str, convention: str = "book", **hyperparams: Any) -> Optimizer:
    """The optimizer called ``name`` (case-insensitive) in ``convention``, with validated hyperparameters.

    A hyperparameter left out takes the optimizer's own default: in the book convention the defaults of the
    book's classes (``lr=0.01`` for SGD, Momentum, Nesterov, AdaGrad and RMSprop, ``0.001`` for Adam), which the
    book's network training uses as they are; in the torch convention torch's. **The command line differs**: a
    book-convention SPEC without ``lr`` (``optviz figure -O momentum``) takes the rate listed for its function by
    ``optviz list functions`` (on the bowl the rates of the book's figures, 0.1 for Momentum; for a typed
    expression the rate that fits it).
    :func:`optim_core.parse_optimizer` reads a SPEC as the command line does: the same optimizer and rate in
    Python.

    >>> get_optimizer("Momentum", lr=0.1).hyperparams["momentum"]
    0.9
    >>> get_optimizer("momentum").hyperparams["lr"]  # the book's class default
    0.01
    >>> from optim_core import parse_optimizer
    >>> parse_optimizer("momentum", "bowl").hyperparams["lr"]  # what optviz figure -O momentum runs
    0.1
    >>> get_optimizer("adamw", convention="torch").hyperparams["weight_decay"]
    0.01
    """
    table = lookup("convention", convention, {c: _FACTORIES[c] for c in CONVENTIONS})
    convention = convention.strip().lower()
    factory = lookup(f"optimizer (convention {convention!r})", name, table)
    accepted = inspect.signature(factory).parameters
    for key in hyperparams:
        if key not in accepted:
            hint = ""
            if key == "function":  # looking for the command line's rate per function
                hint = f"; for the rate a SPEC takes on a function, use oc.parse_optimizer({name!r}, function)"
            raise OptvizError(
                f"unknown hyperparameter {key!r} for {factory.__name__} ({convention} convention);"
                f" accepted: {', '.join(accepted)}{hint}"
            )
    # A factory registered in several conventions (lion) builds the same rule; record the one asked for.
    return factory(**hyperparams)._replace(convention=convention)


def optimizer_names(convention: str = "book") -> tuple[str, ...]:
    """The optimizer names available in ``convention``, in registration order."""
    return tuple(lookup("convention", convention, _FACTORIES))


def defaults(name: str, convention: str = "book") -> dict[str, Any]:
    """The default hyperparameters of an optimizer, as its factory declares them."""
    factory = lookup("optimizer", name, lookup("convention", convention, _FACTORIES))
    return {k: p.default for k, p in inspect.signature(factory).parameters.items()}
