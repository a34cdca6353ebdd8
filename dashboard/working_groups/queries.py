"""Read-side queries for the working groups: groups, seats, meetings, agenda topics, the annual clock.

Plain functions of an engine and plain arguments, returning polars DataFrames typed by the schema
(the same dtypes on SQLite and PostgreSQL); no Streamlit. These are small registers, so a query
reads a period or a year, not row by row.
"""

from __future__ import annotations

from datetime import date

import polars as pl
from sqlalchemy import Engine, Select, and_, func, select

from data_pipeline.store import schema

GROUP_SCHEMA = {"code": pl.Utf8, "name_fi": pl.Utf8, "name_sv": pl.Utf8, "name_en": pl.Utf8, "kind": pl.Utf8,
                "parent_code": pl.Utf8, "age_group_code": pl.Utf8, "target_meetings_min": pl.Int64,
                "target_meetings_max": pl.Int64, "age_sort": pl.Int64}
SEAT_SCHEMA = {"group_code": pl.Utf8, "seat_type": pl.Utf8, "seats_required": pl.Int64, "seats_filled": pl.Int64}
MEETING_SCHEMA = {"id": pl.Utf8, "group_code": pl.Utf8, "meeting_date": pl.Date, "is_joint": pl.Boolean,
                  "members_invited": pl.Int64, "members_present": pl.Int64}
TOPIC_SCHEMA = {"meeting_id": pl.Utf8, "group_code": pl.Utf8, "meeting_date": pl.Date,
                "priority_area_code": pl.Utf8, "topic": pl.Utf8}
CLOCK_SCHEMA = {"id": pl.Utf8, "year": pl.Int64, "month": pl.Int64, "title_fi": pl.Utf8, "title_sv": pl.Utf8,
                "title_en": pl.Utf8, "status": pl.Utf8}


def _frame(engine: Engine, stmt: Select, schema_: dict) -> pl.DataFrame:
    with engine.connect() as conn:
        rows = conn.execute(stmt).all()
    return pl.DataFrame([tuple(r) for r in rows], schema=schema_, orient="row")


def _meeting_columns():
    m = schema.meeting
    return (m.c.id, m.c.group_code, m.c.meeting_date, m.c.is_joint, m.c.members_invited, m.c.members_present)


def working_groups(engine: Engine) -> pl.DataFrame:
    """Every working group with whom it reports to, its lifecycle age group and its meeting target.

    `age_sort` is the age group's place (youngest first), so lifecycle groups line up as the filters do.
    """
    g, a = schema.working_group, schema.age_group
    stmt = (select(g.c.code, g.c.name_fi, g.c.name_sv, g.c.name_en, g.c.kind, g.c.parent_code, g.c.age_group_code,
                   g.c.target_meetings_min, g.c.target_meetings_max, a.c.sort_order)
            .join(a, a.c.code == g.c.age_group_code, isouter=True).order_by(g.c.code))
    return _frame(engine, stmt, GROUP_SCHEMA)


def group_seats(engine: Engine) -> pl.DataFrame:
    """Seats by the rule and seats filled, per group and seat type."""
    s = schema.group_seat
    return _frame(engine, select(s).order_by(s.c.group_code, s.c.seat_type), SEAT_SCHEMA)


def meetings(engine: Engine, first_day: date, last_day: date) -> pl.DataFrame:
    """Meetings dated from `first_day` to `last_day` (both included), by group and date."""
    m = schema.meeting
    stmt = (select(*_meeting_columns()).where(m.c.meeting_date >= first_day, m.c.meeting_date <= last_day)
            .order_by(m.c.group_code, m.c.meeting_date, m.c.id))
    return _frame(engine, stmt, MEETING_SCHEMA)


def latest_meetings(engine: Engine, today: date) -> pl.DataFrame:
    """Each group's most recent meeting held on or before `today` (whatever the period)."""
    m = schema.meeting
    last = (select(m.c.group_code, func.max(m.c.meeting_date).label("last_date"))
            .where(m.c.meeting_date <= today).group_by(m.c.group_code).subquery())
    stmt = (select(*_meeting_columns())
            .join(last, and_(last.c.group_code == m.c.group_code, last.c.last_date == m.c.meeting_date))
            .order_by(m.c.group_code, m.c.id))
    return _frame(engine, stmt, MEETING_SCHEMA)


def first_meeting_year(engine: Engine) -> int | None:
    """The year of the earliest recorded meeting: before it there are no records, not zero meetings."""
    m = schema.meeting
    with engine.connect() as conn:
        first = conn.execute(select(func.min(m.c.meeting_date))).scalar()
    if first is None:
        return None
    # SQLite hands back a string for an aggregate over a DATE column.
    return first.year if isinstance(first, date) else int(str(first)[:4])


def meeting_topics(engine: Engine, first_day: date, last_day: date) -> pl.DataFrame:
    """Agenda items linked to priority areas, of meetings dated within the days given."""
    m, t = schema.meeting, schema.meeting_topic
    stmt = (select(t.c.meeting_id, m.c.group_code, m.c.meeting_date, t.c.priority_area_code, t.c.topic)
            .join(m, m.c.id == t.c.meeting_id)
            .where(m.c.meeting_date >= first_day, m.c.meeting_date <= last_day)
            .order_by(m.c.meeting_date, t.c.meeting_id, t.c.priority_area_code))
    return _frame(engine, stmt, TOPIC_SCHEMA)


def annual_clock(engine: Engine, year: int) -> pl.DataFrame:
    """The leadership group's annual-clock items of one year, by month."""
    c = schema.annual_clock_item
    stmt = select(c).where(c.c.year == year).order_by(c.c.month, c.c.id)
    return _frame(engine, stmt, CLOCK_SCHEMA)
