"""The explorable page: one self-contained HTML file where readers move the learning rate, momentum and, on
the bowl, the batch size.

Python computes, the page draws. :mod:`figures.explore.data` runs every setting the sliders can reach
through optim_core and packs the results as base64 float32; ``page.html``, ``page.css`` and ``page.js``
(beside this file) are the viewer, which only decodes, indexes and draws. Nothing is loaded from the network,
so the file opens from disk and embeds in a post with an ``<iframe>``.
"""

from __future__ import annotations

import json
from pathlib import Path

import optim_core as oc
from catalog import DECIMAL_SEPARATOR, FONTS, MESSAGES, check_language, grouped, number, text
from optim_core import minibatch

from .._atomic import write_text
from .._checks import check_writable_parent, output_format
from ..labels import plain_expression, separator
from . import data

HERE = Path(__file__).parent
#: The most a page may weigh: the issue's budget for the default page, and a limit for any other.
MAX_PAGE_BYTES = 3_000_000
THEMES = {
    # the part of viridis the contour lines use (the dark end vanishes on a dark page), diverged cells
    "light": {"cmap_range": (0.0, 0.85), "diverged": "#f1d3cf"},
    "dark": {"cmap_range": (0.35, 1.0), "diverged": "#5a2f2a"},
}
#: Messages the page fills in itself (a step number, a formatted coordinate): sent as raw templates.
PAGE_MESSAGES = (
    "explore_title",
    "explore_intro",
    "explore_function",
    "explore_start",
    "explore_optimizer",
    "explore_beta1",
    "explore_batch",
    "step",
    "explore_play",
    "explore_pause",
    "explore_path_view",
    "explore_path_legend",
    "loss_title",
    "explore_rate_title",
    "explore_rate_other",
    "explore_rate_none",
    "explore_rate_value",
    "explore_rate_neutral",
    "explore_rate_diverges",
    "explore_readout",
    "explore_settled",
    "explore_keys",
    "explore_noisy_readout",
    "explore_noisy_leaves",
    "diverged",
    "leaves",
)
#: How the page writes each second hyperparameter in a value ("α = 0.9").
SYMBOLS = {"momentum": "α", "beta1": "β1"}
#: What separates the items of a list whose items hold commas of their own.
ITEM_SEPARATOR = {"en": "; ", "de": "; ", "ja": "、"}
#: What separates two sentences: Japanese sets none after its full stop.
SENTENCE_SEPARATOR = {"en": " ", "de": " ", "ja": ""}


#: The figures' axis labels ("learning rate η"), which the page also uses as control labels, capitalised.
AXIS_LABELS = ("learning_rate", "momentum", "step")


def _capitalised(label: str) -> str:
    return label[:1].upper() + label[1:]


def check_functions(functions: tuple[str, ...]) -> tuple[str, ...]:
    """The functions to offer: ``functions``, or the default set when empty, each known and given once."""
    names = tuple(name.strip().lower() for name in functions) or data.DEFAULT_FUNCTIONS
    for name in names:
        if name not in data.SETUPS:
            raise oc.OptvizError(f"unknown function {name!r} for the explorable page (valid: {', '.join(data.SETUPS)})")
    if len(set(names)) != len(names):
        raise oc.OptvizError(f"each function may be given once, got {', '.join(names)}")
    return names


def check_theme(theme: str) -> str:
    if theme not in THEMES:
        raise oc.OptvizError(f"unknown theme {theme!r} for the explorable page (valid: {', '.join(THEMES)})")
    return theme


def _colormap(theme: str):
    from matplotlib import colormaps
    from matplotlib.colors import to_hex

    low, high = THEMES[theme]["cmap_range"]

    def colors(count: int) -> list[str]:
        return [to_hex(colormaps["viridis"](low + (high - low) * i / max(count - 1, 1))) for i in range(count)]

    return colors


def _rate_colors() -> str:
    """256 RGB colours, fastest rate first (viridis reversed, as in the sweep figure), packed as bytes."""
    import numpy as np
    from matplotlib import colormaps

    rgb = (colormaps["viridis_r"](np.linspace(0, 1, 256))[:, :3] * 255).round()
    return data.pack(rgb, "u1")


def _point(point, lang: str) -> str:
    return "(" + separator(lang).join(data.shown(v, lang) for v in point) + ")"


def _set(values, lang: str) -> str:
    """A set as the language writes it: {0, 0.5} in English and Japanese, {0; 0,5} in German."""
    return "{" + separator(lang).join(number(v, lang) for v in values) + "}"


def _grid_sentence(function: dict, lang: str) -> str:
    lrs = function["lr"]
    rows_per_lr = sum(len(data.SECOND[o][1]) if o in data.SECOND else 1 for o in data.OPTIMIZERS)
    return text(
        "explore_grid",
        lang,
        runs=grouped(len(lrs) * rows_per_lr * len(function["starts"]), lang),
        lrs=len(lrs),
        low=number(lrs[0], lang),
        high=number(lrs[-1], lang),
        momenta=_set(data.MOMENTA, lang),
        betas=_set(data.SECOND["adam"][1], lang),
        starts=len(function["starts"]),
        steps=function["steps"],
    )


def _noisy_settings(function: dict, lang: str) -> str:
    """The settings that have minibatch paths, in words: each optimizer, its rates and its second hyperparameter."""
    lrs = function["lr"]
    items = []
    for name, rows in function["noisy"]["optimizers"].items():
        words = {
            "optimizer": oc.INFO[name].display_name,
            "low": number(lrs[rows["lrs"][0]], lang),
            "high": number(lrs[rows["lrs"][-1]], lang),
        }
        if name in data.SECOND:
            key = data.SECOND[name][0]
            words |= {"symbol": SYMBOLS[key], "value": number(oc.defaults(name)[key], lang)}
            items.append(text("explore_noisy_setting_second", lang, **words))
        else:
            items.append(text("explore_noisy_setting", lang, **words))
    return ITEM_SEPARATOR[lang].join(items)


