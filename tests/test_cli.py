"""The optviz command line: files written, exit codes, and one clear line for every bad input."""

import csv
import json
import os
import re
import time
from pathlib import Path

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
        assert image.convert("RGBA").getpixel((0, 0))[3] == 0  # transparent theme
        assert image.size == (5 * 50, 4 * 50)


def test_divergence_is_drawn_warned_and_exits_0(tmp_path):
    out = tmp_path / "diverged.png"
    result = invoke("figure", "overlay", "-o", out, "-O", "sgd:lr=1.2", "-O", "momentum", "--steps", 400)
    assert result.exit_code == 0
    assert "warning: SGD (η=1.2) diverged at step" in result.stderr
    assert out.exists()


@pytest.mark.parametrize("kind", ["training", "landscape"])
def test_a_diverging_network_is_drawn_warned_and_exits_0(kind, tmp_path):
    """As on the bowl: SGD at η = 5 on the network once ended in LinAlgError with a traceback."""
    out = tmp_path / f"{kind}.png"
    result = invoke("figure", kind, "-o", out, "-O", "sgd:lr=5", "-O", "adam", "--steps", 100)
    assert result.exit_code == 0, result.output
    assert re.fullmatch(r"warning: SGD \(η=5\) diverged after \d+ iterations; the figure marks it\n", result.stderr)
    assert out.exists()


def test_an_output_that_is_a_folder_is_refused_before_anything_is_drawn(tmp_path):
    folder = tmp_path / "plot.png"
    folder.mkdir()
    result = invoke("figure", "path", "-o", folder)
    assert result.exit_code == 2
    assert (
        result.stderr == f"optviz: error: output {str(folder)!r} is a folder; give a file name in it, such as"
        f" {str(folder / 'figure.png')!r}\n"
    )
    assert list(folder.iterdir()) == []


def test_a_failed_write_names_the_file_asked_for_not_its_temporary(tmp_path, monkeypatch):
    """Where writing fails anyway (root may write nowhere in /sys, for one), the error named the hidden
    temporary file beside the output."""
    import figures._atomic as atomic

    def refuse(source, target):
        raise PermissionError(13, "Permission denied", str(source))

    monkeypatch.setattr(atomic.os, "replace", refuse)
    out = tmp_path / "p.png"
    result = invoke("figure", "path", "-o", out)
    assert result.exit_code == 1
    assert result.stderr == f"optviz: error: Permission denied: {out}\n"
    assert list(tmp_path.iterdir()) == []


def test_export_csv_and_json(tmp_path):
    csv_path, json_path = tmp_path / "t.csv", tmp_path / "t.json"
    assert invoke("export", "-o", csv_path, "--steps", 5).exit_code == 0
    rows = list(csv.DictReader(csv_path.read_text().splitlines()))
    assert len(rows) == 4 * 6
    first = rows[0]
    assert (first["run"], first["optimizer"], first["convention"], first["function"]) == (
        "SGD (η=0.95)",
        "sgd",
        "book",
        "x**2/20 + y**2",
    )
    assert json.loads(first["hyperparameters"]) == {"lr": 0.95}
    assert (first["step"], first["x"], first["y"], first["value"]) == ("0", "-7.0", "2.0", "6.45")
    momentum = [r for r in rows if r["optimizer"] == "momentum"]
    assert momentum[1]["velocity_x"] == repr(0.1 * 0.7) and momentum[1]["velocity_y"] == repr(-0.4)
    assert first["velocity_x"] == "" and {"h_x", "m_x", "v_y", "count"} <= set(first)
    assert invoke("export", "-o", json_path, "-O", "adam:convention=torch,lr=0.3", "--steps", 3).exit_code == 0
    document = json.loads(json_path.read_text())
    run = document["runs"][0]
    assert run["hyperparameters"]["betas"] == [0.9, 0.999] and run["run"] == "Adam (η=0.3)"
    assert document["function"]["expression"] == "x**2/20 + y**2"
    assert len(run["positions"]) == 4 and len(run["state"]["exp_avg"]) == 4


