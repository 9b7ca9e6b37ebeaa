"""On a real network: the book's Figure 6-9 on real handwritten digits, the "S" in SGD, and the paths on a slice
of the loss landscape.

    manim render scenes/network.py

Beats: see :data:`BEATS`. Every number comes from ``optim_core.network.chapter()`` (the book's four optimizers
training the book's network on scikit-learn's digits, cached per user) and ``optim_core.minibatch`` (the bowl
as least squares, for the noise of a minibatch). The scene shows the book's chapter, so of the scene settings
it reads only ``OPTVIZ_LANG``.
"""

from __future__ import annotations

import itertools

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Arrow,
    Axes,
    Circle,
    Dot,
    FadeIn,
    FadeOut,
    Indicate,
    LaggedStart,
    Line,
    ManimColor,
    Rectangle,
    ValueTracker,
    VGroup,
    VMobject,
    always_redraw,
    interpolate_color,
    linear,
)

import optim_core as oc
from catalog import grouped, number
from catalog import text as caption
from optim_core import minibatch, network
from optim_core.spec import BOOK_FOUR, BOOK_LR
from scenes._beats import Beat, Lecture
from scenes._common import (
    AXIS_COLOR,
    BACKGROUND,
    CONTOUR_COLOR,
    CONTOUR_WIDTH,
    PATH_WIDTH,
    TEXT_COLOR,
    PathFollower,
    ball,
    begin,
    below,
    label,
    landscape,
    legend_entry,
    picture_bottom,
    place_picture,
    safe_height,
    safe_width,
    series_labels,
    styled_trail,
    title,
)

#: The beats in the order the scene plays them.
BEATS = [
    Beat("digits", "slide_net_digits", "net_digits"),
    Beat("layers", "slide_net_layers", "net_layers"),
    Beat("weights", "slide_net_weights", "net_weights"),
    Beat("noise", "slide_net_noise", "net_noise"),
    Beat("race", "slide_net_race", "net_race"),
    Beat("behind", "slide_net_behind", "net_behind"),
    Beat("accuracy", "slide_net_accuracy", "net_accuracy"),
    Beat("plane", "slide_net_plane", "net_plane"),
    Beat("paths", "slide_net_paths", "net_paths"),
    Beat("share", "slide_net_share", "net_share"),
    Beat("ranking", "slide_net_ranking", "net_ranking"),
]
#: Scans shown of each digit, one digit per column.
DIGITS_PER_CLASS = 3
#: Neurons drawn per layer (the layer's true size is written under it); the ten outputs are all drawn.
NEURONS_DRAWN = 8
#: The race is told in two beats: the first runs up to this iteration, where SGD is clearly behind.
RACE_SPLIT = 200
#: Seconds the loss chart takes to zoom out from the first iterations to all of them.
ZOOM_SECONDS = 1.5
#: The charts' height, in scene units.
CHART_HEIGHT = 4.5
#: The book's loss axis: Figure 6-9 draws the loss from 0 to 1 and cuts what lies above.
LOSS_TOP = 1.0
#: Minibatch SGD on the bowl: examples per step, noisy paths drawn, and steps (the book's 30 points).
NOISE_BATCH, NOISE_RUNS, NOISE_STEPS = 10, 3, 29
#: How much of its colour a noisy path keeps (mixed with the background): faint, so that the book's exact
#: path stays the subject.
NOISY_SHARE = 0.5
#: Contour lines of the loss on the plane, evenly spaced on a log scale between its lowest and highest value.
PLANE_LEVELS = 14
#: The scans' paper and ink: the scenes' background and words.
PAPER, PEN = ManimColor(BACKGROUND), ManimColor(TEXT_COLOR)
#: The lowest contour's colour on the plane; the highest is the bowl's (CONTOUR_COLOR), so none is fainter.
VALLEY_COLOR = "#3f4552"
#: The words' size in the side column (legend, counter, ranking), as in the race on the bowl.
SIDE_SIZE = 30
#: The size of small words in a picture (ticks, layer sizes, notes): the smallest the layout allows.
SMALL = 24


def percent(fraction: float, lang: str) -> str:
    return caption("percent", lang, value=number(100 * fraction, lang, ".0f"))


def words(key: str, lang: str, size: float = SMALL, color: str = TEXT_COLOR, **values):
    return label(caption(key, lang, **values), lang, color, size)


