"""Per-coordinate bars for optimizer state (AdaGrad's h, Adam's v): one bar for x, one for y."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from manim import DOWN, LEFT, RIGHT, UP, Line, Rectangle, VGroup, always_redraw

from scenes._common import AXIS_COLOR, TEXT_COLOR, label


def coordinate_bars(
    values: Callable[[], np.ndarray],
    color: str,
    lang: str,
    *,
    height: float = 3.0,
    width: float = 0.7,
    spacing: float = 1.2,
) -> VGroup:
    """Two bars ``spacing`` apart whose heights follow ``values()`` (each already scaled to 0..1), with x and y
    labels."""
    base = Line(LEFT * spacing, RIGHT * spacing, color=AXIS_COLOR, stroke_width=2)

    def bars():
        group = VGroup()
        for index, fraction in enumerate(np.clip(values(), 0.0, 1.0)):
            bar = Rectangle(
                width=width,
                height=max(float(fraction) * height, 0.01),
                fill_color=color,
                fill_opacity=0.85,
                stroke_width=0,
            )
            bar.move_to(base.get_center() + (index - 0.5) * spacing * RIGHT, aligned_edge=DOWN)
            group.add(bar)
        return group

    names = VGroup(
        *(
            label(name, lang, TEXT_COLOR, 26).next_to(base.get_center() + (i - 0.5) * spacing * RIGHT, DOWN)
            for i, name in enumerate("xy")
        )
    )
    # An invisible full-height frame, so that layouts leave room for the bars at their tallest.
    room = Rectangle(width=base.width, height=height, stroke_opacity=0, fill_opacity=0).next_to(base, UP, buff=0)
    return VGroup(room, base, always_redraw(bars), names)
