"""The four-way race: SGD, Momentum, AdaGrad and Adam from (−7, 2), with traced paths, a step counter and the
final ranking.

    manim render scenes/comparison.py

Beats (sections): race, ranking. Colours are optim_core's, as in the figures.
"""

from __future__ import annotations

from manim import DOWN, LEFT, RIGHT, UP, FadeIn, Integer, Scene, ValueTracker, VGroup, config, linear

from optim_core.spec import BOOK_FOUR
from scenes._common import (
    TEXT_COLOR,
    begin,
    label,
    landscape,
    moving_path,
    text,
    title,
)


class FourWayRace(Scene):
    def construct(self):
        settings = begin(self, BOOK_FOUR, 60)
        lang = settings.lang
        runs = [settings.run(opt) for opt in settings.optimizers]
        steps = runs[0].steps

        self.next_section("race")
        head = title("race_title", lang)
        axes, stage = landscape(settings.function, x_length=9.6, y_length=5.0)
        stage.next_to(head, DOWN, buff=0.3).to_edge(LEFT, 0.4)
        tracker = ValueTracker(0)
        counter = VGroup(
            label(f"{text('step', lang).text}", lang, TEXT_COLOR, 28), Integer(0, font_size=36, color=TEXT_COLOR)
        ).arrange(RIGHT, buff=0.2)
        counter[1].add_updater(lambda m: m.set_value(round(tracker.get_value())))
        legend = VGroup(*(label(t.optimizer.label(), lang, t.optimizer.info.color, 26) for t in runs))
        legend.arrange(DOWN, aligned_edge=LEFT, buff=0.25)
        side = VGroup(counter, legend).arrange(DOWN, aligned_edge=LEFT, buff=0.6).next_to(axes, RIGHT, buff=0.4)
        self.play(FadeIn(head), FadeIn(stage), FadeIn(side), run_time=1)
        notes = VGroup()
        for t in runs:
            _, path, note = moving_path(axes, t, tracker, lang, arrow=False)
            self.add(*path)
            if note is not None:
                notes.add(note.scale(0.8))
        if notes:
            self.add(notes.arrange(DOWN, aligned_edge=LEFT).next_to(side, DOWN, buff=0.4, aligned_edge=LEFT))
        self.play(tracker.animate.set_value(steps), run_time=min(10, 0.15 * steps + 2), rate_func=linear)

        self.next_section("ranking")
        ranked = sorted(runs, key=lambda t: (bool(t.diverged), float(t.values[-1])))
        rows = VGroup(
            *(
                label(
                    f"{place}. {t.optimizer.info.display_name}  f = {t.values[-1]:.0e}",
                    lang,
                    t.optimizer.info.color,
                    26,
                )
                for place, t in enumerate(ranked, 1)
            )
        )
        rows.arrange(DOWN, aligned_edge=LEFT, buff=0.25)
        heading = text("ranking", lang, size=26, steps=steps)
        board = VGroup(heading, rows).arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        room = config.frame_width / 2 - 0.3 - legend.get_left()[0]  # from the legend's edge to the frame's
        if board.width > room:
            board.scale_to_fit_width(room)
        board.move_to(legend, aligned_edge=UP + LEFT)
        self.play(legend.animate.set_opacity(0), FadeIn(board, shift=0.2 * UP), run_time=1)
        self.wait(2)
