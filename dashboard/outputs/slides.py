"""Each screen's slide: its key figure, message and picture, built from the screen's own headline,
cached reads, view functions and chart builders (slide_charts), so the projector and the screen never
disagree."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import polars as pl

from dashboard.core import cache
from dashboard.core import filters
from dashboard.core.formatting import DASH, plain
from dashboard.core.i18n import localized, t
from dashboard.data_status import cache as status_cache
from dashboard.data_status import view as status_tables
from dashboard.indicators import cache as ind_cache
from dashboard.indicators import view as ind_view
from dashboard.outputs import slide_charts as pictures
from dashboard.outputs.deck import FOCUS_MAX
from dashboard.participation import cache as part_cache
from dashboard.participation import widgets as participation_widgets
from dashboard.partnerships import cache as ngo_cache
from dashboard.partnerships import charts as ngo_charts
from dashboard.partnerships import view as ngo_view
from dashboard.partnerships import widgets as ngo_widgets
from dashboard.working_groups import cache as group_cache
from dashboard.working_groups import view as wg_view
from dashboard.working_groups import widgets as group_widgets


NAMES_SHOWN = 2


LOW_NAMED = 6  # barely reached districts named on the map


# The picture's size in px on a 1280×720 projector; on a larger screen the CSS zooms it with the
# screen (1.25 at 1600×900, 1.5 at 1920×1080), so it fills the slide there too.
CHART_HEIGHT = 440
MAP_WIDTH, MAP_HEIGHT = 700, 330


@dataclass(frozen=True)
class Picture:
    """A slide's picture: a Vega-Lite chart (`spec`) or a pydeck map (`deck`, with its `legend`).

    `alt` is its text alternative with its numbers; `select` names what a click on it focuses
    ("indicator" on the status chart, "district" on the map), None when a click does nothing.
    """

    alt: str
    spec: dict | None = None
    deck: object | None = None
    legend: dict | None = None
    select: str | None = None


@dataclass(frozen=True)
class Slide:
    """One screen's key message: its number, what the number says, at most a few lines more, and
    its picture.

    `figure` is a dash when the data gives no number (never a made-up one), None on a screen that has
    no number to show (the accessibility statement). `lines` are Markdown-safe (stored names escaped).
    """

    title: str
    figure: str | None
    label: str
    lines: list[str] = field(default_factory=list)
    picture: Picture | None = None


def slide(url_path: str, title: str, store: cache.Store, f: filters.Filters, lang: str,
          focus: str | None = None) -> Slide:
    """The key message and picture of the screen at `url_path`, with `focus` in focus when given."""
    if url_path == "overview":
        return _overview(title, store, f, lang)
    if url_path == "indicators":
        return _indicators(title, store, f, lang, focus)
    if url_path == "participation":
        return _participation(title, store, f, lang, focus)
    if url_path == "working-groups":
        return _working_groups(title, store, f, lang, focus)
    if url_path == "partnerships":
        return _partnerships(title, store, f, lang, focus)
    if url_path == "data-status":
        return _data_status(title, store, lang)
    return Slide(title, None, t("present.a11y.message"))


def _unknown_focus(focus: str) -> str:
    return t("present.focus_unknown", focus=plain(focus[:FOCUS_MAX]))


def _overview(title: str, store: cache.Store, f: filters.Filters, lang: str) -> Slide:
    municipality = cache.municipality(store).to_dicts()
    if municipality:  # the room should see whose plan this is
        title = f"{title}: {plain(localized(municipality[0], 'name', lang))}"
    board = ind_cache.indicator_board(store, f.start_year, f.end_year, f.age_group)
    areas = board["areas"]
    if areas.is_empty():
        return Slide(title, DASH, t("present.ov.figure"), [t("overview.no_areas")])
    # Out of the indicators that have a trend: "0/4" would blame indicators that lack data.
    judged = int(areas["indicators"].sum() - areas["no_data"].sum())
    good = int(areas["improving"].sum() + areas["holding"].sum())
    worsening = board["cards"].filter(pl.col("trend") == "worsening")
    if worsening.is_empty():
        lines = [t("present.ov.no_worsening")]
    else:
        titles = [plain(localized(row, "title", lang)) for row in worsening.head(NAMES_SHOWN).to_dicts()]
        more = f" (+{worsening.height - NAMES_SHOWN})" if worsening.height > NAMES_SHOWN else ""
        lines = [t("present.ov.worsening", count=worsening.height, names="; ".join(titles) + more)]
    signals = board["signals"]
    lines.append(t("present.ov.signals", count=signals.height))
    lines += [f"⚠ {plain(localized(s, 'title', lang))}" for s in signals.head(NAMES_SHOWN).to_dicts()]
    names = pictures.area_names(cache.priority_areas(store), lang)
    chart = pictures.area_status_chart(areas, names, lang, CHART_HEIGHT)
    return Slide(title, f"{good}/{judged}" if judged else DASH, t("present.ov.figure"), lines,
                 Picture(chart["description"], spec=chart))


def _indicators(title: str, store: cache.Store, f: filters.Filters, lang: str, focus: str | None) -> Slide:
    board = ind_cache.indicator_board(store, f.start_year, f.end_year, f.age_group)
    areas, cards = board["areas"], board["cards"]
    if areas.is_empty():
        return Slide(title, DASH, t("present.ind.figure"), [t("ind.none")])
    names = pictures.area_names(cache.priority_areas(store), lang)
    known = {str(i): i for i in cards["id"].to_list()}
    if focus is not None and focus in known:
        return _indicator(title, store, f, lang, cards.filter(pl.col("id") == known[focus]).row(0, named=True), names)
    met, with_target = int(areas["target_met"].sum()), int(areas["with_target"].sum())
    lines = [] if focus is None else [_unknown_focus(focus)]
    lines += [t("present.ind.area", area=plain(names.get(row["priority_area_code"], row["priority_area_code"])),
                line=ind_view.area_line(row, lang)) for row in areas.iter_rows(named=True)]
    quartiles = [r["country"]["quartile"] for r in ind_cache.card_ranks(store, f.start_year, f.end_year,
                                                                          f.age_group).values() if "country" in r]
    if quartiles:
        lines.append(t("rank.slide", best=quartiles.count(1), worst=quartiles.count(4), ranked=len(quartiles)))
    chart = pictures.indicator_status_chart(cards, names, lang, CHART_HEIGHT)
    return Slide(title, f"{met}/{with_target}" if with_target else DASH, t("present.ind.figure"), lines,
                 Picture(chart["description"], spec=chart, select="indicator"))


def _indicator(title: str, store: cache.Store, f: filters.Filters, lang: str, row: dict,
               names: dict[str, str]) -> Slide:
    """One indicator in focus: its latest value, its trend against the county and country, its target."""
    municipality = localized(cache.municipality(store).row(0, named=True), "name", lang)
    series = ind_cache.indicator_series(store, f.start_year, f.end_year)
    regions = series.filter((pl.col("indicator_id") == row["id"]) & (pl.col("gender") == "total")).with_columns(
        pl.when(pl.lit(lang) == "sv").then(pl.coalesce("region_sv", "region_fi"))
        .when(pl.lit(lang) == "en").then(pl.coalesce("region_en", "region_fi"))
        .otherwise(pl.col("region_fi")).alias("region"))
    chart = pictures.indicator_trend_chart(row, regions, municipality, lang, CHART_HEIGHT)
    value = ind_view.with_unit(ind_view.value_text(row["latest"], row, lang), row)
    label = plain(localized(row, "title", lang)) + (f" ({row['latest_year']})" if row.get("latest_year") else "")
    lines = [f"{plain(names.get(row['priority_area_code'], ''))} · {ind_view.trend_label(row['trend'], lang)}",
             plain(ind_view.target_text(row, lang)), plain(ind_view.comparison_text(row, lang))]
    return Slide(title, value, label, lines, Picture(chart["description"], spec=chart))


def _participation(title: str, store: cache.Store, f: filters.Filters, lang: str, focus: str | None) -> Slide:
    shown = part_cache.participation_districts(store, f.start_year, f.end_year, f.age_group, (), (), (), lang)
    chosen = focus if focus in shown["names"] else None
    value, note = participation_widgets.headline(store, f if chosen is None else replace(f, district=chosen))
    lines = [note] if focus is None or chosen else [note, _unknown_focus(focus)]
    frame = shown["frame"]
    if value == DASH or frame.is_empty():
        return Slide(title, value, t("tile.reach"), lines)
    drawn = part_cache.participation_map(store, f.start_year, f.end_year, f.age_group, (), (), (), lang, False,
                                         chosen)
    centroids = {d["code"]: (d["centroid_lon"], d["centroid_lat"]) for d in cache.districts(store).to_dicts()}
    low = pictures.low_names(frame, centroids)
    if low:
        lines.append(t("present.part.low", names=", ".join(plain(n["name"]) for n in low[:LOW_NAMED])
                       + (f" (+{len(low) - LOW_NAMED})" if len(low) > LOW_NAMED else "")))
    deck = pictures.map_for_slide(drawn["deck"], part_cache.participation_geo(store)["bounds"], low[:LOW_NAMED],
                                  MAP_WIDTH, MAP_HEIGHT)
    return Slide(title, value, t("tile.reach"), lines,
                 Picture(drawn["alt"], deck=deck, legend=pictures.legend_for_slide(drawn["legend"]), select="district"))


def _working_groups(title: str, store: cache.Store, f: filters.Filters, lang: str, focus: str | None) -> Slide:
    value, note = group_widgets.headline(store, f)
    act = group_cache.group_activity(store, f.start_year, f.end_year, f.age_group, group_widgets.today())
    year = min(f.end_year, group_widgets.today().year - 1)
    if value == DASH or year not in act["years"]:
        return Slide(title, value, note, [])
    names = wg_view.group_names(act["groups"], lang)
    lines = []
    if focus is not None:
        if focus in names:
            act = {**act, "counts": act["counts"].filter(pl.col("group_code") == focus)}
            lines.append(t("present.focus", name=plain(names[focus])))
        else:
            lines.append(_unknown_focus(focus))
    message = wg_view.meetings_year_message(act, year, names, lang)
    spec = pictures.projector(wg_view.meetings_year(act, year, names, message, lang).to_dict(), CHART_HEIGHT)
    return Slide(title, value, note, lines, Picture(message, spec=spec))


def _partnerships(title: str, store: cache.Store, f: filters.Filters, lang: str, focus: str | None) -> Slide:
    value, note = ngo_widgets.headline(store, f)
    board = ngo_cache.ngo_board(store, f.start_year, f.end_year, f.age_group, f.district)
    matrix, lines = board["matrix"], [note]
    if focus is not None:
        if focus in set(matrix["priority_area_code"].to_list()):
            matrix = matrix.filter(pl.col("priority_area_code") == focus)
            area = ngo_cache.names(store, lang).area.get(focus, focus)
            lines.append(t("present.focus", name=plain(area)))
        else:
            lines.append(_unknown_focus(focus))
    if matrix.is_empty():
        return Slide(title, value, t("present.ngo.figure"), lines)
    n = ngo_cache.names(store, lang)
    alt = ngo_view.coverage_alt(matrix, n, lang)
    chart = ngo_charts.coverage_heatmap(ngo_view.coverage_cells(matrix, n, lang), ngo_view.coverage_labels(lang), alt)
    spec = pictures.words_on_lines(pictures.projector(chart.to_dict(), CHART_HEIGHT))
    return Slide(title, value, t("present.ngo.figure"), lines, Picture(alt, spec=spec))


def _data_status(title: str, store: cache.Store, lang: str) -> Slide:
    sources = status_tables.freshness(status_cache.source_freshness(store), lang)
    if not sources:
        return Slide(title, DASH, t("present.status.figure"), [t("status.no_sources")])
    stale = [plain(s["source"]) for s in sources if not s["fresh"]]
    line = t("present.status.stale", sources=", ".join(stale)) if stale else t("present.status.all_fresh")
    return Slide(title, f"{len(sources) - len(stale)}/{len(sources)}", t("present.status.figure"), [line])
