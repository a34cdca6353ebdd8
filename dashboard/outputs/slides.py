"""Each screen's slide: its key figure, message and picture, read from the screen's own model (its
headline, the reach map, the meetings and coverage charts, the sources' freshness) or, for the
overview and the indicators, from the indicator board the models read, lettered for a projector
(slide_charts), so the projector and the screen never disagree."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import polars as pl

from dashboard.core import cache
from dashboard.core import filters
from dashboard.core.formatting import DASH, plain
from dashboard.core.i18n import localized, t
from dashboard.data_status import model as data_status
from dashboard.indicators import cache as ind_cache
from dashboard.indicators import model as indicators
from dashboard.indicators import view as ind_view
from dashboard.outputs import slide_charts as pictures
from dashboard.outputs.deck import FOCUS_MAX
from dashboard.participation import model as participation
from dashboard.partnerships import cache as ngo_cache
from dashboard.partnerships import model as partnerships
from dashboard.working_groups import model as working_groups
from dashboard.working_groups import view as wg_view


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


# The screens whose slide has a key figure (the others: the accessibility statement and the editing screens).
WITH_FIGURE = ("overview", "indicators", "participation", "working-groups", "partnerships", "data-status")


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
    if url_path == "accessibility":
        return Slide(title, None, t("present.a11y.message"))
    # The coordinator's editing screens (the plan, the registers) have no slide of their own: say so, rather
    # than show another screen's message on the projector.
    return Slide(title, None, t("present.no_slide"))


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
    regions = indicators.regions_in(series.filter((pl.col("indicator_id") == row["id"]) & (pl.col("gender") == "total")),
                                    lang)
    chart = pictures.indicator_trend_chart(row, regions, municipality, lang, CHART_HEIGHT)
    value = ind_view.with_unit(ind_view.value_text(row["latest"], row, lang), row)
    label = plain(localized(row, "title", lang)) + (f" ({row['latest_year']})" if row.get("latest_year") else "")
    lines = [f"{plain(names.get(row['priority_area_code'], ''))} · {ind_view.trend_label(row['trend'], lang)}",
             plain(ind_view.target_text(row, lang)), plain(ind_view.comparison_text(row, lang))]
    return Slide(title, value, label, lines, Picture(chart["description"], spec=chart))


def _participation(title: str, store: cache.Store, f: filters.Filters, lang: str, focus: str | None) -> Slide:
    chosen = focus if focus in set(cache.districts(store)["code"]) else None
    value, note = participation.headline(store, f if chosen is None else replace(f, district=chosen), lang)
    lines = [note] if focus is None or chosen else [note, _unknown_focus(focus)]
    drawn = participation.reach(store, f, lang, district=chosen)
    if value == DASH or drawn is None:
        return Slide(title, value, t("tile.reach"), lines)
    low = list(drawn.low)
    if low:
        lines.append(t("present.part.low", names=", ".join(plain(n["name"]) for n in low[:LOW_NAMED])
                       + (f" (+{len(low) - LOW_NAMED})" if len(low) > LOW_NAMED else "")))
    deck = pictures.map_for_slide(drawn.deck, drawn.bounds, low[:LOW_NAMED], MAP_WIDTH, MAP_HEIGHT)
    return Slide(title, value, t("tile.reach"), lines,
                 Picture(drawn.alt, deck=deck, legend=pictures.legend_for_slide(drawn.legend.spec), select="district"))


def _working_groups(title: str, store: cache.Store, f: filters.Filters, lang: str, focus: str | None) -> Slide:
    value, note = working_groups.headline(store, f, lang)
    act = working_groups.activity(store, f)
    judged = working_groups.judged_year(act["years"], f, working_groups.today())
    if value == DASH or judged is None:
        return Slide(title, value, note, [])
    year = judged[0]
    names = wg_view.group_names(act["groups"], lang)
    lines, group = [], None
    if focus is not None:
        if focus in names:
            group = focus
            lines.append(t("present.focus", name=plain(names[focus])))
        else:
            lines.append(_unknown_focus(focus))
    chart = working_groups.meetings_chart(store, f, lang, year, group)
    return Slide(title, value, note, lines, Picture(chart.alt, spec=pictures.projector(chart.spec, CHART_HEIGHT)))


def _partnerships(title: str, store: cache.Store, f: filters.Filters, lang: str, focus: str | None) -> Slide:
    value, note = partnerships.headline(store, f, lang)
    matrix, lines = ngo_cache.ngo_board(store, f.start_year, f.end_year, f.age_group, f.district)["matrix"], [note]
    area = None
    if focus is not None:
        if focus in set(matrix["priority_area_code"].to_list()):
            area = focus
            lines.append(t("present.focus", name=plain(partnerships.names(store, lang).area.get(focus, focus))))
        else:
            lines.append(_unknown_focus(focus))
    chart = partnerships.coverage_chart(store, f, lang, area)
    if chart is None:
        return Slide(title, value, t("present.ngo.figure"), lines)
    spec = pictures.words_on_lines(pictures.projector(chart.spec, CHART_HEIGHT))
    return Slide(title, value, t("present.ngo.figure"), lines, Picture(chart.alt, spec=spec))


def _data_status(title: str, store: cache.Store, lang: str) -> Slide:
    sources = data_status.freshness(store, lang)
    if not sources:
        return Slide(title, DASH, t("present.status.figure"), [t("status.no_sources")])
    stale = [s.name for s in sources if not s.fresh]
    line = t("present.status.stale", sources=", ".join(stale)) if stale else t("present.status.all_fresh")
    return Slide(title, f"{len(sources) - len(stale)}/{len(sources)}", t("present.status.figure"), [line])
