"""Parsing what a user types on a command line or in a config: optimizer SPECs, functions, pairs and sizes.

Shared by the figures CLI and the scenes, so that ``adam:lr=0.3`` means the same everywhere. Every problem is
an :class:`OptvizError` that names it.
"""

from __future__ import annotations

import functools
import math
import re
from typing import NamedTuple

import numpy as np

from ._errors import OptvizError
from .display import style_of
from .functions import Function, function_names, get_function
from .optimizer import CONVENTIONS, Optimizer, get_optimizer, optimizer_names
from .trajectory import DEFAULT_BOUND

#: The book's learning rates for its comparison figure; an optimizer given without lr takes its own.
BOOK_LR = {"sgd": 0.95, "momentum": 0.1, "nesterov": 0.1, "adagrad": 1.5, "rmsprop": 0.3, "adam": 0.3}
#: The rates a function's own learning rate is chosen from, and how many steps the choice looks ahead.
RATES = (0.0003, 0.001, 0.003, 0.01, 0.03, 0.05, 0.1, 0.3, 0.5, 1.0, 1.5)
RATE_STEPS = 150
#: Learning rates a book-convention SPEC without ``lr`` takes, per built-in function. The bowl and the
#: quadratics (the bowl turned and stretched) take the book's. The others take what :func:`fitting_lr` picks
#: (tests/test_display.py checks that it still picks them, and that they converge), and so does a typed
#: expression, from its start. The torch convention takes the optimizer's own default, as ``optviz list`` shows.
FUNCTION_LR = {
    "bowl": BOOK_LR,
    "quadratic": BOOK_LR,
    "rosenbrock": {"sgd": 0.001, "momentum": 0.001, "nesterov": 0.001, "adagrad": 1.0, "rmsprop": 0.1, "adam": 1.0},
    "beale": {"sgd": 0.03, "momentum": 0.01, "nesterov": 0.003, "adagrad": 1.5, "rmsprop": 0.1, "adam": 0.5},
    "himmelblau": {"sgd": 0.01, "momentum": 0.003, "nesterov": 0.01, "adagrad": 1.5, "rmsprop": 0.05, "adam": 1.0},
    "saddle": {"sgd": 0.01, "momentum": 0.001, "nesterov": 0.001, "adagrad": 0.05, "rmsprop": 0.003, "adam": 0.01},
    "rastrigin": {"sgd": 0.003, "momentum": 0.0003, "nesterov": 0.003, "adagrad": 1.0, "rmsprop": 0.1, "adam": 1.5},
}
#: The book's comparison (Fig. 6-8) as SPECs: its four optimizers with its learning rates.
BOOK_FOUR = ("sgd:lr=0.95", "momentum:lr=0.1", "adagrad:lr=1.5", "adam:lr=0.3")
#: The same four without a rate, so that each takes its function's (on the bowl, the book's).
FOUR = tuple(spec.split(":")[0] for spec in BOOK_FOUR)
#: The article's golf picture of the learning rate, SGD on the bowl: hit too softly (0.1: after 30 strokes the
#: ball is still at x ≈ -5), the book's 0.95 (zigzags in), too hard (1.1: |1 - 2·1.1| > 1, so y grows by 1.2× a
#: stroke and the ball flies out of the bowl).
GOLF_LEARNING_RATES = (0.1, 0.95, 1.1)
SPEC_FORM = "NAME[:key=value,...], e.g. adam:lr=0.3 or sgd:lr=0.1,momentum=0.9,convention=torch"
#: SPEC keys that set how a series is shown rather than how it moves (see optim_core.display.series).
STYLE_KEYS = ("label", "color")
#: Each side of a size: in inches, or in pixels with a ``px`` suffix.
SIZE_RANGE = {"in": (1.0, 40.0), "px": (100, 16_000)}
SIZE_FORM = "WxH in inches such as 8x6, or in pixels such as 1200x800px"


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


def function_family(f: Function | str) -> str:
    """The built-in a function comes from (``quadratic(condition=10, ...)`` is a quadratic), else its name."""
    name = f.name if isinstance(f, Function) else str(f)
    return name.split("(")[0].split(":")[0].strip().lower()


def default_lr(name: str, convention: str, function: Function | str | None = "bowl", hyper=None) -> float | None:
    """The lr a SPEC without one takes in the book convention: a built-in's from :data:`FUNCTION_LR`, a typed
    expression's from :func:`fitting_lr` (with the SPEC's other settings ``hyper``); else, and for no
    ``function`` (the network, which trains with the book's class defaults), None: the optimizer's own
    default."""
    if convention != "book" or function is None:
        return None
    function = function if isinstance(function, Function) else parse_function(function)
    if function.landmarks is not None:
        return fitting_lr(name.strip().lower(), function, tuple(sorted((hyper or {}).items())))
    return FUNCTION_LR.get(function_family(function), {}).get(name.strip().lower())


