"""Rendering scenes through Manim's API, for ``optviz render`` and ``optviz lecture``: checked input, a
private media folder, the beats' timestamps and the subtitles, and the finished video moved atomically into
the output folder."""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import inspect
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from optim_core import OptvizError
from optim_core._lookup import unknown_name

from ._settings import read_settings

#: name → (module, scene class), in the story's order. Each file holds one main scene, so
#: `manim render scenes/NAME.py` needs no more.
SCENES = {
    "sgd": ("scenes.sgd", "SGDZigzag"),
    "momentum": ("scenes.momentum", "MomentumBall"),
    "impulse": ("scenes.impulse", "ImpulseAnalogy"),
    "adagrad": ("scenes.adagrad", "AdaGradGolf"),
    "adam": ("scenes.adam", "AdamBoth"),
    "comparison": ("scenes.comparison", "FourWayRace"),
    "network": ("scenes.network", "NetworkChapter"),
}
QUALITIES = {"low": "low_quality", "medium": "medium_quality", "high": "high_quality", "4k": "fourk_quality"}
FORMATS = ("mp4", "gif", "webm")
LATEX_TOOLS = ("latex", "dvisvgm")
#: Names Manim and manim-slides give a section nobody named; a beat takes the name its scene gave it.
_UNNAMED = ("unnamed", "autocreated")


def scene_class(name_or_file: str):
    """The scene class for a name in :data:`SCENES` or a Python file holding exactly one scene."""
    if name_or_file in SCENES:
        module_name, class_name = SCENES[name_or_file]
        return getattr(importlib.import_module(module_name), class_name)
    path = Path(name_or_file)
    if path.suffix != ".py":
        raise unknown_name("scene", name_or_file, SCENES, ", or a .py file")
    if not path.is_file():
        raise OptvizError(f"scene file {str(path)!r} does not exist")
    from manim import Scene

    spec = importlib.util.spec_from_file_location(f"optviz_scene_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    found = [
        obj
        for _, obj in inspect.getmembers(module, inspect.isclass)
        if issubclass(obj, Scene) and obj.__module__ == module.__name__
    ]
    if len(found) != 1:
        raise OptvizError(f"{path.name} must define exactly one scene, found {len(found)}")
    return found[0]


def check_latex() -> None:
    missing = [tool for tool in LATEX_TOOLS if shutil.which(tool) is None]
    if missing:
        raise OptvizError(
            f"LaTeX is missing ({', '.join(missing)} not found); install Debian's texlive packages and"
            " dvisvgm, or run scripts/bootstrap.sh, which does"
        )


def check_ffmpeg() -> None:
    missing = [tool for tool in ("ffmpeg", "ffprobe") if shutil.which(tool) is None]
    if missing:
        raise OptvizError(
            f"ffmpeg is missing ({', '.join(missing)} not found); install Debian's ffmpeg package, or run"
            " scripts/bootstrap.sh, which does"
        )


def check_choices(quality: str, fmt: str = "mp4") -> None:
    if quality not in QUALITIES:
        raise OptvizError(f"unknown quality {quality!r} (valid: {', '.join(QUALITIES)})")
    if fmt not in FORMATS:
        raise OptvizError(f"unknown format {fmt!r} (valid: {', '.join(FORMATS)})")


def video_name(stem: str, lang: str, quality: str, fmt: str) -> str:
    """The one naming rule for rendered files: language and quality in every name, so runs never collide.

    >>> video_name("MomentumBall", "de", "high", "mp4")
    'MomentumBall-de-high.mp4'
    """
    return f"{stem}-{lang}-{quality}.{fmt}"


@contextlib.contextmanager
def _environment(values: dict[str, str]):
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


class BeatMark(NamedTuple):
    """Where a beat of a rendered scene begins, and the title of the slide it becomes."""

    name: str  #: the section's name ("" for a section nobody named)
    start: float  #: seconds into the scene
    title: str  #: the beat's title in the scene's language ("" for a scene that gives none)


@dataclass(frozen=True)
class Rendered:
    """A scene's video in the media folder, with what the lecture build needs to know about it."""

    video: Path
    subtitles: Path | None  #: Manim's .srt, written when the scene adds subcaptions
    beats: tuple[BeatMark, ...]  #: in order, none empty
    frames: int
    fps: float

    @property
    def duration(self) -> float:
        return self.frames / self.fps


