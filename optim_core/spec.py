"""Parsing what a user types on a command line or in a config: optimizer SPECs, functions and pairs.

Shared by the figures CLI and the scenes, so that ``adam:lr=0.3`` means the same everywhere. Every problem is
an :class:`OptvizError` that names it.
"""

from __future__ import annotations

import math

from ._errors import OptvizError
from .display import style_of
from .functions import Function, function_names, get_function
from .optimizer import Optimizer, get_optimizer

#: The book's learning rates for its comparison figure; an optimizer given without lr takes its own.
BOOK_LR = {"sgd": 0.95, "momentum": 0.1, "nesterov": 0.1, "adagrad": 1.5, "rmsprop": 0.3, "adam": 0.3}
#: The book's comparison (Fig. 6-8) as SPECs: its four optimizers with its learning rates.
BOOK_FOUR = ("sgd:lr=0.95", "momentum:lr=0.1", "adagrad:lr=1.5", "adam:lr=0.3")
#: The article's golf picture of the learning rate, SGD on the bowl: hit too softly (0.1: after 30 strokes the
#: ball is still at x ≈ -5), the book's 0.95 (zigzags in), too hard (1.1: |1 - 2·1.1| > 1, so y grows by 1.2× a
#: stroke and the ball flies out of the bowl).
GOLF_LEARNING_RATES = (0.1, 0.95, 1.1)
SPEC_FORM = "NAME[:key=value,...], e.g. adam:lr=0.3 or sgd:lr=0.1,momentum=0.9,convention=torch"
#: SPEC keys that set how a series is shown rather than how it moves (see optim_core.display.series).
STYLE_KEYS = ("label", "color")


def parse_value(key: str, raw: str):
    raw = raw.strip()
    if raw.lower() in {"true", "false"}:
        return raw.lower() == "true"
    parts = raw.split("/")
    try:
        numbers = [float(part) for part in parts]
    except ValueError:
        raise OptvizError(f"value {raw!r} for {key!r} is not a number, true/false, or a pair like 0.9/0.999") from None
    if len(numbers) > 2:
        raise OptvizError(f"value {raw!r} for {key!r}: a pair has two numbers, like 0.9/0.999")
    return numbers[0] if len(numbers) == 1 else tuple(numbers)


def parse_optimizer(spec: str) -> Optimizer:
    """``NAME[:key=value,...]`` to an optimizer; ``convention=torch`` selects torch's semantics.

    >>> parse_optimizer("sgd:lr=0.1,momentum=0.9,convention=torch").hyperparams["momentum"]
    0.9
    >>> parse_optimizer("adagrad").hyperparams["lr"]  # the book's lr when none is given
    1.5
    >>> parse_optimizer("sgd:lr=0.1,label=too soft,color=blue").style["color"]
    '#0072B2'
    """
    name, _, rest = spec.partition(":")
    if not name.strip():
        raise OptvizError(f"optimizer SPEC {spec!r} has no name; expected {SPEC_FORM}")
    hyper: dict[str, object] = {}
    style: dict[str, str] = {}
    convention = "book"
    for item in filter(None, (part.strip() for part in rest.split(","))):
        key, sep, raw = item.partition("=")
        key = key.strip()
        if not sep or not key:
            raise OptvizError(f"malformed optimizer SPEC {spec!r} at {item!r}; expected {SPEC_FORM}")
        if key == "convention":
            convention = raw.strip()
        elif key in STYLE_KEYS:
            style[key] = raw.strip()
        elif key in hyper:
            raise OptvizError(f"optimizer SPEC {spec!r} sets {key!r} twice")
        else:
            hyper[key] = parse_value(key, raw)
    key = name.strip().lower()
    if "lr" not in hyper and convention == "book" and key in BOOK_LR:
        hyper["lr"] = BOOK_LR[key]
    return get_optimizer(name, convention=convention, **hyper)._replace(style=style_of(style))


def parse_function(text: str) -> Function:
    """A built-in name, ``quadratic:condition=10,angle=30``, or an expression in x and y."""
    name, sep, rest = text.partition(":")
    if sep and name.strip().lower() in function_names():
        params = {}
        for item in filter(None, (part.strip() for part in rest.split(","))):
            key, eq, raw = item.partition("=")
            if not eq:
                raise OptvizError(f"malformed function {text!r} at {item!r}; expected NAME:key=value,...")
            params[key.strip()] = parse_value(key, raw)
        return get_function(name, **params)
    return get_function(text)


def parse_pair(what: str, text: str, form: str) -> tuple[float, float]:
    parts = text.replace("x", ",").split(",") if what == "size" else text.split(",")
    try:
        pair = tuple(float(part) for part in parts)
    except ValueError:
        pair = ()
    if len(pair) != 2 or not all(math.isfinite(v) for v in pair):
        raise OptvizError(f"malformed {what} {text!r}; expected {form}")
    return pair
