"""How paths are named on a picture and in captions, in the reader's language: the rows of a trajectory, their
labels (from :func:`optim_core.series`, with the catalog's words and number format), points and formulas.

No matplotlib here: ``optviz article`` writes its captions with these without drawing anything.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import numpy as np

import optim_core as oc
from catalog import DECIMAL_SEPARATOR, MINUS, number, separator, superscript, terms, text


class Row(NamedTuple):
    """One path of a trajectory: a single start's row, which a figure draws as one series."""

    optimizer: oc.Optimizer
    function: oc.Function
    positions: np.ndarray  #: (T+1, 2)
    values: np.ndarray  #: (T+1,)
    diverged_at: int  #: -1 when it never diverged

    @property
    def start(self) -> tuple[float, float]:
        return (float(self.positions[0, 0]), float(self.positions[0, 1]))


def rows(trajectories: list[oc.Trajectory] | oc.Trajectory) -> list[Row]:
    """Every row of ``trajectories``, in order: a batch of B starts gives B rows."""
    if isinstance(trajectories, oc.Trajectory):
        trajectories = [trajectories]
    found = []
    for t in trajectories:
        if t.positions.ndim == 2:
            found.append(Row(t.optimizer, t.function, t.positions, t.values, int(t.diverged_at)))
            continue
        for b in range(t.positions.shape[1]):
            opt = t.optimizer.rows(np.array([b]))
            found.append(Row(opt, t.function, t.positions[:, b], t.values[:, b], int(t.diverged_at[b])))
    return found


def pair(point, lang: str) -> str:
    """A point as the language writes it: (−7, 2), or (0,5; 1) in German."""
    return "(" + separator(lang).join(number(float(v), lang) for v in point) + ")"


def looks(paths: list[Row], lang: str = "en") -> list[oc.Series]:
    """Label, colour, marker and line style of each path on one picture, in ``lang``."""
    return labelled([p.optimizer for p in paths], [p.start for p in paths], lang)


def labelled(optimizers: list[oc.Optimizer], starts: list[tuple[float, float]], lang: str = "en") -> list[oc.Series]:
    """Label, colour, marker and line style for each (optimizer, start) on one picture, in ``lang``: its
    settings in the book's symbols, "SGD (η=0.95)", and, when the starts differ, where its path starts.

    >>> [s.label for s in labelled([oc.get_optimizer("momentum", lr=2.0, momentum=0.95)] * 2, [(-7, 2), (5, -3)], "de")]
    ['Momentum (η=2; α=0,95) ab (−7; 2)', 'Momentum (η=2; α=0,95) ab (5; −3)']
    """
    found = oc.series(optimizers, number=lambda v: number(v, lang), words=terms(lang), separator=separator(lang))
    if len(set(starts)) > 1:
        found = [
            s._replace(label=f"{s.label} {text('from_start', lang, start=pair(start, lang))}")
            for s, start in zip(found, starts, strict=True)
        ]
    return found


def plain_expression(expression: str, lang: str = "en") -> str:
    """A Python expression as a reader writes it: x² for x**2, a centred dot for *, a real minus sign, π, and
    the language's decimal separator.

    >>> plain_expression("(1 - x)**2 + 100*(y - x**2)**2 + pi"), plain_expression("-x**4 + 1.5*exp(-y)", "de")
    ('(1 − x)² + 100·(y − x²)² + π', '−x⁴ + 1,5·exp(−y)')
    """
    expression = re.sub(r"\*\*(\d+)", lambda m: superscript(m[1]), expression)
    expression = expression.replace("**", "^").replace("*", "·").replace("-", MINUS).replace("pi", "π")
    return expression.replace(".", DECIMAL_SEPARATOR[lang])


def plain_formula(f: oc.Function, lang: str = "en") -> str:
    """``f(x, y) = x²/20 + y²``: the formula as plain text, for captions and alt text."""
    return "f(x, y) = " + plain_expression(f.expression, lang)
