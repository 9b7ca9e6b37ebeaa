"""Figure kinds. Each ``plot_*`` draws into a given Axes and returns what it drew; each ``*_figure`` builds a
:class:`~matplotlib.figure.Figure` (no pyplot, so they work in scripts, servers and Jupyter alike).

Every number drawn comes from :mod:`optim_core`, and so does every look: an optimizer's name, colour and
marker (:func:`optim_core.series`), a function's window and contour levels. A trajectory may hold one start
or a batch of them; each row is drawn as a series of its own.
"""

from __future__ import annotations

import re
import unicodedata

import matplotlib as mpl
import numpy as np
from matplotlib.colors import ListedColormap, LogNorm
from matplotlib.figure import Figure
from matplotlib.ticker import Formatter, MaxNLocator

import optim_core as oc
from catalog import DECIMAL_SEPARATOR, MINUS, number, terms, text

from .labels import Row, labelled, looks, pair, rows, separator

DIVERGED_COLOR = "#f1d3cf"
#: The sweep's cells that never reach the tolerance, and their legend entry.
UNREACHED_COLOR = "#d9d9d9"
#: The book's comparison figure: 30 plotted points (the start and 29 updates).
BOOK_POINTS = 30
#: Beyond this many points a path's markers are thinned (the line itself keeps every point).
MARKED_POINTS = 60


def plot_contour(ax, f: oc.Function, *, window=None, resolution: int = 200):
    """Contour lines of ``f`` over ``window`` (default: the view where its paths live), at its own levels, each
    level a step further along the theme's colour map (so geometric levels read as evenly as even ones, and a
    typed expression's levels below zero keep their colours)."""
    (x0, x1), (y0, y1) = window or f.frame(wide=True)
    grid = np.stack(np.meshgrid(np.linspace(x0, x1, resolution), np.linspace(y0, y1, resolution)), axis=-1)
    with np.errstate(all="ignore"):
        z = f.value(grid)
    levels = f.contour_levels(window=((x0, x1), (y0, y1)))
    colors = mpl.colormaps[mpl.rcParams["image.cmap"]](np.linspace(0.0, 1.0, len(levels)))
    return ax.contour(grid[..., 0], grid[..., 1], z, levels=levels, colors=colors, linewidths=0.8)


def mark_minima(ax, f: oc.Function):
    """A '+' at each known minimum, as the book marks the origin."""
    color = mpl.rcParams["text.color"]  # dark on light themes, light on the dark one
    return [ax.plot(*m, "+", color=color, markersize=9, markeredgewidth=1.5)[0] for m in f.minima]


