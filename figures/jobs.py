"""One figure request, validated, and its rendering. Shared by ``optviz figure`` and ``optviz article``.

What each kind accepts and how it is drawn is registered once, in :mod:`figures.kinds`.
"""

from __future__ import annotations

import contextlib
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

import optim_core as oc
from catalog import grouped
from optim_core.spec import Size, check_start, parse_function, parse_optimizer, parse_size

from .kinds import KINDS, MAX_SERIES, Kind

#: The most steps a figure may ask for; more would take long and draw nothing new.
MAX_STEPS = 10_000
DPI_RANGE = (30, 600)
MAX_MEGAPIXELS = 50


@dataclass(frozen=True)
class FigureJob:
    kind: str
    output: str
    functions: tuple[str, ...] = ()  #: one function (default: the bowl); the explorable page takes several
    optimizers: tuple[str, ...] = ()  #: SPECs (default: the kind's)
    starts: tuple[tuple[float, float], ...] = ()  #: default: the function's start; several make a batch
    steps: int | None = None
    batches: tuple[int, ...] = ()  #: minibatch sizes (default: the kind's)
    dpi: float = 150
    size: str | None = None  #: "8x6" (inches) or "1200x800px"
    theme: str = "light"
    lang: str = "en"

    def __post_init__(self):
        # DE and Dark mean de and dark, from the command line, a spec or a notebook alike.
        for name in ("theme", "lang"):
            value = getattr(self, name)
            if isinstance(value, str):
                object.__setattr__(self, name, value.strip().lower())

    def as_dict(self) -> dict:
        return asdict(self)

    @property
    def kind_(self) -> Kind:
        return KINDS[self.kind]

    @property
    def function(self) -> str:
        return self.functions[0] if self.functions else "bowl"

    def objective(self) -> oc.Function:
        """The function, fitted to the starts (a typed expression's window and landmarks follow them)."""
        return parse_function(self.function, self.starts)

    def specs(self) -> tuple[str, ...]:
        return self.optimizers or self.kind_.optimizers()

    def run_steps(self) -> int:
        """The steps asked for, else the kind's for this function (Rosenbrock's story takes ten times the bowl's)."""
        if self.steps:
            return self.steps
        return min(MAX_STEPS, round(self.kind_.steps * self.objective().steps_factor))

    def start_array(self):
        """None (the function's start), one pair, or a (B, 2) batch."""
        if not self.starts:
            return None
        return self.starts[0] if len(self.starts) == 1 else [list(start) for start in self.starts]

    def pixel_size(self) -> Size | None:
        return parse_size(self.size) if self.size else None

    def drawing(self, dpi: float | None = None) -> dict:
        """What every ``*_figure`` takes: the language, and the size in inches (at ``dpi``, default the
        job's) when one was asked for."""
        size = self.pixel_size()
        return {"lang": self.lang} | ({"size": size.inches(dpi or self.dpi)} if size else {})


#: Where runs go that are too many for one picture.
EXPORT_HINT = "optviz export writes any number of runs"


def check_steps(steps: int) -> int:
    if not 1 <= steps <= MAX_STEPS:
        raise oc.OptvizError(
            f"steps (--steps) must be from 1 to {grouped(MAX_STEPS, 'en')}, got {grouped(steps, 'en')}"
        )
    return steps


#: Each option a kind limits, as Python's arguments and a spec's keys name one and several of it, beside the
#: command line's flag: an error names both (figures.figure takes ``steps=``, optviz figure ``--steps``).
OPTION_NOUNS = {
    "--function": ("function", "functions"),
    "--steps": ("steps", "steps"),
    "--optimizer": ("optimizer", "optimizers"),
    "--start": ("start", "starts"),
    "--batch": ("batch size", "batch sizes"),
}
#: Why no kind takes more of an option, when none does: a picture tells only so many series or panels apart.
NO_MORE = {
    "--optimizer": f"more paths cannot be told apart ({EXPORT_HINT})",
    "--start": f"more paths cannot be told apart ({EXPORT_HINT})",
    "--batch": "more panels do not fit side by side",
}


def _given(job: FigureJob) -> dict[str, int]:
    """How many times ``job`` gives each option a kind limits (see :meth:`figures.kinds.Kind.most`)."""
    return {
        "--function": len(job.functions),
        "--steps": int(job.steps is not None),
        "--optimizer": len(job.optimizers),
        "--start": len(job.starts),
        "--batch": len(job.batches),
    }