def digit_picture(pixels: np.ndarray, side: float) -> VGroup:
    """An 8×8 scan as it is: ink on the scenes' background, every pixel a sharp square (one shape per grey level,
    so that a scan is a few mobjects, not 64), in a thin frame."""
    levels = np.asarray(pixels, dtype=np.float64).reshape(network.DIGIT_SIDE, network.DIGIT_SIDE)
    cell = side / network.DIGIT_SIDE
    ink = VGroup()
    for level in np.unique(levels[levels > 0]):
        shape = VMobject(stroke_width=0).set_fill(interpolate_color(PAPER, PEN, float(level)), 1)
        for row, column in zip(*np.nonzero(levels == level), strict=True):
            left, top = -side / 2 + column * cell, side / 2 - row * cell
            # A hair wider than the cell, so that no seam of background shows between neighbouring pixels.
            corners = [[left, top], [left + cell, top], [left + cell, top - cell], [left, top - cell]]
            corners = (
                np.array([[x, y, 0.0] for x, y in corners])
                + np.array([[-1, 1, 0], [1, 1, 0], [1, -1, 0], [-1, -1, 0]]) * 0.004
            )
            shape.start_new_path(corners[0])
            shape.add_points_as_corners([*corners[1:], corners[0]])
        ink.add(shape)
    frame = Rectangle(width=side, height=side, stroke_color=AXIS_COLOR, stroke_width=1.5)
    return VGroup(ink, frame)


def pixel_grid(scan: VGroup) -> VGroup:
    """Lines between the pixels of ``scan``, so that its 64 numbers can be counted."""
    side, (x, y, _) = scan.width, scan.get_center()
    cell = side / network.DIGIT_SIDE
    lines = VGroup()
    for i in range(1, network.DIGIT_SIDE):
        offset = -side / 2 + i * cell
        lines.add(Line([x + offset, y - side / 2, 0], [x + offset, y + side / 2, 0]))
        lines.add(Line([x - side / 2, y + offset, 0], [x + side / 2, y + offset, 0]))
    return lines.set_stroke(AXIS_COLOR, 1.0, opacity=0.5)


def layers_picture(sizes: tuple[int, ...], lang: str) -> tuple[VGroup, VGroup]:
    """The network as one column of neurons per layer, the layer's size under it, the inputs named "pixels",
    the hidden layers named, the ten outputs labelled with their digits, and a line for every pair of drawn
    neurons in neighbouring layers. Returns the picture and those lines (the weights)."""
    columns = VGroup()
    for index, size in enumerate(sizes):
        drawn = size if index == len(sizes) - 1 else min(size, NEURONS_DRAWN)
        neurons = (
            Circle(radius=0.11, stroke_color=TEXT_COLOR, stroke_width=2).set_fill(BACKGROUND, 1) for _ in range(drawn)
        )
        columns.add(VGroup(*neurons).arrange(DOWN, buff=0.2).set_z_index(2))
    columns.arrange(RIGHT, buff=1.35)
    connections = VGroup(
        *(
            Line(a.get_center(), b.get_center(), stroke_color=AXIS_COLOR, stroke_width=1.0, stroke_opacity=0.45)
            for left, right in itertools.pairwise(columns)
            for a in left
            for b in right
        )
    )
    bottom, top = columns.get_bottom()[1] - 0.3, columns.get_top()[1] + 0.3
    counts = VGroup(
        *(
            label(grouped(n, lang), lang, TEXT_COLOR, SMALL).move_to([c.get_x(), bottom, 0])
            for n, c in zip(sizes, columns, strict=True)
        )
    )
    digits = VGroup(
        *(label(str(d), lang, TEXT_COLOR, SMALL).next_to(n, RIGHT, buff=0.12) for d, n in enumerate(columns[-1]))
    )
    heads = VGroup(
        words("net_pixels", lang).move_to([columns[0].get_x(), top, 0]),
        words("net_hidden", lang).move_to([VGroup(*columns[1:-1]).get_x(), top, 0]),
        words("net_digit_scores", lang).move_to([columns[-1].get_x(), top, 0]),
    )
    return VGroup(connections, columns, counts, digits, heads), connections


