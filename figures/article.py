"""``optviz article``: a whole article's figures from one TOML spec, in parallel, skipping what is current.

An output is re-rendered only when its inputs changed: the content hash covers the figure's entry in the
spec and the source of optviz itself (optim_core, catalog and figures). The cache, the worker processes, the
progress display, atomic outputs and Ctrl-C are :mod:`figures.batch`'s, shared with ``optviz lecture``.
"""

from __future__ import annotations

import dataclasses
import html
import sys
from pathlib import Path

from optim_core import OptvizError

from ._atomic import write_text
from ._checks import check_writable_directory
from .batch import Job, content_key, fingerprint, run_jobs
from .jobs import FigureJob, validate

DEFAULT_SPEC = Path(__file__).with_name("article.toml")
KEYS = {"kind", "output", "function", "optimizers", "start", "steps", "dpi", "size", "theme", "lang"}


def _load_toml(path: Path) -> dict:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise OptvizError(f"article spec {str(path)!r} does not exist") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise OptvizError(f"article spec {str(path)!r} is not valid TOML: {error}") from None


def load_spec(path: Path | None, directory: Path) -> tuple[str, list[FigureJob]]:
    """The spec's title and its jobs, every entry checked before anything is drawn."""
    path = Path(path) if path else DEFAULT_SPEC
    document = _load_toml(path)
    entries = document.get("figure")
    if not isinstance(entries, list) or not entries or not all(isinstance(e, dict) for e in entries):
        raise OptvizError(f"article spec {path.name!r} needs one or more [[figure]] tables")
    unknown_top = set(document) - {"title", "figure"}
    if unknown_top:
        raise OptvizError(
            f"article spec {path.name!r}: unknown key {sorted(unknown_top)[0]!r} (accepted: title, figure)"
        )
    jobs, names = [], set()
    for number, entry in enumerate(entries, 1):
        where = f"article spec {path.name!r}, figure {number}"
        unknown = set(entry) - KEYS
        if unknown:
            raise OptvizError(f"{where}: unknown key {sorted(unknown)[0]!r} (accepted: {', '.join(sorted(KEYS))})")
        if "kind" not in entry or "output" not in entry:
            raise OptvizError(f"{where}: 'kind' and 'output' are required")
        name = entry["output"]
        if not isinstance(name, str) or Path(name).name != name or name.startswith("."):
            raise OptvizError(f"{where}: output must be a plain file name such as 'sgd.png', got {name!r}")
        if name in names:
            raise OptvizError(f"{where}: output {name!r} appears twice")
        names.add(name)
        job = _job(entry, directory / name, where)
        validate(job)
        jobs.append(job)
    return str(document.get("title", "optviz")), jobs


def _job(entry: dict, output: Path, where: str) -> FigureJob:
    def pair(key):
        value = entry.get(key)
        if value is None:
            return None
        if not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, (int, float)) for v in value)):
            raise OptvizError(f"{where}: {key} must be a pair of numbers such as [-7, 2], got {value!r}")
        return (float(value[0]), float(value[1]))

    optimizers = entry.get("optimizers", [])
    if not isinstance(optimizers, list) or not all(isinstance(o, str) for o in optimizers):
        raise OptvizError(f"{where}: optimizers must be a list of SPEC strings, got {optimizers!r}")
    steps = entry.get("steps")
    if steps is not None and (isinstance(steps, bool) or not isinstance(steps, int)):
        raise OptvizError(f"{where}: steps must be a whole number, got {steps!r}")
    for key in ("kind", "function", "theme", "lang"):
        if key in entry and not isinstance(entry[key], str):
            raise OptvizError(f"{where}: {key} must be a string, got {entry[key]!r}")
    dpi = entry.get("dpi", 150)
    if isinstance(dpi, bool) or not isinstance(dpi, (int, float)):
        raise OptvizError(f"{where}: dpi must be a number, got {dpi!r}")
    return FigureJob(
        kind=entry["kind"],
        output=str(output),
        function=entry.get("function", "bowl"),
        optimizers=tuple(optimizers),
        start=pair("start"),
        steps=steps,
        dpi=float(dpi),
        size=pair("size"),
        theme=entry.get("theme", "light"),
        lang=entry.get("lang", "en"),
    )


