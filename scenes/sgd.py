"""SGD: the rule, the golf picture of the learning rate, the zigzag and the slow progress along x.

    manim render scenes/sgd.py

Beats: see :data:`BEATS`. The golf picture plays SGD at ``optim_core.spec.GOLF_LEARNING_RATES``: too soft
(stops short), the book's 0.95 (zigzags in) and too hard (flies out of the bowl).
"""

from __future__ import annotations

from manim import DOWN, RIGHT, UP, Dot, FadeIn, Indicate, ValueTracker, VGroup, Write, linear

import optim_core as oc
from catalog import number
from optim_core.spec import GOLF_LEARNING_RATES
from scenes._beats import Lecture
from scenes._common import (
    begin,
    below,
    flag,
    label,
    landscape,
    moving_path,
    place_picture,
    safe_width,
    tex,
    title,
    trail,
)

GRADIENT_STEP = r"- \eta \frac{\partial L}{\partial W}"
#: (beat, narration key) in the order the scene plays them, for the lecture's chapters.
BEATS = [("rule", "sgd_rule"), ("golf", "sgd_golf"), ("zigzag", "sgd_zigzag"), ("slow along x", "sgd_slow")]
GOLF_CAPTIONS = ("sgd_too_soft", "sgd_just_right", "sgd_too_hard")


class SGDZigzag(Lecture):
    def construct(self):
        settings = begin(self, ("sgd",), 29)
        self.lang = settings.lang
        opt = settings.optimizers[0]
        t = settings.run(opt)
        color = t.optimizer.info.color

        self.beat(*BEATS[0])
        head = title("sgd_title", self.lang)
        rule = tex(r"W \leftarrow W " + GRADIENT_STEP, substrings_to_isolate=[GRADIENT_STEP], font_size=72)
        rule.set_color_by_tex(GRADIENT_STEP, color)
        below(head, rule)
        self.play(FadeIn(head), Write(rule), run_time=self.reading_left())

        self.beat(*BEATS[1])
        self.golf(settings, opt)

        self.beat(*BEATS[2])
        axes, stage = self.stage(t.function)
        self.play(FadeIn(stage), run_time=0.8)
        tracker = ValueTracker(0)
        # The ball, its trail and the current update's gradient step −η∇L as an arrow.
        follower, path, note = moving_path(axes, t, tracker, self.lang, color=color)

        # x alone, on the x-axis: the progress SGD makes along the shallow direction.
        def on_x_axis(m):
            m.move_to(axes.c2p(follower.coordinates(tracker.get_value())[0], axes.y_range[0]))

        shadow = Dot(radius=0.1, color=color).add_updater(on_x_axis, call_updater=True)
        self.add(*path, trail(shadow, color, width=6), shadow)
        if note is not None:
            self.add(note.next_to(axes, UP, buff=0.1))
        self.play(tracker.animate.set_value(t.steps), run_time=max(8.0, self.reading_left()), rate_func=linear)

        self.beat(*BEATS[3], keep=self.mobjects)
        for _ in range(2):
            self.play(Indicate(shadow, color=color, scale_factor=1.8), run_time=1.5)

    def stage(self, f: oc.Function):
        """The bowl filling the frame between the title-safe top and the caption."""
        axes, stage = landscape(f, x_length=safe_width(), y_length=4.7)
        place_picture(stage)
        return axes, stage

    def golf(self, settings, opt: oc.Optimizer):
        """Three strokes' strengths on one green: each run in its own palette colour and marker."""
        optimizers = [oc.get_optimizer("sgd", lr=lr, convention=opt.convention) for lr in GOLF_LEARNING_RATES]
        runs = [settings.run(o) for o in optimizers]
        axes, stage = self.stage(settings.function)
        hole = flag(axes, settings.function.minima[0])
        self.play(FadeIn(stage), FadeIn(hole), run_time=self.reading_left())
        legend = VGroup()
        for t, series, key in zip(runs, oc.series(optimizers), GOLF_CAPTIONS, strict=True):
            self.say(key, lr=float(t.optimizer.hyperparams["lr"]))
            tracker = ValueTracker(0)
            _, path, note = moving_path(axes, t, tracker, self.lang, color=series.color, arrow=False)
            name = label(f"η = {number(t.optimizer.hyperparams['lr'], self.lang)}", self.lang, series.color, 30)
            legend.add(name)
            corner = axes.c2p(axes.x_range[1], axes.y_range[1])  # the plot's top right, away from the paths
            legend.arrange(DOWN, aligned_edge=RIGHT).move_to(corner, aligned_edge=UP + RIGHT)
            self.add(*path)
            if note is not None:
                self.add(note.next_to(axes, UP, buff=0.1))
            self.play(
                FadeIn(name),
                tracker.animate.set_value(t.steps),
                run_time=max(5.0, self.reading_left()),
                rate_func=linear,
            )
