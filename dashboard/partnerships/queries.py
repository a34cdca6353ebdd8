"""Read-side queries for NGO partnerships: organisations, partnerships, activity, forums, notes, population.

Plain functions of an engine, returning polars DataFrames with fixed dtypes (the same on SQLite and
PostgreSQL); no Streamlit. The registers are small (tens of organisations, hundreds of rows), so each
table is read whole and the period, age group and district are applied in `ngo_metrics`.
"""

from __future__ import annotations

import polars as pl
from sqlalchemy import Engine, Select, func, select

from data_pipeline.store import schema

NGO_SCHEMA = {"id": pl.Utf8, "name": pl.Utf8, "ngo_type": pl.Utf8, "serves_whole_municipality": pl.Boolean}
NGO_DISTRICT_SCHEMA = {"ngo_id": pl.Utf8, "district_code": pl.Utf8}
PARTNERSHIP_SCHEMA = {"id": pl.Utf8, "ngo_id": pl.Utf8, "kind": pl.Utf8, "start_date": pl.Date,
                      "end_date": pl.Date, "grant_eur": pl.Float64, "group_code": pl.Utf8,
                      "group_fi": pl.Utf8, "group_sv": pl.Utf8, "group_en": pl.Utf8}
ACTIVITY_SCHEMA = {"ngo_id": pl.Utf8, "priority_area_code": pl.Utf8, "age_group_code": pl.Utf8,
                   "year": pl.Int64}
FORUM_SCHEMA = {"id": pl.Utf8, "forum_date": pl.Date, "title": pl.Utf8}
ATTENDANCE_SCHEMA = {"forum_id": pl.Utf8, "ngo_id": pl.Utf8}
NOTE_SCHEMA = {"id": pl.Utf8, "ngo_id": pl.Utf8, "note_date": pl.Date, "priority_area_code": pl.Utf8,
               "age_group_code": pl.Utf8, "note": pl.Utf8}
POPULATION_SCHEMA = {"district_code": pl.Utf8, "age_group_code": pl.Utf8, "year": pl.Int64,
                     "population": pl.Int64}


def _frame(engine: Engine, stmt: Select, schema_: dict) -> pl.DataFrame:
    with engine.connect() as conn:
        rows = conn.execute(stmt).all()
    # With the schema given, polars builds the columns from the rows in its own loop (10,000s of rows).
    return pl.DataFrame(rows, schema=schema_, orient="row")


def ngos(engine: Engine) -> pl.DataFrame:
    """Every organisation in the register, by name."""
    n = schema.ngo
    return _frame(engine, select(n.c.id, n.c.name, n.c.ngo_type, n.c.serves_whole_municipality)
                  .order_by(n.c.name, n.c.id), NGO_SCHEMA)


def ngo_districts(engine: Engine) -> pl.DataFrame:
    """Which districts each organisation works in (none for a whole-municipality one, usually)."""
    d = schema.ngo_district
    return _frame(engine, select(d.c.ngo_id, d.c.district_code).order_by(d.c.ngo_id, d.c.district_code),
                  NGO_DISTRICT_SCHEMA)


def partnerships(engine: Engine) -> pl.DataFrame:
    """Every partnership, with the working group's names for a seat."""
    p, g = schema.partnership, schema.working_group
    stmt = (select(p.c.id, p.c.ngo_id, p.c.kind, p.c.start_date, p.c.end_date, p.c.grant_eur, p.c.group_code,
                   g.c.name_fi, g.c.name_sv, g.c.name_en)
            .join(g, g.c.code == p.c.group_code, isouter=True)
            .order_by(p.c.ngo_id, p.c.start_date, p.c.id))
    return _frame(engine, stmt, PARTNERSHIP_SCHEMA)


def activities(engine: Engine) -> pl.DataFrame:
    """Which priority area and age group each organisation worked with, year by year."""
    a = schema.ngo_activity
    stmt = select(a.c.ngo_id, a.c.priority_area_code, a.c.age_group_code, a.c.year).order_by(
        a.c.ngo_id, a.c.year, a.c.priority_area_code, a.c.age_group_code)
    return _frame(engine, stmt, ACTIVITY_SCHEMA)


def forums(engine: Engine) -> pl.DataFrame:
    """Joint forums, oldest first."""
    f = schema.joint_forum
    return _frame(engine, select(f.c.id, f.c.forum_date, f.c.title).order_by(f.c.forum_date, f.c.id),
                  FORUM_SCHEMA)


def forum_attendance(engine: Engine) -> pl.DataFrame:
    """Which organisations were present at which forum."""
    a = schema.joint_forum_attendance
    return _frame(engine, select(a.c.forum_id, a.c.ngo_id).order_by(a.c.forum_id, a.c.ngo_id),
                  ATTENDANCE_SCHEMA)


def experiential_notes(engine: Engine) -> pl.DataFrame:
    """Experiential knowledge: the organisations' observations, newest first."""
    e = schema.experiential_note
    stmt = select(e.c.id, e.c.ngo_id, e.c.note_date, e.c.priority_area_code, e.c.age_group_code,
                  e.c.note).order_by(e.c.note_date.desc(), e.c.id)
    return _frame(engine, stmt, NOTE_SCHEMA)


def district_population(engine: Engine, end_year: int | None = None) -> pl.DataFrame:
    """Residents by district, age group and year: the denominator of coverage per 1,000.

    With `end_year`, only the year ngo_metrics.population_year would pick (the newest up to `end_year`,
    else the oldest): a national store holds 3,000 districts × age groups × years.
    """
    p = schema.district_population
    stmt = select(p.c.district_code, p.c.age_group_code, p.c.year, p.c.population).order_by(
        p.c.district_code, p.c.age_group_code, p.c.year)
    if end_year is not None:
        chosen = func.coalesce(select(func.max(p.c.year)).where(p.c.year <= end_year).scalar_subquery(),
                               select(func.min(p.c.year)).scalar_subquery())
        stmt = stmt.where(p.c.year == chosen)
    return _frame(engine, stmt, POPULATION_SCHEMA)


def ngo_tables(engine: Engine, with_population: bool = True) -> dict[str, pl.DataFrame]:
    """Everything the partnerships screen reads, table by table (the population of every year unless not
    `with_population`: the screen's cache reads the one year it needs, district_population(end_year))."""
    tables = {"ngos": ngos(engine), "ngo_districts": ngo_districts(engine), "partnerships": partnerships(engine),
              "activities": activities(engine), "forums": forums(engine), "attendance": forum_attendance(engine),
              "notes": experiential_notes(engine)}
    if with_population:
        tables["population"] = district_population(engine)
    return tables
