"""The job machine itself: what its display says while a job works, and what a finished job leaves."""

import io
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
