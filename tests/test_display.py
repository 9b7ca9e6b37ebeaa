"""How optimizers are shown: one palette, a colour per optimizer, names and labels that follow the hyperparameters,
and functions whose window, levels, rates and steps fit them."""

import warnings

import numpy as np
import pytest

import optim_core as oc
from optim_core.spec import BOOK_FOUR, FUNCTION_LR, fitting_lr, parse_function, parse_optimizer


def test_the_book_conventions_optimizers_have_distinct_colours_from_the_palette():
    """Lion used to share AdaGrad's green."""
    colours = [oc.INFO[name].color for name in oc.optimizer_names("book")]
    assert len(set(colours)) == len(colours) == 7
    assert all(info.color in oc.PALETTE for info in oc.INFO.values())


def test_sgd_and_adam_are_not_both_orange():
    assert {oc.INFO["sgd"].color, oc.INFO["adam"].color} == {"#D55E00", "#CC79A7"}


#: Machado, Oliveira and Fernandes (2009) at full severity, on linear RGB.
DEFICIENCIES = {
    "protanopia": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
    "deuteranopia": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
    "tritanopia": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
}


def _linear(colour: str) -> np.ndarray:
    srgb = np.array([int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)])
    return np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)


def _lab(linear: np.ndarray) -> np.ndarray:
    to_xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
    t = to_xyz @ np.clip(linear, 0, 1) / np.array([0.95047, 1.0, 1.08883])
    f = np.where(t > 216 / 24389, np.cbrt(t), (24389 / 27 * t + 16) / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def _contrast(colour: str, background: str) -> float:
    luminance = sorted(float(np.dot([0.2126, 0.7152, 0.0722], _linear(c))) for c in (colour, background))
    return (luminance[1] + 0.05) / (luminance[0] + 0.05)


@pytest.mark.parametrize("deficiency", ["normal", *DEFICIENCIES])
def test_lions_violet_stays_apart_from_the_palette_for_colour_blind_readers(deficiency):
    """Lion's colour is at least as far (CIELAB) from each of Okabe and Ito's seven, as a colour-blind reader
    sees them, as those are from each other."""
    simulate = np.array(DEFICIENCIES.get(deficiency, np.eye(3)))
    seen = {colour: _lab(simulate @ _linear(colour)) for colour in oc.PALETTE}
    okabe_ito = oc.PALETTE[:7]
    closest_pair = min(np.linalg.norm(seen[a] - seen[b]) for a in okabe_ito for b in okabe_ito if a < b)
    lion = oc.INFO["lion"].color
    assert min(np.linalg.norm(seen[lion] - seen[other]) for other in okabe_ito) >= closest_pair


def test_lions_violet_is_legible_on_the_light_and_the_dark_theme():
    for background in ("#FFFFFF", "#16181D"):  # figures/output.py's light and dark backgrounds
        assert _contrast(oc.INFO["lion"].color, background) >= 3.0, background


@pytest.mark.parametrize(
    ("spec", "name", "rule_of"),
    [
        ("sgd:lr=0.1,convention=torch", "SGD", "sgd"),
        ("sgd:lr=0.1,momentum=0.9,convention=torch", "SGD + momentum", "momentum"),
        ("sgd:lr=0.1,momentum=0.9,nesterov=true,convention=torch", "SGD + Nesterov", "nesterov"),
        ("adam:amsgrad=true,convention=torch", "Adam + AMSGrad", "adam"),
        ("rmsprop:centered=true,convention=torch", "centered RMSprop", "rmsprop"),
        ("nadam:decoupled_weight_decay=true,convention=torch", "NAdamW", "nadam"),
        ("adamw:convention=torch", "AdamW", "adamw"),
    ],
)
def test_name_and_rule_follow_the_hyperparameters(spec, name, rule_of):
    info = parse_optimizer(spec).info
    assert info.display_name == name
    assert info.terms == oc.INFO[rule_of].terms


def test_rule_terms_carry_the_colours_of_their_ideas():
    terms = {term.latex: term.color for term in oc.INFO["momentum"].terms if term.color}
    assert terms == {
        r"\alpha v": oc.INFO["momentum"].color,
        r"- \eta \frac{\partial L}{\partial W}": oc.INFO["sgd"].color,
    }


def test_labels_name_every_setting_that_is_not_its_default_in_the_books_symbols():
    """ "Momentum (lr=2)" hid α = 0.95; now every label says η, and every other setting not at its default."""
    assert [s.label for s in oc.series([parse_optimizer("momentum:momentum=0.95,lr=2")])] == ["Momentum (η=2, α=0.95)"]
    assert [s.label for s in oc.series([parse_optimizer(s) for s in BOOK_FOUR])] == [
        "SGD (η=0.95)",
        "Momentum (η=0.1)",
        "AdaGrad (η=1.5)",
        "Adam (η=0.3)",
    ]
    settings = oc.series([parse_optimizer("momentum"), parse_optimizer("momentum:momentum=0.5")])
    assert [s.label for s in settings] == ["Momentum (η=0.1, α=0.9)", "Momentum (η=0.1, α=0.5)"]
    pair = oc.series([parse_optimizer("adam:convention=torch,betas=0.95/0.999,eps=1e-6")])
    assert pair[0].label == "Adam (η=0.001, β1=0.95, ε=1e-06)"  # a pair is split: only β1 left its default


def test_a_switch_is_named_once_and_conventions_when_mixed():
    same_lr = oc.series(
        [parse_optimizer(s) for s in ("sgd:lr=0.1,momentum=0.9,convention=torch", "sgd:lr=0.1,convention=torch")]
    )
    assert [s.label for s in same_lr] == ["SGD + momentum (η=0.1, α=0.9)", "SGD (η=0.1, α=0)"]
    switches = [
        parse_optimizer(s) for s in ("rmsprop:centered=true,convention=torch", "sgd:maximize=true,convention=torch")
    ]
    assert [s.label for s in oc.series(switches)] == ["centered RMSprop (η=0.01)", "SGD (η=0.001, maximize)"]
    mixed = oc.series([parse_optimizer("adam:lr=0.3"), parse_optimizer("adam:lr=0.3,convention=torch")])
    assert [s.label for s in mixed] == ["Adam (η=0.3, book)", "Adam (η=0.3, torch)"]


def test_colour_belongs_to_the_optimizer_and_lines_tell_its_series_apart():
    """The new user's overlay: SGD and Momentum from two starts each painted SGD's second path blue and
    Momentum green and pink; two Momentum settings were painted SGD's vermillion."""
    sgd, momentum = oc.INFO["sgd"].color, oc.INFO["momentum"].color
    four = oc.series([parse_optimizer(s) for s in ("sgd", "sgd", "momentum", "momentum")])
    assert [s.color for s in four] == [sgd, sgd, momentum, momentum]
    assert four[0].linestyle == four[2].linestyle == "-"
    assert four[1].linestyle == four[3].linestyle != "-"  # the second start is drawn alike for both
    assert len({s.marker for s in four}) == 4  # greyscale print tells all four apart
    two = oc.series([parse_optimizer("momentum:momentum=0.9"), parse_optimizer("momentum:momentum=0.5")])
    assert [s.color for s in two] == [momentum, momentum] and two[0].linestyle != two[1].linestyle


def test_an_optimizers_colour_is_the_same_on_every_picture():
    rng = np.random.default_rng(7)
    names = list(oc.optimizer_names("book"))
    for _ in range(50):
        picked = [str(name) for name in rng.choice(names, size=int(rng.integers(1, 8)))]
        looks = oc.series([oc.get_optimizer(name) for name in picked])
        assert [s.color for s in looks] == [oc.INFO[name].color for name in picked], picked
        lines: dict[str, list] = {}
        for look in looks:
            lines.setdefault(look.color, []).append(look.linestyle)
        assert all(len(set(map(str, styles))) == len(styles) for styles in lines.values()), picked


def test_spec_label_and_color_win():
    looks = oc.series([parse_optimizer("sgd:lr=0.1,label=too soft,color=#123abc"), parse_optimizer("sgd:lr=0.5")])
    assert looks[0].label == "too soft" and looks[0].color == "#123ABC"
    assert looks[1].color == oc.INFO["sgd"].color and looks[1].linestyle == "-"  # the only vermillion series


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("sgd:color=reddish", "color 'reddish' is not a colour; give #RRGGBB or one of: vermillion"),
        ("sgd:label=", "label must not be empty"),
    ],
)
def test_bad_style_values_are_named(spec, message):
    with pytest.raises(oc.OptvizError, match=message):
        parse_optimizer(spec)


