"""Read-side queries for the plan's indicators: metadata, values by region role, goals and measures.

Plain functions of an engine and plain arguments, returning polars DataFrames; no Streamlit. Each
query reads only the configured regions and the years asked for, through the store's indexes.
"""

from __future__ import annotations

import polars as pl
from sqlalchemy import Engine, and_, func, select

from data_pipeline.store import schema

VALUE_SCHEMA = {"indicator_id": pl.Int64, "region_id": pl.Int64, "role": pl.Utf8, "region_fi": pl.Utf8,
                "region_sv": pl.Utf8, "region_en": pl.Utf8, "year": pl.Int64, "gender": pl.Utf8,
                "value": pl.Float64}


def _frame(engine: Engine, stmt, schema_: dict | None = None) -> pl.DataFrame:
    with engine.connect() as conn:
        result = conn.execute(stmt)
        columns = list(result.keys())
        rows = result.all()
    if schema_:
        return pl.DataFrame(rows, schema=schema_, orient="row")
    return pl.DataFrame([dict(zip(columns, r)) for r in rows], infer_schema_length=None) if rows else \
        pl.DataFrame(schema={c: pl.Utf8 for c in columns})


def plan_indicators(engine: Engine) -> pl.DataFrame:
    """Every indicator of the plan with its metadata, in the plan's order."""
    i = schema.indicator
    return _frame(engine, select(i).order_by(i.c.priority_area_code, i.c.sort_order, i.c.id)).with_columns(
        pl.col("id").cast(pl.Int64), pl.col("decimals").cast(pl.Int64),
        pl.col("target_value").cast(pl.Float64), pl.col("target_year").cast(pl.Int64))


def indicator_values(engine: Engine, first_year: int, last_year: int,
                     indicator_ids: tuple[int, ...] | None = None,
                     genders: tuple[str, ...] = ("total",)) -> pl.DataFrame:
    """Values of the plan's indicators for the configured regions (municipality, county, country, peers)."""
    v, r = schema.indicator_value, schema.region
    # Naming the plan's indicators and the stored regions lets both stores seek the (indicator, region,
    # year) index; with only year and gender, SQLite skip-scanned the whole index of a national store
    # (0.7 s for 7.9M rows, benchmarks/national.py).
    # The configured comparison set only: the store also holds every other municipality (role 'other').
    compared = select(r.c.id).where(r.c.role.in_(schema.COMPARISON_ROLES))
    conditions = [v.c.indicator_id.in_(select(schema.indicator.c.id)), v.c.region_id.in_(compared),
                  v.c.year >= first_year, v.c.year <= last_year, v.c.gender.in_(genders)]
    if indicator_ids is not None:
        conditions.append(v.c.indicator_id.in_(indicator_ids))
    stmt = (select(v.c.indicator_id, v.c.region_id, r.c.role, r.c.name_fi, r.c.name_sv, r.c.name_en, v.c.year,
                   v.c.gender, v.c.value)
            .join(r, r.c.id == v.c.region_id)
            .where(and_(*conditions))
            .order_by(v.c.indicator_id, v.c.region_id, v.c.year, v.c.gender))
    return _frame(engine, stmt, VALUE_SCHEMA)


def comparison_regions(engine: Engine) -> pl.DataFrame:
    """The county and the country the plan compares with: role, name_fi, name_sv, name_en."""
    r = schema.region
    stmt = (select(r.c.role, r.c.name_fi, r.c.name_sv, r.c.name_en).where(r.c.role.in_(("county", "country")))
            .order_by(r.c.role))
    return _frame(engine, stmt, {"role": pl.Utf8, "name_fi": pl.Utf8, "name_sv": pl.Utf8, "name_en": pl.Utf8})


def district_values(engine: Engine, first_year: int, last_year: int, district_code: str) -> pl.DataFrame:
    """Local indicators' values for one district (gender total)."""
    d = schema.indicator_district_value
    stmt = (select(d.c.indicator_id, d.c.year, d.c.value)
            .where(d.c.district_code == district_code, d.c.gender == "total",
                   d.c.year >= first_year, d.c.year <= last_year)
            .order_by(d.c.indicator_id, d.c.year))
    return _frame(engine, stmt, {"indicator_id": pl.Int64, "year": pl.Int64, "value": pl.Float64})


