"""Every figure kind, each registered once with its defaults, its checks and its builder.

``optviz figure``'s choices and help, ``optviz article``'s validation and the rendering all read this
registry. Nothing heavy is imported at the top, so that ``optviz --help`` stays instant: builders import
matplotlib and optim_core when they run.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .jobs import FigureJob

STILL_FORMATS = ("png", "svg", "pdf", "webp")
ANIMATION_FORMATS = ("gif", "webp", "mp4")
#: The most series one picture can tell apart: each has a marker of its own (see optim_core.display).
MAX_SERIES = 7
#: How often an option may be given when the kind sets no limit of its own (several optimizers are limited by
#: the series they make with the starts, which figures.jobs counts).
UNLIMITED = math.inf


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
    #: Why the kind takes no --function (it brings its own data), or None: it takes one (or several).
    no_function: str | None = None
    #: Extra checks on a job, run before anything is computed or written.
    check: Callable[[FigureJob], None] | None = None
    #: Checks --steps when the kind's steps are not updates on --function (the network's iterations).
    check_steps: Callable[[int], int] | None = None
    #: False: the builder computes its own runs (the network's, the noisy bowl's) rather than drawing
    #: ``oc.run`` of each SPEC on --function.
    trajectories: bool = True
    batches: int = 0  #: how many --batch it takes (minibatch sizes)
    #: ``caption(job) -> dict``: the values its caption and alt text are written with (default: the paths'
    #: names, function, start and points).
    caption: Callable[[FigureJob], dict] | None = None
    #: What went wrong but is drawn, for a kind whose builder computes its own numbers (a network that
    #: diverged), as the lines ``optviz figure`` warns with; a kind of trajectories is warned about by its runs.
    warnings: Callable[[FigureJob], list[str]] | None = None

    def most(self, option: str) -> float:
        """How many times the kind takes ``option``, named as the command line names it (--function, --steps,
        --optimizer, --start or --batch): 0 when it takes none."""
        return {
            "--function": 0 if self.no_function else UNLIMITED if self.functions else 1,
            "--steps": 0 if self.steps is None else 1,
            "--optimizer": 0 if self.optimizers is None else UNLIMITED if self.several else 1,
            "--start": self.starts,
            "--batch": self.batches,
        }[option]

    @property
    def runs(self) -> bool:
        """Whether the builder draws trajectories, computed from the job's optimizers and starts."""
        return self.optimizers is not None and self.steps is not None and self.trajectories


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


#: The sweep's tolerance, and its grid of Momentum's settings: 60 learning rates from a fifth of the function's
#: rate for Momentum to 20 times it (on the bowl 0.02 to 2, across the theory's optimum of 1.34 and the edge of
#: divergence), and 40 momenta.
SWEEP_TOL = 1e-6
SWEEP_RATES, SWEEP_MOMENTA = (0.2, 20.0, 60), (0.0, 0.95, 40)


@kind("sweep", "Momentum's steps to f < 1e-6 over lr and momentum", steps=1000, starts=1)
def _sweep(job, runs):
    import numpy as np

    import optim_core as oc
    from optim_core.spec import parse_optimizer

    from .plots import sweep_figure

    f = job.objective()
    rate = parse_optimizer("momentum", f).hyperparams["lr"]
    low, high, count = SWEEP_RATES
    grid = {"lr": np.linspace(low * rate, high * rate, count), "momentum": np.linspace(*SWEEP_MOMENTA)}
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


# The network chapter: the book's network trained on real digits (optim_core.network), and the bowl as
# least squares on data, stepped on minibatches (optim_core.minibatch).

#: Fewest iterations a network figure draws: the book's smooth_curve averages 11 (optim_core.network.smooth).
MIN_ITERATIONS = 11
#: The noisy bowl's batch sizes (the explorable page's) and its paths per batch size, from one seed.
NOISE_BATCHES = (3, 10, 100)
NOISE_RUNS, NOISE_SEED = 6, 0
#: The most batch sizes the noisy bowl draws side by side.
NOISE_PANELS = 4


def _book_optimizers() -> tuple[str, ...]:
    from optim_core.network import BOOK_OPTIMIZERS

    return BOOK_OPTIMIZERS


def _network_optimizers(job) -> tuple:
    """The job's SPECs as the network takes them: a SPEC without ``lr`` takes the optimizer's own default, the
    book's class default that Figure 6-9 trains with, not a rate fitted to a function of the plane."""
    from optim_core.network import network_optimizers
    from optim_core.spec import parse_optimizer

    return network_optimizers([parse_optimizer(spec, None) for spec in job.specs()])


