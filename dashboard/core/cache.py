"""The only place queries are cached: results keyed on the store's data version, engine shared.

`open_store()` reads the data version (id of the last successful load) once per call; every cached
query takes the resulting `Store`, so a new load changes the key and nothing stale lingers.
Returned frames are copies (st.cache_data pickles), so a page may use them freely; the engine from
`st.cache_resource` is shared by all sessions and must never be modified.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from datetime import datetime

import polars as pl
import streamlit as st
from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from dashboard.indicators import queries as indicator_queries
from dashboard.indicators import metrics as indicator_status
from dashboard.core import queries
from data_pipeline import store as store_module

log = logging.getLogger(__name__)


class StoreUnavailable(Exception):
    """The store cannot be read; `reason` is "empty" or "unreachable" and `url` is safe to show."""

    def __init__(self, reason: str, url: str) -> None:
        super().__init__(f"{reason}: {url}")
        self.reason = reason
        self.url = url


class StoreChanged(Exception):
    """A load committed while a script run was reading: its reads may mix two data versions. Rerun."""


@dataclass(frozen=True)
class Store:
    """Which store, at which data version: the cache key of every query below."""

    url: str
    version: int


# Results kept per query when the query names no bound: a handful of data versions × its arguments.
DEFAULT_MAX_ENTRIES = 8


def _versioned(**cache_args):
    """`st.cache_data` for a query of one data version, refusing a result that a newer load may have mixed in.

    A load and its run's success row commit together and versions only grow, so if the version
    still equals `store.version` after the query, everything the query read belonged to that version.
    Otherwise StoreChanged is raised (nothing is cached) and the app reruns at the new version:
    a screen shows the old data or the new, never some of each (tests/test_consistency.py).
    """
    # Every load makes a new key, and st.cache_data keeps entries without a bound until the process ends:
    # a long-running app refreshed daily would hold every day's results. A few versions' worth is enough.
    cache_args.setdefault("max_entries", DEFAULT_MAX_ENTRIES)

    def decorate(query):
        @functools.wraps(query)
        def checked(store: Store, *args, **kwargs):
            result = query(store, *args, **kwargs)
            if store_module.data_version(engine(store.url)) != store.version:
                raise StoreChanged(f"data version {store.version} was replaced while it was read")
            return result

        return st.cache_data(**cache_args)(checked)

    return decorate


@st.cache_resource(show_spinner=False)
def engine(url: str) -> Engine:
    return store_module.make_engine(url)


def open_store() -> Store:
    """The store named by HYTE_DATABASE_URL at its current data version; raises StoreUnavailable."""
    url = store_module.resolve_url()
    shown = make_url(url).render_as_string(hide_password=True)
    try:
        version = store_module.data_version(engine(url))
    except (SQLAlchemyError, OSError) as exc:
        log.warning("cannot read the store at %s: %s", shown, exc)
        raise StoreUnavailable("unreachable", shown) from exc
    if version == 0:
        raise StoreUnavailable("empty", shown)
    return Store(url, version)


@_versioned(show_spinner=False)
def municipality(store: Store) -> pl.DataFrame:
    return queries.municipality(engine(store.url))


@_versioned(show_spinner=False)
def priority_areas(store: Store) -> pl.DataFrame:
    return queries.priority_areas(engine(store.url))


@_versioned(show_spinner=False)
def age_groups(store: Store) -> pl.DataFrame:
    return queries.age_groups(engine(store.url))


@_versioned(show_spinner=False)
def districts(store: Store, with_geometry: bool = False) -> pl.DataFrame:
    return queries.districts(engine(store.url), with_geometry=with_geometry)


@_versioned(show_spinner=False)
def indicator_summary_by_area(store: Store) -> pl.DataFrame:
    return queries.indicator_summary_by_area(engine(store.url))


@_versioned(show_spinner=False)
def year_span(store: Store) -> tuple[int, int] | None:
    return queries.year_span(engine(store.url))


@_versioned(show_spinner=False)
def last_successful_load(store: Store) -> datetime | None:
    return queries.last_successful_load(engine(store.url))


# Run log, freshness and rejections change without a successful load (a rejected run leaves the
# data version as it was), so they are keyed on the version and also expire after a minute.
@_versioned(show_spinner=False, ttl=60)
def load_runs(store: Store, limit: int = 20) -> pl.DataFrame:
    return queries.load_runs(engine(store.url), limit)


@_versioned(show_spinner=False, ttl=60)
def latest_run(store: Store, status: str) -> pl.DataFrame:
    return queries.latest_run(engine(store.url), status)


@_versioned(show_spinner=False, ttl=60)
def rejected_inputs(store: Store, run_id: int) -> pl.DataFrame:
    return queries.rejected_inputs(engine(store.url), run_id)


@_versioned(show_spinner=False, ttl=60)
def source_freshness(store: Store) -> pl.DataFrame:
    return queries.source_freshness(engine(store.url))


@_versioned(show_spinner=False)
def row_counts(store: Store) -> pl.DataFrame:
    return queries.row_counts(engine(store.url))


# --- indicators -------------------------------------------------------------------------------------

@_versioned(show_spinner=False, max_entries=64)
def indicator_board(store: Store, start_year: int, end_year: int, age_group: str | None) -> dict[str, pl.DataFrame]:
    """Cards, area summaries and weak signals for the period and age group (see indicator_status)."""
    eng = engine(store.url)
    muni = queries.municipality(eng)
    plan_start = muni["plan_start_year"][0] if muni.height else None
    return indicator_status.board(indicator_queries.plan_indicators(eng),
                                  indicator_queries.indicator_values(eng, start_year, end_year),
                                  plan_start, age_group)


@_versioned(show_spinner=False, max_entries=64)
def indicator_series(store: Store, start_year: int, end_year: int) -> pl.DataFrame:
    """Every plan indicator's values by region role and gender within the period (for the details)."""
    return indicator_queries.indicator_values(engine(store.url), start_year, end_year,
                                              genders=("total", "male", "female"))