def indicators_with_district_data(engine: Engine) -> tuple[int, ...]:
    d = schema.indicator_district_value
    with engine.connect() as conn:
        return tuple(sorted(row[0] for row in conn.execute(select(d.c.indicator_id).distinct())))


def goals_and_measures(engine: Engine) -> pl.DataFrame:
    """Goals with their measures (a goal without measures appears once, with empty measure columns)."""
    g, m = schema.goal, schema.measure
    stmt = (select(g.c.priority_area_code, g.c.code.label("goal_code"), g.c.text_fi.label("goal_fi"),
                   g.c.text_sv.label("goal_sv"), g.c.text_en.label("goal_en"), m.c.code.label("measure_code"),
                   m.c.text_fi.label("measure_fi"), m.c.text_sv.label("measure_sv"), m.c.text_en.label("measure_en"),
                   m.c.responsible_unit, m.c.status)
            .join(m, m.c.goal_code == g.c.code, isouter=True)
            .order_by(g.c.priority_area_code, g.c.code, m.c.code))
    return _frame(engine, stmt, {"priority_area_code": pl.Utf8, "goal_code": pl.Utf8, "goal_fi": pl.Utf8,
                                 "goal_sv": pl.Utf8, "goal_en": pl.Utf8, "measure_code": pl.Utf8,
                                 "measure_fi": pl.Utf8, "measure_sv": pl.Utf8, "measure_en": pl.Utf8,
                                 "responsible_unit": pl.Utf8, "status": pl.Utf8})


def sotkanet_attribution(engine: Engine) -> dict | None:
    """The Sotkanet source's attribution and data-updated date, for every screen that shows its data."""
    f = schema.source_freshness
    with engine.connect() as conn:
        row = conn.execute(select(f.c.attribution, f.c.data_updated, f.c.status)
                           .where(f.c.source == "sotkanet")).mappings().first()
    return dict(row) if row else None


RANK_SCHEMA = {"indicator_id": pl.Int64, "year": pl.Int64, "scope": pl.Utf8, "rank": pl.Int64, "count": pl.Int64,
               "quartile": pl.Int64, "previous_year": pl.Int64, "previous_rank": pl.Int64, "rank_change": pl.Int64,
               "county_fi": pl.Utf8, "county_sv": pl.Utf8, "county_en": pl.Utf8}


def own_ranks(engine: Engine, first_year: int, last_year: int) -> pl.DataFrame:
    """The own municipality's ranks (scope 'country' and 'county', gender total) within the period.

    A few hundred rows at most, read through the (region, indicator, year) index of indicator_rank;
    the county's name comes with each row so that a screen can say "Satakunnan hyvinvointialue 3/16".
    """
    k, r = schema.indicator_rank, schema.region
    own = select(r.c.id).where(r.c.role == "municipality").scalar_subquery()
    county = r.alias("county")
    muni = r.alias("muni")
    stmt = (select(k.c.indicator_id, k.c.year, k.c.scope, k.c.rank, k.c.count, k.c.quartile, k.c.previous_year,
                   k.c.previous_rank, k.c.rank_change, county.c.name_fi.label("county_fi"),
                   county.c.name_sv.label("county_sv"), county.c.name_en.label("county_en"))
            .join(muni, muni.c.id == k.c.region_id)
            .join(county, county.c.id == muni.c.county_id, isouter=True)
            .where(k.c.region_id == own, k.c.gender == "total", k.c.year >= first_year, k.c.year <= last_year)
            .order_by(k.c.indicator_id, k.c.scope, k.c.year))
    return _frame(engine, stmt, RANK_SCHEMA)


MAP_SCHEMA = {"code": pl.Utf8, "name_fi": pl.Utf8, "name_sv": pl.Utf8, "name_en": pl.Utf8, "role": pl.Utf8,
              "county_id": pl.Int64, "year": pl.Int64, "value": pl.Float64, "rank": pl.Int64, "count": pl.Int64}


