"""The explorable page: its numbers against oc.run, its size, and the page itself in headless Chromium."""

import base64
import io
import json
import os
import re
import shutil
from pathlib import Path

import numpy as np
import pytest
from matplotlib.testing.compare import compare_images
from playwright.sync_api import sync_playwright

import optim_core as oc
from figures.explore import MAX_PAGE_BYTES, data, page, write_explore
from figures.explore.chromium import ARGS, open_offline, until
from optim_core import minibatch

BASELINES = Path(__file__).parent / "baseline"
UPDATE = os.environ.get("OPTVIZ_UPDATE_BASELINES") == "1"


def _embedded(html: str) -> dict:
    text = re.search(r'<script type="application/json" id="optviz-data">(.*?)</script>', html, re.S).group(1)
    return json.loads(text.replace("<\\/", "</"))


def _unpack(text: str, dtype: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(text), dtype=np.dtype(dtype).newbyteorder("<"))


def _second(name: str) -> tuple[str | None, tuple[float, ...]]:
    return data.SECOND.get(name, (None, (None,)))


def _floored(values) -> np.ndarray:
    return np.maximum(values, data.FLOOR)


def _run(function: dict, name: str, lr: float, second: float | None, start) -> oc.Trajectory:
    key, _ = _second(name)
    hyper = {"lr": lr} | ({key: second} if key else {})
    return oc.run(oc.get_optimizer(name, **hyper), oc.get_function(function["name"]), start, function["steps"])


def _noisy(function: dict, name: str, lr: float, batch: int) -> minibatch.MinibatchRun:
    """The minibatch paths the page promises for a setting: optim_core.minibatch.run from the function's start."""
    return minibatch.run(
        oc.get_optimizer(name, lr=lr),
        minibatch.bowl_data(),
        batch=batch,
        steps=function["steps"],
        start=function["starts"][0],
        runs=data.NOISY_RUNS,
        seed=data.NOISY_SEED,
    )


@pytest.fixture(scope="module")
def default_page(tmp_path_factory) -> Path:
    return write_explore(tmp_path_factory.mktemp("explore") / "explore.html")


def test_default_page_is_one_light_offline_file(default_page):
    html = default_page.read_text(encoding="utf-8")
    assert default_page.stat().st_size <= MAX_PAGE_BYTES == 3_000_000
    assert re.search(r"https?://|<link|\bsrc=|@import|url\(", html) is None
    assert 'http-equiv="Content-Security-Policy" content="default-src \'none\'' in html
    embedded = _embedded(html)
    assert [f["name"] for f in embedded["functions"]] == ["bowl", "rosenbrock", "himmelblau"]
    assert [o["name"] for o in embedded["optimizers"]] == ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"]
    assert [o["color"] for o in embedded["optimizers"]] == [oc.INFO[o].color for o in data.OPTIMIZERS]
    bowl = embedded["functions"][0]
    assert bowl["starts"][0] == [-7.0, 2.0] and bowl["start_labels"][0] == "(−7, 2), the book's"
    assert set(oc.BOOK_COMPARISON.values()) <= set(bowl["lr"])


def test_the_same_inputs_give_the_same_bytes():
    assert page(("himmelblau",), "de", "dark") == page(("himmelblau",), "de", "dark")


@pytest.mark.parametrize("name", data.OPTIMIZERS)
@pytest.mark.parametrize("function_index", [0, 1, 2])
def test_every_stored_row_is_oc_run_for_its_setting(default_page, name, function_index):
    """Each row, held at its last stored point as the page holds it, equals oc.run to float32 precision."""
    function = _embedded(default_page.read_text(encoding="utf-8"))["functions"][function_index]
    run = function["runs"][name]
    length, offset, diverged_at = (_unpack(run[k], "i4") for k in ("length", "offset", "diverged_at"))
    xy, values = _unpack(run["xy"], "f4").reshape(-1, 2), _unpack(run["f"], "f4")
    _, seconds = _second(name)
    row = 0
    for lr in function["lr"]:
        for second in seconds:
            for start in function["starts"]:
                t = _run(function, name, lr, second, start)
                held = offset[row] + np.minimum(np.arange(function["steps"] + 1), length[row] - 1)
                np.testing.assert_allclose(xy[held], t.positions, rtol=1e-6, atol=1e-6)
                # f as the loss plot draws it: anything under its floor on the floor; float32 holds up to 3e38
                shown = t.values < 3e38
                np.testing.assert_allclose(_floored(values[held])[shown], _floored(t.values)[shown], rtol=1e-6)
                assert diverged_at[row] == t.diverged_at
                row += 1
    assert row == len(length)