@_versioned(show_spinner=False)
def goals_and_measures(store: Store) -> pl.DataFrame:
    return indicator_queries.goals_and_measures(engine(store.url))


@_versioned(show_spinner=False)
def sotkanet_attribution(store: Store) -> dict | None:
    return indicator_queries.sotkanet_attribution(engine(store.url))


@_versioned(show_spinner=False)
def indicators_with_district_data(store: Store) -> tuple[int, ...]:
    return indicator_queries.indicators_with_district_data(engine(store.url))


@_versioned(show_spinner=False, max_entries=64)
def district_values(store: Store, start_year: int, end_year: int, district: str) -> pl.DataFrame:
    return indicator_queries.district_values(engine(store.url), start_year, end_year, district)


# --- participation (reach map) ----------------------------------------------------------------------

# This section's own imports: each screen's section is edited on its own.
from dashboard.participation import charts as part_charts  # noqa: E402
from dashboard.participation import metrics as part_metrics  # noqa: E402
from dashboard.participation import queries as part_queries  # noqa: E402
from data_pipeline.registers import EVENT_TYPES  # noqa: E402


@_versioned(show_spinner=False)
def participation_geo(store: Store) -> dict:
    """District outlines for the map (simplified GeoJSON features and bounds), built once a data version."""
    return part_charts.district_features(part_queries.district_shapes(engine(store.url)))


@_versioned(show_spinner=False)
def participation_departments(store: Store) -> pl.DataFrame:
    return part_queries.departments(engine(store.url))


@_versioned(show_spinner=False, max_entries=16)
def participation_rows(store: Store, start_year: int, end_year: int) -> pl.DataFrame:
    """Events × age groups in the period (exact counts: only for the cached views below)."""
    return part_queries.event_participants(engine(store.url), start_year, end_year)


