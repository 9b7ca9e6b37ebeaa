"""The network chapter's figures: Figure 6-9, the loss landscape and the noisy bowl draw exactly the engine's
arrays, in the optimizers' own colours and the book's markers, in every language; baselines; bad input."""

import re

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

import optim_core as oc
from figures import network_plots
from figures.output import styled
from optim_core import minibatch, network

BOOK_FOUR = ("sgd", "momentum", "adagrad", "adam")
#: The noisy bowl as these tests draw it: the book's SGD, three batch sizes, four runs each.
NOISY_BATCHES, NOISY_RUNS = (3, 10, 100), 4


@pytest.fixture(scope="module", autouse=True)
def own_cache(tmp_path_factory):
    """Every test here computes into a cache of its own, never the user's."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("OPTVIZ_CACHE", str(tmp_path_factory.mktemp("cache")))
        yield


@pytest.fixture(scope="module")
def book(own_cache):
    """The book's chapter as the article draws it: computed once for the whole module, then read back."""
    return network.chapter()


@pytest.fixture(scope="module")
def noisy():
    sgd = oc.get_optimizer("sgd", lr=0.95)
    data = minibatch.bowl_data()
    runs = [minibatch.run(sgd, data, batch=b, steps=29, runs=NOISY_RUNS) for b in NOISY_BATCHES]
    return runs, oc.run(sgd, data.function, steps=29)


def _curves(ax):
    return [line for line in ax.get_lines() if len(line.get_xydata()) > 1]


def test_training_draws_the_books_smoothed_losses_with_its_markers(book):
    with styled():
        fig = network_plots.training_figure(book)
    loss_ax, accuracy_ax = fig.axes
    lines = _curves(loss_ax)
    assert [line.get_marker() for line in lines] == ["o", "x", "s", "D"]
    assert [line.get_color() for line in lines] == [oc.INFO[name].color for name in BOOK_FOUR]
    assert all(line.get_markevery() == 100 for line in lines)
    for line, smoothed in zip(lines, book.smoothed, strict=True):
        np.testing.assert_array_equal(line.get_xydata()[:, 1], smoothed)
        np.testing.assert_array_equal(line.get_xydata()[:, 0], np.arange(2000))
    assert loss_ax.get_ylim() == (0, 1) and loss_ax.get_xlabel() == "iterations" and loss_ax.get_ylabel() == "loss"
    for line, accuracy in zip(_curves(accuracy_ax), book.test_accuracy, strict=True):
        np.testing.assert_array_equal(line.get_xydata(), np.column_stack([book.accuracy_at, accuracy]))
    legend = [t.get_text() for t in loss_ax.get_legend().get_texts()]
    assert legend == [look.label for look in oc.series(list(book.optimizers))]


def test_landscape_draws_the_plane_and_every_projected_path(book):
    plane = book.landscape
    with styled(lang="de"):
        fig = network_plots.landscape_figure(book, lang="de")
    ax = fig.axes[0]
    [contours] = [c for c in ax.collections if hasattr(c, "levels")]
    assert contours.levels[0] == pytest.approx(plane.loss.min()) and contours.levels[-1] == pytest.approx(
        plane.loss.max()
    )
    paths = _curves(ax)
    assert [line.get_color() for line in paths] == [oc.INFO[name].color for name in BOOK_FOUR]
    for line, projected in zip(paths, plane.paths, strict=True):
        np.testing.assert_array_equal(line.get_xydata(), projected)
    first, second = (f"{round(100 * share)}\u00a0%" for share in plane.explained)
    assert ax.get_xlabel() == f"1. Hauptrichtung ({first})" and ax.get_ylabel() == f"2. Hauptrichtung ({second})"
    assert f"{round(100 * plane.explained.sum())}\u00a0%" in ax.get_title()
    # Momentum's "x" is all edge: its end point keeps its colour rather than a white edge.
    ends = [line for line in ax.get_lines() if len(line.get_xydata()) == 1 and line.get_marker() == "x"]
    assert [line.get_markeredgecolor() for line in ends] == [oc.INFO["momentum"].color]


