"""Adam combines both: Momentum's m (a running direction) and AdaGrad's v (a running size), in one step.

    manim render scenes/adam.py

Beats: see :data:`BEATS`. m̂ is drawn as Momentum's arrow and √v̂ as AdaGrad's bars, bias-corrected as the
formula on screen says; one step is assembled from them and lands exactly where the trajectory does. The
numbers come from ``optim_core.analogy.adam_parts``.
"""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Arrow,
    Circle,
    Dot,
    FadeIn,
    GrowArrow,
    ReplacementTransform,
    ValueTracker,
    VGroup,
    VMobject,
    Write,
    always_redraw,
    linear,
)

import optim_core as oc
from optim_core.display import STEP_COLOR
from scenes._bars import coordinate_bars
from scenes._beats import Beat, Lecture
from scenes._common import (
    PATH_WIDTH,
    TEXT_COLOR,
    LocalDecimal,
    PathFollower,
    begin,
    label,
    landscape,
    moving_path,
    place_picture,
    safe_height,
    safe_width,
    term_color,
    tex,
    title,
)

FIRST, SECOND = r"\hat m", r"\sqrt{\hat v}"
#: The beats in the order the scene plays them.
BEATS = [
    Beat("rule", "slide_adam_rule", "adam_rule"),
    Beat("bias correction", "slide_adam_bias", "adam_bias"),
    Beat("step rule", "slide_adam_step", "adam_step"),
    Beat("parts", "slide_adam_parts", "adam_parts"),
    Beat("one step", "slide_adam_assembled", "adam_assembled"),
    Beat("run", "slide_adam_run", "adam_run"),
    Beat("past the minimum", "slide_adam_overshoot", "adam_overshoot"),
]
#: The rule's lines, written one beat each.
RULE_BEATS = ("rule", "bias correction", "step rule")
#: The step assembled on screen: the first with m̂ and √v̂ of comparable size in both coordinates.
SHOWN_STEP = 3
#: The share of the run played by the end of the "run" beat: the path short of the minimum, for the next.
RUN_SHARE = 0.6
ARROW_LENGTH = 1.6  # screen length of the longest m̂ (and of the longest step)


