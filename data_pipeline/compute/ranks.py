"""Ranks of every municipality per indicator and year, nationally and within its county (pure polars).

Computed at load time from the values loaded with them, so a rank never disagrees with the values the
screens show. Rules (the same as Kolada's municipality comparisons):
- only municipalities (category KUNTA) with a value that year take part; a missing value is not last;
- the best by the indicator's direction is 1 (`higher_better`: the largest value); equal values share
  the lowest rank of their group (1, 2, 2, 4);
- the quartile is by rank position among those ranked: 1 = the best quarter, 4 = the worst; tied
  municipalities share a quartile;
- the change compares with the indicator's previous year that has ranks in the same scope (many
  survey indicators come every other year): previous_rank - rank, so a positive change is a climb.
The colour of a quartile compares with the other municipalities, not with a target.
"""

from __future__ import annotations

import polars as pl

SCOPES = ("country", "county")
RANK_SCHEMA = {"indicator_id": pl.Int64, "year": pl.Int64, "gender": pl.Utf8, "scope": pl.Utf8,
               "region_id": pl.Int64, "rank": pl.Int64, "count": pl.Int64, "quartile": pl.Int64,
               "previous_year": pl.Int64, "previous_rank": pl.Int64, "rank_change": pl.Int64}


def quartile(rank: pl.Expr, count: pl.Expr) -> pl.Expr:
    """1–4 by rank position: ranks 1..count split into four equal runs (the first run is the best)."""
    return ((rank - 1) * 4 // count + 1).clip(1, 4)


def rank_municipalities(values: pl.DataFrame, regions: pl.DataFrame, directions: dict[int, str],
                        gender: str = "total") -> pl.DataFrame:
    """Every municipality's rank per indicator and year, in scope 'country' and 'county'.

    `values`: indicator_id, region_id, year, gender, value. `regions`: id, category, county_id.
    `directions`: indicator id -> 'higher_better' | 'lower_better'; indicators not named are not
    ranked (local indicators have no other municipalities to rank against).
    """
    municipalities = regions.filter(pl.col("category") == "KUNTA").select(
        pl.col("id").cast(pl.Int64).alias("region_id"), pl.col("county_id").cast(pl.Int64))
    direction = pl.DataFrame({"indicator_id": list(directions), "direction": list(directions.values())},
                             schema={"indicator_id": pl.Int64, "direction": pl.Utf8})
    ranked_values = (values.lazy()
                     .filter((pl.col("gender") == gender) & pl.col("value").is_not_null()
                             & pl.col("value").is_not_nan())
                     .join(direction.lazy(), on="indicator_id")
                     .join(municipalities.lazy(), on="region_id")
                     # Ranking the negated value makes "best is 1" one expression for both directions.
                     .with_columns(pl.when(pl.col("direction") == "higher_better").then(-pl.col("value"))
                                   .otherwise(pl.col("value")).alias("_key")))
    frames = []
    for scope in SCOPES:
        groups = ["indicator_id", "year"] + (["county_id"] if scope == "county" else [])
        scoped = ranked_values.filter(pl.col("county_id").is_not_null()) if scope == "county" else ranked_values
        frames.append(scoped.with_columns(
            pl.col("_key").rank("min").over(groups).cast(pl.Int64).alias("rank"),
            pl.len().over(groups).cast(pl.Int64).alias("count"),
            pl.lit(scope).alias("scope"),
        ))
    ranked = pl.concat(frames).with_columns(quartile(pl.col("rank"), pl.col("count")).alias("quartile"),
                                            pl.lit(gender).alias("gender"))
    # The indicator's previous year in the scope: per indicator, not per municipality, so a
    # municipality with no value last time shows no change rather than a change over several years.
    years = (ranked.select("indicator_id", "scope", "year").unique()
             .sort("indicator_id", "scope", "year")
             .with_columns(pl.col("year").shift(1).over("indicator_id", "scope").alias("previous_year")))
    previous = ranked.select("indicator_id", "scope", "region_id", pl.col("year").alias("previous_year"),
                             pl.col("rank").alias("previous_rank"))
    out = (ranked.join(years, on=["indicator_id", "scope", "year"])
           .join(previous, on=["indicator_id", "scope", "region_id", "previous_year"], how="left")
           .with_columns((pl.col("previous_rank") - pl.col("rank")).alias("rank_change"))
           .select(list(RANK_SCHEMA))
           .sort("indicator_id", "scope", "year", "rank", "region_id")
           .collect())
    return out.cast(RANK_SCHEMA)  # type: ignore[arg-type]
