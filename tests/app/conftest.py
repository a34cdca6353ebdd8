"""Fixtures of the app's own tests (pytest finds them here by name)."""

import pytest
from support.participation_fixtures import participation_store  # noqa: F401 - fixtures

from support.demo_copy import demo_copy


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory) -> str:
    """The demo municipality loaded by `hyte demo` into SQLite, a copy per test module (a module may change it)."""
    return demo_copy(tmp_path_factory.mktemp("demo-store"))
