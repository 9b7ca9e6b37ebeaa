"""The network chapter's figures: Figure 6-9, the loss landscape and the noisy bowl draw exactly the engine's
arrays, in the optimizers' own colours and the book's markers, in every language; baselines; bad input."""

import dataclasses
import os
import re
import shutil
from pathlib import Path

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgb
from matplotlib.lines import Line2D
from matplotlib.testing.compare import compare_images

import optim_core as oc
from catalog import number, text
from figures import kinds, network_plots, network_words
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
    assert ax.get_xlabel() == f"1. Hauptkomponente ({first})" and ax.get_ylabel() == f"2. Hauptkomponente ({second})"
    assert ax.get_title().startswith(f"Diese Ebene enthält {round(100 * plane.explained.sum())}\u00a0%")
    # Every end alike: a large filled marker with an edge (Momentum's book "x" is all edge, so its end is "X").
    ends = [line for line in ax.get_lines() if len(line.get_xydata()) == 1 and line.get_markersize() == 9]
    assert [line.get_marker() for line in ends] == ["o", "X", "s", "D"]
    assert all(line.get_marker() in Line2D.filled_markers and line.get_markeredgecolor() == "white" for line in ends)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_diverged_network_says_so_on_both_figures(lang):
    sgd = oc.get_optimizer("sgd", lr=5.0)
    book = network.chapter([sgd, "adam"], iterations=40, resolution=5, cache=False)
    at = int(book.diverged_at[0])
    note = text("net_diverged", lang, name=f"SGD (η={number(5.0, lang)})", iteration=at)
    with styled(lang=lang):
        training = network_plots.training_figure(book, lang=lang)
        plane = network_plots.landscape_figure(book, lang=lang, size=(7, 6))
    loss_ax = training.axes[0]
    assert loss_ax.get_legend().get_texts()[0].get_text() == note
    assert any(line.get_marker() == "X" for line in loss_ax.get_lines())
    assert note in [t.get_text().replace("\n", " ") for t in plane.axes[0].texts]
    words = network_words.training_values(book, lang)
    assert text("diverged_cells", lang) in words["losses"] and "nan" not in str(words).lower()
    assert "nan" not in str(network_words.landscape_values(book, lang)).lower()


@pytest.mark.parametrize("lang", ["en", "de", "ja"])
def test_at_a_small_size_titles_and_legends_stay_apart_and_inside(book, noisy, lang):
    """At 900x600 px the training figure's two titles ran into each other; at 1200x800 px the German noise
    figure's title and legend ran off both sides."""
    with styled(lang=lang):
        training = network_plots.training_figure(book, lang=lang, size=(6.0, 4.0))
        noise = network_plots.noise_figure(*noisy, lang=lang, size=(8.0, 5.33))
        for fig in (training, noise):
            FigureCanvasAgg(fig).draw()
    left, right = (ax.title.get_window_extent() for ax in training.axes[:2])
    assert left.x1 < right.x0
    frame = noise.bbox
    for box in (noise._suptitle.get_window_extent(), noise.legends[0].get_window_extent()):
        assert frame.x0 <= box.x0 and box.x1 <= frame.x1, (box, frame)


def test_landscape_draws_a_loss_that_reads_below_zero(book):
    """The book's cross-entropy takes the log of y + 1e-7, so a network certain of every training digit has a
    loss of about -1e-7 (Lion alone reached it): its landscape raised "Invalid vmin or vmax" with a traceback."""
    loss = book.landscape.loss.copy()
    loss[0, 0] = -9.9e-8
    certain = dataclasses.replace(book, landscape=dataclasses.replace(book.landscape, loss=loss))
    assert certain.landscape.positive_range == (float(loss[loss > 0].min()), float(loss.max()))
    with styled():
        fig = network_plots.landscape_figure(certain)  # and no warning: the suite turns warnings into errors
    assert fig.axes[1].xaxis.get_scale() == "log"  # the colour bar below the plane
    assert "−" not in network_words.landscape_values(certain, "en")["lowest"]


