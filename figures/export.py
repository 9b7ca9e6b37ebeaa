"""``optviz export``: trajectories as CSV (one row per run and step) or JSON (one object per run).

A run is one optimizer from one start. Each carries its label (as a figure's legend names it), its
hyperparameters, the function, and per step the position, value, gradient and the optimizer's state
(Momentum's velocity, AdaGrad's h, Adam's m and v, ...), so that rows from several runs can be told apart.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import NamedTuple

import numpy as np

import optim_core as oc
from optim_core.spec import FOUR, check_start, parse_function, parse_optimizer

from ._atomic import write_text
from ._checks import check_creatable_parent, output_format
from ._folders import parent_folders
from .jobs import check_steps
from .labels import labelled

COLUMNS = ("run", "optimizer", "convention", "hyperparameters", "function", "step", "x", "y", "value")


class Run(NamedTuple):
    """One optimizer from one start, with every array over time (T+1 first)."""

    label: str
    optimizer: oc.Optimizer
    positions: np.ndarray
    values: np.ndarray
    grads: np.ndarray
    state: dict[str, np.ndarray]  #: each field over time: (T+1, 2) per coordinate, or (T+1,) like a step count
    diverged_at: int


def export_trajectories(output: Path, function: str, specs: tuple[str, ...], starts, steps: int) -> Path:
    """Run each SPEC (default: the book's four at the function's rates) from each start and write the runs to
    ``output``, creating its folder if it is missing; labels are the figures' (in English)."""
    fmt = output_format(output, ("csv", "json"))
    check_creatable_parent(output)
    check_steps(steps)
    f = parse_function(function, starts)
    optimizers = [parse_optimizer(spec, f) for spec in specs or FOUR]
    starts = tuple(starts) or (f.start,)
    check_start(f, starts)
    start = starts[0] if len(starts) == 1 else [list(s) for s in starts]
    runs = _runs([oc.run(opt, f, start, steps) for opt in optimizers], starts)
    with parent_folders(output):
        write_text(output, _csv(f, runs) if fmt == "csv" else _json(f, runs))
    return output


def _runs(trajectories: list[oc.Trajectory], starts) -> list[Run]:
    each = [(t, b) for t in trajectories for b in range(len(starts))]
    labels = labelled([t.optimizer for t, _ in each], [tuple(s) for _ in trajectories for s in starts])
    runs = []
    for (t, b), look in zip(each, labels, strict=True):
        batched = t.positions.ndim == 3
        state = {name: _row(value, b, batched) for name, value in zip(t.states._fields, t.states, strict=True)}
        runs.append(
            Run(
                look.label,
                t.optimizer,
                *(_row(a, b, batched) for a in (t.positions, t.values, t.grads)),
                state,
                int(t.diverged_at[b] if batched else t.diverged_at),
            )
        )
    return runs


def _row(array, b: int, batched: bool) -> np.ndarray:
    """Row ``b`` of a batched array over time (shared fields, like a step count, have no row axis)."""
    array = np.asarray(array)
    return array[:, b] if batched and array.ndim >= 2 else array


def _plain(value):
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, (bool, str)):
        return value
    return float(value)


def _hyperparameters(opt: oc.Optimizer) -> dict:
    return {k: _plain(v) for k, v in opt.hyperparams.items()}


def _state_columns(runs: list[Run]) -> list[tuple[str, str, int | None]]:
    """(column, field, coordinate) for every state field of any run, in order of first appearance."""
    columns = []
    for run in runs:
        for name, value in run.state.items():
            parts = [(f"{name}_x", name, 0), (f"{name}_y", name, 1)] if value.ndim == 2 else [(name, name, None)]
            columns.extend(part for part in parts if part not in columns)
    return columns


def _csv(f: oc.Function, runs: list[Run]) -> str:
    state_columns = _state_columns(runs)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([*COLUMNS, "grad_x", "grad_y", *(c for c, _, _ in state_columns), "diverged"])
    for run in runs:
        hyper = json.dumps(_hyperparameters(run.optimizer), sort_keys=True)
        for k in range(len(run.values)):
            state = []
            for _, name, coordinate in state_columns:
                value = run.state.get(name)
                state.append(
                    "" if value is None else repr(float(value[k] if coordinate is None else value[k, coordinate]))
                )
            writer.writerow(
                [
                    run.label,
                    run.optimizer.name,
                    run.optimizer.convention,
                    hyper,
                    f.expression,
                    k,
                    *(repr(float(v)) for v in (*run.positions[k], run.values[k], *run.grads[k])),
                    *state,
                    int(0 <= run.diverged_at <= k),
                ]
            )
    return buffer.getvalue()


def _json(f: oc.Function, runs: list[Run]) -> str:
    document = {
        "function": {"name": f.name, "expression": f.expression, "latex": f.latex},
        "steps": len(runs[0].values) - 1,
        "runs": [
            {
                "run": run.label,
                "optimizer": run.optimizer.name,
                "convention": run.optimizer.convention,
                "hyperparameters": _hyperparameters(run.optimizer),
                "start": run.positions[0].tolist(),
                "positions": run.positions.tolist(),
                "values": run.values.tolist(),
                "grads": run.grads.tolist(),
                "state": {name: value.tolist() for name, value in run.state.items()},
                "diverged_at": run.diverged_at if run.diverged_at >= 0 else None,
            }
            for run in runs
        ],
    }
    return json.dumps(document, indent=1) + "\n"
