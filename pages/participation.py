"""Participation reach: a map of reach per 1,000 residents by district, one district in detail,
levels and event types, and how far each department has adopted the participation model."""

import streamlit as st

from dashboard.core import cache
from dashboard.core import filters
from dashboard.core import layout
from dashboard.core.i18n import current_language
from dashboard.participation import model
from dashboard.participation import widgets as w


def participation() -> None:
    store, f = cache.open_store(), filters.current()
    screen = model.build(store, f, current_language(), **w.choices(store, f))
    layout.heading(screen.heading)
    st.markdown(screen.lead)
    w.narrowing(store)

    if screen.no_events:
        layout.message(screen.no_events)
    else:
        layout.tiles(screen.figures)
        layout.message(screen.figures_warning)
        st.caption(screen.figures_note)
        if screen.no_districts:
            layout.message(screen.no_districts)
        else:
            map_column, ranking_column = st.columns([3, 2], gap="large")
            with map_column:
                w.reach_map(screen.reach_map)
            with ranking_column:
                ranking(screen.ranking)
            if w.district_picker(tuple(screen.district_names), screen.district_names) is not None:
                district_detail(screen.detail)
            district_table(screen.districts)
        levels_and_types(screen)
    adoption(screen.adoption)


def ranking(shown: model.Ranking) -> None:
    st.subheader(shown.title, anchor=False)
    layout.chart(shown.chart)
    if shown.line:
        st.markdown(shown.line)


def district_detail(shown: model.DistrictDetail) -> None:
    """One district: its figures, reach by age group, by quarter against the municipality, its events."""
    with st.container(border=True):
        st.subheader(shown.name, anchor=False)
        st.markdown(shown.summary)
        st.markdown(f"**{shown.by_age_title}**")
        layout.chart(shown.by_age)
        layout.table(shown.by_age_table, width="stretch")
        st.markdown(f"**{shown.trend_title}**")
        layout.chart(shown.trend)
        st.markdown(f"**{shown.events_title}**")
        if shown.events is None:
            st.caption(shown.no_events)
        else:
            layout.table(shown.events, width="stretch")
        w.close_button()


def district_table(shown: model.DistrictTable) -> None:
    with st.expander(shown.title, icon=":material/table:"):
        st.dataframe(shown.frame, hide_index=True, width="stretch")
        layout.table_files(shown.files, key="districts")


def levels_and_types(screen: model.ParticipationModel) -> None:
    level_column, type_column = st.columns(2, gap="large")
    with level_column:
        st.subheader(screen.levels_title, anchor=False)
        layout.chart(screen.levels)
    with type_column:
        st.subheader(screen.types_title, anchor=False)
        layout.chart(screen.types)


def adoption(shown: model.Adoption) -> None:
    st.subheader(shown.title, anchor=False)
    st.caption(shown.lead)
    if shown.empty:
        layout.message(shown.empty)
        return
    st.markdown(shown.line)
    # One chart under the other: department names are long, and side by side at 1280 px the bars
    # would have no room.
    layout.chart(shown.chart)
    st.markdown(f"**{shown.levels_title}**")
    layout.chart(shown.levels)
    layout.table(shown.table, width="stretch")


participation()
