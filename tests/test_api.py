"""The Python API as a notebook user meets it: bad arguments, the defaults that differ from the command line, the
plain-text listing, and figures that look the same inline as in the command line's file."""

import re

import numpy as np
import pytest

import optim_core as oc
from figures.listing import describe
from figures.plain_maths import plain_maths

BOWL = oc.get_function("bowl")
SGD = oc.get_optimizer("sgd")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: oc.run(SGD, "bowl"),
            r"f must be a Function .* got str 'bowl'; make one with oc.get_function\('bowl'\)",
        ),
        (lambda: oc.run(SGD, "x**2 + y**2"), r"got str 'x\*\*2 \+ y\*\*2'; make one with oc.get_function"),
        (lambda: oc.run(SGD, None), r"f must be a Function from oc.get_function, got NoneType None$"),
        (lambda: oc.run(SGD, BOWL.value), r"f must be a Function from oc.get_function, got method"),
        (
            lambda: oc.run("sgd", BOWL),
            r"opt must be an Optimizer .* got str 'sgd'; make one with oc.get_optimizer\('sgd'\)",
        ),
        (lambda: oc.run("adam:lr=0.3", BOWL), r"make one with oc.parse_optimizer\('adam:lr=0.3'\)"),
        (lambda: oc.run(oc.book.sgd, BOWL), r"opt must be an Optimizer .* got function"),
        (lambda: oc.run(BOWL, SGD), r"run takes the optimizer first, then the function"),
        (lambda: oc.run(SGD, BOWL, start=[1 + 2j, 0]), r"start must be a pair"),
        (lambda: oc.run(SGD, BOWL, start={"x": 1}), r"start must be a pair"),
        (lambda: oc.run(SGD, BOWL, steps="10"), r"steps must be a whole number >= 1, got '10'"),
        (lambda: oc.run(SGD, BOWL, steps=None), r"steps must be a whole number >= 1, got None"),
        (lambda: oc.run(SGD, BOWL, bound="big"), r"bound must be a number > 0 .* got str 'big'"),
        (lambda: oc.run(SGD, BOWL, bound=-1.0), r"bound must be a number > 0"),
        (lambda: oc.run(SGD, BOWL, bound=float("nan")), r"bound must be a number > 0"),
        (lambda: oc.get_optimizer(None), r"optimizer .* name must be a string, got NoneType"),
        (lambda: oc.get_optimizer("sgd", lr=None), r"lr must be a number"),
        (lambda: oc.get_optimizer("momentum", function="bowl"), r"use oc.parse_optimizer\('momentum', function\)"),
        (lambda: oc.sweep("momentum", "bowl"), r"function must be a Function .* oc.get_function\('bowl'\)"),
        (lambda: oc.theory.optimal_heavy_ball("bowl"), r"got the name 'bowl'; make one with oc.get_function"),
        (lambda: oc.theory.optimal_heavy_ball([[1, "a"]]), r"eigenvalues must be a non-empty list"),
        (lambda: oc.defaults("sgd", "x"), r"unknown convention 'x' \(valid: book, torch\)"),
        (lambda: oc.optimizer_names(["book"]), r"convention name must be a string, got list"),
    ],
)
def test_bad_arguments_get_one_line_naming_what_to_pass(call, message):
    with pytest.raises(oc.OptvizError, match=message) as error:
        call()
    assert "\n" not in str(error.value)


def test_every_hyperparameter_of_the_wrong_type_is_an_optviz_error():
    """No TypeError or AttributeError leaks out of get_optimizer, whatever a hyperparameter is given as."""
    wrong = [None, "0.1", [], [[0.1]], {"a": 1}, object(), 1 + 1j, (0.1, "a"), np.array(["x"]), float("nan")]
    for convention in oc.CONVENTIONS:
        for name in oc.optimizer_names(convention):
            for key in oc.defaults(name, convention):
                for value in wrong:
                    try:
                        oc.get_optimizer(name, convention=convention, **{key: value})
                    except oc.OptvizError as error:
                        assert "\n" not in str(error)


def test_get_optimizer_keeps_the_books_defaults_and_parse_optimizer_gives_the_command_lines():
    assert {name: oc.get_optimizer(name).hyperparams["lr"] for name in ("sgd", "momentum", "adagrad", "adam")} == {
        "sgd": 0.01,
        "momentum": 0.01,
        "adagrad": 0.01,
        "adam": 0.001,
    }
    assert oc.parse_optimizer("momentum").hyperparams["lr"] == 0.1  # optviz figure -O momentum, on the bowl
    assert oc.parse_optimizer("momentum", "rosenbrock").hyperparams["lr"] == 0.001
    assert oc.parse_optimizer("momentum", oc.get_function("rosenbrock")).hyperparams["lr"] == 0.001
    assert "parse_optimizer" in oc.get_optimizer.__doc__ and "0.1 for Momentum" in oc.get_optimizer.__doc__


