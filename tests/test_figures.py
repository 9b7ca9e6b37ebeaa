"""Figures: the book's numbers, image baselines, determinism, atomic writes and the gallery in a real browser."""

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from conftest import load_reference
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.lines import Line2D
from matplotlib.testing.compare import compare_images
from PIL import Image, ImageFilter

import optim_core as oc
from catalog import text
from figures import plots
from figures.article import build
from figures.explore.chromium import ARGS as CHROMIUM_ARGS
from figures.jobs import FigureJob, drawn, render
from figures.kinds import KINDS
from figures.output import save, styled
from optim_core.spec import GOLF_LEARNING_RATES, parse_optimizer

BASELINES = Path(__file__).parent / "baseline"
UPDATE = os.environ.get("OPTVIZ_UPDATE_BASELINES") == "1"
BOOK = load_reference("book_trajectories.json")
BOWL = oc.get_function("bowl")


def _dashes(line: Line2D) -> tuple:
    """A line's dash pattern as drawn (get_linestyle says "--" for every pattern): offset and on-off lengths."""
    offset, pattern = line._unscaled_dash_pattern
    return (offset, tuple(pattern or ()))


def _lines(ax) -> list[Line2D]:
    """The path lines of an Axes (a line with a marker every few points, not the single start markers)."""
    return [line for line in ax.get_lines() if line.get_linestyle() != "None" and len(line.get_xydata()) > 1]


@pytest.mark.parametrize("name", ["SGD", "Momentum", "AdaGrad", "Adam"])
def test_book_path_figures_plot_the_books_points(name):
    case = next(c for c in BOOK["cases"] if c["function"] == "bowl" and c["optimizer"] == name)
    t = oc.run(oc.get_optimizer(name, **case["hyperparameters"]), BOWL, steps=plots.BOOK_POINTS - 1)
    with styled():
        fig = plots.path_figure(t)
    ax = fig.axes[0]
    line = _lines(ax)[0]
    plotted = line.get_xydata()
    assert line.get_marker() == "o"
    reference = np.asarray(case["positions"][: plots.BOOK_POINTS])
    assert plotted.shape == (30, 2)
    np.testing.assert_allclose(plotted, reference, rtol=1e-12, atol=1e-12)
    assert ax.get_xlim() == (-10, 10) and ax.get_ylim() == (-10, 10)
    assert any(line.get_marker() == "+" and tuple(line.get_xydata()[0]) == (0, 0) for line in ax.get_lines())


def test_compare_is_the_books_two_by_two(tmp_path):
    job = FigureJob("compare", str(tmp_path / "c.png"))
    with styled():
        fig = plots.compare_figure(__import__("figures.jobs").jobs.trajectories(job))
    titles = [ax.get_title() for ax in fig.axes]
    assert titles == ["SGD (η=0.95)", "Momentum (η=0.1)", "AdaGrad (η=1.5)", "Adam (η=0.3)"]
    colours = [_lines(ax)[0].get_color() for ax in fig.axes]
    assert colours == [oc.INFO[n].color for n in ("sgd", "momentum", "adagrad", "adam")]


def test_vector_sum_draws_a_real_momentum_step():
    with styled():
        fig = plots.vector_sum_figure(oc.get_optimizer("momentum", lr=0.1))
    tips = sorted(tuple(np.round(a.xy, 12)) for a in fig.axes[0].texts if hasattr(a, "xy") and a.arrow_patch)
    assert tips == [(0.0, 1.0), (1.0, 1.0), (1.0, 1.0)]
    assert any("45°" in t.get_text() for t in fig.axes[0].texts)


KEY_FIGURES = {
    "compare": {},
    "vector-sum": {},
    "impulse": {},
    "loss": {},
    "sweep": {"steps": 300},
    "step-size": {"lang": "de"},
    "path": {"optimizers": ("adagrad",), "lang": "ja", "theme": "dark"},
    "learning-rate": {"lang": "de", "theme": "dark"},
}


@pytest.mark.parametrize("kind", KEY_FIGURES)
def test_key_figures_match_their_baselines(kind, tmp_path):
    name = f"{kind}-{KEY_FIGURES[kind].get('lang', 'en')}.png"
    actual = tmp_path / name
    render(FigureJob(kind, str(actual), dpi=60, **KEY_FIGURES[kind]))
    expected = BASELINES / name
    if UPDATE:
        shutil.copyfile(actual, expected)
        pytest.skip(f"baseline {expected.name} rewritten; open it, then run again without OPTVIZ_UPDATE_BASELINES")
    assert expected.exists(), f"no baseline {expected.name}; render it with OPTVIZ_UPDATE_BASELINES=1"
    assert compare_images(str(expected), str(actual), tol=2) is None


@pytest.mark.parametrize("suffix", ["png", "svg", "pdf", "webp"])
def test_outputs_are_byte_identical(tmp_path, suffix):
    first, second = tmp_path / f"a.{suffix}", tmp_path / f"b.{suffix}"
    for path in (first, second):
        render(FigureJob("overlay", str(path), dpi=50))
    assert first.read_bytes() == second.read_bytes()
    if suffix == "svg":
        assert b"<dc:date>" not in first.read_bytes()


