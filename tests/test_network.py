"""The book's network on the digits: backprop against finite differences, the run against the book's own
formulas written out here, determinism, the book's findings, the landscape plane, and bad input."""

import numpy as np
import pytest

import optim_core as oc
from optim_core import network as nn

#: Iterations the book-formula loop below replays: enough for every optimizer's state to matter.
REPLAYED = 300


@pytest.fixture(scope="module")
def data():
    return nn.load_digits()


@pytest.fixture(scope="module")
def book_run(data):
    """The book's comparison itself: four optimizers, 2,000 iterations of 128 pictures."""
    return nn.train(data=data)


@pytest.fixture(scope="module")
def short_run(data):
    return nn.train(data=data, iterations=REPLAYED)


def test_digits_are_real_fixed_and_split(data):
    assert data.x_train.shape == (1437, 64) and data.x_test.shape == (360, 64)
    assert data.x_train.min() == 0.0 and data.x_train.max() == 1.0
    assert set(np.unique(data.t_test)) == set(range(10))
    again = nn.load_digits()
    assert np.array_equal(again.x_train, data.x_train) and np.array_equal(again.t_test, data.t_test)
    # No picture is in both sets (the bundled set has a few exact repeats; count rows, not pictures).
    seen = {row.tobytes() for row in data.x_train}
    assert sum(row.tobytes() in seen for row in data.x_test) <= 2


def test_he_initial_weights(data):
    net = nn.Network((64, *nn.HIDDEN, 10))
    layers = net.layers(net.init(seed=3))
    for weights, biases in layers:
        assert np.all(biases == 0)
        assert weights.std() == pytest.approx(np.sqrt(2.0 / weights.shape[0]), rel=0.05)
    assert np.array_equal(net.init(seed=3), net.init(seed=3)) and not np.array_equal(net.init(3), net.init(4))


@pytest.mark.parametrize("sizes", [(64, 7, 5, 10), (64, *nn.HIDDEN, 10)])
def test_backprop_equals_centred_finite_differences(data, sizes):
    net = nn.Network(sizes)
    rng = np.random.default_rng(0)
    theta = net.init(seed=1)
    theta += 0.01 * rng.standard_normal(theta.shape)  # biases off zero, so their gradients are general
    x, t = data.x_train[:32], data.t_train[:32]
    _, grad = net.loss_and_grad(theta, x, t)
    # Some coordinates of every layer's weights and biases.
    picks = np.unique(
        np.concatenate([rng.choice(np.arange(s.start, s.stop), 6) for w, _, b in net._slices for s in (w, b)])
    )
    step = 1e-5
    for i in picks:
        up, down = theta.copy(), theta.copy()
        up[i] += step
        down[i] -= step
        numeric = (net.loss(up, x, t, delta=0.0) - net.loss(down, x, t, delta=0.0)) / (2 * step)
        assert grad[i] == pytest.approx(numeric, rel=1e-6, abs=1e-10), f"coordinate {i}"


class BookNet:
    """The book's MultiLayerNet written out with its layers' formulas (common/layers.py): a dict of arrays,
    Affine, Relu and SoftmaxWithLoss, one array at a time."""

    def __init__(self, params: dict):
        self.params = {k: v.copy() for k, v in params.items()}
        self.count = len(params) // 2

    def _forward(self, x):
        cache = []
        for i in range(1, self.count + 1):
            W, b = self.params[f"W{i}"], self.params[f"b{i}"]
            cache.append(x)
            x = np.dot(x, W) + b
            if i < self.count:
                mask = x <= 0
                x = x.copy()
                x[mask] = 0
                cache.append(mask)
        return x, cache

    @staticmethod
    def _softmax(x):
        x = x - np.max(x, axis=-1, keepdims=True)
        return np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)

    def loss(self, x, t):
        y = self._softmax(self._forward(x)[0])
        return -np.sum(np.log(y[np.arange(len(t)), t] + 1e-7)) / len(t)

    def gradient(self, x, t):
        scores, cache = self._forward(x)
        dout = self._softmax(scores).copy()
        dout[np.arange(len(t)), t] -= 1
        dout = dout / len(t)
        grads = {}
        for i in range(self.count, 0, -1):
            if i < self.count:
                mask = cache.pop()
                dout[mask] = 0
            inputs, W = cache.pop(), self.params[f"W{i}"]
            grads[f"W{i}"] = np.dot(inputs.T, dout)
            grads[f"b{i}"] = np.sum(dout, axis=0)
            dout = np.dot(dout, W.T)
        return grads


