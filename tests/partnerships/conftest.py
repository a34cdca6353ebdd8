"""Fixtures of the partnerships screen's tests (pytest finds them here by name)."""

from support.partnerships_fixtures import ngo_store  # noqa: F401 - fixtures
