"""Legibility of every scene, in every language, checked at the end of every beat and at the last frame.

Each scene is walked with its animations skipped (manim-slides skips a slide's section; the mobjects still
end where the animations leave them), at a tiny resolution: only positions and sizes are measured, in
scene units (the frame is 8 units tall at every resolution). The rules:

- everything lies inside the title-safe area (5 % in from each edge), except a path marked ``leaves_frame``
  (a diverging run, which is meant to fly out of the picture);
- no two text or formula mobjects overlap;
- every line of text or formula is at least 0.3 units tall (about 40 px at 1080p), tick labels 0.2;
- every labelled arrow (marked ``label``) is at least 0.8 units long;
- in the vector-sum inset, αv and −η∇L (marked ``inset_term``) are each at least 1.5 units long and at
  least 60° apart;
- no wait longer than 3 s is followed by more animation in the same beat (a static hold may be longer only
  at the end of a beat).
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pytest
from manim import (
    Arrow,
    Axes,
    BackgroundRectangle,
    DecimalNumber,
    MathTex,
    Mobject,
    NumberLine,
    SingleStringMathTex,
    Text,
    ThreeDCamera,
    VMobject,
    Wait,
    tempconfig,
)

from catalog import LANGUAGES
from scenes import _render as scene_render
from scenes._common import SAFE_MARGIN

LINE, TICK, ARROW, INSET_ARROW, INSET_ANGLE, HOLD = 0.3, 0.2, 0.8, 1.5, 60.0, 3.0
TEXT_TYPES = (Text, SingleStringMathTex, DecimalNumber)  # MathTex and Integer are subclasses


@functools.cache
def reference_line(kind: str, font: str) -> float:
    """Height of one line ("Hg", cap height plus descender) per unit of font size."""
    sample = MathTex("Hg", font_size=48) if kind == "tex" else Text("Hg", font=font, font_size=48)
    return sample.height / 48


@dataclass
class Walk:
    """What a walk through one scene found: layout problems per checkpoint, and the files it wrote."""

    problems: list[str] = field(default_factory=list)
    checkpoints: list[str] = field(default_factory=list)
    subtitles: str | None = None  #: the .srt the render wrote, or None if it wrote none
    duration: float = 0.0


@contextlib.contextmanager
def quiet_render(folder: Path, width: int, settings: dict):
    """Manim set for a small (``width`` px wide, 5 fps), quiet, uncached render into ``folder``, with the scene
    settings ``settings`` and the tests' chapter cache, run from ``folder``: manim-slides writes slides/ in the
    working directory."""
    options = {
        "pixel_width": width,
        "pixel_height": width * 9 // 16,
        "frame_rate": 5,
        "media_dir": str(folder),
        "disable_caching": True,
        "verbosity": "ERROR",
        "progress_bar": "none",
    }
    here = Path.cwd()
    os.chdir(folder)
    try:
        with tempconfig(options), scene_render._environment(settings):
            yield
    finally:
        os.chdir(here)


@functools.cache
def walk(name: str, lang: str) -> Walk:
    """Run scene ``name`` in ``lang`` with every beat's animations skipped; check the layout at each beat's end
    (when the next beat starts) and at the end. Cached: the subtitle tests read the same walk."""
    result = Walk()
    media = Path(tempfile.mkdtemp(prefix=f"optviz-walk-{Path(name).stem}-{lang}-"))
    try:
        with quiet_render(media, 192, {"OPTVIZ_LANG": lang}):
            scene = scene_render.scene_class(name)()
            scene._skip_animations = True  # manim-slides: every slide's section skips its animations
            current = ["opening"]
            start_beat = scene.next_slide

            def next_slide(beat_name="unnamed", *args, **kwargs):
                if current[0] != "opening":
                    result.checkpoints.append(current[0])
                    result.problems.extend(f"{name} / {current[0]} / {lang}: {p}" for p in check(scene))
                current[0] = beat_name
                return start_beat(beat_name, *args, **kwargs)

            scene.next_slide = next_slide
            wait, play = scene.wait, scene.play
            held = []  # (beat, seconds) of a long wait not yet followed by an animation

            def long_wait(duration=1.0, *args, **kwargs):
                if duration > HOLD:
                    held.append((current[0], duration))
                return wait(duration, *args, **kwargs)

            def animation(*args, **kwargs):
                if all(isinstance(a, Wait) for a in args):  # Scene.wait plays a Wait
                    return play(*args, **kwargs)
                while held and held[-1][0] == current[0]:
                    beat, seconds = held.pop()
                    result.problems.append(f"{name} / {beat} / {lang}: a static hold of {seconds:.1f} s mid-beat")
                held.clear()
                return play(*args, **kwargs)

            scene.wait, scene.play = long_wait, animation
            scene.render()
            result.checkpoints.append(f"{current[0]} (last frame)")
            result.problems.extend(f"{name} / {current[0]} (last frame) / {lang}: {p}" for p in check(scene))
            result.duration = scene.time
            found = list(media.rglob("*.srt"))
            result.subtitles = found[0].read_text(encoding="utf-8") if found else None
    finally:
        shutil.rmtree(media, ignore_errors=True)
    return result


def describe(m: Mobject) -> str:
    words = getattr(m, "original_text", None) or getattr(m, "tex_string", None)
    return f"{type(m).__name__}({words!r})" if words else type(m).__name__


def ink(m: Mobject) -> list[Mobject]:
    """The drawn parts of ``m``: its family with points, without background rectangles and invisible parts."""
    backgrounds = {id(x) for b in m.get_family() if isinstance(b, BackgroundRectangle) for x in b.get_family()}
    return [s for s in m.get_family() if id(s) not in backgrounds and s.has_points() and visible(s)]


def visible(m: Mobject) -> bool:
    return isinstance(m, VMobject) and max(m.get_fill_opacity(), m.get_stroke_opacity()) >= 0.02


def screen(scene, m: Mobject, points: np.ndarray) -> np.ndarray:
    """``points`` of ``m`` where the camera shows them (3-D scenes project all but fixed-in-frame mobjects)."""
    camera = scene.renderer.camera
    if isinstance(camera, ThreeDCamera) and m not in camera.fixed_in_frame_mobjects:
        return camera.project_points(points)
    return points


def box(scene, parts: list[Mobject]) -> np.ndarray | None:
    points = [screen(scene, p, p.points) for p in parts]
    if not points:
        return None
    stacked = np.vstack(points)
    return np.array([stacked.min(axis=0)[:2], stacked.max(axis=0)[:2]])


def texts(mobjects, inside_axes=False):
    """(outermost text or formula mobject, whether it belongs to axes) under ``mobjects``."""
    for m in mobjects:
        if isinstance(m, TEXT_TYPES):
            yield m, inside_axes
        else:
            yield from texts(m.submobjects, inside_axes or isinstance(m, (Axes, NumberLine)))


@functools.cache
def natural_height(kind: str, source: str, font: str, font_size: float) -> float:
    """The height of ``source`` as Manim first draws it at ``font_size``, before any scaling."""
    if kind == "tex":
        return MathTex(source, font_size=font_size).height
    return Text(source, font=font, font_size=font_size).height


def line_height(m: Mobject, parts: list[Mobject]) -> float:
    """The height of one line of ``m`` as drawn: its font size, times the scale it was drawn at since (from its
    ink against a fresh copy), times the height of a line per unit of font size."""
    if isinstance(m, DecimalNumber):
        return m.font_size * reference_line("tex", "")
    height = np.ptp(np.vstack([p.points for p in parts])[:, 1])
    if isinstance(m, Text):
        natural = natural_height("text", m.original_text, m.font, m._font_size)
        return height / natural * m._font_size * reference_line("text", m.font)
    natural = natural_height("tex", m.tex_string, "", m._font_size)
    return height / natural * m._font_size * reference_line("tex", "")


def check(scene) -> list[str]:
    problems = []
    half = np.array([scene.camera.frame_width, scene.camera.frame_height]) / 2 * (1 - 2 * SAFE_MARGIN) + 1e-3

    def outside(m, owner=None):
        """Parts of ``m`` outside the title-safe area, named by their nearest text (or top-level) mobject."""
        if getattr(m, "leaves_frame", False) or isinstance(m, BackgroundRectangle):
            return
        owner = m if owner is None or isinstance(m, TEXT_TYPES) else owner
        if m.has_points() and visible(m):
            points = screen(scene, m, m.points)[:, :2]
            if np.any(np.abs(points) > half):
                far = np.abs(points).max(axis=0)
                yield f"{describe(owner)} reaches ({far[0]:.2f}, {far[1]:.2f}), outside the title-safe area"
        for sub in m.submobjects:
            yield from outside(sub, owner)

    for m in scene.mobjects:
        problems.extend(dict.fromkeys(itertools.islice(outside(m), 3)))

    boxes = []
    for m, in_axes in texts(scene.mobjects):
        parts = ink(m)
        if not parts:
            continue
        b = box(scene, parts)
        boxes.append((m, b))
        least = TICK if in_axes else LINE
        height = line_height(m, parts)
        if height < least - 1e-6:
            problems.append(f"{describe(m)} has lines {height:.3f} units tall, less than {least}")
    for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2):
        overlap = np.minimum(box_a[1], box_b[1]) - np.maximum(box_a[0], box_b[0])
        if np.all(overlap > 0.02):
            problems.append(f"{describe(a)} and {describe(b)} overlap")

    arrows = [m for m in _family(scene.mobjects) if isinstance(m, Arrow) and getattr(m, "label", None)]
    for a in arrows:
        start, end = screen(scene, a, np.array([a.get_start(), a.get_end()]))
        if np.linalg.norm(end - start) < ARROW:
            problems.append(f"labelled arrow {a.label!r} is {np.linalg.norm(end - start):.2f} units long")
    inset = {getattr(a, "inset_term", None): a for a in arrows}
    if "carried" in inset and "gradient" in inset:
        vectors = [inset[k].get_end() - inset[k].get_start() for k in ("carried", "gradient")]
        for term, v in zip(("αv", "−η∇L"), vectors, strict=True):
            if np.linalg.norm(v) < INSET_ARROW:
                problems.append(f"inset arrow {term} is {np.linalg.norm(v):.2f} units long")
        cosine = vectors[0] @ vectors[1] / (np.linalg.norm(vectors[0]) * np.linalg.norm(vectors[1]))
        angle = np.degrees(np.arccos(np.clip(cosine, -1, 1)))
        if angle < INSET_ANGLE:
            problems.append(f"inset arrows αv and −η∇L are {angle:.0f}° apart")
    return problems


def _family(mobjects):
    for m in mobjects:
        yield from m.get_family()


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", list(scene_render.SCENES))
def test_every_beat_is_legible(name, lang):
    result = walk(name, lang)
    assert len(result.checkpoints) >= 3, f"{name}: only {result.checkpoints} checked"
    assert not result.problems, "\n".join(result.problems)


def test_the_checks_catch_small_overlapping_and_outside_text():
    """The checks themselves: a scene with a tiny caption, two overlapping words and a word off the frame."""
    from manim import Scene

    scene = Scene()
    tiny = Text("tiny", font_size=12)
    first, second = Text("first", font_size=36), Text("second", font_size=36).shift(0.1 * np.array([1, 0, 0]))
    away = Text("away", font_size=36).move_to([6.9, 0, 0])
    scene.add(tiny.shift(2 * np.array([0, 1, 0])), first, second, away)
    problems = "\n".join(check(scene))
    assert "Text('tiny') has lines" in problems
    assert "Text('first') and Text('second') overlap" in problems
    assert "Text('away')" in problems and "outside the title-safe area" in problems


HELD = """
from manim import Dot, FadeIn
from scenes._beats import Beat, Lecture
from scenes._common import begin