def test_list_prints_every_rule_and_formula_as_plain_text():
    listing = describe()
    assert not re.search(r"[\\{}]|\^|_[^a-z]", listing), "LaTeX left in optviz list"
    assert "v ← αv − η ∂L/∂W" in listing  # Momentum
    assert "W ← W − η 1/√h ∂L/∂W" in listing  # AdaGrad
    assert "h ← h + ∂L/∂W ⊙ ∂L/∂W" in listing
    assert "W ← W − η m̂/(√v̂ + ε)" in listing  # Adam
    assert "f(x, y) = (1 − x)² + 100 (y − x²)²" in listing  # Rosenbrock


def test_every_registered_rule_has_a_plain_form():
    """A rule added with a command plain_maths does not know fails here, not as raw LaTeX in optviz list."""
    for name, info in oc.INFO.items():
        assert "\\" not in plain_maths(info.latex), name
    for name in oc.function_names():
        assert "\\" not in plain_maths(oc.get_function(name).latex), name


@pytest.mark.parametrize(
    ("latex", "plain"),
    [
        (r"\frac{\eta}{1-\beta_1^t} \frac{m}{u}", "η/(1−β₁ᵗ) m/u"),
        (r"\left(\frac{\partial L}{\partial W}\right)^2", "(∂L/∂W)²"),
        (r"\frac{\sqrt{u + \epsilon}}{\sqrt{v + \epsilon}} g", "√(u + ε)/√(v + ε) g"),
        (r"\mu_{t+1} \hat m", "μₜ₊₁ m̂"),
        (r"x^{ab}", "x^(ab)"),
        (r"\eta\, \mathrm{sign}\big(m\big)", "η sign(m)"),
        (r"\theta = 30^\circ", "θ = 30°"),
    ],
)
def test_plain_maths_reads_the_latex_optim_core_writes(latex, plain):
    assert plain_maths(latex) == plain


@pytest.mark.parametrize("latex", [r"\gamma x", r"\frac{1}{2", r"\hat{mv}", r"\frac{1}"])
def test_plain_maths_refuses_what_it_cannot_write(latex):
    with pytest.raises(ValueError):
        plain_maths(latex)


def test_list_says_which_defaults_differ_from_the_command_line():
    listing = describe("optimizers")
    assert "  momentum  Momentum  #0072B2  lr=0.01, momentum=0.9  (-O momentum: lr=0.1)" in listing
    assert "(-O adam: lr=0.3)" in listing
    assert "oc.get_optimizer" in listing and "oc.parse_optimizer" in listing
    torch = listing[listing.index("torch convention") :]
    assert "(-O" not in torch  # a torch-convention SPEC takes torch's own defaults


# The figures API: the command line's pictures, inline and on disk.

import io  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402

from PIL import Image  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

import figures  # noqa: E402
from figures.cli import app  # noqa: E402

#: Each kind with its own theme, language and arguments, so that every theme and language is drawn.
CASES = [
    ("path", "transparent", "ja", {"optimizers": "momentum:lr=0.1", "size": "700x500px"}),
    ("compare", "dark", "de", {}),
    ("overlay", "light", "de", {"optimizers": ["sgd", "momentum"], "start": [(-7, 2), (5, -3)]}),
    ("loss", "transparent", "en", {"steps": 60}),
    ("step-size", "dark", "ja", {}),
    ("learning-rate", "light", "ja", {}),
    ("vector-sum", "transparent", "de", {}),
    ("impulse", "dark", "en", {}),
    ("surface", "light", "en", {"function": "himmelblau", "size": (6, 4.5)}),
    ("sweep", "dark", "de", {"steps": 200, "dpi": 80}),
    ("noise", "dark", "ja", {"batch": [3, 30]}),
    ("training", "light", "de", {"steps": 200, "batch": 64}),
    ("landscape", "transparent", "en", {"size": "800x700px"}),
]


