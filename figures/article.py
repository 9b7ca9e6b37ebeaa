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
from typing import NamedTuple

from optim_core import OptvizError
from optim_core._cache import content_key, fingerprint

from ._atomic import write_text
from ._checks import check_writable_directory
from .batch import Job, run_jobs
from .jobs import FigureJob, validate

DEFAULT_SPEC = Path(__file__).with_name("article.toml")
KEYS = {
    "kind",
    "output",
    "function",
    "optimizers",
    "start",
    "steps",
    "batch",
    "dpi",
    "size",
    "theme",
    "lang",
    "section",
}
#: Outputs a page shows as video, and as a link rather than a picture.
VIDEOS, PAGES = (".mp4",), (".html",)


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


class Article(NamedTuple):
    """An article spec, read and checked: its title, its jobs, and the heading of the section each job opens."""

    title: str
    jobs: list[FigureJob]
    headings: list[str | None]  #: per job: the heading written before it, or None where no section starts


def load_article(path: Path | None, directory: Path, *, lang: str = "en", theme: str = "light") -> Article:
    """The spec's title, jobs and section headings, every entry checked before anything is drawn. ``lang`` and
    ``theme`` apply to the entries that do not set their own; the title defaults to the catalog's, and the
    title and headings are in ``lang``, the article's language."""
    from catalog import check_language, text

    from ._checks import check_theme

    check_language(lang)
    check_theme(theme)
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
    jobs, headings, names = [], [], set()
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
        headings.append(_heading(entry.get("section"), lang, where))
        job = _job({"lang": lang, "theme": theme} | entry, directory / name, where)
        try:
            validate(job, directory_exists=False)
        except OptvizError as error:
            raise OptvizError(f"{where}: {error}") from None
        jobs.append(job)
    title = document.get("title", text("article_title", lang))
    if not isinstance(title, str) or not title.strip():
        raise OptvizError(
            f"article spec {path.name!r}: title must be text, such as title = 'Optimizers', got {title!r}"
        )
    return Article(title.strip(), jobs, headings)


def load_spec(
    path: Path | None, directory: Path, *, lang: str = "en", theme: str = "light"
) -> tuple[str, list[FigureJob]]:
    """The spec's title and its jobs, as :func:`load_article` reads them (bench/figures.py times these, on this
    tree and on older ones that have no sections)."""
    article = load_article(path, directory, lang=lang, theme=theme)
    return article.title, article.jobs


def _heading(section, lang: str, where: str) -> str | None:
    """A section's heading: the text given (``section = "On a real network"``), or a catalog message in the
    article's language (``section = { key = "net_title" }``), so that one spec serves every language."""
    from catalog import MESSAGES, text

    usage = "a heading such as 'On a real network', or a catalog key such as { key = 'net_title' }"
    if section is None:
        return None
    if isinstance(section, str) and section.strip():
        return section.strip()
    if not isinstance(section, dict) or set(section) != {"key"} or not isinstance(section["key"], str):
        raise OptvizError(f"{where}: section must be {usage}, got {section!r}")
    key = section["key"]
    if key not in MESSAGES:
        raise OptvizError(f"{where}: section names no catalog key {key!r}; a heading of your own is written as text")
    try:
        return text(key, lang)
    except (KeyError, IndexError):  # a message with a placeholder, such as a caption, is not a heading
        raise OptvizError(f"{where}: the catalog's {key!r} needs values filled in; a section names a heading") from None


def _is_pair(value) -> bool:
    return isinstance(value, list) and len(value) == 2 and all(_is_number(v) for v in value)