@functools.lru_cache(maxsize=64)
def fitting_lr(name: str, f: Function, settings: tuple = ()) -> float | None:
    """The rate of :data:`RATES` with which the book-convention ``name`` (with ``settings``) reaches the lowest
    f in :data:`RATE_STEPS` steps from ``f``'s start without leaving its window, the larger on a tie; None
    when every rate leaves or diverges.

    >>> fitting_lr("sgd", get_function("x**4 - x**2 + y**2").around([(-1.5, 1.0)]))
    0.1
    """
    from .trajectory import run

    rates = np.array(RATES)
    opt = get_optimizer(name, **dict(settings), lr=rates)
    t = run(opt, f, np.tile(f.start, (len(rates), 1)), RATE_STEPS)
    (x0, x1), (y0, y1) = f.window
    x, y = t.positions[..., 0], t.positions[..., 1]
    inside = ((x >= x0) & (x <= x1) & (y >= y0) & (y <= y1)).all(axis=0) & (np.asarray(t.diverged_at) < 0)
    final = np.where(inside & np.isfinite(t.values[-1]), t.values[-1], np.inf)
    if not np.isfinite(final).any():
        return None
    best = final.min()
    tied = final <= best + 1e-9 * max(1.0, abs(best))
    return float(rates[tied][-1])


def parse_optimizer(spec: str, function: Function | str | None = "bowl") -> Optimizer:
    """``NAME[:key=value,...]`` to an optimizer; ``convention=torch`` selects torch's semantics. Without ``lr``
    a book-convention optimizer takes the rate that suits ``function`` (:func:`default_lr`), or with
    ``function=None`` its own default.

    >>> parse_optimizer("sgd:lr=0.1,momentum=0.9,convention=torch").hyperparams["momentum"]
    0.9
    >>> parse_optimizer("adagrad").hyperparams["lr"]  # the book's lr when none is given
    1.5
    >>> parse_optimizer("momentum", "rosenbrock").hyperparams["lr"]
    0.001
    >>> parse_optimizer("momentum", None).hyperparams["lr"]  # the book's class default, for the network
    0.01
    >>> parse_optimizer("sgd:lr=0.1,label=too soft,color=blue").style["color"]
    '#0072B2'
    """
    name, _, rest = spec.partition(":")
    if not name.strip():
        raise OptvizError(f"optimizer SPEC {spec!r} has no name; expected {SPEC_FORM}")
    hyper: dict[str, object] = {}
    style: dict[str, str] = {}
    convention = "book"
    previous = None
    for item in filter(None, (part.strip() for part in rest.split(","))):
        key, sep, raw = item.partition("=")
        key = key.strip()
        if not sep or not key:
            raise OptvizError(
                f"malformed optimizer SPEC {spec!r} at {item!r}{_decimal_comma(previous, item)}; expected {SPEC_FORM}"
            )
        previous = item
        if key == "convention":
            convention = raw.strip().lower()
        elif key in STYLE_KEYS:
            style[key] = raw.strip()
        elif key in hyper:
            raise OptvizError(f"optimizer SPEC {spec!r} sets {key!r} twice")
        else:
            hyper[key] = parse_value(key, raw)
    _hint(name.strip().lower(), convention, hyper)
    lr = default_lr(name, convention, function, hyper) if "lr" not in hyper else None
    if lr is not None:
        hyper["lr"] = lr
    return get_optimizer(name, convention=convention, **hyper)._replace(style=style_of(style))


def _hint(name: str, convention: str, hyper: dict) -> None:
    """Point a SPEC that exists in the other convention, or in another form, to what the user meant."""
    if convention not in CONVENTIONS:
        return  # get_optimizer names the valid conventions
    if name not in optimizer_names(convention):
        other = [c for c in CONVENTIONS if c != convention and name in optimizer_names(c)]
        if other:
            raise OptvizError(
                f"{name!r} is a {other[0]}-convention optimizer: write {name}:convention={other[0]}"
                f" (the {convention} convention has: {', '.join(optimizer_names(convention))})"
            )
    if convention == "book" and name == "sgd" and {"momentum", "nesterov"} & set(hyper):
        raise OptvizError(
            "the book's SGD has no momentum: use the book's own optimizer, momentum:lr=0.1,momentum=0.9"
            " (or nesterov), or torch's, sgd:lr=0.1,momentum=0.9,convention=torch"
        )


def parse_function(text: str, starts=()) -> Function:
    """A built-in name, ``quadratic:condition=10,angle=30``, or an expression in x and y; a typed expression
    is fitted to ``starts`` (pairs) when given (:meth:`~optim_core.functions.Function.around`). The same text
    gives the same (immutable) function, parsed once.

    >>> parse_function("x**4 - x**2 + y**2", [(-1.5, 1.0)]).start
    (-1.5, 1.0)
    """
    return _parsed(text, tuple(tuple(float(v) for v in start) for start in starts))


