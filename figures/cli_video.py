"""``optviz render``: the Manim scenes through the command line. Registered on the one app of
:mod:`figures.cli`; only Typer is imported here, Manim inside the commands."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .cli import OUTPUT, PROBLEM, Lang, LangOpt, OptimizerOpt, Quality, StartOpt, VideoFormat, app


@app.command()
def render(
    scene: Annotated[
        str | None,
        typer.Argument(
            help="A scene of the lecture, such as sgd or momentum (a wrong name lists them all), or a .py file with"
            " one scene."
        ),
    ] = None,
    all_scenes: Annotated[bool, typer.Option("--all", help="Render every scene.")] = False,
    quality: Annotated[Quality, typer.Option(help="Manim quality preset.", rich_help_panel=OUTPUT)] = Quality.medium,
    video_format: Annotated[VideoFormat, typer.Option("--format", help="Video format.", rich_help_panel=OUTPUT)] = (
        VideoFormat.mp4
    ),
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="Directory to write into (made if needed).", rich_help_panel=OUTPUT),
    ] = Path("out"),
    function: Annotated[
        str | None, typer.Option("--function", "-f", help="As in `optviz figure`.", rich_help_panel=PROBLEM)
    ] = None,
    optimizer: OptimizerOpt = None,
    start: StartOpt = None,
    steps: Annotated[
        int | None, typer.Option("--steps", help="Updates to animate, 1 to 500.", rich_help_panel=PROBLEM)
    ] = None,
    lang: LangOpt = Lang.en,
):
    """Render Manim scenes and print where the videos are: DIR/CLASS-LANG-QUALITY.FORMAT."""
    from scenes._render import SCENES
    from scenes._render import render as render_scene

    if all_scenes == (scene is not None):
        raise typer.BadParameter("give one scene name or file, or --all")
    settings = {"OPTVIZ_LANG": lang.value}
    if function:
        settings["OPTVIZ_FUNCTION"] = function
    if optimizer:
        settings["OPTVIZ_OPTIMIZERS"] = ";".join(optimizer)
    if start:
        settings["OPTVIZ_START"] = start
    if steps is not None:
        settings["OPTVIZ_STEPS"] = str(steps)
    for name in SCENES if all_scenes else [scene]:
        print(render_scene(name, quality=quality.value, fmt=video_format.value, output=output, settings=settings))


@app.command()
def lecture(
    output: Annotated[Path, typer.Option("--output", "-o", help="Directory to write into (created if needed).")],
    lang: LangOpt = Lang.en,
    quality: Annotated[Quality, typer.Option(help="Manim quality preset.", rich_help_panel=OUTPUT)] = Quality.medium,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Scenes rendered at once, 1 to 64.")] = 2,
    slides: Annotated[
        bool, typer.Option("--slides", help="Also write a PowerPoint deck and an offline HTML deck, a slide per beat.")
    ] = False,
    scenes: Annotated[
        str | None,
        typer.Option(help="Comma-separated scenes, e.g. sgd,momentum (default: all, in the story's order)."),
    ] = None,
):
    """Join the scenes into one lecture with chapters, subtitles and a poster: DIR/lecture-LANG-QUALITY.*

    Only scenes whose inputs changed are rendered, each in its own process; the rest come from the cache.
    """
    import time

    from .batch import exit_if_interrupted
    from .lecture import build, parse_scenes, report

    began = time.perf_counter()
    names = parse_scenes(scenes)
    result = exit_if_interrupted(
        lambda: build(output, scenes=names, lang=lang.value, quality=quality.value, jobs=jobs, slides=slides)
    )
    report(result, time.perf_counter() - began)
