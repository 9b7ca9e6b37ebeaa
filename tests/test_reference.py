"""Every reference case (the book's own code, torch.optim 2.13) reproduced at every one of its 200 steps."""

import numpy as np
import pytest
from conftest import load_reference

import optim_core as oc

BOOK = load_reference("book_trajectories.json")
TORCH = load_reference("torch_trajectories.json")


def _case_id(case: dict) -> str:
    hyper = ",".join(f"{k}={v}" for k, v in case["hyperparameters"].items())
    return f"{case['function']}-{case['optimizer']}({hyper})"


def _check(case: dict, convention: str, tol: float, steps: int, start) -> None:
    opt = oc.get_optimizer(case["optimizer"], convention=convention, **case["hyperparameters"])
    f = oc.get_function(case["function"])
    got = oc.run(opt, f, start=start, steps=steps).positions
    ref = np.asarray(case["positions"])
    assert got.shape == ref.shape
    error = np.abs(got - ref) / (1 + np.abs(ref))
    worst = np.unravel_index(error.argmax(), error.shape)
    assert error.max() <= tol, f"step {worst[0]}: got {got[worst[0]]}, reference {ref[worst[0]]}"


@pytest.mark.parametrize("case", BOOK["cases"], ids=_case_id)
def test_book_reference(case):
    _check(case, "book", 1e-12, BOOK["steps"], BOOK["functions"][case["function"]]["start"])


@pytest.mark.parametrize("case", TORCH["cases"], ids=_case_id)
def test_torch_reference(case):
    _check(case, "torch", 1e-10, TORCH["steps"], TORCH["functions"][case["function"]]["start"])


@pytest.mark.parametrize("reference", [BOOK, TORCH], ids=["book", "torch"])
def test_reference_functions_are_our_builtins(reference):
    """The reference files name their functions by expression; ours must be the same functions."""
    rng = np.random.default_rng(0)
    points = rng.uniform(-3, 3, size=(50, 2))
    for name, spec in reference["functions"].items():
        builtin, parsed = oc.get_function(name), oc.get_function(spec["expr"])
        np.testing.assert_allclose(builtin.value(points), parsed.value(points), rtol=1e-12)
        np.testing.assert_allclose(builtin.grad(points), parsed.grad(points), rtol=1e-12, atol=1e-12)
        assert builtin.start == tuple(spec["start"])