@pytest.mark.parametrize("suffix", ["gif", "webp", "mp4"])
def test_race_is_byte_identical_and_small(tmp_path, suffix):
    first, second = tmp_path / f"a.{suffix}", tmp_path / f"b.{suffix}"
    for path in (first, second):
        render(FigureJob("race", str(path), dpi=60))
    assert first.read_bytes() == second.read_bytes()
    assert 1_000 < first.stat().st_size < 2_000_000


def test_a_write_interrupted_after_the_temporary_file_exists_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "figure.svg"
    target.write_bytes(b"the old figure")
    with styled():
        fig = plots.impulse_figure()

    def interrupted(self, fname, **kwargs):
        Path(fname).write_bytes(b"half an SVG")
        raise KeyboardInterrupt

    monkeypatch.setattr(type(fig), "savefig", interrupted)
    with pytest.raises(KeyboardInterrupt):
        save(fig, target)
    assert target.read_bytes() == b"the old figure"
    assert [p.name for p in tmp_path.iterdir()] == ["figure.svg"]


def test_article_builds_everything_then_skips_what_is_current(tmp_path, capsys):
    rows = build(None, tmp_path, jobs=2)
    assert len(rows) == 18 and {r["status"] for r in rows} == {"rendered"}
    assert {"learning-rate.png", "explore.html"} <= {r["output"] for r in rows}
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == sorted([r["output"] for r in rows] + ["index.html", "article.md", ".optviz-manifest.json"])
    again = build(None, tmp_path, jobs=2)
    assert {r["status"] for r in again} == {"up to date"}
    (tmp_path / "sgd.png").unlink()
    third = build(None, tmp_path, jobs=1)
    assert [r["output"] for r in third if r["status"] == "rendered"] == ["sgd.png"]
    page = (tmp_path / "index.html").read_text()
    assert '<a class="page" href="explore.html"' in page and "path: sgd.png" not in page
    assert page.count("<h2>") == 3 and "<h2>On a real network</h2>" in page
    post = (tmp_path / "article.md").read_text()
    assert post.index("sgd.png") > post.index("## On the bowl") and post.index("noise.png") > post.index("## On a real")
    _check_gallery_in_chromium(tmp_path / "index.html", expected=17)


def test_article_sections_put_a_heading_before_their_first_output(tmp_path):
    """A section is text, or a catalog key read in the article's language; index.html and article.md show it."""
    spec = tmp_path / "post.toml"
    spec.write_text(
        '[[figure]]\nkind = "path"\noutput = "sgd.png"\nsection = { key = "article_bowl" }\n\n'
        '[[figure]]\nkind = "impulse"\noutput = "kick.png"\n\n'
        '[[figure]]\nkind = "vector-sum"\noutput = "sum.png"\nsection = "Mein eigener Abschnitt"\n'
    )
    build(spec, tmp_path / "out", jobs=1, lang="de")
    post = (tmp_path / "out" / "article.md").read_text()
    headings = re.findall(r"^## (.*)$", post, re.MULTILINE)
    assert headings == ["Auf der Schale f(x, y) = x²/20 + y²", "Mein eigener Abschnitt"]
    assert post.index("## Auf der Schale") < post.index("sgd.png") < post.index("kick.png")
    assert post.index("kick.png") < post.index("## Mein eigener") < post.index("sum.png")
    page = (tmp_path / "out" / "index.html").read_text()
    sections = re.findall(r"(?:<h2>([^<]*)</h2>\n)?<main>(.*?)</main>", page, re.DOTALL)
    assert [(heading, re.findall(r'src="([^"]+)"', cards)) for heading, cards in sections] == [
        ("Auf der Schale f(x, y) = x²/20 + y²", ["sgd.png", "kick.png"]),
        ("Mein eigener Abschnitt", ["sum.png"]),
    ]
    _check_gallery_in_chromium(tmp_path / "out" / "index.html", expected=3)


def test_the_default_article_is_titled_for_both_chapters_and_marks_where_each_starts(tmp_path):
    from figures.article import load_article

    for lang, title, network in [
        ("en", "from the bowl to a real network", "On a real network"),
        ("de", "von der Schale zum echten Netz", "Auf einem echten Netz"),
        ("ja", "お椀から本物のネットワークへ", "本物のネットワークで"),
    ]:
        article = load_article(None, tmp_path, lang=lang)
        assert title in article.title
        starts = {
            Path(job.output).name: heading
            for job, heading in zip(article.jobs, article.headings, strict=True)
            if heading
        }
        assert list(starts) == ["sgd.png", "noise.png", "explore.html"] and starts["noise.png"] == network
        assert list(starts.values()) == [text("article_bowl", lang), network, text("explore_title", lang)]


