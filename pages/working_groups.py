"""Working-group activity: who reports to whom, meetings against target, attendance, seats, topics,
the leadership group's annual clock, and the meetings ahead."""

from datetime import date

import streamlit as st

from dashboard.working_groups import cache as wg_cache
from dashboard.core import cache
from dashboard.core import filters
from dashboard.core import layout
from dashboard.working_groups import view as wg_view
from dashboard.working_groups import widgets as w
from dashboard.core.formatting import fmt_year_range
from dashboard.core.i18n import current_language, localized, t

SEAT_TYPES = ("official", "entrepreneur", "parish", "ngo")


def working_groups() -> None:
    lang = current_language()
    store = cache.open_store()
    f = filters.current()
    today = w.today()
    layout.page_header(t("page.working_groups"), store)
    st.caption(filters.describe(f, store))
    st.markdown(t("working_groups.lead"))

    act = wg_cache.group_activity(store, f.start_year, f.end_year, f.age_group, today)
    if act["groups"].is_empty():
        st.info(t("wg.none_for_age" if f.age_group else "wg.none"), icon=":material/groups:")
        return
    if f.district is not None:
        st.caption(t("wg.district_note"))
    names = wg_view.group_names(act["tree"], lang)
    seat_names = {s: t(f"wg.seat.{s}") for s in SEAT_TYPES}
    areas = {a["code"]: localized(a, "name", lang) for a in cache.priority_areas(store).to_dicts()}
    if not act["years"]:
        st.info(t("wg.no_meetings", period=fmt_year_range(f.start_year, f.end_year)), icon=":material/event_busy:")
        seats_section(act, names, seat_names, (store, f.start_year, f.end_year, f.age_group, None, lang, today), lang)
        return

    year = w.choose_year(act["years"])
    key = (store, f.start_year, f.end_year, f.age_group, year, lang, today)
    w.key_figures(act, year, names, seat_names, lang, in_progress=year == today.year)
    w.short_of_target(act, year, names)

    st.header(t("wg.structure"), anchor=False)
    message = wg_view.structure_message(act, year, names, lang)
    w.show_chart(("structure", *key), lambda: wg_view.structure(act, year, names, w.age_names(store, lang), message, lang),
                 message)

    st.header(t("wg.meetings_title"), anchor=False)
    st.subheader(t("wg.meetings_year", year=year), anchor=False)
    message = wg_view.meetings_year_message(act, year, names, lang)
    w.show_chart(("meetings", *key), lambda: wg_view.meetings_year(act, year, names, message, lang), message)
    if year == today.year:
        st.caption(t("wg.in_progress_note"))
    st.subheader(t("wg.meetings_history"), anchor=False)
    message = wg_view.meetings_history_message(act, names, lang)
    w.show_chart(("history", *key), lambda: wg_view.meetings_history(act, names, message, lang), message)
    st.subheader(t("wg.attendance_title"), anchor=False)
    message = wg_view.attendance_message(act, year, names, lang)
    w.show_chart(("attendance", *key), lambda: wg_view.attendance(act, names, message, lang), message)

    seats_section(act, names, seat_names, key, lang)

    st.header(t("wg.topics_title"), anchor=False)
    period = fmt_year_range(act["years"][0], act["years"][-1])
    message = wg_view.topics_message(act, names, areas, period, lang)
    w.show_chart(("topics", *key), lambda: wg_view.topics(act, names, areas, message, lang), message)
    st.caption(t("wg.topics_note"))

    annual_clock(store, year, today, lang, key)
    meeting_lists(act, names, f, store, lang)


def seats_section(act: dict, names: dict[str, str], seat_names: dict[str, str], key: tuple, lang: str) -> None:
    st.header(t("wg.seats_title"), anchor=False)
    if act["seats"].is_empty():
        st.info(t("wg.no_seats"), icon=":material/chair:")
        return
    message = wg_view.seats_message(act, names, seat_names, lang)
    w.show_chart(("seats", *key), lambda: wg_view.seats(act, names, seat_names, message, lang), message)


def annual_clock(store: cache.Store, year: int, today: date, lang: str, key: tuple) -> None:
    st.header(t("wg.clock_title", year=year), anchor=False)
    items = wg_cache.annual_clock(store, year)
    if items.is_empty():
        st.info(t("wg.clock.none", year=year), icon=":material/event_note:")
        return
    chart, upcoming = st.columns([3, 2], vertical_alignment="center")
    message = wg_view.clock_message(items, year, today, lang)
    with chart:
        w.show_chart(("clock", *key), lambda: wg_view.clock(items, year, today, lang, message), message, stretch=False)
        st.caption(t("wg.clock.legend"))
    with upcoming:
        w.next_items(items, year, today, lang)


def meeting_lists(act: dict, names: dict[str, str], f: filters.Filters, store: cache.Store, lang: str) -> None:
    st.header(t("wg.lists_title"), anchor=False)
    st.subheader(t("wg.upcoming"), anchor=False)
    if act["upcoming"].is_empty():
        st.caption(t("wg.no_upcoming"))
    else:
        st.dataframe(wg_view.meeting_table(act["upcoming"], names, lang, formatted=True), hide_index=True, width="stretch")
    st.subheader(t("wg.latest"), anchor=False)
    st.dataframe(wg_view.meeting_table(act["latest"], names, lang, formatted=True), hide_index=True, width="stretch")
    st.subheader(t("wg.downloads"), anchor=False)
    w.downloads(wg_view.meeting_table(act["meetings"], names, lang), wg_view.activity_table(act, names, lang),
                [filters.describe(f, store, markdown=False)])


working_groups()