def _takes(option: str, job: FigureJob) -> oc.OptvizError:
    """The error for ``option`` given more often than ``job``'s kind takes it: the kind's limit, and the kinds
    that take more (or why it takes none, or why none takes more)."""
    kind = job.kind_
    most = kind.most(option)
    one, several = OPTION_NOUNS[option]
    limit = {0: f"no {several}", 1: f"one {one}"}.get(most, f"at most {most} {several}")
    takes = f"{job.kind} takes {limit} ({option})"
    if option == "--function" and kind.no_function:
        return oc.OptvizError(f"{takes}: {kind.no_function}")
    names = ", ".join(k.name for k in KINDS.values() if k.most(option) > most)
    if not names:
        return oc.OptvizError(f"{takes}: {NO_MORE[option]}")
    others = f"the kinds that take {several}" if most == 0 else "the kinds that take more"
    return oc.OptvizError(f"{takes}; {others} are: {names}")


def validate(job: FigureJob, *, directory_exists: bool = True) -> None:
    """Every check that does not need drawing: run before anything is computed or written. ``optviz article``
    checks its jobs before it creates their directory, and says so with ``directory_exists=False``."""
    from catalog import check_language

    from ._checks import check_creatable_parent, check_theme, output_format

    if job.kind not in KINDS:
        raise oc.OptvizError(f"unknown figure kind {job.kind!r} (valid: {', '.join(KINDS)})")
    kind = job.kind_
    check_theme(job.theme)
    check_language(job.lang)
    output_format(Path(job.output), kind.formats)
    if directory_exists:
        check_creatable_parent(Path(job.output))
    for option, count in _given(job).items():
        if count > kind.most(option):
            raise _takes(option, job)
    if job.steps is not None:
        (kind.check_steps or check_steps)(job.steps)
    if not DPI_RANGE[0] <= job.dpi <= DPI_RANGE[1]:
        raise oc.OptvizError(f"dpi must be between {DPI_RANGE[0]} and {DPI_RANGE[1]}, got {job.dpi:g}")
    size = job.pixel_size()
    if size is not None:
        width, height = size.inches(job.dpi)
        megapixels = width * height * job.dpi**2 / 1e6
        if megapixels > MAX_MEGAPIXELS:
            raise oc.OptvizError(
                f"output would be {megapixels:.0f} megapixels; at most {MAX_MEGAPIXELS} are allowed"
                " (lower --dpi or --size)"
            )
    if kind.check:
        kind.check(job)
    if kind.functions:
        return  # the explorable page checks its own functions before it writes anything
    f = job.objective()
    if kind.steps is not None:
        check_start(f, job.start_array() if job.starts else f.start)
    if kind.runs:
        series = len(job.specs()) * max(1, len(job.starts))
        if series > MAX_SERIES:
            raise oc.OptvizError(
                f"{series} series on one picture; at most {MAX_SERIES} can be told apart ({EXPORT_HINT})"
            )
        for spec in job.specs():
            parse_optimizer(spec, f)


def trajectories(job: FigureJob) -> list[oc.Trajectory]:
    f = job.objective()
    return [oc.run(parse_optimizer(spec, f), f, job.start_array(), job.run_steps()) for spec in job.specs()]


@contextlib.contextmanager
def drawn(job: FigureJob, warn=lambda message: print(message, file=sys.stderr)):
    """Compute with optim_core and draw ``job`` (checked by :func:`validate`), inside its style and at its dpi:
    yields the Figure, or the Path a kind that writes its own file wrote. Save or settle the figure inside the
    ``with``, where the theme's background applies. Divergence is warned about and marked, not an error."""
    import matplotlib as mpl

    from .output import styled
    from .plots import rows

    runs = trajectories(job) if job.kind_.runs else []
    for path in rows(runs):
        if path.diverged_at >= 0:
            warn(f"warning: {path.optimizer.label()} diverged at step {path.diverged_at}; the figure marks it")
    for message in job.kind_.warnings(job) if job.kind_.warnings else ():
        warn(message)
    with styled(job.theme, job.lang), mpl.rc_context({"figure.dpi": job.dpi}):
        yield job.kind_.build(job, runs)


def render(job: FigureJob, warn=lambda message: print(message, file=sys.stderr)) -> Path:
    """Validate, compute with optim_core, draw and save, creating the output's folder if it is missing."""
    validate(job)
    from ._folders import parent_folders
    from .output import save

    with parent_folders(Path(job.output)), drawn(job, warn) as figure:
        if isinstance(figure, Path):
            return figure
        return save(figure, Path(job.output), dpi=job.dpi, size=job.pixel_size())