def test_article_in_german_and_dark_creates_its_folder_and_a_post(tmp_path):
    """The blogger's line: a folder that does not exist yet, German, dark; captions and alt text in German."""
    spec = tmp_path / "post.toml"
    spec.write_text(
        '[[figure]]\nkind = "path"\noutput = "sgd.png"\n\n'
        '[[figure]]\nkind = "learning-rate"\noutput = "lr.svg"\nsize = "1200x500px"\n\n'
        '[[figure]]\nkind = "race"\noutput = "race.mp4"\nsteps = 10\n'
    )
    out = tmp_path / "new" / "post"
    build(spec, out, jobs=2, lang="de", theme="dark")
    post = (out / "article.md").read_text()
    assert post.startswith("# SGD, Momentum, AdaGrad und Adam: von der Schale zum echten Netz\n\n![")
    assert "![Höhenlinien von f(x, y) = x²/20 + y² mit dem Pfad von SGD (η=0,95) ab (−7; 2)" in post
    assert "*SGD (η=0,95) ab (−7; 2) auf f(x, y) = x²/20 + y²: 30 Punkte.*" in post
    assert post.index("sgd.png") < post.index("lr.svg") < post.index('<video src="race.mp4"')
    page = (out / "index.html").read_text()
    assert '<html lang="de">' in page and 'alt="Höhenlinienbilder von f(x, y)' in page
    assert page.count("<figcaption>") == 3 and page.count("<summary>Alternativtext</summary>") == 3
    assert "background: #0e0f12" in page  # the gallery follows the dark theme
    with Image.open(out / "sgd.png") as image:
        assert image.convert("RGB").getpixel((2, 2)) == (0x16, 0x18, 0x1D)  # the dark theme's background
    assert 'width="1200px" height="500px"' in (out / "lr.svg").read_text()


