"""Fixtures of the working-groups screen's tests (pytest finds them here by name)."""

from support.working_groups_fixtures import groups_url  # noqa: F401 - fixtures
