"""The partnerships screen's reads, cached per data version (its charts: model.py)."""

from __future__ import annotations

import polars as pl

from dashboard.core.cache import Store, engine, versioned
from dashboard.core import cache
from dashboard.partnerships import metrics as ngo_metrics
from dashboard.partnerships import queries as ngo_queries


@versioned(show_spinner=False)
def ngo_tables(store: Store) -> dict[str, pl.DataFrame]:
    """The NGO registers as stored (small: read whole once per data version), the population apart."""
    return ngo_queries.ngo_tables(engine(store.url), with_population=False)


@versioned(show_spinner=False, max_entries=32)
def ngo_population(store: Store, end_year: int) -> pl.DataFrame:
    """Residents by district and age group in the population year of a period ending in `end_year`."""
    return ngo_queries.district_population(engine(store.url), end_year)


@versioned(show_spinner=False, max_entries=64)
def ngo_board(store: Store, start_year: int, end_year: int, age_group: str | None, district: str | None,
              kinds: tuple[str, ...] = ngo_metrics.KINDS) -> dict:
    """Partners, coverage cells, districts, grants, forums and notes for one choice of filters."""
    tables = {**ngo_tables(store), "population": ngo_population(store, end_year)}
    return ngo_metrics.board(tables, cache.priority_areas(store)["code"].to_list(),
                             cache.age_groups(store)["code"].to_list(), cache.districts(store)["code"].to_list(),
                             start_year, end_year, age_group, district, kinds)
