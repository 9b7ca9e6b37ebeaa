"""The article's figures from Python, for notebooks and scripts: one call draws a figure, one call writes it.

>>> import figures
>>> fig = figures.figure("compare", lang="de", theme="dark", size="900x600px")
>>> import pathlib, tempfile
>>> from PIL import Image
>>> with tempfile.TemporaryDirectory() as folder:
...     path = figures.save(fig, pathlib.Path(folder) / "vergleich.png")
...     with Image.open(path) as image:
...         image.size
(900, 600)

A figure looks as ``optviz figure`` draws it for the same arguments wherever it is shown: inline in Jupyter,
through ``fig.savefig``, or through :func:`save`, which writes the command line's PNG and WebP bytes (an SVG or
PDF keeps the layout measured in pixels, which may sit a fraction of a point from the command line's). Jupyter's
inline display trims the margin to 0.1 in (``bbox_inches="tight"``); ``%config
InlineBackend.print_figure_kwargs = {}`` shows the whole frame. Kinds, SPECs, functions and starts mean what they
mean there (``optviz figure --help``), and so do the defaults: a book-convention SPEC without ``lr`` takes its
function's rate (``optviz list``), while :func:`optim_core.get_optimizer` keeps the book's.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from matplotlib.figure import Figure

from optim_core import OptvizError
from optim_core._lookup import unknown_name
from optim_core.trajectory import as_starts, check_steps, described

from . import output
from ._checks import check_creatable_parent, output_format
from ._folders import parent_folders
from .jobs import FigureJob, drawn, validate
from .kinds import KINDS

#: The kinds drawn as one Figure: every kind but the animated race and the explorable page, which are files.
FIGURE_KINDS = tuple(name for name, kind in KINDS.items() if "png" in kind.formats)
#: Where a figure keeps the request it was drawn for, so that :func:`save` writes it as the command line would.
_JOB = "_optviz_job"


def figure(
    kind: str,
    optimizers: str | Sequence[str] | None = None,
    *,
    function: str | None = None,
    start=None,
    steps: int | None = None,
    batch: int | Sequence[int] | None = None,
    theme: str = "light",
    lang: str = "en",
    size: str | tuple[float, float] | None = None,
    dpi: float = 150,
) -> Figure:
    """The figure ``optviz figure KIND`` draws, as a :class:`~matplotlib.figure.Figure`.

    ``kind`` is one of :data:`FIGURE_KINDS`. ``optimizers`` is a SPEC or a list of them (``"adam:lr=0.3"``;
    default: the kind's), ``function`` a built-in name or an expression in x and y (default: the bowl),
    ``start`` a pair or a list of pairs (each start a path of its own), ``steps`` the number of updates
    (default: the kind's; the network's iterations for training and landscape), ``batch`` a minibatch size
    (training and landscape: one, the book's 128 by default; noise: a list of up to four, default 3, 10 and
    100). ``theme`` is light, dark or transparent, ``lang`` en, de or ja, and ``size`` either
    ``"1200x800px"`` (exactly that many pixels at ``dpi``), ``"8x6"`` or ``(8, 6)`` in inches. Bad arguments
    raise :class:`~optim_core.OptvizError` with one line that says what is accepted.
    """
    job = _job(kind, optimizers, function, start, steps, batch, theme, lang, size, dpi)
    validate(job, directory_exists=False)
    with drawn(job, warn=lambda message: None) as fig:  # a diverging path is marked on the figure itself
        _settle(fig, job.theme)
    setattr(fig, _JOB, job)
    return fig


def save(fig: Figure, path: str | Path) -> Path:
    """Write ``fig`` to ``path`` (png, svg, pdf or webp, by its suffix) atomically, creating missing folders as
    ``optviz figure -o`` does: a figure from :func:`figure` gets the bytes the command line writes for the same
    arguments (its theme, size and dpi). Returns the path.
    """
    if not isinstance(fig, Figure):
        raise OptvizError(f"save takes a matplotlib Figure such as figures.figure returns, got {described(fig)}")
    if not isinstance(path, (str, os.PathLike)):
        raise OptvizError(f"path must be a file name such as 'figure.png', got {described(path)}")
    path = Path(path)
    output_format(path)
    check_creatable_parent(path)
    job = getattr(fig, _JOB, None)
    if job is None:  # a figure drawn some other way: the package style, light, at the style's dpi
        with parent_folders(path), output.styled():
            return output.save(fig, path)
    with parent_folders(path), output.styled(job.theme, job.lang):
        return output.save(fig, path, dpi=job.dpi, size=job.pixel_size())


def _settle(fig: Figure, theme: str) -> None:
    """Make ``fig`` draw, anywhere and any number of times, what the command line's single save draws.

    The transparent theme is applied by savefig, so it is set on the figure itself, as savefig sets it. One
    draw inside the style lays the figure out; the layout is then kept, since constrained layout moves the
    axes by a pixel or two on each further draw (an inline display and a later save would differ).
    """
    if theme == "transparent":
        for patch in [fig.patch, *(ax.patch for ax in fig.axes)]:
            patch.set(facecolor="none", edgecolor="none")
    fig.draw_without_rendering()
    fig.set_layout_engine("none")


def _job(kind, optimizers, function, start, steps, batch, theme, lang, size, dpi) -> FigureJob:
    """The request as :class:`FigureJob` holds it, each argument checked for its type (the values are checked
    by :func:`figures.jobs.validate`, as on the command line)."""
    kind = _text("kind", kind, "one of " + ", ".join(FIGURE_KINDS)).lower()
    if kind in KINDS and kind not in FIGURE_KINDS:
        raise OptvizError(
            f"{kind} is written as a file, not drawn as a Figure: optviz figure {kind} -o FILE"
            f" ({', '.join(KINDS[kind].formats)}); the kinds drawn as a Figure are: {', '.join(FIGURE_KINDS)}"
        )
    if kind not in FIGURE_KINDS:
        files = ", ".join(f"optviz figure {name} -o FILE" for name in KINDS if name not in FIGURE_KINDS)
        raise unknown_name("figure kind", kind, FIGURE_KINDS, f"; the animation and the page are files: {files}")
    return FigureJob(
        kind=kind,
        output="figure.png",  # only for validate's check of the format: figure() writes nothing
        functions=() if function is None else (_text("function", function, "a name or an expression in x and y"),),
        optimizers=_specs(optimizers),
        starts=() if start is None else tuple(map(tuple, as_starts(start, None)[0].tolist())),
        steps=None if steps is None else check_steps(steps),
        batches=_batches(batch),
        dpi=_number("dpi", dpi),
        size=size if size is None or isinstance(size, str) else _inches(size),
        theme=_text("theme", theme, "light, dark or transparent"),
        lang=_text("lang", lang, "en, de or ja"),
    )


def _text(name: str, value, accepted: str) -> str:
    if not isinstance(value, str):
        raise OptvizError(f"{name} must be a string ({accepted}), got {described(value)}")
    return value.strip()


def _specs(optimizers) -> tuple[str, ...]:
    if optimizers is None:
        return ()
    specs = (optimizers,) if isinstance(optimizers, str) else optimizers
    accepted = "a SPEC such as 'adam:lr=0.3' or a list of them"
    if not isinstance(specs, Sequence) or not all(isinstance(spec, str) for spec in specs):
        raise OptvizError(f"optimizers must be {accepted} (as optviz figure -O takes), got {described(optimizers)}")
    return tuple(specs)


def _batches(batch) -> tuple[int, ...]:
    """``batch`` as the command line's repeated ``--batch``: one size, or a list of them."""
    if batch is None:
        return ()
    sizes = [batch] if not isinstance(batch, Sequence) or isinstance(batch, str) else list(batch)
    if not sizes or any(isinstance(size, bool) or not isinstance(size, (int, np.integer)) for size in sizes):
        raise OptvizError(f"batch must be a whole number or a list of them (as --batch takes), got {described(batch)}")
    return tuple(int(size) for size in sizes)


def _number(name: str, value) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise OptvizError(f"{name} must be a number, got {described(value)}")
    return float(value)


def _inches(size) -> str:
    """A ``(width, height)`` in inches as the size the command line takes, ``"8x6"``."""
    if isinstance(size, Sequence) and len(size) == 2:
        width, height = (_number("size", side) for side in size)
        return f"{width:g}x{height:g}"
    raise OptvizError(f"size must be '1200x800px', '8x6' or (8, 6) in inches, got {described(size)}")
