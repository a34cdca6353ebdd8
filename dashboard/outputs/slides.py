"""Presentation mode (`?present=1` on any screen): each screen's key figure, message and picture, for a projector.

No sidebar, no toolbar, no filter widgets: the filters and the language come from the URL, and are
shown small with the data date. A meeting's slides are a URL too: `&deck=overview,indicators:288,
participation` (a screen's url_path, optionally one thing in focus after a colon); without it the
deck is every meeting screen. Slides are stepped with the arrow keys or a presenter's clicker
(PageDown/PageUp), or rotate by themselves with `&rotate=SECONDS`. Each slide reuses its screen's
own headline figure (the overview tiles' `headline()` functions and the indicator board) and its
screen's chart builders (dashboard/outputs/slide_charts.py), so the projector and the screen never
disagree. A click on the map's district or the status chart's indicator focuses it (`&drill=`);
Esc returns.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import partial
from urllib.parse import urlencode

import polars as pl
import streamlit as st

from dashboard.core import cache
from dashboard.core import filters
from dashboard.core.formatting import DASH, NBSP, fmt_datetime, plain
from dashboard.core.i18n import current_language, localized, t
from dashboard.data_status import cache as status_cache
from dashboard.data_status import view as status_tables
from dashboard.indicators import cache as ind_cache
from dashboard.indicators import view as ind_view
from dashboard.outputs import slide_charts as pictures
from dashboard.participation import cache as part_cache
from dashboard.participation import widgets as participation_widgets
from dashboard.partnerships import cache as ngo_cache
from dashboard.partnerships import charts as ngo_charts
from dashboard.partnerships import view as ngo_view
from dashboard.partnerships import widgets as ngo_widgets
from dashboard.working_groups import cache as group_cache
from dashboard.working_groups import widgets as group_widgets

PRESENT_KEY, ROTATE_KEY = "present", "rotate"
# The meeting deck, the shown slide's place in it (1-based), and a clicked district or indicator.
DECK_KEY, SLIDE_KEY, DRILL_KEY = "deck", "slide", "drill"
FOCUS_MAX = 40
# The screens a meeting steps through, in order. Data status and the accessibility statement can be
# presented (any screen can), but they are not slides of the meeting: "next" from them starts over.
SEQUENCE = ("overview", "indicators", "participation", "working-groups", "partnerships")
ROTATE_MIN, ROTATE_MAX = 3, 3600
NAMES_SHOWN = 2
LOW_NAMED = 6  # barely reached districts named on the map
# The picture's size in px on a 1280×720 projector; on a larger screen the CSS zooms it with the
# screen (1.25 at 1600×900, 1.5 at 1920×1080), so it fills the slide there too.
CHART_HEIGHT = 440
MAP_WIDTH, MAP_HEIGHT = 700, 330
_TICKS = "_present_rotate_ticks"

# Static CSS of our own (no stored text). Hiding the header and the sidebar is the point here; in
# normal mode they stay. Sizes: body text at least 24 px (the floor for a 1280×720 projector), the
# key figure four times that; on a 1920×1080 screen everything grows with it. The figure and its
# message take the left column, the picture the right one; the controls share one line with the
# position ("2 / 3") and the demo label, so the slide fits 720 px without scrolling.
# Colours: black on white (21:1); the figure's dark blue is 12.7:1, all text above 7:1.
CSS = """<style>
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding: 0.75rem 2.5rem 0.5rem 2.5rem; max-width: 100%; }
[data-testid="stMain"] { color: #000000; }
[data-testid="stMain"] p, [data-testid="stMain"] li, [data-testid="stMain"] button p {
  font-size: max(24px, 1.875vw); line-height: 1.25; color: #000000; }
[data-testid="stMain"] h1 { font-size: max(36px, 2.8vw); line-height: 1.15; color: #000000; padding: 0; }
.st-key-present-figure p { font-size: max(97px, 7.6vw); font-weight: 700; line-height: 1; color: #00355A;
  margin: 0; }
.st-key-present-label p { font-size: max(28px, 2.2vw); font-weight: 600; }
.st-key-present-footer p, .st-key-present-footer [data-testid="stCaptionContainer"] {
  font-size: max(24px, 1.6vw); color: #1A1A2E; }
.st-key-present-demo p { display: inline-block; background: #F0E442; color: #000000; font-weight: 700;
  padding: 0 0.4em; border-radius: 4px; font-size: max(24px, 1.6vw); margin: 0; }
.st-key-present-position p { font-weight: 700; margin: 0; }
.st-key-present-nav button { min-height: 3rem; }
.st-key-present-nav [data-testid="stIconMaterial"] { font-size: max(28px, 2.2vw); }
/* The buttons' shortcut hints (Esc) are faded by default: 4.48:1, under even the normal floor. */
.st-key-present-nav kbd { color: #1A1A2E !important; opacity: 1 !important; font-size: max(24px, 1.6vw); }
/* The picture is laid out for 1280×720 (the map zoomed to fit 700×330 px); a larger screen zooms it.
   A chart measures its box's width by script: the box is made narrower by the zoom's factor, so
   that zoomed it is as wide as the column. */
@media (min-width: 1580px) and (min-height: 880px) {
  .st-key-present-map, .st-key-present-chart { zoom: 1.25; }
  .st-key-present-chart { width: 80%; } }
@media (min-width: 1880px) and (min-height: 1050px) {
  .st-key-present-map, .st-key-present-chart { zoom: 1.5; }
  .st-key-present-chart { width: 66.6%; } }
</style>"""

# A presenter's clicker sends PageDown/PageUp; Streamlit's button shortcut takes one key, the arrow.
# The listener is added once per browser tab and only clicks our own buttons (static script).
CLICKER_JS = """<span class="hyte-script"></span><script>
if (!window.hyteClicker) {
  window.hyteClicker = true;
  document.addEventListener("keydown", (event) => {
    const key = {PageDown: "present-next", PageUp: "present-previous"}[event.key];
    const button = key && document.querySelector(".st-key-" + key + " button");
    if (button) { event.preventDefault(); button.click(); }
  });
}
</script>"""


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


@dataclass(frozen=True)
class DeckSlide:
    """One slide of a meeting deck: a screen's url_path and what it has in focus (or None)."""

    path: str
    focus: str | None = None

    def __str__(self) -> str:
        return self.path if self.focus is None else f"{self.path}:{self.focus}"


def parse_deck(raw: str | None, known: tuple[str, ...]) -> tuple[list[DeckSlide], list[str]]:
    """`overview,indicators:288,participation` as slides in order, and the parts naming no screen.

    Without a deck (None or nothing in it) the deck is every meeting screen (`SEQUENCE`) in order.
    """
    if raw is None or not raw.strip(" ,"):
        return [DeckSlide(p) for p in SEQUENCE if p in known], []
    slides, unknown = [], []
    for part in raw.split(","):
        part = part.strip()
        if not part:
            continue
        path, _, focus = part.partition(":")
        path, focus = path.strip(), focus.strip()
        if path in known and len(focus) <= FOCUS_MAX:
            slides.append(DeckSlide(path, focus or None))
        else:
            unknown.append(part[:40])
    return slides, unknown


def deck_url(slides: list[DeckSlide]) -> str:
    """The `deck` parameter's value for these slides."""
    return ",".join(str(s) for s in slides)


def requested() -> bool:
    """Is this run in presentation mode (`?present=1`)?"""
    return st.query_params.get(PRESENT_KEY) == "1"


def start_button(page) -> None:
    """In normal mode: open the current screen, with the URL's filters, in presentation mode."""
    # A button and st.switch_page rather than st.page_link: a link to the page already shown runs it
    # with `present=1` but leaves the address bar without it, so the next click fell out of the mode.
    if st.sidebar.button(t("present.start"), icon=":material/slideshow:", help=t("present.start_help"),
                         key="present-start"):
        st.switch_page(page, query_params={**st.query_params.to_dict(), PRESENT_KEY: "1"})


# The screens whose slide can have one thing in focus (the deck builder asks only for these).
FOCUSABLE = ("indicators", "participation", "working-groups", "partnerships")


def deck_builder(pages: list) -> None:
    """In normal mode, in the sidebar: pick a meeting's slides in order (the order they are picked
    in), optionally one thing in focus on each, and get the deck's link to copy or open."""
    titles = {p.url_path: p.title for p in pages}
    by_path = {p.url_path: p for p in pages}
    with st.sidebar.expander(t("present.builder"), icon=":material/playlist_play:"):
        chosen = st.multiselect(t("present.builder.slides"), list(titles), default=[p for p in SEQUENCE if p in titles],
                                format_func=titles.get, key="present-builder")
        slides = []
        for path in chosen:
            focus = ""
            if path in FOCUSABLE:
                focus = st.text_input(t("present.builder.focus", slide=titles[path]), key=f"present-builder-{path}",
                                      help=t("present.builder.focus_help"), max_chars=FOCUS_MAX)
            slides.append(DeckSlide(path, focus.strip().replace(",", "") or None))
        if not slides:
            return
        params = {**st.query_params.to_dict(), PRESENT_KEY: "1", DECK_KEY: deck_url(slides), SLIDE_KEY: "1"}
        st.caption(t("present.builder.link"))
        st.code(deck_link(st.context.url, slides[0].path, params), language=None, wrap_lines=True)
        if st.button(t("present.builder.open"), icon=":material/slideshow:", key="present-builder-open"):
            st.switch_page(by_path[slides[0].path], query_params=params)


def deck_link(current_url: str | None, path: str, params: dict[str, str]) -> str:
    """The deck's address: this app's address with the first slide's screen and `params`
    (commas and colons left readable: `deck=overview,indicators:288`)."""
    base = (current_url or "").split("?")[0].split("#")[0]
    root = base.rsplit("/", 1)[0] if base.count("/") > 2 else base.rstrip("/")
    return f"{root}/{path}?" + urlencode(params, safe=",:")


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
    names = group_widgets.group_names(act["groups"], lang)
    lines = []
    if focus is not None:
        if focus in names:
            act = {**act, "counts": act["counts"].filter(pl.col("group_code") == focus)}
            lines.append(t("present.focus", name=plain(names[focus])))
        else:
            lines.append(_unknown_focus(focus))
    message = group_widgets.meetings_year_message(act, year, names)
    spec = pictures.projector(group_widgets.meetings_year(act, year, names, message).to_dict(), CHART_HEIGHT)
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


# --- drawing --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Position:
    """Where the shown screen is in the deck: `index` (None when it is not one of its slides), the
    slide before and after it, and what it has in focus."""

    deck: list[DeckSlide]
    index: int | None
    focus: str | None

    def neighbour(self, step: int) -> int:
        if self.index is None:
            return len(self.deck) - 1 if step < 0 else 0
        return (self.index + step) % len(self.deck)


def position(here: str, deck: list[DeckSlide], raw_slide: str | None) -> Position:
    """The shown screen's place in the deck: the `slide` parameter's (1-based) when it names this
    screen, else the screen's first slide in the deck."""
    if raw_slide and raw_slide.isdigit() and 1 <= int(raw_slide) <= len(deck) and deck[int(raw_slide) - 1].path == here:
        i = int(raw_slide) - 1
        return Position(deck, i, deck[i].focus)
    for i, s in enumerate(deck):
        if s.path == here:
            return Position(deck, i, s.focus)
    return Position(deck, None, None)


def run(page, pages: list, store: cache.Store) -> None:
    """Draw the current screen as a slide, with its controls; `pages` are the navigation's, in order."""
    lang = current_language()
    f = filters.current()
    st.html(CSS)
    by_path = {p.url_path: p for p in pages}
    deck, unknown = parse_deck(st.query_params.get(DECK_KEY), tuple(by_path))
    if not deck:
        deck = parse_deck(None, tuple(by_path))[0]
    where = position(page.url_path, deck, st.query_params.get(SLIDE_KEY))
    params = st.query_params.to_dict()
    if DECK_KEY in params and where.index is None and SLIDE_KEY not in params:
        # A deck link opened on a screen that is not in it: the deck starts at its first slide.
        st.switch_page(by_path[deck[0].path], query_params={**params, SLIDE_KEY: "1"})
    drill = st.query_params.get(DRILL_KEY)
    focus = drill[:FOCUS_MAX] if drill else where.focus
    shown = slide(page.url_path, page.title, store, f, lang, focus)
    with st.container(key="present-top", horizontal=True, vertical_alignment="center", gap="large"):
        st.title(shown.title, anchor=False, width="content")
        muni = cache.municipality(store)
        if muni.height and muni["is_demo"][0]:
            with st.container(key="present-demo", width="content"):
                st.markdown(t("demo.label"))
    if unknown:
        st.warning(t("present.unknown_slides", slides=", ".join(plain(u) for u in unknown),
                     known=", ".join(by_path)), icon=":material/link_off:")
    if shown.picture is None:
        _message(shown)
    else:
        text, picture = st.columns([2, 3], gap="large")
        with text:
            _message(shown)
        with picture:
            _picture(shown.picture, where)
    _footer(store, f, lang)
    _controls(page, by_path, where, drill is not None)


def _message(shown: Slide) -> None:
    if shown.figure is not None:
        with st.container(key="present-figure"):
            # The figure may wrap after its number ("57,5 / 1 000"), never inside "1 000".
            st.markdown(shown.figure.replace(f"{NBSP}/{NBSP}", " / "))
    with st.container(key="present-label"):
        st.markdown(shown.label)
    for line in shown.lines:
        st.markdown(line)


def _picture(picture: Picture, where: Position) -> None:
    key = f"present-pick-{where.index}"
    with st.container(key="present-picture"):
        if picture.deck is not None:
            with st.container(key="present-map"):
                st.pydeck_chart(picture.deck, height=MAP_HEIGHT, key=key, alt=picture.alt,
                                selection_mode="single-object", on_select=partial(_drill_district, key))
            st.vega_lite_chart(picture.legend, width="stretch")  # its description is its text alternative
            return
        # Laid out for a 1280×720 projector; the CSS zooms it on a larger screen.
        with st.container(key="present-chart"):
            # The spec's description is the chart's text alternative (picture.alt).
            if picture.select == "indicator":
                st.vega_lite_chart(picture.spec, width="stretch", key=key, on_select=partial(_drill_indicator, key),
                                   selection_mode=pictures.INDICATOR_SELECTION)
            else:
                st.vega_lite_chart(picture.spec, width="stretch")


def _drill_district(key: str) -> None:
    """A click on the map slide: that district in focus on the same slide (Esc returns)."""
    code = participation_widgets.picked_district(st.session_state.get(key))
    if code is not None:
        st.query_params[DRILL_KEY] = code


def _drill_indicator(key: str) -> None:
    """A click on an indicator in the status chart: its trend on the same slide (Esc returns)."""
    chosen = ((st.session_state.get(key) or {}).get("selection") or {}).get(pictures.INDICATOR_SELECTION) or []
    if chosen and chosen[0].get("id") is not None:
        st.query_params[DRILL_KEY] = str(chosen[0]["id"])


def _footer(store: cache.Store, f: filters.Filters, lang: str) -> None:
    loaded = cache.last_successful_load(store)
    when = t("data_date", when=fmt_datetime(loaded, lang)) if loaded else t("data_date.none")
    with st.container(key="present-footer"):
        st.caption(f"{filters.describe(f, store)} · {when}")


def _controls(page, by_path: dict, where: Position, drilled: bool) -> None:
    params = {k: v for k, v in st.query_params.to_dict().items() if k != DRILL_KEY}
    seconds = rotation_seconds()

    def go(step: int) -> None:
        i = where.neighbour(step)
        target = where.deck[i]
        st.switch_page(by_path[target.path], query_params={**params, SLIDE_KEY: str(i + 1)})

    with st.container(key="present-nav", horizontal=True, gap="medium", vertical_alignment="center"):
        if where.index is not None:
            with st.container(key="present-position", width="content"):
                st.markdown(f"{where.index + 1} / {len(where.deck)}")
        if st.button(t("present.previous"), key="present-previous", shortcut="Left",
                     icon=":material/arrow_back:"):
            go(-1)
        if st.button(t("present.next"), key="present-next", shortcut="Right", icon=":material/arrow_forward:"):
            go(1)
        if seconds and st.button(t("present.pause"), key="present-pause", icon=":material/pause:"):
            st.switch_page(page, query_params={k: v for k, v in params.items() if k != ROTATE_KEY})
        if drilled:
            # Esc first returns from a clicked district or indicator to the slide as it was.
            if st.button(t("present.back"), key="present-back", shortcut="Esc", icon=":material/undo:"):
                st.query_params.pop(DRILL_KEY, None)
                st.rerun()
        elif st.button(t("present.exit"), key="present-exit", shortcut="Esc", icon=":material/close:"):
            st.switch_page(page, query_params={k: v for k, v in params.items()
                                               if k not in (PRESENT_KEY, ROTATE_KEY, DECK_KEY, SLIDE_KEY)})
    st.html(CLICKER_JS, unsafe_allow_javascript=True)
    if seconds:
        st.caption(t("present.rotating", seconds=seconds))
        _rotate(seconds, lambda: go(1))


def rotation_seconds() -> int | None:
    """`&rotate=SECONDS` as a number of seconds, None when absent; a wrong value is said on screen."""
    raw = st.query_params.get(ROTATE_KEY)
    if raw is None:
        return None
    # ASCII digits only (isdigit takes '²', which int() refuses) and few of them (int() refuses 4,300+).
    if raw.isascii() and raw.isdigit() and len(raw) <= len(str(ROTATE_MAX)) and ROTATE_MIN <= int(raw) <= ROTATE_MAX:
        return int(raw)
    st.warning(t("present.bad_rotate", value=plain(raw[:40]), low=ROTATE_MIN, high=ROTATE_MAX),
               icon=":material/link_off:")
    return None


def _rotate(seconds: int, following) -> None:
    # The fragment's first run is part of this full run; its next one, `seconds` later, moves on.
    st.session_state[_TICKS] = 0

    @st.fragment(run_every=seconds)
    def tick() -> None:
        st.session_state[_TICKS] += 1
        if st.session_state[_TICKS] > 1:
            following()

    tick()
