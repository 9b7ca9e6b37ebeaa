"""The engine's API: lookups, bad input, divergence, purity, sweeps and functions."""

import contextlib
import re
import time
import warnings

import numpy as np
import pytest

import optim_core as oc
import optim_core.sweeps as sweep_module
import optim_core.trajectory as trajectory_module

BOWL = oc.get_function("bowl")


def test_the_project_error_is_a_value_error():
    assert issubclass(oc.OptvizError, ValueError)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: oc.get_optimizer("adamm"), r"unknown optimizer .*'adamm'; did you mean 'adam'\?.*momentum"),
        (lambda: oc.get_optimizer("nadam"), r"unknown optimizer \(convention 'book'\) 'nadam'.*valid: adagrad"),
        (lambda: oc.get_optimizer("sgd", convention="jax"), r"unknown convention 'jax'.*valid: book, torch"),
        (lambda: oc.get_function("bowll"), r"unknown function 'bowll'; did you mean 'bowl'\?.*rosenbrock"),
        (lambda: oc.get_optimizer("sgd", lr=0), r"lr must be a finite number > 0, got 0.0"),
        (lambda: oc.get_optimizer("sgd", lr=-0.1), r"lr must be a finite number > 0, got -0.1"),
        (lambda: oc.get_optimizer("adam", lr=float("nan")), r"lr must be a finite number > 0, got nan"),
        (lambda: oc.get_optimizer("momentum", lr=float("inf")), r"lr must be a finite number > 0, got inf"),
        (lambda: oc.get_optimizer("sgd", lr=[0.1, -1.0]), r"lr must be a finite number > 0, got -1.0"),
        (lambda: oc.get_optimizer("sgd", lr="fast"), r"lr must be a number or a 1-D array"),
        (lambda: oc.get_optimizer("adam", beta1=1.0), r"beta1 must be in \[0, 1\), got 1.0"),
        (lambda: oc.get_optimizer("adam", beta2=-0.1), r"beta2 must be in \[0, 1\), got -0.1"),
        (
            lambda: oc.get_optimizer("adam", convention="torch", betas=(0.9, 1.5)),
            r"betas\[1\] must be in \[0, 1\), got 1.5",
        ),
        (lambda: oc.get_optimizer("adam", convention="torch", betas=0.9), r"betas must be a pair"),
        (lambda: oc.get_optimizer("sgd", momentum=0.9), r"unknown hyperparameter 'momentum' for sgd.*accepted: lr"),
        (lambda: oc.get_optimizer("adam", betas=(0.9, 0.99)), r"unknown hyperparameter 'betas'.*beta1, beta2"),
        (lambda: oc.get_optimizer("sgd", lr=[0.1, 0.2], convention="torch", momentum=[0.1, 0.2, 0.3]), "same length"),
        (
            lambda: oc.get_optimizer("sgd", convention="torch", nesterov=True),
            r"nesterov=True requires momentum > 0",
        ),
        (lambda: oc.run(oc.get_optimizer("sgd"), BOWL, start=(1.0, 2.0, 3.0)), r"start must have shape \(2,\)"),
        (lambda: oc.run(oc.get_optimizer("sgd"), BOWL, start=[[1, 2, 3]]), r"start must have shape \(2,\) or \(B, 2\)"),
        (lambda: oc.run(oc.get_optimizer("sgd"), BOWL, start="here"), r"start must be a pair"),
        (lambda: oc.run(oc.get_optimizer("sgd"), BOWL, start=(np.nan, 0)), r"start must be finite"),
        (lambda: oc.run(oc.get_optimizer("sgd", lr=[0.1, 0.2]), BOWL, start=np.zeros((3, 2))), r"3 rows but .* 2"),
        (lambda: oc.run(oc.get_optimizer("sgd"), BOWL, steps=0), r"steps must be a whole number >= 1, got 0"),
        (lambda: oc.run(oc.get_optimizer("sgd"), BOWL, steps=2.5), r"steps must be a whole number >= 1, got 2.5"),
        (lambda: oc.get_function("quadratic", condition=0.5), r"condition must be a finite number >= 1"),
        (lambda: oc.get_function("bowl", condition=3), r"function 'bowl' takes parameters: none"),
        (lambda: oc.theory.heavy_ball_rate(0.1, 0.9, oc.get_function("rosenbrock")), r"theory needs a quadratic"),
        (lambda: BOWL.value([1.0, 2.0, 3.0]), r"points must have shape \(\.\.\., 2\)"),
    ],
)
def test_bad_input_raises_one_clear_line(call, message):
    with pytest.raises(oc.OptvizError, match=message) as error:
        call()
    assert "\n" not in str(error.value)


