"""AdaGrad plays golf: hard strokes first, then finer ones, as h sums the squared gradients.

    manim render scenes/adagrad.py

Beats (sections): rule, strokes. The bars are h (growing) and the effective learning rate η/√h (shrinking)
per coordinate, from the trajectory's recorded state.
"""

from __future__ import annotations

import numpy as np
from manim import DOWN, LEFT, RIGHT, UP, FadeIn, Scene, ValueTracker, VGroup, Write, linear

from scenes._bars import coordinate_bars
from scenes._common import (
    begin,
    color_of,
    footer,
    label,
    landscape,
    moving_path,
    tex,
    title,
)

SQUARES = r"\frac{\partial L}{\partial W} \odot \frac{\partial L}{\partial W}"
SCALE = r"\frac{1}{\sqrt{h}}"


class AdaGradGolf(Scene):
    def construct(self):
        settings = begin(self, ("adagrad",), 30)
        lang = settings.lang
        t = settings.run(settings.optimizers[0])
        color = color_of(t.optimizer)
        # Per coordinate: h as a fraction of its final value (growing), and the effective learning rate
        # η/√h as a fraction of its first value (shrinking): strong strokes first, then finer ones.
        h = np.asarray(t.states[0])
        growing = h / np.where(h[-1] > 0, h[-1], 1.0)
        with np.errstate(divide="ignore", invalid="ignore"):
            effective = np.abs(t.effective_lr())
        shrinking = np.nan_to_num(effective / np.where(effective[0] > 0, effective[0], 1.0), nan=0.0)

        self.next_section("rule")
        head = title("adagrad_title", lang)
        rule = tex(
            r"h \leftarrow h + "
            + SQUARES
            + r",\quad W \leftarrow W - \eta "
            + SCALE
            + r"\frac{\partial L}{\partial W}",
            substrings_to_isolate=[SCALE],
            font_size=38,
        )
        rule.set_color_by_tex(SCALE, color).next_to(head, DOWN, buff=0.2)
        self.play(FadeIn(head), Write(rule), run_time=1.5)

        self.next_section("strokes")
        axes, stage = landscape(t.function, x_length=7.4, y_length=4.3)
        stage.next_to(rule, DOWN, buff=0.3).to_edge(LEFT, buff=0.4)
        tracker = ValueTracker(0)

        def at(series):
            return lambda: series[min(int(tracker.get_value()), len(series) - 1)]

        panels = (
            VGroup(
                VGroup(label("h", lang, color, 30), coordinate_bars(at(growing), color, lang, height=2.6)).arrange(
                    DOWN
                ),
                VGroup(label("η/√h", lang, color, 30), coordinate_bars(at(shrinking), color, lang, height=2.6)).arrange(
                    DOWN
                ),
            )
            .arrange(RIGHT, buff=0.5)
            .next_to(axes, RIGHT, buff=0.4)
        )
        caption = footer("adagrad_h", lang)
        self.play(FadeIn(stage), FadeIn(panels), FadeIn(caption), run_time=1)
        _, path, note = moving_path(axes, t, tracker, lang, color=color)
        self.add(*path)
        if note is not None:
            self.add(note.next_to(caption, UP, buff=0.1))
        self.play(tracker.animate.set_value(t.steps), run_time=min(9, 0.3 * t.steps + 1), rate_func=linear)
        self.wait(1)
