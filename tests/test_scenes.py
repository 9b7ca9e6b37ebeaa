"""Scenes: every construct runs, key beats match stored frames, no picture goes blank, contours show on a
projector, balls sit on optim_core's trajectory, and `optviz render` behaves."""

import importlib
import itertools
import os
from pathlib import Path

import numpy as np
import pytest
from manim import ThreeDAxes, ValueTracker
from test_layout import quiet_render

import optim_core as oc
from scenes import _render as scene_render
from scenes._common import (
    BACKGROUND,
    CONTOUR_COLOR,
    SAFE_MARGIN,
    PathFollower,
    ball,
    divergence_note,
    landscape,
    picture_bottom,
    plane,
    safe_width,
)
from scenes._settings import read_settings
from scenes.momentum import _Lifted

CONTROL = Path(__file__).parent / "control"
UPDATE = os.environ.get("OPTVIZ_UPDATE_BASELINES") == "1"
BOWL = oc.get_function("bowl")
SCENE_FILES = sorted(Path(scene_render.__file__).parent.glob("[!_]*.py"))
#: The longest stretch of video whose picture (everything above the caption) may show nothing: a dissolve
#: passes through no empty frame; the scene's very first frames, words being written, may.
BLANK_SECONDS = 0.4


def luminance(rgb) -> np.ndarray:
    """WCAG's relative luminance of sRGB colours (0-255, last axis RGB)."""
    x = np.asarray(rgb, dtype=np.float64) / 255
    x = np.where(x <= 0.04045, x / 12.92, ((x + 0.055) / 1.055) ** 2.4)
    return x @ [0.2126, 0.7152, 0.0722]


def contrast(rgb, background) -> np.ndarray:
    """WCAG's contrast ratio of ``rgb`` against ``background`` (1 to 21)."""
    lighter, darker = (
        np.maximum(luminance(rgb), luminance(background)),
        np.minimum(luminance(rgb), luminance(background)),
    )
    return (lighter + 0.05) / (darker + 0.05)


def hex_rgb(color: str) -> np.ndarray:
    return np.array([int(color[i : i + 2], 16) for i in (1, 3, 5)])


class BlankWatch:
    """Measures, frame by frame, the longest stretch in which the picture shows nothing but the background."""

    def __init__(self, fps: float):
        self.fps, self.run, self.longest = fps, 0, 0

    def see(self, pixels: np.ndarray, repeat: int) -> None:
        height = pixels.shape[0]
        # Rows above the caption: the caption sits below picture_bottom() in the 8-unit-tall frame.
        picture = pixels[: round(height * (4 - picture_bottom()) / 8), :, :3].astype(int)
        inked = (np.abs(picture - hex_rgb(BACKGROUND)).max(axis=-1) > 24).mean()
        self.run = self.run + repeat if inked < 0.002 else 0
        self.longest = max(self.longest, self.run)

    @property
    def seconds(self) -> float:
        return self.longest / self.fps


def run_scene(name: str, tmp_path: Path, settings: dict | None = None):
    """Run the whole construct at 320x180 and 5 fps, as a render does (video, subtitles and slides). Keeps each
    beat's last frame (taken when the next beat starts, before its fade) and the scene's very last frame."""
    frames: dict[str, np.ndarray] = {}
    scene_class = scene_render.scene_class(name)
    with quiet_render(tmp_path, 320, settings or {}):
        scene = scene_class()
        scene.blank = BlankWatch(5)
        writer = scene.renderer.file_writer
        write_frame = writer.write_frame

        def watched(pixels, *, repeat=1):
            scene.blank.see(pixels, repeat)
            return write_frame(pixels, repeat=repeat)

        writer.write_frame = watched
        start_beat = scene.next_slide
        current = ["opening"]

        def next_slide(beat="unnamed", *args, **kwargs):
            if current[0] != "opening":
                frames[current[0]] = scene.renderer.get_frame()[::2, ::2, :3].copy()
            current[0] = beat
            return start_beat(beat, *args, **kwargs)

        scene.next_slide = next_slide
        scene.render()
        frames["last"] = scene.renderer.get_frame()[::2, ::2, :3].copy()
    return scene, frames


