"""The job machine itself: what its display says while a job works, and what a finished job leaves."""

import io
import json
import time
from pathlib import Path

from rich.console import Console

from figures.batch import MANIFEST, Job, run_jobs


def slow_job(text: str, staging: Path, report) -> list[str]:
    """A job that reports half-way, waits long enough to be drawn, and writes its one output."""
    report(0.5)
    time.sleep(0.8)
    (staging / "out.txt").write_text(text)
    return []


def test_the_display_names_a_working_job_as_the_command_says_and_the_output_lands(tmp_path):
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=100)
    job = Job("scene", ("out.txt",), "key-1", slow_job, "hello")
    [outcome] = run_jobs([job], tmp_path, workers=1, console=console, busy="rendering")
    assert outcome.status == "done"
    assert "rendering" in screen.getvalue() and "running" not in screen.getvalue()
    assert (tmp_path / "out.txt").read_text() == "hello"
    assert sorted(p.name for p in tmp_path.iterdir()) == [MANIFEST, "out.txt"]
    [again] = run_jobs([job], tmp_path, workers=1, console=console)
    assert again.status == "cached"


def job_beside_another_build(text: str, staging: Path, report) -> list[str]:
    """A job during which another build records an output of its own in the same directory's manifest."""
    directory = staging.parent.parent
    manifest = json.loads((directory / MANIFEST).read_text())
    (directory / MANIFEST).write_text(json.dumps({**manifest, "theirs.txt": "their-key"}))
    (directory / "theirs.txt").write_text("theirs")
    (staging / "out.txt").write_text(text)
    return []


def test_a_build_keeps_the_manifest_entries_another_build_wrote_meanwhile(tmp_path):
    """Two lectures at once share the scene cache: neither may drop what the other recorded (which would make
    the other's scenes look stale and render again)."""
    (tmp_path / MANIFEST).write_text(json.dumps({"old.txt": "old-key"}))
    (tmp_path / "old.txt").write_text("old")
    job = Job("scene", ("out.txt",), "my-key", job_beside_another_build, "mine")
    console = Console(file=io.StringIO())
    [outcome] = run_jobs([job], tmp_path, workers=1, console=console)
    assert outcome.status == "done", outcome.error
    manifest = json.loads((tmp_path / MANIFEST).read_text())
    assert manifest == {"old.txt": "old-key", "theirs.txt": "their-key", "out.txt": "my-key"}
