"""Overview: each priority area's status at a glance, the weak signals, the other screens' headlines, the plan."""

import streamlit as st

from dashboard.core import cache, downloads, filters, layout
from dashboard.core.formatting import fmt_year_range, plain
from dashboard.core.i18n import current_language, localized, names, t
from dashboard.indicators import cache as ind_cache
from dashboard.overview import view
from dashboard.overview import widgets as w

AREAS_PER_ROW = 3


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
    st.html(w.CARD_CSS)
    st.subheader(t("ov.status"), anchor=False)
    areas = cache.indicator_summary_by_area(store).to_dicts()
    if not areas:
        st.info(t("overview.no_areas"))
    labels = view.status_labels(lang)
    for start in range(0, len(areas), AREAS_PER_ROW):
        row = areas[start:start + AREAS_PER_ROW]
        for column, name, area in zip(st.columns(AREAS_PER_ROW), names(row, lang), row):
            w.area_card(column, name, area, status.get(area["code"]), labels, lang)

    st.subheader(t("ov.signals"), anchor=False)
    signals = board["signals"].to_dicts()
    if not signals:
        st.caption(t("ov.no_signals"))
    for signal in signals:
        title, what = view.signal_parts(signal, lang)
        st.page_link("../pages/indicators.py", icon=":material/warning:", label=f"**{plain(title)}**: {plain(what)}",
                     query_params={"indicator": str(signal["indicator_id"])})

    st.subheader(t("overview.headlines"), anchor=False)
    w.tiles(store, f)

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


overview()