class BookSGD:
    def __init__(self, lr=0.01):
        self.lr = lr

    def update(self, params, grads):
        for key in params:
            params[key] -= self.lr * grads[key]


class BookMomentum:
    def __init__(self, lr=0.01, momentum=0.9):
        self.lr, self.momentum, self.v = lr, momentum, None

    def update(self, params, grads):
        if self.v is None:
            self.v = {key: np.zeros_like(val) for key, val in params.items()}
        for key in params:
            self.v[key] = self.momentum * self.v[key] - self.lr * grads[key]
            params[key] += self.v[key]


class BookAdaGrad:
    def __init__(self, lr=0.01):
        self.lr, self.h = lr, None

    def update(self, params, grads):
        if self.h is None:
            self.h = {key: np.zeros_like(val) for key, val in params.items()}
        for key in params:
            self.h[key] += grads[key] * grads[key]
            params[key] -= self.lr * grads[key] / (np.sqrt(self.h[key]) + 1e-7)


class BookAdam:
    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999):
        self.lr, self.beta1, self.beta2, self.iter, self.m, self.v = lr, beta1, beta2, 0, None, None

    def update(self, params, grads):
        if self.m is None:
            self.m = {key: np.zeros_like(val) for key, val in params.items()}
            self.v = {key: np.zeros_like(val) for key, val in params.items()}
        self.iter += 1
        lr_t = self.lr * np.sqrt(1.0 - self.beta2**self.iter) / (1.0 - self.beta1**self.iter)
        for key in params:
            self.m[key] += (1 - self.beta1) * (grads[key] - self.m[key])
            self.v[key] += (1 - self.beta2) * (grads[key] ** 2 - self.v[key])
            params[key] -= lr_t * self.m[key] / (np.sqrt(self.v[key]) + 1e-7)


def _as_dict(net: nn.Network, theta) -> dict:
    found = {}
    for i, (W, b) in enumerate(net.layers(theta), 1):
        found[f"W{i}"], found[f"b{i}"] = W, b
    return found


@pytest.mark.parametrize(
    ("index", "book_optimizer"), [(0, BookSGD()), (1, BookMomentum()), (2, BookAdaGrad()), (3, BookAdam())]
)
def test_the_book_formulas_reproduce_the_run(short_run, data, index, book_optimizer):
    """The book's optimizer_compare_mnist.py loop, with its layers and optimizers written out: same start,
    same batches, the loss recorded after each update."""
    run = short_run
    book = BookNet(_as_dict(run.network, run.weights[index, 0]))
    kept = {int(k): row for row, k in enumerate(run.weights_at)}
    losses = []
    for i, rows in enumerate(run.batches):
        x, t = data.x_train[rows], data.t_train[rows]
        book_optimizer.update(book.params, book.gradient(x, t))
        losses.append(book.loss(x, t))
        if i + 1 in kept:
            ours = _as_dict(run.network, run.weights[index, kept[i + 1]])
            for key, value in book.params.items():
                np.testing.assert_allclose(ours[key], value, rtol=0, atol=1e-12, err_msg=f"{key} at {i + 1}")
    np.testing.assert_allclose(run.losses[index], losses, rtol=1e-12, atol=0)


def test_same_seed_same_bytes_whatever_the_threads(data):
    first = nn.train(data=data, iterations=40, workers=1)
    second = nn.train(data=data, iterations=40, workers=2)
    for name in ("batches", "losses", "test_accuracy", "weights"):
        assert getattr(first, name).tobytes() == getattr(second, name).tobytes(), name
    other = nn.train(data=data, iterations=40, seed=1)
    assert not np.array_equal(other.batches, first.batches) and not np.array_equal(other.weights, first.weights)


def test_every_optimizer_trains_every_weight_array(data):
    """Both conventions: each optimizer's own update on the flat weights, shared batches and start."""
    specs = [oc.get_optimizer(name) for name in oc.optimizer_names("book")]
    specs += [oc.get_optimizer(name, convention="torch") for name in oc.optimizer_names("torch")]
    run = nn.train(specs, data=data, iterations=30)
    assert np.isfinite(run.losses).all()
    assert np.all(run.weights[:, 0] == run.weights[0, 0])  # one start
    moved = np.abs(run.weights[:, -1] - run.weights[:, 0])
    for layer, (w, _, b) in enumerate(run.network._slices):
        assert np.all(moved[:, w].max(axis=1) > 0) and np.all(moved[:, b].max(axis=1) > 0), f"layer {layer + 1}"