def test_export_tells_runs_apart(tmp_path):
    """Two SGD runs that differ only in lr, and one optimizer from two starts, carry their own labels."""
    out = tmp_path / "t.csv"
    assert invoke("export", "-o", out, "-O", "sgd:lr=0.1", "-O", "sgd:lr=0.5", "--steps", 2).exit_code == 0
    runs = {row["run"] for row in csv.DictReader(out.read_text().splitlines())}
    assert runs == {"SGD (η=0.1)", "SGD (η=0.5)"}
    result = invoke("export", "-o", out, "-O", "momentum", "--start", "-7,2", "--start", "5,-3", "--steps", 2)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.read_text().splitlines()))
    assert [r["run"] for r in rows[::3]] == ["Momentum (η=0.1) from (−7, 2)", "Momentum (η=0.1) from (5, −3)"]
    assert [(r["x"], r["y"]) for r in rows[::3]] == [("-7.0", "2.0"), ("5.0", "-3.0")]


def test_export_takes_more_runs_than_a_picture(tmp_path):
    """A picture stops at seven paths; a table does not: two optimizers from six starts are twelve runs."""
    out = tmp_path / "many.json"
    starts = [f"--start={x},3" for x in (-9, -6, -3, 3, 6, 9)]
    result = invoke("export", "-o", out, "-O", "sgd", "-O", "adam", *starts, "--steps", 2)
    assert result.exit_code == 0, result.output
    runs = json.loads(out.read_text())["runs"]
    assert len(runs) == 12 and len({run["run"] for run in runs}) == 12
    assert runs[11]["run"] == "Adam (η=0.3) from (9, 3)" and runs[11]["positions"][0] == [9.0, 3.0]


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
        (["figure", "path", "--start", "-7,5,2"], "(write decimals with a point: -7.5,2, not -7,5,2)"),
        (
            ["figure", "path", "-O", "sgd:lr=0,1"],
            "at '1' (a comma separates settings: write decimals with a point, lr=0.1)",
        ),
        (["export", "-O", "momentum:momentum=0,5"], "write decimals with a point, momentum=0.5"),
        (["figure", "path", "-f", "x^2 + y**2"], "operator '^ (use ** for powers)' is not allowed at column 2"),
        (["figure", "path", "-f", "y**2 + (x)^2"], "is not allowed at column 11"),
        (["figure", "path", "-o", "new/folder/out.png", "-O", "adamm"], "unknown optimizer"),
        (["export", "-o", "new/folder/out.csv", "--steps", 0], "steps (--steps) must be from 1 to 10,000"),
        (["figure", "path", "--size", "big"], "malformed size 'big'; expected WxH"),
        (["figure", "path", "--size", "50x2"], "size sides must be between 1 and 40 inches"),
        (["figure", "path", "--size", "40x40", "--dpi", 600], "megapixels; at most 50"),
        (["figure", "path", "--dpi", 5], "dpi must be between 30 and 600"),
        (["figure", "path", "-O", "sgd:lr=0"], "lr must be a finite number > 0, got 0.0"),
        (["figure", "path", "-O", "sgd:lr=-1"], "lr must be a finite number > 0, got -1.0"),
        (["figure", "path", "--steps", 0], "steps (--steps) must be from 1 to 10,000, got 0"),
        (["figure", "path", "--steps", 10001], "steps (--steps) must be from 1 to 10,000, got 10,001"),
        (
            ["figure", "path", "-f", "__import__('os').system('touch pwned')"],
            "call \"__import__('os').system\" is not allowed",
        ),
        (["figure", "path", "-f", "x.__class__"], "'x.__class__' is not allowed"),
        (["figure", "sketch"], "'sketch' is not one of"),
        (["figure", "path", "--lang", "fr"], "'fr' is not one of 'en', 'de', 'ja'"),
        (["export", "--steps", 0], "steps (--steps) must be from 1 to 10,000"),
        (["export", "--start", "1"], "malformed start '1'; expected X,Y"),
        (["export", "-O", "adamw"], "'adamw' is a torch-convention optimizer: write adamw:convention=torch"),
        (["figure", "path", "-O", "adamw"], "'adamw' is a torch-convention optimizer: write adamw:convention=torch"),
        (["figure", "path", "-O", "sgd:momentum=0.9"], "the book's SGD has no momentum: use the book's own optimizer"),
        (["figure", "path", "-f", "log(x) + y**2"], "start (-7, 2) is outside the domain of f(x, y) = log(x) + y**2"),
        (
            ["figure", "overlay", "-f", "sqrt(x)", "-O", "adam", "--start=1,1", "--start=-1,1"],
            "start (-1, 1) is outside",
        ),
        (
            ["figure", "path", "-O", "sgd", "-O", "adam"],
            "path takes one optimizer (--optimizer); the kinds that take more are: c",
        ),
        (["figure", "vector-sum", "-O", "momentum", "-O", "momentum"], "vector-sum takes one optimizer (--optimizer)"),
        (["figure", "impulse", "-O", "adam"], "impulse takes no optimizers (--optimizer)"),
        (["figure", "impulse", "--start", "1,1"], "impulse takes no starts (--start)"),
        (["figure", "sweep", "--start", "1,1", "--start", "2,2"], "sweep takes one start (--start)"),
        (["figure", "sweep", "-f", "log(x)", "--start", "-1,1"], "start (-1, 1) is outside the domain"),
        (["figure", "path", "--start", "1e9,2"], "start (1e+09, 2) is beyond ±1e+06, where a path counts as diverged"),
        (["figure", "vector-sum", "--steps", 5], "vector-sum takes no steps (--steps)"),
        (
            ["figure", "path", "-f", "bowl", "-f", "beale"],
            "path takes one function (--function); the kinds that take more are: explore",
        ),
        (
            ["figure", "overlay", *[f"-Osgd:lr=0.{k}" for k in range(1, 9)]],
            "8 series on one picture; at most 7 can be told apart (optviz export writes any number of runs)",
        ),
        (
            ["figure", "path", "--start", "1,1", "-O", "adam", *["--start=2,2"] * 7],
            "path takes at most 7 starts (--start): more paths cannot be told apart (optviz export writes any number"
            " of runs)",
        ),
        (["figure", "path", "--size", "1200x800pt"], "malformed size '1200x800pt'; expected WxH in inches such as 8x6"),
        (["figure", "path", "--size", "50x800px"], "size sides must be between 100 and 16000 pixels"),
        (["figure", "path", "--size", "1200.5x800px"], "a size in pixels takes whole numbers"),
        (["figure", "path", "--size", "16000x16000px"], "megapixels; at most 50"),
        (["figure", "path", "-O", "sgd:color=reddish"], "color 'reddish' is not a colour"),
        (["figure", "explore"], "unknown output suffix '.png' for 'out.png' (valid: .html)"),
        (["article", "--lang", "fr"], "'fr' is not one of 'en', 'de', 'ja'"),
        (["article", "--theme", "neon"], "'neon' is not one of 'light', 'dark', 'transparent'"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_writes_nothing(args, message, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    default_output = {"figure": ["-o", "out.png"], "export": ["-o", "out.csv"], "article": ["-o", "new"]}[args[0]]
    result = invoke(*args, *([] if "-o" in args else default_output))
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("optviz: error:"), result.stderr
    assert message in lines[0]
    assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("output", "message"),
    [
        ("missing/out.jpg", "unknown output suffix '.jpg'"),
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


def test_a_missing_kind_is_one_line_that_lists_the_kinds():
    result = invoke("figure")
    assert result.exit_code == 2
    assert result.stderr.startswith("optviz: error: Missing argument 'KIND'. Choose from: path, compare, overlay,")
    assert result.stderr.count("\n") == 1


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
        (
            'title = 5\n[[figure]]\nkind = "path"\noutput = "a.png"\n',
            "title must be text, such as title = 'Optimizers'",
        ),
        ('title = ["a"]\n[[figure]]\nkind = "path"\noutput = "a.png"\n', "title must be text"),
        ('[[figure]]\nkind = "path"\noutput = "a.png"\nsectoin = "Bowl"\n', "unknown key 'sectoin' (accepted:"),
        (
            '[[figure]]\nkind = "path"\noutput = "a.png"\nsection = { key = "net_titel" }\n',
            "figure 1: section names no catalog key 'net_titel'; a heading of your own is written as text",
        ),
        (
            '[[figure]]\nkind = "path"\noutput = "a.png"\nsection = { key = "caption_path" }\n',
            "figure 1: the catalog's 'caption_path' needs values filled in; a section names a heading",
        ),
        (
            '[[figure]]\nkind = "path"\noutput = "a.png"\nsection = 3\n',
            "figure 1: section must be a heading such as 'On a real network', or a catalog key such as"
            " { key = 'net_title' }, got 3",
        ),
        ('[[figure]]\nkind = "path"\noutput = "a.png"\nsection = " "\n', "section must be a heading"),
        ('[[figure]]\nkind = "path"\noutput = "a.png"\nsection = { text = "Bowl" }\n', "section must be a heading"),
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


def test_version_and_the_figure_help_fit_80_columns():
    import subprocess
    import sys

    optviz = str(Path(sys.executable).with_name("optviz"))
    version = subprocess.run([optviz, "--version"], capture_output=True, text=True, check=True).stdout
    assert re.fullmatch(r"optviz \d+\.\d+\.\d+\n", version)
    env = {**os.environ, "COLUMNS": "80", "TERM": "dumb"}
    for command in ("figure", "article", "export"):
        page = subprocess.run([optviz, command, "--help"], capture_output=True, text=True, check=True, env=env).stdout
        lines = page.splitlines()
        assert max(len(line) for line in lines) <= 80, command
        words = set(re.findall(r"[A-Za-z]{3,}", page))
        wrapped = [f"{a}{b}" for a, b in re.findall(r"([A-Za-z]+)\s*│?\n\s*│?\s*([a-z]+)", page)]
        assert not [w for w in wrapped if w in words], (command, wrapped)
        if command == "figure":
            from figures.kinds import KINDS

            for name, kind in KINDS.items():
                assert any(line.strip() == f"{name}: {kind.summary}" for line in lines), name
            assert sum(line.strip().startswith("optviz figure ") for line in lines) == 2


def test_a_series_label_and_colour_come_from_the_spec(tmp_path):
    out = tmp_path / "o.svg"
    result = invoke("figure", "overlay", "-o", out, "-O", "sgd:lr=0.1,label=too soft,color=purple", "-O", "sgd")
    assert result.exit_code == 0, result.output
    svg = out.read_text()
    assert "too soft" in svg and "#cc79a7" in svg.lower()


def test_list_says_which_lr_a_spec_without_one_takes():
    listing = invoke("list", "functions").stdout
    assert "rosenbrock" in listing and "lr without one in the SPEC: sgd 0.001, momentum 0.001" in listing


def test_explore_takes_several_functions_and_refuses_a_bad_one(tmp_path):
    out = tmp_path / "explore.html"
    result = invoke("figure", "explore", "-o", out, "-f", "bowl", "-f", "rosenbrock", "--lang", "de", "--theme", "dark")
    assert result.exit_code == 0, result.output
    page = out.read_text()
    assert 'lang="de"' in page and "rosenbrock" in page.lower()
    out.unlink()
    result = invoke("figure", "explore", "-o", out, "-f", "bowl", "-f", "bowll")
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1, result.output
    assert "bowll" in result.stderr and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (["figure", "path", "--steps", 5], "sgd.png"),
        (["figure", "race", "--steps", 5], "race.gif"),
        (["figure", "explore"], "explore.html"),
        (["export", "--steps", 5], "runs.csv"),
    ],
    ids=["figure", "race", "explore", "export"],
)
def test_an_output_into_a_missing_folder_creates_it(args, name, tmp_path):
    """`-o posts/2024/sgd.png` failed where `optviz article -o posts/2024` creates its folder."""
    target = tmp_path / "posts" / "2024" / name
    result = invoke(*args, "-o", target)
    assert result.exit_code == 0, result.output
    assert target.stat().st_size > 100
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]  # no temporary file left


