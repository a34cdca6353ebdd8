"""What the participation screen shows for one choice of filters, narrowing and language, as one value.

`build()` puts together the cached reads (dashboard.participation.cache), the districts' figures and
the reach map (built and cached here, once per filters and language: thousands of districts take a
second to format), the view's words and the charts' specs. No Streamlit widgets: pages/participation.py
lays the model out; the slides and the overview's tile read the same pieces (`headline`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import polars as pl

from dashboard.core import cache as core_cache
from dashboard.core import filters
from dashboard.core import screen
from dashboard.core.cache import Store, engine, versioned
from dashboard.core.formatting import DASH, NBSP, fmt_number, plain
from dashboard.core.i18n import localized, translate, translate_n
from dashboard.core.model import INFO, WARNING, Chart, Heading, Message, Table, TableFiles, Tile
from dashboard.participation import cache
from dashboard.participation import charts
from dashboard.participation import metrics
from dashboard.participation import queries
from dashboard.participation import reach_map
from dashboard.participation import view

NO_NARROWING: tuple[str, ...] = ()


@dataclass(frozen=True)
class Ranking:
    """The districts ranked, and the line naming the barely reached ones (Markdown, bold when any is)."""

    title: str
    chart: Chart
    line: str | None


@dataclass(frozen=True)
class DistrictDetail:
    """One district in detail: its figures, reach by age group and by quarter, its events."""

    code: str
    name: str
    summary: str
    by_age_title: str
    by_age: Chart
    by_age_table: Table
    trend_title: str
    trend: Chart
    events_title: str
    events: Table | None
    no_events: str


@dataclass(frozen=True)
class DistrictTable:
    """Every district's figures as the screen formats them, and the files with the raw figures."""

    title: str
    frame: pl.DataFrame
    files: TableFiles


@dataclass(frozen=True)
class Adoption:
    """How far each department has adopted the participation model (`empty` when nothing is known)."""

    title: str
    lead: str
    empty: Message | None
    line: str | None = None
    chart: Chart | None = None
    levels_title: str | None = None
    levels: Chart | None = None
    table: Table | None = None


@dataclass(frozen=True)
class ParticipationModel:
    """Everything the participation screen shows, in the order it shows it."""

    heading: Heading
    lead: str
    no_events: Message | None
    figures: tuple[Tile, ...]
    figures_warning: Message | None
    figures_note: str | None
    no_districts: Message | None
    district_names: dict[str, str]
    reach_map: reach_map.ReachMap | None
    ranking: Ranking | None
    detail: DistrictDetail | None
    districts: DistrictTable | None
    levels_title: str | None
    levels: Chart | None
    types_title: str | None
    types: Chart | None
    adoption: Adoption


# --- the cached pieces ---------------------------------------------------------------------------------

@versioned(show_spinner=False)
def participation_geo(store: Store) -> dict:
    """District outlines for the map (GeoJSON features simplified by the load, and bounds), once a data version."""
    return reach_map.outline_features(queries.district_outlines(engine(store.url)))


def _localized_names(frame: pl.DataFrame, lang: str) -> dict[str, str]:
    return {d["code"]: localized(d, "name", lang) for d in frame.to_dicts()}


@versioned(show_spinner=False, max_entries=64)
def participation_districts(store: Store, start_year: int, end_year: int, age_group: str | None,
                            event_types: tuple[str, ...], levels: tuple[str, ...], departments: tuple[str, ...],
                            lang: str) -> dict:
    """The districts as the screen shows them (suppressed), in `lang`: frame (names, tooltip lines,
    figures; view.district_frame), names (code -> name), table (formatted for the screen), ranked (the
    ranked-reach chart's Vega-Lite spec). Thousands of districts take a second to format in Python,
    so it is done once per filters and language, not per rerun."""
    reached = cache.participation_reach(store, start_year, end_year, age_group, event_types, levels, departments)
    frame = view.district_frame(reached, _localized_names(core_cache.districts(store), lang), lang)
    return {"frame": frame, "names": dict(zip(frame["code"], frame["name"], strict=True)),
            "table": view.districts_table(frame, lang, formatted=True),
            "ranked": view.ranked_chart(reached, frame, lang)}


