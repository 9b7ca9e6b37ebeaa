"""Figure kinds. Each ``plot_*`` draws into a given Axes and returns what it drew; each ``*_figure`` builds a
:class:`~matplotlib.figure.Figure` (no pyplot, so they work in scripts, servers and Jupyter alike).

Every number drawn comes from :mod:`optim_core`: the figures never compute an optimizer step themselves.
"""

from __future__ import annotations

import matplotlib as mpl
import numpy as np
from matplotlib.colors import LogNorm
from matplotlib.figure import Figure

import optim_core as oc
from catalog import text

#: The resulting step in the vector sketches (the parts take the colours of Momentum and SGD).
STEP_COLOR = "#009E73"
DIVERGED_COLOR = "#f1d3cf"
#: The book's comparison figure: 30 plotted points (the start and 29 updates), axes limits ±10.
BOOK_POINTS = 30
BOOK_LIMIT = 10.0


def is_book_bowl(f: oc.Function) -> bool:
    return f.name == "bowl"


def plot_contour(ax, f: oc.Function, *, window=None, resolution: int = 240):
    """Contour lines of ``f`` over ``window`` (default: the function's own).

    For the bowl this is the book's own grid, exactly: x in [-10, 10) and y in [-5, 5) at 0.01, with values
    above 7 set to 0, and matplotlib's default levels.
    """
    if is_book_bowl(f) and window is None:
        x, y = np.arange(-10, 10, 0.01), np.arange(-5, 5, 0.01)
        grid = np.stack(np.meshgrid(x, y), axis=-1)
        z = f.value(grid)
        z[z > 7] = 0
        return ax.contour(grid[..., 0], grid[..., 1], z, linewidths=0.8)
    (x0, x1), (y0, y1) = window or f.window
    grid = np.stack(np.meshgrid(np.linspace(x0, x1, resolution), np.linspace(y0, y1, resolution)), axis=-1)
    with np.errstate(all="ignore"):
        z = f.value(grid)
    finite = z[np.isfinite(z)]
    if finite.size and finite.min() >= 0 and finite.max() > 0:
        low = max(np.quantile(finite[finite > 0], 0.005), finite.max() * 1e-6)
        levels = np.geomspace(low, finite.max(), 14)
        return ax.contour(grid[..., 0], grid[..., 1], z, levels=levels, norm=LogNorm(), linewidths=0.8)
    return ax.contour(grid[..., 0], grid[..., 1], z, levels=14, linewidths=0.8)


def mark_minima(ax, f: oc.Function):
    """A '+' at each known minimum, as the book marks the origin."""
    color = mpl.rcParams["text.color"]  # dark on light themes, light on the dark one
    return [ax.plot(*m, "+", color=color, markersize=9, markeredgewidth=1.5)[0] for m in f.minima]


def plot_path(ax, t: oc.Trajectory, *, row: int | None = None, points: int | None = None, label=None, lang="en"):
    """The path of one trajectory row as 'o-' in the optimizer's colour; a diverged row is marked."""
    positions = t.positions if row is None else t.positions[:, row]
    diverged_at = int(t.diverged_at if row is None else t.diverged_at[row])
    shown = positions[: points or len(positions)]
    color = t.optimizer.info.color
    (line,) = ax.plot(shown[:, 0], shown[:, 1], "o-", color=color, label=label, markersize=3.5, linewidth=1.2)
    ax.plot(*shown[0], "o", color=color, markersize=6, markeredgecolor="white", zorder=3)
    if 0 <= diverged_at < len(shown):
        _mark_divergence(ax, shown[diverged_at], diverged_at, color, lang)
    return line


def _mark_divergence(ax, point, step, color, lang):
    ax.plot(*point, "X", color=color, markersize=9, markeredgecolor="white", zorder=4, clip_on=True)
    count = sum(1 for t in ax.texts if t.get_gid() == "diverged")
    ax.text(
        0.02,
        0.97 - 0.07 * count,
        text("diverged", lang, step=step),
        transform=ax.transAxes,
        color=color,
        va="top",
        ha="left",
        fontsize=9,
        fontweight="bold",
        gid="diverged",
        bbox={"boxstyle": "round,pad=0.2", "facecolor": ax.get_facecolor(), "edgecolor": "none", "alpha": 0.85},
    )


def limits(ax, f: oc.Function):
    if is_book_bowl(f):
        ax.set_xlim(-BOOK_LIMIT, BOOK_LIMIT)
        ax.set_ylim(-BOOK_LIMIT, BOOK_LIMIT)
    else:
        ax.set_xlim(*f.window[0])
        ax.set_ylim(*f.window[1])
    ax.set_xlabel("x")
    ax.set_ylabel("y")


