"""Read-side queries for participation: events with participants, district population, departments, adoption.

Plain functions of an engine and plain arguments, returning polars DataFrames typed by the schema;
no Streamlit. The frames are small (a municipality holds hundreds of events a year), so narrowing
by event type, level and department happens in polars (participation_metrics), not in SQL: one
cached read per period serves every choice of those.
"""

from __future__ import annotations

from datetime import date

import polars as pl
from sqlalchemy import Engine, and_, case, func, or_, select

from dashboard.core.queries import read_frame
from data_pipeline.store import schema


def event_participants(engine: Engine, first_year: int, last_year: int) -> pl.DataFrame:
    """One row per event and age group within the years (events without participant rows keep one row).

    Columns: event_id, title, event_date, district_code (null = municipality-wide), lon, lat,
    department_code, event_type, level, age_group_code (null when the event recorded nobody),
    participants (0 then).
    """
    e, p = schema.participation_event, schema.event_participants
    within = (e.c.event_date >= date(first_year, 1, 1), e.c.event_date <= date(last_year, 12, 31))
    # Two reads joined here rather than one joined in SQL: an event's nine columns once, not once per
    # age group. At national scale (144,000 rows) building the Python values was most of the cost.
    events = read_frame(engine, select(e.c.id.label("event_id"), e.c.title, e.c.event_date, e.c.district_code, e.c.lon,
                                   e.c.lat, e.c.department_code, e.c.event_type,
                                   e.c.participation_level.label("level")).where(*within))
    counts = read_frame(engine, select(p.c.event_id, p.c.age_group_code, p.c.participants)
                    .where(p.c.event_id.in_(select(e.c.id).where(*within))))
    return (events.join(counts, on="event_id", how="left")
            .with_columns(pl.col("participants").fill_null(0))
            .sort("event_date", "event_id", "age_group_code", nulls_last=False))


def reach_totals(engine: Engine, first_year: int, last_year: int, age_group: str | None) -> pl.DataFrame:
    """Participants (of the age group, or all) and events within the years by district, level and type.

    Columns: breakdown ("district" | "level" | "type"), code (null district = events without one),
    participants, events. Summed from participation_total, the aggregates each load writes
    (data_pipeline.store.aggregates): the same figures as participation_metrics.totals of event_participants.
    """
    t = schema.participation_total
    all_ages = t.c.age_group_code.is_(None)
    counted = all_ages if age_group is None else t.c.age_group_code == age_group
    stmt = (select(t.c.breakdown, t.c.code,
                   func.coalesce(func.sum(case((counted, t.c.participants), else_=0)), 0).label("participants"),
                   func.coalesce(func.sum(case((all_ages, t.c.events), else_=0)), 0).label("events"))
            .where(t.c.year >= first_year, t.c.year <= last_year, or_(all_ages, counted))
            .group_by(t.c.breakdown, t.c.code)
            .order_by(t.c.breakdown, t.c.code))
    return read_frame(engine, stmt)


def event_levels(engine: Engine, first_year: int, last_year: int, event_types: tuple[str, ...] = (),
                 levels: tuple[str, ...] = (), departments: tuple[str, ...] = ()) -> pl.DataFrame:
    """Events within the years (of the given types, levels, departments; empty = all) by department and level.

    Columns: department_code, level, events.
    """
    e = schema.participation_event
    where = [e.c.event_date >= date(first_year, 1, 1), e.c.event_date <= date(last_year, 12, 31)]
    for column, chosen in ((e.c.event_type, event_types), (e.c.participation_level, levels),
                           (e.c.department_code, departments)):
        if chosen:
            where.append(column.in_(chosen))
    stmt = (select(e.c.department_code, e.c.participation_level.label("level"), func.count().label("events"))
            .where(*where).group_by(e.c.department_code, e.c.participation_level)
            .order_by(e.c.department_code, e.c.participation_level))
    return read_frame(engine, stmt)


def population(engine: Engine, last_year: int) -> pl.DataFrame:
    """Each district's population by age group in the latest year not after `last_year`.

    Columns: district_code, age_group_code, year, population. A district × age group with no
    figure up to `last_year` is absent (its reach is then unknown, never computed on a guess).
    """
    d = schema.district_population
    latest = (select(d.c.district_code, d.c.age_group_code, func.max(d.c.year).label("year"))
              .where(d.c.year <= last_year)
              .group_by(d.c.district_code, d.c.age_group_code)
              .subquery())
    stmt = (select(d.c.district_code, d.c.age_group_code, d.c.year, d.c.population)
            .join(latest, and_(latest.c.district_code == d.c.district_code,
                               latest.c.age_group_code == d.c.age_group_code, latest.c.year == d.c.year))
            .order_by(d.c.district_code, d.c.age_group_code))
    return read_frame(engine, stmt)


def departments(engine: Engine) -> pl.DataFrame:
    """Organising departments (code, name_fi, name_sv, name_en) by Finnish name."""
    t = schema.department
    return read_frame(engine, select(t).order_by(t.c.name_fi, t.c.code))


def adoption(engine: Engine, first_year: int, last_year: int) -> pl.DataFrame:
    """Participation-model adoption by department and year within the years."""
    a = schema.participation_adoption
    stmt = (select(a).where(a.c.year >= first_year, a.c.year <= last_year)
            .order_by(a.c.department_code, a.c.year))
    return read_frame(engine, stmt)


def district_outlines(engine: Engine) -> pl.DataFrame:
    """Districts' outlines simplified for the map, with their bounds, by code (written by each load)."""
    t = schema.district_outline
    return read_frame(engine, select(t).order_by(t.c.code))


def district_shapes(engine: Engine) -> pl.DataFrame:
    """Districts with their GeoJSON geometry text and centroid, by code (for the map)."""
    t = schema.district
    return read_frame(engine, select(t.c.code, t.c.name_fi, t.c.name_sv, t.c.geometry, t.c.centroid_lon,
                                 t.c.centroid_lat).order_by(t.c.code))


def municipality_population(engine: Engine) -> int | None:
    """The whole municipality's residents from Sotkanet (its profile: indicator 127 in the latest population
    year), or None: the denominator of the whole municipality's reach when some districts' figures are
    hidden (Paavo leaves out small postal areas' population)."""
    p, r = schema.municipality_profile, schema.region
    stmt = (select(p.c.population).select_from(p.join(r, r.c.id == p.c.region_id))
            .where(r.c.role == "municipality", p.c.population > 0).order_by(p.c.year.desc()).limit(1))
    with engine.connect() as conn:
        value = conn.execute(stmt).scalar()
    return int(value) if value else None
