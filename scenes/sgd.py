"""SGD zigzags: its steps are the gradient steps, steep across the bowl and shallow along it.

manim render scenes/sgd.py
"""

from __future__ import annotations

from manim import DOWN, UP, Dot, FadeIn, Indicate, Scene, ValueTracker, Write, linear

from scenes._common import (
    begin,
    color_of,
    footer,
    landscape,
    moving_path,
    tex,
    title,
    trail,
)

GRADIENT_STEP = r"- \eta \frac{\partial L}{\partial W}"


class SGDZigzag(Scene):
    def construct(self):
        settings = begin(self, ("sgd",), 29)
        lang = settings.lang
        t = settings.run(settings.optimizers[0])
        color = color_of(t.optimizer)

        self.next_section("rule")
        head = title("sgd_title", lang)
        rule = tex(r"W \leftarrow W " + GRADIENT_STEP, substrings_to_isolate=[GRADIENT_STEP], font_size=44)
        rule.set_color_by_tex(GRADIENT_STEP, color).next_to(head, DOWN, buff=0.25)
        self.play(FadeIn(head), Write(rule), run_time=1.5)

        self.next_section("zigzag")
        axes, stage = landscape(t.function, y_length=4.6)
        stage.next_to(rule, DOWN, buff=0.25)
        self.play(FadeIn(stage), run_time=1)
        tracker = ValueTracker(0)
        # The ball, its trail and the current update's gradient step −η∇L as an arrow.
        follower, path, note = moving_path(axes, t, tracker, lang, color=color)

        # x alone, on the x-axis: the progress SGD makes along the shallow direction.
        def below(m):
            m.move_to(axes.c2p(follower.coordinates(tracker.get_value())[0], axes.y_range[0]))

        shadow = Dot(radius=0.07, color=color).add_updater(below, call_updater=True)
        caption = footer("sgd_zigzag", lang)
        self.add(*path, trail(shadow, color, width=5), shadow)
        if note is not None:
            self.add(note.next_to(caption, UP, buff=0.15))
        self.play(FadeIn(caption), run_time=0.5)
        self.play(tracker.animate.set_value(t.steps), run_time=min(8, 0.3 * t.steps + 1), rate_func=linear)

        self.next_section("slow along x")
        self.play(caption.animate.become(footer("sgd_slow", lang)), run_time=0.6)
        self.play(Indicate(shadow, color=color, scale_factor=1.6), run_time=1.2)
        self.wait(1)