@versioned(show_spinner=False, max_entries=64)
def participation_map(store: Store, start_year: int, end_year: int, age_group: str | None,
                      event_types: tuple[str, ...], levels: tuple[str, ...], departments: tuple[str, ...],
                      lang: str, show_events: bool, selected: str | None) -> dict:
    """The reach map built and serialised once per filters, language, events toggle and chosen district
    (reach_map.map_view): a rerun only hands the cached JSON to the browser."""
    reached = cache.participation_reach(store, start_year, end_year, age_group, event_types, levels, departments)
    frame = participation_districts(store, start_year, end_year, age_group, event_types, levels, departments,
                                    lang)["frame"]
    events = None
    if show_events:
        rows = metrics.narrow(cache.participation_rows(store, start_year, end_year), event_types, levels, departments)
        events = metrics.events_of(rows, age_group)
    centroids = {d["code"]: (d["centroid_lon"], d["centroid_lat"]) for d in core_cache.districts(store).to_dicts()}
    return reach_map.map_view(participation_geo(store), reached, events, frame, centroids,
                              _localized_names(cache.participation_departments(store), lang), show_events, selected,
                              lang)


# --- the screen ------------------------------------------------------------------------------------------

def build(store: Store, f: filters.Filters, lang: str, types: tuple[str, ...] = NO_NARROWING,
          levels: tuple[str, ...] = NO_NARROWING, departments: tuple[str, ...] = NO_NARROWING,
          district: str | None = None, show_events: bool = False) -> ParticipationModel:
    """The screen for the shared filters, the event types, levels and departments narrowed to (empty:
    all), the district in detail (None: none) and whether the map shows the events."""
    narrowing = (types, levels, departments)
    reached = cache.participation_reach(store, f.start_year, f.end_year, f.age_group, *narrowing)
    department_names = _localized_names(cache.participation_departments(store), lang)
    shown = participation_districts(store, f.start_year, f.end_year, f.age_group, *narrowing, lang)
    frame, names = shown["frame"], shown["names"]
    events = reached["summary"]["events"] > 0
    mapped = events and bool(names)
    drawn = reach(store, f, lang, *narrowing, district, show_events) if mapped else None
    detail = None
    if mapped and district in names:
        detail = _detail(store, f, narrowing, reached, frame, district, names[district], department_names, lang)
    figures, warning, note = _figures(reached, frame, f, lang) if events else ((), None, None)
    level_chart, type_chart = _levels_and_types(reached, lang) if events else (None, None)
    return ParticipationModel(
        heading=screen.heading(store, "page.participation", lang, f),
        lead=translate("participation.lead", lang),
        no_events=None if events else Message(INFO, translate("part.no_events", lang), ":material/event_busy:"),
        figures=figures, figures_warning=warning, figures_note=note,
        no_districts=(Message(INFO, translate("part.no_districts", lang), ":material/map:")
                      if events and not names else None),
        district_names=names,
        reach_map=drawn,
        ranking=_ranking(reached, frame, shown["ranked"], lang) if mapped else None,
        detail=detail,
        districts=_district_table(store, f, frame, shown["table"], lang) if mapped else None,
        levels_title=translate("part.levels", lang) if events else None,
        levels=level_chart,
        types_title=(translate("part.types_counts" if reached["summary"]["reach"] is None else "part.types", lang)
                     if events else None),
        types=type_chart,
        adoption=_adoption(store, f, narrowing, department_names, lang))


def reach(store: Store, f: filters.Filters, lang: str, types: tuple[str, ...] = NO_NARROWING,
          levels: tuple[str, ...] = NO_NARROWING, departments: tuple[str, ...] = NO_NARROWING,
          district: str | None = None, show_events: bool = False) -> reach_map.ReachMap | None:
    """The reach map as the screen shows it (None when the period has no events or the store no
    districts), `district` outlined when it is one of the store's."""
    narrowing = (types, levels, departments)
    reached = cache.participation_reach(store, f.start_year, f.end_year, f.age_group, *narrowing)
    shown = participation_districts(store, f.start_year, f.end_year, f.age_group, *narrowing, lang)
    if reached["summary"]["events"] == 0 or not shown["names"]:
        return None
    drawn = participation_map(store, f.start_year, f.end_year, f.age_group, *narrowing, lang, show_events,
                              district if district in shown["names"] else None)
    return reach_map.model(drawn, reached, lang)