@pytest.mark.parametrize(
    ("text", "offender"),
    [
        ("x.real", "'x.real' is not allowed"),
        ("x.__class__.__mro__", "__mro__"),
        ("x[0]", "'x[0]' is not allowed"),
        ("z + 1", "name 'z' is not allowed"),
        ("__import__('os').system('true')", "is not allowed"),
        ("__builtins__", "unknown function '__builtins__'"),
        ("(lambda: 1)()", "call 'lambda: 1' is not allowed"),
        ("lambda x: x", "'lambda x: x' is not allowed"),
        ("print(x)", "function 'print' is not allowed"),
        ("sin(x, y)", "sin takes exactly one argument"),
        ("exp(x=1)", "exp takes exactly one argument"),
        ("x // 2", "operator '//' is not allowed"),
        ("x ^ 2", "operator '^ (use ** for powers)'"),
        ("x < y", "'x < y' is not allowed"),
        ("'x'", "literal \"'x'\" is not a real number"),
        ("1j * x", "literal '1j' is not a real number"),
        ("x +", "invalid syntax"),
        ("9**9**9**9", "constant '9**9**9' is too large"),
        ("2**-9**9 + x", "too large or too small"),
        ("(-8)**0.5 + x", "is complex"),
        ("x / 0", "division by zero"),
        ("sqrt(-1) * x", "complex, infinite or undefined"),
        ("x + " * 300 + "x", "at most 1000 are accepted"),
        ("sin(" * 60 + "x" + ")" * 60, "nested more than 50 levels deep"),
    ],
)
def test_refused_expressions_name_the_offending_token(text, offender):
    with pytest.raises(oc.OptvizError, match=re.escape(offender)) as error:
        oc.get_function(text)
    assert "\n" not in str(error.value)


@pytest.mark.parametrize(
    "text",
    [
        "9**9**9**9**9",
        "(10**300)**(10**300)",
        "exp(exp(exp(exp(1000))))",
        "x**x**x**x**x**x**x**x**x**x**x**x",
        "sin(" * 45 + "x*y" + ")" * 45,
        "*".join([f"sin(x+{i})" for i in range(90)]),
        "log(10**299)+sin(10**299)",
    ],
)
def test_parsing_and_differentiating_is_fast_for_hostile_input(text):
    began = time.perf_counter()
    with contextlib.suppress(oc.OptvizError):
        oc.get_function(text)
    assert time.perf_counter() - began < 3.0


def test_custom_expression_matches_the_builtin_bowl():
    custom = oc.get_function("x**2/20 + y**2")
    points = np.random.default_rng(1).normal(size=(4, 3, 2))
    np.testing.assert_allclose(custom.value(points), BOWL.value(points), rtol=1e-15)
    np.testing.assert_allclose(custom.grad(points), BOWL.grad(points), rtol=1e-15)
    assert custom.grad(points).shape == (4, 3, 2)
    assert oc.get_function("pi + e").grad(points).shape == (4, 3, 2)


