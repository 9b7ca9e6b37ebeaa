"""``optviz``: the command line. Only Typer is imported at start-up, so ``optviz --help`` is instant;
NumPy, matplotlib and Manim are imported inside the commands that need them."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperGroup
from typer.exceptions import TyperException


class OneLineErrors(TyperGroup):
    """Report every usage error as one line on stderr with exit 2, and failures with exit 1; no tracebacks."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        try:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except typer.Exit as exit_:
            sys.exit(exit_.exit_code)
        except typer.Abort:
            _fail("aborted", 1)
        except TyperException as error:  # Typer's usage errors: bad option values, unknown options, ...
            if type(error).__name__ == "NoArgsIsHelpError":
                typer.echo(error.format_message())
                sys.exit(0)
            _fail(error.format_message().replace("Value error, ", ""), getattr(error, "exit_code", 2))
        except ValueError as error:  # OptvizError is a ValueError; imported lazily to keep start-up fast
            if type(error).__name__ != "OptvizError":
                raise
            _fail(str(error), 2)
        except OSError as error:
            _fail(f"{error.strerror or error}: {error.filename}" if error.filename else str(error), 1)


def _fail(message: str, code: int):
    typer.echo(f"optviz: error: {message}", err=True)
    sys.exit(code)


app = typer.Typer(
    cls=OneLineErrors,
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
    help="Figures and animations of neural-network optimizers, with exact numbers from optim_core.",
)


class Kind(str, Enum):
    path = "path"
    compare = "compare"
    overlay = "overlay"
    loss = "loss"
    step_size = "step-size"
    vector_sum = "vector-sum"
    impulse = "impulse"
    surface = "surface"
    sweep = "sweep"
    race = "race"


class Theme(str, Enum):
    light = "light"
    dark = "dark"
    transparent = "transparent"


class Lang(str, Enum):
    en = "en"
    de = "de"
    ja = "ja"


class Quality(str, Enum):
    low = "low"
    medium = "medium"
    high = "high"
    four_k = "4k"


class VideoFormat(str, Enum):
    mp4 = "mp4"
    gif = "gif"
    webm = "webm"


class Listing(str, Enum):
    optimizers = "optimizers"
    functions = "functions"


PROBLEM = "Problem"
OUTPUT = "Output"
FunctionOpt = Annotated[
    str,
    typer.Option(
        "--function",
        "-f",
        help="Built-in name, quadratic:condition=K,angle=DEG, or an expression in x and y.",
        rich_help_panel=PROBLEM,
    ),
]
OptimizerOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--optimizer",
        "-O",
        help="NAME[:key=value,...], repeatable; e.g. adam:lr=0.3 or "
        "sgd:lr=0.1,momentum=0.9,convention=torch. Without lr, the book's lr.",
        rich_help_panel=PROBLEM,
    ),
]
StartOpt = Annotated[
    str | None, typer.Option("--start", help="X,Y (default: the function's start).", rich_help_panel=PROBLEM)
]
StepsOpt = Annotated[
    int | None, typer.Option("--steps", help="Updates to run, 1 to 10000 (default per kind).", rich_help_panel=PROBLEM)
]
LangOpt = Annotated[Lang, typer.Option("--lang", help="Language of labels and titles.", rich_help_panel=OUTPUT)]


def _pair(what: str, text: str | None, form: str):
    if text is None:
        return None
    from optim_core.spec import parse_pair

    return parse_pair(what, text, form)


@app.command()
def figure(
    kind: Annotated[Kind, typer.Argument(help="Which figure.")],
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="File to write; the suffix picks the format (png, svg, pdf; gif, webp or mp4 for race).",
            rich_help_panel=OUTPUT,
        ),
    ],
    function: FunctionOpt = "bowl",
    optimizer: OptimizerOpt = None,
    start: StartOpt = None,
    steps: StepsOpt = None,
    dpi: Annotated[float, typer.Option(help="Dots per inch, 30 to 600.", rich_help_panel=OUTPUT)] = 150,
    size: Annotated[
        str | None, typer.Option(help="WxH in inches, each 1 to 40; at most 50 megapixels.", rich_help_panel=OUTPUT)
    ] = None,
    theme: Annotated[Theme, typer.Option(help="Colour theme.", rich_help_panel=OUTPUT)] = Theme.light,
    lang: LangOpt = Lang.en,
):
    """Draw one figure. With no options each kind reproduces the book's setting (the bowl, from (-7, 2))."""
    from .jobs import FigureJob, render

    job = FigureJob(
        kind=kind.value,
        output=str(output),
        function=function,
        optimizers=tuple(optimizer or ()),
        start=_pair("start", start, "X,Y such as -7,2"),
        steps=steps,
        dpi=dpi,
        size=_pair("size", size, "WxH in inches such as 8x6"),
        theme=theme.value,
        lang=lang.value,
    )
    print(render(job))


@app.command("list")
def list_(what: Annotated[Listing | None, typer.Argument(help="optimizers or functions (default: both).")] = None):
    """List the optimizers (with defaults and formulas) and the built-in functions."""
    from .listing import describe

    print(describe(what.value if what else None))


@app.command()
def export(
    output: Annotated[Path, typer.Option("--output", "-o", help="A .csv or .json file.")],
    function: FunctionOpt = "bowl",
    optimizer: OptimizerOpt = None,
    start: StartOpt = None,
    steps: Annotated[int, typer.Option(help="Updates to run, 1 to 10000.")] = 100,
):
    """Write trajectories (positions, values, gradients, divergence) as CSV or JSON."""
    from .export import export_trajectories

    print(
        export_trajectories(output, function, tuple(optimizer or ()), _pair("start", start, "X,Y such as -7,2"), steps)
    )


@app.command()
def article(
    spec: Annotated[Path | None, typer.Argument(help="Article spec (TOML); default: this project's article.")] = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="Directory to write into (it must exist).")] = Path(
        "out"
    ),
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, max=64, help="Figures rendered in parallel.")] = 2,
    force: Annotated[bool, typer.Option(help="Render even the outputs whose inputs have not changed.")] = False,
):
    """Build an article's whole set of figures, skip what is up to date, and write DIR/index.html."""
    from .article import build
    from .batch import exit_if_interrupted

    exit_if_interrupted(lambda: build(spec, output, jobs=jobs, force=force))


# The video commands (render, and the lecture) register themselves on the same app.
from . import cli_video  # noqa: E402, F401


def main():
    app()
