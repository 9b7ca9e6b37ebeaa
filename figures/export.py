"""``optviz export``: trajectories as CSV (one row per optimizer and step) or JSON."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import optim_core as oc
from optim_core.spec import BOOK_FOUR, parse_function, parse_optimizer

from ._atomic import write_text
from ._checks import check_writable_parent, output_format
from .jobs import check_steps

COLUMNS = ("optimizer", "convention", "step", "x", "y", "value", "grad_x", "grad_y", "diverged")


def export_trajectories(output: Path, function: str, specs: tuple[str, ...], start, steps: int) -> Path:
    fmt = output_format(output, ("csv", "json"))
    check_writable_parent(output)
    check_steps(steps)
    f = parse_function(function)
    runs = [oc.run(parse_optimizer(spec), f, start, steps) for spec in specs or BOOK_FOUR]
    write_text(output, _csv(runs) if fmt == "csv" else _json(f, runs))
    return output


def _csv(runs: list[oc.Trajectory]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for t in runs:
        for k in range(t.steps + 1):
            writer.writerow(
                [
                    t.optimizer.name,
                    t.optimizer.convention,
                    k,
                    *(repr(float(v)) for v in (*t.positions[k], t.values[k], *t.grads[k])),
                    int(t.diverged and k >= t.diverged_at),
                ]
            )
    return buffer.getvalue()


def _json(f: oc.Function, runs: list[oc.Trajectory]) -> str:
    def plain(value):
        return (
            [plain(v) for v in value]
            if isinstance(value, tuple)
            else float(value)
            if not isinstance(value, bool)
            else value
        )

    document = {
        "function": {"name": f.name, "expression": f.expression},
        "steps": runs[0].steps,
        "runs": [
            {
                "optimizer": t.optimizer.name,
                "convention": t.optimizer.convention,
                "hyperparameters": {k: plain(v) for k, v in t.optimizer.hyperparams.items()},
                "positions": t.positions.tolist(),
                "values": t.values.tolist(),
                "grads": t.grads.tolist(),
                "diverged_at": int(t.diverged_at) if t.diverged else None,
            }
            for t in runs
        ],
    }
    return json.dumps(document, indent=1) + "\n"