def test_a_failure_after_the_checks_leaves_no_folder_behind(tmp_path, monkeypatch):
    from matplotlib import font_manager

    monkeypatch.setattr(font_manager.fontManager, "ttflist", [])  # found while drawing, after the folder exists
    result = invoke("figure", "path", "--lang", "ja", "-o", tmp_path / "new" / "deeper" / "ja.png")
    assert result.exit_code == 2 and "needs the font" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_output_below_a_file_is_refused(tmp_path):
    (tmp_path / "notes.txt").write_text("not a folder")
    result = invoke("figure", "path", "-o", tmp_path / "notes.txt" / "out.png")
    assert result.exit_code == 2 and "notes.txt' is not a directory" in result.stderr
    result = invoke("figure", "path", "-o", tmp_path / "notes.txt" / "deeper" / "out.png")
    assert result.exit_code == 2 and "cannot be created" in result.stderr and "notes.txt' is a file" in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


@pytest.mark.parametrize(
    "args",
    [
        ["figure", "path", "--lang", "DE", "--theme", "Dark"],
        ["figure", "overlay", "--lang", "Ja", "--theme", "LIGHT"],
        ["article", "--lang", "DE", "--theme", "DARK"],
    ],
)
def test_languages_and_themes_in_any_case(args, tmp_path):
    """`--lang DE` was refused."""
    out = tmp_path / ("out" if args[0] == "article" else "out.png")
    spec = tmp_path / "one.toml"
    spec.write_text('[[figure]]\nkind = "path"\noutput = "sgd.png"\nlang = "De"\ntheme = "Transparent"\n')
    result = invoke(*args[:1], *([spec] if args[0] == "article" else []), *args[1:], "-o", out)
    assert result.exit_code == 0, result.output
    if args[0] == "article":
        assert "SGD (η=0,95) ab (−7; 2)" in (out / "article.md").read_text()  # the spec's De is German


