"""``optviz lecture``: the scenes as one lecture video with chapters, subtitles, a poster and slides.

Two lists of jobs for :mod:`figures.batch`, the machine ``optviz article`` uses:

1. **One job per scene**, rendered with Manim into the scene cache (see :func:`cache_dir`), keyed by a hash of
   the scene's file, the scenes' shared modules, optim_core, the catalog, the language, the quality and
   Manim's version. A scene whose inputs did not change is not rendered again, in any output folder.
2. **The lecture** (and, with ``--slides``, the decks) assembled from those renders into ``DIR``, keyed by
   the scene renders' keys and this module's code.

Why the scene renders live in a per-user cache, not in ``DIR``: ``DIR`` then only ever holds finished
lecture files (the job machine moves each into place atomically), so a failed or interrupted build leaves
``DIR`` exactly as it was, and another folder or a rebuilt German lecture reuses the same renders.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from optim_core import OptvizError
from optim_core._cache import cache_root, content_key, fingerprint
from scenes._render import BeatMark

from .batch import Job, run_jobs

#: Each scene's chapter is named by the scene's own title (catalog keys), in the lecture's language.
CHAPTERS = {
    "sgd": "sgd_title",
    "momentum": "momentum_title",
    "impulse": "impulse_title",
    "adagrad": "adagrad_title",
    "adam": "adam_title",
    "comparison": "race_title",
    "network": "net_title",
}
#: The scene whose 45° beat is the poster: the vector sum, the one picture that says what Momentum does.
POSTER_SCENE, POSTER_BEAT = "momentum", "45 degrees"
#: Seconds before the end of the poster beat: its picture is complete (a beat fades out after it ends).
POSTER_LEAD = 0.2
#: A scene's length before it was ever rendered, for the progress bar (the scenes run 40 to 90 s).
TYPICAL_SECONDS = 60.0
_ROOT = Path(__file__).resolve().parent.parent


def cache_dir() -> Path:
    """Where scene renders are kept: ``scenes/`` in the per-user cache (``$OPTVIZ_CACHE``, else
    ``$XDG_CACHE_HOME/optviz`` or ``~/.cache/optviz``), beside the network chapter's numbers."""
    return cache_root() / "scenes"


def lecture_stem(lang: str, quality: str) -> str:
    return f"lecture-{lang}-{quality}"


def parse_scenes(text: str | None) -> tuple[str, ...]:
    """``sgd,momentum,...`` as scene names in the order given (any case); ``None`` is all of them in the
    story's order. A misspelt name is answered with the nearest one."""
    from optim_core._lookup import lookup
    from scenes._render import SCENES

    if text is None:
        return tuple(SCENES)
    names = tuple(lookup("scene", name, {scene: scene for scene in SCENES}) for name in text.split(","))
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise OptvizError(f"scene {repeated[0]!r} appears twice in --scenes; give each scene once")
    return names


@dataclass(frozen=True)
class SceneRender:
    """The arguments of one scene job (see :func:`render_scene`)."""

    scene: str
    module: str
    class_name: str
    lang: str
    quality: str
    expected_seconds: float  #: for the progress bar only; not an input of the render

    @property
    def stem(self) -> str:
        from scenes._render import video_name

        return video_name(self.class_name, self.lang, self.quality, "mp4").removesuffix(".mp4")

    @property
    def outputs(self) -> tuple[str, ...]:
        return tuple(f"{self.stem}.{suffix}" for suffix in ("mp4", "srt", "json"))


