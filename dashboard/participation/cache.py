"""The participation screen's reads, cached per data version (its built map and tables: model.py)."""

from __future__ import annotations

import polars as pl

from dashboard.core.cache import Store, engine, versioned
from dashboard.core import queries
from dashboard.participation import metrics as part_metrics
from dashboard.participation import queries as part_queries
from data_pipeline.inputs.registers import EVENT_TYPES


@versioned(show_spinner=False)
def participation_departments(store: Store) -> pl.DataFrame:
    return part_queries.departments(engine(store.url))


@versioned(show_spinner=False, max_entries=16)
def participation_rows(store: Store, start_year: int, end_year: int) -> pl.DataFrame:
    """Events × age groups in the period (exact counts: only for the cached views below)."""
    return part_queries.event_participants(engine(store.url), start_year, end_year)


@versioned(show_spinner=False, max_entries=64)
def participation_reach(store: Store, start_year: int, end_year: int, age_group: str | None,
                        event_types: tuple[str, ...] = (), levels: tuple[str, ...] = (),
                        departments: tuple[str, ...] = ()) -> dict:
    """Reach by district, level and type for the period and choices (participation_metrics.reach_view)."""
    eng = engine(store.url)
    if event_types or levels or departments:
        rows = part_metrics.narrow(participation_rows(store, start_year, end_year), event_types, levels, departments)
        totals = part_metrics.totals(rows, age_group)
    else:  # every event: the load's aggregates, not the 144,000 event × age-group rows of a national store
        totals = part_queries.reach_totals(eng, start_year, end_year, age_group)
    return part_metrics.reach_view_of_totals(totals, part_queries.population(eng, end_year),
                                             queries.districts(eng)["code"].to_list(), age_group, EVENT_TYPES,
                                             whole_population=part_queries.municipality_population(eng))


@versioned(show_spinner=False, max_entries=64)
def participation_district(store: Store, start_year: int, end_year: int, age_group: str | None,
                           event_types: tuple[str, ...], levels: tuple[str, ...], departments: tuple[str, ...],
                           district: str) -> dict:
    """One district by age group and quarter (participation_metrics.district_view)."""
    eng = engine(store.url)
    rows = part_metrics.narrow(participation_rows(store, start_year, end_year), event_types, levels, departments)
    return part_metrics.district_view(rows, part_queries.population(eng, end_year), district,
                                      queries.age_groups(eng)["code"].to_list(), age_group,
                                      queries.districts(eng)["code"].to_list())


@versioned(show_spinner=False, max_entries=32)
def participation_adoption(store: Store, start_year: int, end_year: int, event_types: tuple[str, ...],
                           levels: tuple[str, ...], departments: tuple[str, ...]) -> pl.DataFrame:
    """Participation-model adoption and event levels by department (the chosen ones, or all)."""
    eng = engine(store.url)
    events = part_queries.event_levels(eng, start_year, end_year, event_types, levels, departments)
    codes = list(departments) or part_queries.departments(eng)["code"].to_list()
    return part_metrics.adoption_from_levels(part_queries.adoption(eng, start_year, end_year), events, codes)