class AdamBoth(Lecture):
    script = BEATS

    def construct(self):
        settings = begin(self, ("adam",), 40)
        self.lang = settings.lang
        t = settings.run(settings.optimizers[0])
        info = t.optimizer.info
        self.colors = {"m": term_color(info, FIRST), "v": term_color(info, SECOND), "step": STEP_COLOR}
        # m̂ and √v̂ after every update, from optim_core (book or torch Adam alike).
        parts = [oc.analogy.adam_parts(t.optimizer, t.grads[k], t.state_at(k), t.positions[k]) for k in range(t.steps)]
        m_hat = np.array([p.m_hat for p in parts])
        root_v = np.array([p.root_v_hat for p in parts])
        steps = np.array([p.step for p in parts])

        head = title("adam_title", self.lang)
        rule = self.rule().next_to(head, DOWN, buff=0.5)
        for index, (name, line) in enumerate(zip(RULE_BEATS, rule, strict=True)):
            if index:
                self.beat(name, keep=self.mobjects)
            else:
                self.beat(name, enter=[FadeIn(head)])
            self.play(Write(line), run_time=self.reading_left())

        k = min(SHOWN_STEP, t.steps - 1)
        axes, stage = landscape(t.function, x_length=6.2, y_length=2.6)
        tracker = ValueTracker(0)
        index = lambda: min(int(tracker.get_value()), t.steps - 1)  # noqa: E731 - the update being shown
        m_scale = ARROW_LENGTH / max(float(np.linalg.norm(m_hat, axis=-1).max()), 1e-12)
        step_scale = ARROW_LENGTH / max(float(np.linalg.norm(steps, axis=-1).max()), 1e-12)
        compass = Circle(radius=ARROW_LENGTH + 0.1, stroke_color=self.colors["m"], stroke_opacity=0.3)
        centre = Dot(radius=0.05, color=self.colors["m"]).move_to(compass)

        def m_arrow():
            start = centre.get_center()
            arrow = _arrow(start, start + np.append(m_hat[index()] * m_scale, 0.0), self.colors["m"])
            arrow.label = "m"
            return arrow

        v_top = np.where(root_v.max(axis=0) > 0, root_v.max(axis=0), 1.0).max()
        bars = coordinate_bars(
            lambda: root_v[index()] / v_top, self.colors["v"], self.lang, height=2.4, width=0.55, spacing=0.8
        )
        m_panel = VGroup(tex(FIRST, color=self.colors["m"], font_size=48), VGroup(compass, centre)).arrange(DOWN)
        v_panel = VGroup(tex(SECOND, color=self.colors["v"], font_size=48), bars).arrange(DOWN)
        panels = VGroup(m_panel, v_panel).arrange(RIGHT, buff=0.5)
        place_picture(VGroup(stage, panels).arrange(RIGHT, buff=0.5))
        panels.align_to([0.0, safe_height() / 2 - 0.1, 0.0], UP)  # room below them for the assembled step
        _, (trail, ball), _ = moving_path(axes, t, tracker, self.lang, color=self.colors["step"], arrow=False)
        moving = always_redraw(m_arrow)
        self.beat("parts", enter=[FadeIn(stage), FadeIn(panels), FadeIn(ball), FadeIn(moving)], step=k + 1)
        self.add(trail)
        self.play(tracker.animate.set_value(k), run_time=self.reading_left(), rate_func=linear)

        self.beat("one step", keep=self.mobjects)
        self.assemble(m_hat[k], root_v[k], steps[k], step_scale, panels, tracker)
        self.run_beats(t, stage, trail, ball, k + 1)

    def run_beats(self, t: oc.Trajectory, small: VGroup, trail, ball, done: int):
        """The small plot grows to fill the frame, with the ``done`` steps taken so far, and the run goes on."""
        axes, stage = landscape(t.function, x_length=safe_width(), y_length=4.6)
        place_picture(stage)
        travelled = VMobject(stroke_color=self.colors["step"], stroke_width=PATH_WIDTH).set_points_as_corners(
            PathFollower(axes, t.positions[: done + 1]).point_array()
        )
        tracker = ValueTracker(done)
        _, path, note = moving_path(axes, t, tracker, self.lang, color=self.colors["step"])
        trail.clear_updaters(), ball.clear_updaters()  # they become the new ones: no more tracing or following
        grown = [ReplacementTransform(small, stage), ReplacementTransform(trail, travelled)]
        self.beat("run", enter=[*grown, ReplacementTransform(ball, path[1])])
        self.add(*path, *([note.next_to(stage, UP, buff=0.1)] if note else []))
        middle = max(done, round(RUN_SHARE * t.steps))
        self.play(tracker.animate.set_value(middle), run_time=self.reading_left(), rate_func=linear)
        self.beat("past the minimum", keep=self.mobjects)
        self.play(tracker.animate.set_value(t.steps), run_time=self.reading_left(), rate_func=linear)
        self.wait(1.0)

    def rule(self):
        """The moments, their bias correction and the step, m̂ and √v̂ in the colours they are drawn in."""
        lines = VGroup(
            tex(
                r"m \leftarrow \beta_1 m + (1-\beta_1)\nabla L \qquad v \leftarrow \beta_2 v + (1-\beta_2)(\nabla L)^2",
                font_size=44,
            ),
            tex(
                FIRST + r" = \frac{m}{1-\beta_1^t} \qquad \hat v = \frac{v}{1-\beta_2^t}",
                substrings_to_isolate=[FIRST],
                font_size=44,
            ),
            tex(
                r"W \leftarrow W - \eta \frac{" + FIRST + "}{" + SECOND + r" + \epsilon}",
                substrings_to_isolate=[FIRST, SECOND],
                font_size=52,
            ),
        ).arrange(DOWN, buff=0.45)
        for line in lines[1:]:
            line.set_color_by_tex(FIRST, self.colors["m"])
        lines[2].set_color_by_tex(SECOND, self.colors["v"])
        if lines.width > safe_width():
            lines.scale_to_fit_width(safe_width())
        return lines

    def assemble(self, m_hat, root_v, step, step_scale: float, panels: VGroup, tracker: ValueTracker) -> VGroup:
        """Per coordinate: −η · m̂ / √v̂ in numbers, and the step it makes as an arrow, exactly the real step."""
        rows = VGroup()
        for axis, name in enumerate("xy"):
            row = VGroup(
                label(f"{name}:", self.lang, TEXT_COLOR, 30),
                tex(r"-\eta \cdot", font_size=44),
                _number(m_hat[axis], self.colors["m"], self.lang),
                tex("/", font_size=44),
                _number(root_v[axis], self.colors["v"], self.lang),
                tex("=", font_size=44),
                _number(step[axis], self.colors["step"], self.lang),
            ).arrange(RIGHT, buff=0.15)
            rows.add(row)
        rows.arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        start = np.zeros(3)
        arrow = _arrow(start, start + np.append(step * step_scale, 0.0), self.colors["step"])
        arrow.label = "step"
        assembly = VGroup(rows, arrow).arrange(RIGHT, buff=0.6)
        assembly.next_to(panels, DOWN, buff=0.3).align_to(panels, RIGHT)
        self.play(FadeIn(rows), run_time=1.5)
        # The arrow, and the ball taking exactly that step.
        self.play(GrowArrow(arrow), tracker.animate.increment_value(1), run_time=self.reading_left(1.5))
        self.wait(1.0)
        return assembly


def _number(value: float, color: str, lang: str) -> LocalDecimal:
    return LocalDecimal(value, lang, num_decimal_places=3, font_size=44, color=color, include_sign=value < 0)


def _arrow(start, end, color: str) -> Arrow:
    return Arrow(start, end, buff=0, color=color, stroke_width=7, max_tip_length_to_length_ratio=0.25)
