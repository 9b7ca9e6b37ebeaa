"""Beats: the lecture's unit. A beat is one Manim section, one manim-slides slide, one idea and one sentence
of narration.

Every scene subclasses :class:`Lecture` (or :class:`ThreeDLecture`) and lists its beats in a module-level
``BEATS = [Beat(name, title key, narration key), ...]`` in the order it plays them, which its class takes as
``script``. Inside ``construct`` a beat starts with ``self.beat(name)``: the same catalog sentence goes on
screen and into the subtitles (``add_subcaption``), it stays on screen for its :func:`catalog.reading_seconds`,
and the slide that the beat becomes is titled with the beat's title (the lecture build reads
:attr:`_Beats.titles`).
"""

from __future__ import annotations

from typing import NamedTuple

from manim import UP, FadeIn, FadeOut, Scene, Succession, ThreeDScene
from manim_slides import Slide, ThreeDSlide

from catalog import reading_seconds
from catalog import text as sentence

from ._common import footer, wrap

#: Seconds a beat takes to dissolve from the previous picture into its own.
DISSOLVE = 0.8
#: Seconds the caption takes to change when the picture stays.
CAPTION_CHANGE = 0.65


class Beat(NamedTuple):
    """One beat of a scene's script."""

    name: str  #: the Manim section's name, by which the lecture build and the tests know the beat
    title: str  #: catalog key of the slide's title
    narration: str  #: catalog key of the caption and subtitle


class _Beats:
    """The beat machinery shared by the 2-D and the 3-D lecture scenes."""

    skip_reversing = True  # a lecture plays forwards; reversed clips would double the render time
    script: tuple[Beat, ...] = ()  #: the scene's BEATS

    def __init__(self, *args, **kwargs):
        # manim-slides 5.7's Slide.__init__ sets config["write_to_movie"], which Manim 0.22 no longer has;
        # skip that one line and run the rest of the chain (BaseSlide, then Manim's Scene).
        super(Slide, self).__init__(*args, **kwargs)
        self.caption = self.caption_words = None
        self.caption_shown_at = 0.0
        self.titles: dict[str, str] = {}  #: beat name → its slide's title, for the beats played so far

    def render(self, *args, **kwargs):
        # Slide.render sets config["max_files_cached"] to inf, which Manim 0.22 rejects; caching is off here,
        # so the render itself is Manim's, followed by manim-slides writing slides/ (one slide per beat).
        Scene.render(self, *args, **kwargs)
        if not self._skip_animations:  # a walk with every animation skipped (the layout test) has no slides
            self._save_slides(use_cache=False, flush_cache=False, skip_reversing=self.skip_reversing)

    def next_beat(self, name: str) -> Beat:
        """The beat ``name`` of the script, which must come after every beat played so far (a scene may skip a
        beat its settings have nothing for, such as the race's sentence on an optimizer it does not run)."""
        played = [beat.name for beat in self.script].index(list(self.titles)[-1]) + 1 if self.titles else 0
        for beat in self.script[played:]:
            if beat.name == name:
                return beat
        raise RuntimeError(f"{type(self).__name__} plays beat {name!r}, which its script has not next")

    def beat(self, name: str, *, keep=(), enter=(), **values):
        """Start beat ``name``: a new section and slide, its narration (filled in with ``values``) as caption
        and subtitle. The picture dissolves into the next one: what is not in ``keep`` fades out while the
        ``enter`` animations bring in the beat's picture, so that no frame is empty. Returns the caption."""
        self.hold()
        beat = self.next_beat(name)
        words = sentence(beat.narration, self.lang, **values)
        self.next_slide(name, notes=words)  # in manim-slides, this is also Manim's next_section(name)
        self.titles[name] = sentence(beat.title, self.lang)
        new = footer(beat.narration, self.lang, **values)
        if isinstance(self, ThreeDScene):
            # Flat and in place while the camera moves, but not added yet: the swap's FadeIn adds it when the old
            # words are gone (added now, it would show at full strength over them until then).
            self.camera.add_fixed_in_frame_mobjects(new)
        staying = [*keep, *(animation.mobject for animation in enter), self.caption, new]
        leaving = [m for m in self.mobjects if not any(m is other for other in staying)]
        old = self.caption
        words_in = FadeIn(new, shift=0.1 * UP)
        swap = Succession(FadeOut(old), words_in) if old is not None else words_in
        changes_picture = bool(leaving or enter)
        self.play(
            swap,
            *(FadeOut(m) for m in leaving),
            *enter,
            run_time=DISSOLVE if changes_picture else CAPTION_CHANGE,
        )
        for mobject in leaving:
            mobject.clear_updaters()
        self.remove(*leaving, *([old] if old is not None else []))
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