@pytest.mark.parametrize("name", oc.function_names())
def test_builtin_gradients_match_finite_differences(name):
    f = oc.get_function(name)
    (x0, x1), (y0, y1) = f.window
    points = np.random.default_rng(2).uniform([x0, y0], [x1, y1], size=(20, 2)) * 0.9
    h = 1e-6
    numeric = np.stack([(f.value(points + h * e) - f.value(points - h * e)) / (2 * h) for e in np.eye(2)], axis=-1)
    np.testing.assert_allclose(f.grad(points), numeric, rtol=1e-5, atol=1e-4)
    for minimum in f.minima:
        np.testing.assert_allclose(f.grad(np.array(minimum)), 0, atol=1e-4)
    assert f.latex.startswith("f")


def test_the_quadratic_with_condition_20_is_the_bowl():
    points = np.random.default_rng(3).normal(size=(10, 2))
    np.testing.assert_allclose(oc.quadratic(20, 0).value(points), BOWL.value(points), rtol=1e-14)
    rotated = oc.quadratic(20, 90)
    np.testing.assert_allclose(rotated.value(points[:, ::-1]), BOWL.value(points), rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize(("convention", "name"), [(c, n) for c in oc.CONVENTIONS for n in oc.optimizer_names(c)])
def test_update_is_pure(convention, name):
    opt = oc.get_optimizer(name, convention=convention, lr=0.1)
    params = np.array([[-7.0, 2.0], [1.0, 1.0]])
    state = opt.init(params)
    for array in (params, *state):
        np.asarray(array).setflags(write=False)  # an in-place update would now raise
    grads = BOWL.grad(params)
    grads.setflags(write=False)
    new_params, new_state = opt.update(grads, state, params)
    opt.update(grads, new_state, new_params)
    assert type(new_state) is type(state)
    assert not np.shares_memory(new_params, params)


@pytest.mark.parametrize(("convention", "name"), [(c, n) for c in oc.CONVENTIONS for n in oc.optimizer_names(c)])
def test_update_with_out_writes_the_same_params_into_it(convention, name):
    opt = oc.get_optimizer(name, convention=convention, lr=np.array([0.1, 0.7]))
    params = np.array([[-7.0, 2.0], [1.0, -3.0]])
    state, grads = opt.init(params), BOWL.grad(params)
    for _ in range(3):  # past the first step, where some optimizers take another path
        expected, expected_state = opt.update(grads, state, params)
        out = np.full_like(params, np.nan)
        got, got_state = opt.update(grads, state, params, out=out)
        assert got is out
        np.testing.assert_array_equal(out, expected)  # bit for bit: the same operations, written elsewhere
        for mine, theirs in zip(got_state, expected_state, strict=True):
            np.testing.assert_array_equal(mine, theirs)
        params, state, grads = expected, expected_state, BOWL.grad(expected)


@pytest.mark.parametrize(("convention", "name"), [(c, n) for c in oc.CONVENTIONS for n in oc.optimizer_names(c)])
def test_every_optimizer_has_metadata_and_runs(convention, name):
    opt = oc.get_optimizer(name.upper(), convention=convention, lr=0.05)
    info = opt.info
    assert info.display_name and info.latex and info.color.startswith("#") and len(info.color) == 7
    t = oc.run(opt, BOWL, steps=500)
    assert t.values[-1] < t.values[0]


def test_run_records_state_at_every_step():
    t = oc.run(oc.get_optimizer("momentum", lr=0.1), BOWL, steps=30)
    assert t.positions.shape == (31, 2) and t.values.shape == (31,) and t.grads.shape == (31, 2)
    assert t.states.velocity.shape == (31, 2)
    np.testing.assert_array_equal(t.states.velocity[0], 0)
    np.testing.assert_allclose(np.diff(t.positions, axis=0), t.states.velocity[1:], rtol=1e-12)
    np.testing.assert_array_equal(t.grads, BOWL.grad(t.positions))
    adam = oc.run(oc.get_optimizer("adam", lr=0.3), BOWL, np.zeros((4, 2)) + 1, steps=5)
    assert adam.states.m.shape == (6, 4, 2) and adam.states.count.tolist() == [0, 1, 2, 3, 4, 5]
    adagrad = oc.run(oc.get_optimizer("adagrad", lr=1.5), BOWL, steps=10)
    np.testing.assert_allclose(adagrad.states.h[-1], (adagrad.grads[:-1] ** 2).sum(axis=0), rtol=1e-12)


def test_divergence_is_marked_frozen_and_silent():
    starts = np.array([[-7.0, 2.0], [1.0, 0.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        t = oc.run(oc.get_optimizer("sgd", lr=1.5), BOWL, starts, steps=200)
    assert t.diverged.tolist() == [True, False]
    k = int(t.diverged_at[0])
    assert k == t.diverged_at[0] and 0 < k < 200 and t.diverged_at[1] == -1
    assert np.abs(t.positions[k, 0]).max() > oc.DEFAULT_BOUND  # shown leaving the box ...
    assert np.all(t.positions[k:, 0] == t.positions[k, 0])  # ... and frozen there
    assert np.all(np.isfinite(t.positions))


def test_non_finite_values_freeze_at_the_last_finite_point():
    f = oc.get_function("sqrt(x) + y**2")
    t = oc.run(oc.get_optimizer("sgd", lr=2.0), f, (0.5, 1.0), steps=10)
    assert t.diverged and t.diverged_at == 1
    np.testing.assert_array_equal(t.positions[1:], np.broadcast_to(t.positions[0], (10, 2)))


def test_sweep_gives_heatmap_arrays_with_and_without_history():
    grid = {"lr": np.linspace(0.05, 1.2, 6), "momentum": [0.0, 0.5, 0.9]}
    lean = oc.sweep("momentum", BOWL, grid, steps=400)
    full = oc.sweep("momentum", BOWL, grid, steps=400, keep_history=True)
    assert lean.final_value.shape == lean.steps_to_tol.shape == lean.diverged.shape == (6, 3)
    assert lean.trajectory is None and full.trajectory.positions.shape == (401, 18, 2)
    for field in ("final_value", "steps_to_tol", "diverged", "diverged_at"):
        np.testing.assert_array_equal(getattr(lean, field), getattr(full, field))
    single = oc.run(oc.get_optimizer("momentum", lr=grid["lr"][2], momentum=0.5), BOWL, steps=400)
    assert lean.steps_to_tol[2, 1] == single.steps_to(1e-6)
    assert lean.final_value[2, 1] == single.values[-1]


def test_lean_sweep_keeps_the_last_finite_value_when_a_block_starts_with_nan():
    f = oc.get_function("sqrt(x) + y**2")  # NaN left of x = 0, where lr 2 lands at step 1, a block's first
    grid = {"lr": [2.0, 0.1]}
    lean = oc.sweep("sgd", f, grid, start=(0.5, 1.0), steps=40)
    full = oc.sweep("sgd", f, grid, start=(0.5, 1.0), steps=40, keep_history=True)
    assert lean.diverged_at[0] == 1 and lean.final_value[0] == f.value((0.5, 1.0))
    for field in ("final_value", "steps_to_tol", "diverged_at"):
        np.testing.assert_array_equal(getattr(lean, field), getattr(full, field))


LEAN_CASES = {
    # torch Nesterov: lr 1.5 leaves the box at step 10; others reach tol or never do.
    "torch-nesterov-leaves-the-box": (
        "sgd",
        BOWL,
        {"lr": [0.1, 1.5, 0.5]},
        dict(convention="torch", momentum=0.9, nesterov=True, tol=1e-3),
    ),
    # torch centered RMSprop with momentum: rows turn NaN in the first block and in later ones, some after
    # reaching tol.
    "torch-rmsprop-nan-across-blocks": (
        "rmsprop",
        oc.get_function("sqrt(x) + y**2"),
        {"lr": [2.0, 0.006, 0.5, 0.004]},
        dict(convention="torch", centered=True, momentum=0.5, tol=1.2),
    ),
    # book Adam: steps of about lr, so lr 3e6 leaves the box at once.
    "book-adam": ("adam", BOWL, {"lr": [0.05, 0.3, 3e6]}, dict(tol=1e-3)),
}


@pytest.mark.parametrize("threaded", [False, True], ids=["inline", "helper-thread"])
@pytest.mark.parametrize("case", LEAN_CASES.values(), ids=LEAN_CASES.keys())
def test_a_lean_sweep_tallies_what_the_recorded_run_holds(case, threaded, monkeypatch):
    """Without history, blocks are tallied on a helper thread (for large sweeps) while the next is stepped,
    across chunks of rows: every field must still be the recorded run's, whichever thread tallied it."""
    if threaded:
        monkeypatch.setattr(trajectory_module, "HELPER_BYTES", 0)
    monkeypatch.setattr(sweep_module, "CHUNK_ROWS", 5)
    name, f, grid, fixed = case
    starts = [[0.5, 1.0], [4.0, 1.0], [9.0, 1.0], [-7.0, 2.0]]
    lean = oc.sweep(name, f, grid, starts=starts, steps=150, **fixed)
    full = oc.sweep(name, f, grid, starts=starts, steps=150, keep_history=True, **fixed)
    assert lean.diverged.any() and not lean.diverged.all() and (lean.steps_to_tol >= 0).any()
    for field in ("final_value", "steps_to_tol", "diverged_at"):
        np.testing.assert_array_equal(getattr(lean, field), getattr(full, field), err_msg=field)


def test_the_helper_thread_hands_back_a_task_s_error():
    with trajectory_module.helper_thread(trajectory_module.HELPER_BYTES) as thread:
        done = trajectory_module.later(thread, sum, [1, 2])
        failed = trajectory_module.later(thread, oc.get_function, "bowll")
        assert done() == 3
        for _ in range(2):  # asked again, it answers again
            with pytest.raises(oc.OptvizError, match="unknown function 'bowll'"):
                failed()
    assert not thread._thread.is_alive()


def test_sweep_over_starts_and_chunks_agree(monkeypatch):
    starts = np.random.default_rng(4).uniform(-8, 8, size=(11, 2))
    whole = oc.sweep("adam", BOWL, {"lr": [0.1, 0.3]}, starts=starts, steps=100)
    monkeypatch.setattr(sweep_module, "CHUNK_ROWS", 3)
    chunked = oc.sweep("adam", BOWL, {"lr": [0.1, 0.3]}, starts=starts, steps=100)
    assert whole.final_value.shape == (2, 11)
    np.testing.assert_array_equal(whole.final_value, chunked.final_value)
    np.testing.assert_array_equal(whole.steps_to_tol, chunked.steps_to_tol)
    assert list(whole.axes) == ["lr", "start"]


def test_state_at_replays_the_recorded_step():
    t = oc.run(oc.get_optimizer("adam", lr=0.3), BOWL, steps=12)
    for k in (0, 5, 11):
        params, _ = t.optimizer.update(
            t.grads[k][None],
            oc.book.AdamState(*(np.asarray(f)[None] if np.ndim(f) else f for f in t.state_at(k))),
            t.positions[k][None],
        )
        np.testing.assert_array_equal(params[0], t.positions[k + 1])
    parts = oc.analogy.step_parts(t.optimizer, t.grads[3], t.state_at(3), t.positions[3])
    np.testing.assert_allclose(parts.step, t.positions[4] - t.positions[3], rtol=1e-12)


def test_book_four_is_the_books_comparison():
    from optim_core.spec import BOOK_FOUR, parse_optimizer

    assert {o.name: o.hyperparams["lr"] for o in map(parse_optimizer, BOOK_FOUR)} == oc.BOOK_COMPARISON
