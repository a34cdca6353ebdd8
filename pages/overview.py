"""Overview: the municipality, its wellbeing plan and priority areas, and the headline tiles."""

import streamlit as st

from dashboard.indicators import cache as ind_cache
from dashboard.core import cache
from dashboard.core import downloads
from dashboard.core import filters
from dashboard.core import layout
from dashboard.working_groups import widgets as group_widgets
from dashboard.partnerships import widgets as ngo_widgets
from dashboard.participation import widgets as participation_widgets
from dashboard.indicators import charts as indicator_charts
from dashboard.indicators import view as ind_view
from dashboard.core.formatting import DASH, fmt_number, fmt_year_range, plain
from dashboard.core.i18n import current_language, localized, names, t

# Tiles whose screens are not built yet show a dash: never a number we do not have.
# Each screen's headline: (i18n key of the tile, page, function giving (value, note); a screen
# without data gives a dash and says why, never a made-up number).
TILES = (
    ("tile.reach", "participation.py", participation_widgets.headline),
    ("tile.groups", "working_groups.py", group_widgets.headline),
    ("tile.ngo", "partnerships.py", ngo_widgets.headline),
)
AREAS_PER_ROW = 3
# The card's indicator count is kept but small: the status bar is the card's big figure.
CARD_CSS = """<style>
[class*="st-key-ov-count-"] [data-testid="stMetricValue"] { font-size: 1.25rem; }
[class*="st-key-ov-count-"] [data-testid="stMetric"] { display: flex; gap: 0.5rem; align-items: baseline; }
</style>"""


def overview() -> None:
    lang = current_language()
    store = cache.open_store()
    layout.page_header(t("page.overview"), store)
    st.caption(filters.describe(filters.current(), store))
    downloads.briefing_button(store)

    # Pictures first: each priority area's status as a bar, then the weak signals and the tiles;
    # the municipality and its plan follow.
    f = filters.current()
    board = ind_cache.indicator_board(store, f.start_year, f.end_year, f.age_group)
    status = {row["priority_area_code"]: row for row in board["areas"].iter_rows(named=True)}
    st.html(CARD_CSS)
    st.subheader(t("ov.status"), anchor=False)
    areas = cache.indicator_summary_by_area(store).to_dicts()
    if not areas:
        st.info(t("overview.no_areas"))
    labels = {s: ind_view.trend_label(s, lang) for s in ("improving", "holding", "worsening", "no_data")}
    for start in range(0, len(areas), AREAS_PER_ROW):
        row = areas[start:start + AREAS_PER_ROW]
        for column, name, area in zip(st.columns(AREAS_PER_ROW), names(row, lang), row):
            area_card(column, name, area, status.get(area["code"]), labels, lang)

    st.subheader(t("ov.signals"), anchor=False)
    signals = board["signals"].to_dicts()
    if not signals:
        st.caption(t("ov.no_signals"))
    for signal in signals:
        what = t(f"ov.signal.{signal['kind']}", change=ind_view.value_text(signal["change"], signal, lang, signed=True),
                 year=signal["year"])
        st.page_link("../pages/indicators.py", icon=":material/warning:",
                     label=f"**{plain(localized(signal, 'title', lang))}**: {plain(what)}",
                     query_params={"indicator": str(signal["indicator_id"])})

    st.subheader(t("overview.headlines"), anchor=False)
    for column, (tile, page, headline) in zip(st.columns(len(TILES)), TILES):
        value, note = headline(store, f) if headline else (DASH, t("tile.not_available"))
        layout.card(column, t(tile), value, note=note)
        # A short label: a long one is cut off in a third of a 1280 px screen.
        column.page_link(f"../pages/{page}", label=t("tile.open"), icon=":material/arrow_forward:")

    municipality = cache.municipality(store).to_dicts()
    if municipality:
        muni = municipality[0]
        st.header(plain(localized(muni, "name", lang)), anchor=False)
        if muni["plan_name_fi"]:
            plan = plain(localized(muni, "plan_name", lang))
            years = fmt_year_range(muni["plan_start_year"], muni["plan_end_year"])
            st.markdown(f"**{plan}** · {t('overview.period', period=years)}")
    if not municipality or not municipality[0]["plan_name_fi"]:
        st.info(t("overview.no_plan"))


def area_card(column, name: str, area: dict, status: dict | None, labels: dict[str, str], lang: str) -> None:
    """A priority area at a glance: its indicators improving, holding and worsening as a bar (the
    big figure), the same in words, and how many indicators it has (kept, small)."""
    with column.container(border=True, height="stretch"):
        st.markdown(f"**{plain(name)}**")
        if status is not None and status["indicators"]:
            line = ind_view.area_line(status, lang)
            st.vega_lite_chart(indicator_charts.status_bar(status, labels, f"{plain(name)}: {line}"),
                               width="stretch")
            st.markdown(line)
        with st.container(key=f"ov-count-{area['code']}"):
            st.metric(t("overview.indicator_count"), fmt_number(area["indicators"], 0, lang))
        if status is not None:
            st.caption(ind_view.comparison_line(status, lang))
        st.page_link("../pages/indicators.py", label=t("page.indicators"), icon=":material/arrow_forward:",
                     query_params={"area": area["code"]})


overview()