#: The settings with minibatch paths: the book's four, at the slider's rates from a tenth of the book's up to it.
NOISY_LRS = {
    "sgd": [0.1, 0.2, 0.3, 0.5, 0.95],
    "momentum": [0.01, 0.02, 0.05, 0.1],
    "adagrad": [0.2, 0.3, 0.5, 0.95, 1.0, 1.5],
    "adam": [0.05, 0.1, 0.2, 0.3],
}


def test_only_the_bowl_holds_minibatch_paths_for_the_settings_it_names(default_page):
    functions = _embedded(default_page.read_text(encoding="utf-8"))["functions"]
    assert ["noisy" in f for f in functions] == [True, False, False]
    bowl = functions[0]
    noisy = bowl["noisy"]
    assert noisy["batches"] == [3, 10, 100] and noisy["size"] == 1000 and noisy["runs"] == 3
    assert {name: [bowl["lr"][i] for i in rows["lrs"]] for name, rows in noisy["optimizers"].items()} == NOISY_LRS
    # The page says which, in words: in the grid sentence, and in the note of a setting without them.
    listed = (
        "Minibatch paths (optim_core.minibatch, seed 0), 171 in all: 3 for each batch size B in {3, 10, 100} of the"
        " 1,000 examples, from (−7, 2), for SGD at η from 0.1 to 0.95; Momentum at η from 0.01 to 0.1 with"
        " α = 0.9; AdaGrad at η from 0.2 to 1.5; Adam at η from 0.05 to 0.3 with β1 = 0.9."
    )
    assert bowl["grid_text"].endswith(listed)
    assert sum(len(v) for v in NOISY_LRS.values()) * 3 * 3 == 171
    assert "for SGD at η from 0.1 to 0.95; Momentum" in noisy["missing"]
    german = _embedded(page(("bowl",), "de", "light"))["functions"][0]
    assert (
        "ab (−7; 2), für SGD mit η von 0,1 bis 0,95; Momentum mit η von 0,01 bis 0,1 und α = 0,9;"
        in german["grid_text"]
    )


@pytest.mark.parametrize("name", list(NOISY_LRS))
def test_every_minibatch_row_is_minibatch_run_for_its_setting(default_page, name):
    """Each minibatch row, held as the page holds it, equals optim_core.minibatch.run for its seed."""
    bowl = _embedded(default_page.read_text(encoding="utf-8"))["functions"][0]
    rows = bowl["noisy"]["optimizers"][name]
    length, offset, diverged_at = (_unpack(rows[k], "i4") for k in ("length", "offset", "diverged_at"))
    xy, values = _unpack(rows["xy"], "f4").reshape(-1, 2), _unpack(rows["f"], "f4")
    row = 0
    for lr in NOISY_LRS[name]:
        for batch in bowl["noisy"]["batches"]:
            expected = _noisy(bowl, name, lr, batch)
            for path in range(bowl["noisy"]["runs"]):
                held = offset[row] + np.minimum(np.arange(bowl["steps"] + 1), length[row] - 1)
                np.testing.assert_allclose(xy[held], expected.positions[:, path], rtol=1e-6, atol=1e-6)
                np.testing.assert_allclose(values[held], expected.values[:, path], rtol=1e-6)
                assert diverged_at[row] == expected.diverged_at[path]
                row += 1
    assert row == len(length)


def test_the_rate_map_is_the_theory(default_page):
    bowl = _embedded(default_page.read_text(encoding="utf-8"))["functions"][0]
    at_grid = _unpack(bowl["rate_map"]["at_grid"], "f4").reshape(len(bowl["lr"]), len(data.MOMENTA))
    lrs, momenta = np.meshgrid(bowl["lr"], data.MOMENTA, indexing="ij")
    np.testing.assert_allclose(at_grid, oc.theory.heavy_ball_rate(lrs, momenta, oc.get_function("bowl")), rtol=1e-6)
    best = oc.theory.optimal_heavy_ball(oc.get_function("bowl"))
    assert bowl["rate_map"]["optimum"] == [best.lr, best.momentum, best.rate]
    assert "rate_map" not in _embedded(page(("himmelblau",), "en", "light"))["functions"][0]


