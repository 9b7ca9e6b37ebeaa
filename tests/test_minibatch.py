"""The minibatch bowl: data whose full-batch loss is the bowl, full batches that step the book's exact path,
minibatch gradients that are the batch's own, unbiased noise, determinism and bad input."""

import numpy as np
import pytest

import optim_core as oc
from optim_core import minibatch as mb

BOOK_SPECS = [oc.get_optimizer(name, lr=lr) for name, lr in oc.BOOK_COMPARISON.items()]


@pytest.mark.parametrize(("size", "noise", "seed"), [(1000, 1.0, 0), (8, 0.3, 5), (4000, 3.0, 2)])
def test_full_batch_loss_is_the_bowl_plus_a_constant(size, noise, seed):
    data = mb.bowl_data(size, noise, seed)
    points = np.random.default_rng(9).uniform(-10, 10, size=(500, 2))
    bowl = points[:, 0] ** 2 / 20 + points[:, 1] ** 2
    np.testing.assert_allclose(data.loss(points), bowl + data.constant, rtol=0, atol=1e-12)
    assert data.constant == pytest.approx(np.mean(data.targets**2))
    assert data.function.name == "bowl"


@pytest.mark.parametrize("opt", [*BOOK_SPECS, oc.get_optimizer("adam", convention="torch", lr=0.3)])
def test_a_batch_of_all_the_data_steps_the_exact_path(opt):
    data = mb.bowl_data()
    full = mb.run(opt, data, batch=data.size, steps=60, runs=2)
    exact = oc.run(opt, data.function, steps=60)
    for row in range(2):
        assert np.array_equal(full.positions[:, row], exact.positions)
    assert np.array_equal(full.values[:, 0], exact.values)


def test_a_minibatch_gradient_is_the_gradient_of_that_batch():
    """Each step's gradient equals 2/B A_Bᵀ(A_B p − b_B) over the batch run() documents drawing."""
    data, batch, runs = mb.bowl_data(), 7, 3
    noisy = mb.run(BOOK_SPECS[1], data, batch=batch, steps=20, runs=runs, seed=4)
    rng = np.random.default_rng(4)
    whole = np.tile(np.arange(data.size), (runs, 1))
    for k in range(20):
        rows = rng.permuted(whole, axis=1)[:, :batch]
        for r in range(runs):
            a, b = data.features[rows[r]], data.targets[rows[r]]
            p = noisy.positions[k, r]
            np.testing.assert_allclose(noisy.grads[k, r], 2 / batch * a.T @ (a @ p - b), rtol=0, atol=1e-12)
            assert noisy.batch_loss[k, r] == pytest.approx(data.loss(p, rows[r]), rel=1e-12)
            assert len(set(rows[r])) == batch  # without replacement


def test_the_noise_is_unbiased_and_shrinks_with_the_batch():
    data = mb.bowl_data()
    point = np.array([-7.0, 2.0])
    spreads = []
    for batch in (4, 64):
        noisy = mb.run(oc.get_optimizer("sgd", lr=1e-9), data, batch=batch, steps=1, runs=4000, start=point)
        mean = noisy.grads[0].mean(axis=0)
        spread = noisy.grads[0].std(axis=0)
        np.testing.assert_allclose(mean, data.function.grad(point), atol=4 * spread.max() / np.sqrt(4000))
        spreads.append(spread)
    # Sampling without replacement: the spread falls as sqrt((N - B) / (B (N - 1))).
    expected = np.sqrt((1000 - 4) / (4 * 999)) / np.sqrt((1000 - 64) / (64 * 999))
    np.testing.assert_allclose(spreads[0] / spreads[1], expected, rtol=0.1)


def test_same_seed_same_bytes():
    data = mb.bowl_data()
    first, second = (mb.run(BOOK_SPECS[0], data, batch=10, steps=30, runs=5, seed=3) for _ in range(2))
    assert first.positions.tobytes() == second.positions.tobytes()
    assert first.grads.tobytes() == second.grads.tobytes()
    other = mb.run(BOOK_SPECS[0], data, batch=10, steps=30, runs=5, seed=4)
    assert not np.array_equal(other.positions, first.positions)
    assert mb.bowl_data().targets.tobytes() == data.targets.tobytes()


def test_divergence_freezes_the_path():
    data = mb.bowl_data()
    noisy = mb.run(oc.get_optimizer("sgd", lr=3.0), data, batch=5, steps=80, runs=2)
    assert noisy.diverged.all()
    for r, at in enumerate(noisy.diverged_at):
        assert np.all(noisy.positions[at:, r] == noisy.positions[at, r]) or np.all(
            noisy.positions[at:, r] == noisy.positions[at - 1, r]
        )
        assert np.isnan(noisy.grads[at:, r]).all() and np.isfinite(noisy.grads[: at - 1, r]).all()


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda d: mb.run(BOOK_SPECS[0], d, batch=0), "batch must be a whole number from 1 to the 1000 examples"),
        (lambda d: mb.run(BOOK_SPECS[0], d, batch=1001), "batch must be a whole number from 1 to the 1000"),
        (lambda d: mb.run(BOOK_SPECS[0], d, batch=2.5), "batch must be a whole number"),
        (lambda d: mb.run(BOOK_SPECS[0], d, batch=5, runs=0), "runs must be a whole number from 1"),
        (lambda d: mb.run(BOOK_SPECS[0], d, batch=5, steps=0), "steps must be a whole number >= 1"),
        (lambda d: mb.run("sgd", d, batch=5), "opt must be an optimizer"),
        (lambda d: mb.run(oc.get_optimizer("sgd", lr=[0.1, 0.2]), d, batch=5), "scalar hyperparameters"),
        (lambda d: mb.run(BOOK_SPECS[0], "bowl", batch=5), "data must be least-squares data"),
        (lambda d: mb.run(BOOK_SPECS[0], d, batch=5, start=[[1, 2], [3, 4]]), "start must be one point"),
        (lambda d: mb.bowl_data(size=10), "size must be a whole multiple of 4"),
        (lambda d: mb.bowl_data(noise=-1), "noise must be a finite number >= 0"),
        (lambda d: mb.bowl_data(seed=-2), "seed must be a whole number >= 0"),
    ],
)
def test_bad_input_is_one_clear_line(call, message):
    with pytest.raises(oc.OptvizError, match=message) as caught:
        call(mb.bowl_data())
    assert "\n" not in str(caught.value)
