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

from .kinds import KINDS


class OneLineErrors(TyperGroup):
    """Report every usage error as one line on stderr with exit 2, and failures with exit 1; no tracebacks."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        try:
            # Outside standalone mode Typer returns an Exit's code, and turns Ctrl-C into Exit(130), instead
            # of exiting: a code left unused here made an interrupted optviz figure exit 0.
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except typer.Abort:
            _fail("aborted", 1)
        except TyperException as error:  # Typer's usage errors: bad option values, unknown options, ...
            if type(error).__name__ == "NoArgsIsHelpError":
                typer.echo(error.format_message())
                sys.exit(0)
            # One line: Typer lists a choice's values one per line ("Choose from:\n\tpath,\n\tcompare, ...").
            message = " ".join(error.format_message().replace("Value error, ", "").split())
            _fail(message, getattr(error, "exit_code", 2))
        except ValueError as error:  # OptvizError is a ValueError; imported lazily to keep start-up fast
            if type(error).__name__ != "OptvizError":
                raise
            _fail(str(error), 2)
        except OSError as error:
            _fail(f"{error.strerror or error}: {error.filename}" if error.filename else str(error), 1)
        if isinstance(code, int) and code:
            from .batch import INTERRUPTED

            if code == INTERRUPTED:
                _fail("interrupted; every output is written whole or not at all, so nothing partial was left", code)
            sys.exit(code)
        return code


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


def _version(value: bool):
    if value:
        from importlib.metadata import version

        typer.echo(f"optviz {version('optviz')}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool | None,
        typer.Option("--version", callback=_version, is_eager=True, help="Print optviz's version and exit."),
    ] = None,
):
    """Figures and animations of neural-network optimizers, with exact numbers from optim_core."""


#: The figure kinds, as registered in figures.kinds (which imports nothing heavy).
Kind = Enum("Kind", {name: name for name in KINDS}, type=str)


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
FunctionsOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--function",
        "-f",
        metavar="NAME|EXPR",
        help="Built-in name, quadratic:condition=K,angle=DEG, or an expression in x and y (default: bowl);"
        " repeatable for explore.",
        rich_help_panel=PROBLEM,
    ),
]
OptimizerOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--optimizer",
        "-O",
        metavar="SPEC",
        help="NAME[:key=value,...], repeatable; e.g. adam:lr=0.3 or "
        "sgd:lr=0.1,momentum=0.9,convention=torch. Without lr, the rate that suits the function (optviz list).",
        rich_help_panel=PROBLEM,
    ),
]
StartOpt = Annotated[
    str | None, typer.Option("--start", help="X,Y (default: the function's start).", rich_help_panel=PROBLEM)
]
StartsOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--start",
        metavar="X,Y",
        help="X,Y (default: the function's start); repeatable: each start is a path of its own.",
        rich_help_panel=PROBLEM,
    ),
]
StepsOpt = Annotated[
    int | None, typer.Option("--steps", help="Updates to run, 1 to 10000 (default per kind).", rich_help_panel=PROBLEM)
]
LangOpt = Annotated[
    Lang,
    typer.Option("--lang", case_sensitive=False, help="Language of labels and titles.", rich_help_panel=OUTPUT),
]
ThemeOpt = Annotated[
    Theme,
    typer.Option(
        metavar="THEME", case_sensitive=False, help="Colour theme: light, dark or transparent.", rich_help_panel=OUTPUT
    ),
]


def _starts(texts: list[str] | None) -> tuple[tuple[float, float], ...]:
    from optim_core.spec import parse_pair

    return tuple(parse_pair("start", text, "X,Y such as -7,2") for text in texts or ())


_FIGURE_HELP = "\n\n".join(
    [
        "Draw one figure. With no options each kind reproduces the book's setting (the bowl, from (-7, 2)).",
        "\n".join(f"[bold]{name}[/bold]: {kind.summary}" for name, kind in KINDS.items()),
        "Examples:\n"
        "optviz figure path -O adam:lr=0.3 -o adam.svg --size 1200x800px\n"
        "optviz figure overlay -O sgd:lr=0.1 -O sgd:lr=0.95 -o lr.png --lang de",
    ]
)


@app.command(help=_FIGURE_HELP)
def figure(
    kind: Annotated[
        Kind, typer.Argument(metavar="KIND", help="Which figure (see the list above).", show_choices=False)
    ],
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="File to write (its folder is created if missing); its suffix picks the format: png, svg, pdf,"
            " webp; gif, webp or mp4 for race; html for explore.",
            rich_help_panel=OUTPUT,
        ),
    ],
    function: FunctionsOpt = None,
    optimizer: OptimizerOpt = None,
    start: StartsOpt = None,
    steps: StepsOpt = None,
    batch: Annotated[
        list[int] | None,
        typer.Option(
            "--batch",
            metavar="N",
            help="Minibatch size: noise draws a panel per --batch (default 3, 10, 100 of the bowl's 1,000"
            " examples); training and landscape train with one (default 128 of the 1,437 digits).",
            rich_help_panel=PROBLEM,
        ),
    ] = None,
    dpi: Annotated[float, typer.Option(help="Dots per inch, 30 to 600.", rich_help_panel=OUTPUT)] = 150,
    size: Annotated[
        str | None,
        typer.Option(
            help="WxH in inches (8x6, each 1 to 40) or in pixels (1200x800px); at most 50 megapixels.",
            rich_help_panel=OUTPUT,
        ),
    ] = None,
    theme: ThemeOpt = Theme.light,
    lang: LangOpt = Lang.en,
):
    from .jobs import FigureJob, render

    job = FigureJob(
        kind=kind.value,
        output=str(output),
        functions=tuple(function or ()),
        optimizers=tuple(optimizer or ()),
        starts=_starts(start),
        steps=steps,
        batches=tuple(batch or ()),
        dpi=dpi,
        size=size,
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
    output: Annotated[
        Path, typer.Option("--output", "-o", help="A .csv or .json file (its folder is created if missing).")
    ],
    function: FunctionOpt = "bowl",
    optimizer: OptimizerOpt = None,
    start: StartsOpt = None,
    steps: Annotated[int, typer.Option(help="Updates to run, 1 to 10000.")] = 100,
):
    """Write trajectories as CSV or JSON.

    One run per optimizer and start, labelled, with its hyperparameters and the function; per step the
    position, value, gradient, optimizer state and divergence."""
    from .export import export_trajectories

    print(export_trajectories(output, function, tuple(optimizer or ()), _starts(start), steps))


@app.command()
def article(
    spec: Annotated[Path | None, typer.Argument(help="Article spec (TOML); default: this project's article.")] = None,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Directory to write into (created if missing).")
    ] = Path("out"),
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, max=64, help="Figures rendered in parallel.")] = 2,
    force: Annotated[bool, typer.Option(help="Render even the outputs whose inputs have not changed.")] = False,
    lang: Annotated[
        Lang,
        typer.Option("--lang", case_sensitive=False, help="Language of figures and captions not set in the spec."),
    ] = Lang.en,
    theme: Annotated[
        Theme,
        typer.Option(
            metavar="THEME",
            case_sensitive=False,
            help="Colour theme (light, dark or transparent) of figures not set in the spec.",
        ),
    ] = Theme.light,
):
    """Build an article's figures, skipping what is up to date, with a gallery and a post.

    DIR/index.html shows every figure with its caption and alt text; DIR/article.md lists them in order,
    ready for a static-site post."""
    from .article import build
    from .batch import exit_if_interrupted

    exit_if_interrupted(lambda: build(spec, output, jobs=jobs, force=force, lang=lang.value, theme=theme.value))


# The video commands (render, and the lecture) register themselves on the same app.
from . import cli_video  # noqa: E402, F401


def main():
    app()
