"""The mechanics behind Momentum: m·v before + F·Δt = m·v after. A moving body cannot turn a right angle.

    manim render scenes/impulse.py

Beats: see :data:`BEATS`. The vectors come from ``optim_core.analogy.impulse``.
"""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Angle,
    Arrow,
    Dot,
    FadeIn,
    GrowArrow,
    Line,
    ValueTracker,
    VGroup,
    Write,
    linear,
)

import optim_core as oc
from catalog import text as caption
from optim_core.display import STEP_COLOR
from scenes._beats import Lecture
from scenes._common import TEXT_COLOR, begin, picture_bottom, tex, text, title

KICK = r"F \Delta t"
CARRIED, GRADIENT = r"\alpha v", r"- \eta \frac{\partial L}{\partial W}"
UNIT = 2.3  # screen units per unit of momentum
#: (beat, narration key) in the order the scene plays them, for the lecture's chapters.
BEATS = [
    ("puck", "impulse_puck"),
    ("equal impulse", "impulse_equal"),
    ("larger impulse", "impulse_larger"),
    ("mapping", "impulse_mapping"),
]


class ImpulseAnalogy(Lecture):
    def construct(self):
        self.lang = begin(self, ("momentum",), 1).lang
        momentum = oc.get_optimizer("momentum")
        # The mechanics in the colours of the rule's terms they stand for: m·v as αv, F·Δt as −η∇L.
        carried, gradient = (next(t.color for t in momentum.info.terms if t.latex == x) for x in (CARRIED, GRADIENT))
        # The momenta's LaTeX is the language's (m v_vorher in German); the colours follow the parts' roles.
        self.before, self.after = (caption(f"impulse_{when}_tex", self.lang) for when in ("before", "after"))
        self.colors = {"before": carried, "kick": gradient, "after": STEP_COLOR}
        equal = oc.analogy.impulse(1.0, (0.0, 1.0), (1.0, 0.0), 1.0)
        larger = oc.analogy.impulse(1.0, (0.0, 1.0), (2.0, 0.0), 1.0)

        self.beat(*BEATS[0])
        head = title("impulse_title", self.lang)
        self.play(FadeIn(head), Write(self.equation().next_to(head, DOWN, buff=0.5)), run_time=1.5)
        self.turn(equal, until=1.0, run_time=max(4.0, self.reading_left()))
        self.wait(1.5)

        self.beat(*BEATS[1])
        self.turn(equal)

        self.beat(*BEATS[2], angle=larger.turn_degrees)
        self.turn(larger)

        self.beat(*BEATS[3])
        self.mapping(carried, gradient)

    def equation(self):
        parts = {"before": self.before, "kick": KICK, "after": self.after}
        source = parts["before"] + " + " + KICK + " = " + parts["after"]
        equation = tex(source, substrings_to_isolate=list(parts.values()), font_size=56)
        for role, part in parts.items():  # whole parts only: mv is inside mv' in Japanese
            equation.set_color_by_tex(part, self.colors[role], substring=False)
        return equation

    def turn(self, kick: oc.analogy.Impulse, until: float = 2.0, run_time: float | None = None):
        """The puck slides up (tracker 0 → 1), receives the kick and leaves along the sum (1 → 2)."""
        before, impulse, after = (np.append(v, 0.0) * UNIT for v in kick)
        origin = np.array([-2.0 - after[0] / 4, picture_bottom() + 0.1, 0.0])
        hit = origin + before * 0.45
        tracker = ValueTracker(0)

        def puck_position(s):
            return origin + min(s, 1) * before * 0.45 + max(s - 1, 0) * after * 0.4

        puck = Dot(puck_position(0), radius=0.22, color="#5b6270", stroke_color=TEXT_COLOR, stroke_width=2)
        puck.set_z_index(5).add_updater(lambda m: m.move_to(puck_position(tracker.get_value())))
        first = _arrow(hit, hit + before, self.colors["before"], "momentum_before")
        second = _arrow(hit + before, hit + before + impulse, self.colors["kick"], "impulse")
        third = _arrow(hit, hit + after, self.colors["after"], "momentum_after")
        names = VGroup(
            text("momentum_before", self.lang, color=self.colors["before"]).next_to(first, LEFT, buff=0.25),
            text("impulse", self.lang, color=self.colors["kick"]).next_to(second, UP, buff=0.2),
            text("momentum_after", self.lang, color=self.colors["after"], angle=kick.turn_degrees).next_to(
                hit + after * 0.6, RIGHT + DOWN, buff=0.2
            ),
        )
        self.add(puck)
        self.play(
            GrowArrow(first),
            FadeIn(names[0]),
            tracker.animate.set_value(1.0),
            run_time=run_time or 2.0,
            rate_func=linear,
        )
        if until <= 1.0:
            return
        self.play(GrowArrow(second), FadeIn(names[1]), run_time=2.5)
        corner = Angle(Line(hit, hit + before), Line(hit, hit + after), radius=0.7, other_angle=True, color=STEP_COLOR)
        self.play(
            GrowArrow(third),
            FadeIn(names[2]),
            FadeIn(corner),
            tracker.animate.set_value(2.0),
            run_time=max(4.0, self.reading_left()),
            rate_func=linear,
        )
        self.wait(2.5)  # the finished picture, at the end of the beat

    def mapping(self, carried: str, gradient: str):
        """m·v → αv and F·Δt → −η∇L, each side in its term's colour, and the rule they make."""
        rows = VGroup(
            tex(self.before + r"\;\longrightarrow\;" + CARRIED, color=carried, font_size=60),
            tex(KICK + r"\;\longrightarrow\;" + GRADIENT, color=gradient, font_size=60),
        ).arrange(DOWN, buff=0.5, aligned_edge=LEFT)
        rule = tex(r"v \leftarrow " + CARRIED + " " + GRADIENT, substrings_to_isolate=[CARRIED, GRADIENT], font_size=60)
        rule.set_color_by_tex(CARRIED, carried).set_color_by_tex(GRADIENT, gradient)
        equation = self.equation()
        VGroup(equation, rows, rule).arrange(DOWN, buff=0.6).move_to(0.4 * UP)
        self.play(FadeIn(equation), FadeIn(rows[0]), run_time=1.2)
        self.play(FadeIn(rows[1]), run_time=self.reading_left(1.2))
        self.say("impulse_rule")
        self.play(Write(rule), run_time=self.reading_left(2.0))
        self.wait(2.5)


def _arrow(start, end, color, name) -> Arrow:
    arrow = Arrow(start, end, buff=0, color=color, stroke_width=8, max_tip_length_to_length_ratio=0.2)
    arrow.label = name  # the layout test holds labelled arrows to a readable length
    return arrow
