"""The network chapter's figures: Figure 6-9, the loss landscape and the noisy bowl draw exactly the engine's
arrays, in the optimizers' own colours and the book's markers, in every language; baselines; bad input."""

import os
import re
import shutil
from pathlib import Path

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.testing.compare import compare_images

import optim_core as oc
from figures import kinds, network_plots
from figures.article import build, describe
from figures.jobs import FigureJob, render
from figures.output import styled
from optim_core import minibatch, network

BASELINES = Path(__file__).parent / "baseline"
UPDATE = os.environ.get("OPTVIZ_UPDATE_BASELINES") == "1"

BOOK_FOUR = ("sgd", "momentum", "adagrad", "adam")
#: The noisy bowl as these tests draw it: the book's SGD, three batch sizes, four runs each.
NOISY_BATCHES, NOISY_RUNS = (3, 10, 100), 4


@pytest.fixture(scope="module")
def book():
    """The book's chapter as the article draws it, from the test session's cache (see conftest.py)."""
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
        lines = [line for line in _curves(ax) if line.get_gid() != "band"]
        faint, [solid] = lines[:NOISY_RUNS], lines[NOISY_RUNS:]  # the exact path is drawn over the runs
        for index, line in enumerate(faint):
            np.testing.assert_array_equal(line.get_xydata(), run.positions[:, index])
            assert line.get_alpha() < 1
        np.testing.assert_array_equal(solid.get_xydata(), exact.positions)
        assert {line.get_color() for line in lines} == {oc.INFO["sgd"].color}
        # The band that sets the exact path off lies under it, not under its markers.
        [band] = [line for line in ax.get_lines() if line.get_gid() == "band"]
        assert ax.get_lines().index(band) == ax.get_lines().index(solid) - 1 and band.get_marker() == "None"
    [name] = [look.label for look in oc.series([exact.optimizer])]  # the bowl's label, as on every bowl figure
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert legend == [
        f"{name}, each step on all 1,000 examples: the exact path",
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


#: One baseline per kind, between them every language and both themes.
BASELINED = {
    "training-en": {},
    "landscape-de-dark": {"lang": "de", "theme": "dark"},
    "noise-ja": {"lang": "ja"},
}


@pytest.mark.parametrize("name", BASELINED)
def test_the_figures_match_their_baselines(book, name, tmp_path):
    actual = tmp_path / f"{name}.png"
    render(FigureJob(name.split("-")[0], str(actual), dpi=60, **BASELINED[name]))
    expected = BASELINES / actual.name
    if UPDATE:
        shutil.copyfile(actual, expected)
        pytest.skip(f"baseline {expected.name} rewritten; open it, then run again without OPTVIZ_UPDATE_BASELINES")
    assert expected.exists(), f"no baseline {expected.name}; render it with OPTVIZ_UPDATE_BASELINES=1"
    assert compare_images(str(expected), str(actual), tol=2) is None


@pytest.mark.parametrize("kind", ["training", "landscape", "noise"])
def test_same_bytes_on_rerun(book, kind, tmp_path):
    first, second = tmp_path / "a.png", tmp_path / "b.png"
    for path in (first, second):
        render(FigureJob(kind, str(path), dpi=40))
    assert first.read_bytes() == second.read_bytes()


def test_a_network_figure_trains_with_the_books_rates_and_its_own_settings(tmp_path, monkeypatch):
    """A SPEC without lr takes the book's class default on the network, not the bowl's rate; --steps and
    --batch reach the training."""
    monkeypatch.setenv("OPTVIZ_CACHE", str(tmp_path / "cache"))
    asked = []
    real = network.chapter
    monkeypatch.setattr(network, "chapter", lambda *a, **k: asked.append((a, k)) or real(*a, **k))
    render(FigureJob("training", str(tmp_path / "t.png"), optimizers=("sgd", "adam:lr=0.01"), steps=30, batches=(16,)))
    [(args, settings)] = asked
    assert [opt.hyperparams["lr"] for opt in args[0]] == [0.01, 0.01]
    assert settings == {"iterations": 30, "batch": 16}


def test_an_article_in_three_languages_trains_the_network_once(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("OPTVIZ_CACHE", str(cache))
    spec = tmp_path / "chapter.toml"
    spec.write_text(
        '[[figure]]\nkind = "training"\noutput = "training.png"\nsteps = 40\n\n'
        '[[figure]]\nkind = "landscape"\noutput = "landscape.png"\nsteps = 40\n\n'
        '[[figure]]\nkind = "noise"\noutput = "noise.png"\nbatch = [5, 50]\n'
    )
    stamps = None
    for lang in ("en", "de", "ja"):
        rows = build(spec, tmp_path / lang, jobs=2, lang=lang)
        assert {row["status"] for row in rows} == {"rendered"}
        [entry] = (cache / "network").glob("chapter-*.npz")
        stamps = stamps or entry.stat().st_mtime_ns
        assert entry.stat().st_mtime_ns == stamps  # read back, never written again
    post = (tmp_path / "de" / "article.md").read_text()
    book = network.chapter(iterations=40)
    share = f"{round(100 * book.landscape.explained.sum())}\u00a0%"
    assert f"sie enthält {share} der quadrierten Abstände der Pfade vom Start" in post
    assert "eines je Batchgröße (5; 50)" in post and "auf denselben 40 Minibatches aus je 128" in post


def test_captions_name_what_the_figure_shows(book):
    training, training_alt = describe(FigureJob("training", "t.png"))
    assert "SGD (η=0.01), Momentum (η=0.01), AdaGrad (η=0.01), Adam (η=0.001)" in training
    final = book.test_accuracy[:, -1]
    assert f"at the end SGD {100 * final[0]:.1f}%, Momentum {100 * final[1]:.1f}%" in training_alt
    landscape, _ = describe(FigureJob("landscape", "l.png", lang="ja"))
    low, high = (
        f"{round(100 * v)}%" for v in (book.landscape.off_plane[:, -1].min(), book.landscape.off_plane[:, -1].max())
    )
    assert f"{low}〜{high}" in landscape
    noise, noise_alt = describe(FigureJob("noise", "n.png", batches=(2, 20)))
    assert "(2, 20)" in noise and f"{kinds.NOISE_RUNS} faint minibatch paths of SGD" in noise_alt


@pytest.mark.parametrize(
    ("job", "message"),
    [
        ({"kind": "training", "optimizers": ("adamm",)}, "unknown optimizer (convention 'book') 'adamm'; did you mean"),
        ({"kind": "landscape", "batches": (0,)}, "--batch must be from 1 to 1437, the training digits, got 0"),
        ({"kind": "training", "batches": (1438,)}, "--batch must be from 1 to 1437, the training digits, got 1438"),
        ({"kind": "training", "batches": (64, 128)}, "training takes one --batch; the kinds that take more are: noise"),
        ({"kind": "noise", "batches": (0, 10)}, "--batch must be from 1 to 1000, the bowl's examples, got 0"),
        ({"kind": "noise", "batches": (1001,)}, "--batch must be from 1 to 1000, the bowl's examples, got 1001"),
        ({"kind": "noise", "batches": (1, 2, 3, 4, 5)}, "noise takes at most 4 --batch"),
        (
            {"kind": "path", "batches": (10,)},
            "path takes no --batch; the kinds that take it are: noise, training, landscape",
        ),
        ({"kind": "training", "steps": 10001}, "--steps counts the network's iterations: 11 to 10000 (the book trains"),
        ({"kind": "landscape", "steps": 5}, "--steps counts the network's iterations: 11 to 10000"),
        ({"kind": "training", "functions": ("rosenbrock",)}, "training takes no --function: it trains the book's"),
        ({"kind": "noise", "functions": ("rosenbrock",)}, "noise takes no --function: its data are the bowl's"),
        ({"kind": "training", "starts": ((1.0, 1.0),)}, "training takes no --start"),
        ({"kind": "noise", "optimizers": ("sgd", "adam")}, "noise takes one --optimizer"),
        (
            {"kind": "training", "optimizers": ("sgd",) * (kinds.MAX_SERIES + 1)},
            f"{kinds.MAX_SERIES + 1} optimizers on one picture; at most {kinds.MAX_SERIES}",
        ),
    ],
)
def test_bad_input_is_one_line_before_anything_is_trained_or_written(job, message, tmp_path, monkeypatch):
    monkeypatch.setattr(network, "train", lambda *a, **k: pytest.fail("trained before the input was checked"))
    with pytest.raises(oc.OptvizError) as caught:
        render(FigureJob(output=str(tmp_path / "out.png"), **job))
    assert message in str(caught.value) and "\n" not in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_the_kinds_defaults_are_the_books_and_the_pages():
    from figures.explore.data import NOISY_BATCHES

    assert kinds.KINDS["training"].steps == kinds.KINDS["landscape"].steps == network.ITERATIONS
    assert kinds.NOISE_BATCHES == NOISY_BATCHES  # the figure and the explorable page's slider tell one story
    with pytest.raises(oc.OptvizError, match="at least"):
        network.smooth(np.ones(kinds.MIN_ITERATIONS - 1))
    assert network.smooth(np.ones(kinds.MIN_ITERATIONS)).shape == (kinds.MIN_ITERATIONS,)
