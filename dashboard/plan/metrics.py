"""How current each measure is: days since its last update, flagged or stale by the plan's limits (pure polars)."""

from __future__ import annotations

import datetime as dt

import polars as pl

FRESH, FLAGGED, STALE, UNKNOWN = "fresh", "flagged", "stale", "unknown"
DEFAULT_FLAG_DAYS, DEFAULT_STALE_DAYS = 60, 180


def staleness(measures: pl.DataFrame, today: dt.date, flag_days: int | None, stale_days: int | None) -> pl.DataFrame:
    """`measures` with `days_since` (None: never dated) and `state`: fresh, flagged (not updated in
    `flag_days`), stale (not in `stale_days`), or unknown (no date of last update)."""
    flag = flag_days or DEFAULT_FLAG_DAYS
    stale = stale_days or DEFAULT_STALE_DAYS
    days = (pl.lit(today) - pl.col("updated_on")).dt.total_days()
    return measures.with_columns(days.alias("days_since")).with_columns(
        pl.when(pl.col("status") == "done").then(pl.lit(FRESH))  # a finished measure needs no more updates
        .when(pl.col("days_since").is_null()).then(pl.lit(UNKNOWN))
        .when(pl.col("days_since") > stale).then(pl.lit(STALE))
        .when(pl.col("days_since") > flag).then(pl.lit(FLAGGED))
        .otherwise(pl.lit(FRESH)).alias("state"))


def counts(measures: pl.DataFrame) -> dict[str, int]:
    """How many measures are in each state (of a frame from `staleness`)."""
    return {state: measures.filter(pl.col("state") == state).height for state in (FRESH, FLAGGED, STALE, UNKNOWN)}
