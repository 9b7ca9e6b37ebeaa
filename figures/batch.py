"""The one job machine behind ``optviz article`` and ``optviz lecture``.

A command lists its jobs; this module does the rest, the same way for both:

- **Cache.** Each job carries a content hash of its inputs. A job is skipped when all its outputs exist and
  the manifest (``DIR/.optviz-manifest.json``) records that hash for them.
- **Processes.** Every stale job runs in a process of its own, ``workers`` at once. Processes are forked from
  a fork server that has imported the modules named by the command, so a job starts in milliseconds and no
  thread of the parent (the progress display) is ever forked.
- **Atomic outputs.** A job writes only into a private staging folder inside ``DIR``; the parent moves each
  finished output into place with one ``os.replace``, then records it in the manifest (under a lock on
  ``DIR``, which another build may share). A file in ``DIR`` is therefore either absent, the old version or
  the complete new one.
- **Progress.** One rich display: a line per job (queued, running with its percentage, cached, done,
  failed) and the total.
- **Interruption.** Ctrl-C (or SIGTERM) stops every worker, removes the staging folder and exits 130.
  Outputs that finished before keep their place and their manifest entry, so the next run resumes.

A job's ``work`` is a top-level function ``work(args, staging, report) -> list[str]``: it writes the job's
outputs into ``staging`` under their final names, may call ``report(fraction)`` as it goes, and returns
warnings. Bad input raises :class:`optim_core.OptvizError`; any other failure is reported by its last line.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import os
import queue
import shutil
import signal
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._atomic import write_text

MANIFEST = ".optviz-manifest.json"
#: Exit status after Ctrl-C, as a shell reports a process killed by SIGINT.
INTERRUPTED = 130


@dataclass(frozen=True)
class Job:
    """One unit of work: what it is called, which files it makes, and the hash of everything it reads."""

    name: str
    outputs: tuple[str, ...]  #: file names inside the output directory
    key: str  #: content hash of the job's inputs
    work: Callable[[Any, Path, Callable[[float], None]], list[str]]
    args: Any = None


@dataclass
class Outcome:
    """What happened to one job in one run."""

    job: Job
    status: str  #: "cached", "done" or "failed"
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
    error: str = ""


class Interrupted(Exception):
    """Ctrl-C or SIGTERM arrived while jobs were running; workers are stopped and nothing partial is left."""


def _read_manifest(directory: Path) -> dict[str, str]:
    try:
        manifest = json.loads((directory / MANIFEST).read_text())
    except (FileNotFoundError, json.JSONDecodeError):
        return {}
    return manifest if isinstance(manifest, dict) else {}


def _put_in_place(job: Job, staging: Path, directory: Path) -> None:
    """Move a finished job's outputs into ``directory`` and record them in its manifest.

    Another build may share ``directory`` (two lectures at once share the scene cache): the manifest is read
    again, changed and written while this process holds a lock on the directory, so that no build drops
    the entries another one wrote since it started.
    """
    import fcntl

    handle = os.open(directory, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        manifest = _read_manifest(directory)
        for output in job.outputs:
            os.replace(staging / output, directory / output)
            manifest[output] = job.key
        write_text(directory / MANIFEST, json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    finally:
        os.close(handle)  # and with it the lock


def is_current(job: Job, directory: Path, manifest: dict[str, str]) -> bool:
    return all((directory / name).exists() and manifest.get(name) == job.key for name in job.outputs)


def _child(job: Job, staging: Path, messages) -> None:
    """A worker process: run one job and say how it went. The parent handles Ctrl-C; workers just stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    began = time.perf_counter()
    try:
        warnings = job.work(job.args, staging, lambda fraction: messages.put(("progress", job.name, fraction)))
        missing = [name for name in job.outputs if not (staging / name).exists()]
        if missing:
            raise RuntimeError(f"finished without writing {', '.join(missing)}")
        messages.put(("done", job.name, (time.perf_counter() - began, list(warnings))))
    except Exception as error:  # reported to the parent as one line; nothing escapes a worker
        messages.put(("failed", job.name, _last_line(error)))


def _last_line(error: BaseException) -> str:
    if type(error).__name__ == "OptvizError":
        return str(error)
    lines = [line for line in "".join(traceback.format_exception_only(error)).splitlines() if line.strip()]
    return lines[-1] if lines else type(error).__name__


