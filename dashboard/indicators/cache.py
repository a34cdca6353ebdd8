"""The indicators screen's reads, cached per data version (see dashboard.core.cache; its charts: model.py)."""

from __future__ import annotations

import polars as pl

from dashboard.core.cache import Store, engine, versioned
from dashboard.core import queries
from dashboard.indicators import metrics as indicator_status
from dashboard.indicators import queries as indicator_queries


@versioned(show_spinner=False, max_entries=64)
def indicator_board(store: Store, start_year: int, end_year: int, age_group: str | None) -> dict[str, pl.DataFrame]:
    """Cards, area summaries and weak signals for the period and age group (see indicator_status)."""
    eng = engine(store.url)
    muni = queries.municipality(eng)
    plan_start = muni["plan_start_year"][0] if muni.height else None
    return indicator_status.board(indicator_queries.plan_indicators(eng),
                                  indicator_queries.indicator_values(eng, start_year, end_year),
                                  plan_start, age_group)


@versioned(show_spinner=False, max_entries=64)
def indicator_series(store: Store, start_year: int, end_year: int) -> pl.DataFrame:
    """Every plan indicator's values by region role and gender within the period (for the details)."""
    return indicator_queries.indicator_values(engine(store.url), start_year, end_year,
                                              genders=("total", "male", "female"))


@versioned(show_spinner=False)
def goals_and_measures(store: Store) -> pl.DataFrame:
    return indicator_queries.goals_and_measures(engine(store.url))


@versioned(show_spinner=False)
def sotkanet_attribution(store: Store) -> dict | None:
    return indicator_queries.sotkanet_attribution(engine(store.url))


@versioned(show_spinner=False)
def indicators_with_district_data(store: Store) -> tuple[int, ...]:
    return indicator_queries.indicators_with_district_data(engine(store.url))


@versioned(show_spinner=False, max_entries=64)
def district_values(store: Store, start_year: int, end_year: int, district: str) -> pl.DataFrame:
    return indicator_queries.district_values(engine(store.url), start_year, end_year, district)


@versioned(show_spinner=False, max_entries=64)
def card_ranks(store: Store, start_year: int, end_year: int, age_group: str | None) -> dict[int, dict[str, dict]]:
    """Each card's ranks in its latest year (indicator id -> scope -> rank row; see metrics.card_ranks)."""
    cards = indicator_board(store, start_year, end_year, age_group)["cards"]
    return indicator_status.card_ranks(cards, indicator_queries.own_ranks(engine(store.url), start_year, end_year))


@versioned(show_spinner=False)
def municipality_shapes(store: Store) -> pl.DataFrame:
    return indicator_queries.municipality_shapes(engine(store.url))


@versioned(show_spinner=False)
def comparison_regions(store: Store) -> pl.DataFrame:
    """The county and the country by name (indicator_queries.comparison_regions)."""
    return indicator_queries.comparison_regions(engine(store.url))