def _figures(reached: dict, frame: pl.DataFrame, f: filters.Filters,
             lang: str) -> tuple[tuple[Tile, ...], Message | None, str]:
    """The four key figures, a warning when reach cannot be judged everywhere, and the notes beneath."""
    summary = reached["summary"]
    tiles = [Tile(translate("part.metric.reach", lang), view.reach_number(summary["reach"], lang)),
             Tile(translate("part.metric.participants", lang), fmt_number(summary["participants"], 0, lang)),
             Tile(translate("part.metric.events", lang), fmt_number(summary["events"], 0, lang))]
    warning = None
    no_population = Message(WARNING, translate("part.no_population", lang, year=f.end_year), ":material/groups:")
    if frame.height and view.reach_unknown(frame):
        # No district can be judged: what is known is where the events were.
        with_events = int((frame["events"] > 0).sum())
        tiles.append(Tile(translate("part.metric.with_events", lang),
                          f"{fmt_number(with_events, 0, lang)}/{fmt_number(frame.height, 0, lang)}"))
        warning = no_population
    else:
        tiles.append(Tile(translate("part.metric.low", lang), fmt_number(int(frame["low"].sum()), 0, lang)))
        missing = view.missing_population_line(frame, lang)
        if missing:
            warning = Message(WARNING, plain(missing), ":material/groups:")
        elif reached["population_year"] is None:
            warning = no_population
    notes = ([translate("part.reach_note", lang, year=reached["population_year"])]
             if reached["population_year"] else [])
    if summary["events_without_district"]:
        notes.append(view.counted("part.no_district_events", summary["events_without_district"], lang,
                                  participants=fmt_number(summary["participants_without_district"], 0, lang)))
    return tuple(tiles), warning, " ".join([*notes, translate("part.suppression_note", lang)])


def _ranking(reached: dict, frame: pl.DataFrame, ranked: dict, lang: str) -> Ranking:
    counts = bool(frame.height) and view.reach_unknown(frame)
    line = view.low_line(frame, reached["median"], lang)
    if line:
        line = f"**{plain(line)}**" if frame["low"].any() else plain(line)
    return Ranking(translate("part.ranked_counts" if counts else "part.ranked", lang),
                   Chart(ranked, ranked["description"], "tavoittavuus-alueittain", plain(ranked["description"])), line)