def test_landscape_draws_a_shorter_path_over_a_longer_one(book):
    """With 50 iterations SGD's short path ran under Momentum's line and only its end marker showed."""
    lengths = [np.linalg.norm(np.diff(path, axis=0), axis=1).sum() for path in book.landscape.paths]
    with styled():
        fig = network_plots.landscape_figure(book)
    depths = [line.get_zorder() for line in _curves(fig.axes[0])]
    assert sorted(range(4), key=lambda i: depths[i]) == sorted(range(4), key=lambda i: -lengths[i])


@pytest.mark.parametrize("optimizers", [BOOK_FOUR, ("sgd",)])
def test_landscape_fits_its_frame_to_the_plane_and_its_scale_to_the_plot(optimizers, monkeypatch):
    """One optimizer's plane is a flat strip: drawn to scale it shrank in a fixed frame, leaving empty bands, a
    colour bar of the frame's height and a subtitle far above the plot."""
    book = network.chapter(network.network_optimizers(list(optimizers)))
    with styled(lang="de", theme="dark"):
        fig = network_plots.landscape_figure(book, lang="de")
        renderer = FigureCanvasAgg(fig).get_renderer()
        fig.draw(renderer)
        ax, scale = fig.axes
        plot, bar = ax.get_position(), scale.get_position()
        assert ax.get_aspect() == 1.0  # to scale
        assert bar.x0 == pytest.approx(plot.x0, abs=0.01) and bar.x1 == pytest.approx(plot.x1, abs=0.01)
        drawn = fig.get_tightbbox(renderer)  # inches
        width, height = fig.get_size_inches()
        assert drawn.height == pytest.approx(height, abs=0.2) and drawn.width == pytest.approx(width, abs=0.2)
        gap = ax.title.get_window_extent(renderer).y0 - ax.get_window_extent(renderer).y1
        assert fig._suptitle.get_window_extent(renderer).y0 - ax.title.get_window_extent(renderer).y1 < 20 > gap
        # Plain numbers in German, not 6 × 10⁻¹: the decades, and on a short scale the ticks between them.
        labels = [t.get_text() for t in scale.xaxis.get_ticklabels(which="both") if t.get_text()]
        assert labels and all(re.fullmatch(r"[0-9]+(,[0-9]+)?", label) for label in labels), labels
    # A given size is kept: the plot, its titles and its bar stay together inside it.
    with styled():
        fixed = network_plots.landscape_figure(book, size=(8.0, 8.0))
    assert tuple(fixed.get_size_inches()) == (8.0, 8.0)


@pytest.mark.parametrize(
    ("explained", "written"),
    [
        ((0.7438, 0.1471), ("89%", "74%", "15%")),
        ((0.9848, 0.0133), ("99.8%", "98.5%", "1.3%")),  # whole percents read 98% + 1% of 100%
        ((0.8256, 0.10853), ("93.5%", "82.6%", "10.9%")),  # 83% + 11% of 93%
    ],
)
def test_the_planes_shares_add_up_as_written(explained, written):
    assert network_words.shares(explained, "en") == written


def test_noise_marks_the_runs_that_leave_the_picture_as_every_bowl_figure_does():
    """At batch size 1 the runs left the frame everywhere with nothing to say so."""
    sgd, data = oc.get_optimizer("sgd", lr=0.95), minibatch.bowl_data()
    run = minibatch.run(sgd, data, batch=1, steps=29, runs=NOISY_RUNS)
    (x0, x1), (y0, y1) = data.function.frame()
    outside = (np.abs(run.positions[..., 0]) > x1) | (np.abs(run.positions[..., 1]) > y1)
    leaving = int(outside.any(axis=0).sum())
    assert leaving > 0 and x0 == -x1 and y0 == -y1
    with styled(lang="de"):
        fig = network_plots.noise_figure([run], oc.run(sgd, data.function, steps=29), lang="de")
    ax = fig.axes[0]
    faint = [line for line in ax.get_lines() if line.get_alpha() is not None]
    assert len(faint) == NOISY_RUNS
    for line in faint:  # cut where it first leaves: every drawn point inside the frame, or on its edge
        points = line.get_xydata()
        assert (np.abs(points[:, 0]) <= x1 + 1e-9).all() and (np.abs(points[:, 1]) <= y1 + 1e-9).all()
    marks = [line for line in ax.get_lines() if line.get_marker() == "X"]
    assert len(marks) == leaving
    assert [t.get_text().replace("\n", " ") for t in ax.texts] == [
        f"Läufe, die das Bild verlassen: {leaving} von {NOISY_RUNS}"
    ]


