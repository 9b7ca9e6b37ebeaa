"""``optviz list``: what there is, with defaults and formulas."""

from __future__ import annotations

import optim_core as oc


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
    return "\n".join(lines)