def test_a_diverging_network_stops_where_its_weights_blow_up(data, book_run):
    """SGD at η = 5 overflows within a few updates: it stops there, its records from then on are NaN, and the
    plane of the paths is drawn from what was recorded before (it once raised LinAlgError)."""
    run = nn.train([oc.get_optimizer("sgd", lr=5.0), "sgd"], data=data, iterations=60)
    assert book_run.diverged_at.tolist() == [-1, -1, -1, -1]
    at = int(run.diverged_at[0])
    assert 1 <= at < 30 and run.diverged_at[1] == -1
    assert np.isfinite(run.losses[0, : at - 1]).all() and np.isnan(run.losses[0, at - 1 :]).all()
    assert (
        np.isnan(run.weights[0][run.weights_at >= at]).all() and np.isfinite(run.weights[0][run.weights_at < at]).all()
    )
    assert np.isnan(run.test_accuracy[0][run.accuracy_at >= at]).all() and np.isfinite(run.losses[1]).all()
    clean = nn.train(["sgd"], data=data, iterations=60)
    assert np.array_equal(clean.weights[0], run.weights[1])  # the other network is untouched
    plane = nn.landscape(run, resolution=5)
    assert np.isfinite(plane.explained).all() and np.isfinite(plane.loss).all()
    assert np.isnan(plane.paths[0][run.weights_at >= at]).all() and np.isfinite(plane.paths[1]).all()


def test_a_plane_of_networks_that_never_moved_still_has_two_directions(data):
    """Diverged before its first record, a network leaves only its start: the plane is completed with the first
    coordinate axes, holds nothing, and its grid spans a unit around the start."""
    run = nn.train([oc.get_optimizer("sgd", lr=100.0)], data=data, iterations=20)
    assert 0 <= run.diverged_at[0] <= 10
    plane = nn.landscape(run, resolution=3)
    assert np.allclose(plane.directions @ plane.directions.T, np.eye(2))
    assert plane.explained.tolist() == [0.0, 0.0] and plane.a.tolist() == [-1.0, 0.0, 1.0]
    low, high = plane.positive_range
    assert 0 < low < high


def test_the_books_findings(book_run):
    """Figure 6-9: every optimizer learns the digits, and the adaptive ones end lower than plain SGD."""
    assert book_run.losses.shape == (4, 2000) and book_run.weights.shape == (4, 201, 37810)
    assert book_run.accuracy_at.tolist() == list(range(0, 2001, 100))
    assert np.all(book_run.test_accuracy[:, 0] < 0.2)  # the start guesses
    assert np.all(book_run.test_accuracy[:, -1] > 0.95)
    late = book_run.losses[:, -200:].mean(axis=1)
    sgd, momentum, adagrad, adam = late
    assert max(momentum, adagrad, adam) < sgd
    assert np.all(book_run.losses[:, :10].mean(axis=1) > 1.0)


