"""Fixtures of the participation screen's tests (pytest finds them here by name)."""

from support.participation_fixtures import no_population_store, partial_population_store, participation_store  # noqa: F401 - fixtures
