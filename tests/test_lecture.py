"""`optviz lecture`: one real build of the shortest scene (low quality) checked from every side — the joined
video and its chapters, subtitles, poster, slides in PowerPoint and offline in Chromium, the cache, byte-identical
outputs — plus bad input, a failing scene and a real Ctrl-C."""

import itertools
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import srt
from manim import Scene
from typer.testing import CliRunner

import catalog
from figures import lecture
from figures.cli import app
from figures.lecture_media import chapters_metadata, join, shifted_subtitles, video_stream
from scenes import _render as scene_render
from scenes import impulse
from scenes._render import BeatMark

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent
SCENE = "impulse"  # the shortest scene
OUTPUTS = ["lecture-de-low.html", "lecture-de-low.mp4", "lecture-de-low.png", "lecture-de-low.pptx"]
OUTPUTS += ["lecture-de-low.srt", "lecture-de-low.vtt"]


def ffprobe(*args) -> dict:
    done = subprocess.run(["ffprobe", "-v", "error", "-of", "json", *args], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def files(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir()) if not p.name.startswith(".")}


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cache")
    saved = os.environ.get("OPTVIZ_CACHE")
    os.environ["OPTVIZ_CACHE"] = str(folder)
    yield folder / "scenes"
    if saved is None:
        os.environ.pop("OPTVIZ_CACHE")
    else:
        os.environ["OPTVIZ_CACHE"] = saved


