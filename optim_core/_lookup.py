"""Case-insensitive name lookup with a suggestion for near misses."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from typing import TypeVar

from ._errors import OptvizError

T = TypeVar("T")


def unknown_name(kind: str, name: str, valid: Iterable[str], hint: str = "") -> OptvizError:
    """An error naming ``name``, the valid choices and the nearest one."""
    valid = sorted(valid)
    shown = str(name) if len(str(name)) <= 40 else str(name)[:37] + "..."
    message = f"unknown {kind} {shown!r}"
    nearest = difflib.get_close_matches(str(name).lower(), valid, n=1, cutoff=0.6)
    if nearest:
        message += f"; did you mean {nearest[0]!r}?"
    return OptvizError(f"{message} (valid: {', '.join(valid)}{hint})")


def lookup(kind: str, name: str, table: Mapping[str, T], hint: str = "") -> T:
    """``table[name.lower()]``, or an :class:`OptvizError` that lists the valid keys."""
    if not isinstance(name, str):
        raise OptvizError(f"{kind} name must be a string, got {type(name).__name__}")
    try:
        return table[name.strip().lower()]
    except KeyError:
        raise unknown_name(kind, name, table, hint) from None