@pytest.mark.parametrize(("name", "lang"), [*((name, "en") for name in scene_render.SCENES), ("impulse", "ja")])
def test_every_scene_runs_and_its_beats_match_the_control_frames(name, lang, tmp_path):
    scene, frames = run_scene(name, tmp_path, {"OPTVIZ_LANG": lang})
    module = importlib.import_module(type(scene).__module__)
    beats = [beat.name for beat in module.BEATS]
    assert type(scene).script == module.BEATS and len(set(beats)) == len(beats)
    assert [beat for beat in frames if beat != "last"] == beats[:-1], "BEATS must list the beats as played"
    assert list(scene.titles) == beats and all(scene.titles.values()), "every beat played and titled"
    assert scene.blank.seconds <= BLANK_SECONDS, f"{name}: the picture is empty for {scene.blank.seconds:.1f} s"
    assert (tmp_path / "slides" / f"{type(scene).__name__}.json").exists(), "manim-slides wrote no slide deck"
    control = CONTROL / (f"{name}.npz" if lang == "en" else f"{name}-{lang}.npz")
    if UPDATE:
        np.savez_compressed(control, **frames)
        pytest.skip(f"control data {control.name} written; open it and run again without OPTVIZ_UPDATE_BASELINES")
    assert control.exists(), f"no control data {control.name}; make it with OPTVIZ_UPDATE_BASELINES=1"
    expected = dict(np.load(control))
    assert sorted(expected) == sorted(frames)
    for beat, frame in frames.items():
        difference = np.abs(frame.astype(int) - expected[beat].astype(int))
        assert difference.mean() < 2.0 and (difference > 48).mean() < 0.01, f"{name}: {beat} differs"
        assert frame.std() > 3, f"{name}: {beat} is blank"


def test_the_blank_watch_sees_an_empty_picture_and_not_a_bowl():
    watch = BlankWatch(5)
    empty = np.broadcast_to(np.append(hex_rgb(BACKGROUND), 255), (180, 320, 4)).copy()
    watch.see(empty, repeat=3)
    assert watch.seconds == pytest.approx(0.6)
    with_caption = empty.copy()
    with_caption[-20:, 100:200, :3] = 0  # words below the picture do not fill it
    watch.see(with_caption, repeat=2)
    assert watch.seconds == pytest.approx(1.0)
    watch.see(drawn(landscape(BOWL, x_length=safe_width(), y_length=4.6)[1], 320), repeat=1)
    assert watch.run == 0, "a bowl is a picture"


def drawn(mobject, width: int) -> np.ndarray:
    """``mobject`` as the scenes' camera draws it on their background, ``width`` pixels wide (16:9), RGBA."""
    from manim import Camera, tempconfig

    with tempconfig({"pixel_width": width, "pixel_height": width * 9 // 16}):
        camera = Camera(background_color=BACKGROUND)
        camera.capture_mobject(mobject)
        return np.asarray(camera.get_image())


@pytest.mark.parametrize("width", [854, 1280])
def test_contours_show_on_a_projector(width):
    """Every contour that a vertical line through the bowl crosses is drawn at WCAG's 3:1 for graphics against
    the background (2.4:1 where antialiasing spreads a line thinner than two pixels), at low and medium quality."""
    assert contrast(hex_rgb(CONTOUR_COLOR), hex_rgb(BACKGROUND)) >= 3.0
    with_axes = landscape(BOWL, x_length=safe_width(), y_length=4.6)[1]
    column = drawn(with_axes[1], width)[:, round(width * (0.5 - 0.2 * (1 - 2 * SAFE_MARGIN))), :3]  # contours
    ratios = contrast(column, hex_rgb(BACKGROUND))
    crossings = [max(run) for inked, run in itertools.groupby(ratios, key=lambda r: r > 1.15) if inked]
    assert len(crossings) >= 10, crossings
    assert min(crossings) >= (2.4 if width < 1000 else 3.0), np.round(crossings, 2)


@pytest.mark.parametrize("path", SCENE_FILES, ids=lambda p: p.name)
def test_each_file_holds_exactly_one_scene(path):
    """`manim render scenes/NAME.py` needs no scene name only when the file defines one scene."""
    assert scene_render.scene_class(str(path)).__name__ in {cls for _, cls in scene_render.SCENES.values()}


def test_the_ball_sits_on_the_trajectory_at_the_end_of_every_step():
    t = oc.run(oc.get_optimizer("momentum", lr=0.1), BOWL, steps=30)
    axes = plane(BOWL)
    tracker = ValueTracker(0)
    dot = ball(PathFollower(axes, t.positions), tracker, "#000000")
    for k in range(t.steps + 1):
        tracker.set_value(k)
        dot.update()
        np.testing.assert_allclose(axes.p2c(dot.get_center()), t.positions[k], rtol=0, atol=1e-9)
    tracker.set_value(2.5)
    dot.update()
    np.testing.assert_allclose(axes.p2c(dot.get_center()), t.positions[2:4].mean(axis=0), atol=1e-9)


def test_a_path_in_a_dashed_line_style_is_dashed_from_its_start_to_the_ball():
    """Series of one optimizer share its colour and differ in line style (optim_core.series): a scene draws
    the style, and so does the legend's sample of it."""
    from manim import TracedPath

    from scenes._common import legend_entry, moving_path

    t = oc.run(oc.get_optimizer("sgd", lr=0.95), BOWL, steps=10)
    axes, tracker = plane(BOWL), ValueTracker(5)
    _, (solid, _), _ = moving_path(axes, t, tracker, "en", arrow=False)
    assert isinstance(solid, TracedPath)
    _, (dashed, dot), _ = moving_path(axes, t, tracker, "en", arrow=False, linestyle=(0, (5, 2)))
    dashed.update()
    dot.update()
    assert len(dashed.submobjects) >= 2 and dashed.get_stroke_color() == solid.get_stroke_color()
    np.testing.assert_allclose(dashed.submobjects[0].get_start(), axes.c2p(*t.positions[0]), atol=1e-6)
    gap = 2 / 7 * dashed.get_arc_length() / len(dashed.submobjects)  # at most one gap short of the ball
    assert np.linalg.norm(dashed.submobjects[-1].get_end() - dot.get_center()) <= gap + 1e-6
    assert len(legend_entry("SGD", "en", "#D55E00", (0, (1, 1.5)))[0].submobjects) >= 2


def test_the_ball_on_the_surface_follows_the_trajectory():
    t = oc.run(oc.get_optimizer("momentum", lr=0.1), BOWL, steps=20)
    axes = ThreeDAxes(x_range=[-10, 10, 5], y_range=[-4, 4, 2], z_range=[0, 21, 7])
    lifted = _Lifted(axes, t)
    for k in range(t.steps + 1):
        x, y, _ = axes.p2c(lifted.point(k))
        np.testing.assert_allclose((x, y), t.positions[k], atol=1e-9)


def test_a_diverging_optimizer_leaves_the_frame_with_a_caption(tmp_path):
    settings = {"OPTVIZ_OPTIMIZERS": "sgd:lr=1.1", "OPTVIZ_STEPS": "120"}
    scene, _ = run_scene("sgd", tmp_path, settings)
    notes = [m for m in scene.mobjects if getattr(m, "original_text", "") == "SGD (η=1.1) diverged at step 72"]
    assert len(notes) == 1 and notes[0].get_fill_opacity() == 1.0
    t = read_settings(("sgd",), 1, environ=settings).run(oc.get_optimizer("sgd", lr=1.1))
    tracker = ValueTracker(0)
    note = divergence_note(t, tracker, "en")
    note.update()
    assert note.get_fill_opacity() == 0.0


def test_a_language_is_read_in_any_case():
    assert read_settings(("sgd",), 10, environ={"OPTVIZ_LANG": " DE "}).lang == "de"


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"OPTVIZ_STEPS": "0"}, "OPTVIZ_STEPS must be a whole number from 1 to 500, got 0"),
        ({"OPTVIZ_STEPS": "many"}, "OPTVIZ_STEPS must be a whole number from 1 to 500, got 'many'"),
        ({"OPTVIZ_LANG": "fr"}, "OPTVIZ_LANG must be one of en, de, ja, got 'fr'"),
        ({"OPTVIZ_OPTIMIZERS": "adamm"}, "did you mean 'adam'?"),
        ({"OPTVIZ_FUNCTION": "x.y"}, "'x.y' is not allowed"),
        ({"OPTVIZ_START": "1"}, "malformed OPTVIZ_START '1'"),
    ],
)
def test_bad_scene_settings(environ, message):
    with pytest.raises(oc.OptvizError, match=None) as error:
        read_settings(("sgd",), 10, environ=environ)
    assert message in str(error.value)


