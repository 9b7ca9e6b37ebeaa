"""How the network chapter's figures and captions name what they show: each optimizer's look (its own colour, the
book's Figure 6-9 marker), percentages, and the values of each kind's caption and alt text.

No matplotlib here, as in :mod:`figures.labels`: ``optviz article`` writes its captions without drawing.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

import optim_core as oc
from catalog import grouped, number, terms, text
from optim_core.minibatch import MinibatchRun
from optim_core.network import TEST_SIZE, Chapter

from .labels import labelled, pair, plain_formula, separator

#: Figure 6-9's markers (``ch06/optimizer_compare_mnist.py``); any other optimizer keeps its series marker.
BOOK_MARKERS = {"sgd": "o", "momentum": "x", "adagrad": "s", "adam": "D"}
#: scikit-learn's bundled digits, training and test pictures together (optim_core.network.load_digits; a test
#: holds the two equal): named here so that a caption is written without loading them.
DIGITS = 1797


def chapter_looks(optimizers: Sequence[oc.Optimizer], lang: str) -> list[oc.Series]:
    """Label, colour and marker of each optimizer in the network's pictures: its own colour, the book's marker.

    >>> [(look.label, look.marker) for look in chapter_looks([oc.get_optimizer("momentum")], "de")]
    [('Momentum (η=0,01)', 'x')]
    """
    found = oc.series(list(optimizers), number=lambda v: number(v, lang), words=terms(lang), separator=separator(lang))
    return [
        look._replace(marker=BOOK_MARKERS.get(opt.name, look.marker))
        for opt, look in zip(optimizers, found, strict=True)
    ]


def percent(fraction: float, lang: str, digits: int = 0) -> str:
    """A fraction as a percentage, as the language writes it.

    >>> percent(0.887, "en"), percent(0.9861, "de", 1)
    ('89%', '98,6\\xa0%')
    """
    return text("percent", lang, value=number(100 * fraction, lang, f".{digits}f"))


def shares(explained: Sequence[float], lang: str) -> tuple[str, str, str]:
    """What the plane holds of the paths' squared distance from the start, in all and along each direction, as
    percentages whose parts add up to the total as written: whole percents where their rounding does, else one
    decimal, with the total written as the sum of the parts (at most 0.1 points from the exact one).

    >>> shares([0.7438, 0.1471], "en"), shares([0.8256, 0.1085], "de")
    (('89%', '74%', '15%'), ('93,4\xa0%', '82,6\xa0%', '10,8\xa0%'))
    """
    parts = [100 * float(share) for share in explained]
    digits = 0 if sum(round(part) for part in parts) == round(sum(parts)) else 1
    written = [round(part, digits) for part in parts]
    return tuple(percent(value / 100, lang, digits) for value in (sum(written), *written))


def _names(optimizers: Sequence[oc.Optimizer], lang: str) -> str:
    return separator(lang).join(look.label for look in chapter_looks(optimizers, lang))


def _each(optimizers: Sequence[oc.Optimizer], values: list[str], lang: str) -> str:
    """``SGD 0.036, Momentum 0.0011``: a value per optimizer, separated as the language separates numbers, each
    named by its display name (by its whole label where two share one)."""
    words = terms(lang)
    names = [words.get(opt.info.display_name, opt.info.display_name) for opt in optimizers]
    if len(set(names)) < len(names):
        names = [look.label for look in chapter_looks(optimizers, lang)]
    return separator(lang).join(f"{name} {value}" for name, value in zip(names, values, strict=True))


def training_values(book: Chapter, lang: str) -> dict:
    """The values of ``caption_training`` and ``alt_training``: the optimizers, the run, and where each ends."""
    return {
        "names": _names(book.optimizers, lang),
        "digits": grouped(DIGITS, lang),
        "iterations": grouped(book.iterations, lang),
        "batch": grouped(book.batch, lang),
        "test": grouped(TEST_SIZE, lang),
        "every": int(book.accuracy_at[1]),
        "losses": _each(book.optimizers, _at_end(book, book.smoothed[:, -1], lang, ".2g"), lang),
        "accuracies": _each(book.optimizers, _at_end(book, book.test_accuracy[:, -1], lang), lang),
    }


def _at_end(book: Chapter, values, lang: str, digits: str | None = None) -> list[str]:
    """Each optimizer's last value (a number in ``digits``, else a percentage), or that it diverged."""
    written = [number(float(v), lang, digits) if digits else percent(float(v), lang, 1) for v in values]
    diverged = text("diverged_cells", lang)
    return [diverged if at >= 0 else value for value, at in zip(written, book.diverged_at, strict=True)]


def diverged_notes(book: Chapter, lang: str) -> list[tuple[int, str]]:
    """For each optimizer whose network diverged: its index and the note its figures write."""
    looks = chapter_looks(book.optimizers, lang)
    return [
        (index, text("net_diverged", lang, name=looks[index].label, iteration=grouped(int(at), lang)))
        for index, at in enumerate(book.diverged_at)
        if at >= 0
    ]


def landscape_values(book: Chapter, lang: str) -> dict:
    """The values of ``caption_landscape`` and ``alt_landscape``: how much of the paths the plane holds, how far
    the last weights lie off it, and the range of the loss drawn."""
    plane = book.landscape
    last_off_plane = [float(row[~np.isnan(row)][-1]) for row in plane.off_plane]  # where each path ends
    share, first, second = shares(plane.explained, lang)
    return {
        "names": _names(book.optimizers, lang),
        "share": share,
        "first": first,
        "second": second,
        "low": percent(min(last_off_plane), lang),
        "high": percent(max(last_off_plane), lang),
        "lowest": number(plane.positive_range[0], lang, ".2g"),
        "highest": number(plane.positive_range[1], lang, ".2g"),
    }


def noise_values(noisy: list[MinibatchRun], lang: str) -> dict:
    """The values of ``caption_noise`` and ``alt_noise``: the optimizer, its start, the data and the batches."""
    first = noisy[0]
    start = tuple(float(v) for v in first.positions[0, 0])
    [look] = labelled([first.optimizer], [start], lang)
    size = grouped(first.data.size, lang)
    return {
        "name": look.label,
        "start": pair(start, lang),
        "function": plain_formula(first.data.function, lang),
        "size": size,
        "runs": first.positions.shape[1],
        "batches": separator(lang).join(grouped(run.batch, lang) for run in noisy),
        "points": first.steps + 1,
        "whole": text("noise_whole_data", lang, size=size) if any(map(is_whole_data, noisy)) else "",
    }


def is_whole_data(run: MinibatchRun) -> bool:
    """Whether every batch of ``run`` is all its data: its runs are the exact path, and none is drawn."""
    return run.batch == run.data.size
