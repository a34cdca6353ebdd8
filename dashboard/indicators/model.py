"""What the indicators screen shows for one choice of filters, priority area, view and indicator in
detail, in one language, as one value: a card per indicator (or the same numbers as a table), one
indicator in depth (regions over time, ranks, peers, similar municipalities, the map of Finland,
genders), the plan's goals and the data's source.

Charts are built once per data version, filters and language (`sparklines`, `detail_charts`,
`finland_map`, `similar`; the goals' Markdown too: `goal_blocks`); the cards' words are composed on
each run. No Streamlit widgets: pages/indicators.py lays the model out; the slides read the same board.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import polars as pl
from altair.utils.schemapi import debug_mode
from streamlit import dataframe_util

from dashboard.core import cache as core_cache
from dashboard.core import filters
from dashboard.core import screen
from dashboard.core.cache import Store, engine, versioned
from dashboard.core.formatting import fmt_number, plain
from dashboard.core.i18n import localized, translate
from dashboard.core.model import INFO, Chart, Heading, Message, Table, TableFiles
from dashboard.indicators import cache
from dashboard.indicators import charts
from dashboard.indicators import metrics
from dashboard.indicators import queries
from dashboard.indicators import view

SPARKLINE_DATA = "sparkline"
# Markdown's hard line break: one caption element, several lines.
CAPTION_LINE_BREAK = "  \n"
ALL_AREAS, CARDS, TABLE = "all", "cards", "table"


@dataclass(frozen=True)
class Ranks:
    """The rank among all municipalities as a quartile-coloured badge (None without a rank: an empty
    badge would read as a bad one), and beneath it its change, the county's rank and a line of the
    card's own, as one caption (None when there is nothing to say)."""

    badge: str | None
    colour: str | None
    caption: str | None


@dataclass(frozen=True)
class Card:
    """One indicator as a card: value, trend badge, the small lines (change, target, comparisons) as one
    caption, ranks, sparkline (None with fewer than two values) and the "details" button's label."""

    id: int
    title: str
    label: str
    value: str
    trend: str
    trend_colour: str
    trend_icon: str
    lines: str
    ranks: Ranks
    sparkline: dict | None
    details_label: str


@dataclass(frozen=True)
class AreaCards:
    """A priority area's heading, its status line and comparison, and its cards."""

    name: str
    line: str
    comparison: str
    cards: tuple[Card, ...]


@dataclass(frozen=True)
class Similar:
    """Why these peers: every municipality by size and age structure (`missing` says why not)."""

    title: str
    missing: str | None
    method: str | None = None
    chart: Chart | None = None
    notes: tuple[str, ...] = ()
    table_title: str | None = None
    table: Table | None = None


@dataclass(frozen=True)
class FinlandMap:
    """Every municipality coloured by its class (`missing` says why there is no map)."""

    title: str
    missing: Message | None
    chart: Chart | None = None
    note: str | None = None
    alt: str | None = None


@dataclass(frozen=True)
class Detail:
    """One indicator in depth."""

    id: int
    title: str
    subtitle: str
    regions_title: str
    trend: Chart
    rank_title: str
    ranks: Ranks
    rank_note: str
    peer_title: str
    peer: Chart | None
    peer_text: str
    similar: Similar
    map: FinlandMap
    gender_title: str
    gender: Chart | None
    no_gender: str
    texts: tuple[tuple[str, str], ...]
    attribution: str | None
    close_label: str


@dataclass(frozen=True)
class IndicatorsModel:
    """Everything the indicators screen shows, in the order it shows it (after `empty` nothing more
    but the detail above it)."""

    heading: Heading
    area_names: dict[str, str]
    indicator_titles: dict[int, str]
    detail: Detail | None
    empty: Message | None
    district_note: str | None = None
    compared_with: str | None = None
    table: Table | None = None
    files: TableFiles | None = None
    areas: tuple[AreaCards, ...] = ()
    rank_caption: str | None = None
    goals_title: str | None = None
    goals: tuple[str, ...] = ()
    no_goals: str | None = None
    attribution: str | None = None


