"""Building blocks the scenes share. Nothing here computes an optimizer step: every position, state and
vector comes from optim_core, and these helpers only place mobjects along those arrays."""

from __future__ import annotations

import textwrap

import numpy as np
from manim import (
    DOWN,
    ORIGIN,
    RIGHT,
    UP,
    Axes,
    DecimalNumber,
    Dot,
    Line,
    ManimColor,
    Text,
    TracedPath,
    ValueTracker,
    VGroup,
    VMobject,
    config,
)

import optim_core as oc
from catalog import DECIMAL_SEPARATOR, FONTS, number, separator, terms
from catalog import text as caption

#: Caption size: legible at 480p (low quality) as well as 4k; a line is 0.39 scene units tall.
CAPTION_SIZE = 30
#: The title-safe area: 5 % of the frame's width and height inside each edge.
SAFE_MARGIN = 0.05
#: Characters per caption line, on screen and in the subtitles (two lines at most).
LINE_CHARACTERS = {"en": 42, "de": 42, "ja": 30}
#: The scenes' background, set by each scene in code so that it holds wherever Manim is started from.
BACKGROUND = "#f7f7f5"
TEXT_COLOR = "#1f2328"
#: Contours at a contrast of 3.5:1 with the background (WCAG asks 3:1 of a graphic that carries meaning), drawn
#: about 1.6 px wide at 480p and 3.5 px at 1080p, so that a projector does not wash them out.
CONTOUR_COLOR = "#7d8594"
CONTOUR_WIDTH = 2.6
#: A path's width: above the contours', so that the path stays the picture's subject.
PATH_WIDTH = 4.0
AXIS_COLOR = "#8a8f99"


def begin(scene, default_optimizers: tuple[str, ...], default_steps: int):
    """Every scene's first line: the shared background, and its settings (see scenes/_settings.py)."""
    from ._settings import read_settings

    scene.camera.background_color = ManimColor(BACKGROUND)  # a colour object: manim-slides writes its hex
    return read_settings(default_optimizers, default_steps)


def safe_width() -> float:
    return config.frame_width * (1 - 2 * SAFE_MARGIN)


def safe_height() -> float:
    return config.frame_height * (1 - 2 * SAFE_MARGIN)


def picture_bottom() -> float:
    """Where a beat's picture may start: above a two-line caption at the bottom of the title-safe area."""
    return -safe_height() / 2 + 1.1


def below(head, mobject):
    """Centre ``mobject`` in the room between a title ``head`` and :func:`picture_bottom`."""
    return mobject.move_to([0.0, (head.get_bottom()[1] + picture_bottom()) / 2, 0.0])


def place_picture(mobject):
    """Centre ``mobject`` in the room a beat's picture has: between :func:`picture_bottom` and the top of the
    title-safe area."""
    return mobject.move_to([0.0, (picture_bottom() + safe_height() / 2) / 2, 0.0])


def wrap(words: str, lang: str) -> str:
    r"""``words`` broken into lines of at most :data:`LINE_CHARACTERS` characters. Japanese, which has no
    spaces between words, breaks after punctuation or at the spaces around Latin words, two lines as even as
    they can be.

    >>> wrap("each step = previous step + new gradient step, so a right angle becomes 45°", "en")
    'each step = previous step + new gradient\nstep, so a right angle becomes 45°'
    >>> wrap("SGD はジグザグ、Momentum は揺れ、AdaGrad は減速、Adam はまっすぐ向かう", "ja")
    'SGD はジグザグ、Momentum は揺れ、\nAdaGrad は減速、Adam はまっすぐ向かう'
    >>> wrap("α = 0 なら Momentum は SGD と同じ", "ja")
    'α = 0 なら Momentum は SGD と同じ'
    >>> wrap("勾配の二乗を足し続けるので値 h には過去の勾配がすべて残りステップは縮む一方になる", "ja")
    '勾配の二乗を足し続けるので値\nh には過去の勾配がすべて残りステップは縮む一方になる'
    """
    width = LINE_CHARACTERS[lang]
    if lang != "ja":
        return "\n".join(textwrap.wrap(words, width, break_on_hyphens=False))
    lines, rest = [], words.strip()
    while len(rest) > width:
        # A space before kana joins a Latin word to its particle ("h には"): no break there.
        breaks = [i + 1 for i, ch in enumerate(rest) if ch in "、。：，"] + [
            i for i, ch in enumerate(rest) if ch == " " and not "\u3040" <= rest[i + 1 : i + 2] <= "\u309f"
        ]
        fitting = [b for b in breaks if 0 < len(rest[:b].strip()) <= width]
        if len(rest) <= 2 * width:  # the last two lines: as even as the breaks allow
            even = [b for b in fitting if len(rest[b:].strip()) <= width]
            cut = min(even, key=lambda b: abs(2 * b - len(rest))) if even else (len(rest) + 1) // 2
        else:
            cut = max(fitting, default=width)
        lines.append(rest[:cut].strip())
        rest = rest[cut:].strip()
    return "\n".join([*lines, rest])


