"""Fixtures of the app's own tests (pytest finds them here by name)."""

import pytest
from support.participation_fixtures import participation_store  # noqa: F401 - fixtures

from data_pipeline.cli import main as hyte


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory) -> str:
    """The demo municipality loaded by `hyte demo` into SQLite, once per test module (a module may change it)."""
    folder = tmp_path_factory.mktemp("demo-store")
    url = f"sqlite:///{folder / 'demo.db'}"
    assert hyte(["demo", "--out", str(folder / "pkg"), "--db", url, "-q"]) == 0
    return url
