"""The one way figures reach disk: themed, deterministic to the byte, and atomic."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import matplotlib as mpl
import matplotlib.style
import numpy as np
from matplotlib.colors import ListedColormap

from catalog import FONTS, check_language
from optim_core import OptvizError
from optim_core.spec import Size

from ._atomic import atomic_path
from ._checks import check_theme, check_writable_parent, output_format

STYLE = Path(__file__).with_name("styles") / "optviz.mplstyle"
#: Viridis without its darkest third: on the dark background the innermost contour lines, which ring the
#: minimum, would otherwise be dark purple on near-black and vanish (worst on a projector).
DARK_CMAP = "optviz_viridis_dark"
if DARK_CMAP not in mpl.colormaps:
    mpl.colormaps.register(ListedColormap(mpl.colormaps["viridis"](np.linspace(0.3, 1.0, 256)), name=DARK_CMAP))
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
        "image.cmap": DARK_CMAP,
    },
    "transparent": {"savefig.transparent": True},
}
#: What matplotlib stamps into files unless told not to: dates and software versions.
_METADATA = {
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": None},
    "pdf": {"CreationDate": None, "ModDate": None, "Creator": None, "Producer": None},
}
#: More distinct colours than this make a picture shaded rather than flat (the surface has 27,000, a contour
#: plot 3,000-4,000): its PNG is dithered, since 256 flat colours would show as bands (89 KB against 67 KB).
GRADIENT_COLOURS = 8192
#: Raster formats go through Pillow: a PNG is quantised to 256 colours without dithering (a figure's flat
#: colours survive; the file is a quarter of matplotlib's RGBA PNG), WebP is lossless. Both are deterministic.
#: zlib level 6 rather than 9: 5 % larger PNGs, written eight times faster (12 ms against 95 ms for compare).
_RASTER = {"png": {"compress_level": 6}, "webp": {"lossless": True, "quality": 100, "method": 4}}


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
    return {"font.family": [FONTS[lang], "DejaVu Sans", "sans-serif"]}


@contextlib.contextmanager
def styled(theme: str = "light", lang: str = "en"):
    """The package style sheet, a theme and the language's font, for drawing and saving alike."""
    with (
        matplotlib.style.context(STYLE),
        mpl.rc_context({**THEMES[check_theme(theme)], **font_rc(check_language(lang))}),
    ):
        yield


def save(fig, path: Path, *, dpi: float | None = None, size: Size | None = None) -> Path:
    """Write ``fig`` to ``path`` (format from the suffix) atomically, with the same bytes for the same figure.

    With a ``size`` in pixels the picture has exactly that many (an SVG says so in its width and height).
    Call it inside the same :func:`styled` context the figure was drawn in, so that the theme's
    background applies.
    """
    path = Path(path)
    fmt = output_format(path)
    check_writable_parent(path)
    dpi = dpi or mpl.rcParams["savefig.dpi"]
    if size is not None:
        fig.set_size_inches(size.inches(dpi))
    with mpl.rc_context({"svg.hashsalt": "optviz", "pdf.compression": 6}), atomic_path(path) as temporary:
        if fmt in _RASTER:
            _raster(fig, dpi, quantised=fmt == "png").save(temporary, format=fmt, **_RASTER[fmt])
        elif fmt == "svg" and size is not None and size.unit == "px":
            buffer = io.StringIO()
            fig.savefig(buffer, format=fmt, dpi=dpi, metadata=_METADATA[fmt])
            temporary.write_text(_svg_in_pixels(buffer.getvalue(), size), encoding="utf-8")
        else:
            fig.savefig(temporary, format=fmt, dpi=dpi, metadata=_METADATA[fmt])
    return path


def _raster(fig, dpi: float, *, quantised: bool):
    """The figure as a Pillow image, with alpha only when the figure has any, ``quantised`` to a 256-colour
    palette.

    An opaque figure is drawn once on an Agg canvas. ``savefig`` would draw it twice when a layout engine is
    set (once without rendering, to lay it out), which costs a third of a figure's time; the themes give
    the figure the background savefig would. A transparent one goes through savefig, which clears every
    background.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image

    if mpl.rcParams["savefig.transparent"]:
        buffer = io.BytesIO()
        fig.savefig(buffer, format="raw", dpi=dpi)
        width = int(fig.get_figwidth() * dpi)
        image = Image.frombuffer("RGBA", (width, len(buffer.getvalue()) // (4 * width)), buffer.getvalue())
    else:
        fig.set_dpi(dpi)
        canvas = FigureCanvasAgg(fig)
        canvas.draw()
        image = Image.fromarray(np.asarray(canvas.buffer_rgba())).convert("RGB")
    if image.mode == "RGBA" and image.getextrema()[3][0] == 255:
        image = image.convert("RGB")
    if not quantised:
        return image
    paletted = image.quantize(256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    if image.mode == "RGB":
        _exact_background(paletted, fig)
        if image.getcolors(GRADIENT_COLOURS) is None:  # shaded, like the 3-D surface: dither, or it bands
            paletted = image.quantize(palette=paletted, dither=Image.Dither.FLOYDSTEINBERG)
    return paletted


def _exact_background(paletted, fig) -> None:
    """Give the palette the figure's exact background colour. The octree averages white with the
    anti-aliased pixels next to it, so a light figure came out (254, 254, 254): a faint box on a white page.
    The palette entry nearest the background is moved onto it, when it is within a few levels."""
    background = np.array([round(255 * c) for c in fig.get_facecolor()[:3]])
    palette = np.array(paletted.getpalette()[: 3 * 256]).reshape(-1, 3)
    nearest = int(np.abs(palette - background).max(axis=1).argmin())
    if np.abs(palette[nearest] - background).max() <= 4:
        palette[nearest] = background
        paletted.putpalette(palette.ravel().tolist())


def _svg_in_pixels(svg: str, size: Size) -> str:
    """The root's width and height in pixels; the viewBox keeps matplotlib's points, so the drawing scales."""
    head, tail = svg.split("<svg ", 1)
    tail = re.sub(
        r'width="[0-9.]+pt" height="[0-9.]+pt"', f'width="{size.width:g}px" height="{size.height:g}px"', tail, count=1
    )
    return f"{head}<svg {tail}"