def test_a_panel_of_all_the_data_draws_the_exact_path_alone():
    """A batch of all 1,000 examples is the exact path: its panel said it drew random minibatch runs."""
    sgd, data = oc.get_optimizer("sgd", lr=0.95), minibatch.bowl_data()
    exact = oc.run(sgd, data.function, steps=29)
    whole = minibatch.run(sgd, data, batch=data.size, steps=29, runs=NOISY_RUNS)
    some = minibatch.run(sgd, data, batch=10, steps=29, runs=NOISY_RUNS)
    with styled(lang="de"):
        fig = network_plots.noise_figure([some, whole], exact, lang="de")
        alone = network_plots.noise_figure([whole], exact, lang="de")
    assert [ax.get_title() for ax in fig.axes] == ["Batchgröße 10", "Batchgröße 1.000: alle Daten"]
    assert [len([line for line in ax.get_lines() if line.get_alpha()]) for ax in fig.axes] == [NOISY_RUNS, 0]
    assert len(fig.legends[0].get_texts()) == 2 and len(alone.legends[0].get_texts()) == 1
    caption, alt = describe(FigureJob("noise", "n.png", batches=(10, 1000), lang="de"))
    assert "(10; 1.000)" in caption and caption.endswith("sein Teilbild zeigt nur den exakten Pfad.")
    assert alt.endswith("sein Teilbild zeigt nur den exakten Pfad.")
    assert "Teilbild" not in describe(FigureJob("noise", "n.png", lang="de"))[0]


def _contrast(rgb, background) -> float:
    """WCAG's contrast ratio of two sRGB colours (components 0-1)."""

    def luminance(colour):
        linear = np.where(
            np.asarray(colour) <= 0.04045, np.asarray(colour) / 12.92, ((np.asarray(colour) + 0.055) / 1.055) ** 2.4
        )
        return float(np.dot([0.2126, 0.7152, 0.0722], linear))

    dark, light = sorted((luminance(rgb), luminance(background)))
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_runs_are_faint_but_visible_on_either_background(noisy, theme):
    """The runs are the point of the picture, under the exact path: on the dark theme they were once drawn at
    a contrast of 1.4:1 (blended into the near-black background), which a reader could barely see."""
    with styled(theme):
        fig = network_plots.noise_figure(*noisy)
    ax = fig.axes[0]
    background = np.array(to_rgb(ax.get_facecolor()))
    runs = [line for line in _curves(ax) if line.get_alpha()]
    [exact] = [line for line in _curves(ax) if line.get_marker() not in (None, "None") and not line.get_alpha()]
    assert len(runs) == NOISY_RUNS
    for line in runs:
        alpha = line.get_alpha()
        blended = alpha * np.array(to_rgb(line.get_color())) + (1 - alpha) * background
        assert 1.8 <= _contrast(blended, background) < _contrast(to_rgb(exact.get_color()), background)


@pytest.mark.parametrize(
    ("lang", "written"),
    [
        ("en", ["1,797 scans", "same 2,000 minibatches", "over 2,000 iterations"]),
        ("de", ["die 1.797 Scans", "denselben 2.000 Minibatches", "über 2.000 Iterationen"]),
        ("ja", ["画像 1,797 枚", "ミニバッチ 2,000 個", "2,000 回の反復"]),
    ],
)
def test_the_chapters_thousands_are_grouped_as_the_language_groups_them(lang, written):
    """The training caption wrote 1797 and 2000 beside the noise caption's 1,000 (German 1.000)."""
    caption, alt = describe(FigureJob("training", "t.png", lang=lang))
    assert all(part in caption + alt for part in written), (caption, alt)
    assert not re.search(r"(?<![\d.,])\d{4}", caption + alt)  # a whole number of four digits, ungrouped
    with styled(lang=lang):
        [title] = [ax.get_title() for ax in network_plots.noise_figure(*_noisy_at(1000), lang=lang).axes]
    assert "1.000" in title if lang == "de" else "1,000" in title


