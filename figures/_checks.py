"""Checks of user input that need no plotting library, so that bad input fails fast and writes nothing."""

from __future__ import annotations

import os
from pathlib import Path

from optim_core import OptvizError

from .kinds import STILL_FORMATS

THEME_NAMES = ("light", "dark", "transparent")


def check_theme(theme: str) -> str:
    if theme not in THEME_NAMES:
        raise OptvizError(f"unknown theme {theme!r} (valid: {', '.join(THEME_NAMES)})")
    return theme


def output_format(path: Path, allowed: tuple[str, ...] = STILL_FORMATS) -> str:
    """The format named by ``path``'s suffix, which must be one of ``allowed``."""
    fmt = Path(path).suffix.lower().lstrip(".")
    if fmt not in allowed:
        shown = Path(path).suffix or "(none)"
        raise OptvizError(
            f"unknown output suffix {shown!r} for {Path(path).name!r} (valid: {', '.join('.' + a for a in allowed)})"
        )
    return fmt


def check_writable_parent(path: Path) -> None:
    """The folder ``path`` goes into exists and is writable."""
    check_writable_directory(Path(path).resolve().parent)


def check_creatable_parent(path: Path) -> None:
    """``path`` is not a folder, and the folder it goes into is writable, or can be created
    (:func:`figures._folders.parent_folders`): its nearest existing ancestor is a writable directory."""
    if Path(path).is_dir():
        raise OptvizError(
            f"output {str(path)!r} is a folder; give a file name in it, such as {str(Path(path) / 'figure.png')!r}"
        )
    parent = Path(path).absolute().parent
    existing = next(folder for folder in (parent, *parent.parents) if folder.exists())
    if existing != parent and not existing.is_dir():
        raise OptvizError(f"output directory {str(parent)!r} cannot be created: {str(existing)!r} is a file")
    check_writable_directory(existing)


def check_writable_directory(directory: Path) -> None:
    if not Path(directory).exists():
        raise OptvizError(f"output directory {str(directory)!r} does not exist")
    if not Path(directory).is_dir():
        raise OptvizError(f"output directory {str(directory)!r} is not a directory")
    if not os.access(directory, os.W_OK):
        raise OptvizError(f"output directory {str(directory)!r} is not writable")
