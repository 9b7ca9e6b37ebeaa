r"""The optimizers on a real network: the book's ``MultiLayerNet`` trained on real handwritten digits.

*Deep Learning from Scratch* ends chapter 6 by training one fully connected network with each of SGD,
Momentum, AdaGrad and Adam on MNIST (``ch06/optimizer_compare_mnist.py``, Figure 6-9). This module does the
same on scikit-learn's bundled digits (1,797 real 8×8 scans; no download), with the book's network, loss,
batches and learning rates, and keeps what the pictures need: the minibatch loss of every iteration, the test
accuracy every 100 iterations and the weights every 10::

    import optim_core as oc
    run = oc.network.train()                      # the book's four optimizers, 2,000 iterations
    run.losses.shape, run.weights.shape           # (4, 2000), (4, 201, 37810)
    plane = oc.network.landscape(run)             # the loss on the plane of the paths (Li et al. 2018)

The network (the book's ``common/multi_layer_net.py`` with its defaults): affine layers 64 → 100 → 100 → 100 →
100 → 10, ReLU between them, He initial weights (normal, standard deviation :math:`\sqrt{2/n_{in}}`), biases 0,
softmax with cross-entropy :math:`L = -\frac1N \sum_i \log(y_{i,t_i} + 10^{-7})` and gradients by
backpropagation. The weights of a network are one flat vector (the book's ``W1, b1, ..., W5, b5`` in order,
each array a view into it), so that an optimizer updates every weight array in one call; every optimizer of
optim_core is elementwise, so this is the same arithmetic as one update per array. No optimizer maths is
written here: each iteration calls the optimizer's own ``update``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np

from ._errors import OptvizError
from .optimizer import Optimizer, get_optimizer

#: The book's hidden layers (``hidden_size_list=[100, 100, 100, 100]``).
HIDDEN = (100, 100, 100, 100)
#: The book's comparison: its four optimizers with their class defaults (SGD 0.01, Momentum 0.01, AdaGrad
#: 0.01, Adam 0.001), which are ``get_optimizer``'s defaults too.
BOOK_OPTIMIZERS = ("sgd", "momentum", "adagrad", "adam")
#: The book's training: ``batch_size = 128``, ``max_iterations = 2000``.
BATCH, ITERATIONS = 128, 2000
#: The most iterations one run may ask for: five times the book's, about half a minute for four optimizers on
#: two cores. More would keep a figure or a scene waiting for minutes.
MAX_ITERATIONS = 10_000
#: Test accuracy is measured every this many iterations, and the weights kept every this many.
EVAL_EVERY, RECORD_EVERY = 100, 10
#: The book adds this inside the logarithm of the cross-entropy, so that a probability of 0 gives a large
#: loss rather than infinity. Its backward pass ignores it: the gradient is that of the exact cross-entropy.
LOG_DELTA = 1e-7
#: Pictures of the digits are 8×8 with grey levels 0 to 16.
DIGIT_SIDE, DIGIT_LEVELS = 8, 16.0
#: Points of a landscape's grid evaluated per task (see :meth:`Network.losses`).
LANDSCAPE_CHUNK = 8
#: A network has diverged once a weight is no longer finite or exceeds this in size (the book's start has
#: none above 1.6, its trained networks none above 3): its training stops there, as a diverged path on the
#: bowl is frozen where it left ±1e6.
DIVERGED = 1e6
#: The fixed split: this many of the 1,797 digits (20 %) are kept for testing.
TEST_SIZE = 360


@dataclass(frozen=True)
class Digits:
    """scikit-learn's handwritten digits, pixels scaled to [0, 1], split once into training and test sets."""

    x_train: np.ndarray  #: (1437, 64), float64
    t_train: np.ndarray  #: (1437,), the digit each picture shows
    x_test: np.ndarray  #: (360, 64)
    t_test: np.ndarray  #: (360,)

    @property
    def classes(self) -> int:
        return 10


