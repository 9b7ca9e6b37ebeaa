"""``optviz list``: what there is, with defaults and formulas, in plain text (no LaTeX).

>>> for line in describe("optimizers").splitlines()[3:6]:
...     print(line)
  momentum  Momentum  #0072B2  lr=0.01, momentum=0.9  (-O momentum: lr=0.1)
            v ← αv − η ∂L/∂W
            W ← W + v
"""

from __future__ import annotations

import optim_core as oc
from optim_core.spec import FUNCTION_LR, RATE_STEPS, RATES, default_lr, function_family

from .plain_maths import plain_maths

INDENT = " " * 12


def rule_lines(info: oc.OptimizerInfo) -> list[str]:
    r"""An update rule as plain text, one equation a line (the LaTeX sets them apart with ``\qquad``)."""
    return [plain_maths(equation) for equation in info.latex.split(r"\qquad")]


def describe(what: str | None = None) -> str:
    lines: list[str] = []
    if what in (None, "optimizers"):
        for convention in oc.CONVENTIONS:
            lines.append(f"optimizers ({convention} convention{', the default' if convention == 'book' else ''}):")
            for name in oc.optimizer_names(convention):
                info = oc.INFO[name]
                hyper = ", ".join(f"{k}={v}" for k, v in oc.defaults(name, convention).items())
                rate = default_lr(name, convention)  # on the command line's default function
                spec = f"  (-O {name}: lr={rate:g})" if rate is not None else ""
                lines.append(f"  {name:<9} {info.display_name:<9} {info.color}  {hyper}{spec}")
                lines.extend(INDENT + line for line in rule_lines(info))
        lines.append("These defaults are what oc.get_optimizer takes: the book's classes' (lr 0.01, Adam 0.001) and")
        lines.append("torch's. A book-convention SPEC without lr (optviz figure -O momentum; oc.parse_optimizer in")
        lines.append("Python) takes its function's rate instead: in brackets for the default function, for the")
        lines.append("others in optviz list functions.")
    if what in (None, "functions"):
        lines.append("functions (or any expression in x and y):")
        for name in oc.function_names():
            f = oc.get_function(name)
            lines.append(f"  {name:<11} start {f.start}  {plain_maths(f.latex)}")
            rates = FUNCTION_LR.get(function_family(f))
            if rates:
                lines.append(
                    INDENT + "lr without one in the SPEC: " + ", ".join(f"{k} {v:g}" for k, v in rates.items())
                )
        lines.append("A book-convention SPEC without lr takes the rate listed under its function (the bowl's are")
        lines.append(f"the book's), or for an expression the one of {RATES[0]:g} to {RATES[-1]:g} that gets lowest in")
        lines.append(f"{RATE_STEPS} steps; the torch convention and oc.get_optimizer take the optimizer's own default.")
    return "\n".join(lines)
