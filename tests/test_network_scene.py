"""The network chapter's scene (scenes/network.py): what its narration says holds on the chapter's numbers, and its
curves, paths and scans are exactly the engine's arrays. Its layout, subtitles and control frames are checked
with every scene of the lecture (test_layout, test_subtitles, test_scenes)."""

import numpy as np
import pytest
from manim import Axes, ValueTracker
from test_scenes import drawn, hex_rgb

from optim_core import network
from scenes import network as scene
from scenes._common import BACKGROUND, TEXT_COLOR, PathFollower, ball


@pytest.fixture(scope="module")
def book():
    """The book's chapter, from the test session's cache (see conftest.py)."""
    return network.chapter()


def index(book, name: str) -> int:
    return [opt.name for opt in book.optimizers].index(name)


def test_the_race_says_what_the_curves_do(book):
    """ "AdaGrad's loss falls first, SGD's last", and "after 2,000 iterations SGD's loss is still far above"."""
    below_half = [int(np.argmax(curve < 0.5)) for curve in book.smoothed]
    assert np.argmin(below_half) == index(book, "adagrad") and np.argmax(below_half) == index(book, "sgd")
    sgd = index(book, "sgd")
    others = np.delete(book.smoothed, sgd, axis=0)
    assert book.smoothed[sgd, scene.RACE_SPLIT - 1] > 5 * others[:, scene.RACE_SPLIT - 1].max()
    assert book.smoothed[sgd, -1] > 10 * others[:, -1].max()
    ranked = np.argsort(book.smoothed[:, -1])
    assert ranked[-1] == sgd, "the ranking ends with SGD far behind"


def test_the_accuracy_beat_says_what_the_test_digits_show(book):
    """ "SGD catches up: all four end near 98 %": SGD is last at the first measurement, and the final accuracies
    lie within two points above the value the caption names (their lowest, rounded down)."""
    first, final = book.test_accuracy[:, 1], book.test_accuracy[:, -1]
    assert np.argmin(first) == index(book, "sgd") and first.min() < final.min() - 0.1
    named = np.floor(100 * final.min()) / 100
    assert np.all((final >= named) & (final < named + 0.02)), final


def test_adam_and_adagrad_head_another_way_on_the_plane(book):
    """ "Adam and AdaGrad ... head another way": on the plane, the adaptive pair's last points lie in one
    direction from the start and SGD's and Momentum's in another."""
    ends = {opt.name: book.landscape.paths[i, -1] for i, opt in enumerate(book.optimizers)}
    angle = {name: np.degrees(np.arctan2(y, x)) for name, (x, y) in ends.items()}
    assert abs(angle["adam"] - angle["adagrad"]) < 15 and abs(angle["sgd"] - angle["momentum"]) < 15
    assert min(abs(angle[a] - angle[b]) for a in ("adam", "adagrad") for b in ("sgd", "momentum")) > 40


def test_the_race_draws_the_chapters_losses_cut_at_the_books_axis(book):
    axes, _ = scene.chart("en", y_ticks=np.linspace(0, 1, 5), y_text=str, y_name="loss", width=8, height=4)
    iterations = np.arange(1, book.iterations + 1)
    for shown in (scene.RACE_SPLIT, book.iterations):
        for curve in book.smoothed:
            pieces = scene.curve_until(axes, iterations, curve, shown, shown, scene.LOSS_TOP, "#000000")
            points = np.vstack([axes.p2c(p) for piece in pieces for p in piece.get_anchors()])
            kept = (iterations <= shown) & (curve <= scene.LOSS_TOP)
            expected = np.column_stack([iterations[kept] / shown, curve[kept]])
            np.testing.assert_allclose(np.unique(points, axis=0), np.unique(expected, axis=0), atol=1e-9)
    sgd = book.smoothed[index(book, "sgd")]
    assert sgd[0] > scene.LOSS_TOP, "SGD starts above the axis, so its first iterations are cut"


def test_a_curve_stops_at_the_tracker_and_its_head_sits_on_it(book):
    axes, _ = scene.chart("en", y_ticks=np.linspace(0, 1, 5), y_text=str, y_name="loss", width=8, height=4)
    iterations, accuracy = book.accuracy_at.astype(float), book.test_accuracy[:1]
    tracker, shown = ValueTracker(150.0), ValueTracker(float(book.iterations))
    line, head = scene.racing(axes, iterations, accuracy, ["#000000"], tracker, shown, 1.0)
    line.update()
    head.update()
    end = axes.p2c(line[-1].get_anchors()[-1])
    between = np.interp(150.0, iterations, accuracy[0])
    np.testing.assert_allclose(end, [150.0 / book.iterations, between], atol=1e-9)
    np.testing.assert_allclose(axes.p2c(head.get_center()), end, atol=1e-9)


def test_the_balls_on_the_plane_sit_on_the_projected_paths(book):
    plane = book.landscape
    axes = Axes(x_range=[plane.a[0], plane.a[-1], 1], y_range=[plane.b[0], plane.b[-1], 1])
    tracker = ValueTracker(0)
    for path in plane.paths:
        dot = ball(PathFollower(axes, path), tracker, "#000000")
        for record in range(0, len(path), 20):
            tracker.set_value(record)
            dot.update()
            np.testing.assert_allclose(axes.p2c(dot.get_center()), path[record], atol=1e-9)


def test_a_scan_is_drawn_pixel_for_pixel():
    """Each of the 64 cells shows its pixel's grey, ink on the background, and the frame around them has no fill
    that could cover them."""
    digits = network.load_digits()
    pixels = digits.x_train[0]
    picture = scene.digit_picture(pixels, 4.0)
    assert picture[1].get_fill_opacity() == 0
    image = drawn(picture, 640)[..., :3].astype(float)
    cell = 4.0 / 8 * 640 / 14.222222
    left, top = 320 - 4 * cell, 180 - 4 * cell
    centres = [image[round(top + (r + 0.5) * cell), round(left + (c + 0.5) * cell)] for r in range(8) for c in range(8)]
    paper, pen = hex_rgb(BACKGROUND), hex_rgb(TEXT_COLOR)
    expected = (1 - pixels[:, None]) * paper + pixels[:, None] * pen
    assert np.abs(np.array(centres) - expected).max() < 3


@pytest.mark.parametrize(("lang", "written"), [("en", "37,810"), ("de", "37.810"), ("ja", "37,810")])
def test_large_counts_are_grouped_as_the_language_writes_them(lang, written):
    assert scene.grouped(37810, lang) == written and scene.grouped(360, lang) == "360"