def render_scene(job: SceneRender, staging: Path, report) -> list[str]:
    """A scene job's work (see :mod:`figures.batch`): the video, its subtitles (empty when the scene has
    none) and its beats, rendered by Manim in a media folder inside ``staging``."""
    import importlib

    from scenes._render import render_in

    # The lecture shows the book's settings, which are what the cache key holds. The cache's own place stays: the
    # network scene reads its chapter from the same cache as the renders.
    for variable in [name for name in os.environ if name.startswith("OPTVIZ_") and name != "OPTVIZ_CACHE"]:
        del os.environ[variable]
    scene = getattr(importlib.import_module(job.module), job.class_name)
    with tempfile.TemporaryDirectory(dir=staging) as media:
        rendered = render_in(
            scene,
            Path(media),
            quality=job.quality,
            settings={"OPTVIZ_LANG": job.lang},
            on_frames=lambda frames, fps: report(frames / fps / job.expected_seconds),
        )
        os.replace(rendered.video, staging / f"{job.stem}.mp4")
        subtitles = rendered.subtitles.read_text(encoding="utf-8") if rendered.subtitles else ""
        (staging / f"{job.stem}.srt").write_text(subtitles, encoding="utf-8")
        beats = {"beats": [list(mark) for mark in rendered.beats], "frames": rendered.frames, "fps": rendered.fps}
        (staging / f"{job.stem}.json").write_text(json.dumps(beats, indent=1) + "\n", encoding="utf-8")
    return []


def _scene_inputs(module: str) -> list[Path]:
    """What a scene's render reads: its own file, the scenes' shared modules, optim_core and the catalog."""
    shared = sorted((_ROOT / "scenes").glob("_*.py"))
    return [Path(importlib.util.find_spec(module).origin), *shared, _ROOT / "optim_core", _ROOT / "catalog"]


def scene_jobs(names: tuple[str, ...], lang: str, quality: str, cache: Path) -> list[Job]:
    from importlib.metadata import version

    from scenes._render import SCENES

    jobs = []
    for name in names:
        module, class_name = SCENES[name]
        args = SceneRender(name, module, class_name, lang, quality, _expected_seconds(cache, class_name, lang))
        tools = version("manim"), version("manim-slides")
        key = content_key(fingerprint(_scene_inputs(module)), name, lang, quality, tools)
        jobs.append(Job(name, args.outputs, key, render_scene, args))
    return jobs


def _expected_seconds(cache: Path, class_name: str, lang: str) -> float:
    """The scene's length at its last render in this language (any quality), else a typical length."""
    for beats in sorted(cache.glob(f"{class_name}-{lang}-*.json")):
        try:
            data = json.loads(beats.read_text())
            return data["frames"] / data["fps"]
        except (OSError, ValueError, KeyError):
            continue
    return TYPICAL_SECONDS


@dataclass(frozen=True)
class Part:
    """One scene in the assembled lecture."""

    scene: str
    chapter: str
    video: Path
    subtitles: Path
    beats: tuple[BeatMark, ...]
    frames: int
    fps: float

    @property
    def duration(self) -> float:
        return self.frames / self.fps


@dataclass(frozen=True)
class Assembly:
    """The arguments of the lecture job and the slides job."""

    stem: str
    lang: str
    title: str
    parts: tuple[Part, ...]


def _parts(jobs: list[Job], cache: Path, lang: str) -> tuple[Part, ...]:
    from catalog import text

    parts = []
    for job in jobs:
        video, subtitles, beats = (cache / name for name in job.outputs)
        data = json.loads(beats.read_text())
        parts.append(
            Part(
                job.name,
                text(CHAPTERS[job.name], lang),
                video,
                subtitles,
                tuple(BeatMark(*mark) for mark in data["beats"]),
                data["frames"],
                data["fps"],
            )
        )
    return tuple(parts)


def poster_time(parts: tuple[Part, ...]) -> float:
    """Where in the lecture the poster frame is: late in the momentum scene's 45° beat (the vector sum drawn,
    before it fades), or the middle of the lecture when that scene is not part of it."""
    offset = 0.0
    for part in parts:
        if part.scene == POSTER_SCENE:
            ends = [mark.start for mark in part.beats[1:]] + [part.duration]
            for mark, end in zip(part.beats, ends, strict=True):
                if mark.name == POSTER_BEAT:
                    return offset + max(mark.start, end - POSTER_LEAD)
        offset += part.duration
    return sum(part.duration for part in parts) / 2


