"""How paths are named on a picture and in captions, in the reader's language: the rows of a trajectory, their
labels (from :func:`optim_core.series`, with the catalog's words and number format), points and formulas.

No matplotlib here: ``optviz article`` writes its captions with these without drawing anything.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import numpy as np

import optim_core as oc
from catalog import DECIMAL_SEPARATOR, number, superscript, terms, text


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


def separator(lang: str) -> str:
    """What separates numbers in a list: a semicolon where the comma is the decimal mark (German)."""
    return "; " if DECIMAL_SEPARATOR[lang] == "," else ", "


def pair(point, lang: str) -> str:
    """A point as the language writes it: (−7, 2), or (0,5; 1) in German."""
    return "(" + separator(lang).join(number(float(v), lang) for v in point) + ")"


def looks(paths: list[Row], lang: str = "en") -> list[oc.Series]:
    """Label, colour and marker of each path on one picture, in ``lang``."""
    return labelled([p.optimizer for p in paths], [p.start for p in paths], lang)


def labelled(optimizers: list[oc.Optimizer], starts: list[tuple[float, float]], lang: str = "en") -> list[oc.Series]:
    """Label, colour and marker for each (optimizer, start) on one picture, in ``lang``; when the starts differ,
    each label says where its path starts."""
    found = oc.series(optimizers, number=lambda v: number(v, lang), words=terms(lang))
    if len(set(starts)) > 1:
        found = [
            s._replace(label=f"{s.label} {text('from_start', lang, start=pair(start, lang))}")
            for s, start in zip(found, starts, strict=True)
        ]
    return found


def plain_expression(expression: str) -> str:
    """A Python expression as a reader writes it: x² for x**2, a centred dot for *, a real minus sign, π.

    >>> plain_expression("(1 - x)**2 + 100*(y - x**2)**2 + pi")
    '(1 − x)² + 100·(y − x²)² + π'
    """
    expression = re.sub(r"\*\*(\d+)", lambda m: superscript(m[1]), expression)
    return expression.replace("*", "·").replace(" - ", " − ").replace("pi", "π")


def plain_formula(f: oc.Function) -> str:
    """``f(x, y) = x²/20 + y²``: the formula as plain text, for captions and alt text."""
    return "f(x, y) = " + plain_expression(f.expression)
