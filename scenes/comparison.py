"""The four-way race: SGD, Momentum, AdaGrad and Adam from (−7, 2), with traced paths, a step counter and the
final ranking.

    manim render scenes/comparison.py

Beats: see :data:`BEATS`. Colours are optim_core's, as in the figures.
"""

from __future__ import annotations

from manim import DOWN, LEFT, RIGHT, UP, FadeIn, FadeOut, ValueTracker, VGroup, linear

from catalog import number
from catalog import text as caption
from optim_core.spec import BOOK_FOUR
from scenes._beats import Beat, Lecture
from scenes._common import (
    TEXT_COLOR,
    begin,
    label,
    landscape,
    legend_entry,
    moving_path,
    place_picture,
    safe_width,
    series_labels,
)

#: The beats in the order the scene plays them. A beat named after an optimizer (optim_core's name) looks at
#: that optimizer's path; it is left out when the race does not run that optimizer.
BEATS = [
    Beat("race", "slide_race", "race_title"),
    Beat("paths", "slide_race_watch", "race_watch"),
    Beat("sgd", "slide_race_sgd", "race_sgd"),
    Beat("momentum", "slide_race_momentum", "race_momentum"),
    Beat("adagrad", "slide_race_adagrad", "race_adagrad"),
    Beat("adam", "slide_race_adam", "race_adam"),
    Beat("ranking", "slide_ranking", "ranking"),
    Beat("lesson", "slide_race_lesson", "race_lesson"),
]
#: The share of the steps raced while the title is read; the rest run under "paths".
START_SHARE = 0.25
#: How much of a path that is not being looked at still shows.
DIMMED = 0.2


class FourWayRace(Lecture):
    script = BEATS

    def construct(self):
        settings = begin(self, BOOK_FOUR, 60)
        self.lang = settings.lang
        runs = [settings.run(opt) for opt in settings.optimizers]
        steps = runs[0].steps

        tracker = ValueTracker(0)
        # The step number in the words' font (a Manim Integer is set in LaTeX's), redrawn as the tracker moves.
        counter = VGroup(*(label(words, self.lang, TEXT_COLOR, 30) for words in (caption("step", self.lang), "0")))
        counter.arrange(RIGHT, buff=0.2)

        def show_step(number):
            shown = label(str(round(tracker.get_value())), self.lang, TEXT_COLOR, 30)
            number.become(shown.next_to(counter[0], RIGHT, buff=0.2))

        counter[1].add_updater(show_step)
        looks = series_labels([t.optimizer for t in runs], self.lang)  # each optimizer's colour, a line style each
        legend = VGroup(*(legend_entry(look.label, self.lang, look.color, look.linestyle) for look in looks))
        legend.arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        side = VGroup(counter, legend).arrange(DOWN, aligned_edge=LEFT, buff=0.6)
        # The ranking, shown later in the legend's place: the plot leaves room for the wider of the two.
        ranked = sorted(
            zip(runs, looks, strict=True), key=lambda run: (bool(run[0].diverged), float(run[0].values[-1]))
        )
        rows = VGroup(*(ranking_row(place, t, look.color, self.lang) for place, (t, look) in enumerate(ranked, 1)))
        rows.arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        room = max(side.width, rows.width)
        axes, stage = landscape(settings.function, x_length=safe_width() - room - 0.5, y_length=4.6)
        picture = place_picture(VGroup(stage, side).arrange(RIGHT, buff=0.5))
        picture.align_to(safe_width() / 2 * LEFT, LEFT)  # the room right of the side column is the ranking's
        paths = [
            moving_path(axes, t, tracker, self.lang, color=look.color, arrow=False, linestyle=look.linestyle)
            for t, look in zip(runs, looks, strict=True)
        ]
        self.beat("race", enter=[FadeIn(stage), FadeIn(side), *(FadeIn(ball) for _, (_, ball), _ in paths)])
        notes = VGroup(*(note for _, _, note in paths if note is not None))
        for _, path, _ in paths:
            self.add(*path)
        if notes:
            self.add(notes.arrange(DOWN, aligned_edge=LEFT).next_to(stage, UP, buff=0.1))
        start = round(START_SHARE * steps)
        self.play(tracker.animate.set_value(start), run_time=self.reading_left(4.0), rate_func=linear)

        self.beat("paths", keep=self.mobjects)
        self.play(tracker.animate.set_value(steps), run_time=self.reading_left(), rate_func=linear)

        def look(at: str | None):
            """Each path, ball and name as drawn if it is ``at``'s (or ``at`` is None), else dimmed."""
            for t, (_, (line, ball), _), name in zip(runs, paths, legend, strict=True):
                shown = 1.0 if at in (None, t.optimizer.name) else DIMMED
                yield from (line.animate.set_stroke(opacity=shown), ball.animate.set_opacity(shown))
                yield name.animate.set_opacity(shown)

        # One look at each optimizer the race runs, in the script's order.
        for name in [beat.name for beat in BEATS if any(t.optimizer.name == beat.name for t in runs)]:
            self.beat(name, keep=self.mobjects, enter=list(look(name)))
            self.wait(self.reading_left(0.5))

        self.beat("ranking", keep=self.mobjects, steps=steps)
        self.play(FadeOut(legend), *look(None), run_time=0.6)
        side.remove(legend)
        rows.move_to(legend, aligned_edge=UP + LEFT)
        for row in rows:
            self.play(FadeIn(row, shift=0.2 * UP), run_time=1.0)
        self.wait(self.reading_left(1.0))

        self.beat("lesson", keep=self.mobjects)
        self.wait(self.reading_left(1.0))
        self.wait(1.5)  # the last picture of the lecture


def ranking_row(place: int, t, color: str, lang: str):
    name = t.optimizer.info.display_name
    return label(f"{place}. {name}  f = {number(float(t.values[-1]), lang, '.0e')}", lang, color, 30)
