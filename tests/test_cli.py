"""The optviz command line: files written, exit codes, and one clear line for every bad input."""

import json
import time

import pytest
from typer.testing import CliRunner

from figures.cli import app

runner = CliRunner()


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args])


@pytest.mark.parametrize(
    ("kind", "suffix"),
    [
        ("path", "png"),
        ("compare", "svg"),
        ("overlay", "pdf"),
        ("loss", "png"),
        ("step-size", "png"),
        ("vector-sum", "svg"),
        ("impulse", "png"),
        ("surface", "png"),
        ("sweep", "png"),
        ("race", "gif"),
    ],
)
def test_every_kind_renders_with_no_options(kind, suffix, tmp_path):
    out = tmp_path / f"figure.{suffix}"
    result = invoke("figure", kind, "-o", out, "--dpi", 40, *(["--steps", 200] if kind == "sweep" else []))
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 1000
    assert str(out) in result.stdout
    head = out.read_bytes()[:8]
    assert head[:4] in {b"\x89PNG", b"<?xm", b"%PDF", b"GIF8"}


def test_options_are_applied(tmp_path):
    out = tmp_path / "adam.png"
    result = invoke(
        "figure",
        "path",
        "-o",
        out,
        "--optimizer",
        "adam:lr=0.2,beta1=0.8",
        "--function",
        "quadratic:condition=10,angle=30",
        "--start",
        "-5,3",
        "--steps",
        40,
        "--size",
        "5x4",
        "--dpi",
        50,
        "--theme",
        "transparent",
        "--lang",
        "de",
    )
    assert result.exit_code == 0, result.output
    from PIL import Image

    with Image.open(out) as image:
        assert image.mode == "RGBA" and image.getpixel((0, 0))[3] == 0  # transparent theme
        assert image.size[0] <= 5 * 50 + 1


def test_divergence_is_drawn_warned_and_exits_0(tmp_path):
    out = tmp_path / "diverged.png"
    result = invoke("figure", "overlay", "-o", out, "-O", "sgd:lr=1.2", "-O", "momentum", "--steps", 400)
    assert result.exit_code == 0
    assert "warning: SGD (lr=1.2) diverged at step" in result.stderr
    assert out.exists()


def test_export_csv_and_json(tmp_path):
    csv_path, json_path = tmp_path / "t.csv", tmp_path / "t.json"
    assert invoke("export", "-o", csv_path, "--steps", 5).exit_code == 0
    lines = csv_path.read_text().splitlines()
    assert lines[0] == "optimizer,convention,step,x,y,value,grad_x,grad_y,diverged"
    assert len(lines) == 1 + 4 * 6 and lines[1].startswith("sgd,book,0,-7.0,2.0,6.45")
    assert invoke("export", "-o", json_path, "-O", "adam:convention=torch,lr=0.3", "--steps", 3).exit_code == 0
    document = json.loads(json_path.read_text())
    assert document["runs"][0]["hyperparameters"]["betas"] == [0.9, 0.999]
    assert len(document["runs"][0]["positions"]) == 4