def test_a_diverging_setting_is_stored_up_to_its_divergence(default_page):
    bowl = _embedded(default_page.read_text(encoding="utf-8"))["functions"][0]
    row = bowl["lr"].index(2.0) * len(bowl["starts"])  # SGD with lr 2 on the bowl: y doubles in size each step
    expected = _run(bowl, "sgd", 2.0, None, bowl["starts"][0])
    assert expected.diverged
    assert _unpack(bowl["runs"]["sgd"]["diverged_at"], "i4")[row] == expected.diverged_at
    assert _unpack(bowl["runs"]["sgd"]["length"], "i4")[row] == expected.diverged_at + 1


# ---- bad input: one line, nothing written ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"functions": ("moon",)}, r"unknown function 'moon' for the explorable page \(valid: bowl, rosenbrock, "),
        ({"functions": ("saddle",)}, r"unknown function 'saddle'"),
        ({"functions": ("bowl", "bowl")}, r"each function may be given once"),
        ({"lang": "fr"}, r"unknown language 'fr' \(valid: en, de, ja\)"),
        ({"theme": "transparent"}, r"unknown theme 'transparent' for the explorable page \(valid: light, dark\)"),
        (
            {"functions": ("bowl", "rosenbrock", "himmelblau", "beale")},
            r"would weigh 3\.\d\d MB, over the limit of 3 MB; choose fewer functions",
        ),
    ],
)
def test_bad_input_is_one_line_and_writes_nothing(tmp_path, kwargs, message):
    with pytest.raises(oc.OptvizError, match=message) as error:
        write_explore(tmp_path / "explore.html", **kwargs)
    assert "\n" not in str(error.value)
    assert list(tmp_path.iterdir()) == []


def test_bad_outputs_are_refused(tmp_path, monkeypatch):
    with pytest.raises(oc.OptvizError, match=r"unknown output suffix '\.png' for 'page\.png' \(valid: \.html\)"):
        write_explore(tmp_path / "page.png")
    with pytest.raises(oc.OptvizError, match=r"output directory '.*missing' does not exist"):
        write_explore(tmp_path / "missing" / "explore.html")
    (tmp_path / "folder.html").mkdir()
    with pytest.raises(oc.OptvizError, match=r"output '.*folder\.html' is a directory"):
        write_explore(tmp_path / "folder.html")
    locked = tmp_path / "locked"
    locked.mkdir()
    # As root, permissions cannot refuse a write: ask os.access, as the check does, to refuse this one folder.
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode: Path(path) != locked and real_access(path, mode))
    with pytest.raises(oc.OptvizError, match=r"output directory '.*locked' is not writable"):
        write_explore(locked / "explore.html")
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["folder.html", "locked"]


# ---- the page in headless Chromium, with the network cut off ---------------------------------------------


@pytest.fixture(scope="module")
def browser():
    chromium = shutil.which("chromium")
    assert chromium, "Debian's chromium is missing: scripts/bootstrap.sh installs it"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=ARGS)
        yield launched
        launched.close()


def _settled(view):
    """Wait until the page has drawn everything it was asked to (one animation frame after the last input)."""
    view.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")


def test_the_page_loads_offline_without_errors(browser, default_page):
    view, problems, requests = open_offline(browser, default_page)
    assert problems == []
    assert requests == [default_page.as_uri()]
    assert view.evaluate("window.optvizExplore.setting()") == "bowl momentum lr=0.1 momentum=0.9 start=-7,2"
    assert view.locator("#lr-value").inner_text() == "η = 0.1"
    view.context.close()