def chart(lang: str, *, y_ticks, y_text, y_name: str, width: float, height: float):
    """Axes for a quantity over the iterations, from 0 to the last of ``y_ticks``, with the y tick labels and the
    names in the words' font (``y_text`` writes a y tick). The x axis runs from 0 to 1, a share of the
    iterations shown (see :func:`iteration_ticks`), so that the chart can zoom out along it. Returns the axes
    and everything drawn for them."""
    y_top = y_ticks[-1]
    axes = Axes(
        x_range=[0, 1, 1 / 4],
        y_range=[0, y_top, y_top / 4],
        x_length=width,
        y_length=height,
        tips=False,
        axis_config={"color": AXIS_COLOR, "stroke_width": 1.5, "include_numbers": False},
    )
    y_labels = VGroup(
        *(label(y_text(y), lang, TEXT_COLOR, SMALL).next_to(axes.c2p(0, y), LEFT, buff=0.15) for y in y_ticks)
    )
    x_label = words("iterations", lang).next_to(axes, DOWN, buff=0.6).align_to(axes, RIGHT)
    y_label = label(y_name, lang, TEXT_COLOR, SMALL).next_to(axes.c2p(0, y_top), UP, buff=0.2).align_to(y_labels, LEFT)
    return axes, VGroup(axes, y_labels, x_label, y_label)


def iteration_ticks(axes: Axes, shown: int, lang: str) -> VGroup:
    """The x tick labels of a :func:`chart` that shows iterations 0 to ``shown``."""
    return VGroup(
        *(
            label(grouped(round(share * shown), lang), lang, TEXT_COLOR, SMALL).next_to(
                axes.c2p(share, 0), DOWN, buff=0.15
            )
            for share in np.linspace(0, 1, 5)
        )
    )


def curve_until(axes: Axes, xs, ys, until: float, shown: float, top: float, color: str) -> VGroup:
    """The curve through ``(xs, ys)`` from its start to ``x = until``, straight between the points, on a
    :func:`chart` showing x from 0 to ``shown``, without the parts above ``top``: the axes end there, as the
    book's do."""
    until = min(until, shown)
    drawn = xs <= until
    x, y = xs[drawn], ys[drawn]
    if xs[0] < until < xs[-1]:
        x, y = np.append(x, until), np.append(y, np.interp(until, xs, ys))
    pieces = VGroup()
    inside = np.flatnonzero(y <= top)
    for run in np.split(inside, np.flatnonzero(np.diff(inside) > 1) + 1):
        if len(run) >= 2:
            line = VMobject(stroke_color=color, stroke_width=PATH_WIDTH)
            pieces.add(line.set_points_as_corners(axes.c2p(np.column_stack([x[run] / shown, y[run]]))))
    return pieces.set_z_index(4)


def racing(axes: Axes, xs, curves, colors, tracker: ValueTracker, shown: ValueTracker, top: float) -> list:
    """Each curve drawn up to the ``tracker``'s iteration on a :func:`chart` showing iterations 0 to ``shown``'s
    value, with a dot at its head while the head is on the axes."""
    mobjects = []
    for ys, color in zip(curves, colors, strict=True):

        def draw(ys=ys, color=color):
            return curve_until(axes, xs, ys, tracker.get_value(), shown.get_value(), top, color)

        def follow(dot, ys=ys):
            at = min(tracker.get_value(), shown.get_value())
            value = float(np.interp(at, xs, ys))
            dot.move_to(axes.c2p(at / shown.get_value(), min(value, top))).set_opacity(1.0 if value <= top else 0.0)

        head = Dot(radius=0.09, color=color, stroke_color=TEXT_COLOR, stroke_width=1.5).set_z_index(5)
        mobjects += [always_redraw(draw), head.add_updater(follow, call_updater=True)]
    return mobjects


def plane_contours(axes: Axes, plane: network.Landscape) -> VGroup:
    """Level sets of the loss on the plane, traced on its grid as the bowl's contours are drawn, and darker the
    lower they lie: this landscape has no formula to tell where its valley is, so the lines do."""
    import contourpy

    levels = np.geomspace(*plane.positive_range, PLANE_LEVELS + 2)[1:-1]
    generator = contourpy.contour_generator(plane.a, plane.b, plane.loss)
    group = VGroup()
    for height, level in enumerate(levels):
        color = interpolate_color(ManimColor(VALLEY_COLOR), ManimColor(CONTOUR_COLOR), height / (len(levels) - 1))
        for line in generator.lines(level):
            if len(line) >= 3:
                curve = VMobject(stroke_color=color, stroke_width=CONTOUR_WIDTH)
                group.add(curve.set_points_as_corners(axes.c2p(line)))
    return group


