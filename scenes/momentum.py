"""Momentum, the headline: a ball rolling in a bowl beside SGD, the vector sum of each step, and α → 0.

    manim render scenes/momentum.py

Beats: see :data:`BEATS`. Every position and every vector is optim_core's: the parts of each step come from
``optim_core.analogy.step_parts``, the article's sketch from ``optim_core.analogy.right_angle_turn``.
"""

from __future__ import annotations

import numpy as np
from manim import (
    DEGREES,
    DOWN,
    LEFT,
    ORIGIN,
    OUT,
    RIGHT,
    UL,
    UP,
    Angle,
    Arrow,
    Axes,
    Circle,
    DashedLine,
    Dot,
    FadeIn,
    GrowArrow,
    Line,
    Rectangle,
    Surface,
    ThreeDAxes,
    ValueTracker,
    VGroup,
    VMobject,
    Write,
    always_redraw,
    linear,
)

import optim_core as oc
from optim_core.display import STEP_COLOR
from scenes._beats import Beat, ThreeDLecture
from scenes._common import (
    AXIS_COLOR,
    PATH_WIDTH,
    TEXT_COLOR,
    LocalDecimal,
    PathFollower,
    begin,
    below,
    edge_buff,
    label,
    landscape,
    picture_bottom,
    place_picture,
    rule_tex,
    safe_height,
    safe_width,
    term_color,
    tex,
    text,
    title,
    trail,
)

CARRIED = r"\alpha v"
GRADIENT = r"- \eta \frac{\partial L}{\partial W}"
#: The beats in the order the scene plays them.
BEATS = [
    Beat("rule", "slide_momentum_rule", "momentum_rule"),
    Beat("ball in a bowl", "slide_ball_section", "ball_section"),
    Beat("ball rolls", "slide_ball_rolls", "ball_rolls"),
    Beat("surface", "slide_surface", "surface"),
    Beat("valley", "slide_surface_zigzag", "surface_zigzag"),
    Beat("vector sum", "slide_vector_sum", "vector_sum"),
    Beat("45 degrees", "slide_turn_45", "turn_45"),
    Beat("real step", "slide_vector_real", "vector_real"),
    Beat("another step", "slide_vector_another", "vector_another"),
    Beat("alpha to zero", "slide_alpha_sweep", "alpha_sweep"),
    Beat("alpha zero", "slide_alpha_zero", "alpha_zero"),
]
#: The inset shows real steps at which αv and −η∇L are at least this far apart, each this long on screen.
INSET_ANGLE, INSET_ARROW = 60.0, 1.9
#: The inset's beats, one per real step shown.
INSET_BEATS = ("real step", "another step")


def arrow(start, end, color: str, width: float = 7) -> Arrow:
    return Arrow(
        start,
        end,
        buff=0,
        color=color,
        stroke_width=width,
        tip_length=0.28,
        max_tip_length_to_length_ratio=0.3,
        max_stroke_width_to_length_ratio=20,
    )


def labelled(mobject, name):
    """Mark an arrow as labelled (the layout test holds labelled arrows to a readable length)."""
    mobject.label = name
    return mobject


