"""Subtitles: every beat's narration is written through Manim's subcaptions into an .srt beside the video, one
cue per beat, each up about as long as it takes to read.

The scenes are walked as in test_layout (animations skipped; the walk is shared, so each scene runs once per
language for both files). A skipped animation still advances the scene's clock, so cue times and the
scene's duration are those of the rendered video.
"""

from __future__ import annotations

import doctest
import itertools

import pytest
import srt
from test_layout import walk

import catalog
import scenes._common
from catalog import LANGUAGES, reading_seconds
from scenes import _render as scene_render

LINES, CHARACTERS, COVERAGE = 2, 42, 0.7
#: Seconds a caption may stay up beyond its reading time, while its picture finishes: longer, and the
#: picture should be telling more (another beat and sentence), or the wait be shorter.
LINGER = 2.0
SCENE_SECONDS, LECTURE_SECONDS = (40.0, 90.0), (240.0, 480.0)


def cues(name: str, lang: str) -> tuple[list[srt.Subtitle], float]:
    result = walk(name, lang)
    assert result.subtitles is not None, f"{name} / {lang}: no .srt written"
    return list(srt.parse(result.subtitles)), result.duration


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", list(scene_render.SCENES))
def test_subtitles_are_ordered_readable_and_cover_the_video(name, lang):
    subtitles, duration = cues(name, lang)
    assert subtitles, f"{name} / {lang}: the .srt has no cues"
    for before, after in itertools.pairwise(subtitles):
        assert before.end <= after.start, f"{name} / {lang}: cue {before.index} overlaps cue {after.index}"
    for cue in subtitles:
        lines = cue.content.splitlines()
        assert len(lines) <= LINES and all(len(line) <= CHARACTERS for line in lines), (
            f"{name} / {lang}: cue {cue.index} is longer than {LINES} lines of {CHARACTERS}: {cue.content!r}"
        )
        shown = (cue.end - cue.start).total_seconds()
        joiner = "" if lang == "ja" else " "
        needed = reading_seconds(joiner.join(lines))
        assert shown >= needed - 0.05, f"{name} / {lang}: {cue.content!r} shown {shown:.1f} s of {needed:.1f} s"
        assert shown <= needed + LINGER + 0.05, (
            f"{name} / {lang}: {cue.content!r} stays up {shown:.1f} s, to be read in {needed:.1f} s"
        )
    covered = sum((cue.end - cue.start).total_seconds() for cue in subtitles)
    assert covered >= COVERAGE * duration, f"{name} / {lang}: cues cover {covered:.0f} s of {duration:.0f} s"
    assert subtitles[-1].end.total_seconds() <= duration + 0.05


@pytest.mark.parametrize("name", list(scene_render.SCENES))
def test_each_beat_says_one_sentence_of_its_script(name):
    """One cue per beat, in the script's order (the beat's sentence, up to the first value filled in)."""
    script = scene_render.scene_class(name).script
    subtitles, _ = cues(name, "de")
    assert len(subtitles) == len(script)
    for cue, beat in zip(subtitles, script, strict=True):
        sentence = catalog.MESSAGES[beat.narration]["de"].split("{")[0]
        assert " ".join(cue.content.splitlines()).startswith(sentence.strip()), (beat, cue.content)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_scene_is_a_lecture_segment_and_the_lecture_is_four_to_eight_minutes(lang):
    durations = {name: walk(name, lang).duration for name in scene_render.SCENES}
    low, high = SCENE_SECONDS
    assert all(low <= d <= high for d in durations.values()), durations
    assert LECTURE_SECONDS[0] <= sum(durations.values()) <= LECTURE_SECONDS[1], durations


def test_caption_wrapping_doctests():
    """scenes/ is not among pytest's doctest paths; the wrapping rule the subtitles rely on is tested here."""
    assert doctest.testmod(scenes._common).failed == 0