def plot_path_panel(ax, t: oc.Trajectory, *, points: int | None = None, lang: str = "en", title: str | None = None):
    """One optimizer on the contour plot, as in the book: contour, path, '+' at the minimum, limits."""
    plot_contour(ax, t.function)
    plot_path(ax, t, points=points, lang=lang)
    mark_minima(ax, t.function)
    limits(ax, t.function)
    ax.set_title(title if title is not None else t.optimizer.label())
    return ax


def path_figure(t: oc.Trajectory, *, lang: str = "en", size=(6.4, 4.8)) -> Figure:
    fig = Figure(figsize=size)
    ax = fig.add_subplot()
    title = text("path_title", lang, name=t.optimizer.label(), function=_function_label(t.function))
    plot_path_panel(ax, t, lang=lang, title=title)
    return fig


def compare_figure(trajectories: list[oc.Trajectory], *, lang: str = "en", size=(9.0, 8.0)) -> Figure:
    """A grid of path panels, two columns wide (the book's Fig. 6-8 is the 2×2 of its four optimizers)."""
    columns = 1 if len(trajectories) == 1 else 2
    rows = -(-len(trajectories) // columns)
    fig = Figure(figsize=size, layout="constrained")
    axes = fig.subplots(rows, columns, squeeze=False).ravel()
    for ax, t in zip(axes, trajectories, strict=False):
        plot_path_panel(ax, t, lang=lang)
    for ax in axes[len(trajectories) :]:
        ax.set_visible(False)
    fig.suptitle(text("compare_title", lang), fontweight="bold")
    return fig


def overlay_figure(trajectories: list[oc.Trajectory], *, lang: str = "en", size=(7.2, 5.4)) -> Figure:
    fig = Figure(figsize=size, layout="constrained")
    ax = fig.add_subplot()
    f = trajectories[0].function
    plot_contour(ax, f)
    for t in trajectories:
        plot_path(ax, t, label=t.optimizer.label(), lang=lang)
    mark_minima(ax, f)
    limits(ax, f)
    start = tuple(float(v) for v in trajectories[0].positions[0])
    ax.set_title(text("overlay_title", lang, start=f"({start[0]:g}, {start[1]:g})"))
    ax.legend(loc="lower right", frameon=True, framealpha=0.9)
    return fig


def loss_figure(trajectories: list[oc.Trajectory], *, lang: str = "en", size=(6.4, 4.2)) -> Figure:
    """f against step on a log axis. Exact zeros (AdaGrad reaches 0.0 in float64) are left out of the line."""
    fig = Figure(figsize=size, layout="constrained")
    ax = fig.add_subplot()
    for t in trajectories:
        values = np.where(t.values > 0, t.values, np.nan)
        ax.plot(np.arange(len(values)), values, color=t.optimizer.info.color, label=t.optimizer.label())
        if t.diverged:
            _mark_divergence(
                ax, (int(t.diverged_at), values[int(t.diverged_at)]), int(t.diverged_at), t.optimizer.info.color, lang
            )
    ax.set_yscale("log")
    ax.set_xlabel(text("step", lang))
    ax.set_ylabel(text("loss", lang))
    ax.set_title(text("loss_title", lang))
    ax.grid(True, which="major", alpha=0.3)
    ax.legend()
    return fig


def step_size_figure(trajectories: list[oc.Trajectory], *, lang: str = "en", size=(8.4, 4.2)) -> Figure:
    """|Δx| (solid) and |Δy| (dashed) per step: AdaGrad's strokes shrink as h accumulates."""
    fig = Figure(figsize=size, layout="constrained")
    ax = fig.add_subplot()
    for t in trajectories:
        steps = np.abs(np.diff(t.positions, axis=0))
        steps = np.where(steps > 0, steps, np.nan)
        k = np.arange(1, len(steps) + 1)
        color = t.optimizer.info.color
        ax.plot(k, steps[:, 0], "-", color=color, label=f"{t.optimizer.label()}: |Δx|")
        ax.plot(k, steps[:, 1], "--", color=color, label=f"{t.optimizer.label()}: |Δy|")
    ax.set_yscale("log")
    ax.set_ylim(bottom=max(ax.get_ylim()[0], 1e-6))  # below that the steps are invisible on any page
    ax.set_xlabel(text("step", lang))
    ax.set_ylabel(text("step_size", lang))
    ax.set_title(text("step_size_title", lang))
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize=8, loc="center left", bbox_to_anchor=(1.01, 0.5))
    return fig


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
    ax.set_title(r"$m\,v_{\mathrm{before}} + F\,\Delta t = m\,v_{\mathrm{after}}$", fontsize=13, fontweight="normal")
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
    _arrow(ax, origin, total, STEP_COLOR, labels[2], label_offset=(gap, -gap), ha="left", va="top")
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


