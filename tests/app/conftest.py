"""Fixtures of the app's own tests (pytest finds them here by name)."""

from support.participation_fixtures import participation_store  # noqa: F401 - fixtures