# --- the cached pieces ---------------------------------------------------------------------------------

@versioned(show_spinner=False, max_entries=64)
def goal_blocks(store: Store, area: str | None, lang: str) -> list[str]:
    """The goals expander's Markdown (view.goal_blocks) for one priority area or all, per language:
    made once a data version, not on every run."""
    plan = cache.goals_and_measures(store)
    if area is not None:
        plan = plan.filter(pl.col("priority_area_code") == area)
    names = {a["code"]: localized(a, "name", lang) for a in core_cache.priority_areas(store).to_dicts()}
    return view.goal_blocks(plan, names, lang)


@versioned(show_spinner=False, max_entries=64)
def finland_map(store: Store, indicator_id: int, lang: str, year: int | None = None) -> dict:
    """The map of Finland for one indicator in `year` (the year of the rank the screen shows; None: the
    latest ranked), built (shapes joined, county dissolved, spec written) once per data version, indicator,
    year and language: a rerun hands the cached spec to the browser."""
    row = queries.plan_indicators(engine(store.url)).filter(pl.col("id") == indicator_id).row(0, named=True)
    return view.finland_map_view(cache.municipality_shapes(store),
                                 queries.municipality_values(engine(store.url), indicator_id, year), row, lang,
                                 failed=queries.boundaries_failure(engine(store.url)))


@versioned(show_spinner=False, max_entries=64)
def sparklines(store: Store, start_year: int, end_year: int, age_group: str | None, lang: str) -> dict[int, dict]:
    """Every card's sparkline (indicator id -> Vega-Lite spec), built once per data version, period, age
    group and language; cards with fewer than two values have none.

    The line's rows are already Arrow IPC bytes in a named dataset: `st.vega_lite_chart` converts a
    spec's inline rows to Arrow on every run (pandas, then pyarrow: about 1.5 ms a chart, 24 cards),
    and passes bytes in `datasets` through as they are. Same rows, same chart for the browser.
    """
    cards = cache.indicator_board(store, start_year, end_year, age_group)["cards"]
    series = cache.indicator_series(store, start_year, end_year)
    municipality = localized(core_cache.municipality(store).row(0, named=True), "name", lang)
    own = series.filter((pl.col("role") == "municipality") & (pl.col("gender") == "total"))
    by_indicator = own.partition_by("indicator_id", as_dict=True)
    out = {}
    for row in cards.iter_rows(named=True):
        values = by_indicator.get((row["id"],))
        if values is None or values.height <= 1:
            continue
        spec = charts.sparkline(values, row.get("trend") or "no_data", view.alt_text(row, lang, municipality))
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
    return view.similar_view(queries.municipality_profiles(engine(store.url)), lang, municipality)


def regions_in(frame: pl.DataFrame, lang: str) -> pl.DataFrame:
    """Values with their region's name in `lang` (`region`), Finnish where a name is missing."""
    return frame.with_columns(
        pl.when(pl.lit(lang) == "sv").then(pl.coalesce("region_sv", "region_fi"))
        .when(pl.lit(lang) == "en").then(pl.coalesce("region_en", "region_fi"))
        .otherwise(pl.col("region_fi")).alias("region"))


@versioned(show_spinner=False, max_entries=64)
def detail_charts(store: Store, start_year: int, end_year: int, age_group: str | None, indicator_id: int,
                  lang: str) -> dict:
    """The detail view's charts as Vega-Lite dicts with their texts, built once per data version, period, age
    group, indicator and language (Altair validated each spec on every rerun: half the view's time):
    `alt` (the trend's text alternative), `trend`, `peer` (None without peer values), `peer_text`,
    `gender` (None without figures by gender).

    Built without Altair's validation, as the other screens' charts are: validating every part of a spec
    as it was made took a third of a cold build (the published site's 72 indicator pages: 24 of 38 CPU-seconds
    in these builders, 10 of them in validation). The builders' structure is validated by their unit tests
    (tests/indicators/test_indicator_charts.py, test_indicator_ranks.py), on small frames."""
    with debug_mode(False):
        return _detail_charts(store, start_year, end_year, age_group, indicator_id, lang)