@_versioned(show_spinner=False, max_entries=64)
def participation_reach(store: Store, start_year: int, end_year: int, age_group: str | None,
                        event_types: tuple[str, ...] = (), levels: tuple[str, ...] = (),
                        departments: tuple[str, ...] = ()) -> dict:
    """Reach by district, level and type for the period and choices (participation_metrics.reach_view)."""
    eng = engine(store.url)
    rows = part_metrics.narrow(participation_rows(store, start_year, end_year), event_types, levels, departments)
    return part_metrics.reach_view(rows, part_queries.population(eng, end_year),
                                   queries.districts(eng)["code"].to_list(), age_group, EVENT_TYPES)


def _localized_names(frame: pl.DataFrame, lang: str) -> dict[str, str]:
    from dashboard.core.i18n import localized

    return {d["code"]: localized(d, "name", lang) for d in frame.to_dicts()}


@_versioned(show_spinner=False, max_entries=64)
def participation_districts(store: Store, start_year: int, end_year: int, age_group: str | None,
                            event_types: tuple[str, ...], levels: tuple[str, ...], departments: tuple[str, ...],
                            lang: str) -> dict:
    """The districts as the screen shows them (suppressed), in `lang`: frame (names, tooltip lines,
    figures; participation_widgets.district_frame), names (code -> name), table (formatted for the screen), ranked (the
    ranked-reach chart's Vega-Lite spec). Thousands of districts take a second to format in Python,
    so it is done once per filters and language, not per rerun."""
    from dashboard.participation import widgets as part_widgets  # imported on use: it reads this module

    view = participation_reach(store, start_year, end_year, age_group, event_types, levels, departments)
    frame = part_widgets.district_frame(view, _localized_names(districts(store), lang), lang)
    return {"frame": frame, "names": dict(zip(frame["code"], frame["name"], strict=True)),
            "table": part_widgets.districts_table(frame, lang, formatted=True),
            "ranked": part_widgets.ranked_chart(view, frame, lang)}


@_versioned(show_spinner=False, max_entries=64)
def participation_map(store: Store, start_year: int, end_year: int, age_group: str | None,
                      event_types: tuple[str, ...], levels: tuple[str, ...], departments: tuple[str, ...],
                      lang: str, show_events: bool, selected: str | None) -> dict:
    """The reach map built and serialised once per filters, language, events toggle and chosen district
    (participation_widgets.map_view): a rerun only hands the cached JSON to the browser."""
    from dashboard.participation import widgets as part_widgets  # imported on use: it reads this module

    view = participation_reach(store, start_year, end_year, age_group, event_types, levels, departments)
    frame = participation_districts(store, start_year, end_year, age_group, event_types, levels, departments,
                                    lang)["frame"]
    events = None
    if show_events:
        rows = part_metrics.narrow(participation_rows(store, start_year, end_year), event_types, levels, departments)
        events = part_metrics.events_of(rows, age_group)
    centroids = {d["code"]: (d["centroid_lon"], d["centroid_lat"]) for d in districts(store).to_dicts()}
    return part_widgets.map_view(participation_geo(store), view, events, frame, centroids,
                                 _localized_names(participation_departments(store), lang), show_events, selected,
                                 lang)


@_versioned(show_spinner=False, max_entries=64)
def participation_district(store: Store, start_year: int, end_year: int, age_group: str | None,
                           event_types: tuple[str, ...], levels: tuple[str, ...], departments: tuple[str, ...],
                           district: str) -> dict:
    """One district by age group and quarter (participation_metrics.district_view)."""
    eng = engine(store.url)
    rows = part_metrics.narrow(participation_rows(store, start_year, end_year), event_types, levels, departments)
    return part_metrics.district_view(rows, part_queries.population(eng, end_year), district,
                                      queries.age_groups(eng)["code"].to_list(), age_group)


@_versioned(show_spinner=False, max_entries=32)
def participation_adoption(store: Store, start_year: int, end_year: int, event_types: tuple[str, ...],
                           levels: tuple[str, ...], departments: tuple[str, ...]) -> pl.DataFrame:
    """Participation-model adoption and event levels by department (the chosen ones, or all)."""
    eng = engine(store.url)
    rows = part_metrics.narrow(participation_rows(store, start_year, end_year), event_types, levels, departments)
    codes = list(departments) or part_queries.departments(eng)["code"].to_list()
    return part_metrics.adoption_by_department(part_queries.adoption(eng, start_year, end_year), rows, codes)