class _FrameCounter:
    """Counts the frames Manim writes and notes the frame at which each section (beat) begins."""

    def __init__(self, file_writer, report: Callable[[int], None] | None, every: int):
        self.frames = 0
        self.marks: list[tuple[str, int]] = []
        self._report, self._every, self._next = report, every, every
        self._write_frame, self._next_section = file_writer.write_frame, file_writer.next_section
        file_writer.write_frame, file_writer.next_section = self.write_frame, self.next_section

    def write_frame(self, pixels, *, repeat: int = 1):
        self._write_frame(pixels, repeat=repeat)
        self.frames += repeat
        if self._report and self.frames >= self._next:
            self._next = self.frames + self._every
            self._report(self.frames)

    def next_section(self, name, *args, **kwargs):
        self.marks.append((name, self.frames))
        return self._next_section(name, *args, **kwargs)

    def beats(self, fps: float, titles: dict[str, str]) -> tuple[BeatMark, ...]:
        """One beat per stretch of frames between section marks; marks at the same frame (a scene calling
        ``next_section(name)`` and then ``next_slide()``) are one beat with the name that was given. Each
        takes its title from ``titles`` (beat name → title)."""
        beats: list[tuple[str, int]] = []
        for name, frame in [("", 0), *self.marks]:
            if beats and beats[-1][1] == frame:
                if name not in _UNNAMED and not beats[-1][0]:
                    beats[-1] = (name, frame)
            else:
                beats.append(("" if name in _UNNAMED else name, frame))
        return tuple(BeatMark(name, frame / fps, titles.get(name, "")) for name, frame in beats if frame < self.frames)


def render_in(
    scene,
    media: Path,
    *,
    quality: str,
    fmt: str = "mp4",
    settings: dict[str, str] | None = None,
    on_frames: Callable[[int, float], None] | None = None,
) -> Rendered:
    """Render the scene class ``scene`` with Manim's API into the folder ``media``. ``on_frames(frames,
    fps)`` is called about once per second of video written. A manim-slides scene writes its slide files
    into ``media`` too, never into the working directory."""
    from manim import config, tempconfig

    options = {
        "quality": QUALITIES[quality],
        "format": fmt,
        "media_dir": str(media),
        "disable_caching": True,
        "verbosity": "ERROR",
        "progress_bar": "display" if sys.stderr.isatty() and on_frames is None else "none",
    }
    with _environment(settings or {}), tempconfig(options):
        fps = float(config.frame_rate)
        instance = scene(**_slide_options(scene, media))
        counter = _FrameCounter(
            instance.renderer.file_writer, on_frames and (lambda frames: on_frames(frames, fps)), max(1, round(fps))
        )
        with _errors_logged() as logged:
            try:
                instance.render()
            except Exception as error:
                if logged and not isinstance(error, OptvizError):  # Manim's own words say what went wrong
                    raise OptvizError(logged[0]) from error
                raise
        writer = instance.renderer.file_writer
        video = Path(writer.movie_file_path)
        subtitles = video.with_suffix(".srt")
        beats = counter.beats(fps, getattr(instance, "titles", {}))  # a lecture scene titles its beats
        return Rendered(video, subtitles if subtitles.exists() else None, beats, counter.frames, fps)


@contextlib.contextmanager
def _errors_logged():
    """Collect the first line of each error Manim logs instead of printing it (Manim logs to stdout, where
    optviz prints the paths it wrote, and a worker's output would break into the progress display)."""
    import logging

    from manim import logger

    lines: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record):
            lines.append(record.getMessage().strip().splitlines()[0])

    saved = logger.handlers[:]
    logger.handlers[:] = [Collect(logging.ERROR)]
    try:
        yield lines
    finally:
        logger.handlers[:] = saved


def _slide_options(scene, media: Path) -> dict:
    """Where a manim-slides ``Slide`` keeps its files (it defaults to ./slides); reversed copies of each slide
    are not needed, so the class is told to skip them."""
    from manim_slides.slide.base import BaseSlide

    if not issubclass(scene, BaseSlide):
        return {}
    scene.skip_reversing = True
    return {"output_folder": media / "slides"}


def check_output(output: Path) -> Path:
    """``output`` as a folder that exists or can be made, and is writable; nothing is created yet."""
    output = Path(output)
    existing = next((p for p in (output, *output.parents) if p.exists()), Path("."))
    if not existing.is_dir():
        raise OptvizError(f"output directory {str(output)!r} is not a directory ({str(existing)!r} is a file)")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise OptvizError(f"output directory {str(output)!r} is not writable")
    return output


def render(
    name_or_file: str,
    *,
    quality: str = "medium",
    fmt: str = "mp4",
    output: Path = Path("out"),
    settings: dict[str, str] | None = None,
) -> Path:
    """Render one scene into ``output`` (created if needed) as ``CLASS-LANG-QUALITY.FORMAT``; return its path.
    Nothing is left in ``output`` on failure."""
    check_choices(quality, fmt)
    output = check_output(output)
    settings = settings or {}
    read_settings(("sgd",), 1, environ=settings)  # every SPEC, function, start and language checked up front
    check_latex()
    scene = scene_class(name_or_file)
    with tempfile.TemporaryDirectory(prefix="optviz-media-") as media:
        try:
            produced = render_in(scene, Path(media), quality=quality, fmt=fmt, settings=settings).video
        except OptvizError as error:
            raise OptvizError(f"scene {name_or_file} failed to render: {error}") from None
        output.mkdir(parents=True, exist_ok=True)
        target = output / video_name(scene.__name__, settings.get("OPTVIZ_LANG", "en"), quality, fmt)
        staging = output / f".{target.stem}.{os.getpid()}.tmp{target.suffix}"
        try:
            shutil.copyfile(produced, staging)
            os.replace(staging, target)
        finally:
            staging.unlink(missing_ok=True)
    return target
