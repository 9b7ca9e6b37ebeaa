r"""How optimizers are shown: names, update rules split into colourable terms, colours and series styles.

Figures, scenes and the explorable page all read these, so that a picture and a video never disagree about
what an optimizer is called or which colour it has. The data is declared beside each optimizer (in
:mod:`optim_core.book`, :mod:`optim_core.torch_like`, :mod:`optim_core.lion`) and may depend on its
hyperparameters: torch's SGD with momentum is shown as "SGD + momentum" with the momentum rule.

Colour belongs to the optimizer: SGD is vermillion on every picture, whatever else is drawn beside it. The
colours come from one colour-blind-safe palette (Okabe and Ito 2008), with one violet added for Lion. What
tells the series of one colour apart (an optimizer from two starts, or at two settings) is the line: solid,
dashed, dotted, ... in turn. Every series on a picture also has a marker of its own, so that a greyscale
print tells all of them apart. Labels name the settings in the book's symbols (η, α, β1, ...).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from ._errors import OptvizError

if TYPE_CHECKING:
    from .optimizer import Optimizer

#: Okabe and Ito's palette without black (invisible on a dark theme), then Lion's violet. The violet is at least as
#: far from each of the seven, under simulated protanopia, deuteranopia and tritanopia, as they are from each
#: other, and keeps 3:1 contrast on the light and on the dark background (tests/test_display.py measures both).
PALETTE = ("#D55E00", "#0072B2", "#009E73", "#CC79A7", "#56B4E9", "#E69F00", "#F0E442", "#7B3FE4")
COLOR_NAMES = {
    "vermillion": "#D55E00",
    "blue": "#0072B2",
    "green": "#009E73",
    "purple": "#CC79A7",
    "skyblue": "#56B4E9",
    "orange": "#E69F00",
    "yellow": "#F0E442",
    "violet": "#7B3FE4",
}
#: One marker per series on a picture, in order: shapes tell series apart in greyscale print as well.
MARKERS = ("o", "s", "^", "D", "v", "P", "X")
#: The lines that tell apart the series of one colour (one optimizer from several starts or at several
#: settings), in order: matplotlib line styles (a dash pattern is ``(offset, (on, off, ...))`` in line widths).
LINESTYLES = (
    "-",
    (0, (5, 2)),
    (0, (1, 1.5)),
    (0, (6, 2, 1, 2)),
    (0, (9, 3)),
    (0, (3, 1.5, 1, 1.5, 1, 1.5)),
    (0, (2, 4)),
)
#: The book's symbols for hyperparameters, as its rules write them: η the learning rate, α Momentum's
#: momentum, β1 and β2 Adam's decay rates (digits, not subscripts: the Japanese font has no ₁, and a title
#: with a formula in it has no fallback font), ρ RMSprop's (torch calls it alpha) and Adadelta's. A name
#: without a symbol (a switch such as ``maximize``) is written as a word, which ``series`` may translate.
SYMBOLS = {
    "lr": "η",
    "momentum": "α",
    "beta1": "β1",
    "beta2": "β2",
    "decay_rate": "ρ",
    "alpha": "ρ",
    "rho": "ρ",
    "eps": "ε",
    "weight_decay": "λ",
    "dampening": "τ",
    "lr_decay": "δ",
    "momentum_decay": "ψ",
}
#: Hyperparameters that hold a pair, and the names of its parts (which have symbols of their own).
PAIRS = {"betas": ("beta1", "beta2")}
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
    linestyle: str | tuple = "-"  #: see :data:`LINESTYLES`


def _shown(value, number: Callable[[float], str] = "{:g}".format) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float):
        return number(value)
    return str(value)


def _settings(opt: Optimizer) -> dict[str, object]:
    """``opt``'s scalar hyperparameters, pairs split into their parts (arrays, one value per row, left out)."""
    found: dict[str, object] = {}
    for name, value in opt.hyperparams.items():
        parts = zip(PAIRS[name], value, strict=True) if name in PAIRS and isinstance(value, tuple) else [(name, value)]
        found.update((part, v) for part, v in parts if not isinstance(v, np.ndarray))
    return found


def _defaults(opt: Optimizer) -> dict[str, object]:
    from .optimizer import defaults

    return _settings(opt._replace(hyperparams=defaults(opt.name, opt.convention)))


