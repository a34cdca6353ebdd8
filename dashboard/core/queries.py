"""Read-side queries: SQLAlchemy Core selects in, polars DataFrames out; no Streamlit here.

Every function takes an Engine and plain arguments. Column types come from the schema, not from
what a driver happens to return, so SQLite and PostgreSQL give the same dtypes (integers Int64,
times UTC-aware). These are small tables; the big indicator tables get their own readers.
"""

from __future__ import annotations

from datetime import datetime, timezone

import polars as pl
from sqlalchemy import Engine, Select, func, select
from sqlalchemy import types as sa_types

from data_pipeline.store import schema

_UTC_DATETIME = pl.Datetime("us", "UTC")


def _dtype(sa_type: sa_types.TypeEngine) -> pl.DataType:
    if isinstance(sa_type, sa_types.Boolean):
        return pl.Boolean()
    if isinstance(sa_type, sa_types.Integer):  # BigInteger too: one integer width everywhere
        return pl.Int64()
    if isinstance(sa_type, sa_types.Float):
        return pl.Float64()
    if isinstance(sa_type, sa_types.DateTime):
        return _UTC_DATETIME
    if isinstance(sa_type, sa_types.Date):
        return pl.Date()
    return pl.String()


def _utc(value):
    # SQLite hands back naive datetimes; the pipeline writes UTC, so say so.
    if isinstance(value, datetime):
        return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value
    return value


def read_frame(engine: Engine, stmt: Select) -> pl.DataFrame:
    """Run `stmt` and build a frame typed by the selected columns' schema types."""
    schema_ = {col.key: _dtype(col.type) for col in stmt.selected_columns}
    with engine.connect() as conn:
        rows = conn.execute(stmt).all()
    # Column by column, and the UTC fix only where there are times: the participation query returns
    # 100,000+ rows at national scale, and a Python call per value cost seconds.
    if _UTC_DATETIME not in schema_.values():  # row-wise in polars' own loop: 3× faster than column by column
        return pl.DataFrame(rows, schema=schema_, orient="row")
    columns = list(zip(*rows)) if rows else [()] * len(schema_)
    return pl.DataFrame([
        pl.Series(name, [_utc(v) for v in values] if dtype == _UTC_DATETIME else values, dtype=dtype)
        for (name, dtype), values in zip(schema_.items(), columns)])


def read_scalar(engine: Engine, stmt: Select):
    with engine.connect() as conn:
        return conn.execute(stmt).scalar()


def municipality(engine: Engine) -> pl.DataFrame:
    """The municipality and its wellbeing plan: one row (none in an empty store)."""
    return read_frame(engine, select(schema.municipality))


def priority_areas(engine: Engine) -> pl.DataFrame:
    """The plan's priority areas in plan order."""
    t = schema.priority_area
    return read_frame(engine, select(t).order_by(t.c.sort_order, t.c.code))


def age_groups(engine: Engine) -> pl.DataFrame:
    """Lifecycle age groups, youngest first."""
    t = schema.age_group
    return read_frame(engine, select(t).order_by(t.c.sort_order, t.c.code))


def districts(engine: Engine, with_geometry: bool = False) -> pl.DataFrame:
    """Districts by Finnish name; GeoJSON geometry only when asked (it is the bulky column)."""
    t = schema.district
    cols = [c for c in t.c if with_geometry or c.key != "geometry"]
    return read_frame(engine, select(*cols).order_by(t.c.name_fi, t.c.code))


def indicator_summary_by_area(engine: Engine) -> pl.DataFrame:
    """Every priority area with its count of indicators (0 when it has none), in plan order."""
    a, i = schema.priority_area, schema.indicator
    stmt = (
        select(a, func.count(i.c.id).label("indicators"))
        .select_from(a.outerjoin(i, i.c.priority_area_code == a.c.code))
        .group_by(*a.c)
        .order_by(a.c.sort_order, a.c.code)
    )
    return read_frame(engine, stmt)


def last_successful_load(engine: Engine) -> datetime | None:
    """When the last successful load finished: the data date every page shows."""
    t = schema.load_run
    latest = select(func.max(t.c.id)).where(t.c.status == "success").scalar_subquery()
    value = read_scalar(engine, select(func.coalesce(t.c.finished_at, t.c.started_at)).where(t.c.id == latest))
    return _utc(value)


def year_span(engine: Engine) -> tuple[int, int] | None:
    """First and last year the data or the plan covers, or None when there is nothing yet."""
    m, iv = schema.municipality, schema.indicator_year_span
    ev, mt = schema.participation_event, schema.meeting
    years = [
        # The plan's indicators only (a national extract's other values: no screen shows their years), from
        # the spans each load writes: min/max over the values themselves took 0.85 s on PostgreSQL.
        select(func.min(iv.c.first_year).label("lo"), func.max(iv.c.last_year).label("hi"))
        .where(iv.c.indicator_id.in_(select(schema.indicator.c.id))),
        select(func.min(m.c.plan_start_year), func.max(m.c.plan_end_year)),
        select(func.min(ev.c.event_date), func.max(ev.c.event_date)),
        select(func.min(mt.c.meeting_date), func.max(mt.c.meeting_date)),
    ]
    with engine.connect() as conn:
        found = [v for stmt in years for v in conn.execute(stmt).one() if v is not None]
    as_years = [v if isinstance(v, int) else _year(v) for v in found]
    return (min(as_years), max(as_years)) if as_years else None


def _year(value) -> int:
    # min()/max() of a Date column comes back as a date on PostgreSQL, as text on SQLite.
    return value.year if hasattr(value, "year") else int(str(value)[:4])
