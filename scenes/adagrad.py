"""AdaGrad plays golf: hard strokes first, then finer ones, as h sums the squared gradients.

    manim render scenes/adagrad.py

Beats: see :data:`BEATS`. Every stroke is the trajectory's update, drawn from where the ball lay to where it
landed; the bars are h (``optim_core.analogy.adagrad_h``), the effective learning rate η/√h
(``Trajectory.effective_lr``) and the stroke's length, per coordinate.
"""

from __future__ import annotations

import numpy as np
from manim import DOWN, RIGHT, Dot, FadeIn, Line, ValueTracker, VGroup, Write, always_redraw, linear

import optim_core as oc
from scenes._bars import coordinate_bars
from scenes._beats import Lecture
from scenes._common import (
    TEXT_COLOR,
    begin,
    below,
    flag,
    label,
    landscape,
    moving_path,
    place_picture,
    rule_tex,
    safe_width,
    title,
)

#: (beat, narration key) in the order the scene plays them, for the lecture's chapters.
BEATS = [
    ("rule", "adagrad_rule"),
    ("golf", "adagrad_golf"),
    ("per coordinate", "adagrad_h"),
    ("finer strokes", "adagrad_coordinates"),
]


class AdaGradGolf(Lecture):
    def construct(self):
        settings = begin(self, ("adagrad",), 30)
        self.lang = settings.lang
        t = settings.run(settings.optimizers[0])
        color = t.optimizer.info.color

        self.beat(*BEATS[0])
        head = title("adagrad_title", self.lang)
        rule = rule_tex(t.optimizer.info, font_size=60)
        if rule.width > safe_width():
            rule.scale_to_fit_width(safe_width())
        below(head, rule)
        self.play(FadeIn(head), Write(rule), run_time=self.reading_left())

        self.beat(*BEATS[1])
        axes, stage = landscape(t.function, x_length=safe_width(), y_length=4.6)
        place_picture(stage)
        hole = flag(axes, t.function.minima[0])
        tracker = ValueTracker(0)
        self.play(FadeIn(stage), FadeIn(hole), run_time=1.0)
        _, (_, ball, current), _ = moving_path(axes, t, tracker, self.lang, color=color)  # no trail: the strokes
        self.add(strokes(axes, t, tracker, color), ball, current)
        self.play(tracker.animate.set_value(t.steps), run_time=max(12.0, self.reading_left()), rate_func=linear)
        self.wait(1.5)

        self.beat(*BEATS[2])
        self.per_coordinate(t, color)

    def per_coordinate(self, t: oc.Trajectory, color: str):
        """The strokes again, small, beside three pairs of bars: h, η/√h and the stroke's length, per coordinate.
        Each pair shares one scale, so x and y compare directly."""
        h = oc.analogy.adagrad_h(t.optimizer, t.states)
        with np.errstate(divide="ignore", invalid="ignore"):
            effective = np.abs(t.effective_lr())
        effective = np.nan_to_num(effective, nan=0.0)
        stroke = np.abs(np.diff(t.positions, axis=0))
        axes, stage = landscape(t.function, x_length=6.0, y_length=2.4)
        tracker = ValueTracker(0)

        def at(series):
            top = max(float(np.max(series)), 1e-12)
            return lambda: series[min(int(tracker.get_value()), len(series) - 1)] / top

        panels = VGroup(
            *(
                VGroup(
                    label(name, self.lang, color, 30),
                    coordinate_bars(at(series), color, self.lang, height=2.4, width=0.55, spacing=0.8),
                ).arrange(DOWN, buff=0.25)
                for name, series in (("h", h[1:]), ("η/√h", effective), ("|Δ|", stroke))
            )
        ).arrange(RIGHT, buff=0.35)
        place_picture(VGroup(stage, panels).arrange(RIGHT, buff=0.4))
        self.play(FadeIn(stage), FadeIn(panels), run_time=1.0)
        _, (_, ball, current), _ = moving_path(axes, t, tracker, self.lang, color=color)
        self.add(strokes(axes, t, tracker, color), ball, current)
        middle = min(8, t.steps)
        self.play(tracker.animate.set_value(middle), run_time=max(6.0, self.reading_left()), rate_func=linear)
        self.beat(BEATS[3][0], BEATS[3][1], keep=self.mobjects)
        self.play(tracker.animate.set_value(t.steps), run_time=max(10.0, self.reading_left()), rate_func=linear)
        self.wait(2.0)


def strokes(axes, t: oc.Trajectory, tracker: ValueTracker, color: str):
    """Every stroke played so far, as a line from where the ball lay to where it landed, with a dot there."""
    points = axes.c2p(t.positions)

    def draw():
        done = min(int(tracker.get_value()), t.steps)
        group = VGroup()
        for k in range(done):
            group.add(Line(points[k], points[k + 1], color=color, stroke_width=3, stroke_opacity=0.8))
            group.add(Dot(points[k + 1], radius=0.045, color=TEXT_COLOR))
        return group.set_z_index(4)

    return always_redraw(draw)
