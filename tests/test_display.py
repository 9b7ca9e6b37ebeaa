"""How optimizers are shown: one palette, names that follow the hyperparameters, series that never share a colour."""

import pytest

import optim_core as oc
from optim_core.spec import BOOK_FOUR, FUNCTION_LR, parse_optimizer


def test_the_books_six_have_distinct_colours_from_the_palette():
    colours = [oc.INFO[name].color for name in oc.optimizer_names("book") if name != "lion"]
    assert len(set(colours)) == len(colours) == 6
    assert all(info.color in oc.PALETTE for info in oc.INFO.values())


def test_sgd_and_adam_are_not_both_orange():
    assert {oc.INFO["sgd"].color, oc.INFO["adam"].color} == {"#D55E00", "#CC79A7"}


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


def test_legend_lists_only_what_differs_and_the_convention_when_mixed():
    same_lr = oc.series(
        [parse_optimizer(s) for s in ("sgd:lr=0.1,momentum=0.9,convention=torch", "sgd:lr=0.1,convention=torch")]
    )
    assert [s.label for s in same_lr] == ["SGD + momentum (momentum=0.9)", "SGD (momentum=0)"]
    mixed = oc.series([parse_optimizer("adam:lr=0.3"), parse_optimizer("adam:lr=0.3,convention=torch")])
    assert [s.label for s in mixed] == ["Adam (book)", "Adam (torch)"]
    assert [s.label for s in oc.series([parse_optimizer(s) for s in BOOK_FOUR])] == [
        "SGD (lr=0.95)",
        "Momentum (lr=0.1)",
        "AdaGrad (lr=1.5)",
        "Adam (lr=0.3)",
    ]


def test_no_two_series_share_a_colour_or_a_marker():
    looks = oc.series([parse_optimizer(f"sgd:lr={lr}") for lr in (0.1, 0.95, 1.02)])
    assert looks[0].color == oc.INFO["sgd"].color
    assert len({s.color for s in looks}) == 3 and len({s.marker for s in looks}) == 3


def test_spec_label_and_color_win():
    looks = oc.series([parse_optimizer("sgd:lr=0.1,label=too soft,color=#123abc"), parse_optimizer("sgd:lr=0.5")])
    assert looks[0].label == "too soft" and looks[0].color == "#123ABC"
    assert looks[1].color == oc.INFO["sgd"].color


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


def test_series_beyond_the_palette_take_a_new_round_with_shifted_markers():
    """Seven series get seven colours; more (a table of many runs) reuse them, each colour with another marker."""
    looks = oc.series([oc.get_optimizer("sgd", lr=0.05 * k) for k in range(1, 16)])
    assert len({look.color for look in looks[:7]}) == 7
    assert len({look.label for look in looks}) == 15
    assert len({(look.color, look.marker) for look in looks}) == 15
    assert looks[7].color == looks[0].color and looks[7].marker != looks[0].marker


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


def test_other_conventions_and_expressions_take_the_optimizers_own_default():
    assert parse_optimizer("adam:convention=torch", "rosenbrock").hyperparams["lr"] == 0.001
    assert parse_optimizer("adam", "x**2 + y**2").hyperparams["lr"] == oc.defaults("adam")["lr"]


def test_labels_in_another_language():
    looks = oc.series(
        [parse_optimizer("sgd:lr=0.5"), parse_optimizer("sgd:lr=0.95,convention=torch")],
        number=lambda v: f"{v:g}".replace(".", ","),
        words={"lr": "Lernrate", "book": "Buch"},
    )
    assert [s.label for s in looks] == ["SGD (Lernrate=0,5, Buch)", "SGD (Lernrate=0,95, torch)"]
