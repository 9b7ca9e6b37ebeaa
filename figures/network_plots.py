"""The network chapter's figures: the book's Figure 6-9 on real digits, the loss on the plane of the weight paths,
and minibatch SGD on the bowl. Like :mod:`figures.plots`, each ``*_figure`` builds a
:class:`~matplotlib.figure.Figure` without pyplot and draws only arrays that :mod:`optim_core.network` and
:mod:`optim_core.minibatch` return.
"""

from __future__ import annotations

import matplotlib as mpl
import numpy as np
from matplotlib.cm import ScalarMappable
from matplotlib.colors import LogNorm
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.ticker import LogFormatterSciNotation

import optim_core as oc
from catalog import grouped, number, text
from optim_core.minibatch import MinibatchRun
from optim_core.network import Chapter

from .labels import Row, looks, rows
from .network_words import chapter_looks, diverged_notes, is_whole_data, shares
from .plots import (
    corner_note,
    ems,
    in_frame,
    limits,
    localised,
    mark_cut,
    mark_minima,
    place_notes,
    plot_contour,
    plot_path,
    two_lines_if_wider,
)

#: The book marks every 100th iteration of its loss curves.
BOOK_MARK_EVERY = 100
#: A weight path is marked every this many of its records (the weights are kept every 10 iterations).
PATH_MARK_EVERY = 20
#: Contour lines of the landscape, spaced evenly on a log scale between its lowest and highest loss.
LANDSCAPE_LEVELS = 16
#: The minibatch paths are drawn this faint (on a light background, on a dark one), so that where many run
#: together reads stronger, and this thin; the band of the background under the exact path is this wide. Over
#: near-black an optimizer's colour needs more strength to show: at 0.25 the runs were 1.4:1 against it.
NOISY_ALPHA = {False: 0.5, True: 0.6}
NOISY_WIDTH, EXACT_BAND = 0.7, 4.2
#: The landscape's frame when no size is asked for: at most this wide and this high, and no more than the plane
#: drawn to scale fills (see :func:`_fit`).
LANDSCAPE_BOX = (7.6, 6.4)
#: Inches left around what a fitted figure draws, and the rounds of fitting (the layout settles in two).
FIT_MARGIN, FIT_ROUNDS = 0.06, 4
#: The share of its panel (or frame) a title may take before it is set on two lines, and the ems a legend entry
#: takes beside its label (the line sample and the gaps).
TITLE_ROOM, LEGEND_ENTRY_EMS = 0.85, 5.0
#: The filled form of a marker that is all edge, for a path's end.
FILLED = {"x": "X", "+": "P"}


def training_figure(book: Chapter, *, lang: str = "en", size=(10.0, 4.2)) -> Figure:
    """Figure 6-9: each optimizer's minibatch loss per iteration through the book's smoothing, on the book's
    axes (loss from 0 to 1), and beside it the test accuracy every 100 iterations."""
    fig = Figure(figsize=size, layout="constrained")
    ratios = (3, 2)
    loss_ax, accuracy_ax = fig.subplots(1, 2, width_ratios=ratios)
    iterations = np.arange(book.iterations)  # the book's x: the loop's index
    looks = chapter_looks(book.optimizers, lang)
    # A diverged network says so in its legend entry (the legend fills the corner a note would take), and its
    # curve is marked where it stops.
    notes = dict(diverged_notes(book, lang))
    for index, (look, smoothed, accuracy) in enumerate(zip(looks, book.smoothed, book.test_accuracy, strict=True)):
        label = notes.get(index, look.label)
        style = {"color": look.color, "marker": look.marker, "linestyle": look.linestyle, "label": label}
        loss_ax.plot(iterations, smoothed, markevery=BOOK_MARK_EVERY, markersize=5, linewidth=1.3, **style)
        accuracy_ax.plot(book.accuracy_at, accuracy, markersize=5, linewidth=1.3, **style)
        if index in notes:
            drawn = np.flatnonzero(~np.isnan(smoothed))
            end = (drawn[-1], min(float(smoothed[drawn[-1]]), 1.0)) if drawn.size else (0, 1.0)
            mark_cut(loss_ax, end, look.color)
    loss_ax.set_ylim(0, 1)
    loss_ax.set_xlabel(text("iterations", lang))
    loss_ax.set_ylabel(text("network_loss", lang))
    # At a small --size the two titles ran into each other: each takes two lines when wider than its panel.
    room = [TITLE_ROOM * share / sum(ratios) * fig.get_figwidth() * 72 for share in ratios]
    title_size = _points("axes.titlesize")
    loss_ax.set_title(two_lines_if_wider(text("training_loss_title", lang), room[0], title_size))
    loss_ax.legend(loc="upper right")
    accuracy_ax.set_ylim(0, 1)
    accuracy_ax.set_xlabel(text("iterations", lang))
    accuracy_ax.set_ylabel(text("test_accuracy", lang))
    accuracy_title = text("test_accuracy_title", lang, every=int(book.accuracy_at[1]))
    accuracy_ax.set_title(two_lines_if_wider(accuracy_title, room[1], title_size))
    for ax in (loss_ax, accuracy_ax):
        ax.set_xlim(0, book.iterations)
        ax.grid(True, alpha=0.3)
    fig.suptitle(text("training_title", lang), fontweight="bold")
    return localised(fig, lang)