def municipality_values(engine: Engine, indicator_id: int, year: int | None = None) -> pl.DataFrame:
    """Every municipality's value of one indicator in `year` (the year whose rank the screen shows), else
    in its latest ranked year, with its national rank.

    The latest year is the newest with ranks in scope 'country' (read from indicator_rank's primary key);
    an indicator without ranks (a local one) gives an empty frame. One indicator, all regions: indexed.
    """
    k, v, r = schema.indicator_rank, schema.indicator_value, schema.region
    if year is None:
        with engine.connect() as conn:
            year = conn.execute(select(func.max(k.c.year)).where(k.c.indicator_id == indicator_id,
                                                                 k.c.scope == "country")).scalar()
    if year is None:
        return pl.DataFrame(schema=MAP_SCHEMA)
    stmt = (select(r.c.code, r.c.name_fi, r.c.name_sv, r.c.name_en, r.c.role, r.c.county_id, v.c.year, v.c.value,
                   k.c.rank, k.c.count)
            .join(r, r.c.id == v.c.region_id)
            .join(k, and_(k.c.indicator_id == v.c.indicator_id, k.c.year == v.c.year, k.c.gender == v.c.gender,
                          k.c.scope == "country", k.c.region_id == v.c.region_id), isouter=True)
            .where(v.c.indicator_id == indicator_id, v.c.year == year, v.c.gender == "total",
                   r.c.category == "KUNTA")
            .order_by(r.c.code))
    return _frame(engine, stmt, MAP_SCHEMA)


def municipality_shapes(engine: Engine) -> pl.DataFrame:
    """The simplified municipality boundaries (code, names, GeoJSON geometry); empty without boundaries_year."""
    s = schema.municipality_shape
    return _frame(engine, select(s.c.code, s.c.name_fi, s.c.name_sv, s.c.name_en, s.c.geometry).order_by(s.c.code),
                  {"code": pl.Utf8, "name_fi": pl.Utf8, "name_sv": pl.Utf8, "name_en": pl.Utf8, "geometry": pl.Utf8})


def boundaries_failure(engine: Engine) -> str | None:
    """Why the municipality boundaries are missing when their download failed (the stored message of the
    stale `boundaries` source, every language), else None."""
    f = schema.source_freshness
    with engine.connect() as conn:
        row = conn.execute(select(f.c.status, f.c.message).where(f.c.source == "boundaries")).first()
    return row.message or "" if row is not None and row.status != "fresh" else None


def own_county_id(engine: Engine) -> int | None:
    r = schema.region
    with engine.connect() as conn:
        return conn.execute(select(r.c.county_id).where(r.c.role == "municipality")).scalar()


PROFILE_SCHEMA = {"code": pl.Utf8, "name_fi": pl.Utf8, "name_sv": pl.Utf8, "name_en": pl.Utf8, "role": pl.Utf8,
                  "year": pl.Int64, "population": pl.Float64, "share_0_14": pl.Float64, "share_15_64": pl.Float64,
                  "share_65_plus": pl.Float64, "distance": pl.Float64, "similarity_rank": pl.Int64,
                  "share_swedish": pl.Float64}


def municipality_profiles(engine: Engine) -> pl.DataFrame:
    """Every municipality's size and age structure with its distance from the own one (computed at load
    time, data_pipeline/compute/similar.py); empty when the package does not fetch them (`[regions] profile`)."""
    m, r = schema.municipality_profile, schema.region
    stmt = (select(r.c.code, r.c.name_fi, r.c.name_sv, r.c.name_en, r.c.role, m.c.year, m.c.population,
                   m.c.share_0_14, m.c.share_15_64, m.c.share_65_plus, m.c.distance, m.c.similarity_rank,
                   m.c.share_swedish)
            .join(r, r.c.id == m.c.region_id).where(r.c.category == "KUNTA").order_by(r.c.code))
    return _frame(engine, stmt, PROFILE_SCHEMA)