# --- working groups ---------------------------------------------------------------------------------

# Imported here rather than at the top: each screen's section is edited on its own.
from datetime import date  # noqa: E402
from typing import Callable  # noqa: E402

from dashboard.working_groups import metrics as group_metrics
from dashboard.working_groups import queries as group_queries  # noqa: E402


@_versioned(show_spinner=False, max_entries=64)
def group_activity(store: Store, start_year: int, end_year: int, age_group: str | None, today: date) -> dict:
    """Groups, tree, meetings against target, seats, topics and meeting lists (group_metrics.activity).

    `today` is part of the key: what counts as held or upcoming changes at midnight.
    """
    eng = engine(store.url)
    first_day, last_day = date(start_year, 1, 1), date(end_year, 12, 31)
    return group_metrics.activity(
        group_queries.working_groups(eng), group_queries.group_seats(eng),
        group_queries.meetings(eng, first_day, last_day), group_queries.meetings(eng, today, date.max),
        group_queries.latest_meetings(eng, today), group_queries.meeting_topics(eng, first_day, last_day),
        queries.priority_areas(eng)["code"].to_list(), group_queries.first_meeting_year(eng),
        start_year, end_year, age_group, today)


@_versioned(show_spinner=False, max_entries=16)
def annual_clock(store: Store, year: int) -> pl.DataFrame:
    return group_queries.annual_clock(engine(store.url), year)


@st.cache_data(show_spinner=False, max_entries=256)
def group_chart(key: tuple, _build: Callable) -> dict:
    """A working-group chart as a Vega-Lite spec, built by `_build` once per `key`.

    Altair takes 10–30 ms to build and validate a chart, and the screen has seven. `key` must name
    everything the chart shows (chart, Store, filters, year, language, today); `_build` is not hashed.
    """
    return _build().to_dict()


# --- NGO partnerships -------------------------------------------------------------------------------

# Imported here rather than at the top: each screen's section is edited on its own.
from dashboard.partnerships import metrics as ngo_metrics
from dashboard.partnerships import queries as ngo_queries  # noqa: E402


@_versioned(show_spinner=False)
def ngo_tables(store: Store) -> dict[str, pl.DataFrame]:
    """The NGO registers as stored (small: read whole once per data version)."""
    return ngo_queries.ngo_tables(engine(store.url))


@_versioned(show_spinner=False, max_entries=64)
def ngo_board(store: Store, start_year: int, end_year: int, age_group: str | None, district: str | None,
              kinds: tuple[str, ...] = ngo_metrics.KINDS) -> dict:
    """Partners, coverage cells, districts, grants, forums and notes for one choice of filters."""
    return ngo_metrics.board(ngo_tables(store), priority_areas(store)["code"].to_list(),
                             age_groups(store)["code"].to_list(), districts(store)["code"].to_list(),
                             start_year, end_year, age_group, district, kinds)


@_versioned(show_spinner=False, max_entries=64)
def ngo_chart_specs(store: Store, start_year: int, end_year: int, age_group: str | None, district: str | None,
                    kinds: tuple[str, ...], lang: str) -> dict[str, dict | None]:
    """The partnerships screen's charts as Vega-Lite specs: building them with Altair costs ~25 ms each."""
    from dashboard.partnerships import widgets as ngo_widgets  # imported on use: it reads this module's caches itself

    board = ngo_board(store, start_year, end_year, age_group, district, kinds)
    return ngo_widgets.chart_specs(board, ngo_widgets.names(store, lang), district, lang)


# --- changes (uploads, restores, refreshes) ---------------------------------------------------------

# Not cached: a coordinator must see a refused upload in the log the moment it happens, and a
# rejection does not change the data version. Both are small indexed reads.
def audit_log(store: Store, limit: int = 50) -> pl.DataFrame:
    return queries.audit_log(engine(store.url), limit)


def register_versions(store: Store, register: str) -> pl.DataFrame:
    return queries.register_versions(engine(store.url), register)
