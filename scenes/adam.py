"""Adam combines both: Momentum's m (a running direction) and AdaGrad's v (a running size), feeding one step.

    manim render scenes/adam.py

Beats (sections): rule, both parts. On the right, m is drawn as an arrow and √v per coordinate as bars; on
the left, the step they make together moves the ball. All from the trajectory's recorded state.
"""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    Arrow,
    Circle,
    Dot,
    FadeIn,
    Scene,
    ValueTracker,
    VGroup,
    Write,
    always_redraw,
    linear,
)

import optim_core as oc
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

FIRST, SECOND = r"\hat m", r"\sqrt{\hat v}"


class AdamBoth(Scene):
    def construct(self):
        settings = begin(self, ("adam",), 40)
        lang = settings.lang
        t = settings.run(settings.optimizers[0])
        colors = {"m": oc.INFO["momentum"].color, "v": oc.INFO["adagrad"].color, "step": color_of(t.optimizer)}
        first, second = (np.asarray(field) for field in _moments(t))

        self.next_section("rule")
        head = title("adam_title", lang)
        rule = tex(
            r"W \leftarrow W - \eta \frac{" + FIRST + "}{" + SECOND + r" + \epsilon}",
            substrings_to_isolate=[FIRST, SECOND],
            font_size=44,
        )
        rule.set_color_by_tex(FIRST, colors["m"]).set_color_by_tex(SECOND, colors["v"]).next_to(head, DOWN, buff=0.2)
        self.play(FadeIn(head), Write(rule), run_time=1.5)

        self.next_section("both parts")
        axes, stage = landscape(t.function, x_length=7.4, y_length=4.3)
        stage.next_to(rule, DOWN, buff=0.3).to_edge(LEFT, buff=0.4)
        tracker = ValueTracker(0)

        def index():
            return min(int(tracker.get_value()), len(first) - 1)

        # m: the running direction, drawn from a fixed origin at a fixed scale (its largest length → 1.4 units).
        m_scale = 1.4 / max(np.linalg.norm(first, axis=-1).max(), 1e-12)
        compass = Circle(radius=1.45, stroke_color=colors["m"], stroke_opacity=0.25, stroke_width=2)
        compass_centre = Dot(radius=0.05, color=colors["m"]).move_to(compass)

        def m_arrow():
            vector = np.append(first[index()] * m_scale, 0.0)
            start = compass_centre.get_center()
            return Arrow(
                start, start + vector, buff=0, color=colors["m"], stroke_width=6, max_tip_length_to_length_ratio=0.25
            )

        root_v = np.sqrt(second)
        v_scale = np.where(root_v.max(axis=0) > 0, root_v.max(axis=0), 1.0)
        bars = coordinate_bars(lambda: root_v[index()] / v_scale, colors["v"], lang, height=2.2)
        m_panel = VGroup(label("m", lang, colors["m"], 30), VGroup(compass, compass_centre)).arrange(DOWN, buff=0.2)
        v_panel = VGroup(label("√v", lang, colors["v"], 30), bars).arrange(DOWN, buff=0.3)
        panels = VGroup(m_panel, v_panel).arrange(RIGHT, buff=0.5).next_to(axes, RIGHT, buff=0.3)
        caption = footer("adam_title", lang)
        self.play(FadeIn(stage), FadeIn(panels), run_time=1)
        _, path, note = moving_path(axes, t, tracker, lang, color=colors["step"])
        self.add(*path, always_redraw(m_arrow))
        if note is not None:
            self.add(note.next_to(caption, DOWN, buff=0.1))
        self.play(tracker.animate.set_value(t.steps), run_time=min(10, 0.25 * t.steps + 1), rate_func=linear)
        self.wait(1)


def _moments(t: oc.Trajectory):
    """(m, v) from the state of either Adam (book: m, v; torch: exp_avg, exp_avg_sq)."""
    fields = t.states._asdict()
    for first, second in (("m", "v"), ("exp_avg", "exp_avg_sq")):
        if first in fields:
            return fields[first], fields[second]
    raise oc.OptvizError(f"the Adam scene needs an Adam-like optimizer with m and v, got {t.optimizer.name!r}")
