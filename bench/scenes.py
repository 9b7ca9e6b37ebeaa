"""Scene render speed: render time divided by video duration (real-time factor, RTF) on this machine.

    .venv/bin/python bench/scenes.py            # momentum.py at -ql and -qh, and the 3-D beat at -ql
    .venv/bin/python bench/scenes.py --quick    # -ql only

The scene runs as a user runs it, `manim render -ql scenes/momentum.py`, in a fresh process; the 3-D beat
(the surface) runs alone through Manim's API. Each figure is the median of the runs; the duration and frame
count come from the video file. Goals (issue 7): -ql RTF <= 0.8, -qh RTF <= 2.5, 3-D beat at -ql RTF <= 2.0.
The render includes what `manim render` does for a lecture scene: the .srt and the manim-slides deck.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import av

ROOT = Path(__file__).resolve().parent.parent
MANIM = str(Path(sys.executable).with_name("manim"))


def video_facts(path: Path) -> tuple[float, int]:
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        frames = sum(1 for _ in container.decode(stream))
        return frames / float(stream.average_rate), frames


def whole_scene(flag: str) -> tuple[float, float, int]:
    with tempfile.TemporaryDirectory() as media:
        began = time.perf_counter()
        subprocess.run(
            [MANIM, "render", flag, "--media_dir", media, str(ROOT / "scenes" / "momentum.py")],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        seconds = time.perf_counter() - began
        video = next(p for p in Path(media).rglob("MomentumBall.mp4") if "partial" not in str(p))
        duration, frames = video_facts(video)
    return seconds, duration, frames


def surface_beat() -> tuple[float, float, int]:
    code = """
import sys, time, tempfile, pathlib
from manim import tempconfig
from scenes.momentum import BEATS, MomentumBall
from scenes._common import begin
import optim_core as oc

class SurfaceBeat(MomentumBall):
    def construct(self):
        settings = begin(self, ("momentum",), 60)
        self.lang = settings.lang
        momentum = settings.optimizers[0]
        sgd = oc.get_optimizer("sgd", lr=momentum.hyperparams["lr"])
        self.colors = {"momentum": momentum.info.color, "sgd": sgd.info.color}
        self.beat(*BEATS[2])
        self.surface_beat(settings.run(momentum), settings.run(sgd))

with tempfile.TemporaryDirectory() as media, tempconfig({"quality": "low_quality", "media_dir": media,
                                                         "disable_caching": True, "verbosity": "ERROR"}):
    began = time.perf_counter()
    scene = SurfaceBeat()
    scene.render()
    print("RESULT", time.perf_counter() - began)
    import shutil; shutil.copy(scene.renderer.file_writer.movie_file_path, sys.argv[1])
"""
    with tempfile.TemporaryDirectory() as keep:
        target = Path(keep) / "surface.mp4"
        out = subprocess.run(  # in the temporary folder, where manim-slides writes its slides/
            [sys.executable, "-c", code, str(target)], cwd=keep, check=True, capture_output=True, text=True
        ).stdout
        seconds = float(next(line for line in out.splitlines() if line.startswith("RESULT")).split()[1])
        duration, frames = video_facts(target)
    return seconds, duration, frames


def runs_word(count: int) -> str:
    return "run" if count == 1 else "runs"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="-ql only, one run each")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    runs = 1 if args.quick else args.runs
    cases = [
        ("`manim render -ql scenes/momentum.py` (854x480, 15 fps)", lambda: whole_scene("-ql"), 0.8),
        ("3-D beat (surface) alone, -ql", surface_beat, 2.0),
    ]
    if not args.quick:
        cases.append(("`manim render -qh scenes/momentum.py` (1920x1080, 60 fps)", lambda: whole_scene("-qh"), 2.5))
    print("| render | video | frames | render time (median) | RTF | goal |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, work, goal in cases:
        results = [work() for _ in range(runs)]
        seconds = statistics.median(r[0] for r in results)
        duration, frames = results[0][1], results[0][2]
        print(
            f"| {name} | {duration:.1f} s | {frames} | {seconds:.1f} s ({len(results)} {runs_word(len(results))}) |"
            f" {seconds / duration:.2f} | <= {goal:.1f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