def _detail_charts(store: Store, start_year: int, end_year: int, age_group: str | None, indicator_id: int,
                   lang: str) -> dict:
    cards = cache.indicator_board(store, start_year, end_year, age_group)["cards"]
    row = cards.filter(pl.col("id") == indicator_id).row(0, named=True)
    own = cache.indicator_series(store, start_year, end_year).filter(pl.col("indicator_id") == indicator_id)
    municipality = localized(core_cache.municipality(store).row(0, named=True), "name", lang)
    labels = {key: translate(f"ind.axis.{key}", lang) for key in ("year", "value", "region", "target", "gender")}
    regions = regions_in(own.filter(pl.col("gender") == "total"), lang)
    alt = view.alt_text(row, lang, municipality)
    out = {"alt": alt, "trend": charts.trend_chart(regions, row.get("target_value"), labels, alt).to_dict(validate=False)}
    band = metrics.peer_band(regions)
    out["peer_text"] = view.peer_band_text(band, row, lang, municipality)
    out["peer"] = None
    if band.height:
        peer_labels = {"year": labels["year"], "value": labels["value"], "range": translate("peer.range", lang),
                       "median": translate("peer.median", lang), "own": municipality,
                       "peers": translate("brief.col.peers", lang)}
        out["peer"] = charts.peer_band_chart(band, peer_labels, out["peer_text"]).to_dict(validate=False)
    names = {g: translate(f"ind.gender.{g}", lang) for g in ("total", "male", "female")}
    genders = own.filter(pl.col("role") == "municipality").with_columns(pl.col("gender").replace_strict(names))
    out["gender"] = None
    if not genders.filter(pl.col("gender") != names["total"]).is_empty():
        out["gender"] = charts.gender_chart(genders, labels, alt).to_dict(validate=False)
    return out


# --- the screen ------------------------------------------------------------------------------------------

def build(store: Store, f: filters.Filters, lang: str, area: str | None = None, table: bool = False,
          indicator: int | None = None) -> IndicatorsModel:
    """The screen for the shared filters, a priority area (None: all), the cards or the `table`, and the
    indicator in detail (None: none; one the filters leave out is not shown)."""
    board = cache.indicator_board(store, f.start_year, f.end_year, f.age_group)
    all_cards = board["cards"]
    area_names = {a["code"]: localized(a, "name", lang) for a in core_cache.priority_areas(store).to_dicts()}
    # Stored names, escaped once here for the Markdown they are written into.
    regions = {role: plain(name) for role, name in
               view.region_names(cache.comparison_regions(store), lang).items()}
    attribution = view.attribution_line(cache.sotkanet_attribution(store), lang)
    ranks = cache.card_ranks(store, f.start_year, f.end_year, f.age_group)
    titles = {row["id"]: localized(row, "title", lang) for row in all_cards.iter_rows(named=True)}
    detail = None
    if indicator in titles:
        detail = _detail(store, f, all_cards.filter(pl.col("id") == indicator).row(0, named=True), area_names,
                         attribution, ranks.get(indicator), lang)
    heading = screen.heading(store, "page.indicators", lang, f)
    plain_areas = {code: plain(name) for code, name in area_names.items()}
    cards = all_cards if area is None else all_cards.filter(pl.col("priority_area_code") == area)
    if cards.is_empty():
        return IndicatorsModel(heading, plain_areas, titles, detail, Message(INFO, translate("ind.none", lang)))
    blocks = goal_blocks(store, area, lang)
    out = dict(
        district_note=translate("ind.district_note", lang) if f.district is not None else None,
        compared_with=view.compared_with(regions, lang),
        goals_title=translate("ind.goals", lang), goals=tuple(blocks),
        no_goals=None if blocks else translate("ind.no_goals", lang),
        attribution=plain(attribution) if attribution else None)
    if table:
        out["table"] = Table(view.table(cards, area_names, lang, formatted=True), translate("ind.file.title", lang))
        header = (translate("ind.file.title", lang), filters.describe(f, store, markdown=False, lang=lang),
                  attribution or "")
        out["files"] = TableFiles(partial(view.table, cards, area_names, lang), "indikaattorit", header,
                                  translate("ind.file.title", lang), translate("ind.download.csv", lang),
                                  translate("ind.download.excel", lang))
    else:
        figures = _district_lines(store, f, cards, lang)
        summaries = {row["priority_area_code"]: row for row in board["areas"].iter_rows(named=True)}
        lines = sparklines(store, f.start_year, f.end_year, f.age_group, lang)
        out["areas"] = tuple(_area_cards(summaries[code], cards, lines, area_names, figures, ranks, lang, regions)
                             for code in area_names  # the plan's order
                             if code in summaries and area in (None, code))
        out["rank_caption"] = translate("rank.caption", lang) if ranks else None
    return IndicatorsModel(heading, plain_areas, titles, detail, None, **out)