def text(key: str, lang: str, *, size: float = CAPTION_SIZE, color: str = TEXT_COLOR, **values) -> Text:
    """A caption in ``lang``, wrapped to two lines at most and scaled down if needed so that it stays inside
    the title-safe area."""
    mobject = Text(wrap(caption(key, lang, **values), lang), font=FONTS[lang], font_size=size, color=color)
    if mobject.width > safe_width():
        mobject.scale_to_fit_width(safe_width())
    return on_top(mobject)


def on_top(mobject):
    """Keep words readable above any path, including one that is diverging across them: the path passes
    behind them (with a see-through background its line showed through a caption)."""
    mobject.add_background_rectangle(color=BACKGROUND, opacity=1.0, buff=0.06)
    return mobject.set_z_index(10)


def tex(source: str, color: str = TEXT_COLOR, **kwargs):
    """MathTex in the scenes' text colour (Manim's default is white, for dark backgrounds)."""
    from manim import MathTex

    return on_top(MathTex(source, color=color, **kwargs))


def rule_tex(info: oc.OptimizerInfo, font_size: float = 48):
    """An optimizer's update rule with each coloured term in its colour (optim_core.display's terms)."""
    coloured = [term for term in info.terms if term.color]
    rule = tex(info.latex, substrings_to_isolate=[term.latex for term in coloured], font_size=font_size)
    for term in coloured:
        rule.set_color_by_tex(term.latex, term.color)
    return rule


def term_color(info: oc.OptimizerInfo, latex: str) -> str:
    """The colour of the rule's term ``latex`` (for arrows and labels that stand for that term)."""
    return next(term.color for term in info.terms if term.latex == latex)


def label(words: str, lang: str, color: str, size: float = 24) -> Text:
    """A short name (an optimizer's, a vector's) in the language's font."""
    return Text(words, font=FONTS[lang], font_size=size, color=color)


class LocalDecimal(DecimalNumber):
    """A DecimalNumber in the language's number format: 0,90 in German (Manim writes 0.90 in every language)."""

    def __init__(self, value: float, lang: str, **kwargs):
        self.separator = DECIMAL_SEPARATOR[lang]  # before Manim's __init__, which writes the number
        super().__init__(value, group_with_commas=False, **kwargs)

    def _get_num_string(self, value) -> str:
        return super()._get_num_string(value).replace(".", self.separator)


def series_labels(optimizers, lang: str) -> list[oc.Series]:
    """Each optimizer's series on one picture (its colour, a line style each), labelled in ``lang`` in the
    book's symbols, as the narration names them: "Momentum (η=0,1; α=0,5)"."""
    return oc.series(optimizers, number=lambda v: number(v, lang), words=terms(lang), separator=separator(lang))


def edge_buff() -> float:
    """The distance from the frame's top or bottom edge to the title-safe area, plus a little air."""
    return config.frame_height * SAFE_MARGIN + 0.05


def title(key: str, lang: str, **values) -> Text:
    return text(key, lang, size=36, **values).to_edge(UP, buff=edge_buff())


def footer(key: str, lang: str, **values) -> Text:
    return text(key, lang, **values).to_edge(DOWN, buff=edge_buff())


def plane(f: oc.Function, *, x_length: float = 11.0, y_length: float = 5.5, window=None) -> Axes:
    """Axes over ``window``, by default the function's wide view, where its paths live."""
    (x0, x1), (y0, y1) = window or f.frame(wide=True)
    return Axes(
        x_range=[x0, x1, (x1 - x0) / 4],
        y_range=[y0, y1, (y1 - y0) / 4],
        x_length=x_length,
        y_length=y_length,
        tips=False,
        axis_config={"color": AXIS_COLOR, "stroke_width": 1.5, "include_numbers": False},
    )


