"""The indicators screen's reads, cached per data version (see dashboard.core.cache)."""

from __future__ import annotations

import polars as pl
from streamlit import dataframe_util

from dashboard.core import cache as core_cache
from dashboard.core.cache import Store, engine, versioned
from dashboard.core import queries
from dashboard.core.i18n import localized, translate
from dashboard.indicators import charts
from dashboard.indicators import metrics as indicator_status
from dashboard.indicators import queries as indicator_queries
from dashboard.indicators import view as ind_view
from dashboard.indicators.view import alt_text

SPARKLINE_DATA = "sparkline"


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


@versioned(show_spinner=False, max_entries=64)
def goal_blocks(store: Store, area: str | None, lang: str) -> list[str]:
    """The goals expander's Markdown (ind_view.goal_blocks) for one priority area or all, per language:
    made once a data version, not on every run."""
    plan = goals_and_measures(store)
    if area is not None:
        plan = plan.filter(pl.col("priority_area_code") == area)
    names = {a["code"]: localized(a, "name", lang) for a in core_cache.priority_areas(store).to_dicts()}
    return ind_view.goal_blocks(plan, names, lang)


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


@versioned(show_spinner=False, max_entries=64)
def finland_map(store: Store, indicator_id: int, lang: str) -> dict:
    """The map of Finland for one indicator, built (shapes joined, county dissolved, spec written) once per
    data version, indicator and language: a rerun hands the cached spec to the browser."""
    row = indicator_queries.plan_indicators(engine(store.url)).filter(pl.col("id") == indicator_id).row(0, named=True)
    return ind_view.finland_map_view(municipality_shapes(store),
                                     indicator_queries.municipality_values(engine(store.url), indicator_id), row, lang)


@versioned(show_spinner=False)
def comparison_regions(store: Store) -> pl.DataFrame:
    """The county and the country by name (indicator_queries.comparison_regions)."""
    return indicator_queries.comparison_regions(engine(store.url))


@versioned(show_spinner=False, max_entries=64)
def sparklines(store: Store, start_year: int, end_year: int, age_group: str | None, lang: str) -> dict[int, dict]:
    """Every card's sparkline (indicator id -> Vega-Lite spec), built once per data version, period, age
    group and language; cards with fewer than two values have none.

    The line's rows are already Arrow IPC bytes in a named dataset: `st.vega_lite_chart` converts a
    spec's inline rows to Arrow on every run (pandas, then pyarrow: about 1.5 ms a chart, 24 cards),
    and passes bytes in `datasets` through as they are. Same rows, same chart for the browser.
    """
    cards = indicator_board(store, start_year, end_year, age_group)["cards"]
    series = indicator_series(store, start_year, end_year)
    municipality = localized(core_cache.municipality(store).row(0, named=True), "name", lang)
    own = series.filter((pl.col("role") == "municipality") & (pl.col("gender") == "total"))
    by_indicator = own.partition_by("indicator_id", as_dict=True)
    out = {}
    for row in cards.iter_rows(named=True):
        values = by_indicator.get((row["id"],))
        if values is None or values.height <= 1:
            continue
        spec = charts.sparkline(values, row.get("trend") or "no_data", alt_text(row, lang, municipality))
        # What Streamlit would do with the inline rows on each run, done once here.
        spec["datasets"] = {SPARKLINE_DATA: dataframe_util.convert_anything_to_arrow_bytes(spec.pop("data")["values"])}
        spec["data"] = {"name": SPARKLINE_DATA}
        out[row["id"]] = spec
    return out


@versioned(show_spinner=False, max_entries=8)
def similar(store: Store, lang: str) -> dict:
    """Why these peers: the own municipality among all by size and age structure (view.similar_view), built
    once per data version and language."""
    municipality = localized(core_cache.municipality(store).row(0, named=True), "name", lang)
    return ind_view.similar_view(indicator_queries.municipality_profiles(engine(store.url)), lang, municipality)


@versioned(show_spinner=False, max_entries=64)
def detail_charts(store: Store, start_year: int, end_year: int, age_group: str | None, indicator_id: int,
                  lang: str) -> dict:
    """The detail view's charts as Vega-Lite dicts with their texts, built once per data version, period, age
    group, indicator and language (Altair validated each spec on every rerun: half the view's time):
    `alt` (the trend's text alternative), `trend`, `peer` (None without peer values), `peer_text`,
    `gender` (None without figures by gender)."""
    cards = indicator_board(store, start_year, end_year, age_group)["cards"]
    row = cards.filter(pl.col("id") == indicator_id).row(0, named=True)
    own = indicator_series(store, start_year, end_year).filter(pl.col("indicator_id") == indicator_id)
    municipality = localized(core_cache.municipality(store).row(0, named=True), "name", lang)
    labels = {key: translate(f"ind.axis.{key}", lang) for key in ("year", "value", "region", "target", "gender")}
    regions = own.filter(pl.col("gender") == "total").with_columns(
        pl.when(pl.lit(lang) == "sv").then(pl.coalesce("region_sv", "region_fi"))
        .when(pl.lit(lang) == "en").then(pl.coalesce("region_en", "region_fi"))
        .otherwise(pl.col("region_fi")).alias("region"))
    alt = alt_text(row, lang, municipality)
    out = {"alt": alt, "trend": charts.trend_chart(regions, row.get("target_value"), labels, alt).to_dict()}
    band = indicator_status.peer_band(regions)
    out["peer_text"] = ind_view.peer_band_text(band, row, lang, municipality)
    out["peer"] = None
    if band.height:
        peer_labels = {"year": labels["year"], "value": labels["value"], "range": translate("peer.range", lang),
                       "median": translate("peer.median", lang), "own": municipality}
        out["peer"] = charts.peer_band_chart(band, peer_labels, out["peer_text"]).to_dict()
    names = {g: translate(f"ind.gender.{g}", lang) for g in ("total", "male", "female")}
    genders = own.filter(pl.col("role") == "municipality").with_columns(pl.col("gender").replace_strict(names))
    out["gender"] = None
    if not genders.filter(pl.col("gender") != names["total"]).is_empty():
        out["gender"] = charts.gender_chart(genders, labels, alt).to_dict()
    return out