def _district_lines(store: Store, f: filters.Filters, cards: pl.DataFrame, lang: str) -> dict[int, str]:
    """For a chosen district: each local indicator's district figure, or a note that there is none."""
    if f.district is None:
        return {}
    values = cache.district_values(store, f.start_year, f.end_year, f.district)
    with_data = cache.indicators_with_district_data(store)
    names = {d["code"]: localized(d, "name", lang) for d in core_cache.districts(store).to_dicts()}
    name = names.get(f.district, f.district)
    lines = {}
    for row in cards.iter_rows(named=True):
        own = values.filter(pl.col("indicator_id") == row["id"]).sort("year")
        if row["id"] in with_data and own.height:
            last = own.row(-1, named=True)
            lines[row["id"]] = plain(translate("ind.district_value", lang, district=name, year=last["year"],
                                               value=view.with_unit(fmt_number(last["value"], row["decimals"], lang),
                                                                    row)))
        else:
            lines[row["id"]] = plain(translate("ind.district_none", lang, district=name))
    return lines


def _ranks(ranks: dict[str, dict] | None, lang: str, extra: str | None = None) -> Ranks:
    badge = colour = None
    lines = []
    if ranks and "country" in ranks:
        country = ranks["country"]
        badge, colour = view.rank_text(country, lang), view.QUARTILE_BADGE[country["quartile"]]
        lines.append(view.rank_change_text(country, lang))
        if "county" in ranks:
            lines.append(view.county_rank_text(ranks["county"], lang))
    lines.append(extra)
    lines = [line for line in lines if line]
    return Ranks(badge, colour, CAPTION_LINE_BREAK.join(lines) if lines else None)


def _card(row: dict, sparkline: dict | None, lang: str, district_value: str | None, ranks: dict[str, dict] | None,
          regions: dict[str, str] | None) -> Card:
    colour, icon = view.TREND_BADGE[row.get("trend") or "no_data"]
    latest = view.with_unit(view.value_text(row.get("latest"), row, lang), row)
    # The small lines under the badge as one caption, a line each: each element is a message to
    # send, and a card is drawn 24 times a run (benchmarks/README.md, "App CPU per new visitor").
    lines = []
    if row.get("change") is not None:
        lines.append(translate("ind.change", lang, change=view.value_text(row["change"], row, lang, signed=True),
                               year=row["previous_year"]))
    if row.get("plan_change") is not None and row.get("baseline_year") != row.get("previous_year"):
        lines.append(translate("ind.plan_change", lang, change=view.value_text(row["plan_change"], row, lang, signed=True),
                               year=row["baseline_year"]))
    lines.append(plain(view.target_text(row, lang)))
    lines.append(view.comparison_text(row, lang, regions))  # the region names arrive escaped; the rest is ours
    return Card(row["id"], plain(localized(row, "title", lang)),
                translate("ind.latest_label", lang, year=row.get("latest_year") or ""), plain(latest),
                view.trend_label(row.get("trend"), lang), colour, icon, CAPTION_LINE_BREAK.join(lines),
                _ranks(ranks, lang, district_value), sparkline, translate("ind.details", lang))