def _noisy_words(function: dict, lang: str) -> None:
    """The bowl's sentences about its minibatch paths: what the batch slider does, which settings have them
    (when the slider is disabled, and in the grid sentence)."""
    noisy = function["noisy"]
    size, start = grouped(noisy["size"], lang), _point(function["starts"][0], lang)
    settings = _noisy_settings(function, lang)
    function["batch_note"] = text("explore_batch_note", lang, size=size, runs=noisy["runs"])
    noisy["missing"] = text("explore_batch_missing", lang, start=start, settings=settings)
    paths = sum(len(rows["lrs"]) for rows in noisy["optimizers"].values()) * len(noisy["batches"]) * noisy["runs"]
    function["grid_text"] += SENTENCE_SEPARATOR[lang] + text(
        "explore_grid_noisy",
        lang,
        seed=noisy["seed"],
        runs=noisy["runs"],
        batches=_set(noisy["batches"], lang),
        size=size,
        start=start,
        settings=settings,
        paths=grouped(paths, lang),
    )


def payload(functions: tuple[str, ...], lang: str, theme: str) -> dict:
    """Everything the page shows, computed by optim_core and worded by the catalog."""
    colors = _colormap(theme)
    page_functions = []
    for name in functions:
        function = data.function_data(name, lang, colors)
        function["label"] = f"{text('explore_' + name, lang)}: {plain_expression(function.pop('expression'))}"
        function["start_labels"] = [_point(s, lang) for s in function["starts"]]
        if name == "bowl":  # the book's start, (-7, 2), is the bowl's own
            function["start_labels"][0] = text("explore_book_start", lang, point=function["start_labels"][0])
        function["lr_text"] = [number(v, lang) for v in function["lr"]]
        function["grid_text"] = _grid_sentence(function, lang)
        if "noisy" in function:
            _noisy_words(function, lang)
        else:
            function["batch_note"] = text("explore_batch_none", lang, size=grouped(minibatch.SIZE, lang))
        page_functions.append(function)
    optimizers = []
    for name in data.OPTIMIZERS:
        info = oc.INFO[name]
        entry = {"name": name, "label": info.display_name, "color": info.color, "second": None}
        if name in data.SECOND:
            key, values = data.SECOND[name]
            entry["second"] = {
                "key": key,
                "symbol": SYMBOLS[key],
                "values": list(values),
                "text": [number(v, lang) for v in values],
                "default": values.index(oc.defaults(name)[key]),
            }
        optimizers.append(entry)
    return {
        "lang": lang,
        "decimal": DECIMAL_SEPARATOR[lang],
        "messages": {key: MESSAGES[key][lang] for key in PAGE_MESSAGES}
        | {f"{key}_label": _capitalised(MESSAGES[key][lang]) for key in AXIS_LABELS},
        "optimizers": optimizers,
        "default_optimizer": "momentum",
        "book_lr": oc.BOOK_COMPARISON,
        "functions": page_functions,
        "batch": {
            "values": [*data.NOISY_BATCHES, minibatch.SIZE],
            "text": [f"B = {grouped(b, lang)}" for b in data.NOISY_BATCHES]
            + [text("explore_batch_full", lang, size=grouped(minibatch.SIZE, lang))],
        },
        "rate_colors": _rate_colors(),
        "diverged_color": THEMES[theme]["diverged"],
    }


def page(functions: tuple[str, ...], lang: str, theme: str) -> str:
    """The whole page as one string: template, style, script and data."""
    # In a <script> element "</" would end it early; JSON allows "<\/" in its place.
    embedded = json.dumps(payload(functions, lang, theme), ensure_ascii=False, separators=(",", ":"))
    embedded = embedded.replace("</", "<\\/")
    html = (HERE / "page.html").read_text(encoding="utf-8")
    replacements = {
        "{{lang}}": lang,
        "{{theme}}": theme,
        "{{title}}": text("explore_title", lang),
        "{{font}}": FONTS[lang],
        "/*{{css}}*/": (HERE / "page.css").read_text(encoding="utf-8"),
        "/*{{js}}*/": (HERE / "page.js").read_text(encoding="utf-8"),
        "{{data}}": embedded,
    }
    for marker, value in replacements.items():
        html = html.replace(marker, value)
    return html


def write_explore(output: Path, *, functions: tuple[str, ...] = (), lang: str = "en", theme: str = "light") -> Path:
    """Write the explorable page to ``output`` (``.html``) and return its path.

    Everything is checked before anything is computed, and the page's size before anything is written:
    bad input raises :class:`optim_core.OptvizError` with one line, and leaves the disk as it was.
    """
    output = Path(output)
    names = check_functions(tuple(functions))
    check_language(lang)
    check_theme(theme)
    output_format(output, ("html",))
    if output.is_dir():
        raise oc.OptvizError(f"output {str(output)!r} is a directory; give a file name ending in .html")
    check_writable_parent(output)
    html = page(names, lang, theme)
    size = len(html.encode("utf-8"))
    if size > MAX_PAGE_BYTES:
        raise oc.OptvizError(
            f"a page with {', '.join(names)} would weigh {size / 1e6:.2f} MB, over the limit of"
            f" {MAX_PAGE_BYTES / 1e6:g} MB; choose fewer functions (the default three fit)"
        )
    write_text(output, html)
    return output
