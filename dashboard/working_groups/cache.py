"""The working-groups screen's reads, cached per data version (its charts: model.py)."""

from __future__ import annotations

from datetime import date

import polars as pl

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
