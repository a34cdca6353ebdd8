"""Fixtures of the published site's tests: the demo store (a copy per module, which it may change) and the
demo's site, built once per test process (no test changes it: a test that publishes again does so into
its own copy)."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.demo_copy import demo_copy

from data_pipeline.cli import main as hyte


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> tuple[str, Path]:
    """The demo municipality loaded by `hyte demo` into SQLite, a copy of the module's own (it may change it):
    (store URL, package folder)."""
    folder = tmp_path_factory.mktemp("publish-demo")
    return demo_copy(folder), folder / "pkg"


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The demo's site in fi, sv and en, as `hyte publish` writes it (the package's [publish] defaults), from a
    copy of the demo no test changes: the same store, row for row, as each module's `demo`."""
    folder = tmp_path_factory.mktemp("published-demo")
    url, package = demo_copy(folder), folder / "pkg"
    out = tmp_path_factory.mktemp("published") / "site"
    assert hyte(["publish", "--out", str(out), "--db", url, "--config", str(package / "hyte.toml")]) == 0
    return out