def landscape_figure(book: Chapter, *, lang: str = "en", size=None) -> Figure:
    """The training loss on the plane of the weight paths (Li et al. 2018), with each optimizer's recorded
    weights projected onto it; the axes say how much of the paths each direction holds.

    The plane is drawn to scale (equal aspect), so its shape follows the paths: without a ``size`` the figure
    is :data:`LANDSCAPE_BOX` at most and as high (or as wide) as the plane needs; at a given size the plot, its
    titles and its colour bar stay together, with the rest of the frame around them."""
    plane = book.landscape
    fig = Figure(figsize=size or LANDSCAPE_BOX, layout="compressed")
    ax = fig.add_subplot()
    norm = LogNorm(*plane.positive_range)
    levels = np.geomspace(norm.vmin, norm.vmax, LANDSCAPE_LEVELS)
    # Where the loss reads below zero (see Landscape.positive_range) it is drawn as the lowest level.
    loss = np.clip(plane.loss, norm.vmin, norm.vmax)
    contours = ax.contour(plane.a, plane.b, loss, levels=levels, norm=norm, linewidths=0.9)
    # Below the plot, as wide as it: a plane as flat as one optimizer's leaves no height for a bar and its label.
    scale = fig.colorbar(
        ScalarMappable(norm, contours.cmap), ax=ax, location="bottom", aspect=50, label=text("training_set_loss", lang)
    )
    scale.add_lines(contours)
    scale.formatter, scale.minorformatter = _PlainLog(lang), _PlainLog(lang)
    # A scale that spans little labels minor ticks too: set their labels on the major ones' line.
    rc = mpl.rcParams
    pad = rc["xtick.major.pad"] + rc["xtick.major.size"] - rc["xtick.minor.size"]
    scale.ax.xaxis.set_tick_params(which="minor", pad=pad)
    # The shorter path on top: one that runs along a longer one (SGD along Momentum's line) stays in sight.
    lengths = [np.nansum(np.linalg.norm(np.diff(path, axis=0), axis=1)) for path in plane.paths]
    depths = np.argsort(np.argsort(lengths, kind="stable")[::-1], kind="stable") / len(lengths)
    looks = chapter_looks(book.optimizers, lang)
    for look, path, depth in zip(looks, plane.paths, depths, strict=True):
        ax.plot(
            path[:, 0], path[:, 1], color=look.color, linestyle=look.linestyle, marker=look.marker,
            markevery=PATH_MARK_EVERY, markersize=5, linewidth=1.6, label=look.label, zorder=2 + depth,
        )  # fmt: skip
        # Every end alike, large, filled and edged: the book's "x" is all edge, so its end is the filled "X".
        # A diverged network's path ends at its last recorded weights before it blew up, marked as cut.
        end = FILLED.get(look.marker, look.marker)
        ax.plot(*path[-1], end, color=look.color, markersize=9, markeredgecolor="white", zorder=4)
    for index, note in diverged_notes(book, lang):
        path = plane.paths[index]
        mark_cut(ax, path[~np.isnan(path[:, 0])][-1], looks[index].color)
        corner_note(ax, note, looks[index].color)
    start = {"color": mpl.rcParams["text.color"], "markeredgecolor": "white", "label": text("shared_start", lang)}
    ax.plot(*plane.paths[0, 0], "o", markersize=8, zorder=5, **start)
    ax.set_aspect("equal")
    share, first, second = shares(plane.explained, lang)
    ax.set_xlabel(text("first_direction", lang, share=first))
    ax.set_ylabel(text("second_direction", lang, share=second))
    ax.set_title(text("landscape_explained", lang, share=share), fontweight="normal")
    fig.suptitle(text("landscape_title", lang), fontweight="bold")
    ax.legend(loc="best")  # inside, as on the path figures: the paths start together and leave corners free
    place_notes(ax)
    localised(fig, lang)
    if size is None:
        _fit(fig)
    return fig


def _points(setting: str) -> float:
    """The font size an rcParams ``setting`` holds, in points (the style may name it, as "large")."""
    return FontProperties(size=mpl.rcParams[setting]).get_size_in_points()


