"""One figure request, validated, and its rendering. Shared by ``optviz figure`` and ``optviz article``."""

from __future__ import annotations

import sys
from dataclasses import asdict, dataclass
from pathlib import Path

import optim_core as oc
from optim_core.spec import BOOK_FOUR, parse_function, parse_optimizer

KINDS = ("path", "compare", "overlay", "loss", "step-size", "vector-sum", "impulse", "surface", "sweep", "race")
#: The most steps a figure may ask for; more would take long and draw nothing new.
MAX_STEPS = 10_000
DPI_RANGE = (30, 600)
SIZE_RANGE = (1.0, 40.0)  # inches, each side
MAX_MEGAPIXELS = 50
#: Steps per kind when none are given: the book's 30 plotted points for the path plots.
DEFAULT_STEPS = {"loss": 150, "step-size": 60, "sweep": 1000, "race": 60}
SWEEP_TOL = 1e-6


@dataclass(frozen=True)
class FigureJob:
    kind: str
    output: str
    function: str = "bowl"
    optimizers: tuple[str, ...] = ()
    start: tuple[float, float] | None = None
    steps: int | None = None
    dpi: float = 150
    size: tuple[float, float] | None = None
    theme: str = "light"
    lang: str = "en"

    def as_dict(self) -> dict:
        return asdict(self)


def check_steps(steps: int) -> int:
    if not 1 <= steps <= MAX_STEPS:
        raise oc.OptvizError(f"steps must be between 1 and {MAX_STEPS}, got {steps}")
    return steps


def validate(job: FigureJob) -> None:
    """Every check that does not need drawing: run before anything is computed or written."""
    from catalog import check_language

    from ._checks import ANIMATION_FORMATS, STILL_FORMATS, check_theme, check_writable_parent, output_format

    if job.kind not in KINDS:
        raise oc.OptvizError(f"unknown figure kind {job.kind!r} (valid: {', '.join(KINDS)})")
    check_theme(job.theme)
    check_language(job.lang)
    output_format(Path(job.output), ANIMATION_FORMATS if job.kind == "race" else STILL_FORMATS)
    check_writable_parent(Path(job.output))
    if job.steps is not None:
        check_steps(job.steps)
    if not DPI_RANGE[0] <= job.dpi <= DPI_RANGE[1]:
        raise oc.OptvizError(f"dpi must be between {DPI_RANGE[0]} and {DPI_RANGE[1]}, got {job.dpi:g}")
    if job.size is not None:
        if not all(SIZE_RANGE[0] <= side <= SIZE_RANGE[1] for side in job.size):
            raise oc.OptvizError(
                f"size sides must be between {SIZE_RANGE[0]:g} and {SIZE_RANGE[1]:g} inches,"
                f" got {job.size[0]:g}x{job.size[1]:g}"
            )
        megapixels = job.size[0] * job.size[1] * job.dpi**2 / 1e6
        if megapixels > MAX_MEGAPIXELS:
            raise oc.OptvizError(
                f"output would be {megapixels:.0f} megapixels; at most {MAX_MEGAPIXELS} are allowed"
                " (lower --dpi or --size)"
            )


def trajectories(job: FigureJob) -> list[oc.Trajectory]:
    f = parse_function(job.function)
    specs = job.optimizers or (("sgd",) if job.kind == "path" else BOOK_FOUR)
    optimizers = [parse_optimizer(spec) for spec in specs]
    steps = job.steps or DEFAULT_STEPS.get(job.kind, 29)
    return [oc.run(opt, f, job.start, steps) for opt in optimizers]


def render(job: FigureJob, warn=lambda message: print(message, file=sys.stderr)) -> Path:
    """Validate, compute with optim_core, draw and save. Divergence is drawn and warned about, not an error."""
    validate(job)
    from . import plots
    from .output import save, styled

    kwargs = {"lang": job.lang} | ({"size": job.size} if job.size else {})
    with styled(job.theme, job.lang):
        if job.kind == "impulse":
            fig = plots.impulse_figure(**kwargs)
        elif job.kind == "vector-sum":
            opt = parse_optimizer(job.optimizers[0] if job.optimizers else "momentum")
            if opt.name != "momentum":
                raise oc.OptvizError(f"vector-sum needs the momentum optimizer, got {opt.name!r}")
            fig = plots.vector_sum_figure(opt, **kwargs)
        elif job.kind == "sweep":
            fig = _sweep(job, plots, kwargs)
        else:
            runs = trajectories(job)
            for t in runs:
                if t.diverged:
                    warn(f"warning: {t.optimizer.label()} diverged at step {int(t.diverged_at)}; the figure marks it")
            if job.kind == "race":
                from .race import write_race

                return write_race(runs, Path(job.output), dpi=min(job.dpi, 100), **kwargs)
            builders = {
                "path": lambda: plots.path_figure(runs[0], **kwargs),
                "compare": lambda: plots.compare_figure(runs, **kwargs),
                "overlay": lambda: plots.overlay_figure(runs, **kwargs),
                "loss": lambda: plots.loss_figure(runs, **kwargs),
                "step-size": lambda: plots.step_size_figure(runs, **kwargs),
                "surface": lambda: plots.surface_figure(runs, **kwargs),
            }
            fig = builders[job.kind]()
        return save(fig, Path(job.output), dpi=job.dpi)


def _sweep(job: FigureJob, plots, kwargs):
    import numpy as np

    f = parse_function(job.function)
    grid = {"lr": np.linspace(0.02, 2.0, 60), "momentum": np.linspace(0.0, 0.95, 40)}
    result = oc.sweep("momentum", f, grid, start=job.start, steps=job.steps or DEFAULT_STEPS["sweep"], tol=SWEEP_TOL)
    return plots.sweep_figure(result, f, tol=SWEEP_TOL, **kwargs)
