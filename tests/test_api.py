"""The Python API as a notebook user meets it: bad arguments, the defaults that differ from the command line, the
plain-text listing, and figures that look the same inline as in the command line's file."""

import re

import numpy as np
import pytest

import optim_core as oc
from figures.listing import describe
from figures.plain_maths import plain_maths

BOWL = oc.get_function("bowl")
SGD = oc.get_optimizer("sgd")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: oc.run(SGD, "bowl"),
            r"f must be a Function .* got str 'bowl'; make one with oc.get_function\('bowl'\)",
        ),
        (lambda: oc.run(SGD, "x**2 + y**2"), r"got str 'x\*\*2 \+ y\*\*2'; make one with oc.get_function"),
        (lambda: oc.run(SGD, None), r"f must be a Function from oc.get_function, got NoneType None$"),
        (lambda: oc.run(SGD, BOWL.value), r"f must be a Function from oc.get_function, got method"),
        (
            lambda: oc.run("sgd", BOWL),
            r"opt must be an Optimizer .* got str 'sgd'; make one with oc.get_optimizer\('sgd'\)",
        ),
        (lambda: oc.run("adam:lr=0.3", BOWL), r"make one with oc.parse_optimizer\('adam:lr=0.3'\)"),
        (lambda: oc.run(oc.book.sgd, BOWL), r"opt must be an Optimizer .* got function"),
        (lambda: oc.run(BOWL, SGD), r"run takes the optimizer first, then the function"),
        (lambda: oc.run(SGD, BOWL, start=[1 + 2j, 0]), r"start must be a pair"),
        (lambda: oc.run(SGD, BOWL, start={"x": 1}), r"start must be a pair"),
        (lambda: oc.run(SGD, BOWL, steps="10"), r"steps must be a whole number >= 1, got '10'"),
        (lambda: oc.run(SGD, BOWL, steps=None), r"steps must be a whole number >= 1, got None"),
        (lambda: oc.run(SGD, BOWL, bound="big"), r"bound must be a number > 0 .* got str 'big'"),
        (lambda: oc.run(SGD, BOWL, bound=-1.0), r"bound must be a number > 0"),
        (lambda: oc.run(SGD, BOWL, bound=float("nan")), r"bound must be a number > 0"),
        (lambda: oc.get_optimizer(None), r"optimizer .* name must be a string, got NoneType"),
        (lambda: oc.get_optimizer("sgd", lr=None), r"lr must be a number"),
        (lambda: oc.get_optimizer("momentum", function="bowl"), r"use oc.parse_optimizer\('momentum', function\)"),
    ],
)
def test_bad_arguments_get_one_line_naming_what_to_pass(call, message):
    with pytest.raises(oc.OptvizError, match=message) as error:
        call()
    assert "\n" not in str(error.value)


def test_every_hyperparameter_of_the_wrong_type_is_an_optviz_error():
    """No TypeError or AttributeError leaks out of get_optimizer, whatever a hyperparameter is given as."""
    wrong = [None, "0.1", [], [[0.1]], {"a": 1}, object(), 1 + 1j, (0.1, "a"), np.array(["x"]), float("nan")]
    for convention in oc.CONVENTIONS:
        for name in oc.optimizer_names(convention):
            for key in oc.defaults(name, convention):
                for value in wrong:
                    try:
                        oc.get_optimizer(name, convention=convention, **{key: value})
                    except oc.OptvizError as error:
                        assert "\n" not in str(error)


def test_get_optimizer_keeps_the_books_defaults_and_parse_optimizer_gives_the_command_lines():
    assert {name: oc.get_optimizer(name).hyperparams["lr"] for name in ("sgd", "momentum", "adagrad", "adam")} == {
        "sgd": 0.01,
        "momentum": 0.01,
        "adagrad": 0.01,
        "adam": 0.001,
    }
    assert oc.parse_optimizer("momentum").hyperparams["lr"] == 0.1  # optviz figure -O momentum, on the bowl
    assert oc.parse_optimizer("momentum", "rosenbrock").hyperparams["lr"] == 0.001
    assert oc.parse_optimizer("momentum", oc.get_function("rosenbrock")).hyperparams["lr"] == 0.001
    assert "parse_optimizer" in oc.get_optimizer.__doc__ and "0.1 for Momentum" in oc.get_optimizer.__doc__


def test_list_prints_every_rule_and_formula_as_plain_text():
    listing = describe()
    assert not re.search(r"[\\{}]|\^|_[^a-z]", listing), "LaTeX left in optviz list"
    assert "v ← αv − η ∂L/∂W" in listing  # Momentum
    assert "W ← W − η 1/√h ∂L/∂W" in listing  # AdaGrad
    assert "h ← h + ∂L/∂W ⊙ ∂L/∂W" in listing
    assert "W ← W − η m̂/(√v̂ + ε)" in listing  # Adam
    assert "f(x, y) = (1 − x)² + 100 (y − x²)²" in listing  # Rosenbrock


def test_every_registered_rule_has_a_plain_form():
    """A rule added with a command plain_maths does not know fails here, not as raw LaTeX in optviz list."""
    for name, info in oc.INFO.items():
        assert "\\" not in plain_maths(info.latex), name
    for name in oc.function_names():
        assert "\\" not in plain_maths(oc.get_function(name).latex), name


@pytest.mark.parametrize(
    ("latex", "plain"),
    [
        (r"\frac{\eta}{1-\beta_1^t} \frac{m}{u}", "η/(1−β₁ᵗ) m/u"),
        (r"\left(\frac{\partial L}{\partial W}\right)^2", "(∂L/∂W)²"),
        (r"\frac{\sqrt{u + \epsilon}}{\sqrt{v + \epsilon}} g", "√(u + ε)/√(v + ε) g"),
        (r"\mu_{t+1} \hat m", "μₜ₊₁ m̂"),
        (r"x^{ab}", "x^(ab)"),
        (r"\eta\, \mathrm{sign}\big(m\big)", "η sign(m)"),
        (r"\theta = 30^\circ", "θ = 30°"),
    ],
)
def test_plain_maths_reads_the_latex_optim_core_writes(latex, plain):
    assert plain_maths(latex) == plain


@pytest.mark.parametrize("latex", [r"\gamma x", r"\frac{1}{2", r"\hat{mv}", r"\frac{1}"])
def test_plain_maths_refuses_what_it_cannot_write(latex):
    with pytest.raises(ValueError):
        plain_maths(latex)


def test_list_says_which_defaults_differ_from_the_command_line():
    listing = describe("optimizers")
    assert "  momentum  Momentum  #0072B2  lr=0.01, momentum=0.9  (-O momentum: lr=0.1)" in listing
    assert "(-O adam: lr=0.3)" in listing
    assert "oc.get_optimizer" in listing and "oc.parse_optimizer" in listing
    torch = listing[listing.index("torch convention") :]
    assert "(-O" not in torch  # a torch-convention SPEC takes torch's own defaults