def load_digits(seed: int = 0) -> Digits:
    """The 1,797 digits bundled with scikit-learn (no download), shuffled with ``seed`` and split into 1,437
    training and 360 test pictures; pixels divided by 16, so that they lie in [0, 1] as the book's
    ``load_mnist(normalize=True)`` gives them.

    >>> data = load_digits()
    >>> data.x_train.shape, data.x_test.shape, float(data.x_train.max())
    ((1437, 64), (360, 64), 1.0)
    """
    from sklearn.datasets import load_digits as bundled

    digits = bundled()
    order = np.random.default_rng(_seed(seed)).permutation(len(digits.target))
    x = digits.data[order] / DIGIT_LEVELS
    t = digits.target[order].astype(np.int64)
    return Digits(x[TEST_SIZE:], t[TEST_SIZE:], x[:TEST_SIZE], t[:TEST_SIZE])


@dataclass(frozen=True)
class Network:
    """A fully connected ReLU network with softmax and cross-entropy, as the book's ``MultiLayerNet``.

    Its weights are one flat vector of :attr:`size` numbers; :meth:`layers` gives each layer's ``(W, b)``
    as views into it.

    >>> net = Network((64, 100, 100, 100, 100, 10))
    >>> net.size
    37810
    """

    sizes: tuple[int, ...]  #: inputs, each hidden layer, outputs

    @cached_property
    def _slices(self) -> tuple[tuple[slice, tuple[int, int], slice], ...]:
        found, offset = [], 0
        for n_in, n_out in zip(self.sizes[:-1], self.sizes[1:], strict=False):
            weights = slice(offset, offset + n_in * n_out)
            biases = slice(weights.stop, weights.stop + n_out)
            found.append((weights, (n_in, n_out), biases))
            offset = biases.stop
        return tuple(found)

    @property
    def size(self) -> int:
        """How many numbers the weights are."""
        return self._slices[-1][2].stop

    def layers(self, theta: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
        """Each layer's weight matrix ``(n_in, n_out)`` and bias ``(n_out,)``, as views into ``theta``."""
        return [(theta[w].reshape(shape), theta[b]) for w, shape, b in self._slices]

    def init(self, seed: int = 0) -> np.ndarray:
        """He initial weights (normal with standard deviation :math:`\\sqrt{2/n_{in}}`, the book's default for
        ReLU) and zero biases, from a generator seeded with ``seed``."""
        rng = np.random.default_rng(_seed(seed))
        theta = np.zeros(self.size)
        for weights, _ in self.layers(theta):
            weights[...] = math.sqrt(2.0 / weights.shape[0]) * rng.standard_normal(weights.shape)
        return theta

    def scores(self, theta: np.ndarray, x: np.ndarray) -> np.ndarray:
        """The last layer's output (before softmax) for inputs ``x`` of shape ``(N, inputs)``."""
        return _forward(self.layers(theta), x)[-1]

    def loss(self, theta: np.ndarray, x: np.ndarray, t: np.ndarray, delta: float = LOG_DELTA) -> float:
        """The book's loss of ``theta`` on pictures ``x`` with labels ``t``; ``delta=0`` gives the exact
        cross-entropy, whose gradient :meth:`loss_and_grad` computes."""
        return float(_cross_entropy(_softmax(self.scores(theta, x)), t, delta))

    def loss_and_grad(self, theta: np.ndarray, x: np.ndarray, t: np.ndarray) -> tuple[float, np.ndarray]:
        """The book's loss and its gradient by backpropagation, as one flat vector shaped like ``theta``.

        >>> net, data = Network((64, 10, 10)), load_digits()
        >>> loss, grad = net.loss_and_grad(net.init(), data.x_train[:5], data.t_train[:5])
        >>> grad.shape
        (760,)
        """
        grad = np.empty_like(theta)
        _, loss = _forward_backward(self.layers(theta), x, t, 0, self.layers(grad))
        return float(loss), grad

    def accuracy(self, theta: np.ndarray, x: np.ndarray, t: np.ndarray) -> float:
        """The fraction of pictures whose highest score is their label."""
        return float(np.mean(self.scores(theta, x).argmax(axis=1) == t))

    def losses(self, thetas: np.ndarray, x: np.ndarray, t: np.ndarray, chunk: int = 4) -> np.ndarray:
        """The book's loss of each row of ``thetas`` ``(K, size)``, evaluated ``chunk`` rows at a time (a
        stacked matrix product per layer; more rows at once no longer fit in cache)."""
        thetas = np.asarray(thetas, dtype=np.float64)
        found = np.empty(len(thetas))
        rows = np.arange(len(t))
        for low in range(0, len(thetas), chunk):
            part = thetas[low : low + chunk]
            h = x
            for index, (w, shape, b) in enumerate(self._slices):
                h = np.matmul(h, part[:, w].reshape(len(part), *shape)) + part[:, None, b]
                if index < len(self._slices) - 1:
                    np.maximum(h, 0.0, out=h)
            probabilities = _softmax(h)
            found[low : low + chunk] = -np.log(probabilities[:, rows, t] + LOG_DELTA).sum(axis=1) / len(t)
        return found


def _forward(layers, x: np.ndarray) -> list[np.ndarray]:
    """Every layer's output: the inputs, each ReLU's output, and the last affine layer's scores."""
    outputs = [x]
    for index, (weights, biases) in enumerate(layers):
        h = outputs[-1] @ weights + biases
        if index < len(layers) - 1:
            np.maximum(h, 0.0, out=h)
        outputs.append(h)
    return outputs


def _softmax(scores: np.ndarray) -> np.ndarray:
    shifted = scores - scores.max(axis=-1, keepdims=True)  # the book's guard against overflow
    exp = np.exp(shifted)
    return exp / exp.sum(axis=-1, keepdims=True)


def _cross_entropy(probabilities: np.ndarray, t: np.ndarray, delta: float = LOG_DELTA) -> np.ndarray:
    return -np.sum(np.log(probabilities[np.arange(len(t)), t] + delta)) / len(t)


def _forward_backward(layers, x, t, first: int, grads) -> tuple[float, float]:
    """One forward pass over all rows of ``x`` and a backward pass over the rows from ``first`` on, whose
    gradient is written into ``grads`` (views like ``layers``). Returns the loss of the rows before ``first``
    (NaN when there are none) and of the rows from it.

    Training uses the split to compute, in one pass, the book's loss after the previous update (on the
    previous batch) and the gradient for the next one (on the next batch): one matrix product of 256 rows is
    cheaper than two of 128.
    """
    outputs = _forward(layers, x)
    probabilities = _softmax(outputs[-1])
    before = _cross_entropy(probabilities[:first], t[:first]) if first else math.nan
    after = _cross_entropy(probabilities[first:], t[first:])
    rows = len(t) - first
    delta = probabilities[first:].copy()  # the book's SoftmaxWithLoss.backward: (y - onehot(t)) / N
    delta[np.arange(rows), t[first:]] -= 1.0
    delta /= rows
    for index in range(len(layers) - 1, -1, -1):
        inputs = outputs[index][first:]
        (weights, _), (weight_grad, bias_grad) = layers[index], grads[index]
        np.matmul(inputs.T, delta, out=weight_grad)
        np.sum(delta, axis=0, out=bias_grad)
        if index:
            delta = delta @ weights.T
            delta *= inputs > 0  # ReLU passes the gradient where its input was positive
    return before, after


def network_optimizers(optimizers: Sequence[Optimizer | str]) -> tuple[Optimizer, ...]:
    """Optimizers (or names, with the book's defaults) checked for a network: scalar hyperparameters only,
    since an array of them runs a batch of points on the plane, not one network."""
    if isinstance(optimizers, (str, Optimizer)) or not len(optimizers):
        raise OptvizError("give the network a list of one or more optimizers, e.g. ['sgd', 'adam']")
    found = []
    for opt in optimizers:
        opt = get_optimizer(opt) if isinstance(opt, str) else opt
        if not isinstance(opt, Optimizer):
            raise OptvizError(f"an optimizer for the network must be an optimizer or its name, got {opt!r}")
        if opt.batch_size is not None:
            raise OptvizError(
                f"{opt.info.display_name} has array hyperparameters; the network takes one value per"
                " hyperparameter (train one network per setting)"
            )
        found.append(opt)
    return tuple(found)


def _seed(seed) -> int:
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise OptvizError(f"seed must be a whole number >= 0, got {seed!r}")
    return int(seed)


def _count(name: str, value, low: int, high: int, why: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or not low <= value <= high:
        raise OptvizError(f"{name} must be a whole number from {low} to {high} ({why}), got {value!r}")
    return int(value)


@dataclass(frozen=True)
class Training:
    """What happened when each optimizer trained the same network from the same weights on the same batches.

    The first axis of every per-optimizer array is the optimizer, in the order given.
    """

    optimizers: tuple[Optimizer, ...]
    network: Network
    data: Digits
    seed: int
    batches: np.ndarray  #: (T, batch): the training pictures of each iteration, the same for every optimizer
    losses: np.ndarray  #: (O, T): the minibatch's loss just after each update, as the book records it
    accuracy_at: np.ndarray  #: (E,): iterations 0, 100, ..., T at which the test accuracy was measured
    test_accuracy: np.ndarray  #: (O, E)
    weights_at: np.ndarray  #: (S,): iterations 0, 10, ..., T at which the weights were kept
    weights: np.ndarray  #: (O, S, size): the weights after that many updates; ``weights[:, 0]`` is the start
    #: (O,): the update after which each network's weights diverged (see :data:`DIVERGED`), or -1. From then on
    #: its losses, accuracies and weights are NaN.
    diverged_at: np.ndarray

    @property
    def iterations(self) -> int:
        return self.batches.shape[0]

    @property
    def batch(self) -> int:
        return self.batches.shape[1]


def train(
    optimizers: Sequence[Optimizer | str] = BOOK_OPTIMIZERS,
    data: Digits | None = None,
    *,
    hidden: Sequence[int] = HIDDEN,
    iterations: int = ITERATIONS,
    batch: int = BATCH,
    seed: int = 0,
    workers: int | None = None,
) -> Training:
    """Train the book's network once per optimizer, as ``ch06/optimizer_compare_mnist.py`` does.

    Every network starts from the same He weights (seeded with ``seed``; the book draws one set per network,
    which would start each path at its own point) and sees the same batches: ``batch`` training pictures per
    iteration, drawn with replacement (the book's ``np.random.choice(train_size, batch_size)``) from a
    generator seeded with ``seed``. After each update the minibatch's loss is recorded, as the book does for
    its Figure 6-9. The networks train independently on ``workers`` threads (default: one per core, at most
    one per optimizer), each matrix product on one thread, so the result does not depend on ``workers``. A
    network whose weights diverge (:data:`DIVERGED`) stops there: :attr:`Training.diverged_at` says when.

    >>> run = train(["sgd", "adam"], iterations=20)
    >>> run.losses.shape, run.weights.shape, run.accuracy_at.tolist()
    ((2, 20), (2, 3, 37810), [0, 20])
    """
    optimizers = network_optimizers(optimizers)
    data = load_digits() if data is None else data
    seed = _seed(seed)
    iterations = _count("iterations", iterations, 1, MAX_ITERATIONS, "the book trains 2,000")
    batch = _count("batch", batch, 1, len(data.t_train), f"at most the {len(data.t_train)} training pictures")
    hidden = tuple(_count("a hidden layer's size", n, 1, 4096, "the book's are 100") for n in hidden)
    network = Network((data.x_train.shape[1], *hidden, data.classes))
    rng = np.random.default_rng(seed)
    start = network.init(seed)
    batches = rng.integers(0, len(data.t_train), size=(iterations, batch))
    weights_at = np.unique(np.r_[np.arange(0, iterations, RECORD_EVERY), iterations])
    accuracy_at = np.unique(np.r_[np.arange(0, iterations, EVAL_EVERY), iterations])
    losses = np.empty((len(optimizers), iterations))
    accuracy = np.empty((len(optimizers), len(accuracy_at)))
    weights = np.empty((len(optimizers), len(weights_at), network.size))
    diverged_at = np.full(len(optimizers), -1)

    def one(index: int) -> None:
        diverged_at[index] = _train_one(
            optimizers[index], network, start, data, batches, losses[index], accuracy[index], accuracy_at,
            weights[index], weights_at,
        )  # fmt: skip

    _on_threads(one, len(optimizers), workers)
    return Training(
        optimizers, network, data, seed, batches, losses, accuracy_at, accuracy, weights_at, weights, diverged_at
    )


def _on_threads(task, count: int, workers: int | None) -> None:
    """``task(i)`` for each ``i < count`` on ``workers`` threads (default: one per core), each matrix product
    on the calling thread only. Two threads running one-threaded products keep both cores busy, where BLAS'
    own threads would wait for each other on matrices this small and fight the elementwise work for the
    cores; and a product's rounding then never depends on how many threads BLAS chose."""
    import os

    from threadpoolctl import threadpool_limits

    workers = min(count, workers or os.cpu_count() or 1)
    with threadpool_limits(limits=1, user_api="blas"), np.errstate(all="ignore"):  # a diverging net records NaN
        if workers == 1:
            for index in range(count):
                task(index)
            return
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(workers, thread_name_prefix="optim_core network") as pool:
            list(pool.map(task, range(count)))


def _train_one(opt, network, start, data, batches, losses, accuracy, accuracy_at, weights, weights_at) -> int:
    """One optimizer's run, written into its rows of the records; returns the update after which its weights
    diverged, with the records from there on NaN, or -1."""
    theta, state = start.copy(), opt.init(start)
    grad = np.empty_like(theta)
    grad_layers = network.layers(grad)
    kept = {int(k): row for row, k in enumerate(weights_at)}
    measured = {int(k): row for row, k in enumerate(accuracy_at)}
    previous = None
    for k in range(len(batches) + 1):
        if k in kept:
            weights[kept[k]] = theta
        if k in measured:
            accuracy[measured[k]] = network.accuracy(theta, data.x_test, data.t_test)
        if k == len(batches):
            losses[k - 1] = network.loss(theta, data.x_train[previous], data.t_train[previous])
            break
        # The rows of the previous batch give its loss after the update just made; the rows of this batch
        # give the gradient for the next update.
        rows = batches[k] if previous is None else np.concatenate([previous, batches[k]])
        before, _ = _forward_backward(
            network.layers(theta), data.x_train[rows], data.t_train[rows], len(rows) - len(batches[k]), grad_layers
        )
        if previous is not None:
            losses[k - 1] = before
        theta, state = opt.update(grad, state, theta)
        previous = batches[k]
        if not np.abs(theta).max() <= DIVERGED:  # NaN compares false
            losses[k:] = np.nan
            accuracy[accuracy_at > k] = np.nan
            weights[weights_at > k] = np.nan
            return k + 1
    return -1


def smooth(values, window: int = 11, beta: float = 2.0) -> np.ndarray:
    """The book's ``smooth_curve`` (``common/util.py``), along the last axis: a moving average weighted by a
    Kaiser window of ``window`` points, over the curve mirrored at both ends, so that it keeps its length.
    Figure 6-9 draws the minibatch losses through it.

    >>> smooth(np.ones(30)).shape, bool(np.allclose(smooth(np.ones(30)), 1.0))
    ((30,), True)
    """
    values = np.asarray(values, dtype=np.float64)
    if values.shape[-1] < window:
        raise OptvizError(f"smoothing takes at least {window} values, got {values.shape[-1]}")
    weights = np.kaiser(window, beta)
    weights /= weights.sum()
    mirrored = np.concatenate([values[..., window - 1 : 0 : -1], values, values[..., -1:-window:-1]], axis=-1)
    rows = mirrored.reshape(-1, mirrored.shape[-1])
    smoothed = np.stack([np.convolve(row, weights, mode="valid") for row in rows])
    half = window // 2
    return smoothed[:, half:-half].reshape(values.shape)


@dataclass(frozen=True)
class Landscape:
    """The loss on a plane through weight space and the optimizers' paths projected onto it.

    The plane passes through :attr:`origin` and is spanned by the orthonormal :attr:`directions`; a point
    ``(a, b)`` on it is the weights ``origin + a * directions[0] + b * directions[1]``.
    """

    origin: np.ndarray  #: (size,): the weights every optimizer started from
    directions: np.ndarray  #: (2, size): the first two principal directions of the paths, from the start
    explained: np.ndarray  #: (2,): the fraction of the paths' squared distance from the start along each
    a: np.ndarray  #: (R,): the grid's first coordinates
    b: np.ndarray  #: (R,): its second coordinates
    loss: np.ndarray  #: (R, R): the training loss at ``(a[j], b[i])`` in row ``i``, column ``j``
    paths: np.ndarray  #: (O, S, 2): each optimizer's recorded weights in the plane's coordinates
    off_plane: np.ndarray  #: (O, S): the fraction of each recorded point's distance from the start off the plane

    @property
    def positive_range(self) -> tuple[float, float]:
        """The smallest positive and the largest loss on the grid, for a logarithmic scale: the book's
        cross-entropy takes the log of ``y + 1e-7``, so where the network is certain of every training digit
        the loss reads a hair below zero (about -1e-7), which no log scale shows. A flat grid (around networks
        that diverged at once) gets a range of 1 % above its value, since a scale needs one."""
        low, high = float(self.loss[self.loss > 0].min()), float(self.loss.max())
        return low, max(high, 1.01 * low)


def landscape(training: Training, resolution: int = 31, margin: float = 0.25, workers: int | None = None) -> Landscape:
    """The loss on the plane of the optimizers' weight paths, after Li et al. (2018), *Visualizing the Loss
    Landscape of Neural Nets*, section 7: the plane spanned by the first two principal directions of the
    recorded weights, with each path drawn as its projection.

    The paper plots one path, on the plane through its trained weights. Here four paths share one start and
    end apart, so the plane passes through the start, and the directions are the principal directions of
    every recorded point's displacement from it: the start is then on the plane with its true loss, and each
    path is drawn from it. (On the plane through the mean of the trained weights, 76 % of the start's
    displacement lay off the plane, and the loss on the plane at the projected start was 0.03 instead of the
    start's 2.43: every path would have been drawn starting in the valley.) :attr:`Landscape.explained` says
    what fraction of the paths the plane holds and :attr:`Landscape.off_plane` how far each point lies off it;
    the loss on the plane is the training set's. The grid covers every projected point, plus ``margin`` of
    the span on each side, and is evaluated on ``workers`` threads.

    >>> plane = landscape(train(["sgd", "adam"], iterations=20), resolution=5)
    >>> plane.loss.shape, plane.paths.shape, bool(0 < plane.explained.sum() <= 1)
    ((5, 5), (2, 3, 2), True)
    """
    resolution = _count("resolution", resolution, 3, 201, "grid points per side")
    origin = training.weights[0, 0]
    # A diverged network's records after its divergence are NaN: they take no part, and its path ends before.
    kept = ~np.isnan(training.weights[..., 0]).reshape(-1)
    moved = training.weights.reshape(-1, training.network.size)[kept] - origin
    # The principal directions through the small Gram matrix (one row per recorded point) rather than an SVD
    # of the tall matrix itself: 0.3 s against 7 s for the book's run.
    gram = moved @ moved.T
    variances, vectors = np.linalg.eigh(gram)
    total = float(np.trace(gram))
    top = [i for i in np.argsort(variances)[::-1][:2] if variances[i] > 1e-12 * total]
    directions = (moved.T @ vectors[:, top]).T / np.sqrt(variances[top])[:, None]
    directions *= np.sign(directions.sum(axis=1, keepdims=True))  # eigenvectors have no sign of their own
    directions = _two_directions(directions, training.network.size)
    explained = np.array([variances[i] / total for i in top] + [0.0] * (2 - len(top)))
    coordinates = np.full((len(kept), 2), np.nan)
    coordinates[kept] = moved @ directions.T
    distance = np.linalg.norm(moved, axis=1)
    residual = np.sqrt(np.maximum(distance**2 - np.sum(coordinates[kept] ** 2, axis=1), 0.0))
    off_plane = np.full(len(kept), np.nan)
    off_plane[kept] = np.divide(residual, distance, out=np.zeros_like(distance), where=distance > 0)
    paths = coordinates.reshape(*training.weights.shape[:2], 2)
    low, high = coordinates[kept].min(axis=0), coordinates[kept].max(axis=0)
    pad = np.where(high > low, margin * (high - low), 1.0)  # a path that never moved gets a unit around it
    a = np.linspace(low[0] - pad[0], high[0] + pad[0], resolution)
    b = np.linspace(low[1] - pad[1], high[1] + pad[1], resolution)
    grid = np.stack(np.meshgrid(a, b), axis=-1).reshape(-1, 2)
    loss = np.empty(len(grid))
    chunks = range(0, len(grid), LANDSCAPE_CHUNK)

    def evaluate(index: int) -> None:
        part = slice(chunks[index], chunks[index] + LANDSCAPE_CHUNK)
        points = origin + grid[part] @ directions
        loss[part] = training.network.losses(points, training.data.x_train, training.data.t_train)

    _on_threads(evaluate, len(chunks), workers)
    return Landscape(
        origin, directions, explained, a, b, loss.reshape(resolution, resolution), paths,
        off_plane.reshape(training.weights.shape[:2]),
    )  # fmt: skip


def _two_directions(found: np.ndarray, size: int) -> np.ndarray:
    """``found`` (0 to 2 orthonormal directions) completed to two with the first coordinate axes, made
    orthogonal to them: where the networks diverged before their weights were first recorded, or never
    moved, the recorded points span fewer than two directions, and the plane still needs two."""
    directions = list(found)
    for axis in range(size):
        if len(directions) == 2:
            break
        candidate = np.zeros(size)
        candidate[axis] = 1.0
        for direction in directions:
            candidate -= (candidate @ direction) * direction
        if np.linalg.norm(candidate) > 0.5:
            directions.append(candidate / np.linalg.norm(candidate))
    return np.array(directions)


@dataclass(frozen=True)
class Chapter:
    """The network chapter as its pictures show it: Figure 6-9's curves and the landscape of the paths.

    What :func:`chapter` keeps of a :class:`Training` and its :class:`Landscape`: everything but the weights
    themselves (60 MB per optimizer), so that it can be cached and read back in milliseconds.
    """

    optimizers: tuple[Optimizer, ...]
    iterations: int
    batch: int
    seed: int
    losses: np.ndarray  #: (O, T), as :attr:`Training.losses`
    accuracy_at: np.ndarray  #: (E,)
    test_accuracy: np.ndarray  #: (O, E)
    landscape: Landscape
    diverged_at: np.ndarray  #: (O,), as :attr:`Training.diverged_at`

    @property
    def smoothed(self) -> np.ndarray:
        """The losses through the book's :func:`smooth`, as Figure 6-9 draws them."""
        return smooth(self.losses)


def chapter(
    optimizers: Sequence[Optimizer | str] = BOOK_OPTIMIZERS,
    *,
    iterations: int = ITERATIONS,
    batch: int = BATCH,
    seed: int = 0,
    resolution: int = 31,
    cache: bool | str | Path = True,
) -> Chapter:
    """:func:`train` and :func:`landscape` with these settings, read from the cache when they were computed
    before by the same optim_core (``cache=True``: the per-user cache, see :mod:`optim_core._cache`; a path:
    that folder; ``False``: always computed). Figures and scenes of the chapter all call this, so that a
    whole article in three languages trains the networks once.

    >>> book = chapter(["sgd"], iterations=20, resolution=3, cache=False)
    >>> book.losses.shape, book.landscape.loss.shape
    ((1, 20), (3, 3))
    """
    from importlib.metadata import version

    from ._cache import cache_root, cached_arrays, content_key, engine_fingerprint

    optimizers = network_optimizers(optimizers)
    settings = [
        [(opt.name, opt.convention, {k: repr(v) for k, v in opt.hyperparams.items()}) for opt in optimizers],
        iterations, batch, seed, resolution, HIDDEN, np.__version__, version("scikit-learn"),
    ]  # fmt: skip

    def compute() -> dict[str, np.ndarray]:
        run = train(optimizers, iterations=iterations, batch=batch, seed=seed)
        plane = landscape(run, resolution=resolution)
        curves = {
            "losses": run.losses, "accuracy_at": run.accuracy_at, "test_accuracy": run.test_accuracy,
            "diverged_at": run.diverged_at,
        }  # fmt: skip
        return curves | {f"landscape_{name}": getattr(plane, name) for name in Landscape.__dataclass_fields__}

    if cache is False:
        arrays = compute()
    else:
        folder = cache_root() / "network" if cache is True else Path(cache)
        arrays = cached_arrays(folder / f"chapter-{content_key(settings)[:20]}.npz", engine_fingerprint(), compute)
    plane = Landscape(**{name: arrays[f"landscape_{name}"] for name in Landscape.__dataclass_fields__})
    return Chapter(
        optimizers, iterations, batch, seed, arrays["losses"], arrays["accuracy_at"], arrays["test_accuracy"], plane,
        arrays["diverged_at"],
    )  # fmt: skip