class MomentumBall(ThreeDLecture):
    script = BEATS

    def construct(self):
        settings = begin(self, ("momentum",), 60)
        self.lang = settings.lang
        momentum = settings.optimizers[0]
        if momentum.name != "momentum":
            raise oc.OptvizError(f"the momentum scene needs the momentum optimizer, got {momentum.name!r}")
        # SGD beside it at the same learning rate: the only difference is the carried step αv.
        sgd = oc.get_optimizer("sgd", lr=momentum.hyperparams["lr"], convention=momentum.convention)
        rolling, stepping = settings.run(momentum), settings.run(sgd)
        self.info = momentum.info
        self.colors = {
            "momentum": momentum.info.color,
            "sgd": sgd.info.color,
            "carried": term_color(momentum.info, CARRIED),
            "gradient": term_color(momentum.info, GRADIENT),
        }

        self.rule_beat()
        self.cross_section_beats(rolling, stepping)
        self.surface_beats(rolling, stepping)
        self.vector_sum_beats(momentum)
        self.real_step_beats(rolling)
        self.alpha_beats(settings, momentum)

    def rule_beat(self):
        head = title("momentum_title", self.lang)
        rule = rule_tex(self.info, font_size=72)
        if rule.width > safe_width():
            rule.scale_to_fit_width(safe_width())
        below(head, rule)
        self.beat("rule", enter=[FadeIn(head)])
        self.play(Write(rule), run_time=self.reading_left())

    # ball in a bowl -------------------------------------------------------------------------------------------

    def cross_section_beats(self, rolling: oc.Trajectory, stepping: oc.Trajectory):
        """Two cross-sections of the bowl along x, one above the other: the ball rolls (Momentum), SGD creeps.
        Each ball is drawn sitting on the curve, turning as it rolls."""
        f = rolling.function
        xs = np.linspace(-8, 8, 161)
        profile = f.value(np.column_stack([xs, np.zeros_like(xs)]))  # the bowl along x, at y = 0
        tracker = ValueTracker(0)
        names = [
            label(t.optimizer.info.display_name, self.lang, self.colors[t.optimizer.name], 30)
            for t in (rolling, stepping)
        ]
        room = safe_width() - max(name.width for name in names) - 0.4
        panels = VGroup()
        for t, name in zip((rolling, stepping), names, strict=True):
            axes = Axes(
                x_range=[-8, 8, 2],
                y_range=[0, float(profile.max()) * 1.05, 1],
                x_length=room,
                y_length=1.9,
                tips=False,
                axis_config={"color": AXIS_COLOR, "stroke_width": 2},
            )
            curve = VMobject(stroke_color=AXIS_COLOR, stroke_width=5).set_points_smoothly(
                axes.c2p(np.column_stack([xs, profile]))
            )
            ball = _RollingBall(axes, f, t.positions[:, 0], tracker, self.colors[t.optimizer.name])
            panel = VGroup(axes, curve, ball.mobject)
            panels.add(VGroup(name, panel).arrange(RIGHT, buff=0.3))
        panels.arrange(DOWN, buff=0.6)
        place_picture(panels)
        self.beat("ball in a bowl", enter=[FadeIn(panels)])
        self.play(tracker.animate.set_value(rolling.steps / 2), run_time=self.reading_left(), rate_func=linear)
        self.beat("ball rolls", keep=self.mobjects)
        self.play(tracker.animate.set_value(rolling.steps), run_time=self.reading_left(), rate_func=linear)

    # surface ----------------------------------------------------------------------------------------------------

    def surface_beats(self, rolling: oc.Trajectory, stepping: oc.Trajectory):
        f = rolling.function
        (x0, x1), (y0, y1) = f.view
        # Only the part of the bowl where the paths live: its steep walls beyond would hide them from the camera.
        y0, y1 = max(y0, -3.0), min(y1, 3.0)
        grid = np.stack(np.meshgrid(np.linspace(x0, x1, 40), np.linspace(y0, y1, 20)), axis=-1)
        top = float(np.nanmax(f.value(grid)))
        axes = ThreeDAxes(
            x_range=[x0, x1, (x1 - x0) / 4],
            y_range=[y0, y1, (y1 - y0) / 2],
            z_range=[0, top, top / 2],
            x_length=9.0,
            y_length=3.6,
            z_length=2.0,
            axis_config={"color": AXIS_COLOR},
        )
        surface = Surface(
            lambda u, v: axes.c2p(u, v, float(f.value([u, v]))),
            u_range=[x0, x1],
            v_range=[y0, y1],
            resolution=(24, 8),  # faces cost per frame (Cairo draws each one): few, large and unstroked
            fill_opacity=0.95,
            stroke_width=0,
            checkerboard_colors=["#7f9fc9", "#6d90bf"],
        )
        VGroup(axes, surface).shift(1.0 * DOWN)
        self.beat("surface", enter=[FadeIn(surface)])  # from above, then the camera tilts
        self.move_camera(
            phi=52 * DEGREES,
            theta=-72 * DEGREES,
            zoom=1.05,
            run_time=1.5,
        )
        legend = VGroup(
            *(
                label(t.optimizer.info.display_name, self.lang, self.colors[t.optimizer.name], 30)
                for t in (rolling, stepping)
            )
        ).arrange(RIGHT, buff=0.8)
        legend.to_edge(UP, buff=edge_buff())
        self.add_fixed_in_frame_mobjects(legend)
        tracker = ValueTracker(0)
        for t in (stepping, rolling):
            lifted = _Lifted(axes, t)
            color = self.colors[t.optimizer.name]
            dot = Dot(lifted.point(0), radius=0.12, color=color, stroke_color=TEXT_COLOR, stroke_width=1.5)
            dot.add_updater(lambda m, lifted=lifted: m.move_to(lifted.point(tracker.get_value())))
            # Paths and balls are drawn after the surface's faces (they are not shaded in 3-D): with the walls
            # in front of the paths cut away above, nothing on the surface should hide them.
            self.add(trail(dot, color, width=6), dot)
        self.play(
            tracker.animate.set_value(min(rolling.steps, 40) / 2), run_time=self.reading_left(2.0), rate_func=linear
        )
        self.beat("valley", keep=self.mobjects)
        self.play(
            tracker.animate.set_value(min(rolling.steps, 40)),
            self.camera.theta_tracker.animate.set_value(-60 * DEGREES),
            run_time=self.reading_left(),
            rate_func=linear,
        )

    # vector sum -------------------------------------------------------------------------------------------------

    def vector_sum_beats(self, momentum: oc.Optimizer):
        """The article's sketch: ① the carried step αv up, ② the gradient step right, both of length 1: the step
        taken is their sum, at 45°."""
        sketch = oc.analogy.right_angle_turn(momentum)  # αv = ① exactly, whatever α: the whole step carried
        unit = 3.0  # screen units per unit of the sketch
        head = rule_tex(self.info, font_size=48).to_edge(UP, buff=edge_buff())
        origin = np.array([-0.6, picture_bottom() + 0.2, 0.0])
        carried, gradient, step = (np.append(v, 0.0) * unit for v in sketch)
        first = labelled(arrow(origin, origin + carried, self.colors["carried"]), "carried")
        second = labelled(arrow(origin + carried, origin + carried + gradient, self.colors["gradient"]), "gradient")
        total = labelled(arrow(origin, origin + step, STEP_COLOR), "step")
        names = VGroup(
            text("previous_step", self.lang, color=self.colors["carried"]).next_to(first, LEFT, buff=0.25),
            text("gradient_step", self.lang, color=self.colors["gradient"]).next_to(second, UP, buff=0.2),
            text("new_step", self.lang, color=STEP_COLOR, angle=sketch.turn_degrees).next_to(
                origin + step * 0.55, RIGHT + DOWN, buff=0.15
            ),
        )
        corner = Angle(Line(origin, origin + carried), Line(origin, origin + step), radius=0.8, other_angle=True)
        corner.set_color(STEP_COLOR)
        self.camera.add_fixed_in_frame_mobjects(head)  # in place while the camera comes back from the 3-D beats
        self.beat("vector sum", enter=[FadeIn(head)])
        self.set_camera_orientation(phi=0, theta=-90 * DEGREES, zoom=1)  # flat again after the 3-D beats
        self.play(GrowArrow(first), FadeIn(names[0]), run_time=1.2)
        self.play(GrowArrow(second), FadeIn(names[1]), run_time=self.reading_left(1.2))
        self.beat("45 degrees", keep=self.mobjects)
        self.play(GrowArrow(total), FadeIn(corner), FadeIn(names[2]), run_time=self.reading_left(2.0))

    # real steps, magnified ----------------------------------------------------------------------------------

    def main_plot(self, f: oc.Function):
        axes, stage = landscape(
            f, x_length=5.6, y_length=5.6 * (f.view[1][1] - f.view[1][0]) / (f.view[0][1] - f.view[0][0])
        )
        return axes, stage

    def real_step_beats(self, rolling: oc.Trajectory):
        """Real steps of the path (see :func:`inset_steps`), a beat each, magnified in an inset beside it."""
        shown = inset_steps(rolling)
        axes, stage = self.main_plot(rolling.function)
        scale = INSET_ARROW / min(min(np.linalg.norm(p.carried), np.linalg.norm(p.gradient_step)) for _, p in shown)
        zoom = scale / (axes.x_length / (axes.x_range[1] - axes.x_range[0]))
        width, height = safe_width() - axes.x_length - 0.6, safe_height() - 2.2
        inset_box = Rectangle(width=width, height=height, stroke_color=TEXT_COLOR, stroke_width=2)
        VGroup(stage, inset_box).arrange(RIGHT, buff=0.6)
        place_picture(VGroup(stage, inset_box))
        path = VMobject(stroke_color=self.colors["momentum"], stroke_width=PATH_WIDTH).set_points_as_corners(
            axes.c2p(rolling.positions[: min(rolling.steps, 40) + 1])
        )
        plot = [stage, path, inset_box]
        for name, (k, parts) in zip(INSET_BEATS, shown, strict=False):
            centre = rolling.positions[k] + parts.step / 2
            window = np.array([width, height]) / scale / 2
            inset = Axes(
                x_range=[centre[0] - window[0], centre[0] + window[0], window[0]],
                y_range=[centre[1] - window[1], centre[1] + window[1], window[1]],
                x_length=width,
                y_length=height,
                tips=False,
                axis_config={"stroke_opacity": 0},
            ).move_to(inset_box)
            region = Rectangle(
                width=2 * window[0] * axes.x_length / (axes.x_range[1] - axes.x_range[0]),
                height=2 * window[1] * axes.y_length / (axes.y_range[1] - axes.y_range[0]),
                stroke_color=TEXT_COLOR,
                stroke_width=2,
            ).move_to(axes.c2p(*centre))
            leaders = VGroup(
                DashedLine(region.get_corner(UP + RIGHT), inset_box.get_corner(UP + LEFT), color=AXIS_COLOR),
                DashedLine(region.get_corner(DOWN + RIGHT), inset_box.get_corner(DOWN + LEFT), color=AXIS_COLOR),
            )
            start = rolling.positions[k]
            carried = labelled(
                arrow(inset.c2p(*start), inset.c2p(*(start + parts.carried)), self.colors["carried"]), "carried"
            )
            gradient = labelled(
                arrow(inset.c2p(*(start + parts.carried)), inset.c2p(*(start + parts.step)), self.colors["gradient"]),
                "gradient",
            )
            step = labelled(arrow(inset.c2p(*start), inset.c2p(*(start + parts.step)), STEP_COLOR), "step")
            carried.inset_term, gradient.inset_term = "carried", "gradient"
            names = VGroup(
                _beside(tex(CARRIED, font_size=44, color=self.colors["carried"]), carried, step),
                _beside(tex(r"-\eta \nabla L", font_size=44, color=self.colors["gradient"]), gradient, step),
                _beside(tex("v", font_size=44, color=STEP_COLOR), step, carried),
            )
            before = VMobject(stroke_color=self.colors["momentum"], stroke_width=PATH_WIDTH).set_points_as_corners(
                inset.c2p(rolling.positions[max(k - 1, 0) : k + 1])
            )
            ball = Dot(inset.c2p(*start), radius=0.14, color=self.colors["momentum"]).set_z_index(5)
            picture = VGroup(region, leaders, before, ball)
            entering = [m for m in plot if m not in self.mobjects] + [picture]
            self.beat(name, keep=plot, enter=[FadeIn(m) for m in entering], zoom=zoom)
            self.play(GrowArrow(carried), FadeIn(names[0]), run_time=1.2)
            self.play(GrowArrow(gradient), FadeIn(names[1]), run_time=1.2)
            self.play(
                GrowArrow(step), FadeIn(names[2]), ball.animate.move_to(step.get_end()), run_time=self.reading_left()
            )

    # α → 0 ------------------------------------------------------------------------------------------------------

    def alpha_beats(self, settings, momentum: oc.Optimizer):
        """α swept from the optimizer's value to 0, the path recomputed by optim_core at every frame; at 0 it
        lies exactly on SGD's."""
        lr, start = momentum.hyperparams["lr"], float(momentum.hyperparams["momentum"])
        axes, stage = landscape(settings.function, x_length=safe_width(), y_length=4.2)
        place_picture(stage)
        alpha = ValueTracker(start)

        def run(a: float) -> oc.Trajectory:
            return settings.run(oc.get_optimizer("momentum", lr=lr, momentum=a, convention=momentum.convention))

        def path():
            follower = PathFollower(axes, run(max(alpha.get_value(), 0.0)).positions)
            return VMobject(stroke_color=self.colors["momentum"], stroke_width=7).set_points_as_corners(
                follower.point_array()
            )

        readout = VGroup(
            tex(r"\alpha =", font_size=48),
            LocalDecimal(start, self.lang, num_decimal_places=2, font_size=48, color=TEXT_COLOR),
        ).arrange(RIGHT)
        readout[1].add_updater(lambda m: m.set_value(max(alpha.get_value(), 0.0)))
        readout.next_to(stage, UP, buff=0.15).align_to(stage, LEFT)
        morphing = always_redraw(path)
        self.beat("alpha to zero", enter=[FadeIn(stage), FadeIn(readout), FadeIn(morphing)], start=start)
        self.play(alpha.animate.set_value(0.0), run_time=self.reading_left(3.0), rate_func=linear)
        sgd = settings.run(oc.get_optimizer("sgd", lr=lr, convention=momentum.convention))
        thin = VMobject(stroke_color=self.colors["sgd"], stroke_width=2.5).set_points_as_corners(
            PathFollower(axes, sgd.positions).point_array()
        )
        name = label(sgd.optimizer.info.display_name, self.lang, self.colors["sgd"], 30)
        name.next_to(stage, UP, buff=0.15).align_to(stage, RIGHT)
        self.beat("alpha zero", keep=self.mobjects)
        self.play(FadeIn(thin), FadeIn(name), run_time=self.reading_left())


