"""Momentum, the headline: a ball rolling in a bowl beside SGD, the vector sum of each step, and α = 0.

    manim render scenes/momentum.py

Beats (sections): rule, ball in a bowl, surface, vector sum, alpha zero. Every position and every vector is
optim_core's: the parts of each step come from ``optim_core.analogy.step_parts``.
"""

from __future__ import annotations

import numpy as np
from manim import (
    DEGREES,
    DOWN,
    LEFT,
    OUT,
    RIGHT,
    UP,
    Arrow,
    Axes,
    DecimalNumber,
    Dot,
    Dot3D,
    FadeIn,
    FadeOut,
    Surface,
    ThreeDAxes,
    ThreeDScene,
    ValueTracker,
    VGroup,
    VMobject,
    Write,
    always_redraw,
    linear,
)

import optim_core as oc
from scenes._common import (
    AXIS_COLOR,
    TEXT_COLOR,
    PathFollower,
    ball,
    begin,
    contours,
    footer,
    label,
    landscape,
    moving_path,
    tex,
    title,
    trail,
)

CARRIED = r"\alpha v"
GRADIENT = r"- \eta \frac{\partial L}{\partial W}"
STEP_COLOR = "#009E73"  # the resulting step, as in the figures' vector sketch
VECTOR_STEPS = 3


