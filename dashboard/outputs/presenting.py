"""Presentation mode (`?present=1` on any screen): each screen's key figure, message and picture, for a projector.

No sidebar, no toolbar, no filter widgets: the filters and the language come from the URL, and are
shown small with the data date. A meeting's slides are a URL too: `&deck=overview,indicators:288,
participation` (a screen's url_path, optionally one thing in focus after a colon); without it the
deck is every meeting screen. Slides are stepped with the arrow keys or a presenter's clicker
(PageDown/PageUp), or rotate by themselves with `&rotate=SECONDS`. Each slide reads its screen's
model (the headline the overview's tile shows, the reach map, the meetings and coverage charts; the
indicator board for the overview and the indicators), lettered for a projector by
dashboard/outputs/slide_charts.py, so the projector and the screen never disagree. A click on the map's district or the status chart's indicator focuses it (`&drill=`);
Esc returns.
"""

from __future__ import annotations

from functools import partial

import streamlit as st

from dashboard.core import cache
from dashboard.core import filters
from dashboard.core import url_params
from dashboard.core import url_state
from dashboard.core.formatting import NBSP, fmt_datetime, plain
from dashboard.core.i18n import current_language, t
from dashboard.outputs import deck_pdf
from dashboard.outputs import slide_charts as pictures
from dashboard.outputs.briefing import Request, missing_fonts
from dashboard.outputs.deck import (DECK_KEY, DRILL_KEY, FOCUS_MAX, FOCUSABLE, PRESENT_KEY, ROTATE_KEY, SEQUENCE,
                                    SLIDE_KEY, DeckSlide, Position, deck_link, deck_url, parse_deck, position)
from dashboard.outputs.slides import MAP_HEIGHT, Picture, Slide, slide
from dashboard.participation import widgets as participation_widgets


ROTATE_MIN, ROTATE_MAX = url_params.PARAMS[ROTATE_KEY].low, url_params.PARAMS[ROTATE_KEY].high


_TICKS = "_present_rotate_ticks"
# The sidebar's deck builder: whether it is open (session state; it is drawn only then).
BUILDER_KEY = "present-builder-box"


# Static CSS of our own (no stored text). Hiding the header and the sidebar is the point here; in
# normal mode they stay. Sizes: body text at least 24 px (the floor for a 1280×720 projector), the
# key figure four times that; on a 1920×1080 screen everything grows with it. The figure and its
# message take the left column, the picture the right one; the controls share one line with the
# position ("2 / 3") and the demo label, so the slide fits 720 px without scrolling.
# Colours: black on white (21:1); the figure's dark blue is 12.7:1, all text above 7:1.
CSS = """<style>
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding: 0.25rem 2.5rem 0.25rem 2.5rem; max-width: 100%; }
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


def requested() -> bool:
    """Is this run in presentation mode (`?present=1`)?"""
    return url_state.read(PRESENT_KEY) is True


def start_button(page) -> None:
    """In normal mode: open the current screen, with the URL's filters, in presentation mode."""
    # A button and st.switch_page rather than st.page_link: a link to the page already shown runs it
    # with `present=1` but leaves the address bar without it, so the next click fell out of the mode.
    if st.sidebar.button(t("present.start"), icon=":material/slideshow:", help=t("present.start_help"),
                         key="present-start"):
        st.switch_page(page, query_params={**st.query_params.to_dict(), PRESENT_KEY: "1"})


@st.cache_data(show_spinner=False, max_entries=16)
def deck_pdf_bytes(store: cache.Store, f: filters.Filters, lang: str, deck: str) -> bytes:
    """The deck as 16:9 PDF pages, made once per (store version, filters, language, deck)."""
    request = Request(lang=lang, age_group=f.age_group, district=f.district, start_year=f.start_year,
                      end_year=f.end_year)
    return deck_pdf.build(store.url, request, deck, cache.engine(store.url)).pdf


def deck_builder(pages: list, store: cache.Store | None = None) -> None:
    """In normal mode, in the sidebar: pick a meeting's slides in order (the order they are picked
    in), optionally one thing in focus on each, and get the deck's link to copy or open, or the deck
    as a PDF (with `store`).

    Drawn only once opened (the expander reruns the page when it opens): closed, its list, fields,
    link and buttons were still built in every visitor's browser on every page, about a sixth of a
    page's drawing (the link's code block alone about 0.2 s)."""
    titles = {p.url_path: p.title for p in pages}
    by_path = {p.url_path: p for p in pages}
    box = st.sidebar.expander(t("present.builder"), icon=":material/playlist_play:", key=BUILDER_KEY,
                              on_change="rerun")
    if not box.open:
        return
    with box:
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
        if store is not None and not missing_fonts():
            f, lang, spec = filters.current(), current_language(), deck_url(slides)
            st.download_button(t("deck.download"), lambda: deck_pdf_bytes(store, f, lang, spec),
                               file_name=f"esitys-{f.start_year}-{f.end_year}.pdf", mime="application/pdf",
                               on_click="ignore", icon=":material/picture_as_pdf:", help=t("deck.download.help"),
                               key="present-builder-pdf")


def run(page, pages: list, store: cache.Store) -> None:
    """Draw the current screen as a slide, with its controls; `pages` are the navigation's, in order."""
    lang = current_language()
    f = filters.current()
    st.html(CSS)
    by_path = {p.url_path: p for p in pages}
    deck, unknown = parse_deck(url_state.read(DECK_KEY), tuple(by_path))
    if not deck:
        deck = parse_deck(None, tuple(by_path))[0]
    where = position(page.url_path, deck, url_state.read(SLIDE_KEY))
    params = st.query_params.to_dict()
    if DECK_KEY in params and where.index is None and SLIDE_KEY not in params:
        # A deck link opened on a screen that is not in it: the deck starts at its first slide.
        st.switch_page(by_path[deck[0].path], query_params={**params, SLIDE_KEY: "1"})
    drill = url_state.read(DRILL_KEY)  # printable text, cut to FOCUS_MAX
    focus = drill if drill else where.focus
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
    seconds, refused = url_state.read_or_refused(ROTATE_KEY)  # ASCII digits within the bounds (url_params)
    if refused is not None:
        st.warning(t("present.bad_rotate", value=plain(refused), low=ROTATE_MIN, high=ROTATE_MAX),
                   icon=":material/link_off:")
    return seconds


def _rotate(seconds: int, following) -> None:
    # The fragment's first run is part of this full run; its next one, `seconds` later, moves on.
    st.session_state[_TICKS] = 0

    @st.fragment(run_every=seconds)
    def tick() -> None:
        st.session_state[_TICKS] += 1
        if st.session_state[_TICKS] > 1:
            following()

    tick()
