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
from matplotlib.lines import Line2D

import optim_core as oc
from catalog import grouped, text
from optim_core.minibatch import MinibatchRun
from optim_core.network import Chapter

from .labels import looks, rows
from .network_words import chapter_looks, percent
from .plots import limits, localised, mark_minima, place_notes, plot_contour, plot_path

#: The book marks every 100th iteration of its loss curves.
BOOK_MARK_EVERY = 100
#: A weight path is marked every this many of its records (the weights are kept every 10 iterations).
PATH_MARK_EVERY = 20
#: Contour lines of the landscape, spaced evenly on a log scale between its lowest and highest loss.
LANDSCAPE_LEVELS = 16
#: The minibatch paths are drawn this faint, so that where many run together reads darker.
NOISY_ALPHA = 0.5


def training_figure(book: Chapter, *, lang: str = "en", size=(10.0, 4.2)) -> Figure:
    """Figure 6-9: each optimizer's minibatch loss per iteration through the book's smoothing, on the book's
    axes (loss from 0 to 1), and beside it the test accuracy every 100 iterations."""
    fig = Figure(figsize=size, layout="constrained")
    loss_ax, accuracy_ax = fig.subplots(1, 2, width_ratios=(3, 2))
    iterations = np.arange(book.iterations)  # the book's x: the loop's index
    looks = chapter_looks(book.optimizers, lang)
    for look, smoothed, accuracy in zip(looks, book.smoothed, book.test_accuracy, strict=True):
        style = {"color": look.color, "marker": look.marker, "linestyle": look.linestyle, "label": look.label}
        loss_ax.plot(iterations, smoothed, markevery=BOOK_MARK_EVERY, markersize=5, linewidth=1.3, **style)
        accuracy_ax.plot(book.accuracy_at, accuracy, markersize=5, linewidth=1.3, **style)
    loss_ax.set_ylim(0, 1)
    loss_ax.set_xlabel(text("iterations", lang))
    loss_ax.set_ylabel(text("network_loss", lang))
    loss_ax.set_title(text("training_loss_title", lang))
    loss_ax.legend(loc="upper right")
    accuracy_ax.set_ylim(0, 1)
    accuracy_ax.set_xlabel(text("iterations", lang))
    accuracy_ax.set_ylabel(text("test_accuracy", lang))
    accuracy_ax.set_title(text("test_accuracy_title", lang, every=int(book.accuracy_at[1])))
    for ax in (loss_ax, accuracy_ax):
        ax.set_xlim(0, book.iterations)
        ax.grid(True, alpha=0.3)
    fig.suptitle(text("training_title", lang), fontweight="bold")
    return localised(fig, lang)


def landscape_figure(book: Chapter, *, lang: str = "en", size=(7.6, 5.4)) -> Figure:
    """The training loss on the plane of the weight paths (Li et al. 2018), with each optimizer's recorded
    weights projected onto it; the axes say how much of the paths each direction holds."""
    plane = book.landscape
    fig = Figure(figsize=size, layout="constrained")
    ax = fig.add_subplot()
    norm = LogNorm(float(plane.loss.min()), float(plane.loss.max()))
    levels = np.geomspace(norm.vmin, norm.vmax, LANDSCAPE_LEVELS)
    contours = ax.contour(plane.a, plane.b, plane.loss, levels=levels, norm=norm, linewidths=0.9)
    scale = fig.colorbar(ScalarMappable(norm, contours.cmap), ax=ax, label=text("training_set_loss", lang), shrink=0.9)
    scale.add_lines(contours)
    for look, path in zip(chapter_looks(book.optimizers, lang), plane.paths, strict=True):
        ax.plot(
            path[:, 0], path[:, 1], color=look.color, linestyle=look.linestyle, marker=look.marker,
            markevery=PATH_MARK_EVERY, markersize=5, linewidth=1.6, label=look.label,
        )  # fmt: skip
        edge = "white" if look.marker in Line2D.filled_markers else look.color  # an "x" is all edge
        ax.plot(*path[-1], look.marker, color=look.color, markersize=9, markeredgecolor=edge, zorder=4)
    start = {"color": mpl.rcParams["text.color"], "markeredgecolor": "white", "label": text("shared_start", lang)}
    ax.plot(*plane.paths[0, 0], "o", markersize=8, zorder=5, **start)
    ax.set_aspect("equal")
    ax.set_xlabel(text("first_direction", lang, share=percent(plane.explained[0], lang)))
    ax.set_ylabel(text("second_direction", lang, share=percent(plane.explained[1], lang)))
    ax.set_title(text("landscape_explained", lang, share=percent(plane.explained.sum(), lang)), fontweight="normal")
    fig.suptitle(text("landscape_title", lang), fontweight="bold")
    ax.legend(loc="best")  # inside, as on the path figures: the paths start together and leave corners free
    return localised(fig, lang)


def noise_figure(noisy: list[MinibatchRun], exact: oc.Trajectory, *, lang: str = "en", size=(12.0, 4.8)) -> Figure:
    """One panel per batch size: that batch size's minibatch paths, faint, under the exact full-batch path
    ``exact``, set off from them by a band of the background, all in the optimizer's own colour."""
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
        for index in range(runs):
            ax.plot(*run.positions[:, index].T, "-", color=look.color, linewidth=0.8, alpha=NOISY_ALPHA)
        # Under the line only: a halo on the markers too would cut the line between close markers into dashes.
        ax.plot(*path.positions.T, color=mpl.rcParams["axes.facecolor"], linewidth=3.6, gid="band")
        plot_path(ax, path, exact_look, lang=lang)
        mark_minima(ax, path.function)
        limits(ax, path.function)
        place_notes(ax)
        ax.set_title(text("batch_panel", lang, batch=run.batch))
    handles = [
        Line2D([], [], color=look.color, marker=look.marker, markersize=4, label=exact_look.label),
        Line2D(
            [], [], color=look.color, alpha=NOISY_ALPHA, label=text("noisy_paths", lang, name=look.label, runs=runs)
        ),
    ]
    fig.legend(handles=handles, loc="outside lower center", ncols=2)
    fig.suptitle(text("noise_title", lang), fontweight="bold")
    return localised(fig, lang)