def test_ctrl_c_stops_the_article_exits_130_and_leaves_nothing_temporary(tmp_path):
    """A real Ctrl-C: SIGINT to a running `optviz article`, part-way through its outputs."""
    optviz = Path(sys.executable).with_name("optviz")
    process = subprocess.Popen(
        [optviz, "article", "-o", tmp_path, "--jobs", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 60
    while not any(p.suffix == ".png" for p in tmp_path.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.05)  # part-way: the first output is in place
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "interrupted" in stderr.decode()
    names = [p.name for p in tmp_path.iterdir()]
    assert not [n for n in names if "staging" in n or ".tmp" in n], names
    assert "index.html" not in names and len([n for n in names if n.endswith(".png")]) < 14


def test_ctrl_c_stops_a_figure_with_130_and_one_line(tmp_path):
    """Typer hands back Ctrl-C as an exit code rather than exiting: unused, an interrupted figure exited 0,
    silently, and a script went on as if it had been drawn."""
    optviz = Path(sys.executable).with_name("optviz")
    command = [optviz, "figure", "training", "-O", "sgd:lr=0.0123", "--steps", "10000", "-o", tmp_path / "t.png"]
    process = subprocess.Popen(
        command, stderr=subprocess.PIPE, env={**os.environ, "OPTVIZ_CACHE": str(tmp_path / "cache")}, text=True
    )
    time.sleep(3)  # training 10,000 iterations takes far longer
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert stderr.startswith("optviz: error: interrupted") and stderr.count("\n") == 1, stderr
    assert not (tmp_path / "t.png").exists()


def _check_gallery_in_chromium(page: Path, expected: int):
    browser = shutil.which("chromium")
    assert browser, "Debian's chromium is missing: scripts/bootstrap.sh installs it"
    dom = subprocess.run(
        [
            browser,
            "--headless",
            *CHROMIUM_ARGS,
            f"--user-data-dir={page.parent / '.c'}",
            "--virtual-time-budget=10000",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    shutil.rmtree(page.parent / ".c", ignore_errors=True)
    images = re.findall(r"<img [^>]*>", dom)
    loaded = [int(m) for m in re.findall(r'data-loaded="(\d+)"', dom)]
    assert len(images) == expected
    assert len(loaded) == expected and all(width > 0 for width in loaded), loaded


@pytest.mark.parametrize("name", [*oc.function_names(), "sin(x)*exp(-y**2) + abs(x)/10"])
def test_every_function_draws_with_its_formula(name, tmp_path):
    out = tmp_path / "f.png"
    render(FigureJob("path", str(out), functions=(name,), optimizers=("adam:lr=0.05",), steps=50, dpi=40))
    assert out.stat().st_size > 1000


def test_series_of_one_optimizer_share_its_colour_and_differ_in_line_and_marker():
    """The article's golf picture: three SGD rates, all in SGD's colour, told apart by line and marker."""
    runs = [oc.run(oc.get_optimizer("sgd", lr=lr), BOWL, steps=29) for lr in (0.1, 0.95, 1.02)]
    with styled():
        ax = plots.overlay_figure(runs).axes[0]
    lines = _lines(ax)
    assert {line.get_color() for line in lines} == {oc.INFO["sgd"].color}
    assert len({line.get_marker() for line in lines}) == 3 and len({_dashes(line) for line in lines}) == 3
    assert [line.get_label() for line in lines] == ["SGD (η=0.1)", "SGD (η=0.95)", "SGD (η=1.02)"]
    torch = [parse_optimizer(s) for s in ("sgd:lr=0.1,momentum=0.9,convention=torch", "sgd:lr=0.1,convention=torch")]
    with styled():
        ax = plots.overlay_figure([oc.run(opt, BOWL, steps=29) for opt in torch]).axes[0]
    assert [line.get_label() for line in _lines(ax)] == ["SGD + momentum (η=0.1, α=0.9)", "SGD (η=0.1, α=0)"]


def test_the_new_users_overlay_keeps_each_optimizers_colour_from_both_starts(tmp_path):
    """`overlay -O sgd -O momentum --start -7,2 --start 5,-3` painted SGD's second path in Momentum's blue and
    Momentum's two in AdaGrad's green and Adam's pink."""
    job = FigureJob("overlay", str(tmp_path / "o.png"), optimizers=("sgd", "momentum"), starts=((-7, 2), (5, -3)))
    with styled():
        ax = plots.overlay_figure(__import__("figures.jobs").jobs.trajectories(job)).axes[0]
    lines = _lines(ax)
    assert [line.get_color() for line in lines] == [oc.INFO[n].color for n in ("sgd", "sgd", "momentum", "momentum")]
    styles = [_dashes(line) for line in lines]
    assert styles[0] == styles[2] != styles[1] == styles[3]  # solid from the first start, dashed from the second
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == [
        "SGD (η=0.95) from (−7, 2)",
        "SGD (η=0.95) from (5, −3)",
        "Momentum (η=0.1) from (−7, 2)",
        "Momentum (η=0.1) from (5, −3)",
    ]


def test_every_number_a_figure_writes_has_a_real_minus_sign():
    """Legends wrote (-7; 2) with a hyphen-minus while the ticks wrote −7."""
    t = oc.run(parse_optimizer("sgd:lr=1.1"), BOWL, start=BATCH, steps=29)
    for lang in ("en", "de"):
        with styled(lang=lang):
            figures = [plots.overlay_figure([t], lang=lang), plots.loss_figure([t], lang=lang)]
            for fig in figures:
                FigureCanvasAgg(fig).draw()
        texts = []
        for fig in figures:
            for ax in fig.axes:
                texts += [ax.title, *ax.texts, *ax.get_xticklabels(), *ax.get_yticklabels()]
                texts += ax.get_legend().get_texts() if ax.get_legend() else []
        words = [t.get_text() for t in texts]
        assert any("−" in w for w in words) and not [w for w in words if re.search(r"-\d", w)], words


BATCH = [(-7.0, 2.0), (5.0, -3.0)]


@pytest.mark.parametrize(
    ("draw", "on_the_plane", "styles"),
    [
        (lambda t: plots.path_figure(t), True, 2),
        (lambda t: plots.overlay_figure([t]), True, 2),
        (lambda t: plots.compare_figure([t]), True, 2),
        # one path per panel, each solid, as the single-path figures draw it
        (lambda t: plots.learning_rate_figure([t]), True, 1),
        (lambda t: plots.loss_figure([t]), False, 2),
        (lambda t: plots.step_size_figure([t]), False, 2),
        (lambda t: plots.surface_figure([t]), False, 2),
    ],
    ids=["path", "overlay", "compare", "learning-rate", "loss", "step-size", "surface"],
)
def test_every_figure_draws_a_batch_of_starts_as_series_of_their_own(draw, on_the_plane, styles):
    t = oc.run(oc.get_optimizer("momentum", lr=0.1), BOWL, start=BATCH, steps=20)
    with styled():
        fig = draw(t)
    lines = [line for ax in fig.axes for line in _lines(ax)]
    assert {line.get_color() for line in lines} == {oc.INFO["momentum"].color}  # the colour is Momentum's
    assert len({_dashes(line) for line in lines}) == styles
    labels = {line.get_label() for line in lines}
    assert labels == {"Momentum (η=0.1) from (−7, 2)", "Momentum (η=0.1) from (5, −3)"}
    if on_the_plane:
        assert sorted(tuple(line.get_xydata()[0]) for line in lines) == sorted(BATCH)


def test_the_race_counts_its_steps_evenly_and_ends_on_the_last():
    """60 frames for 60 steps used to skip one step in the middle (the title jumped from 29 to 31)."""
    from figures.race import race_steps

    assert race_steps(60, 60) == list(range(61))
    for last in (59, 100, 1000, 7):
        steps = race_steps(last, 60)
        strides = set(np.diff(steps[:-1]))
        assert steps[0] == 0 and steps[-1] == last and len(strides) <= 1 and len(steps) <= 61
        assert 0 < steps[-1] - steps[-2] <= max(strides, default=1)


def test_race_draws_a_batch_of_starts():
    from figures.race import race_figure

    t = oc.run(oc.get_optimizer("adam", lr=0.3), BOWL, start=BATCH, steps=10)
    with styled():
        _, _, draw = race_figure([t])
    artists = draw(10)
    assert {a.get_color() for a in artists[:2]} == {oc.INFO["adam"].color}
    assert len({_dashes(a) for a in artists[:2]}) == 2
    assert [tuple(a.get_xydata()[0]) for a in artists[:2]] == BATCH


@pytest.mark.parametrize(("theme", "background"), [("light", (255, 255, 255)), ("dark", (22, 24, 29))])
def test_a_png_keeps_the_exact_background_so_it_sits_seamlessly_on_a_page(tmp_path, theme, background):
    """PNGs are 256-colour: the palette used to average white into (254, 254, 254), a faint box on a page."""
    for kind in ("compare", "surface", "sweep"):
        out = tmp_path / f"{kind}.png"
        render(FigureJob(kind, str(out), theme=theme, dpi=60, **({"steps": 50} if kind == "sweep" else {})))
        with Image.open(out) as image:
            assert image.mode == "P" and image.convert("RGB").getpixel((1, 1)) == background, kind


def test_a_shaded_png_is_dithered_rather_than_banded(tmp_path):
    """The surface's shading has far more than 256 colours: undithered, its PNG showed blotchy bands. Seen from
    a little way off (blurred), the dithered PNG matches the lossless WebP of the same figure."""
    render(FigureJob("surface", str(tmp_path / "s.png"), dpi=60))
    render(FigureJob("surface", str(tmp_path / "s.webp"), dpi=60))
    with Image.open(tmp_path / "s.png") as png, Image.open(tmp_path / "s.webp") as webp:
        assert png.mode == "P"
        blurred = [np.asarray(im.convert("RGB").filter(ImageFilter.BoxBlur(3)), float) for im in (png, webp)]
    assert np.abs(blurred[0] - blurred[1]).mean() < 0.3  # undithered: 0.89


def test_pixel_sizes_are_exact_for_png_webp_and_svg(tmp_path):
    for suffix in ("png", "webp"):
        out = tmp_path / f"f.{suffix}"
        render(FigureJob("compare", str(out), size="1200x800px"))
        with Image.open(out) as image:
            assert image.size == (1200, 800)
    out = tmp_path / "f.svg"
    render(FigureJob("overlay", str(out), size="1200x800px", dpi=100))
    assert re.search(r'<svg [^>]*width="1200px" height="800px" viewBox="0 0 [0-9.]+ [0-9.]+"', out.read_text())
    out = tmp_path / "inches.png"
    render(FigureJob("path", str(out), size="8x6", dpi=150))
    with Image.open(out) as image:
        assert image.size == (1200, 900)


def test_the_books_path_as_svg_is_light_and_its_text_is_text(tmp_path):
    out = tmp_path / "sgd.svg"
    render(FigureJob("path", str(out)))
    svg = out.read_text()
    assert out.stat().st_size <= 150_000
    assert "<text" in svg and "SGD (η=0.95)" in svg
    assert re.search(r"font-family[:=][^;\"]*DejaVu Sans[^;\"]*sans-serif", svg)


@pytest.mark.parametrize("kind", ["compare", "surface", "learning-rate", "overlay"])
def test_a_1200_pixel_png_weighs_at_most_200_kb(kind, tmp_path):
    out = tmp_path / "f.png"
    render(FigureJob(kind, str(out), size="1200x800px"))
    assert out.stat().st_size <= 200_000


@pytest.mark.parametrize("function", ["bowl", "rosenbrock", "himmelblau"])
def test_the_surfaces_floor_has_room_for_its_labels(function):
    """Foreshortened, the floor's axes once carried nine labels each: "−10.0−7.5−5.0" ran together. (A 3-D
    axis places its labels only while drawing, so their boxes cannot be measured afterwards; their count can.)"""
    f = oc.get_function(function)
    t = oc.run(parse_optimizer("sgd", f), f, steps=30)
    with styled():
        fig = plots.surface_figure([t])
        FigureCanvasAgg(fig).draw()
    [ax] = fig.axes
    for axis in (ax.xaxis, ax.yaxis):
        low, high = sorted(axis.get_view_interval())
        shown = [tick for tick in axis.get_majorticklocs() if low <= tick <= high]
        assert 3 <= len(shown) <= plots.SURFACE_TICKS + 1, shown


def test_the_sweeps_legend_shows_the_grey_of_its_unreached_cells():
    """The legend's swatch for "never reached" was a darker grey than the cells it names."""
    sweep = oc.sweep("momentum", BOWL, {"lr": [0.01, 0.5, 1.0], "momentum": [0.0, 0.5]}, steps=50, tol=1e-6)
    assert np.isnan(sweep.steps_to_tol).any()
    with styled():
        fig = plots.sweep_figure(sweep, BOWL, tol=1e-6)
        FigureCanvasAgg(fig).draw()
    [legend] = fig.legends
    [swatch] = [
        h for h, t in zip(legend.legend_handles, legend.get_texts(), strict=True) if t.get_text() == text("never", "en")
    ]
    unreached = fig.axes[0].collections[1]  # drawn over the map, where the steps are missing
    colours = [tuple(c) for c in unreached.get_facecolors() if c[3] > 0]  # masked cells are transparent
    assert colours and set(colours) == {tuple(swatch.get_facecolor())}


@pytest.mark.parametrize("function", ["rosenbrock", "rastrigin", "bowl"])
def test_the_sweep_fits_its_rates_to_the_function_and_draws_when_no_cell_reaches_the_tolerance(function, tmp_path):
    """The grid was the bowl's (η 0.02-2) for every function: on Rosenbrock every cell diverged and on
    Rastrigin none reaches f < 1e-6, and the empty colour scale raised 'Invalid vmin or vmax' with a traceback."""
    out = tmp_path / "sweep.png"
    assert render(FigureJob("sweep", str(out), functions=(function,), steps=300, dpi=40)) == out
    f = oc.get_function(function)
    rate = parse_optimizer("momentum", f).hyperparams["lr"]
    with drawn(FigureJob("sweep", "s.png", functions=(function,), steps=300)) as fig:
        edges = fig.axes[0].collections[0].get_coordinates()[0, :, 0]  # cell edges, half a step beyond
    lrs = (edges[:-1] + edges[1:]) / 2
    assert lrs[0] == pytest.approx(rate / 5, rel=0.02) and lrs[-1] == pytest.approx(20 * rate, rel=0.02)


def test_german_figures_write_numbers_with_a_decimal_comma():
    t = oc.run(parse_optimizer("sgd:lr=0.95"), BOWL, steps=29)
    with styled(lang="de"):
        fig = plots.path_figure(t, lang="de")
        fig.canvas.draw()
    ax = fig.axes[0]
    ticks = [label.get_text() for label in ax.get_yticklabels()]
    assert "2,5" in ticks and not any("." in tick for tick in ticks), ticks
    assert ax.get_title().startswith("SGD (η=0,95) auf")
    with styled(lang="de"):
        sweep = oc.sweep("momentum", BOWL, {"lr": [0.5, 1.0], "momentum": [0.2, 0.5]}, steps=300, tol=1e-6)
        figure = plots.sweep_figure(sweep, BOWL, tol=1e-6, lang="de")
    [legend] = figure.legends  # below the map, whose every cell is data
    assert "theoretisches Optimum (η=1,34; α=0,40)" in [t.get_text() for t in legend.get_texts()]
    assert figure.axes[0].get_title() == r"Momentum auf $\frac{1}{20}x^2+y^2$: Schritte bis f < $10^{-6}$"


TORCH_WORDS = (
    "sgd:lr=0.1,momentum=0.9,convention=torch",
    "rmsprop:lr=0.01,centered=true,convention=torch",
    "adamw:lr=0.1,weight_decay=0.1,convention=torch",
)


@pytest.mark.parametrize("lang", ["de", "ja"])
def test_every_word_on_a_figure_is_translated(lang):
    """No English word left: labels, legends, titles and annotations of every kind that carries words."""
    english = {"step", "steps", "diverged", "leaves", "learning", "rate", "lr", "book", "from", "after", "paths"}
    english |= {"centered", "weight", "decay"} | ({"momentum"} if lang == "ja" else set())  # German says Momentum
    t = oc.run(parse_optimizer("sgd:lr=1.1"), BOWL, start=BATCH, steps=29)
    with styled(lang=lang):
        figures = [
            plots.path_figure(t, lang=lang),
            plots.overlay_figure([t, oc.run(parse_optimizer("adam:convention=torch"), BOWL, steps=29)], lang=lang),
            plots.overlay_figure(
                [oc.run(parse_optimizer(s), BOWL, steps=9) for s in TORCH_WORDS],
                lang=lang,
            ),
            plots.loss_figure([t], lang=lang),
            plots.step_size_figure([t], lang=lang),
            plots.learning_rate_figure([t], lang=lang),
        ]
    words = set()
    for fig in figures:
        texts = [fig._suptitle] if fig._suptitle else []
        for ax in fig.axes:
            texts += [ax.title, ax.xaxis.label, ax.yaxis.label, *ax.texts]
            if ax.get_legend():
                texts += ax.get_legend().get_texts()
        words |= {w.lower() for text_ in texts for w in re.findall(r"[A-Za-z]+", text_.get_text())}
    assert not english & words, english & words


def test_a_typed_expression_is_titled_as_maths():
    f = oc.get_function("sin(x)*cos(y) + 0.1*(x**2+y**2)")
    t = oc.run(oc.get_optimizer("adam", lr=0.1), f, steps=20)
    with styled():
        title = plots.path_figure(t).axes[0].get_title()
    assert title.endswith("$") and r"\sin{\left(x\right)}" in title and "**" not in title


def test_long_paths_thin_their_markers_but_keep_every_point():
    t = oc.run(parse_optimizer("momentum"), BOWL, steps=500)
    with styled():
        line = _lines(plots.path_figure(t).axes[0])[0]
    assert len(line.get_xydata()) == 501
    assert line.get_markevery() == 9  # 501 points, about 56 markers
    short = oc.run(parse_optimizer("momentum"), BOWL, steps=29)
    with styled():
        assert _lines(plots.path_figure(short).axes[0])[0].get_markevery() is None


@pytest.mark.parametrize("lang", ["en", "de", "ja"])
def test_the_learning_rate_figure_marks_where_the_large_rate_leaves(lang):
    """SGD at 1.1 grows y by 1.2× a stroke: past y = ±10 at step 9, long before it counts as diverged."""
    job = FigureJob("learning-rate", "lr.png", lang=lang)
    runs = __import__("figures.jobs").jobs.trajectories(job)
    assert [t.optimizer.hyperparams["lr"] for t in runs] == list(GOLF_LEARNING_RATES)
    with styled(lang=lang):
        fig = plots.learning_rate_figure(runs, lang=lang)
    small, book, large = fig.axes
    assert not small.texts and not book.texts
    assert [t.get_text().replace("\n", " ") for t in large.texts] == [text("leaves", lang, step=9)]
    # The note sits in a corner clear of every drawn point and its marker: the path reaches the top left at
    # step 8 and leaves at the bottom. Japanese characters are a whole em wide, which the corner's measure
    # must know (it once put the note over the top point).
    FigureCanvasAgg(fig).draw()
    lines = large.get_lines()
    reach = max(line.get_markersize() for line in lines) / 2 * fig.dpi / 72
    box = large.texts[0].get_window_extent().padded(reach)
    points = large.transData.transform(np.vstack([line.get_xydata() for line in lines]))
    assert not any(box.contains(x, y) for x, y in points)
    path = _lines(large)[0].get_xydata()
    assert len(path) == 10 and abs(path[-1, 1]) == pytest.approx(10.0)  # drawn up to the edge, no further
    assert any(line.get_marker() == "X" for line in large.get_lines())


def test_the_explore_kind_writes_the_explorable_page(tmp_path):
    out = tmp_path / "explore.html"
    assert render(FigureJob("explore", str(out), functions=("bowl", "rosenbrock"), lang="de")) == out
    page = out.read_text()
    assert page.lower().startswith("<!doctype html>") and 'lang="de"' in page


def test_a_path_that_leaves_and_later_diverges_says_both():
    t = oc.run(oc.get_optimizer("sgd", lr=1.02), BOWL, steps=500)
    with styled():
        ax = plots.path_figure(t).axes[0]
    notes = [" ".join(text_.get_text().split()) for text_ in ax.texts]
    assert notes == ["leaves the picture at step 42; diverged at step 335"]
    assert len(_lines(ax)[0].get_xydata()) == 43  # 42 points inside, then the edge


def test_the_explorable_pages_script_is_part_of_the_articles_fingerprint(tmp_path, monkeypatch):
    """Editing page.js must make out/explore.html stale, like editing Python does."""
    from figures import article

    package = tmp_path / "figures"
    shutil.copytree(Path(article.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(article, "__file__", str(package / "article.py"))
    before = article.code_fingerprint()
    (package / "explore" / "page.js").write_text((package / "explore" / "page.js").read_text() + "\n// edited\n")
    assert article.code_fingerprint() != before


def test_the_new_users_expression_fits_its_picture_and_is_titled_with_it(tmp_path):
    """`overlay -f "x**4 - x**2 + y**2" --start -1.5,1` kept a ±10 window, lost its contours below zero to a log
    scale (with a UserWarning from figures/plots.py) and was titled without the expression. Warnings are errors
    here (pyproject's filterwarnings)."""
    job = FigureJob("overlay", str(tmp_path / "wells.png"), functions=("x**4 - x**2 + y**2",), starts=((-1.5, 1),))
    runs = __import__("figures.jobs").jobs.trajectories(job)
    with styled():
        fig = plots.overlay_figure(runs)
        FigureCanvasAgg(fig).draw()
    ax = fig.axes[0]
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    assert -3 <= x0 <= -1.5 and 0.71 <= x1 <= 3 and -2 <= y0 < 0 and 1 < y1 <= 3
    [contours] = [c for c in ax.collections if hasattr(c, "levels")]
    drawn = [level for level, path in zip(contours.levels, contours.get_paths(), strict=True) if len(path.vertices)]
    assert len(drawn) == len(contours.levels) and min(drawn) < -0.2  # every level drawn, rings inside the wells
    assert ax.get_title() == "All paths from (−1.5, 1) on $x^{4}-x^{2}+y^{2}$"
    wells = [line for line in ax.get_lines() if line.get_marker() == "+"]
    assert sorted(round(float(line.get_xdata()[0]), 3) for line in wells) == [-0.707, 0.707]
    render(job)  # the command itself, warnings being errors
    assert (tmp_path / "wells.png").stat().st_size > 1000


@pytest.mark.parametrize(
    ("function", "kind", "steps"),
    [("bowl", "path", 29), ("rosenbrock", "path", 1015), ("rosenbrock", "loss", 5250), ("saddle", "overlay", 290)],
)
def test_default_steps_follow_the_function(function, kind, steps):
    """Rosenbrock with defaults ran the bowl's 30 points at lr 0.001: the path was a blob at the start."""
    assert FigureJob(kind, "f.png", functions=(function,)).run_steps() == steps


def test_every_kind_titles_its_function():
    f = oc.get_function("beale")
    runs = [oc.run(parse_optimizer(spec, f), f, steps=20) for spec in ("sgd", "adam")]
    label = plots.function_label(f)
    with styled():
        figures = {
            "compare": plots.compare_figure(runs),
            "overlay": plots.overlay_figure(runs),
            "loss": plots.loss_figure(runs),
            "step-size": plots.step_size_figure(runs),
            "learning-rate": plots.learning_rate_figure(runs),
            "surface": plots.surface_figure(runs),
        }
    for kind, fig in figures.items():
        titles = [fig._suptitle.get_text()] if fig._suptitle else []
        titles += [ax.get_title() for ax in fig.axes]
        assert any(label in title for title in titles), kind
    assert figures["learning-rate"]._suptitle.get_text().startswith("How hard to hit: SGD, Adam at 2 learning rates")


def test_the_loss_of_an_expression_below_zero_is_measured_from_its_lowest_minimum():
    """f falls below zero in the wells of x**4 - x**2 + y**2: on a log axis of f the lines used to end there."""
    f = oc.get_function("x**4 - x**2 + y**2").around([(-1.5, 1.0)])
    t = oc.run(oc.get_optimizer("adam", lr=0.3), f, f.start, 100)
    assert (t.values[-20:] < 0).all()
    with styled():
        ax = plots.loss_figure([t]).axes[0]
    [line] = _lines(ax)
    assert np.isfinite(line.get_ydata()).all() and line.get_ydata()[-1] < 1e-3
    assert ax.get_ylabel() == "f(x, y) + 0.25" and ax.get_yscale() == "log"
    saddle = oc.get_function("saddle")
    with styled():
        ax = plots.loss_figure([oc.run(parse_optimizer("adam", saddle), saddle, steps=300)]).axes[0]
    assert ax.get_yscale() == "symlog" and ax.get_ylabel() == "f(x, y)"


def test_japanese_titles_with_a_formula_have_every_glyph(caplog):
    """A title with a formula is set by mathtext, whose words have no fallback font: β₁ and 10⁻⁶ drew dummy
    glyphs in Japanese (matplotlib logs each one)."""
    spec = "adam:convention=torch,betas=0.8/0.99,eps=1e-6,lr=0.3"
    t = oc.run(parse_optimizer(spec), BOWL, steps=10)
    with styled(lang="ja"):
        fig = plots.path_figure(t, lang="ja")
        sweep = oc.sweep("momentum", BOWL, {"lr": [0.5, 1.0], "momentum": [0.2, 0.5]}, steps=50, tol=1e-6)
        figures = [fig, plots.sweep_figure(sweep, BOWL, tol=1e-6, lang="ja")]
        with caplog.at_level("WARNING", logger="matplotlib"):
            for figure in figures:
                FigureCanvasAgg(figure).draw()
    assert not [r for r in caplog.records if "does not have a glyph" in r.getMessage()]
    assert "β1=0.8" in fig.axes[0].get_title()


#: A job for each option a kind limits, given ``count`` times (values every kind accepts otherwise).
_GIVEN = {
    "--function": lambda count: {"functions": ("bowl",) * count},
    "--steps": lambda count: {"steps": 20} if count else {},
    "--optimizer": lambda count: {"optimizers": ("momentum",) * count},
    "--start": lambda count: {"starts": ((1.0, 1.0),) * count},
    "--batch": lambda count: {"batches": (5,) * count},
}


def _refused(kind: str, option: str, count: int) -> str | None:
    """The error validate gives a job of ``kind`` with ``option`` given ``count`` times, if it is about that."""
    from figures.jobs import validate

    output = "x.html" if kind == "explore" else "x.webp" if kind == "race" else "x.png"
    try:
        validate(FigureJob(kind, output, **_GIVEN[option](count)), directory_exists=False)
    except oc.OptvizError as error:
        return str(error) if f"({option})" in str(error) else None
    return None


@pytest.mark.parametrize("option", list(_GIVEN))
@pytest.mark.parametrize("kind", list(KINDS))
def test_an_option_given_too_often_names_exactly_the_kinds_that_take_it(kind, option):
    """'path -O sgd -O adam' named impulse, sweep and explore among the kinds that take more optimizers, and
    'impulse -O sgd -O adam' then said impulse takes none: each list must be what the kinds really accept."""
    most = KINDS[kind].most(option)
    if most == float("inf") or (option == "--steps" and most == 1):  # no limit; --steps is one number anyway
        assert _refused(kind, option, 1 if option == "--steps" else 2) is None
        return
    count = int(most) + 1
    message = _refused(kind, option, count)
    assert message is not None and message.startswith(f"{kind} takes "), message
    accepting = {other for other in KINDS if other != kind and _refused(other, option, count) is None}
    named = message.partition(" are: ")[2]
    assert set(named.split(", ")) - {""} == (accepting if named else set()), message
    if not named:  # then no other kind takes that many, or the kind says why it takes none
        assert not accepting or KINDS[kind].no_function, message