@functools.lru_cache(maxsize=32)
def _parsed(text: str, starts: tuple) -> Function:
    if starts:
        return _parsed(text, ()).around(starts)
    name, sep, rest = text.partition(":")
    if sep and name.strip().lower() in function_names():
        params = {}
        previous = None
        for item in filter(None, (part.strip() for part in rest.split(","))):
            key, eq, raw = item.partition("=")
            if not eq:
                raise OptvizError(
                    f"malformed function {text!r} at {item!r}{_decimal_comma(previous, item)};"
                    " expected NAME:key=value,..."
                )
            params[key.strip()] = parse_value(key, raw)
            previous = item
        return get_function(name, **params)
    return get_function(text)


def _decimal_comma(previous: str | None, item: str) -> str:
    """A hint for ``lr=0,1``: the comma that separates settings cut a decimal number in two.

    >>> _decimal_comma("lr=0", "1")
    ' (a comma separates settings: write decimals with a point, lr=0.1)'
    """
    if previous is None or not item.isdigit() or not re.fullmatch(r"[^=]+=\s*[-+]?\d+", previous):
        return ""
    return f" (a comma separates settings: write decimals with a point, {previous.replace(' ', '')}.{item})"


def parse_pair(what: str, text: str, form: str) -> tuple[float, float]:
    """Two finite numbers separated by a comma; with three or four, a hint that decimals take a point.

    >>> parse_pair("start", "-7,5,2", "X,Y such as -7,2")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    optim_core._errors.OptvizError: malformed start '-7,5,2'; ... (write decimals with a point: -7.5,2, not -7,5,2)
    """
    parts = text.split(",")
    try:
        numbers = [float(part) for part in parts]
    except ValueError:
        numbers = []
    if len(numbers) != 2 or not all(math.isfinite(v) for v in numbers):
        hint = " (write decimals with a point: -7.5,2, not -7,5,2)" if len(numbers) in (3, 4) else ""
        raise OptvizError(f"malformed {what} {text!r}; expected {form}{hint}")
    return (numbers[0], numbers[1])


class Size(NamedTuple):
    """A picture's size: ``width`` by ``height`` in ``unit`` (``"in"`` or ``"px"``)."""

    width: float
    height: float
    unit: str = "in"

    def inches(self, dpi: float) -> tuple[float, float]:
        """The figure size in inches that gives this size at ``dpi``."""
        if self.unit == "in":
            return (self.width, self.height)
        # A quarter pixel more, so that the renderer's rounding down of w/dpi·dpi lands on w exactly.
        return ((self.width + 0.25) / dpi, (self.height + 0.25) / dpi)

    def __str__(self) -> str:
        return f"{self.width:g}x{self.height:g}{'px' if self.unit == 'px' else ''}"


_SIZE = re.compile(r"^\s*([0-9.]+)\s*[x×]\s*([0-9.]+)\s*(px|in)?\s*$", re.IGNORECASE)


def parse_size(text: str) -> Size:
    """``8x6`` (inches) or ``1200x800px`` (pixels), each side within :data:`SIZE_RANGE`.

    >>> parse_size("1200x800px")
    Size(width=1200.0, height=800.0, unit='px')
    """
    match = _SIZE.match(str(text))
    try:
        width, height = float(match[1]), float(match[2])
    except (TypeError, ValueError):
        raise OptvizError(f"malformed size {text!r}; expected {SIZE_FORM}") from None
    unit = (match[3] or "in").lower()
    low, high = SIZE_RANGE[unit]
    if not all(low <= side <= high for side in (width, height)):
        names = {"in": "inches", "px": "pixels"}
        raise OptvizError(f"size sides must be between {low:g} and {high:g} {names[unit]}, got {text}")
    if unit == "px" and not (width.is_integer() and height.is_integer()):
        raise OptvizError(f"a size in pixels takes whole numbers, got {text}")
    return Size(width, height, unit)


def check_start(f: Function, start) -> None:
    """Refuse starts where ``f`` is not defined (log(x) at x < 0, ...), or outside the box in which a path
    counts as not diverged, either of which would "diverge at step 0"."""
    points = np.asarray(start, dtype=np.float64).reshape(-1, 2)
    outside = np.abs(points).max(axis=-1) > DEFAULT_BOUND
    if outside.any():
        x, y = points[int(np.flatnonzero(outside)[0])]
        raise OptvizError(
            f"start ({x:g}, {y:g}) is beyond ±{DEFAULT_BOUND:g}, where a path counts as diverged; give a --start"
            f" with |x| and |y| at most {DEFAULT_BOUND:g}"
        )
    with np.errstate(all="ignore"):
        values, grads = f.value(points), f.grad(points)
    bad = ~(np.isfinite(values) & np.isfinite(grads).all(axis=-1))
    if bad.any():
        x, y = points[int(np.flatnonzero(bad)[0])]
        raise OptvizError(
            f"start ({x:g}, {y:g}) is outside the domain of f(x, y) = {f.expression}: f or its gradient is not"
            " finite there; give a --start where it is defined"
        )