def _named_by_switch(opt: Optimizer, name: str, default: object) -> bool:
    """Whether a switch that is on already shows in the display name ("centered RMSprop", "Adam + AMSGrad")."""
    from .optimizer import get_optimizer

    plain = get_optimizer(opt.name, convention=opt.convention, **{**opt.hyperparams, name: default})
    return plain.info.display_name != opt.info.display_name


def _to_show(optimizers: Sequence[Optimizer]) -> list[str]:
    """The settings a picture of ``optimizers`` names: the learning rate always, and every other setting that is
    not its default in some series or that differs between them (then for every series that has it). A switch
    that the display name already states is left out."""
    settings = [_settings(opt) for opt in optimizers]
    names, stated = ["lr"], set()
    for opt, own in zip(optimizers, settings, strict=True):
        defaults = _defaults(opt)
        for name, value in own.items():
            if name in names or value == defaults.get(name):
                continue
            if isinstance(value, bool) and _named_by_switch(opt, name, defaults.get(name)):
                stated.add(name)
            else:
                names.append(name)
    for name in sorted({name for own in settings for name in own} - set(names) - stated):
        if len({_shown(own[name]) for own in settings if name in own}) > 1:
            names.append(name)
    return names


def series(
    optimizers: Sequence[Optimizer],
    *,
    number: Callable[[float], str] = "{:g}".format,
    words: Mapping[str, str] = MappingProxyType({}),
    separator: str = ", ",
) -> list[Series]:
    """Label, colour, marker and line style for each optimizer on one picture.

    A label is the display name plus its settings in the book's symbols (:data:`SYMBOLS`): the learning rate
    always, as the book titles its panels, and any other setting that is not its default somewhere on the
    picture or that differs between the series; a switch is named when it is on and the display name does not
    already say so; plus the convention when conventions are mixed. The colour is the optimizer's own. The
    series of one colour are told apart by line style (:data:`LINESTYLES`, in order), and every series has a
    marker of its own (:data:`MARKERS`, in order). A SPEC's ``label=`` and ``color=`` win. ``number`` writes
    a value, ``separator`` goes between settings (a German list takes "; "), and ``words`` names what has no
    symbol, translates display names and convention names, and may rename a symbol.

    >>> from optim_core import get_optimizer
    >>> [s.label for s in series([get_optimizer("sgd", lr=0.1), get_optimizer("momentum", lr=0.1, momentum=0.5)])]
    ['SGD (η=0.1)', 'Momentum (η=0.1, α=0.5)']
    >>> [(s.color, s.linestyle) for s in series([get_optimizer("sgd", lr=v) for v in (0.1, 0.95)])]
    [('#D55E00', '-'), ('#D55E00', (0, (5, 2)))]
    """
    names = _to_show(optimizers)
    mixed = len({opt.convention for opt in optimizers}) > 1
    found, variants = [], {}
    for index, opt in enumerate(optimizers):
        color = opt.style.get("color", opt.info.color)
        variant = variants[color] = variants.get(color, -1) + 1
        look = Series(_label(opt, names, mixed, number, words, separator), color, MARKERS[index % len(MARKERS)])
        found.append(look._replace(linestyle=LINESTYLES[variant % len(LINESTYLES)]))
    return found


def _label(opt: Optimizer, names: list[str], mixed: bool, number, words: Mapping[str, str], separator: str) -> str:
    if "label" in opt.style:
        return opt.style["label"]
    own = _settings(opt)
    shown = []
    for name in (n for n in names if n in own):
        value = own[name]
        word = words.get(name) or SYMBOLS.get(name) or name.replace("_", " ")
        shown.append((word if value is True else "") if isinstance(value, bool) else f"{word}={_shown(value, number)}")
    if mixed:
        shown.append(words.get(opt.convention, opt.convention))
    shown = [item for item in shown if item]
    name = words.get(opt.info.display_name, opt.info.display_name)
    return name + (f" ({separator.join(shown)})" if shown else "")


def style_of(spec_style: Mapping[str, str]) -> dict[str, str]:
    """A SPEC's presentation keys, checked: ``label`` (any text) and ``color`` (see :func:`check_color`)."""
    style = dict(spec_style)
    if "color" in style:
        style["color"] = check_color(style["color"])
    if "label" in style and not style["label"].strip():
        raise OptvizError("label must not be empty")
    return style