def code_fingerprint() -> str:
    """A hash of the source that turns a spec into pictures: a change in it makes every output stale."""
    package = Path(__file__).parent
    return fingerprint([package, package.parent / "optim_core", package.parent / "catalog"])


def job_hash(job: FigureJob, fingerprint_: str) -> str:
    return content_key(fingerprint_, {**job.as_dict(), "output": Path(job.output).name})


def _render_into(job: FigureJob, staging: Path, report) -> list[str]:
    """A job's work (see figures.batch): the figure, drawn into the staging folder under its own name."""
    from .jobs import render

    warnings: list[str] = []
    render(dataclasses.replace(job, output=str(staging / Path(job.output).name)), warn=warnings.append)
    return warnings


def build(spec: Path | None, directory: Path, *, jobs: int = 2, force: bool = False) -> list[dict]:
    """Render what is stale, write the gallery and print a summary. Returns one row per output."""
    from rich.console import Console
    from rich.table import Table

    directory = Path(directory)
    check_writable_directory(directory)
    title, figure_jobs = load_spec(spec, directory)
    code = code_fingerprint()
    batch = [
        Job(Path(job.output).name, (Path(job.output).name,), job_hash(job, code), _render_into, job)
        for job in figure_jobs
    ]
    console = Console(stderr=True)
    outcomes = run_jobs(batch, directory, workers=jobs, force=force, preload=("figures.jobs", "figures.plots"))
    rows = []
    table = Table(title=f"{title} -> {directory}")
    for column in ("output", "kind", "status", "seconds", "size"):
        table.add_column(column, justify="right" if column in {"seconds", "size"} else "left")
    for job, outcome in zip(figure_jobs, outcomes, strict=True):
        path = Path(job.output)
        status = {"cached": "up to date", "done": "rendered", "failed": "failed"}[outcome.status]
        size = f"{path.stat().st_size / 1024:.0f} KiB" if path.exists() else "-"
        seconds = f"{outcome.seconds:.2f}" if outcome.status == "done" else "-"
        for warning in outcome.warnings:
            console.print(f"{path.name}: {warning}", markup=False, highlight=False)
        rows.append({"output": path.name, "kind": job.kind, "status": status})
        table.add_row(path.name, job.kind, status, seconds, size)
    Console().print(table)
    write_text(directory / "index.html", gallery(title, figure_jobs))
    print(f"{len(figure_jobs)} outputs in {directory}/; open {directory / 'index.html'}")
    failures = [f"{outcome.job.name}: {outcome.error}" for outcome in outcomes if outcome.status == "failed"]
    if failures:
        for failure in failures:
            print(f"optviz: error: {failure}", file=sys.stderr)
        sys.exit(1)
    return rows


def gallery(title: str, figure_jobs: list[FigureJob]) -> str:
    """A self-contained page showing every output; each image records whether it loaded (for the browser test)."""
    cards = []
    for job in figure_jobs:
        name = html.escape(Path(job.output).name)
        caption = html.escape(f"{job.kind}: {name}")
        if name.endswith(".mp4"):
            media = f'<video src="{name}" controls muted loop preload="auto"></video>'
        else:
            media = (
                f'<img src="{name}" alt="{caption}" onload="this.dataset.loaded=this.naturalWidth"'
                ' onerror="this.dataset.loaded=0">'
            )
        cards.append(f"<figure>{media}<figcaption>{caption}</figcaption></figure>")
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{html.escape(title)}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2rem; background: #fafafa; color: #222; }}
main {{ display: grid; grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr)); gap: 1.5rem; }}
figure {{ margin: 0; background: white; padding: 0.75rem; border-radius: 6px; box-shadow: 0 1px 3px #0002; }}
img, video {{ width: 100%; height: auto; }}
figcaption {{ font-size: 0.9rem; color: #555; margin-top: 0.4rem; }}
</style>
</head>
<body>
<h1>{html.escape(title)}</h1>
<main>
{chr(10).join(cards)}
</main>
</body>
</html>
"""
