"""Where the plan is on track: per-indicator status, area summaries and weak signals (no Streamlit).

Every judgement follows the indicator's direction: for `lower_better` a falling value improves.
Definitions, so the screen and the briefing say the same thing:
- latest: the municipality's newest value (gender total) within the period; previous: the one before it.
- trend: the change from previous to latest, as improving / holding / worsening; "holding" when the
  change is within HOLD_TOLERANCE of the previous value (small wobbles are not news).
- plan change: from the baseline (the last value before the plan's first year) to the latest.
- target: met when the latest value is on the good side of the target (or equal to it).
- comparison: the latest value against the county's and the country's value of the same year.
- weak signal: the indicator has been worsening since some year after improving over the years
  before it (a turn; its change and size are counted from where the worsening began), or it moved
  in the latest year from the good side of the country or county level to the bad side (a
  crossing). Ranked by the size of the worsening relative to where it began.
"""

from __future__ import annotations

import polars as pl

HOLD_TOLERANCE = 0.02   # 2 % of the previous value
TURN_LOOKBACK = 3       # years of improvement before a turn counts as a turn

IMPROVING, HOLDING, WORSENING, NO_DATA = "improving", "holding", "worsening", "no_data"

STATUS_SCHEMA = {
    "indicator_id": pl.Int64, "latest_year": pl.Int64, "latest": pl.Float64, "previous_year": pl.Int64,
    "previous": pl.Float64, "change": pl.Float64, "trend": pl.Utf8, "baseline_year": pl.Int64,
    "baseline": pl.Float64, "plan_change": pl.Float64, "target_met": pl.Boolean, "county": pl.Float64,
    "country": pl.Float64, "vs_county": pl.Utf8, "vs_country": pl.Utf8,
}


def _better(a: float, b: float, direction: str) -> bool:
    return a > b if direction == "higher_better" else a < b


def classify(change: float | None, previous: float | None, direction: str) -> str:
    """improving / holding / worsening for a change from `previous`, following the direction."""
    if change is None or previous is None:
        return NO_DATA
    if abs(change) <= HOLD_TOLERANCE * max(abs(previous), 1e-9):
        return HOLDING
    improved = change > 0 if direction == "higher_better" else change < 0
    return IMPROVING if improved else WORSENING


def _compare(value: float | None, other: float | None, direction: str) -> str | None:
    if value is None or other is None:
        return None
    if abs(value - other) <= HOLD_TOLERANCE * max(abs(other), 1e-9):
        return "level"
    return "better" if _better(value, other, direction) else "worse"


def _series(values: pl.DataFrame, indicator_id: int, role: str) -> dict[int, float]:
    rows = values.filter((pl.col("indicator_id") == indicator_id) & (pl.col("role") == role)
                         & (pl.col("gender") == "total") & pl.col("value").is_not_null())
    return dict(zip(rows["year"].to_list(), rows["value"].to_list()))


def indicator_status(indicators: pl.DataFrame, values: pl.DataFrame, plan_start_year: int | None) -> pl.DataFrame:
    """One row per indicator with its latest value, trend, plan change, target and comparisons.

    `indicators`: id, direction, target_value. `values`: indicator_id, role (municipality, county,
    country, peer), year, gender, value — already limited to the period being looked at.
    """
    rows = []
    for ind in indicators.select("id", "direction", "target_value").iter_rows(named=True):
        direction = ind["direction"]
        own = _series(values, ind["id"], "municipality")
        years = sorted(own)
        row = {"indicator_id": ind["id"], "trend": NO_DATA}
        if years:
            latest_year = years[-1]
            latest = own[latest_year]
            previous_year = years[-2] if len(years) > 1 else None
            previous = own[previous_year] if previous_year is not None else None
            change = latest - previous if previous is not None else None
            before_plan = [y for y in years if plan_start_year is not None and y < plan_start_year]
            baseline_year = before_plan[-1] if before_plan else years[0]
            baseline = own[baseline_year]
            county = _series(values, ind["id"], "county").get(latest_year)
            country = _series(values, ind["id"], "country").get(latest_year)
            target = ind["target_value"]
            row.update(
                latest_year=latest_year, latest=latest, previous_year=previous_year, previous=previous,
                change=change, trend=classify(change, previous, direction),
                baseline_year=baseline_year if baseline_year != latest_year else None,
                baseline=baseline if baseline_year != latest_year else None,
                plan_change=latest - baseline if baseline_year != latest_year else None,
                target_met=None if target is None else (latest == target or _better(latest, target, direction)),
                county=county, country=country,
                vs_county=_compare(latest, county, direction), vs_country=_compare(latest, country, direction),
            )
        rows.append(row)
    return pl.DataFrame(rows, schema=STATUS_SCHEMA)