def assemble(job: Assembly, staging: Path, report) -> list[str]:
    """The lecture job's work: the joined video with chapters, its .srt and .vtt, and the poster."""
    from .lecture_media import chapters_metadata, frame, join, shifted_subtitles, webvtt

    offsets = [sum(part.duration for part in job.parts[:index]) for index in range(len(job.parts))]
    chapters = [(part.chapter, start, start + part.duration) for part, start in zip(job.parts, offsets, strict=True)]
    video = staging / f"{job.stem}.mp4"
    join([part.video for part in job.parts], chapters_metadata(job.title, chapters), video)
    report(0.6)
    subtitles = shifted_subtitles([(part.subtitles, start) for part, start in zip(job.parts, offsets, strict=True)])
    (staging / f"{job.stem}.srt").write_text(subtitles, encoding="utf-8")
    (staging / f"{job.stem}.vtt").write_text(webvtt(subtitles), encoding="utf-8")
    report(0.8)
    frame(video, poster_time(job.parts), staging / f"{job.stem}.png")
    return []


def lecture_outputs(stem: str) -> tuple[str, ...]:
    return tuple(f"{stem}.{suffix}" for suffix in ("mp4", "srt", "vtt", "png"))


def slides_outputs(stem: str) -> tuple[str, ...]:
    return (f"{stem}.pptx", f"{stem}.html")


def _code_key() -> str:
    return fingerprint(sorted(Path(__file__).parent.glob("lecture*.py")))


@dataclass
class Result:
    """What a build did, for the command's summary."""

    outputs: list[Path]
    rendered: list[str]  #: scenes rendered in this run
    cached: list[str]  #: scenes taken from the cache
    assembled: bool  #: whether the lecture files were (re)written


def build(
    directory: Path,
    *,
    scenes: tuple[str, ...],
    lang: str,
    quality: str,
    jobs: int = 2,
    slides: bool = False,
) -> Result:
    """Render what is stale and assemble the lecture into ``directory`` (created if needed)."""
    from catalog import check_language, text
    from scenes._render import check_choices, check_ffmpeg, check_latex, check_output

    check_language(lang)
    check_choices(quality)
    if not 1 <= jobs <= 64:
        raise OptvizError(f"--jobs must be a whole number from 1 to 64, got {jobs}")
    directory = check_output(directory)
    check_ffmpeg()
    check_latex()
    if slides:
        from .lecture_slides import check_reveal

        reveal = check_reveal()
    cache = cache_dir()
    renders = scene_jobs(scenes, lang, quality, cache)
    # Longest scenes first: the last worker to finish then has a short scene, not the longest one.
    longest_first = sorted(renders, key=lambda job: -job.args.expected_seconds)
    outcomes = run_jobs(longest_first, cache, workers=jobs, preload=("scenes._render", "manim"), busy="rendering")
    failed = [outcome for outcome in outcomes if outcome.status == "failed"]
    if failed:
        raise OptvizError("; ".join(f"scene {o.job.name} failed to render: {o.error}" for o in failed))
    stem = lecture_stem(lang, quality)
    assembly = Assembly(stem, lang, text("lecture_title", lang), _parts(renders, cache, lang))
    key = content_key(_code_key(), [job.key for job in renders], assembly.title, [p.chapter for p in assembly.parts])
    finals = [Job("lecture", lecture_outputs(stem), key, assemble, assembly)]
    if slides:
        from .lecture_slides import build_slides

        finals.append(Job("slides", slides_outputs(stem), content_key(key, reveal), build_slides, assembly))
    assembled = run_jobs(finals, directory, workers=min(jobs, len(finals)))
    failed = [outcome for outcome in assembled if outcome.status == "failed"]
    if failed:
        raise OptvizError("; ".join(f"{o.job.name} failed: {o.error}" for o in failed))
    status = {outcome.job.name: outcome.status for outcome in outcomes}
    return Result(
        [directory / name for job in finals for name in job.outputs],
        [job.name for job in renders if status[job.name] == "done"],
        [job.name for job in renders if status[job.name] == "cached"],
        any(outcome.status == "done" for outcome in assembled),
    )


def report(result: Result, seconds: float) -> None:
    """The command's last lines: what was written, and whether anything had to be done."""
    for path in result.outputs:
        print(path)
    if not result.rendered and not result.assembled:
        print(f"nothing changed: all {len(result.cached)} scenes and the lecture were up to date", file=sys.stderr)
    else:
        rendered = ", ".join(result.rendered) or "none"
        print(f"rendered {rendered}; {len(result.cached)} cached; {seconds:.1f} s", file=sys.stderr)