def _area_cards(summary: dict, cards: pl.DataFrame, sparklines_: dict[int, dict], area_names: dict[str, str],
                district_figures: dict[int, str], ranks: dict[int, dict[str, dict]], lang: str,
                regions: dict[str, str]) -> AreaCards:
    code = summary["priority_area_code"]
    rows = cards.filter(pl.col("priority_area_code") == code).to_dicts()
    return AreaCards(plain(area_names.get(code, code)), view.area_line(summary, lang),
                     view.comparison_line(summary, lang),
                     tuple(_card(row, sparklines_.get(row["id"]), lang, district_figures.get(row["id"]),
                                 ranks.get(row["id"]), regions) for row in rows))


def _detail(store: Store, f: filters.Filters, row: dict, area_names: dict[str, str], attribution: str | None,
            ranks: dict[str, dict] | None, lang: str) -> Detail:
    """One indicator in depth: regions over time, ranks, peers, similar municipalities, the map, genders."""
    chosen = row["id"]
    drawn = detail_charts(store, f.start_year, f.end_year, f.age_group, chosen, lang)
    return Detail(
        id=chosen, title=plain(localized(row, "title", lang)),
        subtitle=(f"{plain(area_names.get(row['priority_area_code'], ''))} · "
                  f"{translate('ind.direction.' + row['direction'], lang)} · {plain(view.target_text(row, lang))}"),
        regions_title=translate("ind.chart.regions", lang),
        trend=Chart(drawn["trend"], drawn["alt"], f"indikaattori-{chosen}", plain(drawn["alt"])),
        rank_title=translate("rank.detail", lang, year=row.get("latest_year") or ""),
        ranks=_ranks(ranks, lang), rank_note=translate("rank.caption" if ranks else "rank.none", lang),
        peer_title=translate("peer.title", lang),  # the configured peers' median and min–max band over time
        peer=None if drawn["peer"] is None else Chart(drawn["peer"], drawn["peer_text"], f"indikaattori-{chosen}-vertailu"),
        peer_text=drawn["peer_text"],
        similar=_similar(store, lang),
        map=_finland_map(store, chosen, lang, (ranks or {}).get("country", {}).get("year")),
        gender_title=translate("ind.chart.gender", lang),
        gender=(None if drawn["gender"] is None
                else Chart(drawn["gender"], drawn["alt"], f"indikaattori-{chosen}-sukupuolittain")),
        no_gender=translate("ind.no_gender", lang),
        texts=tuple((translate(f"ind.{key}", lang), localized(row, key, lang))
                    for key in ("description", "interpretation") if localized(row, key, lang)),
        attribution=plain(attribution) if attribution else None,
        close_label=translate("ind.close", lang))


def _similar(store: Store, lang: str) -> Similar:
    """Why these peers: every municipality by size and age structure, the proposal and the configured peers
    (the picture in view like the other charts; its figures as a table one click away)."""
    shown = similar(store, lang)
    title = translate("similar.title", lang)
    if "missing" in shown:
        return Similar(title, shown["missing"])
    table_title = translate("similar.table", lang)
    return Similar(title, None, plain(shown["method"]),
                   Chart(shown["spec"], shown["alt"], "samankaltaiset-kunnat", plain(shown["alt"])),
                   tuple(plain(note) for note in shown["notes"]), table_title, Table(shown["table"], table_title))


def _finland_map(store: Store, indicator_id: int, lang: str, year: int | None) -> FinlandMap:
    """Every municipality coloured by its class, the own one, its peers and its county outlined: in the year
    of the rank shown above it, so the screen counts the municipalities once (Kuusamo: "295/319" beside
    "310 kuntaa" on the map of another year)."""
    drawn = finland_map(store, indicator_id, lang, year)
    title = translate("map.title", lang)
    if "missing" in drawn:
        return FinlandMap(title, Message(INFO, drawn["missing"], ":material/map:"))
    return FinlandMap(title, None, Chart(drawn["spec"], drawn["alt"], f"suomen-kartta-{indicator_id}"),
                      drawn["note"], drawn["alt"])