def area_summary(indicators: pl.DataFrame, status: pl.DataFrame) -> pl.DataFrame:
    """Per priority area: indicators improving / holding / worsening, targets met, vs county and country."""
    joined = indicators.select(pl.col("id").alias("indicator_id"), "priority_area_code").join(
        status, on="indicator_id", how="left")
    return (
        joined.group_by("priority_area_code", maintain_order=True)
        .agg(
            pl.len().alias("indicators"),
            (pl.col("trend") == IMPROVING).sum().alias("improving"),
            (pl.col("trend") == HOLDING).sum().alias("holding"),
            (pl.col("trend") == WORSENING).sum().alias("worsening"),
            (pl.col("trend") == NO_DATA).sum().alias("no_data"),
            pl.col("target_met").is_not_null().sum().alias("with_target"),
            pl.col("target_met").fill_null(False).sum().alias("target_met"),
            (pl.col("vs_county") == "better").sum().alias("better_than_county"),
            (pl.col("vs_county") == "worse").sum().alias("worse_than_county"),
            (pl.col("vs_country") == "better").sum().alias("better_than_country"),
            (pl.col("vs_country") == "worse").sum().alias("worse_than_country"),
        )
        .with_columns(pl.exclude("priority_area_code").cast(pl.Int64))
    )


def weak_signals(indicators: pl.DataFrame, values: pl.DataFrame) -> pl.DataFrame:
    """Indicators that turned worse or crossed to the bad side of a comparison level, worst first.

    Columns: indicator_id, kind ("turn" or "crossed_country" / "crossed_county"), year (for a turn,
    the last good year), change, severity (the worsening relative to where it began, in %).
    """
    found = []
    for ind in indicators.select("id", "direction").iter_rows(named=True):
        direction = ind["direction"]
        own = _series(values, ind["id"], "municipality")
        years = sorted(own)
        if len(years) < 2:
            continue
        latest_year, previous_year = years[-1], years[-2]
        latest, previous = own[latest_year], own[previous_year]
        # The run of worsening years that ends at the latest value, and where it started.
        start = len(years) - 1
        while start > 0 and classify(own[years[start]] - own[years[start - 1]], own[years[start - 1]],
                                     direction) == WORSENING:
            start -= 1
        if start < len(years) - 1:
            run_from = own[years[start]]
            severity = abs(latest - run_from) / max(abs(run_from), 1e-9) * 100
            earlier = years[max(0, start - TURN_LOOKBACK):start + 1]
            if len(earlier) >= 2 and classify(own[earlier[-1]] - own[earlier[0]], own[earlier[0]],
                                              direction) == IMPROVING:
                found.append({"indicator_id": ind["id"], "kind": "turn", "year": years[start],
                              "change": latest - run_from, "severity": severity})
                continue
        severity = abs(latest - previous) / max(abs(previous), 1e-9) * 100
        for role in ("country", "county"):
            other = _series(values, ind["id"], role)
            if latest_year in other and previous_year in other:
                was = _compare(previous, other[previous_year], direction)
                now = _compare(latest, other[latest_year], direction)
                if was in ("better", "level") and now == "worse":
                    found.append({"indicator_id": ind["id"], "kind": f"crossed_{role}", "year": latest_year,
                                  "change": latest - previous, "severity": severity})
                    break
    frame = pl.DataFrame(found, schema={"indicator_id": pl.Int64, "kind": pl.Utf8, "year": pl.Int64,
                                        "change": pl.Float64, "severity": pl.Float64})
    return frame.sort("severity", descending=True)


