"""Output folders that ``optviz figure`` and ``optviz export`` create, as ``optviz article`` creates its own."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def parent_folders(path: Path) -> Iterator[Path]:
    """Create the folders missing above ``path`` for the block that writes it; should the block fail (or be
    interrupted), remove again the ones it created, so that nothing is left behind but the finished file.

    Check the input first (:func:`figures._checks.check_creatable_parent`): a usage error then creates nothing.
    """
    missing = [folder for folder in Path(path).absolute().parents if not folder.exists()]
    for folder in reversed(missing):
        folder.mkdir()
    try:
        yield Path(path)
    except BaseException:
        for folder in missing:  # deepest first
            with contextlib.suppress(OSError):  # not empty: something else was written there meanwhile
                folder.rmdir()
        raise