@pytest.fixture(scope="module")
def built(cache, tmp_path_factory):
    """One German build of the impulse scene with slides, into a folder that does not exist yet."""
    directory = tmp_path_factory.mktemp("lecture") / "new" / "folder"
    args = ["lecture", "-o", str(directory), "--lang", "de", "--quality", "low", "--scenes", SCENE, "--slides"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return directory, result


def test_the_build_writes_every_file_named_by_language_and_quality(built):
    directory, result = built
    assert sorted(files(directory)) == OUTPUTS
    assert result.stdout.split() == [str(directory / name) for name in lecture.lecture_outputs("lecture-de-low")] + [
        str(directory / name) for name in lecture.slides_outputs("lecture-de-low")
    ]
    assert "rendered impulse" in result.stderr


def test_the_lecture_has_a_chapter_per_scene_named_in_its_language(built, cache):
    directory, _ = built
    chapters = ffprobe("-show_chapters", str(directory / "lecture-de-low.mp4"))["chapters"]
    assert [c["tags"]["title"] for c in chapters] == [catalog.text("impulse_title", "de")]
    beats = json.loads((cache / "ImpulseAnalogy-de-low.json").read_text())
    assert float(chapters[0]["end_time"]) == pytest.approx(beats["frames"] / beats["fps"], abs=1e-3)
    fmt = ffprobe("-show_format", str(directory / "lecture-de-low.mp4"))["format"]
    assert fmt["tags"]["title"] == catalog.text("lecture_title", "de")


def test_subtitles_are_the_scenes_narration_in_srt_and_vtt(built):
    from scenes._common import wrap

    directory, _ = built
    cues = list(srt.parse((directory / "lecture-de-low.srt").read_text()))
    assert len(cues) == len(impulse.BEATS), "one cue per beat"
    assert cues[0].content == wrap(catalog.text(impulse.BEATS[0].narration, "de"), "de")
    assert all(earlier.end <= later.start for earlier, later in itertools.pairwise(cues))
    vtt = (directory / "lecture-de-low.vtt").read_text()
    assert vtt.startswith("WEBVTT\n\n") and vtt.count(" --> ") == len(cues)
    first = cues[0]
    stamp = f"{srt.timedelta_to_srt_timestamp(first.start)} --> {srt.timedelta_to_srt_timestamp(first.end)}"
    assert stamp.replace(",", ".") + "\n" + first.content + "\n" in vtt


def test_the_poster_is_a_frame_of_the_lecture(built):
    directory, _ = built
    poster = ffprobe("-show_streams", str(directory / "lecture-de-low.png"))["streams"][0]
    video = video_stream(directory / "lecture-de-low.mp4")
    assert (poster["codec_name"], poster["width"], poster["height"]) == ("png", video["width"], video["height"])


def test_the_deck_has_one_titled_slide_per_beat(built):
    import pptx
    from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER

    directory, _ = built
    deck = pptx.Presentation(str(directory / "lecture-de-low.pptx"))
    titles = [catalog.text(beat.title, "de") for beat in impulse.BEATS]
    assert len(deck.slides) == len(impulse.BEATS) == len(set(titles))
    for slide, title in zip(deck.slides, titles, strict=True):
        # PowerPoint's outline lists each slide's title placeholder: the beat's title, in German
        assert slide.slide_layout.name == "Title Only"
        assert slide.shapes.title.placeholder_format.type == PP_PLACEHOLDER.TITLE
        assert slide.shapes.title.text == title
        (movie,) = [shape for shape in slide.shapes if shape.shape_type == MSO_SHAPE_TYPE.MEDIA]
        assert movie.top >= slide.shapes.title.top + slide.shapes.title.height  # the title does not cover it
        assert movie.top + movie.height <= deck.slide_height
        assert movie.width / movie.height == pytest.approx(deck.slide_width / deck.slide_height, rel=1e-3)
    assert deck.core_properties.title == catalog.text("lecture_title", "de")
    # German notes, marked German, so that PowerPoint's spell-checker reads them as German
    from pptx.enum.lang import MSO_LANGUAGE_ID

    notes = [slide.notes_slide.notes_text_frame for slide in deck.slides]
    cues = srt.parse((directory / "lecture-de-low.srt").read_text())
    assert [frame.text for frame in notes] == [" ".join(cue.content.splitlines()) for cue in cues]  # a beat's words
    titles = [slide.shapes.title.text_frame for slide in deck.slides]
    runs = [run for frame in notes + titles for paragraph in frame.paragraphs for run in paragraph.runs]
    assert runs and {run.font.language_id for run in runs} == {MSO_LANGUAGE_ID.GERMAN}
    assert deck.core_properties.language == "de"
    assert '<html lang="de"' in (directory / "lecture-de-low.html").read_text(encoding="utf-8")[:500]


def assert_titled(page, title: str):
    """The current slide shows ``title`` above its video: inside the window, and not over the picture."""
    heading, video = page.evaluate(
        """() => {
        const heading = Reveal.getCurrentSlide().querySelector(".optviz-title");
        const video = Reveal.getSlideBackground(Reveal.getIndices().h).querySelector("video");
        const box = (e) => { const r = e.getBoundingClientRect(); return {top: r.top, bottom: r.bottom}; };
        return [{text: heading.textContent, ...box(heading)}, box(video)];
    }"""
    )
    assert heading["text"] == title
    assert heading["top"] >= 0 and heading["bottom"] - heading["top"] > 20 and heading["bottom"] <= video["top"] + 0.5


def test_the_html_deck_plays_offline_in_chromium_and_steps_with_the_arrow_keys(built):
    from playwright.sync_api import sync_playwright

    from figures.explore.chromium import ARGS, open_offline

    directory, _ = built
    playing = "() => { const v = Reveal.getSlideBackground(Reveal.getIndices().h).querySelector('video');"
    playing += " return v !== null && v.readyState >= 2 && v.videoWidth > 0; }"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        try:
            page, problems, requests = open_offline(
                browser, directory / "lecture-de-low.html", ready="window.Reveal && Reveal.isReady()"
            )
            page.wait_for_function(playing, timeout=20_000)  # the deck has no CSP, so Playwright may poll
            assert page.evaluate("Reveal.getTotalSlides()") == len(impulse.BEATS)
            titles = [catalog.text(beat.title, "de") for beat in impulse.BEATS]
            assert_titled(page, titles[0])
            page.keyboard.press("ArrowRight")
            page.wait_for_function("() => Reveal.getIndices().h === 1", timeout=5_000)
            page.wait_for_function(playing, timeout=20_000)
            assert_titled(page, titles[1])
        finally:
            browser.close()
    assert problems == []
    assert [url for url in requests if not url.startswith(("file:", "data:"))] == []


def test_a_rerun_with_nothing_changed_renders_nothing_and_says_so(built, monkeypatch):
    directory, _ = built
    before = files(directory)
    monkeypatch.setattr(lecture, "render_scene", None)  # a render would fail: the job's work is gone
    args = ["lecture", "-o", str(directory), "--lang", "de", "--quality", "low", "--scenes", SCENE, "--slides"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "nothing changed" in result.stderr
    assert files(directory) == before


def test_another_folder_reuses_the_renders_and_gets_the_same_bytes(built, tmp_path):
    directory, _ = built
    args = ["lecture", "-o", str(tmp_path), "--lang", "de", "--quality", "low", "--scenes", SCENE, "--slides"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "rendered none; 1 cached" in result.stderr
    assert files(tmp_path) == files(directory)


def test_scenes_are_joined_without_re_encoding_and_cues_shifted(built, cache, tmp_path):
    video = cache / "ImpulseAnalogy-de-low.mp4"
    beats = json.loads((cache / "ImpulseAnalogy-de-low.json").read_text())
    length = beats["frames"] / beats["fps"]
    joined = tmp_path / "joined.mp4"
    join([video, video], chapters_metadata("two", [("one", 0.0, length), ("two", length, 2 * length)]), joined)

    def packets(path):
        done = subprocess.run(
            ["ffmpeg", "-v", "error", "-i", str(path), "-map", "0:v", "-c", "copy", "-f", "framemd5", "-"],
            capture_output=True,
            text=True,
            check=True,
        )
        return [line.split(",")[-1] for line in done.stdout.splitlines() if not line.startswith("#")]

    assert packets(joined) == packets(video) * 2
    chapters = ffprobe("-show_chapters", str(joined))["chapters"]
    assert [(c["tags"]["title"], float(c["start_time"])) for c in chapters] == [("one", 0.0), ("two", length)]
    assert float(ffprobe("-show_format", str(joined))["format"]["duration"]) == pytest.approx(2 * length, abs=0.01)
    subtitles = cache / "ImpulseAnalogy-de-low.srt"
    cues = list(srt.parse(shifted_subtitles([(subtitles, 0.0), (None, 5.0), (subtitles, length)])))
    single = list(srt.parse(subtitles.read_text()))
    assert len(cues) == 2 * len(single) and [c.index for c in cues] == list(range(1, len(cues) + 1))
    assert cues[len(single)].start.total_seconds() == pytest.approx(single[0].start.total_seconds() + length)


def test_the_poster_sits_late_in_the_momentum_vector_sum_beat():
    from scenes.momentum import BEATS

    assert lecture.POSTER_BEAT in [beat.name for beat in BEATS]

    def part(scene, beats, seconds):
        return lecture.Part(scene, "", Path(), Path(), beats, seconds * 10, 10.0)

    parts = (
        part("sgd", (BeatMark("", 0.0, ""),), 40.0),
        part("momentum", tuple(BeatMark(*b, "") for b in (("rule", 0.0), ("45 degrees", 10.0), ("real", 20.0))), 30.0),
    )
    assert 40.0 + 10.0 < lecture.poster_time(parts) < 40.0 + 20.0
    assert lecture.poster_time(parts[:1]) == 20.0


def test_a_beat_its_scene_did_not_title_takes_the_chapter_as_its_slide_title():
    from figures.lecture_slides import slide_titles

    marks = (BeatMark("rule", 0.0, "Die Update-Regel"), BeatMark("", 4.0, ""))
    part = lecture.Part("sgd", "SGD geht direkt bergab", Path(), Path(), marks, 100, 10.0)
    assert slide_titles((part,)) == ["Die Update-Regel", "SGD geht direkt bergab"]


def test_beats_are_the_sections_between_marks_and_progress_is_reported_per_second():
    class Writer:
        def write_frame(self, pixels, *, repeat=1):
            pass

        def next_section(self, name, *args):
            pass

    writer, reported = Writer(), []
    counter = scene_render._FrameCounter(writer, reported.append, every=15)
    writer.next_section("rule", "default.normal", False)
    for _ in range(20):
        writer.write_frame(None)
    writer.next_section("vector sum", "default.normal", False)
    writer.next_section("unnamed", "default.normal", False)  # next_slide() right after next_section(name)
    writer.write_frame(None, repeat=30)
    titles = {"rule": "Die Update-Regel", "vector sum": "Der Schritt als Vektorsumme"}
    assert counter.beats(15.0, titles) == (
        ("rule", 0.0, "Die Update-Regel"),
        ("vector sum", 20 / 15, "Der Schritt als Vektorsumme"),
    )
    assert counter.beats(15.0, {})[0].title == ""  # a scene that titles no beat
    assert counter.frames == 50 and reported == [15, 50]


def test_cache_keys_follow_the_settings_and_the_scene_files():
    inputs = lecture._scene_inputs("scenes.impulse")
    assert ROOT / "scenes" / "impulse.py" in inputs and ROOT / "scenes" / "sgd.py" not in inputs
    assert {ROOT / "optim_core", ROOT / "catalog", ROOT / "scenes" / "_common.py"} <= set(inputs)
    keys = {
        (lang, quality): lecture.scene_jobs((SCENE,), lang, quality, Path("/nonexistent"))[0].key
        for lang in ("en", "de")
        for quality in ("low", "high")
    }
    assert len(set(keys.values())) == 4
    assert lecture.scene_jobs((SCENE,), "en", "low", Path("/nonexistent"))[0].key == keys["en", "low"]


def test_a_scene_job_renders_the_books_settings_but_keeps_the_cache(tmp_path, monkeypatch):
    """A lecture render drops the scene settings (the book's are what its key holds) but not OPTVIZ_CACHE: the
    network scene reads its chapter from the cache the renders share."""
    seen = {}

    def render_in(scene, media, **options):
        seen.update({name: value for name, value in os.environ.items() if name.startswith("OPTVIZ_")})
        raise RuntimeError("rendered")

    monkeypatch.setenv("OPTVIZ_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("OPTVIZ_STEPS", "3")
    monkeypatch.setattr(scene_render, "render_in", render_in)
    job = lecture.scene_jobs(("network",), "en", "low", tmp_path / "cache")[0]
    with pytest.raises(RuntimeError, match="rendered"):
        lecture.render_scene(job.args, tmp_path, lambda share: None)
    assert seen == {"OPTVIZ_CACHE": str(tmp_path / "cache")}


class Broken(Scene):
    """A scene that fails the way a scene does: Manim raises inside construct."""

    def construct(self):
        from manim import MathTex

        self.add(MathTex(r"\end{document}"))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--scenes", "sgd,spiral"], "unknown scene 'spiral' (valid: adagrad, adam, comparison, impulse, momentum,"),
        (["--scenes", "sgd,momentm"], "unknown scene 'momentm'; did you mean 'momentum'? (valid: adagrad,"),
        (["--scenes", "sgd,sgd"], "scene 'sgd' appears twice in --scenes"),
        (["--lang", "fr"], "'fr' is not one of 'en', 'de', 'ja'"),
        (["--quality", "ultra"], "'ultra' is not one of 'low', 'medium', 'high', '4k'"),
        (["--jobs", "0"], "--jobs must be a whole number from 1 to 64, got 0"),
        (["--format", "avi"], "No such option: --format"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_nothing_in_dir(args, message, tmp_path):
    result = runner.invoke(app, ["lecture", "-o", str(tmp_path / "out"), *args])
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_folder_is_one_line_exit_2(tmp_path):
    (tmp_path / "file").write_text("")
    result = runner.invoke(app, ["lecture", "-o", str(tmp_path / "file" / "out")])
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "output directory" in result.stderr and "is not a directory" in result.stderr
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    with pytest.MonkeyPatch.context() as patch:  # root may write anywhere: the check must see the mode bits
        patch.setattr(scene_render.os, "access", lambda path, mode: Path(path) != locked)
        result = runner.invoke(app, ["lecture", "-o", str(locked / "out")])
    assert result.exit_code == 2 and "is not writable" in result.stderr, result.stderr
    assert list(locked.iterdir()) == []


@pytest.mark.parametrize(("tool", "message"), [("ffmpeg", "ffmpeg is missing"), ("latex", "LaTeX is missing")])
def test_missing_tools_name_the_fix(tool, message, tmp_path, monkeypatch):
    real = scene_render.shutil.which
    monkeypatch.setattr(scene_render.shutil, "which", lambda name: None if name == tool else real(name))
    result = runner.invoke(app, ["lecture", "-o", str(tmp_path / "out"), "--scenes", SCENE])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and message in result.stderr and "bootstrap" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_missing_reveal_js_names_the_fix(tmp_path, monkeypatch):
    from figures import lecture_slides

    monkeypatch.setattr(lecture_slides, "REVEAL", tmp_path / "node_modules" / "reveal.js")
    result = runner.invoke(app, ["lecture", "-o", str(tmp_path / "out"), "--slides"])
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "npm ci --ignore-scripts" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_scene_that_fails_is_named_with_manims_last_error_line(cache, tmp_path, monkeypatch):
    monkeypatch.setitem(scene_render.SCENES, SCENE, (__name__, "Broken"))
    result = runner.invoke(app, ["lecture", "-o", str(tmp_path / "out"), "--quality", "low", "--scenes", SCENE])
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert lines[-1].startswith("optviz: error: scene impulse failed to render: ")
    assert lines[-1].endswith(
        "LaTeX compilation error: LaTeX Error: \\begin{align*} on input line 6 ended by \\end{document}."
    )
    assert list(tmp_path.iterdir()) == []


def test_ctrl_c_stops_every_worker_exits_130_and_leaves_nothing(tmp_path):
    directory, cache_root = tmp_path / "out", tmp_path / "cache"
    environment = {**os.environ, "OPTVIZ_CACHE": str(cache_root)}
    command = [str(Path(sys.executable).parent / "optviz"), "lecture", "-o", str(directory), "--quality", "low"]
    process = subprocess.Popen(
        [*command, "--scenes", "impulse,sgd", "--jobs", "2"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    staging = cache_root / "scenes"
    while not any(staging.glob(".optviz-staging-*/*/*")) and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(2)  # the workers are rendering
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 130, stderr
    assert "interrupted" in stderr.decode()
    assert not directory.exists()
    assert [p.name for p in staging.iterdir() if p.name.startswith(".optviz-staging")] == []
    assert not [p for p in staging.iterdir() if p.suffix == ".mp4"]
    time.sleep(0.5)
    assert _session_members(process.pid) == []


def _session_members(session: int) -> list[int]:
    """Processes still alive in the build's session (its workers and fork server would be here)."""
    members = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == session and fields[0] != "Z":
            members.append(int(stat.parent.name))
    return members


def test_scene_names_are_read_in_any_case():
    assert lecture.parse_scenes(" SGD,Momentum") == ("sgd", "momentum")


@pytest.mark.parametrize("module", ["figures.lecture_media", "figures.lecture_slides", "scenes._render"])
def test_the_examples_in_the_docstrings_hold(module):
    import doctest
    import importlib

    failed, attempted = doctest.testmod(importlib.import_module(module))
    assert attempted > 0 and failed == 0
