"""Aggregates that depend only on a load, computed once per load and written with it (schema.DERIVED_TABLES).

`participation_total`: participants and events by district, by participation level and by event type,
per calendar year, for all age groups together and per age group. The participation screen and the
overview's tile reduce these few thousand rows instead of reading every event × age group (144,000
rows at national scale) on each cold cache. Sums of these rows equal the sums over the events, since
every event has exactly one district (or none), one level and one type.

The migration that creates the table (0004) fills it from the stored events with the same grouping in
SQL; tests/test_participation.py checks that both agree with the figures computed from the events.
"""

from __future__ import annotations

import polars as pl

# breakdown name -> the participation_event column it groups by
BREAKDOWNS = (("district", "district_code"), ("level", "participation_level"), ("type", "event_type"))
# The data tables the derived ones are computed from.
SOURCES = frozenset({"participation_event", "event_participants"})
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


def derived_tables(tables: dict[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    """Every derived table's rows from the package's data tables."""
    return {"participation_total": participation_totals(tables["participation_event"],
                                                        tables["event_participants"])}