def inset_steps(rolling: oc.Trajectory) -> list[tuple[int, oc.analogy.StepParts]]:
    """Two real steps whose αv and −η∇L are at least :data:`INSET_ANGLE` apart and of similar length (the
    shorter at least half the longer): the two with the longest shorter part, in path order."""
    candidates = []
    for k in range(1, rolling.steps):
        parts = oc.analogy.step_parts(rolling.optimizer, rolling.grads[k], rolling.state_at(k), rolling.positions[k])
        lengths = np.linalg.norm(parts.carried), np.linalg.norm(parts.gradient_step)
        if _angle(parts.carried, parts.gradient_step) >= INSET_ANGLE and min(lengths) >= 0.5 * max(lengths) > 0:
            candidates.append((min(lengths), k, parts))
    chosen = sorted(candidates, key=lambda c: -c[0])[:2]
    return [(k, parts) for _, k, parts in sorted(chosen, key=lambda c: c[1])]


def _angle(a, b) -> float:
    return float(np.degrees(np.arccos(np.clip(a @ b / (np.linalg.norm(a) * np.linalg.norm(b)), -1.0, 1.0))))


def _beside(name, arrow_, away_from):
    """Place ``name`` beside the middle of ``arrow_``, on the side away from ``away_from``'s middle."""
    middle = arrow_.get_center()
    direction = arrow_.get_end() - arrow_.get_start()
    normal = np.array([-direction[1], direction[0], 0.0]) / max(np.linalg.norm(direction), 1e-9)
    if normal @ (away_from.get_center() - middle) > 0:
        normal = -normal
    return name.move_to(middle + normal * (0.35 + max(name.width, name.height) / 2))


