"""ffmpeg for the lecture build: a lossless join with one chapter per scene, subtitles shifted to their place
in the lecture, the poster frame, and a scene cut at its beats (for slides). Every call writes only the
file it is given, so the job machine's staging folder keeps everything unfinished out of sight."""

from __future__ import annotations

import json
import subprocess
from datetime import timedelta
from pathlib import Path

#: Stream properties that must agree for ``-c copy`` to join files into one valid stream.
_JOINABLE = ("codec_name", "profile", "width", "height", "pix_fmt", "r_frame_rate", "time_base")
#: Leave out ffmpeg's version and encoder tags, so the same inputs give the same bytes.
_BITEXACT = ("-fflags", "+bitexact", "-flags:v", "+bitexact")


def ffmpeg(*args: str) -> None:
    """Run ffmpeg; a failure raises with ffmpeg's own last line."""
    done = subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-y", *args], capture_output=True, text=True)
    if done.returncode:
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        raise RuntimeError(f"ffmpeg: {lines[-1] if lines else f'exit status {done.returncode}'}")


def video_stream(path: Path) -> dict:
    """The first video stream's properties, as ffprobe reports them."""
    done = subprocess.run(
        ["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_streams", "-of", "json", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)["streams"][0]


def _concat_line(path: Path) -> str:
    return "file '" + str(path).replace("'", "'\\''") + "'"


def _metadata_value(text: str) -> str:
    """FFMETADATA escapes '=', ';', '#', '\\' and newlines with a backslash."""
    for special in ("\\", "=", ";", "#", "\n"):
        text = text.replace(special, "\\" + special)
    return text


def chapters_metadata(title: str, chapters: list[tuple[str, float, float]]) -> str:
    """An FFMETADATA file: the lecture's title and one chapter (title, start s, end s) per scene.

    >>> print(chapters_metadata("L", [("a=b", 0.0, 1.5)]), end="")
    ;FFMETADATA1
    title=L
    <BLANKLINE>
    [CHAPTER]
    TIMEBASE=1/1000
    START=0
    END=1500
    title=a\\=b
    """
    lines = [";FFMETADATA1", f"title={_metadata_value(title)}"]
    for name, start, end in chapters:
        lines += ["", "[CHAPTER]", "TIMEBASE=1/1000", f"START={round(start * 1000)}", f"END={round(end * 1000)}"]
        lines.append(f"title={_metadata_value(name)}")
    return "\n".join(lines) + "\n"


def join(videos: list[Path], metadata: str, target: Path) -> None:
    """Join ``videos`` into ``target`` without re-encoding (concat demuxer, ``-c copy``) and add the chapters
    in ``metadata``. The videos must share their codec settings, as renders at one quality do."""
    first = video_stream(videos[0])
    for video in videos[1:]:
        stream = video_stream(video)
        differing = [key for key in _JOINABLE if stream.get(key) != first.get(key)]
        if differing:
            raise RuntimeError(f"{video.name} differs from {videos[0].name} in {', '.join(differing)}; cannot join")
    listing = target.with_suffix(".concat.txt")
    listing.write_text("".join(_concat_line(video.resolve()) + "\n" for video in videos))
    chapters = target.with_suffix(".chapters.txt")
    chapters.write_text(metadata, encoding="utf-8")
    ffmpeg(
        *("-f", "concat", "-safe", "0", "-i", str(listing), "-i", str(chapters)),
        *("-map", "0", "-map_metadata", "1", "-map_chapters", "1", "-c", "copy", "-movflags", "+faststart"),
        *_BITEXACT,
        str(target),
    )


def shifted_subtitles(parts: list[tuple[Path | None, float]]) -> str:
    """One SRT from each part's cues (file, offset in seconds), shifted to their place and numbered afresh."""
    import srt

    cues = []
    for path, offset in parts:
        if path is None:
            continue
        shift = timedelta(seconds=offset)
        for cue in srt.parse(path.read_text(encoding="utf-8")):
            cues.append(srt.Subtitle(0, cue.start + shift, cue.end + shift, cue.content))
    return srt.compose(cues, reindex=True, start_index=1)


def webvtt(srt_text: str) -> str:
    """WebVTT from SRT: the same cues, with the header and '.' before milliseconds.

    >>> two = "1\\n00:00:01,500 --> 00:00:03,000\\nHallo\\n\\n2\\n00:00:04,000 --> 00:00:05,250\\nWelt\\n"
    >>> print(webvtt(two), end="")
    WEBVTT
    <BLANKLINE>
    1
    00:00:01.500 --> 00:00:03.000
    Hallo
    <BLANKLINE>
    2
    00:00:04.000 --> 00:00:05.250
    Welt
    """
    import srt

    cues = []
    for cue in srt.parse(srt_text):
        start, end = (srt.timedelta_to_srt_timestamp(t).replace(",", ".") for t in (cue.start, cue.end))
        cues.append(f"{cue.index}\n{start} --> {end}\n{cue.content}\n")
    return "WEBVTT\n\n" + "\n".join(cues)


def frame(video: Path, seconds: float, target: Path) -> None:
    """The frame at ``seconds`` as a PNG."""
    ffmpeg("-ss", f"{seconds:.3f}", "-i", str(video), "-frames:v", "1", *_BITEXACT, str(target))


def cut(video: Path, start: float, end: float, target: Path) -> None:
    """``video`` from ``start`` to ``end`` without re-encoding. Beats begin where Manim begins an animation,
    which is a key frame, so the cut is exact."""
    ffmpeg("-ss", f"{start:.6f}", "-to", f"{end:.6f}", "-i", str(video), "-c", "copy", "-an", *_BITEXACT, str(target))