class _PlainLog(LogFormatterSciNotation):
    """Labels the ticks a log scale labels (the decades, and between them where a scale spans little), as plain
    numbers in the language's format: 0,6 and 2 rather than 6 × 10⁻¹ and 2 × 10⁰."""

    def __init__(self, lang: str):
        super().__init__()
        self.lang = lang

    def __call__(self, x, pos=None):
        return number(float(x), self.lang, ".3g") if super().__call__(x, pos) else ""


def _fit(fig: Figure) -> None:
    """Shrink ``fig`` to what it draws: an equal-aspect plot in a frame of another shape leaves bands above and
    below it (or beside it), which the compressed layout gathers around the plot, its titles and its colour bar."""
    for _ in range(FIT_ROUNDS):
        fig.draw_without_rendering()
        drawn = fig.get_tightbbox()
        width, height = fig.get_size_inches()
        fitted = (min(width, drawn.width + 2 * FIT_MARGIN), min(height, drawn.height + 2 * FIT_MARGIN))
        if np.allclose(fitted, (width, height), atol=0.01):
            return
        fig.set_size_inches(fitted)


def noise_figure(noisy: list[MinibatchRun], exact: oc.Trajectory, *, lang: str = "en", size=(12.0, 4.8)) -> Figure:
    """One panel per batch size: that batch size's minibatch paths, faint, under the exact full-batch path
    ``exact``, set off from them by a band of the background, all in the optimizer's own colour. A batch of
    all the data steps the exact path itself, so its panel draws that path alone."""
    [path] = rows(exact)
    # The bowl's look, as on every figure of the bowl (the book's markers are Figure 6-9's).
    [look] = looks([path], lang)
    examples, runs = grouped(noisy[0].data.size, lang), noisy[0].positions.shape[1]
    exact_look = look._replace(label=text("exact_path", lang, name=look.label, size=examples))
    fig = Figure(figsize=size, layout="constrained")
    axes = fig.subplots(1, len(noisy), squeeze=False).ravel()
    for ax, run in zip(axes, noisy, strict=True):
        ax.set_aspect("equal")
        plot_contour(ax, path.function)
        whole = is_whole_data(run)
        if not whole:
            plot_noisy_runs(ax, run, path.function, look.color, lang)
        # Under the line only: a halo on the markers too would cut the line between close markers into dashes.
        ax.plot(*path.positions.T, color=mpl.rcParams["axes.facecolor"], linewidth=EXACT_BAND, gid="band")
        plot_path(ax, path, exact_look, lang=lang)
        mark_minima(ax, path.function)
        limits(ax, path.function)
        place_notes(ax)
        title = text("batch_panel_whole" if whole else "batch_panel", lang, batch=grouped(run.batch, lang))
        ax.set_title(title, pad=10)  # clear of a mark on the top edge, as on the bowl's other panels
    handles = [Line2D([], [], color=look.color, marker=look.marker, markersize=4, label=exact_look.label)]
    if not all(map(is_whole_data, noisy)):
        noisy_label = text("noisy_paths", lang, name=look.label, runs=runs)
        handles.append(Line2D([], [], color=look.color, alpha=noisy_alpha(), linewidth=NOISY_WIDTH, label=noisy_label))
    # In a row while the entries fit the frame's width, else one above the other; the title likewise.
    width = fig.get_figwidth() * 72
    legend_size = _points("legend.fontsize")
    row = sum(ems(handle.get_label()) + LEGEND_ENTRY_EMS for handle in handles) * legend_size
    fig.legend(handles=handles, loc="outside lower center", ncols=len(handles) if row <= width else 1)
    title_size = _points("figure.titlesize")
    fig.suptitle(two_lines_if_wider(text("noise_title", lang), TITLE_ROOM * width, title_size), fontweight="bold")
    return localised(fig, lang)


def noisy_alpha() -> float:
    """How faint the minibatch paths are drawn on the theme's background: faint enough that the exact path
    stands out, strong enough that the runs, which are the picture's point, read on white and on near-black."""
    return NOISY_ALPHA[sum(mpl.colors.to_rgb(mpl.rcParams["axes.facecolor"])) < 1.5]


def plot_noisy_runs(ax, run: MinibatchRun, function: oc.Function, color: str, lang: str) -> None:
    """Each of ``run``'s paths, faint: one that leaves the picture is cut at the edge and marked there, as every
    figure of the bowl marks a path (:func:`figures.plots.in_frame`), and one note says how many left."""
    left = 0
    for index in range(run.positions.shape[1]):
        row = Row(run.optimizer, function, run.positions[:, index], run.values[:, index], int(run.diverged_at[index]))
        shown, mark = in_frame(row, lang=lang)
        ax.plot(*shown.T, "-", color=color, linewidth=NOISY_WIDTH, alpha=noisy_alpha())
        if mark is not None:
            mark_cut(ax, mark[0], color)
            left += 1
    if left:
        corner_note(ax, text("runs_leave", lang, count=left, runs=run.positions.shape[1]), color)