@pytest.mark.parametrize("convention", ["book", "torch"])
def test_adams_assembled_step_is_the_real_step(convention):
    """What the Adam scene assembles on screen, −η·m̂/(√v̂ + ε) from adam_parts, is the step the run took."""
    t = oc.run(oc.get_optimizer("adam", lr=0.3, convention=convention), BOWL, steps=40)
    for k in range(t.steps):
        parts = oc.analogy.adam_parts(t.optimizer, t.grads[k], t.state_at(k), t.positions[k])
        np.testing.assert_allclose(parts.step, t.positions[k + 1] - t.positions[k], rtol=1e-12, atol=1e-15)
    assert np.all(parts.root_v_hat > 0)


def test_adam_parts_and_adagrad_h_refuse_other_optimizers():
    sgd = oc.get_optimizer("sgd")
    start = np.zeros((1, 2))
    with pytest.raises(oc.OptvizError, match="adam_parts needs Adam, got 'sgd'"):
        oc.analogy.adam_parts(sgd, start, sgd.init(start), start)
    with pytest.raises(oc.OptvizError, match="adagrad_h needs AdaGrad, got 'sgd'"):
        oc.analogy.adagrad_h(sgd, sgd.init(start))
    amsgrad = oc.get_optimizer("adam", convention="torch", amsgrad=True)
    with pytest.raises(oc.OptvizError, match="without weight decay, AMSGrad or maximize"):
        oc.analogy.adam_parts(amsgrad, start, amsgrad.init(start), start)


def test_a_scene_on_rosenbrock_takes_the_rate_that_suits_it():
    """Without lr, a SPEC takes the function's rate (optviz list functions), in scenes as in figures."""
    from optim_core.spec import default_lr

    settings = read_settings(("momentum",), 10, environ={"OPTVIZ_FUNCTION": "rosenbrock"})
    assert settings.optimizers[0].hyperparams["lr"] == default_lr("momentum", "book", settings.function) == 0.001
    assert not settings.run(settings.optimizers[0]).diverged