def marker_spacing(points: int) -> int | None:
    """``markevery`` for a path of ``points``: every marker up to :data:`MARKED_POINTS`, then thinned."""
    return None if points <= MARKED_POINTS else -(-points // MARKED_POINTS)


def in_frame(path: Row, points: int | None = None, lang: str = "en") -> tuple[np.ndarray, tuple | None]:
    """The first ``points`` of ``path`` (default: all) as a picture draws them, and where to mark them: a path
    that leaves the picture is cut where it crosses the edge and marked there, a diverged one is marked where
    it diverged. The mark is ``(point, message)``, or None."""
    shown = path.positions[: points or len(path.positions)]
    window = path.function.frame()
    (x0, x1), (y0, y1) = window
    outside = np.flatnonzero((shown[:, 0] < x0) | (shown[:, 0] > x1) | (shown[:, 1] < y0) | (shown[:, 1] > y1))
    diverged = 0 <= path.diverged_at < len(shown)
    if outside.size and outside[0] > 0:
        step = int(outside[0])
        edge = _edge_crossing(shown[step - 1], shown[step], window)
        message = text("leaves", lang, step=step)
        if diverged:
            message += "; " + text("diverged", lang, step=path.diverged_at)
        return np.vstack([shown[:step], edge]), (edge, message)
    if diverged:
        return shown, (shown[path.diverged_at], text("diverged", lang, step=path.diverged_at))
    return shown, None


def plot_path(ax, path: Row, look: oc.Series, *, points: int | None = None, lang: str = "en"):
    """One path as a line with its series' marker and colour, cut and marked as :func:`in_frame` says."""
    shown, mark = in_frame(path, points, lang)
    (line,) = ax.plot(
        shown[:, 0],
        shown[:, 1],
        linestyle=look.linestyle,
        marker=look.marker,
        markevery=marker_spacing(len(shown)),
        color=look.color,
        label=look.label,
        markersize=3.5,
        linewidth=1.2,
    )
    ax.plot(*shown[0], look.marker, color=look.color, markersize=7, markeredgecolor="white", zorder=3)
    if mark is not None:
        _mark(ax, *mark, look.color)
    return line


def _edge_crossing(inside, outside, window) -> np.ndarray:
    """Where the segment from ``inside`` to ``outside`` crosses the edge of ``window``."""
    inside, outside = np.asarray(inside, float), np.asarray(outside, float)
    if not np.isfinite(outside).all():
        return inside
    delta = outside - inside
    fractions = [1.0]
    for axis, (low, high) in enumerate(window):
        if delta[axis] != 0:
            edge = high if delta[axis] > 0 else low
            fractions.append((edge - inside[axis]) / delta[axis])
    return inside + max(0.0, min(fractions)) * delta


NOTE_SIZE = 9  #: points, of the notes that say where a path left the picture or diverged
NOTE_STEP = 0.07  #: axes fraction between stacked notes


def _mark(ax, point, message: str, color: str):
    """An 'X' at ``point`` and ``message`` as a note in a corner of the axes."""
    mark_cut(ax, point, color)
    corner_note(ax, message, color)


def mark_cut(ax, point, color: str):
    """An 'X' where a drawn path stops: where it left the picture or diverged."""
    ax.plot(*point, "X", color=color, markersize=10, markeredgecolor="white", zorder=4, clip_on=False)


def corner_note(ax, message: str, color: str):
    """``message`` as a note in a corner of the axes, which :func:`place_notes` picks."""
    ax.text(
        0.02,
        0.97,
        message,
        transform=ax.transAxes,
        color=color,
        va="top",
        ha="left",
        fontsize=NOTE_SIZE,
        fontweight="bold",
        gid="diverged",
        bbox={"boxstyle": "round,pad=0.2", "facecolor": ax.get_facecolor(), "edgecolor": "none", "alpha": 0.85},
    )


def _wide(character: str) -> bool:
    """Whether ``character`` is set a whole em wide (Japanese), by its East Asian width."""
    return unicodedata.east_asian_width(character) in "WF"


def ems(line: str) -> float:
    """About how wide ``line`` is set, in ems of its font: a bold Latin character about 0.62, a Japanese one
    (East Asian wide) a whole em. An estimate that needs no drawing, erring wide for Latin text."""
    return sum(1.0 if _wide(c) else 0.62 for c in line)


#: Japanese may break between most characters, but not before closing punctuation nor after opening.
_NO_START, _NO_END = set("）」』、。・ー，："), set("（「『")


def two_lines_if_wider(line: str, width_points: float, size: float) -> str:
    r"""``line`` on two lines, broken nearest its middle, when at ``size`` points it is wider than
    ``width_points``: at a space, or in Japanese (which has none to break at) between two characters that may
    part.

    >>> two_lines_if_wider("Minibatch loss, smoothed as in the book", 150, 11)
    'Minibatch loss, smoothed\nas in the book'
    >>> two_lines_if_wider("ミニバッチの損失（本と同じ平滑化）", 150, 11)
    'ミニバッチの損失\n（本と同じ平滑化）'
    """
    if ems(line) * size <= width_points:
        return line
    if any(map(_wide, line)):
        places = [i for i in range(1, len(line)) if line[i] not in _NO_START and line[i - 1] not in _NO_END]
        skip = 0
    else:
        places, skip = [i for i, c in enumerate(line) if c == " "], 1
    if not places:
        return line
    middle = min(places, key=lambda i: abs(ems(line[:i]) - ems(line) / 2))
    return line[:middle] + "\n" + line[middle + skip :]


def place_notes(ax) -> None:
    """Stack the axes' notes in the corner where they cover the fewest drawn points: top left unless a path
    runs there (a path that leaves the picture at the top or bottom often does), never lower right, where
    the figures put their legends. A note wider than half the axes is set on two lines (but for Japanese), so
    that a narrow panel still has a free corner. Call it once the limits are set, since it reads where the
    points fall."""
    notes = [t for t in ax.texts if t.get_gid() == "diverged"]
    if not notes:
        return
    to_axes = ax.transData + ax.transAxes.inverted()
    drawn = [line.get_xydata() for line in ax.lines if len(line.get_xydata())]
    points = to_axes.transform(np.vstack(drawn)) if drawn else np.empty((0, 2))
    ax.apply_aspect()  # an equal aspect narrows the axes: measure the box the notes will sit in
    width_points = ax.get_position().width * ax.figure.get_figwidth() * 72

    def width(line: str) -> float:
        """A line's width as a fraction of the axes."""
        return 0.02 + NOTE_SIZE * ems(line) / width_points

    for note in notes:
        message = note.get_text()
        # Japanese is not broken at its spaces, which stand between a number and its particle ("9 で").
        if width(message) > 0.5 and " " in message and not any(map(_wide, message)):
            middle = min((i for i, c in enumerate(message) if c == " "), key=lambda i: abs(i - len(message) / 2))
            note.set_text(message[:middle] + "\n" + message[middle + 1 :])
    lines = [note.get_text().count("\n") + 1 for note in notes]
    wide = min(1.0, max(width(line) for note in notes for line in note.get_text().splitlines()))
    high = 0.03 + NOTE_STEP * sum(lines)

    def covered(corner):
        left, top = corner
        # open towards the edges: a mark on the edge (where a path leaves) is drawn half outside
        xs = (-np.inf, wide) if left else (1.0 - wide, np.inf)
        ys = (1.0 - high, np.inf) if top else (-np.inf, high)
        inside = (points[:, 0] >= xs[0]) & (points[:, 0] <= xs[1]) & (points[:, 1] >= ys[0]) & (points[:, 1] <= ys[1])
        return int(inside.sum())

    left, top = min([(True, True), (True, False), (False, True)], key=covered)  # lower right: the legend's
    order = range(len(notes)) if top else reversed(range(len(notes)))
    offset = 0.0
    for index in order:
        note = notes[index]
        note.set_position((0.02 if left else 0.98, 0.97 - offset if top else 0.03 + offset))
        note.set_horizontalalignment("left" if left else "right")
        note.set_verticalalignment("top" if top else "bottom")
        note.set_multialignment("left" if left else "right")
        offset += NOTE_STEP * lines[index]


def limits(ax, f: oc.Function):
    """The function's frame (the bowl: the book's ±10) and the axis names."""
    (x0, x1), (y0, y1) = f.frame()
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_xlabel("x")
    ax.set_ylabel("y")


def plot_path_panel(ax, paths: list[Row], shown: list[oc.Series], *, points=None, lang="en", title=None):
    """Paths on the contour plot, as in the book: contour, paths, '+' at the minimum, limits."""
    f = paths[0].function
    plot_contour(ax, f)
    for path, look in zip(paths, shown, strict=True):
        plot_path(ax, path, look, points=points, lang=lang)
    mark_minima(ax, f)
    limits(ax, f)
    place_notes(ax)
    ax.set_title(shown[0].label if title is None else title, pad=10, wrap=True)  # clear of a mark on the top edge
    if len(paths) > 1:
        ax.legend(loc="lower right")
    return ax


def path_figure(t: oc.Trajectory, *, lang: str = "en", size=(6.4, 4.8)) -> Figure:
    """One optimizer's path (or one per start of a batch) on the contour plot, titled with its settings as the
    book titles its panels: "SGD (η=0.95) on f"."""
    paths = rows(t)
    fig = Figure(figsize=size, layout="constrained")
    ax = fig.add_subplot()
    [name] = labelled([t.optimizer], [paths[0].start], lang)
    title = math_powers(text("path_title", lang, name=name.label, function=function_label(t.function, lang)))
    plot_path_panel(ax, paths, looks(paths, lang), lang=lang, title=title)
    return localised(fig, lang)


def compare_figure(trajectories: list[oc.Trajectory], *, lang: str = "en", size=(9.0, 8.0)) -> Figure:
    """A grid of path panels, two columns wide (the book's Fig. 6-8 is the 2×2 of its four optimizers)."""
    panels = [rows(t) for t in trajectories]
    shown = looks([p for paths in panels for p in paths], lang)
    fig = _panels(len(panels), 2, size)
    for index, (ax, paths) in enumerate(zip(fig.axes, panels, strict=False)):
        first = sum(len(p) for p in panels[:index])
        plot_path_panel(ax, paths, shown[first : first + len(paths)], lang=lang)
    function = function_label(panels[0][0].function, lang)
    fig.suptitle(text("compare_title", lang, function=function), fontweight="bold", wrap=True)
    return localised(fig, lang)


def _panels(count: int, columns: int, size) -> Figure:
    """A figure with ``count`` panels, ``columns`` wide; the spare cells of the last row are hidden."""
    columns = min(columns, count)
    fig = Figure(figsize=size, layout="constrained")
    axes = fig.subplots(-(-count // columns), columns, squeeze=False).ravel()
    for ax in axes[count:]:
        fig.delaxes(ax)
    return fig


def learning_rate_figure(trajectories: list[oc.Trajectory], *, lang: str = "en", size=(12.0, 4.4)) -> Figure:
    """The golf picture of the learning rate: one panel per rate, each titled with what became of the ball
    (f after the last step, or where it left the picture or diverged, which the panel marks). Each panel
    shows one path, in its optimizer's own colour and a solid line, as every single-path figure does."""
    paths = rows(trajectories)
    fig = _panels(len(paths), len(paths), size)
    for ax, path, named in zip(fig.axes, paths, looks(paths, lang), strict=True):
        [own] = looks([path], lang)
        look = own._replace(label=named.label)  # the label still says what differs between the panels
        ax.set_aspect("equal")
        plot_path_panel(ax, [path], [look], lang=lang)
        steps = len(path.values) - 1
        value = number(float(path.values[-1]), lang, ".3g")
        ax.set_title(f"{look.label}\n{text('after_steps', lang, steps=steps, value=value)}", fontsize=10)
    names = ", ".join(dict.fromkeys(path.optimizer.info.display_name for path in paths))
    title = text(
        "learning_rate_title",
        lang,
        name=terms(lang).get(names, names),
        count=len(paths),
        function=function_label(paths[0].function, lang),
    )
    fig.suptitle(title, fontweight="bold", wrap=True)
    return localised(fig, lang)


def overlay_figure(trajectories: list[oc.Trajectory], *, lang: str = "en", size=(7.2, 5.4)) -> Figure:
    """Every path on one contour plot, with a legend; titled with the start when all share one."""
    paths = rows(trajectories)
    fig = Figure(figsize=size, layout="constrained")
    ax = fig.add_subplot()
    starts = {p.start for p in paths}
    function = function_label(paths[0].function, lang)
    title = (
        text("overlay_title", lang, start=pair(paths[0].start, lang), function=function)
        if len(starts) == 1
        else text("overlay_title_many", lang, function=function)
    )
    plot_path_panel(ax, paths, looks(paths, lang), lang=lang, title=title)
    if len(paths) == 1:
        ax.legend(loc="lower right")
    return localised(fig, lang)


def loss_figure(trajectories: list[oc.Trajectory], *, lang: str = "en", size=(6.4, 4.2)) -> Figure:
    """f against step on a log axis, measured from the function's lowest value (:func:`loss_floor`; a typed
    expression's may lie below zero). Exact zeros (AdaGrad reaches 0.0 in float64) are left out of the line.
    A function that falls away without bound (a saddle) is drawn on a symmetric log axis instead."""
    paths = rows(trajectories)
    f = paths[0].function
    floor = loss_floor(paths)
    fig = Figure(figsize=size, layout="constrained")
    ax = fig.add_subplot()
    for path, look in zip(paths, looks(paths, lang), strict=True):
        above = path.values - (floor or 0.0)
        values = np.where(above > 0, above, np.nan) if floor is not None else path.values
        ax.plot(
            np.arange(len(values)),
            values,
            color=look.color,
            label=look.label,
            linestyle=look.linestyle,
            marker=look.marker,
            markevery=max(1, len(values) // 12),
            markersize=4,
        )
        if path.diverged_at >= 0:
            point = (path.diverged_at, values[path.diverged_at])
            _mark(ax, point, text("diverged", lang, step=path.diverged_at), look.color)
    if floor is None:
        ax.set_yscale("symlog", linthresh=1.0)
    else:
        ax.set_yscale("log")
    place_notes(ax)
    ax.set_xlabel(text("step", lang))
    shift = f" {'+' if (floor or 0) < 0 else MINUS} {number(abs(floor), lang, '.3g')}" if floor else ""
    ax.set_ylabel(text("loss", lang) + shift)
    ax.set_title(text("loss_title_on", lang, function=function_label(f, lang)), wrap=True)
    ax.grid(True, which="major", alpha=0.3)
    ax.legend()
    return localised(fig, lang)


def loss_floor(paths: list[Row]) -> float | None:
    """What the loss figure measures f from: the function's known minimum value (0 for the built-ins), else its
    lowest minimum found (or the lowest value a path reached, if lower); 0 when f stays positive and none is
    known; None when f falls below zero without a minimum to measure from (a saddle).

    >>> t = oc.run(oc.get_optimizer("adam", lr=0.3), oc.get_function("x**4 - x**2 + y**2"), steps=100)
    >>> round(loss_floor(rows(t)), 4)
    -0.25
    """
    f = paths[0].function
    if f.minimum_value is not None:
        return f.minimum_value
    reached = min(float(np.nanmin(np.where(np.isfinite(p.values), p.values, np.nan))) for p in paths)
    if f.minima:
        lowest = min(float(f.value(minimum)) for minimum in f.minima)
        floor = min(lowest, reached)
        return 0.0 if abs(floor) < 1e-12 else floor
    return 0.0 if reached > 0 else None


def step_size_figure(trajectories: list[oc.Trajectory], *, lang: str = "en", size=(8.4, 4.2)) -> Figure:
    """|Δx| (left) and |Δy| (right) per step, on one log scale: AdaGrad's strokes shrink as h accumulates."""
    paths = rows(trajectories)
    fig = Figure(figsize=size, layout="constrained")
    axes = fig.subplots(1, 2, sharey=True)
    shown = looks(paths, lang)
    for coordinate, (ax, name) in enumerate(zip(axes, ("|Δx|", "|Δy|"), strict=True)):
        for path, look in zip(paths, shown, strict=True):
            steps = np.abs(np.diff(path.positions[:, coordinate]))
            steps = np.where(steps > 0, steps, np.nan)
            k = np.arange(1, len(steps) + 1)
            ax.plot(
                k,
                steps,
                linestyle=look.linestyle,
                marker=look.marker,
                markevery=marker_spacing(len(k)),
                ms=3,
                color=look.color,
                label=look.label,
            )
        ax.set_yscale("log")
        ax.set_title(name)
        ax.set_xlabel(text("step", lang))
        ax.grid(True, alpha=0.3)
    axes[0].set_ylim(bottom=max(axes[0].get_ylim()[0], 1e-6))  # below that the steps are invisible on any page
    axes[0].set_ylabel(text("step_size", lang))
    function = function_label(paths[0].function, lang)
    fig.suptitle(text("step_size_title", lang, function=function), fontweight="bold", wrap=True)
    fig.legend(*axes[0].get_legend_handles_labels(), loc="outside right center", fontsize=8)
    return localised(fig, lang)


def _arrow(ax, tail, vector, color, label, *, label_offset=(0.0, 0.0), ha="center", va="center"):
    """An arrow from ``tail`` along ``vector``, labelled beside its middle in its own colour."""
    tail, vector = np.asarray(tail, dtype=float), np.asarray(vector, dtype=float)
    ax.annotate(
        "",
        xy=tuple(tail + vector),
        xytext=tuple(tail),
        arrowprops={"arrowstyle": "-|>", "color": color, "lw": 2.6, "mutation_scale": 20, "shrinkA": 0, "shrinkB": 0},
    )
    middle = tail + vector / 2 + np.asarray(label_offset)
    ax.text(*middle, label, color=color, ha=ha, va=va, fontsize=11, fontweight="bold")


def vector_sum_figure(opt: oc.Optimizer, *, lang: str = "en", size=(5.6, 5.2)) -> Figure:
    """① + ② = the step: the article's sketch, with the parts computed by the momentum update itself."""
    parts = oc.analogy.right_angle_turn(opt)
    fig = Figure(figsize=size, layout="constrained")
    ax = fig.add_subplot()
    labels = (
        text("previous_step", lang),
        text("gradient_step", lang),
        text("new_step", lang, angle=parts.turn_degrees),
    )
    plot_vector_sum(ax, parts.carried, parts.gradient_step, parts.step, labels)
    _right_angle_sketch(ax, parts.carried, parts.gradient_step)
    ax.set_title(text("vector_sum_title", lang))
    return fig


def impulse_figure(*, lang: str = "en", size=(5.6, 5.2)) -> Figure:
    """m·v before + F·Δt = m·v after, with equal magnitudes: the body turns 45°, not 90°."""
    kick = oc.analogy.impulse(1.0, (0.0, 1.0), (1.0, 0.0), 1.0)
    fig = Figure(figsize=size, layout="constrained")
    ax = fig.add_subplot()
    labels = (
        text("momentum_before", lang),
        text("impulse", lang),
        text("momentum_after", lang, angle=kick.turn_degrees),
    )
    plot_vector_sum(ax, kick.momentum_before, kick.impulse, kick.momentum_after, labels)
    ax.plot(0, 0, "o", color="0.35", markersize=16, zorder=5)
    fig.suptitle(text("impulse_title", lang), fontweight="bold", fontsize=10)
    ax.set_title(text("impulse_law", lang), fontsize=13, fontweight="normal")
    return fig


def plot_vector_sum(ax, first, second, total, labels: tuple[str, str, str]):
    """``first`` from the origin, ``second`` from its tip, and their sum ``total``, each labelled beside it.

    The colours say what the parts stand for in Momentum: ``first`` is the carried step αv (Momentum's colour),
    ``second`` the new gradient step −η∇L (SGD's), ``total`` the step taken. The impulse sketch uses the same
    colours, since m·v plays the part of αv and F·Δt that of −η∇L.
    """
    origin = np.zeros(2)
    gap = 0.06 * np.linalg.norm(first)
    _arrow(ax, origin, first, oc.INFO["momentum"].color, labels[0], label_offset=(-gap, 0), ha="right")
    _arrow(ax, first, second, oc.INFO["sgd"].color, labels[1], label_offset=(0, gap), va="bottom")
    _arrow(ax, origin, total, oc.display.STEP_COLOR, labels[2], label_offset=(gap, -gap), ha="left", va="top")
    _frame_vectors(ax, [origin, first, total])
    return ax


def _right_angle_sketch(ax, first, second):
    """The small square at the corner where ② meets ①."""
    size = 0.08 * np.linalg.norm(first)
    u, w = -first / np.linalg.norm(first) * size, second / np.linalg.norm(second) * size
    corner = np.array([first, first + u, first + u + w, first + w])
    ax.plot(corner[:, 0], corner[:, 1], color="0.5", lw=0.8)


def _frame_vectors(ax, points):
    points = np.array(points)
    low, high = points.min(axis=0), points.max(axis=0)
    span = max(high - low)
    ax.set_xlim(low[0] - 0.75 * span, high[0] + 0.25 * span)
    ax.set_ylim(low[1] - 0.2 * span, high[1] + 0.2 * span)
    ax.set_aspect("equal")
    ax.axis("off")


#: The most labelled ticks on each axis of the 3-D surface's floor.
SURFACE_TICKS = 5


def surface_figure(trajectories: list[oc.Trajectory], *, lang: str = "en", size=(7.2, 5.6)) -> Figure:
    """The function as a 3-D surface over its view, with each path lifted onto it."""
    paths = rows(trajectories)
    f = paths[0].function
    fig = Figure(figsize=size, layout="constrained")
    ax = fig.add_subplot(projection="3d")
    (x0, x1), (y0, y1) = f.frame(wide=True)
    grid = np.stack(np.meshgrid(np.linspace(x0, x1, 60), np.linspace(y0, y1, 60)), axis=-1)
    z = f.value(grid)
    ax.plot_surface(
        grid[..., 0], grid[..., 1], z, cmap="viridis", alpha=0.55, linewidth=0, antialiased=True, rcount=60, ccount=60
    )
    lift = 0.01 * (np.nanmax(z) - np.nanmin(z))
    for path, look in zip(paths, looks(paths, lang), strict=True):
        p = path.positions
        inside = (p[:, 0] >= x0) & (p[:, 0] <= x1) & (p[:, 1] >= y0) & (p[:, 1] <= y1)
        ax.plot(
            p[inside, 0],
            p[inside, 1],
            path.values[inside] + lift,
            linestyle=look.linestyle,
            marker=look.marker,
            markevery=marker_spacing(int(inside.sum())),
            color=look.color,
            markersize=2.5,
            linewidth=1.4,
            label=look.label,
            zorder=10,
        )
    for axis in (ax.xaxis, ax.yaxis, ax.zaxis):
        axis.set_pane_color((0.0, 0.0, 0.0, 0.0))  # no light grey panes on a dark theme
    ax.view_init(elev=38, azim=-62)
    # Foreshortened, the floor's axes have room for about five labels each: nine ran into one another.
    ax.xaxis.set_major_locator(MaxNLocator(SURFACE_TICKS))
    ax.yaxis.set_major_locator(MaxNLocator(SURFACE_TICKS))
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.set_zlabel("f")
    ax.set_title(text("surface_title", lang, function=function_label(f, lang)), wrap=True)
    # Below the box: a legend inside a 3-D plot lands on the surface or on the box's edges.
    fig.legend(loc="outside lower center", ncols=min(len(paths), 2), fontsize=8)
    return localised(fig, lang)


def sweep_figure(result: oc.SweepResult, f: oc.Function, *, tol: float, lang: str = "en", size=(7.0, 5.2)) -> Figure:
    """Steps to reach ``tol`` over (lr, momentum); diverged cells hatched; the theory's optimum starred."""
    lrs, momenta = result.axes["lr"], result.axes["momentum"]
    fig = Figure(figsize=size, layout="constrained")
    ax = fig.add_subplot()
    steps = np.ma.masked_invalid(result.steps_to_tol.T)
    mesh = ax.pcolormesh(lrs, momenta, steps, shading="nearest", cmap="viridis_r", norm=_steps_scale(steps))
    fig.colorbar(mesh, ax=ax, label=text("steps_to_tol", lang))
    unreached = np.where(np.isnan(result.steps_to_tol.T) & ~result.diverged.T, 1.0, np.nan)
    ax.pcolormesh(
        lrs, momenta, np.ma.masked_invalid(unreached), shading="nearest", cmap=ListedColormap([UNREACHED_COLOR])
    )
    diverged = result.diverged.T.astype(float)
    ax.contourf(lrs, momenta, diverged, levels=[0.5, 1.5], colors=[DIVERGED_COLOR], hatches=["//"])
    ax.fill([], [], color=DIVERGED_COLOR, hatch="//", label=text("diverged_cells", lang))
    ax.fill([], [], color=UNREACHED_COLOR, label=text("never", lang))
    if f.eigenvalues is not None:
        best = oc.theory.optimal_heavy_ball(f)
        best_momentum = number(best.momentum, lang, ".2f")
        ax.plot(
            best.lr,
            best.momentum,
            "*",
            color="white",
            markersize=16,
            markeredgecolor="black",
            label=f"{text('optimum', lang)} (η={number(best.lr, lang, '.2f')}{separator(lang)}α={best_momentum})",
        )
        rate = oc.theory.heavy_ball_rate(*np.meshgrid(lrs, momenta), f)
        ax.contour(lrs, momenta, rate, levels=[1.0], colors="0.3", linestyles="--", linewidths=1)
    ax.set_xlabel(text("learning_rate", lang))
    ax.set_ylabel(text("momentum", lang))
    title = text("sweep_title", lang, tol=tol, function=function_label(f, lang))
    ax.set_title(math_powers(title), wrap=True)
    fig.legend(loc="outside lower center", ncols=3, fontsize=8)  # below: every cell of the map is data
    return localised(fig, lang)


def _steps_scale(steps: np.ma.MaskedArray) -> LogNorm:
    """The sweep's colour scale: the steps the cells took, or, where no two cells differ (none reached the
    tolerance, or all in the same number of steps), a decade either side, since a log scale needs a range.

    >>> _steps_scale(np.ma.masked_invalid([np.nan, np.nan])).vmin, _steps_scale(np.ma.masked_invalid([40.0])).vmax
    (1.0, 400.0)
    """
    taken = np.unique(steps.compressed())
    if len(taken) > 1:
        return LogNorm()
    middle = float(taken[0]) if len(taken) else 10**0.5
    return LogNorm(max(middle / 10, 1.0), middle * 10)


def function_label(f: oc.Function, lang: str = "en") -> str:
    """The formula as maths (built-ins and typed expressions alike, from the SymPy expression that was checked),
    in the language's number format and as one word: mathtext ignores spaces, and a title that wraps then never
    breaks inside its formula.

    Mathtext covers every function the expression whitelist accepts; should it refuse a formula, the
    expression is shown as a reader writes it.

    >>> function_label(oc.get_function("beale"), "de")[:21]
    '$(1{,}5-x+xy)^2+(2{,}'
    """
    from matplotlib.mathtext import MathTextParser

    from .labels import plain_expression

    latex = f.latex.removeprefix("f(x, y) = ").replace("\\ ", "\\;")  # a TeX space that must stay one
    latex = re.sub(r"(\\[A-Za-z]+) +", r"\1{}", latex)  # \pi x: the command's name ends where the space was
    formula = "$" + latex.replace(" ", "") + "$"
    try:
        MathTextParser("path").parse(formula)
    except ValueError:
        return plain_expression(f.expression, lang).replace(" ", "")
    return formula.replace(".", "{,}") if DECIMAL_SEPARATOR[lang] == "," else formula


_POWER = re.compile("10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)")
_DIGITS = str.maketrans("⁻⁰¹²³⁴⁵⁶⁷⁸⁹", "-0123456789")


def math_powers(title: str) -> str:
    """A title with a formula in it is set by mathtext, whose words have no font fallback: Japanese's font
    has no superscript minus, so 10⁻⁶ is written as maths there too.

    >>> math_powers("$x^2$: f < 10⁻⁶")
    '$x^2$: f < $10^{-6}$'
    """
    if "$" not in title:
        return title
    return _POWER.sub(lambda m: "$10^{" + m[1].translate(_DIGITS) + "}$", title)


class _Localised(Formatter):
    """A tick formatter that writes another's numbers with a decimal comma (inside mathtext as ``{,}``)."""

    def __init__(self, inner: Formatter):
        self.inner = inner

    def set_axis(self, axis):
        super().set_axis(axis)
        self.inner.set_axis(axis)

    def set_locs(self, locs):
        self.inner.set_locs(locs)

    def _comma(self, label: str) -> str:
        return label.replace(".", "{,}") if "$" in label else label.replace(".", ",")

    def __call__(self, x, pos=None):
        return self._comma(self.inner(x, pos))

    def format_ticks(self, values):
        return [self._comma(label) for label in self.inner.format_ticks(values)]

    def get_offset(self):
        return self._comma(self.inner.get_offset())


def localised(fig: Figure, lang: str) -> Figure:
    """Tick labels in the language's number format (matplotlib's ``axes.formatter.use_locale`` needs an
    installed system locale, which a server rarely has)."""
    if DECIMAL_SEPARATOR[lang] == ".":
        return fig
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis, *([ax.zaxis] if hasattr(ax, "zaxis") else [])):
            for ticker in (axis.major, axis.minor):
                if not isinstance(ticker.formatter, _Localised):
                    ticker.formatter = _Localised(ticker.formatter)
                    ticker.formatter.set_axis(axis)
    return fig