def test_the_lr_slider_from_the_keyboard_draws_exactly_that_setting(browser, default_page):
    view, problems, _ = open_offline(browser, default_page)
    bowl = _embedded(default_page.read_text(encoding="utf-8"))["functions"][0]
    view.focus("#lr")
    view.keyboard.press("ArrowRight")
    _settled(view)
    next_lr = bowl["lr"][bowl["lr"].index(0.1) + 1]
    assert view.get_attribute("#path-canvas", "data-setting") == f"bowl momentum lr={next_lr} momentum=0.9 start=-7,2"
    drawn = np.array(view.evaluate("window.optvizExplore.drawnPath()"))
    expected = _run(bowl, "momentum", next_lr, 0.9, (-7.0, 2.0))
    assert drawn.shape == expected.positions.shape
    np.testing.assert_allclose(drawn, expected.positions, rtol=1e-6, atol=1e-6)
    drawn_values = view.evaluate("window.optvizExplore.drawnValues()")
    np.testing.assert_allclose(_floored(drawn_values), _floored(expected.values), rtol=1e-6)
    assert view.evaluate("window.optvizExplore.timings.lastResponseMs") is not None
    assert problems == []
    view.context.close()


def test_a_diverging_setting_is_drawn_and_labelled(browser, default_page):
    view, problems, _ = open_offline(browser, default_page)
    view.focus("#optimizer")
    view.keyboard.press("Home")  # SGD, the first optimizer
    view.focus("#lr")
    view.keyboard.press("End")  # lr 2: beyond 2 / λmax = 1
    _settled(view)
    expected = oc.run(oc.get_optimizer("sgd", lr=2.0), oc.get_function("bowl"), steps=100)
    assert view.evaluate("window.optvizExplore.setting()") == "bowl sgd lr=2 start=-7,2"
    assert view.evaluate("window.optvizExplore.divergedAt()") == expected.diverged_at
    assert f"diverged at step {int(expected.diverged_at)}" in view.locator("#readout").inner_text()
    assert "rate 3 > 1" in view.locator("#rate-note").inner_text()
    np.testing.assert_allclose(view.evaluate("window.optvizExplore.drawnPath()"), expected.positions, rtol=1e-6)
    assert problems == []
    view.context.close()


def test_the_controls_stay_in_place_when_the_optimizer_changes(browser, default_page):
    """SGD has no second slider; hiding its row used to move the play button to another column."""
    view, problems, _ = open_offline(browser, default_page)
    where = "(() => { const r = document.getElementById('play').getBoundingClientRect(); return [r.x, r.y]; })()"
    before = view.evaluate(where)
    view.focus("#optimizer")
    view.keyboard.press("Home")  # SGD
    _settled(view)
    assert view.evaluate("getComputedStyle(document.getElementById('second')).visibility") == "hidden"
    assert view.evaluate(where) == before
    assert problems == []
    view.context.close()


def test_rate_one_bounces_rather_than_diverging(browser, default_page):
    """SGD at η = 1 on the bowl swings between y = ±2 for ever (f = 4): the note said it diverges."""
    view, problems, _ = open_offline(browser, default_page)
    view.focus("#optimizer")
    view.keyboard.press("Home")  # SGD
    view.focus("#lr")
    view.keyboard.press("End")
    view.keyboard.press("ArrowLeft")
    view.keyboard.press("ArrowLeft")  # 2, 1.5, then 1
    _settled(view)
    assert view.evaluate("window.optvizExplore.setting()") == "bowl sgd lr=1 start=-7,2"
    assert view.evaluate("window.optvizExplore.divergedAt()") == -1
    assert "neither shrinks nor grows" in view.locator("#rate-note").inner_text()
    assert problems == []
    view.context.close()


def test_choosing_a_function_while_playing_never_runs_past_the_last_step(browser, default_page):
    """The new function starts at its last step; playback used to go on to 'step 101 of 100'."""
    view, problems, _ = open_offline(browser, default_page)
    view.focus("#play")
    view.keyboard.press("Space")
    until(view, "Number(document.getElementById('step').value) > 2")
    view.focus("#function")
    view.keyboard.press("ArrowDown")
    view.wait_for_timeout(400)  # several playback ticks
    steps = int(view.get_attribute("#step", "max"))
    assert int(view.evaluate("document.getElementById('step').value")) <= steps
    assert f"{steps + 1} " not in view.locator("#readout").inner_text()
    assert view.get_attribute("#play", "aria-pressed") == "false"
    assert view.get_attribute("#readout", "aria-live") == "polite"  # silent only while playing
    assert problems == []
    view.context.close()