def test_list_shows_optimizers_and_functions():
    result = invoke("list")
    assert result.exit_code == 0
    assert "adamw" in result.stdout and "rosenbrock" in result.stdout and "#0072B2" in result.stdout
    assert "bowl" not in invoke("list", "optimizers").stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["figure", "path", "-O", "adamm"], "unknown optimizer (convention 'book') 'adamm'; did you mean 'adam'?"),
        (["figure", "path", "-f", "bowll"], "unknown function 'bowll'; did you mean 'bowl'?"),
        (["figure", "path", "-O", "adam:lr=0.1,gamma=2"], "unknown hyperparameter 'gamma' for adam"),
        (["figure", "path", "--theme", "neon"], "'neon' is not one of 'light', 'dark', 'transparent'"),
        (["figure", "path", "-O", "adam:lr"], "malformed optimizer SPEC 'adam:lr'"),
        (["figure", "path", "-O", ":lr=1"], "has no name"),
        (["figure", "path", "-O", "adam:lr=fast"], "value 'fast' for 'lr' is not a number"),
        (["figure", "path", "--start", "1;2"], "malformed start '1;2'; expected X,Y"),
        (["figure", "path", "--size", "big"], "malformed size 'big'; expected WxH"),
        (["figure", "path", "--size", "50x2"], "size sides must be between 1 and 40 inches"),
        (["figure", "path", "--size", "40x40", "--dpi", 600], "megapixels; at most 50"),
        (["figure", "path", "--dpi", 5], "dpi must be between 30 and 600"),
        (["figure", "path", "-O", "sgd:lr=0"], "lr must be a finite number > 0, got 0.0"),
        (["figure", "path", "-O", "sgd:lr=-1"], "lr must be a finite number > 0, got -1.0"),
        (["figure", "path", "--steps", 0], "steps must be between 1 and 10000, got 0"),
        (["figure", "path", "--steps", 10001], "steps must be between 1 and 10000, got 10001"),
        (
            ["figure", "path", "-f", "__import__('os').system('touch pwned')"],
            "call \"__import__('os').system\" is not allowed",
        ),
        (["figure", "path", "-f", "x.__class__"], "'x.__class__' is not allowed"),
        (["figure", "sketch"], "'sketch' is not one of"),
        (["figure", "path", "--lang", "fr"], "'fr' is not one of 'en', 'de', 'ja'"),
        (["export", "--steps", 0], "steps must be between 1 and 10000"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_writes_nothing(args, message, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    default_output = {"figure": ["-o", "out.png"], "export": ["-o", "out.csv"]}[args[0]]
    result = invoke(*args, *default_output)
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("optviz: error:"), result.stderr
    assert message in lines[0]
    assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("output", "message"),
    [
        ("missing/out.png", "output directory"),
        ("out.jpg", "unknown output suffix '.jpg'"),
        ("out", "unknown output suffix '(none)'"),
        ("race.png", None),
    ],
)
def test_bad_outputs(output, message, tmp_path):
    kind = "race" if output.startswith("race") else "path"
    result = invoke("figure", kind, "-o", tmp_path / output)
    assert result.exit_code == 2
    assert (message or "(valid: .gif, .webp, .mp4)") in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_directory_is_refused(tmp_path, monkeypatch):
    import os

    monkeypatch.setattr(os, "access", lambda path, mode: False)  # as root, permissions cannot refuse us
    result = invoke("figure", "path", "-o", tmp_path / "out.png")
    assert result.exit_code == 2 and "is not writable" in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ('[[figure]]\nkind = "path"\noutput = "a.png"\ncolour = "red"\n', "unknown key 'colour'"),
        ('[[figure]]\nkind = "path"\n', "'kind' and 'output' are required"),
        ('[[figure]]\nkind = "path"\noutput = "../a.png"\n', "plain file name"),
        ('[[figure]]\nkind = "path"\noutput = "a.png"\nsteps = "many"\n', "steps must be a whole number"),
        ('[[figure]]\nkind = "pie"\noutput = "a.png"\n', "unknown figure kind 'pie'"),
        ("title = 1\n[figure\n", "is not valid TOML"),
        ('title = "t"\n', "needs one or more [[figure]] tables"),
    ],
)
def test_bad_article_specs(spec, message, tmp_path):
    path = tmp_path / "spec.toml"
    path.write_text(spec)
    out = tmp_path / "out"
    out.mkdir()
    result = invoke("article", path, "-o", out)
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert list(out.iterdir()) == []


def test_help_is_fast_and_imports_nothing_heavy():
    import subprocess
    import sys

    code = (
        "import time, sys; t = time.perf_counter(); import figures.cli; print(sorted(m for m in ('numpy', "
        "'matplotlib', 'manim') if m in sys.modules))"
    )
    began = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
    assert time.perf_counter() - began < 5  # a sanity bound; the 0.3 s goal is measured in bench/figures.py


def test_japanese_without_its_font_names_the_font(tmp_path, monkeypatch):
    from matplotlib import font_manager

    monkeypatch.setattr(font_manager.fontManager, "ttflist", [])
    result = invoke("figure", "path", "--lang", "ja", "-o", tmp_path / "ja.png")
    assert result.exit_code == 2
    assert "needs the font 'Noto Sans CJK JP'; install Debian's fonts-noto-cjk" in result.stderr
    assert list(tmp_path.iterdir()) == []
