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
    Circumscribe,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    GrowArrow,
    Indicate,
    Line,
    ValueTracker,
    VGroup,
    Write,
    linear,
)

import optim_core as oc
from catalog import text as caption
from optim_core.display import STEP_COLOR
from scenes._beats import Beat, Lecture
from scenes._common import AXIS_COLOR, TEXT_COLOR, begin, picture_bottom, tex, text, title

KICK = r"F \Delta t"
CARRIED, GRADIENT = r"\alpha v", r"- \eta \frac{\partial L}{\partial W}"
UNIT = 2.3  # screen units per unit of momentum
#: The beats in the order the scene plays them.
BEATS = [
    Beat("law", "slide_impulse_kick", "impulse_kick"),
    Beat("puck", "slide_impulse_puck", "impulse_puck"),
    Beat("equal impulse", "slide_impulse_equal", "impulse_equal"),
    Beat("keeps momentum", "slide_impulse_keeps", "impulse_keeps"),
    Beat("larger impulse", "slide_impulse_larger", "impulse_larger"),
    Beat("never a right angle", "slide_impulse_never", "impulse_never"),
    Beat("mapping", "slide_impulse_mapping", "impulse_mapping"),
    Beat("rule", "slide_impulse_rule", "impulse_rule"),
    Beat("bends", "slide_impulse_bends", "impulse_bends"),
]


class ImpulseAnalogy(Lecture):
    script = BEATS

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

        head = title("impulse_title", self.lang)
        law = self.equation().next_to(head, DOWN, buff=0.5)
        self.beat("law", enter=[FadeIn(head)])
        self.play(Write(law), run_time=self.reading_left())

        turn = _Turn(equal, self.colors, self.lang)
        self.beat("puck", keep=self.mobjects, enter=[FadeIn(turn.puck)])
        self.play(
            GrowArrow(turn.arrows[0]),
            FadeIn(turn.names[0]),
            turn.tracker.animate.set_value(1.0),
            run_time=self.reading_left(),
            rate_func=linear,
        )
        self.beat("equal impulse", keep=[turn.puck, turn.arrows[0], turn.names[0]])  # the kick needs the room
        self.kick(turn)
        self.beat("keeps momentum", keep=self.mobjects)
        self.play(Indicate(turn.arrows[0], color=self.colors["before"]), run_time=1.5)  # it is still there
        self.wait(self.reading_left(0.5))

        turn = _Turn(larger, self.colors, self.lang)
        turn.tracker.set_value(1.0)  # the puck as it meets the kick: it has slid up once already
        self.beat(
            "larger impulse",
            enter=[FadeIn(turn.puck), FadeIn(turn.arrows[0]), FadeIn(turn.names[0])],
            angle=larger.turn_degrees,
        )
        self.kick(turn)
        self.beat("never a right angle", keep=self.mobjects)
        square = DashedLine(turn.hit, turn.hit + turn.arrows[1].get_vector(), color=AXIS_COLOR)  # a right angle
        self.play(Create(square), Indicate(turn.corner, color=STEP_COLOR, scale_factor=1.5), run_time=1.5)
        self.wait(self.reading_left(0.5))

        self.mapping(carried, gradient)

    def equation(self):
        parts = {"before": self.before, "kick": KICK, "after": self.after}
        source = parts["before"] + " + " + KICK + " = " + parts["after"]
        equation = tex(source, substrings_to_isolate=list(parts.values()), font_size=56)
        for role, part in parts.items():  # whole parts only: mv is inside mv' in Japanese
            equation.set_color_by_tex(part, self.colors[role], substring=False)
        return equation

    def kick(self, turn: _Turn):
        """The kick arrives, and the puck leaves along the sum of its momentum and the kick."""
        self.play(GrowArrow(turn.arrows[1]), FadeIn(turn.names[1]), run_time=1.0)
        self.play(
            GrowArrow(turn.arrows[2]),
            FadeIn(turn.names[2]),
            FadeIn(turn.corner),
            turn.tracker.animate.set_value(2.0),
            run_time=self.reading_left(1.5),
            rate_func=linear,
        )

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
        self.beat("mapping", enter=[FadeIn(equation), FadeIn(rows[0])])
        self.play(FadeIn(rows[1]), run_time=self.reading_left(1.2))
        self.beat("rule", keep=self.mobjects)
        self.play(Write(rule), run_time=self.reading_left(2.0))
        self.beat("bends", keep=self.mobjects)
        self.play(Circumscribe(rule, color=STEP_COLOR, buff=0.08), run_time=self.reading_left(1.5))
        self.wait(1.0)


class _Turn:
    """A puck sliding up (tracker 0 → 1) that receives a kick and leaves along the sum (1 → 2): the puck, the
    three arrows (momentum before, the kick, momentum after), their names and the angle it turns."""

    def __init__(self, kick: oc.analogy.Impulse, colors: dict[str, str], lang: str):
        before, impulse, after = (np.append(v, 0.0) * UNIT for v in kick)
        origin = np.array([-2.0 - after[0] / 4, picture_bottom() + 0.1, 0.0])
        self.hit = hit = origin + before * 0.45
        self.tracker = tracker = ValueTracker(0)

        def puck_position(s):
            return origin + min(s, 1) * before * 0.45 + max(s - 1, 0) * after * 0.4

        self.puck = Dot(puck_position(0), radius=0.22, color="#5b6270", stroke_color=TEXT_COLOR, stroke_width=2)
        self.puck.set_z_index(5).add_updater(lambda m: m.move_to(puck_position(tracker.get_value())))
        self.arrows = (
            _arrow(hit, hit + before, colors["before"], "momentum_before"),
            _arrow(hit + before, hit + before + impulse, colors["kick"], "impulse"),
            _arrow(hit, hit + after, colors["after"], "momentum_after"),
        )
        self.names = VGroup(
            text("momentum_before", lang, color=colors["before"]).next_to(self.arrows[0], LEFT, buff=0.25),
            text("impulse", lang, color=colors["kick"]).next_to(self.arrows[1], UP, buff=0.2),
            text("momentum_after", lang, color=colors["after"], angle=kick.turn_degrees).next_to(
                hit + after * 0.6, RIGHT + DOWN, buff=0.2
            ),
        )
        self.corner = Angle(
            Line(hit, hit + before), Line(hit, hit + after), radius=0.7, other_angle=True, color=STEP_COLOR
        )


def _arrow(start, end, color, name) -> Arrow:
    arrow = Arrow(start, end, buff=0, color=color, stroke_width=8, max_tip_length_to_length_ratio=0.2)
    arrow.label = name  # the layout test holds labelled arrows to a readable length
    return arrow
