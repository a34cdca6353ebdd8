"""The participation screen's reads and its built map, district view and tables, cached per data version."""

from __future__ import annotations

import polars as pl

from dashboard.core.cache import Store, engine, versioned
from dashboard.core import cache, queries
from dashboard.core.i18n import localized
from dashboard.participation import charts as part_charts
from dashboard.participation import metrics as part_metrics
from dashboard.participation import queries as part_queries
from dashboard.participation import view as part_view
from data_pipeline.inputs.registers import EVENT_TYPES


@versioned(show_spinner=False)
def participation_geo(store: Store) -> dict:
    """District outlines for the map (GeoJSON features simplified by the load, and bounds), once a data version."""
    return part_charts.outline_features(part_queries.district_outlines(engine(store.url)))


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
                                             queries.districts(eng)["code"].to_list(), age_group, EVENT_TYPES)


def _localized_names(frame: pl.DataFrame, lang: str) -> dict[str, str]:
    return {d["code"]: localized(d, "name", lang) for d in frame.to_dicts()}


@versioned(show_spinner=False, max_entries=64)
def participation_districts(store: Store, start_year: int, end_year: int, age_group: str | None,
                            event_types: tuple[str, ...], levels: tuple[str, ...], departments: tuple[str, ...],
                            lang: str) -> dict:
    """The districts as the screen shows them (suppressed), in `lang`: frame (names, tooltip lines,
    figures; participation.view.district_frame), names (code -> name), table (formatted for the screen), ranked (the
    ranked-reach chart's Vega-Lite spec). Thousands of districts take a second to format in Python,
    so it is done once per filters and language, not per rerun."""
    view = participation_reach(store, start_year, end_year, age_group, event_types, levels, departments)
    frame = part_view.district_frame(view, _localized_names(cache.districts(store), lang), lang)
    return {"frame": frame, "names": dict(zip(frame["code"], frame["name"], strict=True)),
            "table": part_view.districts_table(frame, lang, formatted=True),
            "ranked": part_view.ranked_chart(view, frame, lang)}


@versioned(show_spinner=False, max_entries=64)
def participation_map(store: Store, start_year: int, end_year: int, age_group: str | None,
                      event_types: tuple[str, ...], levels: tuple[str, ...], departments: tuple[str, ...],
                      lang: str, show_events: bool, selected: str | None) -> dict:
    """The reach map built and serialised once per filters, language, events toggle and chosen district
    (participation.view.map_view): a rerun only hands the cached JSON to the browser."""
    view = participation_reach(store, start_year, end_year, age_group, event_types, levels, departments)
    frame = participation_districts(store, start_year, end_year, age_group, event_types, levels, departments,
                                    lang)["frame"]
    events = None
    if show_events:
        rows = part_metrics.narrow(participation_rows(store, start_year, end_year), event_types, levels, departments)
        events = part_metrics.events_of(rows, age_group)
    centroids = {d["code"]: (d["centroid_lon"], d["centroid_lat"]) for d in cache.districts(store).to_dicts()}
    return part_view.map_view(participation_geo(store), view, events, frame, centroids,
                                 _localized_names(participation_departments(store), lang), show_events, selected,
                                 lang)


@versioned(show_spinner=False, max_entries=64)
def participation_district(store: Store, start_year: int, end_year: int, age_group: str | None,
                           event_types: tuple[str, ...], levels: tuple[str, ...], departments: tuple[str, ...],
                           district: str) -> dict:
    """One district by age group and quarter (participation_metrics.district_view)."""
    eng = engine(store.url)
    rows = part_metrics.narrow(participation_rows(store, start_year, end_year), event_types, levels, departments)
    return part_metrics.district_view(rows, part_queries.population(eng, end_year), district,
                                      queries.age_groups(eng)["code"].to_list(), age_group)


@versioned(show_spinner=False, max_entries=32)
def participation_adoption(store: Store, start_year: int, end_year: int, event_types: tuple[str, ...],
                           levels: tuple[str, ...], departments: tuple[str, ...]) -> pl.DataFrame:
    """Participation-model adoption and event levels by department (the chosen ones, or all)."""
    eng = engine(store.url)
    events = part_queries.event_levels(eng, start_year, end_year, event_types, levels, departments)
    codes = list(departments) or part_queries.departments(eng)["code"].to_list()
    return part_metrics.adoption_from_levels(part_queries.adoption(eng, start_year, end_year), events, codes)