@contextlib.contextmanager
def _terminating_signals() -> Iterator[None]:
    """SIGINT and SIGTERM both interrupt, so that a killed build cleans up too. SIGINT is set explicitly: a
    shell starts background commands with it ignored, and ``kill -INT`` must still stop the build."""

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    previous = {sig: signal.signal(sig, interrupt) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def run_jobs(
    jobs: list[Job],
    directory: Path,
    *,
    workers: int = 2,
    force: bool = False,
    preload: tuple[str, ...] = (),
    console=None,
    busy: str = "running",
) -> list[Outcome]:
    """Run the stale ``jobs`` into ``directory`` (created if needed); return one :class:`Outcome` per job in
    order. ``busy`` is what the display calls a job at work ("rendering" for scenes). Raises
    :class:`Interrupted` after cleaning up when interrupted."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    console = console or Console(stderr=True)
    manifest = _read_manifest(directory)
    outcomes = {job.name: Outcome(job, "cached") for job in jobs}
    stale = [job for job in jobs if force or not is_current(job, directory, manifest)]
    if not stale:
        return list(outcomes.values())

    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["figures.batch", *preload])
    messages = context.Queue()
    staging = Path(directory) / f".optviz-staging-{os.getpid()}"
    staging.mkdir()
    running: dict[str, multiprocessing.process.BaseProcess] = {}
    columns = (TextColumn("{task.description:<18}"), TextColumn("{task.fields[status]:<9}"), BarColumn())
    progress = Progress(*columns, TaskProgressColumn(), console=console, transient=not console.is_terminal)
    try:
        with _terminating_signals(), progress:
            total = progress.add_task("total", total=len(jobs), status="", completed=len(jobs) - len(stale))
            tasks = {job.name: progress.add_task(job.name, total=1.0, status="queued") for job in stale}
            for job in jobs:
                if job not in stale:
                    progress.add_task(job.name, total=1.0, completed=1.0, status="cached")
            pending = list(stale)
            while pending or running:
                while pending and len(running) < workers:
                    job = pending.pop(0)
                    (staging / job.name).mkdir(parents=True)
                    process = context.Process(target=_child, args=(job, staging / job.name, messages), daemon=True)
                    process.start()
                    running[job.name] = process
                    progress.update(tasks[job.name], status=busy)
                try:
                    kind, name, payload = messages.get(timeout=0.2)
                except queue.Empty:
                    for name, process in list(running.items()):
                        if not process.is_alive() and messages.empty():
                            _finish(outcomes[name], "failed", error=f"worker stopped (exit code {process.exitcode})")
                            running.pop(name).join()
                            progress.update(tasks[name], status="failed")
                            progress.advance(total)
                    continue
                if kind == "progress":
                    progress.update(tasks[name], completed=min(float(payload), 0.99))
                    continue
                running.pop(name).join()
                if kind == "done":
                    seconds, warnings = payload
                    _put_in_place(outcomes[name].job, staging / name, directory)
                    _finish(outcomes[name], "done", seconds=seconds, warnings=warnings)
                    progress.update(tasks[name], completed=1.0, status="done")
                else:
                    _finish(outcomes[name], "failed", error=payload)
                    progress.update(tasks[name], status="failed")
                progress.advance(total)
    except KeyboardInterrupt:
        raise Interrupted from None
    finally:
        for process in running.values():
            process.terminate()
        for process in running.values():
            process.join(timeout=5)
            if process.is_alive():
                process.kill()
                process.join()
        messages.close()
        shutil.rmtree(staging, ignore_errors=True)
    return list(outcomes.values())


def _finish(outcome: Outcome, status: str, **details) -> None:
    outcome.status = status
    for key, value in details.items():
        setattr(outcome, key, value)


def exit_if_interrupted(action: Callable[[], Any]) -> Any:
    """Run ``action``; after an interruption print one line and exit with status 130. A Ctrl-C outside
    :func:`run_jobs` (while a spec is read or a gallery written, which write atomically) counts the same."""
    try:
        return action()
    except (Interrupted, KeyboardInterrupt):
        print("optviz: interrupted; finished outputs were kept, nothing partial was left", file=sys.stderr)
        sys.exit(INTERRUPTED)
