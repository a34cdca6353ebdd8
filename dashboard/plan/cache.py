"""The plan screen's reads, cached per data version (a plan save is a load: a new version)."""

from __future__ import annotations

import polars as pl

from dashboard.core.cache import Store, engine, versioned
from dashboard.data_status import queries as status_queries
from dashboard.plan import queries


@versioned(show_spinner=False)
def goals(store: Store) -> pl.DataFrame:
    return queries.goals(engine(store.url))


@versioned(show_spinner=False)
def measures(store: Store) -> pl.DataFrame:
    return queries.measures(engine(store.url))


@versioned(show_spinner=False)
def indicators(store: Store) -> pl.DataFrame:
    return queries.indicators(engine(store.url))


def plan_versions(store: Store) -> pl.DataFrame:
    """hyte.toml's saved versions, newest first (not cached: a refused save changes no data version)."""
    return status_queries.register_versions(engine(store.url), "plan")