def test_every_control_works_from_the_keyboard(browser, default_page):
    view, problems, _ = open_offline(browser, default_page)
    order = []
    for _ in range(8):
        view.keyboard.press("Tab")
        order.append(view.evaluate("document.activeElement.id"))
    assert order == ["function", "start", "optimizer", "lr", "second", "batch", "step", "play"]
    view.keyboard.press("Space")  # the play button
    assert view.get_attribute("#play", "aria-pressed") == "true"
    until(view, "Number(document.getElementById('step').value) > 3")
    view.keyboard.press("Space")
    assert view.get_attribute("#play", "aria-pressed") == "false"
    view.focus("#step")
    view.keyboard.press("Home")
    _settled(view)
    assert view.locator("#readout").inner_text().startswith("step 0 of 100: x = −7, y = 2, f = 6.45")
    view.focus("#second")
    view.keyboard.press("Home")
    view.focus("#start")
    view.keyboard.press("ArrowDown")
    view.focus("#function")
    view.keyboard.press("ArrowDown")
    _settled(view)
    assert view.evaluate("window.optvizExplore.setting()").startswith("rosenbrock momentum ")
    assert view.evaluate("window.optvizExplore.setting()").endswith(" momentum=0 start=-1.5,2")
    assert problems == []
    view.context.close()


@pytest.mark.parametrize("lang", ["de", "ja"])
def test_on_a_phone_every_slider_keeps_its_width_and_nothing_scrolls_sideways(browser, tmp_path, lang):
    """At 390 px the step row (label, slider, value and the play button) squeezed its slider to nothing."""
    view, problems, _ = open_offline(browser, write_explore(tmp_path / "explore.html", lang=lang))
    view.set_viewport_size({"width": 390, "height": 844})
    until(view, "document.documentElement.clientWidth === 390")
    widths = view.evaluate("[...document.querySelectorAll('input[type=range]')].map((e) => e.offsetWidth)")
    overflow = view.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    view.context.close()
    assert problems == [] and overflow <= 0
    assert len(widths) == 4 and min(widths) >= 120, widths


def _canvas(view, selector: str = "#path-canvas") -> np.ndarray:
    """The canvas as drawn, as RGB levels."""
    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(view.locator(selector).screenshot())).convert("RGB"), dtype=int)


def _changed(before: np.ndarray, after: np.ndarray) -> int:
    """Pixels that changed visibly (Skia's anti-aliasing of a dashed line may differ by a level between draws)."""
    return int((np.abs(before - after).max(axis=-1) > 8).sum())


def test_the_batch_slider_from_the_keyboard_draws_minibatch_run(browser, default_page):
    view, problems, _ = open_offline(browser, default_page)
    bowl = _embedded(default_page.read_text(encoding="utf-8"))["functions"][0]
    exact_picture, exact_loss = _canvas(view), _canvas(view, "#loss-canvas")
    assert view.get_attribute("#batch", "type") == "range"
    assert view.locator("label[for=batch]").inner_text() == "Batch size"
    assert view.locator("#batch-value").inner_text() == "all 1,000"
    assert view.evaluate("window.optvizExplore.drawnNoisyPaths()") == []
    note = view.locator("#batch-note").inner_text()
    assert "each step follows the gradient of B of them" in note and "B = 1,000 is the full batch" in note
    view.focus("#batch")
    view.keyboard.press("Home")
    _settled(view)
    assert view.locator("#batch-value").inner_text() == "B = 3"
    assert view.get_attribute("#batch", "aria-valuetext") == "B = 3"
    assert view.evaluate("window.optvizExplore.setting()") == "bowl momentum lr=0.1 momentum=0.9 start=-7,2 batch=3"
    expected = _noisy(bowl, "momentum", 0.1, 3)
    drawn = np.array(view.evaluate("window.optvizExplore.drawnNoisyPaths()"))
    assert drawn.shape == (3, 101, 2)
    np.testing.assert_allclose(drawn, expected.positions.transpose(1, 0, 2), rtol=1e-6, atol=1e-6)
    drawn_values = np.array(view.evaluate("window.optvizExplore.drawnNoisyValues()"))
    np.testing.assert_allclose(drawn_values, expected.values.T, rtol=1e-6)
    # the exact path stays, and both views changed
    exact = _run(bowl, "momentum", 0.1, 0.9, (-7.0, 2.0))
    np.testing.assert_allclose(view.evaluate("window.optvizExplore.drawnPath()"), exact.positions, rtol=1e-6, atol=1e-6)
    assert _changed(exact_picture, _canvas(view)) > 500 and _changed(exact_loss, _canvas(view, "#loss-canvas")) > 200
    low, high = (f"{v:.4g}" for v in (expected.values[-1].min(), expected.values[-1].max()))
    assert f"B = 3 (3\u00a0minibatch paths): f from {low} to {high}" in view.locator("#readout").inner_text()
    view.keyboard.press("ArrowRight")
    _settled(view)
    assert view.evaluate("window.optvizExplore.setting()").endswith(" batch=10")
    np.testing.assert_allclose(
        view.evaluate("window.optvizExplore.drawnNoisyPaths()"),
        _noisy(bowl, "momentum", 0.1, 10).positions.transpose(1, 0, 2),
        rtol=1e-6,
        atol=1e-6,
    )
    # back to the full batch: exactly oc.run's path and today's picture
    view.keyboard.press("End")
    _settled(view)
    assert view.evaluate("window.optvizExplore.setting()") == "bowl momentum lr=0.1 momentum=0.9 start=-7,2"
    assert view.evaluate("window.optvizExplore.drawnNoisyPaths()") == []
    np.testing.assert_allclose(view.evaluate("window.optvizExplore.drawnPath()"), exact.positions, rtol=1e-6, atol=1e-6)
    assert _changed(exact_picture, _canvas(view)) == 0 and _changed(exact_loss, _canvas(view, "#loss-canvas")) == 0
    assert problems == []
    view.context.close()


