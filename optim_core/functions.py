r"""Objective functions on the plane: built-ins with analytic gradients, and custom expressions.

Every function takes points of shape ``(..., 2)`` and returns values of shape ``(...)`` and gradients of
shape ``(..., 2)``. Each also knows where to start, which window to show, its known minima, its formula and
how many steps its story takes. A typed expression finds its minima, saddles and maxima numerically and
shows them with its starts (:meth:`Function.around`).
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from ._errors import OptvizError
from ._lookup import lookup

Window = tuple[tuple[float, float], tuple[float, float]]


@dataclass(frozen=True)
class Function:
    """An objective f(x, y) with its gradient and what a picture of it needs."""

    name: str
    expression: str  #: in x and y, in Python syntax
    latex: str
    start: tuple[float, float]
    window: Window  #: ((xmin, xmax), (ymin, ymax))
    minima: tuple[tuple[float, float], ...]
    _value: Callable[[np.ndarray], np.ndarray] = field(repr=False)
    _grad: Callable[[np.ndarray], np.ndarray] = field(repr=False)
    #: Hessian eigenvalues, for quadratics only (used by :mod:`optim_core.theory`).
    eigenvalues: tuple[float, ...] | None = None
    minimum_value: float | None = None
    #: The part of ``window`` where paths live, for wide frames (16:9 video, surfaces); default: ``window``.
    view: Window | None = None
    #: Contour levels chosen by hand, when the automatic ones would not tell the function's story.
    levels: tuple[float, ...] | None = None
    #: How many times the bowl's steps a picture of it runs by default, so that the default picture tells its
    #: story: in 1,000 steps (35 times the bowl's 29) SGD crawls half way along Rosenbrock's curved valley
    #: while Momentum arrives.
    steps_factor: float = 1.0
    #: A typed expression's critical points near its start (minima, saddles, maxima), found numerically: its
    #: window is fitted around them and its starts (:meth:`around`). None for a built-in, whose window is fixed.
    landmarks: tuple[tuple[float, float], ...] | None = None

    def around(self, starts) -> Function:
        """This function for paths from ``starts`` (a pair or a list of pairs): a typed expression with its
        landmarks found near them and its window fitted to both, the first start its own; a built-in as it is.

        >>> f = get_function("x**4 - x**2 + y**2").around([(-1.5, 1.0)])
        >>> f.start, f.window, f.minima
        ((-1.5, 1.0), ((-2.5, 2.0), (-1.0, 2.0)), ((-0.70711, 0.0), (0.70711, 0.0)))
        """
        points = np.asarray(starts, dtype=np.float64).reshape(-1, 2)
        if self.landmarks is None or not len(points):
            return self
        landmarks, minima = critical_points(self._grad, points)
        return dataclasses.replace(
            self,
            start=(float(points[0, 0]), float(points[0, 1])),
            window=fit_window([*points, *landmarks]),
            view=None,
            minima=minima,
            landmarks=landmarks,
        )

    def frame(self, wide: bool = False) -> Window:
        """The window a picture shows: ``window``, or with ``wide`` the tighter :attr:`view`."""
        return (self.view or self.window) if wide else self.window

    def contour_levels(self, count: int = 12, window: Window | None = None) -> np.ndarray:
        """Increasing contour levels of ``f`` over ``window`` (default: :attr:`window`).

        Hand-chosen :attr:`levels` win. Above a floor, levels are spaced geometrically from near the floor to
        the 95th percentile over the window, so that the rings around a minimum are as many as those of the
        steep rim; the floor is the known minimum value, else the lowest value in the window when that lies
        inside it (a typed expression's well below zero), else 0 for a function that is never negative.
        Without a floor (a saddle falls away to the window's edge), levels are evenly spaced.

        >>> get_function("bowl").contour_levels()
        array([0.5, 1. , 2. , 3. , 4. , 5. , 6. , 7. ])
        >>> levels = get_function("x**4 - x**2 + y**2").contour_levels(8, ((-2.0, 2.0), (-1.5, 1.5)))
        >>> bool(levels[0] < -0.2 and levels[1] - levels[0] < levels[-1] - levels[-2])
        True
        """
        if self.levels is not None:
            return np.array(self.levels)
        (x0, x1), (y0, y1) = window or self.window
        grid = np.stack(np.meshgrid(np.linspace(x0, x1, 200), np.linspace(y0, y1, 200)), axis=-1)
        with np.errstate(all="ignore"):
            z = self.value(grid)
        finite = z[np.isfinite(z)]
        if finite.size == 0 or finite.min() == finite.max():
            raise OptvizError(f"{self.name!r} has no contour lines over the window {window or self.window}")
        high = np.quantile(finite, 0.95)
        floor = self.minimum_value
        if floor is None:
            lowest = np.unravel_index(np.argmin(np.where(np.isfinite(z), z, np.inf)), z.shape)
            inside = all(0 < i < n - 1 for i, n in zip(lowest, z.shape, strict=True))
            floor = float(finite.min()) if inside else 0.0 if finite.min() >= 0 else None
        if floor is not None and high > floor:
            above = finite - floor
            low = max(np.quantile(above[above > 0], 0.005), (high - floor) * 1e-4)
            return floor + np.geomspace(low, high - floor, count)
        return np.linspace(np.quantile(finite, 0.01), high, count)

    def value(self, points) -> np.ndarray:
        """f at ``points`` of shape ``(..., 2)``, as an array of shape ``(...)``.

        >>> get_function("bowl").value([-7.0, 2.0])
        array(6.45)
        """
        return np.asarray(self._value(_points(points)))

    def grad(self, points) -> np.ndarray:
        """The gradient at ``points`` of shape ``(..., 2)``, as an array of the same shape.

        >>> get_function("bowl").grad([-7.0, 2.0])
        array([-0.7,  4. ])
        """
        return self._grad(_points(points))


def _points(points) -> np.ndarray:
    points = np.asarray(points, dtype=np.float64)
    if points.ndim == 0 or points.shape[-1] != 2:
        raise OptvizError(f"points must have shape (..., 2), got shape {points.shape}")
    return points


def _stack(gx, gy) -> np.ndarray:
    return np.stack(np.broadcast_arrays(gx, gy), axis=-1)


@functools.lru_cache(maxsize=16)
def _tiled(pair: tuple[float, float], shape: tuple[int, ...]) -> np.ndarray:
    """``pair`` repeated to ``shape`` (..., 2), contiguous: combining (B, 2) with a (2,) operand by broadcasting
    runs an inner loop of length 2 and is about eight times slower than this plain elementwise operand."""
    tiled = np.ascontiguousarray(np.broadcast_to(np.array(pair), shape))
    tiled.setflags(write=False)
    return tiled


def _bowl_grad(p: np.ndarray) -> np.ndarray:
    # The book's gradient (x / 10.0, 2.0 * y) in one operation: dividing by 0.5 is exact doubling.
    return p / _tiled((10.0, 0.5), p.shape)


def _bowl_value(p):
    # The book's x**2 / 20.0 + y**2, as NumPy computes it (x**2 is x*x), squaring in one contiguous pass.
    squares = p * p
    return squares[..., 0] / 20.0 + squares[..., 1]


def _bowl() -> Function:
    return Function(
        name="bowl",
        expression="x**2/20 + y**2",
        latex=r"f(x, y) = \frac{1}{20} x^2 + y^2",
        start=(-7.0, 2.0),
        window=((-10.0, 10.0), (-10.0, 10.0)),
        minima=((0.0, 0.0),),
        _value=_bowl_value,
        _grad=_bowl_grad,
        eigenvalues=(0.1, 2.0),
        minimum_value=0.0,
        view=((-10.0, 10.0), (-5.0, 5.0)),  # the book's contour grid: y beyond ±5 rises to 100, with no paths
        levels=(0.5, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0),  # the book draws values up to 7
    )


def _rosenbrock() -> Function:
    def grad(p):
        x, y = p[..., 0], p[..., 1]
        return _stack(-2 * (1 - x) - 400 * x * (y - x**2), 200 * (y - x**2))

    return Function(
        name="rosenbrock",
        expression="(1 - x)**2 + 100*(y - x**2)**2",
        latex=r"f(x, y) = (1 - x)^2 + 100\,(y - x^2)^2",
        start=(-1.5, 2.0),
        window=((-2.0, 2.0), (-1.0, 3.0)),
        minima=((1.0, 1.0),),
        _value=lambda p: (1 - p[..., 0]) ** 2 + 100 * (p[..., 1] - p[..., 0] ** 2) ** 2,
        _grad=grad,
        minimum_value=0.0,
        steps_factor=35.0,
    )


def _beale() -> Function:
    def terms(x, y):
        return 1.5 - x + x * y, 2.25 - x + x * y**2, 2.625 - x + x * y**3

    def grad(p):
        x, y = p[..., 0], p[..., 1]
        a, b, c = terms(x, y)
        gx = 2 * a * (y - 1) + 2 * b * (y**2 - 1) + 2 * c * (y**3 - 1)
        gy = 2 * a * x + 4 * b * x * y + 6 * c * x * y**2
        return _stack(gx, gy)

    return Function(
        name="beale",
        expression="(1.5 - x + x*y)**2 + (2.25 - x + x*y**2)**2 + (2.625 - x + x*y**3)**2",
        latex=r"f(x, y) = (1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2",
        start=(1.0, 1.4),
        window=((-4.5, 4.5), (-4.5, 4.5)),
        minima=((3.0, 0.5),),
        _value=lambda p: sum(t**2 for t in terms(p[..., 0], p[..., 1])),
        _grad=grad,
        minimum_value=0.0,
        steps_factor=3.0,  # Momentum reaches the minimum in about 90 steps
    )


def _himmelblau() -> Function:
    def grad(p):
        x, y = p[..., 0], p[..., 1]
        a, b = x**2 + y - 11, x + y**2 - 7
        return _stack(4 * x * a + 2 * b, 2 * a + 4 * y * b)

    return Function(
        name="himmelblau",
        expression="(x**2 + y - 11)**2 + (x + y**2 - 7)**2",
        latex=r"f(x, y) = (x^2 + y - 11)^2 + (x + y^2 - 7)^2",
        start=(0.0, -1.0),
        window=((-5.0, 5.0), (-5.0, 5.0)),
        minima=((3.0, 2.0), (-2.805118, 3.131312), (-3.779310, -3.283186), (3.584428, -1.848126)),
        _value=lambda p: (p[..., 0] ** 2 + p[..., 1] - 11) ** 2 + (p[..., 0] + p[..., 1] ** 2 - 7) ** 2,
        _grad=grad,
        minimum_value=0.0,
        steps_factor=3.0,  # each optimizer settles into its minimum
    )


def _saddle() -> Function:
    return Function(
        name="saddle",
        expression="x**2 - y**2",
        latex=r"f(x, y) = x^2 - y^2",
        start=(-2.0, 0.01),
        window=((-2.5, 2.5), (-2.5, 2.5)),
        minima=(),
        _value=lambda p: p[..., 0] ** 2 - p[..., 1] ** 2,
        _grad=lambda p: p * _tiled((2.0, -2.0), p.shape),
        steps_factor=10.0,  # the paths creep to the saddle, then escape
    )


def _rastrigin() -> Function:
    tau = 2 * math.pi

    def grad(p):
        return 2 * p + 10 * tau * np.sin(tau * p)

    return Function(
        name="rastrigin",
        expression="20 + x**2 - 10*cos(2*pi*x) + y**2 - 10*cos(2*pi*y)",
        latex=r"f(x, y) = 20 + x^2 - 10\cos 2\pi x + y^2 - 10\cos 2\pi y",
        start=(-4.2, 4.3),
        window=((-5.12, 5.12), (-5.12, 5.12)),
        minima=((0.0, 0.0),),
        _value=lambda p: 20 + (p * p - 10 * np.cos(tau * p)).sum(axis=-1),
        _grad=grad,
        minimum_value=0.0,
    )


def quadratic(condition: float = 20.0, angle: float = 0.0) -> Function:
    r"""The quadratic :math:`\tfrac12 p^\top A p` with Hessian eigenvalues :math:`2/\kappa` and 2, rotated.

    ``condition`` is :math:`\kappa = \lambda_{max}/\lambda_{min}` and ``angle`` the rotation in degrees.
    ``quadratic(20, 0)`` is the bowl.

    >>> quadratic(20, 0).value([-7.0, 2.0])
    array(6.45)
    """
    condition = _number("condition", condition)
    angle = _number("angle", angle)
    if not condition >= 1:
        raise OptvizError(f"condition must be a finite number >= 1, got {condition!r}")
    low, high = 2.0 / condition, 2.0
    theta = math.radians(angle)
    rotation = np.array([[math.cos(theta), -math.sin(theta)], [math.sin(theta), math.cos(theta)]])
    hessian = rotation @ np.diag([low, high]) @ rotation.T
    (a, b), (_, c) = hessian
    return Function(
        name=f"quadratic(condition={condition:g}, angle={angle:g})",
        expression=f"{float(a) / 2!r}*x**2 + {float(b)!r}*x*y + {float(c) / 2!r}*y**2",
        latex=rf"f(x, y) = \frac{{1}}{{2}} p^T A p,\ \kappa = {condition:g},\ \theta = {angle:g}^\circ",
        start=(-7.0, 2.0),
        window=((-10.0, 10.0), (-10.0, 10.0)),
        minima=((0.0, 0.0),),
        _value=lambda p: 0.5 * (a * p[..., 0] ** 2 + 2 * b * p[..., 0] * p[..., 1] + c * p[..., 1] ** 2),
        _grad=lambda p: p @ hessian,
        eigenvalues=(low, high),
        minimum_value=0.0,
    )


def _number(name: str, value) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise OptvizError(f"{name} must be a number, got {value!r}") from None
    if not math.isfinite(number):
        raise OptvizError(f"{name} must be finite, got {value!r}")
    return number


BUILTINS: dict[str, Callable[..., Function]] = {
    "bowl": _bowl,
    "rosenbrock": _rosenbrock,
    "beale": _beale,
    "himmelblau": _himmelblau,
    "saddle": _saddle,
    "rastrigin": _rastrigin,
    "quadratic": quadratic,
}
_IDENTIFIER = re.compile(r"^\s*[A-Za-z_]\w*\s*$")


def function_names() -> tuple[str, ...]:
    return tuple(BUILTINS)


def get_function(name_or_expression: str, **params) -> Function:
    """A built-in function by name (case-insensitive), or a custom expression in x and y.

    Only ``quadratic`` takes parameters (``condition``, ``angle``).

    >>> get_function("Bowl").start
    (-7.0, 2.0)
    >>> get_function("x**2 + 3*y**2").grad([1.0, 1.0])
    array([2., 6.])
    """
    text = name_or_expression
    # Built-in names are looked up before the expression parser (and SymPy) is imported: a figure of the
    # bowl should not pay for it.
    if isinstance(text, str) and _IDENTIFIER.match(text) and _not_a_variable(text):
        factory = lookup("function", text, BUILTINS, hint="; or an expression in x and y")
        try:
            return factory(**params)
        except TypeError:
            accepted = ", ".join(_parameters(factory)) or "none"
            raise OptvizError(
                f"function {text.strip().lower()!r} takes parameters: {accepted}; got {', '.join(params)}"
            ) from None
    if params:
        raise OptvizError(f"only built-in functions take parameters; {str(text)[:40]!r} is not one")
    return from_expression(text)


def _not_a_variable(name: str) -> bool:
    if name.strip().lower() in BUILTINS:
        return True
    from .expression import NAMES

    return name.strip() not in NAMES


def _parameters(factory) -> list[str]:
    return list(inspect.signature(factory).parameters)


def from_expression(text: str) -> Function:
    """A :class:`Function` from a whitelisted expression, with its gradient derived symbolically, its critical
    points found numerically and its window fitted around them and the default start."""
    import sympy as sp

    from .expression import X, Y, parse_expression

    expr = parse_expression(text)
    value = sp.lambdify((X, Y), expr, modules="numpy")
    dx = sp.lambdify((X, Y), sp.diff(expr, X), modules="numpy", cse=True)
    dy = sp.lambdify((X, Y), sp.diff(expr, Y), modules="numpy", cse=True)

    def value_fn(p):
        result = np.asarray(value(p[..., 0], p[..., 1]), dtype=np.float64)
        return result if result.shape == p.shape[:-1] else np.full(p.shape[:-1], result)

    def grad_fn(p):
        x, y = p[..., 0], p[..., 1]
        return _stack(dx(x, y) + np.zeros_like(x), dy(x, y) + np.zeros_like(y))

    typed = Function(
        name=text.strip(),
        expression=text.strip(),
        latex="f(x, y) = " + sp.latex(expr),
        start=(-7.0, 2.0),
        window=((-10.0, 10.0), (-10.0, 10.0)),
        minima=(),
        _value=value_fn,
        _grad=grad_fn,
        landmarks=(),
    )
    return typed.around([typed.start])


#: Where critical points are looked for: a square around the origin, at least this far out and half as far
#: again as the farthest start. A point that Newton's method reaches from a start counts wherever it lies.
SEARCH_RADIUS = 10.0
#: The most critical points kept (the nearest to the first start): a periodic expression has a lattice of them.
MAX_LANDMARKS = 64


def critical_points(grad: Callable[[np.ndarray], np.ndarray], starts) -> tuple[tuple, tuple]:
    """Points where ``grad`` vanishes near ``starts`` (an (N, 2) array), nearest to the first start first, and
    which of them are minima: Newton's method on the gradient (with a central-difference Hessian) from a grid of
    seeds and from each start, the converged points kept once each.

    >>> critical_points(lambda p: 2 * (p - (3.0, -20.0)), np.array([[-7.0, 2.0]]))
    (((3.0, -20.0),), ((3.0, -20.0),))
    """
    starts = np.asarray(starts, dtype=np.float64).reshape(-1, 2)
    radius = max(SEARCH_RADIUS, 1.5 * float(np.max(np.abs(starts))))
    axis = np.linspace(-radius, radius, 21)
    points = np.vstack([np.stack(np.meshgrid(axis, axis), axis=-1).reshape(-1, 2), starts])
    from_start = np.arange(len(points)) >= len(points) - len(starts)
    with np.errstate(all="ignore"):
        scale = float(np.nanmedian(np.linalg.norm(grad(points), axis=-1)))
        for _ in range(60):
            hessian, slope = _hessian(grad, points), grad(points)
            finite = np.isfinite(hessian).all(axis=(1, 2)) & np.isfinite(slope).all(axis=-1)
            points, hessian, slope, from_start = points[finite], hessian[finite], slope[finite], from_start[finite]
            step = -np.einsum("nij,nj->ni", np.linalg.pinv(hessian), slope)
            length = np.linalg.norm(step, axis=-1, keepdims=True)
            points = points + step * np.minimum(1.0, radius / 4 / np.where(length > 0, length, 1.0))
        residual = np.linalg.norm(grad(points), axis=-1)
        eigenvalues = np.linalg.eigvalsh(np.nan_to_num(_hessian(grad, points)))
    tolerance = 1e-9 * max(scale, 1.0) if np.isfinite(scale) else 1e-9
    near = (np.abs(points) <= radius).all(axis=-1) | from_start
    found = np.isfinite(points).all(axis=-1) & (residual <= tolerance) & near
    kept: dict[tuple[float, float], np.ndarray] = {}
    for point, pair in zip(points[found], eigenvalues[found], strict=True):
        kept.setdefault(tuple(float(v) + 0.0 for v in np.round(point, 5)), pair)
    nearest = sorted(kept, key=lambda point: math.dist(point, starts[0]))
    # A flat direction (x**2 has a whole line of critical points) keeps only its point nearest the start.
    flat = [point for point in nearest if np.abs(kept[point]).min() <= 1e-6 * max(np.abs(kept[point]).max(), 1e-12)]
    nearest = [point for point in nearest if point not in flat[1:]][:MAX_LANDMARKS]
    return tuple(nearest), tuple(point for point in nearest if (kept[point] > 0).all())


def _hessian(grad, points: np.ndarray) -> np.ndarray:
    h = 1e-5 * np.maximum(1.0, np.abs(points))
    columns = []
    for axis in (0, 1):
        shift = np.zeros_like(points)
        shift[:, axis] = h[:, axis]
        columns.append((grad(points + shift) - grad(points - shift)) / (2 * h[:, axis : axis + 1]))
    hessian = np.stack(columns, axis=-1)
    return (hessian + hessian.transpose(0, 2, 1)) / 2


def fit_window(points) -> Window:
    """A window that shows every one of ``points`` with room around them: their box, widened on each side by a
    third of its larger side (at least 1), out to round numbers.

    >>> fit_window([(-1.5, 1.0), (0.707, 0.0), (-0.707, 0.0)])
    ((-2.5, 2.0), (-1.0, 2.0))
    """
    points = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    low, high = points.min(axis=0), points.max(axis=0)
    margin = max(float((high - low).max()) / 3, 1.0)
    low, high = low - margin, high + margin
    tick = _round_step(float((high - low).max()) / 10)
    low, high = np.floor(low / tick) * tick, np.ceil(high / tick) * tick
    return ((float(low[0]) + 0.0, float(high[0])), (float(low[1]) + 0.0, float(high[1])))


def _round_step(rough: float) -> float:
    """1, 2 or 5 times a power of ten, at least ``rough``."""
    power = 10.0 ** math.floor(math.log10(rough))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= rough)
