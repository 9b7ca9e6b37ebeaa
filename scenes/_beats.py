"""Beats: the lecture's unit. A beat is one Manim section, one manim-slides slide, one idea and its narration.

Every scene subclasses :class:`Lecture` (or :class:`ThreeDLecture`) and lists its beats in a module-level
``BEATS = [(name, narration key), ...]`` in the order it plays them, so that the lecture build can name its
chapters. Inside ``construct`` a beat starts with ``self.beat(name, key)``; ``self.say(key)`` changes the
caption within a beat. The same catalog sentence goes on screen and into the subtitles (``add_subcaption``), and
it stays on screen for at least :func:`catalog.reading_seconds`.
"""

from __future__ import annotations

from manim import UP, FadeIn, FadeOut, Scene, ThreeDScene
from manim_slides import Slide, ThreeDSlide

from catalog import reading_seconds
from catalog import text as sentence

from ._common import footer, wrap


class _Beats:
    """The beat machinery shared by the 2-D and the 3-D lecture scenes."""

    skip_reversing = True  # a lecture plays forwards; reversed clips would double the render time

    def __init__(self, *args, **kwargs):
        # manim-slides 5.7's Slide.__init__ sets config["write_to_movie"], which Manim 0.22 no longer has;
        # skip that one line and run the rest of the chain (BaseSlide, then Manim's Scene).
        super(Slide, self).__init__(*args, **kwargs)
        self.caption = self.caption_words = None
        self.caption_shown_at = 0.0

    def render(self, *args, **kwargs):
        # Slide.render sets config["max_files_cached"] to inf, which Manim 0.22 rejects; caching is off here,
        # so the render itself is Manim's, followed by manim-slides writing slides/ (one slide per beat).
        Scene.render(self, *args, **kwargs)
        if not self._skip_animations:  # a walk with every animation skipped (the layout test) has no slides
            self._save_slides(use_cache=False, flush_cache=False, skip_reversing=self.skip_reversing)

    def beat(self, name: str, key: str, *, keep=(), **values):
        """Start beat ``name``: a new section and slide, the previous picture faded out (except ``keep``),
        and the narration ``key`` as caption and subtitle. Returns the caption."""
        self.hold()
        self.next_slide(name)  # in manim-slides, this is also Manim's next_section(name)
        leaving = [m for m in self.mobjects if m not in keep or m is self.caption]
        if leaving:
            self.play(*(FadeOut(m) for m in leaving), run_time=0.5)
            for mobject in leaving:
                mobject.clear_updaters()
            self.remove(*leaving)
        self.caption = None
        return self.say(key, **values)

    def say(self, key: str, **values):
        """Show the narration ``key`` as the caption (replacing the current one) and as a subtitle."""
        self.hold()
        words = sentence(key, self.lang, **values)
        new = footer(key, self.lang, **values)
        if isinstance(self, ThreeDScene):
            self.add_fixed_in_frame_mobjects(new)  # words stay flat and in place while the camera moves
        if self.caption is not None:
            self.play(FadeOut(self.caption), run_time=0.25)
            self.remove(self.caption)
        self.play(FadeIn(new, shift=0.1 * UP), run_time=0.4)
        self.caption, self.caption_words, self.caption_shown_at = new, words, self.time
        return new

    def reading_left(self, least: float = 1.0) -> float:
        """Seconds the current caption still needs on screen (at least ``least``): a run time for the
        animation that goes with it, so that the picture and the words end together."""
        if self.caption_words is None:
            return least
        return max(least, self.caption_shown_at + reading_seconds(self.caption_words) - self.time)

    def hold(self):
        """Wait until the current caption has been on screen for its reading time, then write its subtitle
        (the time it was really shown)."""
        if self.caption_words is None:
            return
        remaining = self.caption_shown_at + reading_seconds(self.caption_words) - self.time
        if remaining > 0:
            self.wait(remaining)
        shown = self.time - self.caption_shown_at
        self.add_subcaption(wrap(self.caption_words, self.lang), duration=shown, offset=-shown)
        self.caption_words = None

    def tear_down(self):
        self.hold()  # the last caption's reading time and subtitle
        super().tear_down()


class Lecture(_Beats, Slide):
    """A 2-D lecture scene."""


class ThreeDLecture(_Beats, ThreeDSlide):
    """A lecture scene with a 3-D beat."""