def _detail(store: Store, f: filters.Filters, narrowing: tuple, reached: dict, frame: pl.DataFrame, code: str,
            name: str, department_names: dict[str, str], lang: str) -> DistrictDetail:
    """One district: its figures, reach by age group, by quarter against the municipality, its events."""
    detail = cache.participation_district(store, f.start_year, f.end_year, f.age_group, *narrowing, code)
    row = frame.filter(pl.col("code") == code).row(0, named=True)
    ages = _localized_names(core_cache.age_groups(store), lang)
    unknown = not (row["population"] or 0) > 0
    if unknown:
        summary = translate("part.district.summary_unknown", lang, participants=view.count_text(row["participants"], lang),
                            events=fmt_number(row["events"], 0, lang))
    elif row["suppressed"]:
        summary = translate("part.district.summary_small", lang, events=fmt_number(row["events"], 0, lang))
    else:
        place, count = view.rank(reached["districts"], code)
        summary = plain(translate("part.district.summary", lang, participants=view.count_text(row["participants"], lang),
                                  events=fmt_number(row["events"], 0, lang), reach=view.per_1000(row, lang),
                                  rank=place, count=count))
    locale = view.vega_locale(lang)
    by_age_title = translate("part.district.by_age", lang)
    # Chart over table, not beside it: age-group names are long ("Personer i arbetsför ålder").
    bars = view.age_bars(detail["by_age"], ages, lang, counts=unknown)
    alt = view.age_alt(bars, name, lang, counts=unknown)
    labels = {"value": translate("part.axis.participants" if unknown else "part.axis.reach", lang),
              "label": translate("part.axis.age", lang)}
    by_age = Chart(charts.bars(bars, "participants" if unknown else "reach", labels, alt, sort=False, locale=locale),
                   alt, f"alue-{code}-ikaryhmat", plain(alt))
    trend = view.trend_lines(detail["quarterly"], name, lang)
    alt = view.trend_alt(trend, name, lang)
    labels = {"quarter": translate("part.axis.quarter", lang), "reach": translate("part.axis.reach", lang),
              "series": translate("part.axis.series", lang)}
    hidden = " " + translate("part.trend_hidden", lang) if trend["hidden"].any() else ""
    events_title = translate("part.district.events", lang)
    events = detail["events"]
    return DistrictDetail(
        code=code, name=plain(name), summary=summary, by_age_title=by_age_title, by_age=by_age,
        by_age_table=Table(view.age_table(detail["by_age"], ages, lang), f"{name}: {by_age_title}",
                           f"alue-{code}-ikaryhmat-taulukko"),
        trend_title=translate("part.district.trend", lang),
        trend=Chart(charts.quarter_trend(trend, labels, alt, locale), alt, f"alue-{code}-neljannekset",
                    plain(alt + hidden)),
        events_title=events_title,
        events=None if events.is_empty() else Table(view.events_table(events, department_names, lang),
                                                    f"{name}: {events_title}", f"alue-{code}-tapahtumat",
                                                    height=min(38 + 35 * events.height, 320)),
        no_events=translate("part.district.no_events", lang))


def _district_table(store: Store, f: filters.Filters, frame: pl.DataFrame, table: pl.DataFrame,
                    lang: str) -> DistrictTable:
    title = translate("part.file.title", lang)
    header = (title, filters.describe(f, store, markdown=False, lang=lang), translate("part.suppression_note", lang))
    # The files are made when a button is clicked: for thousands of districts, not on every rerun.
    files = TableFiles(partial(view.districts_table, frame, lang, formatted=False), "osallisuus-alueittain", header,
                       title, translate("part.download", lang), translate("part.download.excel", lang))
    return DistrictTable(title, table, files)


def _levels_and_types(reached: dict, lang: str) -> tuple[Chart, Chart]:
    locale = view.vega_locale(lang)
    bars = view.level_bars(reached["levels"], lang)
    alt = view.levels_alt(bars, lang)
    labels = {"value": translate("part.axis.participants", lang), "label": translate("part.axis.level", lang)}
    levels = Chart(charts.bars(bars, "participants", labels, alt, sort=False, locale=locale), alt,
                   "osallisuuden-tasot", plain(alt))
    # Reach by type needs the whole municipality's population: without it, participations by type.
    counts = reached["summary"]["reach"] is None
    bars = view.type_bars(reached["types"], lang, counts=counts)
    alt = view.types_alt(bars, lang, counts=counts)
    labels = {"value": translate("part.axis.participants" if counts else "part.axis.reach", lang),
              "label": translate("part.axis.type", lang)}
    types = Chart(charts.bars(bars, "participants" if counts else "reach", labels, alt, locale=locale), alt,
                  "tapahtumatyypit", plain(alt))
    return levels, types


