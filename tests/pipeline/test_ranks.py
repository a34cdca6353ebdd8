"""Ranks among all municipalities and within the county, on hand-made frames (data_pipeline/compute/ranks.py)."""

from __future__ import annotations

import polars as pl

from data_pipeline.compute.ranks import rank_municipalities

# Six municipalities in two counties (900: 1–4, 901: 5–6), one municipality with no county, a county
# and the country (never ranked: only municipalities are).
REGIONS = pl.DataFrame({
    "id": [1, 2, 3, 4, 5, 6, 7, 900, 901, 658],
    "category": ["KUNTA"] * 7 + ["HYVINVOINTIALUE", "HYVINVOINTIALUE", "MAA"],
    "county_id": [900, 900, 900, 900, 901, 901, None, None, None, None],
})


def values(indicator: int, year: int, by_region: dict[int, float | None], gender: str = "total") -> list[dict]:
    return [{"indicator_id": indicator, "region_id": r, "year": year, "gender": gender, "value": v}
            for r, v in by_region.items()]


def frame(rows: list[dict]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema={"indicator_id": pl.Int64, "region_id": pl.Int64, "year": pl.Int64,
                                      "gender": pl.Utf8, "value": pl.Float64})


def ranks(result: pl.DataFrame, indicator: int, year: int, scope: str = "country") -> dict[int, tuple]:
    rows = result.filter((pl.col("indicator_id") == indicator) & (pl.col("year") == year)
                         & (pl.col("scope") == scope))
    return {r["region_id"]: (r["rank"], r["count"], r["quartile"]) for r in rows.iter_rows(named=True)}


def test_direction_decides_which_end_is_first():
    data = frame(values(1, 2024, {1: 10.0, 2: 30.0, 3: 20.0, 4: 40.0})
                 + values(2, 2024, {1: 10.0, 2: 30.0, 3: 20.0, 4: 40.0}))
    result = rank_municipalities(data, REGIONS, {1: "higher_better", 2: "lower_better"})
    assert {r: v[0] for r, v in ranks(result, 1, 2024).items()} == {4: 1, 2: 2, 3: 3, 1: 4}
    assert {r: v[0] for r, v in ranks(result, 2, 2024).items()} == {1: 1, 3: 2, 2: 3, 4: 4}


def test_ties_share_the_lowest_rank_and_missing_values_are_left_out():
    data = frame(values(1, 2024, {1: 5.0, 2: 7.0, 3: 7.0, 4: None, 5: 1.0, 6: float("nan"), 7: 9.0})
                 + values(1, 2024, {658: 100.0, 900: 50.0}))
    result = rank_municipalities(data, REGIONS, {1: "higher_better"})
    # 4 (null) and 6 (NaN) have no value: not ranked, not counted. The county and country are not ranked.
    assert ranks(result, 1, 2024) == {7: (1, 5, 1), 2: (2, 5, 1), 3: (2, 5, 1), 1: (4, 5, 3), 5: (5, 5, 4)}


def test_quartiles_by_rank_position():
    regions = pl.DataFrame({"id": list(range(1, 9)), "category": ["KUNTA"] * 8, "county_id": [None] * 8},
                           schema={"id": pl.Int64, "category": pl.Utf8, "county_id": pl.Int64})
    data = frame(values(1, 2024, {r: float(r) for r in range(1, 9)}))
    result = rank_municipalities(data, regions, {1: "lower_better"})
    assert [ranks(result, 1, 2024)[r][2] for r in range(1, 9)] == [1, 1, 2, 2, 3, 3, 4, 4]


def test_county_scope_ranks_within_the_county_only():
    data = frame(values(1, 2024, {1: 1.0, 2: 2.0, 3: 3.0, 4: 4.0, 5: 5.0, 6: 6.0, 7: 7.0}))
    result = rank_municipalities(data, REGIONS, {1: "higher_better"})
    assert ranks(result, 1, 2024, "county") == {4: (1, 4, 1), 3: (2, 4, 2), 2: (3, 4, 3), 1: (4, 4, 4),
                                                6: (1, 2, 1), 5: (2, 2, 3)}  # 7 has no county
    assert ranks(result, 1, 2024)[7] == (1, 7, 1)


def test_change_since_the_indicators_previous_year():
    # A survey every other year: 2022 is the previous year of 2024, not 2023.
    data = frame(values(1, 2022, {1: 1.0, 2: 2.0, 3: 3.0})
                 + values(1, 2024, {1: 3.0, 2: 2.0, 3: 1.0, 4: 0.5}))
    result = rank_municipalities(data, REGIONS, {1: "lower_better"})
    latest = result.filter((pl.col("year") == 2024) & (pl.col("scope") == "country")).sort("region_id")
    assert latest.select("region_id", "rank", "previous_year", "previous_rank", "rank_change").rows() == [
        (1, 4, 2022, 1, -3),    # fell from first to fourth
        (2, 3, 2022, 2, -1),
        (3, 2, 2022, 3, 1),     # climbed one place
        (4, 1, 2022, None, None),  # not ranked in 2022: no change to show
    ]
    first = result.filter(pl.col("year") == 2022)
    assert first["previous_year"].null_count() == first.height


def test_only_the_total_and_only_indicators_with_a_direction_are_ranked():
    data = frame(values(1, 2024, {1: 1.0, 2: 2.0}) + values(1, 2024, {1: 9.0, 2: 1.0}, gender="male")
                 + values(900001, 2024, {1: 5.0}))
    result = rank_municipalities(data, REGIONS, {1: "higher_better"})
    assert set(result["gender"]) == {"total"} and set(result["indicator_id"]) == {1}
    assert ranks(result, 1, 2024) == {2: (1, 2, 1), 1: (2, 2, 3)}
