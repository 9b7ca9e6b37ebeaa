"""``optviz article``: a whole article's figures from one TOML spec, in parallel, skipping what is current.

An output is re-rendered only when its inputs changed: the content hash covers the figure's entry in the
spec and the source of optviz itself (optim_core and figures), and is kept in ``DIR/.optviz-manifest.json``.
"""

from __future__ import annotations

import hashlib
import html
import json
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from optim_core import OptvizError

from ._atomic import write_text
from ._checks import check_writable_directory
from .jobs import FigureJob, validate

DEFAULT_SPEC = Path(__file__).with_name("article.toml")
MANIFEST = ".optviz-manifest.json"
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
    digest = hashlib.sha256()
    roots = [Path(__file__).parent, Path(__file__).parent.parent / "optim_core"]
    for root in roots:
        for file in sorted(root.rglob("*")):
            if file.suffix in {".py", ".mplstyle", ".toml"} and "__pycache__" not in file.parts:
                digest.update(file.relative_to(root.parent).as_posix().encode())
                digest.update(file.read_bytes())
    return digest.hexdigest()


def job_hash(job: FigureJob, fingerprint: str) -> str:
    described = {**job.as_dict(), "output": Path(job.output).name}
    return hashlib.sha256((fingerprint + json.dumps(described, sort_keys=True)).encode()).hexdigest()


def _render(job: FigureJob) -> tuple[str, float, list[str]]:
    from .jobs import render

    began = time.perf_counter()
    warnings: list[str] = []
    render(job, warn=warnings.append)
    return job.output, time.perf_counter() - began, warnings


def build(spec: Path | None, directory: Path, *, jobs: int = 2, force: bool = False) -> list[dict]:
    """Render what is stale, write the gallery and print a summary. Returns one row per output."""
    from rich.console import Console
    from rich.progress import Progress
    from rich.table import Table

    directory = Path(directory)
    check_writable_directory(directory)
    title, figure_jobs = load_spec(spec, directory)
    fingerprint = code_fingerprint()
    manifest_path = directory / MANIFEST
    try:
        manifest = json.loads(manifest_path.read_text())
    except (FileNotFoundError, json.JSONDecodeError):
        manifest = {}
    hashes = {job.output: job_hash(job, fingerprint) for job in figure_jobs}
    stale = [
        j
        for j in figure_jobs
        if force or not Path(j.output).exists() or manifest.get(Path(j.output).name) != hashes[j.output]
    ]
    console = Console(stderr=True)
    timings: dict[str, float] = {}
    failures: list[str] = []
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("rendering", total=len(stale))
        for output, seconds, warnings, error in _run_all(stale, jobs):
            if error:
                failures.append(f"{Path(output).name}: {error}")
            else:
                timings[output] = seconds
                manifest[Path(output).name] = hashes[output]
            for warning in warnings:
                console.print(f"{Path(output).name}: {warning}", markup=False, highlight=False)
            progress.advance(task)
    write_text(manifest_path, json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    rows = []
    table = Table(title=f"{title} -> {directory}")
    for column in ("output", "kind", "status", "seconds", "size"):
        table.add_column(column, justify="right" if column in {"seconds", "size"} else "left")
    for job in figure_jobs:
        path = Path(job.output)
        status = (
            "failed"
            if any(f.startswith(path.name + ":") for f in failures)
            else ("rendered" if job.output in timings else "up to date")
        )
        size = f"{path.stat().st_size / 1024:.0f} KiB" if path.exists() else "-"
        seconds = f"{timings[job.output]:.2f}" if job.output in timings else "-"
        rows.append({"output": path.name, "kind": job.kind, "status": status})
        table.add_row(path.name, job.kind, status, seconds, size)
    Console().print(table)
    write_text(directory / "index.html", gallery(title, figure_jobs))
    print(f"{len(figure_jobs)} outputs in {directory}/; open {directory / 'index.html'}")
    if failures:
        for failure in failures:
            print(f"optviz: error: {failure}", file=sys.stderr)
        sys.exit(1)
    return rows


def _run_all(stale: list[FigureJob], jobs: int):
    """Yield (output, seconds, warnings, error) as each job finishes."""
    if jobs == 1 or len(stale) <= 1:
        for job in stale:
            yield _guarded(job)
        return
    with ProcessPoolExecutor(max_workers=min(jobs, len(stale))) as pool:
        futures = [pool.submit(_guarded, job) for job in stale]
        for future in as_completed(futures):
            yield future.result()


def _guarded(job: FigureJob):
    try:
        output, seconds, warnings = _render(job)
        return output, seconds, warnings, None
    except (OptvizError, OSError) as error:
        return job.output, 0.0, [], str(error)


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
