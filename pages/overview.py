"""Overview: each priority area's status at a glance, the weak signals, the other screens' headlines, the plan."""

import streamlit as st

from dashboard.core import cache, downloads, filters, layout
from dashboard.core.i18n import current_language
from dashboard.overview import model
from dashboard.overview import widgets as w

AREAS_PER_ROW = 3


def overview() -> None:
    store = cache.open_store()
    screen = model.build(store, filters.current(), current_language())
    layout.heading(screen.heading)
    downloads.briefing_button(store)

    # Pictures first: each priority area's status as a bar, then the weak signals and the tiles;
    # the municipality and its plan follow.
    st.html(w.CARD_CSS)
    st.subheader(screen.status_title, anchor=False)
    layout.message(screen.no_areas)
    for start in range(0, len(screen.areas), AREAS_PER_ROW):
        for column, card in zip(st.columns(AREAS_PER_ROW), screen.areas[start:start + AREAS_PER_ROW]):
            w.area_card(column, card)

    st.subheader(screen.signals_title, anchor=False)
    if screen.no_signals:
        st.caption(screen.no_signals)
    for signal in screen.signals:
        w.signal(signal)

    st.subheader(screen.headlines_title, anchor=False)
    w.tiles(screen.tiles)

    if screen.municipality is not None:
        st.header(screen.municipality, anchor=False)
        if screen.plan:
            st.markdown(screen.plan)
        layout.message(screen.measures_flag)
    layout.message(screen.no_plan)


overview()
