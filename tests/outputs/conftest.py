"""Fixtures of the slides' and briefing's tests (pytest finds them here by name)."""

from support.participation_fixtures import no_population_store, participation_store  # noqa: F401 - fixtures
from support.partnerships_fixtures import ngo_store  # noqa: F401 - fixtures
from support.working_groups_fixtures import groups_url  # noqa: F401 - fixtures
