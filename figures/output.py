"""The one way figures reach disk: themed, deterministic to the byte, and atomic."""

from __future__ import annotations

import contextlib
from pathlib import Path

import matplotlib as mpl
import matplotlib.style

from catalog import FONTS, check_language
from optim_core import OptvizError

from ._atomic import atomic_path
from ._checks import check_theme, check_writable_parent, output_format

STYLE = Path(__file__).with_name("styles") / "optviz.mplstyle"
THEMES = {
    "light": {},
    "dark": {
        "figure.facecolor": "#16181d",
        "axes.facecolor": "#16181d",
        "savefig.facecolor": "#16181d",
        "text.color": "#e8e8e8",
        "axes.labelcolor": "#e8e8e8",
        "axes.edgecolor": "#9a9a9a",
        "xtick.color": "#c8c8c8",
        "ytick.color": "#c8c8c8",
        "legend.labelcolor": "#e8e8e8",
        "legend.facecolor": "#16181d",
        "legend.edgecolor": "#555555",
    },
    "transparent": {"savefig.transparent": True},
}
#: What matplotlib stamps into files unless told not to: dates and software versions.
_METADATA = {
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": None},
    "pdf": {"CreationDate": None, "ModDate": None, "Creator": None, "Producer": None},
}


def font_rc(lang: str) -> dict:
    """rcParams for ``lang``: Japanese needs a CJK font, and says clearly when it is missing."""
    if lang != "ja":
        return {}
    from matplotlib import font_manager

    names = {font.name for font in font_manager.fontManager.ttflist}
    if FONTS[lang] not in names:
        raise OptvizError(
            f"--lang ja needs the font {FONTS[lang]!r}; install Debian's fonts-noto-cjk (scripts/bootstrap.sh does)"
        )
    return {"font.family": [FONTS[lang], "DejaVu Sans"]}


@contextlib.contextmanager
def styled(theme: str = "light", lang: str = "en"):
    """The package style sheet, a theme and the language's font, for drawing and saving alike."""
    with (
        matplotlib.style.context(STYLE),
        mpl.rc_context({**THEMES[check_theme(theme)], **font_rc(check_language(lang))}),
    ):
        yield


def save(fig, path: Path, *, dpi: float | None = None) -> Path:
    """Write ``fig`` to ``path`` (format from the suffix) atomically, with the same bytes for the same figure.

    Call it inside the same :func:`styled` context the figure was drawn in, so that the theme's
    background applies.
    """
    path = Path(path)
    fmt = output_format(path)
    check_writable_parent(path)
    with mpl.rc_context({"svg.hashsalt": "optviz", "pdf.compression": 6}), atomic_path(path) as temporary:
        fig.savefig(temporary, format=fmt, dpi=dpi, metadata=_METADATA[fmt])
    return path
