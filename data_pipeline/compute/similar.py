"""Similar municipalities: the nearest ones by size and age structure, with why each was chosen (pure polars).

A municipality's profile is its population and age shares from Sotkanet (Statistics Finland's figures
in the indicator bank). Each measure is standardised over all municipalities with a whole profile
(z-score: minus the mean, divided by the standard deviation), population on a log scale so that
Helsinki does not flatten every other difference, and the distance is the Euclidean one between
z-scores. The 15–64 share is shown but not measured: with the two others it sums to 100, so counting
it would weigh age structure twice against size. For a bilingual or Swedish-speaking municipality the
share of Swedish speakers (2343) is one more measure, standardised like the others: Närpes is then
compared with Ostrobothnian municipalities rather than with Finnish-speaking ones of its size.

The proposal is a starting point: `[regions] peers` in hyte.toml stays the municipality's own choice.
"""

from __future__ import annotations

import polars as pl

# Sotkanet indicator ids: population 31.12. and age groups as % of the population.
POPULATION = 127
SHARE_0_14 = 1064
SHARE_15_64 = 1067
SHARE_65_PLUS = 1068
SHARE_SWEDISH = 2343  # Swedish speakers, % of the population (a measure for bilingual and Swedish municipalities)
PROFILE_INDICATORS = {POPULATION: "population", SHARE_0_14: "share_0_14", SHARE_15_64: "share_15_64",
                      SHARE_65_PLUS: "share_65_plus"}
MEASURES = ("population", "share_0_14", "share_65_plus")
LANGUAGE_MEASURES = (*MEASURES, "share_swedish")
PROPOSED = 6  # how many are proposed (hyte init writes them as `[regions] peers`; the screen marks them)
PROFILE_SCHEMA = {"region_id": pl.Int64, "code": pl.Utf8, "name_fi": pl.Utf8, "year": pl.Int64,
                  "population": pl.Float64, "share_0_14": pl.Float64, "share_15_64": pl.Float64,
                  "share_65_plus": pl.Float64, "share_swedish": pl.Float64}


def municipality_profiles(values: pl.DataFrame, regions: pl.DataFrame, year: int | None = None) -> pl.DataFrame:
    """One row per municipality: population and age shares in `year` (default: the latest year with
    population figures). `values` as stored (indicator_id, region_id, year, gender, value); `regions`:
    id, category, code, name_fi."""
    measured = {**PROFILE_INDICATORS, SHARE_SWEDISH: "share_swedish"}
    wanted = values.filter(pl.col("indicator_id").is_in(list(measured)) & (pl.col("gender") == "total")
                           & pl.col("value").is_not_null())
    if year is None:
        years = wanted.filter(pl.col("indicator_id") == POPULATION)["year"]
        if years.is_empty():
            return pl.DataFrame(schema=PROFILE_SCHEMA)
        year = int(years.max())
    wide = (wanted.filter(pl.col("year") == year)
            .with_columns(pl.col("indicator_id").replace_strict(measured).alias("measure"))
            .pivot(on="measure", index="region_id", values="value"))
    for name in (*PROFILE_INDICATORS.values(), "share_swedish"):
        if name not in wide.columns:
            wide = wide.with_columns(pl.lit(None, dtype=pl.Float64).alias(name))
    municipalities = regions.filter(pl.col("category") == "KUNTA").select(
        pl.col("id").cast(pl.Int64).alias("region_id"), "code", "name_fi")
    return (municipalities.join(wide, on="region_id")
            .with_columns(pl.lit(year, dtype=pl.Int64).alias("year"))
            .select(list(PROFILE_SCHEMA)).cast(PROFILE_SCHEMA).sort("code"))  # type: ignore[arg-type]


# What each proposal shows beside the own figures (share_swedish empty where it was not measured).
REASONS = ("population", "share_0_14", "share_15_64", "share_65_plus", "share_swedish")