class NetworkChapter(Lecture):
    script = BEATS

    def construct(self):
        self.lang = begin(self, BOOK_FOUR, 1).lang  # the book's chapter: only the language is a setting
        book = network.chapter()
        digits = network.load_digits()
        weights = grouped(book.landscape.origin.size, self.lang)

        self.layers(digits, *self.digits(digits), weights)
        self.noise()

        looks = series_labels(book.optimizers, self.lang)
        legend = VGroup(*(legend_entry(look.label, self.lang, look.color, look.linestyle) for look in looks))
        legend.arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        ranked = sorted(range(len(looks)), key=lambda i: float(book.smoothed[i, -1]))
        rows = VGroup(
            *(
                words(
                    "net_rank",
                    self.lang,
                    SIDE_SIZE,
                    looks[i].color,
                    place=place,
                    name=book.optimizers[i].info.display_name,
                    loss=number(float(book.smoothed[i, -1]), self.lang, ".0e"),
                )
                for place, i in enumerate(ranked, 1)
            )
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        # The legend stays in one place from the race to the end, where the ranking takes its place: the
        # pictures on its left leave room for the wider of the two.
        room = max(legend.width, rows.width)
        legend.move_to([safe_width() / 2 - room, 0, 0], aligned_edge=LEFT)
        legend.set_y((picture_bottom() + safe_height() / 2) / 2)
        left = safe_width() - room - 0.6

        self.race(book, looks, legend, left)
        self.plane(book, looks, legend, rows, left, weights)
        self.wait(1.5)  # the last picture of the lecture

    def digits(self, digits: network.Digits) -> tuple[VGroup, int]:
        """The opening beat: real scans, a few of each digit, one digit per column, appearing one after another
        while the sentence is read. Returns the first scan and its index in the training set."""
        head = title("net_title", self.lang)
        chosen = [np.flatnonzero(digits.t_train == digit)[:DIGITS_PER_CLASS] for digit in range(digits.classes)]
        columns = VGroup(
            *(
                VGroup(*(digit_picture(digits.x_train[i], 0.9) for i in scans)).arrange(DOWN, buff=0.22)
                for scans in chosen
            )
        ).arrange(RIGHT, buff=0.3)
        names = VGroup(
            *(
                label(str(digit), self.lang, TEXT_COLOR, SMALL).next_to(column, UP, buff=0.15)
                for digit, column in enumerate(columns)
            )
        )
        count = len(digits.t_train) + len(digits.t_test)
        note = words("net_digits_note", self.lang, count=grouped(count, self.lang)).next_to(columns, DOWN, buff=0.35)
        below(head, VGroup(names, columns, note))
        scans = [scan for column in columns for scan in column]
        inks = [scan[0] for scan in scans]
        for ink in inks:
            ink.set_fill(opacity=0)  # the ink only: a scan's frame has no fill, and must keep none; it fades in
        self.beat("digits", enter=[FadeIn(head), FadeIn(names), FadeIn(note), FadeIn(columns)])
        inking = LaggedStart(*(ink.animate.set_fill(opacity=1) for ink in inks), lag_ratio=0.08, group=columns)
        self.play(inking, run_time=self.reading_left())
        columns[0].remove(scans[0])  # the first scan leaves the wall: the next beat carries it into the network
        self.add(scans[0])
        return scans[0], int(chosen[0][0])

    def layers(self, digits: network.Digits, scan: VGroup, index: int, weights: str):
        """The network the scan goes into, then its weights, the point the optimizers move."""
        sizes = (digits.x_train.shape[1], *network.HIDDEN, digits.classes)
        net, connections = layers_picture(sizes, self.lang)
        big = digit_picture(digits.x_train[index], 2.2)
        arrow = Arrow(LEFT, RIGHT, buff=0, color=TEXT_COLOR, stroke_width=3).scale(0.5)
        layout = VGroup(big, arrow, net).arrange(RIGHT, buff=0.3)
        place_picture(layout).shift(0.35 * DOWN)  # room above for the weights' count
        big.set_y(net[1][0].get_y())
        arrow.set_y(big.get_y())
        self.beat(
            "layers",
            keep=[scan],
            enter=[scan.animate.replace(big), FadeIn(pixel_grid(big)), FadeIn(arrow), FadeIn(net)],
            inputs=sizes[0],
            layers=len(network.HIDDEN),
            width=network.HIDDEN[0],
            outputs=sizes[-1],
        )
        self.wait(self.reading_left())

        count = words("net_weights_count", self.lang, size=36, weights=weights).next_to(net, UP, buff=0.3)
        self.beat(
            "weights",
            keep=self.mobjects,
            enter=[FadeIn(count), connections.animate.set_stroke(TEXT_COLOR, 1.2, opacity=0.7)],
            weights=weights,
        )
        self.play(Indicate(count, color=TEXT_COLOR, scale_factor=1.1), run_time=self.reading_left())

    def noise(self):
        """The bowl as least squares: minibatch SGD's shaking paths around the book's exact one."""
        data = minibatch.bowl_data()
        sgd = oc.get_optimizer("sgd", lr=BOOK_LR["sgd"])
        exact = oc.run(sgd, data.function, steps=NOISE_STEPS)
        noisy = minibatch.run(sgd, data, batch=NOISE_BATCH, steps=NOISE_STEPS, runs=NOISE_RUNS)
        color = sgd.info.color
        faint = interpolate_color(ManimColor(BACKGROUND), ManimColor(color), NOISY_SHARE).to_hex()
        legend = VGroup(
            legend_entry(
                caption("net_exact", self.lang, size=grouped(data.size, self.lang)), self.lang, color, "-", SMALL
            ),
            legend_entry(caption("net_noisy", self.lang, batch=NOISE_BATCH), self.lang, faint, "-", SMALL),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.2)
        legend[1][1].set_color(color)  # faint is the line's, not the words': they stay as legible as the others
        axes, stage = landscape(data.function, x_length=safe_width(), y_length=4.7)
        # The legend above the bowl, not on it: the noisy paths reach the top of the plot.
        place_picture(VGroup(legend, stage).arrange(DOWN, aligned_edge=RIGHT, buff=0.2))
        tracker = ValueTracker(0)
        paths = []
        for positions, tint, width, radius in [
            *((noisy.positions[:, r], faint, 2.5, 0.07) for r in range(NOISE_RUNS)),
            (exact.positions, color, PATH_WIDTH, 0.11),
        ]:
            follower = PathFollower(axes, positions)
            paths.append((styled_trail(follower, tracker, tint, width, "-"), ball(follower, tracker, tint, radius)))
        self.beat("noise", enter=[FadeIn(stage), FadeIn(legend), *(FadeIn(dot) for _, dot in paths)])
        for line, _ in paths:
            self.add(line)
        self.play(tracker.animate.set_value(NOISE_STEPS), run_time=self.reading_left(4.0), rate_func=linear)

    def race(self, book: network.Chapter, looks, legend: VGroup, width: float):
        """Figure 6-9 told in motion: the loss curves racing over the first iterations, the chart zooming out to
        all of them, then the test accuracy."""
        colors = [look.color for look in looks]
        tracker, shown = ValueTracker(0), ValueTracker(RACE_SPLIT)
        counter = words("net_iteration", self.lang, SIDE_SIZE, k=0).next_to(legend, UP, buff=0.6, aligned_edge=LEFT)
        corner = counter.get_left()
        counter.add_updater(
            lambda m: m.become(
                words("net_iteration", self.lang, SIDE_SIZE, k=grouped(round(tracker.get_value()), self.lang))
            ).move_to(corner, aligned_edge=LEFT)
        )
        ticks = np.linspace(0, 1, 5)
        size = {"width": width - 0.9, "height": CHART_HEIGHT}
        axes, drawn = chart(
            self.lang,
            y_ticks=ticks,
            y_text=lambda v: number(float(v), self.lang),
            y_name=caption("network_loss", self.lang),
            **size,
        )
        place_picture(drawn).align_to(safe_width() / 2 * LEFT, LEFT)
        early, whole = (iteration_ticks(axes, n, self.lang) for n in (RACE_SPLIT, book.iterations))
        # The loss after update k is drawn at iteration k, from 1 on: the counter ends at the book's 2,000.
        iterations = np.arange(1, book.iterations + 1)
        curves = racing(axes, iterations, book.smoothed, colors, tracker, shown, LOSS_TOP)
        self.beat("race", keep=[legend], enter=[FadeIn(drawn), FadeIn(early), FadeIn(counter), FadeIn(legend)])
        self.add(*curves)
        self.play(tracker.animate.set_value(RACE_SPLIT), run_time=self.reading_left(4.0), rate_func=linear)
        self.beat("behind", keep=self.mobjects, iterations=grouped(book.iterations, self.lang))
        # One set of ticks at a time: faded together while the axis rescales, both sets showed at once.
        self.play(FadeOut(early), run_time=0.3)
        self.play(shown.animate.set_value(book.iterations), run_time=ZOOM_SECONDS)
        self.play(FadeIn(whole), run_time=0.3)
        self.play(tracker.animate.set_value(book.iterations), run_time=self.reading_left(), rate_func=linear)

        axes, drawn = chart(
            self.lang,
            y_ticks=ticks,
            y_text=lambda v: percent(float(v), self.lang),
            y_name=caption("test_accuracy", self.lang),
            **size,
        )
        place_picture(drawn).align_to(safe_width() / 2 * LEFT, LEFT)
        whole = iteration_ticks(axes, book.iterations, self.lang)
        measured = ValueTracker(0)  # a tracker of its own: the counter's, fading out, keeps reading the race's
        curves = racing(
            axes, book.accuracy_at, book.test_accuracy, colors, measured, ValueTracker(book.iterations), 1.0
        )
        lowest = float(np.floor(100 * book.test_accuracy[:, -1].min()) / 100)  # "all four end near 98 %"
        self.beat(
            "accuracy",
            keep=[legend],
            enter=[FadeIn(drawn), FadeIn(whole)],
            test=len(network.load_digits().t_test),
            accuracy=percent(lowest, self.lang),
        )
        self.add(*curves)
        self.play(measured.animate.set_value(book.iterations), run_time=self.reading_left(), rate_func=linear)

    def plane(self, book: network.Chapter, looks, legend: VGroup, rows: VGroup, width: float, weights: str):
        """The loss on the plane of the weight paths (Li et al. 2018), the paths on it, what it holds, and the
        ranking at the end."""
        plane = book.landscape
        (a0, a1), (b0, b1) = (plane.a[0], plane.a[-1]), (plane.b[0], plane.b[-1])
        height = 4.4
        axes = Axes(
            x_range=[a0, a1, (a1 - a0) / 4],
            y_range=[b0, b1, (b1 - b0) / 4],
            x_length=height * (a1 - a0) / (b1 - b0),  # equal scales: a distance in weight space is a distance
            y_length=height,
        )
        frame = Rectangle(width=axes.x_length, height=axes.y_length, stroke_color=AXIS_COLOR, stroke_width=1.5)
        frame.move_to(axes.c2p((a0 + a1) / 2, (b0 + b1) / 2))
        first, second = (percent(share, self.lang) for share in plane.explained)
        x_label = words("first_direction", self.lang, share=first).next_to(frame, DOWN, buff=0.15)
        y_label = words("second_direction", self.lang, share=second).rotate(np.pi / 2).next_to(frame, LEFT, buff=0.15)
        start = Dot(axes.c2p(0, 0), radius=0.1, color=TEXT_COLOR).set_z_index(6)
        stage = VGroup(frame, plane_contours(axes, plane), x_label, y_label)
        picture = VGroup(stage, start, axes)
        place_picture(picture)
        picture.set_x(-safe_width() / 2 + width / 2)
        key = VGroup(Dot(radius=0.1, color=TEXT_COLOR), words("shared_start", self.lang, SIDE_SIZE)).arrange(
            RIGHT, buff=0.25
        )
        key.next_to(legend, DOWN, buff=0.45, aligned_edge=LEFT).shift(0.35 * RIGHT)
        self.beat("plane", keep=[legend], enter=[FadeIn(stage), FadeIn(start), FadeIn(key)], weights=weights)
        self.wait(self.reading_left())

        tracker = ValueTracker(0)
        trails, balls = [], []
        for look, path in zip(looks, plane.paths, strict=True):
            follower = PathFollower(axes, path)
            trails.append(styled_trail(follower, tracker, look.color, PATH_WIDTH, look.linestyle))
            balls.append(ball(follower, tracker, look.color, 0.1))
        self.beat("paths", keep=self.mobjects, enter=[FadeIn(b) for b in balls])
        self.add(*trails)
        last = plane.paths.shape[1] - 1
        self.play(tracker.animate.set_value(last), run_time=self.reading_left(4.0), rate_func=linear)

        share = percent(plane.explained.sum(), self.lang)
        total = label(f"{first} + {second} = {share}", self.lang, TEXT_COLOR, SIDE_SIZE).next_to(frame, UP, buff=0.15)
        self.beat("share", keep=self.mobjects, enter=[FadeIn(total)], share=share)
        self.play(
            Indicate(x_label, color=TEXT_COLOR), Indicate(y_label, color=TEXT_COLOR), run_time=self.reading_left()
        )

        rows.move_to(legend, aligned_edge=UP + LEFT)
        staying = [m for m in self.mobjects if m not in (legend, key)]
        self.beat("ranking", keep=staying)
        for row in rows:
            self.play(FadeIn(row, shift=0.2 * UP), run_time=self.reading_left() / len(rows))
