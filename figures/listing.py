"""``optviz list``: what there is, with defaults and formulas."""

from __future__ import annotations

import optim_core as oc
from optim_core.spec import FUNCTION_LR, function_family


def describe(what: str | None = None) -> str:
    lines: list[str] = []
    if what in (None, "optimizers"):
        for convention in oc.CONVENTIONS:
            lines.append(f"optimizers ({convention} convention{', the default' if convention == 'book' else ''}):")
            for name in oc.optimizer_names(convention):
                info = oc.INFO[name]
                hyper = ", ".join(f"{k}={v}" for k, v in oc.defaults(name, convention).items())
                lines.append(f"  {name:<9} {info.display_name:<9} {info.color}  {hyper}")
                lines.append(f"            {info.latex}")
    if what in (None, "functions"):
        lines.append("functions (or any expression in x and y):")
        for name in oc.function_names():
            f = oc.get_function(name)
            lines.append(f"  {name:<11} start {f.start}  {f.latex}")
            rates = FUNCTION_LR.get(function_family(f))
            if rates:
                lines.append(
                    "            lr without one in the SPEC: " + ", ".join(f"{k} {v:g}" for k, v in rates.items())
                )
        lines.append("A book-convention SPEC without lr takes the rate listed under its function (the bowl's are")
        lines.append("the book's); custom expressions and the torch convention take the optimizer's own default.")
    return "\n".join(lines)