def test_a_table_of_many_runs_labels_each_one():
    """Seven series get seven markers and seven lines; more (a table of many runs) keep distinct labels."""
    looks = oc.series([oc.get_optimizer("sgd", lr=0.05 * k) for k in range(1, 16)])
    assert len({(look.marker, str(look.linestyle)) for look in looks[:7]}) == 7
    assert len({look.label for look in looks}) == 15
    assert {look.color for look in looks} == {oc.INFO["sgd"].color}


def test_labels_in_another_language():
    looks = oc.series(
        [parse_optimizer("momentum:lr=0.5,momentum=0.5"), parse_optimizer("sgd:lr=0.95,convention=torch")],
        number=lambda v: f"{v:g}".replace(".", ","),
        words={"book": "Buch", "lr": "Lernrate"},
        separator="; ",
    )
    assert [s.label for s in looks] == ["Momentum (Lernrate=0,5; α=0,5; Buch)", "SGD (Lernrate=0,95; α=0; torch)"]


def test_functions_carry_their_view_and_levels():
    bowl = oc.get_function("bowl")
    assert bowl.frame() == ((-10.0, 10.0), (-10.0, 10.0)) and bowl.frame(wide=True) == ((-10.0, 10.0), (-5.0, 5.0))
    for name in oc.function_names():
        levels = oc.get_function(name).contour_levels(10)
        assert len(levels) >= 8 and (levels[1:] > levels[:-1]).all()