def command_line(kind, theme, lang, arguments, output):
    """The optviz figure command for the same request as figures.figure(kind, theme=..., lang=..., **arguments)."""
    args = ["figure", kind, "-o", str(output), "--theme", theme, "--lang", lang]
    specs = arguments.get("optimizers", [])
    for spec in [specs] if isinstance(specs, str) else specs:
        args += ["-O", spec]
    for x, y in arguments.get("start", []):
        args += ["--start", f"{x},{y}"]
    size = arguments.get("size")
    args += ["--size", size if isinstance(size, str) else f"{size[0]}x{size[1]}"] if size else []
    for key in ("function", "steps", "dpi"):
        args += [f"--{key}", str(arguments[key])] if key in arguments else []
    batches = arguments.get("batch", [])
    for batch in [batches] if isinstance(batches, int) else batches:
        args += ["--batch", str(batch)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    return output


def pixels(image: Image.Image) -> np.ndarray:
    """RGBA as integers, with the colour of fully transparent pixels (which no viewer shows) set to zero."""
    rgba = np.asarray(image.convert("RGBA")).astype(int)
    return np.where(rgba[..., 3:] == 0, 0, rgba)


def shown_outside_the_style(fig) -> list[np.ndarray]:
    """The figure as a notebook shows it, after the style context is long gone: Jupyter's inline display
    (IPython's print_figure, without its bbox_inches='tight' trim) and a plain savefig, each twice."""
    shots = []
    for _ in range(2):
        inline, saved = io.BytesIO(), io.BytesIO()
        fig.canvas.print_figure(
            inline, format="png", dpi=fig.dpi, facecolor=fig.get_facecolor(), edgecolor=fig.get_edgecolor()
        )
        fig.savefig(saved, format="png")
        shots += [pixels(Image.open(inline)), pixels(Image.open(saved))]
    return shots


@pytest.mark.parametrize(("kind", "theme", "lang", "arguments"), CASES, ids=[case[0] for case in CASES])
def test_a_figure_shown_inline_is_the_command_lines_file_pixel_for_pixel(kind, theme, lang, arguments, tmp_path):
    """Compared with the lossless WebP optviz figure writes: a theme, font or size applied only while saving
    (the transparent theme was), or a layout that moves on the next draw, would differ here."""
    expected = pixels(Image.open(command_line(kind, theme, lang, arguments, tmp_path / "cli.webp")))
    fig = figures.figure(kind, theme=theme, lang=lang, **arguments)
    for shown in shown_outside_the_style(fig):
        assert shown.shape == expected.shape
        assert np.array_equal(shown, expected), f"{np.count_nonzero((shown != expected).any(-1))} pixels differ"


@pytest.mark.parametrize(("kind", "theme", "lang", "arguments"), [CASES[0], CASES[1], CASES[7]], ids=str)
@pytest.mark.parametrize("suffix", ["png", "webp"])
def test_save_writes_the_command_lines_bytes_even_after_an_inline_display(
    kind, theme, lang, arguments, suffix, tmp_path
):
    expected = command_line(kind, theme, lang, arguments, tmp_path / f"cli.{suffix}").read_bytes()
    fig = figures.figure(kind, theme=theme, lang=lang, **arguments)
    shown_outside_the_style(fig)
    assert figures.save(fig, tmp_path / f"api.{suffix}").read_bytes() == expected
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"api.{suffix}", f"cli.{suffix}"]  # no temporary left