def test_landscape_plane(book_run):
    plane = nn.landscape(book_run, resolution=9)
    start = book_run.weights[0, 0]
    assert np.allclose(plane.directions @ plane.directions.T, np.eye(2), atol=1e-10)
    assert np.array_equal(plane.paths[:, 0], np.zeros((4, 2))) and np.all(plane.off_plane[:, 0] == 0)
    assert 0.5 < plane.explained.sum() <= 1.0 and plane.explained[0] >= plane.explained[1]
    # Every recorded point lies inside the grid, and a point of the grid is the weights it names.
    assert plane.a.min() < plane.paths[..., 0].min() and plane.paths[..., 0].max() < plane.a.max()
    assert plane.b.min() < plane.paths[..., 1].min() and plane.paths[..., 1].max() < plane.b.max()
    i, j = 2, 7
    weights = plane.origin + plane.a[j] * plane.directions[0] + plane.b[i] * plane.directions[1]
    data = book_run.data
    assert plane.loss[i, j] == pytest.approx(book_run.network.loss(weights, data.x_train, data.t_train), rel=1e-12)
    # The start is on the plane: its loss there is its true loss (about log 10 for a network that guesses).
    assert book_run.network.loss(start, data.x_train, data.t_train) == pytest.approx(2.4, abs=0.3)
    again = nn.landscape(book_run, resolution=9, workers=1)
    assert again.loss.tobytes() == plane.loss.tobytes() and again.directions.tobytes() == plane.directions.tobytes()


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: nn.train(["sgd", "adamm"]), "did you mean 'adam'"),
        (lambda: nn.train("sgd"), "a list of one or more optimizers"),
        (lambda: nn.train([]), "a list of one or more optimizers"),
        (lambda: nn.train([3]), "must be an optimizer or its name"),
        (lambda: nn.train([oc.get_optimizer("sgd", lr=[0.1, 0.2])]), "array hyperparameters"),
        (lambda: nn.train(batch=0), "batch must be a whole number from 1 to 1437"),
        (lambda: nn.train(batch=1438), "batch must be a whole number from 1 to 1437"),
        (lambda: nn.train(iterations=0), "iterations must be a whole number from 1 to 10000"),
        (lambda: nn.train(iterations=10**6), "iterations must be a whole number from 1 to 10000"),
        (lambda: nn.train(iterations=2.5), "iterations must be a whole number"),
        (lambda: nn.train(seed=-1), "seed must be a whole number >= 0"),
        (lambda: nn.train(hidden=(100, 0)), "a hidden layer's size"),
    ],
)
def test_bad_input_is_one_clear_line(call, message):
    with pytest.raises(oc.OptvizError, match=message) as caught:
        call()
    assert "\n" not in str(caught.value)


def test_smoothing_is_the_books_smooth_curve(book_run):
    def smooth_curve(x):  # common/util.py
        window_len = 11
        s = np.r_[x[window_len - 1 : 0 : -1], x, x[-1:-window_len:-1]]
        w = np.kaiser(window_len, 2)
        y = np.convolve(w / w.sum(), s, mode="valid")
        return y[5 : len(y) - 5]

    smoothed = nn.smooth(book_run.losses)
    for row, losses in zip(smoothed, book_run.losses, strict=True):
        np.testing.assert_allclose(row, smooth_curve(losses), rtol=1e-14, atol=0)
    with pytest.raises(oc.OptvizError, match="at least 11 values"):
        nn.smooth(np.ones(5))


def test_the_chapter_is_computed_once_and_read_back_exactly(tmp_path, monkeypatch):
    settings = {"iterations": 30, "resolution": 5}
    fresh = nn.chapter(["sgd", "adam"], cache=False, **settings)
    first = nn.chapter(["sgd", "adam"], cache=tmp_path, **settings)
    monkeypatch.setattr(nn, "train", lambda *a, **k: pytest.fail("trained again instead of reading the cache"))
    again = nn.chapter(["sgd", "adam"], cache=tmp_path, **settings)
    for result in (first, again):
        assert result.losses.tobytes() == fresh.losses.tobytes()
        assert result.test_accuracy.tobytes() == fresh.test_accuracy.tobytes()
        for name in nn.Landscape.__dataclass_fields__:
            assert getattr(result.landscape, name).tobytes() == getattr(fresh.landscape, name).tobytes(), name
    assert len(list(tmp_path.glob("*.npz"))) == 1 and not list(tmp_path.glob(".*tmp*"))
    np.testing.assert_array_equal(again.smoothed, nn.smooth(fresh.losses))


def test_a_changed_engine_replaces_its_cache_entry(tmp_path, monkeypatch):
    from optim_core import _cache

    nn.chapter(["sgd"], iterations=20, resolution=3, cache=tmp_path)
    monkeypatch.setattr(_cache, "engine_fingerprint", lambda: "another optim_core")
    calls = []
    real_train = nn.train
    monkeypatch.setattr(nn, "train", lambda *a, **k: calls.append(1) or real_train(*a, **k))
    nn.chapter(["sgd"], iterations=20, resolution=3, cache=tmp_path)
    assert calls == [1] and len(list(tmp_path.glob("*.npz"))) == 1


def test_an_unwritable_cache_only_costs_the_computing(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    result = nn.chapter(["sgd"], iterations=20, resolution=3, cache=blocked / "network")
    assert result.losses.shape == (1, 20)