def _adoption(store: Store, f: filters.Filters, narrowing: tuple, department_names: dict[str, str],
              lang: str) -> Adoption:
    title, lead = translate("part.adoption", lang), translate("part.adoption.lead", lang)
    frame = view.adoption_frame(cache.participation_adoption(store, f.start_year, f.end_year, *narrowing),
                                department_names, lang)
    if frame.is_empty() or frame["year"].is_null().all():
        return Adoption(title, lead, Message(INFO, translate("part.adoption.no_data", lang), ":material/school:"))
    locale = view.vega_locale(lang)
    line, bad = view.adoption_line(frame, lang)
    # One chart under the other: department names are long, and side by side at 1280 px the bars
    # would have no room.
    alt = view.adoption_alt(frame, lang)
    labels = {"share": translate("part.axis.units_share", lang), "department": translate("part.axis.department", lang)}
    chart = Chart(charts.adoption_chart(frame, labels, alt, metrics.LAGGING_SHARE, locale), alt,
                  "osallisuusmallin-kaytto", plain(alt))
    levels_title = translate("part.adoption.levels", lang)
    bars = view.department_level_bars(frame, lang)
    alt = view.department_levels_alt(bars, lang)
    labels = {"share": translate("part.axis.share", lang), "department": translate("part.axis.department", lang),
              "level": translate("part.axis.level", lang), "events": translate("part.axis.events", lang)}
    levels = Chart(charts.level_mix_by_department(bars, [view.level_label(lv, lang) for lv in metrics.LEVELS],
                                                  labels, alt, locale), alt, "tasot-toimialoittain", plain(alt))
    return Adoption(title, lead, None, f"**{plain(line)}**" if bad else plain(line), chart, levels_title, levels,
                    Table(view.adoption_table(frame, lang), levels_title, "osallisuusmallin-kayttoonotto"))


# --- the overview's tile and the slide ---------------------------------------------------------------------

def headline(store: Store, f: filters.Filters, lang: str) -> tuple[str, str]:
    """The overview tile: reach per 1,000 for the period and age group, and a short note.

    Municipality-wide ("557 / 1 000", "1 district barely reached"); for a district chosen in the
    sidebar, that district's reach and rank. A dash when the period has no events. Both texts are
    safe to show as Markdown (a stored district name is escaped).
    """
    reached = cache.participation_reach(store, f.start_year, f.end_year, f.age_group)
    unit = f"{NBSP}/{NBSP}1{NBSP}000"
    if reached["summary"]["events"] == 0:
        return DASH, translate("part.headline.none", lang)
    districts = reached["districts"]
    missing = reached["without_population"]
    if f.district is not None and f.district in districts["district_code"].to_list():
        names = _localized_names(core_cache.districts(store), lang)
        row = districts.filter(pl.col("district_code") == f.district).row(0, named=True)
        if f.district in missing:
            return view.count_text(row["participants"], lang), translate(
                "part.headline.district_unknown", lang, district=plain(names.get(f.district, f.district)))
        place, count = view.rank(districts, f.district)
        value = view.reach_text(row, lang) + ("" if row["suppressed"] or row["reach"] is None else unit)
        return value, translate("part.headline.district", lang, district=plain(names.get(f.district, f.district)),
                                rank=place, count=count)
    low = int(districts["low"].sum())
    if missing and reached["summary"]["population_from"] == "municipality":
        # Some districts' figures are hidden: the whole municipality from its own population, the hidden named.
        names = _localized_names(core_cache.districts(store), lang)
        hidden = ", ".join(plain(names.get(code, code)) for code in missing)
        value = view.reach_number(reached["summary"]["reach"], lang) + unit
        return value, translate_n("part.headline.whole_population", len(missing), lang, names=hidden)
    if missing and districts.height:
        # Reach unknown (for some districts or all): what can be counted, and why no reach.
        value = f"{fmt_number(int((districts['events'] > 0).sum()), 0, lang)}/{fmt_number(districts.height, 0, lang)}"
        why = (translate("part.headline.no_population", lang) if len(missing) == districts.height
               else translate_n("part.headline.some_population", len(missing), lang,
                                count=fmt_number(len(missing), 0, lang)))
        notes = [translate("part.headline.counts", lang), why]
        if low:
            notes.append(translate_n("part.headline.low", low, lang, count=low))
        return value, ". ".join(notes) + "."
    reach = reached["summary"]["reach"]
    value = DASH if reach is None else view.reach_number(reach, lang) + unit
    note = translate("part.headline.ok", lang) if low == 0 else translate_n("part.headline.low", low, lang, count=low)
    return value, note
