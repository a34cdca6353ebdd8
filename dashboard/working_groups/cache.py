"""The working-groups screen's reads and chart specs, cached per data version."""

from __future__ import annotations

from datetime import date
from typing import Callable

import polars as pl
import streamlit as st

from dashboard.core import queries
from dashboard.core.cache import Store, engine, versioned
from dashboard.working_groups import metrics as group_metrics
from dashboard.working_groups import queries as group_queries



@versioned(show_spinner=False, max_entries=64)
def group_activity(store: Store, start_year: int, end_year: int, age_group: str | None, today: date) -> dict:
    """Groups, tree, meetings against target, seats, topics and meeting lists (group_metrics.activity).

    `today` is part of the key: what counts as held or upcoming changes at midnight.
    """
    eng = engine(store.url)
    first_day, last_day = date(start_year, 1, 1), date(end_year, 12, 31)
    return group_metrics.activity(
        group_queries.working_groups(eng), group_queries.group_seats(eng),
        group_queries.meetings(eng, first_day, last_day), group_queries.meetings(eng, today, date.max),
        group_queries.latest_meetings(eng, today), group_queries.meeting_topics(eng, first_day, last_day),
        queries.priority_areas(eng)["code"].to_list(), group_queries.first_meeting_year(eng),
        start_year, end_year, age_group, today)


@versioned(show_spinner=False, max_entries=16)
def annual_clock(store: Store, year: int) -> pl.DataFrame:
    return group_queries.annual_clock(engine(store.url), year)


@st.cache_data(show_spinner=False, max_entries=256)
def group_chart(key: tuple, _build: Callable) -> dict:
    """A working-group chart as a Vega-Lite spec, built by `_build` once per `key`.

    Altair takes 10–30 ms to build and validate a chart, and the screen has seven. `key` must name
    everything the chart shows (chart, Store, filters, year, language, today); `_build` is not hashed.
    Altair's schema validation is off here (it was half a cold run's chart time, walking every inline
    row against the schema); the builders' specs are validated by their unit tests
    (tests/working_groups/test_working_groups.py).
    """
    return _build().to_dict(validate=False)