def _check_iterations(steps: int) -> int:
    from catalog import grouped
    from optim_core import OptvizError
    from optim_core.network import ITERATIONS, MAX_ITERATIONS

    if not MIN_ITERATIONS <= steps <= MAX_ITERATIONS:
        low, high = grouped(MIN_ITERATIONS, "en"), grouped(MAX_ITERATIONS, "en")
        raise OptvizError(
            f"steps (--steps) counts the network's iterations: {low} to {high} (the book trains"
            f" {grouped(ITERATIONS, 'en')}; the loss curves go through its smooth_curve, which needs {low} losses,"
            f" and {high} take about a minute and 4 GB), got {grouped(steps, 'en')}"
        )
    return steps


def _check_batches(job, examples: int, what: str) -> None:
    from catalog import grouped
    from optim_core import OptvizError

    for batch in job.batches:
        if not 1 <= batch <= examples:
            raise OptvizError(
                f"batch (--batch) must be from 1 to {grouped(examples, 'en')}, the {what}, got {grouped(batch, 'en')}"
            )


def _check_network(job) -> None:
    """SPECs and batch, before anything is trained (the digits are loaded only to check a --batch)."""
    from optim_core import OptvizError
    from optim_core.network import load_digits

    if len(job.specs()) > MAX_SERIES:
        raise OptvizError(f"{len(job.specs())} optimizers on one picture; at most {MAX_SERIES} can be told apart")
    _network_optimizers(job)
    if job.batches:
        _check_batches(job, len(load_digits().t_train), "training digits")


def _chapter(job):
    """What a network figure draws, from the per-user cache when the same optim_core computed it before."""
    from optim_core import network

    batch = job.batches[0] if job.batches else network.BATCH
    return network.chapter(_network_optimizers(job), iterations=job.run_steps(), batch=batch)


#: What the network's kinds share: the book's four at their class defaults, 2,000 iterations (the book's,
#: optim_core.network.ITERATIONS) of one batch size, and no start.
def _network_warnings(job) -> list[str]:
    from .network_words import diverged_notes

    return [f"warning: {note}; the figure marks it" for _, note in diverged_notes(_chapter(job), "en")]


NETWORK_KIND = {
    "steps": 2000,
    "optimizers": _book_optimizers,
    "starts": 0,
    "batches": 1,
    "no_function": "it trains the book's network on the digits",
    "check": _check_network,
    "check_steps": _check_iterations,
    "trajectories": False,
    "warnings": _network_warnings,
}


def _check_noise(job) -> None:
    from optim_core.minibatch import SIZE

    _check_batches(job, SIZE, "bowl's examples")


def _noisy(job) -> list:
    """The job's minibatch paths, one run per batch size, on the bowl's data."""
    from optim_core import minibatch
    from optim_core.spec import parse_optimizer

    opt, data = parse_optimizer(job.specs()[0]), minibatch.bowl_data()
    return [
        minibatch.run(
            opt, data, batch=batch, steps=job.run_steps(), start=job.start_array(), runs=NOISE_RUNS, seed=NOISE_SEED
        )
        for batch in job.batches or NOISE_BATCHES
    ]


def _noise_caption(job) -> dict:
    from .network_words import noise_values

    return noise_values(_noisy(job), job.lang)


@kind(
    "noise",
    "minibatch SGD on the bowl around the exact path",
    optimizers=lambda: ("sgd",),
    several=False,
    starts=1,
    batches=NOISE_PANELS,
    no_function="its data are the bowl's",
    check=_check_noise,
    caption=_noise_caption,
)
def _noise(job, runs):
    """``runs`` holds the exact path: ``oc.run`` of the SPEC on the bowl, which the data's mean loss is."""
    from .network_plots import noise_figure

    return noise_figure(_noisy(job), runs[0], **job.drawing())


def _training_caption(job) -> dict:
    from .network_words import training_values

    return training_values(_chapter(job), job.lang)


@kind(
    "training",
    "Fig. 6-9 on real digits: loss and test accuracy",
    **NETWORK_KIND,
    caption=_training_caption,
)
def _training(job, runs):
    from .network_plots import training_figure

    return training_figure(_chapter(job), **job.drawing())


def _landscape_caption(job) -> dict:
    from .network_words import landscape_values

    return landscape_values(_chapter(job), job.lang)


@kind("landscape", "the network's loss on the plane of its weight paths", **NETWORK_KIND, caption=_landscape_caption)
def _landscape(job, runs):
    from .network_plots import landscape_figure

    return landscape_figure(_chapter(job), **job.drawing())


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