def _is_whole(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _job(entry: dict, output: Path, where: str) -> FigureJob:
    start = entry.get("start", [])
    starts = [start] if _is_pair(start) else start
    if not (isinstance(starts, list) and all(_is_pair(s) for s in starts)):
        raise OptvizError(f"{where}: start must be a pair such as [-7, 2] or a list of pairs, got {start!r}")
    function = entry.get("function", [])
    functions = [function] if isinstance(function, str) else function
    if not (isinstance(functions, list) and all(isinstance(f, str) for f in functions)):
        raise OptvizError(f"{where}: function must be a string or a list of strings, got {function!r}")
    size = entry.get("size")
    if _is_pair(size):
        size = f"{size[0]}x{size[1]}"
    if size is not None and not isinstance(size, str):
        raise OptvizError(f"{where}: size must be [W, H] in inches or a string such as '1200x800px', got {size!r}")

    optimizers = entry.get("optimizers", [])
    if not isinstance(optimizers, list) or not all(isinstance(o, str) for o in optimizers):
        raise OptvizError(f"{where}: optimizers must be a list of SPEC strings, got {optimizers!r}")
    steps = entry.get("steps")
    if steps is not None and (isinstance(steps, bool) or not isinstance(steps, int)):
        raise OptvizError(f"{where}: steps must be a whole number, got {steps!r}")
    batch = entry.get("batch", [])
    batches = [batch] if _is_whole(batch) else batch
    if not (isinstance(batches, list) and all(_is_whole(b) for b in batches)):
        raise OptvizError(f"{where}: batch must be a whole number or a list of them, got {batch!r}")
    for key in ("kind", "theme", "lang"):
        if key in entry and not isinstance(entry[key], str):
            raise OptvizError(f"{where}: {key} must be a string, got {entry[key]!r}")
    dpi = entry.get("dpi", 150)
    if isinstance(dpi, bool) or not isinstance(dpi, (int, float)):
        raise OptvizError(f"{where}: dpi must be a number, got {dpi!r}")
    return FigureJob(
        kind=entry["kind"],
        output=str(output),
        functions=tuple(functions),
        optimizers=tuple(optimizers),
        starts=tuple((float(x), float(y)) for x, y in starts),
        steps=steps,
        batches=tuple(batches),
        dpi=float(dpi),
        size=size,
        theme=entry["theme"],
        lang=entry["lang"],
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


def build(
    spec: Path | None, directory: Path, *, jobs: int = 2, force: bool = False, lang: str = "en", theme: str = "light"
) -> list[dict]:
    """Render what is stale, write the gallery and the post, and print a summary. Returns one row per output."""
    from rich.console import Console
    from rich.table import Table

    directory = Path(directory)
    article = load_article(spec, directory, lang=lang, theme=theme)
    title, figure_jobs = article.title, article.jobs
    _make_directory(directory)
    code = code_fingerprint()
    batch = [
        Job(Path(job.output).name, (Path(job.output).name,), job_hash(job, code), _render_into, job)
        for job in figure_jobs
    ]
    console = Console(stderr=True)
    outcomes = run_jobs(batch, directory, workers=jobs, force=force, preload=("figures.jobs", "figures._warm"))
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
    described = [(heading, job, *describe(job)) for heading, job in zip(article.headings, figure_jobs, strict=True)]
    write_text(directory / "index.html", gallery(title, described, lang, theme))
    write_text(directory / "article.md", post(title, described))
    print(f"{len(figure_jobs)} outputs in {directory}/: open index.html, or post article.md")
    failures = [f"{outcome.job.name}: {outcome.error}" for outcome in outcomes if outcome.status == "failed"]
    if failures:
        for failure in failures:
            print(f"optviz: error: {failure}", file=sys.stderr)
        sys.exit(1)
    return rows


def _make_directory(directory: Path) -> None:
    """Create the output directory (and its parents) when missing; refuse one that cannot be written."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OptvizError(f"output {str(directory)!r} exists and is not a directory") from None
    check_writable_directory(directory)


def describe(job: FigureJob) -> tuple[str, str]:
    """The caption and the alt text of a job's output, in its language, from what it draws."""
    from catalog import text
    from optim_core.spec import parse_optimizer

    from .labels import labelled, pair, plain_formula, separator

    values = {}
    if job.kind_.caption:
        values = job.kind_.caption(job)
    elif job.kind_.optimizers is not None or job.kind == "sweep":
        f = job.objective()
        starts = job.starts or (f.start,)
        optimizers = [parse_optimizer(spec, f) for spec in job.specs()] if job.kind_.optimizers else []
        each = [(opt, start) for opt in optimizers for start in starts]
        names = labelled([opt for opt, _ in each], [start for _, start in each], job.lang) if each else []
        values = {
            "function": plain_formula(f, job.lang),
            "start": separator(job.lang).join(pair(start, job.lang) for start in starts),
            "names": separator(job.lang).join(s.label for s in names),
            "points": (job.run_steps() + 1) if job.kind_.steps else 0,
        }
    key = job.kind.replace("-", "_")
    return text(f"caption_{key}", job.lang, **values), text(f"alt_{key}", job.lang, **values)


#: The gallery's colours per theme: page, card, text, muted text.
PAGE_COLOURS = {
    "light": ("#fafafa", "white", "#222", "#555"),
    "dark": ("#0e0f12", "#16181d", "#e8e8e8", "#a8a8a8"),
    "transparent": ("#fafafa", "white", "#222", "#555"),
}


#: What :func:`gallery` and :func:`post` show of each output: the heading of the section it opens (or None), the
#: job, its caption and its alt text.
Described = tuple[str | None, FigureJob, str, str]


def gallery(title: str, described: list[Described], lang: str = "en", theme: str = "light") -> str:
    """A self-contained page in the figures' theme showing every output with its caption, and its alt text
    under a fold for copying, section by section; each image records whether it loaded (for the browser
    test)."""
    from catalog import text

    page, card, ink, muted = PAGE_COLOURS[theme]
    alt_label = html.escape(text("alt_text", lang))
    sections: list[tuple[str | None, list[str]]] = []
    for heading, job, caption, alt in described:
        if heading is not None or not sections:
            sections.append((heading, []))
        name = html.escape(Path(job.output).name)
        caption, alt = html.escape(caption), html.escape(alt, quote=True)
        if name.endswith(VIDEOS):
            media = f'<video src="{name}" controls muted loop preload="auto" aria-label="{alt}"></video>'
        elif name.endswith(PAGES):
            media = f'<a class="page" href="{name}" aria-label="{alt}">{name} ↗</a>'
        else:
            media = (
                f'<img src="{name}" alt="{alt}" onload="this.dataset.loaded=this.naturalWidth"'
                ' onerror="this.dataset.loaded=0">'
            )
        sections[-1][1].append(
            f"<figure>{media}<figcaption>{caption}"
            f"<details><summary>{alt_label}</summary>{alt}</details></figcaption></figure>"
        )
    body = "\n".join(
        (f"<h2>{html.escape(heading)}</h2>\n" if heading else "") + "<main>\n" + "\n".join(cards) + "\n</main>"
        for heading, cards in sections
    )
    return f"""<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{html.escape(title)}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2rem; background: {page}; color: {ink}; }}
main {{ display: grid; grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr)); gap: 1.5rem; }}
h2 {{ margin: 2.5rem 0 1rem; }}
figure {{ margin: 0; background: {card}; padding: 0.75rem; border-radius: 6px; box-shadow: 0 1px 3px #0002; }}
img, video {{ width: 100%; height: auto; }}
a.page {{ display: block; padding: 4rem 1rem; text-align: center; font-size: 1.3rem; color: inherit; }}
figcaption {{ font-size: 0.9rem; color: {muted}; margin-top: 0.4rem; }}
details {{ margin-top: 0.3rem; font-size: 0.8rem; }}
</style>
</head>
<body>
<h1>{html.escape(title)}</h1>
{body}
</body>
</html>
"""


def post(title: str, described: list[Described]) -> str:
    """``article.md``: the title, then each output in order with its alt text and caption (Markdown images,
    an HTML video for MP4, a link for a page), a section's heading before its first output, ready for a
    static-site generator."""
    parts = [f"# {title}"]
    for heading, job, caption, alt in described:
        if heading is not None:
            parts.append(f"## {_markdown(heading)}")
        name = Path(job.output).name
        if name.endswith(VIDEOS):
            parts.append(
                f'<video src="{name}" controls muted loop aria-label="{html.escape(alt, quote=True)}"></video>'
            )
        elif name.endswith(PAGES):
            parts.append(f"[{_markdown(caption)}]({name})")
            continue
        else:
            parts.append(f"![{_markdown(alt)}]({name})")
        parts.append(f"*{_markdown(caption)}*")
    return "\n\n".join(parts) + "\n"


def _markdown(text: str) -> str:
    """Text safe inside Markdown's ``[...]`` and ``*...*``."""
    return "".join("\\" + ch if ch in "[]*_`\\" else ch for ch in text)