class _RollingBall:
    """A shaded ball resting on the curve y = f(x, 0) of ``axes`` at the trajectory's x, turning as it rolls."""

    def __init__(self, axes: Axes, f: oc.Function, xs: np.ndarray, tracker: ValueTracker, color: str, radius=0.28):
        self.axes, self.f, self.radius = axes, f, radius
        self.follower = PathFollower(axes, np.column_stack([xs, np.zeros_like(xs)]))
        body = Circle(radius=radius).set_fill(color, 1).set_stroke(TEXT_COLOR, 1.5)
        body.set_sheen(-0.45, UL + OUT)  # lit from the upper left
        spoke = Line(ORIGIN, radius * 0.85 * UP, color="#ffffff", stroke_width=3)
        self.mobject = VGroup(body, spoke).set_z_index(5)
        self.x0 = float(xs[0])
        self.mobject.add_updater(lambda m: self.place(m, self.follower.coordinates(tracker.get_value())[0]))
        self.place(self.mobject, self.x0)

    def place(self, m, x: float):
        point = self.axes.c2p(x, float(self.f.value([x, 0.0])))
        ahead = self.axes.c2p(x + 1e-3, float(self.f.value([x + 1e-3, 0.0])))
        tangent = (ahead - point) / np.linalg.norm(ahead - point)
        normal = np.array([-tangent[1], tangent[0], 0.0])
        centre = point + self.radius * normal
        travelled = (self.axes.c2p(x, 0)[0] - self.axes.c2p(self.x0, 0)[0]) / self.radius
        body, spoke = m
        body.move_to(centre)
        spoke.put_start_and_end_on(
            centre, centre + 0.85 * self.radius * np.array([-np.sin(-travelled), np.cos(-travelled), 0.0])
        )


class _Lifted:
    """A path on the surface: the trajectory's (x, y) with f's value as height."""

    def __init__(self, axes: ThreeDAxes, t: oc.Trajectory):
        self.axes = axes
        self.follower = PathFollower(axes, t.positions)
        self.f = t.function

    def point(self, s: float) -> np.ndarray:
        x, y = self.follower.coordinates(s)
        return self.axes.c2p(x, y, float(self.f.value([x, y]))) + 0.12 * OUT  # just above, not inside
