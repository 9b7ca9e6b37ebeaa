"""Every figure kind, each registered once with its defaults, its checks and its builder.

``optviz figure``'s choices and help, ``optviz article``'s validation and the rendering all read this
registry. Nothing heavy is imported at the top, so that ``optviz --help`` stays instant: builders import
matplotlib and optim_core when they run.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .jobs import FigureJob

STILL_FORMATS = ("png", "svg", "pdf", "webp")
ANIMATION_FORMATS = ("gif", "webp", "mp4")
#: The most series one picture can tell apart: each has a marker of its own (see optim_core.display).
MAX_SERIES = 7


@dataclass(frozen=True)
class Kind:
    """A figure kind: what it draws (one line for ``--help``), what it accepts, and how it is built."""

    name: str
    summary: str
    #: ``build(job, runs) -> Figure | Path``: a Figure is saved by the caller; a Path was written by the builder.
    build: Callable[[FigureJob, list], Any]
    formats: tuple[str, ...] = STILL_FORMATS
    #: Updates to run on the bowl when none are given, times the function's ``steps_factor`` on another;
    #: None: the kind runs no optimizer and takes no --steps.
    steps: int | None = 29
    #: The SPECs drawn when none are given; None: the kind takes no --optimizer.
    optimizers: Callable[[], tuple[str, ...]] | None = None
    several: bool = True  #: takes more than one --optimizer
    starts: int = MAX_SERIES  #: how many --start it takes
    functions: bool = False  #: takes --function more than once
    #: Extra checks on a job, run before anything is computed or written.
    check: Callable[[FigureJob], None] | None = None

    @property
    def runs(self) -> bool:
        """Whether the builder draws trajectories, computed from the job's optimizers and starts."""
        return self.optimizers is not None and self.steps is not None


KINDS: dict[str, Kind] = {}


def kind(name: str, summary: str, **options) -> Callable:
    """Register the decorated builder as figure kind ``name``."""

    def register(build):
        KINDS[name] = Kind(name, summary, build, **options)
        return build

    return register


def _book_four() -> tuple[str, ...]:
    """The book's four optimizers, each at its function's rate (on the bowl, the book's)."""
    from optim_core.spec import FOUR

    return FOUR


def _golf() -> tuple[str, ...]:
    from optim_core.spec import GOLF_LEARNING_RATES

    return tuple(f"sgd:lr={rate}" for rate in GOLF_LEARNING_RATES)


@kind(
    "path",
    "one optimizer's path on the contour plot, as in the book",
    optimizers=lambda: ("sgd",),
    several=False,
)
def _path(job, runs):
    from .plots import path_figure

    return path_figure(runs[0], **job.drawing())


@kind("compare", "the book's 2×2: one panel per optimizer", optimizers=_book_four)
def _compare(job, runs):
    from .plots import compare_figure

    return compare_figure(runs, **job.drawing())


@kind("overlay", "every path on one contour plot, with a legend", optimizers=_book_four)
def _overlay(job, runs):
    from .plots import overlay_figure

    return overlay_figure(runs, **job.drawing())


@kind("loss", "f after each step, on a log axis", steps=150, optimizers=_book_four)
def _loss(job, runs):
    from .plots import loss_figure

    return loss_figure(runs, **job.drawing())


@kind("step-size", "|Δx| and |Δy| per step: AdaGrad's shrinking strokes", steps=60, optimizers=_book_four)
def _step_size(job, runs):
    from .plots import step_size_figure

    return step_size_figure(runs, **job.drawing())


@kind(
    "learning-rate",
    "SGD at too small, the book's and too large a rate",
    optimizers=_golf,
)
def _learning_rate(job, runs):
    from .plots import learning_rate_figure

    return learning_rate_figure(runs, **job.drawing())


def _check_momentum(job) -> None:
    from optim_core import OptvizError
    from optim_core.spec import parse_optimizer

    if job.optimizers and parse_optimizer(job.optimizers[0]).name != "momentum":
        raise OptvizError(f"vector-sum needs the momentum optimizer, got {job.optimizers[0]!r}")


@kind(
    "vector-sum",
    "Momentum's step = previous step + gradient step",
    steps=None,
    optimizers=lambda: ("momentum",),
    several=False,
    starts=0,
    check=_check_momentum,
)
def _vector_sum(job, runs):
    from optim_core.spec import parse_optimizer

    from .plots import vector_sum_figure

    return vector_sum_figure(parse_optimizer(job.specs()[0]), **job.drawing())


@kind("impulse", "the impulse law: a body turns 45°, not 90°", steps=None, starts=0)
def _impulse(job, runs):
    from .plots import impulse_figure

    return impulse_figure(**job.drawing())


@kind("surface", "the paths lifted onto the 3-D surface", optimizers=_book_four)
def _surface(job, runs):
    from .plots import surface_figure

    return surface_figure(runs, **job.drawing())


#: The sweep's tolerance and grid: Momentum over lr × momentum.
SWEEP_TOL = 1e-6


@kind("sweep", "Momentum's steps to f < 1e-6 over lr and momentum", steps=1000, starts=1)
def _sweep(job, runs):
    import numpy as np

    import optim_core as oc

    from .plots import sweep_figure

    f = job.objective()
    grid = {"lr": np.linspace(0.02, 2.0, 60), "momentum": np.linspace(0.0, 0.95, 40)}
    result = oc.sweep("momentum", f, grid, start=job.start_array(), steps=job.run_steps(), tol=SWEEP_TOL)
    return sweep_figure(result, f, tol=SWEEP_TOL, **job.drawing())


@kind(
    "race",
    "the optimizers moving at once (gif, webp or mp4)",
    formats=ANIMATION_FORMATS,
    steps=60,
    optimizers=_book_four,
)
def _race(job, runs):
    from pathlib import Path

    from .race import write_race

    dpi = min(job.dpi, 100)  # a race is many frames: 100 dpi keeps it light
    return write_race(runs, Path(job.output), dpi=dpi, **job.drawing(dpi))


@kind(
    "explore",
    "an interactive HTML page: pick optimizer, rate, start",
    formats=("html",),
    steps=None,
    starts=0,
    functions=True,
)
def _explore(job, runs):
    from pathlib import Path

    from .explore import write_explore

    return write_explore(Path(job.output), functions=job.functions, lang=job.lang, theme=job.theme)