def contours(axes: Axes, f: oc.Function, *, count: int = 9, resolution: int = 160) -> VGroup:
    """Level sets of ``f`` as polylines, traced on a grid over the axes' window."""
    import contourpy

    (x0, x1, _), (y0, y1, _) = axes.x_range, axes.y_range
    xs, ys = np.linspace(x0, x1, resolution), np.linspace(y0, y1, resolution)
    grid = np.stack(np.meshgrid(xs, ys), axis=-1)
    with np.errstate(all="ignore"):
        z = f.value(grid)
    levels = f.contour_levels(count, ((x0, x1), (y0, y1)))
    generator = contourpy.contour_generator(xs, ys, np.where(np.isfinite(z), z, np.nan))
    group = VGroup()
    for level in levels:
        for line in generator.lines(level):
            if len(line) >= 3:
                points = axes.c2p(line)  # (N, 2) in, (N, 3) out
                curve = VMobject(stroke_color=CONTOUR_COLOR, stroke_width=CONTOUR_WIDTH).set_points_as_corners(points)
                group.add(curve)
    return group


def landscape(f: oc.Function, **plane_options) -> tuple[Axes, VGroup]:
    """Axes with the contour lines and minima of ``f``, grouped so that they are placed together."""
    axes = plane(f, **plane_options)
    return axes, VGroup(axes, contours(axes, f), minima(axes, f))


def flag(axes: Axes, point, color: str = TEXT_COLOR) -> VGroup:
    """A golf flag whose pole stands on ``point`` (the hole)."""
    from manim import Polygon

    foot = axes.c2p(*point)
    pole = Line(foot, foot + 0.9 * UP, color=color, stroke_width=3)
    cloth = Polygon(pole.get_end(), pole.get_end() + 0.5 * RIGHT + 0.14 * DOWN, pole.get_end() + 0.28 * DOWN)
    cloth.set_fill("#D55E00", 1).set_stroke(color, 1)
    hole = Dot(foot, radius=0.07, color=color)
    return VGroup(pole, cloth, hole).set_z_index(3)


def minima(axes: Axes, f: oc.Function) -> VGroup:
    return VGroup(*(Text("+", font_size=30, color=TEXT_COLOR).move_to(axes.c2p(*m)) for m in f.minima))


class PathFollower:
    """Maps a fractional step ``s`` to a point of a precomputed path: at whole ``s`` exactly the trajectory's
    position, in between the straight segment of that update (updates are jumps, drawn as straight moves)."""

    def __init__(self, axes: Axes, positions: np.ndarray, margin: float = 0.5):
        self.axes = axes
        self.positions = np.asarray(positions, dtype=np.float64)
        # A diverging path is drawn leaving the plot, clamped at half the plot's size beyond its edges: off the
        # plot, out of the frame, and never astronomic numbers for Cairo.
        (x0, x1, _), (y0, y1, _) = axes.x_range, axes.y_range
        self.low = np.array([x0 - margin * (x1 - x0), y0 - margin * (y1 - y0)])
        self.high = np.array([x1 + margin * (x1 - x0), y1 + margin * (y1 - y0)])

        # Once the path has left that box it has left the picture: the ball stops there rather than draw the
        # rest of a diverging zigzag as bars along the box's edges.
        outside = np.flatnonzero(np.any((self.positions < self.low) | (self.positions > self.high), axis=-1))
        self.last_visible = int(outside[0]) if outside.size else len(self.positions) - 1
        window = np.array([[x0, y0], [x1, y1]])
        self.leaves_plot = bool(np.any((self.positions < window[0]) | (self.positions > window[1])))

    @property
    def steps(self) -> int:
        return len(self.positions) - 1

    def coordinates(self, s: float) -> np.ndarray:
        s = float(np.clip(s, 0, self.last_visible))
        k = min(int(np.floor(s)), self.steps - 1) if self.steps else 0
        fraction = s - k
        point = (
            self.positions[k]
            if fraction == 0 or self.steps == 0
            else ((1 - fraction) * self.positions[k] + fraction * self.positions[k + 1])
        )
        return np.clip(point, self.low, self.high)

    def point(self, s: float) -> np.ndarray:
        return self.axes.c2p(*self.coordinates(s))

    def point_array(self) -> np.ndarray:
        """The visible part of the path as scene points, one per position."""
        return self.axes.c2p(np.clip(self.positions[: self.last_visible + 1], self.low, self.high))


