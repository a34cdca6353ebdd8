"""NGO partnerships: how partners cover the plan by area × age group and by district, who they are,
what the municipality gives them, and their experiential knowledge beside the area's indicators."""

import streamlit as st

from dashboard.core import cache
from dashboard.core import filters
from dashboard.core import layout
from dashboard.core.i18n import current_language
from dashboard.partnerships import model
from dashboard.partnerships import widgets as w


def partnerships() -> None:
    store = cache.open_store()
    screen = model.build(store, filters.current(), current_language(), **w.choices(store))
    layout.heading(screen.heading)
    st.markdown(screen.lead)
    with st.columns([3, 2])[0]:
        w.kinds()
    if screen.empty:
        layout.message(screen.empty)
        return
    layout.message(screen.none_active)
    layout.tiles(screen.figures)
    coverage(screen.coverage)
    by_district(screen.districts)
    partner_table(screen.partners)
    grants(screen)
    forums(screen.forums)
    knowledge(screen.knowledge)


def coverage(shown: model.Coverage) -> None:
    st.subheader(shown.title, anchor=False)
    if shown.chart is None:
        return
    layout.chart(shown.chart)
    st.markdown(shown.gaps)
    st.caption(shown.summary)
    st.caption(shown.caption)


def by_district(shown: model.Districts) -> None:
    st.subheader(shown.title, anchor=False)
    if shown.chart is None:
        return
    layout.chart(shown.chart)
    for line in shown.lines:
        st.markdown(line)
    st.caption(shown.summary)
    st.caption(shown.caption)
    if shown.hidden:
        st.caption(shown.hidden)


def partner_table(shown: model.Partners) -> None:
    st.subheader(shown.title, anchor=False)
    with st.columns([3, 2])[0]:
        w.search()
    layout.message(shown.empty)
    if not shown.shown:
        return
    st.caption(shown.count)
    w.partner_table(shown.table)
    st.caption(shown.caption)
    with st.container(horizontal=True):
        layout.table_files(shown.files, key="partners")


def grants(screen: model.PartnershipsModel) -> None:
    st.subheader(screen.grants_title, anchor=False)
    if screen.grants is None:
        st.caption(screen.no_grants)
        return
    layout.chart(screen.grants)
    st.caption(screen.grants_caption)


def forums(shown: model.Forums) -> None:
    st.subheader(shown.title, anchor=False)
    if shown.empty:
        st.caption(shown.empty)
        return
    layout.table(shown.per_year)
    st.caption(shown.caption)
    with st.expander(shown.list_title, icon=":material/groups:"):
        layout.table(shown.each, width="stretch")


def knowledge(shown: model.Knowledge) -> None:
    """Notes of one priority area beside its indicators and its coverage: three sources on one screen."""
    st.subheader(shown.title, anchor=False)
    st.caption(shown.lead)
    if not shown.areas:
        return
    w.area_radio(shown.areas)
    notes_col, indicators_col = st.columns([3, 2], gap="large")
    with notes_col:
        st.markdown(f"**{shown.notes_title}**")
        if shown.no_notes:
            st.caption(shown.no_notes)
        for text, meta in shown.notes:
            w.note(text, meta)
        if shown.more:
            with st.expander(shown.more_title):
                for text, meta in shown.more:
                    w.note(text, meta)
    with indicators_col:
        st.markdown(f"**{shown.coverage_title}**")
        st.markdown(shown.coverage)
        st.markdown(f"**{shown.indicators_title}**")
        if shown.no_indicators:
            st.caption(shown.no_indicators)
        for line in shown.indicators:
            st.markdown(line)


partnerships()
