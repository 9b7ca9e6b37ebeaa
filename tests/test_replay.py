"""A run keeps positions and values only; gradients and states, replayed on first access, are bit for bit
those of a run that records everything as it goes."""

import dataclasses
import tracemalloc

import numpy as np
import pytest

import optim_core as oc
import optim_core.trajectory as trajectory_module

BOWL = oc.get_function("bowl")
ROOT = oc.get_function("sqrt(x) + y**2")  # NaN left of x = 0: frozen at the last finite point


def eager_record(opt, f, starts, steps, bound=oc.DEFAULT_BOUND):
    """Everything recorded at every step by a plain loop of ``opt.update``, then frozen from each row's first
    bad point: the specification the replay must meet, written without the engine's blocks."""
    params = np.array(starts, dtype=np.float64).reshape(-1, 2)
    state, grads = opt.init(params), f.grad(params)
    steps_taken = [(params, grads, state)]
    with np.errstate(all="ignore"):
        for _ in range(steps):
            params, state = opt.update(grads, state, params)
            grads = f.grad(params)
            steps_taken.append((params, grads, state))
        positions = np.stack([p for p, _, _ in steps_taken])
        gradients = np.stack([g for _, g, _ in steps_taken])
        fields = [np.stack([np.asarray(s[i]) for _, _, s in steps_taken]) for i in range(len(state))]
        values = f.value(positions)
        finite = np.isfinite(values) & np.isfinite(positions).all(axis=-1)
        bad = ~((np.abs(positions) <= bound).all(axis=-1) & np.isfinite(values))
    diverged_at = np.where(bad.any(axis=0), bad.argmax(axis=0), -1)
    for row in np.flatnonzero(diverged_at >= 0):
        at = diverged_at[row]
        frozen = at if finite[at, row] or at == 0 else at - 1
        for array in (positions, values, gradients, *(f for f in fields if f.ndim >= 2)):
            array[at:, row] = array[frozen, row]
    return positions, values, gradients, type(state)(*fields), diverged_at


CASES = {
    # torch SGD with Nesterov momentum: the middle row (lr 1.5) leaves the box at step 10.
    "torch-nesterov-leaves-the-box": (
        oc.get_optimizer("sgd", convention="torch", lr=np.array([0.1, 1.5, 0.5]), momentum=0.9, nesterov=True),
        BOWL,
        [[-7.0, 2.0], [-7.0, 2.0], [3.0, 1.0]],
        200,
    ),
    # torch RMSprop, centered with momentum (four state fields): three rows turn NaN, at steps 1 and 2 (the
    # first block) and 116 (a later one), and the fourth does not; 150 steps end in a short block.
    "torch-rmsprop-nan-across-blocks": (
        oc.get_optimizer(
            "rmsprop", convention="torch", lr=np.array([2.0, 0.006, 0.5, 0.004]), centered=True, momentum=0.5
        ),
        ROOT,
        [[0.5, 1.0], [4.0, 1.0], [9.0, 1.0], [4.0, 1.0]],
        150,
    ),
    # torch Adam with AMSGrad (count shared by all rows, three per-row fields); the second start is already
    # outside the box, so that row is frozen at step 0.
    "torch-amsgrad-bad-start": (
        oc.get_optimizer("adam", convention="torch", lr=0.3, amsgrad=True),
        BOWL,
        [[-7.0, 2.0], [2e6, 1.0]],
        100,
    ),
}


@pytest.mark.parametrize("threaded", [False, True], ids=["inline", "helper-thread"])
@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_replayed_history_equals_an_eager_record_bit_for_bit(case, threaded, monkeypatch):
    if threaded:  # large records are written with a helper thread; make these small ones use it too
        monkeypatch.setattr(trajectory_module, "HELPER_BYTES", 0)
    opt, f, starts, steps = case
    t = oc.run(opt, f, np.array(starts), steps)
    positions, values, grads, states, diverged_at = eager_record(opt, f, starts, steps)
    assert t.diverged.any() and not t.diverged.all()
    np.testing.assert_array_equal(t.diverged_at, diverged_at)
    np.testing.assert_array_equal(t.positions, positions)
    np.testing.assert_array_equal(t.values, values)
    np.testing.assert_array_equal(t.grads, grads)
    assert type(t.states) is type(states)
    for name in states._fields:
        np.testing.assert_array_equal(getattr(t.states, name), getattr(states, name), err_msg=name)


def test_a_single_start_replays_its_state_at_every_step():
    opt = oc.get_optimizer("adam", lr=0.3)
    t = oc.run(opt, BOWL, steps=150)
    positions, _, grads, states, _ = eager_record(opt, BOWL, BOWL.start, 150)
    np.testing.assert_array_equal(t.grads, grads[:, 0])
    single = [field[:, 0] if field.ndim >= 2 else field for field in states]
    for k in (0, 64, 65, 150):
        for got, want in zip(t.state_at(k), single, strict=True):
            np.testing.assert_array_equal(got, want[k])
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = -np.diff(positions[:, 0], axis=0) / grads[:-1, 0]
    np.testing.assert_array_equal(t.effective_lr(), ratio)


def test_a_path_only_run_allocates_no_gradient_or_state_history():
    opt, starts, steps = oc.get_optimizer("adam", lr=0.3), np.random.default_rng(0).uniform(-5, 5, (2000, 2)), 500
    tracemalloc.start()  # NumPy reports its array buffers to tracemalloc
    try:
        t = oc.run(opt, BOWL, starts, steps)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    kept = t.positions.nbytes + t.values.nbytes
    # Gradients and Adam's m and v would add three times the positions; allow only per-block temporaries.
    assert peak < kept + 0.25 * t.positions.nbytes
    assert "_history" not in vars(t)
    assert t.grads is t.grads and t.states is t.states  # replayed once, then kept
    assert t.states.m.shape == t.grads.shape == t.positions.shape


def test_a_trajectory_stays_immutable():
    t = oc.run(oc.get_optimizer("momentum", lr=0.1), BOWL, steps=5)
    for name in ("positions", "grads", "states"):
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(t, name, None)
