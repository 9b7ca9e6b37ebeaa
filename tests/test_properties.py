"""Properties that must hold for any input hypothesis can find."""

import numpy as np
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import optim_core as oc

BOWL = oc.get_function("bowl")
ROSENBROCK = oc.get_function("rosenbrock")
coordinate = st.floats(-8, 8, allow_nan=False)
point = st.tuples(coordinate, coordinate)


@settings(max_examples=40, deadline=None)
@given(
    name=st.sampled_from(oc.optimizer_names("book")),
    lr=st.floats(1e-3, 0.5),
    starts=st.lists(point, min_size=1, max_size=6),
    function=st.sampled_from([BOWL, ROSENBROCK]),
)
def test_a_batch_equals_single_runs(name, lr, starts, function):
    opt = oc.get_optimizer(name, lr=lr)
    batch = oc.run(opt, function, np.array(starts), steps=25)
    for row, start in enumerate(starts):
        single = oc.run(opt, function, start, steps=25)
        np.testing.assert_array_equal(batch.positions[:, row], single.positions)
        np.testing.assert_array_equal(batch.values[:, row], single.values)
        assert batch.diverged_at[row] == single.diverged_at


@settings(max_examples=30, deadline=None)
@given(lrs=st.lists(st.floats(1e-3, 1.5), min_size=2, max_size=5), start=point)
def test_array_hyperparameters_equal_scalar_runs(lrs, start):
    batch = oc.run(oc.get_optimizer("adam", lr=np.array(lrs)), BOWL, start, steps=30)
    for row, lr in enumerate(lrs):
        single = oc.run(oc.get_optimizer("adam", lr=lr), BOWL, start, steps=30)
        np.testing.assert_array_equal(batch.positions[:, row], single.positions)


@settings(max_examples=40, deadline=None)
@given(lr=st.floats(1e-3, 1.2), start=point, function=st.sampled_from([BOWL, ROSENBROCK]))
def test_momentum_zero_is_sgd(lr, start, function):
    with_zero = oc.run(oc.get_optimizer("momentum", lr=lr, momentum=0.0), function, start, steps=40)
    sgd = oc.run(oc.get_optimizer("sgd", lr=lr), function, start, steps=40)
    np.testing.assert_array_equal(with_zero.positions, sgd.positions)


@settings(max_examples=40, deadline=None)
@given(lr=st.floats(1e-2, 3.0), start=point, function=st.sampled_from([BOWL, ROSENBROCK]))
def test_adagrad_effective_lr_never_increases(lr, start, function):
    t = oc.run(oc.get_optimizer("adagrad", lr=lr), function, start, steps=60)
    assume(not t.diverged)
    effective = t.effective_lr()
    steps = np.abs(np.diff(t.positions, axis=0))
    # -Δp/g is only as exact as Δp: ignore steps lost in the rounding of p itself.
    measurable = steps > 1e-7 * np.abs(t.positions[:-1]) + 1e-300
    for coordinate in range(2):
        rates = effective[:, coordinate][measurable[:, coordinate]]
        assert np.all(rates[1:] <= rates[:-1] * (1 + 1e-6)), rates


@settings(max_examples=40, deadline=None)
@given(lr=st.floats(0.01, 0.99), start=point)
def test_sgd_on_the_bowl_converges_below_lr_1(lr, start):
    assume(np.hypot(*start) > 1e-3)
    t = oc.run(oc.get_optimizer("sgd", lr=lr), BOWL, start, steps=300)
    assert not t.diverged
    assert np.all(np.diff(t.values) <= 0)
    assert t.values[-1] < t.values[0]


@settings(max_examples=40, deadline=None)
@given(lr=st.floats(1.01, 3.0), x=coordinate, y=st.floats(0.01, 8) | st.floats(-8, -0.01))
def test_sgd_on_the_bowl_diverges_above_lr_1(lr, x, y):
    t = oc.run(oc.get_optimizer("sgd", lr=lr), BOWL, (x, y), steps=3000)
    assert t.diverged
    assert np.abs(t.positions[t.diverged_at, 1]) > 1e6 or not np.isfinite(t.values[t.diverged_at])


def _discriminants(lr, momentum, eigenvalues):
    b = 1 + momentum - lr * np.asarray(eigenvalues)
    return b * b - 4 * momentum


@settings(max_examples=60, deadline=None)
@given(
    lr=st.floats(0.01, 1.9),
    momentum=st.floats(0.0, 0.95),
    condition=st.floats(1.5, 50),
    angle=st.floats(0, 180),
)
def test_theory_rate_matches_simulated_quadratics(lr, momentum, condition, angle):
    f = oc.quadratic(condition, angle)
    predicted = float(oc.theory.heavy_ball_rate(lr, momentum, f))
    assume(0.5 < predicted < 0.985)
    # Near a double root the decay is k·r^k and the oscillation period is long: too slow to measure.
    assume(np.all(np.abs(_discriminants(lr, momentum, f.eigenvalues)) > 0.05))
    starts = np.array([[1.0, 0.3], [-0.2, 1.0]])  # generic: both eigen-directions excited
    t = oc.run(oc.get_optimizer("momentum", lr=lr, momentum=momentum), f, starts, steps=700)
    norms = np.hypot(t.positions[..., 0], t.positions[..., 1]).max(axis=1)  # no underflow in x²
    window = 64  # longer than any oscillation period allowed above
    envelope = np.array([norms[k - window : k].max() for k in (300, 700)])
    measured = (envelope[1] / envelope[0]) ** (1 / 400)
    assert abs(measured - predicted) < 0.01, (measured, predicted)


@settings(max_examples=40, deadline=None)
@given(lr=st.floats(0.01, 2.5), condition=st.floats(1, 100))
def test_gd_rate_is_heavy_ball_without_momentum(lr, condition):
    f = oc.quadratic(condition)
    assert np.isclose(oc.theory.gd_rate(lr, f), oc.theory.heavy_ball_rate(lr, 0.0, f))


def test_optimal_heavy_ball_is_the_minimum_of_the_rate():
    best = oc.theory.optimal_heavy_ball(BOWL)
    lrs, momenta = np.meshgrid(np.linspace(0.05, 3, 400), np.linspace(0, 0.95, 400), indexing="ij")
    rates = oc.theory.heavy_ball_rate(lrs, momenta, BOWL)
    assert rates.min() >= best.rate - 1e-9
    assert np.isclose(float(oc.theory.heavy_ball_rate(best.lr, best.momentum, BOWL)), best.rate)
    kappa = 20.0
    assert np.isclose(best.momentum, ((np.sqrt(kappa) - 1) / (np.sqrt(kappa) + 1)) ** 2)


ALPHABET = st.sampled_from([*list("xy0123456789.+-*/() ,eE_[]'\""), "**", "pi", "sin", "abs", "__", "lambda"])


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=60) | st.lists(ALPHABET, max_size=30).map("".join))
def test_random_strings_parse_or_raise_our_error(text):
    try:
        f = oc.get_function(text)
    except oc.OptvizError as error:
        assert "\n" not in str(error)
    else:
        values = f.value(np.array([[0.5, -0.25], [1.0, 2.0]]))
        assert values.shape == (2,)
