"""AdaGrad plays golf: hard strokes first, then finer ones, as h sums the squared gradients.

    manim render scenes/adagrad.py

Beats: see :data:`BEATS`. Every stroke is the trajectory's update, drawn from where the ball lay to where it
landed; the bars are h (``optim_core.analogy.adagrad_h``), the effective learning rate η/√h
(``Trajectory.effective_lr``) and the stroke's length, per coordinate.
"""

from __future__ import annotations

import numpy as np
from manim import DOWN, RIGHT, Dot, FadeIn, Indicate, Line, ValueTracker, VGroup, Write, always_redraw, linear

import optim_core as oc
from scenes._bars import coordinate_bars
from scenes._beats import Beat, Lecture
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

#: The beats in the order the scene plays them.
BEATS = [
    Beat("rule", "slide_adagrad_rule", "adagrad_rule"),
    Beat("golf", "slide_adagrad_golf", "adagrad_golf"),
    Beat("first strokes", "slide_adagrad_first", "adagrad_first"),
    Beat("shorter", "slide_adagrad_shorter", "adagrad_shorter"),
    Beat("per coordinate", "slide_adagrad_h", "adagrad_h"),
    Beat("finer strokes", "slide_adagrad_coordinates", "adagrad_coordinates"),
    Beat("only shrinking", "slide_adagrad_late", "adagrad_late"),
    Beat("towards adam", "slide_adagrad_adam", "adagrad_adam"),
]
#: The strokes played by the end of each beat of the golf picture and of the bars (the rest: to the last).
GOLF_STROKES, BAR_STROKES = (3, 6), (4, 12)


class AdaGradGolf(Lecture):
    script = BEATS

    def construct(self):
        settings = begin(self, ("adagrad",), 30)
        self.lang = settings.lang
        t = settings.run(settings.optimizers[0])
        color = t.optimizer.info.color

        head = title("adagrad_title", self.lang)
        rule = rule_tex(t.optimizer.info, font_size=60)
        if rule.width > safe_width():
            rule.scale_to_fit_width(safe_width())
        below(head, rule)
        self.beat("rule", enter=[FadeIn(head)])
        self.play(Write(rule), run_time=self.reading_left())

        axes, stage = landscape(t.function, x_length=safe_width(), y_length=4.6)
        place_picture(stage)
        hole = flag(axes, t.function.minima[0])
        tracker = ValueTracker(0)
        _, (_, ball, current), _ = moving_path(axes, t, tracker, self.lang, color=color)  # no trail: the strokes
        picture = (stage, hole, ball, current, strokes(axes, t, tracker, color))
        self.stroke_beats(tracker, t, ("golf", "first strokes", "shorter"), (*GOLF_STROKES, t.steps), picture)

        self.per_coordinate(t, color)

    def stroke_beats(self, tracker: ValueTracker, t: oc.Trajectory, names, ends, picture):
        """Beats ``names``, each playing the strokes up to its end in ``ends`` while its caption is read: the
        first fades ``picture`` in, the others keep it."""
        for index, (name, end) in enumerate(zip(names, ends, strict=True)):
            if index:
                self.beat(name, keep=self.mobjects)
            else:
                self.beat(name, enter=[FadeIn(m) for m in picture])
            self.play(tracker.animate.set_value(min(end, t.steps)), run_time=self.reading_left(), rate_func=linear)

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
        _, (_, ball, current), _ = moving_path(axes, t, tracker, self.lang, color=color)
        picture = (stage, panels, ball, current, strokes(axes, t, tracker, color))
        names = ("per coordinate", "finer strokes", "only shrinking")
        self.stroke_beats(tracker, t, names, (*BAR_STROKES, t.steps), picture)
        self.beat("towards adam", keep=self.mobjects)
        self.play(Indicate(panels[0], color=color, scale_factor=1.1), run_time=self.reading_left(1.5))  # h


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
