"""What a scene shows, read in one documented way: environment variables, each optional.

| variable | meaning | example |
|---|---|---|
| ``OPTVIZ_FUNCTION`` | built-in name, ``quadratic:condition=K,angle=DEG`` or an expression | ``rosenbrock`` |
| ``OPTVIZ_OPTIMIZERS`` | optimizer SPECs separated by ``;`` (as ``optviz figure --optimizer``) | ``adam:lr=0.2;sgd`` |
| ``OPTVIZ_START`` | ``X,Y`` | ``-7,2`` |
| ``OPTVIZ_STEPS`` | updates to animate, 1 to 500 | ``40`` |
| ``OPTVIZ_LANG`` | ``en``, ``de`` or ``ja`` (any case) | ``de`` |

Unset variables take the book's numbers. ``optviz render`` sets them from its options.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import optim_core as oc
from catalog import LANGUAGES
from optim_core.spec import parse_function, parse_optimizer, parse_pair

MAX_STEPS = 500


@dataclass(frozen=True)
class Settings:
    function: oc.Function
    optimizers: tuple[oc.Optimizer, ...]
    start: tuple[float, float] | None
    steps: int
    lang: str

    def run(self, opt: oc.Optimizer, steps: int | None = None) -> oc.Trajectory:
        return oc.run(opt, self.function, self.start, steps or self.steps)


def read_settings(default_optimizers: tuple[str, ...], default_steps: int, environ=os.environ) -> Settings:
    """The scene's settings; every bad value is an :class:`optim_core.OptvizError` naming the variable."""
    specs = environ.get("OPTVIZ_OPTIMIZERS")
    specs = tuple(s for s in specs.split(";") if s.strip()) if specs else default_optimizers
    steps_text = environ.get("OPTVIZ_STEPS")
    try:
        steps = int(steps_text) if steps_text else default_steps
    except ValueError:
        raise oc.OptvizError(f"OPTVIZ_STEPS must be a whole number from 1 to {MAX_STEPS}, got {steps_text!r}") from None
    if not 1 <= steps <= MAX_STEPS:
        raise oc.OptvizError(f"OPTVIZ_STEPS must be a whole number from 1 to {MAX_STEPS}, got {steps}")
    lang = environ.get("OPTVIZ_LANG", "en").strip().lower()  # DE as de, as optviz --lang takes it
    if lang not in LANGUAGES:
        raise oc.OptvizError(f"OPTVIZ_LANG must be one of {', '.join(LANGUAGES)}, got {lang!r}")
    start = environ.get("OPTVIZ_START")
    function = parse_function(environ.get("OPTVIZ_FUNCTION", "bowl"))
    return Settings(
        function=function,
        optimizers=tuple(parse_optimizer(spec, function) for spec in specs),  # without lr: the function's rate
        start=parse_pair("OPTVIZ_START", start, "X,Y such as -7,2") if start else None,
        steps=steps,
        lang=lang,
    )