def test_the_network_figures_render_from_the_command_line(tmp_path, monkeypatch):
    monkeypatch.setenv("OPTVIZ_CACHE", str(tmp_path / "cache"))
    for args in (
        ["training", "--steps", 30, "-O", "sgd", "-O", "adam", "--batch", 64],
        ["landscape", "--steps", 30],
        ["noise", "--batch", 5, "--batch", 50],
    ):
        out = tmp_path / f"{args[0]}.png"
        result = invoke("figure", *args, "-o", out, "--dpi", 40, "--lang", "de")
        assert result.exit_code == 0, result.output
        assert out.read_bytes()[:4] == b"\x89PNG" and str(out) in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["training", "-O", "adamm"], "unknown optimizer (convention 'book') 'adamm'; did you mean 'adam'?"),
        (
            ["training", "--steps", 20000],
            "steps (--steps) counts the network's iterations: 11 to 10,000 (the book trains 2,000;",
        ),
        (["landscape", "--steps", 5], "the loss curves go through its smooth_curve, which needs 11 losses"),
        (["training", "-f", "rosenbrock"], "training takes no functions (--function): it trains the book's network"),
        (["landscape", "--start", "1,1"], "landscape takes no starts (--start)"),
        (["noise", "-f", "rosenbrock"], "noise takes no functions (--function): its data are the bowl's"),
        (["noise", "-O", "sgd", "-O", "adam"], "noise takes one optimizer (--optimizer)"),
        (["noise", "-O", "sgdd"], "did you mean 'sgd'?"),
        (["noise", "--batch", 0], "batch (--batch) must be from 1 to 1,000, the bowl's examples, got 0"),
        (["noise", "--batch", 3, "--batch", 1001], "batch (--batch) must be from 1 to 1,000"),
        (["training", "--batch", 1438], "batch (--batch) must be from 1 to 1,437, the training digits"),
        (["landscape", "--batch", 64, "--batch", 128], "landscape takes one batch size (--batch)"),
        (["path", "--batch", 10], "path takes no batch sizes (--batch); the kinds that take batch sizes are:"),
        (["noise", "--batch", "ten"], "Invalid value for '--batch'"),
    ],
)
def test_the_network_figures_refuse_bad_input_in_one_line(args, message, tmp_path, tmp_path_factory, monkeypatch):
    from optim_core import network

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("OPTVIZ_CACHE", str(tmp_path_factory.mktemp("cache")))  # empty: a late check would train
    monkeypatch.setattr(network, "train", lambda *a, **k: pytest.fail("trained before the input was checked"))
    result = invoke("figure", *args, "-o", "out.png")
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("optviz: error:") and message in lines[0], result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (
            'kind = "training"\noutput = "t.png"\nbatch = 0\n',
            "batch (--batch) must be from 1 to 1,437, the training digits, got 0",
        ),
        ('kind = "landscape"\noutput = "l.png"\nbatch = 1438\n', "batch (--batch) must be from 1 to 1,437"),
        ('kind = "training"\noutput = "t.png"\nbatch = [64, 128]\n', "training takes one batch size (--batch)"),
        (
            'kind = "noise"\noutput = "n.png"\nbatch = [10, 1001]\n',
            "batch (--batch) must be from 1 to 1,000, the bowl's examples",
        ),
        ('kind = "noise"\noutput = "n.png"\nbatch = "ten"\n', "batch must be a whole number or a list of them"),
        (
            'kind = "path"\noutput = "p.png"\nbatch = 10\n',
            "path takes no batch sizes (--batch); the kinds that take batch sizes are: noise, training",
        ),
    ],
)
def test_an_article_spec_refuses_a_bad_batch_in_one_line(entry, message, tmp_path, tmp_path_factory, monkeypatch):
    from optim_core import network

    monkeypatch.setenv("OPTVIZ_CACHE", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setattr(network, "train", lambda *a, **k: pytest.fail("trained before the spec was checked"))
    spec = tmp_path / "spec.toml"
    spec.write_text("[[figure]]\n" + entry)
    result = invoke("article", spec, "-o", tmp_path / "out")
    assert result.exit_code == 2, result.output
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["spec.toml"]