def ball(follower: PathFollower, tracker: ValueTracker, color: str, radius: float = 0.11) -> Dot:
    dot = Dot(follower.point(0), radius=radius, color=color, stroke_color=TEXT_COLOR, stroke_width=1.5)
    dot.set_z_index(5)
    dot.add_updater(lambda m: m.move_to(follower.point(tracker.get_value())))
    return dot


def trail(dot: Dot, color: str, width: float = 3.0) -> TracedPath:
    path = TracedPath(dot.get_center, stroke_color=color, stroke_width=width)
    path.set_z_index(4)
    return path


def in_style(line: VMobject, linestyle, width: float) -> VMobject:
    """``line`` in a line style of :func:`optim_core.series` (matplotlib's): itself when solid, else dashes of
    the style's first on/off pair. The pattern is in line widths, as matplotlib's, tripled: a video is seen from
    further away than a page."""
    if linestyle in ("-", "solid"):
        return line
    from manim import DashedVMobject

    on, off = linestyle[1][:2]
    period = 3 * (on + off) * width * 0.01  # Manim draws a stroke of width w as w / 100 scene units
    count = max(2, round(line.get_arc_length() / period))  # two dashes at least: a dash alone looks solid
    return DashedVMobject(line, num_dashes=count, dashed_ratio=on / (on + off)).set_z_index(line.z_index)


def styled_trail(follower: PathFollower, tracker: ValueTracker, color: str, width: float, linestyle):
    """The path so far, from the start to where the ball is, in ``linestyle`` (see :func:`in_style`)."""
    from manim import always_redraw

    def draw():
        s = float(np.clip(tracker.get_value(), 0, follower.last_visible))
        done = follower.point_array()[: int(np.floor(s)) + 1]
        line = VMobject(stroke_color=color, stroke_width=width).set_points_as_corners([*done, follower.point(s)])
        return in_style(line.set_z_index(4), linestyle, width)

    return always_redraw(draw)


def legend_entry(words: str, lang: str, color: str, linestyle, size: float = 30) -> VGroup:
    """A legend line: a piece of the series' line in its style, then ``words`` in its colour."""
    sample = in_style(Line(ORIGIN, 1.2 * RIGHT, stroke_color=color, stroke_width=PATH_WIDTH), linestyle, PATH_WIDTH)
    return VGroup(sample, label(words, lang, color, size)).arrange(RIGHT, buff=0.2)


def divergence_note(t: oc.Trajectory, tracker: ValueTracker, lang: str) -> Text | None:
    """A caption that appears once the animated step passes the step at which ``t`` diverged."""
    if not t.diverged:
        return None
    name = series_labels([t.optimizer], lang)[0].label  # in the language's numbers and symbols
    note = text("diverged_named", lang, size=26, color=t.optimizer.info.color, name=name, step=int(t.diverged_at))
    note.set_opacity(0)
    note.add_updater(lambda m: m.set_opacity(1.0 if tracker.get_value() >= int(t.diverged_at) else 0.0))
    return note


def step_arrow(follower: PathFollower, tracker: ValueTracker, color: str):
    """The update being animated, as an arrow from where it starts to where it lands."""
    from manim import Arrow, always_redraw

    def draw():
        k = min(int(np.floor(tracker.get_value())), follower.steps - 1)
        return Arrow(
            follower.point(k),
            follower.point(k + 1),
            buff=0,
            color=color,
            stroke_width=3,
            max_tip_length_to_length_ratio=0.15,
        )

    return always_redraw(draw)


def moving_path(
    axes: Axes,
    t: oc.Trajectory,
    tracker: ValueTracker,
    lang: str,
    *,
    color: str | None = None,
    arrow: bool = True,
    radius: float = 0.11,
    width: float = PATH_WIDTH,
    linestyle="-",
):
    """The mobjects of one animated path: its trail (in ``linestyle``, one of :func:`optim_core.series`'), the
    ball, the current step as an arrow (optional), and the divergence caption when the path diverges (None
    otherwise). Place the caption, then add them all."""
    color = color or t.optimizer.info.color
    follower = PathFollower(axes, t.positions)
    dot = ball(follower, tracker, color, radius=radius)
    solid = linestyle in ("-", "solid")
    line = trail(dot, color, width=width) if solid else styled_trail(follower, tracker, color, width, linestyle)
    mobjects = [line, dot]
    for mobject in mobjects:
        mobject.leaves_frame = follower.leaves_plot  # a diverging path is meant to fly out of the picture
    if arrow:
        mobjects.append(step_arrow(follower, tracker, color))
    return follower, mobjects, divergence_note(t, tracker, lang)
