"""Similar municipalities by size and age structure, on a hand-made table (data_pipeline/compute/similar.py)."""

from __future__ import annotations

import polars as pl
import pytest

from data_pipeline.compute import similar


def profiles(rows: list[tuple]) -> pl.DataFrame:
    return pl.DataFrame(
        [{"region_id": i, "code": code, "name_fi": name, "year": 2024, "population": pop, "share_0_14": young,
          "share_15_64": None if young is None or old is None else 100 - young - old, "share_65_plus": old}
         for i, (code, name, pop, young, old) in enumerate(rows, start=1)],
        schema=similar.PROFILE_SCHEMA)


TOWNS = profiles([
    ("609", "Pori", 84_000, 13.0, 27.0),
    ("684", "Rauma", 39_000, 14.0, 26.0),       # half the size, same ages
    ("405", "Lappeenranta", 72_000, 13.5, 25.5),  # nearly the size, nearly the ages
    ("091", "Helsinki", 670_000, 14.5, 17.0),     # much bigger and much younger
    ("020", "Akaa", 16_000, 16.0, 23.0),
    ("005", "Alajärvi", 9_500, 14.0, 30.0),
    ("999", "Tuntematon", None, 15.0, 25.0),      # no population figure: never proposed
])


def test_nearest_by_standardised_size_and_age_first():
    found = similar.similar_municipalities(TOWNS, "609", n=3)
    assert found["code"].to_list() == ["405", "684", "005"]
    assert found["rank"].to_list() == [1, 2, 3]
    assert found["distance"].is_sorted() and found["distance"][0] > 0


def test_reasons_put_their_figures_beside_the_own():
    first = similar.similar_municipalities(TOWNS, "609", n=1).row(0, named=True)
    assert (first["name_fi"], first["population"], first["share_0_14"], first["share_65_plus"]) == \
        ("Lappeenranta", 72_000, 13.5, 25.5)
    assert (first["own_population"], first["own_share_0_14"], first["own_share_15_64"], first["own_share_65_plus"]) == \
        (84_000, 13.0, 60.0, 27.0)


def test_distance_is_the_euclidean_distance_of_z_scores():
    complete = TOWNS.filter(pl.col("population").is_not_null())
    logs = complete["population"].log()
    z_pop = (logs - logs.mean()) / logs.std()
    z_young = (complete["share_0_14"] - complete["share_0_14"].mean()) / complete["share_0_14"].std()
    z_old = (complete["share_65_plus"] - complete["share_65_plus"].mean()) / complete["share_65_plus"].std()
    pori, lpr = 0, 2
    expected = ((z_pop[pori] - z_pop[lpr]) ** 2 + (z_young[pori] - z_young[lpr]) ** 2
                + (z_old[pori] - z_old[lpr]) ** 2) ** 0.5
    assert similar.similar_municipalities(TOWNS, "609", n=1)["distance"][0] == pytest.approx(expected)


def test_no_proposal_without_the_own_profile():
    assert similar.similar_municipalities(TOWNS, "999").is_empty()
    assert similar.similar_municipalities(TOWNS, "123").is_empty()


def test_profiles_from_stored_values_take_the_latest_population_year():
    regions = pl.DataFrame({"id": [1, 2, 976], "category": ["KUNTA", "KUNTA", "HYVINVOINTIALUE"],
                            "code": ["609", "684", "6"], "name_fi": ["Pori", "Rauma", "Satakunta"]})
    rows = [(127, 1, 2023, 83_000.0), (127, 1, 2024, 84_000.0), (127, 2, 2024, 39_000.0), (127, 976, 2024, 2e5),
            (1064, 1, 2024, 13.0), (1068, 1, 2024, 27.0), (1064, 2, 2024, 14.0), (1068, 2, 2023, 25.0)]
    values = pl.DataFrame([{"indicator_id": i, "region_id": r, "year": y, "gender": "total", "value": v}
                           for i, r, y, v in rows])
    got = similar.municipality_profiles(values, regions)
    assert got.select("code", "year", "population", "share_0_14", "share_65_plus").rows() == [
        ("609", 2024, 84_000.0, 13.0, 27.0), ("684", 2024, 39_000.0, 14.0, None)]


def test_a_missing_profile_file_does_not_hold_back_the_plans_data(tmp_path):
    """The profile only explains the peers: without it (Sotkanet did not answer yet) the package still loads,
    with no profiles, and once the file is there the next refresh stores them."""
    from support.store_rows import table_frame
    from data_pipeline import demo
    from data_pipeline.store import schema
    from data_pipeline.load.refresh import refresh

    config = demo.write_demo_package(tmp_path / "pkg")
    kept = (config.parent / "sotkanet" / "data" / "1064.json").read_bytes()
    (config.parent / "sotkanet" / "data" / "1064.json").unlink()
    url = f"sqlite:///{tmp_path / 'store.db'}"
    result = refresh(config, url)
    assert result.status == "success", (result.message, result.problems)
    assert table_frame(url, schema.municipality_profile).is_empty()
    assert table_frame(url, schema.indicator_value).height > 0
    (config.parent / "sotkanet" / "data" / "1064.json").write_bytes(kept)
    assert refresh(config, url).status == "success"
    profiles = table_frame(url, schema.municipality_profile)
    assert profiles.height >= 300 and profiles["similarity_rank"].drop_nulls().len() >= 300
