"""Fixtures of the council report's tests (pytest finds them here by name; they live in support.report_fixtures)."""

from support.report_fixtures import built, pori_store, report_store, store_copy  # noqa: F401 - fixtures