@pytest.mark.parametrize("function", sorted(FUNCTION_LR))
def test_default_rates_suit_each_function(function):
    """A SPEC without lr takes a rate that descends and stays in the picture (momentum on Rosenbrock used to
    take the bowl's 0.1 and diverge at step 3)."""
    f = oc.get_function(function)
    (x0, x1), (y0, y1) = f.window
    for name in FUNCTION_LR[function]:
        opt = parse_optimizer(name, f)
        assert opt.hyperparams["lr"] == FUNCTION_LR[function][name]
        t = oc.run(opt, f, steps=150)
        inside = (t.positions[:, 0] >= x0) & (t.positions[:, 0] <= x1) & (t.positions[:, 1] >= y0)
        assert not t.diverged and inside.all() and (t.positions[:, 1] <= y1).all(), name
        assert t.values[-1] < t.values[0], name


@pytest.mark.parametrize("function", sorted(set(FUNCTION_LR) - {"bowl", "quadratic"}))
def test_the_rule_that_picks_a_typed_expressions_rate_picked_the_built_ins(function):
    f = oc.get_function(function)
    assert {name: fitting_lr(name, f) for name in FUNCTION_LR[function]} == FUNCTION_LR[function]


def test_the_torch_convention_takes_the_optimizers_own_default():
    assert parse_optimizer("adam:convention=torch", "rosenbrock").hyperparams["lr"] == 0.001
    assert parse_optimizer("adam:convention=torch", "x**2 + y**2").hyperparams["lr"] == 0.001


WELLS = "x**4 - x**2 + y**2"  # two minima at (±1/√2, 0), a saddle between them; f(minimum) = -1/4


def test_a_typed_expression_finds_its_critical_points_and_fits_its_window_to_them_and_its_start():
    """The new user's expression kept a ±10 window: its two wells, a unit apart, were a dot in the middle."""
    f = parse_function(WELLS, [(-1.5, 1.0)])
    assert f.start == (-1.5, 1.0)
    np.testing.assert_allclose(f.minima, [(-(0.5**0.5), 0.0), (0.5**0.5, 0.0)], atol=1e-5)
    assert (0.0, 0.0) in f.landmarks  # the saddle
    (x0, x1), (y0, y1) = f.window
    assert x0 <= -1.5 and x1 >= 0.71 and y0 < 0 < 1 < y1
    assert max(x1 - x0, y1 - y0) <= 5
    assert parse_function(WELLS, [(-1.5, 1.0)]) is f  # parsed once
    assert parse_function("(x-3)**2 + (y+20)**2").window[1][0] <= -20  # a minimum far from the origin


def test_a_typed_expression_below_zero_keeps_its_contours():
    """Its levels fell below zero onto a log colour scale: the lines there were masked with a UserWarning."""
    f = parse_function(WELLS, [(-1.5, 1.0)])
    levels = f.contour_levels()
    assert levels[0] < -0.2 and (np.diff(levels) > 0).all()
    assert np.diff(levels)[0] < np.diff(levels)[-1]  # rings close around the wells, as around a built-in's minimum


def test_a_typed_expression_takes_the_rate_the_same_rule_picks():
    f = parse_function(WELLS, [(-1.5, 1.0)])
    rates = {name: parse_optimizer(name, f).hyperparams["lr"] for name in ("sgd", "momentum", "adagrad", "adam")}
    assert rates == {name: fitting_lr(name, f) for name in rates}
    for name, rate in rates.items():
        t = oc.run(oc.get_optimizer(name, lr=rate), f, f.start, 150)
        assert t.values[-1] < -0.2, name  # into a well
    assert parse_optimizer("sgd:lr=0.01", f).hyperparams["lr"] == 0.01


def test_default_steps_tell_each_functions_story():
    """Rosenbrock ran the bowl's 29 steps at lr 0.001: SGD's path was a blob at the start."""
    f = oc.get_function("rosenbrock")
    steps = round(29 * f.steps_factor)
    t = oc.run(parse_optimizer("sgd", f), f, steps=steps)
    assert np.linalg.norm(t.positions[-1] - t.positions[0]) > 1.5  # half way along the valley
    assert oc.get_function("bowl").steps_factor == 1.0


@pytest.mark.parametrize("expression", ["x + y", "x**2", "sin(x) + sin(y)", "abs(x) + y**2", "exp(exp(x)) + y**2"])
def test_finding_critical_points_is_quiet_and_quick_for_any_expression(expression):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        f = parse_function(expression, [(-7.0, 2.0)])
    (x0, x1), (y0, y1) = f.window
    assert x0 < -7 < x1 and y0 < 2 < y1 and len(f.landmarks) <= 64
