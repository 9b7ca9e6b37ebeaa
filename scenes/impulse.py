"""The mechanics behind Momentum: m·v_before + F·Δt = m·v_after. A moving body cannot turn a right angle.

    manim render scenes/impulse.py

Beats (sections): equal impulse (45°), larger impulse (further), mapping to Momentum's rule.
The vectors come from ``optim_core.analogy.impulse``.
"""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Arrow,
    Dot,
    FadeIn,
    FadeOut,
    Scene,
    ValueTracker,
    VGroup,
    Write,
    always_redraw,
    linear,
)

import optim_core as oc
from scenes._common import begin, footer, label, tex, title

BEFORE, KICK, AFTER = r"m v_{\mathrm{before}}", r"F \Delta t", r"m v_{\mathrm{after}}"
UNIT = 1.9  # screen units per unit of momentum


class ImpulseAnalogy(Scene):
    def construct(self):
        lang = begin(self, ("momentum",), 1).lang
        colors = {BEFORE: oc.INFO["momentum"].color, KICK: oc.INFO["sgd"].color, AFTER: "#009E73"}
        head = title("impulse_title", lang)
        equation = tex(
            BEFORE + " + " + KICK + " = " + AFTER, substrings_to_isolate=[BEFORE, KICK, AFTER], font_size=44
        ).next_to(head, DOWN, buff=0.3)
        for part, color in colors.items():
            equation.set_color_by_tex(part, color)
        self.play(FadeIn(head), Write(equation), run_time=1.5)

        self.next_section("equal impulse")
        self.turn(oc.analogy.impulse(1.0, (0.0, 1.0), (1.0, 0.0), 1.0), colors, footer("impulse_equal", lang), lang)

        self.next_section("larger impulse")
        larger = oc.analogy.impulse(1.0, (0.0, 1.0), (2.0, 0.0), 1.0)
        self.turn(larger, colors, footer("impulse_larger", lang, angle=larger.turn_degrees), lang)

        self.next_section("mapping")
        self.play(FadeOut(equation), run_time=0.4)
        mapping = VGroup(
            tex(BEFORE.replace(r"_{\mathrm{before}}", "") + r"\;\longrightarrow\;\alpha v", font_size=48),
            tex(KICK + r"\;\longrightarrow\; -\eta \frac{\partial L}{\partial W}", font_size=48),
        ).arrange(DOWN, buff=0.5, aligned_edge=LEFT)
        mapping[0].set_color(colors[BEFORE])
        mapping[1].set_color(colors[KICK])
        rule = tex(r"v \leftarrow \alpha v - \eta \frac{\partial L}{\partial W}", font_size=48)
        VGroup(mapping, rule).arrange(DOWN, buff=0.7).next_to(head, DOWN, buff=0.6)
        note = footer("impulse_mapping", lang)
        self.play(FadeIn(mapping[0]), run_time=0.8)
        self.play(FadeIn(mapping[1]), run_time=0.8)
        self.play(Write(rule), FadeIn(note), run_time=1.2)
        self.wait(1.5)

    def turn(self, kick: oc.analogy.Impulse, colors: dict, caption, lang: str):
        """The puck moves up, receives the kick, and leaves along the sum; one tracker drives it all."""
        origin = np.array([-1.5, -2.3, 0.0])
        before, impulse, after = (np.append(v, 0.0) * UNIT for v in kick)
        tracker = ValueTracker(0)  # 0..1 before the kick, 1..2 after it

        def puck_position(s):
            return origin + min(s, 1) * before * 0.5 + max(s - 1, 0) * after * 0.35

        hit = origin + before * 0.5
        puck = Dot(puck_position(0), radius=0.2, color="#5b6270").set_z_index(5)
        puck.add_updater(lambda m: m.move_to(puck_position(tracker.get_value())))

        def vectors():
            s = tracker.get_value()
            group = VGroup(_arrow(puck_position(min(s, 1)) if s < 1 else hit, before, colors[BEFORE]))
            if s >= 1:
                grow = min((s - 1) * 3, 1)
                group.add(_arrow(hit + before, impulse * grow, colors[KICK]))
                if grow >= 1:
                    group.add(_arrow(hit, after, colors[AFTER]))
            return group

        names = VGroup(
            label("m·v", lang, colors[BEFORE], 30).next_to(hit + before / 2, LEFT, buff=0.2),
            label("F·Δt", lang, colors[KICK], 30).next_to(hit + before + impulse / 2, UP, buff=0.15),
            label(f"m·v′  {kick.turn_degrees:.0f}°", lang, colors[AFTER], 30).next_to(
                hit + after * 0.7, DOWN + RIGHT, buff=0.25
            ),
        )
        arrows = always_redraw(vectors)
        self.add(arrows, puck)
        self.play(FadeIn(caption), FadeIn(names[0]), tracker.animate.set_value(1), run_time=1.5, rate_func=linear)
        self.play(FadeIn(names[1]), tracker.animate.set_value(1.34), run_time=1.0, rate_func=linear)
        self.play(FadeIn(names[2]), tracker.animate.set_value(2), run_time=1.5, rate_func=linear)
        self.wait(0.8)
        puck.clear_updaters()
        self.play(FadeOut(arrows), FadeOut(puck), FadeOut(names), FadeOut(caption), run_time=0.5)
        self.remove(arrows)


def _arrow(start, vector, color) -> Arrow:
    return Arrow(start, start + vector, buff=0, color=color, stroke_width=7, max_tip_length_to_length_ratio=0.2)
