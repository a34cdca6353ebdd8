"""Priority-area indicators: a card per indicator, one indicator in detail, the same numbers as a table."""

import streamlit as st

from dashboard.core import cache
from dashboard.core import downloads
from dashboard.core import filters
from dashboard.core import layout
from dashboard.core.i18n import current_language
from dashboard.indicators import model
from dashboard.indicators import widgets as w

CARDS_PER_ROW = 3


def indicators() -> None:
    store, f = cache.open_store(), filters.current()
    screen = model.build(store, f, current_language(), **w.choices(store, f))
    layout.heading(screen.heading)
    w.area_and_view(screen.area_names)
    if w.indicator_picker(screen.indicator_titles) is not None:
        detail(screen.detail)
    if screen.empty:
        layout.message(screen.empty)
        return
    for line in (screen.district_note, screen.compared_with):
        if line:
            st.caption(line)
    if screen.table is not None:
        layout.table(screen.table, width="stretch")
        csv_column, excel_column = st.columns(2)
        with csv_column:
            downloads.csv_button(screen.files, "indicators")
        with excel_column:
            downloads.excel_button(screen.files, "indicators")
    for area in screen.areas:
        st.header(area.name, anchor=False)
        st.markdown(area.line)
        st.caption(area.comparison)
        for start in range(0, len(area.cards), CARDS_PER_ROW):
            for column, card in zip(st.columns(CARDS_PER_ROW), area.cards[start:start + CARDS_PER_ROW]):
                with column:
                    w.card(card)
    if screen.rank_caption:
        st.caption(screen.rank_caption)
    with st.expander(screen.goals_title, icon=":material/flag:"):
        if screen.no_goals:
            st.caption(screen.no_goals)
        for block in screen.goals:  # a goal and its measures in one element
            st.markdown(block)
    if screen.attribution:
        st.caption(screen.attribution)


def detail(shown: model.Detail) -> None:
    """One indicator in depth: regions over time, ranks, peers, similar municipalities, the map, genders."""
    with st.container(border=True):
        st.subheader(shown.title, anchor=False)
        st.caption(shown.subtitle)
        st.markdown(f"**{shown.regions_title}**")
        layout.chart(shown.trend)
        st.markdown(f"**{shown.rank_title}**")
        w.rank_badges(shown.ranks)
        st.caption(shown.rank_note)
        st.markdown(f"**{shown.peer_title}**")
        if shown.peer is not None:
            layout.chart(shown.peer)
        st.caption(shown.peer_text)
        similar(shown.similar)
        finland_map(shown.map)
        st.markdown(f"**{shown.gender_title}**")
        if shown.gender is None:
            st.caption(shown.no_gender)
        else:
            layout.chart(shown.gender)
        for title, text in shown.texts:
            with st.expander(title):
                st.text(text)
        if shown.attribution:
            st.caption(shown.attribution)
        w.close_button(shown.close_label)


def similar(shown: model.Similar) -> None:
    """Why these peers (the picture in view like the other charts; its figures as a table one click away)."""
    st.markdown(f"**{shown.title}**")
    if shown.missing:
        st.caption(shown.missing)
        return
    st.caption(shown.method)
    layout.chart(shown.chart)
    for note in shown.notes:
        st.caption(note)
    with st.expander(shown.table_title, icon=":material/table:"):
        layout.table(shown.table, width="stretch")


def finland_map(shown: model.FinlandMap) -> None:
    st.markdown(f"**{shown.title}**")
    if shown.missing:
        layout.message(shown.missing)
        return
    layout.chart(shown.chart)
    st.caption(shown.note)
    st.caption(shown.alt)


indicators()