def test_noise_draws_each_batch_sizes_runs_over_the_exact_path(noisy):
    runs, exact = noisy
    with styled():
        fig = network_plots.noise_figure(runs, exact)
    assert [ax.get_title() for ax in fig.axes] == [f"batch size {b}" for b in NOISY_BATCHES]
    for ax, run in zip(fig.axes, runs, strict=True):
        lines = _curves(ax)
        faint, [solid] = lines[:NOISY_RUNS], lines[NOISY_RUNS:]
        for index, line in enumerate(faint):
            np.testing.assert_array_equal(line.get_xydata(), run.positions[:, index])
            assert line.get_alpha() < 1
        np.testing.assert_array_equal(solid.get_xydata(), exact.positions)
        assert {line.get_color() for line in lines} == {oc.INFO["sgd"].color}
    [name] = [look.label for look in oc.series([exact.optimizer])]  # the bowl's label, as on every bowl figure
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert legend == [
        f"{name}, each step on all 1000 examples: the book's path",
        f"{name}, {NOISY_RUNS} runs on random minibatches",
    ]


@pytest.mark.parametrize("lang", ["de", "ja"])
def test_every_word_is_translated(book, noisy, lang):
    english = {"iterations", "loss", "test", "accuracy", "principal", "direction", "plane", "batch", "size"}
    english |= {"exact", "path", "runs", "random", "shared", "the", "of", "on", "lr"}
    english |= {"start", "minibatches"} if lang == "ja" else set()  # German says Start and Minibatches
    with styled(lang=lang):
        figures = [
            network_plots.training_figure(book, lang=lang),
            network_plots.landscape_figure(book, lang=lang),
            network_plots.noise_figure(*noisy, lang=lang),
        ]
    words = set()
    for fig in figures:
        texts = [fig._suptitle, *(t for legend in fig.legends for t in legend.get_texts())]
        for ax in fig.axes:
            texts += [ax.title, ax.xaxis.label, ax.yaxis.label, *ax.texts]
            if ax.get_legend():
                texts += ax.get_legend().get_texts()
        words |= {w.lower() for t in texts if t is not None for w in re.findall(r"[A-Za-z]+", t.get_text())}
    assert not english & words, english & words


@pytest.mark.parametrize("lang", ["en", "de", "ja"])
def test_no_text_overlaps_or_leaves_the_figure(book, noisy, lang):
    """Titles, axis labels, legends and tick labels stay inside the frame and clear of each other."""
    with styled(lang=lang):
        figures = {
            "training": network_plots.training_figure(book, lang=lang),
            "landscape": network_plots.landscape_figure(book, lang=lang),
            "noise": network_plots.noise_figure(*noisy, lang=lang),
        }
        for name, fig in figures.items():
            renderer = FigureCanvasAgg(fig).get_renderer()
            fig.draw(renderer)
            frame = fig.bbox
            boxes = [fig._suptitle.get_window_extent(renderer)]
            boxes += [legend.get_window_extent(renderer) for legend in fig.legends]
            for ax in fig.axes:
                boxes += [ax.title.get_window_extent(renderer), ax.xaxis.label.get_window_extent(renderer)]
                boxes.append(ax.yaxis.label.get_window_extent(renderer))
                if ax.get_legend():
                    boxes.append(ax.get_legend().get_window_extent(renderer))
            boxes = [box for box in boxes if box.width > 0]
            for box in boxes:
                assert frame.x0 - 1 <= box.x0 and box.x1 <= frame.x1 + 1, (name, box)
                assert frame.y0 - 1 <= box.y0 and box.y1 <= frame.y1 + 1, (name, box)
            for i, a in enumerate(boxes):
                for b in boxes[i + 1 :]:
                    assert not a.overlaps(b), (name, a, b)