def test_minibatch_paths_that_leave_the_picture_are_labelled(browser, default_page):
    """SGD at the book's 0.95 with batches of 3: two of the three paths swing out of the frame."""
    view, problems, _ = open_offline(browser, default_page)
    bowl = _embedded(default_page.read_text(encoding="utf-8"))["functions"][0]
    view.focus("#optimizer")
    view.keyboard.press("Home")  # SGD
    view.focus("#batch")
    view.keyboard.press("Home")
    _settled(view)
    assert view.evaluate("window.optvizExplore.setting()") == "bowl sgd lr=0.95 start=-7,2 batch=3"
    (x0, x1), (y0, y1) = bowl["window"]
    positions = _noisy(bowl, "sgd", 0.95, 3).positions
    outside = (positions[..., 0] < x0) | (positions[..., 0] > x1) | (positions[..., 1] < y0) | (positions[..., 1] > y1)
    assert outside.any(axis=0).sum() == 2
    assert view.locator("#readout").inner_text().endswith(" · minibatch paths leaving the picture: 2 of 3")
    view.keyboard.press("ArrowRight")  # B = 10: every path stays inside
    _settled(view)
    assert "leaving" not in view.locator("#readout").inner_text()
    assert problems == []
    view.context.close()


def test_the_batch_slider_is_disabled_where_there_are_no_minibatch_paths(browser, default_page):
    view, problems, _ = open_offline(browser, default_page)
    view.focus("#batch")
    view.keyboard.press("Home")  # B = 3, for Momentum at 0.1
    view.focus("#lr")
    view.keyboard.press("ArrowRight")  # 0.2: above the book's 0.1, no minibatch paths
    _settled(view)
    assert view.evaluate("document.getElementById('batch').disabled")
    assert view.locator("#batch-value").inner_text() == "all 1,000"
    assert view.locator("#batch-note").inner_text().startswith("Batch size: this setting has no minibatch paths.")
    assert view.evaluate("window.optvizExplore.drawnNoisyPaths()") == []
    assert view.evaluate("window.optvizExplore.setting()") == "bowl momentum lr=0.2 momentum=0.9 start=-7,2"
    view.keyboard.press("ArrowLeft")  # back to 0.1: the reader's B = 3 returns
    _settled(view)
    assert not view.evaluate("document.getElementById('batch').disabled")
    assert view.evaluate("window.optvizExplore.setting()").endswith(" batch=3")
    view.focus("#second")
    view.keyboard.press("Home")  # α = 0
    _settled(view)
    assert view.evaluate("document.getElementById('batch').disabled")
    view.keyboard.press("End")
    view.keyboard.press("ArrowLeft")  # back to the default α = 0.9
    view.focus("#start")
    view.keyboard.press("ArrowDown")  # another start point
    _settled(view)
    assert view.evaluate("document.getElementById('batch').disabled")
    view.focus("#function")
    view.keyboard.press("ArrowDown")  # Rosenbrock
    _settled(view)
    assert view.evaluate("document.getElementById('batch').disabled")
    assert view.locator("#batch-note").inner_text() == (
        "Batch size: minibatch paths exist on the bowl only, the mean loss of 1,000 examples."
    )
    assert view.evaluate("window.optvizExplore.drawnNoisyPaths()") == []
    view.keyboard.press("ArrowUp")  # the bowl again, from its own start at the book's rate
    _settled(view)
    assert view.evaluate("window.optvizExplore.setting()") == "bowl momentum lr=0.1 momentum=0.9 start=-7,2 batch=3"
    assert problems == []
    view.context.close()


