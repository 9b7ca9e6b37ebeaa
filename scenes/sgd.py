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
from scenes._beats import Beat, Lecture
from scenes._common import (
    begin,
    below,
    flag,
    landscape,
    legend_entry,
    moving_path,
    on_top,
    place_picture,
    safe_width,
    tex,
    title,
    trail,
)

GRADIENT_STEP = r"- \eta \frac{\partial L}{\partial W}"
#: The beats in the order the scene plays them. The golf beats play GOLF_LEARNING_RATES in order.
BEATS = [
    Beat("rule", "slide_sgd_rule", "sgd_rule"),
    Beat("golf", "slide_sgd_golf", "sgd_golf"),
    Beat("too soft", "slide_sgd_too_soft", "sgd_too_soft"),
    Beat("just right", "slide_sgd_just_right", "sgd_just_right"),
    Beat("too hard", "slide_sgd_too_hard", "sgd_too_hard"),
    Beat("zigzag", "slide_sgd_zigzag", "sgd_zigzag"),
    Beat("across", "slide_sgd_across", "sgd_across"),
    Beat("slow along x", "slide_sgd_slow", "sgd_slow"),
]
GOLF_BEATS = ("too soft", "just right", "too hard")
#: The zigzag is told in three beats: these shares of the run end the first two.
ZIGZAG_SHARES = (1 / 3, 2 / 3)


class SGDZigzag(Lecture):
    script = BEATS

    def construct(self):
        settings = begin(self, ("sgd",), 29)
        self.lang = settings.lang
        opt = settings.optimizers[0]
        t = settings.run(opt)
        color = t.optimizer.info.color

        head = title("sgd_title", self.lang)
        rule = tex(r"W \leftarrow W " + GRADIENT_STEP, substrings_to_isolate=[GRADIENT_STEP], font_size=72)
        rule.set_color_by_tex(GRADIENT_STEP, color)
        below(head, rule)
        self.beat("rule", enter=[FadeIn(head)])
        self.play(Write(rule), run_time=self.reading_left())

        self.golf(settings, opt)

        axes, stage = self.stage(t.function)
        tracker = ValueTracker(0)
        # The ball, its trail and the current update's gradient step −η∇L as an arrow.
        follower, path, note = moving_path(axes, t, tracker, self.lang, color=color)

        # x alone, on the x-axis: the progress SGD makes along the shallow direction.
        def on_x_axis(m):
            m.move_to(axes.c2p(follower.coordinates(tracker.get_value())[0], axes.y_range[0]))

        shadow = Dot(radius=0.1, color=color).add_updater(on_x_axis, call_updater=True)
        self.beat("zigzag", enter=[FadeIn(stage), FadeIn(path[1]), FadeIn(shadow)])  # the ball and its shadow
        self.add(*path, trail(shadow, color, width=6))
        if note is not None:
            self.add(note.next_to(axes, UP, buff=0.1))
        ends = [round(share * t.steps) for share in ZIGZAG_SHARES] + [t.steps]
        self.play(tracker.animate.set_value(ends[0]), run_time=self.reading_left(), rate_func=linear)
        self.beat("across", keep=self.mobjects)
        self.play(tracker.animate.set_value(ends[1]), run_time=self.reading_left(), rate_func=linear)
        self.beat("slow along x", keep=self.mobjects)
        self.play(tracker.animate.set_value(ends[2]), run_time=self.reading_left(2.0), rate_func=linear)
        self.play(Indicate(shadow, color=color, scale_factor=1.8), run_time=1.5)

    def stage(self, f: oc.Function):
        """The bowl filling the frame between the title-safe top and the caption."""
        axes, stage = landscape(f, x_length=safe_width(), y_length=4.7)
        place_picture(stage)
        return axes, stage

    def golf(self, settings, opt: oc.Optimizer):
        """Three strokes' strengths on one green, a beat each: SGD's colour, one line style per learning rate
        (optim_core's series), each named in the legend beside a piece of its line."""
        optimizers = [oc.get_optimizer("sgd", lr=lr, convention=opt.convention) for lr in GOLF_LEARNING_RATES]
        runs = [settings.run(o) for o in optimizers]
        looks = oc.series(optimizers)
        axes, stage = self.stage(settings.function)
        hole = flag(axes, settings.function.minima[0])
        trackers = [ValueTracker(0) for _ in runs]
        paths = [
            moving_path(axes, t, tracker, self.lang, color=look.color, arrow=False, linestyle=look.linestyle)[1:]
            for t, tracker, look in zip(runs, trackers, looks, strict=True)
        ]
        first_ball = paths[0][0][1]
        self.beat("golf", enter=[FadeIn(stage), FadeIn(hole), FadeIn(first_ball)])  # the ball on the tee
        self.wait(self.reading_left())
        legend = VGroup()
        for t, tracker, (path, note), look, name in zip(runs, trackers, paths, looks, GOLF_BEATS, strict=True):
            lr = float(t.optimizer.hyperparams["lr"])
            self.beat(name, keep=self.mobjects, lr=lr)
            entry = on_top(legend_entry(f"η = {number(lr, self.lang)}", self.lang, look.color, look.linestyle))
            legend.add(entry)
            corner = axes.c2p(axes.x_range[1], axes.y_range[1])  # the plot's top right, away from the paths
            legend.arrange(DOWN, aligned_edge=RIGHT).move_to(corner, aligned_edge=UP + RIGHT)
            self.add(*path)
            if note is not None:
                self.add(note.next_to(axes, UP, buff=0.1))
            self.play(
                FadeIn(entry),
                tracker.animate.set_value(t.steps),
                run_time=self.reading_left(4.0),
                rate_func=linear,
            )