class MomentumBall(ThreeDScene):
    def construct(self):
        settings = begin(self, ("momentum",), 60)
        self.lang = settings.lang
        momentum = settings.optimizers[0]
        if momentum.name != "momentum":
            raise oc.OptvizError(f"the momentum scene needs the momentum optimizer, got {momentum.name!r}")
        # SGD beside it at the same learning rate: the only difference is the carried step αv.
        sgd = oc.get_optimizer("sgd", lr=momentum.hyperparams["lr"])
        rolling, stepping = settings.run(momentum), settings.run(sgd)
        self.colors = {"momentum": momentum.info.color, "sgd": sgd.info.color}

        self.next_section("rule")
        self.rule_beat()
        self.next_section("ball in a bowl")
        self.cross_section_beat(rolling, stepping)
        self.next_section("surface")
        self.surface_beat(rolling, stepping)
        self.next_section("vector sum")
        self.vector_sum_beat(rolling)
        self.next_section("alpha zero")
        self.alpha_zero_beat(settings, momentum)

    def rule(self):
        rule = tex(
            r"v \leftarrow " + CARRIED + " " + GRADIENT + r",\quad W \leftarrow W + v",
            substrings_to_isolate=[CARRIED, GRADIENT],
            font_size=40,
        )
        rule.set_color_by_tex(CARRIED, self.colors["momentum"]).set_color_by_tex(GRADIENT, self.colors["sgd"])
        return rule

    def clear(self):
        self.play(*(FadeOut(m) for m in self.mobjects), run_time=0.5)
        self.clear_updaters()
        self.remove(*self.mobjects)

    def clear_updaters(self):
        for mobject in self.mobjects:
            mobject.clear_updaters()

    def rule_beat(self):
        head = title("momentum_title", self.lang)
        rule = self.rule().next_to(head, DOWN, buff=0.6)
        note = footer("momentum_rule", self.lang).next_to(rule, DOWN, buff=0.6)
        self.play(FadeIn(head), Write(rule), run_time=1.5)
        self.play(FadeIn(note), run_time=0.6)
        self.wait(1)
        self.clear()

    def cross_section_beat(self, rolling: oc.Trajectory, stepping: oc.Trajectory):
        f = rolling.function
        head = title("ball_section", self.lang)
        xs = np.linspace(-8, 8, 161)
        profile = f.value(np.stack([xs, np.zeros_like(xs)], axis=-1))  # the bowl along x, at y = 0
        axes = Axes(
            x_range=[-8, 8, 2],
            y_range=[0, float(profile.max()) * 1.1, 1],
            x_length=11,
            y_length=4.6,
            tips=False,
            axis_config={"color": AXIS_COLOR},
        ).next_to(head, DOWN, buff=0.5)
        curve = VMobject(stroke_color=AXIS_COLOR, stroke_width=4).set_points_smoothly(
            axes.c2p(np.column_stack([xs, profile]))
        )
        tracker = ValueTracker(0)
        balls = VGroup()
        for t, size in ((stepping, 0.13), (rolling, 0.17)):
            name = t.optimizer.name
            along_x = np.column_stack(
                [t.positions[:, 0], f.value(np.column_stack([t.positions[:, 0], 0 * t.positions[:, 0]]))]
            )
            follower = PathFollower(axes, along_x)
            dot = ball(follower, tracker, self.colors[name], radius=size)
            name_tag = label(t.optimizer.info.display_name, self.lang, self.colors[name])
            name_tag.add_updater(lambda m, d=dot, up=(name == "momentum"): m.next_to(d, UP if up else DOWN, buff=0.15))
            balls.add(dot, name_tag)
        self.play(FadeIn(head), FadeIn(axes), FadeIn(curve), FadeIn(balls), run_time=1)
        self.play(tracker.animate.set_value(rolling.steps), run_time=6, rate_func=linear)
        self.wait(0.5)
        self.clear()

    def surface_beat(self, rolling: oc.Trajectory, stepping: oc.Trajectory):
        f = rolling.function
        (x0, x1), (y0, y1) = ((-10.0, 10.0), (-4.0, 4.0)) if f.name == "bowl" else f.window
        grid = np.stack(np.meshgrid(np.linspace(x0, x1, 40), np.linspace(y0, y1, 20)), axis=-1)
        top = float(np.nanmax(f.value(grid)))
        axes = ThreeDAxes(
            x_range=[x0, x1, (x1 - x0) / 4],
            y_range=[y0, y1, (y1 - y0) / 4],
            z_range=[0, top, top / 4],
            x_length=8,
            y_length=4,
            z_length=2.4,
            axis_config={"color": AXIS_COLOR},
        )
        surface = Surface(
            lambda u, v: axes.c2p(u, v, float(f.value([u, v]))),
            u_range=[x0, x1],
            v_range=[y0, y1],
            resolution=(24, 12),
            fill_opacity=0.45,
            stroke_width=0.5,
            stroke_color="#7d8ea3",
            checkerboard_colors=["#c9d8ea", "#b5c9e0"],
        )
        VGroup(axes, surface).shift(1.2 * DOWN)
        head = title("surface", self.lang)
        self.add_fixed_in_frame_mobjects(head)
        self.play(FadeIn(head), run_time=0.4)
        self.move_camera(
            phi=60 * DEGREES, theta=-62 * DEGREES, zoom=1.15, added_anims=[FadeIn(axes), FadeIn(surface)], run_time=1.5
        )
        tracker = ValueTracker(0)
        for t in (stepping, rolling):
            lifted = _Lifted(axes, t)
            dot = Dot3D(lifted.point(0), radius=0.1, color=self.colors[t.optimizer.name], resolution=(6, 6))
            dot.add_updater(lambda m, lifted=lifted: m.move_to(lifted.point(tracker.get_value())))
            self.add(trail(dot, self.colors[t.optimizer.name], width=4), dot)
        self.play(tracker.animate.set_value(min(rolling.steps, 40)), run_time=5, rate_func=linear)
        self.clear()
        self.set_camera_orientation(phi=0, theta=-90 * DEGREES, zoom=1)

    def vector_sum_beat(self, rolling: oc.Trajectory):
        steps = min(VECTOR_STEPS, rolling.steps)
        parts = [
            oc.analogy.step_parts(rolling.optimizer, rolling.grads[k], rolling.state_at(k), rolling.positions[k])
            for k in range(steps)
        ]
        head = title("vector_sum", self.lang)
        rule = self.rule().next_to(head, DOWN, buff=0.2)
        corners = [rolling.positions[k] + p.carried for k, p in enumerate(parts)]  # where ② starts
        axes = _equal_scale_axes(np.vstack([rolling.positions[: steps + 1], *corners]), width=12, height=4.9)
        axes.next_to(rule, DOWN, buff=0.15)
        level_sets = contours(axes, rolling.function, count=12)
        tracker = ValueTracker(0)

        def arrows():
            s = tracker.get_value()
            k = min(int(s), steps - 1)
            phase = s - k if s < steps else 1.0
            tail = rolling.positions[k]
            group = VGroup()
            grow = np.clip(3 * phase, 0, 1), np.clip(3 * phase - 1, 0, 1), np.clip(3 * phase - 2, 0, 1)
            pieces = (
                (tail, parts[k].carried, self.colors["momentum"], grow[0]),
                (tail + parts[k].carried, parts[k].gradient_step, self.colors["sgd"], grow[1]),
                (tail, parts[k].step, STEP_COLOR, grow[2]),
            )
            for start, vector, color, amount in pieces:
                if amount > 0.02:
                    group.add(
                        Arrow(
                            axes.c2p(*start),
                            axes.c2p(*(start + amount * vector)),
                            buff=0,
                            color=color,
                            stroke_width=6,
                            tip_length=0.18,
                            max_tip_length_to_length_ratio=0.35,
                            max_stroke_width_to_length_ratio=20,
                        )
                    )
            return group.set_z_index(6)

        def ball_point(s):
            k = min(int(s), steps - 1)
            phase = s - k if s < steps else 1.0
            moved = np.clip(3 * phase - 2, 0, 1)
            return axes.c2p(*(rolling.positions[k] + moved * parts[k].step))

        dot = Dot(ball_point(0), radius=0.1, color=self.colors["momentum"]).set_z_index(5)
        dot.add_updater(lambda m: m.move_to(ball_point(tracker.get_value())))
        self.play(FadeIn(head), FadeIn(rule), FadeIn(axes), FadeIn(level_sets), run_time=1)
        self.add(trail(dot, TEXT_COLOR, width=2), always_redraw(arrows), dot)
        self.play(tracker.animate.set_value(steps), run_time=2.2 * steps, rate_func=linear)
        self.wait(0.5)
        self.clear()

    def alpha_zero_beat(self, settings, momentum: oc.Optimizer):
        lr = momentum.hyperparams["lr"]
        without = settings.run(oc.get_optimizer("momentum", lr=lr, momentum=0.0))
        sgd = settings.run(oc.get_optimizer("sgd", lr=lr))
        head = title("alpha_zero", self.lang)
        axes, stage = landscape(settings.function, y_length=4.6)
        stage.next_to(head, DOWN, buff=0.3)
        alpha = ValueTracker(momentum.hyperparams["momentum"])
        readout = VGroup(
            tex(r"\alpha =", font_size=48),
            DecimalNumber(alpha.get_value(), num_decimal_places=2, font_size=48, color=TEXT_COLOR),
        ).arrange(RIGHT)
        readout[1].add_updater(lambda m: m.set_value(alpha.get_value()))
        readout.next_to(axes, DOWN, buff=0.2).to_edge(LEFT, buff=1)
        self.play(FadeIn(head), FadeIn(stage), FadeIn(readout), run_time=1)
        self.play(alpha.animate.set_value(0.0), run_time=1.5)
        tracker = ValueTracker(0)
        # The α = 0 path drawn wide, SGD's thin on top: one line inside the other all the way.
        _, wide, note = moving_path(axes, without, tracker, self.lang, arrow=False, radius=0.14, width=8)
        _, thin, _ = moving_path(axes, sgd, tracker, self.lang, arrow=False, radius=0.07, width=2.5)
        self.add(wide[0], thin[0], wide[1], thin[1])
        if note is not None:
            self.add(note.next_to(readout, RIGHT, buff=0.5))
        self.play(tracker.animate.set_value(without.steps), run_time=5, rate_func=linear)
        self.wait(1)


class _Lifted:
    """A path on the surface: the trajectory's (x, y) with f's value as height."""

    def __init__(self, axes: ThreeDAxes, t: oc.Trajectory):
        self.axes = axes
        self.follower = PathFollower(axes, t.positions)
        self.f = t.function

    def point(self, s: float) -> np.ndarray:
        x, y = self.follower.coordinates(s)
        return self.axes.c2p(x, y, float(self.f.value([x, y]))) + 0.12 * OUT  # just above, not inside


def _equal_scale_axes(points: np.ndarray, width: float, height: float) -> Axes:
    """Axes around ``points`` with the same scale in x and y, so that angles on screen are true angles."""
    low, high = points.min(axis=0), points.max(axis=0)
    centre, span = (low + high) / 2, (high - low) * 1.12 + 1e-9
    scale = min(width / span[0], height / span[1])
    half = np.array([width, height]) / scale / 2
    return Axes(
        x_range=[centre[0] - half[0], centre[0] + half[0], half[0]],
        y_range=[centre[1] - half[1], centre[1] + half[1], half[1]],
        x_length=width,
        y_length=height,
        tips=False,
        axis_config={"color": AXIS_COLOR, "stroke_width": 1},
    )
