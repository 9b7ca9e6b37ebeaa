"""figures: optviz's matplotlib figures, the explorable page and the ``optviz`` command line.

From Python, one call draws a figure as ``optviz figure`` does and one call writes it::

    import figures
    fig = figures.figure("overlay", ["sgd", "momentum"], start=[(-7, 2), (5, -3)], lang="de", theme="dark")
    figures.save(fig, "overlay.png")  # atomic; the command line's bytes for the same arguments

:func:`figure` and :func:`save` live in :mod:`figures.api`, imported on first use so that ``optviz --help``
stays instant. Underneath, :mod:`figures.plots` draws into given Axes and builds unstyled Figures.
"""

_API = ("FIGURE_KINDS", "figure", "save")
__all__ = list(_API)


def __getattr__(name: str):
    if name in _API:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_API})
