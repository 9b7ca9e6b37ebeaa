"""Content hashes, and a per-user cache of arrays that take seconds to compute (the network chapter).

``optviz article``, ``optviz lecture`` and the scenes all read what the network chapter computed: the figures'
jobs and the scene's render each run in a process of their own, so without a cache every one of them would
train the four networks again. The cache lives with the lecture's scene renders, in ``$OPTVIZ_CACHE``, else
``$XDG_CACHE_HOME/optviz`` or ``~/.cache/optviz``. An entry is a NumPy ``.npz`` named by the hash of its
settings and stamped with the hash of optim_core's source: changed source replaces the entry, so the cache
holds one entry per setting and does not grow with edits.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import numpy as np

#: What counts as source: code, settings, and the explorable page's own HTML, script and style sheet.
SOURCE_SUFFIXES = (".py", ".toml", ".mplstyle", ".cfg", ".html", ".js", ".css")


def cache_root() -> Path:
    """``$OPTVIZ_CACHE``, else ``$XDG_CACHE_HOME/optviz``, else ``~/.cache/optviz``."""
    if os.environ.get("OPTVIZ_CACHE"):
        return Path(os.environ["OPTVIZ_CACHE"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "optviz"


def fingerprint(paths: Iterable[Path], suffixes: tuple[str, ...] = SOURCE_SUFFIXES) -> str:
    """A hash of the source files under ``paths`` (files or folders): changing any of them changes it."""
    digest = hashlib.sha256()
    for root in paths:
        root = Path(root)
        files = [root] if root.is_file() else sorted(root.rglob("*"))
        for file in files:
            if file.suffix in suffixes and "__pycache__" not in file.parts:
                digest.update(file.name.encode())
                digest.update(file.read_bytes())
    return digest.hexdigest()


def content_key(*parts: Any) -> str:
    """A hash of JSON-serialisable ``parts`` (settings, a spec entry, a fingerprint)."""
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def engine_fingerprint() -> str:
    """A hash of optim_core's own source."""
    return fingerprint([Path(__file__).parent])


def cached_arrays(path: Path, stamp: str, compute: Callable[[], dict[str, np.ndarray]]) -> dict[str, np.ndarray]:
    """The arrays stored at ``path`` when they were stored with ``stamp``, else ``compute()``'s, stored there.

    Two processes asking at once compute once: the second waits on a lock beside the entry and then reads
    it. The entry is written to a temporary file and renamed, so a reader never sees half of one. A cache
    that cannot be written (a read-only home) only costs the computing.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = open(path.with_suffix(".lock"), "w")  # noqa: SIM115 (held for the whole computation)
    except OSError:
        return compute()
    with lock:
        import fcntl

        fcntl.flock(lock, fcntl.LOCK_EX)
        with contextlib.suppress(OSError, ValueError, KeyError), np.load(path) as stored:
            if str(stored["stamp"]) == stamp:
                return {name: stored[name] for name in stored.files if name != "stamp"}
        arrays = compute()
        temporary = path.with_name(f".{path.stem}.{os.getpid()}.tmp.npz")
        try:
            np.savez(temporary, stamp=np.array(stamp), **arrays)
            os.replace(temporary, path)
        except OSError:
            pass
        finally:
            temporary.unlink(missing_ok=True)
        return arrays
