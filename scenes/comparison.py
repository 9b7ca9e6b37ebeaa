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
from scenes._beats import Lecture
from scenes._common import (
    TEXT_COLOR,
    begin,
    label,
    landscape,
    moving_path,
    place_picture,
    safe_width,
    series_labels,
)

#: (beat, narration key) in the order the scene plays them, for the lecture's chapters.
BEATS = [("race", "race_title"), ("paths", "race_watch"), ("ranking", "ranking"), ("lesson", "race_lesson")]


class FourWayRace(Lecture):
    def construct(self):
        settings = begin(self, BOOK_FOUR, 60)
        self.lang = settings.lang
        runs = [settings.run(opt) for opt in settings.optimizers]
        steps = runs[0].steps

        self.beat(*BEATS[0])
        tracker = ValueTracker(0)
        # The step number in the words' font (a Manim Integer is set in LaTeX's), redrawn as the tracker moves.
        counter = VGroup(*(label(words, self.lang, TEXT_COLOR, 30) for words in (caption("step", self.lang), "0")))
        counter.arrange(RIGHT, buff=0.2)

        def show_step(number):
            shown = label(str(round(tracker.get_value())), self.lang, TEXT_COLOR, 30)
            number.become(shown.next_to(counter[0], RIGHT, buff=0.2))

        counter[1].add_updater(show_step)
        looks = series_labels([t.optimizer for t in runs], self.lang)
        colors = [t.optimizer.info.color for t in runs]  # the paths' colours
        legend = VGroup(*(label(look.label, self.lang, c, 30) for look, c in zip(looks, colors, strict=True)))
        legend.arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        side = VGroup(counter, legend).arrange(DOWN, aligned_edge=LEFT, buff=0.6)
        # The ranking, shown later in the legend's place: the plot leaves room for the wider of the two.
        ranked = sorted(runs, key=lambda t: (bool(t.diverged), float(t.values[-1])))
        rows = VGroup(*(ranking_row(place, t, self.lang) for place, t in enumerate(ranked, 1)))
        rows.arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        room = max(side.width, rows.width)
        axes, stage = landscape(settings.function, x_length=safe_width() - room - 0.5, y_length=4.6)
        picture = place_picture(VGroup(stage, side).arrange(RIGHT, buff=0.5))
        picture.align_to(safe_width() / 2 * LEFT, LEFT)  # the room right of the side column is the ranking's
        self.play(FadeIn(stage), FadeIn(side), run_time=1.0)
        notes = VGroup()
        for t in runs:
            _, path, note = moving_path(axes, t, tracker, self.lang, arrow=False)
            self.add(*path)
            if note is not None:
                notes.add(note)
        if notes:
            self.add(notes.arrange(DOWN, aligned_edge=LEFT).next_to(stage, UP, buff=0.1))
        self.play(tracker.animate.set_value(steps / 3), run_time=max(10.0, self.reading_left()), rate_func=linear)

        self.beat(*BEATS[1], keep=self.mobjects)
        self.play(tracker.animate.set_value(steps), run_time=max(16.0, self.reading_left()), rate_func=linear)

        self.beat(*BEATS[2], keep=self.mobjects, steps=steps)
        self.play(FadeOut(legend), run_time=0.4)
        side.remove(legend)
        rows.move_to(legend, aligned_edge=UP + LEFT)
        for row in rows:
            self.play(FadeIn(row, shift=0.2 * UP), run_time=1.0)
        self.wait(self.reading_left(1.0))

        self.beat(*BEATS[3], keep=self.mobjects)
        self.wait(self.reading_left(3.0))
        self.wait(2.0)  # the last picture of the lecture


def ranking_row(place: int, t, lang: str):
    name, color = t.optimizer.info.display_name, t.optimizer.info.color
    return label(f"{place}. {name}  f = {number(float(t.values[-1]), lang, '.0e')}", lang, color, 30)
