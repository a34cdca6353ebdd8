"""Presentation mode (`?present=1` on any screen): one key message a screen, in large type, for a projector.

No sidebar, no toolbar, no filter widgets: the filters and the language come from the URL, and are
shown small with the data date. Screens are stepped with the arrow keys or a presenter's clicker
(PageDown/PageUp), or rotate by themselves with `&rotate=SECONDS`. Each slide reuses its screen's
own headline figure (the overview tiles' `headline()` functions and the indicator board), so the
projector and the screen never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl
import streamlit as st

from dashboard.indicators import cache as ind_cache
from dashboard.data_status import cache as status_cache
from dashboard.core import cache
from dashboard.core import filters
from dashboard.working_groups import widgets as group_widgets
from dashboard.partnerships import widgets as ngo_widgets
from dashboard.participation import widgets as participation_widgets
from dashboard.data_status import view as status_tables
from dashboard.indicators import view as ind_view
from dashboard.core.formatting import DASH, fmt_datetime, plain
from dashboard.core.i18n import current_language, localized, t

PRESENT_KEY, ROTATE_KEY = "present", "rotate"
# The screens a meeting steps through, in order. Data status and the accessibility statement can be
# presented (any screen can), but they are not slides of the meeting: "next" from them starts over.
SEQUENCE = ("overview", "indicators", "participation", "working-groups", "partnerships")
ROTATE_MIN, ROTATE_MAX = 3, 3600
NAMES_SHOWN = 2
_TICKS = "_present_rotate_ticks"

# Static CSS of our own (no stored text). Hiding the header and the sidebar is the point here; in
# normal mode they stay. Sizes: body text at least 28 px (24 px is the floor for a 1280×720
# projector), the key figure at least 120 px; on a 1920×1080 screen everything grows with it.
# Colours: black on white (21:1); the figure's dark blue is 12.7:1, all text above 7:1.
CSS = """<style>
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding: 1.25rem 3rem 1rem 3rem; max-width: 100%; }
[data-testid="stMain"] { color: #000000; }
[data-testid="stMain"] p, [data-testid="stMain"] li, [data-testid="stMain"] button p {
  font-size: max(28px, 2.2vw); line-height: 1.3; color: #000000; }
[data-testid="stMain"] h1 { font-size: max(44px, 3.4vw); line-height: 1.15; color: #000000; padding: 0; }
.st-key-present-figure p { font-size: max(120px, min(14vw, 22vh)); font-weight: 700; line-height: 1; color: #00355A;
  margin: 0; }
.st-key-present-label p { font-size: max(36px, 2.8vw); font-weight: 600; }
.st-key-present-footer p, .st-key-present-footer [data-testid="stCaptionContainer"] {
  font-size: max(24px, 1.6vw); color: #1A1A2E; }
.st-key-present-demo p { display: inline-block; background: #F0E442; color: #000000; font-weight: 700;
  padding: 0 0.4em; border-radius: 4px; font-size: max(24px, 1.6vw); }
.st-key-present-nav button { min-height: 3.2rem; }
.st-key-present-nav [data-testid="stIconMaterial"] { font-size: max(28px, 2.2vw); }
/* The buttons' shortcut hints (Esc) are faded by default: 4.48:1, under even the normal floor. */
.st-key-present-nav kbd { color: #1A1A2E !important; opacity: 1 !important; font-size: max(24px, 1.6vw); }
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
class Slide:
    """One screen's key message: its number, what the number says, and at most a few lines more.

    `figure` is a dash when the data gives no number (never a made-up one), None on a screen that has
    no number to show (the accessibility statement). `lines` are Markdown-safe (stored names escaped).
    """

    title: str
    figure: str | None
    label: str
    lines: list[str] = field(default_factory=list)


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


def slide(url_path: str, title: str, store: cache.Store, f: filters.Filters, lang: str) -> Slide:
    """The key message of the screen at `url_path` (no Streamlit output: easy to test)."""
    if url_path == "overview":
        return _overview(title, store, f, lang)
    if url_path == "indicators":
        return _indicators(title, store, f, lang)
    # The overview tiles' headline and its note. The working groups' note continues its number
    # ("7/8" "groups on target in 2025. ..."), so there the note is the label.
    headlines = {"participation": (participation_widgets.headline, "tile.reach"),
                 "working-groups": (group_widgets.headline, None),
                 "partnerships": (ngo_widgets.headline, "present.ngo.figure")}
    if url_path in headlines:
        headline, label = headlines[url_path]
        value, note = headline(store, f)
        return Slide(title, value, note, []) if label is None else Slide(title, value, t(label), [note])
    if url_path == "data-status":
        return _data_status(title, store, lang)
    return Slide(title, None, t("present.a11y.message"))


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
    lines.append(t("present.ov.signals", count=board["signals"].height))
    return Slide(title, f"{good}/{judged}" if judged else DASH, t("present.ov.figure"), lines)


def _indicators(title: str, store: cache.Store, f: filters.Filters, lang: str) -> Slide:
    board = ind_cache.indicator_board(store, f.start_year, f.end_year, f.age_group)
    areas = board["areas"]
    if areas.is_empty():
        return Slide(title, DASH, t("present.ind.figure"), [t("ind.none")])
    names = {a["code"]: localized(a, "name", lang) for a in cache.priority_areas(store).to_dicts()}
    met, with_target = int(areas["target_met"].sum()), int(areas["with_target"].sum())
    lines = [t("present.ind.area", area=plain(names.get(row["priority_area_code"], row["priority_area_code"])),
               line=ind_view.area_line(row, lang)) for row in areas.iter_rows(named=True)]
    return Slide(title, f"{met}/{with_target}" if with_target else DASH, t("present.ind.figure"), lines)


def _data_status(title: str, store: cache.Store, lang: str) -> Slide:
    sources = status_tables.freshness(status_cache.source_freshness(store), lang)
    if not sources:
        return Slide(title, DASH, t("present.status.figure"), [t("status.no_sources")])
    stale = [plain(s["source"]) for s in sources if not s["fresh"]]
    line = t("present.status.stale", sources=", ".join(stale)) if stale else t("present.status.all_fresh")
    return Slide(title, f"{len(sources) - len(stale)}/{len(sources)}", t("present.status.figure"), [line])


def run(page, pages: list, store: cache.Store) -> None:
    """Draw the current screen as a slide, with its controls; `pages` are the navigation's, in order."""
    lang = current_language()
    f = filters.current()
    st.html(CSS)
    muni = cache.municipality(store)
    if muni.height and muni["is_demo"][0]:
        with st.container(key="present-demo"):
            st.markdown(t("demo.label"))
    shown = slide(page.url_path, page.title, store, f, lang)
    st.title(shown.title, anchor=False)
    if shown.figure is not None:
        with st.container(key="present-figure"):
            st.markdown(shown.figure)
    with st.container(key="present-label"):
        st.markdown(shown.label)
    for line in shown.lines:
        st.markdown(line)
    _footer(store, f, lang)
    _controls(page, pages)


def _footer(store: cache.Store, f: filters.Filters, lang: str) -> None:
    loaded = cache.last_successful_load(store)
    when = t("data_date", when=fmt_datetime(loaded, lang)) if loaded else t("data_date.none")
    with st.container(key="present-footer"):
        st.caption(f"{filters.describe(f, store)} · {when}")


def _controls(page, pages: list) -> None:
    by_path = {p.url_path: p for p in pages}
    order = [by_path[path] for path in SEQUENCE if path in by_path]
    here = page.url_path
    if here in SEQUENCE:
        i = SEQUENCE.index(here)
        previous, following = order[i - 1], order[(i + 1) % len(order)]
    else:
        previous, following = order[-1], order[0]
    params = st.query_params.to_dict()
    seconds = rotation_seconds()
    with st.container(key="present-nav", horizontal=True, gap="medium"):
        if st.button(t("present.previous"), key="present-previous", shortcut="Left",
                     icon=":material/arrow_back:"):
            st.switch_page(previous, query_params=params)
        if st.button(t("present.next"), key="present-next", shortcut="Right", icon=":material/arrow_forward:"):
            st.switch_page(following, query_params=params)
        if seconds and st.button(t("present.pause"), key="present-pause", icon=":material/pause:"):
            st.switch_page(page, query_params={k: v for k, v in params.items() if k != ROTATE_KEY})
        if st.button(t("present.exit"), key="present-exit", shortcut="Esc", icon=":material/close:"):
            st.switch_page(page, query_params={k: v for k, v in params.items()
                                               if k not in (PRESENT_KEY, ROTATE_KEY)})
    st.html(CLICKER_JS, unsafe_allow_javascript=True)
    if seconds:
        st.caption(t("present.rotating", seconds=seconds))
        _rotate(seconds, following, params)


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


def _rotate(seconds: int, following, params: dict) -> None:
    # The fragment's first run is part of this full run; its next one, `seconds` later, moves on.
    st.session_state[_TICKS] = 0

    @st.fragment(run_every=seconds)
    def tick() -> None:
        st.session_state[_TICKS] += 1
        if st.session_state[_TICKS] > 1:
            st.switch_page(following, query_params=params)

    tick()
