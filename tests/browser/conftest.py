"""Fixtures of the browser tests' tests (pytest finds them here by name)."""

from support.served_app import browser, demo_app  # noqa: F401 - fixtures