@pytest.mark.parametrize("suffix", ["svg", "pdf"])
def test_vector_files_are_the_same_bytes_however_often_the_figure_was_shown(suffix, tmp_path):
    """A vector file keeps the layout the figure was shown with (measured in pixels), so it is the same file
    after any number of inline displays, and for the same arguments."""
    first = figures.figure("overlay", ["sgd", "adam"], theme="dark", lang="de", size="900x600px")
    again = figures.figure("overlay", ["sgd", "adam"], theme="dark", lang="de", size="900x600px")
    shown_outside_the_style(again)
    written = [
        figures.save(fig, tmp_path / f"{name}.{suffix}").read_bytes() for name, fig in [("a", first), ("b", again)]
    ]
    assert written[0] == written[1] == figures.save(again, tmp_path / f"c.{suffix}").read_bytes()
    if suffix == "svg":
        assert 'width="900px" height="600px"' in written[0].decode() and "</text>" in written[0].decode()


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: figures.figure("pth"), r"unknown figure kind 'pth'; did you mean 'path'\?.*valid: compare"),
        (lambda: figures.figure("race"), r"^race is written as a file, not drawn as a Figure: optviz figure race -o"),
        (lambda: figures.figure("noise", batch="3"), r"batch must be a whole number or a list of them"),
        (lambda: figures.figure("noise", batch=[3, 0]), r"batch \(--batch\) must be from 1 to 1,000"),
        (lambda: figures.figure("noise", batch=[1, 2, 3, 4, 5]), r"noise takes at most 4 batch sizes"),
        (lambda: figures.figure("path", batch=3), r"path takes no batch sizes \(--batch\)"),
        (lambda: figures.figure(3), r"kind must be a string \(one of path, compare, .*\), got int 3"),
        (lambda: figures.figure("path", oc.get_optimizer("sgd")), r"optimizers must be a SPEC such as 'adam:lr=0.3'"),
        (lambda: figures.figure("overlay", ["sgd", 1]), r"optimizers must be a SPEC"),
        (lambda: figures.figure("path", "sgd:lr=fast"), r"value 'fast' for 'lr' is not a number"),
        (lambda: figures.figure("path", ["sgd", "adam"]), r"path takes one optimizer \(--optimizer\)"),
        (lambda: figures.figure("overlay", ["sgd"] * 8), r"8 series on one picture; at most 7"),
        (lambda: figures.figure("path", function=BOWL), r"function must be a string .* got Function"),
        (lambda: figures.figure("path", function="bowll"), r"did you mean 'bowl'"),
        (lambda: figures.figure("path", start="here"), r"start must be a pair \(x, y\)"),
        (lambda: figures.figure("path", start=[(1, 2, 3)]), r"start must have shape"),
        (lambda: figures.figure("path", steps=2.5), r"steps must be a whole number >= 1, got 2.5"),
        (lambda: figures.figure("path", steps=10**6), r"steps \(--steps\) must be from 1 to 10,000"),
        (lambda: figures.figure("impulse", steps=10), r"impulse takes no steps \(--steps\)"),
        (
            lambda: figures.figure("training", steps=100000),  # it named only --steps, which Python has not
            r"^steps \(--steps\) counts the network's iterations: 11 to 10,000 .*smooth_curve, which needs 11 losses",
        ),
        (lambda: figures.figure("path", theme="sepia"), r"unknown theme 'sepia' \(valid: light, dark, transparent\)"),
        (lambda: figures.figure("path", theme=None), r"theme must be a string \(light, dark or transparent\)"),
        (lambda: figures.figure("path", lang="fr"), r"unknown language 'fr' \(valid: en, de, ja\)"),
        (lambda: figures.figure("path", size="big"), r"malformed size 'big'; expected WxH"),
        (lambda: figures.figure("path", size=(8,)), r"size must be '1200x800px', '8x6' or \(8, 6\)"),
        (lambda: figures.figure("path", size=("8", 6)), r"size must be a number, got str '8'"),
        (lambda: figures.figure("path", dpi="high"), r"dpi must be a number, got str 'high'"),
        (lambda: figures.figure("path", dpi=1000), r"dpi must be between 30 and 600"),
        (lambda: figures.save("figure", "x.png"), r"save takes a matplotlib Figure .* got str 'figure'"),
    ],
)
def test_bad_figure_arguments_get_one_line_naming_what_is_accepted(call, message):
    with pytest.raises(oc.OptvizError, match=message) as error:
        call()
    assert "\n" not in str(error.value)


def test_save_refuses_a_bad_path_and_writes_nothing(tmp_path):
    fig = figures.figure("impulse", size="300x300px")
    with pytest.raises(oc.OptvizError, match=r"unknown output suffix '\.gif'.*valid: \.png, \.svg"):
        figures.save(fig, tmp_path / "missing" / "impulse.gif")
    (tmp_path / "file").write_text("")
    with pytest.raises(oc.OptvizError, match="is not a directory"):
        figures.save(fig, tmp_path / "file" / "impulse.png")
    with pytest.raises(oc.OptvizError, match="path must be a file name"):
        figures.save(fig, 42)
    assert [p.name for p in tmp_path.iterdir()] == ["file"]


def test_save_creates_missing_folders_as_the_command_line_does(tmp_path):
    written = figures.save(figures.figure("impulse", size="300x300px"), tmp_path / "post" / "figures" / "kick.png")
    with Image.open(written) as image:
        assert image.size == (300, 300)


def test_names_and_languages_are_forgiven_their_case():
    fig = figures.figure(" Path ", "SGD:lr=0.5", theme="Dark", lang="DE", size="300x200px")
    assert fig.get_facecolor()[:3] != (1.0, 1.0, 1.0) and "0,5" in fig.axes[0].get_title()


def test_the_command_line_starts_without_matplotlib():
    """figures exports its API lazily: importing the package (as optviz --help does) loads no plotting."""
    code = "import figures, figures.cli, sys; print('matplotlib' in sys.modules, callable(figures.figure))"
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert found == ["False", "True"]
