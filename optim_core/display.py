r"""How optimizers are shown: names, update rules split into colourable terms, colours and series styles.

Figures, scenes and the explorable page all read these, so that a picture and a video never disagree about
what an optimizer is called or which colour it has. The data is declared beside each optimizer (in
:mod:`optim_core.book`, :mod:`optim_core.torch_like`, :mod:`optim_core.lion`) and may depend on its
hyperparameters: torch's SGD with momentum is shown as "SGD + momentum" with the momentum rule.

Colours come from one colour-blind-safe palette (Okabe and Ito 2008). On one picture no two of the first seven
series share a colour: :func:`series` gives each series its optimizer's colour when that is still free, otherwise
the next free colour of the palette, and a marker of its own. Beyond seven (a table of many runs; figures draw
at most seven), colours are handed out again in a new round, with the markers shifted by one per round.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from ._errors import OptvizError

if TYPE_CHECKING:
    from .optimizer import Optimizer

#: Okabe and Ito's palette without black (invisible on a dark theme), in the order free colours are taken.
PALETTE = ("#D55E00", "#0072B2", "#009E73", "#CC79A7", "#56B4E9", "#E69F00", "#F0E442")
COLOR_NAMES = {
    "vermillion": "#D55E00",
    "blue": "#0072B2",
    "green": "#009E73",
    "purple": "#CC79A7",
    "skyblue": "#56B4E9",
    "orange": "#E69F00",
    "yellow": "#F0E442",
}
#: One marker per series, in order: shapes tell series apart in greyscale print as well.
MARKERS = ("o", "s", "^", "D", "v", "P", "X")
#: The resulting step in vector sketches (αv + (−η∇L)); the parts take Momentum's and SGD's colours.
STEP_COLOR = "#009E73"


class Term(NamedTuple):
    """A piece of an update rule in LaTeX, and the colour it is drawn in (None: the text colour).

    A coloured term is a whole sub-formula (``\\alpha v``), so that it can be isolated and coloured on its own;
    a plain piece may open a brace that a later plain piece closes (``\\frac{`` ... ``}``).
    """

    latex: str
    color: str | None = None


class OptimizerInfo(NamedTuple):
    """How an optimizer is shown."""

    display_name: str
    terms: tuple[Term, ...]  #: the update rule, in the book's symbols (η learning rate, α momentum)
    color: str  #: one colour of :data:`PALETTE`

    @property
    def latex(self) -> str:
        """The whole update rule as one LaTeX string."""
        return " ".join(term.latex for term in self.terms)


def rule(*pieces: str | tuple[str, str]) -> tuple[Term, ...]:
    """Terms from plain LaTeX strings and ``(latex, colour)`` pairs."""
    return tuple(Term(p) if isinstance(p, str) else Term(*p) for p in pieces)


def check_color(value: str) -> str:
    """A palette colour by name or as ``#RRGGBB``."""
    text = str(value).strip().lower()
    if text in COLOR_NAMES:
        return COLOR_NAMES[text]
    if len(text) == 7 and text.startswith("#") and all(c in "0123456789abcdef" for c in text[1:]):
        return text.upper()
    raise OptvizError(f"color {value!r} is not a colour; give #RRGGBB or one of: {', '.join(COLOR_NAMES)}")


class Series(NamedTuple):
    """One optimizer's look on one picture."""

    label: str
    color: str
    marker: str


def _shown(value, number: Callable[[float], str] = "{:g}".format) -> str:
    if isinstance(value, tuple):
        return "/".join(_shown(v, number) for v in value)
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float):
        return number(value)
    return str(value)


def _scalar(opt: Optimizer, name: str) -> bool:
    return name in opt.hyperparams and not isinstance(opt.hyperparams[name], np.ndarray)


def _differing(optimizers: Sequence[Optimizer]) -> list[str]:
    """Hyperparameters that at least two of ``optimizers`` have, with different values (arrays left out)."""
    names: list[str] = []
    for opt in optimizers:
        names.extend(k for k in opt.hyperparams if k not in names)
    differing = []
    for name in names:
        holders = [opt for opt in optimizers if _scalar(opt, name)]
        if len(holders) >= 2 and len({_shown(opt.hyperparams[name]) for opt in holders}) > 1:
            differing.append(name)
    return differing


def series(
    optimizers: Sequence[Optimizer],
    *,
    number: Callable[[float], str] = "{:g}".format,
    words: Mapping[str, str] = MappingProxyType({}),
) -> list[Series]:
    """Label, colour and marker for each optimizer on one picture.

    A label is the display name plus the hyperparameters that differ between the series (always ``lr`` when
    there is a single series, as the book titles its panels), plus the convention when conventions are
    mixed. A SPEC's ``label=`` and ``color=`` win. ``number`` writes a value and ``words`` translates
    display names, hyperparameter and convention names, for labels in another language (figures pass the
    catalog's).

    >>> from optim_core import get_optimizer
    >>> [s.label for s in series([get_optimizer("sgd", lr=0.1), get_optimizer("sgd", lr=0.95)])]
    ['SGD (lr=0.1)', 'SGD (lr=0.95)']
    >>> len({s.color for s in series([get_optimizer("sgd", lr=v) for v in (0.1, 0.5, 0.95)])})
    3
    """
    differing = _differing(optimizers) if len(optimizers) > 1 else [k for k in ("lr",) if _scalar(optimizers[0], k)]
    mixed = len({opt.convention for opt in optimizers}) > 1
    labels = []
    for opt in optimizers:
        if "label" in opt.style:
            labels.append(opt.style["label"])
            continue
        shown = [f"{words.get(k, k)}={_shown(opt.hyperparams[k], number)}" for k in differing if k in opt.hyperparams]
        if mixed:
            shown.append(words.get(opt.convention, opt.convention))
        name = words.get(opt.info.display_name, opt.info.display_name)
        labels.append(name + (f" ({', '.join(shown)})" if shown else ""))
    fixed = {opt.style["color"] for opt in optimizers if "color" in opt.style}
    taken, colors = set(fixed), []
    for opt in optimizers:
        if "color" in opt.style:
            colors.append(opt.style["color"])
            continue
        if taken >= set(PALETTE):  # every colour is in use: a new round
            taken = set(fixed) if not fixed >= set(PALETTE) else set()
        color = opt.info.color if opt.info.color not in taken else next(c for c in PALETTE if c not in taken)
        taken.add(color)
        colors.append(color)
    rounds = len(PALETTE)
    return [
        Series(lab, col, MARKERS[(i + i // rounds) % len(MARKERS)])
        for i, (lab, col) in enumerate(zip(labels, colors, strict=True))
    ]


def style_of(spec_style: Mapping[str, str]) -> dict[str, str]:
    """A SPEC's presentation keys, checked: ``label`` (any text) and ``color`` (see :func:`check_color`)."""
    style = dict(spec_style)
    if "color" in style:
        style["color"] = check_color(style["color"])
    if "label" in style and not style["label"].strip():
        raise OptvizError("label must not be empty")
    return style