def similar_municipalities(profiles: pl.DataFrame, own_code: str, n: int | None = 5,
                           measures: tuple[str, ...] = MEASURES) -> pl.DataFrame:
    """The `n` municipalities nearest to `own_code` (None: all of them), nearest first, each with its
    figures beside the own; `measures`: MEASURES, or LANGUAGE_MEASURES for a bilingual or Swedish one.

    Columns: rank, code, name_fi, distance, then each measure and `own_<measure>` (the reasons).
    Municipalities missing a measure are left out; an own municipality missing one gives no proposal.
    """
    if "share_swedish" not in profiles.columns:
        profiles = profiles.with_columns(pl.lit(None, dtype=pl.Float64).alias("share_swedish"))
    complete = profiles.drop_nulls(list(measures)).filter(pl.col("population") > 0)
    if complete.filter(pl.col("code") == own_code).is_empty() or complete.height < 2:
        return pl.DataFrame(schema={"rank": pl.Int64, "code": pl.Utf8, "name_fi": pl.Utf8, "distance": pl.Float64,
                                    **{m: pl.Float64 for m in REASONS},
                                    **{f"own_{m}": pl.Float64 for m in REASONS}})
    scaled = complete.with_columns(pl.col("population").log().alias("_population"),
                                   *[pl.col(m).alias(f"_{m}") for m in measures if m != "population"])
    z_cols = [f"_{m}" for m in measures]
    # A measure equal everywhere (std 0) tells no municipality apart: it adds nothing to the distance.
    scaled = scaled.with_columns([
        ((pl.col(c) - pl.col(c).mean()) / pl.col(c).std()).fill_nan(0.0).fill_null(0.0).alias(c) for c in z_cols])
    own = scaled.filter(pl.col("code") == own_code).row(0, named=True)
    distance = sum(((pl.col(c) - own[c]) ** 2 for c in z_cols), pl.lit(0.0)).sqrt()
    reasons = REASONS
    return (scaled.filter(pl.col("code") != own_code)
            .with_columns(distance.alias("distance"))
            .sort("distance", "code")
            .head(complete.height if n is None else n)
            .with_columns(pl.int_range(1, pl.len() + 1, dtype=pl.Int64).alias("rank"),
                          *[pl.lit(own[m], dtype=pl.Float64).alias(f"own_{m}") for m in reasons])
            .select("rank", "code", "name_fi", "distance", *reasons, *[f"own_{m}" for m in reasons]))


STORED_SCHEMA = {"region_id": pl.Int64, "year": pl.Int64, "population": pl.Float64, "share_0_14": pl.Float64,
                 "share_15_64": pl.Float64, "share_65_plus": pl.Float64, "share_swedish": pl.Float64,
                 "distance": pl.Float64, "similarity_rank": pl.Int64}


def profile_table(values: pl.DataFrame, regions: pl.DataFrame, own_code: str, by_language: bool = False) -> pl.DataFrame:
    """The store's `municipality_profile` rows, computed at load time: every municipality's profile in the
    latest population year, with its distance from the own municipality and its rank by it (1 = the most
    similar; the own row and municipalities missing a measure have none). Empty without population figures.
    `by_language` (a bilingual or Swedish-speaking package): the Swedish speakers' share is a measure too,
    when the own municipality has one.
    """
    profiles = municipality_profiles(values, regions)
    if profiles.is_empty():
        return pl.DataFrame(schema=STORED_SCHEMA)
    own = profiles.filter(pl.col("code") == own_code)
    measures = LANGUAGE_MEASURES if by_language and own.height and own["share_swedish"][0] is not None else MEASURES
    ranked = similar_municipalities(profiles, own_code, n=None, measures=measures).select(
        "code", "distance", pl.col("rank").alias("similarity_rank"))
    return (profiles.join(ranked, on="code", how="left")
            .select(list(STORED_SCHEMA)).cast(STORED_SCHEMA)  # type: ignore[arg-type]
            .sort("region_id"))
