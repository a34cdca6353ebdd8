"""Aggregates that depend only on a load, computed once per load and written with it (schema.DERIVED_TABLES).

`indicator_year_span`: each indicator's first and last year with a value (the screens' year choices).

`district_outline`: each district's outline simplified for the map (about 10 m, rounded to about 1 m)
and its bounds; migration 0005 fills it from the stored districts with district_outlines() below.

`participation_total`: participants and events by district, by participation level and by event type,
per calendar year, for all age groups together and per age group. The participation screen and the
overview's tile reduce these few thousand rows instead of reading every event × age group (144,000
rows at national scale) on each cold cache. Sums of these rows equal the sums over the events, since
every event has exactly one district (or none), one level and one type.

The migration that creates the table (0004) fills it from the stored events with the same grouping in
SQL; tests/test_participation.py checks that both agree with the figures computed from the events.
"""

from __future__ import annotations

import numpy as np
import polars as pl
import shapely

# breakdown name -> the participation_event column it groups by
BREAKDOWNS = (("district", "district_code"), ("level", "participation_level"), ("type", "event_type"))
# Each derived table -> the data tables it is computed from.
DERIVED_FROM = {"participation_total": frozenset({"participation_event", "event_participants"}),
                "district_outline": frozenset({"district"}),
                "indicator_year_span": frozenset({"indicator_value"})}
# Districts are simplified to about 10 m and rounded to about 1 m: invisible at a municipality's
# zoom, and a fraction of the bytes every rerun sends to the browser.
SIMPLIFY_DEGREES = 0.0001
GRID_DEGREES = 0.00001
OUTLINE_SCHEMA = {"code": pl.Utf8, "geometry": pl.Utf8, "west": pl.Float64, "south": pl.Float64,
                  "east": pl.Float64, "north": pl.Float64}
TOTAL_SCHEMA = {"breakdown": pl.Utf8, "code": pl.Utf8, "year": pl.Int64, "age_group_code": pl.Utf8,
                "participants": pl.Int64, "events": pl.Int64}


def participation_totals(events: pl.DataFrame, participants: pl.DataFrame) -> pl.DataFrame:
    """participation_total's rows from participation_event's and event_participants' frames."""
    if events.is_empty():
        return pl.DataFrame(schema=TOTAL_SCHEMA)
    date = pl.col("event_date")
    year = (date.dt.year() if events.schema["event_date"] == pl.Date else date.cast(pl.Utf8).str.slice(0, 4)
            .cast(pl.Int64)).cast(pl.Int64).alias("year")
    ev = events.select(pl.col("id").cast(pl.Utf8), year, *(pl.col(c).cast(pl.Utf8) for _, c in BREAKDOWNS))
    counts = participants.select(pl.col("event_id").cast(pl.Utf8), pl.col("age_group_code").cast(pl.Utf8),
                                 pl.col("participants").cast(pl.Int64))
    per_event = counts.group_by("event_id").agg(pl.col("participants").sum().alias("all_ages"))
    ev_all = ev.join(per_event, left_on="id", right_on="event_id", how="left").with_columns(
        pl.col("all_ages").fill_null(0))
    ev_age = ev.join(counts, left_on="id", right_on="event_id", how="inner")
    parts = []
    for name, column in BREAKDOWNS:
        parts.append(ev_all.group_by(column, "year").agg(
            pl.col("all_ages").sum().alias("participants"), pl.len().alias("events"))
            .select(pl.lit(name).alias("breakdown"), pl.col(column).alias("code"), "year",
                    pl.lit(None, pl.Utf8).alias("age_group_code"), "participants", "events"))
        parts.append(ev_age.group_by(column, "year", "age_group_code").agg(
            pl.col("participants").sum(), pl.len().alias("events"))
            .select(pl.lit(name).alias("breakdown"), pl.col(column).alias("code"), "year", "age_group_code",
                    "participants", "events"))
    frame = pl.concat([p.cast(TOTAL_SCHEMA) for p in parts], how="vertical")
    return frame.sort("breakdown", "code", "year", "age_group_code", nulls_last=False)


def district_outlines(districts: pl.DataFrame) -> pl.DataFrame:
    """district_outline's rows from `district` rows (code, geometry as GeoJSON text), in their order.

    Shapely's array functions: thousands of districts in one call each, not one call per district.
    """
    if districts.is_empty():
        return pl.DataFrame(schema=OUTLINE_SCHEMA)
    geoms = shapely.from_geojson(districts["geometry"].to_list())
    small = shapely.set_precision(shapely.simplify(geoms, SIMPLIFY_DEGREES, preserve_topology=True), GRID_DEGREES)
    small = np.where(shapely.is_empty(small), geoms, small)  # a district smaller than the grid: kept as it was
    bounds = shapely.bounds(small)
    return pl.DataFrame({"code": districts["code"].cast(pl.Utf8), "geometry": shapely.to_geojson(small).tolist(),
                         "west": bounds[:, 0], "south": bounds[:, 1], "east": bounds[:, 2], "north": bounds[:, 3]},
                        schema=OUTLINE_SCHEMA)


def derived_tables(tables: dict[str, pl.DataFrame], names=None) -> dict[str, pl.DataFrame]:
    """The rows of the derived tables named (default: all) from the package's data tables."""
    names = DERIVED_FROM.keys() if names is None else names
    derived = {}
    if "participation_total" in names:
        derived["participation_total"] = participation_totals(tables["participation_event"],
                                                              tables["event_participants"])
    if "district_outline" in names:
        derived["district_outline"] = district_outlines(tables["district"])
    if "indicator_year_span" in names:
        derived["indicator_year_span"] = indicator_year_spans(tables["indicator_value"])
    return derived


def indicator_year_spans(values: pl.DataFrame) -> pl.DataFrame:
    """indicator_year_span's rows from indicator_value's frame: each indicator's first and last year."""
    return (values.group_by("indicator_id").agg(pl.col("year").min().alias("first_year"),
                                                 pl.col("year").max().alias("last_year"))
            .cast({"indicator_id": pl.Int64, "first_year": pl.Int64, "last_year": pl.Int64}).sort("indicator_id"))


def rewrite_derived(engine) -> None:
    """Recompute every derived table from the data tables as stored, in one transaction.

    For a store whose data tables were written without a load (the tests' hand-made stores); a load
    writes the derived tables itself (writer.write_package).
    """
    from sqlalchemy import delete, insert, select

    from data_pipeline.store import schema

    needed = set().union(*DERIVED_FROM.values())
    with engine.begin() as conn:
        tables = {}
        for name in needed:
            table = schema.metadata.tables[name]
            rows = conn.execute(select(table)).all()
            tables[name] = pl.DataFrame(rows, schema=[c.name for c in table.columns], orient="row",
                                        infer_schema_length=None)
        for name, frame in derived_tables(tables).items():
            table = schema.metadata.tables[name]
            conn.execute(delete(table))
            if frame.height:
                conn.execute(insert(table), frame.to_dicts())