class Held(Lecture):
    script = (Beat("one", "slide_sgd_golf", "sgd_golf"), Beat("two", "slide_sgd_slow", "sgd_slow"))

    def construct(self):
        self.lang = begin(self, ("sgd",), 1).lang
        self.beat("one")
        self.wait(4)
        self.play(FadeIn(Dot()))
        self.beat("two")
        self.play(FadeIn(Dot()))
        self.wait(4)
"""


def test_the_walk_catches_a_long_static_hold_mid_beat(tmp_path):
    scene_file = tmp_path / "held.py"
    scene_file.write_text(HELD)
    result = walk(str(scene_file), "en")
    holds = [p for p in result.problems if "static hold" in p]
    assert holds == [f"{scene_file} / one / en: a static hold of 4.0 s mid-beat"]  # the one ending "two" is fine
    assert result.checkpoints == ["one", "two (last frame)"]


def test_a_beat_out_of_its_scripts_order_is_refused(tmp_path):
    """A beat's title and sentence come from the script, so a scene must play its beats in the script's order."""
    scene_file = tmp_path / "backwards.py"
    played = 'self.beat("one")\n        self.wait(4)\n        self.play(FadeIn(Dot()))\n        self.beat("two")'
    scene_file.write_text(HELD.replace(played, 'self.beat("two")\n        self.beat("one")'))
    with pytest.raises(RuntimeError, match="Held plays beat 'one', which its script has not next"):
        walk(str(scene_file), "en")