def _noisy_at(batch: int):
    sgd, data = oc.get_optimizer("sgd", lr=0.95), minibatch.bowl_data()
    return [minibatch.run(sgd, data, batch=batch, steps=29, runs=2)], oc.run(sgd, data.function, steps=29)


def test_the_landscapes_alt_text_says_what_the_plane_holds(book):
    """It said the first direction holds 74 % "of the paths"; it holds 74 % of their squared distance."""
    first = f"{round(100 * book.landscape.explained[0])}"
    alts = {lang: describe(FigureJob("landscape", "l.png", lang=lang))[1] for lang in ("en", "de", "ja")}
    assert f"of the paths' squared distance from the start the first direction holds {first}%" in alts["en"]
    assert f"von den quadrierten Abständen der Pfade vom Start enthält die erste Richtung {first}\u00a0%" in alts["de"]
    assert f"経路の開始点からの二乗距離のうち、第1主成分が {first}%" in alts["ja"]


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
    (args, settings), *again = asked  # the warnings read the same chapter back from the cache
    assert all(call[1] == settings and len(call[0][0]) == len(args[0]) for call in again)
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
    share, _, _ = network_words.shares(book.landscape.explained, "de")
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
        ({"kind": "landscape", "batches": (0,)}, "batch (--batch) must be from 1 to 1,437, the training digits, got 0"),
        (
            {"kind": "training", "batches": (1438,)},
            "batch (--batch) must be from 1 to 1,437, the training digits, got 1,438",
        ),
        (
            {"kind": "training", "batches": (64, 128)},
            "training takes one batch size (--batch); the kinds that take more are: noise",
        ),
        ({"kind": "noise", "batches": (0, 10)}, "batch (--batch) must be from 1 to 1,000, the bowl's examples, got 0"),
        (
            {"kind": "noise", "batches": (1001,)},
            "batch (--batch) must be from 1 to 1,000, the bowl's examples, got 1,001",
        ),
        (
            {"kind": "noise", "batches": (1, 2, 3, 4, 5)},
            "noise takes at most 4 batch sizes (--batch): more panels do not fit side by side",
        ),
        (
            {"kind": "path", "batches": (10,)},
            "path takes no batch sizes (--batch); the kinds that take batch sizes are: noise, training, landscape",
        ),
        (
            {"kind": "training", "steps": 10001},
            "steps (--steps) counts the network's iterations: 11 to 10,000 (the book trains 2,000; the loss curves go"
            " through its smooth_curve, which needs 11 losses, and 10,000 take about a minute and 4 GB), got 10,001",
        ),
        ({"kind": "landscape", "steps": 5}, "steps (--steps) counts the network's iterations: 11 to 10,000"),
        (
            {"kind": "training", "functions": ("rosenbrock",)},
            "training takes no functions (--function): it trains the book's",
        ),
        (
            {"kind": "noise", "functions": ("rosenbrock",)},
            "noise takes no functions (--function): its data are the bowl's",
        ),
        ({"kind": "training", "starts": ((1.0, 1.0),)}, "training takes no starts (--start)"),
        ({"kind": "noise", "optimizers": ("sgd", "adam")}, "noise takes one optimizer (--optimizer)"),
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
    digits = network.load_digits()
    assert len(digits.t_train) + len(digits.t_test) == network_words.DIGITS  # the caption's count, without loading
    with pytest.raises(oc.OptvizError, match="at least"):
        network.smooth(np.ones(kinds.MIN_ITERATIONS - 1))
    assert network.smooth(np.ones(kinds.MIN_ITERATIONS)).shape == (kinds.MIN_ITERATIONS,)