def surface_figure(trajectories: list[oc.Trajectory], *, lang: str = "en", size=(7.2, 5.6)) -> Figure:
    """The function as a 3-D surface, with each path lifted onto it."""
    f = trajectories[0].function
    fig = Figure(figsize=size, layout="constrained")
    ax = fig.add_subplot(projection="3d")
    (x0, x1), (y0, y1) = f.window
    if is_book_bowl(f):
        y0, y1 = -5.0, 5.0  # the book's grid; the bowl rises to 105 at y = ±10 and would flatten the rest
    grid = np.stack(np.meshgrid(np.linspace(x0, x1, 60), np.linspace(y0, y1, 60)), axis=-1)
    z = f.value(grid)
    ax.plot_surface(
        grid[..., 0], grid[..., 1], z, cmap="viridis", alpha=0.55, linewidth=0, antialiased=True, rcount=60, ccount=60
    )
    lift = 0.01 * (np.nanmax(z) - np.nanmin(z))
    for t in trajectories:
        p = t.positions
        inside = (p[:, 0] >= x0) & (p[:, 0] <= x1) & (p[:, 1] >= y0) & (p[:, 1] <= y1)
        ax.plot(
            p[inside, 0],
            p[inside, 1],
            t.values[inside] + lift,
            "o-",
            color=t.optimizer.info.color,
            markersize=2.5,
            linewidth=1.4,
            label=t.optimizer.label(),
            zorder=10,
        )
    ax.view_init(elev=38, azim=-62)
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.set_zlabel("f")
    ax.set_title(text("surface_title", lang))
    ax.legend(loc="upper left", fontsize=8)
    return fig


def sweep_figure(result: oc.SweepResult, f: oc.Function, *, tol: float, lang: str = "en", size=(7.0, 5.2)) -> Figure:
    """Steps to reach ``tol`` over (lr, momentum); diverged cells hatched; the theory's optimum starred."""
    lrs, momenta = result.axes["lr"], result.axes["momentum"]
    fig = Figure(figsize=size, layout="constrained")
    ax = fig.add_subplot()
    steps = np.ma.masked_invalid(result.steps_to_tol.T)
    mesh = ax.pcolormesh(lrs, momenta, steps, shading="nearest", cmap="viridis_r", norm=LogNorm())
    fig.colorbar(mesh, ax=ax, label=text("steps_to_tol", lang))
    unreached = np.where(np.isnan(result.steps_to_tol.T) & ~result.diverged.T, 1.0, np.nan)
    ax.pcolormesh(lrs, momenta, np.ma.masked_invalid(unreached), shading="nearest", cmap="Greys", vmin=0, vmax=4)
    diverged = result.diverged.T.astype(float)
    ax.contourf(lrs, momenta, diverged, levels=[0.5, 1.5], colors=[DIVERGED_COLOR], hatches=["//"])
    ax.fill([], [], color=DIVERGED_COLOR, hatch="//", label=text("diverged_cells", lang))
    ax.fill([], [], color="#bfbfbf", label=text("never", lang))
    if f.eigenvalues is not None:
        best = oc.theory.optimal_heavy_ball(f)
        ax.plot(
            best.lr,
            best.momentum,
            "*",
            color="#E69F00",
            markersize=16,
            markeredgecolor="black",
            label=f"{text('optimum', lang)} (η={best.lr:.2f}, α={best.momentum:.2f})",
        )
        rate = oc.theory.heavy_ball_rate(*np.meshgrid(lrs, momenta), f)
        ax.contour(lrs, momenta, rate, levels=[1.0], colors="0.3", linestyles="--", linewidths=1)
    ax.set_xlabel(text("learning_rate", lang))
    ax.set_ylabel(text("momentum", lang))
    ax.set_title(text("sweep_title", lang, tol=tol))
    ax.legend(loc="lower right", frameon=True, framealpha=0.95, fontsize=8)
    return fig


def _function_label(f: oc.Function) -> str:
    """Built-ins by their formula (written for both LaTeX and matplotlib's mathtext); custom ones as typed."""
    if f.name.split("(")[0] in oc.function_names():
        return "$" + f.latex.removeprefix("f(x, y) = ") + "$"
    return f.expression
