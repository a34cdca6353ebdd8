"""The partnerships screen's reads and chart specs, cached per data version."""

from __future__ import annotations

import polars as pl

from dashboard.core.cache import Store, engine, versioned
from dashboard.core import cache
from dashboard.core.i18n import localized
from dashboard.partnerships import metrics as ngo_metrics
from dashboard.partnerships import queries as ngo_queries
from dashboard.partnerships import view



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


@versioned(show_spinner=False, max_entries=64)
def ngo_chart_specs(store: Store, start_year: int, end_year: int, age_group: str | None, district: str | None,
                    kinds: tuple[str, ...], lang: str) -> dict[str, dict | None]:
    """The partnerships screen's charts as Vega-Lite specs: building them with Altair costs ~25 ms each."""
    board = ngo_board(store, start_year, end_year, age_group, district, kinds)
    return view.chart_specs(board, names(store, lang), district, lang)


def names(store: Store, lang: str) -> view.Names:
    """The priority areas', age groups' and districts' names in `lang` (view.Names)."""
    return view.Names(area={a["code"]: localized(a, "name", lang) for a in cache.priority_areas(store).to_dicts()},
                      age={g["code"]: localized(g, "name", lang) for g in cache.age_groups(store).to_dicts()},
                      district={d["code"]: localized(d, "name", lang) for d in cache.districts(store).to_dicts()})
