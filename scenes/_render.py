"""Rendering scenes through Manim's API, for ``optviz render``: checked input, a temporary media folder, and
the finished video moved atomically into the output folder."""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import inspect
import os
import shutil
import sys
import tempfile
from pathlib import Path

from optim_core import OptvizError

from ._settings import read_settings

#: name → (module, scene class). Each file holds one main scene, so `manim render scenes/NAME.py` needs no more.
SCENES = {
    "sgd": ("scenes.sgd", "SGDZigzag"),
    "momentum": ("scenes.momentum", "MomentumBall"),
    "impulse": ("scenes.impulse", "ImpulseAnalogy"),
    "adagrad": ("scenes.adagrad", "AdaGradGolf"),
    "adam": ("scenes.adam", "AdamBoth"),
    "comparison": ("scenes.comparison", "FourWayRace"),
}
QUALITIES = {"low": "low_quality", "medium": "medium_quality", "high": "high_quality", "4k": "fourk_quality"}
FORMATS = ("mp4", "gif", "webm")
LATEX_TOOLS = ("latex", "dvisvgm")


def scene_class(name_or_file: str):
    """The scene class for a name in :data:`SCENES` or a Python file holding exactly one scene."""
    if name_or_file in SCENES:
        module_name, class_name = SCENES[name_or_file]
        return getattr(importlib.import_module(module_name), class_name)
    path = Path(name_or_file)
    if path.suffix != ".py":
        raise OptvizError(f"unknown scene {name_or_file!r} (valid: {', '.join(SCENES)}, or a .py file)")
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


def render(
    name_or_file: str,
    *,
    quality: str = "medium",
    fmt: str = "mp4",
    output: Path = Path("out"),
    settings: dict[str, str] | None = None,
) -> Path:
    """Render one scene; return the path of the video in ``output``. Nothing is left in ``output`` on failure."""
    if quality not in QUALITIES:
        raise OptvizError(f"unknown quality {quality!r} (valid: {', '.join(QUALITIES)})")
    if fmt not in FORMATS:
        raise OptvizError(f"unknown format {fmt!r} (valid: {', '.join(FORMATS)})")
    output = Path(output)
    if not output.is_dir():
        raise OptvizError(f"output directory {str(output)!r} does not exist")
    if not os.access(output, os.W_OK):
        raise OptvizError(f"output directory {str(output)!r} is not writable")
    settings = settings or {}
    read_settings(("sgd",), 1, environ=settings)  # every SPEC, function, start and language checked up front
    check_latex()
    scene = scene_class(name_or_file)
    from manim import tempconfig

    with tempfile.TemporaryDirectory(prefix="optviz-media-") as media, _environment(settings):
        options = {
            "quality": QUALITIES[quality],
            "format": fmt,
            "media_dir": media,
            "disable_caching": True,
            "verbosity": "WARNING",
            "progress_bar": "display" if sys.stderr.isatty() else "none",
        }
        with tempconfig(options):
            instance = scene()
            instance.render()
            produced = Path(instance.renderer.file_writer.movie_file_path)
        target = output / f"{scene.__name__}.{fmt}"
        staging = output / f".{target.stem}.{os.getpid()}.tmp{target.suffix}"
        try:
            shutil.copyfile(produced, staging)
            os.replace(staging, target)
        finally:
            staging.unlink(missing_ok=True)
    return target