def board(indicators: pl.DataFrame, values: pl.DataFrame, plan_start_year: int | None,
          age_group: str | None = None) -> dict[str, pl.DataFrame]:
    """Everything the indicator screens show, computed once per filter choice.

    `cards`: the (age-filtered) indicators with their status columns, in plan order;
    `areas`: area_summary of those; `signals`: weak_signals joined to the indicator's metadata.
    """
    chosen = indicators if age_group is None else indicators.filter(pl.col("age_group_code") == age_group)
    status = indicator_status(chosen, values, plan_start_year)
    cards = chosen.join(status, left_on="id", right_on="indicator_id", how="left", maintain_order="left")
    signals = weak_signals(chosen, values).join(
        chosen.select(pl.col("id").alias("indicator_id"), "priority_area_code", "title_fi", "title_sv", "title_en",
                      "unit", "decimals", "direction"), on="indicator_id", how="left", maintain_order="left")
    return {"cards": cards, "areas": area_summary(chosen, status), "signals": signals}


# A rank within the county is shown only among at least this many of its municipalities with a value.
MIN_COUNTY_RANKED = 5


def card_ranks(cards: pl.DataFrame, ranks: pl.DataFrame) -> dict[int, dict[str, dict]]:
    """Each card's ranks in the card's own latest year: indicator id -> scope ('country', 'county') -> row.

    The rank belongs to the value the card shows, so a year the card does not show is never used;
    an indicator without ranks (a local one, or no rank that year) is simply absent.
    """
    if cards.is_empty() or ranks.is_empty():
        return {}
    years = cards.select(pl.col("id").alias("indicator_id"), pl.col("latest_year").alias("year")).drop_nulls()
    out: dict[int, dict[str, dict]] = {}
    for row in ranks.join(years, on=["indicator_id", "year"]).iter_rows(named=True):
        if row["scope"] == "county" and (row["count"] or 0) < MIN_COUNTY_RANKED:
            continue  # "1/1" among the county's municipalities the store knows says nothing
        out.setdefault(row["indicator_id"], {})[row["scope"]] = row
    return out


def peer_band(values: pl.DataFrame) -> pl.DataFrame:
    """One indicator's peers (role 'peer') per year: median, min, max and how many, beside the own value.

    `values`: role, year, value (gender total, one indicator). Years without any peer value are left
    out: a band of nothing would read as agreement.
    """
    peers = values.filter((pl.col("role") == "peer") & pl.col("value").is_not_null())
    if peers.is_empty():
        return pl.DataFrame(schema={"year": pl.Int64, "median": pl.Float64, "low": pl.Float64, "high": pl.Float64,
                                    "peers": pl.Int64, "own": pl.Float64})
    own = values.filter(pl.col("role") == "municipality").select("year", pl.col("value").alias("own"))
    return (peers.group_by("year").agg(pl.col("value").median().alias("median"), pl.col("value").min().alias("low"),
                                       pl.col("value").max().alias("high"), pl.len().cast(pl.Int64).alias("peers"))
            .join(own, on="year", how="left").sort("year"))


MAP_CLASSES = 5


def map_classes(values: pl.DataFrame, direction: str, classes: int = MAP_CLASSES) -> pl.DataFrame:
    """Quantile classes of every municipality's value, direction-aware: class 0 is the best fifth.

    By rank position (equal values share a class), so "good" is the same class, and colour, whichever
    way the indicator points. Adds `cls`; municipalities without a value get none.
    """
    key = -pl.col("value") if direction == "higher_better" else pl.col("value")
    n = values["value"].drop_nulls().len()
    if n == 0:
        return values.with_columns(pl.lit(None, dtype=pl.Int64).alias("cls"))
    return values.with_columns(((key.rank("min") - 1) * classes // n).cast(pl.Int64).clip(0, classes - 1).alias("cls"))


SIMILAR_GROUPS = ("municipality", "peer_proposed", "peer", "proposed", "other")


def similar_groups(profiles: pl.DataFrame, proposed: int) -> pl.DataFrame:
    """Each municipality's place in the peer choice: the own one, a configured peer that is also among the
    `proposed` most similar (`peer_proposed`), a configured peer that is not (`peer`), one proposed but not
    configured (`proposed`), or `other`. `profiles`: queries.municipality_profiles. Nearest first."""
    near = pl.col("similarity_rank").is_not_null() & (pl.col("similarity_rank") <= proposed)
    return profiles.with_columns(
        pl.when(pl.col("role") == "municipality").then(pl.lit("municipality"))
        .when((pl.col("role") == "peer") & near).then(pl.lit("peer_proposed"))
        .when(pl.col("role") == "peer").then(pl.lit("peer"))
        .when(near).then(pl.lit("proposed"))
        .otherwise(pl.lit("other")).alias("group")
    ).sort(pl.col("role") != "municipality", pl.col("distance"), "code", nulls_last=True)