def _matches_baseline(actual: Path) -> None:
    expected = BASELINES / actual.name
    if UPDATE:
        shutil.copyfile(actual, expected)
        pytest.skip(f"regenerated {expected.name}; open it, then run again without OPTVIZ_UPDATE_BASELINES")
    assert expected.exists(), f"no baseline {expected.name}; make it with OPTVIZ_UPDATE_BASELINES=1"
    assert compare_images(str(expected), str(actual), tol=2) is None


@pytest.mark.parametrize(("lang", "theme"), [("en", "light"), ("de", "dark")])
def test_the_page_matches_its_screenshot(browser, tmp_path, lang, theme):
    page_path = write_explore(tmp_path / "explore.html", lang=lang, theme=theme)
    view, problems, _ = open_offline(browser, page_path)
    _settled(view)
    actual = tmp_path / f"explore-{lang}-{theme}.png"
    view.screenshot(path=str(actual), full_page=True)
    view.context.close()
    assert problems == []
    _matches_baseline(actual)


@pytest.mark.parametrize(("lang", "theme", "optimizer"), [("en", "light", "sgd"), ("de", "dark", "momentum")])
def test_the_minibatch_view_matches_its_screenshot(browser, tmp_path, lang, theme, optimizer):
    """A small batch: SGD at the book's rate with B = 10, Momentum with B = 3."""
    page_path = write_explore(tmp_path / "explore.html", lang=lang, theme=theme)
    view, problems, _ = open_offline(browser, page_path)
    if optimizer == "sgd":
        view.focus("#optimizer")
        view.keyboard.press("Home")
    view.focus("#batch")
    view.keyboard.press("Home")
    if optimizer == "sgd":
        view.keyboard.press("ArrowRight")
    view.evaluate("document.activeElement.blur()")  # no focus ring in the picture
    _settled(view)
    actual = tmp_path / f"explore-minibatch-{lang}-{theme}.png"
    view.screenshot(path=str(actual), full_page=True)
    view.context.close()
    assert problems == []
    _matches_baseline(actual)


# ---- through the command line -----------------------------------------------------------------------------


def _optviz(*args):
    from typer.testing import CliRunner

    from figures.cli import app

    return CliRunner().invoke(app, [str(a) for a in args])


def test_optviz_figure_explore_writes_the_same_page(tmp_path):
    result = _optviz("figure", "explore", "-o", tmp_path / "explore.html", "--function", "himmelblau", "--lang", "de")
    assert result.exit_code == 0, result.output
    written = (tmp_path / "explore.html").read_text(encoding="utf-8")
    assert written == page(("himmelblau",), "de", "light")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--function", "moon"], "unknown function 'moon' for the explorable page (valid: bowl, rosenbrock,"),
        (["--lang", "fr"], "'fr' is not one of 'en', 'de', 'ja'"),
        (["--theme", "transparent"], "unknown theme 'transparent' for the explorable page (valid: light, dark)"),
        (
            ["--function", "bowl", "--function", "rosenbrock", "--function", "himmelblau", "--function", "beale"],
            "over the limit of 3 MB; choose fewer functions",
        ),
        (["-o", "{tmp}/explore.png"], "unknown output suffix '.png'"),
    ],
)
def test_optviz_figure_explore_refuses_bad_input_with_one_line(tmp_path, args, message):
    args = [a.format(tmp=tmp_path) for a in args]
    output = [] if "-o" in args else ["-o", tmp_path / "explore.html"]
    result = _optviz("figure", "explore", *output, *args)
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []
