"""``python -m optim_core``: the book's four optimizers on the bowl, as a plain-text table."""

from __future__ import annotations

from . import BOOK_COMPARISON, get_function, get_optimizer, run

TOL = 1e-6
STEPS = 1000


def comparison_table(steps: int = STEPS, tol: float = TOL) -> str:
    """Steps to reach f < tol from the bowl's start (-7, 2), and the final point, per optimizer."""
    f = get_function("bowl")
    lines = [
        f"f(x, y) = {f.expression}, start {f.start}, {steps} steps, tolerance f < {tol:g}",
        f"{'optimizer':<10} {'lr':>5} {'steps to tol':>13} {'final x':>12} {'final y':>12} {'final f':>10}",
    ]
    for name, lr in BOOK_COMPARISON.items():
        t = run(get_optimizer(name, lr=lr), f, steps=steps)
        reached = int(t.steps_to(tol))
        x, y = t.positions[-1]
        shown = str(reached) if reached >= 0 else "never"
        lines.append(
            f"{t.optimizer.info.display_name:<10} {lr:>5g} {shown:>13} {x:>12.3e} {y:>12.3e} {t.values[-1]:>10.2e}"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    print(comparison_table())
