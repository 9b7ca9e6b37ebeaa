"""Figures: the book's numbers, image baselines, determinism, atomic writes and the gallery in a real browser."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from conftest import load_reference
from matplotlib.lines import Line2D
from matplotlib.testing.compare import compare_images

import optim_core as oc
from figures import plots
from figures.article import build
from figures.jobs import FigureJob, render
from figures.output import save, styled

BASELINES = Path(__file__).parent / "baseline"
UPDATE = os.environ.get("OPTVIZ_UPDATE_BASELINES") == "1"
BOOK = load_reference("book_trajectories.json")
BOWL = oc.get_function("bowl")


def _path_line(ax) -> Line2D:
    return next(line for line in ax.get_lines() if line.get_marker() == "o" and line.get_linestyle() == "-")


@pytest.mark.parametrize("name", ["SGD", "Momentum", "AdaGrad", "Adam"])
def test_book_path_figures_plot_the_books_points(name):
    case = next(c for c in BOOK["cases"] if c["function"] == "bowl" and c["optimizer"] == name)
    t = oc.run(oc.get_optimizer(name, **case["hyperparameters"]), BOWL, steps=plots.BOOK_POINTS - 1)
    with styled():
        fig = plots.path_figure(t)
    ax = fig.axes[0]
    plotted = _path_line(ax).get_xydata()
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
    assert titles == ["SGD (lr=0.95)", "Momentum (lr=0.1)", "AdaGrad (lr=1.5)", "Adam (lr=0.3)"]
    colours = [_path_line(ax).get_color() for ax in fig.axes]
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
}


@pytest.mark.parametrize("kind", KEY_FIGURES)
def test_key_figures_match_their_baselines(kind, tmp_path):
    name = f"{kind}-{KEY_FIGURES[kind].get('lang', 'en')}.png"
    actual = tmp_path / name
    render(FigureJob(kind, str(actual), dpi=60, **KEY_FIGURES[kind]))
    expected = BASELINES / name
    if UPDATE:
        shutil.copyfile(actual, expected)
    assert expected.exists(), f"no baseline {expected.name}; render it with OPTVIZ_UPDATE_BASELINES=1"
    assert compare_images(str(expected), str(actual), tol=2) is None


@pytest.mark.parametrize("suffix", ["png", "svg", "pdf"])
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
    target = tmp_path / "figure.png"
    target.write_bytes(b"the old figure")
    with styled():
        fig = plots.impulse_figure()

    def interrupted(self, fname, **kwargs):
        Path(fname).write_bytes(b"half a PNG")
        raise KeyboardInterrupt

    monkeypatch.setattr(type(fig), "savefig", interrupted)
    with pytest.raises(KeyboardInterrupt):
        save(fig, target)
    assert target.read_bytes() == b"the old figure"
    assert [p.name for p in tmp_path.iterdir()] == ["figure.png"]


def test_article_builds_everything_then_skips_what_is_current(tmp_path, capsys):
    rows = build(None, tmp_path, jobs=2)
    assert len(rows) == 13 and {r["status"] for r in rows} == {"rendered"}
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == sorted([r["output"] for r in rows] + ["index.html", ".optviz-manifest.json"])
    again = build(None, tmp_path, jobs=2)
    assert {r["status"] for r in again} == {"up to date"}
    (tmp_path / "sgd.png").unlink()
    third = build(None, tmp_path, jobs=1)
    assert [r["output"] for r in third if r["status"] == "rendered"] == ["sgd.png"]
    _check_gallery_in_chromium(tmp_path / "index.html", expected=13)


def _check_gallery_in_chromium(page: Path, expected: int):
    browser = shutil.which("chromium")
    assert browser, "Debian's chromium is missing: scripts/bootstrap.sh installs it"
    dom = subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
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
    render(FigureJob("path", str(out), function=name, optimizers=("adam:lr=0.05",), steps=50, dpi=40))
    assert out.stat().st_size > 1000
