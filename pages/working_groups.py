"""Working-group activity: who reports to whom, meetings against target, attendance, seats, topics,
the leadership group's annual clock, and the meetings ahead."""

import streamlit as st

from dashboard.core import cache
from dashboard.core import filters
from dashboard.core import layout
from dashboard.core.i18n import current_language
from dashboard.working_groups import model
from dashboard.working_groups import widgets as w


def working_groups() -> None:
    store, f = cache.open_store(), filters.current()
    screen = model.build(store, f, current_language(), **w.choices(store, f))
    layout.heading(screen.heading)
    st.markdown(screen.lead)
    if screen.empty:
        layout.message(screen.empty)
        return
    if screen.district_note:
        st.caption(screen.district_note)
    if screen.no_meetings:
        layout.message(screen.no_meetings)
        section(screen.seats)
        return

    w.year_radio(screen.years)
    layout.tiles(screen.figures)
    layout.message(screen.target)
    section(screen.structure)
    st.header(screen.meetings_title, anchor=False)
    for shown in (screen.meetings, screen.history, screen.attendance):
        section(shown, level=st.subheader)
    section(screen.seats)
    section(screen.topics)
    annual_clock(screen.clock)
    meeting_lists(screen.lists)


def section(shown: model.Section, level=st.header) -> None:
    level(shown.title, anchor=False)
    if shown.chart is None:
        layout.message(shown.empty)
        return
    layout.chart(shown.chart)
    if shown.note:
        st.caption(shown.note)


def annual_clock(clock: model.Clock) -> None:
    st.header(clock.title, anchor=False)
    if clock.empty:
        layout.message(clock.empty)
        return
    chart, upcoming = st.columns([3, 2], vertical_alignment="center")
    with chart:
        layout.chart(clock.chart, width="content")
        st.caption(clock.legend)
    with upcoming:
        st.markdown(f"**{clock.next_title}**")
        if clock.next_items:
            st.markdown(clock.next_items)
        else:
            st.caption(clock.nothing_next)


def meeting_lists(lists: model.MeetingLists) -> None:
    st.header(lists.title, anchor=False)
    st.subheader(lists.upcoming_title, anchor=False)
    if lists.upcoming is None:
        st.caption(lists.no_upcoming)
    else:
        layout.table(lists.upcoming, width="stretch")
    st.subheader(lists.latest_title, anchor=False)
    layout.table(lists.latest, width="stretch")
    st.subheader(lists.downloads_title, anchor=False)
    for column, files in zip(st.columns(len(lists.files)), lists.files):
        with column:
            layout.table_files(files, key=f"wg_{files.file}")


working_groups()
