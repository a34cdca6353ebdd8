"""The demo municipality for the tests that only need one: built by `hyte demo` once per test process,
then copied (package and SQLite store) into each module's own folder, which may change its copy freely.

A build costs the pipeline's whole load (several seconds, and ~20 modules want one); a copy costs a file
copy. The store names its package by absolute path (load_run.config_path, how the app finds the package
to write into), so the copy is pointed at its own package; nothing else in the store names a path.
"""

from __future__ import annotations

import atexit
import contextlib
import shutil
import sqlite3
import tempfile
from pathlib import Path

from data_pipeline.cli import main as hyte

_BUILT: list[Path] = []


def _original() -> Path:
    if not _BUILT:
        folder = Path(tempfile.mkdtemp(prefix="hyte-demo-"))
        atexit.register(shutil.rmtree, folder, True)
        url = f"sqlite:///{folder / 'demo.db'}"
        assert hyte(["demo", "--out", str(folder / "pkg"), "--db", url, "-q"]) == 0
        _BUILT.append(folder)
    return _BUILT[0]


def demo_copy(folder: Path, name: str = "demo.db") -> str:
    """A fresh copy of the loaded demo in `folder` (its package in `folder/pkg`); returns the store's URL."""
    original = _original()
    shutil.copytree(original / "pkg", folder / "pkg")
    store = folder / name
    with contextlib.closing(sqlite3.connect(original / "demo.db")) as source, \
            contextlib.closing(sqlite3.connect(store)) as target:
        source.backup(target)  # a consistent copy, whatever journal the original keeps
    with contextlib.closing(sqlite3.connect(store)) as conn, conn:
        conn.execute("UPDATE load_run SET config_path = replace(config_path, ?, ?)",
                     (str(original / "pkg"), str(folder / "pkg")))
    return f"sqlite:///{store}"
