"""`optviz render`: the video written where asked, and one clear line for every bad input."""

import pytest
from typer.testing import CliRunner

from figures.cli import app
from scenes import _render as scene_render

runner = CliRunner()


def test_optviz_render_makes_the_folder_and_names_the_video_by_language_and_quality(tmp_path):
    folder = tmp_path / "new" / "videos"
    result = runner.invoke(
        app,
        ["render", "sgd", "--quality", "low", "--format", "gif", "--steps", "4", "-o", str(folder), "--lang", "de"],
    )
    assert result.exit_code == 0, result.output
    video = folder / "SGDZigzag-de-low.gif"
    assert result.stdout.strip() == str(video)
    assert video.read_bytes()[:4] == b"GIF8" and video.stat().st_size > 10_000
    assert [p.name for p in folder.iterdir()] == ["SGDZigzag-de-low.gif"]


def test_render_into_a_folder_under_a_file_is_one_line_exit_2(tmp_path):
    (tmp_path / "file").write_text("")
    result = runner.invoke(app, ["render", "sgd", "-o", str(tmp_path / "file" / "videos")])
    assert result.exit_code == 2, result.output
    assert result.stderr.count("\n") == 1 and "is not a directory" in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["file"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["render", "spiral"], "unknown scene 'spiral' (valid: adagrad, adam, comparison, impulse, momentum, network,"),
        (["render", "momentm"], "unknown scene 'momentm'; did you mean 'momentum'?"),
        (["render", "missing.py"], "scene file 'missing.py' does not exist"),
        (["render", "sgd", "--quality", "ultra"], "'ultra' is not one of 'low', 'medium', 'high', '4k'"),
        (["render", "sgd", "--format", "avi"], "'avi' is not one of 'mp4', 'gif', 'webm'"),
        (["render", "sgd", "-O", "sgd:lr"], "malformed optimizer SPEC 'sgd:lr'"),
        (["render", "sgd", "-O", "sgd:lr=-1"], "lr must be a finite number > 0"),
        (["render"], "give one scene name or file, or --all"),
        (["render", "sgd", "--all"], "give one scene name or file, or --all"),
    ],
)
def test_bad_render_input_is_one_line_exit_2_and_writes_nothing(args, message, tmp_path):
    result = runner.invoke(app, [*args, "-o", str(tmp_path)])
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr
    assert list(tmp_path.iterdir()) == []


def test_missing_latex_names_the_fix(tmp_path, monkeypatch):
    monkeypatch.setattr(scene_render.shutil, "which", lambda tool: None)
    result = runner.invoke(app, ["render", "momentum", "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert "LaTeX is missing (latex, dvisvgm not found)" in result.stderr and "bootstrap" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_render_all_renders_every_scene_in_order(tmp_path, monkeypatch):
    calls = []

    def fake_render(name, **options):
        calls.append((name, options["quality"], options["settings"]["OPTVIZ_LANG"]))
        return tmp_path / f"{name}.mp4"

    monkeypatch.setattr(scene_render, "render", fake_render)
    result = runner.invoke(app, ["render", "--all", "--quality", "low", "--lang", "ja", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert calls == [(name, "low", "ja") for name in scene_render.SCENES]
    assert result.stdout.split() == [str(tmp_path / f"{name}.mp4") for name in scene_render.SCENES]
